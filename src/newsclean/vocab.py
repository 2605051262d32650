"""Every word list the heuristics use, in one place.

Two kinds of cue: class/id tokens (what the page's authors called a region) and
text patterns (what a region says about itself). Both are matched case-insensitively.
Lists are multilingual where news pages commonly are (en, de, fr, es, it, nl, pt).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

# -- tags ---------------------------------------------------------------------

#: Elements that start a new block of text (everything else flows inline).
BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "td",
        "th",
        "caption",
        "ul",
    ]
)
#: Elements whose text a reader never sees as prose. Only elements that hold no markup of
#: their own once parsed (raw text, options) or that are small by nature: a misnested
#: <button> or <video> can wrap the rest of the page, so those flow inline instead.
SKIP_TAGS = frozenset(
    [
        "head",
        "title",
        "script",
        "style",
        "template",
        "noscript",
        "select",
        "option",
        "optgroup",
        "datalist",
        "textarea",
        "iframe",
        "svg",
    ]
)
#: Elements that box a region: their text is judged together.
BOX_TAGS = frozenset(
    [
        "article",
        "aside",
        "blockquote",
        "details",
        "div",
        "dl",
        "fieldset",
        "figure",
        "footer",
        "form",
        "header",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "section",
        "table",
        "td",
        "th",
        "ul",
    ]
)
HEADING_TAGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
LIST_ITEM_TAGS = frozenset(["li", "dd", "dt"])
CAPTION_TAGS = frozenset(["figcaption", "caption"])
#: A class naming a picture's caption or credit: "wp-caption-text", "caption-full",
#: "imageCaption", "Bildunterschrift", "post-image-credits"; a utility class styling
#: captions inside ("[&_figcaption]:mt-xs") is not.
CAPTION_CLASS = re.compile(
    r"(?:^|\s|[-_])[a-z]*(?:caption|bildunterschrift|(?:image|img|photo|foto|bild)[-_]?credits?)"
    r"(?:$|\s|[-_])",
    re.IGNORECASE,
)
#: A caption's text naming its figure by number: "Abbildung 4: klassische Schwachschicht.",
#: "Abb. 2 –", "Figure 3.", "Fig. 1:". A gallery's "Bild 1 von 5" has no colon or dash.
FIGURE_LABEL = re.compile(
    r"(?:abbildung|abb\.|figure|fig\.|figura|rysunek|rys\.)\s*\d+[a-z]?\s*(?::|\.(?!\d)|[-–—]\s)",
    re.IGNORECASE,
)
#: What FIGURE_LABEL's text opens with, lower-cased (a cheap test first).
FIGURE_LABEL_STARTS = frozenset({"abb", "fig", "rys"})
#: A Latin letter next to a Cyrillic one inside a word: "Аdvеrtіѕе" spelt with Cyrillic
#: look-alikes so that filters miss it. Real text in either script seldom does it.
DISGUISED_LETTERS = re.compile(r"[a-z][\u0400-\u04ff]|[\u0400-\u04ff][a-z]", re.IGNORECASE)
#: What DISGUISED_LETTERS' Cyrillic range matches, case ignored (the range and the old
#: letter forms U+1C80-U+1C87, whose capitals lie in it), written out: every match holds
#: one, and a scan for them alone (the engine skips to them) is far cheaper.
CYRILLIC_LETTERS = re.compile(r"[\u0400-\u04ff\u1c80-\u1c87]")
#: An inline element classed as a credit ("credit", "video-credit", "photo-credit",
#: "buying-guide__credit") closing a paragraph: the paragraph is the picture's caption.
CREDIT_CLASS = re.compile(r"(?:^|\s|[-_])credits?(?:$|\s)", re.IGNORECASE)
CREDIT_INLINE_TAGS = frozenset(["span", "small", "em", "i", "cite"])
#: Lower-case words of which every CAPTION_CLASS match holds one (a cheap test first).
CAPTION_CLASS_WORDS = ("caption", "bildunterschrift", "credit")
EMPHASIS_TAGS = frozenset(["b", "strong"])

# -- class/id tokens ----------------------------------------------------------------


def _tokens(words: str) -> frozenset[str]:
    return frozenset(words.split())


#: A class/id token is split on non-letters, so "sidebar-right" gives "sidebar", "right".
CLASS_TOKEN_SPLIT = re.compile(r"[^a-z0-9]+")
#: A CSS module's generated class: a camelCase name, optionally led by its component's,
#: then a hash of five ("subscriptionPleaContainer-D09dM", "MegaMenu_link__lU0Rs",
#: "styles_promoCode__8o1yl"); group 1 is the name, split at CAMEL_CASE_STEP.
CSS_MODULE_CLASS = re.compile(
    r"^((?:[A-Za-z][A-Za-z0-9]*_)?[a-z]+(?:[A-Z][a-z0-9]+)*)(?:-|__)(?=[\w-]*[A-Z0-9])[\w-]{5}$"
)
CAMEL_CASE_STEP = re.compile(r"([a-z])([A-Z])")
#: A class name that says what a box lacks or has, not what it is: kept whole. The
#: modifier may follow the block's own name ("o-section--has-ads", "page--no-sidebar").
CLASS_MODIFIER = re.compile(
    r"(?:^|[-_])(?:no|non|not|without|has|with)[-_]"
    # A setting's value after its name ("sidebar-enabled--false" on the article's column):
    # whether the page shows a sidebar, not a sidebar.
    r"|--(?:true|false)$"
    # print-visibility utilities ("d-print-none", "hide-for-print", "noprint"): not a print
    # button, a box the stylesheet leaves off paper.
    r"|print.*(?:none|hid|only|visible)|(?:none|hide|hidden|only|visible|no).*print"
    # Embedded posts ("twitter-tweet", "instagram-media"): quoted in the story, not a share
    # button.
    r"|^(?:twitter-(?:tweet|video)|instagram-media|tiktok-embed|fb-post)$"
    # Drupal's node states ("node--promoted" to the front page, "node--sticky"): not an ad.
    r"|^node--"
    # A section's variant that holds ad slots among its text ("TestReport__Section--Ads"):
    # the block named before the modifier is the section, not an ad.
    r"|^[a-z0-9]+__[a-z0-9]+--ads?$"
    # Utility-class variants ("print:prose-sm", "md:col-span-2", "hover:bg-ad"): a style
    # for one medium, breakpoint or state, not the box's name.
    r"|:"
)

POSITIVE_CLASSES = _tokens(
    "article articlebody article-body story storybody content entry entrycontent post "
    "postbody post-content body text main blogpost hentry prose artikel beitrag"
)
AD_CLASSES = _tokens(
    "ad ads adv advert adverts advertisement advertising adslot adunit adsense adbox "
    "dfp gpt sponsor sponsored sponsors spons promo promoted promotion affiliate donate "
    "donation outbrain taboola plista anzeige werbung pub publicite branded advertorial"
)
LEGAL_CLASSES = _tokens(
    "copyright legal disclaimer imprint impressum terms privacy cookie cookies cookiebar "
    "cookiebanner cookienotice cookieconsent consent gdpr "
    # A WordPress consent plugin's box: its banner and the placeholder it sets in place of
    # an embed ("Klicken Sie auf den unteren Button, um den Inhalt von ... zu laden").
    "borlabscookie "
    # "fine-print-section", "footer-fine-print": the small print, read joined.
    "fineprint"
)
#: The legal class words that also name ordinary content (a glossary's "terms", a search's
#: "terms"): a box of prose so named is not a notice. "disclaimer", "copyright", "legal"
#: name the notice itself, and a notice can run to several paragraphs.
PROSE_LEGAL_CLASSES = _tokens("terms")
SIDEBAR_CLASSES = _tokens(
    "related recommended recommendations mostread most-read popular trending teaser teasers "
    "more-stories morestories sidebar rail aside headlines toplist "
    "weitere empfehlung newsteaser wp-embedded-content "
    # "related" run into its noun: Jetpack's "jp-relatedposts" in WordPress's
    # "entry-content", "relatedPosts", "relatedArticles".
    "relatedposts relatedpost relatedarticles relatedarticle relatedstories relatednews"
)
#: The words of a custom element's name that say what the element is: a teaser's or a
#: related box's only. A shell element named for a menu or the page's body may wrap all
#: of it, and a "promo" element ("ps-promo") is as often the site's own story teaser.
CUSTOM_ELEMENT_WORDS = SIDEBAR_CLASSES
#: The sidebar words that also name an article's own teaser (TYPO3's "teaser-text" above
#: "news-text-wrap"): a box so named and nothing else is the standfirst when the article
#: follows it straight on.
TEASER_CLASSES = _tokens("teaser")
NAVIGATION_CLASSES = _tokens(
    "nav navbar navigation menu breadcrumb breadcrumbs pagination pager masthead "
    "topbar sitemap skiplink skiplinks skip-link skip-links skip-to-content skipnav skip-nav"
)
#: A banner is the page's masthead (ARIA's role) as often as an ad's frame or a hero
#: image's caption: against the article, but no field of its own.
#: A call to action's box ("cta-card", "article--cta", "blog-cta-wrap") is one too: a
#: pitch set among the article's paragraphs, the company's ("Book a free demo") or the
#: publication's own ("We want to hear what you think about this article").
BANNER_CLASSES = _tokens("banner cta")
#: "header" is left out on purpose: article headers ("a-article-header") hold the lead.
FOOTER_CLASSES = _tokens("footer colophon")
#: The standfirst under the headline belongs to the article even outside its container.
LEAD_CLASSES = _tokens(
    "lead lede standfirst intro introduction summary dek deck subtitle subheadline excerpt "
    "abstract vorspann einleitung chapo entradilla bajada ingress documentdescription"
)
BYLINE_CLASSES = _tokens(
    "byline author authors autor creator writer contributor authorbox autorbox authorinfo "
    "authorbio aboutauthor credits "
    # WordPress's Simple Author Box plugin ("saboxplugin-wrap", "saboxplugin-desc").
    "saboxplugin"
)
SHARE_CLASSES = _tokens("share sharing social sociallinks facebook twitter whatsapp print email")
COMMENT_CLASSES = _tokens("comment comments discussion disqus respond reply kommentar")
SUBSCRIBE_CLASSES = _tokens("newsletter subscribe subscription signup register login abo")
NEGATIVE_CLASSES = (
    AD_CLASSES
    | LEGAL_CLASSES
    | SIDEBAR_CLASSES
    | NAVIGATION_CLASSES
    | SHARE_CLASSES
    | COMMENT_CLASSES
    | SUBSCRIBE_CLASSES
    | FOOTER_CLASSES
    | BANNER_CLASSES
)

#: A class name by which the stylesheet leaves a box off paper (Bootstrap's
#: "d-print-none"/"hidden-print", Foundation's "hide-for-print", Tailwind's "print:hidden",
#: "noprint"): the page's furniture, not the text it prints. Matched on whole class names.
PRINT_HIDDEN_CLASS = re.compile(
    r"^(?:d-print-none|no-?print|hidden-print|hide-(?:for|on)-print|print-?hid(?:e|den)"
    r"|hide-?print|not-?printable|print:hidden)$",
    re.IGNORECASE,
)
#: What every class name PRINT_HIDDEN_CLASS matches holds (in the same case folding): a
#: class value without it is ruled out by one search, not a match per name (for speed:
#: the test runs on the boxes above every segment of the article, few pages have one).
PRINT_HIDDEN_HINT = re.compile("print", re.IGNORECASE)

#: A box the page opens over its text on a click, hidden until then: a modal ("myModal",
#: "cmp-modal--content": a glossary's definitions, a price calculator's notes), a popup
#: ("popup-box-author-bio") or a popover. Whole class and id tokens. "dialog" is no such
#: word (Drupal wraps every page in "dialog-off-canvas-main-canvas"), nor "tooltip": an
#: icon's label set beside it ("icon-tooltip": "Woman owned", "Recycled materials") is
#: as often the article's as an author's profile shown on hovering the byline.
OVERLAY_CLASSES = _tokens("modal modals popup popups popover")
#: What every class or id value naming an overlay holds (in the same case folding): a
#: value without it is ruled out by one search, not a split into tokens.
OVERLAY_HINT = re.compile("modal|popup|popover", re.IGNORECASE)
#: The ARIA roles of a dialog (an `aria-modal="true"` box and a `<dialog>` are one too).
OVERLAY_ROLES = frozenset(["dialog", "alertdialog"])

#: Landmark tags and ARIA roles that name a region outright.
NAVIGATION_TAGS = frozenset(["nav", "menu"])
NAVIGATION_ROLES = frozenset(["navigation", "menubar", "menu", "banner", "search"])
FOOTER_ROLES = frozenset(["contentinfo"])

# -- scripts -------------------------------------------------------------------------

#: Han, kana and hangul: one such character carries about what a short word does, so for
#: judging how much prose a segment holds it counts as this many Latin characters.
IDEOGRAPHIC_WEIGHT = 3
IDEOGRAPHIC = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")

# -- text patterns ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TextCue:
    """A named pattern: where it matches a block's text, the block says what it is."""

    name: str
    pattern: re.Pattern[str]
    #: Lower-case substrings of which every match holds one, as one alternation: where
    #: none occurs, the pattern cannot match and is not run (one literal scan is far
    #: cheaper than the pattern, and than testing the substrings one by one).
    keywords: re.Pattern[str] | None = None
    literals: tuple[str, ...] = ()  # the substrings themselves
    #: `pattern`'s alternatives split in two: those anchored at the text's start ("^..."),
    #: tried there only, and the rest. In one alternation the regex engine tries every
    #: branch, anchored or not, at every position of the text.
    at_start: re.Pattern[str] | None = None
    anywhere: re.Pattern[str] | None = None
    #: `anywhere`'s top-level branches, each with the keywords every match of it holds
    #: (see `_required_literals`; none where that is not known): given the keywords a
    #: text holds, a branch needing one it lacks cannot match and is not tried.
    branches: tuple[tuple[frozenset[str], str], ...] = ()
    #: The branches worth trying for each set of keywords met so far, as one pattern.
    _held: dict[frozenset[str], re.Pattern[str] | None] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )

    def search(self, text: str, lowered: str) -> bool:
        if self.keywords is not None and self.keywords.search(lowered) is None:
            return False
        return self.matches(text)

    def matches(self, text: str) -> bool:
        """Whether `pattern` matches somewhere in `text` (without the keyword pre-check)."""
        if self.at_start is not None and self.at_start.match(text) is not None:
            return True
        return self.anywhere is not None and self.anywhere.search(text) is not None

    def matches_holding(self, text: str, keywords: frozenset[str]) -> bool:
        """`matches`, given the keywords (of all cues) that `text.lower()` holds: only the
        branches of `anywhere` whose keywords it holds are tried. A keyword every match of
        a branch holds in its literal text is in `text.lower()` wherever the branch
        matches — unless the text holds a character whose case folds otherwise than
        `str.lower` says (`CASE_FOLDING_APART`): there, every branch is tried."""
        if self.at_start is not None and self.at_start.match(text) is not None:
            return True
        if self.anywhere is None:
            return False
        if not text.isascii() and CASE_FOLDING_APART.search(text) is not None:
            return self.anywhere.search(text) is not None
        held = keywords.intersection(self.literals)
        try:
            tried = self._held[held]
        except KeyError:
            # Only the branches whose keywords the text all holds (bounded: a cue has a
            # few keywords, and texts meet few combinations of them).
            tried = _alternation([branch for needed, branch in self.branches if needed <= held])
            if len(self._held) < _MAX_HELD_SETS:
                self._held[held] = tried
        return tried is not None and tried.search(text) is not None


def _cue(name: str, *alternatives: str, keywords: tuple[str, ...] = ()) -> TextCue:
    pattern = re.compile("|".join(alternatives), re.IGNORECASE)
    prefilter = re.compile(literal_alternation(keywords)) if keywords else None
    at_start = [alternative for alternative in alternatives if _is_anchored(alternative)]
    anywhere = [alternative for alternative in alternatives if not _is_anchored(alternative)]
    branches = tuple(
        (frozenset(k for k in keywords if any(k in run for run in _required_literals(b))), b)
        for alternative in anywhere
        for b in _top_level_branches(alternative)
    )
    return TextCue(
        name,
        pattern,
        prefilter,
        keywords,
        _alternation(at_start),
        _alternation(anywhere),
        branches,
    )


_MAX_HELD_SETS = 256


#: Characters whose case folds otherwise than `str.lower` says: a pattern ignoring case
#: matches them as letters they do not lower-case to ("ſ" as "s", "İ" as "i", "µ" as
#: "μ", a final "Σ" as "σ"). Listed from Python's own tables (re._casefix, and
#: `str.lower` against the engine's single-character lower case); a test checks them.
CASE_FOLDING_APART = re.compile(
    "[\u00b5\u0130\u0131\u017f\u0345\u0390\u03a3\u03b0\u03b2\u03b5\u03b8-\u03ba"
    "\u03bc\u03c0-\u03c3\u03c6\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f5\u0432"
    "\u0434\u043e\u0441\u0442\u044a\u0463\u1c80-\u1c88\u1e61\u1e9b\u1fbe\u1fd3"
    "\u1fe3\ua64b\ufb05\ufb06]"
)


def _required_literals(branch: str) -> list[str]:
    """Runs of literal text (lower-cased) that every match of a regular-expression
    branch holds: the characters at its top level outside groups, classes and escapes
    that stand for more than one character, less any a quantifier makes optional. What
    cannot be read so surely (inline flags, a run holding a character of
    `CASE_FOLDING_APART`) gives no run: the branch is then always tried."""
    if re.search(r"\(\?[aiLmsux-]", branch):
        return []
    runs: list[str] = []
    run = ""
    index = 0
    while index < len(branch):
        char = branch[index]
        if char == "\\":
            following = branch[index + 1 : index + 2]
            if following and not following.isalnum():
                run += following  # an escaped punctuation mark is itself
                index += 2
                continue
            runs.append(run)  # \b, \s, \d, \w..., or a character by its code
            run = ""
            index = _skip_escape(branch, index)
            continue
        if char in "([":
            runs.append(run)
            run = ""
            index = _skip_group(branch, index) if char == "(" else _skip_class(branch, index)
            index = _skip_quantifier(branch, index)
            continue
        if char in "?*+{":  # the last character may be left out or repeated
            runs.append(run[:-1])
            run = ""
            index = _skip_quantifier(branch, index)
            continue
        if char in ".^$|)":
            runs.append(run)
            run = ""
            index += 1
            continue
        run += char
        index += 1
    runs.append(run)
    return [
        part.lower()
        for part in runs
        if part and CASE_FOLDING_APART.search(part) is None and len(part.lower()) == len(part)
    ]


def _skip_escape(pattern: str, start: int) -> int:
    """The index after the escape at `start` ("\\" and a letter or digit): a character by
    its code ("\\x41", "\\u00e9", "\\N{...}") or a group's number takes the characters after."""
    kind = pattern[start + 1 : start + 2]
    index = start + 2
    if kind in _ESCAPE_DIGITS:
        return index + _ESCAPE_DIGITS[kind]
    if kind == "N" and pattern.startswith("{", index):
        close = pattern.find("}", index)
        return close + 1 if close >= 0 else len(pattern)
    if kind.isdigit():  # a group's number or an octal code: up to three digits
        while index < len(pattern) and index < start + 4 and pattern[index].isdigit():
            index += 1
    return index


_ESCAPE_DIGITS = {"x": 2, "u": 4, "U": 8}


def _skip_class(pattern: str, start: int) -> int:
    """The index after the character class opening at `start`."""
    index = start + 1
    if pattern.startswith("^", index):
        index += 1
    if pattern.startswith("]", index):  # a "]" first in the class is one of its characters
        index += 1
    while index < len(pattern) and pattern[index] != "]":
        index += 2 if pattern[index] == "\\" else 1
    return index + 1


def _skip_group(pattern: str, start: int) -> int:
    """The index after the group opening at `start`."""
    depth = 0
    index = start
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            index = _skip_class(pattern, index)
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return index


def _skip_quantifier(pattern: str, index: int) -> int:
    """The index after a quantifier at `index` (and its lazy or possessive mark), if any."""
    if index < len(pattern) and pattern[index] in "?*+":
        index += 1
    elif index < len(pattern) and pattern[index] == "{":
        close = pattern.find("}", index)
        index = close + 1 if close >= 0 else index + 1
    else:
        return index
    if index < len(pattern) and pattern[index] in "?+":
        index += 1
    return index


def _alternation(alternatives: list[str]) -> re.Pattern[str] | None:
    r"""The alternatives as one pattern, for `TextCue.matches` (whether it matches, not
    where): the top-level branches that open with a word boundary share it, "\b(?:a|b)"
    for "\ba|\bb". The engine then tries those branches only where a word starts or
    ends, not each at every position (the legal cue's 25 such branches: 3x faster)."""
    if not alternatives:
        return None
    branches = [branch for pattern in alternatives for branch in _top_level_branches(pattern)]
    bounded = [branch.removeprefix(r"\b") for branch in branches if branch.startswith(r"\b")]
    others = [branch for branch in branches if not branch.startswith(r"\b")]
    shared = [rf"\b(?:{'|'.join(bounded)})"] if bounded else []
    return re.compile("|".join(shared + others), re.IGNORECASE)


def _is_anchored(alternative: str) -> bool:
    """Every match of `alternative` starts at the text's start: each of its top-level
    branches opens with "^" (without re.MULTILINE, "^" matches there only)."""
    return all(branch.startswith("^") for branch in _top_level_branches(alternative))


def _top_level_branches(pattern: str) -> list[str]:
    """`pattern` split at each "|" outside groups and character classes."""
    branches: list[str] = []
    start = depth = 0
    class_start = -1  # where the character class being read opened; -1: none open
    escaped = False
    for index, char in enumerate(pattern):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif class_start >= 0:
            # A "]" first in the class ("[]a]", "[^]a]") is one of its characters.
            opening = pattern[class_start + 1 : index] in ("", "^")
            class_start = -1 if char == "]" and not opening else class_start
        elif char == "[":
            class_start = index
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            branches.append(pattern[start:index])
            start = index + 1
    return [*branches, pattern[start:]]


_NONE: frozenset[str] = frozenset()


class KeywordIndex:
    """Which of some keyword cues may match a text, found in one scan of it.

    Testing each cue's keywords costs a scan of the text per cue. One scan instead finds
    every position where any keyword starts (each search resumes one character after
    the last hit, so overlapping keywords are all seen); at each, the trie reports the
    shortest keyword starting there, and any longer keyword it begins ("right": "rights
    reserved") is looked for by substring. Searching, not a lookahead tried at every
    position: the engine skips to the characters a keyword can start with.
    """

    def __init__(self, cues: Iterable[TextCue]) -> None:
        cues_of: dict[str, list[TextCue]] = {}
        for cue in cues:
            for literal in cue.literals:
                cues_of.setdefault(literal, []).append(cue)
        self._cues_of = {literal: tuple(found) for literal, found in cues_of.items()}
        self._longer = {
            short: tuple(other for other in cues_of if other != short and other.startswith(short))
            for short in cues_of
        }
        self._search = re.compile(literal_alternation(cues_of)).search

    def candidates(self, lowered: str) -> dict[str, TextCue]:
        """The cues (by name) one of whose keywords occurs in `lowered`."""
        return self.scan(lowered)[0]

    def scan(self, lowered: str) -> tuple[dict[str, TextCue], frozenset[str]]:
        """The cues (by name) one of whose keywords occurs in `lowered`, and every keyword
        that occurs in it."""
        hit = self._search(lowered)
        if hit is None:  # the common case: no set, no loop
            return {}, _NONE
        hits: set[str] = set()
        while hit is not None:
            hits.add(hit.group())
            hit = self._search(lowered, hit.start() + 1)  # overlapping ones too
        held = set(hits)
        for literal in hits:
            held.update(longer for longer in self._longer[literal] if longer in lowered)
        found: dict[str, TextCue] = {}
        for literal in held:
            found.update((cue.name, cue) for cue in self._cues_of[literal])
        return found, frozenset(held)


def literal_alternation(literals: Iterable[str]) -> str:
    """A pattern that finds where any of `literals` occurs, as a trie ("co(?:okie|pyright)"):
    the regex engine then tries one branch per character, not every literal at every
    position. Only for searching: where one literal is a prefix of another, the match
    ends at the shorter."""
    trie: dict[str, Any] = {}
    for literal in literals:
        node = trie
        for char in literal:
            node = node.setdefault(char, {})
        node[""] = {}  # a literal ends here
    return _trie_pattern(trie)


def _trie_pattern(node: dict[str, Any]) -> str:
    if "" in node:
        return ""  # a literal ends here: whatever follows, it has been found
    branches = [re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items())]
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")" if branches else "(?!)"  # no literals: no match


LEGAL_TEXT = _cue(
    "legal",
    r"©|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved|alle rechte vorbehalten",
    r"tous droits réservés|todos los derechos reservados|tutti i diritti riservati",
    r"\bprivacy (?:policy|statement|notice)\b|\bterms (?:of|and|&) (?:use|service|conditions)\b",
    r"\bdatenschutz|\bimpressum\b|\bcookie (?:policy|settings|notice)\b|\bcookies\b|\bGDPR\b",
    r"\bmentions légales\b|\bpolityka prywatności\b|\bregulamin|\bdo not sell my\b",
    r"\bprivacy choices\b|\baccessibility (?:policy|statement)\b|\bcode of conduct\b",
    r"\baffiliate (?:links?|disclosure)\b|\bnutzungsrechte\b|\blizenziert\b",
    r"\b(?:käyttö|sopimus)ehdot\b",
    r"^\s*(?:wydawca|kustantaja|herausgeber|publisher)\s*:",
    # A site's funding disclosure ("This website is sponsored by the ... Commission").
    r"\bthis (?:web ?)?site is (?:sponsored|funded|supported) by\b",
    keywords=(
        "©",
        "(c)",
        "copyright",
        "right",
        "rechte",
        "réservés",
        "reservados",
        "riservati",
        "privacy",
        "terms",
        "datenschutz",
        "impressum",
        "cookie",
        "gdpr",
        "mentions",
        "polityka",
        "regulamin",
        "do not sell",
        "choices",
        "accessibility",
        "conduct",
        "affiliate",
        "nutzungsrechte",
        "lizenziert",
        "ehdot",
        "wydawca",
        "kustantaja",
        "herausgeber",
        "publisher",
        "site is",
    ),
)
AD_LABEL_TEXT = _cue(
    "ad-label",
    r"^\s*(?:advertisement|advertising|anzeige|werbung|publicité|publicidad|pubblicità"
    r"|publicidade|reklama|annonce|mainos|hirdetés|реклама"
    r"|sponsored(?: content| by)?|promoted|paid content|ad|advert)\s*:?\s*$",
    # A paywall's badge or notice, standing alone: inside the article too, it is no part of it.
    r"^\s*(?:(?:this (?:article|story) is )?(?:exclusive|only) (?:to|for) [\w+ ]{0,30}subscribers"
    r"|subscriber(?:s|-)? ?(?:only|exclusive)|(?:exklusiv|nur) für abonnenten"
    r"|réservé aux abonnés|exclusivo para (?:suscriptores|assinantes))\s*\.?\s*$",
)
#: A login prompt standing alone: "Already have an account? Log in here", "Sign in",
#: "Anmelden". The site's account controls, not a plea (even inside a newsletter box).
LOGIN_TEXT = re.compile(
    r"^\s*(?:already (?:have an account|registered|a member)\s*\??\s*)?"
    r"(?:log ?in|sign ?in|anmelden|einloggen|se connecter|connexion|iniciar sesi[oó]n|accedi"
    r"|zaloguj(?: się)?)"
    r"(?: here| now| to your account)?\s*[.!]?\s*$",
    re.IGNORECASE,
)
#: Where a link of a block leads to a sign-up or subscription page, the block is a plea.
SUBSCRIBE_HREF = re.compile(
    r"\bnewsletter|\bsubscri|\bsignup|\bsign-up|\bsuscrip|\bassin(?:e|atura|ante)\b|\babonn"
    r"|/abo\b|mailchi\.mp|/register",
    re.IGNORECASE,
)
#: A link path's folder naming a listing page, not an article: "/tag/<slug>/",
#: "/author/<name>/", "/thema/<slug>/". The slug after it names the listing.
LISTING_FOLDERS = frozenset(
    {
        "tag",
        "tags",
        "topic",
        "topics",
        "category",
        "categories",
        "label",
        "author",
        "authors",
        "autor",
        "autoren",
        "thema",
        "themen",
        "schlagwort",
        "stichwort",
        "kategorie",
        "tema",
        "temas",
        "etiqueta",
        "auteur",
    }
)
#: A link path's folder naming an author's page: "/author/<name>/", "/autor/<name>",
#: "/contributor/<name>/<id>". The link's text is the author's name.
AUTHOR_FOLDERS = frozenset(
    {"author", "authors", "autor", "autoren", "autorin", "auteur", "contributor", "contributors"}
)
#: Lower-case substrings of which every SUBSCRIBE_HREF match holds one.
SUBSCRIBE_HREF_WORDS = (
    "newsletter",
    "subscri",
    "signup",
    "sign-up",
    "suscrip",
    "assin",
    "abonn",
    "/abo",
    "mailchi.mp",
    "/register",
)
#: A news agency's credit line closing a story: the writers' initials and the agencies,
#: slash-separated ("aja/PAP", "kw/dpa", "(AFP/Reuters)"): no sign-off of the article's.
AGENCY_CREDIT = re.compile(r"^\s*\(?\s*[\w.]{1,12}(?:\s*/\s*[\w.]{1,12})+\s*\)?\s*$")
#: A picture's credit or a gallery's counter, standing alone: "Photo: Meg Kinnard, AP",
#: "(Image credit: Blue Origin)", "Image 3 of 5", "Foto: dpa", and the credit of the
#: picture that heads the post: "Titelbild: Flickr, CC BY 2.0", "Featured image: NASA".
CREDIT_TEXT = _cue(
    "credit",
    r"^\s*\(?\s*(?:(?:titel|beitrags|header|aufmacher|vorschau)(?:bild|foto)"
    r"|(?:featured|cover|header|lead|hero|top) (?:image|photo)|(?:bild|foto)(?:nachweis|quelle)"
    r"|photo|image|picture|foto|bild|credit|quelle|source)s?(?:\s+credits?)?\s*:"
    r"[^!?]{1,50}\)?\s*$",
    r"^\s*(?:image|photo|picture|slide|bild|foto)\s+\d+\s+(?:of|von|/|de|sur|di)\s+\d+\s*$",
    # A short caption closed by its picture's credit, photographer and agency: "Schnee
    # räumen - was man wissen muss© Rike/pixelio.de", "Die Halle © dpa / Kay Nietfeld".
    r"^[^©\n]{0,80}©\s*(?!\d)[\w.\- ]{1,30}/\s*[\w.\- ]{2,30}$",
    keywords=(
        "©",
        "photo",
        "image",
        "picture",
        "foto",
        "bild",
        "credit",
        "quelle",
        "source",
        "slide",
    ),
)
#: A site's address standing alone as a paragraph: the source a story was taken from,
#: set between its paragraphs or after them ("BVINEWS.COM", "www.example.org",
#: "smithsonian.com"). The top-level domain in one case, from a short list: "Node.js",
#: "St.GEORG" and "A.Word.A.Day" are names, not addresses.
SITE_ADDRESS = re.compile(
    r"^\s*(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\."
    r"(?:com|org|net|info|biz|gov|edu|news|de|at|ch|fr|pl|uk|es|it|nl|eu|io|us|ca|au|ru"
    r"|COM|ORG|NET|INFO|BIZ|GOV|EDU|NEWS|DE|AT|CH|FR|PL|UK|ES|IT|NL|EU|IO|US|CA|AU|RU)"
    r"/?\s*$"
)
#: The label of a gallery's or player's control, standing alone.
CONTROL_TEXT = _cue(
    "control",
    r"^\s*(?:caption|close|back to gallery|open gallery|view gallery|enlarge|expand|zoom"
    r"|fullscreen|full screen|hide caption|show caption|toggle caption|play video|replay"
    r"|this slideshow requires javascript\.?|loading\.*|skip ad|schließen|vergrößern"
    r"|bildergalerie|fermer|cerrar"
    # A carousel's arrows, read aloud: "Previous Next", "Previous slide", "Next image".
    r"|(?:previous|prev)(?: slide| image)?(?: next(?: slide| image)?)?|next(?: slide| image)"
    # A page's own widgets: an accordion's toggles, a code block's copy button.
    r"|(?:expand|collapse) all(?: (?:expand|collapse) all)?|copy(?: code| to clipboard)?"
    r"|loading [\w ]{1,20}(?:\.\.\.|…)"
    # A box's show/hide toggle: "Quellen ausblenden", "Mehr anzeigen", "Show less".
    r"|(?:mehr|weniger|alle|quellen|details|hinweis|inhalte?) (?:ausblenden|einblenden|anzeigen)"
    r"|show (?:more|less|all)|read less)\s*$",
)
#: A shop's button or price line: "Check price at REI", "View on Amazon", "Buy now from one
#: of our retail partners:", "Sale price $699.98".
SHOP_TEXT = _cue(
    "shop",
    r"^\s*(?:(?:check|see|compare|view) (?:the )?(?:latest |current )?(?:prices?|deals?) (?:at|on)"
    r"|(?:view|buy|shop) (?:it |now |this )?(?:on|at|from)|(?:sale|regular) price)\b",
    keywords=("price", "deal", "view", "buy", "shop"),
)
#: Posts or news brought to the reader's mailbox: "delivered straight to your inbox",
#: "sent directly to your inbox", "Get The Portal Direct To Your Inbox". A story's
#: "CVs in your inbox within 72 hours" brings nothing.
INBOX_PROMPT = (
    r"\b(?:delivered|sent|straight|right|directly|direct)\b(?: \w+)? (?:to|in|into) your inbox\b"
)
#: A sign-up plea or paywall notice in the site's own voice: "Join our mailing list!",
#: "Sign up for our newsletter", "... delivered to your inbox", "To view the full story,
#: please subscribe".
SIGNUP_PROMPT = re.compile(
    r"\b(?:sign up|subscribe|join|register)\b[\w ]{0,20}\b(?:our|my)\b[\w ]{0,20}"
    r"\b(?:newsletter|mailing list|e-?mail list)|" + INBOX_PROMPT +
    # A paywall's notice laid among the paragraphs: "To view the full story, please
    # subscribe", "If you're already a subscriber, you can log in".
    r"|\bto (?:view|read|see|access|unlock) (?:the )?(?:full|whole|entire|rest of (?:the|this))"
    r" (?:story|article)\b|\bfor the full (?:story|article)\b|\balready a subscriber\b"
    r"|\bbereits abonnent(?:in)?\b"
    # Polish: "Zapraszamy też do subskrypcji" (we invite you to subscribe).
    r"|\bzapraszamy\b[\w ]{0,30}\bdo (?:subskrypcji|prenumeraty)\b",
    re.IGNORECASE,
)
#: A form field asking for an address to send to: `<input type="email">`, `type="tel"`,
#: or a text field named or labelled for an email ("EMAIL", "your-email", "E-Mail-Adresse").
ADDRESS_INPUT_TYPES = frozenset({"email", "tel"})
EMAIL_FIELD = re.compile(r"e-?mail", re.IGNORECASE)
APPEAL_TEXT = _cue(
    "appeal",
    # A contribution asked for ("your contribution helps"), not one named in a story or a
    # citation ("Contribution and Benefit Base", "employer contributions").
    r"\bdonat(?:e|ion)|\b(?:your|a|any|every|monthly|one-time) contribution\b",
    INBOX_PROMPT,
    r"\bsupporter\b|\bsupport (?:us|our|independent)\b",
    # Not "billed": a review's price list says "billed annually" under each plan.
    r"\bpaywall\b|\bsubscri(?:be|ption)\b|\bnewsletter|\bad ?blockers?\b|\bpaypal\b",
    # Subscribers named in a pitch, not counted in a story ("268 subscribers haven't...").
    r"\b(?:paid|paying|first-time) subscribers?\b|\bbecome a subscriber\b",
    r"\bsubscribers (?:also )?(?:get|receive|enjoy)\b",
    r"\bsign up\b|\bhelp us\b|\bjetzt abonnieren\b|\babonnement\b|\babonnent|\babo\b|\bspenden\b",
    r"\bjede (?:kleine )?spende\b|\bhelfen sie mit\b|\bhilf mit\b",
    r"\bunterstützen sie\b|\bjetzt anmelden\b|\bdigital lesen\b|\bbolet[ií]n\b|\bsuscr[ií]b",
    r"\bassine\b|\bassinatura\b|\babonnez\b|\bzapisz się\b|\bprenumerat|\bsubskrypcj|\bwykup\b",
    r"\bfree articles?\b|\bdarmowych artykułów\b|\balready a subscriber\b",
    r"\bap[oó]yanos\b|\bapoya (?:el|al|nuestro) periodismo\b|\bh(?:azte|ágase) (?:miembro|socio)\b",
    r"\búnete a nuestra comunidad\b",
    # A platform's sign-up pitch: "Join Medium for free to get updates from this writer."
    r"\bjoin(?: \w+)? for free\b",
    # A reader-funded site's plea: "This story is funded by readers like you".
    r"\b(?:funded|supported|made possible) by (?:our )?readers\b|\breaders like you\b",
    keywords=(
        "readers",
        "apóyanos",
        "apoyanos",
        "apoya ",
        "azte ",
        "ágase ",
        "únete",
        "for free",
        "donat",
        "contribution",
        "support",
        "paywall",
        "subscri",
        "newsletter",
        "blocker",
        "paypal",
        "sign up",
        "help us",
        "abonn",
        "abo",
        "spende",
        "helfen sie",
        "hilf mit",
        "unterstützen",
        "anmelden",
        "lesen",
        "bolet",
        "suscr",
        "assin",
        "zapisz",
        "prenumerat",
        "subskrypcj",
        "wykup",
        "free article",
        "darmowych",
        "inbox",
    ),
)
#: Sponsored content and job ads, labelled as such: "Sponsored content", "conteúdo
#: patrocinado", "Kundenbetreuer (m/w/d)", "Advertise with us".
SPONSORED_TEXT = _cue(
    "sponsored",
    r"\bsponsored\b|\bpatrocinad[oa]s?\b|\bgesponsert\b|\badvertise with us\b|\badvertorial\b",
    r"\bsponsoris[ée]e?s?\b|\bpublireportage\b|\bkaupallinen yhteistyö|\bpaid partnership\b",
    r"^\s*(?:promoted content|paid post)\b",
    # A sponsor's label standing alone over its logo or pitch: "In partnership with".
    r"^\s*(?:in partnership with|presented by|brought to you by)\s*:?\s*$",
    # A slot label leading the ad's own text: "Anzeige: ...", "ANZEIGE - Heute mal ausgehen?".
    r"^\s*(?:advertisement|anzeige|werbung|reklama|publicidad|publicidade)\s*(?::|[-–—|]\s)",
    # A German post's advertising notice: "Dieser Beitrag enthält Werbung für ...".
    r"\b(?:beitrag|artikel|post|blogpost|video) enthält (?:unbezahlte |bezahlte )?werbung\b",
    r"\(\s*[mwfd]\s*/\s*[mwfd]\s*/\s*[mwfdx]\s*\)",
    keywords=(
        "sponsored",
        "advertorial",
        "sponsoris",
        "publireportage",
        "kaupallinen",
        "paid partnership",
        "promoted content",
        "paid post",
        "partnership with",
        "presented by",
        "brought to you",
        "patrocinad",
        "gesponsert",
        "advertise",
        "/",
        "anzeige",
        "werbung",
        "reklama",
        "publicidad",
    ),
)
#: An affiliate or funding disclosure: "We may earn commission from links on this page",
#: "As an Amazon Associate I earn from qualifying purchases", "This post contains
#: affiliate links", "reader-supported", "erhalten wir ggf. eine Provision".
DISCLOSURE_TEXT = _cue(
    "disclosure",
    r"\b(?:we|i|site|website|blog)\s+(?:may|might|could|will)?\s*(?:earn|receive|get|make)s?"
    r"\s+(?:an?\s+)?(?:small\s+|affiliate\s+)?(?:commissions?|compensation|a share of)",
    r"\bas an amazon associate\b|\bqualifying purchases\b|\breader[- ]supported\b",
    r"\b(?:contains?|includes?|may contain|uses?) (?:some )?affiliate links?\b",
    r"\baffiliate (?:disclosure|disclaimer)\b",
    # A review site's pledge and its links' pay, often split over two lines: "We
    # independently test everything we recommend." / "Buying through links on our site
    # supports our work."
    r"\bwe independently (?:test|review|research|evaluate|vet|select|choose)\w*\b[^.]{0,40}"
    r"\brecommend",
    r"\b(?:buy|buying|purchase|purchasing|shop|shopping) (?:through|via) (?:the )?"
    r"(?:our links|links (?:on|in) (?:our|this) (?:site|website|page|article|post))\b",
    r"\b(?:erhalten|bekommen) wir (?:ggf\.|gegebenenfalls|eventuell)?\s*"
    r"eine (?:kleine )?provision\b",
    # One sentence naming links and a commission: "Dieser Artikel kann Links zu Anbietern
    # enthalten, von denen die Redaktion eine Provision erhält".
    r"\blinks?\b[^.]{0,80}\bprovision\b",
    # A site disowning what others put on it: "NOW Grenada is not responsible for the
    # opinions, statements or media content presented by contributors", "Wir übernehmen
    # keine Haftung für die Inhalte externer Links".
    r"\bis not responsible for the (?:opinions|views|content)\b",
    r"\b(?:übernimmt|übernehmen|übernehme) keine (?:haftung|verantwortung) für\b",
    # A site's licence notice: "Unless otherwise noted, content on this site is licensed
    # under CC BY", "Sofern nicht anders ausgewiesen, stehen Inhalte ... unter CC-BY".
    r"\b(?:sofern|soweit|wenn) nicht anders (?:ausgewiesen|angegeben|vermerkt|gekennzeichnet)\b"
    r"[^.]{0,80}\b(?:cc[- ]by|creative commons|lizen[sz])",
    r"\bunless otherwise (?:noted|stated|indicated|specified)\b[^.]{0,80}"
    r"\b(?:cc[- ]by|creative commons|licen[cs]ed)\b",
    # A health site's review notice: "This article is based on scientific evidence, written
    # by experts and fact checked by experts", "Dieser Text entspricht den Vorgaben der
    # ärztlichen Fachliteratur ... und wurde von Medizinern geprüft".
    r"\bthis (?:article|post|text) is based on scientific evidence\b"
    r"|\bwritten by experts and fact[- ]checked\b",
    # Said of the text itself: a story's "Der Impfstoff wurde von Ärzten geprüft" stays.
    r"\bdieser (?:text|artikel|beitrag) (?:entspricht den vorgaben\b|wurde von"
    r" (?:medizinern|ärzten|ärztinnen|fachärzten|experten) (?:geprüft|überprüft)\b)",
    keywords=(
        "scientific evidence",
        "fact checked",
        "fact-checked",
        "vorgaben",
        "geprüft",
        "überprüft",
        "anders",
        "otherwise",
        "commission",
        "compensation",
        "share of",
        "amazon associate",
        "qualifying purchase",
        "reader",
        "affiliate",
        "provision",
        "independently",
        "links",
        "responsible",
        "keine haftung",
        "keine verantwortung",
    ),
)
SHARE_TEXT = _cue(
    "share",
    r"^\s*(?:jetzt |artikel |beitrag )?(?:share|teilen|partager|compartir|condividi)\b(?!-)",
    r"\bshare (?:this|on|via)\b|\bsocial media networks\b|\bplease share\b|\bshare with a friend\b",
    # Save, pin and like buttons' labels, standing alone: "Save this story", "Pin this
    # for later!", WordPress's "Like this:" / "Gefällt mir:" and its placeholder while the
    # button loads, "Like Loading...", "Gefällt mir Wird geladen …".
    r"^\s*(?:save|pin|bookmark) (?:this|it)(?: (?:story|article|post|recipe|page|image))?"
    r"(?: for later)?\s*[.!]?\s*$|^\s*(?:like this|gefällt mir)\s*:\s*$",
    # German save buttons: "Tipp favorisieren", "Rezept merken", "Artikel speichern".
    r"^\s*(?:tipp|rezept|artikel|beitrag|seite)? ?(?:favorisieren|merken|speichern)\s*$",
    # A "follow us" label over the site's profiles, standing alone.
    r"^\s*(?:follow us|folgen sie uns|folge uns|suivez-nous|síguenos)(?: (?:on|auf|sur|en))?"
    r"\s*:?\s*$",
    r"^\s*(?:like|liken|gefällt mir)\s+(?:loading|lade|wird geladen)\s*(?:\.\.\.|…)?\s*$",
    keywords=(
        "share",
        "favorisieren",
        "merken",
        "speichern",
        "teilen",
        "partager",
        "compartir",
        "condividi",
        "social media",
        "save",
        "pin",
        "bookmark",
        "like",
        "gefällt",
        "follow",
        "folge",
        "suivez",
        "síguenos",
    ),
)
#: A reading-time line: "11 min read", "Bridgestone Team | 5 min read", "Lesezeit: 4 Min.".
READING_TIME_TEXT = _cue(
    "reading-time",
    r"\b\d+\s*(?:-\s*)?(?:min(?:ute)?s?|minuten?)\.?\s+(?:read|reading)\b",
    r"\b(?:reading time|read time|lesezeit|lesedauer|temps de lecture|tiempo de lectura)\b",
    keywords=("read", "lese", "lecture", "lectura"),
)
#: A company's call to action: "Talk to Our Experts", "Request A Free Consultation",
#: "Get the FREE eBook!", "Contact us today!" (held to a label's length where used).
CALL_TO_ACTION_TEXT = _cue(
    "call-to-action",
    r"\b(?:talk|speak) (?:to|with) (?:our|an?|one of our) (?:[\w-]+ ){0,4}experts?\b",
    r"\b(?:request|schedule|book|claim) (?:an? |your |our )?free (?:[\w-]+ ){0,2}"
    r"(?:consultation|demo|assessment|audit|strategy call)\b",
    r"^\s*(?:get|access|download|grab) (?:the|your|our|a) (?:free )?e-?book\b",
    r"^\s*(?:contact us|get in touch) today\b",
    keywords=("expert", "free", "book", "today"),
)
COMMENT_TEXT = _cue(
    "comments",
    r"\bcomments\b|\bleave a comment\b|\bkommentare?\b|\bkommentieren\b|\bcommentaires?\b"
    r"|\bcomentar(?:ios?)?\b|\bdiskussion\b|\bletter to the editor\b",
    # A comment form's heading: "Add A Comment", "Post a comment", "Join the Conversation".
    r"\b(?:add|post|write|submit) a comment\b|\bjoin the (?:conversation|discussion)\b",
    keywords=("comment", "komment", "comentar", "diskussion", "editor", "join the"),
)
#: An author's bio: "Lucas Nolan is a reporter for ...".
BIO_TEXT = _cue(
    "bio",
    # "Dennis Moons is the founder of ...", "He's a Google Ads expert with ...".
    # "Angela Holliday-Bell, MD, is a ... physician": credentials after the name.
    r"^\s*(?:(?:[A-Z][\w.'-]+\s+){0,2}[A-Z][\w.'-]+(?:,\s*[A-Z][\w.]+)*,?\s+(?:is|was)"
    r"|(?:he|she)(?:'s|’s|\s+is))"
    r"\s+(?:an?|the)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:reporter|writer|editor|correspondent|journalist|columnist|author|contributor"
    r"|freelancer|photographer|founder|co-founder|expert|historian|critic|curator"
    r"|owner|physician|dietitian|nutritionist|therapist|consultant|strategist"
    r"|attorney|lawyer|professor)\b",
    keywords=(
        "reporter",
        "writer",
        "editor",
        "correspondent",
        "journalist",
        "columnist",
        "author",
        "contributor",
        "freelancer",
        "photographer",
        "founder",
        "expert",
        "historian",
        "critic",
        "curator",
        "owner",
        "physician",
        "dietitian",
        "nutritionist",
        "therapist",
        "consultant",
        "strategist",
        "attorney",
        "lawyer",
        "professor",
    ),
)
#: A staff title standing alone, the line under an author's name on the card at the
#: article's foot: "Contributing Writer", "Associate Editor", "Former Senior Editor,
#: Tech", "Editor, Running Reviews", "Founder and CEO". Up to three words before the role
#: (its rank, its desk), a desk or a publication after a comma.
STAFF_TITLE_LINE = re.compile(
    r"^\s*(?:[\w&-]+\s+){0,3}?"
    r"(?:(?:writer|editor|reporter|correspondent|journalist|columnist|contributor"
    r"|photographer|producer|editor-in-chief)"
    r"|(?:co-?)?founder(?:\s*(?:and|&)\s*(?:ceo|editor|president))?)"
    r"(?:\s*,\s*(?:[\w&.'-]+\s*){1,4})?\s*$",
    re.IGNORECASE,
)
#: Invitations to follow the site elsewhere or install its app.
SOCIAL_TEXT = _cue(
    "social",
    r"\bfollow (?:us|@?\w+(?: \w+)?) on\b|\bfolgen sie uns\b|\bfolge uns\b|\bs[ií]guenos\b"
    r"|\bsuivez[- ]nous\b|\bseguici\b|\bjoin us on\b|\bdownload (?:the|our) [\w ]{0,30}\bapps?\b"
    r"|\bwith the [\w ]{0,30}\bapp\b|\bcanal de (?:youtube|telegram|whatsapp)\b"
    r"|\bour (?:youtube|telegram|whatsapp) channel\b"
    r"|\bjoin our [\w ]{0,30}\b(?:forums?|community|discord|facebook group)\b",
    keywords=(
        "follow",
        "folg",
        "guenos",
        "suivez",
        "seguici",
        "join us",
        "join our",
        "app",
        "youtube",
        "telegram",
        "whatsapp",
    ),
)
#: Words that ask the reader on ("read more" itself is spelt out where it must be whole).
_READ_ON = r"weiterlesen|lire la suite|leer m[aá]s|mehr"
READ_MORE_TEXT = _cue(
    "read-more",
    # A word of its own: a meal plan's "2 oatcakes with spread", "wholemeal bread" is none.
    rf"\b(?:read|{_READ_ON})\s*(?:more)?\s*(?:»|›|→|:)?\s*$",
    keywords=("read", "weiterlesen", "suite", "leer m", "mehr"),
)
#: The "... read more" that ends a teaser.
#: A notice reserving the rights to the text: "© 2022, Example News. All rights
#: reserved.", "Copyright © 2018", "This article is the copyrighted property of ...",
#: "무단전재 및 재배포 금지". Narrower than LEGAL_TEXT: a bare "©" is as often a picture's
#: credit, and "some rights reserved" a story about licences.
RIGHTS_TEXT = _cue(
    "rights",
    r"^\s*(?:copyright\s*)?(?:©|ⓒ|\(c\))\s*(?:copyright\s*)?\d{4}\b",
    r"^\s*copyright\s+(?:©|ⓒ|\(c\)|\d{4}\b)",
    # Closing a statement: "(all rights reserved)" in a sentence is about licences.
    r"(?:\ball rights reserved|\balle rechte vorbehalten|\btous droits réservés"
    r"|\btodos los derechos reservados|\btutti i diritti riservati)\s*(?:[.,;|]|$)",
    r"\bcopyrighted (?:property|material) of\b|무단\s*전재|재배포\s*금지",
    keywords=(
        "©",
        "ⓒ",
        "(c)",
        "copyright",
        "rights reserved",
        "rechte vorbehalten",
        "droits réservés",
        "derechos reservados",
        "diritti riservati",
        "무단",
        "재배포",
    ),
)
TEASER_TAIL = re.compile(
    rf"\s*(?:\.\.\.|…)?\s*(?:read more|{_READ_ON})\s*(?:»|›|→)?\s*$", re.IGNORECASE
)
RELATED_TEXT = _cue(
    "related",
    r"^\s*(?:related|previous|next|more|read also|see also|most read|popular|trending"
    r"|weitere|mehr zum thema|das könnte sie auch|lesen sie auch|à lire aussi"
    r"|temas relacionados|artículos relacionados|notícias relacionadas|powiązane"
    r"|puedes ver|lee también|ver también|te puede interesar|leia também|mehr(?=\s*:)"
    r"|learn more(?=\s*:)|read(?: more)?(?=\s*:)"
    r"|dowiedz się więcej|czytaj (?:także|też|więcej)|zobacz (?:także|też)"
    r"|aiheeseen liittyvät)\b",
)
#: The whole text of a label that opens a box of other stories, of the author's profile
#: or of the article's contents ("Lesen Sie auch", "About the author", "Inhalt"):
#: what the box holds under it is not the article. Narrower than RELATED_TEXT, whose
#: "Weitere ..." and "More ..." also start the article's own subheadings.
BOX_HEADING = re.compile(
    # A leading emoji or bullet ("🔥 Recommended Posts") aside.
    r"^\s*(?:[^\w\s]{1,3}\s*)?"
    r"(?P<related>(?:other )?related(?: posts| articles| stories| content| news| reading)?"
    r"(?:\.\.\.|…)?|more on (?:this|th[ei]s? (?:topic|story|subject))"
    r"|read (?:also|more|next)|see also|also see|keep reading"
    r"|(?:latest|recent|popular|similar) (?:posts|articles|stories|blog posts)"
    r"|more (?:posts|articles|stories|news)(?: (?:from|like this)[\w ]{0,30})?"
    r"|(?:more )?from the blog"
    r"|you (?:may|might) (?:also )?(?:like|enjoy|be interested in)[\w ]{0,40}|explore further"
    r"|recommended(?: posts| articles| stories| reading| for you)?"
    r"|(?:lesen|lies) (?:sie )?auch|mehr zum thema"
    # "Artikel und Videos zum Thema", "Beiträge zum Thema".
    r"|(?:artikel|beiträge|videos|bilder|news)(?: und (?:artikel|beiträge|videos|bilder))?"
    r" zum thema"
    # "Das könnte Sie auch interessieren", "Diese Artikel könnten dich ebenfalls interessieren".
    r"|(?:das|diese[rs]?(?: artikel| beiträge| themen)?) könnten? (?:sie|dich|euch)"
    r" (?:auch|ebenfalls) interessieren"
    r"|auch interessant|weitere (?:top-)?(?:artikel|beiträge|news)(?: zu[\w -]{0,40})?"
    r"|weitere informationen|weiterführende (?:informationen|links)"
    r"|most (?:read|popular|viewed)(?: (?:stories|articles|news))?|meistgelesen(?:e artikel)?"
    r"|meist gelesen|am meisten gelesen"
    r"|diese beiträge solltest du nicht verpassen|mehr (?:kolumnen|artikel|beiträge)[\w -]{0,30}"
    r"|(?:à )?lire aussi|sur le même sujet|artículos relacionados|noticias relacionadas"
    r"|te puede interesar|(?:seguir|sigue|continuar) leyendo"
    r"|leia também|czytaj (?:także|też)|zobacz (?:także|też)|leggi anche"
    r"|читайте также|смотрите также|похожие (?:статьи|новости|записи)|по теме"
    r"|самые популярные[\w ]{0,30}|читайте також|схожі (?:статті|новини))"
    r"|(?P<author>about the (?:authors?|reviewers?|writer|expert)|meet the (?:author|expert)"
    r"|über (?:den autor|die autorin)|à propos de l'auteur"
    r"|sobre el autor|o autorze"
    # A profile's bare label, alone on its line: "AUTOR", "Die Autorin", "The author"
    # ("Author: H.G. Parry" is a book's details).
    r"|(?:(?:der|die|zum|zur|the) )?(?:autor(?:in|en|innen)?|authors?)(?=\s*:?\s*$)"
    r"|(?:artikel|beitrag) von(?=\s*:?\s*$))"
    r"|(?P<contents>table of contents|contents|in this article|on this page|jump to"
    r"|inhaltsverzeichnis|inhalt|sommaire|índice|contenidos|spis treści|indice)"
    r"\s*:?\s*$",
    re.IGNORECASE,
)

_BY = (
    r"^\s*(?:(?:written|text|words|recipe|article|authored)\s+by\s*:?"
    r"|(?:by|von|par|por|di|door|av)(?:\s*:)?)\s+"
)
#: "By Danny KEMP", "Von Anna Schmidt", "Par Jean Dupont", "By: Jo Roe", "Written by Jo Roe".
BYLINE_TEXT = re.compile(_BY + r"\S", re.IGNORECASE)
#: The label a byline starts with, to strip before reading the names: "By ", "Written
#: by ", "Text by ", "Author: ".
BYLINE_PREFIX = re.compile(
    r"^\s*(?:(?:(?:written|text|words|story|recipe|article|post|guide|authored)\s+)?"
    r"(?:by|von|par|por|di|door|av)\b|(?:written\s+)?(?-i:[Bb]y(?=[A-Z]))|authors?\b)"
    r"\s*:?\s*",
    re.IGNORECASE,
)
#: Lower-case words a name holds: particles ("Ludwig van Beethoven", "Maria de la Cruz")
#: and the words that join two names ("Jane Doe and John Roe").
NAME_PARTICLES = frozenset(
    {
        *("van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "des", "la"),
        *("le", "bin", "al", "el", "ten", "ter", "y", "e", "and", "und", "et", "the", "of"),
    }
)
#: A "Written by" label after something else on the byline's line ("Apr 12 Written By").
WRITTEN_BY = re.compile(r"\b(?:written|text|words)\s+by\b", re.IGNORECASE)
#: A job title after a name and a comma: "Jane Doe, Senior Editor", "By Jo Roe, Co-Founder
#: & COO". Credentials ("MD", "CEPF") are not job titles.
JOB_TITLE = re.compile(
    r",\s*(?=[^,]*\b(?:editor|writer|journalist|reporter|correspondent|columnist|contributor"
    r"|(?:co-?)?founder|ceo|coo|cfo|cto|officer|director|manager|analyst|producer|engineer"
    r"|president|head of|specialist|consultant|strategist|technologist|scientist)\b"
    r"|(?:senior|staff|chief|lead|principal|associate|deputy|managing|executive|contributing)\s)",
    re.IGNORECASE,
)
#: The word a job title ends or starts on when no comma sets it off the name ("Jane Doe
#: Senior Staff Writer", "Jo Roe Co-founder of Acme").
JOB_WORD = re.compile(
    r"(?:editor|writer|journalist|reporter|correspondent|columnist|contributor|reviewer"
    r"|(?:co-?)?founder|ceo|coo|cfo|cto|officer|director|manager|analyst|producer|engineer"
    r"|president)$",
    re.IGNORECASE,
)
#: A profile's buttons run into the name with no space ("Patrick Allan ProfileFollowUnfollow").
BYLINE_BUTTONS = re.compile(r"\s*(?:Profile|Follow|Unfollow|Subscribe|Message|Contact){2,}\b")
#: A declared author that names nobody: a CMS's placeholder ("No Author", "Unknown
#: author", "N/A", "null").
PLACEHOLDER_AUTHOR = re.compile(
    r"^\s*(?:no author|(?:author )?unknown|unknown author|n/?a|none|null|undefined|-+)\s*$",
    re.IGNORECASE,
)
#: A label that names the author beside it (a Twitter card's "twitter:label1" over the
#: name in "twitter:data1").
AUTHOR_LABEL = re.compile(r"\s*(?:written\s+by|by|authors?|autor(?:in)?|auteur)\s*:?\s*", re.I)
#: What separates authors' names in a byline.
AUTHOR_SEPARATORS = re.compile(r"\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b)\s*")

_MONTH = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
    r"|(?:januar|februar|märz|mai|juni|juli|oktober|dezember)"
)
#: A date as printed: "Nov 17, 2015", "17 November 2015", "15 Dec, 2025", "17.11.2015",
#: "2015-11-17".
DATE_TEXT = re.compile(
    rf"\b(?:(?:{_MONTH})\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\.?\s+(?:{_MONTH}),?\s+\d{{4}}"
    r"|\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2})\b",
    re.IGNORECASE,
)
#: What opens a dateline that says when the story was last changed, not published:
#: "Updated October 8, 2025", "Last updated: Dec 4, 2025", "Aktualisiert am 3. März",
#: "Stand: 28.04.2020" (German: as of).
UPDATED_LABEL = re.compile(
    r"\b(?:last\s+)?(?:updated|modified|revised|edited|aktualisiert|mis à jour|actualizado"
    r"|stand(?=\s*:))\b",
    re.IGNORECASE,
)
#: A line saying when the page was last changed, in whatever form it prints the day:
#: "Last Modified: 03-10-2004 2:20pm", "Last updated on September 16th, 2023",
#: "This post was last updated July 2021.", "Zuletzt geändert am 07.01.2020" (a figure
#: after the label; a story's "was last updated in July" names no day).
#: The longest such line (in characters) read as the page's stamp: a file name and two
#: stamps, "page.html - Created 03-10-2004 - Last Modified: 03-10-2004 2:20pm", fit.
MAX_CHANGED_LINE_CHARS = 120
CHANGED_LINE = re.compile(
    r"\b(?:last[ -](?:modified|updated|changed|revised)|zuletzt (?:geändert|aktualisiert)"
    r"|letzte (?:änderung|aktualisierung)|dernière (?:mise à jour|modification)"
    r"|última (?:actualización|modificación))\b\s*(?:on|am|le|el)?\s*:?\s*[^\d\n]{0,20}\d",
    re.IGNORECASE,
)
#: A line stamping the page with a relative time: "Published 6 hours ago", "Updated 3
#: days ago", "Posted a week ago", "vor 2 Stunden aktualisiert": the page's date as a
#: site's script renders it, no day named (a story's "two days ago" runs on in a sentence).
AGO_LINE = re.compile(
    r"^\s*(?:(?:first\s+)?published|updated|posted|edited|last\s+updated"
    r"|veröffentlicht|aktualisiert)?\s*(?:on\s*)?:?\s*"
    r"(?:(?:\d+|an?|one)\s+(?:second|minute|min|hour|hr|day|week|month|year)s?\s+ago"
    r"|vor\s+(?:\d+|einer?|einem)\s+(?:sekunden?|minuten?|stunden?|tag(?:en)?|wochen?"
    r"|monat(?:en)?)(?:\s+(?:veröffentlicht|aktualisiert))?)\.?\s*$",
    re.IGNORECASE,
)
#: A year's four digits: every DATE_TEXT form holds one (a cheap test first).
YEAR_DIGITS = re.compile(r"\d{4}")
#: What opens a line that dates the post and names its author: "Posted by David at
#: December 16, 2025", "Last updated March 3, 2025 by ...".
DATED_BYLINE = re.compile(
    r"^\s*(?:posted|published|updated|last (?:updated|modified|reviewed)|written)\b",
    re.IGNORECASE,
)
#: A breadcrumb trail written out: "> Blog > Aus den Ländern > Digitalpolitische
#: Jahrestagung", "Home › News › Politics": led by an arrow or the home page's name (a
#: path in the text, "Example: Women > Rings > Diamond rings", is the article's), then
#: at least two more pieces, each led by its arrow.
BREADCRUMB_TEXT = re.compile(
    r"^\s*(?:[>›]|home\b|startseite\b|inicio\b|accueil\b)[^>›<]{0,60}"
    r"(?:\s[>›]\s+[^>›<]{1,120}){2,}\s*$",
    re.IGNORECASE,
)
#: A wire dateline: "Brussels (AFP) Nov 17, 2015", optionally followed by " - " and text.
DATELINE_TEXT = re.compile(
    rf"^(?P<dateline>[A-Z][\w .'-]{{1,40}}\s*\((?:AFP|AP|UPI|IANS|Reuters|dpa|SPX|XNA)\)"
    rf"\s*(?:(?:{_MONTH})\s+\d{{1,2}},?\s+\d{{4}})?)(?:\s+-\s+(?P<rest>.*))?$",
    re.IGNORECASE | re.DOTALL,
)
