"""Stage 2: markup to an lxml tree that has lost no text.

libxml2 (even with ``huge_tree``) stops building the tree at a fixed nesting
depth (2048 measured with libxml2 2.14; 256 without ``huge_tree``) and silently
drops everything after the too-deep subtree. It also silently drops everything
after a stray ``</html>`` or a lone surrogate. All of these lose a suffix, so
an end marker (a comment) is parsed after the markup: when it is missing from
the tree, the markup is repaired and parsed again. Separately, a tree deeper
than ``max_depth`` (an XPath check in C) is flattened by a linear pre-pass over
the markup that drops the excess start tags and their end tags, keeping all
text, and parsed again. The common page pays for one parse, the XPath check
and a walk down the tree's last children.

Nothing here recurses over the tree, and a parser is created per call
(module-level parsers are not thread-safe).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from types import MappingProxyType
from typing import NamedTuple

import lxml.html
from lxml import etree

__all__ = ["ParsedPage", "parse"]

# Dropped with their content: never article text, and svg/math text is noise.
_DROP_TAGS = ("script", "style", "template", "noscript", "svg", "math")

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
_DOC_END_TAG = re.compile(r"</(?:body|html)(?=[\s/>])[^<>]*+>", re.I)
_XML_DECL = re.compile(r"\A\ufeff?\s*<\?xml[^<>]{0,500}>")
_SURROGATE = re.compile("[\ud800-\udfff]")
# For the visible-text estimate: tags (quote-aware) and entities.
_ANY_TAG = re.compile(r"""<[A-Za-z/!?](?:"[^"]*+"|'[^']*+'|[^"'<>])*+>""")
_ENTITY = re.compile(r"&#?[A-Za-z0-9]{1,32};")

# Atomic groups: a comment, once closed, cannot be stretched over later markup.
_SPACE_OR_COMMENTS = re.compile(r"(?:\s++|<!--(?>.*?-->))*+", re.S)
_END_TOKEN = "newsclean:end-of-input"
_END_MARKER = f"<!--{_END_TOKEN}-->"
_EXCESSIVE_DEPTH = "Excessive depth"
# How far from the end to look for the final </html>.
_END_WINDOW = 64 * 1024
# Deeper than libxml2's limit (2048 with huge_tree) minus html/body and a margin.
_MAX_SUPPORTED_DEPTH = 2000
# Without the end marker, the tree is called truncated when it keeps less than
# this share of the markup's visible text, and at least _LOST_CHARS are missing.
_KEPT_SHARE = 0.5
_LOST_CHARS = 200


@dataclass(slots=True)
class ParsedPage:
    """The parsed page: `root` is the <html> element and always has a <body>."""

    root: lxml.html.HtmlElement
    warnings: tuple[str, ...]
    truncated: bool  # content may have been lost and could not be recovered


class _Parsed(NamedTuple):
    root: lxml.html.HtmlElement | None  # None when libxml2 finds no document
    too_deep: bool  # libxml2 reported that it hit its depth limit
    complete: bool  # the end marker made it into the tree


def parse(text: str, *, max_depth: int = 200) -> ParsedPage:
    """Parse `text` into an lxml.html tree, flattening nesting deeper than `max_depth`.

    Never raises on any str; script, style, template, noscript, svg and math
    are dropped, iframes emptied, comments kept.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() needs str, not {type(text).__name__}")
    if not 1 <= max_depth <= _MAX_SUPPORTED_DEPTH:
        raise ValueError(f"max_depth must be between 1 and {_MAX_SUPPORTED_DEPTH}")
    warnings: list[str] = []
    # lxml refuses str with an encoding declaration; the text is decoded already.
    markup = _XML_DECL.sub("", text, count=1).removeprefix("\ufeff")
    if not markup or markup.isspace():  # isspace stops at the first letter; strip copies
        return ParsedPage(_minimal_root(), ("empty input",), truncated=False)
    parsed = _parse_markup(markup)
    if not (parsed.complete or parsed.too_deep):
        markup, parsed = _unhide(markup, parsed, warnings)
    if parsed.root is not None and _too_deep(parsed, max_depth):
        flat, dropped = _flatten(markup, max_depth)
        if dropped:
            warnings.append(f"nesting deeper than {max_depth} was flattened ({dropped} tags)")
            markup, parsed = flat, _parse_markup(flat)
        if not parsed.complete:
            markup, parsed = _unhide(markup, parsed, warnings)
    if parsed.root is None:
        warnings.append("the parser found no document in the input")
        return ParsedPage(_minimal_root(), tuple(warnings), truncated=False)
    truncated = _check_truncation(markup, parsed, warnings)
    _clean(parsed.root)
    return ParsedPage(parsed.root, tuple(warnings), truncated)


def _unhide(markup: str, parsed: _Parsed, warnings: list[str]) -> tuple[str, _Parsed]:
    """Remove what libxml2 silently stops at, and parse again if anything changed."""
    repaired, count = _SURROGATE.subn("\ufffd", markup)
    if count:
        warnings.append(f"replaced {count} lone surrogate(s) with U+FFFD")
    # Browsers keep what follows </html> or </body> in the body; libxml2 drops it
    # or puts it outside the body. The parser closes them at the end anyway.
    repaired = _DOC_END_TAG.sub("", repaired)
    if repaired == markup:
        return markup, parsed
    return repaired, _parse_markup(repaired)


def _new_parser() -> lxml.html.HTMLParser:
    # HTML mode never resolves external entities or DTDs; no_network closes the rest.
    return lxml.html.HTMLParser(  # type: ignore[call-arg]  # stubs lack default_doctype
        huge_tree=True,
        remove_blank_text=False,
        remove_comments=False,
        remove_pis=True,
        no_network=True,
        recover=True,
        default_doctype=False,
        collect_ids=False,
    )


def _parse_markup(markup: str) -> _Parsed:
    parser = _new_parser()
    try:
        root = lxml.html.document_fromstring(_with_end_marker(markup), parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        root = None
    complete = root is not None and _take_end_marker(root)
    # The depth error is fatal; fatal errors are few, unlike the others.
    fatal = parser.error_log.filter_from_fatals()
    return _Parsed(root, any(_EXCESSIVE_DEPTH in entry.message for entry in fatal), complete)


def _with_end_marker(markup: str) -> str:
    """The markup with the end marker before a final </html> (libxml2 drops what follows)."""
    tail = max(0, len(markup) - _END_WINDOW)
    cut = max(markup.rfind("</html", tail), markup.rfind("</HTML", tail))
    if cut >= 0:
        gt = markup.find(">", cut)
        # Only comments after </html> are common ("page cached in 0.2 s") and harmless.
        if gt >= 0 and _SPACE_OR_COMMENTS.fullmatch(markup, gt + 1):
            return markup[:cut] + _END_MARKER  # libxml2 ignores the rest
    return markup + _END_MARKER


def _take_end_marker(root: lxml.html.HtmlElement) -> bool:
    """Remove the end marker from the tree; False when it is not there.

    It is the last node in document order: a comment, or, when the markup ends
    inside raw text or a comment, the end of that node's text.
    """
    node = root
    while len(node):
        node = node[-1]
    if node.tag is etree.Comment and node.text == _END_TOKEN:
        parent = node.getparent()
        if parent is not None:  # whitespace tail only: it is the last node
            parent.remove(node)
            return True
    text: str = node.text or ""
    at = text.rfind(_END_TOKEN)
    if at < 0:
        return False
    node.text = text[: at - 4 if text.startswith("<!--", at - 4) else at]
    return True


def _minimal_root() -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring("<html><head></head><body></body></html>", _new_parser())


def _too_deep(parsed: _Parsed, max_depth: int) -> bool:
    """Whether libxml2 hit its limit, or the tree nests deeper than max_depth in body."""
    if parsed.too_deep:
        return True
    # html is depth 1 and body 2, so content at max_depth+1 is max_depth+2 steps down.
    assert parsed.root is not None
    return bool(parsed.root.xpath("boolean(" + "*/" * (max_depth + 1) + "*)"))


def _clean(root: lxml.html.HtmlElement) -> None:
    """Drop non-content elements, empty iframes, make sure there is a body."""
    etree.strip_elements(root, *_DROP_TAGS, with_tail=False)
    for iframe in list(root.iter("iframe")):
        iframe.text = None
        for child in list(iframe):
            iframe.remove(child)
    body = root.find("body")
    if body is None:
        body = etree.SubElement(root, "body")
    _adopt_after_body(body)


def _adopt_after_body(body: lxml.html.HtmlElement) -> None:
    """Move what libxml2 put after a </body> back into the body, as browsers do."""
    tail, body.tail = body.tail, None
    if tail and not tail.isspace():
        if len(body):
            body[-1].tail = (body[-1].tail or "") + tail
        else:
            body.text = (body.text or "") + tail
    for sibling in list(body.itersiblings()):
        body.append(sibling)


def _check_truncation(markup: str, parsed: _Parsed, warnings: list[str]) -> bool:
    """Whether text may have been lost: libxml2 says so, or much visible text is missing."""
    assert parsed.root is not None
    if parsed.too_deep:
        warnings.append("nesting too deep for the parser: content after it may be lost")
        return True
    if parsed.complete:
        return False
    # The marker can also go missing harmlessly (input ending inside a tag): count text.
    expected = _non_space(_ENTITY.sub("&", _ANY_TAG.sub("", markup)))
    kept = _tree_chars(parsed.root)
    if kept < expected * _KEPT_SHARE and expected - kept >= _LOST_CHARS:
        warnings.append(
            f"the tree holds {kept} of about {expected} visible characters: content may be lost"
        )
        return True
    return False


def _tree_chars(root: lxml.html.HtmlElement) -> int:
    """Non-space characters in the tree's text and comments, before anything is dropped."""
    total = _non_space(root.text_content())
    for comment in root.iter(etree.Comment):
        total += _non_space(comment.text or "")
    return total


def _non_space(text: str) -> int:
    return len("".join(text.split()))


class _Tag(NamedTuple):
    start: int
    end: int
    name: str  # lower case
    closing: bool  # an end tag
    empty: bool  # void, self-closing or raw text: never holds elements
    raw: bool  # raw text follows, up to the matching end tag


def _flatten(markup: str, max_depth: int) -> tuple[str, int]:
    """Drop start tags nested deeper than max_depth, and their end tags; keep all text.

    Returns the new markup and how many start tags were dropped. One linear
    pass; the result is joined from slices once.
    """
    stack = _OpenElements()
    cuts: list[tuple[int, int, str]] = []  # spans to replace, with the replacement
    dropped = 0
    for tag in _tags(markup):
        if tag.closing:
            index = stack.match_end(tag.name)
            if index is not None:
                if index >= max_depth:
                    cuts.append((tag.start, tag.end, _gap(tag.name)))
                stack.pop_to(index)
        elif tag.name not in _NO_NEST:
            stack.close_implied(tag.name)
            if not tag.empty:
                if len(stack) >= max_depth:
                    cuts.append((tag.start, tag.end, _gap(tag.name)))
                    dropped += 1
                stack.push(tag.name)
    return _splice(markup, cuts), dropped


def _gap(name: str) -> str:
    return "\n" if name in _BLOCKS else ""


def _splice(markup: str, cuts: list[tuple[int, int, str]]) -> str:
    if not cuts:
        return markup
    parts: list[str] = []
    pos = 0
    for start, end, replacement in cuts:
        parts.append(markup[pos:start])
        parts.append(replacement)
        pos = end
    parts.append(markup[pos:])
    return "".join(parts)


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
    return _Tag(match.start(), match.end(), name, closing, empty, raw)


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
    """

    __slots__ = ("_by_name", "_by_priority", "_names")

    def __init__(self) -> None:
        self._names: list[str] = []
        self._by_name: dict[str, list[int]] = {}
        self._by_priority: dict[int, list[int]] = {}

    def __len__(self) -> int:
        return len(self._names)

    def push(self, name: str) -> None:
        index = len(self._names)
        self._names.append(name)
        self._by_name.setdefault(name, []).append(index)
        priority = _END_PRIORITY.get(name, _DEFAULT_PRIORITY)
        if priority > _DEFAULT_PRIORITY:
            self._by_priority.setdefault(priority, []).append(index)

    def pop_to(self, index: int) -> None:
        """Close the element at `index` and everything open above it."""
        while len(self._names) > index:
            name = self._names.pop()
            self._by_name[name].pop()
            priority = _END_PRIORITY.get(name, _DEFAULT_PRIORITY)
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

    def close_implied(self, name: str) -> None:
        """Pop the elements a start tag `name` implicitly closes while they are on top."""
        closes = _START_CLOSES.get(name)
        while closes and self._names and self._names[-1] in closes:
            self.pop_to(len(self._names) - 1)
