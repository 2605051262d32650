"""The fixture corpus, one test per case and field (`<site>/<case>::<field>`), plus goldens.

Per case: each [expect] value equals the Article's, the template is the expected one, every
`text` snippet is in the body (captions included) and no `not_text` snippet is, and every
typed snippet (sidebar, ads, legal, boilerplate) is in its region.
A field under [xfail] is a strict xfail.
The golden test compares `article.to_dict()` with `expected.json` (`tests/bless.py` writes it).
"""

from __future__ import annotations

import difflib
import functools
import json
from collections.abc import Iterator

import pytest

from corpus_cases import (
    CORPUS,
    EXPECTED_FILE,
    TEMPLATE_CHECK,
    Case,
    contains,
    discover,
    region_texts,
    render,
    routing,
    run_case,
)
from newsclean import Article

LOAD_ERRORS: list[str] = []
CASES: list[Case] = discover(CORPUS, LOAD_ERRORS)
CASES_BY_ID: dict[str, Case] = {case.id: case for case in CASES}


@functools.cache
def article_for(case_id: str) -> Article:
    """Each case's page is cleaned once per session."""
    return run_case(CASES_BY_ID[case_id])


def _field_params() -> Iterator[object]:
    for case in CASES:
        for check in case.checks():
            marks: list[pytest.MarkDecorator] = []
            if check in case.xfail:
                marks.append(pytest.mark.xfail(strict=True, reason=case.xfail[check]))
            yield pytest.param(case.id, check, id=f"{case.id}::{check}", marks=marks)


def test_corpus_is_not_empty() -> None:
    assert CASES, f"no fixture cases found under {CORPUS}"


def test_corpus_cases_load() -> None:
    assert not LOAD_ERRORS, "malformed fixture cases:\n" + "\n".join(LOAD_ERRORS)


@pytest.mark.parametrize(("case_id", "check"), list(_field_params()))
def test_case_field(case_id: str, check: str) -> None:
    case = CASES_BY_ID[case_id]
    article = article_for(case_id)
    if check == TEMPLATE_CHECK:
        assert article.template == (case.template or None)
    elif check in case.expect:
        assert article.to_dict()[check] == case.expect[check]
    elif check == "not_text":
        _check_not_in_text(article, case.snippets[check])
    else:
        _check_in_region(article, check, case.snippets[check])


def _check_in_region(article: Article, region: str, snippets: tuple[str, ...]) -> None:
    regions = region_texts(article)
    missing = [snippet for snippet in snippets if not contains(regions[region], snippet)]
    assert not missing, f"{len(missing)} of {len(snippets)} snippet(s) not in {region}:\n" + (
        "\n".join(_describe(article, snippet, regions) for snippet in missing)
    )


def _check_not_in_text(article: Article, snippets: tuple[str, ...]) -> None:
    regions = region_texts(article)
    found = [snippet for snippet in snippets if contains(regions["text"], snippet)]
    assert not found, f"{len(found)} of {len(snippets)} snippet(s) wrongly in text:\n" + (
        "\n".join(_describe(article, snippet, regions) for snippet in found)
    )


def _describe(article: Article, snippet: str, regions: dict[str, str]) -> str:
    where = routing(article, snippet, regions)
    return f"  {snippet!r} -> found in: {', '.join(where) if where else 'nothing'}"


@pytest.mark.parametrize("case_id", [case.id for case in CASES])
def test_case_golden(case_id: str) -> None:
    case = CASES_BY_ID[case_id]
    if not case.expected_path.is_file():
        pytest.skip(
            f"{case_id}: no {EXPECTED_FILE} yet; review and write it with"
            f" `python tests/bless.py {case_id} --write`"
        )
    expected_text = case.expected_path.read_text("utf-8")
    actual_text = render(article_for(case_id))
    if json.loads(expected_text) != json.loads(actual_text):
        diff = difflib.unified_diff(
            render_json(expected_text).splitlines(),
            actual_text.splitlines(),
            f"{case_id}/{EXPECTED_FILE}",
            f"{case_id} (now)",
            lineterm="",
        )
        pytest.fail(
            f"{case_id}: article differs from {EXPECTED_FILE}"
            f" (`python tests/bless.py {case_id}` shows it, --write accepts it):\n"
            + "\n".join(diff),
            pytrace=False,
        )


def render_json(text: str) -> str:
    """Re-render stored JSON the way `render` does, so the diff shows only real changes."""
    return json.dumps(json.loads(text), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
