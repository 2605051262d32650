"""Decide, for every segment, which region it belongs to and what it is.

Two passes, after jusText: a decision table judges each segment on its own
features and the vocabulary of the boxes around it (the first row that matches
wins, and its name is the segment's `rule`); then a neighbour pass revisits
short segments in the light of the segments beside them.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from lxml.html import HtmlElement

from newsclean import vocab
from newsclean.content import PROSE_BELIED_CUES, MainRegion, belied_cues, is_prose
from newsclean.features import (
    Features,
    class_cues,
    headline_links,
    is_article_link,
    links_to_signup,
    negative_cues,
    sidebar_words,
)
from newsclean.limits import Deadline
from newsclean.model import BlockKind, Region
from newsclean.options import Options
from newsclean.segment import Link, Segment
from newsclean.tree import is_within


@dataclass(frozen=True, slots=True)
class Decision:
    region: Region
    role: str
    rule: str


BARE_PAGE_RULE = "bare-page"


@dataclass(slots=True)
class _Context:
    """What the decision rows may look at for one segment."""

    segment: Segment
    features: Features
    in_main: bool
    before_main: bool  # above the first segment of the main region
    chain_cues: frozenset[str]  # class/id categories of the boxes between segment and main
    cue_depths: dict[str, int]  # for each of them, how many boxes up it first appears
    appeal_box: bool  # a box around the segment pleads for money or sign-ups
    signup_box: bool  # a small box around the segment holds a form asking for an address
    options: Options
    #: Prose at or above the article's first paragraph, in a box called a teaser and
    #: nothing else, that the main region follows straight on.
    teaser_lead: bool = False


class _Row(NamedTuple):
    name: str
    condition: Callable[[_Context], bool]
    region: Region
    role: str
    #: A text or class cue the condition cannot hold without: where the segment has
    #: neither, the row is not tried (most segments have none, and most rows need one).
    needs: str | None = None


#: How far above a heading an enclosing link is looked for.
_MAX_LINK_DEPTH = 3


def _is_lead(context: _Context) -> bool:
    """The standfirst: lead-classed prose above the article's container."""
    features = context.features
    return (
        context.before_main
        and "lead" in context.chain_cues
        and features.chars >= context.options.min_lead_chars
        and features.link_density <= context.options.max_prose_link_density
    )


#: The only cues a box may carry for its prose to be the article's teaser.
_TEASER_BOX_CUES = frozenset({"sidebar", "lead"})


def _is_teaser_lead(context: _Context) -> bool:
    """The article's own teaser (TYPO3's "news-single > div.teaser-text" above
    "div.news-text-wrap"): see `_is_article_teaser`. No other cue may name its boxes."""
    return context.teaser_lead and context.chain_cues <= _TEASER_BOX_CUES


def _nearer(context: _Context, cue: str, rival: str) -> bool:
    """The chain names `cue`, closer to the segment than `rival` if it names that too: a
    comment thread's "log in to comment" gate inside a layout row called "row-ad" is the
    thread's; an ad slot between comments is an ad."""
    depths = context.cue_depths
    return cue in depths and depths[cue] < depths.get(rival, context.options.chain_limit)


def _is_prompt(context: _Context) -> bool:
    """As long as a plea is: more than a menu's "Subscribe | Log in", less than a story."""
    return (
        context.options.min_prompt_words
        <= context.features.words
        <= context.options.max_prompt_words
    )


def _disguised_words(text: str) -> int:
    """How many words mix Latin letters with Cyrillic look-alikes ("Аdvеrtіѕе wіth thе
    most visited news site"): a pitch spelt so that ad filters miss it."""
    return sum(1 for word in text.split() if vocab.DISGUISED_LETTERS.search(word))


def _asks_to_sign_up(context: _Context) -> bool:
    """A plea in the site's own voice ("Join our mailing list!"): the site's, inside the
    article too; a story that merely mentions a newsletter stays."""
    return vocab.SIGNUP_PROMPT.search(context.segment.text) is not None


def _links_to_signup(segment: Segment) -> bool:
    """A link to a sign-up or subscription page. Inside the article too, a short block that
    is mostly such a link is a plea ("GET THE BEST OF THE TIMES WITH TAKE 5"); a sentence
    that merely links one ("Beehiiv sent 28 billion emails") is the story's."""
    return links_to_signup(segment.links)


def _is_teaser_heading(context: _Context) -> bool:
    """Outside the article, a heading wrapped in a link to an article: a teaser card, even
    in a box called navigation (the previous/next article's title)."""
    segment = context.segment
    if context.in_main or segment.kind is not BlockKind.HEADING:
        return False
    href = enclosing_href(segment.owner)
    return href is not None and is_article_link(
        Link(segment.text, href), context.options.headline_min_words
    )


def _is_permalinked_heading(segment: Segment) -> bool:
    """A heading whose links all point at itself (<h3 id="x"><a href="#x">): its own
    permalink, a section of the article, not a row of links. A contents list's entries
    point at other headings."""
    links = segment.links
    if segment.kind is not BlockKind.HEADING or not links:
        return False
    owner = segment.owner
    names = {element.get("id") for element in owner.iter()}
    names.update(element.get("name") for element in owner.iter())
    names.update(element.get("id") for element in itertools.islice(owner.iterancestors(), 2))
    names.discard(None)
    return all(link.href.startswith("#") and link.href[1:] in names for link in links)


def enclosing_href(owner: HtmlElement) -> str | None:
    """The link a block sits in (<a href><h3>Title</h3></a>): its text carries no link."""
    for level, element in enumerate(owner.iterancestors()):
        if level >= _MAX_LINK_DEPTH:
            return None
        if element.tag == "a" and element.get("href"):
            return str(element.get("href"))
    return None


def _is_dated_headline(context: _Context) -> bool:
    """A teaser's headline link led by its date ("23.02.2020 - Røiseland avanciert zur
    Antholz-Königin"): a story, not a date line."""
    return vocab.DATE_TEXT.match(context.segment.text.lstrip()) is not None and _is_headline(
        context
    )


def _is_date_line(context: _Context) -> bool:
    """A short line holding a date, or a longer one that dates the post and names its
    author ("Posted by David at December 16, 2025 11:15 AM")."""
    if "date" not in context.features.text_cues:
        return False
    words = context.features.words
    return words <= context.options.max_date_line_words or (
        words <= context.options.max_label_words
        and vocab.DATED_BYLINE.match(context.segment.text) is not None
    )


def _is_linked_prose(context: _Context) -> bool:
    """A sentence of the article most of whose words are links (names, sources), with
    some text of its own: a headline or a menu is all link, and "À lire aussi : <link>"
    points elsewhere."""
    features = context.features
    return (
        context.in_main
        and features.sentences > 0
        and not features.text_cues & {"related", "read-more"}
        and features.length >= context.options.min_paragraph_chars
        and features.link_density < 1
    )


def _is_headline(context: _Context) -> bool:
    in_article = context.in_main and (not context.features.linked or _is_linked_prose(context))
    if in_article or "footer" in context.chain_cues:
        return False
    if not context.features.linked:
        return False
    options = context.options
    return bool(
        headline_links(
            context.segment.links, options.headline_min_words, options.headline_link_share
        )
    )


#: The decision table: rule name, condition, region, role (and the cue the condition
#: needs, if any); first match wins.
_ROWS: tuple[_Row, ...] = (
    _Row(
        "text:ad-label",
        lambda c: "ad-label" in c.features.text_cues,
        Region.AD,
        "ad-label",
        needs="ad-label",
    ),
    _Row(
        "text:legal",
        lambda c: "legal" in c.features.text_cues and (not c.in_main or "footer" in c.chain_cues),
        Region.LEGAL,
        "legal",
        needs="legal",
    ),
    _Row(
        "text:disclosure",
        lambda c: (
            "disclosure" in c.features.text_cues
            and c.features.words <= c.options.max_disclosure_words
        ),
        Region.LEGAL,
        "disclosure",
        needs="disclosure",
    ),
    _Row(
        "text:rights",
        lambda c: (
            "rights" in c.features.text_cues and c.features.words <= c.options.max_rights_words
        ),
        Region.LEGAL,
        "copyright",
        needs="rights",
    ),
    _Row(
        "text:login",
        lambda c: (
            c.features.words <= c.options.max_label_words
            and vocab.LOGIN_TEXT.match(c.segment.text) is not None
        ),
        Region.BOILERPLATE,
        "login",
    ),
    _Row("class:ad", lambda c: _nearer(c, "ad", "comments"), Region.AD, "ad", needs="ad"),
    _Row(
        "class:subscribe",
        lambda c: _nearer(c, "subscribe", "comments"),
        Region.AD,
        "subscription",
        needs="subscribe",
    ),
    _Row("box:appeal", lambda c: c.appeal_box, Region.AD, "appeal"),
    _Row("box:signup-form", lambda c: c.in_main and c.signup_box, Region.AD, "appeal"),
    _Row(
        "text:comments",
        lambda c: (
            not c.in_main
            and "comments" in c.features.text_cues
            and c.features.words <= c.options.max_label_words
        ),
        Region.BOILERPLATE,
        "comments",
        needs="comments",
    ),
    _Row("class:legal", lambda c: "legal" in c.chain_cues, Region.LEGAL, "legal", needs="legal"),
    _Row(
        "text:sponsored",
        lambda c: (
            "sponsored" in c.features.text_cues and c.features.words <= c.options.max_prompt_words
        ),
        Region.AD,
        "sponsored",
        needs="sponsored",
    ),
    _Row(
        "text:disguised",
        lambda c: _disguised_words(c.segment.text) >= c.options.min_disguised_words,
        Region.AD,
        "ad",
        needs="disguised",
    ),
    _Row(
        "text:appeal",
        lambda c: (
            (not c.in_main or "sidebar" in c.chain_cues or _asks_to_sign_up(c))
            and "appeal" in c.features.text_cues
            and _is_prompt(c)
        ),
        Region.AD,
        "appeal",
        needs="appeal",
    ),
    _Row(
        "link:signup",
        lambda c: c.features.linked and _is_prompt(c) and _links_to_signup(c.segment),
        Region.AD,
        "appeal",
    ),
    _Row(
        "text:call-to-action",
        lambda c: (
            "call-to-action" in c.features.text_cues
            and c.features.words <= c.options.max_label_words
        ),
        Region.AD,
        "appeal",
        needs="call-to-action",
    ),
    _Row(
        "text:shop",
        lambda c: (
            "shop" in c.features.text_cues
            and c.features.words <= c.options.max_label_words
            and not c.segment.text.rstrip().endswith(".")
        ),
        Region.AD,
        "shop",
        needs="shop",
    ),
    _Row(
        "class:banner",
        lambda c: "banner" in c.chain_cues,
        Region.BOILERPLATE,
        "banner",
        needs="banner",
    ),
    _Row("class:lead", _is_lead, Region.MAIN, "lead", needs="lead"),
    _Row("class:teaser-lead", _is_teaser_lead, Region.MAIN, "lead"),
    _Row(
        "class:byline",
        lambda c: "byline" in c.chain_cues and c.features.chars < c.options.max_byline_chars,
        Region.BOILERPLATE,
        "author",
        needs="byline",
    ),
    _Row(
        "class:author-bio",
        lambda c: c.in_main and "byline" in c.chain_cues,
        Region.BOILERPLATE,
        "author",
        needs="byline",
    ),
    _Row(
        "text:date",
        lambda c: _is_date_line(c) and not _is_dated_headline(c),
        Region.BOILERPLATE,
        "date",
        needs="date",
    ),
    _Row(
        "text:reading-time",
        lambda c: (
            "reading-time" in c.features.text_cues and c.features.words <= c.options.max_label_words
        ),
        Region.BOILERPLATE,
        "date",
        needs="reading-time",
    ),
    _Row(
        "class:comments",
        lambda c: "comments" in c.chain_cues,
        Region.BOILERPLATE,
        "comments",
        needs="comments",
    ),
    _Row(
        "class:share",
        lambda c: "share" in c.chain_cues and not _is_full_paragraph(c.features, c.options),
        Region.BOILERPLATE,
        "share",
        needs="share",
    ),
    _Row(
        "text:share",
        lambda c: (
            "share" in c.features.text_cues
            and c.features.chars
            < (c.options.short_block_chars if c.in_main else c.options.max_share_line_chars)
        ),
        Region.BOILERPLATE,
        "share",
        needs="share",
    ),
    _Row("link:teaser-heading", _is_teaser_heading, Region.SIDEBAR, "headline"),
    _Row(
        "class:navigation",
        lambda c: "navigation" in c.chain_cues,
        Region.BOILERPLATE,
        "navigation",
        needs="navigation",
    ),
    _Row(
        "text:breadcrumb",
        lambda c: (
            c.features.words <= c.options.max_prompt_words
            and ("›" in c.segment.text or ">" in c.segment.text)
            and vocab.BREADCRUMB_TEXT.match(c.segment.text) is not None
        ),
        Region.BOILERPLATE,
        "navigation",
    ),
    _Row(
        "text:credit",
        lambda c: "credit" in c.features.text_cues,
        Region.BOILERPLATE,
        "credit",
        needs="credit",
    ),
    _Row(
        "text:control",
        lambda c: "control" in c.features.text_cues,
        Region.BOILERPLATE,
        "control",
        needs="control",
    ),
    _Row("link:headline", _is_headline, Region.SIDEBAR, "headline"),
    _Row(
        "class:sidebar",
        lambda c: "sidebar" in c.chain_cues,
        Region.SIDEBAR,
        "related",
        needs="sidebar",
    ),
    _Row(
        "main:links",
        lambda c: (
            c.in_main
            and c.features.link_density > c.options.max_link_density
            and not _is_linked_prose(c)
            and not _is_permalinked_heading(c.segment)
        ),
        Region.BOILERPLATE,
        "links",
    ),
    _Row("main:text", lambda c: c.in_main, Region.MAIN, "text"),
    _Row("other:prose", lambda c: is_prose(c.features, c.options), Region.SIDEBAR, "story-text"),
    _Row("other:links", lambda c: c.features.linked, Region.BOILERPLATE, "navigation"),
    _Row(
        "other:footer",
        lambda c: "footer" in c.chain_cues,
        Region.BOILERPLATE,
        "footer",
        needs="footer",
    ),
    _Row("other", lambda c: True, Region.BOILERPLATE, "other"),
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
    # The article's first paragraph: its own teaser stands above it, and may stand under
    # a long headline or the picture's caption.
    first_paragraph = next(
        (
            index
            for index, feature in enumerate(features)
            if in_main[index]
            and segments[index].kind not in _NO_PARAGRAPH_KINDS
            and is_prose(feature, options)
        ),
        len(segments),
    )
    teaser_memo: dict[HtmlElement, bool] = {}
    decisions = []
    for index, (segment, feature) in enumerate(zip(segments, features, strict=True)):
        if deadline is not None:
            deadline.tick("classify")
        chain = chains.inspect(segment.owner)
        teaser_lead = (
            "sidebar" in chain.depths
            and index <= first_paragraph
            and is_prose(feature, options)
            and _is_article_teaser(
                segments, index, chains.chain(segment.owner), in_main, teaser_memo
            )
        )
        context = _Context(
            segment=segment,
            features=feature,
            in_main=in_main[index],
            before_main=index < first_main,
            chain_cues=chain.cues,
            cue_depths=chain.depths,
            appeal_box=chain.appeal_box,
            signup_box=chain.signup_box,
            options=options,
            teaser_lead=teaser_lead,
        )
        decisions.append(_decide(context))
    decisions = revisit_neighbours(segments, features, decisions, options)
    return _bare_page(segments, decisions) if main is None else decisions


#: Blocks as long as a paragraph that are not one: a headline, a picture's caption.
_NO_PARAGRAPH_KINDS = frozenset({BlockKind.HEADING, BlockKind.CAPTION})


def _is_article_teaser(
    segments: list[Segment],
    index: int,
    chain: list[HtmlElement],
    in_main: list[bool],
    memo: dict[HtmlElement, bool],
) -> bool:
    """Every box of the chain that counts as a sidebar is called a teaser and nothing
    else (no "sidebar", "related" or <aside>: a side column's promotion), and the
    article follows the outermost one straight on (a list of other stories' teasers
    sits apart from it)."""
    sidebars = [element for element in chain if "sidebar" in class_cues(element)]
    if not sidebars or not all(_is_teaser_box(element) for element in sidebars):
        return False
    return _box_heads_main(segments, index, sidebars[-1], in_main, memo)


def _is_teaser_box(element: HtmlElement) -> bool:
    words = sidebar_words(element)
    return element.tag != "aside" and bool(words) and words <= vocab.TEASER_CLASSES


def _box_heads_main(
    segments: list[Segment],
    index: int,
    box: HtmlElement,
    in_main: list[bool],
    memo: dict[HtmlElement, bool],
) -> bool:
    """The first segment after `box` is the main region's: the box sits straight above
    the article. Memoised per box, so a long box is walked once."""
    known = memo.get(box)
    if known is None:
        known = memo[box] = _next_outside_is_main(segments, index, box, in_main)
    return known


def _next_outside_is_main(
    segments: list[Segment], index: int, box: HtmlElement, in_main: list[bool]
) -> bool:
    for later in range(index + 1, len(segments)):
        if not is_within(segments[later].owner, box):
            return in_main[later]
    return False


def _bare_page(segments: list[Segment], decisions: list[Decision]) -> list[Decision]:
    """A page with no main region where no segment carries any cue at all (no links,
    classes, footer, prose of a story elsewhere): nothing on it is recognisably around
    an article, so its whole text is the article (a bare document, a stub page) — if it
    has a word in it (not decoding debris such as a lone U+FFFD)."""
    if any(decision.rule != "other" for decision in decisions):
        return decisions
    if not any(character.isalnum() for segment in segments for character in segment.text):
        return decisions
    return [Decision(Region.MAIN, "text", BARE_PAGE_RULE) for _ in decisions]


def _decide(context: _Context) -> Decision:
    for name, condition, region, role, _ in _rows_for(
        context.features.text_cues, context.chain_cues
    ):
        if condition(context):
            return _row_decision(region, role, name)
    raise AssertionError("the last row matches everything")  # pragma: no cover


@functools.lru_cache(maxsize=1024)
def _rows_for(text_cues: frozenset[str], chain_cues: frozenset[str]) -> tuple[_Row, ...]:
    """The rows a segment with these cues may match, in order. A page has a few dozen
    combinations of cues, and the table's order is kept within each."""
    return tuple(
        row
        for row in _ROWS
        if row.needs is None or row.needs in text_cues or row.needs in chain_cues
    )


@functools.cache
def _row_decision(region: Region, role: str, rule: str) -> Decision:
    """One shared (frozen) Decision per row: a page of 100,000 segments needs a few dozen."""
    return Decision(region, role, rule)


class _Chain(NamedTuple):
    """What `_ChainInspector.inspect` finds above a segment: each cue with the depth of
    the innermost box naming it ("positive" aside), the cues as a set, and whether a box
    pleads for money or sign-ups, or is a sign-up form's. Shared between segments, so
    read only."""

    depths: dict[str, int]
    cues: frozenset[str]
    appeal_box: bool
    signup_box: bool


#: A cue `inspect` drops: the main region's own word, not a box's around a segment.
_UNCOUNTED_CUES = frozenset({"positive"})


class _ChainInspector:
    """The boxes between a segment and the main region, and what they say.

    Results are memoised per box for this one page (no state outlives the call).
    """

    def __init__(
        self,
        segments: list[Segment],
        features: list[Features],
        main: MainRegion | None,
        options: Options,
    ) -> None:
        self._stop = _main_ancestors(main)
        self._main = main
        self._options = options
        self._cues: dict[HtmlElement, frozenset[str]] = {}
        self._prose = _ProseMeter(segments, features, options)
        self._limit = options.chain_limit
        self._appeals = {
            box
            for box in _appeal_boxes(segments, features, options)
            if main is None or not main.contains(box) or _offers_action(box)
        }
        self._signups = _signup_boxes(segments, options)
        self._no_chain = _Chain({}, frozenset(), False, False)
        self._last_parent: HtmlElement | None = None
        self._last_chain: _Chain | None = None

    def inspect(self, owner: HtmlElement) -> _Chain:
        """Climb the chain (the owner and the boxes above it, at most `chain_limit`, up
        to the main region) once: each cue it names with the depth of the innermost box
        naming it ("positive" aside), whether a box of it pleads for money or sign-ups,
        and whether one is a sign-up form's box. Not memoised per owner: owners rarely
        repeat (only lines split by <br>), and a memo entry per segment costs more memory
        than the short climb costs time; but consecutive segments mostly share their
        parent, and the climb above it is kept for the last parent asked about."""
        if self._limit <= 0 or owner in self._stop:
            return self._no_chain
        above = self._chain_above(owner.getparent())
        cues = self._cues.get(owner)
        if cues is None:
            cues = self._trusted_cues(owner, remember=False)
        appeal_box = above.appeal_box or (bool(self._appeals) and owner in self._appeals)
        signup_box = above.signup_box or (bool(self._signups) and owner in self._signups)
        if (
            cues <= _UNCOUNTED_CUES
            and appeal_box == above.appeal_box
            and signup_box == above.signup_box
        ):
            return above  # the owner adds nothing: its chain is its parent's, shared
        depths = {**above.depths, **dict.fromkeys(cues, 0)}
        depths.pop("positive", None)
        return _Chain(depths, frozenset(depths), appeal_box, signup_box)

    def _chain_above(self, parent: HtmlElement | None) -> _Chain:
        """`inspect`'s climb from the owner's parent, at depth 1, as its children see it."""
        if parent is not self._last_parent or self._last_chain is None:
            self._last_parent, self._last_chain = parent, self._climb(parent)
        return self._last_chain

    def _climb(self, parent: HtmlElement | None) -> _Chain:
        found: dict[str, int] = {}
        appeals, signups = self._appeals, self._signups
        in_appeal_box = in_signup_box = False
        cues_of = self._cues
        element = parent
        for depth in range(1, self._limit):
            if element is None or element in self._stop:
                break
            cues = cues_of.get(element)
            if cues is None:
                cues = self._trusted_cues(element, remember=True)
            if cues:  # most boxes name nothing
                for cue in cues:
                    found.setdefault(cue, depth)
            if appeals and element in appeals:
                in_appeal_box = True
            if signups and element in signups:
                in_signup_box = True
            element = element.getparent()
        found.pop("positive", None)
        return _Chain(found, frozenset(found), in_appeal_box, in_signup_box)

    def chain(self, owner: HtmlElement) -> list[HtmlElement]:
        """The boxes `inspect` climbs, as a list: only the rare teaser check needs them."""
        chain: list[HtmlElement] = []
        element: HtmlElement | None = owner
        while element is not None and len(chain) < self._limit and element not in self._stop:
            chain.append(element)
            element = element.getparent()
        return chain

    def _trusted_cues(self, element: HtmlElement, *, remember: bool) -> frozenset[str]:
        """The element's class cues, less the menu and legal ones its prose belies inside
        the article (content.belied_cues). Remembered for the boxes above segments, which
        many share, and whenever its prose was measured; a segment's own element seldom
        recurs, and its plain cues are cached by attribute string (`class_cues`), so a
        page of 100,000 paragraphs holds no entry per paragraph."""
        cues = class_cues(element)
        if (
            cues.isdisjoint(PROSE_BELIED_CUES)
            or self._main is None
            or not self._main.contains(element)
        ):
            if remember:
                self._cues[element] = cues
            return cues
        trusted = self._cues[element] = cues - belied_cues(
            element, self._prose.count(element), self._options
        )
        return trusted


class _ProseCount(NamedTuple):
    chars: int
    links: int
    prose: int
    paragraphs: int


class _ProseMeter:
    """The text under a box (content.ProseCount), measured on demand for this page."""

    def __init__(self, segments: list[Segment], features: list[Features], options: Options) -> None:
        self._segments = segments
        self._features = features
        self._options = options
        self._owned: dict[HtmlElement, _ProseCount] | None = None

    def count(self, element: HtmlElement) -> _ProseCount:
        chars = links = prose = paragraphs = 0
        owned = self._owned_text()
        for inner in element.iter():
            entry = owned.get(inner)
            if entry is not None:
                chars, links = chars + entry.chars, links + entry.links
                prose, paragraphs = prose + entry.prose, paragraphs + entry.paragraphs
        return _ProseCount(chars, links, prose, paragraphs)

    def _owned_text(self) -> dict[HtmlElement, _ProseCount]:
        """The text of the segments each element owns."""
        if self._owned is None:
            owned: dict[HtmlElement, _ProseCount] = {}
            for segment, feature in zip(self._segments, self._features, strict=True):
                chars, links, prose, paragraphs = owned.get(segment.owner, (0, 0, 0, 0))
                counts = is_prose(feature, self._options)
                owned[segment.owner] = _ProseCount(
                    chars + feature.chars,
                    links + segment.link_chars,
                    prose + (feature.chars if counts else 0),
                    paragraphs + counts,
                )
            self._owned = owned
        return self._owned


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
    limit = options.chain_limit
    hits: dict[HtmlElement, int] = {}
    for segment, feature in zip(segments, features, strict=True):
        if feature.appeals:
            for element in _boxes_around(segment.owner, limit):
                hits[element] = hits.get(element, 0) + feature.appeals
    candidates = {
        element: count for element, count in hits.items() if count >= options.min_appeal_hits
    }
    if not candidates:
        return set()  # the common page: no box can qualify, so no box is measured
    chars = dict.fromkeys(candidates, 0)
    for segment in segments:
        for element in _boxes_around(segment.owner, limit):
            if element in chars:
                chars[element] += len(segment.text)
    return {
        element
        for element, count in candidates.items()
        if chars[element] <= count * options.max_chars_per_appeal
    }


def _offers_action(box: HtmlElement) -> bool:
    """The box gives the reader a way to answer its plea: a link, a button, a form. In the
    article, paragraphs about newsletters or subscriptions with none ask nothing of anyone."""
    return next(box.iter("a", "button", "form", "input"), None) is not None


def _signup_boxes(segments: list[Segment], options: Options) -> set[HtmlElement]:
    """Around each form that asks for an email address or a phone number (not a comment
    form, not a login), the largest box with at most `max_signup_box_chars` of text, up to
    the first one classed as not article: a newsletter's or a sales team's sign-up, with its
    pitch, its fine print and its thanks."""
    if not segments:
        return set()
    root = segments[0].owner.getroottree().getroot()
    forms = [form for form in root.iter("form") if _asks_for_address(form)]
    if not forms:
        return set()  # the common page: nothing is measured
    owned: dict[HtmlElement, int] = {}
    for segment in segments:
        owned[segment.owner] = owned.get(segment.owner, 0) + len(segment.text)
    limit = options.max_signup_box_chars
    too_large: set[HtmlElement] = set()
    boxes: set[HtmlElement] = set()
    for form in forms:
        box: HtmlElement | None = None
        element: HtmlElement | None = form
        while element is not None and element.tag not in ("body", "html"):
            if element is not form and negative_cues(element):
                break  # a sidebar around the sign-up holds other boxes too
            if element in too_large or _text_beyond(element, owned, limit):
                too_large.add(element)
                break
            box = element
            element = element.getparent()
        if box is not None:
            boxes.add(box)
    return boxes


def _asks_for_address(form: HtmlElement) -> bool:
    """A form with an email or phone field, and no text area (a comment or contact form
    is a conversation, not a sign-up) and no password (a login)."""
    if next(form.iter("textarea"), None) is not None:
        return False
    asks = False
    for field in form.iter("input"):
        kind = (field.get("type") or "text").lower()
        if kind == "password":
            return False
        named = " ".join(field.get(name) or "" for name in ("name", "placeholder"))
        asks = asks or kind in vocab.ADDRESS_INPUT_TYPES or bool(vocab.EMAIL_FIELD.search(named))
    return asks


def _text_beyond(element: HtmlElement, owned: dict[HtmlElement, int], limit: int) -> bool:
    """The segments inside the element hold more than `limit` characters (stops counting
    there: a form placed straight in the page's column is not measured whole)."""
    total = 0
    for inner in element.iter():
        total += owned.get(inner, 0)
        if total > limit:
            return True
    return False


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
    _keep_announced_lists(segments, features, revised)
    _keep_item_headings(segments, features, revised, options)
    _route_headed_boxes(segments, features, revised, options)
    _route_teaser_cards(segments, features, revised, options)
    _trim_main_tail(segments, features, revised, options)
    _trim_engagement_tail(features, revised, options)
    _widen_tail_appeals(segments, features, revised)
    _route_field_labels(segments, features, revised, options)
    _route_orphan_headings(segments, features, revised, options)
    _spread_ad_labels(segments, revised, options)
    _spread_share_rows(segments, features, revised, options)
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
    segments: list[Segment], features: list[Features], decisions: list[Decision], options: Options
) -> None:
    """A listicle's item heading that links to the item ("Industrial Pipe Bookshelf", a
    trail, a book) reads like another story's headline; inside the article, followed
    straight by a full paragraph of it that shares no small box with the heading (a
    teaser card's summary does), it is the item's heading and stays, when the article
    has at least `min_linked_list_items` such headings of the same tag: one or two are links to
    other stories set between paragraphs ("MIRA: ...", "STAT Plus: ...")."""
    items: dict[str, list[int]] = {}
    for index, decision in enumerate(decisions[:-1]):
        following = index + 1
        if (
            decision.rule == "link:headline"
            and segments[index].kind is BlockKind.HEADING
            and decisions[following].rule == "main:text"
            and _is_full_paragraph(features[following], options)
            and _box_after(segments, features, decisions, index, options) is None
        ):
            items.setdefault(segments[index].tag, []).append(index)
    for headings in items.values():
        if len(headings) >= options.min_linked_list_items:
            for index in headings:
                decisions[index] = Decision(Region.MAIN, "text", "neighbours:item-heading")


def _list_item(segment: Segment) -> HtmlElement | None:
    """The list item a segment is, or whose paragraph it is: a loose list (AsciiDoc's,
    Markdown's with blank lines between items) wraps each item's text in a `<p>`."""
    if segment.kind is BlockKind.LIST_ITEM:
        return segment.owner
    parent = segment.owner.getparent()
    if segment.kind is BlockKind.PARAGRAPH and parent is not None and parent.tag == "li":
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
    members = _box_members(segments, options.chain_limit)
    for index in labels:
        box = _smallest_shared_box(segments[index].owner, members, options.chain_limit)
        if box is None or len(members[box]) > options.max_ad_box_segments:
            continue
        if any(decisions[i].region is Region.MAIN for i in members[box]):
            continue
        for i in members[box]:
            if _is_unnamed(decisions[i]):
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
        if row is None or not all(_is_fragment(features[i], options) for i in row):
            continue
        for i in row:
            if decisions[i].region is Region.MAIN:
                decisions[i] = Decision(Region.BOILERPLATE, "share", "box:share")


def _row_around(segments: list[Segment], index: int, options: Options) -> range | None:
    """The segments of the innermost box around segment `index` that holds another one,
    if it holds at most `max_share_row_segments` (segments of a box are consecutive)."""
    limit = options.max_share_row_segments
    for box in _boxes_around(segments[index].owner, options.chain_limit):
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


def _is_unnamed(decision: Decision) -> bool:
    """Taken for a side story or decided by no cue: what an ad's box may claim. A byline,
    a menu or a legal line beside a plea says what it is itself."""
    return decision.region is Region.SIDEBAR or decision.rule == "other"


def _box_members(segments: list[Segment], limit: int) -> dict[HtmlElement, list[int]]:
    """For each box around a segment, the segments inside it, in page order."""
    members: dict[HtmlElement, list[int]] = {}
    for index, segment in enumerate(segments):
        for element in _boxes_around(segment.owner, limit):
            members.setdefault(element, []).append(index)
    return members


def _smallest_shared_box(
    owner: HtmlElement, members: dict[HtmlElement, list[int]], limit: int
) -> HtmlElement | None:
    """The innermost box around `owner` that holds another segment besides it."""
    return next((box for box in _boxes_around(owner, limit) if len(members[box]) > 1), None)


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
        if summary and decision.region is Region.MAIN:
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
        if decision.region is not Region.MAIN:
            continue
        card = card_of.get(index)
        if card is not None and _wrapped_by_link(segments[card], segments[index]):
            run.append(index)
            continue
        if run:
            yield run, above
            run = []
        above = index


def _wrapped_by_link(headline: Segment, member: Segment) -> bool:
    """The headline's text carries no link of its own and one link holds it and the member."""
    href = enclosing_href(headline.owner) if not headline.links else None
    return href is not None and enclosing_href(member.owner) == href


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
    summary = [i for i in range(index + 1, last + 1) if decisions[i].region is Region.MAIN]
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


#: What a short block after the article's last paragraph says when it speaks to the
#: reader about the site or the author rather than the story: (cue, the Options field
#: holding its word limit, region, role). Prompts are short; a sentence that merely
#: mentions sharing or a subscription is the story's.
_ENGAGEMENT_ROUTES = (
    ("bio", "max_tail_bio_words", Region.BOILERPLATE, "author"),
    ("social", "max_tail_social_words", Region.BOILERPLATE, "share"),
    ("appeal", "max_tail_appeal_words", Region.AD, "appeal"),
    ("comments", "max_tail_comments_words", Region.BOILERPLATE, "comments"),
    ("share", "max_tail_prompt_words", Region.BOILERPLATE, "share"),
    ("related", "max_tail_prompt_words", Region.BOILERPLATE, "related"),
    ("read-more", "max_tail_prompt_words", Region.BOILERPLATE, "related"),
)


@functools.cache
def _engagement_limits(options: Options) -> tuple[tuple[str, int, Region, str], ...]:
    """The routes with the caller's word limits (one tuple per Options: no lookups per
    segment)."""
    return tuple(
        (cue, int(getattr(options, field)), region, role)
        for cue, field, region, role in _ENGAGEMENT_ROUTES
    )


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
            and _is_full_paragraph(features[index], options)
        ),
        None,
    )
    if last is None:
        return
    for index in range(last + 1, len(decisions)):
        if decisions[index].region is not Region.MAIN:
            continue
        route = _engagement_route(features[index], options)
        if route is not None:
            cue, _, region, role = route
            decisions[index] = Decision(region, role, f"tail:{cue}")


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


def _engagement_route(feature: Features, options: Options) -> tuple[str, int, Region, str] | None:
    return next(
        (
            route
            for route in _engagement_limits(options)
            if route[0] in feature.text_cues and feature.words <= route[1]
        ),
        None,
    )


def _is_full_paragraph(feature: Features, options: Options) -> bool:
    return (
        feature.length >= options.min_paragraph_chars * options.last_paragraph_factor
        and feature.link_density <= options.max_prose_link_density
        and _engagement_route(feature, options) is None
    )


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
