"""`newsclean templates check`: validate template files and run their fixture cases.

A fixture case is a directory `<corpus>/<fixture>/` holding `source.html` (the page)
and `case.toml` (its `url`, `[expect]` values and `[snippets]`; see
docs/corpus.md). A template passes a case when it is the template applied to the
page (not fallen back), every `text` snippet is in the article text, no `not_text`
snippet is, and each `[expect]` title/byline/dateline/section matches. A check the
case lists under `[xfail]` is skipped.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsclean.api import clean
from newsclean.model import Article
from newsclean.templates import SiteTemplate, TemplateError, TemplateSet

SOURCE_FILE = "source.html"
CASE_FILE = "case.toml"
_CHECKED_FIELDS = ("title", "byline", "dateline", "section")


@dataclass
class FileReport:
    """One template file: its load error, or each fixture case's problems."""

    path: Path
    template_id: str | None = None
    error: str | None = None
    cases: dict[str, list[str]] = field(default_factory=dict)  # fixture -> problems

    @property
    def ok(self) -> bool:
        return self.error is None and not any(self.cases.values())


def template_files(path: Path) -> list[Path]:
    """`path` itself if it is a file, else the `*.toml` files directly in it."""
    if path.is_dir():
        return sorted(file for file in path.glob("*.toml") if file.is_file())
    return [path]


def check_paths(paths: list[Path], corpus: Path | None = None) -> list[FileReport]:
    """Validate every template file under `paths` and run its cases.

    Besides each file on its own, the files are loaded together, so two templates
    claiming one host (or one id) are reported too.
    """
    reports: list[FileReport] = []
    loaded: list[SiteTemplate] = []
    for file in (file for path in paths for file in template_files(path)):
        report = FileReport(file)
        reports.append(report)
        try:
            template = SiteTemplate.from_file(file)
        except TemplateError as exc:
            report.error = str(exc)
            continue
        report.template_id = template.id
        loaded.append(template)
        cases_root = corpus if corpus is not None else find_corpus(file)
        for fixture in template.cases:
            report.cases[fixture] = run_case(template, cases_root, fixture)
    try:
        TemplateSet(loaded)
    except TemplateError as exc:
        reports.append(FileReport(Path(", ".join(str(path) for path in paths)), error=str(exc)))
    return reports


def find_corpus(start: Path) -> Path | None:
    """The nearest `tests/corpus` directory above a template file, if any."""
    for folder in start.resolve().parents:
        candidate = folder / "tests" / "corpus"
        if candidate.is_dir():
            return candidate
    return None


def run_case(template: SiteTemplate, corpus: Path | None, fixture: str) -> list[str]:
    """What is wrong with `template` on one fixture case (empty: it passes)."""
    if corpus is None:
        return [f"no corpus directory to find {fixture!r} in (give --corpus)"]
    case_dir = corpus / fixture
    try:
        case = tomllib.loads((case_dir / CASE_FILE).read_text(encoding="utf-8"))
        html = (case_dir / SOURCE_FILE).read_bytes()
    except (OSError, tomllib.TOMLDecodeError) as exc:
        return [f"cannot read the case in {case_dir}: {exc}"]
    article = clean(html, url=case.get("url"), templates=TemplateSet([template]))
    return case_problems(template.id, case, article)


def case_problems(template_id: str, case: dict[str, Any], article: Article) -> list[str]:
    """The checks of one case that `article` fails (minus those the case marks xfail)."""
    known = case.get("xfail", {})
    problems: list[str] = []
    if "template" not in known and article.template != template_id:
        why = "; ".join(article.warnings) or "another template matched"
        problems.append(f"template not applied ({why})")
    expect = case.get("expect", {})
    for name in _CHECKED_FIELDS:
        if name in expect and name not in known and getattr(article, name) != expect[name]:
            problems.append(f"{name}: expected {expect[name]!r}, got {getattr(article, name)!r}")
    snippets = case.get("snippets", {})
    text = " ".join(article.text.split())
    if "text" not in known:
        problems += [f"text lacks {s!r}" for s in snippets.get("text", ()) if _norm(s) not in text]
    if "not_text" not in known:
        problems += [f"text has {s!r}" for s in snippets.get("not_text", ()) if _norm(s) in text]
    return problems


def _norm(snippet: str) -> str:
    return " ".join(snippet.split())


def render_reports(reports: list[FileReport]) -> str:
    """One line per file and per failing case."""
    lines: list[str] = []
    for report in reports:
        if report.error is not None:
            lines.append(f"FAIL {report.error}")
            continue
        cases = f"{len(report.cases)} case(s)" if report.cases else "no cases"
        lines.append(
            f"{'ok  ' if report.ok else 'FAIL'} {report.path} ({report.template_id}, {cases})"
        )
        for fixture, problems in report.cases.items():
            lines += [f"     {fixture}: {problem}" for problem in problems]
    return "\n".join(lines)
