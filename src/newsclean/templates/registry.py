"""`TemplateSet`: an immutable collection of templates, and which one a URL gets."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

from lxml.html import HtmlElement

from newsclean.templates.errors import TemplateError
from newsclean.templates.hosts import normalise_host, wildcard_suffix
from newsclean.templates.protocol import FingerprintedTemplate, HostedTemplate, Template
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

    __slots__ = ("_by_id", "_exact", "_fingerprinted", "_unindexed", "_wildcard")

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
        return next((t for t in self._fingerprinted if t.matches_page(root)), None)

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
