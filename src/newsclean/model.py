"""The results newsclean returns: frozen dataclasses with no lxml inside.

Blocks carry provenance (tag, short path, rule) instead of live elements, so an
`Article` pickles, compares and serialises cheaply.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class BlockKind(StrEnum):
    """What a block of text is, typographically."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"
    LIST_ITEM = "list_item"
    QUOTE = "quote"
    TABLE = "table"
    CAPTION = "caption"
    PREFORMATTED = "preformatted"


class Region(StrEnum):
    """Which field of the `Article` a block was routed to."""

    MAIN = "main"
    SIDEBAR = "sidebar"
    AD = "ad"
    LEGAL = "legal"
    BOILERPLATE = "boilerplate"
    METADATA = "metadata"  # title, byline, dateline, section lines: taken into Article fields


class EncodingRule(StrEnum):
    """Which evidence decided how the input bytes were decoded."""

    STR = "str"  # the caller passed text; nothing was decoded
    BOM = "bom"
    HTTP = "http"  # the caller's http_charset
    META = "meta"  # <meta charset> or <meta http-equiv=Content-Type>
    DETECTED = "detected"  # what the bytes show: a UTF-8/UTF-16 sniff or charset-normalizer
    DEFAULT = "default"  # nothing else applied: utf-8 with replacement


@dataclass(frozen=True, slots=True)
class Block:
    """One run of text: a paragraph, heading, list item, quote, data table...

    `role` says what the block is within its region (for boilerplate:
    "navigation", "share", "comments"...; for main: "text"), `rule` which
    heuristic or template rule decided it, `tag` and `path` where it came from.
    A TABLE block carries its cells in `rows` (rectangular, spans padded with "");
    its `text` is the same cells, tab-separated, one row per line.
    """

    kind: BlockKind
    text: str
    region: Region = Region.MAIN
    role: str = "text"
    tag: str = ""
    path: str = ""
    rule: str = ""
    level: int = 0  # heading level 1-6, list nesting depth; 0 where it does not apply
    rows: tuple[tuple[str, ...], ...] = ()  # a TABLE's cells, row by row; () for other kinds
    header_rows: int = 0  # how many of `rows` are header rows (<thead>, leading <th> rows)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable dict; TABLE blocks add `rows` and `header_rows`."""
        result: dict[str, Any] = {
            "kind": self.kind.value,
            "text": self.text,
            "region": self.region.value,
            "role": self.role,
            "tag": self.tag,
            "path": self.path,
            "rule": self.rule,
            "level": self.level,
        }
        if self.kind is BlockKind.TABLE:
            result["rows"] = [list(row) for row in self.rows]
            result["header_rows"] = self.header_rows
        return result


@dataclass(frozen=True, slots=True)
class Story:
    """Another story shown on the page: an embedded side story, a teaser, a headline."""

    title: str
    text: str = ""
    url: str | None = None
    dateline: str | None = None
    rule: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "text": self.text,
            "url": self.url,
            "dateline": self.dateline,
            "rule": self.rule,
        }


@dataclass(frozen=True, slots=True)
class Article:
    """Everything newsclean found on one page."""

    title: str | None = None
    byline: str | None = None
    authors: tuple[str, ...] = ()
    dateline: str | None = None
    published: dt.date | dt.datetime | None = None
    section: str | None = None
    site_name: str | None = None
    language: str | None = None
    url: str | None = None
    body: tuple[Block, ...] = ()
    sidebar_stories: tuple[Story, ...] = ()
    ads: tuple[Block, ...] = ()
    legal: tuple[Block, ...] = ()
    boilerplate: tuple[Block, ...] = ()
    template: str | None = None
    encoding: str | None = None
    encoding_rule: EncodingRule | None = None
    warnings: tuple[str, ...] = field(default=())

    @property
    def text(self) -> str:
        """The article's running text: the body's blocks separated by a blank line.

        Image captions are left out (they are in `body`, as CAPTION blocks, and in
        `to_markdown()`): they describe a picture the text does not show.
        """
        return "\n\n".join(
            block.text for block in self.body if block.text and block.kind is not BlockKind.CAPTION
        )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable dict (dates as ISO 8601 strings)."""
        return {
            "title": self.title,
            "byline": self.byline,
            "authors": list(self.authors),
            "dateline": self.dateline,
            "published": self.published.isoformat() if self.published else None,
            "section": self.section,
            "site_name": self.site_name,
            "language": self.language,
            "url": self.url,
            "text": self.text,
            "body": [block.to_dict() for block in self.body],
            "sidebar_stories": [story.to_dict() for story in self.sidebar_stories],
            "ads": [block.to_dict() for block in self.ads],
            "legal": [block.to_dict() for block in self.legal],
            "boilerplate": [block.to_dict() for block in self.boilerplate],
            "template": self.template,
            "encoding": self.encoding,
            "encoding_rule": self.encoding_rule.value if self.encoding_rule else None,
            "warnings": list(self.warnings),
        }

    def to_markdown(self, *, regions: bool = False) -> str:
        """The article as Markdown; with `regions=True`, the typed regions follow it."""
        from newsclean.markdown import article_to_markdown

        return article_to_markdown(self, regions=regions)
