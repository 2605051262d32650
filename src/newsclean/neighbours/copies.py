"""An article laid out twice (once per screen size) is kept once."""

from __future__ import annotations

from array import array

from newsclean.classify import Decision
from newsclean.features import Features
from newsclean.model import Region
from newsclean.segment import Segment

#: A run of the article's segments repeating an earlier run is a copy (the page laid out
#: again for another screen) when its text lies in at least this many elements: one or two
#: repeated paragraphs (the lines of one, split by <br>) are the author's (a refrain, a
#: test page's filler).
MIN_COPY_ELEMENTS = 3


#: ... and at least this many characters: an author may repeat a short list (an office's
#: address, its fax number) where a second step needs it; a layout's copy is the article.
MIN_COPY_CHARS = 500


def drop_repeated_runs(
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
