"""Facts about where an element sits in the parsed tree, shared by the stages."""

from __future__ import annotations

from collections.abc import Iterator

from lxml.html import HtmlElement

from newsclean import vocab

__all__ = ["boxes_around", "enclosing_href", "is_within"]

#: How far above a block an enclosing link is looked for.
_MAX_LINK_DEPTH = 3


def is_within(element: HtmlElement, container: HtmlElement) -> bool:
    """Whether `element` is `container` or lies inside it."""
    return element is container or any(
        ancestor is container for ancestor in element.iterancestors()
    )


def boxes_around(owner: HtmlElement, limit: int) -> Iterator[HtmlElement]:
    """The owner, then the boxes (`vocab.BOX_TAGS`) among its next `limit` ancestors."""
    yield owner
    for depth, element in enumerate(owner.iterancestors()):
        if depth >= limit:
            return
        if element.tag in vocab.BOX_TAGS:
            yield element


def enclosing_href(owner: HtmlElement) -> str | None:
    """The link a block sits in (<a href><h3>Title</h3></a>): its text carries no link."""
    for level, element in enumerate(owner.iterancestors()):
        if level >= _MAX_LINK_DEPTH:
            return None
        if element.tag == "a" and element.get("href"):
            return str(element.get("href"))
    return None
