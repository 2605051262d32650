"""Turn classified segments into the `Article`'s blocks.

Main text keeps one block per paragraph (lines split by a single <br> are
rejoined). Ads, legal text and boilerplate keep one block per region: adjacent
segments with the same region and role are merged, lines joined by newlines.
A data table is always a block of its own, its cells kept in `Block.rows`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from dataclasses import replace

from lxml.html import HtmlElement

from newsclean.classify import Decision
from newsclean.model import Block, BlockKind, Region
from newsclean.segment import Segment

_PATH_DEPTH = 4


def region_blocks(
    segments: Sequence[Segment], decisions: Sequence[Decision], region: Region
) -> tuple[Block, ...]:
    """One region's blocks (`assemble` builds all four in one pass)."""
    return assemble(zip(segments, decisions, strict=True))[region]


#: The regions that become blocks (the sidebar becomes stories, metadata fields).
ASSEMBLED = (Region.MAIN, Region.AD, Region.LEGAL, Region.BOILERPLATE)


def assemble(decided: Iterable[tuple[Segment, Decision]]) -> dict[Region, tuple[Block, ...]]:
    """Each assembled region's blocks, in one pass over every decided segment in document
    order (its place in `decided` is its index): the pass holds no segment past its turn,
    so a caller that hands each one over (see `pipeline.run`) frees the page's segments
    as their blocks are built."""
    paths = _Paths()
    built = {region: _Blocks() for region in ASSEMBLED}
    for index, (segment, decision) in enumerate(decided):
        blocks = built.get(decision.region)
        if blocks is None:
            continue
        if blocks.follows == index - 1 and _continues(segment, decision, blocks):
            blocks.extend(segment.text)
        else:
            blocks.add(_block(segment, decision, paths))
        blocks.follows, blocks.role, blocks.owner = index, decision.role, segment.owner
    return {region: blocks.done() for region, blocks in built.items()}


def _continues(segment: Segment, decision: Decision, blocks: _Blocks) -> bool:
    """Whether the segment, just after the last one added to `blocks`, is a line of its
    last block. Main text rejoins the lines of one paragraph (a single <br> in one
    element); other regions merge adjacent segments of one role, tables apart."""
    if decision.region is Region.MAIN:
        return segment.soft_break and blocks.owner is segment.owner
    last = blocks.last
    return (
        blocks.role == decision.role
        and last is not None
        and not _is_table(segment)
        and last.kind is not BlockKind.TABLE
    )


class _Blocks:
    """The blocks being assembled. Lines added to the last block are joined once, when
    it is done: rebuilding its text per added line would copy it once per line, which
    on a page of 100,000 menu lines merged into one block is quadratic."""

    def __init__(self) -> None:
        self._blocks: list[Block] = []
        self._lines: list[str] = []  # the last block's lines
        # The segment last added: its index (none yet: no segment follows it), role, element.
        self.follows = -2
        self.role = ""
        self.owner: HtmlElement | None = None

    @property
    def last(self) -> Block | None:
        return self._blocks[-1] if self._blocks else None

    def add(self, block: Block) -> None:
        self._join_lines()
        self._blocks.append(block)
        self._lines = [block.text]

    def extend(self, line: str) -> None:
        self._lines.append(line)

    def done(self) -> tuple[Block, ...]:
        self._join_lines()
        return tuple(self._blocks)

    def _join_lines(self) -> None:
        if len(self._lines) > 1:
            self._blocks[-1] = replace(self._blocks[-1], text="\n".join(self._lines))
        self._lines = []


def _block(segment: Segment, decision: Decision, paths: _Paths) -> Block:
    layout, cells = segment.layout, segment.layout.cells
    # By position, in the order of Block's fields: by keyword costs three times as much.
    return Block(
        layout.kind,
        segment.text,
        decision.region,
        decision.role,
        segment.tag,
        paths.of(segment.owner),
        decision.rule,
        layout.level,
        cells.rows if cells is not None else (),  # rows
        cells.header_rows if cells is not None else 0,  # header_rows
    )


def _is_table(segment: Segment) -> bool:
    return segment.kind is BlockKind.TABLE


def short_path(element: HtmlElement, depth: int = _PATH_DEPTH) -> str:
    """The element and a few ancestors, CSS-like: "td>span.STORY>p"."""
    parts = [_step(element)]
    for count, ancestor in enumerate(element.iterancestors()):
        if count >= depth - 1:
            break
        parts.append(_step(ancestor))
    return ">".join(reversed(parts))


class _Paths:
    """`short_path` for the blocks of one page: siblings share their ancestors' part of
    the path (computed once per parent), and equal paths share one string."""

    def __init__(self) -> None:
        self._above: dict[HtmlElement, str] = {}

    def of(self, element: HtmlElement) -> str:
        parent = element.getparent()
        if parent is None:
            return _step(element)
        above = self._above.get(parent)
        if above is None:
            above = self._above[parent] = short_path(parent, _PATH_DEPTH - 1)
        return sys.intern(f"{above}>{_step(element)}")


def _step(element: HtmlElement) -> str:
    step = str(element.tag)
    ids = element.get("id")  # read once: each read builds a new str
    if ids:
        names = ids.split()
        return f"{step}#{names[0]}" if names else step
    classes = (element.get("class") or "").split()
    return f"{step}.{classes[0]}" if classes else step
