"""`newsclean templates ...`: list, check, draft and import site templates.

newsclean templates list [--templates DIR] [--installed] [--ftr]
newsclean templates check FILE|DIR... [--corpus DIR]
newsclean templates draft PAGE.html --url URL [--id ID] [-o FILE]
newsclean templates import-ftr CONFIG_DIR OUT_DIR
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from newsclean.templates import Template, TemplateError, TemplateSet


def main(argv: Sequence[str]) -> int:
    args = _parser().parse_args(argv)
    try:
        status: int = args.run(args)
    except TemplateError as exc:
        print(f"newsclean templates: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"newsclean templates: {exc.filename}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    return status


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsclean templates", description="List, check, draft and import site templates."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    listing = commands.add_parser("list", help="list the templates in use, with their hosts")
    listing.add_argument("--templates", metavar="DIR", type=Path, help="add the templates in DIR")
    listing.add_argument("--installed", action="store_true", help="add installed template packs")
    listing.add_argument("--ftr", action="store_true", help="add the imported FiveFilters pack")
    listing.set_defaults(run=_list)
    check = commands.add_parser("check", help="validate templates and run their fixture cases")
    check.add_argument("paths", nargs="+", type=Path, metavar="FILE|DIR")
    check.add_argument("--corpus", type=Path, help="where fixtures live (default: tests/corpus)")
    check.set_defaults(run=_check)
    draft = commands.add_parser("draft", help="draft a template for a page from the heuristics")
    draft.add_argument("page", type=Path, metavar="PAGE.html")
    draft.add_argument("--url", required=True, help="the page's URL (gives the host)")
    draft.add_argument("--id", help="the template's id (default: the host)")
    draft.add_argument("-o", "--output", type=Path, help="write here instead of printing")
    draft.set_defaults(run=_draft)
    ftr = commands.add_parser("import-ftr", help="import FiveFilters ftr-site-config rules")
    ftr.add_argument("source", type=Path, metavar="CONFIG_DIR")
    ftr.add_argument("destination", type=Path, metavar="OUT_DIR")
    ftr.set_defaults(run=_import_ftr)
    return parser


def _list(args: argparse.Namespace) -> int:
    templates = TemplateSet.builtin()
    if args.ftr:
        templates = templates | TemplateSet.ftr()
    if args.installed:
        templates = templates | TemplateSet.installed()
    if args.templates is not None:
        templates = templates | TemplateSet.from_dir(args.templates)
    for template in templates:
        print(f"{template.id:<28} {_described(template)}")
    return 0


def _described(template: Template) -> str:
    hosts = ", ".join(getattr(template, "hosts", ()))
    if getattr(template, "fingerprints", ()):
        hosts = f"{hosts} (and pages with its markup)" if hosts else "pages with its markup"
    where = getattr(template, "path", None)
    return f"{hosts or '(code)'}{f'  [{where}]' if where else ''}"


def _check(args: argparse.Namespace) -> int:
    from newsclean.template_tools.check import check_paths, render_reports

    reports = check_paths(list(args.paths), args.corpus)
    print(render_reports(reports))
    return 0 if all(report.ok for report in reports) else 1


def _draft(args: argparse.Namespace) -> int:
    from newsclean.template_tools.draft import draft_template

    text = draft_template(args.page.read_bytes(), args.url, args.id)
    if args.output is None:
        print(text, end="")
    else:
        args.output.write_text(text, encoding="utf-8")
        print(f"wrote {args.output}; refine it, then: newsclean templates check {args.output}")
    return 0


def _import_ftr(args: argparse.Namespace) -> int:
    from newsclean.template_tools.ftr import import_dir, write_pack

    if not args.source.is_dir():
        raise TemplateError(f"{args.source}: not a directory")
    pack = import_dir(args.source, exclude=TemplateSet.builtin())
    write_pack(pack, args.destination)
    print(pack.report.summary())
    for line in (*pack.report.skipped, *pack.report.dropped):
        print(f"  {line}")
    return 0
