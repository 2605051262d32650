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

import itertools
from array import array
from collections.abc import Callable, Iterator
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from newsclean import vocab
from newsclean.classify import Decision, engagement_route, is_full_paragraph
from newsclean.features import Features, is_overlay
from newsclean.model import BlockKind, Region
from newsclean.options import Options
from newsclean.segment import Segment
from newsclean.tree import box_membership, boxes_around, enclosing_href, is_within

__all__ = ["revisit_neighbours"]


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
        before = _nearest(revised, index, -1)
        after = _nearest(revised, index, 1)
        if before and after and before.region is after.region is Region.MAIN:
            revised[index] = Decision(Region.MAIN, "text", "neighbours:main")
        elif segment.soft_break and before and before.region in (Region.AD, Region.LEGAL):
            revised[index] = Decision(before.region, before.role, "neighbours:line")
    _keep_announced_lists(segments, features, revised)
    _keep_mixed_lists(segments, revised)
    _keep_list_labels(segments, features, revised)
    _keep_toggle_questions(segments, revised)
    _keep_item_headings(segments, features, revised, options, _site_host(url))
    _route_headed_boxes(segments, features, revised, options)
    _route_teaser_cards(segments, features, revised, options)
    _route_link_boxes(segments, features, revised, options, _site_host(url))
    _trim_after_related_box(features, revised, options)
    _trim_main_tail(segments, features, revised, options)
    _trim_engagement_tail(features, revised, options)
    _trim_author_card(segments, features, revised, options)
    _route_header_bios(segments, features, revised, options)
    _widen_tail_appeals(segments, features, revised)
    _route_field_labels(segments, features, revised, options)
    _route_comment_labels(segments, features, revised, options)
    _route_button_prompts(segments, features, revised, options, _site_host(url))
    _route_orphan_headings(segments, features, revised, options)
    _route_thin_sections(segments, features, revised, options)
    _spread_ad_labels(segments, revised, options)
    _spread_share_rows(segments, features, revised, options)
    for find_box, verdict in _FURNITURE_BOXES:
        _route_furniture_boxes(segments, features, revised, options, find_box, verdict)
    _drop_repeated_runs(segments, features, revised)
    return revised


def _keep_announced_lists(
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


def _keep_mixed_lists(segments: list[Segment], decisions: list[Decision]) -> None:
    """A list most of whose items the article keeps is the article's: its items that are
    links ("main:links", "link:headline": a packing list whose gear links to the shop,
    a checklist whose steps link to guides) stay with the rest (rule
    `neighbours:mixed-list`). A list item holding a heading is a section of the page set
    as a list item, no entry: a link among its paragraphs ("Check Out: ...") stays out.
    An item decided by a cue of its own keeps its decision."""
    sections = {
        box
        for segment in segments
        if segment.kind is BlockKind.HEADING
        for box in segment.owner.iterancestors("li")
    }
    lists: dict[HtmlElement, list[int]] = {}
    for index, segment in enumerate(segments):
        item = _list_item(segment)
        parent = item.getparent() if item is not None else None
        if item is not None and parent is not None:
            lists.setdefault(parent, []).append(index)
    for members in lists.values():
        kept = sum(1 for index in members if decisions[index].rule == "main:text")
        if kept * 2 <= len(members):
            continue
        for index in members:
            if decisions[index].rule in _LINKED_LINE_RULES and (
                _list_item(segments[index]) not in sections
            ):
                decisions[index] = Decision(Region.MAIN, "text", "neighbours:mixed-list")


def _keep_list_labels(
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


def _keep_toggle_questions(segments: list[Segment], decisions: list[Decision]) -> None:
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


def _keep_item_headings(
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
                or (_opens_list_item(segments, index) and _leaves_site(segments[index], host))
            )
            and decisions[following].rule == "main:text"
            and is_full_paragraph(features[following], options)
            and (
                _box_after(segments, features, decisions, index, options) is None
                or _leaves_site(segments[index], host)
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
#: `_keep_announced_lists`).
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


#: The rules that find an ad by what it says about itself: "Sponsored" over a teaser, or a
#: plea. Not a bare "Advertisement": it labels a slot whose ad is a picture or a frame, and
#: what shares a box with it is the page's next box.
_AD_LABEL_RULES = frozenset({"text:sponsored", "text:appeal", "link:signup"})


def _spread_ad_labels(segments: list[Segment], decisions: list[Decision], options: Options) -> None:
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


def _spread_share_rows(
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
    return _is_fragment(feature, options) or (
        "share" in feature.text_cues and feature.words <= options.max_tail_prompt_words
    )


def _route_furniture_boxes(
    segments: list[Segment],
    features: list[Features],
    decisions: list[Decision],
    options: Options,
    find_box: Callable[[HtmlElement, int], HtmlElement | None],
    verdict: Decision,
) -> None:
    """A box inside the article that is not its text is the page's furniture: one the
    stylesheet leaves off paper ("d-print-none", "noprint": a booking widget's hotline, a
    video's player and transcript; `_print_hidden_box`), one the page opens over the text
    on a click (a modal, a popup: `_overlay_box`), or the article's own footer (its
    "Posted by ... Tags: ..." line, a correction notice, a card's address: `_footer_box`).
    Its article segments take `verdict` (boilerplate), unless the box holds more than
    `max_headed_box_share` of the article's text (a wrapper round the article itself)."""
    boxes: dict[HtmlElement, list[int]] = {}
    total = 0  # the article's characters, summed in the same pass: no list of its segments
    for index, decision in enumerate(decisions):
        if decision.region is not Region.MAIN:
            continue
        total += features[index].chars
        box = find_box(segments[index].owner, options.chain_limit)
        if box is not None:
            boxes.setdefault(box, []).append(index)
    if not boxes:
        return
    for members in boxes.values():
        if sum(features[i].chars for i in members) > options.max_headed_box_share * total:
            continue
        for i in members:
            decisions[i] = verdict


#: A run of the article's segments repeating an earlier run is a copy (the page laid out
#: again for another screen) when its text lies in at least this many elements: one or two
#: repeated paragraphs (the lines of one, split by <br>) are the author's (a refrain, a
#: test page's filler).
MIN_COPY_ELEMENTS = 3
#: ... and at least this many characters: an author may repeat a short list (an office's
#: address, its fax number) where a second step needs it; a layout's copy is the article.
MIN_COPY_CHARS = 500


def _drop_repeated_runs(
    segments: list[Segment], features: list[Features], decisions: list[Decision]
) -> None:
    """A run of article segments in at least `MIN_COPY_ELEMENTS` elements, together at least
    `MIN_COPY_CHARS` long, whose texts repeat in order an earlier run of the article's
    segments is a copy of it: the article laid out again for
    the phone or the tablet, its other layouts hidden by the stylesheet's media queries
    (Framer's "ssr-variant" boxes), a FAQ shown twice. The later copy becomes boilerplate."""
    # The article's positions as machine integers, its texts read through them: on a page
    # of 4.5 million paragraphs a list of ints and one of texts would cost ~3x the input.
    main = array("q", (i for i, decision in enumerate(decisions) if decision.region is Region.MAIN))

    def text(position: int) -> str:
        return segments[main[position]].text

    # Each run is compared with the text's last occurrence (a paragraph repeated many
    # times then matches one step back); a failed run's tail, at the same distance, fails
    # too and is not compared again: linear on a page of one line repeated 100,000 times.
    last: dict[str, int] = {}
    failed_offset, failed_end = 0, -1
    position = 0
    while position < len(main):
        current = text(position)
        earlier = last.get(current)
        last[current] = position
        if earlier is None or (position < failed_end and position - earlier == failed_offset):
            position += 1
            continue
        length = 0
        while (
            position + length < len(main)
            and earlier + length < position
            and text(earlier + length) == text(position + length)
        ):
            length += 1
        run = main[position : position + length]
        if (
            len({segments[i].owner for i in run}) >= MIN_COPY_ELEMENTS
            and sum(features[i].chars for i in run) >= MIN_COPY_CHARS
        ):
            for offset, index in enumerate(run):
                decisions[index] = Decision(Region.BOILERPLATE, "other", "neighbours:copy")
                last[text(position + offset)] = position + offset
            position += length
            continue
        failed_offset, failed_end = position - earlier, position + length
        position += 1


def _print_hidden_box(owner: HtmlElement, limit: int) -> HtmlElement | None:
    """The outermost of the owner and its next `limit` ancestors whose class hides it in
    print (`vocab.PRINT_HIDDEN_CLASS`), if any."""
    return _outermost(owner, limit, _hidden_in_print)


def _hidden_in_print(element: HtmlElement) -> bool:
    classes = element.get("class")
    return bool(
        classes
        and vocab.PRINT_HIDDEN_HINT.search(classes)
        and any(vocab.PRINT_HIDDEN_CLASS.match(name) for name in classes.split())
    )


def _overlay_box(owner: HtmlElement, limit: int) -> HtmlElement | None:
    """The outermost of the owner and its next `limit` ancestors that the page opens over
    its text (`is_overlay`: a modal, a popup), if any."""
    return _outermost(owner, limit, is_overlay)


def _footer_box(owner: HtmlElement, limit: int) -> HtmlElement | None:
    """The outermost of the owner and its next `limit` ancestors that is a footer
    (`<footer>`, `role="contentinfo"`) but a quotation's (`<blockquote><p>...</p><footer>
    — Name</footer>`: the quote's source, said in the text), if any."""
    return _outermost(owner, limit, _is_footer)


def _is_footer(element: HtmlElement) -> bool:
    if element.tag != "footer" and (element.get("role") or "").lower() not in vocab.FOOTER_ROLES:
        return False
    parent = element.getparent()
    return parent is None or parent.tag != "blockquote"


#: The boxes inside the article that are not its text, each with its verdict.
_FURNITURE_BOXES: tuple[tuple[Callable[[HtmlElement, int], HtmlElement | None], Decision], ...] = (
    (_print_hidden_box, Decision(Region.BOILERPLATE, "other", "box:noprint")),
    (_overlay_box, Decision(Region.BOILERPLATE, "other", "box:overlay")),
    (_footer_box, Decision(Region.BOILERPLATE, "footer", "box:footer")),
)


def _outermost(
    owner: HtmlElement, limit: int, test: Callable[[HtmlElement], bool]
) -> HtmlElement | None:
    """The outermost of the owner and its next `limit` ancestors that pass `test`."""
    found = None
    for element in itertools.chain((owner,), itertools.islice(owner.iterancestors(), limit)):
        if test(element):
            found = element
    return found


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


def _is_fragment(feature: Features, options: Options) -> bool:
    """A button's or caption's few words: no sentence, shorter than a short block."""
    return not feature.sentences and feature.chars < options.short_block_chars


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


def _route_headed_boxes(
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
            box = _box_after(segments, features, decisions, index, options, needs_main=True)
        if box is None:
            box = _box_after(segments, features, decisions, index, options)
        if box is None:
            continue
        inside = [i for i in range(index + 1, box + 1) if decisions[i].region is Region.MAIN]
        if sum(features[i].chars for i in inside) > main_chars * options.max_headed_box_share:
            continue
        decisions[index] = Decision(Region.BOILERPLATE, label_role, "box:heading")
        for i in inside:
            decisions[i] = Decision(region, role, "box:heading")


def _route_link_boxes(
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
    `_route_link_boxes` says (boxes already climbed from another headline are not
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
            and all(_on_site(segments[i], host) for i in headlines)
        ):
            best = members
    return best


def _site_host(url: str | None) -> str | None:
    """The page's host without "www." (None without a URL, or for one that is none)."""
    try:
        host = urlsplit(url).hostname if url else None
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def _on_site(segment: Segment, host: str | None) -> bool:
    """Every link of the segment stays on the page's site: a path of its own, or an
    address on the page's host (a shop's or another site's is no story of this one)."""
    for link in segment.links:
        try:
            parts = urlsplit(link.href)
            there = parts.hostname
        except ValueError:
            return False
        if parts.scheme not in ("", "http", "https"):
            return False
        if there is not None and (host is None or there.removeprefix("www.") != host):
            return False
    return bool(segment.links)


def _leaves_site(segment: Segment, host: str | None) -> bool:
    """Every link of the segment goes to another site than the page's (known `host`)."""
    if host is None or not segment.links:
        return False
    for link in segment.links:
        try:
            there = urlsplit(link.href).hostname
        except ValueError:
            return False
        if there is None or there.removeprefix("www.") == host:
            return False
    return True


def _route_teaser_cards(
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
    last = _box_after(segments, features, decisions, index, options)
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


def _box_after(
    segments: list[Segment],
    features: list[Features],
    decisions: list[Decision],
    index: int,
    options: Options,
    *,
    needs_main: bool = False,
) -> int | None:
    """The last segment of the smallest box around segment `index` that holds others,
    if the segment opens it (at most short_block_chars of article text above it). The
    label's own element counts: an infobox's title is often its bare text. With
    `needs_main`, a box holding none of the article after the label is passed over."""
    owner = segments[index].owner
    for depth, box in enumerate(itertools.chain((owner,), owner.iterancestors())):
        if depth > options.chain_limit or box.tag in ("body", "html"):
            return None
        first = last = index
        while first > 0 and is_within(segments[first - 1].owner, box):
            first -= 1
        while last + 1 < len(segments) and is_within(segments[last + 1].owner, box):
            last += 1
        if first == last == index:
            continue
        if needs_main and not any(
            decisions[i].region is Region.MAIN for i in range(index + 1, last + 1)
        ):
            continue
        above = sum(
            features[i].chars for i in range(first, index) if decisions[i].region is Region.MAIN
        )
        return last if above <= options.short_block_chars and last > index else None
    return None


def _trim_engagement_tail(
    features: list[Features], decisions: list[Decision], options: Options
) -> None:
    """After the article's last full paragraph, short blocks that introduce the author or
    invite the reader to comment, share, follow, subscribe or read on are the page's, not
    the story's."""
    last = next(
        (
            index
            for index in range(len(decisions) - 1, -1, -1)  # no list of every main index
            if decisions[index].region is Region.MAIN
            and is_full_paragraph(features[index], options)
        ),
        None,
    )
    if last is None:
        return
    for index in range(last + 1, len(decisions)):
        if decisions[index].region is not Region.MAIN:
            continue
        route = engagement_route(features[index], options)
        if route is not None:
            cue, _, region, role = route
            decisions[index] = Decision(region, role, f"tail:{cue}")


def _trim_author_card(
    segments: list[Segment], features: list[Features], decisions: list[Decision], options: Options
) -> None:
    """The author's card at the article's foot: the name, a staff title on a line of its
    own (`_is_staff_title`: "Contributing Writer", "Former Senior Editor, Tech")
    and a profile ("Rebecca Norris is a full-time freelance writer living in ..."). When
    what the article keeps from such a title line on holds at most
    `max_author_card_words` words, the title, the profile and the name line just above
    (a fragment) are boilerplate/author, when the card is a box of its own
    (`_card_set_apart`): the profile is a paragraph, so the engagement tail, which runs
    after the last paragraph, does not reach it. A title line with more of the article
    after it, or set among its paragraphs, is a list's item or a section's label
    ("Founder, Zettler Digital" over the founder's advice)."""
    card: list[int] = []  # the article's last segments, from its end backwards
    words = 0
    for index in range(len(decisions) - 1, -1, -1):  # no list of every main index
        if decisions[index].region is not Region.MAIN:
            continue
        card.append(index)
        words += features[index].words
        if words > options.max_author_card_words:
            return
        if _is_staff_title(segments[index], features[index], options):
            break
    else:
        return
    card.reverse()
    if not _card_set_apart(segments, features, decisions, card, options):
        return
    name = _nearest_main_before(decisions, card[0])
    if name is not None and _is_fragment(features[name], options):
        card.insert(0, name)  # the name over the title
    for index in card:
        decisions[index] = Decision(Region.BOILERPLATE, "author", "tail:author-card")


def _nearest_main_before(decisions: list[Decision], index: int) -> int | None:
    """The article's last segment before segment `index`, if any."""
    return next((i for i in range(index - 1, -1, -1) if decisions[i].region is Region.MAIN), None)


def _route_header_bios(
    segments: list[Segment], features: list[Features], decisions: list[Decision], options: Options
) -> None:
    """The author's profile set in the article's header, beside the byline ("By Anurag
    Singh" / "Published 6 hours ago" / "Anurag is an experienced journalist ..."): a block
    the article keeps above its first full paragraph, with the `bio` cue and at most
    `max_tail_bio_words` words, whose smallest element shared with a byline above it
    holds none of the article's full paragraphs, is boilerplate/author, and so are the
    other lines of its block ("Inquiries: archie.f@example.com"). A story that opens on a
    reporter ("Jane Roe is a reporter who was detained ...") has its first paragraph in
    the byline's box with the rest."""
    first = next(
        (
            index
            for index, decision in enumerate(decisions)
            if decision.region is Region.MAIN
            and is_full_paragraph(features[index], options)
            and "bio" not in features[index].text_cues
        ),
        None,
    )
    if first is None:
        return
    for index in range(first):
        feature = features[index]
        if (
            decisions[index].region is Region.MAIN
            and "bio" in feature.text_cues
            and feature.words <= options.max_tail_bio_words
            and _beside_byline(segments, features, decisions, index, first)
        ):
            owner = segments[index].owner
            for line in range(index, first):
                if segments[line].owner is owner and decisions[line].region is Region.MAIN:
                    decisions[line] = Decision(Region.BOILERPLATE, "author", "head:bio")


def _beside_byline(
    segments: list[Segment],
    features: list[Features],
    decisions: list[Decision],
    index: int,
    first: int,
) -> bool:
    """A byline (a `byline` cue, or decided the author's) lies above segment `index`, and
    the smallest element holding both does not hold the article's first full paragraph
    (`first`)."""
    owner = segments[index].owner
    for above in range(index - 1, -1, -1):
        if "byline" not in features[above].text_cues and decisions[above].role != "author":
            continue
        byline = segments[above].owner
        shared = next(
            element
            for element in itertools.chain((owner,), owner.iterancestors())
            if is_within(byline, element)
        )
        return not is_within(segments[first].owner, shared)
    return False


def _card_set_apart(
    segments: list[Segment],
    features: list[Features],
    decisions: list[Decision],
    card: list[int],
    options: Options,
) -> bool:
    """The smallest element holding the card's title line and its last block holds no
    full paragraph of the article before the title: a card is a box of its own (a label
    such as "Meet the testers" may head it), not the article's own paragraphs."""
    last = segments[card[-1]].owner
    owner = segments[card[0]].owner
    box = next(
        element
        for element in itertools.chain((owner,), owner.iterancestors())
        if is_within(last, element)
    )
    index = card[0] - 1
    while index >= 0 and is_within(segments[index].owner, box):
        if decisions[index].region is Region.MAIN and is_full_paragraph(features[index], options):
            return False
        index -= 1
    return True


def _is_staff_title(segment: Segment, feature: Features, options: Options) -> bool:
    """A staff title on a line of its own; not a heading, which names a section or a
    tool ("Style Editor" over what the editor does)."""
    return (
        segment.kind is not BlockKind.HEADING
        and feature.words <= options.max_label_words
        and vocab.STAFF_TITLE_LINE.match(segment.text) is not None
    )


def _widen_tail_appeals(
    segments: list[Segment], features: list[Features], decisions: list[Decision]
) -> None:
    """An appeal at the article's foot often opens as a paragraph about the site ("Gefällt
    dir unser Magazin? ...", "We have reported for 106 years ...") and closes with the ask:
    the lines of the block the ask ends are the appeal too, when the block is set apart
    from the article's paragraphs by its markup (a story's last paragraph with a plea
    appended after a <br> keeps its story) and holds less than the rest of the article."""
    for index, decision in enumerate(decisions):
        if decision.rule != "tail:appeal":
            continue
        owner = segments[index].owner
        first = index
        while (
            first > 0
            and segments[first - 1].owner is owner
            and decisions[first - 1].region is Region.MAIN
        ):
            first -= 1
        if first == index or not _set_apart(segments, decisions, first):
            continue
        block_chars = sum(features[i].chars for i in range(first, index))
        other_chars = sum(
            feature.chars
            for i, (feature, other) in enumerate(zip(features, decisions, strict=True))
            if other.region is Region.MAIN and not first <= i < index
        )
        if other_chars < block_chars:
            continue
        for i in range(first, index):
            decisions[i] = Decision(decision.region, decision.role, "tail:appeal-block")


def _set_apart(segments: list[Segment], decisions: list[Decision], index: int) -> bool:
    """The block of segment `index` differs in tag or class from the article's paragraph
    before it."""
    owner = segments[index].owner
    before = next(
        (
            segments[i].owner
            for i in range(index - 1, -1, -1)
            if decisions[i].region is Region.MAIN and segments[i].owner is not owner
        ),
        None,
    )
    return before is not None and (before.tag, before.get("class")) != (
        owner.tag,
        owner.get("class"),
    )


def _trim_after_related_box(
    features: list[Features], decisions: list[Decision], options: Options
) -> None:
    """A "Diese Artikel könnten euch auch interessieren" label over a list of linked
    headlines closes the article: what is left of the article after the last such list,
    when it holds at most `max_after_related_chars` characters, is the site speaking
    ("Kennt ihr schon unseren Brandfinder?") or the page's apparatus (a "Sources" list),
    not the story."""
    label = next(
        (
            index
            for index in range(len(decisions) - 1, -1, -1)
            if decisions[index].rule == "box:heading" and decisions[index].role == "related"
        ),
        None,
    )
    if label is None:
        return
    after = [i for i in range(label + 1, len(decisions)) if decisions[i].region is Region.MAIN]
    if not after or not any(decisions[i].region is Region.MAIN for i in range(label)):
        return
    # The box is a list of linked headlines straight after the label: one teaser card
    # (a headline and its byline) can sit in the middle of a story that goes on after it.
    listed = range(label + 1, after[0])
    if len(listed) < 2 or any(decisions[i].rule != "link:headline" for i in listed):
        return
    if sum(features[i].chars for i in after) > options.max_after_related_chars:
        return
    for index in after:
        decisions[index] = Decision(Region.BOILERPLATE, "trailer", "tail:after-related")


def _trim_main_tail(
    segments: list[Segment], features: list[Features], decisions: list[Decision], options: Options
) -> None:
    """Short fragments after the article's last sentence ("Follow us", "Weibo", a tag
    row) are what the page hangs below the article, not its end. The fragments that
    continue the block or list the article ends with (a song's last lines, the last items
    of a list of facts) are the article's own."""
    tail: list[int] = []
    end: int | None = None  # the article's last segment that is not a fragment
    for index in range(len(decisions) - 1, -1, -1):  # no list of every main index
        if decisions[index].region is not Region.MAIN:
            continue
        feature = features[index]
        if feature.sentences or feature.chars >= options.short_block_chars:
            end = index
            break
        tail.append(index)
    if end is None:
        return  # nothing but fragments: they are the article
    tail.reverse()
    last = segments[end]
    if len(tail) == 1 and _signs_off(last, segments[tail[0]], features[tail[0]]):
        return
    while tail and _continues(last, segments[tail[0]]):
        tail.pop(0)
    for index in tail:
        decisions[index] = Decision(Region.BOILERPLATE, "trailer", "neighbours:tail")


def _continues(last: Segment, fragment: Segment) -> bool:
    """The fragment is more of the block `last` is a line of, or an item of its list."""
    if fragment.owner is last.owner:
        return True
    return (
        fragment.owner.tag == last.owner.tag == "li"
        and fragment.owner.getparent() is last.owner.getparent()
    )


def _signs_off(last: Segment, fragment: Segment, feature: Features) -> bool:
    """The fragment, alone after the article's last paragraph, is a paragraph of the same
    box with no class, no link and no text cue: the author's sign-off ("XX, Die
    Redaktion", "=)"), not an agency's credit line ("aja/PAP", `vocab.AGENCY_CREDIT`) or
    a classed line of a box of related posts ('In "News"')."""
    box = last.owner.getparent()
    return (
        fragment.owner.tag == last.owner.tag == "p"
        and not fragment.owner.get("class")
        and box is not None
        and fragment.owner.getparent() is box
        and not fragment.links
        and not feature.text_cues
        and not vocab.AGENCY_CREDIT.match(fragment.text)
    )


def _route_field_labels(
    segments: list[Segment], features: list[Features], decisions: list[Decision], options: Options
) -> None:
    """A field's label the article keeps ("Release Date:") over a block a text cue made
    boilerplate (the date line) names that block: it goes where the block goes. A label
    over the article's own text, over a block decided by markup alone, or over a product's
    shop line ("The best overall:" in a buying guide) stays."""
    for index in range(len(segments) - 1):
        after = decisions[index + 1]
        if (
            decisions[index].region is Region.MAIN
            and after.region is Region.BOILERPLATE
            and after.rule.startswith("text:")
            and features[index].words <= options.max_field_label_words
            and segments[index].text.rstrip().endswith(":")
        ):
            decisions[index] = Decision(after.region, after.role, "neighbours:field-label")


#: The roles of the blocks a comment thread or its form is made of.
_COMMENT_ROLES = frozenset({"comments", "form"})


def _route_comment_labels(
    segments: list[Segment], features: list[Features], decisions: list[Decision], options: Options
) -> None:
    """A label the article keeps that speaks of comments ("Join the Conversation") over
    the comment form or thread is the thread's: when the blocks after it, up to the first
    the markup made part of a comment thread or form, are none of the article's and sit in
    the label's own box. A story's line that mentions comments, followed by more of the
    story, stays."""
    for index, segment in enumerate(segments):
        if (
            decisions[index].region is not Region.MAIN
            or "comments" not in features[index].text_cues
            or features[index].words > options.max_label_words
        ):
            continue
        box = segment.owner.getparent()
        if box is None:
            continue
        for later in range(index + 1, len(segments)):
            after = decisions[later]
            if after.region is Region.MAIN or not is_within(segments[later].owner, box):
                break
            if after.role in _COMMENT_ROLES:
                decisions[index] = Decision(
                    Region.BOILERPLATE, "comments", "neighbours:comments-label"
                )
                break


def _is_button(segment: Segment) -> bool:
    """A link set as a button: a `<button>`, or a link whose own element or a box just
    around it is named for a button ("elementor-button-wrapper", "btn")."""
    if not segment.links:
        return False
    elements = [segment.owner, *itertools.islice(segment.owner.iterancestors(), 2)]
    elements += list(segment.owner.iter("a", "button"))
    for element in elements:
        if element.tag == "button":
            return True
        names = (element.get("class") or "").lower()
        if "button" in names or "btn" in names.replace("-", " ").replace("_", " ").split():
            return True
    return False


def _route_button_prompts(
    segments: list[Segment],
    features: list[Features],
    decisions: list[Decision],
    options: Options,
    host: str | None,
) -> None:
    """A short line the article keeps that sits in a box of its own with a button under it
    ("Get the cash you need with a low-interest personal loan today" / "Apply now") is the
    button's pitch, not the story."""
    for index in range(len(segments) - 1):
        if (
            decisions[index].region is not Region.MAIN
            or not options.min_prompt_words <= features[index].words <= options.max_label_words
            or segments[index].text.rstrip().endswith(":")
            or decisions[index + 1].region is Region.MAIN
            or not _is_button(segments[index + 1])
            or not _on_site(segments[index + 1], host)
        ):
            continue
        for box in boxes_around(segments[index].owner, options.chain_limit):
            if not is_within(segments[index + 1].owner, box):
                continue
            first, last = index, index + 1
            alone = (first == 0 or not is_within(segments[first - 1].owner, box)) and (
                last + 1 >= len(segments) or not is_within(segments[last + 1].owner, box)
            )
            if alone:
                decisions[index] = Decision(Region.AD, "appeal", "box:button-prompt")
            break


#: The regions a heading that heads none of the article may take from what it heads.
_ORPHAN_REGIONS = frozenset({Region.SIDEBAR, Region.AD, Region.LEGAL, Region.BOILERPLATE})


def _route_orphan_headings(
    segments: list[Segment], features: list[Features], decisions: list[Decision], options: Options
) -> None:
    """A label-length heading the article keeps whose section holds none of the article
    ("Weitere Tourentipps in Schweden" over a row of teasers, "Keine Lust alleine zu
    radeln?" over a booking widget) is the title of what it heads: it takes the region and
    role of the first block under it, or is the label of the side stories under it. Its
    section runs to the next heading of its level or above. Left alone: a heading whose
    section holds nothing (straight over its subheading); one whose first block lies
    outside the heading's own box (the article's end, then the page's next box) or was
    decided by no cue (a closing pull quote over the page's unmarked credits). A longer
    "heading" is a paragraph set in large type."""
    # Backwards: a subheading over none of the article goes first, and leaves its heading
    # over none of it too.
    for index in reversed(range(len(segments))):
        heading = segments[index]
        if (
            heading.kind is not BlockKind.HEADING
            or decisions[index].region is not Region.MAIN
            or features[index].words > options.max_label_words
        ):
            continue
        first = _first_headed(segments, decisions, index)
        if first is None:
            continue
        headed, box = decisions[first], heading.owner.getparent()
        if (
            headed.region in _ORPHAN_REGIONS
            and headed.rule != "other"
            and box is not None
            and is_within(segments[first].owner, box)
        ):
            decisions[index] = _orphan_heading_decision(headed)


def _route_thin_sections(
    segments: list[Segment], features: list[Features], decisions: list[Decision], options: Options
) -> None:
    """When the caller favours precision: a heading the article keeps over fewer than
    `min_section_chars` characters of the article (its section runs to the next heading
    of its level or above) heads none of the story: the title of a box whose content the
    rules above routed out ("You might like" over teasers, "Contexto de la Noticia" over
    links), or of a stub. Backwards, so a heading over nothing but such subheadings goes
    too. The default (0) keeps them: a heading over nothing is sometimes the story's own
    (a chapter title straight over its first section's heading)."""
    limit = options.min_section_chars
    if limit <= 0:
        return
    for index in reversed(range(len(segments))):
        heading = segments[index]
        if heading.kind is not BlockKind.HEADING or decisions[index].region is not Region.MAIN:
            continue
        if _section_chars(segments, features, decisions, index, limit) < limit:
            decisions[index] = Decision(Region.BOILERPLATE, "other", "neighbours:thin-section")


def _section_chars(
    segments: list[Segment],
    features: list[Features],
    decisions: list[Decision],
    index: int,
    enough: int,
) -> int:
    """The article's characters in the section of the heading at `index`, counted up to
    `enough` (no walk to the end of a long section)."""
    level, chars = segments[index].level, 0
    for later in range(index + 1, len(segments)):
        segment = segments[later]
        if chars >= enough or (segment.kind is BlockKind.HEADING and segment.level <= level):
            break
        if decisions[later].region is Region.MAIN:
            chars += features[later].chars
    return chars


def _orphan_heading_decision(headed: Decision) -> Decision:
    """Over side stories, the box's label (as a headed box's, `box:heading`): no story of
    its own. Over anything else, what it heads."""
    if headed.region is Region.SIDEBAR:
        return Decision(Region.BOILERPLATE, "related", "neighbours:orphan-heading")
    return Decision(headed.region, headed.role, "neighbours:orphan-heading")


def _first_headed(segments: list[Segment], decisions: list[Decision], index: int) -> int | None:
    """The first block the heading at `index` heads, if nothing in its section is the
    article's; None when its section holds article text or nothing."""
    level = segments[index].level
    first: int | None = None
    for later in range(index + 1, len(segments)):
        segment = segments[later]
        if segment.kind is BlockKind.HEADING and segment.level <= level:
            break
        if decisions[later].region is Region.MAIN:
            return None
        first = later if first is None else first
    return first


def _nearest(decisions: list[Decision], index: int, step: int) -> Decision | None:
    position = index + step
    if 0 <= position < len(decisions):
        return decisions[position]
    return None


def keep_standfirst(
    segments: list[Segment],
    features: list[Features],
    decisions: list[Decision],
    header: set[int],
    options: Options,
) -> list[Decision]:
    """A paragraph set between the article's title and its main region, in a box of its
    own beside the text (TYPO3's `div[itemprop=description]` between the `<h1>` and the
    body, a page builder's first text widget) is the article's standfirst (rule
    `neighbours:standfirst`). Run after the metadata took its lines: the title is the
    heading it was read off. Between the title and the main region's first segment may
    lie only the header's furniture (bylines, dates, credits, share rows, short lines) and
    at most `max_standfirst_paragraphs` prose paragraphs in all, each a sentence at
    least (a byline and a date set as a paragraph are none) with no more link text than
    the article's own (`max_link_density`); a side story, an ad or a prose paragraph of
    the boilerplate there and the page is left as it was. A paragraph in the title's own
    header box (the smallest box holding both does not hold the text) or under a label
    of its own ("Highlights") is a dek or a summary box, which the benchmarks' human
    truths leave out, and stays where it was."""
    revised = list(decisions)
    titles = [i for i in sorted(header) if segments[i].kind is BlockKind.HEADING]
    start = (
        next(
            (i for i in range(titles[0] + 1, len(revised)) if revised[i].region is Region.MAIN),
            None,
        )
        if titles
        else None
    )
    if start is None:
        return revised
    title = max(i for i in titles if i < start)
    found = _standfirst_between(segments, features, revised, range(title, start), options)
    if found:
        for index in found:
            revised[index] = Decision(Region.MAIN, "text", "neighbours:standfirst")
    return revised


def _standfirst_between(
    segments: list[Segment],
    features: list[Features],
    decisions: list[Decision],
    span: range,
    options: Options,
) -> list[int] | None:
    """The standfirst's paragraphs between the title (`span.start`) and the text
    (`span.stop`); None when anything there is not the header's furniture or there are
    more prose paragraphs than a standfirst has (a dek or a summary box counts too)."""
    title, start = segments[span.start].owner, segments[span.stop].owner
    found: list[int] = []
    prose: list[int] = []
    for index in span[1:]:
        decision, feature = decisions[index], features[index]
        if decision.rule == "other:prose" and segments[index].kind is BlockKind.PARAGRAPH:
            if feature.link_density > options.max_link_density:
                return None
            prose.append(index)
            if len(prose) > options.max_standfirst_paragraphs:
                return None  # more prose than a standfirst: a story or a page above
            if not feature.sentences or feature.text_cues:
                continue  # a byline or a date line set as a paragraph: no standfirst
            branch = _branch_beside(title, segments[index].owner)
            shared = branch.getparent() if branch is not None else None
            if branch is None or shared is None or not is_within(start, shared):
                continue  # in a header box of the title's own
            if any(is_within(segments[i].owner, branch) for i in range(span.start + 1, index)):
                continue  # under a label of its own ("Highlights"): a summary box
            found.append(index)
        elif decision.region in (Region.SIDEBAR, Region.AD) or (
            decision.region is Region.BOILERPLATE and is_full_paragraph(feature, options)
        ):
            return None
    return found


def _branch_beside(title: HtmlElement, paragraph: HtmlElement) -> HtmlElement | None:
    """The paragraph's outermost box that does not hold the title (a child of the
    smallest box holding both)."""
    branch = paragraph
    for box in paragraph.iterancestors():
        if is_within(title, box):
            return branch
        branch = box
    return None
