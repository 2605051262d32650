"""Labels and headings that go with what they label or head: field and comment labels,
button prompts, headings over none of the article."""

from __future__ import annotations

import itertools

from newsclean.classify import Decision
from newsclean.features import Features
from newsclean.model import BlockKind, Region
from newsclean.neighbours.common import on_site
from newsclean.options import Options
from newsclean.segment import Segment
from newsclean.tree import boxes_around, is_within


def route_field_labels(
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


def route_comment_labels(
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


def route_button_prompts(
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
            or not on_site(segments[index + 1], host)
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


def route_orphan_headings(
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


def route_thin_sections(
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
