"""Turn classified segments into the `Article`'s blocks.

Main text keeps one block per paragraph (lines split by a single <br> are
rejoined). Ads, legal text and boilerplate keep one block per region: adjacent
segments with the same region and role are merged, lines joined by newlines.
A data table is always a block of its own, its cells kept in `Block.rows`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import replace

from lxml.html import HtmlElement

from newsclean.classify import Decision
from newsclean.model import Block, BlockKind, Region
from newsclean.segment import Segment

_PATH_DEPTH = 4


def body_blocks(segments: list[Segment], decisions: list[Decision]) -> tuple[Block, ...]:
    blocks: list[Block] = []
    paths = _Paths()
    previous: int | None = None
    for segment, decision in _in_region(segments, decisions, Region.MAIN):
        joins_line = (
            segment.soft_break
            and previous == segment.index - 1
            and blocks
            and segments[previous].owner is segment.owner
        )
        if joins_line:
            blocks[-1] = _extend(blocks[-1], segment.text)
        else:
            blocks.append(_block(segment, decision, paths))
        previous = segment.index
    return tuple(blocks)


def region_blocks(
    segments: list[Segment], decisions: list[Decision], region: Region
) -> tuple[Block, ...]:
    blocks: list[Block] = []
    paths = _Paths()
    previous: tuple[int, str] | None = None
    for segment, decision in _in_region(segments, decisions, region):
        merges = previous == (segment.index - 1, decision.role) and blocks
        if merges and not _is_table(segment) and blocks[-1].kind is not BlockKind.TABLE:
            blocks[-1] = _extend(blocks[-1], segment.text)
        else:
            blocks.append(_block(segment, decision, paths))
        previous = (segment.index, decision.role)
    return tuple(blocks)


def _in_region(
    segments: list[Segment], decisions: list[Decision], region: Region
) -> Iterable[tuple[Segment, Decision]]:
    return (
        (segment, decision)
        for segment, decision in zip(segments, decisions, strict=True)
        if decision.region is region
    )


def _block(segment: Segment, decision: Decision, paths: _Paths) -> Block:
    return Block(
        kind=segment.kind,
        text=segment.text,
        region=decision.region,
        role=decision.role,
        tag=segment.tag,
        path=paths.of(segment.owner),
        rule=decision.rule,
        level=segment.level,
        rows=segment.rows,
        header_rows=segment.header_rows,
    )


def _is_table(segment: Segment) -> bool:
    return segment.kind is BlockKind.TABLE


def _extend(block: Block, line: str) -> Block:
    return replace(block, text=f"{block.text}\n{line}")


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
    if element.get("id"):
        return (
            f"{step}#{element.get('id', '').split()[0]}" if element.get("id", "").split() else step
        )
    classes = (element.get("class") or "").split()
    return f"{step}.{classes[0]}" if classes else step
