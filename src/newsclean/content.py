"""Find the element that holds the article: where prose paragraphs cluster.

Each prose segment (long enough, few links) scores its container, and less its
container's ancestors; class/id vocabulary and link density scale the totals.
The best-scoring element, with the prose siblings beside it, is the main region.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lxml.html import HtmlElement

from newsclean import vocab
from newsclean.features import Features, class_cues
from newsclean.options import Options
from newsclean.segment import Segment

#: How much of a paragraph's score its container's ancestors receive, level by level.
_ANCESTOR_SHARES = (1.0, 0.5, 1 / 6)
_NEGATIVE_WEIGHT = 0.3
_POSITIVE_WEIGHT = 1.5
#: When no paragraph reaches min_paragraph_chars, paragraphs a third as long are tried.
_SHORT_PAGE_DIVISOR = 3


@dataclass(frozen=True, slots=True)
class MainRegion:
    """The main container and the sibling elements that join it, in document order."""

    roots: tuple[HtmlElement, ...]

    def contains(self, element: HtmlElement) -> bool:
        roots = self.roots
        return any(node in roots for node in _self_and_ancestors(element))


def is_prose(features: Features, options: Options, min_chars: int | None = None) -> bool:
    minimum = options.min_paragraph_chars if min_chars is None else min_chars
    return features.chars >= minimum and features.link_density <= options.max_prose_link_density


def find_main(
    segments: list[Segment], features: list[Features], options: Options
) -> MainRegion | None:
    scores = _score_containers(segments, features, options, options.min_paragraph_chars)
    if not scores:  # a page of short paragraphs: judge them by a shorter yardstick
        shorter = options.min_paragraph_chars // _SHORT_PAGE_DIVISOR
        scores = _score_containers(segments, features, options, shorter)
    if not scores:
        return None
    links = _link_density_by_element(segments, set(scores))
    weighted = {
        element: score * (1 - links.get(element, 0.0)) * _class_weight(element)
        for element, score in scores.items()
    }
    top = max(weighted, key=lambda element: weighted[element])
    return MainRegion(_with_siblings(top, weighted, segments, features, options))


def _score_containers(
    segments: list[Segment], features: list[Features], options: Options, min_chars: int
) -> dict[HtmlElement, float]:
    scores: dict[HtmlElement, float] = {}
    for segment, feature in zip(segments, features, strict=True):
        if not is_prose(feature, options, min_chars):
            continue
        score = 1 + min(feature.commas, 10) + min(feature.chars / 100, 3)
        container = _container_of(segment.owner)
        for share, element in zip(_ANCESTOR_SHARES, _self_and_ancestors(container), strict=False):
            scores[element] = scores.get(element, 0.0) + score * share
    return scores


def _container_of(owner: HtmlElement) -> HtmlElement:
    """A leaf block (a <p>) scores its parent; a box holding loose text scores itself."""
    if any(isinstance(child.tag, str) and child.tag in vocab.BLOCK_TAGS for child in owner):
        return owner
    parent = owner.getparent()
    return parent if parent is not None else owner


def _class_weight(element: HtmlElement) -> float:
    cues = class_cues(element)
    weight = 1.0
    if cues - {"positive"}:
        weight *= _NEGATIVE_WEIGHT
    if "positive" in cues:
        weight *= _POSITIVE_WEIGHT
    return weight


def _link_density_by_element(
    segments: list[Segment], wanted: set[HtmlElement]
) -> dict[HtmlElement, float]:
    chars: dict[HtmlElement, int] = {}
    linked: dict[HtmlElement, int] = {}
    for segment in segments:
        for element in _self_and_ancestors(segment.owner):
            if element in wanted:
                chars[element] = chars.get(element, 0) + len(segment.text)
                linked[element] = linked.get(element, 0) + segment.link_chars
    return {element: linked[element] / chars[element] for element in chars if chars[element]}


def _with_siblings(
    top: HtmlElement,
    weighted: dict[HtmlElement, float],
    segments: list[Segment],
    features: list[Features],
    options: Options,
) -> tuple[HtmlElement, ...]:
    """Siblings of the top container that score near it, or are prose paragraphs, join it."""
    parent = top.getparent()
    if parent is None:
        return (top,)
    threshold = max(weighted[top] * 0.2, 10.0)
    prose_owners = {
        segment.owner
        for segment, feature in zip(segments, features, strict=True)
        if is_prose(feature, options) and segment.owner.getparent() is parent
    }
    roots = [
        sibling
        for sibling in parent
        if sibling is top
        or weighted.get(sibling, 0.0) >= threshold
        or (sibling in prose_owners and sibling.tag == "p")
    ]
    return tuple(roots)


def _self_and_ancestors(element: HtmlElement) -> Iterator[HtmlElement]:
    yield element
    yield from element.iterancestors()
