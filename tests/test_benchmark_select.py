"""The benchmark's `--only` selection (benchmarks/peers.py)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from peers import BASELINE_KEY, WALK_KEY, select


def test_names_match_key_prefixes_by_default() -> None:
    keys = [entry.key for entry in select(["newsclean"])]
    assert "newsclean" in keys and "newsclean-bundled" in keys
    assert keys[-2:] == [WALK_KEY, BASELINE_KEY]  # the timing baselines always run


def test_exact_names_match_whole_keys() -> None:
    keys = [entry.key for entry in select(["newsclean", "trafilatura"], exact=True)]
    assert keys == ["newsclean", "trafilatura", WALK_KEY, BASELINE_KEY]
