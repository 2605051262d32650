"""The one exception the template package raises."""

from __future__ import annotations


class TemplateError(ValueError):
    """A template that cannot be loaded or combined.

    The message names the file, the key path and the index, e.g.
    ``spacewar.toml: fields.title[2]: selector 'h1[' does not compile: ...``.
    """
