"""What a template is to the pipeline: the `Template` protocol and its result."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from lxml.html import HtmlElement

from newsclean.model import Region


@dataclass(frozen=True, slots=True)
class TemplateMatch:
    """What applying a template to one page found.

    `fields` maps a field name ("title", "byline", "dateline", "date", "section",
    "site_name", "lead_image", "description", "author") to its text; only fields
    found are present. `field_elements` holds the element each came from.
    `body` is every element the first matching body rule selected, in document
    order, minus those nested in another; `body_rules` is False for a template
    with no body rule at all, which leaves the body to the heuristics.
    `removals` lists (region, rule source, element) in document order; a removal
    may lie inside another or inside the body, but never contains a body element.
    """

    template_id: str
    fields: dict[str, str]
    body: list[HtmlElement]
    removals: list[tuple[Region, str, HtmlElement]]
    heuristics_enabled: bool
    heuristics_inside_body: bool
    field_elements: dict[str, HtmlElement] = field(default_factory=dict)
    body_rules: bool = True


@runtime_checkable
class Template(Protocol):
    """A site template. `SiteTemplate` is the declarative kind; code may implement this."""

    @property
    def id(self) -> str: ...

    def matches_host(self, host: str) -> bool: ...

    def apply(self, root: HtmlElement) -> TemplateMatch: ...


@runtime_checkable
class HostedTemplate(Template, Protocol):
    """A template that also lists its host patterns, so a `TemplateSet` can index it.

    Templates without `hosts` are only consulted, through `matches_host`, when no
    listed pattern matches.
    """

    @property
    def hosts(self) -> tuple[str, ...]: ...


@runtime_checkable
class FingerprintedTemplate(Template, Protocol):
    """A template that can recognise its platform's pages by their markup.

    A `TemplateSet` asks `matches_page` only when no template claims the page's host.
    """

    def matches_page(self, root: HtmlElement) -> bool: ...
