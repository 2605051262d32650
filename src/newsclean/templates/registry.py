"""`TemplateSet`: an immutable collection of templates, and which one a URL gets."""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

from lxml import etree
from lxml.html import HtmlElement

from newsclean.templates.errors import TemplateError
from newsclean.templates.hosts import normalise_host, wildcard_suffix
from newsclean.templates.protocol import FingerprintedTemplate, HostedTemplate, Template
from newsclean.templates.rules import element_xpath
from newsclean.templates.site import SiteTemplate

_BUILTIN_PACKAGE = "newsclean.templates"
_BUILTIN_DIR = "builtin"
_FTR_DIR = "ftr"


class TemplateSet:
    """Templates by id, indexed by host pattern. Immutable; combine with `|`.

    An exact host pattern beats any "*." pattern; among "*." patterns the longest
    suffix wins. Two templates claiming the same pattern is a `TemplateError`
    (to replace a template, give yours the same id and combine with `|`).
    Templates that list no `hosts` are asked through `matches_host`, in order,
    only when no pattern matches. Last come platform templates, recognised by
    their fingerprints in the page's markup, asked in id order (never in the
    order the set was built), so a host template always beats a platform one.
    """

    __slots__ = ("_by_id", "_exact", "_fingerprinted", "_fingerprints", "_unindexed", "_wildcard")

    def __init__(self, templates: Iterable[Template] = ()) -> None:
        by_id: dict[str, Template] = {}
        for template in templates:
            if template.id in by_id:
                raise TemplateError(f"two templates have the id {template.id!r}")
            by_id[template.id] = template
        self._by_id = by_id
        self._exact: dict[str, Template] = {}
        self._wildcard: dict[str, Template] = {}
        self._unindexed: tuple[Template, ...] = tuple(
            template for template in by_id.values() if not self._index(template)
        )
        self._fingerprinted: tuple[FingerprintedTemplate, ...] = tuple(
            template
            for _, template in sorted(by_id.items())
            if isinstance(template, FingerprintedTemplate)
        )
        self._fingerprints: _Fingerprints | None = None  # built when first asked

    def __reduce__(self) -> tuple[type[TemplateSet], tuple[tuple[Template, ...]]]:
        # The fingerprint queries compiled on first use do not pickle: rebuild the set.
        return (TemplateSet, (tuple(self._by_id.values()),))

    def _index(self, template: Template) -> bool:
        """Index a template's host patterns; False if it lists none."""
        if not isinstance(template, HostedTemplate):
            return False
        for pattern in template.hosts:
            suffix = wildcard_suffix(pattern)
            table, key = (self._exact, pattern) if suffix is None else (self._wildcard, suffix)
            other = table.get(key)
            if other is not None and other.id != template.id:
                raise TemplateError(
                    f"host pattern {pattern!r} is claimed by both {other.id!r} and "
                    f"{template.id!r} (to replace a template, give yours the same id and use |)"
                )
            table[key] = template
        return True

    @classmethod
    def builtin(cls) -> TemplateSet:
        """The templates bundled with newsclean (parsed once, then shared)."""
        return _builtin()

    @classmethod
    def ftr(cls) -> TemplateSet:
        """The optional pack of ~2,000 templates imported from FiveFilters' public-domain
        site configs (parsed once, then shared; loading takes a few seconds). Not on by
        default: see docs/templates.md for what it measured. Its hosts never overlap
        `builtin()`'s, so `TemplateSet.builtin() | TemplateSet.ftr()` always combines."""
        return _ftr()

    @classmethod
    def from_package(cls, package: str, folder: str = "") -> TemplateSet:
        """Every `*.toml` resource in an importable package (or one of its folders)."""
        return _from_package(package, folder)

    @classmethod
    def installed(cls) -> TemplateSet:
        """The template packs installed in this environment, found only when asked.

        See `newsclean.templates.packs`: each entry point of the
        `newsclean.templates` group names a pack; two packs giving the same id is
        a `TemplateError`.
        """
        from newsclean.templates.packs import installed_templates

        return cls(installed_templates())

    @classmethod
    def from_dir(cls, path: str | os.PathLike[str]) -> TemplateSet:
        """Every `*.toml` file directly in a directory, in file-name order."""
        directory = Path(path)
        if not directory.is_dir():
            raise TemplateError(f"{directory}: not a directory")
        files = sorted(directory.glob("*.toml"))
        return cls(SiteTemplate.from_file(file) for file in files if file.is_file())

    def __or__(self, other: TemplateSet) -> TemplateSet:
        """This set's templates, with `other`'s added; same id: `other`'s wins."""
        if not isinstance(other, TemplateSet):
            return NotImplemented
        merged = dict(self._by_id)
        for template in other:
            merged.pop(template.id, None)
            merged[template.id] = template
        return TemplateSet(merged.values())

    def __iter__(self) -> Iterator[Template]:
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, template_id: object) -> bool:
        return template_id in self._by_id

    def __repr__(self) -> str:
        return f"TemplateSet([{', '.join(repr(key) for key in self._by_id)}])"

    def get(self, template_id: str) -> Template | None:
        """The template with this id, or None."""
        return self._by_id.get(template_id)

    def match(self, url: str | None, root: HtmlElement | None = None) -> Template | None:
        """The template for a page: by its URL's host, else by `root`'s markup, or None."""
        by_host = self.match_host(url) if url else None
        if by_host is not None or root is None:
            return by_host
        if self._fingerprints is None:
            self._fingerprints = _Fingerprints(self._fingerprinted)
        return self._fingerprints.first_match(root)

    def match_host(self, url: str) -> Template | None:
        """The template claiming a URL's (or bare host's) host, or None."""
        host = normalise_host(url)
        if not host:
            return None
        exact = self._exact.get(host)
        if exact is not None:
            return exact
        labels = host.split(".")
        for start in range(1, len(labels)):  # longest suffix first
            found = self._wildcard.get("." + ".".join(labels[start:]))
            if found is not None:
                return found
        return next((t for t in self._unindexed if t.matches_host(host)), None)


class _Fingerprints:
    """The platform templates' fingerprints, asked of a page together (same answer as
    asking each template's `matches_page` in turn).

    A fingerprint rule is a whole-page query, and most pages match none: the one-step
    rules (`one_step`: "meta[name='generator'][content^='WordPress']") are joined into one
    query, a walk per tag named, whose few elements are then all a rule can select, so
    each is asked of them alone (`self::tag[predicate]`). Other templates and rules are
    asked as they are.
    """

    __slots__ = ("_any", "_plan")

    def __init__(self, templates: tuple[FingerprintedTemplate, ...]) -> None:
        by_tag: dict[str, list[str]] = {}
        # Per template: its rules as (tag, self:: test), or None to ask its `matches_page`.
        self._plan: list[tuple[FingerprintedTemplate, list[tuple[str, etree.XPath]] | None]]
        self._plan = []
        for template in templates:
            steps: list[tuple[str, etree.XPath]] | None = None
            if type(template) is SiteTemplate:
                steps = []
                for rule in template.fingerprints:
                    if rule.step is None:
                        steps = None
                        break
                    tag, predicate = rule.step
                    by_tag.setdefault(tag, []).append(f"({predicate})")
                    steps.append((tag, element_xpath(f"self::{tag}[{predicate}]")))
            if steps != []:  # a template with no fingerprints matches no page
                self._plan.append((template, steps))
        self._any = (
            element_xpath(
                " | ".join(
                    f"descendant-or-self::{tag}[{' or '.join(predicates)}]"
                    for tag, predicates in by_tag.items()
                )
            )
            if by_tag
            else None
        )

    def first_match(self, root: HtmlElement) -> FingerprintedTemplate | None:
        """The first template (in order) whose fingerprints match the page, or None."""
        found: list[HtmlElement] = []
        if self._any is not None:
            try:
                found = self._any(root)  # type: ignore[assignment]
            except (etree.XPathError, re.error):  # a rule fails here: ask each as it is
                return next((t for t, _ in self._plan if t.matches_page(root)), None)
        for template, steps in self._plan:
            if steps is None:
                if template.matches_page(root):
                    return template
            elif found and any(_selects(test, tag, found) for tag, test in steps):
                return template
        return None


def _selects(test: etree.XPath, tag: str, found: list[HtmlElement]) -> bool:
    """Whether a one-step rule selects one of `found`, as its own query would: not if it
    fails on any (`Rule.select`), so every element of its tag is asked."""
    try:
        answers = [test(element) for element in found if tag in ("*", element.tag)]
    except (etree.XPathError, re.error):
        return False
    return any(answers)


@functools.cache
def _builtin() -> TemplateSet:
    return _from_package(_BUILTIN_PACKAGE, _BUILTIN_DIR)


@functools.cache
def _ftr() -> TemplateSet:
    return _from_package(_BUILTIN_PACKAGE, _FTR_DIR)


def _from_package(package: str, folder: str) -> TemplateSet:
    try:
        directory = resources.files(package)
    except ModuleNotFoundError as exc:
        raise TemplateError(f"{package}: no such package") from exc
    if folder:
        directory = directory.joinpath(folder)
    entries = sorted(
        (entry for entry in directory.iterdir() if entry.name.endswith(".toml")),
        key=lambda entry: entry.name,
    )
    prefix = f"{package}/{folder}" if folder else package
    return TemplateSet(
        SiteTemplate.from_toml(entry.read_text(encoding="utf-8"), source=f"{prefix}/{entry.name}")
        for entry in entries
    )
