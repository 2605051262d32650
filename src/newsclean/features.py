"""Measure each segment: text length, link density, punctuation, text cues, and
the class/id vocabulary of the elements around it.

Everything here is a plain measurement; deciding what a segment is happens in
`classify`. Lengths count characters, not space-separated words, so pages in
Chinese or Japanese are measured on the same scale as English.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from newsclean import vocab
from newsclean.model import BlockKind
from newsclean.segment import Link, Segment

#: CJK full stops end a sentence anywhere; Latin ones only before a space, quote or the end.
#: Written to open with the class of all of them: the engine skips to those characters.
_SENTENCE_END = re.compile(r"[。！？.!?…](?:(?<=[。！？])|(?=\s|$|[\"'”’»)]))")
_WORD = re.compile(r"\w+")
#: For ASCII text: what `_WORD`'s \w matches there (letters, digits, "_") as "x", the rest
#: as a space; the text's words are then the runs of "x", counted without building them.
_ASCII_WORD_MARKS = str.maketrans(
    {chr(code): "x" if chr(code).isalnum() or chr(code) == "_" else " " for code in range(128)}
)


def word_count(text: str) -> int:
    r"""How many runs of word characters (\w+) `text` holds."""
    if text.isascii():
        return (" " + text.translate(_ASCII_WORD_MARKS)).count(" x")
    return len(_WORD.findall(text))


_SIGNUP_HREF_WORDS = re.compile(vocab.literal_alternation(vocab.SUBSCRIBE_HREF_WORDS))
_ARTICLE_PATH = re.compile(r"[\w%]+[-_][\w%]+[-_][\w%]+|\d{4,}")
#: A query parameter holding a long number: an article id.
_ARTICLE_QUERY = re.compile(r"(?:^|&)[\w.-]*=\d{4,}(?:&|$)")


@dataclass(frozen=True, slots=True)
class Features:
    chars: int
    length: int  # chars, with ideographs weighted as vocab.IDEOGRAPHIC_WEIGHT: how much it says
    words: int
    link_density: float
    emphasis_density: float
    sentences: int
    commas: int
    text_cues: frozenset[str]  # names of vocab.TextCue patterns the text matches
    appeals: int  # how many appeal cues (donate, subscribe...) the text holds

    @property
    def linked(self) -> bool:
        """Mostly link text: a menu item, a headline link."""
        return self.link_density >= 0.5


def measure(segments: list[Segment]) -> list[Features]:
    """One Features per segment; equal measurements share one (frozen) object: short
    segments measure alike whatever their text, and a page of 100,000 of them would
    otherwise hold 100,000 copies. Looked up by the measurements themselves, so a
    segment measuring as an earlier one builds no object at all."""
    shared: dict[_Measurements, Features] = {}
    measured = []
    for values in map(_measure_one, segments):
        features = shared.get(values)
        if features is None:
            features = shared[values] = Features(*values)
        measured.append(features)
    return measured


def position(index: int, count: int) -> float:
    """Where segment `index` of `count` sits: 0 at the top of the page, 1 at the bottom."""
    return index / max(count - 1, 1)


_CUES = (
    vocab.LEGAL_TEXT,
    vocab.AD_LABEL_TEXT,
    vocab.CREDIT_TEXT,
    vocab.CONTROL_TEXT,
    vocab.APPEAL_TEXT,
    vocab.SPONSORED_TEXT,
    vocab.SHARE_TEXT,
    vocab.COMMENT_TEXT,
    vocab.SOCIAL_TEXT,
    vocab.BIO_TEXT,
    vocab.READ_MORE_TEXT,
    vocab.RELATED_TEXT,
    vocab.DISCLOSURE_TEXT,
    vocab.READING_TIME_TEXT,
    vocab.CALL_TO_ACTION_TEXT,
    vocab.SHOP_TEXT,
    vocab.RIGHTS_TEXT,
)
_KEYWORD_CUES = vocab.KeywordIndex(cue for cue in _CUES if cue.keywords is not None)
_OTHER_CUES = tuple(cue for cue in _CUES if cue.keywords is None)
#: The start-anchored alternatives of the cues without keywords, as one pattern: most
#: texts match none, and one match rules them all out (cues matching anywhere are
#: always tried).
_OTHER_CUES_AT_START = re.compile(
    "|".join(f"(?:{cue.at_start.pattern})" for cue in _OTHER_CUES if cue.at_start is not None)
    or "(?!)",
    re.IGNORECASE,
)
_OTHER_CUES_ANYWHERE = any(cue.anywhere is not None for cue in _OTHER_CUES)

#: A Features' fields, in order: what `_measure_one` finds, before it is built.
_Measurements = tuple[int, int, int, float, float, int, int, frozenset[str], int]


def _measure_one(segment: Segment) -> _Measurements:
    text = segment.text
    chars = len(text)
    cues = (
        {cue.name for cue in _OTHER_CUES if cue.matches(text)}
        if _OTHER_CUES_ANYWHERE or _OTHER_CUES_AT_START.match(text) is not None
        else set()
    )
    # Most segments hold no cue's keyword, and one scan rules out every keyword cue; of
    # the cues whose keywords a text holds, only the branches needing those are tried.
    lowered = text.lower()
    candidates, held = _KEYWORD_CUES.scan(lowered)
    if candidates:
        cues.update(name for name, cue in candidates.items() if cue.matches_holding(text, held))
    markup = segment.markup  # read once: the segment's properties are calls
    if markup.links and links_to_signup(markup.links):
        cues.add("appeal")  # "GET THE BEST OF THE TIMES" -> mailchi.mp/.../signup
    appeals = len(vocab.APPEAL_TEXT.pattern.findall(text)) if "appeal" in cues else 0
    if chars < 80 and vocab.BYLINE_TEXT.match(text):
        cues.add("byline")
    # A dateline holds "(AFP)" or the like, a date a year's four digits: most texts hold
    # neither, and the literal checks are far cheaper than the patterns.
    if "(" in text and vocab.DATELINE_TEXT.match(text):
        cues.add("dateline")
    elif chars < 80 and vocab.YEAR_DIGITS.search(text) and vocab.DATE_TEXT.search(text):
        cues.add("date")
    elif chars < vocab.MAX_CHANGED_LINE_CHARS and vocab.CHANGED_LINE.search(text):
        cues.add("date")  # "Last Modified: 03-10-2004 2:20pm": a day in any form
    elif (
        chars < _MAX_AGO_LINE_CHARS
        and ("ago" in lowered or "vor" in lowered)  # every AGO_LINE holds one: cheap first
        and vocab.AGO_LINE.match(text)
    ):
        cues.add("date")  # "Published 6 hours ago": the page's date, rendered relative
    if (
        chars <= _MAX_SITE_ADDRESS_CHARS
        and "." in text
        and not markup.links  # a link to the site is the menu's, or a story's headline
        and segment.kind is BlockKind.PARAGRAPH
        and _stands_alone(segment.owner)
        and vocab.SITE_ADDRESS.match(text)
    ):
        cues.add("credit")  # "BVINEWS.COM": the story's source
    ideographs = 0 if text.isascii() else len(vocab.IDEOGRAPHIC.findall(text))
    if (
        not text.isascii()
        and vocab.CYRILLIC_LETTERS.search(text)
        and vocab.DISGUISED_LETTERS.search(text)
    ):
        cues.add("disguised")
    return (
        chars,
        chars + ideographs * (vocab.IDEOGRAPHIC_WEIGHT - 1),  # length
        word_count(text),  # words
        _share(markup.link_chars, chars),  # link_density
        _share(markup.emphasis_chars, chars),  # emphasis_density
        len(_SENTENCE_END.findall(text)),  # sentences
        text.count(",") + text.count("，") + text.count("、"),  # commas
        _shared_cue_set(cues) if cues else _NO_CUES,  # text_cues
        appeals,
    )


#: The longest site address read as a story's source ("www.example-news.com").
_MAX_SITE_ADDRESS_CHARS = 60
#: Where a paragraph is a cell or an item, not a line of its own: a table's cell names a
#: product's site, a list item ("PortableApps.com") one of a list of them.
_ITEM_TAGS = frozenset({"td", "th", "li", "dd", "dt"})


def _stands_alone(owner: HtmlElement) -> bool:
    """Whether a paragraph's element is a line of its own, not in a table cell or a list
    item (its own tag or its parent's)."""
    parent = owner.getparent()
    return owner.tag not in _ITEM_TAGS and (parent is None or parent.tag not in _ITEM_TAGS)


def links_to_signup(links: tuple[Link, ...]) -> bool:
    """Whether a link leads to a sign-up or subscription page. One search over the hrefs
    joined by newlines: no SUBSCRIBE_HREF alternative can match across one."""
    hrefs = "\n".join(link.href for link in links)
    # Most hold none of the words the pattern needs, and one literal scan is far cheaper
    # than the pattern. Only for ASCII: there, matching case-insensitively is matching
    # lower-cased ("ſ" matches "s" case-insensitively, not once lower-cased).
    if hrefs.isascii() and _SIGNUP_HREF_WORDS.search(hrefs.lower()) is None:
        return False
    return vocab.SUBSCRIBE_HREF.search(hrefs) is not None


def _share(part: int, whole: int) -> float:
    """part / whole; 0 (one shared float, not a new one per segment) when part is 0."""
    return part / whole if part and whole else 0.0


#: One frozenset per distinct combination of cue names: most segments have none or the
#: same few, and a frozenset costs 200 bytes. Bounded by the fixed set of cue names.
_CUE_SETS: dict[frozenset[str], frozenset[str]] = {}


_NO_CUES: frozenset[str] = frozenset()  # most segments'


def _shared_cue_set(cues: set[str]) -> frozenset[str]:
    frozen = frozenset(cues)
    return _CUE_SETS.setdefault(frozen, frozen)


#: A relative time stamp is a short line ("Last updated on: 12 minutes ago" is 35).
_MAX_AGO_LINE_CHARS = 50


def class_cues(element: HtmlElement) -> frozenset[str]:
    """The region categories an element's own tag, role, class and id point to."""
    get = element.get
    return _cues_of(element.tag, get("role"), get("class"), _own_id(element))


#: An id of at least this many words may spell its section's heading.
_SLUG_MIN_WORDS = 3
#: How many elements into a box its heading is looked for.
_SLUG_SEARCH_ELEMENTS = 40


def _own_id(element: HtmlElement) -> str | None:
    """The element's id less the words that spell its heading: a section's anchor made
    of its title ("1-heading-how-popular-are-meditation-and-mindfulness") names no box;
    what is left beside the title still does ("...-related-articles")."""
    ids: str | None = element.get("id")
    if not ids or ids.count("-") < _SLUG_MIN_WORDS:
        return ids
    heading = _first_heading(element)
    if heading is None:
        return ids
    words = [word.lower() for word in _WORD.findall(heading.text_content())]
    if not words or _cues_of(None, None, None, words[0]):
        return ids  # the heading names the box: "Related products and services"
    title = set(words)
    parts = [part for part in ids.split("-") if part]
    kept = [part for part in parts if part.lower() not in title]
    if len(parts) - len(kept) < _SLUG_MIN_WORDS:
        return ids
    return "-".join(kept)


def _first_heading(element: HtmlElement) -> HtmlElement | None:
    if element.tag in vocab.HEADING_TAGS:
        return element
    for inner in itertools.islice(element.iter(), _SLUG_SEARCH_ELEMENTS):
        if inner.tag in vocab.HEADING_TAGS:
            return inner
    return None


def landmark_cues(element: HtmlElement) -> frozenset[str]:
    """The region categories an element's tag and role alone point to (<nav>, <aside>,
    role="contentinfo"): the author's own word, not a stylesheet's name."""
    return _cues_of(element.tag, element.get("role"), None, None)


# Memoised by the attribute strings, not the element: a page repeats the same few
# hundred class/id values across thousands of elements. Bounded, so a page of unique
# classes cannot grow it without limit.
@functools.lru_cache(maxsize=8192)
def _cues_of(
    tag: object, role_attr: str | None, classes: str | None, ids: str | None
) -> frozenset[str]:
    # A category is named when any token of any class or id name is one of its words, so
    # the cues are the union of each name's: names recur across pages and values
    # ("clearfix", "entry-content"), whole values far less.
    cues: set[str] = set()
    if classes:
        for name in classes.split():
            cues |= _class_name_cues(name.lower())
            # A CSS module's camelCase name ("subscriptionPleaContainer-D09dM") is read
            # split at each capital too, as `_class_tokens` reads it.
            if module := vocab.CSS_MODULE_CLASS.match(name):
                cues |= _class_name_cues(vocab.CAMEL_CASE_STEP.sub(r"\1-\2", module[1]).lower())
    if ids:
        for name in ids.lower().split():
            cues |= _id_name_cues(name)
    if isinstance(tag, str) and "-" in tag:
        # A custom element named for a teaser ("pp-inline-teaser") is one, as a box so
        # classed is. Not its other words (vocab.CUSTOM_ELEMENT_WORDS).
        cues |= _custom_tag_cues(tag)
    role = (role_attr or "").lower()
    if tag in vocab.NAVIGATION_TAGS or role in vocab.NAVIGATION_ROLES:
        cues.add("navigation")
    if tag == "footer" or role in vocab.FOOTER_ROLES:
        cues.add("footer")
    if tag == "aside" or role == "complementary":
        cues.add("sidebar")
    if tag in ("article", "main") or role == "main":
        cues.add("positive")
    return frozenset(cues)


# Memoised: a page repeats its class names, and pages share many ("row", "clearfix"). A
# few thousand names hold most that recur (8192 would find 4% more, for 2 MB more held).
@functools.lru_cache(maxsize=2048)
def _class_name_cues(name: str) -> frozenset[str]:
    """The categories one lower-cased class name's tokens name (see `_class_tokens`)."""
    if name.isascii() and name.isalnum():  # one part: the name is its only token
        return _WORD_CATEGORIES.get(name, _NO_CUES)
    parts = [part for part in vocab.CLASS_TOKEN_SPLIT.split(name) if part]
    named = _named([name, *parts, *(first + second for first, second in itertools.pairwise(parts))])
    # Most names hold no category's word, and then whether the name is a modifier (a
    # pattern) does not matter: a modifier's only token is the name itself.
    if named and vocab.CLASS_MODIFIER.search(name):
        return _WORD_CATEGORIES.get(name, _NO_CUES)
    return named


def _id_name_cues(name: str) -> frozenset[str]:
    """The categories one lower-cased id name's tokens name (see `_class_tokens`). Not
    memoised: ids seldom recur (one in ten), and a lookup or two reads one."""
    if "-" not in name:
        return _WORD_CATEGORIES.get(name, _NO_CUES)
    return _named([name, *name.split("-")])


@functools.lru_cache(maxsize=256)
def _custom_tag_cues(tag: str) -> frozenset[str]:
    return _named(_class_tokens(tag, None) & vocab.CUSTOM_ELEMENT_WORDS)


def _named(tokens: Iterable[str]) -> frozenset[str]:
    """The categories any of `tokens` is a word of."""
    named = [categories for token in tokens if (categories := _WORD_CATEGORIES.get(token))]
    return frozenset().union(*named) if named else _NO_CUES


_CLASS_CATEGORIES: tuple[tuple[str, frozenset[str]], ...] = (
    ("positive", vocab.POSITIVE_CLASSES),
    ("ad", vocab.AD_CLASSES),
    ("legal", vocab.LEGAL_CLASSES),
    ("sidebar", vocab.SIDEBAR_CLASSES),
    ("navigation", vocab.NAVIGATION_CLASSES),
    ("share", vocab.SHARE_CLASSES),
    ("comments", vocab.COMMENT_CLASSES),
    ("subscribe", vocab.SUBSCRIBE_CLASSES),
    ("footer", vocab.FOOTER_CLASSES),
    ("banner", vocab.BANNER_CLASSES),
    ("lead", vocab.LEAD_CLASSES),
    ("byline", vocab.BYLINE_CLASSES),
)

#: Each class/id word of a category, with the categories it is a word of.
_WORD_CATEGORIES: dict[str, frozenset[str]] = {
    word: frozenset(name for name, words in _CLASS_CATEGORIES if word in words)
    for _, words in _CLASS_CATEGORIES
    for word in words
}


#: Cues that say nothing against a region being article text.
NEUTRAL_CUES = frozenset({"positive", "lead", "byline"})


def negative_cues(element: HtmlElement) -> frozenset[str]:
    """The cues of an element that mark it as not article: ad, sidebar, comments..."""
    return class_cues(element) - NEUTRAL_CUES


def sidebar_words(element: HtmlElement) -> frozenset[str]:
    """The words of the element's class and id that name a sidebar ("teaser", "related")."""
    return frozenset(_class_tokens(element.get("class"), _own_id(element)) & vocab.SIDEBAR_CLASSES)


def is_overlay(element: HtmlElement) -> bool:
    """Whether the page opens the element over its text on a click, hidden until then: a
    `<dialog>`, a dialog's ARIA role or `aria-modal`, or a class or id word naming a
    modal, a popup or a popover (`vocab.OVERLAY_CLASSES`)."""
    if element.tag == "dialog" or element.get("aria-modal") == "true":
        return True
    if (element.get("role") or "").lower() in vocab.OVERLAY_ROLES:
        return True
    classes, ids = element.get("class"), element.get("id")
    if not vocab.OVERLAY_HINT.search(f"{classes or ''} {ids or ''}"):
        return False
    return bool(_class_tokens(classes, ids) & vocab.OVERLAY_CLASSES)


def legal_words(element: HtmlElement) -> frozenset[str]:
    """The words of the element's class and id that name a legal notice ("terms")."""
    return frozenset(_class_tokens(element.get("class"), _own_id(element)) & vocab.LEGAL_CLASSES)


def _class_tokens(class_attr: str | None, id_attr: str | None) -> set[str]:
    raw = (class_attr or "").split()
    classes = [name.lower() for name in raw]
    ids = (id_attr or "").lower().split()
    if not classes and not ids:
        return set()
    # camelCase names of CSS modules ("subscriptionPleaContainer-D09dM") split at each
    # capital too.
    classes += [
        vocab.CAMEL_CASE_STEP.sub(r"\1-\2", module.group(1)).lower()
        for module in map(vocab.CSS_MODULE_CLASS.match, raw)
        if module is not None
    ]
    # "article-body" gives "article", "body" and "article-body"; "adslot" stays whole.
    tokens = set(classes) | set(ids)
    for name in classes:
        # "non-paywall", "no-sidebar", "has-comments" describe the page, not the box.
        if not vocab.CLASS_MODIFIER.search(name):
            parts = [part for part in vocab.CLASS_TOKEN_SPLIT.split(name) if part]
            tokens.update(parts)
            # A word the markup cut in two is read whole too: "news-letter-section".
            tokens.update(first + second for first, second in itertools.pairwise(parts))
    # Ids split on hyphens only: "nav_schredder_statt" is a heading's anchor, not a menu.
    for name in ids:
        tokens.update(part for part in name.split("-") if part)
    return tokens


def headline_links(links: Sequence[Link], min_words: int, share: float) -> list[Link]:
    """The links of a run that read like headlines, when they carry at least `share` of
    its link text; none otherwise: a tag cloud with a few long tags is navigation, and
    its other tags would belong to no story."""
    headlines = [link for link in links if is_article_link(link, min_words)]
    headline_chars = sum(len(link.text) for link in headlines)
    if headline_chars < share * sum(len(link.text) for link in links):
        return []
    return headlines


def is_article_link(link: Link, min_words: int) -> bool:
    """A link that reads like a headline and points at what looks like an article."""
    words = word_count(link.text)
    if words < min_words and len(link.text) < 4 * min_words * 2:
        return False
    if not link.href or link.href.startswith(("#", "javascript:", "mailto:")):
        return False
    try:
        parts = urlsplit(link.href)
    except ValueError:  # "http://[abc/": no URL a browser could follow
        return False
    path = parts.path.rstrip("/")
    if _ARTICLE_QUERY.search(parts.query):  # "news_view.htm?lang=e&Seq_Code=181533"
        return True
    folder = path.rpartition("/")[0].rpartition("/")[2]
    if folder.lower() in vocab.LISTING_FOLDERS:  # "/tag/climate-change-policy"
        return False
    # The slug is the last part, or the one before a short id: ".../19-01-2021-slug/17-372.html".
    return any(_ARTICLE_PATH.search(part) for part in path.rsplit("/", 2)[-2:] if part)
