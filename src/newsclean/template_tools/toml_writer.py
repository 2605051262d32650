"""Write a template (schema 1) as TOML text, for the importer and the drafter.

A `TemplateSpec` holds plain rule specs (a CSS string, or a table with `css` or
`xpath` and maybe `attr`); the output always reads back through
`SiteTemplate.from_toml`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

RuleSpec = str | dict[str, str]


@dataclass
class TemplateSpec:
    """What a template file will say, key by key, with comments for the reader."""

    id: str
    hosts: list[str]
    name: str | None = None
    fields: dict[str, list[RuleSpec]] = field(default_factory=dict)
    remove: dict[str, list[RuleSpec]] = field(default_factory=dict)
    comments: list[str] = field(default_factory=list)  # written at the top, one per line
    cases: list[str] = field(default_factory=list)


def toml_string(value: str) -> str:
    """A TOML string: literal ('...') when it can be, else basic with escapes."""
    if "'" not in value and "\n" not in value and value.isprintable():
        return f"'{value}'"
    return json.dumps(value, ensure_ascii=False)  # JSON string escapes are valid TOML


def _rule(rule: RuleSpec) -> str:
    if isinstance(rule, str):
        return toml_string(rule)
    items = ", ".join(f"{key} = {toml_string(value)}" for key, value in rule.items())
    return "{ " + items + " }"


def _rule_list(name: str, rules: list[RuleSpec]) -> list[str]:
    if len(rules) == 1:
        return [f"{name} = [{_rule(rules[0])}]"]
    return [f"{name} = [", *(f"    {_rule(rule)}," for rule in rules), "]"]


def render_template(spec: TemplateSpec) -> str:
    """The template file's text."""
    lines = [f"# {comment}".rstrip() for comment in spec.comments]
    if lines:
        lines.append("")
    lines += ["schema = 1", f"id = {toml_string(spec.id)}"]
    if spec.name:
        lines.append(f"name = {toml_string(spec.name)}")
    lines.append(f"hosts = [{', '.join(toml_string(host) for host in spec.hosts)}]")
    for table, rules in (("fields", spec.fields), ("remove", spec.remove)):
        present = {name: items for name, items in rules.items() if items}
        if present:
            lines += ["", f"[{table}]"]
            for name, items in present.items():
                lines += _rule_list(name, items)
    for fixture in spec.cases:
        lines += ["", "[[cases]]", f"fixture = {toml_string(fixture)}"]
    return "\n".join(lines) + "\n"
