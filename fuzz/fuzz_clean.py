"""Fuzz `newsclean.clean` for exceptions and broken output invariants.

With atheris (coverage-guided, libFuzzer options pass through):

    python fuzz/fuzz_clean.py /tmp/newsclean-fuzz fuzz/seeds -max_total_time=600 \
        -artifact_prefix=fuzz/crashes/ -timeout=30 -rss_limit_mb=4096

Without atheris (a plain mutation loop over the seed corpus, reproducible by seed):

    python fuzz/fuzz_clean.py --plain --seconds 600 --seed 1

Replay one input (a crash file, or any page):

    python fuzz/fuzz_clean.py --replay fuzz/crashes/crash-1234

The first byte of an input picks how it is passed (bytes, str with lone surrogates,
str via latin-1, bytes with an HTTP charset); the rest is the page. See fuzz/README.md.
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import re
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SEEDS = HERE / "seeds"
CRASHES = HERE / "crashes"
URL = "https://news.example.com/2024/05/01/story.html"
_UNSAFE = re.compile("[\x00\ud800-\udfff]")
_HTTP_CHARSETS = ("utf-8", "windows-1251", "shift_jis", "utf-16", "x-bogus", "iso-8859-1")
# Tokens the plain loop splices in: markup that has broken parsers before.
_TOKENS = (
    b"<div>", b"</div>", b"<span>", b"<font size=2>", b"<table><tr><td>", b"</td></tr>",
    b"<p>", b"</p>", b"<br>", b"<!--", b"-->", b"<script>", b"</script>", b"</html>",
    b"</body>", b"<a href='/x'>", b"</a>", b"&#0;", b"&#xD800;", b"&amp;", b"\x00",
    b"\xef\xbb\xbf", b"\xff\xfe", b"<meta charset=utf-8>", b"<meta charset=shift_jis>",
    b"<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>", b"&e;", b"<?xml version='1.0'?>",
    b"colspan=9007199254740992", b"\xd0\x9f\xd1\x80", b"\x82\xa0", b"<svg><p>", b"<math>",
    b"<template>", b"<noscript>", b"<pre>", b"<li>", b"<h1>", b"<![CDATA[", b"]]>",
)  # fmt: skip


def as_call(data: bytes) -> tuple[bytes | str, str | None]:
    """The input's first byte picks the argument type; returns (html, http_charset)."""
    mode, page = (data[0] % 4, data[1:]) if data else (0, b"")
    if mode == 1:
        return page.decode("utf-8", "surrogateescape"), None  # lone surrogates for bad bytes
    if mode == 2:
        return page.decode("latin-1"), None  # control characters and NUL as text
    if mode == 3:
        return page, _HTTP_CHARSETS[len(page) % len(_HTTP_CHARSETS)]
    return page, None


def check(data: bytes) -> None:
    """Clean one input; raise AssertionError when an invariant breaks."""
    import newsclean

    html, http_charset = as_call(data)
    article = newsclean.clean(html, url=URL, http_charset=http_charset)
    _check_strings(article.to_dict())
    assert pickle.loads(pickle.dumps(article)) == article, "pickle round trip differs"
    json.dumps(article.to_dict())
    _check_strings(article.to_markdown(regions=True))


def _check_strings(value: Any) -> None:
    if isinstance(value, str):
        assert _UNSAFE.search(value) is None, f"NUL or lone surrogate in output: {value[:80]!r}"
    elif isinstance(value, dict):
        for item in value.values():
            _check_strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            _check_strings(item)


def mutate(rng: random.Random, data: bytes, pool: list[bytes]) -> bytes:
    """One random edit: flip, insert a token, splice another input, repeat or cut a span."""
    buffer = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        at = rng.randint(0, len(buffer))
        choice = rng.randrange(6)
        if choice == 0 and buffer:
            buffer[min(at, len(buffer) - 1)] = rng.randrange(256)
        elif choice == 1:
            buffer[at:at] = rng.choice(_TOKENS) * rng.choice((1, 1, 2, 50, 400))
        elif choice == 2:
            other = rng.choice(pool)
            start = rng.randint(0, len(other))
            buffer[at:at] = other[start : start + rng.randint(0, 2000)]
        elif choice == 3:
            end = min(len(buffer), at + rng.randint(1, 200))
            buffer[at:at] = buffer[at:end] * rng.randint(2, 100)
        elif choice == 4:
            del buffer[at : at + rng.randint(1, 200)]
        else:
            buffer[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
    return bytes(buffer[:2_000_000])


def plain_loop(seconds: float, seed: int) -> int:
    """Mutate the seeds at random for `seconds`; save every failing input to fuzz/crashes/."""
    rng = random.Random(seed)
    pool = [path.read_bytes() for path in sorted(SEEDS.iterdir()) if path.is_file()]
    pool += [bytes([mode]) + page for mode in range(1, 4) for page in pool[:4]]
    check(pool[0])  # imports and template loading happen on the first call: not timed
    ends, runs, failures, slowest = time.monotonic() + seconds, 0, 0, (0.0, b"")
    while time.monotonic() < ends:
        data = mutate(rng, rng.choice(pool), pool)
        started = time.process_time()  # CPU: the loop may run niced on a busy machine
        try:
            check(data)
        except Exception as error:  # every failure is a finding, whatever its type
            failures += 1
            _save(data, error)
        elapsed = time.process_time() - started
        slowest = max(slowest, (elapsed, data))
        runs += 1
        if rng.random() < 0.05 and len(data) < 200_000:
            pool.append(data)  # keep some mutants: later edits build on them
    print(f"{runs} inputs in {seconds:.0f} s (seed {seed}): {failures} failure(s); "
          f"slowest {slowest[0]:.2f} s of CPU for {len(slowest[1])} bytes")  # fmt: skip
    return 1 if failures else 0


def _save(data: bytes, error: Exception) -> None:
    CRASHES.mkdir(exist_ok=True)
    path = CRASHES / f"crash-{abs(hash(data)):x}"
    path.write_bytes(data)
    print(f"{type(error).__name__}: {error} -> {path}", file=sys.stderr)


def test_one_input(data: bytes) -> None:
    check(data)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--plain", action="store_true", help="random mutation loop, no atheris")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--replay", type=Path, nargs="+", help="check these inputs and exit")
    args, rest = parser.parse_known_args()
    if args.replay:
        for path in args.replay:
            check(path.read_bytes())
            print(f"{path}: ok")
        return 0
    if args.plain:
        return plain_loop(args.seconds, args.seed)
    import atheris  # type: ignore[import-untyped, import-not-found, unused-ignore]

    with atheris.instrument_imports():
        import newsclean.api  # noqa: F401  (imported here to be instrumented for coverage)
    atheris.Setup([sys.argv[0], *rest], test_one_input)
    atheris.Fuzz()
    return 0


if __name__ == "__main__":
    sys.exit(main())
