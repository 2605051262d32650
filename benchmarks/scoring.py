"""Scoring for the development corpus, exactly as /work/shared/corpus/README.md defines it.

Every function here is pure: text in, numbers out. `score_page` turns one page's truth and
one extractor's output into a flat record of per-page numbers; `aggregate` turns a set's
records into the table's figures. See benchmarks/README.md for the definitions in prose.
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

# A per-page record: metric name -> number, flag, or None where it does not apply.
Metrics = dict[str, float | int | bool | None]

_TOKEN_RE = re.compile(r"\w+")
_WS_RE = re.compile(r"\s+")
SHINGLE_N = 4


@dataclass(frozen=True, slots=True)
class Extraction:
    """What an extractor returned for one page (metadata is None where it has none)."""

    text: str
    title: str | None = None
    byline: str | None = None
    published: str | dt.date | None = None
    # The author names alone, joined by ", ", where the extractor tells them apart from the
    # printed byline ("By Jane Doe and John Roe, Staff Writers"); None where it does not.
    authors: str | None = None


# --------------------------------------------------------------------------------------
# Tokens and shingles (aeb, readability)
# --------------------------------------------------------------------------------------


def tokens(text: str) -> list[str]:
    """`\\w+` matches, case kept (the aeb tokenizer)."""
    return _TOKEN_RE.findall(text)


def shingles(text: str, n: int = SHINGLE_N) -> Counter[tuple[str, ...]]:
    """Multiset of n-token shingles; a text of 1..n tokens is one shingle, none is empty."""
    toks = tokens(text)
    if not toks:
        return Counter()
    return Counter(tuple(toks[i : i + n]) for i in range(max(1, len(toks) - n + 1)))


def shingle_counts(expected: str, predicted: str) -> tuple[int, int, int]:
    """(tp, fp, fn) over 4-token shingle multisets."""
    true, pred = shingles(expected), shingles(predicted)
    tp = sum((true & pred).values())
    return tp, sum(pred.values()) - tp, sum(true.values()) - tp


def shingle_precision(tp: int, fp: int, fn: int) -> float:
    """tp/(tp+fp); 1 when fp = fn = 0 (aeb's evaluate.py)."""
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def shingle_recall(tp: int, fp: int, fn: int) -> float:
    """tp/(tp+fn); 1 when fp = fn = 0 (aeb's evaluate.py)."""
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


def score_shingles(expected: str, predicted: str) -> Metrics:
    """Per-page shingle figures. `p` is None when the output has no token (it is then left
    out of the precision mean); `r` is None when the truth has no token (likewise)."""
    tp, fp, fn = shingle_counts(expected, predicted)
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "p": shingle_precision(tp, fp, fn) if tp + fp > 0 else None,
        "r": shingle_recall(tp, fp, fn) if tp + fn > 0 else None,
    }


# --------------------------------------------------------------------------------------
# Bags of words (wcxb) and snippets (wcxb, trafilatura-eval)
# --------------------------------------------------------------------------------------


def word_prf(expected: str, predicted: str) -> tuple[float, float, float]:
    """Per-page P/R/F1 of lower-cased `\\w+` bags. An empty side scores 1 only against an
    empty other side: empty output on a page with text is P = R = F1 = 0."""
    true = Counter(tokens(expected.lower()))
    pred = Counter(tokens(predicted.lower()))
    n_true, n_pred = sum(true.values()), sum(pred.values())
    if n_true == 0 and n_pred == 0:
        return 1.0, 1.0, 1.0
    tp = sum((true & pred).values())
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_true if n_true else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f1


def norm_ws(text: str) -> str:
    """Whitespace collapsed to single spaces, stripped (trafilatura's eval `norm`)."""
    return _WS_RE.sub(" ", text).strip()


def snippets_found(snippets: Iterable[str], text: str, norm: Callable[[str], str] = norm_ws) -> int:
    """How many snippets occur in the text, both normalised by `norm` (default: whitespace
    collapsed, case and characters kept: trafilatura's eval)."""
    haystack = norm(text)
    return sum(1 for snippet in snippets if norm(snippet) in haystack)


# Typographic variants of one character, folded to their plain form for wcxb's snippets.
_TYPOGRAPHY = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u00b4\u0060", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
        **dict.fromkeys("\u00ad\u200b\u200c\u200d\u2060\ufeff", ""),
    }
)
_SPACE_INSIDE_PUNCT_RE = re.compile(r"\s+(?=[,.;:!?)\]])|(?<=[(\[])\s+")


def norm_typography(text: str) -> str:
    """`norm_ws` after folding typography: NFKC (no-break spaces, "\u2026"), curly quotes and
    primes to straight ones, the dashes to "-", invisible characters dropped, and no space
    before closing punctuation or after an opening bracket. wcxb's snippets were drafted by
    a language model, which writes "it's" and "-" where the page prints "it\u2019s" and
    "\u2013", and "types , we" where a link ended before the comma; matched exactly, the
    page's own characters count as a miss."""
    folded = unicodedata.normalize("NFKC", text.translate(_TYPOGRAPHY))
    return norm_ws(_SPACE_INSIDE_PUNCT_RE.sub("", folded))


# --------------------------------------------------------------------------------------
# Metadata (readability, wcxb)
# --------------------------------------------------------------------------------------

# Per set: metadata field -> the truth key holding it. Sets not named here score no metadata.
METADATA_KEYS: dict[str, dict[str, str]] = {
    "readability": {"title": "title", "byline": "byline", "date": "published"},
    "wcxb": {"title": "title", "byline": "author", "date": "published"},
}
# Sets whose byline truth holds the author names alone (wcxb's `author`: "Jane Doe"), not
# the line as printed (readability's `byline`: "By Jane Doe"): scored against an
# extractor's `authors` where it reports them apart.
NAMES_ONLY = frozenset({"wcxb"})


def norm_words(text: str) -> str:
    """NFKC, case-folded, only the `\\w+` words, single-spaced."""
    return " ".join(tokens(unicodedata.normalize("NFKC", text).casefold()))


def norm_byline(text: str) -> str:
    """`norm_words` without a leading "by" and without the "and" that joins the last two
    names ("Jo Roe, Al Poe and Bo Li" = "Jo Roe, Al Poe, Bo Li" = "Jo Roe; Al Poe; Bo Li")."""
    words = norm_words(text).split()
    if words[:1] == ["by"]:
        words = words[1:]
    return " ".join(word for word in words if word != "and")


def parse_date(value: str | dt.date | None) -> tuple[dt.date, dt.time | None] | None:
    """(calendar date as written, wall-clock time or None) from an ISO-ish value."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date(), value.time().replace(microsecond=0)
    if isinstance(value, dt.date):
        return value, None
    text = value.strip()
    try:
        parsed = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    has_time = len(text) > 10  # "YYYY-MM-DD" alone carries no time
    return parsed.date(), parsed.time().replace(microsecond=0) if has_time else None


def match_text(
    expected: str, predicted: str | None, norm: Callable[[str], str]
) -> tuple[bool, bool]:
    """(exact, normalised) match: exact = equal after collapsing whitespace."""
    if not predicted:
        return False, False
    exact = norm_ws(expected) == norm_ws(predicted)
    return exact, exact or norm(expected) == norm(predicted)


def match_date(expected: str, predicted: str | dt.date | None) -> tuple[bool, bool]:
    """(exact, normalised): normalised = same calendar date; exact also needs the same
    time to the second when the truth gives one (UTC offsets are not compared)."""
    true, pred = parse_date(expected), parse_date(predicted)
    if true is None or pred is None:
        return False, False
    same_day = true[0] == pred[0]
    return same_day and (true[1] is None or true[1] == pred[1]), same_day


def score_metadata(
    truth: Mapping[str, Any], out: Extraction, fields: frozenset[str], set_name: str = "readability"
) -> Metrics:
    """`<field>_exact` / `<field>_norm` for each of the extractor's `fields` the truth has
    (under the set's key, METADATA_KEYS); None where the truth lacks the field or the
    extractor does not report it."""
    keys = METADATA_KEYS[set_name]
    byline = out.byline
    if set_name in NAMES_ONLY and out.authors is not None:
        byline = out.authors
    checks: dict[str, tuple[Any, Callable[[str], tuple[bool, bool]]]] = {
        "title": (truth.get(keys["title"]), lambda e: match_text(e, out.title, norm_words)),
        "byline": (truth.get(keys["byline"]), lambda e: match_text(e, byline, norm_byline)),
        "date": (truth.get(keys["date"]), lambda e: match_date(e, out.published)),
    }
    metrics: Metrics = {}
    for name, (expected, check) in checks.items():
        if not expected or name not in fields:
            metrics[f"{name}_exact"] = metrics[f"{name}_norm"] = None
            continue
        metrics[f"{name}_exact"], metrics[f"{name}_norm"] = check(str(expected))
    return metrics


# --------------------------------------------------------------------------------------
# Per set: one page, then the whole set
# --------------------------------------------------------------------------------------


def truth_text(set_name: str, truth: Mapping[str, Any]) -> str:
    """The reference text a set scores against ("" for snippet-only sets)."""
    key = {"aeb": "article_body", "wcxb": "main_content", "readability": "expected_text"}
    return str(truth.get(key.get(set_name, ""), "") or "")


def truth_has_text(set_name: str, truth: Mapping[str, Any]) -> bool:
    """Whether an empty output on this page is a miss (for the "empty" column)."""
    if set_name == "trafilatura-eval":
        return bool(truth.get("with"))
    return bool(tokens(truth_text(set_name, truth)))


def score_page(
    set_name: str, truth: Mapping[str, Any], out: Extraction, meta: frozenset[str] = frozenset()
) -> Metrics:
    """One page's figures for its set (`meta`: the metadata fields to score)."""
    if set_name in ("aeb", "readability"):
        metrics = score_shingles(truth_text(set_name, truth), out.text)
    else:
        metrics = _score_snippets(set_name, truth, out)
    if set_name in METADATA_KEYS:
        metrics.update(score_metadata(truth, out, meta, set_name))
    return metrics


def _score_snippets(set_name: str, truth: Mapping[str, Any], out: Extraction) -> Metrics:
    with_, without = list(truth.get("with") or []), list(truth.get("without") or [])
    # trafilatura-eval matches as its own evaluation does (published figures compare);
    # wcxb folds typography, and keeps the exact count beside it.
    norm = norm_typography if set_name == "wcxb" else norm_ws
    metrics: Metrics = {
        "with_found": snippets_found(with_, out.text, norm),
        "with_total": len(with_),
        "without_found": snippets_found(without, out.text, norm),
        "without_total": len(without),
    }
    if set_name == "wcxb":
        metrics["with_found_exact"] = snippets_found(with_, out.text)
        metrics["without_found_exact"] = snippets_found(without, out.text)
        metrics["p"], metrics["r"], metrics["f1"] = word_prf(truth_text(set_name, truth), out.text)
    return metrics


def _mean(values: Iterable[float | int | bool | None]) -> float | None:
    present = [float(v) for v in values if v is not None]
    return statistics.fmean(present) if present else None


def _f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r else 0.0


def _sum(records: Sequence[Mapping[str, Any]], key: str) -> int:
    return sum(int(rec.get(key) or 0) for rec in records)


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def aggregate(set_name: str, records: Sequence[Mapping[str, Any]]) -> dict[str, float | None]:
    """The set's table figures from its per-page records."""
    result = _aggregate_text(set_name, records)
    for field in METADATA_KEYS.get(set_name, {}):
        for kind in ("exact", "norm"):
            result[f"{field}_{kind}"] = _mean(rec.get(f"{field}_{kind}") for rec in records)
    return result


def _aggregate_text(set_name: str, records: Sequence[Mapping[str, Any]]) -> dict[str, float | None]:
    if set_name in ("aeb", "readability"):
        # Means over pages, F1 from the two means (aeb's evaluate.py).
        p, r = _mean(rec.get("p") for rec in records), _mean(rec.get("r") for rec in records)
        return {"precision": p, "recall": r, "f1": _f1(p, r)}
    if set_name == "wcxb":
        return {
            "precision": _mean(rec.get("p") for rec in records),
            "recall": _mean(rec.get("r") for rec in records),
            "f1": _mean(rec.get("f1") for rec in records),
            "with": _share(_sum(records, "with_found"), _sum(records, "with_total")),
            "without": _share(
                _sum(records, "without_total") - _sum(records, "without_found"),
                _sum(records, "without_total"),
            ),
            "with_exact": _share(_sum(records, "with_found_exact"), _sum(records, "with_total")),
            "without_exact": _share(
                _sum(records, "without_total") - _sum(records, "without_found_exact"),
                _sum(records, "without_total"),
            ),
        }
    return _pooled_snippets(records)


def _pooled_snippets(records: Sequence[Mapping[str, Any]]) -> dict[str, float | None]:
    """trafilatura-eval: with found = tp, with missing = fn, without found = fp, pooled."""
    tp = _sum(records, "with_found")
    fn = _sum(records, "with_total") - tp
    fp = _sum(records, "without_found")
    tn = _sum(records, "without_total") - fp
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {
        "precision": p,
        "recall": r,
        "f1": _f1(p, r),
        "accuracy": _share(tp + tn, tp + tn + fp + fn),
    }


# --------------------------------------------------------------------------------------
# Truth repair (readability only)
# --------------------------------------------------------------------------------------

_MOJIBAKE_RE = re.compile("[\u00c2\u00c3][\u0080-\u00bf]|\u00e2\u0080[\u0080-\u00bf]")


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 text that was decoded as Latin-1 (the readability set's `expected_text`
    has this on 78 of 130 pages: "code\u00e2\u0080\u00a6" for "code\u2026"). Text without
    the tell-tale pairs is returned unchanged; bytes lost in the original mishap (a
    collapsed U+00A0 after "\u00c2") become U+FFFD, which is no `\\w` token."""
    if not _MOJIBAKE_RE.search(text):
        return text
    raw = b"".join(ch.encode("latin-1") if ord(ch) < 256 else ch.encode() for ch in text)
    return raw.decode("utf-8", errors="replace")
