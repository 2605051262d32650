"""A typing test of the public API: mypy --strict checks these assertions."""

from __future__ import annotations

import datetime as dt
from typing import assert_type

import newsclean


def test_public_api_types() -> None:
    article = newsclean.clean("<p>Hello</p>", url=None, http_charset=None)
    assert_type(article, newsclean.Article)
    assert_type(article.title, str | None)
    assert_type(article.authors, tuple[str, ...])
    assert_type(article.published, dt.date | dt.datetime | None)
    assert_type(article.body, tuple[newsclean.Block, ...])
    assert_type(article.text, str)
    assert_type(article.sidebar_stories, tuple[newsclean.Story, ...])
    assert_type(article.ads, tuple[newsclean.Block, ...])
    assert_type(article.warnings, tuple[str, ...])
    assert_type(article.to_markdown(), str)
    for block in article.body:
        assert_type(block.kind, newsclean.BlockKind)
        assert_type(block.region, newsclean.Region)
    templates = newsclean.TemplateSet.builtin() | newsclean.TemplateSet()
    assert_type(templates, newsclean.TemplateSet)
    options = newsclean.Options(min_paragraph_chars=40)
    assert_type(
        newsclean.clean(b"<p>x</p>", templates=templates, options=options), newsclean.Article
    )
