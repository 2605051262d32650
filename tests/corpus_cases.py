"""The fixture corpus: loading, validating and running the cases in `tests/corpus/`.

Each case is a directory `tests/corpus/<site>/<case>/` holding

    source.html    the page's raw bytes, exactly as stored (never re-encoded)
    case.toml      url, provenance, expected template, exact field values, snippets, xfails
    expected.json  the golden `Article.to_dict()`, written by `tests/bless.py --write`

`case.toml` is validated strictly: an unknown key, a wrong type or an xfail naming a
check the case does not have is a `CaseError` naming the file. Snippets are compared
whitespace-normalised (every run of whitespace becomes one space).
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import newsclean
from newsclean import Article

CORPUS = Path(__file__).parent / "corpus"
CASE_FILE = "case.toml"
SOURCE_FILE = "source.html"
EXPECTED_FILE = "expected.json"

# [expect] keys: exact values of these `Article.to_dict()` fields.
EXPECT_KEYS = ("title", "byline", "dateline", "section", "site_name", "language", "published")
# Where a snippet can be found in an Article (the routing helper's answer).
REGIONS = ("text", "sidebar", "ads", "legal", "boilerplate")
# [snippets] keys: "text" and the typed regions must contain their snippets, "not_text" must not.
SNIPPET_FIELDS = ("text", "not_text", "sidebar", "ads", "legal", "boilerplate")
TEMPLATE_CHECK = "template"

_TOP_KEYS = frozenset({"url", "origin", "language", "template", "templates", "expect"})
_TOP_KEYS |= frozenset({"snippets", "xfail"})
_REQUIRED_KEYS = ("url", "origin", "language", "template")


class CaseError(ValueError):
    """A case directory or its `case.toml` is malformed; the message names the file."""


@dataclass(frozen=True, slots=True)
class Case:
    """One fixture case: a page, what must (not) be where, and which checks are known to fail."""

    id: str  # "<site>/<case>", the directory relative to the corpus root
    path: Path  # the case directory
    url: str
    origin: str  # "<set>/<id>" the page came from
    language: str
    template: str  # id of the site template expected to apply; "" = none (heuristics)
    templates: bool  # False: run with templates switched off
    expect: Mapping[str, str]
    snippets: Mapping[str, tuple[str, ...]]
    xfail: Mapping[str, str]  # check name -> reason

    @property
    def source_path(self) -> Path:
        return self.path / SOURCE_FILE

    @property
    def expected_path(self) -> Path:
        return self.path / EXPECTED_FILE

    def source_bytes(self) -> bytes:
        return self.source_path.read_bytes()

    def checks(self) -> tuple[str, ...]:
        """The per-field checks this case has: its expect keys, the template, its snippet fields."""
        expect = tuple(key for key in EXPECT_KEYS if key in self.expect)
        snippets = tuple(name for name in SNIPPET_FIELDS if self.snippets.get(name))
        return (*expect, TEMPLATE_CHECK, *snippets)


# -- loading ---------------------------------------------------------------------------------


def discover(root: Path = CORPUS, errors: list[str] | None = None) -> list[Case]:
    """Every case under `root`, sorted by id.

    A malformed case raises `CaseError`; when `errors` is given, its message is appended
    there instead and the case is left out, so one bad file does not hide the others.
    """
    cases: list[Case] = []
    case_dirs = {path.parent for path in root.rglob(CASE_FILE)}
    orphans = {path.parent for path in root.rglob(SOURCE_FILE)} - case_dirs
    problems = [f"{path / SOURCE_FILE}: no {CASE_FILE} next to it" for path in sorted(orphans)]
    for case_dir in sorted(case_dirs):
        try:
            cases.append(load_case(case_dir, root))
        except CaseError as exc:
            problems.append(str(exc))
    if problems and errors is None:
        raise CaseError("\n".join(problems))
    if errors is not None:
        errors.extend(problems)
    return sorted(cases, key=lambda case: case.id)


def load_case(case_dir: Path, root: Path = CORPUS) -> Case:
    """Read and validate `case_dir/case.toml`; raise `CaseError` naming the file."""
    toml_path = case_dir / CASE_FILE
    try:
        data = tomllib.loads(toml_path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise CaseError(f"{toml_path}: cannot read: {exc}") from exc
    if not (case_dir / SOURCE_FILE).is_file():
        raise CaseError(f"{toml_path}: no {SOURCE_FILE} next to it")
    try:
        return _build_case(case_dir, root, data)
    except _Invalid as exc:
        raise CaseError(f"{toml_path}: {exc}") from None


class _Invalid(Exception):
    """A validation problem, before the file name is put in front of it."""


def _build_case(case_dir: Path, root: Path, data: dict[str, Any]) -> Case:
    _no_unknown_keys(data, _TOP_KEYS, "")
    missing = [key for key in _REQUIRED_KEYS if key not in data]
    if missing:
        raise _Invalid(f"missing key(s): {', '.join(missing)}")
    url = _string(data, "url", "")
    if not url.startswith(("http://", "https://")):
        raise _Invalid(f"url: not an http(s) URL: {url!r}")
    templates = data.get("templates", True)
    if not isinstance(templates, bool):
        raise _Invalid(f"templates: expected true or false, got {templates!r}")
    template = _string(data, "template", "", allow_empty=True)
    if not templates and template:
        raise _Invalid('template: must be "" when templates = false')
    case = Case(
        id=case_dir.relative_to(root).as_posix(),
        path=case_dir,
        url=url,
        origin=_string(data, "origin", ""),
        language=_string(data, "language", ""),
        template=template,
        templates=templates,
        expect=_expect(data.get("expect", {})),
        snippets=_snippets(data.get("snippets", {})),
        xfail=_table_of_strings(data.get("xfail", {}), "xfail"),
    )
    unknown_xfail = sorted(set(case.xfail) - set(case.checks()))
    if unknown_xfail:
        raise _Invalid(
            f"xfail: {', '.join(unknown_xfail)} is not a check of this case"
            f" (its checks: {', '.join(case.checks())})"
        )
    return case


def _no_unknown_keys(table: Mapping[str, Any], allowed: frozenset[str], where: str) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        prefix = f"[{where}] " if where else ""
        raise _Invalid(
            f"{prefix}unknown key(s): {', '.join(unknown)} (allowed: {', '.join(sorted(allowed))})"
        )


def _string(table: Mapping[str, Any], key: str, where: str, *, allow_empty: bool = False) -> str:
    value = table[key]
    name = f"{where}.{key}" if where else key
    if not isinstance(value, str):
        raise _Invalid(f"{name}: expected a string, got {type(value).__name__}")
    if not allow_empty and not value.strip():
        raise _Invalid(f"{name}: must not be empty")
    return value


def _table(value: object, name: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise _Invalid(f"{name}: expected a table, got {type(value).__name__}")
    return value


def _table_of_strings(value: object, name: str) -> dict[str, str]:
    table = _table(value, name)
    return {key: _string(table, key, name) for key in table}


def _expect(value: object) -> dict[str, str]:
    table = _table(value, "expect")
    _no_unknown_keys(table, frozenset(EXPECT_KEYS), "expect")
    return _table_of_strings(table, "expect")


def _snippets(value: object) -> dict[str, tuple[str, ...]]:
    table = _table(value, "snippets")
    _no_unknown_keys(table, frozenset(SNIPPET_FIELDS), "snippets")
    snippets: dict[str, tuple[str, ...]] = {}
    for key, items in table.items():
        if not isinstance(items, list):
            raise _Invalid(f"snippets.{key}: expected a list of strings")
        for index, item in enumerate(items):
            if not isinstance(item, str) or not normalize(item):
                raise _Invalid(f"snippets.{key}[{index}]: expected a non-empty string")
        normalized = [normalize(item) for item in items]
        duplicates = sorted({item for item in normalized if normalized.count(item) > 1})
        if duplicates:
            raise _Invalid(f"snippets.{key}: listed twice: {duplicates[0]!r}")
        snippets[key] = tuple(items)
    return snippets


# -- running -----------------------------------------------------------------------------------


def run_case(case: Case) -> Article:
    """Clean the case's page: with the bundled templates, or none when `templates = false`."""
    templates = None if case.templates else newsclean.TemplateSet()
    return newsclean.clean(case.source_bytes(), url=case.url, templates=templates)


def render(article: Article) -> str:
    """The golden form of an article: `to_dict()` as sorted, indented JSON ending in a newline."""
    return json.dumps(article.to_dict(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


# -- snippet matching ------------------------------------------------------------------------


def normalize(text: str) -> str:
    """Collapse every run of whitespace (including no-break spaces) to one space."""
    return " ".join(text.split())


def contains(haystack: str, snippet: str) -> bool:
    """Whether `snippet` occurs in `haystack`, both whitespace-normalised."""
    return normalize(snippet) in normalize(haystack)


def body_text(article: Article) -> str:
    """Every block of the body, captions included."""
    return "\n\n".join(block.text for block in article.body)


def region_texts(article: Article) -> dict[str, str]:
    """The text of each region a snippet can be routed to, keyed by `REGIONS` name.

    "text" is the whole body, captions included: a caption belongs to the article though
    `Article.text` leaves it out. "sidebar" joins every story's title, dateline and text;
    the block regions join their blocks.
    """
    stories = (
        part
        for story in article.sidebar_stories
        for part in (story.title, story.dateline or "", story.text)
    )
    return {
        "text": body_text(article),
        "sidebar": "\n\n".join(stories),
        "ads": "\n\n".join(block.text for block in article.ads),
        "legal": "\n\n".join(block.text for block in article.legal),
        "boilerplate": "\n\n".join(block.text for block in article.boilerplate),
    }


def routing(article: Article, snippet: str, regions: Mapping[str, str] | None = None) -> list[str]:
    """The regions (`REGIONS` names) in which `snippet` appears; empty if nowhere."""
    texts = region_texts(article) if regions is None else regions
    return [name for name in REGIONS if contains(texts[name], snippet)]
