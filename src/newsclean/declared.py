"""What a page declares about its story: <meta> tags (Open Graph, Twitter cards, Parse.ly,
citation_author / DC.creator), JSON-LD, <time datetime>, <html lang>, <title> and its
canonical address.

Pure functions over the tree (or a `tree.TagIndex` of its `TAGS`): they read markup, not
the printed page; metadata.py weighs what they return against what the page prints.
"""

from __future__ import annotations

import html
import json
import re

from lxml.html import HtmlElement

from newsclean import vocab
from newsclean.byline import is_name
from newsclean.dates import parse_date
from newsclean.segment import normalize_space
from newsclean.tree import TagIndex

_MAX_JSONLD_BYTES = 200_000
_JSON_LD = "application/ld+json"  # every JSON-LD script's type, as parse.py writes it


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
        elif content and _PUBLICATION_DATE_META.search(name):
            _declare(found, "date", content)
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
    "dc.title": "title",
    "dcterms.title": "title",
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


#: Other metas named for the day of publication, as sites and their tools name them
#: ("published-date", "w-published-date", "publish_date", "pubdate", "publication-date"):
#: a day, not a time ("published-time" is often when the page was last built).
_PUBLICATION_DATE_META = re.compile(r"(?:^|[-_.:])(?:publish(?:ed)?|publication|pub)[-_]?date$")

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


def page_addresses(tagged: TagIndex) -> list[str]:
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


def document_title(titles: list[HtmlElement]) -> str | None:
    """The text of the page's first <title> that holds any."""
    for title in titles:
        text = normalize_space(title.text_content())
        if text:
            return text
    return None
