"""The benchmark's per-language view: each set's figures split by the language of the page.

Reads the per-page file `run.py --per-page` writes and re-aggregates each set's
records per language with the set's own scoring (`scoring.aggregate`), so a row's F1
means what the set's table means. The language is read off the ground truth, never off
an extractor's output: the script of its letters (Han, kana, Hangul, Cyrillic, ...),
and for Latin script the language whose common words it uses most; the page's
`<html lang>` when the truth is too short to tell.

    python benchmarks/languages.py PER_PAGE.jsonl [--corpus DIR] [--min-pages N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from corpus_files import DEFAULT_CORPUS, SETS, load_truth
from peers import EXTRACTORS
from scoring import aggregate, truth_text

_TIMING_ONLY = frozenset(entry.key for entry in EXTRACTORS if not entry.scored)

# Letters of these scripts decide the language alone (unicodedata name prefixes).
_SCRIPTS = (
    ("HIRAGANA", "ja"),
    ("KATAKANA", "ja"),
    ("HANGUL", "ko"),
    ("CJK", "zh"),
    ("CYRILLIC", "ru"),
    ("ARABIC", "ar"),
    ("GREEK", "el"),
    ("HEBREW", "he"),
    ("THAI", "th"),
    ("DEVANAGARI", "hi"),
)
# Common words that tell Latin-script languages apart (none shared between two lists).
_STOPWORDS = {
    code: frozenset(words.split())
    for code, words in (
        ("en", "the and of to is that for with was are this have from"),
        ("de", "der die und das ist nicht mit auch sich den ein eine dem"),
        ("fr", "le les des est une dans pour qui pas sur au aux"),
        ("es", "el los las del por una con para como pero más es"),
        ("pt", "os das não uma com para mais ao pelo pela são também"),
        ("it", "il della che di gli sono nel alla anche questo"),
        ("nl", "het een van niet zijn voor ook op maar dat"),
        ("pl", "nie się jest na oraz że jak przez dla już"),
    )
}
_WORD = re.compile(r"[^\W\d_]+")
_HTML_LANG = re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)
# Fewer letters than this in the truth: the page's declared language decides.
_MIN_LETTERS = 40
# A Latin-script text needs this many stopword hits to be called anything.
_MIN_STOPWORDS = 3
# Share of the letters a script needs to decide (kana mixed into Japanese Han text).
_SCRIPT_SHARE = 0.2


def language_of(text: str, declared: str | None = None) -> str:
    """A language code for `text` ('und' when it cannot tell)."""
    letters = [character for character in text if character.isalpha()]
    if len(letters) < _MIN_LETTERS:
        return (declared or "und").lower()
    scripts = Counter(_script(character) for character in letters[:5000])
    for name, code in _SCRIPTS:
        if scripts[name] >= _SCRIPT_SHARE * sum(scripts.values()):
            return code
    words = Counter(word.lower() for word in _WORD.findall(text[:20000]))
    hits = {code: sum(words[word] for word in common) for code, common in _STOPWORDS.items()}
    best = max(hits, key=hits.__getitem__)
    return best if hits[best] >= _MIN_STOPWORDS else (declared or "und").lower()


def _script(character: str) -> str:
    name = unicodedata.name(character, "")
    return next((prefix for prefix, _ in _SCRIPTS if name.startswith(prefix)), "LATIN")


def page_languages(corpus: Path, set_name: str) -> dict[str, str]:
    """Page id -> language, for every page of the set."""
    languages = {}
    for row in load_truth(corpus, set_name):
        text = truth_text(set_name, row) or " ".join(row.get("with") or [])
        languages[str(row["id"])] = language_of(text, _declared(corpus, set_name, row))
    return languages


def _declared(corpus: Path, set_name: str, row: Mapping[str, Any]) -> str | None:
    if row.get("lang"):
        return str(row["lang"])[:2]
    page = corpus / set_name / "pages" / f"{row['id']}.html.gz"
    found = _HTML_LANG.search(gzip.decompress(page.read_bytes())[:65536])
    return found.group(1).decode("ascii") if found else None


def language_table(
    set_name: str,
    records: Iterable[Mapping[str, Any]],
    languages: Mapping[str, str],
    min_pages: int,
) -> str:
    """A markdown table: one row per language (rarer ones pooled as 'other'), the set's
    F1 for each extractor."""
    groups: dict[str, dict[str, list[Mapping[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    extractors: list[str] = []
    for record in records:
        extractor = str(record["extractor"])
        if extractor in _TIMING_ONLY:  # a timing baseline: never scored
            continue
        if extractor not in extractors:
            extractors.append(extractor)
        groups[languages.get(str(record["id"]), "und")][extractor].append(record)
    sizes = {language: len(next(iter(by.values()))) for language, by in groups.items()}
    pooled = _pool_rare(groups, sizes, min_pages)
    lines = [
        f"| {set_name}: language | pages | " + " | ".join(extractors) + " |",
        "|---|---:|" + "---:|" * len(extractors),
    ]
    for language in sorted(pooled, key=lambda name: (name == "other", -_size(pooled[name]))):
        by_extractor = pooled[language]
        cells = [_f1(set_name, by_extractor.get(name, [])) for name in extractors]
        lines.append(f"| {language} | {_size(by_extractor)} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _pool_rare(
    groups: Mapping[str, Mapping[str, list[Mapping[str, Any]]]],
    sizes: Mapping[str, int],
    min_pages: int,
) -> dict[str, dict[str, list[Mapping[str, Any]]]]:
    pooled: dict[str, dict[str, list[Mapping[str, Any]]]] = {}
    for language, by_extractor in groups.items():
        name = language if sizes[language] >= min_pages else "other"
        target = pooled.setdefault(name, {})
        for extractor, records in by_extractor.items():
            target.setdefault(extractor, []).extend(records)
    return pooled


def _size(by_extractor: Mapping[str, Sequence[Mapping[str, Any]]]) -> int:
    return max((len(records) for records in by_extractor.values()), default=0)


def _f1(set_name: str, records: Sequence[Mapping[str, Any]]) -> str:
    value = aggregate(set_name, records).get("f1") if records else None
    return "-" if value is None else f"{value:.3f}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("per_page", type=Path, help="the file run.py --per-page wrote")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--min-pages", type=int, default=5, help="rarer languages pool")
    args = parser.parse_args(argv)
    by_set: dict[str, list[dict[str, Any]]] = defaultdict(list)
    with args.per_page.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                by_set[record["set"]].append(record)
    for set_name in (name for name in SETS if name in by_set):
        languages = page_languages(args.corpus, set_name)
        print(language_table(set_name, by_set[set_name], languages, args.min_pages), end="\n\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
