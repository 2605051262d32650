"""Benchmark newsclean and its peers on the development corpus.

    python benchmarks/run.py --all
    python benchmarks/run.py --set aeb --set wcxb --only newsclean,trafilatura --limit 50
    python benchmarks/run.py --all --markdown --json out.json --per-page pages.jsonl

Scoring follows the corpus README set by set (benchmarks/scoring.py; prose in
benchmarks/README.md). One table per set.

Why a fresh process per (set, extractor) pass: peak memory. `ru_maxrss` is a high-water
mark, so in a single process every extractor after the hungriest one would show no growth;
in a fresh process the mark before the pass is that extractor's own baseline (interpreter,
its imports, the gzipped pages), and the growth during the pass is its own. tracemalloc is
not used: it slows allocation-heavy code several-fold and misses memory lxml and the C
extensions allocate outside Python's allocator. A fresh process also isolates the run from
a peer that segfaults, leaks, or leaves global state behind, and gives every extractor the
same cold start, which its warm-up pages then warm. Passes run one after another (unless
--jobs), so the timings do not compete for the CPU.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import scoring
import tables
from corpus_files import DEFAULT_CORPUS, SETS, load_truth
from peers import ExtractorSpec, select
from worker import PassResult, PassTask, run_pass


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    add = parser.add_argument
    # what to run
    add("--set", dest="sets", action="append", choices=SETS, default=[], help="repeatable")
    add("--all", action="store_true", help="run every set")
    add("--only", help="comma-separated extractor names, matched by key prefix: newsclean, "
        "trafilatura, readability, resiliparse, justext, full-page")  # fmt: skip
    add("--exact", action="store_true", help="--only names whole keys: newsclean is the "
        "heuristics alone, trafilatura its defaults")  # fmt: skip
    add("--limit", type=int, help="only the first N pages of each set")
    add("--corpus", type=Path, default=DEFAULT_CORPUS, help=f"default {DEFAULT_CORPUS}")
    # what to write
    add("--json", type=Path, help="also write the results as JSON here")
    add("--markdown", action="store_true", help="print GitHub-markdown tables")
    add("--per-page", type=Path, help="write one JSON line per (set, extractor, page) here")
    # how to run
    add("--warmup", type=int, default=5, help="untimed warm-up pages per pass (default 5)")
    add("--timeout", type=float, default=60.0, help="seconds per page before it fails")
    add("--jobs", type=int, default=1, help="passes at once (>1: timings compete for CPU)")
    add("--no-repair", dest="repair", action="store_false",
        help="score readability against expected_text as stored, mojibake included")  # fmt: skip
    return parser


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.all:
        args.sets = list(SETS)
    if not args.sets:
        parser.error("give --set NAME (repeatable) or --all")
    args.sets = list(dict.fromkeys(args.sets))  # a set named twice runs once
    return args


def run_isolated(task: PassTask) -> PassResult:
    """run_pass in a fresh single-use process; a dead process becomes a 'crashed' row."""
    context = multiprocessing.get_context("spawn")
    try:
        with ProcessPoolExecutor(max_workers=1, mp_context=context) as executor:
            return executor.submit(run_pass, task).result()
    except Exception as exc:  # BrokenProcessPool, pickling trouble, ...
        label = next((e.label for e in select(None) if e.key == task.key), task.key)
        return PassResult(task.set_name, task.key, label, crashed=f"{type(exc).__name__}: {exc}")


def run_all(args: argparse.Namespace, extractors: list[ExtractorSpec]) -> list[PassResult]:
    tasks = [
        PassTask(
            set_name, entry.key, args.corpus, args.limit, args.warmup, args.timeout, args.repair
        )
        for set_name in args.sets
        for entry in extractors
    ]
    results: list[PassResult] = []
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as threads:
        for done, result in enumerate(threads.map(run_isolated, tasks), start=1):
            status = result.unavailable or result.crashed or f"{len(result.records)} pages"
            print(
                f"[{done}/{len(tasks)}] {result.set_name} {result.label}: {status} "
                f"({result.wall_s:.1f} s; {time.perf_counter() - started:.0f} s so far)",
                file=sys.stderr,
                flush=True,
            )
            results.append(result)
    return results


def metadata_counts(args: argparse.Namespace, set_name: str) -> dict[str, int] | None:
    """How many of the set's pages have each metadata field (the rates' denominators);
    None for a set whose truth has no metadata."""
    fields = scoring.METADATA_KEYS.get(set_name)
    if fields is None:
        return None
    rows = load_truth(args.corpus, set_name)[: args.limit]
    return {name: sum(1 for row in rows if row.get(key)) for name, key in fields.items()}


def write_per_page(path: Path, results: list[PassResult]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for result in results:
            for record in result.records:
                line = {"set": result.set_name, "extractor": result.key, **record}
                handle.write(json.dumps(line, ensure_ascii=False) + "\n")


def emit(args: argparse.Namespace, results: list[PassResult], elapsed: float) -> None:
    reports: list[tables.SetReport] = []
    for set_name in args.sets:
        in_set = [result for result in results if result.set_name == set_name]
        reports.append(tables.set_report(set_name, in_set, args.warmup))
    for set_report in reports:
        counts = metadata_counts(args, set_report.set_name)
        render = tables.markdown_table if args.markdown else tables.text_table
        print(render(set_report, counts), end="\n\n")
    print(tables.TIMING_NOTE.format(warmup=args.warmup), end="\n\n")
    print(f"Total wall time: {elapsed:.0f} s")
    if args.json:
        payload: dict[str, Any] = {
            "config": {key: value for key, value in vars(args).items() if key != "all"},
            "wall_seconds": elapsed,
            "sets": [tables.to_json(set_report) for set_report in reports],
        }
        args.json.write_text(json.dumps(payload, indent=2, default=str), encoding="utf-8")
    if args.per_page:
        write_per_page(args.per_page, results)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if not (args.corpus / args.sets[0] / "truth.jsonl").is_file():
        print(f"no corpus at {args.corpus} (use --corpus)", file=sys.stderr)
        return 2
    extractors = select(args.only.split(",") if args.only else None, args.exact)
    if args.only and len(extractors) == 1:  # the baseline alone: no name matched
        known = ", ".join(entry.key for entry in select(None))
        print(f"--only {args.only!r} matches no extractor; keys: {known}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    results = run_all(args, extractors)
    emit(args, results, time.perf_counter() - started)
    return 0


if __name__ == "__main__":
    sys.exit(main())
