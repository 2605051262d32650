"""The public entry point: `clean(html) -> Article`."""

from __future__ import annotations

from newsclean.model import Article
from newsclean.options import Options
from newsclean.pipeline import Extraction, run
from newsclean.templates import TemplateSet

_HTML_TYPES = (bytes, bytearray, memoryview, str)


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
    Bad input never raises: the Article is empty and `warnings` says why.
    A wrong argument type raises TypeError.
    """
    return explain(
        html, url=url, http_charset=http_charset, templates=templates, options=options
    ).article


def explain(
    html: bytes | str,
    *,
    url: str | None = None,
    http_charset: str | None = None,
    templates: TemplateSet | None = None,
    options: Options | None = None,
) -> Extraction:
    """Like `clean`, but keeps every segment with its features and the rule that decided it."""
    _check_types(html, url, http_charset, templates, options)
    return run(
        bytes(html) if isinstance(html, (bytearray, memoryview)) else html,
        url=url,
        http_charset=http_charset,
        templates=TemplateSet.builtin() if templates is None else templates,
        options=options or Options(),
    )


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
