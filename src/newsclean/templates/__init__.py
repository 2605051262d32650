"""Site templates: declarative per-site rules (TOML, CSS-first) and the `Template` protocol.

templates = TemplateSet.builtin() | TemplateSet.from_dir("my-templates")
template = templates.match("https://www.spacewar.com/reports/...", root)
found = template.apply(root) if template else None
"""

from __future__ import annotations

from newsclean.templates.errors import TemplateError
from newsclean.templates.protocol import (
    FingerprintedTemplate,
    HostedTemplate,
    Template,
    TemplateMatch,
)
from newsclean.templates.registry import TemplateSet
from newsclean.templates.rules import Rule
from newsclean.templates.site import SiteTemplate

__all__ = [
    "FingerprintedTemplate",
    "HostedTemplate",
    "Rule",
    "SiteTemplate",
    "Template",
    "TemplateError",
    "TemplateMatch",
    "TemplateSet",
]
