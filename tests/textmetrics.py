"""Token and shingle overlap, as the corpus benchmarks score main text."""

from __future__ import annotations

import re
from collections import Counter

_TOKEN = re.compile(r"\w+")


def shingles(text: str, size: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    if len(tokens) <= size:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


def shingle_f1(predicted: str, expected: str) -> float:
    got, want = shingles(predicted), shingles(expected)
    shared = sum((got & want).values())
    if not got and not want:
        return 1.0
    precision = shared / sum(got.values()) if got else 0.0
    recall = shared / sum(want.values()) if want else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0
