"""Segment a parsed page into runs of text between block-level tags.

One iterative pass over the tree (lxml's iterwalk: no recursion, pages nest
thousands deep). Inline elements flow into the current segment; links and bold
text are measured, not split. A single ``<br>`` ends a segment softly (the next
one is marked ``soft_break`` so assembly can rejoin lines of one paragraph);
``<br><br>`` and block-level tags end it hard.

A data table (see `tables.py`) is one segment of kind TABLE carrying its cells as
rows; its `<caption>` is a CAPTION segment just before it. A layout table is walked
like any other box.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import islice

from lxml import etree
from lxml.html import HtmlElement

from newsclean import tables, vocab
from newsclean.limits import Deadline
from newsclean.model import BlockKind
from newsclean.tree import is_within

_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def normalize_space(text: str) -> str:
    """Runs of whitespace as one space, none at the ends (`str.split` splits on exactly
    the characters regex `\\s` matches, in C)."""
    return " ".join(text.split())


@dataclass(frozen=True, slots=True)
class Link:
    text: str
    href: str


@dataclass(frozen=True, slots=True)
class Markup:
    """The links and the bold text inside a segment's text."""

    links: tuple[Link, ...] = ()
    link_chars: int = 0
    emphasis_chars: int = 0  # characters inside <b>/<strong>


#: The markup of most segments: none. Shared, so a plain segment carries no object of its own.
PLAIN = Markup()


@dataclass(frozen=True, slots=True)
class Cells:
    """A data table's cells, row by row (rectangular), and how many rows are header rows."""

    rows: tuple[tuple[str, ...], ...]
    header_rows: int


@dataclass(frozen=True, slots=True)
class Layout:
    """How a segment's text is laid out: its kind, its level (a heading's rank, a list
    item's nesting), whether only a single <br> parts it from the segment before, and a
    data table's cells. Equal layouts are shared (see `_Collector.layout`): a page of
    100,000 paragraphs holds a handful, not 100,000."""

    kind: BlockKind
    level: int = 0
    soft_break: bool = False
    #: A data table's cells (the segment's text is them tab- and line-separated); None
    #: for other kinds.
    cells: Cells | None = None


@dataclass(slots=True)
class Segment:
    """A run of visible text and where it sits in the tree.

    One per run of text, so a page of 100,000 short paragraphs holds 100,000: what
    most segments share (their layout) or lack (links and bold text) is a field holding
    a shared record, not one field per value.
    """

    text: str
    owner: HtmlElement  # innermost block-level element that holds the text
    layout: Layout
    markup: Markup = PLAIN

    @property
    def kind(self) -> BlockKind:
        return self.layout.kind

    @property
    def level(self) -> int:
        return self.layout.level

    @property
    def soft_break(self) -> bool:
        return self.layout.soft_break

    @property
    def cells(self) -> Cells | None:
        return self.layout.cells

    @property
    def links(self) -> tuple[Link, ...]:
        return self.markup.links

    @property
    def link_chars(self) -> int:
        return self.markup.link_chars

    @property
    def emphasis_chars(self) -> int:
        return self.markup.emphasis_chars

    @property
    def rows(self) -> tuple[tuple[str, ...], ...]:
        cells = self.layout.cells
        return cells.rows if cells is not None else ()

    @property
    def header_rows(self) -> int:
        cells = self.layout.cells
        return cells.header_rows if cells is not None else 0

    @property
    def tag(self) -> str:
        return str(self.owner.tag)


@dataclass(slots=True)
class _Open:
    """An inline element being collected: where in the buffer it started."""

    tag: str
    start: int
    href: str = ""


class _ClassesAbove:
    """The class values of an owner's parent and grandparent, as `_caption_classed` joins
    them after the owner's, kept for the last parent asked about (consecutive segments
    mostly share it); and whether they hold none of `vocab.CAPTION_CLASS_WORDS`, ASCII."""

    __slots__ = ("_parent", "_plain", "_text")

    def __init__(self) -> None:
        self._parent: HtmlElement | None = None
        self._text = ""
        self._plain = True

    def of(self, parent: HtmlElement | None) -> tuple[str, bool]:
        if parent is None:
            return "", True
        if parent is not self._parent:
            text = f" {parent.get('class') or ''}"
            grandparent = parent.getparent()
            if grandparent is not None:
                text = f"{text} {grandparent.get('class') or ''}"
            self._parent, self._text = parent, text
            self._plain = text.isascii() and _CAPTION_CLASS_WORD.search(text.lower()) is None
        return self._text, self._plain


@dataclass(slots=True)
class _Collector:
    """The text being gathered for the current segment, and the segments done."""

    pieces: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    link_chars: int = 0
    emphasis_chars: int = 0
    breaks: int = 0  # <br>s seen since the last segment ended; -1 after a block boundary
    segments: list[Segment] = field(default_factory=list)
    #: Tags of the elements the walk is inside, outermost first (the walk's root's own
    #: ancestors included): an open element's ancestors are a prefix of it, so a segment's
    #: kind and level are read off this list, with no climb through the tree.
    open_tags: list[str] = field(default_factory=list)
    #: The links and emphasis open at this point of the walk, innermost last.
    inline: list[_Open] = field(default_factory=list)
    #: Ids of the hidden panels a control on the page discloses (see `_is_skipped`).
    disclosed: frozenset[str] = frozenset()
    #: The layouts made so far, by their values (a table's, never equal to another, are
    #: not kept).
    layouts: dict[tuple[BlockKind, int, bool], Layout] = field(default_factory=dict)
    #: Short segment texts seen so far (see `shared_text`).
    texts: dict[str, str] = field(default_factory=dict)
    #: The classes above the last owner asked about (see `_ClassesAbove`).
    classes_above: _ClassesAbove = field(default_factory=_ClassesAbove)

    def layout(self, kind: BlockKind, level: int, soft_break: bool) -> Layout:
        """The shared layout of these values."""
        key = (kind, level, soft_break)
        made = self.layouts.get(key)
        if made is None:
            made = self.layouts[key] = Layout(kind, level, soft_break)
        return made

    def shared_text(self, text: str) -> str:
        """An equal short text met before, else `text`: a page that repeats a line (a
        "Reply" under each comment, a menu on every card, 100,000 paragraphs of one word)
        holds it once. A str costs 49 bytes before its characters; the memo is bounded."""
        if len(text) > _SHARED_TEXT_CHARS:
            return text
        shared = self.texts.get(text)
        if shared is not None:
            return shared
        if len(self.texts) < _SHARED_TEXTS:
            self.texts[text] = text
        return text

    def add(self, text: str | None) -> None:
        if text:
            self.pieces.append(text)

    def text_since(self, start: int) -> str:
        return normalize_space("".join(self.pieces[start:]))

    def close_inline(self, opened: _Open) -> None:
        if opened.start < 0:
            return
        text = self.text_since(opened.start)
        if not text:
            return
        if opened.tag == "a":
            self.links.append(Link(text, opened.href))
            self.link_chars += len(text)
        else:
            self.emphasis_chars += len(text)

    def flush(self, owner: HtmlElement, preformatted: bool, depth: int | None = None) -> None:
        """End the current segment, held by `owner`; `depth` is where the owner's tag is
        in `open_tags` (None: the owner is not open, its ancestors are read off the tree)."""
        if not self.pieces:  # nothing gathered: no links or emphasis either
            return
        raw = "".join(self.pieces)
        # Most flushes (a block boundary after another) hold no text, or only whitespace.
        text = "" if raw.isspace() else raw.strip("\n") if preformatted else normalize_space(raw)
        if self.inline:
            self._close_around_block(text)
        if text:
            ancestors = self._ancestor_tags(owner, depth)
            self.segments.append(
                Segment(  # text, owner, layout, markup: by position, cheaper than by keyword
                    self.shared_text(text),
                    owner,
                    self.layout(
                        _kind_of(owner, ancestors, preformatted, text, self.classes_above),
                        _level_of(owner.tag, ancestors),
                        self.breaks == 1,  # soft_break
                    ),
                    _markup(tuple(self.links), self.link_chars, self.emphasis_chars, text),
                )
            )
            self.breaks = 0
        self.pieces.clear()
        self.links.clear()
        self.link_chars = 0
        self.emphasis_chars = 0

    def _close_around_block(self, text: str) -> None:
        """A link to another page open around the block being ended (<a href><h3>Title</h3>
        <p>...</p></a>): the block's text inside it is link text, as if the link were
        inside the block, and so is the link's text after it. A script's or an anchor's
        link round blocks (<a href="javascript:">) is a click target: no link text."""
        link = next((opened for opened in reversed(self.inline) if opened.tag == "a"), None)
        if link is None:
            return
        if not _leads_elsewhere(link.href):
            link.start = -1  # a click target round blocks: none of its text is a link's
            return
        inside = self.text_since(link.start) if text else ""
        if inside:
            self.links.append(Link(inside, link.href))
            self.link_chars += len(inside)
        link.start = 0  # the next block's text, or the link's after its last block

    def _ancestor_tags(self, owner: HtmlElement, depth: int | None) -> list[str]:
        """The tags of the owner's nearest `_ANCESTOR_REACH` ancestors, nearest first."""
        if depth is None:
            return [str(a.tag) for a in islice(owner.iterancestors(), _ANCESTOR_REACH)]
        return self.open_tags[max(depth - _ANCESTOR_REACH, 0) : depth][::-1]

    def add_table(self, table: HtmlElement, read: _TableRead) -> None:
        text = "\n".join("\t".join(row) for row in read.rows)
        self.segments.append(
            Segment(
                text=text,
                owner=table,
                layout=Layout(BlockKind.TABLE, cells=Cells(read.rows, read.header_rows)),
                markup=_markup(read.links, read.link_chars, read.emphasis_chars, text),
            )
        )
        self.breaks = -1


def _leads_elsewhere(href: str) -> bool:
    """A link to another page, not a script's or an anchor's click target wrapped round
    a block (<a href="javascript:"><p>...</p></a>, an accordion's <a href="#">)."""
    return bool(href) and not href.lstrip().lower().startswith(("#", "javascript:"))


def _markup(links: tuple[Link, ...], link_chars: int, emphasis_chars: int, text: str) -> Markup:
    """The markup of a segment of `text`, its counts capped at the text's length."""
    if not (links or link_chars or emphasis_chars):
        return PLAIN
    return Markup(links, min(link_chars, len(text)), min(emphasis_chars, len(text)))


@dataclass(frozen=True, slots=True)
class _TableRead:
    """A data table's cells as text, and the links and emphasis inside them."""

    rows: tuple[tuple[str, ...], ...]
    header_rows: int
    links: tuple[Link, ...]
    link_chars: int
    emphasis_chars: int


#: Segment texts up to this long are shared between equal segments (`_Collector.shared_text`),
#: up to this many distinct ones a page.
_SHARED_TEXT_CHARS = 40
_SHARED_TEXTS = 4096

#: An open block-level element and its depth: where its tag is in `_Collector.open_tags`.
_Block = tuple[HtmlElement, int]


def segment(root: HtmlElement, deadline: Deadline | None = None) -> list[Segment]:
    """Split the page under `root` into segments in document order.

    `deadline` (the caller's time budget) is ticked once per node walked.
    """
    collector = _Collector(disclosed=_disclosed_ids(root))
    open_tags = collector.open_tags = [str(a.tag) for a in root.iterancestors()][::-1]
    pieces = collector.pieces  # cleared in place by `flush`, never replaced
    blocks: list[_Block] = [(root, len(open_tags))]  # innermost last
    skipped: list[bool] = []  # for each open element: is it hidden (its end shows no text)
    inline = collector.inline
    pre_depth = 0
    # The end step and the adding of text written out: they run once per node, and a
    # call each costs more than the step itself.
    walker = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    for event, element in walker:
        if deadline is not None:
            deadline.tick("segment")
        tag = element.tag
        if not isinstance(tag, str):  # comment or processing instruction: only its tail shows
            if tail := element.tail:  # read once: each read builds a new str
                pieces.append(tail)
            continue
        if event == "start":
            is_hidden = _is_skipped(element, collector.disclosed, tag)
            skipped.append(is_hidden)
            open_tags.append(tag)
            # A hidden element's "end" event still comes, and adds its tail; a data
            # table's finds it not on `blocks`: a no-op.
            if is_hidden or (
                tag == "table"
                and not pre_depth
                and _data_table(element, collector, blocks, deadline)
            ):
                walker.skip_subtree()
                continue
            pre_depth += tag == "pre"
            _start(element, tag, collector, blocks, inline, pre_depth > 0)
            continue
        open_tags.pop()
        if not skipped.pop():
            if tag in vocab.BLOCK_TAGS and len(blocks) > 1 and blocks[-1][0] is element:
                _, depth = blocks.pop()
                if pieces:
                    collector.flush(element, pre_depth > 0, depth)
                collector.breaks = -1
            elif inline and inline[-1].tag == tag and (tag == "a" or tag in vocab.EMPHASIS_TAGS):
                collector.close_inline(inline.pop())
            pre_depth -= tag == "pre"
        if tail := element.tail:
            pieces.append(tail)
    owner, depth = blocks[-1]
    collector.flush(owner, preformatted=False, depth=depth)
    _caption_slideshows(collector.segments)
    return collector.segments


#: A slide's counter at the start of its text: "1/50 United goin down", "2 of 12".
_SLIDE_COUNTER = re.compile(r"(\d{1,3})\s*(?:/|of|von|de|sur)\s*(\d{1,3})(?![\d/.,:])", re.I)
#: A slideshow counts at least this many slides, one after another from the first, out of
#: one total: two numbers in a row are as often a fraction or a score.
MIN_SLIDES = 3


def _caption_slideshows(segments: list[Segment]) -> None:
    """A gallery's slides ("1/50 United goin down" / what the picture shows, "2/50 ..."),
    set as headings and paragraphs, are its pictures' captions: from the first counter to
    the end of the last slide's box, each segment's kind becomes CAPTION (so, as every
    caption, it stays in `body` and out of `text`)."""
    run: list[tuple[int, int, int]] = []  # (segment index, slide number, total)
    for index, seg in enumerate(segments):
        if not seg.text[:1].isdigit() or (found := _SLIDE_COUNTER.match(seg.text)) is None:
            continue
        number, total = int(found[1]), int(found[2])
        if run and total == run[-1][2] and number == run[-1][1] + 1:
            run.append((index, number, total))
            continue
        _caption_run(segments, run)
        run = [(index, number, total)] if number == 1 else []
    _caption_run(segments, run)


def _caption_run(segments: list[Segment], run: list[tuple[int, int, int]]) -> None:
    if len(run) < MIN_SLIDES or run[0][2] < MIN_SLIDES:
        return
    last, before = segments[run[-1][0]].owner, segments[run[-2][0]].owner
    slide = last  # the last slide's box: the largest around its counter but not the one before
    for parent in last.iterancestors():
        if is_within(before, parent):
            break
        slide = parent
    stop = run[-1][0] + 1
    while stop < len(segments) and is_within(segments[stop].owner, slide):
        stop += 1
    for seg in segments[run[0][0] : stop]:
        if seg.layout.kind is not BlockKind.CAPTION:
            seg.layout = _caption_layout(seg.layout)


def _caption_layout(layout: Layout) -> Layout:
    return Layout(BlockKind.CAPTION, 0, layout.soft_break)


def _start(
    element: HtmlElement,
    tag: str,
    collector: _Collector,
    blocks: list[_Block],
    inline: list[_Open],
    preformatted: bool,
) -> None:
    """`tag`: the element's, read by the caller (each read builds a new str)."""
    if tag == "br":
        _line_break(collector, blocks[-1], preformatted)
        return
    if tag in vocab.BLOCK_TAGS:
        if collector.pieces:  # else nothing to flush
            owner, depth = blocks[-1]
            collector.flush(owner, preformatted, depth)
        collector.breaks = -1
        blocks.append((element, len(collector.open_tags) - 1))
    elif tag == "a" or tag in vocab.EMPHASIS_TAGS:
        inline.append(_Open(tag, len(collector.pieces), element.get("href") or ""))
    if text := element.text:  # read once: each read builds a new str
        collector.pieces.append(text)


def _data_table(
    table: HtmlElement, collector: _Collector, blocks: list[_Block], deadline: Deadline | None
) -> bool:
    """Emit a data table as one segment (after its caption's); False for a layout table."""
    shape = tables.shape_of(table)
    if shape is None:
        return False
    read = _read_table(shape, deadline, collector.disclosed)
    if read is None:
        return False
    owner, depth = blocks[-1]
    collector.flush(owner, preformatted=False, depth=depth)
    collector.breaks = -1  # a table is a block boundary
    if shape.caption is not None:
        _read_inline(shape.caption, collector, deadline)
        collector.flush(shape.caption, preformatted=False)
    collector.add_table(table, read)
    return True


def _read_table(
    shape: tables.Shape, deadline: Deadline | None, disclosed: frozenset[str]
) -> _TableRead | None:
    """The cells' text; None when it does not read like data (see `tables.holds_data`)
    or leaves fewer than two rows and two columns once empty ones are dropped."""
    reader = _Collector(disclosed=disclosed)
    texts = [
        ""
        if _in_hidden_row(cell.element, disclosed)
        else _read_inline(cell.element, reader, deadline)
        for cell in shape.cells
    ]
    if not tables.holds_data(texts, reader.link_chars):
        return None
    rows, header_rows = tables.fill(shape, texts)
    if len(rows) < 2 or len(rows[0]) < 2:
        return None
    return _TableRead(
        rows, header_rows, tuple(reader.links), reader.link_chars, reader.emphasis_chars
    )


def _in_hidden_row(cell: HtmlElement, disclosed: frozenset[str]) -> bool:
    """The cell's row or row group is hidden (the walk would have skipped them)."""
    for ancestor in cell.iterancestors():
        if ancestor.tag == "table":
            return False
        if _is_skipped(ancestor, disclosed):
            return True
    return False


def _read_inline(container: HtmlElement, collector: _Collector, deadline: Deadline | None) -> str:
    """The visible text inside `container` as one line (block tags and <br> become
    spaces), its links and emphasis measured into `collector`; its own tail left out."""
    start = len(collector.pieces)
    inline: list[_Open] = []
    walker = etree.iterwalk(container, events=("start", "end", "comment", "pi"))
    for event, element in walker:
        if deadline is not None:
            deadline.tick("segment")
        tag = element.tag
        if not isinstance(tag, str):
            collector.add(element.tail)
            continue
        if event == "start":
            if _is_skipped(element, collector.disclosed):
                walker.skip_subtree()
                continue
            if tag == "br" or tag in vocab.BLOCK_TAGS:
                collector.add(" ")
            elif tag == "a" or tag in vocab.EMPHASIS_TAGS:
                inline.append(_Open(tag, len(collector.pieces), element.get("href") or ""))
            collector.add(element.text)
            continue
        if element is container:
            break
        if not _is_skipped(element, collector.disclosed):
            if tag in vocab.BLOCK_TAGS:
                collector.add(" ")
            elif inline and inline[-1].tag == tag and (tag == "a" or tag in vocab.EMPHASIS_TAGS):
                collector.close_inline(inline.pop())
        collector.add(element.tail)
    return collector.text_since(start)


def _line_break(collector: _Collector, block: _Block, preformatted: bool) -> None:
    if preformatted:
        collector.add("\n")
        return
    if "".join(collector.pieces).strip():
        collector.flush(block[0], preformatted, block[1])
        collector.breaks = 1
    elif collector.breaks >= 0:
        collector.breaks += 1


def _is_skipped(element: HtmlElement, disclosed: frozenset[str], tag: object | None = None) -> bool:
    """Never shown: a script, a form control..., or a hidden element — unless a control
    on the page discloses it (`aria-controls` names it: an accordion's or a FAQ's answer,
    folded until its question is clicked). `tag`: the element's, if read already."""
    if tag is None:
        tag = element.tag
    if tag in vocab.SKIP_TAGS and tag != "html":
        return True
    style = element.get("style")
    hidden = (
        element.get("hidden") is not None
        or element.get("aria-hidden") == "true"
        or bool(style and _HIDDEN_STYLE.search(style))
    )
    return hidden and not _is_disclosed(element, disclosed)


def _is_disclosed(element: HtmlElement, disclosed: frozenset[str]) -> bool:
    """A folded panel: `aria-controls` names it or its child (the panel inside its
    collapsing wrapper), or it follows its toggle, a control with `aria-expanded` (the
    question's button, alone or in its heading)."""
    if disclosed and any(
        box.get("id") in disclosed for box in (element, *element) if isinstance(box.tag, str)
    ):
        return True
    toggle = element.getprevious()
    return (
        toggle is not None
        and isinstance(toggle.tag, str)
        and (
            toggle.get("aria-expanded") is not None
            or toggle.find(".//*[@aria-expanded]") is not None
        )
    )


def _disclosed_ids(root: HtmlElement) -> frozenset[str]:
    """The ids that the page's disclosure controls name in `aria-controls`."""
    return frozenset(
        name
        for value in root.xpath("descendant-or-self::*/@aria-controls")
        for name in str(value).split()
    )


#: How far up a segment's kind and level look: list nesting, the farthest, counts 12 levels.
_ANCESTOR_REACH = 12


def _kind_of(
    owner: HtmlElement,
    ancestors: list[str],
    preformatted: bool,
    text: str,
    above: _ClassesAbove | None = None,
) -> BlockKind:
    """`ancestors`: the owner's ancestors' tags, nearest first; `above`: the walk's memo
    of the classes above an owner."""
    tag = owner.tag
    if preformatted:
        return BlockKind.PREFORMATTED
    if tag in vocab.HEADING_TAGS or _heading_above(ancestors) is not None:
        # A heading classed as a caption ("h2.figure__caption") is one; a teaser card's
        # headline inside a <figcaption> is a heading.
        caption = vocab.CAPTION_CLASS.search(owner.get("class") or "") is not None
        return BlockKind.CAPTION if caption else BlockKind.HEADING
    # A block inside a <figcaption> too: a CMS's field wrappers around the caption text.
    # And a paragraph the markup does not mark that names its figure ("Abbildung 4: ...").
    if (
        tag in vocab.CAPTION_TAGS
        or _caption_above(ancestors)
        or _caption_classed(owner, above)
        or (tag not in vocab.LIST_ITEM_TAGS and _names_its_figure(text))
        or (tag == "p" and _closes_with_credit(owner, text))
    ):
        return BlockKind.CAPTION
    if tag in vocab.LIST_ITEM_TAGS:
        return BlockKind.LIST_ITEM
    if "blockquote" in ancestors[:6]:
        return BlockKind.QUOTE
    return BlockKind.PARAGRAPH


def _names_its_figure(text: str) -> bool:
    """The text opens with its figure's number: "Abbildung 4:", "FIGURE 2.", "Fig. 1:"."""
    return (
        text[:3].lower() in vocab.FIGURE_LABEL_STARTS and vocab.FIGURE_LABEL.match(text) is not None
    )


def _closes_with_credit(owner: HtmlElement, text: str) -> bool:
    """The paragraph ends in an inline element classed as a credit, the picture's source
    after its caption: `<p>AMO found ... <span class="credit video-credit">By U.S.
    CUSTOMS</span></p>`."""
    last = next(
        (child for child in reversed(owner) if isinstance(child.tag, str)),
        None,
    )
    if last is None or last.tag not in vocab.CREDIT_INLINE_TAGS:
        return False
    names = last.get("class") or ""
    if "credit" not in names.lower() or vocab.CREDIT_CLASS.search(names) is None:
        return False
    if (last.tail or "").strip():
        return False
    credit = " ".join(last.text_content().split())
    return bool(credit) and text.rstrip().endswith(credit) and len(text.strip()) > len(credit)


#: Any of vocab.CAPTION_CLASS_WORDS: one scan, not one per word.
_CAPTION_CLASS_WORD = re.compile("|".join(map(re.escape, vocab.CAPTION_CLASS_WORDS)))


def _caption_classed(owner: HtmlElement, above: _ClassesAbove | None = None) -> bool:
    """A picture's caption in a box classed as one ("wp-caption-text", "caption-full"):
    the owner's class or one of its two nearest ancestors'."""
    # Nearly every segment asks: one search over the three values joined by spaces (the
    # pattern reads a space as it reads a value's start or end), and the two above read
    # once per parent.
    own = owner.get("class") or ""
    above_text, above_plain = (above or _ClassesAbove()).of(owner.getparent())
    # Most name no caption, and a substring test rules that out far cheaper than the
    # pattern. Only for ASCII: there, matching case-insensitively is matching lower-cased.
    # No caption word holds a space, so none spans the owner's value and those above.
    if above_plain and own.isascii() and _CAPTION_CLASS_WORD.search(own.lower()) is None:
        return False
    return vocab.CAPTION_CLASS.search(own + above_text) is not None


def _caption_above(ancestors: list[str]) -> bool:
    """A caption element a few levels up: <figcaption><div><p>Caption</p></div></figcaption>."""
    return not vocab.CAPTION_TAGS.isdisjoint(ancestors[:3])


def _heading_above(ancestors: list[str]) -> str | None:
    """A heading a few levels up: <h1><div>Title</div></h1> is still a heading."""
    for tag in ancestors[:3]:
        if tag in vocab.HEADING_TAGS:
            return tag
    return None


def _level_of(tag: object, ancestors: list[str]) -> int:
    if tag in vocab.HEADING_TAGS:
        return int(str(tag)[1])
    heading = _heading_above(ancestors)
    if heading is not None:
        return int(heading[1])
    if tag in vocab.LIST_ITEM_TAGS:
        return sum(1 for a in ancestors[:_ANCESTOR_REACH] if a in ("ul", "ol", "dl"))
    return 0
