"""Stage 2: markup to an lxml tree that has lost no text.

libxml2 (even with ``huge_tree``) stops building the tree at a fixed nesting
depth (2048 measured with libxml2 2.14; 256 without ``huge_tree``) and silently
drops everything after the too-deep subtree. It also silently drops everything
after a stray ``</html>`` or a lone surrogate. All of these lose a suffix, so
an end marker (a comment) is parsed after the markup: when it is missing from
the tree, the markup is repaired and parsed again. Separately, a tree deeper
than ``max_depth`` (an XPath check in C) is flattened by the pre-pass in
`newsclean.flatten`, which drops the excess start tags and their end tags,
keeping all text, and parsed again. libxml2 also ignores an end tag that a browser
honours: ``</figure>`` (or ``</section>``, ``</li>``...) over an unclosed ``<div>``,
so that the rest of the page lands inside that ``<div>`` (a table's wrapper, a menu's
box); when it reports a mismatched end tag (or so many errors that it stops
reporting), the markup is scanned, the end tags a browser implies are written out
(`newsclean.flatten.close_ignored_end_tags`), and it is parsed again. The common page
pays for one parse, the XPath check and a walk down the tree's last children.

Hostile markup is defused on the way: control characters lxml refuses to
hold (raw, or as ``&#5;`` references) are removed before parsing, long runs of
sibling comments are merged (lxml's tree walk is quadratic in them), and
absurdly long ``class``/``id`` values are cut. External entities are never
loaded: libxml2's HTML mode does not resolve them and ``no_network`` is set.

Nothing here recurses over the tree, and a parser is created per call
(module-level parsers are not thread-safe).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

import lxml.html
from lxml import etree

from newsclean.flatten import close_ignored_end_tags, flatten_deep_nesting, starts_in_data
from newsclean.limits import Deadline
from newsclean.streaming import place_streamed_segments

__all__ = ["ParsedPage", "parse"]

# Dropped with their content: never article text, and svg text is noise; so is a
# formula's source (TeX, content MathML) kept beside its MathML, which a browser does not
# show. The MathML itself is what the reader sees ("When a≠0, there are two solutions
# to ax2+bx+c=0"): its tokens are read like any inline text.
# Scripts too, except JSON-LD, which the metadata stage reads.
_DROP_TAGS = ("style", "template", "noscript", "svg", "annotation", "annotation-xml")
_JSON_LD = "application/ld+json"

_DOC_END_TAG = re.compile(r"</(?:body|html)(?=[\s/>])[^<>]*+>", re.I)
_XML_DECL = re.compile(r"\A\ufeff?\s*<\?xml[^<>]{0,500}>")
_SURROGATE = re.compile("[\ud800-\udfff]")
# Characters XML forbids: libxml2's HTML parser keeps them, but lxml then refuses any
# text holding one (setting .text raises). Invisible in a browser; \v and \f are spaces.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
#: The same characters one by one: a substring test per character (memchr) rules a page
#: clean in less time than the character class scans it.
_NOT_XML_CHARS = (*map(chr, (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20))), "\ufffe", "\uffff")
# Character references to those (libxml2 decodes "&#5;" to U+0005; &#0; it makes U+FFFD).
# The lookaheads stop where libxml2's digits do ("&#x5b" is "[").
_NOT_XML_REFERENCE = re.compile(
    r"&#(?:0*(?:[1-8]|1[124-9]|2[0-9]|3[01]|6553[45])(?![0-9])"
    r"|x0*(?:[1-8bcef]|1[0-9a-f]|fff[ef])(?![0-9a-f]));?",
    re.IGNORECASE,
)
_SPACE_REFERENCE = re.compile(r"&#(?:0*1[12]|x0*[bc])\b;?", re.IGNORECASE)
# For the visible-text estimate: tags (quote-aware) and entities.
_ANY_TAG = re.compile(r"""<[A-Za-z/!?](?:"[^"]*+"|'[^']*+'|[^"'<>])*+>""")
_ENTITY = re.compile(r"&#?[A-Za-z0-9]{1,32};")
_TAG_START = re.compile(r"<[A-Za-z/!?]")

# Atomic groups: a comment, once closed, cannot be stretched over later markup.
_SPACE_OR_COMMENTS = re.compile(r"(?:\s++|<!--(?>.*?-->))*+", re.S)
_END_TOKEN = "newsclean:end-of-input"
_END_MARKER = f"<!--{_END_TOKEN}-->"
_EXCESSIVE_DEPTH = "Excessive depth"
# libxml2's report of an end tag that is not the open element's ("Opening and ending
# tag mismatch: figure and div"), and how many errors it reports at most per parse (a
# full log may hide one).
_END_TAG_MISMATCH = "Opening and ending tag mismatch"
_MAX_REPORTED_ERRORS = 100
# How far from the end to look for the final </html>.
_END_WINDOW = 64 * 1024
# Deeper than libxml2's limit (2048 with huge_tree) minus html/body and a margin.
_MAX_SUPPORTED_DEPTH = 2000
# Without the end marker, the tree is called truncated when it keeps less than
# this share of the markup's visible text, and at least _LOST_CHARS are missing.
_KEPT_SHARE = 0.5
_LOST_CHARS = 200
# Longer runs of sibling comments are merged: lxml's iterwalk takes time quadratic in
# the length of such a run (200,000 in a row: seconds), and nothing reads them.
_MAX_COMMENT_RUN = 64
# A comment with no dash, quote, angle bracket, "$" (React's boundary markers) or
# character but printable ASCII in it: its end is certain, and neither the truncation
# count nor a repair reads it differently when it is merged with its neighbours.
_PLAIN_COMMENT = r"<!--[\t\n\r !#%&(-,.-;=?-~]*+-->"
# Runs of them with nothing between: what libxml2 would build a node each for.
_PLAIN_COMMENT_RUN = re.compile(f"(?:{_PLAIN_COMMENT}){{{_MAX_COMMENT_RUN + 2},}}+")
_FIRST_PLAIN_COMMENTS = re.compile(f"(?:{_PLAIN_COMMENT}){{{_MAX_COMMENT_RUN + 1}}}")
# Pages shorter than this are not searched for such runs (the tree of any short page is
# small); what the search finds changes no output, only the memory the parse needs.
_MIN_CHARS_TO_PREMERGE = 256 * 1024
# class and id values longer than this are cut (at a space): the class/id cues split
# them into tokens for every segment below, and no real page comes near it.
_MAX_CLASS_CHARS = 1000
# Attribute nodes first, then their elements: only elements that have the attribute are
# measured. A union is a node-set: each element once, in document order. From the root
# down, not "//", which walks every node of the document (text too) first.
_LONG_CLASS_OR_ID = etree.XPath(
    f"descendant-or-self::*/@class[string-length() > {_MAX_CLASS_CHARS}]/.."
    f" | descendant-or-self::*/@id[string-length() > {_MAX_CLASS_CHARS}]/.."
)


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
    #: libxml2 reported an end tag that did not match the open element (it may have
    #: ignored one a browser honours), or so many errors that it stopped reporting them.
    mismatched: bool = False


def parse(text: str, *, max_depth: int = 200, deadline: Deadline | None = None) -> ParsedPage:
    """Parse `text` into an lxml.html tree, flattening nesting deeper than `max_depth`.

    Never raises on any str; style, template, noscript (but for one right inside
    itemprop="articleBody", whose content stays), svg and a formula's annotations are
    dropped, and
    every script but ``<script type="application/ld+json">`` (type compared
    case-insensitively, whitespace-stripped, and normalised in the tree); iframes
    are emptied, comments kept. `max_depth` is clamped to 1..2000 (libxml2 itself
    stops near 2048), so any int is accepted.
    `deadline` (the caller's time budget) is ticked in the flattening pass;
    the libxml2 parse itself cannot be interrupted.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() needs str, not {type(text).__name__}")
    return parse_handed_over([text], max_depth=max_depth, deadline=deadline)


def parse_handed_over(
    texts: list[str], *, max_depth: int = 200, deadline: Deadline | None = None
) -> ParsedPage:
    """`parse` for a caller that hands over its text: `texts` holds it alone and is
    emptied. Once the copy libxml2 reads (the text with the end marker) is made, nothing
    holds the text itself, so a huge page is held once, not twice, while its tree is built;
    it is rebuilt from that copy only where a repair needs it."""
    (text,) = texts
    texts.clear()
    if not isinstance(text, str):
        raise TypeError(f"parse() needs str, not {type(text).__name__}")
    max_depth = min(max(max_depth, 1), _MAX_SUPPORTED_DEPTH)
    warnings: list[str] = []
    # lxml refuses str with an encoding declaration; the text is decoded already.
    markup = _XML_DECL.sub("", text, count=1).removeprefix("\ufeff")
    del text
    markup = _without_control_characters(markup, warnings)
    if not markup or markup.isspace():  # isspace stops at the first letter; strip copies
        return ParsedPage(_minimal_root(), ("empty input",), truncated=False)
    if not _TAG_START.search(markup):
        warnings.append("the input has no HTML tags: read as plain text")
    markup = _premerged_comment_runs(markup)
    source = _Source.of(markup)
    del markup
    parsed = source.parse()
    for repair in (_unhide_lost_suffix, _close_ignored_end_tags):
        repaired = repair(source, parsed, warnings, deadline)
        if repaired is not None:
            # Each parse after the first is of new text: the tree and the text before it
            # go first.
            del parsed
            source, repaired = repaired, None
            parsed = source.parse()
    if parsed.root is not None and _too_deep(parsed, max_depth):
        # Parsed again even when nothing is dropped (the same tree): the pre-pass runs with
        # neither the tree nor libxml2's copy of the text held.
        del parsed
        marked, cut, rest = source  # the markup rebuilt as `_Source.markup`, a copy less held
        del source
        markup = marked[:cut]
        del marked
        markup += rest
        flat, dropped = flatten_deep_nesting(markup, max_depth, deadline)
        del markup
        if dropped:
            warnings.append(f"nesting deeper than {max_depth} was flattened ({dropped} tags)")
        source = _Source.of(flat)
        del flat
        parsed = source.parse()
        if not parsed.complete:
            repaired = _unhide(source, warnings)
            if repaired is not None:
                del parsed
                source, repaired = repaired, None
                parsed = source.parse()
    if parsed.root is None:
        warnings.append("the parser found no document in the input")
        return ParsedPage(_minimal_root(), tuple(warnings), truncated=False)
    truncated = _check_truncation(source, parsed, warnings)
    del source
    _clean(parsed.root)
    _shorten_class_and_id(parsed.root, warnings)
    return ParsedPage(parsed.root, tuple(warnings), truncated)


def _without_control_characters(markup: str, warnings: list[str]) -> str:
    count = 0
    if "&#" in markup:
        markup, count = _NOT_XML_REFERENCE.subn(_control_replacement, markup)
    if any(char in markup for char in _NOT_XML_CHARS):
        markup, found = _NOT_XML.subn(_control_replacement, markup)
        count += found
    if count:
        warnings.append(f"removed {count} control character(s)")
    return markup


def _premerged_comment_runs(markup: str) -> str:
    """The markup with each long run of plain comments (`_PLAIN_COMMENT_RUN`) cut to
    its first `_MAX_COMMENT_RUN` + 1 comments and one holding the text of all the
    others: libxml2 builds 66 nodes, not one per comment (a page of 100,000 comments
    took 27 times its size). The tree is the same once `_merge_comment_runs` has merged
    the run (it keeps the first comment with every tail, and the run's tails are all
    after its last comment), and the truncation count of comment text is too. Only runs
    the tokenizer reaches outside tags and raw text, and none after the page's last
    "</html" (where the end marker goes depends on what follows that)."""
    if len(markup) < _MIN_CHARS_TO_PREMERGE or markup.count("--><!--") <= _MAX_COMMENT_RUN:
        return markup
    last_html = max(markup.rfind("</html"), markup.rfind("</HTML"))
    spans = [
        found.span()
        for found in _PLAIN_COMMENT_RUN.finditer(markup)
        if last_html < 0 or found.end() <= last_html
    ]
    in_data = starts_in_data(markup, spans)
    runs = [span for span, inside in zip(spans, in_data, strict=True) if inside]
    if not runs:
        return markup
    parts: list[str] = []
    pos = 0
    for start, end in runs:
        kept = _FIRST_PLAIN_COMMENTS.match(markup, start)
        assert kept is not None  # the run holds more comments than that
        rest = markup[kept.end() : end].replace("<!--", "").replace("-->", "")
        parts += (markup[pos : kept.end()], "<!--", rest, "-->")
        pos = end
    parts.append(markup[pos:])
    return "".join(parts)


def _control_replacement(found: re.Match[str]) -> str:
    """Vertical tab and form feed are whitespace in HTML; other controls show nothing."""
    text = found.group()
    return " " if text in "\v\f" or _SPACE_REFERENCE.fullmatch(text) else ""


def _unhide(source: _Source, warnings: list[str]) -> _Source | None:
    """The markup without what libxml2 silently stops at; None when it holds none."""
    markup = source.markup()
    repaired, count = _SURROGATE.subn("\ufffd", markup)
    if count:
        warnings.append(f"replaced {count} lone surrogate(s) with U+FFFD")
    # Browsers keep what follows </html> or </body> in the body; libxml2 drops it
    # or puts it outside the body. The parser closes them at the end anyway.
    repaired = _DOC_END_TAG.sub("", repaired)
    if repaired == markup:
        return None
    del markup
    return _Source.of(repaired)


def _unhide_lost_suffix(
    source: _Source, parsed: _Parsed, warnings: list[str], deadline: Deadline | None
) -> _Source | None:
    """`_unhide`, when the parse lost a suffix (not to the depth limit: the pre-pass's)."""
    del deadline  # a repair's signature: the markup is searched, not scanned tag by tag
    return None if parsed.complete or parsed.too_deep else _unhide(source, warnings)


def _close_ignored_end_tags(
    source: _Source, parsed: _Parsed, warnings: list[str], deadline: Deadline | None
) -> _Source | None:
    """The markup with the end tags a browser implies written out where libxml2
    ignored an end tag (`close_ignored_end_tags`: ``</figure>`` over an unclosed
    ``<div>`` would leave the rest of the page inside it); None when there are none,
    or libxml2 reported no mismatched end tag. Silent: a browser shows the page so."""
    del warnings
    if parsed.root is None or not parsed.mismatched:
        return None
    markup = source.markup()
    closed, count = close_ignored_end_tags(markup, deadline)
    del markup
    return _Source.of(closed) if count else None


def _new_parser() -> lxml.html.HTMLParser:
    # HTML mode never resolves external entities or DTDs; no_network closes the rest.
    parser = lxml.html.HTMLParser(  # type: ignore[call-arg]  # stubs lack default_doctype
        huge_tree=True,
        remove_blank_text=False,
        remove_comments=False,
        remove_pis=True,
        no_network=True,
        recover=True,
        default_doctype=False,
        collect_ids=False,
    )
    parser.set_element_class_lookup(_ELEMENT_CLASSES)
    return parser


#: Every element an `HtmlElement` (no form or input subclasses: nothing here uses them),
#: chosen in C: lxml.html's default lookup is a Python call each time a node is touched.
_ELEMENT_CLASSES = etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement,
    comment=lxml.html.HtmlComment,
    pi=lxml.html.HtmlProcessingInstruction,
    entity=lxml.html.HtmlEntity,
)


class _Source(NamedTuple):
    """The markup as libxml2 reads it: with the end marker, put before a final </html>
    (libxml2 drops what follows one) or at the end."""

    marked: str
    cut: int  # where the marker is: the markup's own text before it
    rest: str  # the markup from `cut` on, left out of `marked` ("" when nothing was)

    @classmethod
    def of(cls, markup: str) -> _Source:
        tail = max(0, len(markup) - _END_WINDOW)
        cut = max(markup.rfind("</html", tail), markup.rfind("</HTML", tail))
        if cut >= 0:
            gt = markup.find(">", cut)
            # Only comments after </html> are common ("page cached in 0.2 s") and harmless:
            # libxml2 ignores them.
            if gt >= 0 and _SPACE_OR_COMMENTS.fullmatch(markup, gt + 1):
                marked = markup[:cut]
                marked += _END_MARKER  # in place: one copy of the page made, not two
                return cls(marked, cut, markup[cut:])
        return cls(markup + _END_MARKER, len(markup), "")

    def markup(self) -> str:
        """The markup itself (a copy: the repairs and the depth pre-pass read it)."""
        head = self.marked[: self.cut]
        return head + self.rest if self.rest else head

    def parse(self) -> _Parsed:
        parser = _new_parser()
        try:
            root = lxml.html.document_fromstring(self.marked, parser=parser)
        except (etree.ParserError, etree.XMLSyntaxError, ValueError):
            root = None
        complete = root is not None and _take_end_marker(root)
        # The depth error is fatal; fatal errors are few, unlike the others.
        log = parser.error_log
        fatal = log.filter_from_fatals()
        too_deep = any(_EXCESSIVE_DEPTH in entry.message for entry in fatal)
        mismatched = len(log) >= _MAX_REPORTED_ERRORS or any(
            entry.message.startswith(_END_TAG_MISMATCH)
            for entry in log.filter_types(etree.ErrorTypes.ERR_TAG_NAME_MISMATCH)
        )
        return _Parsed(root, too_deep, complete, mismatched)


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
    place_streamed_segments(root)  # reads scripts and templates: before they go
    _show_script_free_bodies(root)
    etree.strip_elements(root, *_DROP_TAGS, with_tail=False)
    _drop_scripts(root)
    for iframe in list(root.iter("iframe")):
        iframe.text = None
        for child in list(iframe):
            iframe.remove(child)
    body = root.find("body")
    if body is None:
        body = etree.SubElement(root, "body")
    _adopt_after_body(body)
    _merge_comment_runs(root)


def _show_script_free_bodies(root: lxml.html.HtmlElement) -> None:
    """A `<noscript>` right inside the element marked itemprop="articleBody" is the post
    itself, offered to readers without scripts (Blogger's dynamic views ship the body as a
    script template, then again in a noscript): its content stays, the tag goes."""
    for noscript in list(root.iter("noscript")):
        parent = noscript.getparent()
        if parent is not None and parent.get("itemprop") == "articleBody":
            noscript.drop_tag()


def _shorten_class_and_id(root: lxml.html.HtmlElement, warnings: list[str]) -> None:
    elements: list[lxml.html.HtmlElement] = _LONG_CLASS_OR_ID(root)  # type: ignore[assignment]
    for element in elements:
        for name in ("class", "id"):
            value = element.get(name) or ""
            if len(value) > _MAX_CLASS_CHARS:
                cut = value.rfind(" ", 0, _MAX_CLASS_CHARS + 1)
                element.set(name, value[: cut if cut > 0 else _MAX_CLASS_CHARS])
    if elements:
        warnings.append(
            f"cut {len(elements)} class or id value(s) to {_MAX_CLASS_CHARS} characters"
        )


def _merge_comment_runs(root: lxml.html.HtmlElement) -> None:
    """Keep the first comment of each long run of sibling comments, with all their tails."""
    run: list[etree._Element] = []
    for comment in list(root.iter(etree.Comment)):
        if run and comment.getprevious() is run[-1]:
            run.append(comment)
            continue
        _merge_run(run)
        run = [comment]
    _merge_run(run)


def _merge_run(run: list[etree._Element]) -> None:
    if len(run) <= _MAX_COMMENT_RUN:
        return
    first, parent = run[0], run[0].getparent()
    assert parent is not None  # comments under <html> at least
    first.tail = "".join(comment.tail or "" for comment in run) or None
    for comment in run[1:]:
        parent.remove(comment)  # its tail goes with it: already moved to `first`


def _drop_scripts(root: lxml.html.HtmlElement) -> None:
    """Drop every script but JSON-LD, keeping tails; normalise JSON-LD's type."""
    for script in list(root.iter("script")):
        kind = script.get("type")
        if kind is not None and kind.strip().lower() == _JSON_LD:
            if kind != _JSON_LD:
                script.set("type", _JSON_LD)  # the metadata stage matches it exactly
        else:
            script.drop_tree()  # its tail joins the previous sibling or the parent


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


def _check_truncation(source: _Source, parsed: _Parsed, warnings: list[str]) -> bool:
    """Whether text may have been lost: libxml2 says so, or much visible text is missing."""
    assert parsed.root is not None
    if parsed.too_deep:
        warnings.append("nesting too deep for the parser: content after it may be lost")
        return True
    if parsed.complete:
        return False
    # The marker can also go missing harmlessly (input ending inside a tag): count text.
    expected = _non_space(_ENTITY.sub("&", _ANY_TAG.sub("", source.markup())))
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
