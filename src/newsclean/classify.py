"""Decide, for every segment, which region it belongs to and what it is.

Two passes, after jusText: a decision table judges each segment on its own
features and the vocabulary of the boxes around it (the first row that matches
wins, and its name is the segment's `rule`); then a neighbour pass revisits
short segments in the light of the segments beside them.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from lxml.html import HtmlElement

from newsclean import vocab
from newsclean.content import MainRegion, is_prose
from newsclean.features import Features, class_cues, is_article_link
from newsclean.limits import Deadline
from newsclean.model import Region
from newsclean.options import Options
from newsclean.segment import Segment


@dataclass(frozen=True, slots=True)
class Decision:
    region: Region
    role: str
    rule: str


@dataclass(slots=True)
class _Context:
    """What the decision rows may look at for one segment."""

    segment: Segment
    features: Features
    in_main: bool
    before_main: bool  # above the first segment of the main region
    chain_cues: frozenset[str]  # class/id categories of the boxes between segment and main
    appeal_box: bool  # a box around the segment pleads for money or sign-ups
    options: Options


_Row = tuple[str, Callable[[_Context], bool], Region, str]


def _is_lead(context: _Context) -> bool:
    """The standfirst: lead-classed prose above the article's container."""
    features = context.features
    return (
        context.before_main
        and "lead" in context.chain_cues
        and features.chars >= context.options.min_lead_chars
        and features.link_density <= context.options.max_prose_link_density
    )


def _is_headline(context: _Context) -> bool:
    if context.in_main and not context.features.linked:
        return False
    minimum = context.options.headline_min_words
    return context.features.linked and any(
        is_article_link(link, minimum) for link in context.segment.links
    )


#: The decision table: (rule name, condition, region, role); first match wins.
_ROWS: tuple[_Row, ...] = (
    ("text:ad-label", lambda c: "ad-label" in c.features.text_cues, Region.AD, "ad-label"),
    (
        "text:legal",
        lambda c: "legal" in c.features.text_cues and (not c.in_main or "footer" in c.chain_cues),
        Region.LEGAL,
        "legal",
    ),
    ("class:ad", lambda c: "ad" in c.chain_cues, Region.AD, "ad"),
    ("class:subscribe", lambda c: "subscribe" in c.chain_cues, Region.AD, "subscription"),
    ("box:appeal", lambda c: c.appeal_box, Region.AD, "appeal"),
    ("class:legal", lambda c: "legal" in c.chain_cues, Region.LEGAL, "legal"),
    (
        "text:sponsored",
        lambda c: (
            "sponsored" in c.features.text_cues and c.features.words <= c.options.max_prompt_words
        ),
        Region.AD,
        "sponsored",
    ),
    (
        "text:appeal",
        lambda c: (
            not c.in_main
            and "appeal" in c.features.text_cues
            and c.options.min_prompt_words <= c.features.words <= c.options.max_prompt_words
        ),
        Region.AD,
        "appeal",
    ),
    ("class:lead", _is_lead, Region.MAIN, "lead"),
    (
        "class:byline",
        lambda c: "byline" in c.chain_cues and c.features.chars < c.options.max_byline_chars,
        Region.BOILERPLATE,
        "author",
    ),
    (
        "text:date",
        lambda c: "date" in c.features.text_cues and c.features.words <= 8,
        Region.BOILERPLATE,
        "date",
    ),
    ("class:comments", lambda c: "comments" in c.chain_cues, Region.BOILERPLATE, "comments"),
    ("class:share", lambda c: "share" in c.chain_cues, Region.BOILERPLATE, "share"),
    (
        "text:share",
        lambda c: (
            "share" in c.features.text_cues
            and c.features.chars < (c.options.short_block_chars if c.in_main else 80)
        ),
        Region.BOILERPLATE,
        "share",
    ),
    ("class:navigation", lambda c: "navigation" in c.chain_cues, Region.BOILERPLATE, "navigation"),
    ("text:credit", lambda c: "credit" in c.features.text_cues, Region.BOILERPLATE, "credit"),
    ("text:control", lambda c: "control" in c.features.text_cues, Region.BOILERPLATE, "control"),
    ("link:headline", _is_headline, Region.SIDEBAR, "headline"),
    ("class:sidebar", lambda c: "sidebar" in c.chain_cues, Region.SIDEBAR, "related"),
    (
        "main:links",
        lambda c: c.in_main and c.features.link_density > c.options.max_link_density,
        Region.BOILERPLATE,
        "links",
    ),
    ("main:text", lambda c: c.in_main, Region.MAIN, "text"),
    ("other:prose", lambda c: is_prose(c.features, c.options), Region.SIDEBAR, "story-text"),
    ("other:links", lambda c: c.features.linked, Region.BOILERPLATE, "navigation"),
    ("other:footer", lambda c: "footer" in c.chain_cues, Region.BOILERPLATE, "footer"),
    ("other", lambda c: True, Region.BOILERPLATE, "other"),
)


def classify(
    segments: list[Segment],
    features: list[Features],
    main: MainRegion | None,
    options: Options,
    deadline: Deadline | None = None,
) -> list[Decision]:
    chains = _ChainInspector(segments, features, main, options)
    in_main = [main is not None and main.contains(segment.owner) for segment in segments]
    first_main = in_main.index(True) if True in in_main else len(segments)
    decisions = []
    for segment, feature in zip(segments, features, strict=True):
        if deadline is not None:
            deadline.tick("classify")
        chain = chains.chain(segment.owner)
        context = _Context(
            segment=segment,
            features=feature,
            in_main=in_main[segment.index],
            before_main=segment.index < first_main,
            chain_cues=chains.cues(chain),
            appeal_box=chains.appeals(chain),
            options=options,
        )
        decisions.append(_decide(context))
    return revisit_neighbours(segments, features, decisions, options)


def _decide(context: _Context) -> Decision:
    for name, condition, region, role in _ROWS:
        if condition(context):
            return _row_decision(region, role, name)
    raise AssertionError("the last row matches everything")  # pragma: no cover


@functools.cache
def _row_decision(region: Region, role: str, rule: str) -> Decision:
    """One shared (frozen) Decision per row: a page of 100,000 segments needs a few dozen."""
    return Decision(region, role, rule)


class _ChainInspector:
    """The boxes between a segment and the main region, and what they say.

    Results are memoised per element for this one page (no state outlives the call).
    """

    def __init__(
        self,
        segments: list[Segment],
        features: list[Features],
        main: MainRegion | None,
        options: Options,
    ) -> None:
        self._stop = _main_ancestors(main)
        self._cues: dict[HtmlElement, frozenset[str]] = {}
        self._limit = options.chain_limit
        self._appeals = _appeal_boxes(segments, features, options)

    def chain(self, owner: HtmlElement) -> list[HtmlElement]:
        """Not memoised: owners rarely repeat (only lines split by <br>), and a memo
        entry per segment costs more memory than the short climb costs time."""
        chain: list[HtmlElement] = []
        element: HtmlElement | None = owner
        while element is not None and len(chain) < self._limit:
            if element in self._stop:
                break
            chain.append(element)
            element = element.getparent()
        return chain

    def cues(self, chain: list[HtmlElement]) -> frozenset[str]:
        found: set[str] = set()
        for element in chain:
            cached = self._cues.get(element)
            if cached is None:
                cached = self._cues[element] = class_cues(element)
            found |= cached
        found.discard("positive")
        return frozenset(found)

    def appeals(self, chain: list[HtmlElement]) -> bool:
        return any(element in self._appeals for element in chain)


def _main_ancestors(main: MainRegion | None) -> set[HtmlElement]:
    """The main roots and their ancestors: a chain climbing into them has left its own
    box. A root's own classes do not count: it was chosen as the article whatever it is
    called ("article-body pagination-first")."""
    stop: set[HtmlElement] = set()
    if main is None:
        return stop
    for root in main.roots:
        stop.add(root)
        stop.update(root.iterancestors())
    return stop


def _appeal_boxes(
    segments: list[Segment], features: list[Features], options: Options
) -> set[HtmlElement]:
    """Boxes whose text is dense with appeals: at least `min_appeal_hits`, one per
    `max_chars_per_appeal` characters. A long article that says "subscribe" thrice is not one."""
    hits: dict[HtmlElement, int] = {}
    chars: dict[HtmlElement, int] = {}
    if not any(feature.appeals for feature in features):
        return set()  # the common page: no box can qualify, so no box is measured
    for segment, feature in zip(segments, features, strict=True):
        count = feature.appeals
        for element in _boxes_around(segment.owner, options.chain_limit):
            chars[element] = chars.get(element, 0) + len(segment.text)
            if count:
                hits[element] = hits.get(element, 0) + count
    return {
        element
        for element, count in hits.items()
        if count >= options.min_appeal_hits
        and chars[element] <= count * options.max_chars_per_appeal
    }


def _boxes_around(owner: HtmlElement, limit: int) -> Iterator[HtmlElement]:
    yield owner
    for depth, element in enumerate(owner.iterancestors()):
        if depth >= limit:
            return
        if element.tag in vocab.BOX_TAGS:
            yield element


def revisit_neighbours(
    segments: list[Segment],
    features: list[Features],
    decisions: list[Decision],
    options: Options,
) -> list[Decision]:
    """Short segments take the region of the segments around them."""
    revised = list(decisions)
    for index, (segment, feature) in enumerate(zip(segments, features, strict=True)):
        decision = revised[index]
        if decision.rule != "other" or feature.chars >= options.short_block_chars:
            continue
        before = _nearest(revised, index, -1)
        after = _nearest(revised, index, 1)
        if before and after and before.region is after.region is Region.MAIN:
            revised[index] = Decision(Region.MAIN, "text", "neighbours:main")
        elif segment.soft_break and before and before.region in (Region.AD, Region.LEGAL):
            revised[index] = Decision(before.region, before.role, "neighbours:line")
    _trim_main_tail(features, revised, options)
    _trim_engagement_tail(features, revised, options)
    return revised


#: What a short block after the article's last paragraph says when it speaks to the
#: reader about the site or the author rather than the story: (cue, at most this many
#: words, region, role). Prompts are short; a sentence that merely mentions sharing or
#: a subscription is the story's.
_ENGAGEMENT_ROUTES = (
    ("bio", 80, Region.BOILERPLATE, "author"),
    ("social", 40, Region.BOILERPLATE, "share"),
    ("appeal", 25, Region.AD, "appeal"),
    ("comments", 20, Region.BOILERPLATE, "comments"),
    ("share", 8, Region.BOILERPLATE, "share"),
    ("related", 8, Region.BOILERPLATE, "related"),
    ("read-more", 8, Region.BOILERPLATE, "related"),
)


def _trim_engagement_tail(
    features: list[Features], decisions: list[Decision], options: Options
) -> None:
    """After the article's last full paragraph, short blocks that introduce the author or
    invite the reader to comment, share, follow, subscribe or read on are the page's, not
    the story's."""
    main = [i for i, decision in enumerate(decisions) if decision.region is Region.MAIN]
    last = next((i for i in reversed(main) if _is_full_paragraph(features[i], options)), None)
    if last is None:
        return
    for index in main:
        route = _engagement_route(features[index]) if index > last else None
        if route is not None:
            cue, _, region, role = route
            decisions[index] = Decision(region, role, f"tail:{cue}")


def _engagement_route(feature: Features) -> tuple[str, int, Region, str] | None:
    return next(
        (
            route
            for route in _ENGAGEMENT_ROUTES
            if route[0] in feature.text_cues and feature.words <= route[1]
        ),
        None,
    )


def _is_full_paragraph(feature: Features, options: Options) -> bool:
    return (
        feature.length >= options.min_paragraph_chars * options.last_paragraph_factor
        and feature.link_density <= options.max_prose_link_density
        and _engagement_route(feature) is None
    )


def _trim_main_tail(features: list[Features], decisions: list[Decision], options: Options) -> None:
    """Short fragments after the article's last sentence ("Follow us", "Weibo", a tag
    row) are what the page hangs below the article, not its end."""
    main = [i for i, decision in enumerate(decisions) if decision.region is Region.MAIN]
    tail: list[int] = []
    for index in reversed(main):
        feature = features[index]
        if feature.sentences or feature.chars >= options.short_block_chars:
            break
        tail.append(index)
    if len(tail) == len(main):
        return  # nothing but fragments: they are the article
    for index in tail:
        decisions[index] = Decision(Region.BOILERPLATE, "trailer", "neighbours:tail")


def _nearest(decisions: list[Decision], index: int, step: int) -> Decision | None:
    position = index + step
    if 0 <= position < len(decisions):
        return decisions[position]
    return None
