"""The extractors the benchmark compares: newsclean, its peers, and two baselines.

Each entry of `EXTRACTORS` has a factory that imports what it needs and returns an
`Extractor`: a callable `(html_bytes, url, want_meta) -> Extraction`. A factory raises
`Unavailable` (or ImportError) when its library is not installed; the run then skips that
row with a note. Peers are the project's optional `bench` extra:
`pip install trafilatura readability-lxml resiliparse justext` (one at a time).
"""

from __future__ import annotations

import json
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
    meta: frozenset[str]  # which of title/byline/date it reports (scored on readability, wcxb)
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


def _python_walk() -> Extractor:
    """The floor of any Python heuristic over an lxml tree: the bare parse, then one visit
    of every element reading what the simplest text-density rule needs (tag, class, id,
    text, tail). Whatever a Python extractor does beyond this costs more."""

    def run(html: bytes, url: str | None, want_meta: bool) -> Extraction:
        root = lxml.html.fromstring(html)
        for el in root.iter():
            el.tag, el.get("class"), el.get("id"), el.text, el.tail
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


def _newsclean(
    bundled: bool, favor: str | None = None, ftr: bool = False
) -> Callable[[], Extractor]:
    def factory() -> Extractor:
        import newsclean

        # An empty TemplateSet means heuristics alone; None means the bundled templates.
        templates = None if bundled else newsclean.TemplateSet()
        if ftr:  # the optional pack imported from FiveFilters' site configs, on top
            templates = newsclean.TemplateSet.builtin() | newsclean.TemplateSet.ftr()
        options = {
            None: newsclean.Options(),
            "precision": newsclean.Options.favor_precision(),
            "recall": newsclean.Options.favor_recall(),
        }[favor]
        clean = newsclean.clean

        def run(html: bytes, url: str | None, want_meta: bool) -> Extraction:
            article = clean(html, url=url, templates=templates, options=options)
            return Extraction(
                text=article.text or "",
                title=article.title,
                byline=article.byline,
                published=article.published,
                authors=", ".join(article.authors),
            )

        return run

    return factory


# --------------------------------------------------------------------------------------
# Peers
# --------------------------------------------------------------------------------------


def _trafilatura(favor_precision: bool) -> Callable[[], Extractor]:
    def factory() -> Extractor:
        import trafilatura

        def run(html: bytes, url: str | None, want_meta: bool) -> Extraction:
            # extract() with its defaults (txt output, comments included), so the text is
            # what a default user gets. Where metadata is wanted, one call with JSON output
            # and metadata (one parse, as newsclean's); its text plus its separate
            # comments is the txt output up to whitespace, so the scores are the same.
            if not want_meta:
                text = trafilatura.extract(html, url=url, favor_precision=favor_precision)
                return Extraction(text=text or "")
            found = trafilatura.extract(
                html,
                url=url,
                favor_precision=favor_precision,
                output_format="json",
                with_metadata=True,
            )
            record = json.loads(found) if found else {}
            text = "\n".join(part for part in (record.get("text"), record.get("comments")) if part)
            return Extraction(
                text=text,
                title=record.get("title"),
                byline=record.get("author"),
                published=record.get("date"),
            )

        return run

    return factory


def _readability_lxml() -> Extractor:
    from readability import Document

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
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import bytes_to_str, detect_encoding

    def run(html: bytes, url: str | None, want_meta: bool) -> Extraction:
        text = bytes_to_str(html, detect_encoding(html) or "utf-8")
        return Extraction(text=extract_plain_text(text, main_content=True))

    return run


def _justext() -> Extractor:
    import justext

    names = {name.lower(): name for name in justext.get_stoplists()}
    candidates = sorted({names[lang] for lang in ISO_TO_JUSTEXT.values() if lang in names})
    stoplists = {name: justext.get_stoplist(name) for name in candidates}
    index = StopwordIndex(stoplists)

    def stoplist(html: bytes) -> Any:
        declared = names.get(ISO_TO_JUSTEXT.get(page_language(html) or "", ""))
        name = declared or index.guess(html) or "English"
        return stoplists.get(name) or justext.get_stoplist(name)

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


_COMMENT_RE = re.compile(rb"<!--.*?-->", re.S)
_CODE_OR_TAG_RE = re.compile(rb"<(script|style)\b.*?</\1\s*>|<[^>]*>", re.S | re.I)
_WORD_RE = re.compile(r"[^\W\d_]+")


def page_language(html: bytes) -> str | None:
    """The primary language subtag the page declares (html lang, content-language,
    og:locale), lower-cased, from its first 64 KiB outside comments (IE conditional
    comments often carry a stale `<html lang="en">`); None if it declares none."""
    head = _COMMENT_RE.sub(b"", html[:65536])
    for pattern in _LANG_RES:
        match = pattern.search(head)
        if match:
            return match.group(1).decode("ascii").lower()[:2]
    return None


class StopwordIndex:
    """Guesses a page's language as the stoplist covering most of its first words."""

    def __init__(self, stoplists: dict[str, frozenset[str]], sample_words: int = 2000) -> None:
        self.sample_words = sample_words
        self.languages: dict[str, list[str]] = {}
        for name, words in stoplists.items():
            for word in words:
                self.languages.setdefault(word.lower(), []).append(name)

    def guess(self, html: bytes) -> str | None:
        sample = _COMMENT_RE.sub(b" ", html[:500_000])
        text = _CODE_OR_TAG_RE.sub(b" ", sample).decode("utf-8", "ignore")
        hits: dict[str, int] = {}
        for count, match in enumerate(_WORD_RE.finditer(text.lower())):
            if count >= self.sample_words:
                break
            for name in self.languages.get(match.group(), ()):
                hits[name] = hits.get(name, 0) + 1
        return max(hits, key=lambda name: hits[name]) if hits else None


# --------------------------------------------------------------------------------------
# The registry, in table order
# --------------------------------------------------------------------------------------

BASELINE_KEY = "lxml-parse"
WALK_KEY = "lxml-walk"  # the Python floor: timed, never scored

ALL_META = frozenset({"title", "byline", "date"})
NO_META: frozenset[str] = frozenset()

EXTRACTORS: tuple[ExtractorSpec, ...] = (
    ExtractorSpec("newsclean", "newsclean (heuristics)", _newsclean(bundled=False), ALL_META),
    ExtractorSpec("newsclean-bundled", "newsclean (bundled templates)", _newsclean(True), ALL_META),
    ExtractorSpec(
        "newsclean-ftr", "newsclean (bundled + FTR pack)", _newsclean(True, ftr=True), ALL_META
    ),
    ExtractorSpec(
        "newsclean-precision",
        "newsclean (favor_precision)",
        _newsclean(False, "precision"),
        ALL_META,
    ),
    ExtractorSpec(
        "newsclean-recall", "newsclean (favor_recall)", _newsclean(False, "recall"), ALL_META
    ),
    ExtractorSpec("trafilatura", "trafilatura", _trafilatura(favor_precision=False), ALL_META),
    ExtractorSpec(
        "trafilatura-precision", "trafilatura (favor_precision)", _trafilatura(True), ALL_META
    ),
    ExtractorSpec(
        "readability-lxml", "readability-lxml", _readability_lxml, frozenset({"title", "byline"})
    ),
    ExtractorSpec("resiliparse", "resiliparse", _resiliparse, NO_META),
    ExtractorSpec("justext", "jusText", _justext, NO_META),
    ExtractorSpec("full-page", "full page text", _full_page, NO_META),
    ExtractorSpec(WALK_KEY, "lxml parse + one Python walk", _python_walk, NO_META, scored=False),
    ExtractorSpec(BASELINE_KEY, "lxml parse (baseline)", _lxml_parse, NO_META, scored=False),
)


def spec(key: str) -> ExtractorSpec:
    for entry in EXTRACTORS:
        if entry.key == key:
            return entry
    raise KeyError(key)


def select(only: list[str] | None, exact: bool = False) -> list[ExtractorSpec]:
    """The extractors `--only` names (each name matches keys by prefix, case-insensitive;
    with `exact`, the whole key), always with the two timing baselines, in table order."""
    if not only:
        return list(EXTRACTORS)
    wanted = [name.strip().lower() for name in only if name.strip()]

    def named(key: str) -> bool:
        return any(key == name if exact else key.startswith(name) for name in wanted)

    return [entry for entry in EXTRACTORS if not entry.scored or named(entry.key)]
