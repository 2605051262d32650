"""Show, and with --write accept, how each fixture case's Article differs from its golden.

    python tests/bless.py                      # diff every case against its expected.json
    python tests/bless.py zeit.de/klimaschutz-banken space-media-network
    python tests/bless.py zeit.de --write      # (re)write the goldens of the cases shown

A CASE_ID is a case id (`<site>/<case>`) or a site directory (all its cases). The golden is
`article.to_dict()` as sorted, indented JSON. Exit status: 0 when nothing differs (or it was
written), 1 when something differs without --write or a case failed to run, 2 on bad arguments.
"""

from __future__ import annotations

import argparse
import difflib
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from corpus_cases import CORPUS, EXPECTED_FILE, Case, CaseError, discover, render, run_case


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        cases = select(discover(args.corpus), args.case_ids)
    except CaseError as exc:
        print(f"bless: {exc}", file=sys.stderr)
        return 2
    changed = failed = 0
    for case in cases:
        try:
            new = render(run_case(case))
        except Exception:  # report every case, whatever one of them raises
            failed += 1
            print(f"!! {case.id}: clean() raised\n{traceback.format_exc()}", file=sys.stderr)
            continue
        old = case.expected_path.read_text("utf-8") if case.expected_path.is_file() else ""
        if new == old:
            continue
        changed += 1
        sys.stdout.writelines(_diff(case, old, new))
        if args.write:
            case.expected_path.write_text(new, "utf-8")
            print(f"wrote {case.expected_path}")
    verb = "written" if args.write else "differ"
    print(f"{len(cases)} case(s), {changed} {verb}, {failed} failed", file=sys.stderr)
    return 1 if failed or (changed and not args.write) else 0


def select(cases: list[Case], case_ids: Sequence[str]) -> list[Case]:
    """The cases named by id or by site directory, in corpus order; all of them if none named."""
    if not case_ids:
        return cases
    wanted = [case_id.strip("/") for case_id in case_ids]
    unknown = [w for w in wanted if not any(_matches(case, w) for case in cases)]
    if unknown:
        raise CaseError(f"no such case: {', '.join(unknown)}")
    return [case for case in cases if any(_matches(case, w) for w in wanted)]


def _matches(case: Case, wanted: str) -> bool:
    return case.id == wanted or case.id.startswith(wanted + "/")


def _diff(case: Case, old: str, new: str) -> list[str]:
    label = f"{case.id}/{EXPECTED_FILE}"
    lines = difflib.unified_diff(
        old.splitlines(keepends=True),
        new.splitlines(keepends=True),
        f"a/{label}" if old else "/dev/null",
        f"b/{label}",
    )
    return [line if line.endswith("\n") else line + "\n" for line in lines]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bless.py", description=__doc__.split("\n\n", 1)[0] if __doc__ else None
    )
    parser.add_argument("case_ids", nargs="*", metavar="CASE_ID", help="case id or site dir")
    parser.add_argument("--write", action="store_true", help="write the new expected.json files")
    parser.add_argument(
        "--corpus", type=Path, default=CORPUS, help="corpus root (default: %(default)s)"
    )
    return parser


if __name__ == "__main__":
    sys.exit(main())
