"""Loading the development corpus: `<set>/pages/<id>.html.gz` plus `<set>/truth.jsonl`."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scoring import repair_mojibake

SETS = ("aeb", "wcxb", "trafilatura-eval", "readability")

# The repository root's parent holds shared/corpus (…/main/benchmarks/corpus.py -> …/shared).
DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


@dataclass(frozen=True, slots=True)
class Page:
    id: str
    url: str | None
    gz: bytes  # the page gzipped, as stored: decompressed per call, outside the timing
    truth: dict[str, Any]

    def html(self) -> bytes:
        return gzip.decompress(self.gz)


def load_truth(corpus: Path, set_name: str, repair: bool = True) -> list[dict[str, Any]]:
    """The set's truth rows in file order. With `repair`, the readability set's
    `expected_text` is un-mojibaked (see scoring.repair_mojibake)."""
    rows: list[dict[str, Any]] = []
    with (corpus / set_name / "truth.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                rows.append(json.loads(line))
    if repair and set_name == "readability":
        for row in rows:
            row["expected_text"] = repair_mojibake(str(row.get("expected_text") or ""))
    return rows


def load_pages(
    corpus: Path, set_name: str, limit: int | None = None, repair: bool = True
) -> list[Page]:
    """The set's pages in truth-file order, the first `limit` of them if given."""
    rows = load_truth(corpus, set_name, repair)
    if limit is not None:
        rows = rows[:limit]
    pages = []
    for row in rows:
        page_id = str(row["id"])
        gz = (corpus / set_name / "pages" / f"{page_id}.html.gz").read_bytes()
        pages.append(Page(page_id, row.get("url"), gz, row))
    return pages
