"""Facts about where an element sits in the parsed tree, shared by the stages."""

from __future__ import annotations

from lxml.html import HtmlElement

__all__ = ["is_within"]


def is_within(element: HtmlElement, container: HtmlElement) -> bool:
    """Whether `element` is `container` or lies inside it."""
    return element is container or any(
        ancestor is container for ancestor in element.iterancestors()
    )
