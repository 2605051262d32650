"""Segmentation: text runs between block-level tags, links and emphasis measured."""

from __future__ import annotations

import lxml.html
import pytest

from newsclean.model import BlockKind
from newsclean.segment import PLAIN, Segment, segment


def _segments(html: str) -> list[Segment]:
    return segment(lxml.html.document_fromstring(html))


def test_block_tags_split_and_inline_tags_flow() -> None:
    found = _segments("<div>One <b>bold</b> <a href='/x'>link</a> run<p>Two</p>tail</div>")
    assert [s.text for s in found] == ["One bold link run", "Two", "tail"]
    first = found[0]
    assert first.link_chars == len("link")
    assert first.emphasis_chars == len("bold")
    assert [(link.text, link.href) for link in first.links] == [("link", "/x")]


def test_a_link_wrapping_blocks_makes_their_text_link_text() -> None:
    # A card: one link around its headline and summary, and text after its last block.
    found = _segments(
        "<div>Intro <a href='/news/card'><h3>Title</h3><p>Summary</p>more</a> after</div>"
    )
    assert [s.text for s in found] == ["Intro", "Title", "Summary", "more after"]
    assert [s.link_chars for s in found] == [0, len("Title"), len("Summary"), len("more")]
    assert [(link.text, link.href) for link in found[1].links] == [("Title", "/news/card")]


@pytest.mark.parametrize("href", ["javascript:", "javascript:void(0)", "#", "#top"])
def test_a_script_or_anchor_link_around_blocks_makes_no_link_text(href: str) -> None:
    found = _segments(f"<div><a href='{href}'><p>abc</p><p>def</p>ghi</a></div>")
    assert [s.text for s in found] == ["abc", "def", "ghi"]
    assert [s.link_chars for s in found] == [0, 0, 0]


def test_single_br_breaks_softly_double_br_hard() -> None:
    found = _segments("<div>line one<br>line two<br><br>next para</div>")
    assert [(s.text, s.soft_break) for s in found] == [
        ("line one", False),
        ("line two", True),
        ("next para", False),
    ]


def test_invisible_and_non_text_elements_are_skipped() -> None:
    found = _segments(
        "<body><p>shown</p><div style='display: none'>hidden</div><p hidden>also</p>"
        "<select><option>menu</option></select><script>code()</script><p>end</p></body>"
    )
    assert [s.text for s in found] == ["shown", "end"]


def test_a_panel_a_control_discloses_is_read_though_folded() -> None:
    # An accordion: each answer hidden until its question (aria-controls) is clicked.
    found = _segments(
        "<body><button aria-controls='a1 a2'>Question?</button>"
        "<div id='a1' style='display:none'><p>Answer one.</p><p hidden>still hidden</p></div>"
        "<div id='a2' aria-hidden='true'><table><tr><td>r1</td><td>v1</td></tr>"
        "<tr><td>r2</td><td>v2</td></tr></table></div>"
        "<div id='other' hidden>not disclosed</div></body>"
    )
    texts = [s.text for s in found]
    assert texts[:2] == ["Question?", "Answer one."]
    assert "still hidden" not in texts and "not disclosed" not in texts
    assert any("v2" in text for text in texts)


def test_a_folded_panel_after_its_toggle_or_around_a_named_one_is_read() -> None:
    # The answer follows its question's button (aria-expanded, no aria-controls), or its
    # collapsing wrapper is hidden while aria-controls names the panel inside.
    found = _segments(
        "<body><h3><button aria-expanded='false'>Weight</button></h3>"
        "<div hidden aria-hidden='true'><p>Lighter shoes tire you less.</p></div>"
        "<h3><button aria-controls='p2'>Fit</button></h3>"
        "<div style='display:none'><div id='p2'><p>Leave a thumb's width.</p></div></div>"
        "<p>More</p><div hidden><p>a hidden box after a paragraph</p></div></body>"
    )
    texts = [s.text for s in found]
    assert "Lighter shoes tire you less." in texts
    assert "Leave a thumb's width." in texts
    assert "a hidden box after a paragraph" not in texts


def test_comment_tails_are_kept() -> None:
    found = _segments("<div>before<!-- note -->after</div>")
    assert [s.text for s in found] == ["beforeafter"]


def test_kinds_and_levels() -> None:
    found = _segments(
        "<h2>Head</h2><ul><li>a<ul><li>b</li></ul></li></ul><blockquote><p>q</p></blockquote>"
        "<figure><figcaption>cap</figcaption></figure><pre>x  = 1\ny = 2</pre>"
    )
    kinds = [(s.text, s.kind, s.level) for s in found]
    assert kinds == [
        ("Head", BlockKind.HEADING, 2),
        ("a", BlockKind.LIST_ITEM, 1),
        ("b", BlockKind.LIST_ITEM, 2),
        ("q", BlockKind.QUOTE, 0),
        ("cap", BlockKind.CAPTION, 0),
        ("x  = 1\ny = 2", BlockKind.PREFORMATTED, 0),
    ]


@pytest.mark.parametrize(
    ("markup", "kind"),
    [
        ("<p class='wp-caption-text'>t</p>", BlockKind.CAPTION),
        ("<div class='imageCaption'><p>t</p></div>", BlockKind.CAPTION),
        ("<div class='Bildunterschrift x'><div><p>t</p></div></div>", BlockKind.CAPTION),
        # Matched case-insensitively, as the pattern does, not by a lower-cased literal:
        # "ı".lower() is "ı", yet the pattern reads it as "i".
        ("<p class='imageCAPTıON'>t</p>", BlockKind.CAPTION),
        ("<div class='post-photo-credits'><p>t</p></div>", BlockKind.CAPTION),
        ("<p class='captioned-gallery'>t</p>", BlockKind.PARAGRAPH),
        ("<div class='caption'><div><div><p>t</p></div></div></div>", BlockKind.PARAGRAPH),
    ],
)
def test_caption_classes_up_to_the_grandparent(markup: str, kind: BlockKind) -> None:
    assert [(s.text, s.kind) for s in _segments(f"<body>{markup}</body>")] == [("t", kind)]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Abbildung 4: klassische Schwachschicht.", BlockKind.CAPTION),
        ("Abb. 2 – Das Schneeprofil", BlockKind.CAPTION),
        ("FIGURE 2. Torque oz-in, rpm graph.", BlockKind.CAPTION),
        ("Fig. 1: The setup", BlockKind.CAPTION),
        ("Figure 3.5 million people voted.", BlockKind.PARAGRAPH),
        ("Figures show the council's budget grew.", BlockKind.PARAGRAPH),
    ],
)
def test_a_paragraph_naming_its_figure_is_a_caption(text: str, kind: BlockKind) -> None:
    assert [s.kind for s in _segments(f"<body><p>{text}</p></body>")] == [kind]


@pytest.mark.parametrize(
    ("markup", "kind"),
    [
        # A caption closed by its picture's credit in an inline element so classed.
        (
            "<p class='summary'>AMO found 475 pounds of cocaine. "
            "<span class='credit video-credit'>By U.S. CUSTOMS</span></p>",
            BlockKind.CAPTION,
        ),
        (
            "<p>A flooded street. <small class='photo-credit'>Jane Roe</small></p>",
            BlockKind.CAPTION,
        ),
        # A credit inside the sentence, or a class that only holds the word, is no caption's.
        (
            "<p>We thank <span class='credit'>Jane Roe</span> for the photos of the flood.</p>",
            BlockKind.PARAGRAPH,
        ),
        ("<p>Credit scores fell. <span class='creditcard'>Visa</span></p>", BlockKind.PARAGRAPH),
        ("<p><span class='credit'>Jane Roe</span></p>", BlockKind.PARAGRAPH),
    ],
)
def test_a_paragraph_closed_by_a_credit_is_a_caption(markup: str, kind: BlockKind) -> None:
    assert [s.kind for s in _segments(f"<body>{markup}</body>")] == [kind]


def test_a_caption_set_as_a_heading_or_wrapped_in_a_field_is_a_caption() -> None:
    found = _segments(
        "<figure><h2 class='figure__caption'>A crowd turns into a mob. Photo: Jane Roe</h2>"
        "</figure><figure><figcaption><div class='field'><div>The project area</div></div>"
        "</figcaption></figure><div class='post-image-credits'>Hector Andrade | Agency</div>"
        "<h2 class='section'>A heading</h2>"
    )
    assert [s.kind for s in found] == [
        BlockKind.CAPTION,
        BlockKind.CAPTION,
        BlockKind.CAPTION,
        BlockKind.HEADING,
    ]


def _slideshow(counters: list[str]) -> str:
    slides = "".join(
        f"<li><h2>{counter} Slide title {n}</h2><p>What slide {n} shows, at some length.</p></li>"
        for n, counter in enumerate(counters, 1)
    )
    return f"<p>Before the gallery.</p><ul class='legends'>{slides}</ul><p>After it.</p>"


def test_a_slideshows_numbered_slides_are_captions() -> None:
    # "1/5 ...", "2/5 ...": a gallery's slides, counted out of the same total, from one
    found = _segments(_slideshow([f"{n}/5" for n in range(1, 6)]))
    assert [s.kind for s in found] == [BlockKind.PARAGRAPH] + [BlockKind.CAPTION] * 10 + [
        BlockKind.PARAGRAPH
    ]
    assert {s.kind for s in _segments(_slideshow([f"{n} of 3" for n in range(1, 4)]))} == {
        BlockKind.PARAGRAPH,
        BlockKind.CAPTION,
    }


@pytest.mark.parametrize(
    "counters",
    [
        ["1/5", "2/5"],  # two slides: no show
        ["2/5", "3/5", "4/5"],  # counted from the middle
        ["1/5", "3/5", "4/5"],  # not one after another
        ["1/5", "2/6", "3/5"],  # out of different totals
        ["1/3", "2/3", "3/3/2024"],  # a date
        ["11/20/2019", "12/20/2019", "13/20/2019"],  # dates
    ],
)
def test_numbers_that_count_no_slides_leave_the_kinds_alone(counters: list[str]) -> None:
    found = _segments(_slideshow(counters))
    assert BlockKind.CAPTION not in {s.kind for s in found}


def test_deep_nesting_needs_no_recursion() -> None:
    depth = 5000
    root = lxml.html.fromstring("<div>x</div>")
    node = root
    for _ in range(depth):
        node = lxml.html.etree.SubElement(node, "div")
    node.text = "deep text"
    assert [s.text for s in segment(root)] == ["x", "deep text"]


def test_misnested_button_does_not_hide_the_page() -> None:
    # libxml2 leaves an unclosed <button> open around everything after it.
    found = _segments("<body><button><div>Menu</div><p>The article text.</p></body>")
    assert "The article text." in [s.text for s in found]


def test_text_in_a_div_inside_a_heading_is_a_heading() -> None:
    (found,) = _segments("<h1><div>Title in a wrapper</div></h1>")
    assert (found.kind, found.level) == (BlockKind.HEADING, 1)


def test_segments_laid_out_alike_share_one_layout() -> None:
    first, second, item, other_item = _segments(
        "<p>one</p><p>two</p><ul><li>three</li></ul><ul><li>four</li></ul>"
    )
    assert first.layout is second.layout
    assert item.layout is other_item.layout
    assert (item.kind, item.level) == (BlockKind.LIST_ITEM, 1)
    assert first.layout is not item.layout


def test_equal_short_texts_share_one_string() -> None:
    # Each read of an element's text makes a new str: 100,000 "Reply" lines held 100,000.
    long = "A paragraph long enough not to be shared between equal segments."
    found = _segments(f"<p>Reply</p><p>Reply</p><li>Re<b>ply</b></li><p>{long}</p><p>{long}</p>")
    first, second, third, long_one, long_two = found
    assert first.text == second.text == third.text == "Reply"
    assert second.text is first.text
    assert third.text is first.text
    assert long_one.text == long_two.text
    assert long_two.text is not long_one.text


def test_links_and_bold_text_are_measured_and_plain_text_shares_no_markup() -> None:
    segments = _segments("<p>plain</p><p>see <a href='/a'>the link</a> and <b>this</b></p>")
    plain, marked = segments
    assert plain.markup is PLAIN
    assert (plain.links, plain.link_chars, plain.emphasis_chars) == ((), 0, 0)
    assert [link.href for link in marked.links] == ["/a"]
    assert (marked.link_chars, marked.emphasis_chars) == (len("the link"), len("this"))


def test_a_caption_class_two_levels_up_marks_each_line_and_no_other() -> None:
    # The classes above an owner are read once per parent: the next parent's are its own.
    html = (
        "<html><body><div class='wp-caption'><div><p>One</p><p>Two</p></div></div>"
        "<div class='figure'><div><p>Three</p></div></div><p>Four</p></body></html>"
    )
    kinds = {s.text: s.kind for s in segment(lxml.html.document_fromstring(html))}
    assert kinds == {
        "One": BlockKind.CAPTION,
        "Two": BlockKind.CAPTION,
        "Three": BlockKind.PARAGRAPH,
        "Four": BlockKind.PARAGRAPH,
    }
