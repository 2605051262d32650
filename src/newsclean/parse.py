"""Stage 2: markup to an lxml tree that has lost no text.

libxml2 (even with ``huge_tree``) stops building the tree at a fixed nesting
depth (2048 measured with libxml2 2.14; 256 without ``huge_tree``) and silently
drops everything after the too-deep subtree. It also silently drops everything
after a stray ``</html>`` or a lone surrogate. All of these lose a suffix, so
an end marker (a comment) is parsed after the markup: when it is missing from
the tree, the markup is repaired and parsed again. Separately, a tree deeper
than ``max_depth`` (an XPath check in C) is flattened by the pre-pass in
`newsclean.flatten`, which drops the excess start tags and their end tags,
keeping all text, and parsed again. The common page pays for one parse, the
XPath check and a walk down the tree's last children.

Nothing here recurses over the tree, and a parser is created per call
(module-level parsers are not thread-safe).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

import lxml.html
from lxml import etree

from newsclean.flatten import flatten_deep_nesting

__all__ = ["ParsedPage", "parse"]

# Dropped with their content: never article text, and svg/math text is noise.
# Scripts too, except JSON-LD, which the metadata stage reads.
_DROP_TAGS = ("style", "template", "noscript", "svg", "math")
_JSON_LD = "application/ld+json"

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

    Never raises on any str; style, template, noscript, svg and math are
    dropped, and every script but ``<script type="application/ld+json">``
    (type compared case-insensitively, whitespace-stripped, and normalised in
    the tree); iframes are emptied, comments kept. `max_depth` is clamped to
    1..2000 (libxml2 itself stops near 2048), so any int is accepted.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() needs str, not {type(text).__name__}")
    max_depth = min(max(max_depth, 1), _MAX_SUPPORTED_DEPTH)
    warnings: list[str] = []
    # lxml refuses str with an encoding declaration; the text is decoded already.
    markup = _XML_DECL.sub("", text, count=1).removeprefix("\ufeff")
    if not markup or markup.isspace():  # isspace stops at the first letter; strip copies
        return ParsedPage(_minimal_root(), ("empty input",), truncated=False)
    parsed = _parse_markup(markup)
    if not (parsed.complete or parsed.too_deep):
        markup, parsed = _unhide(markup, parsed, warnings)
    if parsed.root is not None and _too_deep(parsed, max_depth):
        flat, dropped = flatten_deep_nesting(markup, max_depth)
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
    _drop_scripts(root)
    for iframe in list(root.iter("iframe")):
        iframe.text = None
        for child in list(iframe):
            iframe.remove(child)
    body = root.find("body")
    if body is None:
        body = etree.SubElement(root, "body")
    _adopt_after_body(body)


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
