"""The quality gate: aggregate snippet figures over the whole fixture corpus.

`text_recall` and `not_text_absent` for the article text; per typed field (sidebar, ads,
legal, boilerplate) `<field>_routed` (recall: its snippets found in that field and no
other) and `<field>_precision` (of the typed snippets found in that field, the share
that belong there).

Each figure has a floor in `quality_floors.toml`. A figure under its floor fails (a
regression); a figure more than `slack` above it fails too, asking for the floor to be
raised in the same change — so the floors only ever move up.
"""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path

import pytest

from corpus_cases import CORPUS, REGIONS, Case, contains, discover, region_texts, routing, run_case
from newsclean import Article

FLOORS_FILE = Path(__file__).parent / "quality_floors.toml"
TYPED = ("sidebar", "ads", "legal", "boilerplate")


@functools.cache
def _measured() -> dict[str, float]:
    cases = discover(CORPUS)
    assert cases, "the fixture corpus is empty"
    found: dict[str, list[bool]] = {name: [] for name in ("text_recall", "not_text_absent")}
    found.update({f"{field}_routed": [] for field in TYPED})
    found.update({f"{field}_precision": [] for field in TYPED})
    for case in cases:
        article = run_case(case)
        _score_case(case, article, found)
    return {name: sum(hits) / len(hits) for name, hits in found.items() if hits}


def _score_case(case: Case, article: Article, found: dict[str, list[bool]]) -> None:
    regions = region_texts(article)
    for snippet in case.snippets.get("text", ()):
        found["text_recall"].append(contains(regions["text"], snippet))
    for snippet in case.snippets.get("not_text", ()):
        found["not_text_absent"].append(not contains(regions["text"], snippet))
    for field in TYPED:
        for snippet in case.snippets.get(field, ()):
            # Routed correctly: in its own region and in no other.
            found[f"{field}_routed"].append(routing(article, snippet, regions) == [field])
    # Precision: of the typed snippets (of any field) found in a region, the share that
    # belong there.
    for field in TYPED:
        for other in TYPED:
            for snippet in case.snippets.get(other, ()):
                if field in routing(article, snippet, regions):
                    found[f"{field}_precision"].append(other == field)


def _floors() -> tuple[dict[str, float], float]:
    data = tomllib.loads(FLOORS_FILE.read_text("utf-8"))
    return dict(data["floors"]), float(data["slack"])


def test_every_figure_has_a_floor() -> None:
    floors, _ = _floors()
    assert set(floors) == set(_measured()), "quality_floors.toml and the measured figures differ"
    assert set(REGIONS) >= set(TYPED)


@pytest.mark.parametrize("name", sorted(_floors()[0]))
def test_figure_holds_its_floor(name: str) -> None:
    floors, slack = _floors()
    value = _measured()[name]
    assert value >= floors[name], f"{name} fell to {value:.3f} (floor {floors[name]:.3f})"
    assert value <= floors[name] + slack, (
        f"{name} rose to {value:.3f}: raise its floor in tests/quality_floors.toml to {value:.3f}"
    )
