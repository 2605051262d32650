"""Decide, for every segment, which region it belongs to and what it is: the decision table.

After jusText, in two passes: here a table judges each segment on its own features and
the vocabulary of the boxes around it (the first row that matches wins, and its name is
the segment's `rule`); then the neighbours package revisits the verdicts in the light of the
segments beside them.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable
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
from newsclean.tree import box_membership, boxes_around, enclosing_href, is_within


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
    #: Inside a small form the reader writes a message in (a comment or contact form),
    #: or its heading.
    reply_form: bool = False
    #: Inside a page footer (<footer>, role="contentinfo") that is, or lies inside, a box
    #: that joined the main container as its sibling.
    joined_footer: bool = False
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


def _is_lead(context: _Context) -> bool:
    """The standfirst: lead-classed text above the article's container, with no more
    link text than the article's own paragraphs may hold (a buying guide's summary links
    the products it names)."""
    features = context.features
    return (
        context.before_main
        and "lead" in context.chain_cues
        and features.chars >= context.options.min_lead_chars
        and features.link_density <= context.options.max_link_density
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


def _is_dated_headline(context: _Context) -> bool:
    """A teaser's headline link led by its date ("23.02.2020 - Røiseland avanciert zur
    Antholz-Königin"): a story, not a date line."""
    text = context.segment.text.lstrip()
    date = vocab.DATE_TEXT.match(text)
    # A date alone (a card's date line, the link's text around it) leads nothing.
    return (
        date is not None
        and any(character.isalpha() for character in text[date.end() :])
        and _is_headline(context)
    )


#: A word of letters only: a date's figures and a file's digits are not counted.
_LETTER_WORD = re.compile(r"[^\W\d_]+")


def _is_date_line(context: _Context) -> bool:
    """A short line holding a date, a longer one that dates the post and names its
    author ("Posted by David at December 16, 2025 11:15 AM"), or one that says when the
    page last changed ("Last Modified: 03-10-2004 2:20pm")."""
    if "date" not in context.features.text_cues:
        return False
    words = context.features.words
    text = context.segment.text
    return (
        words <= context.options.max_date_line_words
        or (words <= context.options.max_label_words and vocab.DATED_BYLINE.match(text) is not None)
        # "page.html - Created 03-10-2004 2:20pm - Last Modified: 03-10-2004 2:20pm": the
        # page's stamp, however many figures, in few words of letters (a sentence saying a
        # page "was last updated 3 weeks ago, but ..." runs on).
        or (
            len(text) < vocab.MAX_CHANGED_LINE_CHARS
            and len(_LETTER_WORD.findall(text)) <= context.options.max_label_words
            and vocab.CHANGED_LINE.search(text) is not None
        )
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
    _Row("box:reply-form", lambda c: c.in_main and c.reply_form, Region.BOILERPLATE, "form"),
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
        lambda c: "share" in c.chain_cues and not is_full_paragraph(c.features, c.options),
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
    _Row(
        "main:page-footer",
        lambda c: c.joined_footer,
        Region.BOILERPLATE,
        "footer",
        needs="footer",
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
    forms: list[HtmlElement] | None = None,
) -> list[Decision]:
    """`forms`: the page's <form> elements in document order, if gathered already."""
    chains = _ChainInspector(segments, features, main, options, forms)
    in_main = [main is not None and main.contains(segment.owner) for segment in segments]
    replies = _reply_form_elements(segments, main, options)
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
    joined = frozenset(main.joined) if main is not None else frozenset()
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
                segments, index, chains.chain(segment.owner), in_main, teaser_memo, joined
            )
        )
        # By position, in the order of _Context's fields: by keyword costs three times as much.
        context = _Context(
            segment=segment,
            features=feature,
            in_main=in_main[index],
            before_main=index < first_main,
            chain_cues=chain.cues,
            cue_depths=chain.depths,
            appeal_box=chain.appeal_box,
            signup_box=chain.signup_box,
            reply_form=bool(replies) and segment.owner in replies,
            options=options,
            teaser_lead=teaser_lead,
            joined_footer=(
                "footer" in chain.cues
                and in_main[index]
                and bool(joined)
                and _in_joined_footer(chains.chain(segment.owner), joined)
            ),
        )
        decisions.append(_decide(context))
    return decisions


def _in_joined_footer(chain: list[HtmlElement], joined: frozenset[HtmlElement]) -> bool:
    """The chain (climbed up to the main container, or through a box that joined it up to
    that box's parent) passes a page footer, <footer> or role="contentinfo", and ends in
    a joined box: the site's footer taken in with a sibling, not the article's own."""
    return (
        bool(chain)
        and chain[-1] in joined
        and any(
            element.tag == "footer" or (element.get("role") or "").lower() in vocab.FOOTER_ROLES
            for element in chain
        )
    )


#: Blocks as long as a paragraph that are not one: a headline, a picture's caption.
_NO_PARAGRAPH_KINDS = frozenset({BlockKind.HEADING, BlockKind.CAPTION})


def _is_article_teaser(
    segments: list[Segment],
    index: int,
    chain: list[HtmlElement],
    in_main: list[bool],
    memo: dict[HtmlElement, bool],
    joined: frozenset[HtmlElement],
) -> bool:
    """Every box of the chain that counts as a sidebar is called a teaser and nothing
    else (no "sidebar", "related" or <aside>: a side column's promotion), and the
    article follows the outermost one straight on (a list of other stories' teasers
    sits apart from it), or the outermost one joined the article's container as its
    sibling (a table of contents may stand between them)."""
    sidebars = [element for element in chain if "sidebar" in class_cues(element)]
    if not sidebars or not all(_is_teaser_box(element) for element in sidebars):
        return False
    return sidebars[-1] in joined or _box_heads_main(segments, index, sidebars[-1], in_main, memo)


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


def bare_page(segments: list[Segment], decisions: list[Decision]) -> list[Decision]:
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
        forms: list[HtmlElement] | None = None,
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
        self._signups = _signup_boxes(segments, options, forms)
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
        if root not in main.joined:
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
    member: dict[HtmlElement, int] = {}  # a segment each box is around
    for index, (segment, feature) in enumerate(zip(segments, features, strict=True)):
        if feature.appeals:
            for element in boxes_around(segment.owner, limit):
                hits[element] = hits.get(element, 0) + feature.appeals
                member.setdefault(element, index)
    return {
        element
        for element, count in hits.items()
        if count >= options.min_appeal_hits  # the common page: no box qualifies
        and not _text_beyond_members(
            segments, member[element], element, limit, count * options.max_chars_per_appeal
        )
    }


def _text_beyond_members(
    segments: list[Segment], index: int, box: HtmlElement, limit: int, most: int
) -> bool:
    """The segments `box` is one of the boxes around (`tree.boxes_around`) hold more than
    `most` characters: counted from segment `index` (one of them) either way, and only
    until they do."""
    total = len(segments[index].text)
    for step in (-1, 1):
        other = index + step
        while 0 <= other < len(segments) and total <= most:
            member = box_membership(segments[other].owner, box, limit)
            if member is None:
                break
            if member:
                total += len(segments[other].text)
            other += step
    return total > most


def _offers_action(box: HtmlElement) -> bool:
    """The box gives the reader a way to answer its plea: a link, a button, a form. In the
    article, paragraphs about newsletters or subscriptions with none ask nothing of anyone."""
    return next(box.iter("a", "button", "form", "input"), None) is not None


def _signup_boxes(
    segments: list[Segment], options: Options, forms: list[HtmlElement] | None = None
) -> set[HtmlElement]:
    """Around each form that asks for an email address or a phone number (not a comment
    form, not a login), the largest box with at most `max_signup_box_chars` of text, up to
    the first one classed as not article: a newsletter's or a sales team's sign-up, with its
    pitch, its fine print and its thanks."""
    if not segments:
        return set()
    if forms is None:
        forms = list(segments[0].owner.getroottree().getroot().iter("form"))
    forms = [form for form in forms if _asks_for_address(form)]
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
            if element is not form and negative_cues(element) - {"subscribe"}:
                break  # a sidebar around the sign-up holds other boxes too
            if element in too_large or _text_beyond(element, owned, limit):
                too_large.add(element)
                break
            box = element
            element = element.getparent()
        if box is not None:
            boxes.add(box)
    return boxes


def _reply_form_elements(
    segments: list[Segment], main: MainRegion | None, options: Options
) -> set[HtmlElement]:
    """The elements of each small form the reader writes a message in (a text area, no
    password: a comment or contact form, its labels, its notes, its button), with at most
    `max_signup_box_chars` of text, and the heading set straight before it ("Add A
    Comment"). A form around the article (ASP.NET wraps the page in one) is no such form."""
    if not segments or main is None:
        return set()
    root = segments[0].owner.getroottree().getroot()
    forms = [
        form
        for form in root.iter("form")
        if next(form.iter("textarea"), None) is not None
        and not any((field.get("type") or "").lower() == "password" for field in form.iter("input"))
    ]
    if not forms:
        return set()  # the common page: nothing is measured
    owned: dict[HtmlElement, int] = {}
    for segment in segments:
        owned[segment.owner] = owned.get(segment.owner, 0) + len(segment.text)
    elements: set[HtmlElement] = set()
    for form in forms:
        if _text_beyond(form, owned, options.max_signup_box_chars) or any(
            is_within(root, form) for root in main.roots
        ):
            continue
        elements.update(form.iter())
        heading = _heading_before(form)
        if heading is not None:
            elements.update(heading.iter())
    return elements


def _heading_before(element: HtmlElement) -> HtmlElement | None:
    """The heading straight before the element, or before the box (up to three levels up)
    the element opens (<h3>Add A Comment</h3><blockquote><form>...)."""
    for _ in range(3):
        previous = element.getprevious()
        while previous is not None and not isinstance(previous.tag, str):
            previous = previous.getprevious()  # a comment between them
        if previous is not None:
            return previous if previous.tag in vocab.HEADING_TAGS else None
        parent = element.getparent()
        if parent is None:
            return None
        element = parent
    return None


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


def engagement_route(feature: Features, options: Options) -> tuple[str, int, Region, str] | None:
    return next(
        (
            route
            for route in _engagement_limits(options)
            if route[0] in feature.text_cues and feature.words <= route[1]
        ),
        None,
    )


def is_full_paragraph(feature: Features, options: Options) -> bool:
    return (
        feature.length >= options.min_paragraph_chars * options.last_paragraph_factor
        and feature.link_density <= options.max_prose_link_density
        and engagement_route(feature, options) is None
    )
