"""Tell data tables from layout tables, and lay a data table's cells out on a grid.

A data table holds values in rows and columns and becomes one TABLE segment; a layout
table (old sites build whole pages from them) is segmented like any other box. The rule
is structural first (`shape_of`: no nested table, at least two rows of two cells, no cell
holding paragraphs of its own) and then about the text (`holds_data`: short cells, not a
grid of links). `fill` turns the cells' text into rectangular rows. Reading a cell's text
is `segment.py`'s job: it owns what is visible and how links are measured.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml.html import HtmlElement

#: A cell holding more than this many paragraphs, headings or sections is a page column.
MAX_CELL_BLOCKS = 2
#: A cell with more text than this (characters) is a column of prose, not a value.
MAX_CELL_CHARS = 500
#: A table whose link text is more than this share of its text is a menu or a teaser grid.
MAX_LINK_SHARE = 0.5
#: Spans are clamped so that no row reaches past this many columns (HTML's own colspan cap).
MAX_COLUMNS = 1000
#: A table whose grid (rows x columns, padding included) is larger is left to segmentation.
MAX_GRID_CELLS = 50_000

#: Block elements that make a cell a layout column. Wrappers (div, center) and lists are
#: left out: data cells wrap values in divs and hold lists of pros and cons.
_LAYOUT_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "fieldset",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "main",
        "nav",
        "p",
        "pre",
        "section",
    ]
)
_CELL_TAGS = ("td", "th")
_DIGITS = re.compile(r"\s*\+?(\d+)")
#: Span values longer than this many digits are absurd: they are clamped without parsing.
_MAX_SPAN_DIGITS = 6


@dataclass(frozen=True, slots=True)
class Cell:
    """One <td>/<th> and the grid position of its top-left corner."""

    element: HtmlElement
    row: int
    column: int


@dataclass(frozen=True, slots=True)
class Shape:
    """Where each cell of a data table sits; rows ordered head, body, foot."""

    cells: tuple[Cell, ...]
    rows: int
    columns: int
    header_rows: int
    footer_rows: int
    caption: HtmlElement | None


def shape_of(table: HtmlElement) -> Shape | None:
    """The cell grid of a table that may hold data; None for a layout table."""
    if (table.get("role") or "").lower() in ("presentation", "none"):
        return None
    if next(table.iterdescendants("table"), None) is not None:
        return None  # layout grids nest tables; a data table's cells hold values
    groups = _row_groups(table)
    rows = [cells for group in groups for cells in group]
    if sum(1 for cells in rows if len(cells) >= 2) < 2:
        return None
    if any(_holds_blocks(cell) for cells in rows for cell in cells):
        return None
    return _place(groups, _header_rows(groups), _caption_of(table))


def holds_data(texts: list[str], link_chars: int) -> bool:
    """The cells' text reads like values: no cell is prose, and not most of it is links."""
    total = sum(len(text) for text in texts)
    if total == 0 or any(len(text) > MAX_CELL_CHARS for text in texts):
        return False
    return link_chars <= total * MAX_LINK_SHARE


def fill(shape: Shape, texts: list[str]) -> tuple[tuple[tuple[str, ...], ...], int]:
    """Rectangular rows of cell text and how many of them are header rows.

    Columns and rows covered only by spans pad with "" (a spanning cell's text is not
    repeated, so `Block.text` says each thing once); rows and columns that are empty
    throughout (spacers) are dropped, and so are footer rows repeating the header (long
    tables repeat it below the last row).
    """
    grid = [[""] * shape.columns for _ in range(shape.rows)]
    for cell, text in zip(shape.cells, texts, strict=True):
        grid[cell.row][cell.column] = text
    kept_columns = [c for c in range(shape.columns) if any(row[c] for row in grid)]
    headers = grid[: shape.header_rows]
    first_footer = shape.rows - shape.footer_rows
    kept_rows = [
        r
        for r in range(shape.rows)
        if any(grid[r]) and not (r >= first_footer and grid[r] in headers)
    ]
    rows = tuple(tuple(grid[r][c] for c in kept_columns) for r in kept_rows)
    header_rows = sum(1 for r in kept_rows if r < shape.header_rows)
    return rows, header_rows


def _row_groups(table: HtmlElement) -> list[list[list[HtmlElement]]]:
    """The cells of each row, grouped head, body, foot (rendered in that order whatever
    the source order: HTML 4 put <tfoot> before <tbody>)."""
    head: list[list[HtmlElement]] = []
    body: list[list[HtmlElement]] = []
    foot: list[list[HtmlElement]] = []
    for row in table.iterdescendants("tr"):
        cells = [cell for cell in row if cell.tag in _CELL_TAGS]
        section = row.getparent()
        section_tag = section.tag if section is not None else ""
        if section_tag == "thead":
            head.append(cells)
        elif section_tag == "tfoot":
            foot.append(cells)
        else:
            body.append(cells)
    return [head, body, foot]


def _header_rows(groups: list[list[list[HtmlElement]]]) -> int:
    """The <thead> rows; without a <thead>, the leading rows made only of <th>."""
    head, body, _ = groups
    if head:
        return len(head)
    count = 0
    for cells in body:
        if not cells or any(cell.tag != "th" for cell in cells):
            break
        count += 1
    return count


def _holds_blocks(cell: HtmlElement) -> bool:
    blocks = 0
    for element in cell.iterdescendants():
        if element.tag in _LAYOUT_BLOCK_TAGS:
            blocks += 1
            if blocks > MAX_CELL_BLOCKS:
                return True
    return False


def _caption_of(table: HtmlElement) -> HtmlElement | None:
    return next((child for child in table if child.tag == "caption"), None)


def _place(
    groups: list[list[list[HtmlElement]]], header_rows: int, caption: HtmlElement | None
) -> Shape | None:
    """Each cell's grid position, as a browser lays them out: a cell goes to the first
    column no rowspan from above covers, and covers `colspan` columns and `rowspan` rows
    (a rowspan clamped to its row group; a colspan to the widest row's cell count and so
    that the row's other cells still fit in MAX_COLUMNS). None when the grid would be
    unreasonably large."""
    placed: list[Cell] = []
    footer_rows = len(groups[-1])  # the <tfoot> rows, laid out last
    covered_until: list[int] = []  # per column: the last row a rowspan from above covers
    # No colspan reaches past the most cells any row has: colspan="100" in a four-column
    # table means "all of them", and an absurd one (2**53) must not widen the grid.
    widest = max(len(cells) for group in groups for cells in group)
    row = 0
    for group in groups:
        group_end = row + len(group) - 1
        for cells in group:
            column = 0
            for position, element in enumerate(cells):
                while column < len(covered_until) and covered_until[column] >= row:
                    column += 1
                still_to_come = len(cells) - position - 1  # each keeps a column of its own
                room = MAX_COLUMNS - column - still_to_come
                if room < 1:
                    return None
                across = _span(element.get("colspan"), min(room, widest), zero=1)
                down = _span(element.get("rowspan"), group_end - row + 1, zero=group_end - row + 1)
                if len(covered_until) < column + across:
                    covered_until.extend([-1] * (column + across - len(covered_until)))
                covered_until[column : column + across] = [row + down - 1] * across
                placed.append(Cell(element, row, column))
                column += across
            row += 1
            if row * len(covered_until) > MAX_GRID_CELLS:
                return None
    return Shape(tuple(placed), row, len(covered_until), header_rows, footer_rows, caption)


def _span(value: str | None, limit: int, *, zero: int) -> int:
    """A colspan/rowspan attribute as a count in 1..limit; `zero` is what "0" means
    (rowspan="0": to the end of the row group). Garbage counts as 1."""
    match = _DIGITS.match(value or "")
    if match is None:
        return 1
    digits = match.group(1)
    count = int(digits) if len(digits) <= _MAX_SPAN_DIGITS else limit
    if count == 0:
        count = zero
    return max(1, min(count, limit))
