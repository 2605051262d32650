"""The neighbour pass: revisit the decision table's verdicts in the light of the
segments around each one.

The table (classify.py) judges each segment alone; here short lines take their
neighbours' region, an announced list or a listicle's linked item headings stay in the
article, a box opened by a "Read more" label or a run of teaser cards leaves it, the
engagement prompts after the article's last paragraph go to their fields, and labels go
with what they label. Each step is a function over the whole list of decisions, run in
the order `revisit_neighbours` gives.
"""

from __future__ import annotations

from newsclean.classify import Decision
from newsclean.features import Features
from newsclean.model import Region
from newsclean.neighbours.boxes import (
    route_furniture_boxes,
    route_headed_boxes,
    route_link_boxes,
    spread_ad_labels,
    spread_share_rows,
)
from newsclean.neighbours.cards import route_teaser_cards
from newsclean.neighbours.common import nearest, site_host
from newsclean.neighbours.copies import drop_repeated_runs
from newsclean.neighbours.labels import (
    route_button_prompts,
    route_comment_labels,
    route_field_labels,
    route_orphan_headings,
    route_thin_sections,
)
from newsclean.neighbours.lists import (
    keep_announced_lists,
    keep_item_headings,
    keep_list_labels,
    keep_mixed_lists,
    keep_toggle_questions,
)
from newsclean.neighbours.standfirst import keep_standfirst
from newsclean.neighbours.tails import (
    route_header_bios,
    trim_after_related_box,
    trim_author_card,
    trim_engagement_tail,
    trim_main_tail,
    widen_tail_appeals,
)
from newsclean.options import Options
from newsclean.segment import Segment

__all__ = ["keep_standfirst", "revisit_neighbours"]


def revisit_neighbours(
    segments: list[Segment],
    features: list[Features],
    decisions: list[Decision],
    options: Options,
    *,
    url: str | None = None,
) -> list[Decision]:
    """Short segments take the region of the segments around them. `url` is the page's:
    its host tells the site's own links from others'."""
    revised = list(decisions)
    for index, (segment, feature) in enumerate(zip(segments, features, strict=True)):
        decision = revised[index]
        if decision.rule != "other" or feature.chars >= options.short_block_chars:
            continue
        before = nearest(revised, index, -1)
        after = nearest(revised, index, 1)
        if before and after and before.region is after.region is Region.MAIN:
            revised[index] = Decision(Region.MAIN, "text", "neighbours:main")
        elif segment.soft_break and before and before.region in (Region.AD, Region.LEGAL):
            revised[index] = Decision(before.region, before.role, "neighbours:line")
    keep_announced_lists(segments, features, revised)
    keep_mixed_lists(segments, revised)
    keep_list_labels(segments, features, revised)
    keep_toggle_questions(segments, revised)
    keep_item_headings(segments, features, revised, options, site_host(url))
    route_headed_boxes(segments, features, revised, options)
    route_teaser_cards(segments, features, revised, options)
    route_link_boxes(segments, features, revised, options, site_host(url))
    trim_after_related_box(features, revised, options)
    trim_main_tail(segments, features, revised, options)
    trim_engagement_tail(features, revised, options)
    trim_author_card(segments, features, revised, options)
    route_header_bios(segments, features, revised, options)
    widen_tail_appeals(segments, features, revised)
    route_field_labels(segments, features, revised, options)
    route_comment_labels(segments, features, revised, options)
    route_button_prompts(segments, features, revised, options, site_host(url))
    route_orphan_headings(segments, features, revised, options)
    route_thin_sections(segments, features, revised, options)
    spread_ad_labels(segments, revised, options)
    spread_share_rows(segments, features, revised, options)
    route_furniture_boxes(segments, features, revised, options)
    drop_repeated_runs(segments, features, revised)
    return revised
