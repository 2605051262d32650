"""Template packs: third-party templates found through the `newsclean.templates`
entry-point group, and only when a caller asks (`TemplateSet.installed()`).

A pack's entry point names one of:

- a package or module: its `*.toml` resources are the pack's templates
  (``mypack = "mypack"``);
- a `TemplateSet`, or a zero-argument callable returning one
  (``mypack = "mypack:templates"``), for packs with Python `Template`s.

Nothing is scanned or imported when newsclean is imported.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import metadata
from types import ModuleType

from newsclean.templates.errors import TemplateError
from newsclean.templates.protocol import Template

ENTRY_POINT_GROUP = "newsclean.templates"


def installed_templates() -> Iterator[Template]:
    """Every template of every installed pack, pack by pack in entry-point name order."""
    entry_points = sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda ep: ep.name)
    for entry_point in entry_points:
        yield from pack_templates(entry_point)


def pack_templates(entry_point: metadata.EntryPoint) -> Iterator[Template]:
    """The templates one entry point provides; `TemplateError` naming it if it cannot."""
    from newsclean.templates.registry import TemplateSet

    where = f"template pack {entry_point.name!r} ({entry_point.value})"
    try:
        target = entry_point.load()
    except Exception as exc:  # a broken third-party pack must say which one it is
        raise TemplateError(f"{where}: cannot load: {exc}") from exc
    if isinstance(target, ModuleType):
        target = TemplateSet.from_package(target.__name__)
    elif callable(target) and not isinstance(target, TemplateSet):
        target = target()
    if not isinstance(target, TemplateSet):
        raise TemplateError(
            f"{where}: expected a package of TOML templates, a TemplateSet or a function "
            f"returning one, got {type(target).__name__}"
        )
    yield from target
