"""The standfirst between the title and the article joins it."""

from __future__ import annotations

from lxml.html import HtmlElement

from newsclean.classify import Decision, is_full_paragraph
from newsclean.features import Features
from newsclean.model import BlockKind, Region
from newsclean.options import Options
from newsclean.segment import Segment
from newsclean.tree import is_within


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
