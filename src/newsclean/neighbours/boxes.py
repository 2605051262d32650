"""Boxes inside or beside the article that are not its text: ad labels and what they
label, share rows, boxes hidden in print or opened over the page, the article's own
footer, boxes a label heads, the site's link boxes."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable

from lxml.html import HtmlElement

from newsclean import vocab
from newsclean.classify import Decision
from newsclean.features import Features, is_overlay
from newsclean.model import BlockKind, Region
from newsclean.neighbours.common import box_after, is_fragment, on_site
from newsclean.options import Options
from newsclean.segment import Segment
from newsclean.tree import box_membership, boxes_around, enclosing_href, is_within

#: The rules that find an ad by what it says about itself: "Sponsored" over a teaser, or a
#: plea. Not a bare "Advertisement": it labels a slot whose ad is a picture or a frame, and
#: what shares a box with it is the page's next box.
_AD_LABEL_RULES = frozenset({"text:sponsored", "text:appeal", "link:signup"})


def spread_ad_labels(segments: list[Segment], decisions: list[Decision], options: Options) -> None:
    """An ad's label or plea ("Promoted Content", "Sign up for our newsletter") speaks for
    the small box it heads: the teaser's headline, the form's caption beside it are the
    ad's too. A box of more than `max_ad_box_segments` segments, or holding article text,
    is a column, not one ad."""
    labels = [i for i, decision in enumerate(decisions) if decision.rule in _AD_LABEL_RULES]
    if not labels:
        return
    limit, most = options.chain_limit, options.max_ad_box_segments
    # Members are counted only as far as needed: one past the most a box may hold (and
    # past one, to tell a box holding another segment).
    enough = max(most, 1) + 1
    found: dict[HtmlElement, list[int]] = {}
    for index in labels:
        shared = _smallest_shared_box(segments, index, limit, enough, found)
        if shared is None or len(shared) > most:
            continue
        if any(decisions[i].region is Region.MAIN for i in shared):
            continue
        for i in shared:
            if _is_unnamed(segments[i], decisions[i]):
                decisions[i] = Decision(Region.AD, decisions[index].role, "box:ad-label")


def spread_share_rows(
    segments: list[Segment], features: list[Features], decisions: list[Decision], options: Options
) -> None:
    """A share button named by its class ("share-wx-item") speaks for the row of buttons it
    sits in: the other buttons whose class names no network ("s-item": "微博", "Qzone")
    and the row's caption are the row's too, when the box holds nothing but such
    fragments and at most `max_share_row_segments` of them."""
    buttons = [
        i
        for i, decision in enumerate(decisions)
        if decision.rule == "class:share" and _beside_main(decisions, i)
    ]
    for index in buttons:
        row = _row_around(segments, index, options)
        if row is None or not all(_in_share_row(features[i], options) for i in row):
            continue
        for i in row:
            if decisions[i].region is Region.MAIN:
                decisions[i] = Decision(Region.BOILERPLATE, "share", "box:share")


def _in_share_row(feature: Features, options: Options) -> bool:
    """A button's or a counter's fragment, or the row's own prompt: a short sentence asking
    for a share ("If you like it, please share it!", at most `max_tail_prompt_words`)."""
    return is_fragment(feature, options) or (
        "share" in feature.text_cues and feature.words <= options.max_tail_prompt_words
    )


def route_furniture_boxes(
    segments: list[Segment],
    features: list[Features],
    decisions: list[Decision],
    options: Options,
) -> None:
    """A box inside the article that is not its text is the page's furniture: one the
    stylesheet leaves off paper ("d-print-none", "noprint": a booking widget's hotline, a
    video's player and transcript; `_hidden_in_print`), one the page opens over the text
    on a click (a modal, a popup: `is_overlay`), or the article's own footer (its
    "Posted by ... Tags: ..." line, a correction notice, a card's address: `_is_footer`).
    For each kind in turn (`FURNITURE_BOXES`), the article segments in the outermost such
    box among their owner and its next `chain_limit` ancestors take the kind's verdict
    (boilerplate), unless the box holds more than `max_headed_box_share` of what is left
    of the article's text (a wrapper round the article itself).

    One climb per segment finds its box of every kind, and the climb above a parent is
    kept for the parent's next segment (siblings share it): the kinds are then decided
    in turn over the boxes found, each over what the kinds before it left."""
    found: list[dict[HtmlElement, list[int]]] = [{} for _ in FURNITURE_BOXES]
    total = 0  # the article's characters, summed in the same pass: no list of its segments
    climb = _FurnitureClimb(options.chain_limit)
    for index, decision in enumerate(decisions):
        if decision.region is not Region.MAIN:
            continue
        total += features[index].chars
        for boxes, box in zip(found, climb.boxes(segments[index].owner), strict=True):
            if box is not None:
                boxes.setdefault(box, []).append(index)
    for (_, verdict), boxes in zip(FURNITURE_BOXES, found, strict=True):
        routed = 0
        for members in boxes.values():
            inside = [i for i in members if decisions[i].region is Region.MAIN]
            chars = sum(features[i].chars for i in inside)
            if not inside or chars > options.max_headed_box_share * total:
                continue
            for i in inside:
                decisions[i] = verdict
            routed += chars
        total -= routed


class _FurnitureClimb:
    """For an owner, the outermost element of each furniture kind among it and its next
    `limit` ancestors. The part above the owner is its parent's and the parent's next
    `limit - 1` ancestors: kept for the last parent asked about."""

    __slots__ = ("_above", "_limit", "_parent")

    def __init__(self, limit: int) -> None:
        self._limit = limit
        self._parent: HtmlElement | None = None
        self._above: tuple[HtmlElement | None, ...] = ()

    def boxes(self, owner: HtmlElement) -> tuple[HtmlElement | None, ...]:
        parent = owner.getparent()
        if parent is None or self._limit < 1:
            return _outermost_of_each((owner,))
        if parent is not self._parent:
            chain = itertools.chain(
                (parent,), itertools.islice(parent.iterancestors(), self._limit - 1)
            )
            self._parent, self._above = parent, _outermost_of_each(chain)
        if owner.tag not in _FURNITURE_TAGS and not owner.keys():
            return self._above  # the common owner, a bare <p>: of no kind itself
        own = _outermost_of_each((owner,))
        return tuple(
            above if above is not None else mine
            for above, mine in zip(self._above, own, strict=True)
        )


def _outermost_of_each(chain: Iterable[HtmlElement]) -> tuple[HtmlElement | None, ...]:
    """For each furniture kind, the last element of `chain` (innermost first) of that kind."""
    found: list[HtmlElement | None] = [None] * len(FURNITURE_BOXES)
    for element in chain:
        # No kind without an attribute but for these tags: one C call rules most out.
        if element.tag not in _FURNITURE_TAGS and not element.keys():
            continue
        for kind, (test, _) in enumerate(FURNITURE_BOXES):
            if test(element):
                found[kind] = element
    return tuple(found)


#: The tags that make a furniture box without an attribute (`is_overlay`, `_is_footer`).
_FURNITURE_TAGS = frozenset({"dialog", "footer"})


def _hidden_in_print(element: HtmlElement) -> bool:
    classes = element.get("class")
    return bool(
        classes
        and vocab.PRINT_HIDDEN_HINT.search(classes)
        and any(vocab.PRINT_HIDDEN_CLASS.match(name) for name in classes.split())
    )


def _is_footer(element: HtmlElement) -> bool:
    """A footer (`<footer>`, `role="contentinfo"`) but a quotation's (`<blockquote><p>...
    </p><footer>— Name</footer>`: the quote's source, said in the text)."""
    if element.tag != "footer" and (element.get("role") or "").lower() not in vocab.FOOTER_ROLES:
        return False
    parent = element.getparent()
    return parent is None or parent.tag != "blockquote"


#: The kinds of box inside the article that are not its text, in the order they are
#: decided, each with its verdict.
FURNITURE_BOXES: tuple[tuple[Callable[[HtmlElement], bool], Decision], ...] = (
    (_hidden_in_print, Decision(Region.BOILERPLATE, "other", "box:noprint")),
    (is_overlay, Decision(Region.BOILERPLATE, "other", "box:overlay")),
    (_is_footer, Decision(Region.BOILERPLATE, "footer", "box:footer")),
)


def _row_around(segments: list[Segment], index: int, options: Options) -> range | None:
    """The segments of the innermost box around segment `index` that holds another one,
    if it holds at most `max_share_row_segments` (segments of a box are consecutive)."""
    limit = options.max_share_row_segments
    for box in boxes_around(segments[index].owner, options.chain_limit):
        first = last = index
        while first > 0 and index - first < limit and is_within(segments[first - 1].owner, box):
            first -= 1
        while (
            last + 1 < len(segments)
            and last - first + 1 <= limit
            and is_within(segments[last + 1].owner, box)
        ):
            last += 1
        if first == last:
            continue
        return range(first, last + 1) if last - first + 1 <= limit else None
    return None


def _beside_main(decisions: list[Decision], index: int) -> bool:
    return any(
        0 <= i < len(decisions) and decisions[i].region is Region.MAIN
        for i in (index - 1, index + 1)
    )


def _is_unnamed(segment: Segment, decision: Decision) -> bool:
    """Taken for a side story or decided by no cue: what an ad's box may claim. A byline,
    a menu or a legal line beside a plea says what it is itself; a block that one link
    wraps whole is a card, not a menu's entry."""
    return (
        decision.region is Region.SIDEBAR
        or decision.rule == "other"
        or (decision.rule == "other:links" and enclosing_href(segment.owner) is not None)
    )


def _smallest_shared_box(
    segments: list[Segment],
    index: int,
    limit: int,
    enough: int,
    found: dict[HtmlElement, list[int]],
) -> list[int] | None:
    """The members of the innermost box around segment `index` that holds another segment
    besides it (see `_box_members`); None when no box does."""
    for box in boxes_around(segments[index].owner, limit):
        members = found.get(box)
        if members is None:
            members = found[box] = _box_members(segments, index, box, limit, enough)
        if len(members) > 1:
            return members
    return None


def _box_members(
    segments: list[Segment], index: int, box: HtmlElement, limit: int, enough: int
) -> list[int]:
    """The segments `box` is one of the boxes around (`tree.boxes_around`), in page order,
    found from segment `index` (one of them) either way; all of them, or any `enough` of
    them when there are at least that many."""
    before: list[int] = []
    after: list[int] = []
    for step, side in ((-1, before), (1, after)):
        other = index + step
        while 0 <= other < len(segments) and len(before) + len(after) + 1 < enough:
            member = box_membership(segments[other].owner, box, limit)
            if member is None:
                break
            if member:
                side.append(other)
            other += step
    return [*reversed(before), index, *after]


#: What a box opened by a vocab.BOX_HEADING label holds: (group, label's role, content's
#: region and role).
_HEADED_BOXES = {
    "related": ("related", Region.SIDEBAR, "related"),
    "author": ("author", Region.BOILERPLATE, "author"),
    "contents": ("navigation", Region.BOILERPLATE, "navigation"),
}


def route_headed_boxes(
    segments: list[Segment], features: list[Features], decisions: list[Decision], options: Options
) -> None:
    """A label such as "Lesen Sie auch" or "About the author" that opens a box inside the
    article: the box (the smallest element around the label holding more segments, with
    nothing of the article above the label) holds other stories or the author's profile."""
    main_chars = sum(
        feature.chars
        for feature, decision in zip(features, decisions, strict=True)
        if decision.region is Region.MAIN
    )
    for index, segment in enumerate(segments):
        if decisions[index].region is not Region.MAIN:
            continue
        match = vocab.BOX_HEADING.match(segment.text)
        if match is None or match.lastgroup is None:
            continue
        label_role, region, role = _HEADED_BOXES[match.lastgroup]
        # A profile's header may hold its label and the name alone, the rest of the
        # profile beside it ("Artikel von" / the name, then the job title): the box the
        # header sits in is the profile's.
        box = None
        if label_role == "author":
            box = box_after(segments, features, decisions, index, options, needs_main=True)
        if box is None:
            box = box_after(segments, features, decisions, index, options)
        if box is None:
            continue
        inside = [i for i in range(index + 1, box + 1) if decisions[i].region is Region.MAIN]
        if sum(features[i].chars for i in inside) > main_chars * options.max_headed_box_share:
            continue
        decisions[index] = Decision(Region.BOILERPLATE, label_role, "box:heading")
        for i in inside:
            decisions[i] = Decision(region, role, "box:heading")


def route_link_boxes(
    segments: list[Segment],
    features: list[Features],
    decisions: list[Decision],
    options: Options,
    host: str | None,
) -> None:
    """A box in the article opened by a heading, holding at least `min_teaser_cards`
    headline links to other stories of the site after all of the article's text it holds,
    and less of that text than of their headlines ("TR 7/2019" / "Dieser Beitrag stammt
    aus Ausgabe 7/2019 ... Highlights aus dem Heft:" over the issue's stories): its
    heading, caption and blurb are the box's, not the story's. A product's box, its
    links a shop's, is the article's."""
    main_total = sum(
        f.chars for f, d in zip(features, decisions, strict=True) if d.region is Region.MAIN
    )
    seen: set[HtmlElement] = set()
    for index, decision in enumerate(decisions):
        if decision.rule != "link:headline":
            continue
        box = _link_box(segments, features, decisions, index, options, host, seen)
        if box is None:
            continue
        inside = [i for i in box if decisions[i].region is Region.MAIN]
        if sum(features[i].chars for i in inside) > main_total * options.max_headed_box_share:
            continue
        for i in inside:
            decisions[i] = Decision(Region.SIDEBAR, "related", "box:links")


def _link_box(
    segments: list[Segment],
    features: list[Features],
    decisions: list[Decision],
    index: int,
    options: Options,
    host: str | None,
    seen: set[HtmlElement],
) -> range | None:
    """The segments of the largest box around headline `index` shaped as
    `route_link_boxes` says (boxes already climbed from another headline are not
    climbed again)."""
    best: range | None = None
    first = last = index
    for depth, box in enumerate(segments[index].owner.iterancestors()):
        if depth >= options.chain_limit or box.tag in ("body", "html") or box in seen:
            break
        seen.add(box)
        while first > 0 and is_within(segments[first - 1].owner, box):
            first -= 1
        while last + 1 < len(segments) and is_within(segments[last + 1].owner, box):
            last += 1
        if last - first >= options.max_link_box_segments:
            break  # a column; and no pass over it per headline
        members = range(first, last + 1)
        main = [i for i in members if decisions[i].region is Region.MAIN]
        headlines = [i for i in members if decisions[i].rule == "link:headline"]
        if sum(features[i].chars for i in main) > sum(features[i].chars for i in headlines):
            break
        if (
            main
            and len(headlines) >= options.min_teaser_cards
            and segments[main[0]].kind is BlockKind.HEADING
            and main[-1] < headlines[0]
            and all(on_site(segments[i], host) for i in headlines)
        ):
            best = members
    return best
