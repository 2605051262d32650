"""One pass: one extractor over one set's pages, in a fresh process (see run.py for why).

The pass imports the extractor, warms it up on the first few pages (untimed, results
dropped), then times every page with `time.perf_counter` around the extract call alone
(decompression and scoring are outside the timed region) and scores it.
"""

from __future__ import annotations

import logging
import resource
import signal
import sys
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

import scoring
from corpus_files import Page, load_pages
from peers import Extractor, Unavailable, spec


class PageTimeout(Exception):
    """The extract call ran past --timeout (raised from SIGALRM at the next bytecode)."""


@dataclass(frozen=True, slots=True)
class PassTask:
    set_name: str
    key: str
    corpus: Path
    limit: int | None
    warmup: int
    timeout: float
    repair: bool


@dataclass(slots=True)
class PassResult:
    set_name: str
    key: str
    label: str
    unavailable: str | None = None  # why the extractor could not be loaded
    crashed: str | None = None  # the worker process died (set by the parent)
    records: list[dict[str, Any]] = field(default_factory=list)
    rss_start_mb: float = 0.0  # high-water RSS after loading the pages and the extractor
    rss_peak_mb: float = 0.0  # high-water RSS after the warm-up and the timed pass
    wall_s: float = 0.0


def max_rss_mb() -> float:
    """The process's high-water resident set size, in MiB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise PageTimeout


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise PageTimeout in the block after `seconds` (no-op where SIGALRM is missing)."""
    if seconds <= 0 or not hasattr(signal, "setitimer"):
        yield
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run_page(
    extractor: Extractor, page: Page, html: bytes, task: PassTask, meta: frozenset[str]
) -> dict[str, Any]:
    """Extract, time and score one page; an exception is a failed page, never fatal."""
    want_meta = task.set_name in scoring.METADATA_KEYS
    error: str | None = None
    start = time.perf_counter()
    try:
        with time_limit(task.timeout):
            out = extractor(html, page.url, want_meta)
    except Exception as exc:  # any failure of the extractor counts against it
        error = type(exc).__name__
        out = scoring.Extraction(text="")
    elapsed_ms = (time.perf_counter() - start) * 1000
    record: dict[str, Any] = {
        "id": page.id,
        "url": page.url,
        "ms": round(elapsed_ms, 3),
        "error": error,
        "chars": len(out.text),
        # Disjoint from "error": an empty output on a page whose truth has text.
        "empty": error is None
        and not scoring.tokens(out.text)
        and scoring.truth_has_text(task.set_name, page.truth),
    }
    fields = meta if want_meta else frozenset()
    record.update(scoring.score_page(task.set_name, page.truth, out, fields))
    return record


def _quiet() -> None:
    # The peers log a warning for every page they give up on; the table counts those.
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")


def run_pass(task: PassTask) -> PassResult:
    """Run one extractor over one set; meant to be the only task of a fresh process."""
    _quiet()
    entry = spec(task.key)
    result = PassResult(task.set_name, task.key, entry.label)
    pages = load_pages(task.corpus, task.set_name, task.limit, task.repair)
    try:
        extractor = entry.factory()
    except (ImportError, Unavailable, AttributeError) as exc:
        result.unavailable = f"{type(exc).__name__}: {exc}"
        return result
    result.rss_start_mb = max_rss_mb()
    started = time.perf_counter()
    for page in pages[: task.warmup]:
        try:
            with time_limit(task.timeout):
                extractor(page.html(), page.url, task.set_name in scoring.METADATA_KEYS)
        except Exception:  # warm-up only: the timed pass records failures
            continue
    for page in pages:
        result.records.append(run_page(extractor, page, page.html(), task, entry.meta))
    result.wall_s = time.perf_counter() - started
    result.rss_peak_mb = max_rss_mb()
    return result
