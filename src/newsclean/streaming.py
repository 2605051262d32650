"""Streamed server rendering: put each streamed part of the page where the browser shows it.

React's streaming server renderer (Next.js and others) sends a placeholder first
(``<template id="B:0">`` inside a Suspense boundary, or ``<template id="P:2">``) and
the finished part later, in a hidden ``<div hidden id="S:0">`` near the end of the
body, with an inline script that moves it into place (``$RC("B:0","S:0")`` completes
boundary B:0 with segment S:0, replacing the loading fallback; ``$RS("S:2","P:2")``
fills placeholder P:2). Scripts never run here, so without this step the article of
such a page sits in a hidden element and reads as empty.

The moves are taken from the scripts when they are in the page; a segment no script
names goes to the placeholder with its number (React's ids match that way); one with
no placeholder at all is shown where it is. Runs on the parsed tree before scripts and
templates are dropped.
"""

from __future__ import annotations

import re
from collections.abc import KeysView

import lxml.html
from lxml import etree

from newsclean.tree import is_within

__all__ = ["place_streamed_segments"]

# Asked of the document's element: "descendant-or-self::div" finds what "//div" does,
# in a quarter of the time ("//" first builds the node-set of every node of the page).
_HIDDEN_SEGMENTS = etree.XPath("descendant-or-self::div[@hidden and starts-with(@id, 'S:')]")
_PLACEHOLDERS = etree.XPath(
    "descendant-or-self::template[starts-with(@id, 'B:') or starts-with(@id, 'P:')]"
)
_MOVE_SCRIPTS = etree.XPath(
    "descendant-or-self::script[contains(., '$RC(') or contains(., '$RS(')]"
)
# $RC("B:0","S:0"): boundary, segment. $RS("S:2","P:2"): segment, placeholder.
_MOVE_CALL = re.compile(r"""\$R([CS])\(\s*["']([^"']{1,40})["']\s*,\s*["']([^"']{1,40})["']""")
# Comments React writes around a Suspense boundary: opened by $ (done), $? (pending),
# $! (client-rendered), closed by /$.
_BOUNDARY_OPEN = frozenset({"$", "$?", "$!"})
_BOUNDARY_CLOSE = "/$"


def place_streamed_segments(root: lxml.html.HtmlElement) -> int:
    """Move every hidden streamed segment into its placeholder; return how many moved.
    `root`: the document's element."""
    segments = {str(element.get("id")): element for element in _select(_HIDDEN_SEGMENTS, root)}
    if not segments:
        return 0
    placeholders = {str(element.get("id")): element for element in _select(_PLACEHOLDERS, root)}
    moved = 0
    for segment_id, placeholder_id in _moves(root, segments.keys(), placeholders.keys()):
        segment = segments.pop(segment_id, None)
        placeholder = placeholders.pop(placeholder_id, None)
        if segment is None:
            continue
        if placeholder is None or is_within(placeholder, segment):
            del segment.attrib["hidden"]  # nowhere to go: shown where it is
            continue
        if placeholder_id.startswith("B:"):
            _drop_fallback(placeholder)
        _replace(placeholder, segment)
        moved += 1
    return moved


def _moves(
    root: lxml.html.HtmlElement, segments: KeysView[str], placeholders: KeysView[str]
) -> list[tuple[str, str]]:
    """(segment id, placeholder id) in the order the page's scripts make them; then
    every segment they leave out, paired by number (S:3 -> B:3, else P:3)."""
    moves: list[tuple[str, str]] = []
    for script in _select(_MOVE_SCRIPTS, root):
        for kind, first, second in _MOVE_CALL.findall(script.text or ""):
            moves.append((second, first) if kind == "C" else (first, second))
    named = {segment_id for segment_id, _ in moves}
    for segment_id in sorted(segments - named, key=_number):
        number = segment_id[2:]
        boundary = f"B:{number}"
        moves.append((segment_id, boundary if boundary in placeholders else f"P:{number}"))
    return moves


def _select(query: etree.XPath, root: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    found: list[lxml.html.HtmlElement] = query(root)  # type: ignore[assignment]
    return found


def _number(segment_id: str) -> int:
    digits = segment_id[2:]
    return int(digits) if digits.isdigit() else -1


def _drop_fallback(placeholder: lxml.html.HtmlElement) -> None:
    """Remove the boundary's loading fallback: what follows the placeholder up to the
    comment that closes the boundary (nothing when no such comment follows)."""
    fallback = _fallback_of(placeholder)
    if fallback is None:
        return
    placeholder.tail = None
    for sibling in fallback:
        parent = sibling.getparent()
        assert parent is not None
        parent.remove(sibling)  # with its tail: fallback text too


def _fallback_of(placeholder: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement] | None:
    fallback: list[lxml.html.HtmlElement] = []
    depth = 0
    for sibling in placeholder.itersiblings():
        if isinstance(sibling, etree._Comment):
            marker = (sibling.text or "").strip()
            if marker == _BOUNDARY_CLOSE and depth == 0:
                return fallback
            depth += marker in _BOUNDARY_OPEN
            depth -= marker == _BOUNDARY_CLOSE
        fallback.append(sibling)
    return None


def _replace(placeholder: lxml.html.HtmlElement, segment: lxml.html.HtmlElement) -> None:
    """Put the segment's content where the placeholder is, and drop both elements."""
    _add_text_before(placeholder, segment.text)
    for child in list(segment):
        placeholder.addprevious(child)  # moves the child with its tail
    placeholder.drop_tree()  # keeps the placeholder's tail
    segment.drop_tree()


def _add_text_before(element: lxml.html.HtmlElement, text: str | None) -> None:
    if not text:
        return
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + text
        return
    parent = element.getparent()
    assert parent is not None
    parent.text = (parent.text or "") + text
