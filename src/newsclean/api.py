"""The public entry point: `clean(html) -> Article`."""

from __future__ import annotations

import dataclasses
import operator
import re
from collections.abc import Callable, Mapping
from enum import Enum
from types import MappingProxyType
from typing import Any, TypeVar

from newsclean.limits import check_input_size
from newsclean.model import Article, Block, Story
from newsclean.options import Options
from newsclean.pipeline import Extraction, run
from newsclean.templates import TemplateSet

_HTML_TYPES = (bytes, bytearray, memoryview, str)
# Never in any output string: NUL, and lone surrogates (they cannot be encoded as UTF-8).
# Decoding removes them from the page, but metadata (JSON-LD "\u0000" escapes, the
# caller's url) reaches the Article by other paths.
_UNSAFE = re.compile("[\x00\ud800-\udfff]")
#: What an output object's fields may hold that holds strings in turn.
_NESTED = (tuple, Article, Block, Story)
_Value = TypeVar("_Value", bound=Article | Block | Story)
#: For each output type, its fields' values as one tuple (one C call per object).
_FIELD_VALUES: Mapping[type, Callable[[Any], tuple[Any, ...]]] = MappingProxyType(
    {
        kind: operator.attrgetter(*(f.name for f in dataclasses.fields(kind)))
        for kind in (Article, Block, Story)
    }
)


def clean(
    html: bytes | str,
    *,
    url: str | None = None,
    http_charset: str | None = None,
    templates: TemplateSet | None = None,
    options: Options | None = None,
) -> Article:
    """Extract the article from a page, and sort out everything around it.

    `html` is the page as served (bytes: decoded as a browser would, with
    `http_charset` from the Content-Type header if you have it) or as text.
    `url` picks the site template and makes story links absolute.
    `templates=None` uses the bundled templates; `TemplateSet()` uses none.
    Bad input (empty, binary, not HTML, badly encoded, nested too deep...)
    never raises: the Article is empty where there is no article, and
    `warnings` says what was wrong. No output string holds NUL or a lone
    surrogate. A wrong argument type raises TypeError.

    Limits set in `options` (`max_input_bytes`, `time_budget`) raise
    `newsclean.InputTooLarge` / `newsclean.TimeBudgetExceeded` (both
    `newsclean.LimitExceeded`) when exceeded; no partial Article is returned.
    """
    return _extract(html, url, http_charset, templates, options, keep_segments=False).article


def explain(
    html: bytes | str,
    *,
    url: str | None = None,
    http_charset: str | None = None,
    templates: TemplateSet | None = None,
    options: Options | None = None,
) -> Extraction:
    """Like `clean`, but keeps every segment with its features and the rule that decided it."""
    return _extract(html, url, http_charset, templates, options, keep_segments=True)


def _extract(
    html: bytes | str,
    url: str | None,
    http_charset: str | None,
    templates: TemplateSet | None,
    options: Options | None,
    *,
    keep_segments: bool,
) -> Extraction:
    _check_types(html, url, http_charset, templates, options)
    options = options or Options()
    size = html.nbytes if isinstance(html, memoryview) else len(html)
    check_input_size(size, options.max_input_bytes)
    extraction = run(
        bytes(html) if isinstance(html, (bytearray, memoryview)) else html,
        url=url,
        http_charset=http_charset,
        templates=TemplateSet.builtin() if templates is None else templates,
        options=options,
        keep_segments=keep_segments,
    )
    return dataclasses.replace(extraction, article=_safe_article(extraction.article))


def _safe_article(article: Article) -> Article:
    """The article with NUL and lone surrogates gone from every string, warnings deduplicated."""
    warnings = tuple(dict.fromkeys(article.warnings))  # decode and parse may both warn
    if _is_safe(article):
        return dataclasses.replace(article, warnings=warnings)
    safe = _sanitised(article)
    note = "removed NUL or lone surrogate characters from the output"
    return dataclasses.replace(safe, warnings=(*dict.fromkeys(safe.warnings), note))


def _is_safe(article: Article) -> bool:
    """No string in the article, its blocks and stories (whatever fields they gain) holds
    NUL or a lone surrogate. One search per object, over its strings joined: per-string
    calls cost more, and one string of the whole output would copy all of it."""
    pending: list[Any] = [article]
    while pending:
        value = pending.pop()
        items = value if isinstance(value, tuple) else _FIELD_VALUES[type(value)](value)
        strings = [item for item in items if isinstance(item, str)]
        if strings and _UNSAFE.search("".join(strings)) is not None:
            return False
        # A list, not a generator; a tuple of types, not a union; empty tuples (most
        # blocks' `rows`) hold nothing to look at.
        pending += [item for item in items if item and isinstance(item, _NESTED)]
    return True


def _sanitised(value: _Value) -> _Value:
    changes = {f.name: _sanitised_field(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return dataclasses.replace(value, **changes)


def _sanitised_field(value: Any) -> Any:
    if isinstance(value, Enum):
        return value
    if isinstance(value, str):
        return _UNSAFE.sub(lambda m: "" if m.group() == "\x00" else "\ufffd", value)
    if isinstance(value, tuple):
        return tuple(_sanitised_field(item) for item in value)
    if isinstance(value, Article | Block | Story):
        return _sanitised(value)
    return value


def _check_types(
    html: object, url: object, http_charset: object, templates: object, options: object
) -> None:
    if not isinstance(html, _HTML_TYPES):
        raise TypeError(f"html must be bytes or str, not {type(html).__name__}")
    for name, value in (("url", url), ("http_charset", http_charset)):
        if value is not None and not isinstance(value, str):
            raise TypeError(f"{name} must be a str or None, not {type(value).__name__}")
    if templates is not None and not isinstance(templates, TemplateSet):
        raise TypeError(f"templates must be a TemplateSet or None, not {type(templates).__name__}")
    if options is not None and not isinstance(options, Options):
        raise TypeError(f"options must be an Options or None, not {type(options).__name__}")
