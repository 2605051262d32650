"""Import FiveFilters Full-Text RSS site configs (ftr-site-config) as newsclean templates.

One `example.com.txt` becomes template `ftr-example.com` for `example.com` and
`www.example.com`; `.example.com.txt` (a leading dot: every subdomain) becomes
`ftr-.example.com` for `*.example.com`. Directives:

- `title`, `body`, `author` (-> byline), `date`: field rules, in file order;
- `strip`, `strip_id_or_class`, `strip_image_src`: `remove.other` rules;
- `test_url`: kept as comments; everything else (`prune`, `tidy`, `single_page_link`,
  `find_string`, `http_header`, login settings...) is reported as unsupported.

XPath is said in CSS where CSS can say it exactly (`xpath_css`), kept as XPath where
it cannot, and dropped (and reported) where it does not select elements or does
not compile. Hosts a template in `exclude` already claims are left out.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from newsclean.template_tools.toml_writer import RuleSpec, TemplateSpec, render_template
from newsclean.template_tools.xpath_css import xpath_to_css
from newsclean.templates import SiteTemplate, TemplateError, TemplateSet
from newsclean.templates.hosts import check_pattern
from newsclean.templates.rules import Rule

FIELD_DIRECTIVES = {"title": "title", "body": "body", "author": "byline", "date": "date"}
STRIP_DIRECTIVES = frozenset({"strip", "strip_id_or_class", "strip_image_src"})
_LINE = re.compile(
    r"^\s*(?P<directive>[A-Za-z_]+)(?P<argument>\([^)]*\))?\s*:\s*(?P<value>.*?)\s*$"
)
_ATTRIBUTE_STEP = re.compile(r"^(?P<path>.+?)/@(?P<attr>[A-Za-z][\w:-]*)$")
_CLASS_NAME = re.compile(r"-?[A-Za-z_][\w-]*")


@dataclass
class ImportReport:
    """What an import did: counts, and what it could not carry over and why."""

    files: int = 0
    templates: int = 0
    css_rules: int = 0
    xpath_rules: int = 0
    unsupported: Counter[str] = field(default_factory=Counter)  # directive -> lines
    dropped: list[str] = field(default_factory=list)  # "file:line: directive: why"
    skipped: list[str] = field(default_factory=list)  # "file: why"

    def summary(self) -> str:
        lines = [
            f"{self.files} site configs -> {self.templates} templates "
            f"({self.css_rules} CSS rules, {self.xpath_rules} XPath rules)",
            f"{len(self.dropped)} rules dropped, {len(self.skipped)} files skipped",
        ]
        if self.unsupported:
            common = ", ".join(
                f"{name} ({count})" for name, count in self.unsupported.most_common()
            )
            lines.append(f"unsupported directives, ignored: {common}")
        return "\n".join(lines)


@dataclass
class ImportedPack:
    """The templates (loaded and validated), their TOML text by file name, and the report."""

    templates: TemplateSet
    files: dict[str, str]
    report: ImportReport


def import_dir(source: Path, exclude: TemplateSet | None = None) -> ImportedPack:
    """Import every `*.txt` site config directly in `source`."""
    report = ImportReport()
    names = sorted(path.name for path in source.glob("*.txt"))
    taken = exclude if exclude is not None else TemplateSet()
    files: dict[str, str] = {}
    templates: list[SiteTemplate] = []
    for name in names:
        report.files += 1
        site = name.removesuffix(".txt")
        hosts = _hosts_for(site, set(names), taken)
        if not hosts:
            report.skipped.append(f"{name}: no host left to claim (invalid, or claimed already)")
            continue
        text = (source / name).read_text(encoding="utf-8", errors="replace")
        spec = convert_config(site, hosts, text, report)
        if spec is None:
            continue
        file_name = f"{spec.id}.toml"
        rendered = render_template(spec)
        try:
            templates.append(SiteTemplate.from_toml(rendered, source=file_name))
        except TemplateError as exc:  # pragma: no cover - every rule was compiled already
            report.skipped.append(f"{name}: {exc}")
            continue
        files[file_name] = rendered
        report.templates += 1
    return ImportedPack(TemplateSet(templates), files, report)


def write_pack(pack: ImportedPack, destination: Path) -> None:
    """Write the pack's template files into `destination` (created if missing)."""
    destination.mkdir(parents=True, exist_ok=True)
    for name, text in pack.files.items():
        (destination / name).write_text(text, encoding="utf-8")


def convert_config(
    site: str, hosts: list[str], text: str, report: ImportReport
) -> TemplateSpec | None:
    """One site config as a template spec; None (and reported) if nothing carries over."""
    spec = TemplateSpec(
        id=f"ftr-{site}",
        hosts=hosts,
        comments=[f"Imported from FiveFilters ftr-site-config: {site}.txt (public domain)."],
    )
    for number, directive, value in parse_config(text):
        where = f"{site}.txt:{number}: {directive}"
        if directive == "test_url":
            spec.comments.append(f"test_url: {value}")
        elif directive in FIELD_DIRECTIVES:
            _add(spec.fields, FIELD_DIRECTIVES[directive], _xpath_rule(value, where, report))
        elif directive in STRIP_DIRECTIVES:
            _add(spec.remove, "other", _strip_rule(directive, value, where, report))
        else:  # counted by name: replace_string(<h2) and replace_string(</h2>) are one
            report.unsupported[directive.split("(")[0]] += 1
    if not spec.fields and not spec.remove:
        report.skipped.append(f"{site}.txt: no rule newsclean can use")
        return None
    return spec


def parse_config(text: str) -> list[tuple[int, str, str]]:
    """(line number, directive, value) for every directive line; comments skipped."""
    found: list[tuple[int, str, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = _LINE.match(line)
        if match is not None and match["value"]:
            directive = match["directive"].lower()
            if match["argument"]:
                directive += match["argument"].lower()
            found.append((number, directive, match["value"]))
    return found


def _add(table: dict[str, list[RuleSpec]], key: str, rule: RuleSpec | None) -> None:
    if rule is not None and rule not in table.setdefault(key, []):
        table[key].append(rule)


def _xpath_rule(value: str, where: str, report: ImportReport) -> RuleSpec | None:
    """A field's XPath as a rule: CSS if it can be, a trailing /@attr as `attr`."""
    expression, attr = value, None
    attribute_step = _ATTRIBUTE_STEP.match(value)
    if attribute_step is not None and "|" not in value:
        expression, attr = attribute_step["path"], attribute_step["attr"]
    if not expression.startswith(("/", "(")):
        report.dropped.append(f"{where}: not an element selector: {value}")
        return None
    css = xpath_to_css(expression)
    spec: dict[str, str] = {"css": css} if css is not None else {"xpath": expression}
    if attr is not None:
        spec["attr"] = attr
    return _checked(spec, where, report)


def _strip_rule(directive: str, value: str, where: str, report: ImportReport) -> RuleSpec | None:
    if directive == "strip":
        return _xpath_rule(value, where, report)
    if directive == "strip_image_src":
        return _checked({"css": f"img[src*={_css_quote(value)}]"}, where, report)
    if _CLASS_NAME.fullmatch(value):  # FTR matches the class or id as a whole word
        return _checked({"css": f".{value}, #{value}"}, where, report)
    quoted = _css_quote(value)
    return _checked({"css": f"[class~={quoted}], [id~={quoted}]"}, where, report)


def _checked(spec: dict[str, str], where: str, report: ImportReport) -> RuleSpec | None:
    """The rule if it compiles (a bare CSS string when it has no attr), else None, reported."""
    try:
        Rule(source=where, css=spec.get("css"), xpath=spec.get("xpath"), attr=spec.get("attr"))
    except TemplateError as exc:
        report.dropped.append(f"{where}: {exc}")
        return None
    if "css" in spec:
        report.css_rules += 1
        return spec["css"] if set(spec) == {"css"} else spec
    report.xpath_rules += 1
    return spec


def _css_quote(value: str) -> str:
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _hosts_for(site: str, names: set[str], taken: TemplateSet) -> list[str]:
    """The host patterns a config file claims, minus invalid and already-claimed ones."""
    if site.startswith("."):
        candidates = [f"*{site.lower()}"]
    else:
        candidates = [site.lower()]
        if not site.startswith("www.") and f"www.{site}.txt" not in names:
            candidates.append(f"www.{site.lower()}")
    return [
        host for host in candidates if check_pattern(host) is None and not _claimed(host, taken)
    ]


def _claimed(pattern: str, taken: TemplateSet) -> bool:
    """Whether a template in `taken` lists `pattern` or, for a host, already matches it."""
    listed = any(pattern in getattr(template, "hosts", ()) for template in taken)
    return listed or (not pattern.startswith("*") and taken.match_host(pattern) is not None)
