"""Group the segments routed to the sidebar into one `Story` per story.

A headline link opens a story (title and URL); a short emphasised line or a
heading opens one without a URL (an embedded side story). The prose that
follows joins the open story as its text, a leading wire dateline ("Moscow
(AFP) Nov 17, 2015 - ...") split off. Prose that no headline claims is not a
story: it goes back to the boilerplate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

from newsclean import vocab
from newsclean.classify import Decision
from newsclean.features import Features, headline_links
from newsclean.model import BlockKind, Region, Story
from newsclean.options import Options
from newsclean.segment import Link, Segment
from newsclean.tree import enclosing_href

_MAX_TITLE_CHARS = 200
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
#: The schemes whose URLs browsers parse with backslashes as slashes (WHATWG "special").
_WEB_SCHEMES = frozenset({"http", "https", "ftp", "ws", "wss", "file"})
#: A segment of a related box is a headline when links make up this share of its text.
_HEADLINE_LINK_SHARE = 0.5


@dataclass(slots=True)
class _Draft:
    title: str
    url: str | None
    rule: str
    dateline: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    #: The title is a heading's (a card's kicker or summary above its heading is not).
    heading: bool = False

    def add_text(self, text: str) -> None:
        if not self.paragraphs and self.dateline is None:
            match = vocab.DATELINE_TEXT.match(text)
            if match and match.group("rest"):
                self.dateline = match.group("dateline").strip()
                text = match.group("rest")
        text = vocab.TEASER_TAIL.sub("", text).strip()
        if text:
            self.paragraphs.append(text)

    def story(self) -> Story:
        return Story(
            title=self.title,
            text="\n\n".join(self.paragraphs),
            url=self.url,
            dateline=self.dateline,
            rule=self.rule,
        )


def build_stories(
    segments: list[Segment],
    features: list[Features],
    decisions: list[Decision],
    url: str | None,
    options: Options,
) -> tuple[list[Story], list[Decision]]:
    """The stories, and the decisions with unclaimed sidebar prose sent to boilerplate."""
    drafts: list[_Draft] = []
    revised = list(decisions)
    current: _Draft | None = None
    for index, segment in enumerate(segments):
        decision = revised[index]
        if decision.region is not Region.SIDEBAR:
            if _closes_story(decision, features[index], options):
                current = None
            continue
        if current is None and decision.role == "story-text" and index > 0:
            current = _title_above(index - 1, segments, features, revised, drafts)
        current = _take(segment, features[index], decision, current, drafts, url, options)
        if current is None:
            role = "related" if decision.role == "related" else "prose"
            revised[index] = Decision(Region.BOILERPLATE, role, decision.rule + ",unclaimed")
    _adopt_unclaimed_prose(revised, options)
    return [draft.story() for draft in drafts], revised


_UNCLAIMED_PROSE = "other:prose,unclaimed"


def _adopt_unclaimed_prose(decisions: list[Decision], options: Options) -> None:
    """When the caller favours recall: prose outside the main region that no story
    claims and no class cue routed (a paragraph in its own box beside the article's
    column) joins the article when it lies within the article's span of segments, or at
    most `max_adopted_prose_gap` segments before or after it."""
    gap = options.max_adopted_prose_gap
    if gap <= 0:
        return
    main = (i for i, decision in enumerate(decisions) if decision.region is Region.MAIN)
    first = next(main, None)
    if first is None:
        return
    last = next(i for i in reversed(range(len(decisions))) if decisions[i].region is Region.MAIN)
    for index in range(max(0, first - gap), min(len(decisions), last + gap + 1)):
        if decisions[index].rule == _UNCLAIMED_PROSE:
            decisions[index] = Decision(Region.MAIN, "text", "main:adopted-prose")


def _take(
    segment: Segment,
    feature: Features,
    decision: Decision,
    current: _Draft | None,
    drafts: list[_Draft],
    url: str | None,
    options: Options,
) -> _Draft | None:
    """Add one sidebar segment to the stories; return the story left open."""
    if decision.role == "related":
        return _take_related(segment, feature, decision, current, drafts, url, options)
    headlines = _headline_links(segment, options)
    if decision.role == "headline" and headlines:
        if current is not None and _continues_card(segment, current, url):
            return _add_to_card(segment, current)
        return _open_stories(headlines, url, decision.rule, drafts, segment)
    return _title_or_text(segment, feature, decision, current, drafts, url)


def _take_related(
    segment: Segment,
    feature: Features,
    decision: Decision,
    current: _Draft | None,
    drafts: list[_Draft],
    url: str | None,
    options: Options,
) -> _Draft | None:
    """A segment of a related/recommended box: a headline link or a heading (inside a
    link or not) opens a story, text joins the open one, and a box label ("Related",
    "Most read") opens nothing and closes what was open."""
    if "related" in feature.text_cues or feature.words < options.headline_min_words:
        return None
    if feature.link_density >= _HEADLINE_LINK_SHARE:
        links = _headline_links(segment, options)
        if links and current is not None and _continues_card(segment, current, url):
            return _add_to_card(segment, current)
        if links:
            return _open_stories(links, url, decision.rule, drafts, segment)
        if _enclosing_href(segment) is None:
            return None  # the box's own links: "Search fact-checks by person"
        # A heading its link wraps (<a href><h4>Title</h4></a>): a title, as below.
    return _title_or_text(segment, feature, decision, current, drafts, url)


def _title_or_text(
    segment: Segment,
    feature: Features,
    decision: Decision,
    current: _Draft | None,
    drafts: list[_Draft],
    url: str | None,
) -> _Draft | None:
    """A line that looks like a title opens a story (linked where a link wraps it);
    anything else joins the story left open."""
    if _looks_like_title(segment, feature):
        href = _enclosing_href(segment)
        drafts.append(
            _Draft(
                segment.text,
                _absolute(href, url) if href else None,
                decision.rule,
                heading=segment.kind is BlockKind.HEADING,
            )
        )
        return drafts[-1]
    if current is not None:
        current.add_text(segment.text)
    return current


def _continues_card(segment: Segment, current: _Draft, url: str | None) -> bool:
    """The segment sits in the link the open story came from, and links nowhere else: a
    card's summary that one link wraps with its headline (<a href><h3>Title</h3><p>...
    </p></a>) is the story's text, not another story."""
    href = _enclosing_href(segment)
    return (
        href is not None
        and current.url == _absolute(href, url)
        and all(link.href == href for link in segment.links)
    )


def _add_to_card(segment: Segment, current: _Draft) -> _Draft:
    """A later block of the card the open story came from: its text, or its title when it
    is the card's heading and the story's title so far was not one (a date, a section's
    name or the summary set above the headline)."""
    if segment.kind is BlockKind.HEADING and not current.heading:
        current.paragraphs.insert(0, current.title)
        current.title, current.heading = segment.text, True
    else:
        current.add_text(segment.text)
    return current


def _headline_links(segment: Segment, options: Options) -> list[Link]:
    return headline_links(segment.links, options.headline_min_words, options.headline_link_share)


def _open_stories(
    links: list[Link], url: str | None, rule: str, drafts: list[_Draft], segment: Segment
) -> _Draft:
    """One story per headline link; the last is left open for the text below it."""
    heading = segment.kind is BlockKind.HEADING
    for link in links:
        drafts.append(_Draft(link.text, _absolute(link.href, url), rule, heading=heading))
    return drafts[-1]


def _enclosing_href(segment: Segment) -> str | None:
    """The link a heading sits in (<a href><h4>Title</h4></a>)."""
    return enclosing_href(segment.owner)


def _title_above(
    index: int,
    segments: list[Segment],
    features: list[Features],
    decisions: list[Decision],
    drafts: list[_Draft],
) -> _Draft | None:
    """A short bold line or heading (segment `index`) left in the boilerplate just above
    orphan prose is its title."""
    above, decision = segments[index], decisions[index]
    if decision.region is not Region.BOILERPLATE or not _looks_like_title(above, features[index]):
        return None
    decisions[index] = Decision(Region.SIDEBAR, "story-title", decision.rule + ",title")
    drafts.append(_Draft(above.text, None, decisions[index].rule))
    return drafts[-1]


def _looks_like_title(segment: Segment, feature: Features) -> bool:
    if feature.chars > _MAX_TITLE_CHARS or segment.text.rstrip().endswith((".", ":", ";")):
        return False
    return (
        segment.kind is BlockKind.HEADING
        or feature.emphasis_density >= 0.9
        or _enclosing_href(segment) is not None
    )


def _closes_story(decision: Decision, feature: Features, options: Options) -> bool:
    """Main text, ads and legal text end a story; short labels between stories do not."""
    if decision.region in (Region.MAIN, Region.AD, Region.LEGAL):
        return True
    return decision.region is Region.BOILERPLATE and feature.chars >= options.short_block_chars


def _absolute(href: str, base: str | None) -> str:
    """The link made absolute from the page's URL; as written when either is no URL
    ("http://[abc/" raises in urljoin). In a web URL a backslash is a slash, as browsers
    read it (`\\news\\item.html`)."""
    scheme = _SCHEME.match(href) or _SCHEME.match(base or "")
    if "\\" in href and scheme is not None and scheme.group(1).lower() in _WEB_SCHEMES:
        href = href.replace("\\", "/")
    if not base:
        return href
    try:
        return urljoin(base, href)
    except ValueError:
        return href
