"""The documentation a user reads says what the code does.

- every rule name a `Decision.rule` can carry is in docs/algorithm.md, and every rule name
  documented there is still produced (no stale rows);
- README's Python and shell examples run against the bundled example page (no network);
- every `newsclean` flag the docs use exists, and every flag the parsers have is documented;
- every Features field and text cue is named in docs/algorithm.md (§2), and its decision
  table (§4) lists the rows in the order they are tried;
- the Options tables of docs/algorithm.md (§8 presets, §9 defaults) give the real values;
- docs/templates.md's Python examples run and its format reference is a valid template;
- docs/design.md's module list names every module of the package.
"""

from __future__ import annotations

import argparse
import ast
import dataclasses
import datetime
import functools
import importlib
import io
import os
import re
import shlex
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

import newsclean
from corpus_cases import discover
from newsclean import classify, cli, features
from newsclean.api import explain
from newsclean.template_tools import commands

ROOT = Path(__file__).parent.parent
PACKAGE = ROOT / "src" / "newsclean"
README = ROOT / "README.md"
ALGORITHM = ROOT / "docs" / "algorithm.md"
USER_DOCS = (README, *sorted((ROOT / "docs").glob("*.md")))
EXAMPLE_PAGE = (PACKAGE / "examples" / cli.EXAMPLE_FILE).read_bytes()

# -- rule names ------------------------------------------------------------------------------

#: A placeholder in a rule name: `tail:<cue>` in the docs, f"tail:{cue}" in the code.
_PLACEHOLDER = re.compile(r"<[^<>]+>")


def _code_spans(text: str) -> set[str]:
    return set(re.findall(r"`([^`\n]+)`", text))


def _as_pattern(rule: str) -> str:
    return _PLACEHOLDER.sub("<>", rule)


def _spelled_rule(node: ast.expr, module: str, assigned: dict[str, ast.expr]) -> str | None:
    """The rule name an expression spells: a literal, a module constant, an f-string
    (placeholders as `<>`), or a local assigned one of those; None when it is computed."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(
            str(part.value) if isinstance(part, ast.Constant) else "<>" for part in node.values
        )
    if isinstance(node, ast.Name):
        constant = getattr(importlib.import_module(module), node.id, None)
        if isinstance(constant, str):
            return constant
        if node.id in assigned:
            return _spelled_rule(assigned[node.id], module, {})
    return None


def _rules_in_source() -> tuple[set[str], set[str]]:
    """The rule names (and the suffixes added to a decided rule, `decision.rule + ",title"`)
    spelt out by every `Decision(region, role, rule)` call in the package, besides the
    decision table's rows."""
    rules: set[str] = set()
    suffixes: set[str] = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        for rule, assigned in _decision_rule_arguments(ast.parse(path.read_text("utf-8"))):
            if isinstance(rule, ast.BinOp) and isinstance(rule.right, ast.Constant):
                suffixes.add(str(rule.right.value))
            elif (name := _spelled_rule(rule, module, assigned)) is not None:
                rules.add(_as_pattern(name))
    return rules, suffixes


def _decision_rule_arguments(tree: ast.Module) -> Iterator[tuple[ast.expr, dict[str, ast.expr]]]:
    """The `rule` argument of each `Decision(region, role, rule)` call, with the names
    assigned in the function (or module) around it."""
    for scope in ast.walk(tree):
        if not isinstance(scope, ast.FunctionDef | ast.Module):
            continue
        assigned = {
            target.id: node.value
            for node in ast.walk(scope)
            if isinstance(node, ast.Assign)
            for target in node.targets
            if isinstance(target, ast.Name)
        }
        for call in ast.walk(scope):
            if (
                isinstance(call, ast.Call)
                and isinstance(call.func, ast.Name)
                and call.func.id == "Decision"
                and len(call.args) == 3
            ):
                yield call.args[2], assigned


@functools.cache
def _seen_on_the_fixture_pages() -> tuple[frozenset[str], frozenset[str]]:
    """Every rule (suffixes included) decided on a fixture page, with the case's templates
    and with the heuristics alone, and every text cue measured there."""
    rules: set[str] = set()
    cues: set[str] = set()
    for case in discover():
        as_the_case_says = None if case.templates else newsclean.TemplateSet()
        for templates in (as_the_case_says, newsclean.TemplateSet()):
            extraction = explain(case.source_bytes(), url=case.url, templates=templates)
            rules.update(decision.rule for decision in extraction.decisions)
            rules.update(story.rule for story in extraction.article.sidebar_stories)
            cues.update(cue for measured in extraction.features for cue in measured.text_cues)
    return frozenset(rules), frozenset(cues)


def _documented(rule: str, spans: set[str]) -> bool:
    """`rule` is named in a code span, or a span's pattern covers it: `tail:<cue>` covers
    `tail:bio` and the code's f"tail:{cue}" (`tail:<>`)."""
    if rule in spans:
        return True
    patterns = {_as_pattern(span) for span in spans if _RULE_PATTERN.fullmatch(span)}
    prefix = rule.split("<>", maxsplit=1)[0]
    return any(
        pattern.startswith(prefix) if "<>" in rule else _covers(pattern, rule)
        for pattern in patterns
    )


#: A documented rule pattern: a rule's prefix, then a placeholder (`template:<selector>`).
_RULE_PATTERN = re.compile(r"[a-z-]+:[^\s<>`]*<[^<>\s]+>\S*")


def _covers(pattern: str, rule: str) -> bool:
    parts = pattern.split("<>")
    return re.fullmatch(".+".join(re.escape(part) for part in parts), rule) is not None


def test_every_rule_the_pipeline_decides_by_is_in_the_algorithm_notes() -> None:
    spans = _code_spans(ALGORITHM.read_text("utf-8"))
    rules, suffixes = _rules_in_source()
    rules |= {row.name for row in classify._ROWS}
    for decided in _seen_on_the_fixture_pages()[
        0
    ]:  # "class:sidebar,unclaimed": a rule, then what became of it
        rule, *after = decided.split(",")
        rules.add(rule)
        suffixes.update(f",{suffix}" for suffix in after)
    undocumented = sorted(rule for rule in rules if not _documented(rule, spans))
    undocumented += sorted(s for s in suffixes if not any(s in span for span in spans))
    assert undocumented == []


def test_every_rule_the_algorithm_notes_name_is_still_decided() -> None:
    rules, _ = _rules_in_source()
    rules |= {row.name for row in classify._ROWS}
    prefixes = {rule.split(":")[0] + ":" for rule in rules if ":" in rule}
    documented = {
        span
        for span in _code_spans(ALGORITHM.read_text("utf-8"))
        if span.startswith(tuple(prefixes)) and " " not in span and "," not in span
    }
    stale = sorted(
        span
        for span in documented
        if _as_pattern(span) not in rules
        and not any("<>" in rule and _covers(rule, span) for rule in rules)
    )
    assert stale == []


def test_the_decision_table_lists_the_rows_in_the_order_they_are_tried() -> None:
    """The first row that holds wins: the notes' table must be in `classify._ROWS`' order."""
    names = [row.name for row in classify._ROWS]
    listed = [
        span
        for cells in _table_rows(ALGORITHM.read_text("utf-8"))
        for span in (name.strip(" `") for name in cells[0].split(","))
        if span in names
    ]
    assert listed == names


def test_every_feature_and_text_cue_is_in_the_algorithm_notes() -> None:
    spans = _code_spans(ALGORITHM.read_text("utf-8"))
    cues = {cue.name for cue in features._CUES} | _seen_on_the_fixture_pages()[1]
    names = {field.name for field in dataclasses.fields(features.Features)}
    assert sorted((cues | names) - spans) == []


# -- the thresholds' tables ------------------------------------------------------------------


def _table_rows(text: str) -> Iterator[list[str]]:
    """Each Markdown table row, as its cells (code marks dropped)."""
    for line in text.splitlines():
        if line.startswith("|"):
            yield [cell.strip().strip("`") for cell in line.strip().strip("|").split("|")]


def test_the_threshold_tables_give_the_real_values() -> None:
    fields = {field.name for field in dataclasses.fields(newsclean.Options)}
    presets: tuple[newsclean.Options, ...] = (
        newsclean.Options.favor_precision(),
        newsclean.Options(),
        newsclean.Options.favor_recall(),
    )
    wrong, tabled = [], set()
    for cells in _table_rows(ALGORITHM.read_text("utf-8")):
        if cells[0] in fields:  # §8: field, favor_precision, default, favor_recall
            name, shown, chosen = cells[0], cells[1:4], presets
        elif len(cells) > 2 and cells[1] in fields:  # §9: group, field, default, what for
            name, shown, chosen = cells[1], cells[2:3], presets[1:2]
        else:
            continue
        tabled.add(name)
        actual = [getattr(options, name) for options in chosen]
        if [eval(value) for value in shown] != actual:
            wrong.append(f"{name}: {shown} in the notes, {actual} in Options")
    assert wrong == []
    assert tabled == fields


# -- README's examples -----------------------------------------------------------------------


def _fenced(text: str, language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", text, flags=re.MULTILINE | re.DOTALL)


@pytest.fixture
def example_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory holding README's page.html (the example page) and its my-sites/
    (README's template example)."""
    (tmp_path / "page.html").write_bytes(EXAMPLE_PAGE)
    (tmp_path / "my-sites").mkdir()
    (template,) = _fenced(README.read_text("utf-8"), "toml")
    (tmp_path / "my-sites" / "example-news.toml").write_text(template, "utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("URL", cli.EXAMPLE_URL)
    return tmp_path


def _claims(block: str) -> Iterator[tuple[str, str]]:
    """`article.title  # 'French military aid...'`: an expression and what its comment
    shows it returns."""
    for line in block.splitlines():
        if match := re.fullmatch(r"(article\.\w+)\s+#\s*(.+)", line.strip()):
            yield match[1], match[2]


_QUOTED = r"""('[^']*'|"[^"]*")"""


def _abbreviates(shown: str, actual: str) -> bool:
    """`shown` is `actual`, or its beginning and pieces in order with "..." between them."""
    first, *pieces = shown.split("...")
    position = len(first) if actual.startswith(first) else -1
    for piece in pieces:
        position = -1 if position < 0 else actual.find(piece.strip(), position)
    return position >= 0 and (bool(pieces) or actual == first)


def _check_claim(value: object, comment: str) -> bool | None:
    """Whether `value` is what the comment shows: a Python value; a string leading a
    remark ("'space-media-network' (None when ...)"); or a tuple's first item's fields
    ("(Story(title="Putin tells...", ...), ...)"). None: the comment is prose."""
    try:
        return bool(value == eval(comment, {"datetime": datetime}))
    except (SyntaxError, NameError):
        pass
    if leading := re.match(_QUOTED, comment):
        return _abbreviates(ast.literal_eval(leading[1]), str(value))
    fields = re.findall(rf"(\w+)={_QUOTED}", comment)
    if not fields or not isinstance(value, tuple) or not value:
        return None
    return all(
        _abbreviates(ast.literal_eval(shown), str(getattr(value[0], name)))
        for name, shown in fields
    )


def _run_python_blocks(document: Path) -> list[str]:
    """Run a document's Python blocks on the example page; the expressions whose shown
    values were checked."""
    blocks = _fenced(document.read_text("utf-8"), "python")
    assert blocks
    checked = []
    for block in blocks:
        names: dict[str, object] = {"newsclean": newsclean, "html": EXAMPLE_PAGE}
        names.update(html_bytes=EXAMPLE_PAGE, url=cli.EXAMPLE_URL)
        exec(compile(block, str(document), "exec"), names)
        for expression, comment in _claims(block):
            holds = _check_claim(eval(expression, names), comment)
            assert holds is not False, f"{expression}  # {comment}"
            checked += [expression] if holds else []
    return checked


def test_readme_python_examples_run_and_show_what_they_return(example_site: Path) -> None:
    checked = _run_python_blocks(README)
    assert len(checked) >= 8, checked


def test_the_template_guides_python_examples_run(example_site: Path) -> None:
    _run_python_blocks(ROOT / "docs" / "templates.md")


def test_the_template_guides_format_reference_is_a_valid_template(tmp_path: Path) -> None:
    (reference,) = [
        block
        for block in _fenced((ROOT / "docs" / "templates.md").read_text("utf-8"), "toml")
        if block.startswith("schema = 1")
    ]
    (tmp_path / "example-news.toml").write_text(reference, "utf-8")
    (template,) = newsclean.TemplateSet.from_dir(tmp_path)
    assert template.id == "example-news"


def _commands(text: str) -> Iterator[list[str]]:
    """The `newsclean` commands in a document's fenced blocks and code spans."""
    lines = [line for block in _fenced(text, r"\w*") for line in _joined(block).splitlines()]
    return _newsclean_arguments([*lines, *_code_spans(text)])


def _newsclean_arguments(lines: list[str]) -> Iterator[list[str]]:
    """The arguments of each `newsclean` command in these lines (comments, `[optional]`
    brackets and what is piped into it dropped)."""
    for line in lines:
        for command in re.split(r"\s\|\s|&&", line):
            if command.strip().startswith("newsclean "):
                words = shlex.split(command.replace("[", " ").replace("]", " "), comments=True)
                yield words[1:]


def _joined(block: str) -> str:
    """A shell block with its continued lines (ending in a backslash) joined."""
    return block.replace("\\\n", " ")


def test_readme_shell_examples_run(
    example_site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocks = _fenced(README.read_text("utf-8"), "sh")
    ran = 0
    lines = [line for block in blocks for line in _joined(block).splitlines()]
    for written in _newsclean_arguments(lines):
        arguments = [os.path.expandvars(argument) for argument in written]  # "$URL"
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(EXAMPLE_PAGE)))
        try:
            status: int | str | None = cli.main(arguments)
        except SystemExit as exit:  # --version
            status = exit.code
        assert status == 0, arguments
        assert capsys.readouterr().out.strip(), arguments
        ran += 1
    assert ran >= 10


# -- command-line flags ----------------------------------------------------------------------


def _parsers() -> dict[str, argparse.ArgumentParser]:
    """`newsclean`'s parser and each `newsclean templates` subcommand's."""
    parsers = {"": cli._parser()}
    for action in commands._parser()._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, parser in action.choices.items():
                parsers[f"templates {name}"] = parser
    return parsers


def _command_name(arguments: list[str]) -> str:
    return f"templates {arguments[1]}" if arguments[:1] == ["templates"] else ""


def _flags(parser: argparse.ArgumentParser) -> list[Sequence[str]]:
    """Each option's spellings (`-o`, `--output`), help left out."""
    return [
        action.option_strings
        for action in parser._actions
        if action.option_strings and not isinstance(action, argparse._HelpAction)
    ]


def _flags_in_docs() -> dict[str, set[str]]:
    used: dict[str, set[str]] = {}
    for document in USER_DOCS:
        for arguments in _commands(document.read_text("utf-8")):
            flags = {word.split("=")[0] for word in arguments if re.match(r"-\w|--\w", word)}
            used.setdefault(_command_name(arguments), set()).update(flags)
    return used


def test_every_flag_the_docs_use_exists() -> None:
    parsers = _parsers()
    unknown = sorted(
        f"newsclean {command} {flag}".replace("  ", " ")
        for command, flags in _flags_in_docs().items()
        for flag in flags - {flag for spellings in _flags(parsers[command]) for flag in spellings}
    )
    assert unknown == []


def test_every_flag_is_documented() -> None:
    used = _flags_in_docs()
    undocumented = sorted(
        f"newsclean {command} {flag}".replace("  ", " ")
        for command, parser in _parsers().items()
        for spellings in _flags(parser)
        if not set(spellings) & used.get(command, set())
        for flag in spellings[-1:]
    )
    assert undocumented == []


# -- the module list -------------------------------------------------------------------------


def test_the_design_notes_name_every_module() -> None:
    design = (ROOT / "docs" / "design.md").read_text("utf-8")
    modules = [path.name for path in PACKAGE.glob("*.py") if path.stem != "__init__"]
    packages = [f"{path.parent.name}/" for path in PACKAGE.glob("*/__init__.py")]
    unnamed = sorted(
        name for name in [*modules, *packages] if not re.search(rf"(?<![\w/]){name}", design)
    )
    assert unnamed == []
