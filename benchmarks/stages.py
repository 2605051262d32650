"""Where newsclean's time goes: each pipeline stage's CPU time as a multiple of a bare
lxml parse of the same page (the unit of issue #3's speed target).

    python benchmarks/stages.py [--set NAME ...] [--limit N] [--seed S]

Wraps the stage functions `newsclean.pipeline.run` calls with CPU-time counters (for this
process only; the library is not changed), cleans each page once with the heuristics
alone, and prints per stage the median and mean over pages of stage time / parse time,
and its share of the summed time. The parse is timed best of three, the cleaning once.
A profiler's view without a profiler's overhead: cProfile inflates Python-heavy stages.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import lxml.html

import newsclean
from corpus_files import DEFAULT_CORPUS, SETS, load_pages
from newsclean import assemble, metadata, pipeline

# (module, attribute pipeline.run calls through it, the stage's name), in pipeline order.
STAGES: tuple[tuple[Any, str, str], ...] = (
    (pipeline, "decode", "decode bytes to text"),
    (pipeline, "parse_handed_over", "parse and clean the tree"),
    (pipeline, "segment", "segment"),
    (pipeline, "measure", "measure features"),
    (pipeline, "TagIndex", "index tags"),
    (metadata, "extract", "metadata"),
    (pipeline, "find_main", "find the main region"),
    (pipeline, "classify", "classify"),
    (pipeline, "revisit_neighbours", "revisit neighbours"),
    (pipeline, "keep_standfirst", "keep the standfirst"),
    (pipeline, "build_stories", "build sidebar stories"),
    (assemble, "assemble", "assemble blocks"),
)
REST = "the rest (glue, the Article)"


@contextmanager
def counted(spent: dict[str, int]) -> Iterator[None]:
    """Every stage function wrapped to add its CPU nanoseconds to `spent[name]`."""
    originals = [(owner, attr, getattr(owner, attr)) for owner, attr, _ in STAGES]
    for (owner, attr, original), (_, _, name) in zip(originals, STAGES, strict=True):
        setattr(owner, attr, _timed(original, name, spent))
    try:
        yield
    finally:
        for owner, attr, original in originals:
            setattr(owner, attr, original)


def _timed(function: Callable[..., Any], name: str, spent: dict[str, int]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time_ns()
        try:
            return function(*args, **kwargs)
        finally:
            spent[name] = spent.get(name, 0) + time.process_time_ns() - start

    return wrapper


def parse_ns(html: bytes) -> int:
    best = None
    for _ in range(3):
        start = time.process_time_ns()
        lxml.html.fromstring(html)
        elapsed = time.process_time_ns() - start
        best = elapsed if best is None else min(best, elapsed)
    return max(1, best or 1)


def page_ratios(html: bytes, url: str | None) -> dict[str, float]:
    """Each stage's CPU time on one page over the bare parse's, with 'total' and REST."""
    templates = newsclean.TemplateSet()  # heuristics alone, as issue #3 measures
    base = parse_ns(html)
    spent: dict[str, int] = {}
    with counted(spent):
        start = time.process_time_ns()
        newsclean.clean(html, url=url, templates=templates)
        total = time.process_time_ns() - start
    spent[REST] = max(0, total - sum(spent.values()))
    spent["total"] = total
    return {name: ns / base for name, ns in spent.items()}


def table(rows: Sequence[dict[str, float]]) -> str:
    names = [name for _, _, name in STAGES] + [REST, "total"]
    summed = {name: sum(row.get(name, 0.0) for row in rows) for name in names}
    lines = [
        "| stage | median x parse | mean x parse | share of time |",
        "|---|---:|---:|---:|",
    ]
    for name in names:
        values = [row.get(name, 0.0) for row in rows]
        share = summed[name] / summed["total"] if summed["total"] else 0.0
        lines.append(
            f"| {name} | {statistics.median(values):.2f} | {statistics.mean(values):.2f} "
            f"| {100 * share:.1f}% |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", action="append", choices=SETS, help="repeatable; default all")
    parser.add_argument("--limit", type=int, default=50, help="pages drawn per set (default 50)")
    parser.add_argument("--seed", type=int, default=1, help="which pages are drawn")
    args = parser.parse_args(argv)
    pages = []
    for set_name in args.set or SETS:
        drawn = load_pages(DEFAULT_CORPUS, set_name)
        random.Random(args.seed).shuffle(drawn)
        pages += drawn[: args.limit]
    for page in pages[:5]:  # warm-up: imports, compiled patterns, caches
        newsclean.clean(page.html(), url=page.url)
    rows = [page_ratios(page.html(), page.url) for page in pages]
    print(f"{len(rows)} pages, CPU time per stage / bare lxml parse of the page\n")
    print(table(rows))


if __name__ == "__main__":
    main()
