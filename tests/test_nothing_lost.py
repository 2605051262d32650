"""Every part of a page lands somewhere: each segment's words reach some field of the
`Article` (the article, a story, ads, legal, boilerplate, or a metadata field), on every
fixture page. A segment whose text reaches no field is text silently dropped."""

from __future__ import annotations

import re

import pytest

import newsclean
from corpus_cases import CORPUS, Case, discover
from newsclean import Article
from newsclean.api import explain

CASES: list[Case] = discover(CORPUS, [])  # test_corpus.py reports malformed cases
_WORD = re.compile(r"\w+")
#: A segment may lose a few words to no field: a list's number beside its headline link
#: ("13." before "University of Michigan Ross") is no part of the story's title.
_MAX_LOST_SHARE = 1 / 3


def _field_words(article: Article) -> set[str]:
    metadata = [article.title, article.byline, article.dateline, article.section]
    metadata += [*article.authors, article.site_name, str(article.published or "")]
    stories = [
        f"{story.title} {story.text} {story.dateline or ''}" for story in article.sidebar_stories
    ]
    blocks = [
        block.text for block in (*article.body, *article.ads, *article.legal, *article.boilerplate)
    ]
    return set(
        _WORD.findall(" ".join(text or "" for text in [*metadata, *stories, *blocks]).lower())
    )


def _lost_segments(case: Case) -> list[str]:
    templates = None if case.templates else newsclean.TemplateSet()
    extraction = explain(case.source_bytes(), url=case.url, templates=templates)
    reached = _field_words(extraction.article)
    lost = []
    for segment, decision in zip(extraction.segments, extraction.decisions, strict=True):
        words = _WORD.findall(segment.text.lower())
        missing = [word for word in words if word not in reached]
        if words and len(missing) > _MAX_LOST_SHARE * len(words):
            lost.append(f"{decision.rule}: {segment.text[:100]!r}")
    return lost


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_every_segment_reaches_a_field(case: Case) -> None:
    assert not _lost_segments(case)
