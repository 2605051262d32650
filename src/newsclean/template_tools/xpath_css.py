"""Say a simple XPath in CSS, when CSS can say it exactly.

Handles location paths of `//` and `/` steps whose predicates test an id, a class
(whole word, exact value or substring) or another attribute, and unions of such
paths; anything else (positions, axes, functions, text tests) returns None, and
the caller keeps the XPath.

    //div[contains(concat(' ',normalize-space(@class),' '),' story ')]//p   ->  div.story p
    //*[@id='main']/article | //header/h1   ->  #main > article, header > h1
"""

from __future__ import annotations

import re

_NAME = r"[A-Za-z][\w-]*"
_QUOTED = r"(?:'(?P<q1>[^']*)'|\"(?P<q2>[^\"]*)\")"
_ATTR = r"@(?P<attr>[A-Za-z][\w:-]*)"
_PREDICATES: tuple[tuple[re.Pattern[str], str], ...] = (
    # contains(concat(' ', normalize-space(@class), ' '), ' x ')  ->  .x (whole word)
    (
        re.compile(
            rf"contains\(\s*concat\(\s*(?P<a>['\"]) (?P=a)\s*,\s*normalize-space\(\s*{_ATTR}\s*\)"
            rf"\s*,\s*(?P<b>['\"]) (?P=b)\s*\)\s*,\s*(?P<c>['\"]) (?P<word>[^'\" ]+) (?P=c)\s*\)"
        ),
        "word",
    ),
    (re.compile(rf"contains\(\s*{_ATTR}\s*,\s*{_QUOTED}\s*\)"), "substring"),
    (re.compile(rf"{_ATTR}\s*=\s*{_QUOTED}"), "equals"),
    (re.compile(rf"{_ATTR}"), "present"),
)
_IDENT = re.compile(r"-?[A-Za-z_][\w-]*")
_STEP = re.compile(rf"(?P<name>{_NAME}|\*)(?P<predicates>(?:\[[^\[\]]*\])*)")


def split_union(expression: str) -> list[str]:
    """Top-level `|` alternatives of an XPath (not those inside brackets or quotes)."""
    return [part.strip() for part in _split_top_level(expression, "|")]


def _split_top_level(expression: str, separator: str) -> list[str]:
    """`expression` split at `separator` outside brackets, parentheses and quotes."""
    parts: list[str] = []
    depth, quote, start = 0, "", 0
    for index, char in enumerate(expression):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char in "[(":
            depth += 1
        elif char in "])":
            depth -= 1
        elif char == separator and depth == 0:
            parts.append(expression[start:index])
            start = index + 1
    parts.append(expression[start:])
    return parts


def xpath_to_css(expression: str) -> str | None:
    """The CSS selector equivalent to `expression`, or None if there is no simple one."""
    selectors = [_path_to_css(part) for part in split_union(expression)]
    if not selectors or any(selector is None for selector in selectors):
        return None
    return ", ".join(selector for selector in selectors if selector)


def _path_to_css(path: str) -> str | None:
    if not path.startswith("//"):
        return None
    css: list[str] = []
    combinator = ""
    for piece in _split_top_level(path[2:], "/"):
        if not piece:  # the empty piece between the slashes of "//"
            combinator = " "
            continue
        step = _step_to_css(piece.strip())
        if step is None:
            return None
        css.append(combinator + step)
        combinator = " > "
    return "".join(css) or None


def _step_to_css(step: str) -> str | None:
    match = _STEP.fullmatch(step)
    if match is None:
        return None
    name = match["name"].lower()
    tests = re.findall(r"\[([^\[\]]*)\]", match["predicates"])
    converted = [_predicate_to_css(test.strip()) for test in tests]
    if any(item is None for item in converted):
        return None
    selector = "".join(item for item in converted if item)
    return (name if name != "*" or not selector else "") + selector


def _predicate_to_css(test: str) -> str | None:
    """One predicate, which may join simple tests with `and`."""
    parts = re.split(r"\s+and\s+", test)
    converted = [_simple_test_to_css(part.strip()) for part in parts]
    if any(item is None for item in converted):
        return None
    return "".join(item for item in converted if item)


def _simple_test_to_css(test: str) -> str | None:
    for pattern, kind in _PREDICATES:
        match = pattern.fullmatch(test)
        if match is None:
            continue
        attr = match["attr"].lower()
        if kind == "word":
            return _word_selector(attr, match["word"])
        if kind == "present":
            return f"[{attr}]"
        value = match["q1"] if match["q1"] is not None else match["q2"]
        if kind == "substring":
            return f"[{attr}*={_quote(value)}]" if value else ""
        if attr == "id" and _IDENT.fullmatch(value):
            return f"#{value}"
        return f"[{attr}={_quote(value)}]"
    return None


def _word_selector(attr: str, word: str) -> str:
    if attr == "class" and _IDENT.fullmatch(word):
        return f".{word}"
    return f"[{attr}~={_quote(word)}]"


def _quote(value: str) -> str:
    if "'" not in value:
        return f"'{value}'"
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
