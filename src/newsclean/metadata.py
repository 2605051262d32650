"""Title, byline, dateline, section, date, site name and language of a page.

Two sources, in this order: what the page prints near its headline (the
segments around the title) and what its markup declares (<meta>, JSON-LD,
<time>). The printed form wins where the Article keeps text as printed
(byline, dateline); declared values fill the gaps.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from dataclasses import dataclass, field

from lxml import etree
from lxml.html import HtmlElement

from newsclean import vocab
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
from newsclean.features import Features, class_cues
from newsclean.model import BlockKind
from newsclean.options import Options
from newsclean.segment import Segment, normalize_space
from newsclean.tree import TagIndex, is_within

_MAX_SECTION_CHARS = 40
_MAX_JSONLD_BYTES = 200_000
_JSON_LD = "application/ld+json"  # every JSON-LD script's type, as parse.py writes it
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


#: The elements the metadata is read from, gathered in one walk of the tree.
TAGS = ("script", "meta", "time", "title", "link")


def declared(root: HtmlElement, tagged: TagIndex | None = None) -> dict[str, str]:
    """What <meta>, JSON-LD and <html lang> declare, keyed by our field names. `tagged`:
    the page's elements of `TAGS` (a `tree.TagIndex` of them), if gathered already."""
    if tagged is None:
        tagged = TagIndex(root, TAGS)
    found: dict[str, str] = {}
    for key, value in _jsonld_fields(tagged["script"]):
        _declare(found, key, value)
    card: dict[str, str] = {}  # the Twitter card's labelled values: twitter:label1, data1...
    listed: dict[str, list[str]] = {}  # one meta per author: citation_author, DC.creator
    for meta in tagged["meta"]:
        name = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        content = normalize_space(html.unescape(meta.get("content") or ""))
        if content and name in _META_FIELDS:
            _declare(found, _META_FIELDS[name], content)
        elif content and name in _LISTED_AUTHORS:
            listed.setdefault(name, []).append(content)
        elif content and name.startswith(("twitter:label", "twitter:data")):
            card[name] = content
    card_author = _card_author(card)
    if card_author:
        _declare(found, "author", card_author)
    for names in listed.values():
        _declare(found, "author", ", ".join(dict.fromkeys(names)))
    lang = root.get("lang") or root.get("xml:lang")
    if lang:
        found.setdefault("language", lang.strip())
    for time in tagged["time"]:
        _declare(found, "date", time.get("datetime") or "")
    return found


def _card_author(card: dict[str, str]) -> str | None:
    """The value a Twitter card labels "Written by" (twitter:label1 -> twitter:data1)."""
    for name, label in card.items():
        if name.startswith("twitter:label") and vocab.AUTHOR_LABEL.fullmatch(label):
            return card.get("twitter:data" + name.removeprefix("twitter:label"))
    return None


def _declare(found: dict[str, str], key: str, value: str) -> None:
    """The first value of each field wins; a date only where it reads as one (a form's
    "Please enter a valid date.", a <time datetime="Dec 23"> without a year are passed
    over for the next source), an author only where it is a name (a profile's URL in
    article:author, a placeholder such as "No Author" give way to <meta name=author>)."""
    if key in found:
        return
    if key == "date" and parse_date(value) is None:
        return
    if key == "author" and not is_name(value):
        return
    found[key] = value


_META_FIELDS = {
    "og:title": "title",
    "twitter:title": "title",
    "author": "author",
    "article:author": "author",
    "og:site_name": "site_name",
    "article:section": "section",
    "article:published_time": "date",
    "datepublished": "date",
    "date": "date",
    "dc.date": "date",
    "citation_publication_date": "date",
    "published": "date",
    "parsely-title": "title",
    "parsely-author": "author",
    "parsely-pub-date": "date",
    "og:locale": "language",
    "content-language": "language",
}


#: Metas that name one author each, repeated for every author (Highwire Press tags on
#: papers, Dublin Core): their names together are the authors.
_LISTED_AUTHORS = ("citation_author", "dc.creator")


def _jsonld_fields(scripts: list[HtmlElement]) -> list[tuple[str, str]]:
    items: list[dict[str, object]] = []
    for script in scripts:
        if script.get("type") != _JSON_LD:
            continue
        raw = script.text or ""
        if len(raw) > _MAX_JSONLD_BYTES:
            continue
        try:
            items.extend(_jsonld_items(_json_value(raw)))
        except ValueError:
            continue
    # An author or publisher given as {"@id": ...} is named by the node with that @id
    # elsewhere in the page's JSON-LD (a Person node of the same @graph, as Yoast writes).
    by_id = {str(item["@id"]): item for item in items if "@id" in item and "name" in item}
    return [pair for item in items for pair in _jsonld_item_fields(item, by_id)]


# A script's JSON wrapped as XHTML character data: "<![CDATA[ {...} ]]>", "//<![CDATA[".
_CDATA = re.compile(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$")


def _json_value(raw: str) -> object:
    """The JSON value a script holds, read as browsers' consumers read it: inside a CDATA
    wrapper, with raw line breaks or tabs inside its strings, and without what follows the
    value (a second object, a stray brace)."""
    text = _CDATA.sub("", raw).strip()
    value, _ = json.JSONDecoder(strict=False).raw_decode(text)
    return value


def _jsonld_items(data: object) -> list[dict[str, object]]:
    items = data if isinstance(data, list) else [data]
    flat: list[dict[str, object]] = []
    for item in items:
        if isinstance(item, dict):
            graph = item.get("@graph")
            flat.extend(g for g in graph if isinstance(g, dict)) if isinstance(
                graph, list
            ) else flat.append(item)
    return flat


def _jsonld_item_fields(
    item: dict[str, object], by_id: dict[str, dict[str, object]]
) -> list[tuple[str, str]]:
    kind = str(item.get("@type", ""))
    if not any(word in kind for word in ("Article", "Posting", "Report", "WebPage")):
        return []
    pairs = [
        ("title", item.get("headline")),
        ("date", item.get("datePublished")),
        ("section", item.get("articleSection")),
        ("author", _names(item.get("author"), by_id)),
        ("site_name", _names(item.get("publisher"), by_id)),
    ]
    return [
        (key, normalize_space(html.unescape(value)))
        for key, value in pairs
        if isinstance(value, str)
    ]


def _names(value: object, by_id: dict[str, dict[str, object]]) -> str | None:
    values = value if isinstance(value, list) else [value]
    nodes = [
        by_id.get(str(v.get("@id")), v) if isinstance(v, dict) and "name" not in v else v
        for v in values
    ]
    names = [v.get("name") if isinstance(v, dict) else v for v in nodes]
    joined = ", ".join(name for name in names if isinstance(name, str) and name)
    return joined or None


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
    addresses = _page_addresses(tagged)
    found = Metadata(site_name=meta.get("site_name"), language=_language(meta.get("language")))
    document_title = _document_title(tagged["title"])
    declared_title = meta.get("title") or document_title
    title_index = _find_title(segments, meta, document_title)
    if title_index is not None:
        heading = segments[title_index].text
        kicker = _kicker(segments[title_index])
        if kicker is not None:  # "<h1><span>Verbraucherschutz</span> Mehr Transparenz</h1>"
            found.section, heading = kicker
        titled = _shares_words(heading, (meta.get("title"), document_title)) and not (
            _names_the_site(heading, meta, document_title)
        )
        found.title = heading if titled else declared_title
        found.segments.add(title_index)
        _printed_header(found, segments, features, title_index, options)
    else:
        found.title = declared_title
    if found.title:
        names = _site_names([*addresses, url or ""], found.site_name)
        found.title = _before_pipe(_without_site_name(found.title, names))
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


def _page_addresses(tagged: TagIndex) -> list[str]:
    """The page's own address as its markup declares it (canonical links' href, og:url
    metas' content), in document order."""
    found: list[str] = []
    for element in tagged.elements:
        if element.tag == "link" and element.get("rel") == "canonical":
            address = element.get("href")
        elif element.tag == "meta" and element.get("property") == "og:url":
            address = element.get("content")
        else:
            continue
        if address is not None:
            found.append(address)
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


# What sets a site's name off a story's title: "Story | Site", "Site – Story".
_TITLE_PARTS = re.compile(r"\s+[|–—:_-]{1,2}\s+|\s*\|\s*")


def _site_names(addresses: list[str], site_name: str | None) -> tuple[str, ...]:
    """The site's name (og:site_name) and its host (canonical link or og:url), squashed
    to lower-case letters and digits."""
    names = [site_name or ""]
    for link in addresses:
        host = re.sub(r"^[a-z]+://(?:www\.)?", "", str(link).lower()).split("/")[0]
        names.append(host)
    return tuple(squashed for name in names if len(squashed := _squash(name)) >= 3)


def _squash(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _before_pipe(title: str) -> str:
    """The title before a "|" that sets off what follows it: a section, a tagline or a
    site's name no address spells ("How meditation rewires brains | Opinion", "... |
    Patient Education | UC Davis Children's Hospital"), where the part before it has at
    least _MIN_PIPED_TITLE_WORDS words (a pipe is no punctuation a story's title uses)."""
    head, pipe, _ = title.partition("|")
    head = head.strip()
    if pipe and len(head.split()) >= _MIN_PIPED_TITLE_WORDS:
        return head
    return title


#: The fewest words a title's part before a "|" has to stand as the title alone.
_MIN_PIPED_TITLE_WORDS = 3


def _without_site_name(title: str, site_names: tuple[str, ...]) -> str:
    """The title without a first or last part that names the site (its og:site_name, or
    a part found in its host name: "Guide | Newegg.com" on newegg.com)."""
    parts = _TITLE_PARTS.split(title)
    if len(parts) < 2 or not site_names:
        return title

    def names_site(part: str) -> bool:
        squashed = _squash(part)
        return bool(squashed) and any(
            squashed == name or (len(squashed) >= 4 and squashed in name) for name in site_names
        )

    if names_site(parts[-1]):
        return title[: title.rfind(parts[-1])].rstrip(" |–—:_-") or title
    if names_site(parts[0]):
        return title[len(parts[0]) :].lstrip(" |–—:_-") or title
    return title


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


def _in_comments(element: HtmlElement) -> bool:
    """Whether a box around the element is the readers' comments (by its class or id)."""
    return any("comments" in class_cues(box) for box in element.iterancestors())


_MAX_NAME_CHARS = 60


def _document_title(titles: list[HtmlElement]) -> str | None:
    for title in titles:
        text = normalize_space(title.text_content())
        if text:
            return text
    return None


def _shares_words(heading: str, declared_titles: tuple[str | None, ...]) -> bool:
    """Whether a heading taken for the title has a word in common with a title the page
    declares (og:title, <title>): an <h1> that shares none ("Lorem", the site's logo)
    names something else, and the declared title is the story's."""
    titles = [title for title in declared_titles if title]
    words = {word for title in titles for word in re.findall(r"\w+", title.lower())}
    return not titles or any(word in words for word in re.findall(r"\w+", heading.lower()))


#: The most words of a kicker set inside the title's heading (as of a section's line).
_MAX_KICKER_WORDS = 4
#: Inline elements a kicker is set in, inside the heading: a classed span ("span.kicker")
#: or any of these ending in a colon ("<strong>Blog:</strong>"); emphasis with no colon
#: stresses a word of the title ("<h1><em>Apple's</em> new phone</h1>").
_KICKER_TAGS = frozenset({"span", "small"})
_LABEL_TAGS = frozenset({"span", "small", "strong", "b", "em", "i"})


def _holds_declared(title: str, hints: list[str]) -> bool:
    """Whether a (lower-cased) title is a declared title, lies in one, or holds one of its
    parts of over 15 characters ("transparenz bei preisanpassungen" of "bmjv |
    transparenz bei preisanpassungen")."""
    for hint in hints:
        if title in hint or any(
            len(part) > 15 and part in title for part in _TITLE_PARTS.split(hint)
        ):
            return True
    return False


def _kicker(segment: Segment) -> tuple[str, str] | None:
    """A kicker set inside a heading, before the title: the heading's first child, a
    classed `<span>` or `<small>`, or a label ending in a colon ("<strong>Blog:</strong>"),
    opening its text and holding at most `_MAX_KICKER_WORDS` words, the title (two words
    at least) after it: "<h1><span class="category">Verbraucherschutz</span> Mehr
    Transparenz bei Preisanpassungen</h1>". (kicker, title), else None."""
    heading = segment.owner
    if heading.tag not in ("h1", "h2") or (heading.text or "").strip() or not len(heading):
        return None
    first = heading[0]
    kicker = normalize_space(first.text_content()) if first.tag in _LABEL_TAGS else ""
    text = normalize_space(segment.text)
    title = text[len(kicker) :].strip(" :|–—-")
    # A styled piece of its own ("span.category", "span.article-heading__kicker"), or a
    # label ("Blog:").
    styled = kicker.endswith(":") or (first.tag in _KICKER_TAGS and bool(first.get("class")))
    if (
        not styled
        or not 1 <= len(kicker.split()) <= _MAX_KICKER_WORDS
        or not text.startswith(kicker)
        or len(title.split()) < 2
    ):
        return None
    return kicker.rstrip(" :"), title


# The parts of a document title that a blog's name may be one of: as _TITLE_PARTS, and a
# colon set after the name only ("Silicon Exposed: Open Verilog flow...").
_NAME_PARTS = re.compile(_TITLE_PARTS.pattern + r"|:\s+")


def _names_the_site(heading: str, meta: dict[str, str], document_title: str | None) -> bool:
    """Whether the heading taken for the title is the site's name: its og:site_name, or
    the part of the document's title that the declared story title leaves out (a blog's
    name over its post: "Silicon Exposed" of "Silicon Exposed: Open Verilog flow...",
    og:title "Open Verilog flow...")."""
    squashed = _squash(heading)
    if not squashed:
        return False
    site = _squash(meta.get("site_name") or "")
    if squashed == site:
        return True
    story = _squash(meta.get("title") or "")
    parts = [_squash(part) for part in _NAME_PARTS.split(document_title or "")]
    if not story or len(parts) < 2 or squashed in story or story == site:
        return False
    return (squashed == parts[0] and story == "".join(parts[1:])) or (
        squashed == parts[-1] and story == "".join(parts[:-1])
    )


def _find_title(
    segments: list[Segment], meta: dict[str, str], document_title: str | None
) -> int | None:
    """The heading that the declared titles confirm; failing that, the first <h1>."""
    hints = [hint.lower() for hint in (meta.get("title"), document_title) if hint]
    headings = [
        (index, s) for index, s in enumerate(segments) if s.kind == "heading" and s.level <= 2
    ]
    # A heading the declared title spells out, else the longest one it contains: the
    # story's title, not the site's name set as a heading ("... - The New York Times").
    exact = (index for index, s in headings if s.text.lower() in hints)
    contained = [
        (len(s.text), -index)
        for index, s in headings
        if len(s.text) > 15 and any(s.text.lower() in hint for hint in hints)
    ]
    found = next(exact, None)
    if found is not None:
        return found
    if contained:
        return -max(contained)[1]
    # A heading holding a kicker before the title the page declares ("Thema
    # Verbraucherschutz" over "Mehr Transparenz bei Preisanpassungen"; <title> "BMJV |
    # Transparenz bei Preisanpassungen"), before a first <h1> that is the site's logo.
    kicked = (
        index
        for index, s in headings
        if (kicker := _kicker(s)) is not None and _holds_declared(kicker[1].lower(), hints)
    )
    found = next(kicked, None)
    if found is not None:
        return found
    first_h1 = next((index for index, s in headings if s.level == 1), None)
    return first_h1


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
        if (found.byline is None or unlabelled) and "byline" in cues:
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
