"""Reading a template file (schema v1) strictly: every key known, every type right,
every selector compiled, or a `TemplateError` naming the file, key path and index.

Only data is read: a template never runs code and never fetches anything.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from typing import Any, TypedDict

from newsclean.model import Region
from newsclean.templates.errors import TemplateError
from newsclean.templates.hosts import check_pattern
from newsclean.templates.rules import Rule

SCHEMA_VERSION = 1
FIELD_NAMES = frozenset(
    {"title", "byline", "author", "dateline", "date", "section", "site_name",
     "lead_image", "description", "body"}
)  # fmt: skip
REMOVE_REGIONS: Mapping[str, Region] = {
    "ads": Region.AD,
    "sidebar": Region.SIDEBAR,
    "legal": Region.LEGAL,
    "other": Region.BOILERPLATE,
}
_TOP_KEYS = frozenset(
    {"schema", "id", "name", "hosts", "fingerprints", "fields", "remove", "heuristics", "cases"}
)
_RULE_KEYS = frozenset({"css", "xpath", "attr"})
_HEURISTIC_KEYS = frozenset({"enabled", "inside_body"})
_CASE_KEYS = frozenset({"fixture"})


class TemplateParts(TypedDict):
    """A validated template file, as `SiteTemplate`'s keyword arguments."""

    id: str
    name: str | None
    hosts: tuple[str, ...]
    fingerprints: tuple[Rule, ...]
    fields: dict[str, tuple[Rule, ...]]
    remove: dict[Region, tuple[Rule, ...]]
    heuristics_enabled: bool
    heuristics_inside_body: bool
    cases: tuple[str, ...]


class _Reader:
    """Validation helpers that know which file they are reading, for error messages."""

    def __init__(self, source: str) -> None:
        self.source = source

    def error(self, key: str, message: str) -> TemplateError:
        return TemplateError(
            f"{self.source}: {key}: {message}" if key else f"{self.source}: {message}"
        )

    def table(self, value: object, key: str, allowed: frozenset[str]) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.error(key, f"expected a table, got {_kind(value)}")
        for name in value:
            if name not in allowed:
                where = f"{key}.{name}" if key else name
                raise self.error(where, f"unknown key (allowed: {', '.join(sorted(allowed))})")
        return value

    def string(self, value: object, key: str) -> str:
        if not isinstance(value, str):
            raise self.error(key, f"expected a string, got {_kind(value)}")
        if not value.strip():
            raise self.error(key, "must not be empty")
        return value

    def boolean(self, value: object, key: str) -> bool:
        if not isinstance(value, bool):
            raise self.error(key, f"expected true or false, got {_kind(value)}")
        return value

    def array(self, value: object, key: str) -> list[Any]:
        if not isinstance(value, list):
            raise self.error(key, f"expected an array, got {_kind(value)}")
        if not value:
            raise self.error(key, "must not be an empty array")
        return value

    def rule(self, value: object, key: str) -> Rule:
        if isinstance(value, str):
            spec: dict[str, Any] = {"css": self.string(value, key)}
        elif not isinstance(value, dict):
            raise self.error(key, f"expected a CSS string or a rule table, got {_kind(value)}")
        else:
            spec = self.table(value, key, _RULE_KEYS)
            for name, item in spec.items():
                self.string(item, f"{key}.{name}")
        if ("css" in spec) == ("xpath" in spec):
            raise self.error(
                key, "a rule is a CSS string, or a table with exactly one of css/xpath"
            )
        try:
            return Rule(
                source=key, css=spec.get("css"), xpath=spec.get("xpath"), attr=spec.get("attr")
            )
        except TemplateError as exc:
            raise self.error(key, str(exc)) from exc

    def rules(self, value: object, key: str) -> tuple[Rule, ...]:
        items = self.array(value, key)
        return tuple(self.rule(item, f"{key}[{index}]") for index, item in enumerate(items))


def _kind(value: object) -> str:
    names = {bool: "a boolean", int: "an integer", float: "a float", str: "a string",
             list: "an array", dict: "a table"}  # fmt: skip
    return names.get(type(value), type(value).__name__)


def parse_template(text: str, *, source: str) -> TemplateParts:
    """Parse and validate one template file's text; `source` names it in errors."""
    reader = _Reader(source)
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise reader.error("", f"invalid TOML: {exc}") from exc
    top = reader.table(document, "", _TOP_KEYS)
    _check_schema(reader, top)
    heuristics = reader.table(top.get("heuristics", {}), "heuristics", _HEURISTIC_KEYS)
    return TemplateParts(
        id=_read_id(reader, top),
        name=reader.string(top["name"], "name") if "name" in top else None,
        hosts=_read_hosts(reader, top),
        fingerprints=_read_fingerprints(reader, top),
        fields=_read_fields(reader, top.get("fields", {})),
        remove=_read_remove(reader, top.get("remove", {})),
        heuristics_enabled=reader.boolean(heuristics.get("enabled", True), "heuristics.enabled"),
        heuristics_inside_body=reader.boolean(
            heuristics.get("inside_body", True), "heuristics.inside_body"
        ),
        cases=_read_cases(reader, top.get("cases", [])),
    )


def _check_schema(reader: _Reader, top: dict[str, Any]) -> None:
    if "schema" not in top:
        raise reader.error(
            "schema", f"missing required key (this reader knows schema {SCHEMA_VERSION})"
        )
    version = top["schema"]
    if type(version) is not int or version != SCHEMA_VERSION:
        raise reader.error(
            "schema", f"unsupported schema {version!r} (this reader knows {SCHEMA_VERSION})"
        )


def _read_id(reader: _Reader, top: dict[str, Any]) -> str:
    if "id" not in top:
        raise reader.error("id", "missing required key")
    template_id = reader.string(top["id"], "id")
    if template_id != template_id.strip() or any(char.isspace() for char in template_id):
        raise reader.error("id", f"{template_id!r} must not contain whitespace")
    return template_id


def _read_hosts(reader: _Reader, top: dict[str, Any]) -> tuple[str, ...]:
    if "hosts" not in top:
        if "fingerprints" in top:  # a platform template, matched by markup alone
            return ()
        raise reader.error("hosts", "missing required key (or give 'fingerprints')")
    hosts: list[str] = []
    for index, value in enumerate(reader.array(top["hosts"], "hosts")):
        key = f"hosts[{index}]"
        pattern = reader.string(value, key)
        problem = check_pattern(pattern)
        if problem is not None:
            raise reader.error(key, f"bad host pattern {pattern!r}: {problem}")
        if pattern in hosts:
            raise reader.error(key, f"host pattern {pattern!r} is listed twice")
        hosts.append(pattern)
    return tuple(hosts)


def _read_fingerprints(reader: _Reader, top: dict[str, Any]) -> tuple[Rule, ...]:
    if "fingerprints" not in top:
        return ()
    return reader.rules(top["fingerprints"], "fingerprints")


def _read_fields(reader: _Reader, value: object) -> dict[str, tuple[Rule, ...]]:
    table = reader.table(value, "fields", FIELD_NAMES)
    return {name: reader.rules(rules, f"fields.{name}") for name, rules in table.items()}


def _read_remove(reader: _Reader, value: object) -> dict[Region, tuple[Rule, ...]]:
    table = reader.table(value, "remove", frozenset(REMOVE_REGIONS))
    return {
        REMOVE_REGIONS[name]: reader.rules(rules, f"remove.{name}") for name, rules in table.items()
    }


def _read_cases(reader: _Reader, value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise reader.error("cases", f"expected an array of tables ([[cases]]), got {_kind(value)}")
    fixtures: list[str] = []
    for index, item in enumerate(value):
        key = f"cases[{index}]"
        case = reader.table(item, key, _CASE_KEYS)
        if "fixture" not in case:
            raise reader.error(f"{key}.fixture", "missing required key")
        fixtures.append(reader.string(case["fixture"], f"{key}.fixture"))
    return tuple(fixtures)
