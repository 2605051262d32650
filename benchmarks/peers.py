"""The extractors the benchmark compares: newsclean, its peers, and two baselines.

Each entry of `EXTRACTORS` has a factory that imports what it needs and returns an
`Extractor`: a callable `(html_bytes, url, want_meta) -> Extraction`. A factory raises
`Unavailable` (or ImportError) when its library is not installed; the run then skips that
row with a note. Peers are the project's optional `bench` extra:
`pip install trafilatura readability-lxml resiliparse justext` (one at a time).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import lxml.html

from scoring import Extraction

Extractor = Callable[[bytes, str | None, bool], Extraction]


class Unavailable(Exception):
    """The extractor cannot run here (library missing or incompatible)."""


@dataclass(frozen=True, slots=True)
class ExtractorSpec:
    key: str  # what --only matches (by prefix)
    label: str  # the table's row name
    factory: Callable[[], Extractor]
    has_meta: bool  # returns title/byline/published on the readability set
    scored: bool = True  # False for the bare parse, which is a timing baseline only


# --------------------------------------------------------------------------------------
# HTML -> text with block boundaries (for readability-lxml's summary and full-page text)
# --------------------------------------------------------------------------------------

_BLOCK_TAGS = frozenset(
    (
        *("address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl"),
        *("dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4"),
        *("h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section"),
        *("summary", "table", "td", "th", "tr", "ul"),
    )
)
_DROP_TAGS = ("script", "style", "noscript", "template")


def element_text(root: Any) -> str:
    """Text of an lxml element with a line break around every block element, so words in
    adjacent blocks never run together. Modifies the tree (callers own it)."""
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCK_TAGS:
            el.tail = "\n" + (el.tail or "")
            el.text = "\n" + (el.text or "")
    text = root.text_content()
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _drop_code(root: Any) -> None:
    for el in list(root.iter(*_DROP_TAGS)):
        el.drop_tree()  # keeps the tail text


# --------------------------------------------------------------------------------------
# Baselines
# --------------------------------------------------------------------------------------


def _lxml_parse() -> Extractor:
    def run(html: bytes, url: str | None, want_meta: bool) -> Extraction:
        lxml.html.fromstring(html)
        return Extraction(text="")

    return run


def _full_page() -> Extractor:
    def run(html: bytes, url: str | None, want_meta: bool) -> Extraction:
        root = lxml.html.fromstring(html)
        _drop_code(root)
        body = root.find(".//body")
        return Extraction(text=element_text(body if body is not None else root))

    return run


# --------------------------------------------------------------------------------------
# newsclean
# --------------------------------------------------------------------------------------


def _newsclean(bundled: bool) -> Callable[[], Extractor]:
    def factory() -> Extractor:
        import newsclean  # noqa: PLC0415

        # An empty TemplateSet means heuristics alone; None means the bundled templates.
        templates = None if bundled else newsclean.TemplateSet()
        clean = newsclean.clean

        def run(html: bytes, url: str | None, want_meta: bool) -> Extraction:
            article = clean(html, url=url, templates=templates)
            return Extraction(
                text=article.text or "",
                title=article.title,
                byline=article.byline,
                published=article.published,
            )

        return run

    return factory


# --------------------------------------------------------------------------------------
# Peers
# --------------------------------------------------------------------------------------


def _trafilatura(favor_precision: bool) -> Callable[[], Extractor]:
    def factory() -> Extractor:
        import trafilatura  # noqa: PLC0415

        def run(html: bytes, url: str | None, want_meta: bool) -> Extraction:
            # extract() with its defaults (txt output, comments included), so the text is
            # exactly what a default user gets; metadata, where wanted, from
            # extract_metadata (included in the timing, as newsclean always extracts it).
            text = trafilatura.extract(html, url=url, favor_precision=favor_precision) or ""
            if not want_meta:
                return Extraction(text=text)
            meta = trafilatura.extract_metadata(html, default_url=url)
            return Extraction(
                text=text,
                title=meta.title if meta else None,
                byline=meta.author if meta else None,
                published=meta.date if meta else None,
            )

        return run

    return factory


def _readability_lxml() -> Extractor:
    from readability import Document  # noqa: PLC0415

    def run(html: bytes, url: str | None, want_meta: bool) -> Extraction:
        doc = Document(html, url=url)
        title = byline = None
        if want_meta:  # before summary(), which rewrites the parsed tree
            title = _unless(doc.short_title(), "[no-title]")
            byline = _unless(doc.author(), "[no-author]")
        summary = doc.summary(html_partial=True)
        text = element_text(lxml.html.fromstring(summary)) if summary.strip() else ""
        return Extraction(text=text, title=title, byline=byline)

    return run


def _unless(value: str | None, placeholder: str) -> str | None:
    return None if not value or value == placeholder else value


def _resiliparse() -> Extractor:
    from resiliparse.extract.html2text import extract_plain_text  # noqa: PLC0415
    from resiliparse.parse.encoding import bytes_to_str, detect_encoding  # noqa: PLC0415

    def run(html: bytes, url: str | None, want_meta: bool) -> Extraction:
        text = bytes_to_str(html, detect_encoding(html) or "utf-8")
        return Extraction(text=extract_plain_text(text, main_content=True))

    return run


def _justext() -> Extractor:
    import justext  # noqa: PLC0415

    available = {name.lower(): name for name in justext.get_stoplists()}
    cache: dict[str, Any] = {}

    def stoplist(html: bytes) -> Any:
        name = available.get(ISO_TO_JUSTEXT.get(page_language(html) or "", ""), "English")
        if name not in cache:
            cache[name] = justext.get_stoplist(name)
        return cache[name]

    def run(html: bytes, url: str | None, want_meta: bool) -> Extraction:
        paragraphs = justext.justext(html, stoplist(html))
        return Extraction(text="\n".join(p.text for p in paragraphs if not p.is_boilerplate))

    return run


# --------------------------------------------------------------------------------------
# Page language, for jusText's stoplist
# --------------------------------------------------------------------------------------

_LANG_RES = (
    re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']?\s*([a-zA-Z]{2,3})", re.I),
    re.compile(
        rb"<meta\b[^>]*?http-equiv\s*=\s*[\"']?content-language[^>]*?content\s*=\s*"
        rb"[\"']?\s*([a-zA-Z]{2,3})",
        re.I,
    ),
    re.compile(
        rb"<meta\b[^>]*?property\s*=\s*[\"']?og:locale[\"']?[^>]*?content\s*=\s*"
        rb"[\"']?\s*([a-zA-Z]{2,3})",
        re.I,
    ),
)

# ISO 639-1 -> jusText stoplist name (lower-cased; looked up case-insensitively).
ISO_TO_JUSTEXT = {
    "af": "afrikaans",
    "ar": "arabic",
    "bg": "bulgarian",
    "bn": "bengali",
    "bs": "bosnian",
    "ca": "catalan",
    "cs": "czech",
    "cy": "welsh",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "eo": "esperanto",
    "es": "spanish",
    "et": "estonian",
    "eu": "basque",
    "fa": "persian",
    "fi": "finnish",
    "fr": "french",
    "ga": "irish",
    "gl": "galician",
    "he": "hebrew",
    "hi": "hindi",
    "hr": "croatian",
    "hu": "hungarian",
    "hy": "armenian",
    "id": "indonesian",
    "is": "icelandic",
    "it": "italian",
    "ka": "georgian",
    "ko": "korean",
    "lt": "lithuanian",
    "lv": "latvian",
    "mk": "macedonian",
    "ms": "malay",
    "nb": "norwegian_bokmal",
    "nl": "dutch",
    "nn": "norwegian_nynorsk",
    "no": "norwegian_bokmal",
    "pl": "polish",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sk": "slovak",
    "sl": "slovenian",
    "sq": "albanian",
    "sr": "serbian",
    "sv": "swedish",
    "sw": "swahili",
    "ta": "tamil",
    "tl": "tagalog",
    "tr": "turkish",
    "uk": "ukrainian",
    "ur": "urdu",
    "vi": "vietnamese",
}


def page_language(html: bytes) -> str | None:
    """The primary language subtag the page declares (html lang, content-language,
    og:locale), lower-cased, from its first 64 KiB; None if it declares none."""
    head = html[:65536]
    for pattern in _LANG_RES:
        match = pattern.search(head)
        if match:
            return match.group(1).decode("ascii").lower()[:2]
    return None


# --------------------------------------------------------------------------------------
# The registry, in table order
# --------------------------------------------------------------------------------------

BASELINE_KEY = "lxml-parse"

EXTRACTORS: tuple[ExtractorSpec, ...] = (
    ExtractorSpec("newsclean", "newsclean (heuristics)", _newsclean(bundled=False), True),
    ExtractorSpec("newsclean-bundled", "newsclean (bundled templates)", _newsclean(True), True),
    ExtractorSpec("trafilatura", "trafilatura", _trafilatura(favor_precision=False), True),
    ExtractorSpec(
        "trafilatura-precision", "trafilatura (favor_precision)", _trafilatura(True), True
    ),
    ExtractorSpec("readability-lxml", "readability-lxml", _readability_lxml, True),
    ExtractorSpec("resiliparse", "resiliparse", _resiliparse, False),
    ExtractorSpec("justext", "jusText", _justext, False),
    ExtractorSpec("full-page", "full page text", _full_page, False),
    ExtractorSpec(BASELINE_KEY, "lxml parse (baseline)", _lxml_parse, False, scored=False),
)


def spec(key: str) -> ExtractorSpec:
    for entry in EXTRACTORS:
        if entry.key == key:
            return entry
    raise KeyError(key)


def select(only: list[str] | None) -> list[ExtractorSpec]:
    """The extractors `--only` names (each name matches keys by prefix, case-insensitive),
    always with the lxml baseline, in table order."""
    if not only:
        return list(EXTRACTORS)
    wanted = [name.strip().lower() for name in only if name.strip()]
    return [
        entry
        for entry in EXTRACTORS
        if entry.key == BASELINE_KEY or any(entry.key.startswith(name) for name in wanted)
    ]
