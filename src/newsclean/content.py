"""Find the element that holds the article: where prose paragraphs cluster.

Each prose segment (long enough, few links) scores its container, and less its
container's ancestors; class/id vocabulary and link density scale the totals.
The best-scoring element, with the prose siblings beside it, is the main region.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

from lxml.html import HtmlElement

from newsclean import vocab
from newsclean.features import (
    Features,
    class_cues,
    landmark_cues,
    legal_words,
    negative_cues,
)
from newsclean.model import BlockKind
from newsclean.options import Options
from newsclean.segment import Segment
from newsclean.tree import is_within


@dataclass(frozen=True, slots=True)
class MainRegion:
    """The main container and the sibling elements that join it, in document order."""

    roots: tuple[HtmlElement, ...]
    #: The roots that joined the main container as its siblings (none for a template's
    #: body): their own classes still speak for what they hold.
    joined: tuple[HtmlElement, ...] = ()
    #: Memo of `contains`, per element: every segment asks, and neighbours share ancestors.
    _inside: dict[HtmlElement, bool] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def contains(self, element: HtmlElement) -> bool:
        """The element is a root or inside one. Climbs only to the first element already
        answered, and records the answer for the whole climb."""
        inside = self._inside
        # Most elements asked about are segments' owners whose parent is answered.
        if element not in inside and element not in self.roots:
            parent = element.getparent()
            known = inside.get(parent) if parent is not None else False
            if known is not None:
                return known
        climbed: list[HtmlElement] = []
        node: HtmlElement | None = element
        answer = False
        while node is not None:
            known = inside.get(node)
            if known is not None:
                answer = known
                break
            if node in self.roots:
                answer = True
                break
            climbed.append(node)
            node = node.getparent()
        for node in climbed[1:]:  # the element itself is rarely asked again
            inside[node] = answer
        return answer


def is_prose(features: Features, options: Options, min_chars: int | None = None) -> bool:
    minimum = options.min_paragraph_chars if min_chars is None else min_chars
    return features.length >= minimum and features.link_density <= options.max_prose_link_density


def find_main(
    segments: list[Segment],
    features: list[Features],
    options: Options,
    forms: Sequence[HtmlElement] | None = None,
) -> MainRegion | None:
    """The article's region; `forms`: the page's <form> elements, if gathered already."""
    if not segments:
        return None
    if forms is None:
        forms = list(segments[0].owner.getroottree().getroot().iter("form"))
    stats = _text_stats(segments, features, options)  # the legal retry's too: same options
    first = _find_main(segments, features, options, forms, stats)
    if first.doubted:
        # The best container is classed against the article, or the page's footer would
        # outscore it but for its second weighting (the page's only paragraph is the
        # footer's "about us"): the article may be a page of short lines, a product's
        # data sheet, judged by the shorter yardstick. Taken when it finds another
        # container, one not classed against: where it finds the first one, the first
        # region stands (the lines a shorter yardstick counts, a form's labels beside
        # the article, are no paragraphs to join it).
        short = replace(options, min_paragraph_chars=_shorter_yardstick(options))
        again = _find_main(segments, features, short, forms, _text_stats(segments, features, short))
        if again.region is not None and not again.against and again.best is not first.best:
            return again.region
    if first.against:
        # Nothing on the page reads as an article: a page whose main text is a legal
        # notice (a promotion's terms) gives that text, when the page says it is its
        # main content (`_legal_page_box`).
        legal = _find_main(segments, features, options, forms, stats, only=_legal_page_box)
        if legal.region is not None:
            return legal.region
    return first.region


def _shorter_yardstick(options: Options) -> int:
    """The prose length a page of short paragraphs is judged by."""
    return options.min_paragraph_chars // options.short_page_divisor


@dataclass(frozen=True, slots=True)
class _Choice:
    """One choice of the main region, with what `find_main` weighs it by."""

    region: MainRegion | None
    #: The best-scoring container (None with no region).
    best: HtmlElement | None = None
    #: The best container is classed against the article.
    against: bool = False
    #: ... or the page's footer outscores it but for the footer's second weighting.
    doubted: bool = False


def _find_main(
    segments: list[Segment],
    features: list[Features],
    options: Options,
    forms: Sequence[HtmlElement],
    stats: _Totals,
    only: Callable[[HtmlElement, _Totals, Options], bool] | None = None,
) -> _Choice:
    """The article's region, its best container, and whether that is in doubt; `stats`:
    the page's text totals under `options`; with `only`, the best container is the best
    of those it admits (none: no region)."""
    logins = _login_forms(forms, stats)
    scores = _score_containers(segments, features, options, options.min_paragraph_chars, logins)
    if not scores:  # a page of short paragraphs: judge them by a shorter yardstick
        shorter = _shorter_yardstick(options)
        scores = _score_containers(segments, features, options, shorter, logins)
    if not scores:
        return _Choice(None)
    negative: dict[HtmlElement, bool] = {}  # memo: an element's own negative cues
    class_weights = {
        element: _class_weight(element, negative, stats, options) for element in scores
    }
    # The page's own footer (its "about us", its disclaimers) weighs against twice: a
    # box in it is classed against (a class cue or a box around it) and is the footer.
    footer = {element for element in scores if _in_page_footer(element)}
    weighted = {
        element: score
        * (1 - stats[element].link_density)
        * class_weights[element]
        * (options.negative_class_weight if element in footer else 1.0)
        for element, score in scores.items()
    }
    admitted = weighted if only is None else [e for e in weighted if only(e, stats, options)]
    if not admitted:
        return _Choice(None)
    best = max(admitted, key=lambda element: weighted[element])
    top = _best_climbed(best, weighted, class_weights, stats, options)
    top = _tab_widget(top, stats, options)
    threshold = max(weighted[best] * options.sibling_score_share, options.min_sibling_score)
    roots = _with_siblings(top, weighted, threshold, stats, options, logins)
    twins = _numbered_twins(best, top, roots, weighted, class_weights, threshold, stats, options)
    if twins:
        order = {element: position for position, element in enumerate(top.getroottree().iter())}
        roots = tuple(sorted((*roots, *twins), key=order.__getitem__))
    region = MainRegion(roots, tuple(root for root in roots if root is not top))
    against = class_weights[best] < 1
    # Weighed against once only, would a box in the footer outscore the best container?
    footer_best = max((weighted[element] for element in footer), default=0.0)
    doubted = against or footer_best > weighted[best] * options.negative_class_weight
    return _Choice(region, best, against, doubted)


#: A form asking for a password holding at most this share of the page's text is a login
#: or an account's registration, its notes and error messages no article; a form around
#: more is ASP.NET's, around the whole page.
LOGIN_FORM_MAX_PAGE_SHARE = 0.5


def _login_forms(forms: Sequence[HtmlElement], stats: _Totals) -> tuple[HtmlElement, ...]:
    """The page's login and registration forms: a form with a password field holding at
    most `LOGIN_FORM_MAX_PAGE_SHARE` of the page's text. Their notes and error messages
    ("Das Passwort muss mindestens 8 Zeichen lang sein.") are sentences, and a page's
    only long ones when the article is short; they score for no container."""
    forms = [
        form
        for form in forms
        if any((field.get("type") or "").lower() == "password" for field in form.iter("input"))
    ]
    if not forms:
        return ()  # the common page: nothing is measured
    root = forms[0].getroottree().getroot()
    page = stats.get(root)
    page_chars = page.chars if page is not None else 0
    return tuple(
        form
        for form in forms
        if (entry := stats.get(form)) is not None
        and entry.chars <= page_chars * LOGIN_FORM_MAX_PAGE_SHARE
    )


_DIGITS = re.compile(r"\d+")


def _numbered_shape(element: HtmlElement) -> tuple[str, str]:
    """The element's tag and class with its numbers taken out ("story-body story-body-2"
    and "story-body story-body-1" are one shape: a CMS counts its parts)."""
    return element.tag, _DIGITS.sub("", element.get("class") or "")


def _numbered_twins(
    best: HtmlElement,
    top: HtmlElement,
    roots: tuple[HtmlElement, ...],
    weighted: dict[HtmlElement, float],
    class_weights: dict[HtmlElement, float],
    threshold: float,
    stats: _Totals,
    options: Options,
) -> tuple[HtmlElement, ...]:
    """Boxes shaped like the best container, its class the same but for its numbers,
    in the box up to `climb_lookahead` levels above the main container: the
    article's other parts, which the CMS set in wrappers of their own with furniture
    between (a first part of four paragraphs, the related links and the ads, then the
    rest: "div.story-body-supplemental > div.story-body-1", "... > div.story-body-2").
    Each must score as a sibling that joins would, hold at least `prose_box_paragraphs`
    × `min_paragraph_chars` of prose, have no class against it nor around it (no long
    comment of the same shape), and not repeat the container (a page laid out twice);
    nothing between it and the box they share may be classed against the article.
    Climbing to that box would take in the furniture between them too."""
    if not best.get("class"):
        return ()
    shape = _numbered_shape(best)
    around: list[HtmlElement] = []
    for depth, ancestor in enumerate(top.iterancestors()):
        if depth >= options.climb_lookahead or ancestor.tag in ("body", "html"):
            break
        if _cues_against(ancestor, stats, options):
            break
        around.append(ancestor)
    if not around:
        return ()
    region = around[-1]
    twins = [
        element
        for element, score in weighted.items()
        if score >= threshold
        and class_weights[element] >= 1
        and _numbered_shape(element) == shape
        and stats[element].prose >= options.min_paragraph_chars * options.prose_box_paragraphs
        and stats[element] != stats[best]
        and is_within(element, region)
        and not any(is_within(element, root) or is_within(root, element) for root in roots)
    ]
    return tuple(twins)


#: A class word naming a tab or accordion panel, alone or joined by "-"/"_": "tab",
#: "tab--container", "et_pb_tab_content", "tab-pane", "m022-accordion" (not "table").
_TAB_WORD = re.compile(
    r"^(?:.*[-_])?(?:tabs?|tab-?pane|tabpanel|accordion)(?:[-_].*)?$", re.IGNORECASE
)


def _tab_words(element: HtmlElement) -> frozenset[str]:
    """The element's class words naming a tab or an accordion, and its tabpanel role."""
    words = frozenset(
        word for word in (element.get("class") or "").split() if _TAB_WORD.match(word)
    )
    return words | {"role=tabpanel"} if element.get("role") == "tabpanel" else words


def _tab_widget(top: HtmlElement, stats: _Totals, options: Options) -> HtmlElement:
    """The box of tab or accordion panels around the main container, when it sits in one
    of them (up to `climb_lookahead` levels down): a product's description, its details
    and its tasting notes, a recipe's ingredients and its method, are panels of one
    widget, one shown at a time, and the climb, seeing only prose, stops at the first.
    The panels are the container (or its ancestor) classed as a tab and its siblings of
    the same tag sharing such a class word; the box is taken when neither it nor the
    way to it is classed against the article and what it adds has link text at most
    `climb_max_link_density`."""
    for depth, node in enumerate(_self_and_ancestors(top)):
        if depth > options.climb_lookahead or node.tag in ("body", "html"):
            return top
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html"):
            return top
        if _cues_against(node, stats, options) or _cues_against(parent, stats, options):
            return top
        words = _tab_words(node)
        if not words:
            continue
        panels = [
            child
            for child in parent
            if child is not node
            and isinstance(child.tag, str)
            and child.tag == node.tag
            and _tab_words(child) & words
        ]
        if not panels:
            continue
        here, there = stats[top], stats[parent]
        added = there.chars - here.chars
        if there.links - here.links <= added * options.climb_max_link_density:
            return parent
        return top
    return top


def _best_climbed(
    best: HtmlElement,
    weighted: dict[HtmlElement, float],
    class_weights: dict[HtmlElement, float],
    stats: _Totals,
    options: Options,
) -> HtmlElement:
    """Of the best container and its rivals elsewhere on the page (scoring close to it,
    neither inside nor around it, with no class against them), the one whose climb
    gathers the most prose: one recipe step scores no more than a contact box, but the
    steps climb into the whole method."""
    floor = weighted[best] * options.rival_score_share
    around = {best, *best.iterancestors()}

    def elsewhere(element: HtmlElement) -> bool:
        """Neither the best container, around it, nor inside it."""
        return element not in around and not is_within(element, best)

    rivals = sorted(
        (
            element
            for element, score in weighted.items()
            if score >= floor and class_weights[element] >= 1 and elsewhere(element)
        ),
        key=lambda element: weighted[element],
        reverse=True,
    )[: options.max_rivals]
    # The best container in a tab panel stands for the whole widget (`_tab_widget`): its
    # rivals compete with all the panels' prose, not with the one panel it scored in.
    top = _tab_widget(_climb(best, stats, options), stats, options)
    gathered = _twins_ancestor(best, weighted, class_weights, floor, stats, options)
    if (
        gathered is not None
        and is_within(top, gathered)
        and stats[gathered].prose > stats[top].prose
    ):
        top = gathered
    for rival in rivals:
        climbed = _climb(rival, stats, options)
        if elsewhere(climbed) and stats[climbed].prose > stats[top].prose:
            top = climbed
    cards = _card_group(best, weighted, class_weights, stats, options)
    if cards is not None and elsewhere(cards):
        top = _gather(top, cards, stats, options)
    return top


def _gather(top: HtmlElement, cards: HtmlElement, stats: _Totals, options: Options) -> HtmlElement:
    """The nearest box, up to `climb_lookahead` levels above the main container, holding
    it and the group of cards too, when what it adds is mostly prose with few links and
    nothing on the way is classed against the article; else the main container."""
    for depth, ancestor in enumerate(top.iterancestors()):
        if depth >= options.climb_lookahead or ancestor.tag in ("body", "html"):
            return top
        if _cues_against(ancestor, stats, options) or _children_negative(ancestor, options):
            return top
        if is_within(cards, ancestor):
            return ancestor if _adds_prose(stats[top], stats[ancestor], options) else top
    return top


def _card_group(
    best: HtmlElement,
    weighted: dict[HtmlElement, float],
    class_weights: dict[HtmlElement, float],
    stats: _Totals,
    options: Options,
) -> HtmlElement | None:
    """The box around the largest group of containers of one tag and class that together
    outscore the best container, none scoring near it alone: a round-up's product cards,
    each a few paragraphs, beside a buying guide of many."""
    groups: dict[tuple[str, str], list[HtmlElement]] = {}
    for element in weighted:
        shape = element.get("class")
        if (
            shape
            and class_weights[element] >= 1
            and element is not best
            and stats[element].prose >= options.min_paragraph_chars * options.prose_box_paragraphs
            and not stats[element].links  # a linked summary is a teaser's
        ):
            groups.setdefault((element.tag, shape), []).append(element)
    chosen: HtmlElement | None = None
    for members in groups.values():
        if len(members) < options.min_list_children:
            continue
        if sum(weighted[member] for member in members) < weighted[best]:
            continue
        box = _common_box(members)
        if box is None or box.tag in ("body", "html") or _cues_against(box, stats, options):
            continue
        if chosen is None or stats[box].prose > stats[chosen].prose:
            chosen = box
    return chosen


def _common_box(members: list[HtmlElement]) -> HtmlElement | None:
    """The nearest element holding all the members."""
    for ancestor in members[0].iterancestors():
        if all(is_within(member, ancestor) for member in members[1:]):
            return ancestor
    return None


def _twins_ancestor(
    best: HtmlElement,
    weighted: dict[HtmlElement, float],
    class_weights: dict[HtmlElement, float],
    floor: float,
    stats: _Totals,
    options: Options,
) -> HtmlElement | None:
    """The nearest box around the best container and its twins: containers of the same
    tag and class scoring near it (the sections of a long read, the cards of a listicle,
    each in its own wrapper of headings and pictures deeper than the climb looks) — when
    what it adds is mostly prose with few links and nothing on the way is classed
    against the article."""
    if not best.get("class"):
        return None
    shape = _numbered_shape(best)
    twins = [
        element
        for element, score in weighted.items()
        if element is not best
        and score >= floor
        and class_weights[element] >= 1  # not a long comment of the same shape
        and _numbered_shape(element) == shape
        and stats[element].prose >= options.min_paragraph_chars * options.prose_box_paragraphs
        and stats[element] != stats[best]  # a copy: the page laid out twice, phone and desk
    ]
    if not twins:
        return None
    for ancestor in best.iterancestors():
        if ancestor.tag in ("body", "html") or _cues_against(ancestor, stats, options):
            return None
        if all(is_within(twin, ancestor) for twin in twins):
            return ancestor if _adds_prose(stats[best], stats[ancestor], options) else None
    return None


@dataclass(slots=True)
class _Stats:
    """Characters of all text, of link text and of prose under one element."""

    chars: int = 0
    links: int = 0
    prose: int = 0
    paragraphs: int = 0  # prose segments

    @property
    def link_density(self) -> float:
        return self.links / self.chars if self.chars else 0.0


def _text_stats(segments: list[Segment], features: list[Features], options: Options) -> _Totals:
    """The totals under each segment's owner and each of its ancestors.

    One pass in document order along the path of open elements, from the root down to
    the current segment's owner: leaving an element, the pass hands its parent what the
    element gathered since it was entered (an element can be left and entered again:
    text after an inline box holding a block). No table of depths, no sort: the path is
    the only state besides the totals, which are kept for boxes only (see `_Totals`).
    """
    boxes: dict[HtmlElement, _Stats] = {}
    spans: dict[HtmlElement, tuple[int, int]] = {}
    path: list[_Visit] = []  # the open elements, root first
    position: dict[HtmlElement, int] = {}  # element -> index in `path`
    shared: dict[tuple[int, int, int, int], _Stats] = {}  # the totals of boxes left
    for index, (segment, feature) in enumerate(zip(segments, features, strict=True)):
        owner = segment.owner
        if not path or path[-1].element is not owner:
            climbed: list[HtmlElement] = []
            node: HtmlElement | None = owner
            while node is not None and node not in position:
                climbed.append(node)
                node = node.getparent()
            keep = position[node] + 1 if node is not None else 0
            _leave(path, position, boxes, spans, shared, keep, index)
            for element in reversed(climbed):
                if path:
                    path[-1].holds_elements = True
                known = boxes.get(element)
                # Entered again: its totals, maybe shared since it was left, as its own.
                entry = _Stats() if known is None else replace(known)
                position[element] = len(path)
                path.append(_Visit(element, entry, _totals_of(entry), index))
        _count(path[-1].entry, segment, feature, options)
    _leave(path, position, boxes, spans, shared, 0, len(segments))
    return _Totals(boxes, spans, segments, features, options)


def _count(entry: _Stats, segment: Segment, feature: Features, options: Options) -> None:
    """Add one segment, owned by the element `entry` totals, to it."""
    entry.chars += feature.chars
    entry.links += segment.link_chars
    if is_prose(feature, options):
        entry.prose += feature.chars
        entry.paragraphs += 1


@dataclass(slots=True)
class _Visit:
    """An element on `_text_stats`' path of open elements."""

    element: HtmlElement
    entry: _Stats  # its running totals
    entered_at: tuple[int, int, int, int]  # its totals when it was entered
    first: int  # the first segment since it was entered
    holds_elements: bool = False  # an element was entered below it: it is a box


_totals_of = operator.attrgetter("chars", "links", "prose", "paragraphs")  # one C call


def _leave(
    path: list[_Visit],
    position: dict[HtmlElement, int],
    boxes: dict[HtmlElement, _Stats],
    spans: dict[HtmlElement, tuple[int, int]],
    shared: dict[tuple[int, int, int, int], _Stats],
    length: int,
    end: int,
) -> None:
    """Leave the open elements past the first `length`, deepest first, each handing its
    parent what it gathered since it was entered; `end` is the next segment's index. A
    box keeps its totals and the span of its segments; a leaf (no element entered below
    it, so entered once and holding its own segments alone) keeps nothing."""
    while len(path) > length:
        visit = path.pop()
        element, entry = visit.element, visit.entry
        del position[element]
        chars, links, prose, paragraphs = visit.entered_at
        if path:
            parent = path[-1].entry
            parent.chars += entry.chars - chars
            parent.links += entry.links - links
            parent.prose += entry.prose - prose
            parent.paragraphs += entry.paragraphs - paragraphs
        if visit.holds_elements or element.getparent() is None:
            # Done with until entered again: equal totals share one object.
            boxes[element] = shared.setdefault(_totals_of(entry), entry)
            first = spans[element][0] if element in spans else visit.first
            spans[element] = (first, end - 1)


class _Totals:
    """The totals (`_Stats`) under each element that holds text, looked up like a dict.

    Kept per element only for boxes, the elements with another text-holding element
    inside: a leaf's (a paragraph's) are its own segments', counted when first asked
    for, with those of its parent's other leaves. A page of 100,000 paragraphs holds a
    handful of boxes, and the choice of the article asks only about its neighbourhood.
    """

    def __init__(
        self,
        boxes: dict[HtmlElement, _Stats],
        spans: dict[HtmlElement, tuple[int, int]],
        segments: list[Segment],
        features: list[Features],
        options: Options,
    ) -> None:
        self._boxes = boxes
        self._spans = spans  # each box's first and last segment
        self._segments = segments
        self._features = features
        self._options = options
        self._leaves: dict[HtmlElement, dict[HtmlElement, _Stats]] = {}  # by parent

    def get(self, element: HtmlElement) -> _Stats | None:
        box = self._boxes.get(element)
        if box is not None:
            return box
        parent = element.getparent()
        if parent is None or parent not in self._spans:
            return None  # no text inside (a leaf's parent is a box)
        leaves = self._leaves.get(parent)
        if leaves is None:
            leaves = self._leaves[parent] = self._count_leaves(parent)
        return leaves.get(element)

    def __getitem__(self, element: HtmlElement) -> _Stats:
        entry = self.get(element)
        if entry is None:
            raise KeyError(element)
        return entry

    def __contains__(self, element: HtmlElement) -> bool:
        return self.get(element) is not None

    def _count_leaves(self, parent: HtmlElement) -> dict[HtmlElement, _Stats]:
        """The totals of the leaves among the parent's children."""
        counted: dict[HtmlElement, _Stats] = {}
        first, last = self._spans[parent]
        for index in range(first, last + 1):
            segment = self._segments[index]
            owner = segment.owner
            if owner in self._boxes or owner.getparent() is not parent:
                continue
            entry = counted.get(owner)
            if entry is None:
                entry = counted[owner] = _Stats()
            _count(entry, segment, self._features[index], self._options)
        return counted


def _climb(top: HtmlElement, stats: _Totals, options: Options) -> HtmlElement:
    """Move up while an ancestor adds more of the same: prose, few links.

    Page builders wrap every paragraph in a widget of its own, so the best-scoring
    container can be a fragment of the article; its ancestors gather the rest.
    """
    current = top
    while (step := _next_step(current, stats, options)) is not None:
        current = step
    return current


def _next_step(current: HtmlElement, stats: _Totals, options: Options) -> HtmlElement | None:
    """The nearest ancestor, up to `options.climb_lookahead` levels up, that the container grows
    into: a wrapper just above it, or one whose added text is mostly prose held by
    siblings shaped like the path's child (a product card's header sits between the
    card's text and the list of cards)."""
    here = stats[current]
    child = current
    for depth, parent in enumerate(current.iterancestors()):
        if depth >= options.climb_lookahead or parent.tag in ("body", "html"):
            return None
        if _cues_against(parent, stats, options) or _children_negative(parent, options):
            return None  # a sidebar, a footer, a comment thread...
        there = stats[parent]
        if depth == 0 and _adds_little(here, there, options):  # a section adding its heading, say
            return parent
        if _adds_prose(here, there, options) and _prose_from_twins(
            current, child, parent, stats, options
        ):
            return parent
        child = parent
    return None


def _adds_little(here: _Stats, there: _Stats, options: Options) -> bool:
    added = there.chars - here.chars
    small = added <= min(here.chars * options.wrapper_max_share, options.wrapper_max_chars)
    return small and (there.links - here.links) * 4 <= added


def _prose_from_twins(
    current: HtmlElement,
    child: HtmlElement,
    parent: HtmlElement,
    stats: _Totals,
    options: Options,
) -> bool:
    """Most of the prose the parent adds to the current container sits in siblings of
    `child` (the current container or its ancestor just below the parent) shaped like it,
    or in boxes of plain prose: more widgets of the same page builder, more wrapped
    paragraphs, not a floated side story or a comment list."""
    shape = _numbered_shape(child)
    added = stats[parent].prose - stats[current].prose
    twins = sum(
        stats[sibling].prose
        for sibling in parent
        if sibling is not child
        and sibling in stats
        and (_numbered_shape(sibling) == shape or _plain_prose(sibling, stats, options))
    )
    return twins * 2 >= added


def _plain_prose(element: HtmlElement, stats: _Totals, options: Options) -> bool:
    """A box of nothing but prose (a paragraph in its own wrapper, a section of
    paragraphs): the article's own text, whatever its class says about layout."""
    entry = stats[element]
    return (
        entry.prose > 0
        and element.tag not in vocab.HEADING_TAGS  # a standfirst is not the body's text
        and entry.prose >= entry.chars * options.plain_prose_share
        and not entry.links  # a linked line is as often a teaser as the article's
        and not negative_cues(element)
        and not _floated(element)
    )


def _adds_prose(here: _Stats, there: _Stats, options: Options) -> bool:
    added = there.chars - here.chars
    added_prose = there.prose - here.prose
    return (
        added_prose >= here.prose * options.climb_min_prose_gain
        and added_prose >= added * options.climb_min_prose_share
        and there.links - here.links <= added * options.climb_max_link_density
    )


def _score_containers(
    segments: list[Segment],
    features: list[Features],
    options: Options,
    min_chars: int,
    logins: tuple[HtmlElement, ...] = (),
) -> dict[HtmlElement, float]:
    scores: dict[HtmlElement, float] = {}
    in_login: dict[HtmlElement, bool] = {}  # memo per container
    last_owner: HtmlElement | None = None
    container: HtmlElement | None = None
    for segment, feature in zip(segments, features, strict=True):
        # A data table votes for nothing: its decimal commas are not a paragraph's.
        if segment.kind is BlockKind.TABLE or not is_prose(feature, options, min_chars):
            continue
        score = 1 + min(feature.commas, 10) + min(feature.length / 100, 3)
        # A box of loose text holds its lines one after another: asked once for them all
        # (asking each line scans the box's children: quadratic in `<br>`-parted lines).
        if container is None or segment.owner is not last_owner:
            last_owner, container = segment.owner, _container_of(segment.owner)
        if logins:
            login = in_login.get(container)
            if login is None:
                login = in_login[container] = any(is_within(container, f) for f in logins)
            if login:  # a login form's notes and error messages
                continue
        shares = options.ancestor_shares
        for share, element in zip(shares, _self_and_ancestors(container), strict=False):
            scores[element] = scores.get(element, 0.0) + score * share
    return scores


def _container_of(owner: HtmlElement) -> HtmlElement:
    """A leaf block (a <p>) scores its parent; a box holding loose text scores itself."""
    if any(isinstance(child.tag, str) and child.tag in vocab.BLOCK_TAGS for child in owner):
        return owner
    parent = owner.getparent()
    return parent if parent is not None else owner


def _class_weight(
    element: HtmlElement,
    negative: dict[HtmlElement, bool],
    stats: _Totals,
    options: Options,
) -> float:
    cues = class_cues(element) - belied_cues(
        element, stats[element], options, _SELECTION_BELIED_CUES
    )
    weight = 1.0
    # Lead and byline boxes count against too: they hold the header, never the body.
    against = _children_negative(element, options) or _inside_negative(
        element, negative, stats, options
    )
    if cues - {"positive"} or against:
        weight *= options.negative_class_weight
    if "positive" in cues:
        weight *= options.positive_class_weight
    return weight


def _inside_negative(
    element: HtmlElement,
    negative: dict[HtmlElement, bool],
    stats: _Totals,
    options: Options,
) -> bool:
    """A box inside a sidebar, a footer or a comment thread: a long comment or a
    widget's blurb is prose, but never the article."""
    for ancestor in element.iterancestors():
        if ancestor.tag in ("body", "html"):  # their classes describe the whole page
            return False
        known = negative.get(ancestor)
        if known is None:
            known = negative[ancestor] = bool(_cues_against(ancestor, stats, options))
        if known:
            return True
    return False


def _legal_page_box(element: HtmlElement, stats: _Totals, options: Options) -> bool:
    """A box in the page's main landmark (`<main>`, role="main") that only a legal cue
    is against, and one that names ordinary content too (`vocab.PROSE_LEGAL_CLASSES`:
    "terms", a promotion's or a glossary's): the page's own text, not a cookie notice
    (no "cookie" or "consent" word: those name the notice) nor a dialog over an app's
    empty shell (outside `<main>`)."""
    if _children_negative(element, options):
        return False
    named: set[str] = set()
    for node in _self_and_ancestors(element):
        if node.tag == "main" or (node.get("role") or "").lower() == "main":
            return bool(named) and named <= vocab.PROSE_LEGAL_CLASSES
        if node.tag in ("body", "html"):
            return False
        cues = _cues_against(node, stats, options)
        if cues - {"legal"}:
            return False
        if cues:
            named |= legal_words(node)
    return False


def _in_page_footer(element: HtmlElement) -> bool:
    """The element is, or lies inside, the page's own footer: a `<footer>` or
    role="contentinfo" not inside an `<article>` (the article's footer: its tags, its
    author) nor a `<blockquote>` (the quotation's source)."""
    footer = False
    for node in _self_and_ancestors(element):
        if node.tag in ("article", "blockquote"):
            return False
        if node.tag in ("body", "html"):
            break
        role = (node.get("role") or "").lower()
        footer = footer or node.tag == "footer" or role in vocab.FOOTER_ROLES
    return footer


class ProseCount(Protocol):
    """The text under a box: all of it, its link text and its prose, in characters, and
    how many prose segments it holds."""

    @property
    def chars(self) -> int: ...
    @property
    def links(self) -> int: ...
    @property
    def prose(self) -> int: ...
    @property
    def paragraphs(self) -> int: ...


def reads_as_prose(count: ProseCount, options: Options) -> bool:
    """At least `min_prose_cue_paragraphs` prose segments, at least
    `sibling_min_prose_share` of the text, link text at most `max_prose_link_density`:
    one long disclaimer is still a notice."""
    return (
        count.paragraphs >= options.min_prose_cue_paragraphs
        and count.prose >= count.chars * options.sibling_min_prose_share
        and count.links <= count.chars * options.max_prose_link_density
    )


#: Class cues a box of prose paragraphs belies inside the article: menus and share bars
#: are links, buttons and short lines (a box named for the share plugin that fills it,
#: "gigya-share-btns-2_gig_containerParent", holds the whole story), and a box called
#: "terms" is a glossary when it is prose (a notice named "disclaimer" or "copyright"
#: stays one, however long). Not a side column, an ad, a plea or a comment: they hold
#: prose.
PROSE_BELIED_CUES = frozenset({"navigation", "share", "legal"})
#: Choosing the article, only a menu's or a share bar's cue is belied: a box of legal
#: fine print is prose too, and would outscore a short article (a fund page's
#: disclosures).
_SELECTION_BELIED_CUES = frozenset({"navigation", "share"})


def belied_cues(
    element: HtmlElement,
    stats: ProseCount,
    options: Options,
    among: frozenset[str] = PROSE_BELIED_CUES,
) -> frozenset[str]:
    """The cues (of `among`) of the element's class or id that its text belies: at least
    `min_prose_cue_paragraphs` prose segments, most of its text prose, few links
    ("floated-terms" on a glossary, "content-nav-section", an id made of a heading's
    words). A <nav> tag or a role is the author's own word and stands, and so does a
    legal cue from a word that names the notice itself ("disclaimer")."""
    cues = class_cues(element) & among
    if not cues or not reads_as_prose(stats, options):
        return frozenset()
    if "legal" in cues and not legal_words(element) <= vocab.PROSE_LEGAL_CLASSES:
        cues -= {"legal"}
    return cues - landmark_cues(element)


def _cues_against(element: HtmlElement, stats: _Totals, options: Options) -> frozenset[str]:
    """The element's negative cues, less a menu's its prose belies and the sidebar cue
    of a layout holding the main column beside its side columns."""
    cues = negative_cues(element)
    if "sidebar" in cues and _holds_main_column(element):
        cues -= {"sidebar"}
    entry = stats.get(element)
    if not cues & _SELECTION_BELIED_CUES or entry is None:
        return cues
    return cues - belied_cues(element, entry, options, _SELECTION_BELIED_CUES)


def _holds_main_column(element: HtmlElement) -> bool:
    """Among the element's children, a column classed as the article's (and nothing
    against) beside one classed as a side column: a page layout named for its sidebar
    ("c-layout-sidebar-left" holding "c-layout-sidebar-top" and "c-layout-main"), not a
    sidebar."""
    main_column = side_column = False
    for child in element:
        if not isinstance(child.tag, str):
            continue
        cues = class_cues(child)
        main_column = main_column or cues == {"positive"}
        side_column = side_column or "sidebar" in cues
    return main_column and side_column


def _children_negative(element: HtmlElement, options: Options) -> bool:
    """A list of comments or teasers: most of its children are classed as not article,
    though the list itself is not ("ol#commentlist > li#comment-1, li#comment-2...")."""
    children = [child for child in element if isinstance(child.tag, str)]
    if len(children) < options.min_list_children:
        return False
    negative = sum(1 for child in children if negative_cues(child))
    return negative * 2 > len(children)


def _with_siblings(
    top: HtmlElement,
    weighted: dict[HtmlElement, float],
    threshold: float,
    stats: _Totals,
    options: Options,
    logins: tuple[HtmlElement, ...] = (),
) -> tuple[HtmlElement, ...]:
    """Siblings of the main container join it when they score near it, are prose
    paragraphs, or are boxes of plain prose (not floated: a floated box is an aside;
    nor holding a login form, `_login_forms`);
    so do the quiet boxes between two that joined (a recipe's ingredient list between
    its introduction and its method), and the boxes between them shaped like the main
    container (a long read's sections, one of them mostly a list of links) or straight
    after the last that joined (`_twins_after`)."""
    parent = top.getparent()
    if parent is None:
        return (top,)
    siblings = [sibling for sibling in parent if isinstance(sibling.tag, str)]
    joined = [
        sibling is top
        or (
            (
                weighted.get(sibling, 0.0) >= threshold
                or (sibling.tag == "p" and sibling in stats and stats[sibling].prose > 0)
                or _is_bare_paragraph(sibling, stats, options)
                or _is_prose_box(sibling, stats, options)
            )
            and not any(is_within(form, sibling) for form in logins)
        )
        for sibling in siblings
    ]
    first, last = joined.index(True), len(joined) - 1 - joined[::-1].index(True)
    last = _twins_after(siblings, last, top, stats, options)
    return tuple(
        sibling
        for position, sibling in enumerate(siblings)
        if joined[position]
        or (first < position <= last and _is_twin_section(sibling, top))
        or (first < position < last and _is_quiet_box(sibling, stats, options))
    )


def _is_bare_paragraph(element: HtmlElement, stats: _Totals, options: Options) -> bool:
    """A paragraph a rich-text editor set as a bare <div> (no class, no id, no block
    inside: "<div>Yes, it is. If it was easy, ...</div>"), a full one: prose at least
    `last_paragraph_factor` × `min_paragraph_chars` long (a one-line note under the
    article, "The views expressed here are not necessarily ...", is none), and no link
    (a teaser's headline and summary are set so too)."""
    if element.tag != "div" or element.get("class") or element.get("id"):
        return False
    if any(isinstance(child.tag, str) and child.tag in vocab.BLOCK_TAGS for child in element):
        return False
    entry = stats.get(element)
    full = options.last_paragraph_factor * options.min_paragraph_chars
    return entry is not None and entry.prose >= full and not entry.links


def _twins_after(
    siblings: list[HtmlElement], last: int, top: HtmlElement, stats: _Totals, options: Options
) -> int:
    """The position of the last of the twin sections straight after the last sibling that
    joined, when there are at least two (a meal plan's later days, a park's webcams, each
    a short section shaped like the first ones; one box so shaped after the article is
    as often a list of headlines), none asking to sign up (a newsletter's section,
    shaped like any other of the page builder's). Boxes with no text between them (a
    picture's) are passed over; any other box ends the run. One twin alone joins when
    it reads as prose (`_twin_reads_as_prose`)."""
    twins: list[int] = []
    for position in range(last + 1, len(siblings)):
        sibling = siblings[position]
        entry = stats.get(sibling)
        if entry is not None and _is_twin_section(sibling, top) and not _signs_up(sibling):
            twins.append(position)
        elif entry is not None:
            break
    if len(twins) >= 2:
        return twins[-1]
    if twins and _twin_reads_as_prose(stats[siblings[twins[0]]], options):
        return twins[0]
    return last


def _twin_reads_as_prose(entry: _Stats, options: Options) -> bool:
    """A lone twin section after the article holding at least `last_paragraph_factor` ×
    `min_paragraph_chars` of prose (a one-line note under the article is less), at least
    `sibling_min_prose_share` of its text, with few links: the article's closing
    paragraph in a page builder's widget of its own, not a list of headlines."""
    return (
        entry.prose >= options.last_paragraph_factor * options.min_paragraph_chars
        and entry.prose >= entry.chars * options.sibling_min_prose_share
        and entry.link_density <= options.max_prose_link_density
    )


def _signs_up(element: HtmlElement) -> bool:
    """The box holds a form or a link to a sign-up page."""
    if next(element.iter("form"), None) is not None:
        return True
    return any(
        vocab.SUBSCRIBE_HREF.search(link.get("href") or "") is not None
        for link in element.iter("a")
    )


def _is_twin_section(element: HtmlElement, top: HtmlElement) -> bool:
    """A box of the main container's tag and class, no class against it, not floated:
    the article's next section, however many links it lists."""
    shape = top.get("class")
    return (
        bool(shape)
        and (element.tag, element.get("class")) == (top.tag, shape)
        and not negative_cues(element)
        and not _floated(element)
    )


_MEDIA_TAGS = ("img", "picture", "figure", "video", "iframe")


def _is_quiet_box(element: HtmlElement, stats: _Totals, options: Options) -> bool:
    """Short lines (a list, a table of values) with few links, no class cue, not floated
    aside. A box with a paragraph of its own between the article's parts is a promotion
    as often as not, and one with a picture is the picture's caption and credit."""
    entry = stats.get(element)
    return (
        entry is not None
        and entry.prose == 0
        and next(element.iter(*_MEDIA_TAGS), None) is None
        and entry.link_density <= options.max_prose_link_density
        and not _floated(element)
        and not class_cues(element) - {"positive"}
        and not _children_negative(element, options)
    )


def _is_prose_box(element: HtmlElement, stats: _Totals, options: Options) -> bool:
    entry = stats.get(element)
    if entry is None or entry.prose < options.min_paragraph_chars * options.prose_box_paragraphs:
        return False
    return (
        entry.prose >= entry.chars * options.sibling_min_prose_share
        and entry.link_density <= options.max_prose_link_density
        and not _floated(element)
        and not negative_cues(element)
        and not _children_negative(element, options)
    )


def _floated(element: HtmlElement) -> bool:
    style = (element.get("style") or "").replace(" ", "").lower()
    return (
        element.get("align") in ("left", "right")
        or "float:left" in style
        or ("float:right" in style)
    )


def _self_and_ancestors(element: HtmlElement) -> Iterator[HtmlElement]:
    yield element
    yield from element.iterancestors()
