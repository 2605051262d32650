"""Property-based tests: generated HTML, structured like pages and broken like real ones.

Hypothesis builds element trees (nesting, tables, lists, unclosed tags, attributes
that hide or classify, raw-text elements, entities, control characters), renders
them, optionally encodes them (right or wrong labels, BOMs), and checks what must
hold for any input: no exception, no NUL or lone surrogate in any output string,
every word of `Article.text` taken from the page's visible text, and bounded time.
The coverage-guided counterpart is fuzz/fuzz_clean.py.
"""

from __future__ import annotations

import datetime as dt
import html as html_lib
import re
from dataclasses import dataclass

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsclean
from newsclean import Article

UNSAFE = re.compile("[\x00\ud800-\udfff]")
# What the parser removes from text (parse._NOT_XML), and what decoding replaces.
REMOVED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
SURROGATE = re.compile("[\ud800-\udfff]")
SETTINGS = settings(
    max_examples=100,
    deadline=dt.timedelta(seconds=5),  # generous: a slow example is a finding, not noise
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

BLOCK_TAGS = [
    "div",
    "p",
    "section",
    "article",
    "aside",
    "nav",
    "footer",
    "header",
    "blockquote",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "pre",
    "figure",
    "center",
    "form",
]
INLINE_TAGS = ["span", "a", "b", "i", "em", "strong", "font", "small", "figcaption"]
HIDDEN_RAW = ["script", "style", "noscript", "template"]  # their text is never visible
CLASSES = [
    "article",
    "content",
    "story",
    "ad",
    "advert",
    "sidebar",
    "related",
    "nav",
    "menu",
    "footer",
    "copyright",
    "share",
    "comments",
    "byline",
    "lead",
    "promo",
]
ATTRIBUTES = st.one_of(
    st.builds(lambda c: f' class="{c}"', st.sampled_from(CLASSES)),
    st.builds(lambda c: f" id={c}", st.sampled_from(CLASSES)),
    st.just(' href="/news/2024/story.html"'),
    st.just(" hidden"),
    st.just(' style="display:none"'),
    st.just(' aria-hidden="true"'),
    st.builds(lambda n: f" colspan={n} rowspan={n}", st.sampled_from([0, 1, 3, 2**53, -1])),
    st.just(' role="navigation"'),
    st.just(" data-x='a > b'"),
)  # fmt: skip
WORDS = st.sampled_from(
    ["the", "council", "voted", "budget", "Tuesday", "école", "café", "Москва", "東京",
     "naïve", "42", "—", "“quoted”", "a,", "end."]
)  # fmt: skip
# Text pieces and their visible form: entities decode, control characters vanish.
ODD_TEXT = st.sampled_from(
    ["&amp;", "&lt;", "&gt;", "&quot;", "&#233;", "&#x4E2D;", "&nbsp;", "\x00", "\x07",
     "\x0c", "&#0;", "&#5;", "&#xD800;", "\u2028", "\ufeff"]
)  # fmt: skip


@dataclass(frozen=True)
class Rendered:
    markup: str
    visible: str  # the text a browser could show, in order, pieces concatenated


def _text(pieces: list[str]) -> Rendered:
    markup = " ".join(pieces)
    return Rendered(markup, html_lib.unescape(markup))


TEXT = st.lists(st.one_of(WORDS, WORDS, WORDS, ODD_TEXT), min_size=1, max_size=12).map(_text)


HIDING = (" hidden", "display:none", "aria-hidden")
# Containers no start tag closes implicitly: what is generated inside them stays inside
# (a <p> or <h1> is closed by the first <table> or <div> in it, which escapes the hiding).
HIDING_CONTAINERS = frozenset(
    {"div", "section", "article", "aside", "nav", "footer", "header", "blockquote", "figure"}
)


def _element(tag: str, attributes: list[str], children: list[Rendered], closed: bool) -> Rendered:
    inner = "".join(child.markup for child in children)
    # Hidden content shows nothing, as in a browser (and the words around it may join).
    # Always closed: unclosed, it would hide later siblings the model counts as visible.
    hidden = any(marker in attribute for attribute in attributes for marker in HIDING)
    if hidden and tag not in HIDING_CONTAINERS:
        attributes = [a for a in attributes if not any(marker in a for marker in HIDING)]
        hidden = False
    end = f"</{tag}>" if closed or hidden else ""
    visible = "" if hidden else "".join(child.visible for child in children)
    return Rendered(f"<{tag}{''.join(attributes)}>{inner}{end}", visible)


def _raw(tag: str, words: list[str]) -> Rendered:
    return Rendered(f"<{tag}>{' '.join(words)}</{tag}>", "")  # never visible


def _extend(children: st.SearchStrategy[Rendered]) -> st.SearchStrategy[Rendered]:
    kids = st.lists(children, min_size=1, max_size=5)
    attributes = st.lists(ATTRIBUTES, max_size=3)
    table = st.builds(
        lambda rows: Rendered(
            "<table>" + "".join(f"<tr><td>{r.markup}</td></tr>" for r in rows) + "</table>",
            "".join(r.visible for r in rows),
        ),
        st.lists(children, min_size=1, max_size=4),
    )
    return st.one_of(
        st.builds(_element, st.sampled_from(BLOCK_TAGS), attributes, kids, st.booleans()),
        st.builds(_element, st.sampled_from(INLINE_TAGS), attributes, kids, st.booleans()),
        table,
        st.builds(lambda k: Rendered("<br>" + k.markup, k.visible), children),
        st.builds(lambda k: Rendered(f"<!-- x -->{k.markup}<!-- y -->", k.visible), children),
    )


BODY = st.recursive(
    st.one_of(TEXT, st.builds(_raw, st.sampled_from(HIDDEN_RAW), st.lists(WORDS, max_size=4))),
    _extend,
    max_leaves=40,
)
DEEP = st.builds(
    lambda tag, depth, body: Rendered(f"<{tag}>" * depth + body.markup, body.visible),
    st.sampled_from(["div", "span", "font", "li"]),
    st.integers(1, 400),
    BODY,
)
PAGES = st.builds(
    lambda parts: Rendered(
        "<html><head><title>t</title></head><body>" + "".join(p.markup for p in parts),
        "".join(p.visible for p in parts),
    ),
    st.lists(st.one_of(BODY, BODY, DEEP), min_size=1, max_size=4),
)


def visible_chars(rendered: Rendered) -> str:
    """The page's visible text with whitespace gone, as decoding and parsing clean it."""
    text = REMOVED.sub("", SURROGATE.sub("\ufffd", rendered.visible)).replace("\ufeff", "")
    return "".join(text.split())


def check_invariants(article: Article) -> None:
    for text in _strings(article.to_dict()):
        assert not UNSAFE.search(text), text


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return []


def check_words_come_from_the_page(article: Article, rendered: Rendered) -> None:
    page = visible_chars(rendered)
    invented = [word for word in article.text.split() if word.replace("\ufeff", "") not in page]
    assert not invented, invented


@SETTINGS
@given(PAGES)
def test_structured_html_as_str(rendered: Rendered) -> None:
    article = newsclean.clean(rendered.markup)
    check_invariants(article)
    check_words_come_from_the_page(article, rendered)


# Encodings with how the page says so: a correct label, so the words must survive.
LABELLED = [
    ("utf-8", b"", None),
    ("utf-8", b"\xef\xbb\xbf", None),
    ("utf-16-le", b"\xff\xfe", None),
    ("utf-16-be", b"\xfe\xff", None),
    ("cp1251", b"", "windows-1251"),
    ("shift_jis", b"", "shift_jis"),
    ("cp1252", b"", "iso-8859-1"),
    ("gb18030", b"", "gb2312"),
]


@SETTINGS
@given(PAGES, st.sampled_from(LABELLED), st.booleans())
def test_structured_html_as_labelled_bytes(
    rendered: Rendered, encoding: tuple[str, bytes, str | None], in_meta: bool
) -> None:
    codec, bom, label = encoding
    markup = SURROGATE.sub("\ufffd", rendered.markup)
    if label is not None and in_meta:
        markup = f'<meta charset="{label}">' + markup
    data = bom + markup.encode(codec, "xmlcharrefreplace")
    article = newsclean.clean(data, http_charset=None if in_meta else label)
    check_invariants(article)
    check_words_come_from_the_page(article, rendered)


ODD_ENCODINGS = st.sampled_from(["utf-8", "cp1251", "shift_jis", "utf-16-le", "latin-1", "koi8-r"])
WRONG_LABELS = st.sampled_from([None, "utf-8", "utf-16", "shift_jis", "x-bogus", "windows-1251"])
PREFIXES = st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"<meta charset=utf-8>", b"\x00"])


@SETTINGS
@given(PAGES, ODD_ENCODINGS, WRONG_LABELS, PREFIXES, st.binary(max_size=64))
def test_odd_encodings_and_wrong_labels_never_break(
    rendered: Rendered, codec: str, label: str | None, prefix: bytes, noise: bytes
) -> None:
    data = prefix + SURROGATE.sub("", rendered.markup).encode(codec, "xmlcharrefreplace")
    middle = len(data) // 2
    article = newsclean.clean(data[:middle] + noise + data[middle:], http_charset=label)
    check_invariants(article)
