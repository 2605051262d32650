"""The article's head and tail: engagement prompts, the author's card and bio, appeals,
what follows a related-stories box, fragments after the last paragraph."""

from __future__ import annotations

from newsclean import vocab
from newsclean.classify import Decision, engagement_route, is_full_paragraph
from newsclean.features import Features
from newsclean.model import BlockKind, Region
from newsclean.neighbours.common import is_fragment
from newsclean.options import Options
from newsclean.segment import Segment
from newsclean.tree import is_within, smallest_common


def trim_engagement_tail(
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


def trim_author_card(
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
    if name is not None and is_fragment(features[name], options):
        card.insert(0, name)  # the name over the title
    for index in card:
        decisions[index] = Decision(Region.BOILERPLATE, "author", "tail:author-card")


def _nearest_main_before(decisions: list[Decision], index: int) -> int | None:
    """The article's last segment before segment `index`, if any."""
    return next((i for i in range(index - 1, -1, -1) if decisions[i].region is Region.MAIN), None)


def route_header_bios(
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
        shared = smallest_common(owner, segments[above].owner)
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
    box = smallest_common(segments[card[0]].owner, segments[card[-1]].owner)
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


def widen_tail_appeals(
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


def trim_after_related_box(
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


def trim_main_tail(
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
