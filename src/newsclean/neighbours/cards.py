"""Teaser cards: runs of other stories' cards (a headline, a summary) in or after the article."""

from __future__ import annotations

from collections.abc import Iterator

from newsclean.classify import Decision
from newsclean.features import Features
from newsclean.model import BlockKind, Region
from newsclean.neighbours.common import box_after
from newsclean.options import Options
from newsclean.segment import Segment
from newsclean.tree import enclosing_href


def route_teaser_cards(
    segments: list[Segment], features: list[Features], decisions: list[Decision], options: Options
) -> None:
    """At the article's foot, under a heading of its own ("More from the blog"), a run of
    small boxes each opened by a linked headline taken for another story (`link:headline`)
    is a set of teaser cards: the summaries under the headlines go with them, and so does
    the heading. A listicle's boxed items, each a linked heading and its text, follow the
    article's paragraphs with no heading of their own above the run."""
    card_of: dict[int, int] = {}
    for index, decision in enumerate(decisions):
        if not _is_card_headline(segments[index], decision):
            continue
        summary = _teaser_summary(segments, features, decisions, index, options)
        for member in summary:
            card_of[member] = index
        if summary and (
            decision.region is Region.MAIN
            or _wrapped_by_link(segments[index], segments[summary[0]])
        ):
            card_of[index] = index
    if not card_of:
        return
    main_chars = sum(
        f.chars for f, d in zip(features, decisions, strict=True) if d.region is Region.MAIN
    )
    runs = [_cards_at_foot(decisions, card_of), *_linked_card_runs(segments, decisions, card_of)]
    for run, above in runs:
        if (
            above is None
            or segments[above].kind is not BlockKind.HEADING
            or len({card_of[i] for i in run}) < options.min_teaser_cards
            or sum(features[i].chars for i in run) > main_chars * options.max_headed_box_share
        ):
            continue
        decisions[above] = Decision(Region.SIDEBAR, "related", "box:teaser")
        for index in run:
            role = "headline" if card_of[index] == index else "story-text"
            decisions[index] = Decision(Region.SIDEBAR, role, "box:teaser")


def _linked_card_runs(
    segments: list[Segment], decisions: list[Decision], card_of: dict[int, int]
) -> Iterator[tuple[list[int], int | None]]:
    """Runs of cards inside the article, each card one link wrapping its headline and
    summary (a carousel of other guides: <a><h3>Title</h3><p>Summary</p></a>), with the
    article's segment just above each run; a run at the article's foot is
    `_cards_at_foot`'s. A listicle's items link their heading, not the whole item."""
    run: list[int] = []
    above: int | None = None
    for index, decision in enumerate(decisions):
        card = card_of.get(index)
        if decision.region is not Region.MAIN and card is None:
            continue
        if card is not None and _wrapped_by_link(segments[card], segments[index]):
            run.append(index)
            continue
        if run:
            yield run, above
            run = []
        above = index


def _wrapped_by_link(headline: Segment, member: Segment) -> bool:
    """One link holds the headline and the member, and the headline links nowhere else."""
    href = enclosing_href(headline.owner)
    return (
        href is not None
        and all(link.href == href for link in headline.links)
        and enclosing_href(member.owner) == href
    )


def _cards_at_foot(
    decisions: list[Decision], card_of: dict[int, int]
) -> tuple[list[int], int | None]:
    """The article's last segments that belong to cards, and the article's segment just
    above them (walked backwards: no list of every article segment on a huge page)."""
    run: list[int] = []
    for index in range(len(decisions) - 1, -1, -1):
        if decisions[index].region is not Region.MAIN:
            continue
        if index not in card_of:
            return run, index
        run.append(index)
    return run, None


def _is_card_headline(segment: Segment, decision: Decision) -> bool:
    """A heading all link, or one the card's link wraps whole (<a><h3>Title</h3><p>...</a>)."""
    if segment.kind is not BlockKind.HEADING:
        return False
    if decision.rule in _CARD_HEADLINE_RULES:
        return True
    return decision.rule == "main:text" and enclosing_href(segment.owner) is not None


#: A card's headline: taken for another story, or a heading all link whose address reads
#: like no article's ("/wedding-ideas/elopement-checklist").
_CARD_HEADLINE_RULES = frozenset({"link:headline", "main:links"})


def _teaser_summary(
    segments: list[Segment],
    features: list[Features],
    decisions: list[Decision],
    index: int,
    options: Options,
) -> list[int]:
    """The article's segments in the small box a headline opens, if none is a heading."""
    last = box_after(segments, features, decisions, index, options)
    if last is None or last - index > options.max_teaser_card_blocks:
        return []
    # The article's segments, or the summary one link wraps with its headline (taken for
    # the link's text).
    summary = [
        i
        for i in range(index + 1, last + 1)
        if decisions[i].region is Region.MAIN or _wrapped_by_link(segments[index], segments[i])
    ]
    if any(segments[i].kind is BlockKind.HEADING for i in summary):
        return []
    return summary
