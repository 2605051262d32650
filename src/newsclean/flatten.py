"""The markup pre-passes: flatten nesting deeper than libxml2 (or the caller) allows,
and close what a browser closes where libxml2 ignores an end tag.

libxml2 stops building the tree at a fixed nesting depth and silently drops
everything after the too-deep subtree. This module rewrites the markup before
it is parsed again: one linear scan that tokenises it as libxml2 would (tags,
comments, raw text), tracks the open elements with libxml2's implied closes
and end-tag priorities, and drops the start tags nested deeper than
``max_depth``, with their end tags, keeping all text. Nothing here recurses.

The same scan finds the end tags libxml2 ignores though a browser honours them
(`close_ignored_end_tags`): ``</figure>`` over an unclosed ``<div>`` (libxml2 lets
no end tag of lower priority close a ``<div>``), after which the rest of the page
is inside that ``<div>``; the end tags of the elements left open are written before
it, as a browser closes them.

An element whose content is never shown (``<noscript>``, ``<svg>``, ``hidden``,
``display:none``...) keeps its tags past the limit, so that its content stays
hidden rather than joining the text around it; inside it, tags are dropped as usual.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterator
from types import MappingProxyType
from typing import NamedTuple

from newsclean.limits import Deadline

__all__ = ["close_ignored_end_tags", "flatten_deep_nesting", "starts_in_data"]

# fmt: off
# libxml2 2.14's empty elements. It nests embed/source/track/wbr, so counting
# those as nesting errs on the safe side (overestimating depth).
_VOID = frozenset({
    "area", "base", "basefont", "br", "col", "frame", "hr", "img", "input", "isindex",
    "link", "meta", "param",
})
# Their content is text to the tokenizer, up to the matching end tag.
_RAW_TEXT = frozenset({
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
})
# Their content is dropped by parse or skipped by segment: never visible text.
_HIDING = frozenset({
    "noscript", "template", "svg", "annotation", "annotation-xml", "select", "option", "optgroup",
    "datalist",
})
_HIDING_ATTRIBUTE = re.compile(
    r"\bhidden\b|aria-hidden\s*=\s*[\"']?true|display\s*:\s*none|visibility\s*:\s*hidden",
    re.IGNORECASE,
)
# libxml2 ignores these start tags inside a document: they never nest.
_NO_NEST = frozenset({"html", "head", "body"})
# Block-level tags whose dropped start/end tags become a newline, not nothing,
# so that the words of flattened blocks do not run together.
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "center", "dd", "details", "dir", "div",
    "dl", "dt", "fieldset", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
})
# libxml2's end-tag priorities: an end tag is ignored when an element of
# higher priority is open above its match.
_END_PRIORITY = MappingProxyType({
    "div": 150, "td": 160, "th": 160, "tr": 170, "thead": 180, "tbody": 180, "tfoot": 180,
    "table": 190, "head": 200, "body": 200, "html": 220,
})
# fmt: on
_DEFAULT_PRIORITY = 100
_P_CLOSERS = _BLOCKS - {"dd", "dt", "li", "td", "th", "tr", "tbody", "thead", "tfoot"}
_SECTIONS = frozenset({"thead", "tbody", "tfoot"})
# Start tag -> open elements it implicitly closes while they are on top
# (libxml2's start-close table, approximated: closing too little only ever
# overestimates depth).
_START_CLOSES = MappingProxyType(
    {
        **dict.fromkeys(_P_CLOSERS, frozenset({"p"})),
        "li": frozenset({"li", "p"}),
        "dt": frozenset({"dt", "dd", "p"}),
        "dd": frozenset({"dt", "dd", "p"}),
        "td": frozenset({"td", "th", "p"}),
        "th": frozenset({"td", "th", "p"}),
        "tr": frozenset({"tr", "td", "th", "p"}),
        **dict.fromkeys(_SECTIONS, _SECTIONS | {"tr", "td", "th", "p"}),
        "option": frozenset({"option"}),
        "optgroup": frozenset({"option", "optgroup"}),
        "a": frozenset({"a"}),
    }
)

_MARKUP = re.compile(r"<(?:!--|[!?]|/?[A-Za-z])")
# A start or end tag; quoted values may hold '>'. Unquoted text stops at '<'
# and every quantifier is possessive, so a failed match cannot backtrack.
_TAG = re.compile(r"""</?([^\s/>]+)((?:"[^"]*+"|'[^']*+'|[^"'<>])*+)>""")
_RAW_END = MappingProxyType({name: re.compile(f"</{name}[\\s/>]", re.I) for name in _RAW_TEXT})


class _Tag(NamedTuple):
    start: int
    end: int
    name: str  # lower case
    closing: bool  # an end tag
    empty: bool  # void, self-closing or raw text: never holds elements
    raw: bool  # raw text follows, up to the matching end tag
    attrs: str  # the attribute text, as written


def flatten_deep_nesting(
    markup: str, max_depth: int, deadline: Deadline | None = None
) -> tuple[str, int]:
    """Drop start tags nested deeper than max_depth, and their end tags; keep all text.

    Returns the new markup and how many start tags were dropped (0 means the
    markup is returned unchanged). One linear pass; the result is built as it goes
    (`_Spliced`), so a page of 100,000 dropped tags holds no list of 100,000 cuts.
    `deadline` (the caller's time budget) is ticked once per tag.
    """
    stack = _OpenElements()
    spliced = _Spliced(markup)
    dropped = 0
    hiding_at = -1  # the stack index of a hiding element kept past max_depth; -1: none
    for tag in _tags(markup):
        if deadline is not None:
            deadline.tick("parse (flattening)")
        if tag.closing:
            index = stack.match_end(tag.name)
            if index is not None:
                if index >= max_depth and index != hiding_at:
                    spliced.cut(tag.start, tag.end, _gap(tag.name))
                stack.pop_to(index)
        elif tag.name not in _NO_NEST:
            stack.close_implied(tag.name)
            hiding_at = hiding_at if hiding_at < len(stack) else -1
            if not tag.empty:
                kept = True
                if len(stack) >= max_depth and hiding_at < 0 and _hides(tag):
                    hiding_at = len(stack)  # kept: its content stays hidden
                elif len(stack) >= max_depth:
                    spliced.cut(tag.start, tag.end, _gap(tag.name))
                    dropped += 1
                    kept = False
                stack.push(tag.name, kept)
        hiding_at = hiding_at if hiding_at < len(stack) else -1
    return spliced.result(), dropped


# fmt: off
#: End tags a browser honours over the elements open inside their element (it closes
#: them, HTML's "generate implied end tags" and pop): the block elements' and a list
#: item's. Not a <form>'s (a browser closes the form alone), a <p>'s, a heading's or
#: an inline element's (their rules differ).
_CLOSE_OPEN_INSIDE = frozenset({
    "address", "article", "aside", "blockquote", "button", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
    "header", "hgroup", "li", "listing", "main", "menu", "nav", "ol", "pre", "section",
    "summary", "ul",
})
#: Elements a browser's end tag does not look past ("has an element in scope"): a
#: table's parts and the like. A list item's end tag does not look past a list either.
_SCOPE_BOUNDARIES = frozenset({
    "applet", "caption", "html", "marquee", "object", "table", "tbody", "td", "template",
    "tfoot", "th", "thead", "tr",
})
_LIST_ITEM_BOUNDARIES = _SCOPE_BOUNDARIES | {"ol", "ul"}
# fmt: on


def close_ignored_end_tags(markup: str, deadline: Deadline | None = None) -> tuple[str, int]:
    """Before each end tag libxml2 would ignore and a browser honours, write the end
    tags of the elements open inside its element, innermost first.

    Returns the new markup and how many end tags were so completed (0: the markup is
    returned unchanged). One linear pass, as `flatten_deep_nesting`'s.
    """
    stack = _OpenElements()
    spliced = _Spliced(markup)
    completed = 0
    for tag in _tags(markup):
        if deadline is not None:
            deadline.tick("parse (end tags)")
        if tag.closing:
            index = stack.match_end(tag.name)
            if index is None and (inside := stack.open_inside(tag.name)) is not None:
                index, names = inside
                spliced.cut(tag.start, tag.start, "".join(f"</{name}>" for name in names))
                completed += 1
            if index is not None:
                stack.pop_to(index)
        elif tag.name not in _NO_NEST:
            stack.close_implied(tag.name)
            if not tag.empty:
                stack.push(tag.name)
    return spliced.result(), completed


def _gap(name: str) -> str:
    return "\n" if name in _BLOCKS else ""


class _Spliced:
    """The markup with spans cut out (each replaced), built as the cuts come in order:
    the pieces are joined every `_JOIN_EVERY`, so what is held is about the size of the
    result, not a list entry per cut."""

    __slots__ = ("_cut", "_done", "_markup", "_pieces", "_pos")

    _JOIN_EVERY = 4096

    def __init__(self, markup: str) -> None:
        self._markup = markup
        self._done: list[str] = []  # joined runs of pieces
        self._pieces: list[str] = []
        self._pos = 0  # where the markup not yet copied starts
        self._cut = False

    def cut(self, start: int, end: int, replacement: str) -> None:
        """Replace markup[start:end] (at or after the previous cut's end)."""
        pieces = self._pieces
        if start > self._pos:
            pieces.append(self._markup[self._pos : start])
        if replacement:
            pieces.append(replacement)
        self._pos = end
        self._cut = True
        if len(pieces) >= self._JOIN_EVERY:
            self._done.append("".join(pieces))
            pieces.clear()

    def result(self) -> str:
        """The markup as cut (the markup itself when nothing was)."""
        if not self._cut:
            return self._markup
        self._pieces.append(self._markup[self._pos :])
        self._done.append("".join(self._pieces))
        self._pieces.clear()
        return "".join(self._done)


def _tags(markup: str) -> Iterator[_Tag]:
    """Start and end tags as an HTML5 tokenizer sees them, skipping comments and raw text."""
    pos = 0
    while (found := _MARKUP.search(markup, pos)) is not None:
        lt, head = found.start(), found.group()
        if head == "<!--":
            pos = _comment_end(markup, lt)
        elif head in ("<!", "<?"):  # a bogus comment: <!DOCTYPE ...>, <?php ...>
            gt = markup.find(">", lt)
            pos = len(markup) if gt < 0 else gt + 1
        elif (match := _TAG.match(markup, lt)) is None:
            pos = lt + 1  # a '<' that starts no tag is text
        else:
            tag = _make_tag(match)
            yield tag
            pos = _raw_text_end(markup, tag) if tag.raw else tag.end


def starts_in_data(markup: str, spans: list[tuple[int, int]]) -> list[bool]:
    """For each span (in order, not overlapping) whose text opens with "<!--", whether
    a comment starts there: the markup before it is read as `_tags` reads it, but more
    strictly (`_PLAIN_TAG`), and where it reads anything whose end an HTML5 tokenizer
    might put elsewhere (a tag with stray quotes or '<', a CDATA section, a script
    holding "<!--", which can escape its end tag, <plaintext>), the answer for that span
    and all later ones is no. Where it is yes, the scan goes on from the span's end,
    which must close a comment. For parse's merging of comment runs: "no" only costs
    memory."""
    answers: list[bool] = []
    pos = 0
    for start, end in spans:
        while 0 <= pos < start:
            found = _MARKUP.search(markup, pos)
            if found is None or found.start() >= start:
                pos = start if found is None else found.start()
                break
            pos = _after_plain_token(markup, found.start(), found.group())
        answers.append(pos == start)
        if pos == start:
            pos = end
    return answers


# A start or end tag whose end every reading agrees on: attribute names without quotes,
# '<' or '=', values quoted or bare (without quotes, '<', '=' or '`').
_PLAIN_TAG = re.compile(
    r"""</?([A-Za-z][^\t\n\f\r />"'<=]*)"""
    r"""((?:[\t\n\f\r /]++|[^\t\n\f\r />"'<=]++"""
    r"""(?:[\t\n\f\r ]*+=[\t\n\f\r ]*+(?:"[^"]*+"|'[^']*+'|[^\t\n\f\r >"'<=`]++))?+)*+)>"""
)


def _after_plain_token(markup: str, lt: int, head: str) -> int:
    """Where the markup that opens at `lt` (with `head`, a `_MARKUP` match) ends, as
    `_tags` steps over it; -1 where `starts_in_data` gives up."""
    if head == "<!--":
        return _comment_end(markup, lt)
    if head in ("<!", "<?"):
        gt = markup.find(">", lt)
        cdata = markup.startswith("<![CDATA[", lt)
        return -1 if cdata else len(markup) if gt < 0 else gt + 1
    match = _PLAIN_TAG.match(markup, lt)
    return -1 if match is None else _after_plain_tag(markup, _make_tag(match))


def _after_plain_tag(markup: str, tag: _Tag) -> int:
    if tag.name == "plaintext" and not tag.closing:
        return -1
    if not tag.raw:
        return tag.end
    after = _raw_text_end(markup, tag)
    escapable = tag.name == "script" and markup.find("<!--", tag.end, after) >= 0
    return -1 if escapable else after


def _comment_end(markup: str, lt: int) -> int:
    if markup.startswith(("<!-->", "<!--->"), lt):
        return markup.index(">", lt + 4) + 1
    close = markup.find("-->", lt + 4)
    return len(markup) if close < 0 else close + 3  # unclosed: the rest is comment


def _make_tag(match: re.Match[str]) -> _Tag:
    name = match.group(1).lower()
    attrs = match.group(2)
    closing = match.group().startswith("</")
    # libxml2 honours "<div/>" and "<script />" (even raw text ones); "<a href=/x/>"
    # is an unquoted value ending in '/'.
    self_closing = attrs.endswith("/") and (len(attrs) == 1 or attrs[-2] in " \t\n\r\f\"'")
    raw = name in _RAW_TEXT and not (closing or self_closing)
    empty = not closing and (self_closing or raw or name in _VOID)
    return _Tag(match.start(), match.end(), name, closing, empty, raw, attrs)


def _hides(tag: _Tag) -> bool:
    """Whether the element's content is never visible text (asked only past the limit)."""
    return tag.name in _HIDING or _HIDING_ATTRIBUTE.search(tag.attrs) is not None


def _raw_text_end(markup: str, tag: _Tag) -> int:
    """Where the text after a raw-text start tag ends (after its end tag)."""
    close = _RAW_END[tag.name].search(markup, tag.end)
    if close is None:
        return len(markup)  # unclosed: the rest is its text
    gt = markup.find(">", close.start())
    return len(markup) if gt < 0 else gt + 1


class _OpenElements:
    """The stack of open elements, with O(1) end-tag matching.

    libxml2 lets an end tag close the nearest open element of its name unless
    an element of higher end priority is open above it; keeping each name's
    and each priority's stack positions makes that check constant time.

    An element whose start tag is dropped stays on the stack (what it holds is
    deeper still), but blocks no end tag: the rewritten markup, which libxml2
    parses next, no longer opens it ("<section hidden><div>x</section>" closes the
    section once the <div> is gone, so what follows is no longer hidden inside it).
    """

    __slots__ = ("_blocking", "_by_name", "_by_priority", "_names")

    # A page nesting 100,000 deep holds 100,000 entries: each name is held once (the
    # first of its spelling), and positions are machine ints in arrays, not int objects.
    def __init__(self) -> None:
        self._names: list[str] = []
        self._blocking = array("H")  # each entry's end priority; default when dropped
        self._by_name: dict[str, array[int]] = {}
        self._by_priority: dict[int, array[int]] = {}

    def __len__(self) -> int:
        return len(self._names)

    def push(self, name: str, kept: bool = True) -> None:
        index = len(self._names)
        positions = self._by_name.get(name)
        if positions is None:
            positions = self._by_name[name] = array("q")
        elif positions:
            name = self._names[positions[0]]  # the spelling held already
        self._names.append(name)
        positions.append(index)
        priority = _END_PRIORITY.get(name, _DEFAULT_PRIORITY) if kept else _DEFAULT_PRIORITY
        self._blocking.append(priority)
        if priority > _DEFAULT_PRIORITY:
            indices = self._by_priority.get(priority)
            if indices is None:
                indices = self._by_priority[priority] = array("q")
            indices.append(index)

    def pop_to(self, index: int) -> None:
        """Close the element at `index` and everything open above it."""
        while len(self._names) > index:
            name = self._names.pop()
            self._by_name[name].pop()
            priority = self._blocking.pop()
            if priority > _DEFAULT_PRIORITY:
                self._by_priority[priority].pop()

    def match_end(self, name: str) -> int | None:
        """The stack index an end tag `name` closes, or None when libxml2 ignores it."""
        positions = self._by_name.get(name)
        if not positions:
            return None
        priority = _END_PRIORITY.get(name, _DEFAULT_PRIORITY)
        blockers = [
            indices[-1]
            for level, indices in self._by_priority.items()
            if level > priority and indices
        ]
        return positions[-1] if not blockers or positions[-1] > max(blockers) else None

    def open_inside(self, name: str) -> tuple[int, list[str]] | None:
        """For an end tag `name` that libxml2 ignores: the stack index of the element a
        browser closes (`_CLOSE_OPEN_INSIDE`, with no scope boundary open above it) and
        the names of the elements open above it, innermost first; None when a browser
        ignores the end tag too."""
        positions = self._by_name.get(name)
        if name not in _CLOSE_OPEN_INSIDE or not positions:
            return None
        index = positions[-1]
        above = self._names[index + 1 :]
        boundaries = _LIST_ITEM_BOUNDARIES if name == "li" else _SCOPE_BOUNDARIES
        if boundaries.intersection(above):
            return None
        return index, above[::-1]

    def close_implied(self, name: str) -> None:
        """Pop the elements a start tag `name` implicitly closes while they are on top."""
        closes = _START_CLOSES.get(name)
        while closes and self._names and self._names[-1] in closes:
            self.pop_to(len(self._names) - 1)
