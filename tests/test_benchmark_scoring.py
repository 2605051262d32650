"""Metadata scoring of the benchmark (benchmarks/scoring.py): which truth key each set
holds a field under, and how title, byline and date matches are counted."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import tables
from scoring import (
    Extraction,
    aggregate,
    match_date,
    match_text,
    norm_byline,
    norm_typography,
    norm_words,
    score_page,
)

ALL = frozenset({"title", "byline", "date"})


def test_wcxb_scores_its_author_field_as_the_byline() -> None:
    truth = {"title": "A Story", "author": "Jane Doe", "published": "2025-09-04"}
    out = Extraction(text="", title="A Story", byline="By Jane Doe", published="2025-09-04")
    record = score_page("wcxb", truth, out, ALL)
    assert record["title_exact"] is True
    assert (record["byline_exact"], record["byline_norm"]) == (False, True)
    assert record["date_norm"] is True


def test_wcxb_metadata_missing_from_truth_is_not_scored() -> None:
    truth = {"title": "A Story", "author": None, "published": None}
    record = score_page("wcxb", truth, Extraction(text="", title="Other"), ALL)
    assert record["title_norm"] is False
    assert record["byline_norm"] is None and record["date_norm"] is None


def test_fields_the_extractor_does_not_report_are_not_scored() -> None:
    truth = {"title": "A Story", "author": "Jane Doe", "published": "2025-09-04"}
    record = score_page("wcxb", truth, Extraction(text="", title="A Story"), frozenset({"title"}))
    assert record["title_exact"] is True and record["byline_exact"] is None


def test_aeb_has_no_metadata_fields() -> None:
    record = score_page("aeb", {"article_body": "x"}, Extraction(text="x"), ALL)
    assert "title_exact" not in record


def test_a_date_matches_on_the_calendar_day() -> None:
    assert match_date("2025-09-04", "2025-09-04T23:10:00+02:00") == (True, True)
    assert match_date("2025-09-04T10:00:00", "2025-09-04T11:00:00") == (False, True)
    assert match_date("2025-09-04", "2025-09-05") == (False, False)
    assert match_date("2025-09-04", None) == (False, False)


def test_normalised_matches_ignore_case_punctuation_and_a_leading_by() -> None:
    assert match_text("The  Story", "The Story", norm_words) == (True, True)
    assert match_text("The Story!", "the story", norm_words) == (False, True)
    assert match_text("The Story", "Another Story", norm_words) == (False, False)
    assert norm_byline("By Jane Doe") == "jane doe"
    assert norm_byline("Jo Roe, Al Poe, and Bo Li") == norm_byline("Jo Roe; Al Poe; Bo Li")


def test_wcxb_aggregate_and_table_carry_the_metadata_rates() -> None:
    records = [
        {"p": 1.0, "r": 1.0, "f1": 1.0, "title_exact": True, "title_norm": True},
        {"p": 1.0, "r": 1.0, "f1": 1.0, "title_exact": False, "title_norm": True},
    ]
    figures = aggregate("wcxb", records)
    assert figures["title_exact"] == 0.5 and figures["title_norm"] == 1.0
    assert figures["byline_exact"] is None
    header = tables.columns("wcxb")
    assert header.index("without (exact)") < header.index("title (exact / norm)")


def test_wcxb_snippets_match_across_typography_and_keep_the_exact_count() -> None:
    page = "It\u2019s \u201cfine\u201d \u2013 see camera types, we said (the\u00a0Leica)."
    truth = {
        "main_content": page,
        "with": ['It\'s "fine" - see', "camera types , we said ( the Leica)", "absent"],
        "without": ["It\u2019s"],
    }
    record = score_page("wcxb", truth, Extraction(text=page))
    assert (record["with_found"], record["with_found_exact"]) == (2, 0)
    assert (record["without_found"], record["without_found_exact"]) == (1, 1)
    figures = aggregate("wcxb", [record])
    assert (figures["with"], figures["with_exact"]) == (2 / 3, 0.0)


def test_typography_is_not_folded_on_trafilatura_eval() -> None:
    truth = {"with": ["It's"], "without": []}
    record = score_page("trafilatura-eval", truth, Extraction(text="It\u2019s"))
    assert record["with_found"] == 0 and "with_found_exact" not in record


def test_typography_folding_keeps_words_apart() -> None:
    assert norm_typography("a\u2014b  c ,d") == "a-b c,d"
    assert norm_typography("ab") != norm_typography("a b")


def test_wcxb_author_names_are_scored_against_the_names_not_the_printed_line() -> None:
    truth = {"author": "Jane Doe", "byline": "By Jane Doe"}
    out = Extraction(text="", byline="By Jane Doe", authors="Jane Doe")
    assert score_page("wcxb", truth, out, ALL)["byline_exact"] is True
    # readability's truth is the printed line: the printed line is scored
    assert score_page("readability", truth, out, ALL)["byline_exact"] is True
    assert (
        score_page(
            "readability", truth, Extraction(text="", byline="Jane Doe", authors="Jane Doe"), ALL
        )["byline_exact"]
        is False
    )
    # an extractor that reports no names apart is scored on its byline
    assert (
        score_page("wcxb", truth, Extraction(text="", byline="Jane Doe"), ALL)["byline_exact"]
        is True
    )
