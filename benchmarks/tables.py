"""From pass results to table rows, and rows to text / Markdown / JSON."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import scoring
from peers import BASELINE_KEY, spec
from worker import PassResult

TIMING_NOTE = (
    "Timing: separate passes, one extractor at a time, each in a fresh process; {warmup} "
    "warm-up pages per pass (untimed), then every page timed with time.perf_counter around "
    "the extract call alone. x lxml = the extractor's time / the bare lxml.html.fromstring "
    "parse time on the same pages (median of per-page times; total of per-page times). "
    "Peak dRSS = growth of the process's high-water RSS during the pass (approximate: "
    "allocator reuse and the interpreter's own arenas blur it)."
)


@dataclass(slots=True)
class Row:
    key: str
    label: str
    scored: bool
    pages: int = 0
    metrics: dict[str, float | None] = field(default_factory=dict)
    failed: int = 0
    errors: dict[str, int] = field(default_factory=dict)
    empty: int = 0
    median_ms: float | None = None
    total_ms: float | None = None
    ratio_median: float | None = None
    ratio_total: float | None = None
    rss_growth_mb: float | None = None
    rss_peak_mb: float | None = None
    note: str | None = None


@dataclass(slots=True)
class SetReport:
    set_name: str
    pages: int
    warmup: int
    rows: list[Row]
    notes: list[str]


def make_row(result: PassResult) -> Row:
    entry = spec(result.key)
    row = Row(result.key, result.label, entry.scored)
    if result.unavailable or result.crashed:
        row.note = result.unavailable or result.crashed
        return row
    records = result.records
    times = [float(rec["ms"]) for rec in records]
    row.pages = len(records)
    if entry.scored:
        row.metrics = scoring.aggregate(result.set_name, records)
    errors = Counter(str(rec["error"]) for rec in records if rec["error"])
    row.failed, row.errors = sum(errors.values()), dict(errors.most_common())
    row.empty = sum(1 for rec in records if rec["empty"]) if entry.scored else 0
    if times:
        row.median_ms, row.total_ms = statistics.median(times), sum(times)
    row.rss_peak_mb = result.rss_peak_mb
    row.rss_growth_mb = max(0.0, result.rss_peak_mb - result.rss_start_mb)
    return row


def set_report(set_name: str, results: Sequence[PassResult], warmup: int) -> SetReport:
    rows = [make_row(result) for result in results]
    base = next((row for row in rows if row.key == BASELINE_KEY and row.median_ms), None)
    for row in rows:
        if base and base.median_ms and base.total_ms and row.median_ms is not None:
            row.ratio_median = row.median_ms / base.median_ms
            row.ratio_total = (row.total_ms or 0.0) / base.total_ms
    notes = [f"{row.label}: skipped ({row.note})" for row in rows if row.note]
    notes += [
        f"{row.label}: {row.failed} failed - "
        + ", ".join(f"{name} x{count}" for name, count in row.errors.items())
        for row in rows
        if row.failed
    ]
    pages = max((row.pages for row in rows), default=0)
    return SetReport(set_name, pages, warmup, rows, notes)


# --------------------------------------------------------------------------------------
# Cells
# --------------------------------------------------------------------------------------


def _num(value: float | None, digits: int = 3) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


def _pair(row: Row, name: str) -> str:
    exact, norm = row.metrics.get(f"{name}_exact"), row.metrics.get(f"{name}_norm")
    if exact is None and norm is None:
        return "-"
    return f"{_num(exact, 2)} / {_num(norm, 2)}"


def columns(set_name: str) -> list[str]:
    middle = ["with (exact)", "without (exact)"] if set_name == "wcxb" else []
    if set_name in scoring.METADATA_KEYS:
        middle += ["title (exact / norm)", "byline (exact / norm)", "date (exact / norm)"]
    tail = ["failed", "empty", "median ms", "x lxml (median)", "x lxml (total)", "peak dRSS MiB"]
    return ["extractor", "precision", "recall", "F1", *middle, *tail]


def cells(set_name: str, row: Row) -> list[str]:
    if row.note:
        return [row.label, *["n/a"] * (len(columns(set_name)) - 1)]
    m = row.metrics
    middle: list[str] = []
    if set_name == "wcxb":
        middle = [
            f"{_pct(m.get('with'))} ({_pct(m.get('with_exact'))})",
            f"{_pct(m.get('without'))} ({_pct(m.get('without_exact'))})",
        ]
    if set_name in scoring.METADATA_KEYS:
        middle += [_pair(row, "title"), _pair(row, "byline"), _pair(row, "date")]
    return [
        row.label,
        _num(m.get("precision")),
        _num(m.get("recall")),
        _num(m.get("f1")),
        *middle,
        str(row.failed),
        str(row.empty) if row.scored else "-",
        _num(row.median_ms, 2),
        _num(row.ratio_median, 2),
        _num(row.ratio_total, 2),
        _num(row.rss_growth_mb, 1),
    ]


# --------------------------------------------------------------------------------------
# Output formats
# --------------------------------------------------------------------------------------

_TITLES = {
    "aeb": "shingle F1 vs article_body (P: mean over non-empty outputs; R: mean over pages)",
    "wcxb": "word-bag P/R/F1 vs main_content, mean of per-page figures; with/without "
    "snippets; metadata match rates",
    "trafilatura-eval": "snippet P/R/F1 pooled over pages",
    "readability": "shingle F1 vs expected_text (soft target); metadata match rates",
}


def heading(report: SetReport) -> str:
    return f"{report.set_name} - {report.pages} pages - {_TITLES[report.set_name]}"


def footer(report: SetReport, counts: dict[str, int] | None = None) -> list[str]:
    lines: list[str] = []
    if counts:
        lines.append(
            "Metadata rates over pages whose truth has the field: "
            + ", ".join(f"{name} n={count}" for name, count in counts.items())
            + "; a date matches (norm) when the calendar day agrees, exact also needs the time "
            "when the truth gives one"
        )
    return lines + report.notes


def text_table(report: SetReport, counts: dict[str, int] | None = None) -> str:
    header = columns(report.set_name)
    body = [cells(report.set_name, row) for row in report.rows]
    widths = [max(len(line[i]) for line in [header, *body]) for i in range(len(header))]

    def fmt(line: list[str]) -> str:
        first = line[0].ljust(widths[0])
        return "  ".join([first, *(c.rjust(w) for c, w in zip(line[1:], widths[1:], strict=True))])

    rule = "-" * len(fmt(header))
    out = [heading(report), rule, fmt(header), rule, *(fmt(line) for line in body), rule]
    return "\n".join(out + footer(report, counts))


def markdown_table(report: SetReport, counts: dict[str, int] | None = None) -> str:
    header = columns(report.set_name)
    lines = [f"### {heading(report)}", ""]
    lines.append("| " + " | ".join(header) + " |")
    lines.append("|" + "|".join(["---", *["---:"] * (len(header) - 1)]) + "|")
    lines += ["| " + " | ".join(cells(report.set_name, row)) + " |" for row in report.rows]
    notes = footer(report, counts)
    if notes:
        lines += ["", *(f"- {line}" for line in notes)]
    return "\n".join(lines)


def to_json(report: SetReport) -> dict[str, Any]:
    return {
        "set": report.set_name,
        "pages": report.pages,
        "warmup": report.warmup,
        "rows": [asdict(row) for row in report.rows],
        "notes": report.notes,
    }
