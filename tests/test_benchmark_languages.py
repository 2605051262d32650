"""The benchmark's per-language view (benchmarks/languages.py)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from languages import language_of, language_table

GERMAN = "Die Stadt hat den Plan nicht beschlossen, und der Rat will sich auch mit dem Hafen"
ENGLISH = "The council said that the plan for the harbour was not ready and that it would return."


def test_latin_script_languages_are_told_apart_by_common_words() -> None:
    assert language_of(GERMAN) == "de"
    assert language_of(ENGLISH) == "en"


def test_scripts_decide_without_spaces_between_words() -> None:
    assert language_of("北京市政府今天宣布了新的城市规划方案，将在明年开始实施。" * 3) == "zh"
    japanese = "東京都は今日、新しい都市計画を発表しました。来年から実施されます。"
    assert language_of(japanese * 3) == "ja"
    assert language_of("Городской совет сегодня утвердил новый план развития порта." * 2) == "ru"


def test_too_little_text_falls_back_to_the_declared_language() -> None:
    assert language_of("Hallo", "DE") == "de"
    assert language_of("Hallo") == "und"


def test_the_table_pools_rare_languages_and_scores_each_group_as_its_set() -> None:
    records: list[dict[str, object]] = [
        {"extractor": "x", "id": "a", "p": 1.0, "r": 1.0},
        {"extractor": "x", "id": "b", "p": 0.5, "r": 0.5},
        {"extractor": "x", "id": "c", "p": 0.0, "r": 0.0},
        {"extractor": "lxml-parse", "id": "a"},  # the timing baselines: no column
        {"extractor": "lxml-walk", "id": "a"},
    ]
    table = language_table("aeb", records, {"a": "en", "b": "en", "c": "zh"}, min_pages=2)
    lines = table.splitlines()
    assert lines[2] == "| en | 2 | 0.750 |"
    assert lines[3] == "| other | 1 | 0.000 |"
