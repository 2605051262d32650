"""Title, byline, dateline, section, date, site name and language of a page.

Two sources, in this order: what the page prints near its headline (the
segments around the title) and what its markup declares (<meta>, JSON-LD,
<time>: declared.py reads it). The printed form wins where the Article keeps
text as printed (byline, dateline); declared values fill the gaps. titles.py
chooses the title; this module finds the printed header around it (section,
byline, dateline, byline boxes, author links, a date near the title) and
puts the fields together.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from lxml import etree
from lxml.html import HtmlElement

from newsclean import titles, vocab
from newsclean.byline import (
    MAX_BYLINE_CHARS,
    is_name,
    names_nobody,
    read_printed,
    split_authors,
)
from newsclean.dates import (
    address_date,
    date_in,
    date_line,
    month_first,
    parse_date,
    published,
)
from newsclean.declared import TAGS, declared, document_title, page_addresses
from newsclean.features import Features, class_cues
from newsclean.model import BlockKind
from newsclean.options import Options
from newsclean.segment import Segment, normalize_space
from newsclean.tree import TagIndex, is_within

_MAX_SECTION_CHARS = 40
_BYLINE_BOX_LEVELS = 3


@dataclass(slots=True)
class Metadata:
    title: str | None = None
    byline: str | None = None
    authors: tuple[str, ...] = ()
    dateline: str | None = None
    published: dt.date | dt.datetime | None = None
    section: str | None = None
    site_name: str | None = None
    language: str | None = None
    #: Indices of the segments that printed these fields (kept out of the body).
    segments: set[int] = field(default_factory=set)


def extract(
    root: HtmlElement,
    segments: list[Segment],
    features: list[Features],
    options: Options,
    url: str | None = None,
    tagged: TagIndex | None = None,
) -> Metadata:
    """`tagged`: the page's elements of `TAGS` (a `tree.TagIndex` of them), if gathered already."""
    if tagged is None:
        tagged = TagIndex(root, TAGS)
    meta = declared(root, tagged)
    addresses = page_addresses(tagged)
    found = Metadata(site_name=meta.get("site_name"), language=_language(meta.get("language")))
    page_title = document_title(tagged["title"])
    declared_title = meta.get("title") or page_title
    links = [*addresses, url or ""]  # the page's addresses: what its host names the site
    title_index = titles.find_title(segments, meta, page_title, links)
    if title_index is not None:
        heading = titles.heading_text(segments[title_index])
        kicker = titles.split_kicker(segments[title_index])
        if kicker is not None:  # "<h1><span>Verbraucherschutz</span> Mehr Transparenz</h1>"
            found.section, heading = kicker
        titled = titles.is_story_title(heading, meta, page_title, links) and not (
            titles.is_fragment(segments[title_index], meta, page_title)
        )
        found.title = heading if titled else declared_title
        found.segments.add(title_index)
        _printed_header(found, segments, features, title_index, options)
    else:
        found.title = declared_title
        if page_title and not meta.get("title") and not found.site_name:
            found.title = titles.without_tagline(page_title)  # "Story – My website"
    if found.title:
        found.title = titles.without_site(found.title, links, found.site_name)
    found.section = found.section or meta.get("section")
    if found.byline is not None:
        _take_printed(found, found.byline)
    if found.byline is None and meta.get("author"):
        _declared_byline(found, meta["author"])
    if found.byline is None and (marked := _marked_author(root)):
        _take_printed(found, marked)  # printed on the page: trimmed like a byline
    if (
        found.byline is None
        and title_index is not None
        and (linked := _author_link(segments, title_index, options))
    ):
        _take_printed(found, linked)  # "Ryan Merkley, CEO": trimmed like a byline
    us_order = month_first(meta.get("language"))
    found.published = published(found.dateline, parse_date(meta.get("date")), us_order)
    if found.published is None and title_index is not None:
        found.published = _header_date(segments, features, title_index, options, us_order)
    found.published = found.published or address_date(addresses, url)
    if found.published is None:
        found.published = _page_date(segments, title_index or 0, us_order)
    return found


def _header_date(
    segments: list[Segment],
    features: list[Features],
    title_index: int,
    options: Options,
    us_order: bool,
) -> dt.date | None:
    """The first date printed on a short line near the title (a post's "Dec 12, 2025"
    that no dateline cue marked), when the markup declares none."""
    start = max(0, title_index - options.header_date_blocks_above)
    stop = min(len(segments), title_index + 1 + options.header_search_blocks)
    for index in range(start, stop):
        if features[index].words <= options.header_date_max_words:
            date = date_in(segments[index].text, month_first=us_order)
            if date is not None:
                return date
    return None


def _page_date(segments: list[Segment], start: int, us_order: bool) -> dt.date | None:
    """The first line after the title (or from the page's top where no heading is its
    title) that is little but a date ("Posted on April 13, 2023" far below the title, in
    the author's box under the story): the last resort of a page that declares, prints
    near its title and addresses no date."""
    for segment in segments[start:]:
        date = date_line(segment.text, month_first=us_order, max_other_words=_DATE_LINE_WORDS)
        if date is not None:
            return date
    return None


#: A line that dates a page from anywhere below its title holds at most this many words
#: besides the date: a label ("Posted on", "Last updated:") or the author's name.
_DATE_LINE_WORDS = 3


def _take_printed(found: Metadata, text: str) -> None:
    """The byline read off a printed line (byline.read_printed); a date printed after its
    names is the dateline when no line of its own is."""
    printed = read_printed(text)
    if found.dateline is None and printed.date is not None:
        found.dateline = printed.date
    found.byline, found.authors = printed.byline, printed.authors


def _declared_byline(found: Metadata, author: str | None) -> None:
    """A page that prints no byline line still names its author in its markup: that name
    (names joined by ", ") is the byline. A URL (a profile link in article:author) or an
    overlong value is no name, and neither is a placeholder ("No Author")."""
    if not author or not is_name(author):
        return
    found.authors = split_authors(author)
    found.byline = ", ".join(found.authors) or None


#: Elements marked as the author, in document order (`root` is the document's element).
#: Read off the attribute axis, libxml2 tests only elements that carry the attribute; and
#: "descendant-or-self::*" saves the node-set of every node "//" builds first.
_MARKED_AUTHORS = etree.XPath(
    "descendant-or-self::*/@itemprop[. = 'author']/.. | descendant-or-self::*/@rel[. = 'author']/.."
)


def _marked_author(root: HtmlElement) -> str | None:
    """The text of the first element marked up as the author (itemprop="author" or
    rel="author"), when it is short enough to be a name; else of the first element
    classed as the author's name ("author-name", "authorName", hCard's "fn" inside an
    "author" box, as WordPress writes it), outside comments."""
    marked: list[HtmlElement] = _MARKED_AUTHORS(root)  # type: ignore[assignment]
    for element in marked:
        name = element.find(".//*[@itemprop='name']")
        text = normalize_space((name if name is not None else element).text_content())
        if text and len(text) <= MAX_BYLINE_CHARS and not names_nobody(text):
            return text  # not a link's "View more posts"
    classes: list[str] = _CLASS_VALUES(root)  # type: ignore[assignment]
    if "author" not in " ".join(classes).lower():
        return None  # no class can name an author (see _CLASS_VALUES)
    named = _AUTHOR_NAME_CLASS(root)
    for element in named if isinstance(named, list) else ():
        if not isinstance(element, HtmlElement) or _in_comments(element):
            continue  # a commenter's name
        text = vocab.BYLINE_PREFIX.sub("", normalize_space(element.text_content()))
        if text and len(text) <= _MAX_NAME_CHARS and not names_nobody(text):
            return text
    return None


def _author_link(segments: list[Segment], title_index: int, options: Options) -> str | None:
    """The text of the first link to an author's page ("/author/zach-lezberg/") on a line
    near the title (as `_header_date` searches), where it reads as a name: a byline that
    no label, class or markup marks ("Zach Lezberg | May 22, 2025")."""
    start = max(0, title_index - options.header_date_blocks_above)
    stop = min(len(segments), title_index + 1 + options.header_search_blocks)
    for segment in segments[start:stop]:
        for link in segment.links:
            name = normalize_space(link.text)
            if (
                _AUTHOR_PAGE.search(link.href)
                and 2 <= len(name) <= _MAX_NAME_CHARS
                and not any(ch.isdigit() for ch in name)
                and not names_nobody(name)
            ):
                return name
    return None


# An address whose path names an author's page: a folder of vocab.AUTHOR_FOLDERS, then a slug.
_AUTHOR_PAGE = re.compile(
    r"(?:^|/)(?:" + "|".join(sorted(vocab.AUTHOR_FOLDERS)) + r")/[^/?#\s]+", re.IGNORECASE
)


# Elements classed as an author's name; the text of an hCard's formatted name. The class
# attributes first, then their elements (as _MARKED_AUTHORS): a pattern tried on every
# element's class cost twenty times as much on a page of 100,000 paragraphs.
_AUTHOR_NAME_CLASS = etree.XPath(
    "descendant-or-self::*/@class[re:test(., 'author[-_]*name', 'i')]/.."
    "|descendant-or-self::*/@class[contains(concat(' ', ., ' '), ' fn ')]"
    "/parent::*[ancestor::*[contains(concat(' ', @class, ' '), ' author ')]]",
    namespaces={"re": "http://exslt.org/regular-expressions"},
)


# Every class value of the page, as plain strings. Both of _AUTHOR_NAME_CLASS's branches
# need a class holding "author" in some case (its pattern folds ASCII letters alone), so
# the query runs only on a page where one does. For speed: the query's pattern is called
# back into Python once per class attribute (about 1 ms a page), and most pages that
# print no byline have no such class; the values joined and lowered cost a quarter of it.
_CLASS_VALUES = etree.XPath("descendant-or-self::*/@class", smart_strings=False)


def _in_ad(segment: Segment) -> bool:
    """Whether a box around the segment is an advertisement (by its class or id): its "by
    Taboola" credits the ad network, not the story's author."""
    return _in_box(segment.owner, "ad")


def _in_comments(element: HtmlElement) -> bool:
    """Whether a box around the element is the readers' comments (by its class or id)."""
    return _in_box(element, "comments")


def _in_box(element: HtmlElement, cue: str) -> bool:
    return any(cue in class_cues(box) for box in element.iterancestors())


_MAX_NAME_CHARS = 60


def _printed_header(
    found: Metadata,
    segments: list[Segment],
    features: list[Features],
    title_index: int,
    options: Options,
) -> None:
    """Section just above the title (or above the date line set over it); byline and
    dateline just below it."""
    before = title_index - 1
    if before > 0 and _is_short_date_line(features[before], options):
        before -= 1  # "Olympische Winterspiele" / "08.02.2022" / the title
    if before >= 0 and _looks_like_section(segments[before], features[before]):
        found.section = segments[before].text
        found.segments.add(before)
    stop = min(len(segments), title_index + 1 + options.header_search_blocks)
    unlabelled: set[int] = set()  # the segments of a byline box's text with no "By"
    prose_seen = False  # a line of names after the article's first paragraph is no byline
    for index in range(title_index + 1, stop):
        text, cues = segments[index].text, features[index].text_cues
        prose_seen = prose_seen or _is_prose_line(features[index], options)
        if (
            (found.byline is None or unlabelled)
            and "byline" in cues
            and not _in_ad(segments[index])
        ):
            # A printed "By" line over a box's unlabelled text ("Deal Professor", the
            # column's name, in a box classed byline-column above "By Jo Roe"), which
            # goes back to its own region.
            found.segments -= unlabelled
            found.byline, unlabelled = text, set()
            found.authors = split_authors(text)
            found.segments.add(index)
        elif found.byline is None and _is_label_line(text) and index + 1 < stop:
            _take_label_line(found, segments, index)
        elif found.byline is None and (box := _byline_box(segments[index])) is not None:
            taken = set(found.segments)
            _take_byline_box(found, box, segments, index)
            if found.byline is not None and not vocab.BYLINE_TEXT.match(found.byline):
                unlabelled = found.segments - taken
        elif found.dateline is None and cues & {"dateline", "date"}:
            if segments[index].kind is BlockKind.CAPTION:
                continue  # "A ship leaves port, on Aug. 31, 2019. (AP)": the photo's date
            match = vocab.DATELINE_TEXT.match(text)
            if match and match.group("rest"):
                continue  # a dateline that runs into text belongs to a story, not the header
            found.dateline = text
            found.segments.add(index)
        elif found.byline is None and not prose_seen and _is_names_line(segments[index]):
            # "Naftali Tishby, Fernando C. Pereira, William Bialek" under the title
            found.byline = text
            found.authors = split_authors(text)
            found.segments.add(index)


def _is_prose_line(feature: Features, options: Options) -> bool:
    return feature.sentences > 0 and feature.length >= options.min_paragraph_chars


#: A name's words: capitalised (initials too: "C.", "J.-P."), or a particle ("van", "de").
_NAME_WORD = re.compile(r"^(?:[^\W\d_][\w'’-]*\.?|(?:[^\W\d_]\.-?)+)$")
#: How many words a name of a names line holds, at least and at most.
_NAME_WORDS = (2, 4)


def _is_names_line(segment: Segment) -> bool:
    """A line of two names or more and nothing else, comma-separated, no link, no figure:
    "Mateusz Seroka, Piotr Żochowski", "Naftali Tishby, Fernando C. Pereira, William
    Bialek" (each name two to four words, capitalised but for particles)."""
    text = segment.text
    if (
        segment.kind is not BlockKind.PARAGRAPH
        or segment.links
        or len(text) > MAX_BYLINE_CHARS
        or any(ch.isdigit() for ch in text)
        or names_nobody(text)
    ):
        return False
    names = split_authors(text)
    return (
        len(names) >= 2
        and "," in text  # "Fitness Technology and Data-driven Coaching" joins no names
        and all(_is_name_of_words(name) for name in names)
    )


def _is_name_of_words(name: str) -> bool:
    words = name.split()
    low, high = _NAME_WORDS
    return low <= len(words) <= high and all(
        _NAME_WORD.match(word) is not None
        and (word[0].isupper() or word.lower() in vocab.NAME_PARTICLES)
        for word in words
    )


def _take_label_line(found: Metadata, segments: list[Segment], index: int) -> None:
    """ "Written by" / "Edzel Tabing": a byline's label on a line of its own, the names on
    the next; read as one line where that reads as names. In a byline box the lines go
    where the box's go; elsewhere they stay in the regions the classifier gives them."""
    line = f"{segments[index].text} {segments[index + 1].text}"
    names = read_printed(line).byline
    if names is None or names_nobody(names):
        return
    if (box := _byline_box(segments[index])) is not None:
        _take_byline_box(found, box, segments, index)
    found.byline, found.authors = line, split_authors(line)


def _is_label_line(text: str) -> bool:
    """Whether a line is a byline's label alone: "Written by", "By:", "Author"."""
    label = vocab.BYLINE_PREFIX.match(text)
    return label is not None and label.end() == len(text)


def _is_short_date_line(feature: Features, options: Options) -> bool:
    return "date" in feature.text_cues and feature.words <= options.max_date_line_words


def _byline_box(segment: Segment) -> HtmlElement | None:
    """The nearest element (up to three levels up) whose class says it holds the byline;
    none in the comments ("comment-author vcard" names a reader). The comments are looked
    for only above a box found: that climb goes up to the root, and most segments asked
    about sit in no byline box."""
    element: HtmlElement | None = segment.owner
    for _ in range(_BYLINE_BOX_LEVELS):
        if element is None:
            return None
        if "byline" in class_cues(element):
            return None if _in_comments(segment.owner) else element
        element = element.getparent()
    return None


def _take_byline_box(
    found: Metadata, box: HtmlElement, segments: list[Segment], start: int
) -> None:
    """A byline split over several elements ("Von" + a linked name) is read as one line;
    where one line of the box itself starts "By"/"Von", that line alone is the byline."""
    first = start
    while first > 0 and is_within(segments[first - 1].owner, box):
        first -= 1
    end = first
    while end < len(segments) and is_within(segments[end].owner, box):
        end += 1
    inside = segments[first:end]
    if sum(len(s.text) for s in inside) > 2 * MAX_BYLINE_CHARS:
        return  # an <article class="author-article"> is the whole story, not its byline
    printed = next((s.text for s in inside if vocab.BYLINE_TEXT.match(s.text)), None)
    text = printed or " ".join(s.text for s in inside)
    if not text or len(text) > MAX_BYLINE_CHARS:
        return
    if printed is None:
        # The names before a date the box also holds ("Andrew Gerrand" / "4 August 2010",
        # cut off as a printed byline's); a box holding only the date names nobody, and
        # neither does one whose text before the date reads as no name ("Veröffentlicht
        # am", "Opinions expressed by Forbes Contributors are their own").
        date = vocab.DATE_TEXT.search(text)
        if read_printed(text).byline is None or names_nobody(
            text[: date.start()] if date else text
        ):
            return  # "Learn about our editorial policies", "Insights from": a label, no name
    found.byline = text
    found.authors = split_authors(text)
    found.segments.update(range(first, end))


def _looks_like_section(segment: Segment, features: Features) -> bool:
    text = segment.text
    in_menu = any(
        "navigation" in class_cues(element)
        for element in (segment.owner, *segment.owner.iterancestors())
        if element.tag not in ("body", "html")
    )
    return (
        not in_menu
        and len(segment.links) <= 1  # a row of links is navigation, not a section label
        and len(text) <= _MAX_SECTION_CHARS
        and features.words <= 4
        and not features.text_cues & {"date", "dateline", "byline"}
        and not text.endswith((".", ":"))
    )


def _language(value: str | None) -> str | None:
    if not value:
        return None
    return value.replace("_", "-").split("-")[0].lower() or None
