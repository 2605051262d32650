"""The public entry point: `clean(html) -> Article`."""

from __future__ import annotations

import dataclasses
import functools
import itertools
import operator
import re
import types
import typing
from collections.abc import Callable
from enum import Enum
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
#: The output types: an object of one holds strings in its fields, and so may a tuple.
_OUTPUT_TYPES = (Article, Block, Story)
_HOLDS_TEXT = (str, tuple, *_OUTPUT_TYPES)
_Value = TypeVar("_Value", bound=Article | Block | Story)


def _declares_text(annotation: Any) -> bool:
    """The annotation allows only text or None: str, a str enum, or unions of them."""
    if isinstance(annotation, type):
        return issubclass(annotation, str) or annotation is type(None)
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        return all(_declares_text(member) for member in typing.get_args(annotation))
    return False


def _no_values(_: Any) -> tuple[Any, ...]:
    return ()


def _values_of(names: list[str]) -> Callable[[Any], tuple[Any, ...]]:
    """The named fields' values of an object, as one tuple (one C call per object)."""
    if len(names) > 1:
        return operator.attrgetter(*names)
    if not names:
        return _no_values
    get = operator.attrgetter(names[0])

    def one(value: Any) -> tuple[Any, ...]:
        return (get(value),)

    return one


@functools.cache
def _fields_of(kind: type) -> tuple[Callable[[Any], tuple[Any, ...]], ...]:
    """For an output type: the values of its fields declared as text, and of the others."""
    hints = typing.get_type_hints(kind)
    names = [field.name for field in dataclasses.fields(kind)]
    return tuple(
        _values_of([name for name in names if _declares_text(hints[name]) is declared])
        for declared in (True, False)
    )


#: How many objects `_is_safe` joins the text of at a time.
_SAFETY_SLICE = 512


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
    NUL or a lone surrogate.

    The objects of a tuple (a region's blocks) are looked at together, a slice at a time:
    the fields their type declares as text (`str`, a `str` enum, or None) of all of them
    joined in one C call and searched once; their other fields one by one, as any value
    of unknown type is (a string among them is searched too, a tuple or output object
    looked into). Per-object calls cost more, and one string of the whole output would
    copy all of it."""
    pending: list[tuple[Any, ...]] = [(article,)]
    while pending:
        values = pending.pop()
        strings: list[str] = []
        objects: dict[type, list[Any]] = {}
        for value in values:
            if isinstance(value, str):
                strings.append(value)
            elif isinstance(value, _OUTPUT_TYPES):
                objects.setdefault(type(value), []).append(value)
            elif value and isinstance(value, tuple):  # empty ones (most `rows`) hold nothing
                pending.append(value)
        if strings and _holds_unsafe("".join(strings)):
            return False
        for kind, found in objects.items():
            text_fields, other_fields = _fields_of(kind)
            for start in range(0, len(found), _SAFETY_SLICE):
                chunk = found[start : start + _SAFETY_SLICE]
                texts = itertools.chain.from_iterable(map(text_fields, chunk))
                try:
                    joined = "".join(filter(None, texts))
                except TypeError:  # a value of another type where text was declared
                    pending.append(tuple(itertools.chain.from_iterable(map(text_fields, chunk))))
                    joined = ""
                if _holds_unsafe(joined):
                    return False
                # Of the other fields' values, only text, tuples and output objects can
                # hold text (most are numbers and empty tuples).
                others = tuple(
                    value
                    for value in itertools.chain.from_iterable(map(other_fields, chunk))
                    if value and isinstance(value, _HOLDS_TEXT)
                )
                if others:
                    pending.append(others)
    return True


def _holds_unsafe(text: str) -> bool:
    """NUL or a lone surrogate in `text`: a substring test finds NUL; ASCII text (known
    at once) holds no surrogate, and other text holds one exactly where encoding it as
    UTF-8 fails, which finds it faster than the pattern does."""
    if "\x00" in text:
        return True
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


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
