"""Assembly: lines of one paragraph rejoin, adjacent lines of one region and role merge."""

from __future__ import annotations

import lxml.html

from newsclean.assemble import assemble, region_blocks
from newsclean.classify import Decision
from newsclean.model import Region
from newsclean.segment import Segment, segment


def _segments(html: str) -> list[Segment]:
    return segment(lxml.html.document_fromstring(html))


def test_lines_split_by_single_br_rejoin_in_the_body() -> None:
    found = _segments("<body><p>one<br>two<br>three</p><p>four<br>five</p></body>")
    main = [Decision(Region.MAIN, "text", "main:text")] * len(found)
    assert [b.text for b in region_blocks(found, main, Region.MAIN)] == [
        "one\ntwo\nthree",
        "four\nfive",
    ]


def test_adjacent_lines_of_one_role_merge_and_a_new_role_starts_a_block() -> None:
    found = _segments("<body><p>a</p><p>b</p><p>c</p><p>d</p><p>e</p></body>")
    roles = ["navigation", "navigation", "navigation", "share", "share"]
    decisions = [Decision(Region.BOILERPLATE, role, "r") for role in roles]
    blocks = region_blocks(found, decisions, Region.BOILERPLATE)
    assert [(b.role, b.text) for b in blocks] == [("navigation", "a\nb\nc"), ("share", "d\ne")]


def test_many_merged_lines_make_one_block() -> None:
    lines = [f"Section {n}" for n in range(2000)]
    found = _segments("<body><div>" + "<br>".join(lines) + "</div></body>")
    decisions = [Decision(Region.BOILERPLATE, "navigation", "r")] * len(found)
    (block,) = region_blocks(found, decisions, Region.BOILERPLATE)
    assert block.text == "\n".join(lines)


def test_interleaved_regions_keep_their_own_runs_in_one_pass() -> None:
    # A body paragraph split by <br> around an ad line of its own element, and boilerplate
    # lines either side of a main paragraph: each region merges only its own adjacent lines.
    found = _segments(
        "<body><p>one<br>two</p><div>ad</div><p>three</p><p>menu a</p><p>menu b</p>"
        "<p>four</p><p>menu c</p></body>"
    )
    regions = [Region.MAIN, Region.MAIN, Region.AD, Region.MAIN, Region.BOILERPLATE]
    regions += [Region.BOILERPLATE, Region.MAIN, Region.BOILERPLATE]
    decisions = [Decision(region, "x", "r") for region in regions]
    built = assemble(iter(list(zip(found, decisions, strict=True))))
    assert [b.text for b in built[Region.MAIN]] == ["one\ntwo", "three", "four"]
    assert [b.text for b in built[Region.AD]] == ["ad"]
    assert [b.text for b in built[Region.BOILERPLATE]] == ["menu a\nmenu b", "menu c"]
    assert built[Region.LEGAL] == ()
