"""`SiteTemplate`: the declarative (TOML) kind of `Template`, and how it applies."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from lxml.html import HtmlElement

from newsclean.model import Region
from newsclean.templates.errors import TemplateError
from newsclean.templates.hosts import normalise_host, pattern_matches
from newsclean.templates.protocol import TemplateMatch
from newsclean.templates.rules import PageAttributes, Rule, element_text
from newsclean.templates.schema import parse_template


@dataclass(frozen=True)
class SiteTemplate:
    """A site template read from TOML (see `newsclean.templates.schema`).

    `fields` maps a field name to its rules (first rule giving text wins; for
    "body", the first rule matching anything); `remove` maps a region to rules
    that all apply. Selectors are compiled once, when the template is built.
    `fingerprints` make a platform template: it applies to a page whose host no
    template claims when any of these rules selects something on the page.
    """

    id: str
    hosts: tuple[str, ...]
    fields: Mapping[str, tuple[Rule, ...]]
    remove: Mapping[Region, tuple[Rule, ...]]
    heuristics_enabled: bool = True
    heuristics_inside_body: bool = True
    cases: tuple[str, ...] = ()
    path: str | None = None
    name: str | None = None
    fingerprints: tuple[Rule, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "fields", MappingProxyType(dict(self.fields)))
        object.__setattr__(self, "remove", MappingProxyType(dict(self.remove)))

    def __reduce__(self) -> tuple[type[SiteTemplate], tuple[object, ...]]:
        # The read-only mapping views do not pickle; rebuild from plain dicts.
        return (
            SiteTemplate,
            (
                self.id,
                self.hosts,
                dict(self.fields),
                dict(self.remove),
                self.heuristics_enabled,
                self.heuristics_inside_body,
                self.cases,
                self.path,
                self.name,
                self.fingerprints,
            ),
        )

    @classmethod
    def from_toml(cls, text: str, *, source: str) -> SiteTemplate:
        """Build from a template file's text; `source` names the file in errors."""
        return cls(**parse_template(text, source=source))

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> SiteTemplate:
        """Read a template file (UTF-8 TOML)."""
        source = os.fspath(path)
        try:
            with open(source, "rb") as handle:
                text = handle.read().decode("utf-8")
        except OSError as exc:
            raise TemplateError(f"{source}: cannot read: {exc.strerror or exc}") from exc
        except UnicodeDecodeError as exc:
            raise TemplateError(f"{source}: not UTF-8: {exc}") from exc
        return cls(**parse_template(text, source=source), path=source)

    def matches_host(self, host: str) -> bool:
        """Whether any of `hosts` matches `host` (normalised first)."""
        host = normalise_host(host)
        return any(pattern_matches(pattern, host) for pattern in self.hosts)

    def matches_page(self, root: HtmlElement) -> bool:
        """Whether any fingerprint rule selects something on the page."""
        return any(rule.select(root) for rule in self.fingerprints)

    def apply(self, root: HtmlElement) -> TemplateMatch:
        """Run every rule against a parsed page (XPath starting with // sees the whole document)."""
        page = PageAttributes(root)  # the rules' class and id names looked up in it first
        fields, field_elements = self._fields(root, page)
        body = self._body(root, page)
        return TemplateMatch(
            template_id=self.id,
            fields=fields,
            body=body,
            removals=self._removals(root, body, page),
            heuristics_enabled=self.heuristics_enabled,
            heuristics_inside_body=self.heuristics_inside_body,
            field_elements=field_elements,
            body_rules="body" in self.fields,
        )

    def _fields(
        self, root: HtmlElement, page: PageAttributes
    ) -> tuple[dict[str, str], dict[str, HtmlElement]]:
        texts: dict[str, str] = {}
        elements: dict[str, HtmlElement] = {}
        for name, rules in self.fields.items():
            if name == "body":
                continue
            for rule in rules:
                matches = rule.select(root, page)
                text = element_text(matches[0], rule.attr) if matches else None
                if text is not None:
                    texts[name], elements[name] = text, matches[0]
                    break
        return texts, elements

    def _body(self, root: HtmlElement, page: PageAttributes) -> list[HtmlElement]:
        for rule in self.fields.get("body", ()):
            matches = rule.select(root, page)
            if matches:
                return _outermost(matches)
        return []

    def _removals(
        self, root: HtmlElement, body: list[HtmlElement], page: PageAttributes
    ) -> list[tuple[Region, str, HtmlElement]]:
        # Sets of elements (not of id()s) keep lxml's proxies alive, so identity holds.
        protected = set(body)
        protected.update(ancestor for element in body for ancestor in element.iterancestors())
        seen: set[HtmlElement] = set()
        found: list[tuple[Region, str, HtmlElement]] = []
        for region, rules in self.remove.items():
            for rule in rules:
                for element in rule.select(root, page):
                    if element not in seen and element not in protected:
                        seen.add(element)
                        found.append((region, rule.source, element))
        order = {element: _position(element) for element in seen}
        found.sort(key=lambda removal: order[removal[2]])
        return found


def _outermost(elements: list[HtmlElement]) -> list[HtmlElement]:
    """`elements` without those nested inside another of them (order kept)."""
    chosen = set(elements)
    return [
        element
        for element in elements
        if not any(ancestor in chosen for ancestor in element.iterancestors())
    ]


def _position(element: HtmlElement) -> list[int]:
    """Where the element sits: the index of each element on the way down to it among its
    siblings. Elements of one document sort by it in document order (an element before
    its descendants), and a few are placed without walking the whole document."""
    path: list[int] = []
    parent = element.getparent()
    while parent is not None:
        path.append(parent.index(element))
        element, parent = parent, parent.getparent()
    path.reverse()
    return path
