"""newsclean: the article from a news page, and what every other part of the page is.

    >>> import newsclean
    >>> article = newsclean.clean(html, url="https://www.spacewar.com/reports/...")
    >>> article.title, article.text, article.sidebar_stories, article.ads, article.legal

Importing the package does no work: the parsing machinery (lxml) loads on the
first call to `clean()` or on first use of `TemplateSet`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsclean.limits import InputTooLarge, LimitExceeded, TimeBudgetExceeded
from newsclean.model import Article, Block, BlockKind, EncodingRule, Region, Story
from newsclean.options import Options

if TYPE_CHECKING:
    from newsclean.api import clean
    from newsclean.templates import Template, TemplateSet

__version__ = "0.1.0.dev0"

__all__ = [
    "Article",
    "Block",
    "BlockKind",
    "EncodingRule",
    "InputTooLarge",
    "LimitExceeded",
    "Options",
    "Region",
    "Story",
    "Template",
    "TemplateSet",
    "TimeBudgetExceeded",
    "__version__",
    "clean",
]

_LAZY = {
    "clean": ("newsclean.api", "clean"),
    "Template": ("newsclean.templates", "Template"),
    "TemplateSet": ("newsclean.templates", "TemplateSet"),
}


def __getattr__(name: str) -> Any:
    # Deferred so that `import newsclean` stays cheap and loads no lxml.
    if name in _LAZY:
        import importlib

        module_name, attr = _LAZY[name]
        value = getattr(importlib.import_module(module_name), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'newsclean' has no attribute {name!r}")
