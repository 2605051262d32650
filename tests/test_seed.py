"""The founding example, both ways: through its site template and by the heuristics alone."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

import newsclean
from conftest import SEED_URL
from textmetrics import shingle_f1

_TOKEN = re.compile(r"\w+")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


@pytest.fixture(scope="module", params=["template", "heuristics"])
def article(request: pytest.FixtureRequest, seed_html: bytes) -> newsclean.Article:
    templates = None if request.param == "template" else newsclean.TemplateSet()
    return newsclean.clean(seed_html, url=SEED_URL, templates=templates)


def test_template_is_used_only_when_asked(article: newsclean.Article) -> None:
    assert article.template in ("space-media-network", None)


@pytest.mark.parametrize("field", ["title", "section", "byline", "dateline"])
def test_header_fields(
    article: newsclean.Article, seed_expected: dict[str, Any], field: str
) -> None:
    assert getattr(article, field) == seed_expected[field]


def test_date_and_authors(article: newsclean.Article) -> None:
    assert article.published == dt.date(2015, 11, 17)
    assert article.authors == ("Danny KEMP",)


def test_main_text(article: newsclean.Article, seed_expected: dict[str, Any]) -> None:
    if article.template:
        assert _tokens(article.text) == _tokens(seed_expected["text"])
    else:
        assert shingle_f1(article.text, seed_expected["text"]) >= 0.95


def test_side_story_is_first_sidebar_story_and_not_main(
    article: newsclean.Article, seed_expected: dict[str, Any]
) -> None:
    expected = seed_expected["sidebar_stories"][0]
    first = article.sidebar_stories[0]
    assert first.title == expected["title"]
    assert first.dateline == expected["dateline"]
    assert _tokens(first.text) == _tokens(expected["text"])
    for paragraph in expected["text"].split("\n\n"):
        assert paragraph not in article.text


def test_every_sidebar_story(article: newsclean.Article, seed_expected: dict[str, Any]) -> None:
    titles = [story.title for story in article.sidebar_stories]
    assert titles == [story["title"] for story in seed_expected["sidebar_stories"]]
    teaser = article.sidebar_stories[1]
    assert teaser.text == seed_expected["sidebar_stories"][1]["text"]
    assert teaser.url is not None
    assert teaser.url.startswith("https://www.spacewar.com/reports/Japan_gov_t_takes")


def test_donation_appeal_is_an_ad(
    article: newsclean.Article, seed_expected: dict[str, Any]
) -> None:
    assert [_tokens(block.text) for block in article.ads] == [
        _tokens(text) for text in seed_expected["ads"]
    ]


def test_copyright_notice_is_legal(
    article: newsclean.Article, seed_expected: dict[str, Any]
) -> None:
    assert [block.text for block in article.legal] == seed_expected["legal"]


def test_nothing_else_leaks_into_text(
    article: newsclean.Article, seed_expected: dict[str, Any]
) -> None:
    others = [*seed_expected["not_main"], *seed_expected["legal"], seed_expected["title"]]
    others += [story["title"] for story in seed_expected["sidebar_stories"]]
    others += ["Thanks for being here", "SpaceDaily Contributor"]
    for text in others:
        assert text not in article.text


def test_not_main_lines_are_boilerplate(
    article: newsclean.Article, seed_expected: dict[str, Any]
) -> None:
    boilerplate = "\n".join(block.text for block in article.boilerplate)
    for text in seed_expected["not_main"]:
        assert text in boilerplate
