"""Data tables: one TABLE segment and block with the cells as rows; layout tables as before."""

from __future__ import annotations

import pickle
import time

import lxml.html
import pytest

import newsclean
from newsclean import tables
from newsclean.assemble import region_blocks
from newsclean.classify import Decision
from newsclean.limits import Deadline, TimeBudgetExceeded
from newsclean.model import Block, BlockKind, Region
from newsclean.segment import Segment, segment


def _segments(html: str) -> list[Segment]:
    return segment(lxml.html.document_fromstring(html))


def _table(html: str) -> Segment:
    (found,) = [s for s in _segments(html) if s.kind is BlockKind.TABLE]
    return found


def _texts(html: str) -> list[tuple[str, BlockKind]]:
    return [(s.text, s.kind) for s in _segments(html)]


SCORES = (
    "<table><thead><tr><th>Team</th><th>Won</th></tr></thead>"
    "<tbody><tr><td>Lions</td><td>7</td></tr><tr><td>Bears</td><td>5</td></tr></tbody></table>"
)


# -- segmentation: data tables ---------------------------------------------------------


def test_data_table_is_one_segment_with_rows() -> None:
    found = _segments(f"<body><p>Before.</p>{SCORES}<p>After.</p></body>")
    assert [s.kind for s in found] == [BlockKind.PARAGRAPH, BlockKind.TABLE, BlockKind.PARAGRAPH]
    table = found[1]
    assert table.rows == (("Team", "Won"), ("Lions", "7"), ("Bears", "5"))
    assert table.header_rows == 1
    assert table.text == "Team\tWon\nLions\t7\nBears\t5"
    assert table.tag == "table"
    assert not found[2].soft_break


def test_leading_th_rows_are_header_rows_without_a_thead() -> None:
    table = _table(
        "<table><tr><th>Year</th><th>Votes</th></tr><tr><th>Party</th><th>Share</th></tr>"
        "<tr><td>2020</td><td>51%</td></tr><tr><th>2021</th><td>49%</td></tr></table>"
    )
    assert table.header_rows == 2
    assert table.rows[3] == ("2021", "49%")  # a header column does not make a header row


def test_rows_are_ordered_head_body_foot_whatever_the_source_order() -> None:
    table = _table(
        "<table><tfoot><tr><td>Total</td><td>12</td></tr></tfoot>"
        "<tbody><tr><td>Lions</td><td>7</td></tr><tr><td>Bears</td><td>5</td></tr></tbody>"
        "<thead><tr><th>Team</th><th>Won</th></tr></thead></table>"
    )
    assert table.rows == (("Team", "Won"), ("Lions", "7"), ("Bears", "5"), ("Total", "12"))
    assert table.header_rows == 1


def test_a_footer_repeating_the_header_is_dropped() -> None:
    table = _table(
        "<table><thead><tr><th>Team</th><th>Won</th></tr></thead>"
        "<tfoot><tr><th>Team</th><th>Won</th></tr><tr><td>Total</td><td>12</td></tr></tfoot>"
        "<tbody><tr><td>Lions</td><td>7</td></tr><tr><td>Team</td><td>Won</td></tr></tbody>"
        "</table>"
    )
    assert table.rows == (
        ("Team", "Won"),
        ("Lions", "7"),
        ("Team", "Won"),  # a body row is data, whatever it says
        ("Total", "12"),
    )


def test_colspan_and_rowspan_pad_so_rows_stay_rectangular() -> None:
    table = _table(
        "<table><tr><th colspan=2>Name</th><th>Points</th></tr>"
        "<tr><td>Ann</td><td>Lee</td><td rowspan=2>10</td></tr>"
        "<tr><td colspan=2>Bob Roe</td></tr>"
        "<tr><td>Cy</td><td>Dee</td><td>8</td></tr></table>"
    )
    assert table.rows == (
        ("Name", "", "Points"),
        ("Ann", "Lee", "10"),
        ("Bob Roe", "", ""),
        ("Cy", "Dee", "8"),
    )


def test_rowspan_zero_and_garbage_spans() -> None:
    table = _table(
        "<table><tbody><tr><td rowspan=0>all</td><td colspan='x'>a</td><td>z</td></tr>"
        "<tr><td colspan='-3'>b</td><td>y</td></tr><tr><td colspan=' 1 '>c</td><td>w</td></tr>"
        "</tbody></table>"
    )
    assert table.rows == (("all", "a", "z"), ("", "b", "y"), ("", "c", "w"))


@pytest.mark.parametrize("span", [2**53, 2**64, 10**400])
def test_absurd_spans_are_clamped(span: int) -> None:
    html = (
        f"<table><tr><td colspan={span} rowspan={span}>wide</td><td>next</td></tr>"
        f"<tr><th colspan='{span}'>head</th><td>x</td></tr><tr><td>a</td><td>b</td></tr></table>"
    )
    started = time.perf_counter()
    table = _table(html)
    assert time.perf_counter() - started < 1
    assert all(len(row) == len(table.rows[0]) for row in table.rows)
    assert len(table.rows[0]) <= tables.MAX_COLUMNS
    assert "wide" in table.text and "next" in table.text and "head" in table.text


def test_a_grid_too_large_is_left_to_segmentation() -> None:
    wide = "<tr>" + "<td>c</td>" * tables.MAX_COLUMNS + "</tr>"
    rows = "".join(f"<tr><td>r{i}</td><td>x</td></tr>" for i in range(60))
    found = _segments(f"<table>{wide}{rows}</table>")
    assert all(s.kind is not BlockKind.TABLE for s in found)
    assert "r59" in [s.text for s in found]


def test_cell_text_is_one_line_with_inline_markup_measured() -> None:
    table = _table(
        "<table><tr><td>Ann<br>Lee</td><td><b>10</b> <a href='/p'>pts</a></td></tr>"
        "<tr><td><div>Bob</div><div>Roe</div></td><td><span>8<script>x()</script></span></td></tr>"
        "</table>"
    )
    assert table.rows == (("Ann Lee", "10 pts"), ("Bob Roe", "8"))
    assert table.link_chars == len("pts")
    assert table.emphasis_chars == len("10")
    assert [(link.text, link.href) for link in table.links] == [("pts", "/p")]


def test_empty_cells_stay_but_empty_rows_and_columns_go() -> None:
    table = _table(
        "<table><tr><td>a</td><td></td><td>&nbsp;</td><td>b</td></tr>"
        "<tr><td></td><td></td><td></td><td></td></tr>"
        "<tr><td></td><td>c</td><td></td><td>d</td></tr></table>"
    )
    assert table.rows == (("a", "", "b"), ("", "c", "d"))


def test_hidden_cells_and_rows_are_not_read() -> None:
    table = _table(
        "<table><tr><td>a</td><td>b</td></tr><tr style='display:none'><td>x</td><td>y</td></tr>"
        "<tr><td>c</td><td hidden>z</td><td>d</td></tr></table>"
    )
    assert "x" not in table.text and "z" not in table.text
    assert table.rows == (("a", "b", ""), ("c", "", "d"))  # a hidden cell reads as empty


def test_caption_is_a_caption_segment_before_the_table() -> None:
    found = _segments(f"<body>{SCORES.replace('<thead>', '<caption>Standings</caption><thead>')}")
    assert [(s.text, s.kind) for s in found][:1] == [("Standings", BlockKind.CAPTION)]
    assert found[1].kind is BlockKind.TABLE
    assert "Standings" not in found[1].text


def test_inner_data_table_of_a_layout_table() -> None:
    found = _texts(
        f"<table><tr><td>Menu</td><td><p>Story text.</p>{SCORES}</td></tr>"
        "<tr><td>Foot</td><td>Links</td></tr></table>"
    )
    assert found == [
        ("Menu", BlockKind.PARAGRAPH),
        ("Story text.", BlockKind.PARAGRAPH),
        ("Team\tWon\nLions\t7\nBears\t5", BlockKind.TABLE),
        ("Foot", BlockKind.PARAGRAPH),
        ("Links", BlockKind.PARAGRAPH),
    ]


# -- segmentation: layout tables are walked as before ----------------------------------


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        pytest.param(
            "<table><tr><td>Head</td></tr><tr><td>Body</td></tr><tr><td>Foot</td></tr></table>",
            ["Head", "Body", "Foot"],
            id="one cell per row",
        ),
        pytest.param(
            "<table><tr><td>Nav</td><td><p>One.</p><p>Two.</p><p>Three.</p></td></tr>"
            "<tr><td>x</td><td>y</td></tr></table>",
            ["Nav", "One.", "Two.", "Three.", "x", "y"],
            id="a cell of paragraphs",
        ),
        pytest.param(
            "<table><tr><td>Nav</td><td>" + "Long prose. " * 50 + "</td></tr>"
            "<tr><td>x</td><td>y</td></tr></table>",
            ["Nav", ("Long prose. " * 50).strip(), "x", "y"],
            id="a cell of prose",
        ),
        pytest.param(
            "<table><tr><td><a href='/a'>Home</a></td><td><a href='/b'>World</a></td></tr>"
            "<tr><td><a href='/c'>Sport</a></td><td><a href='/d'>Money</a></td></tr></table>",
            ["Home", "World", "Sport", "Money"],
            id="a grid of links",
        ),
        pytest.param(
            "<table role='presentation'><tr><td>a</td><td>b</td></tr>"
            "<tr><td>c</td><td>d</td></tr></table>",
            ["a", "b", "c", "d"],
            id="role presentation",
        ),
        pytest.param(
            "<table><tr><td><img src='x.png'></td><td>Teaser one</td></tr>"
            "<tr><td><img src='y.png'></td><td>Teaser two</td></tr></table>",
            ["Teaser one", "Teaser two"],
            id="one column of text once empty ones go",
        ),
    ],
)
def test_layout_tables_are_segmented_cell_by_cell(html: str, expected: list[str]) -> None:
    found = _segments(html)
    assert [s.text for s in found] == expected
    assert all(s.kind is BlockKind.PARAGRAPH for s in found)


def test_nested_layout_table_keeps_its_br_lines() -> None:
    found = _segments(
        "<table><tr><td><table><tr><td>Headline<br>Teaser line</td></tr></table></td>"
        "<td>side</td></tr><tr><td>a</td><td>b</td></tr></table>"
    )
    assert [(s.text, s.soft_break) for s in found][:2] == [
        ("Headline", False),
        ("Teaser line", True),
    ]


# -- blocks, serialisation, Markdown -----------------------------------------------------


def _table_block(rows: tuple[tuple[str, ...], ...], header_rows: int = 1) -> Block:
    text = "\n".join("\t".join(row) for row in rows)
    return Block(BlockKind.TABLE, text, tag="table", rows=rows, header_rows=header_rows)


def test_to_dict_adds_rows_for_tables_only() -> None:
    block = _table_block((("a", "b"), ("1", "2")))
    data = block.to_dict()
    assert data["rows"] == [["a", "b"], ["1", "2"]]
    assert data["header_rows"] == 1
    assert data["kind"] == "table"
    paragraph = Block(BlockKind.PARAGRAPH, "text").to_dict()
    assert "rows" not in paragraph and "header_rows" not in paragraph


def test_table_block_pickles_and_compares() -> None:
    block = _table_block((("a", "b"), ("1", "2")))
    assert pickle.loads(pickle.dumps(block)) == block
    article = newsclean.Article(body=(block,))
    assert pickle.loads(pickle.dumps(article)) == article


def test_markdown_renders_a_gfm_table() -> None:
    block = _table_block((("Team", "W|L"), ("Lions", "7\n2"), ("", "5")))
    markdown = newsclean.Article(body=(block,)).to_markdown()
    assert markdown == ("| Team | W\\|L |\n| --- | --- |\n| Lions | 7 2 |\n|  | 5 |\n")


def test_markdown_uses_the_first_row_as_header_when_there_is_none() -> None:
    block = _table_block((("a", "b"), ("c", "d")), header_rows=0)
    lines = newsclean.Article(body=(block,)).to_markdown().splitlines()
    assert lines == ["| a | b |", "| --- | --- |", "| c | d |"]


def test_a_table_block_is_never_merged_with_its_neighbours() -> None:
    found = _segments(f"<body><div class='x'>Line one<br>Line two{SCORES}tail</div></body>")
    decisions = [Decision(Region.BOILERPLATE, "other", "other")] * len(found)
    blocks = region_blocks(found, decisions, Region.BOILERPLATE)
    assert [b.kind for b in blocks] == [BlockKind.PARAGRAPH, BlockKind.TABLE, BlockKind.PARAGRAPH]
    assert blocks[1].rows == (("Team", "Won"), ("Lions", "7"), ("Bears", "5"))
    main = [Decision(Region.MAIN, "text", "main:text")] * len(found)
    assert [b.kind for b in region_blocks(found, main, Region.MAIN)][1] is BlockKind.TABLE


# -- end to end --------------------------------------------------------------------------

PROSE = (
    "<p>The city council on Tuesday approved next year's budget, after a debate that "
    "lasted well into the night and saw several amendments rejected by a wide margin.</p>"
    "<p>Spending on schools rises most, while the roads department, which had asked for "
    "more, gets slightly less than this year, officials said after the vote on Tuesday.</p>"
)
BUDGET = (
    "<table><caption>Spending by department</caption>"
    "<thead><tr><th>Department</th><th>2024</th><th>2025</th></tr></thead>"
    "<tbody><tr><td>Schools</td><td>$12.1m</td><td>$13.4m</td></tr>"
    "<tr><td>Roads | bridges</td><td>$5.0m</td><td>$4.8m</td></tr></tbody></table>"
)
CLOSING = (
    "<p>The mayor said the budget was balanced, and that the city would not need to "
    "borrow, unlike in each of the past three years, she added in a statement.</p>"
)
SIDEBAR = (
    "<aside class='sidebar'><table>"
    "<tr><td><a href='/news/2025/01/storm-hits-coast-town'>Storm hits the coast town</a></td>"
    "<td><a href='/news/2025/01/new-bridge-opens-today'>New bridge opens today</a></td></tr>"
    "<tr><td><a href='/news/2025/01/mayor-visits-schools-now'>Mayor visits the schools</a></td>"
    "<td><a href='/news/2025/01/rail-strike-ends-early'>Rail strike ends early</a></td></tr>"
    "</table></aside>"
)


def test_clean_keeps_a_table_in_the_body() -> None:
    html = (
        "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article>"
        f"<h1>Council passes budget</h1>{PROSE}{BUDGET}{CLOSING}</article>{SIDEBAR}</body></html>"
    )
    article = newsclean.clean(html)
    kinds = [block.kind for block in article.body]
    assert kinds == [
        BlockKind.PARAGRAPH,
        BlockKind.PARAGRAPH,
        BlockKind.CAPTION,
        BlockKind.TABLE,
        BlockKind.PARAGRAPH,
    ]
    table = article.body[3]
    assert table.rows[1] == ("Schools", "$12.1m", "$13.4m")
    assert (table.header_rows, table.region, table.tag) == (1, Region.MAIN, "table")
    assert "Schools\t$12.1m\t$13.4m" in article.text
    markdown = article.to_markdown()
    header = "| Department | 2024 | 2025 |\n| --- | --- | --- |"
    assert f"*Spending by department*\n\n{header}" in markdown
    assert "| Roads \\| bridges | $5.0m | $4.8m |" in markdown
    assert article.to_dict()["body"][3]["rows"][0] == ["Department", "2024", "2025"]
    # The sidebar's table of links is a grid of links: routed as any sidebar links are.
    assert "Storm hits the coast town" not in article.text
    assert "Storm hits the coast town" in [story.title for story in article.sidebar_stories]


def test_reading_a_table_counts_against_the_time_budget() -> None:
    # The walk skips a data table's subtree; reading its cells must tick the deadline.
    cells = "".join(f"<tr><td>name {i}</td><td>{i}</td></tr>" for i in range(400))
    root = lxml.html.document_fromstring(f"<table>{cells}</table>")
    with pytest.raises(TimeBudgetExceeded):
        segment(root, Deadline(0.0))
