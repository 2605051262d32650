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
    assert precise.max_link_density < default.max_link_density < generous.max_link_density


def test_recall_keeps_what_precision_drops() -> None:
    # A paragraph of 50 characters: prose for favor_recall (40), not for favor_precision (80).
    short = "<p>A short paragraph of the story, fifty chars long.</p>"
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
    assert options.min_paragraph_chars == 40


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
