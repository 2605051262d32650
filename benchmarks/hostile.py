"""Hostile, broken and huge input: newsclean, trafilatura and readability-lxml, case by case.

    python benchmarks/hostile.py                      # every case; writes docs/hostile-input.md
    python benchmarks/hostile.py --sizes 1,10         # scaling cases at 1 and 10 MB only
    python benchmarks/hostile.py --only newsclean --no-write

Each (case, extractor) runs in a fresh child process with a timeout, so a hang, a crash
(segfault) or a memory blow-up of any extractor is recorded, not fatal. The child reads
the input from a file, imports and sets up the extractor, then times the one call; peak
memory is the child's ru_maxrss growth over that call. Outcomes: `recovered` (every
paragraph of the planted article is in the output), `partial`, `empty`, `text (N chars)`
(for input that holds no article), `exception: Type`, `timeout`, `crash (signal N)`; and
`+NUL/surrogate` when the output holds one, `+LEAK` when it holds what must not be read
(an external entity's file). This is a benchmark, not a test: tests/test_hostile.py holds
the assertions.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import os
import platform
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DOC = HERE.parent / "docs" / "hostile-input.md"
EXTRACTORS = {  # peers.py keys: the same calls as the accuracy benchmark
    "newsclean": "newsclean-bundled",
    "trafilatura": "trafilatura",
    "readability-lxml": "readability-lxml",
}
MB = 1_000_000
ARTICLE = [
    f"Paragraph {n} of the planted article says what the council decided on Tuesday."
    for n in range(6)
]
ARTICLE_HTML = "".join(f"<p>{text}</p>" for text in ARTICLE)
_UNSAFE = re.compile("[\x00\ud800-\udfff]")


def page(body: str, head: str = "") -> bytes:
    return f"<html><head>{head}</head><body>{body}</body></html>".encode()


def _filler(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[int], bytes]  # size in bytes (ignored by fixed-size cases) -> input
    expect: tuple[str, ...] = tuple(ARTICLE)  # all must be in the output; () = no article
    as_str: bool = False  # passed as str (decoded with surrogateescape)
    scaling: bool = False  # run at every --sizes; else once
    forbid: tuple[str, ...] = ()


RUSSIAN = "Правительство обсуждает бюджет на следующий год, сообщили в министерстве."
JAPANESE = "東京都は今日、新しい予算案を発表しました。経済の回復を目指すとしています。"
CAFE = "Café, naïve façade: the résumé of a long day at the crème brûlée stand."
# One box of lines (a poem, a transcript, a pasted report): each line a segment of one
# owner (quadratic in newsclean until this was a case).
BOX_LINES = [
    f"Line {n} of the report, with enough words and a comma, to read as a sentence."
    for n in range(20_000)
]


def _nested(tag: str, count: int) -> str:
    return f"<{tag}>" * count + "x" + f"</{tag}>" * count + ARTICLE_HTML


def _external_entity(uri: str, xml: bool) -> bytes:
    prolog = '<?xml version="1.0"?>' if xml else ""
    doctype = f'<!DOCTYPE html [<!ENTITY x SYSTEM "{uri}">]>'
    return f"{prolog}{doctype}<html><body><p>&x;</p>{ARTICLE_HTML}</body></html>".encode()


def _billion_laughs() -> bytes:
    levels = "".join(f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' for n in range(1, 10))
    doctype = f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY l0 "lol">{levels}]>'
    return f"{doctype}<html><body><p>&l9;</p>{ARTICLE_HTML}</body></html>".encode()


def _encoded(text: str, codec: str, head: str = "", bom: bytes = b"") -> bytes:
    return bom + page(f"<p>{text}</p>" * 6, head).decode().encode(codec)


def _cases(secret: Path) -> list[Case]:
    marker = secret.read_text()
    rng = random.Random(5)
    art = ARTICLE_HTML
    huge = 2**53
    return [
        # not a page
        Case("empty bytes", lambda _: b"", ()),
        Case("whitespace only", lambda _: b" \n\t\r " * 1000, ()),
        Case("random binary (64 KB)", lambda _: rng.randbytes(64 * 1024), ()),
        Case("a PDF", lambda _: b"%PDF-1.7\n1 0 obj<<>>stream\n\x00\x9c\xff\nendstream", ()),
        Case("gzip-compressed page", lambda _: gzip.compress(page(art)), ()),
        Case("plain text, no tags", lambda _: "\n\n".join(ARTICLE).encode()),
        Case("JSON", lambda _: json.dumps({"html": art, "n": [1, 2]}).encode(), ()),
        Case("NUL bytes in the text", lambda _: page(art.replace(" the ", " the\x00 "))),
        Case(
            "lone surrogates (str)",
            lambda _: page("<p>odd X</p>" + art).replace(b"X", b"\xff"),  # -> "\udcff"
            as_str=True,
        ),
        # nesting past libxml2's limits
        Case("after 300 nested divs", lambda _: page(_nested("div", 300))),
        Case("after 5,000 nested divs", lambda _: page(_nested("div", 5_000))),
        Case("after 100,000 nested divs", lambda _: page(_nested("div", 100_000))),
        Case("inside 50,000 unclosed spans", lambda _: page("<span>" * 50_000 + art)),
        Case("inside 50,000 unclosed fonts", lambda _: page("<font size=2>" * 50_000 + art)),
        Case(
            "after a 300-deep navigation block",
            lambda _: page("<nav>" + "<ul><li><a href=/s>Section</a>" * 300 + "</nav>" + art),
        ),
        # size and regular-expression traps
        Case("1 MB of spaces", lambda _: page(" " * MB + art)),
        Case("20 MB article", lambda _: page(f"<article>{_filler(art, 20 * MB)}</article>")),
        Case(
            "200,000 short paragraphs",
            lambda _: page("".join(f"<p>w{n}</p>" for n in range(200_000)) + art),
        ),
        Case(
            "20,000 lines parted by <br><br> in one box",
            lambda _: page("<article><div>" + "<br><br>".join(BOX_LINES) + "</div></article>"),
            (BOX_LINES[0], BOX_LINES[10_000], BOX_LINES[-1]),
        ),
        Case(
            "5 MB attribute values",
            lambda _: page(f'<div title="{"a" * 5 * MB}" class="{"x " * MB}">{art}</div>'),
        ),
        Case(
            "comments built to trip regexes",
            lambda _: page(art + "<!-- -- -> --!> <!-" * 100_000 + "<!--" * 100_000),
        ),
        # entities and numbers
        Case(
            "XXE: external entity to a local file",
            lambda _: _external_entity(secret.as_uri(), xml=False),
            forbid=(marker,),
        ),
        Case(
            "XXE in XML syntax",
            lambda _: _external_entity(secret.as_uri(), xml=True),
            forbid=(marker,),
        ),
        Case("billion laughs", lambda _: _billion_laughs(), forbid=("lollollol",)),
        Case(
            "colspan 2^53",
            lambda _: page(
                f"<table><tr><td colspan={huge} rowspan={huge}>c</td></tr></table>{art}"
            ),
        ),
        # encodings
        Case("cp1251, no declaration", lambda _: _encoded(RUSSIAN, "cp1251"), (RUSSIAN,)),
        Case(
            "Shift-JIS under a UTF-8 <meta>",
            lambda _: _encoded(JAPANESE, "shift_jis", '<meta charset="utf-8">'),
            (JAPANESE,),
        ),
        Case(
            "UTF-8 BOM, latin-1 <meta>",
            lambda _: _encoded(CAFE, "utf-8", "<meta charset=iso-8859-1>", b"\xef\xbb\xbf"),
            (CAFE,),
        ),
        # scaling: the same shape at every size
        Case(
            "scaling: article",
            lambda n: page(f"<article>{_filler(art, n)}</article>"),
            scaling=True,
        ),
        Case("scaling: spaces, then the article", lambda n: page(" " * n + art), scaling=True),
        Case(
            "scaling: short paragraphs",
            lambda n: page(_filler("<p>word</p>", n) + art),
            scaling=True,
        ),
        Case(
            "scaling: one huge attribute",
            lambda n: page(f'<div title="{"a" * n}">{art}</div>'),
            scaling=True,
        ),
        Case("scaling: comments", lambda n: page(_filler("<!-- x -->", n) + art), scaling=True),
        Case(
            "scaling: nested divs",
            lambda n: page(_filler("<div>", n // 2) + art + _filler("</div>", n // 2)),
            scaling=True,
        ),
    ]


# -- the child: one extractor on one input ----------------------------------------------


def max_rss_mb() -> float:
    """This process's peak resident set size, in MB.

    Linux's ru_maxrss carries the parent's peak across fork and exec (a child of a
    parent that built a 50 MB input starts "at" that peak), so VmHWM, which belongs to
    the process's own address space, is read where it exists.
    """
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def child(spec_path: Path) -> None:
    """Run one extractor on one input; print one JSON line with what happened."""
    import logging
    import warnings

    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")
    sys.path.insert(0, str(HERE))
    from peers import spec as peer

    spec = json.loads(spec_path.read_text())
    data = Path(spec["input"]).read_bytes()
    html: bytes | str = data.decode("utf-8", "surrogateescape") if spec["as_str"] else data
    run = peer(spec["key"]).factory()
    run(page(ARTICLE_HTML), None, False)  # untimed: lazy imports happen on the first call
    base = max_rss_mb()
    cpu = time.process_time()
    start = time.perf_counter()
    try:
        text = run(html, None, False).text  # type: ignore[arg-type]  # str on purpose
        error = None
    except Exception as exc:  # the outcome, not a failure of the benchmark
        text, error = "", type(exc).__name__
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu
    peak = max_rss_mb()  # before the checks below, whose word lists are the benchmark's own
    flat = " ".join(text.split())
    print(
        json.dumps(
            {
                "seconds": seconds,
                "cpu_seconds": cpu,
                "error": error,
                "chars": len(text),
                "recovered": all(" ".join(e.split()) in flat for e in spec["expect"]),
                "unsafe": _UNSAFE.search(text) is not None,
                "leaked": any(f in text for f in spec["forbid"]),
                "rss_base_mb": base,
                "rss_peak_mb": peak,
            }
        )
    )


# -- the parent: build inputs, run children, write the table -----------------------------


@dataclass
class Result:
    case: str
    size: int
    extractor: str
    outcome: str
    seconds: float | None = None  # wall clock
    cpu_seconds: float | None = None  # the child's CPU time: what load on the machine spares
    memory_mb: float | None = None  # ru_maxrss growth during the call
    details: dict[str, Any] = field(default_factory=dict)


def run_child(
    key: str, case: Case, data: bytes, workdir: Path, timeout: float
) -> tuple[str, dict[str, Any]]:
    """(outcome, the child's report) for one extractor on one input."""
    source = workdir / "input.bin"
    source.write_bytes(data)
    spec = workdir / "spec.json"
    spec.write_text(
        json.dumps(
            {"input": str(source), "key": key, "as_str": case.as_str,
             "expect": list(case.expect), "forbid": list(case.forbid)}
        )
    )  # fmt: skip
    command = [sys.executable, str(Path(__file__).resolve()), "--child", str(spec)]
    try:
        done = subprocess.run(command, check=False, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return f"timeout (> {timeout:.0f} s)", {}
    if done.returncode < 0:
        return f"crash (signal {-done.returncode})", {}
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        return f"crash (exit {done.returncode})", {"stderr": done.stderr[-500:]}
    report: dict[str, Any] = json.loads(lines[-1])
    return _outcome(case, report), report


def _outcome(case: Case, report: dict[str, Any]) -> str:
    if report["error"]:
        outcome = f"exception: {report['error']}"
    elif not case.expect:
        outcome = "empty" if report["chars"] == 0 else f"text ({report['chars']:,} chars)"
    elif report["recovered"]:
        outcome = "recovered"
    else:
        outcome = "empty" if report["chars"] == 0 else "partial"
    if report["unsafe"]:
        outcome += " +NUL/surrogate"
    if report["leaked"]:
        outcome += " +LEAK"
    return outcome


def run_all(sizes: list[int], keys: dict[str, str], timeout: float) -> list[Result]:
    results: list[Result] = []
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        secret = workdir / "secret.txt"
        secret.write_text(f"local-file-secret-{random.getrandbits(64):x}")
        for case in _cases(secret):
            for size in sizes if case.scaling else [0]:
                data = case.build(size * MB)
                for name, key in keys.items():
                    outcome, report = run_child(key, case, data, workdir, timeout)
                    result = Result(case.name, len(data), name, outcome, details=report)
                    if report:
                        result.seconds = report["seconds"]
                        result.cpu_seconds = report["cpu_seconds"]
                        result.memory_mb = report["rss_peak_mb"] - report["rss_base_mb"]
                    results.append(result)
                    print(f"{case.name} [{len(data):,} B] {name}: {outcome}"
                          f"{'' if result.seconds is None else f' {result.seconds:.2f} s'}",
                          flush=True)  # fmt: skip
    return results


# -- the report ---------------------------------------------------------------------------


def _cell(result: Result | None) -> str:
    if result is None:
        return "-"
    if result.cpu_seconds is None:
        return result.outcome
    return f"{result.outcome}, {_seconds(result.cpu_seconds)}"


def _seconds(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.1f} s"


def _size(size: int) -> str:
    return f"{size / MB:.1f} MB" if size >= 100_000 else f"{size:,} B"


def markdown(results: list[Result], names: list[str], sizes: list[int]) -> str:
    by = {(r.case, r.size, r.extractor): r for r in results}
    rows = list(dict.fromkeys((r.case, r.size) for r in results))
    header = ["case", "input", *names]
    lines = [
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(header),
    ]
    for case, size in rows:
        if case.startswith("scaling:"):
            continue
        cells = [_cell(by.get((case, size, name))) for name in names]
        lines.append(f"| {case} | {_size(size)} | " + " | ".join(cells) + " |")
    scaling = [
        "| case | input | " + " | ".join(f"{n}: s/MB, memory" for n in names) + " |",
        "|" + "---|" * (2 + len(names)),
    ]
    for case, size in rows:
        if not case.startswith("scaling:"):
            continue
        cells = []
        for name in names:
            result = by.get((case, size, name))
            if result is None or result.cpu_seconds is None:
                cells.append(_cell(result))
                continue
            per_mb = result.cpu_seconds / (size / MB)
            memory = result.memory_mb or 0.0
            note = "" if result.outcome == "recovered" else f" ({result.outcome})"
            cells.append(f"{per_mb:.3f} s/MB, {memory:.0f} MB ({memory / (size / MB):.1f}x){note}")
        name = case.removeprefix("scaling: ")
        scaling.append(f"| {name} | {_size(size)} | " + " | ".join(cells) + " |")
    return TEMPLATE.format(
        date=time.strftime("%Y-%m-%d"),
        load=", ".join(f"{value:.1f}" for value in os.getloadavg()),
        machine=f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
        versions=_versions(),
        sizes=", ".join(f"{s} MB" for s in sizes),
        cases="\n".join(lines),
        scaling="\n".join(scaling),
    )  # fmt: skip


def _versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    found = []
    for package in ("newsclean", "trafilatura", "readability-lxml", "lxml"):
        try:
            found.append(f"{package} {version(package)}")
        except PackageNotFoundError:
            found.append(f"{package} (not installed)")
    return ", ".join(found)


TEMPLATE = """# Hostile, broken and huge input

Generated by `python benchmarks/hostile.py` on {date} ({machine}; {versions}).
Do not edit by hand: re-run the script, which rewrites this file. The assertions behind
newsclean's column are tests in `tests/test_hostile.py` and `tests/test_fuzz_properties.py`;
`fuzz/` holds the coverage-guided fuzzer.

Each cell is one fresh process running one extractor on one input, with a timeout:
`recovered` means every paragraph of the article planted in the input is in the output;
`partial` some text but not all of it; `empty` no text (the right answer for input that
holds no article); `text (N chars)` output for input that holds no article; `exception`,
`timeout` and `crash` say how the call failed. `+NUL/surrogate` marks output holding a NUL
or a lone surrogate, `+LEAK` output holding what must not be read (the content of a local
file named by an external entity, or an expanded entity). newsclean is called as
`newsclean.clean(html)`, trafilatura as `trafilatura.extract(html)`, readability-lxml as
`Document(html).summary()` (the calls of `benchmarks/peers.py`). Times are the CPU time of
the call alone (wall-clock time is in what `--json` writes, and suffers from other
load on the machine; the timeout is wall-clock); memory is the growth of the process's
peak RSS during the call. Load average (1, 5, 15 min) as the run ended: {load}.

## Every case

{cases}

## Scaling

Time per MB and peak memory growth (and its multiple of the input size) at {sizes}: flat
seconds per MB means time linear in the input size.

{scaling}
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--sizes", default="1,10,50", help="MB for the scaling cases")
    parser.add_argument("--only", help="comma-separated: newsclean, trafilatura, readability-lxml")
    # Long enough for the 50 MB scaling shapes (two to three minutes for the slow ones).
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per run")
    parser.add_argument("--no-write", action="store_true", help=f"do not rewrite {DOC.name}")
    parser.add_argument("--json", type=Path, help="also write every result (wall times too)")
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return 0
    sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    wanted = [name.strip() for name in args.only.split(",")] if args.only else list(EXTRACTORS)
    keys = {name: EXTRACTORS[name] for name in wanted}
    results = run_all(sizes, keys, args.timeout)
    report = markdown(results, list(keys), sizes)
    if args.json:
        args.json.write_text(json.dumps([dataclasses.asdict(r) for r in results], indent=1))
    if not args.no_write:
        DOC.write_text(report)
        print(f"wrote {DOC}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
