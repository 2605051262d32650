"""Facts about where an element sits in the parsed tree, shared by the stages."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator

from lxml.html import HtmlElement

from newsclean import vocab

__all__ = ["TagIndex", "box_membership", "boxes_around", "enclosing_href", "is_within"]

#: How far above a block an enclosing link is looked for.
_MAX_LINK_DEPTH = 3


def is_within(element: HtmlElement, container: HtmlElement) -> bool:
    """Whether `element` is `container` or lies inside it."""
    # `in` compares in C, by identity first (elements have no equality of their own): a
    # quarter faster than a generator testing `is` for each ancestor.
    return element is container or container in element.iterancestors()


class TagIndex:
    """The elements of some tags under a root (itself included), in document order, all
    together and tag by tag: gathered in one walk of the tree (a walk costs about as much
    whatever it looks for, and each stage would otherwise walk the tree for its own)."""

    __slots__ = ("_by_tag", "elements")

    def __init__(self, root: HtmlElement, tags: Iterable[str]) -> None:
        tags = tuple(tags)
        self.elements: list[HtmlElement] = list(root.iter(*tags))
        self._by_tag: dict[str, list[HtmlElement]] = {tag: [] for tag in tags}
        for element in self.elements:
            self._by_tag[element.tag].append(element)

    def __getitem__(self, tag: str) -> list[HtmlElement]:
        """The elements of `tag` (one of the tags gathered), in document order."""
        return self._by_tag[tag]


def smallest_common(element: HtmlElement, other: HtmlElement) -> HtmlElement:
    """The innermost element holding both: `element` itself or its nearest ancestor that
    holds `other` (both lie in one tree, so the root at least does)."""
    return next(
        box for box in itertools.chain((element,), element.iterancestors()) if is_within(other, box)
    )


def boxes_around(owner: HtmlElement, limit: int) -> Iterator[HtmlElement]:
    """The owner, then the boxes (`vocab.BOX_TAGS`) among its next `limit` ancestors."""
    yield owner
    for depth, element in enumerate(owner.iterancestors()):
        if depth >= limit:
            return
        if element.tag in vocab.BOX_TAGS:
            yield element


def box_membership(owner: HtmlElement, box: HtmlElement, limit: int) -> bool | None:
    """Whether `box` is one of `boxes_around(owner, limit)` (True); around the owner but
    not one of them, too far up or no box tag (False); or not around it at all (None).

    The segments whose owners lie inside a box are consecutive in document order (a box
    tag is a block tag, so its own text is its own segments'): a box's members are found
    by going from one of them either way until a segment is not inside it at all."""
    if owner is box:
        return True
    for depth, element in enumerate(owner.iterancestors()):
        if element is box:
            return depth < limit and element.tag in vocab.BOX_TAGS
    return None


def enclosing_href(owner: HtmlElement) -> str | None:
    """The link a block sits in (<a href><h3>Title</h3></a>): its text carries no link."""
    for level, element in enumerate(owner.iterancestors()):
        if level >= _MAX_LINK_DEPTH:
            return None
        if element.tag == "a" and element.get("href"):
            return str(element.get("href"))
    return None
