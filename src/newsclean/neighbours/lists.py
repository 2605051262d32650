"""What stays in the article because of the list it stands in: announced lists, lists the
article mostly keeps, list labels, FAQ questions, a listicle's item headings."""

from __future__ import annotations

from lxml.html import HtmlElement

from newsclean import vocab
from newsclean.classify import Decision, is_full_paragraph
from newsclean.features import Features
from newsclean.model import BlockKind, Region
from newsclean.neighbours.common import box_after, leaves_site
from newsclean.options import Options
from newsclean.segment import Segment
from newsclean.tree import is_within


def keep_announced_lists(
    segments: list[Segment], features: list[Features], decisions: list[Decision]
) -> None:
    """A list of links that a sentence of the article announces ("Many patches were sent
    for review:") is the article's enumeration, not a row of links: the items of the one
    list straight after such a sentence stay; an item decided by a text cue of its own (a
    changelog's "Update to nightly-2025-11-24" read as a date) keeps its decision and the
    list goes on past it. With no list after the sentence, a run of paragraphs beside it
    that are each one link is the enumeration. A "Read more:" or "Related:" line carries a
    text cue of its own and announces nothing. Links that read like headlines stay only
    after a paragraph of the article's flow: under a heading ("La rédaction vous conseille
    :"), or with the paragraph alone in a box of their own (a magazine's "Highlights aus
    dem Heft:"), they are a box of other stories."""
    for index, decision in enumerate(decisions[:-1]):
        if not _announces(segments[index], features[index], decision):
            continue
        announcer = segments[index]
        first = _list_item(segments[index + 1])
        lines = first is None and _is_linked_line(segments[index + 1], decisions[index + 1])
        parent = first.getparent() if first is not None else None
        if lines:
            parent = announcer.owner.getparent()
        kept = (
            _ANNOUNCED_ITEM_RULES
            if announcer.kind is BlockKind.HEADING
            or parent is None
            or (not lines and _alone_in_box(announcer.owner, parent))
            else _ANNOUNCED_ITEM_RULES_AFTER_PROSE
        )
        for item in range(index + 1, len(segments)):
            rule = decisions[item].rule
            element = _announced_item(segments[item], decisions[item], lines=lines)
            if element is None or element.getparent() is not parent:
                break
            if rule.startswith("text:"):
                continue  # an item that says what it is (a date, a plea) stays so
            if rule not in kept:
                break
            if rule != "main:text":
                decisions[item] = Decision(Region.MAIN, "text", "neighbours:announced-list")


def keep_mixed_lists(segments: list[Segment], decisions: list[Decision]) -> None:
    """A list most of whose items the article keeps is the article's: its items that are
    links ("main:links", "link:headline": a packing list whose gear links to the shop,
    a checklist whose steps link to guides) stay with the rest (rule
    `neighbours:mixed-list`). A list item holding a heading is a section of the page set
    as a list item, no entry: a link among its paragraphs ("Check Out: ...") stays out.
    An item decided by a cue of its own keeps its decision.

    Only the lists that hold a linked item are looked at, each once, through the run of
    segments inside it (a list's segments stand together): a page without one pays a
    test of each decision's rule."""
    looked_at: set[HtmlElement] = set()
    sections: set[HtmlElement] | None = None
    for index, decision in enumerate(decisions):
        if decision.rule not in _LINKED_LINE_RULES:
            continue
        item = _list_item(segments[index])
        listing = item.getparent() if item is not None else None
        if listing is None or listing in looked_at:
            continue
        looked_at.add(listing)
        members = _list_members(segments, index, listing)
        kept = sum(1 for member in members if decisions[member].rule == "main:text")
        if kept * 2 <= len(members):
            continue
        if sections is None:
            sections = _sections(segments)
        for member in members:
            if decisions[member].rule in _LINKED_LINE_RULES and (
                _list_item(segments[member]) not in sections
            ):
                decisions[member] = Decision(Region.MAIN, "text", "neighbours:mixed-list")


def _list_members(segments: list[Segment], index: int, listing: HtmlElement) -> list[int]:
    """The segments that are items of `listing` (or their paragraphs and headings), from
    the run of segments inside it around `index`."""
    start = index
    while start > 0 and is_within(segments[start - 1].owner, listing):
        start -= 1
    stop = index + 1
    while stop < len(segments) and is_within(segments[stop].owner, listing):
        stop += 1
    members = []
    for member in range(start, stop):
        item = _list_item(segments[member])
        if item is not None and item.getparent() is listing:
            members.append(member)
    return members


def _sections(segments: list[Segment]) -> set[HtmlElement]:
    """The list items that hold a heading: sections of a page set as list items."""
    return {
        box
        for segment in segments
        if segment.kind is BlockKind.HEADING
        for box in segment.owner.iterancestors("li")
    }


def keep_list_labels(
    segments: list[Segment], features: list[Features], decisions: list[Decision]
) -> None:
    """A linked paragraph ending with a colon straight above a list the article keeps
    ("Some of the <a>health benefits of plant-based diets</a> include:") is the list's
    label, not a row of links: the announced list the other way round. It must say a word
    of its own beside its links: a link alone ("<a>Read more in our guides below</a>:")
    points elsewhere. A line with a cue of its own ("Related:") is left alone, and so is
    a heading (a box's)."""
    for index in range(len(segments) - 1):
        label = segments[index]
        if (
            decisions[index].rule not in _LINKED_LINE_RULES
            or label.kind is not BlockKind.PARAGRAPH
            or features[index].text_cues
            or not label.text.rstrip().endswith(":")
            or decisions[index + 1].rule != "main:text"
            or not _says_a_word(label)
        ):
            continue
        item = _list_item(segments[index + 1])
        listing = item.getparent() if item is not None else None
        if listing is not None and _next_element(label.owner) is listing:
            decisions[index] = Decision(Region.MAIN, "text", "neighbours:list-label")


def keep_toggle_questions(segments: list[Segment], decisions: list[Decision]) -> None:
    """A FAQ's question set as a link that goes nowhere (`<a href="#">`, a `javascript:`
    call: the toggle that unfolds its answer) reads as a row of links; over an answer the
    article keeps, it is the article's question (rule `neighbours:faq-question`)."""
    for index in range(len(segments) - 1):
        question = segments[index]
        if (
            decisions[index].rule == "main:links"
            and decisions[index + 1].rule == "main:text"
            and question.text.rstrip().endswith("?")
            and question.links
            and all(_goes_nowhere(link.href) for link in question.links)
        ):
            decisions[index] = Decision(Region.MAIN, "text", "neighbours:faq-question")


def _goes_nowhere(href: str) -> bool:
    """A link that is a button: to the page itself ("#") or to a script."""
    target = href.strip().lower()
    return target in ("", "#") or target.startswith("javascript:")


def _says_a_word(segment: Segment) -> bool:
    """The segment's text holds a word outside its links."""
    text = segment.text
    for link in segment.links:
        text = text.replace(link.text, " ", 1)
    return any(character.isalnum() for character in text)


def _next_element(element: HtmlElement) -> HtmlElement | None:
    """The element's next sibling that is an element (comments passed over)."""
    sibling = element.getnext()
    while sibling is not None and not isinstance(sibling.tag, str):
        sibling = sibling.getnext()
    return sibling


def _announced_item(segment: Segment, decision: Decision, *, lines: bool) -> HtmlElement | None:
    """The element a segment is as an item: a list item, or in a run of linked lines, the
    line's paragraph."""
    if not lines:
        return _list_item(segment)
    return segment.owner if _is_linked_line(segment, decision) else None


def _is_linked_line(segment: Segment, decision: Decision) -> bool:
    """A paragraph of one link, no list item (a blog's "my friends' favorite projects"
    linked one per line under the sentence announcing them)."""
    return segment.kind is BlockKind.PARAGRAPH and decision.rule in _LINKED_LINE_RULES


#: A line that is a link: a row of links, or one read as another story's headline.
_LINKED_LINE_RULES = frozenset({"main:links", "link:headline"})


def _alone_in_box(announcer: HtmlElement, listing: HtmlElement) -> bool:
    """The announcing paragraph and the list are all their box holds."""
    box = announcer.getparent()
    if box is None:
        return True
    return all(
        child is announcer or is_within(listing, child)
        for child in box
        if isinstance(child.tag, str)
    )


def keep_item_headings(
    segments: list[Segment],
    features: list[Features],
    decisions: list[Decision],
    options: Options,
    host: str | None = None,
) -> None:
    """A listicle's item heading that links to the item ("Industrial Pipe Bookshelf", a
    trail, a book) reads like another story's headline, or as a row of links when its
    address reads like no story's (a shop's product page); inside the article, followed
    straight by a full paragraph of it that shares no small box with the heading (a
    teaser card's summary does) or whose links all leave the page's site (`host`: a
    teaser card links the site's own stories, a listicle's boxed item the trail's own
    site), it is the item's heading and stays, when the article has at least
    `min_linked_list_items` such headings of the same tag: one or two are links to other
    stories set between paragraphs ("MIRA: ...", "STAT Plus: ..."). A linked line opening
    a list item, its paragraph after it in the item, is such a heading when its links leave
    the site ("<li><p><a href=https://shop...>The Artist's Handbook by Angela Gair</a></p>
    <p>The book is a series of twelve exercises...</p></li>")."""
    items: dict[str, list[int]] = {}
    for index, decision in enumerate(decisions[:-1]):
        following = index + 1
        if (
            _may_head_item(segments[index], decision)
            and (
                segments[index].kind is BlockKind.HEADING
                or (_opens_list_item(segments, index) and leaves_site(segments[index], host))
            )
            and decisions[following].rule == "main:text"
            and is_full_paragraph(features[following], options)
            and (
                box_after(segments, features, decisions, index, options) is None
                or leaves_site(segments[index], host)
            )
        ):
            items.setdefault(segments[index].tag, []).append(index)
    for headings in items.values():
        if len(headings) >= options.min_linked_list_items:
            for index in headings:
                decisions[index] = Decision(Region.MAIN, "text", "neighbours:item-heading")


def _may_head_item(segment: Segment, decision: Decision) -> bool:
    """A linked line that may be a listicle item's heading: one read as a headline, or a
    heading all link whose address reads like no story's (a product's or a place's own
    site, "https://www.fluke.com/en-us/product/117": `main:links`)."""
    return decision.rule == "link:headline" or (
        decision.rule == "main:links" and segment.kind is BlockKind.HEADING
    )


def _opens_list_item(segments: list[Segment], index: int) -> bool:
    """The segment is a list item's first and the next segment lies in the same item."""
    item = _list_item(segments[index])
    if item is None or index + 1 >= len(segments):
        return False
    if index > 0 and is_within(segments[index - 1].owner, item):
        return False
    return is_within(segments[index + 1].owner, item)


def _list_item(segment: Segment) -> HtmlElement | None:
    """The list item a segment is, or whose paragraph or heading it is: a loose list
    (AsciiDoc's, Markdown's with blank lines between items) wraps each item's text in a
    `<p>`, a buying guide its picks' names in an `<h2>` ("<li><h2><a>Fluke 117</a></h2>")."""
    if segment.kind is BlockKind.LIST_ITEM:
        return segment.owner
    parent = segment.owner.getparent()
    if (
        segment.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING)
        and parent is not None
        and parent.tag == "li"
    ):
        return parent
    return None


#: The rules an announced list's items may carry: the article's, or a row of links in it.
_ANNOUNCED_ITEM_RULES = frozenset({"main:text", "main:links"})


#: After a paragraph of the article's flow, also links that read like headlines (see
#: `keep_announced_lists`).
_ANNOUNCED_ITEM_RULES_AFTER_PROSE = _ANNOUNCED_ITEM_RULES | {"link:headline"}


def _announces(segment: Segment, feature: Features, decision: Decision) -> bool:
    """A sentence of the article, no list item itself, ending with a colon and no cue,
    that is no box's label ("You might also like:", "Table of contents:")."""
    return (
        decision.rule == "main:text"
        and segment.kind is not BlockKind.LIST_ITEM
        and segment.text.rstrip().endswith(":")
        and not feature.text_cues
        and vocab.BOX_HEADING.match(segment.text) is None
    )
