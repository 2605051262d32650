"""The caller's dial between precision and recall, and overriding thresholds."""

from __future__ import annotations

import dataclasses

import newsclean
from conftest import PROSE


def test_presets_move_the_thresholds_in_opposite_directions() -> None:
    default = newsclean.Options()
    precise = newsclean.Options.favor_precision()
    generous = newsclean.Options.favor_recall()
    assert precise.min_paragraph_chars > default.min_paragraph_chars > generous.min_paragraph_chars
    assert precise.min_section_chars > default.min_section_chars == generous.min_section_chars
    assert generous.max_adopted_prose_gap > default.max_adopted_prose_gap
    assert default.max_adopted_prose_gap == precise.max_adopted_prose_gap


def test_recall_keeps_what_precision_drops() -> None:
    # A paragraph of 55 characters: prose for favor_recall (50), not for favor_precision (80).
    short = "<p>A short paragraph of the story, some fifty chars long.</p>"
    html = f"<html><body><div class='x'>{PROSE * 2}</div><div class='y'>{short * 4}</div></body>"
    kept = {
        name: newsclean.clean(html, templates=newsclean.TemplateSet(), options=options).text
        for name, options in (
            ("precision", newsclean.Options.favor_precision()),
            ("recall", newsclean.Options.favor_recall()),
        )
    }
    assert "A short paragraph" in kept["recall"]
    assert "A short paragraph" not in kept["precision"]


def test_any_threshold_can_be_overridden() -> None:
    options = dataclasses.replace(newsclean.Options.favor_recall(), headline_min_words=5)
    assert options.headline_min_words == 5
    assert options.min_paragraph_chars == 50


def test_min_section_chars_drops_a_heading_over_none_of_the_article() -> None:
    # "You might like", in a box of its own, heads a list of links routed out of the
    # article: by default the heading stays (a heading over nothing is sometimes the
    # story's); with min_section_chars (favor_precision) it leaves with its list.
    related = (
        "<ul class='related-links'><li><a href='/a'>Another story about the council "
        "budget</a></li><li><a href='/b'>A third story about the county courts</a></li></ul>"
    )
    html = (
        "<html><body><article><h1>Budget approved by council</h1><h2>The vote</h2>"
        f"{PROSE * 2}<div class='title'><h2>You might like</h2></div>{related}"
        f"<h2>Reaction</h2>{PROSE * 2}</article></body></html>"
    )
    templates = newsclean.TemplateSet()
    default = newsclean.clean(html, templates=templates)
    precise = newsclean.clean(
        html, templates=templates, options=newsclean.Options(min_section_chars=1)
    )
    assert "You might like" in default.text
    assert "You might like" not in precise.text
    assert "The vote" in precise.text and "Reaction" in precise.text
    assert ("neighbours:thin-section", "You might like") in [
        (block.rule, block.text) for block in precise.boilerplate
    ]


def test_max_adopted_prose_gap_keeps_prose_beside_the_article() -> None:
    # A paragraph in a box of its own just after the article, claimed by no story: by
    # default boilerplate, with max_adopted_prose_gap (favor_recall) the article's.
    note = (
        "<p>The council will meet again next Tuesday to vote on the final version of the "
        "budget and its amendments.</p>"
    )
    html = (
        "<html><body><div class='main'><article><h1>Budget approved by council</h1>"
        f"{PROSE * 4}</article><div class='note'>{note}</div></div>"
        "<footer><p>Contact us</p></footer></body></html>"
    )
    templates = newsclean.TemplateSet()
    default = newsclean.clean(html, templates=templates)
    generous = newsclean.clean(
        html, templates=templates, options=newsclean.Options(max_adopted_prose_gap=3)
    )
    assert "meet again" not in default.text
    assert generous.text.endswith("budget and its amendments.")
    assert "Contact us" not in generous.text


def test_the_engagement_tail_limits_are_the_callers() -> None:
    # A 16-word author bio after the last paragraph leaves the article; its word limit is
    # an Options field, so a caller who allows only 10 words keeps it in the text.
    bio = "Jane Roe is a reporter for The Gazette covering city hall and the county courts."
    html = (
        "<html><body><article class='story'><h1>Budget approved by council</h1>"
        f"{PROSE * 4}<p>{bio}</p></article></body></html>"
    )
    templates = newsclean.TemplateSet()
    trimmed = newsclean.clean(html, templates=templates)
    kept = newsclean.clean(
        html, templates=templates, options=newsclean.Options(max_tail_bio_words=10)
    )
    assert [(block.rule, block.text) for block in trimmed.boilerplate] == [("tail:bio", bio)]
    assert kept.text.endswith(bio)


def test_every_threshold_is_documented_in_the_algorithm_notes() -> None:
    from pathlib import Path

    notes = (Path(__file__).parent.parent / "docs" / "algorithm.md").read_text("utf-8")
    undocumented = [
        field.name
        for field in dataclasses.fields(newsclean.Options)
        if f"`{field.name}`" not in notes
    ]
    assert undocumented == []
