"""The per-stage timing tool (benchmarks/stages.py)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from stages import REST, STAGES, counted, page_ratios, table

PAGE = (
    b"<html><head><title>A story</title></head><body><nav><a href='/'>Home</a></nav>"
    b"<article><h1>A story</h1>" + b"<p>" + b"Words of the article go here. " * 20 + b"</p>"
    b"</article><footer>Copyright 2026 Example</footer></body></html>"
)


def test_every_stage_the_pipeline_runs_is_counted_and_the_rest_closes_the_sum() -> None:
    ratios = page_ratios(PAGE, None)
    for _, _, name in STAGES:
        if name != "keep the standfirst":  # runs on every page, but may take no time
            assert ratios.get(name, 0.0) > 0, name
    parts = sum(value for name, value in ratios.items() if name != "total")
    assert abs(parts - ratios["total"]) < 1e-6 * max(1.0, ratios["total"])
    assert ratios[REST] >= 0


def test_the_wrappers_are_taken_off_afterwards() -> None:
    owners = [(owner, attr, getattr(owner, attr)) for owner, attr, _ in STAGES]
    with counted({}):
        assert all(getattr(owner, attr) is not original for owner, attr, original in owners)
    assert all(getattr(owner, attr) is original for owner, attr, original in owners)


def test_the_table_has_a_row_per_stage_plus_the_rest_and_the_total() -> None:
    rows = [page_ratios(PAGE, None) for _ in range(2)]
    lines = table(rows).splitlines()
    assert len(lines) == 2 + len(STAGES) + 2
    assert lines[-1].startswith("| total |") and lines[-1].endswith("| 100.0% |")
