"""One compiled selector rule: a CSS or XPath expression, compiled once at load.

CSS goes through cssselect's `HTMLTranslator` (case-insensitive tag and attribute
names, `:contains()` and friends), then, like XPath, through `lxml.etree.XPath`.
XPath rules may use EXSLT regular expressions under the `re:` prefix
(`re:test(., 'Nov \\d+, \\d{4}')`). A rule only ever selects elements: comments,
strings and numbers an XPath might produce are not returned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import cast

from cssselect import HTMLTranslator, SelectorError
from lxml import etree
from lxml.html import HtmlElement

from newsclean.templates.errors import TemplateError

_NAMESPACES = {"re": "http://exslt.org/regular-expressions"}
# libxml2 only looks functions up when it evaluates them, so names are checked at load.
_FUNCTIONS = frozenset(
    {"last", "position", "count", "id", "local-name", "namespace-uri", "name", "string",
     "concat", "starts-with", "contains", "substring-before", "substring-after", "substring",
     "string-length", "normalize-space", "translate", "boolean", "not", "true", "false",
     "lang", "number", "sum", "floor", "ceiling", "round", "escape-uri",
     "re:test", "re:match", "re:replace"}
)  # fmt: skip
_NOT_CALLS = frozenset(
    {"node", "text", "comment", "processing-instruction", "and", "or", "div", "mod"}
)
_LITERAL = re.compile(r"\"[^\"]*\"|'[^']*'")
_CALL = re.compile(r"(?<![\w.:-])([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)\s*\(")
_PROBE = "<html><head><title>t</title></head><body><p>p</p></body></html>"


def normalise_space(text: str) -> str:
    """Collapse every run of whitespace to one space and strip the ends."""
    return " ".join(text.split())


def css_to_xpath(css: str) -> str:
    """Translate a CSS selector to XPath; `TemplateError` if it does not compile."""
    try:
        return str(HTMLTranslator().css_to_xpath(css))
    except SelectorError as exc:
        raise TemplateError(f"selector {css!r} does not compile: {exc}") from exc


# cssselect's test for one class name (and for one id, first in the expression): exact,
# but it normalises and pads every class value it meets, and asks each element in turn.
# cssselect 1.4 and later open it with a bare `contains(@class, 'name')`, which the
# rewrite below writes in its own form: both versions give one expression.
_CLASS_TEST = re.compile(
    r"@class and (?:contains\(@class, '[\w-]+'\) and )?"
    r"(contains\(concat\(' ', normalize-space\(@class\), ' '\), ' ([\w-]+) '\))",
    re.ASCII,
)
_FIRST_CLASS_STEP = re.compile(
    r"descendant-or-self::\*\[@class\[contains\(\., '([\w-]+)'\)\] and "
    r"(contains\(concat\(' ', normalize-space\(@class\), ' '\), ' \1 '\))\]",
    re.ASCII,
)
_FIRST_ID_STEP = re.compile(r"descendant-or-self::\*\[@id = '([\w-]+)'\]", re.ASCII)


def quicker_tests(expression: str) -> str:
    """cssselect's translation with its class and id tests made cheaper, selecting the
    same elements: a class value is normalised and padded only where it holds the name
    at all (a name holds no space, so a value holding it padded holds it bare); and an
    expression that opens with a class or id test over every element reads the class or
    id attributes (libxml2 visits only elements that have one) and goes up to their
    elements."""
    expression = _CLASS_TEST.sub(
        lambda test: f"@class[contains(., '{test[2]}')] and {test[1]}", expression
    )
    if first := _FIRST_CLASS_STEP.match(expression):
        step = f"descendant-or-self::*/@class[contains(., '{first[1]}')]/parent::*[{first[2]}]"
        return step + expression[first.end() :]
    if first := _FIRST_ID_STEP.match(expression):
        step = f"descendant-or-self::*/@id[. = '{first[1]}']/parent::*"
        return step + expression[first.end() :]
    return expression


# An expression opening as `quicker_tests` writes it: only elements whose class holds the
# name, or whose id is it, can be selected.
_OPENING_ATTRIBUTE = re.compile(
    r"descendant-or-self::\*/@(class)\[contains\(\., '([\w-]+)'\)\]/parent::\*"
    r"|descendant-or-self::\*/@(id)\[\. = '([\w-]+)'\]/parent::\*",
    re.ASCII,
)


def opening_attribute(expression: str) -> tuple[str, str] | None:
    """("class", name) when every element the expression selects has a class value
    holding `name`, or is reached from one that has (a path selects nothing when its first
    step does); ("id", name) when its id is `name`; else None. Not for a union ("a, b"):
    its other paths select without that step."""
    found = _OPENING_ATTRIBUTE.match(expression)
    if found is None or "|" in _LITERAL.sub("''", expression):
        return None
    return ("class", found[2]) if found[1] else ("id", found[4])


class PageAttributes:
    """A page's class values and ids, each kind joined in one string (read once, when
    first asked for): a rule that needs a class name or an id the page does not hold
    selects nothing, and a substring test says so for a fraction of the rule's query
    (each walks every class or id attribute of the page)."""

    __slots__ = ("_joined", "_root")

    def __init__(self, root: HtmlElement) -> None:
        self._root = root
        self._joined: dict[str, str] = {}

    def may_hold(self, kind: str, name: str) -> bool:
        """False only if no `kind` ("class" or "id") attribute of the page holds `name`."""
        joined = self._joined.get(kind)
        if joined is None:
            values: list[str] = _ATTRIBUTE_VALUES[kind](self._root)  # type: ignore[assignment]
            joined = self._joined[kind] = "\n".join(values)
        return name in joined


_ATTRIBUTE_VALUES = {
    kind: etree.XPath(f"descendant-or-self::*/@{kind}", smart_strings=False)
    for kind in ("class", "id")
}


# An expression of one step over every element (as cssselect writes a compound selector
# such as "meta[name='generator'][content^='WordPress']"): its tag and its predicate.
_ONE_STEP = re.compile(r"descendant-or-self::([A-Za-z_][\w.-]*|\*)\[(.*)\]", re.DOTALL)
_POSITIONAL = re.compile(r"(?<![\w.:-])(?:position|last)\s*\(")


def one_step(expression: str) -> tuple[str, str] | None:
    """(tag, predicate) when `expression` is `descendant-or-self::tag[predicate]` and the
    predicate does not ask an element's place among the others (position(), last()): then
    an element is selected exactly when `self::tag[predicate]` holds for it, wherever it is
    asked. Only for cssselect's output, whose predicates are never numbers (`[2]`)."""
    found = _ONE_STEP.fullmatch(expression)
    if found is None:
        return None
    predicate = found[2]
    plain = _LITERAL.sub("''", predicate)
    depth = 0
    for char in plain:  # the outer brackets must be one pair: "a[x]/b[y]" is two steps
        depth += (char == "[") - (char == "]")
        if depth < 0:
            return None
    if depth or _POSITIONAL.search(plain):
        return None
    return found[1], predicate


def unknown_function(expression: str) -> str | None:
    """The first function an XPath calls that is neither XPath 1.0's nor re:'s."""
    for name in _CALL.findall(_LITERAL.sub("''", expression)):
        if name not in _FUNCTIONS and name not in _NOT_CALLS:
            return str(name)
    return None


def element_xpath(expression: str) -> etree.XPath:
    """Compile an expression known to compile (the `re:` prefix bound)."""
    return etree.XPath(expression, namespaces=_NAMESPACES)


def compile_xpath(expression: str, *, shown: str) -> etree.XPath:
    """Compile an XPath and check it selects nodes; `shown` is how errors quote it."""
    unknown = unknown_function(expression)
    if unknown is not None:
        raise TemplateError(f"selector {shown!r} does not compile: unknown function {unknown}()")
    try:
        compiled = etree.XPath(expression, namespaces=_NAMESPACES)
        probe = compiled(etree.fromstring(_PROBE, etree.HTMLParser()))
    except (etree.XPathError, re.error) as exc:
        raise TemplateError(f"selector {shown!r} does not compile: {exc}") from exc
    if not isinstance(probe, list):
        raise TemplateError(
            f"selector {shown!r} does not select elements (it yields a {type(probe).__name__})"
        )
    return compiled


def _is_element(node: object) -> bool:
    return isinstance(node, etree._Element) and isinstance(node.tag, str)


@dataclass(frozen=True, slots=True)
class Rule:
    """One selector rule: exactly one of `css` and `xpath`, and optionally `attr`.

    `source` says where it was written ("fields.title[0]"), for provenance.
    Constructing a `Rule` compiles it; a bad selector raises `TemplateError`.
    """

    source: str
    css: str | None = None
    xpath: str | None = None
    attr: str | None = None
    compiled: etree.XPath = field(init=False, repr=False, compare=False)
    #: The class name or id every element it selects has (see `opening_attribute`).
    needs: tuple[str, str] | None = field(init=False, repr=False, compare=False)
    #: (tag, predicate) of a CSS rule that is one step over every element (see `one_step`).
    step: tuple[str, str] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if (self.css is None) == (self.xpath is None):
            raise TemplateError("a rule needs exactly one of 'css' and 'xpath'")
        if self.css is not None:
            expression = quicker_tests(css_to_xpath(self.css))
            compiled = compile_xpath(expression, shown=self.css)
        else:
            expression = cast(str, self.xpath)
            compiled = compile_xpath(expression, shown=expression)
        object.__setattr__(self, "compiled", compiled)
        object.__setattr__(self, "needs", opening_attribute(expression))
        object.__setattr__(self, "step", one_step(expression) if self.css is not None else None)

    def __reduce__(self) -> tuple[type[Rule], tuple[str, str | None, str | None, str | None]]:
        # A compiled XPath does not pickle; the rule is rebuilt (and recompiled) instead.
        return (Rule, (self.source, self.css, self.xpath, self.attr))

    def select(self, root: HtmlElement, page: PageAttributes | None = None) -> list[HtmlElement]:
        """Every element the rule matches under `root`, in document order. `page`: the
        class values and ids of the page `root` is in, when several rules run on it.

        An expression that fails on this page (say, a bad regular expression in
        `re:test`) matches nothing, so a broken rule never breaks extraction.
        """
        if page is not None and self.needs is not None and not page.may_hold(*self.needs):
            return []
        try:
            result = self.compiled(root)
        except (etree.XPathError, re.error):
            return []
        if not isinstance(result, list):  # pragma: no cover - checked at load
            return []
        return [cast(HtmlElement, node) for node in result if _is_element(node)]

    def first_text(self, root: HtmlElement) -> str | None:
        """The first match's `attr` value, or else its text; None if none or empty."""
        matches = self.select(root)
        if not matches:
            return None
        return element_text(matches[0], self.attr)


def element_text(element: HtmlElement, attr: str | None = None) -> str | None:
    """An element's attribute value or its text, whitespace-normalised; None if empty."""
    raw = element.get(attr) if attr is not None else "".join(element.itertext())
    text = normalise_space(raw or "")
    return text or None
