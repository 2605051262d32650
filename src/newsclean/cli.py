"""The `newsclean` command: clean a page and print the article.

newsclean page.html                      # the main text
newsclean --example                      # the bundled SpaceWar example page
curl -s URL | newsclean - --url URL --format json
newsclean page.html --explain            # every block, its label and why
newsclean templates list|check|draft|import-ftr ...   # see newsclean.template_tools.commands
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from newsclean import __version__
from newsclean.api import explain
from newsclean.assemble import short_path
from newsclean.features import position
from newsclean.model import Article
from newsclean.pipeline import Extraction
from newsclean.templates import TemplateError, TemplateSet

EXAMPLE_FILE = "spacewar-french-military-aid.html"
EXAMPLE_URL = (
    "https://www.spacewar.com/reports/"
    "French_military_aid_request_backed_by_EU_after_Paris_attacks_999.html"
)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["templates"]:  # a page file named "templates": ./templates
        from newsclean.template_tools.commands import main as templates_main

        return templates_main(arguments[1:])
    args = _parser().parse_args(arguments)
    try:
        html, url = _read_input(args)
    except OSError as error:
        print(f"newsclean: cannot read {args.path}: {error.strerror or error}", file=sys.stderr)
        return 2
    try:
        templates = _templates(args)
    except TemplateError as error:
        print(f"newsclean: {error}", file=sys.stderr)
        return 2
    extraction = explain(html, url=url, http_charset=args.charset, templates=templates)
    if args.explain:
        print(render_explanation(extraction))
    else:
        print(render(extraction.article, args.format, regions=args.regions))
    for warning in extraction.article.warnings:
        print(f"newsclean: warning: {warning}", file=sys.stderr)
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsclean",
        description="Extract the article from a news page and sort out everything around it.",
        epilog="Site templates: newsclean templates {list,check,draft,import-ftr} --help",
    )
    parser.add_argument("path", nargs="?", help="an HTML file, or - for standard input")
    parser.add_argument("--example", action="store_true", help="clean the bundled example page")
    parser.add_argument("--url", help="the page's URL (picks the site template, resolves links)")
    parser.add_argument("--charset", help="the charset the server declared, if known")
    parser.add_argument(
        "--format", choices=("text", "json", "markdown"), default="text", help="output format"
    )
    parser.add_argument(
        "--regions", action="store_true", help="markdown: also print the typed regions"
    )
    parser.add_argument("--no-templates", action="store_true", help="use the heuristics alone")
    parser.add_argument(
        "--templates", metavar="DIR", type=Path, help="also use the site templates in DIR"
    )
    parser.add_argument(
        "--explain", action="store_true", help="print every block with its label and features"
    )
    parser.add_argument("--version", action="version", version=f"newsclean {__version__}")
    return parser


def _read_input(args: argparse.Namespace) -> tuple[bytes, str | None]:
    if args.example:
        example = resources.files("newsclean.examples").joinpath(EXAMPLE_FILE)
        return example.read_bytes(), args.url or EXAMPLE_URL
    if args.path is None:
        _parser().error("give a PATH (or - for standard input), or --example")
    if args.path == "-":
        return sys.stdin.buffer.read(), args.url
    return Path(args.path).read_bytes(), args.url


def _templates(args: argparse.Namespace) -> TemplateSet:
    templates = TemplateSet() if args.no_templates else TemplateSet.builtin()
    if args.templates is not None:
        templates = templates | TemplateSet.from_dir(args.templates)
    return templates


def render(article: Article, output_format: str, *, regions: bool = False) -> str:
    if output_format == "json":
        return json.dumps(article.to_dict(), ensure_ascii=False, indent=2)
    if output_format == "markdown":
        return article.to_markdown(regions=regions)
    return article.text


def render_explanation(extraction: Extraction) -> str:
    """One line per segment: region/role, the rule that decided, the features, the text."""
    article = extraction.article
    count = len(extraction.segments)
    lines = [
        f"template: {article.template or '-'}   encoding: {article.encoding} "
        f"({article.encoding_rule})   segments: {len(extraction.segments)}",
        f"{'#':>4} {'region/role':<24} {'rule':<22} {'chars':>6} {'links':>5} "
        f"{'pos':>4}  path | text",
    ]
    for index, (segment, features, decision) in enumerate(
        zip(extraction.segments, extraction.features, extraction.decisions, strict=True)
    ):
        label = f"{decision.region.value}/{decision.role}"
        cues = ",".join(sorted(features.text_cues))
        text = segment.text.replace("\n", " ")
        lines.append(
            f"{index:>4} {label:<24} {decision.rule[:22]:<22} {features.chars:>6} "
            f"{features.link_density:>5.2f} {position(index, count):>4.2f}  "
            f"{short_path(segment.owner)}{' [' + cues + ']' if cues else ''} | {text[:90]}"
        )
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
