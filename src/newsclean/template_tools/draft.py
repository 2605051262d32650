"""`newsclean templates draft`: a starting template for a page, from what the
heuristics found on it, for a person to refine.

The body rule selects the smallest element holding every block the heuristics
kept as article text; the title, byline, dateline and section rules select the
elements that printed what the heuristics read; the removals select the nearest
classed or id'd box around each block of ads, sidebar, legal and other
boilerplate that holds no article text. Each selector is checked against the page
(a field's selector must find that element first, a removal's must not select the
article), so that, run on the same page, the draft gives the heuristics' body.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml.html import HtmlElement

from newsclean.api import explain
from newsclean.model import Region
from newsclean.pipeline import Extraction
from newsclean.template_tools.toml_writer import RuleSpec, TemplateSpec, render_template
from newsclean.templates import TemplateSet
from newsclean.templates.hosts import normalise_host
from newsclean.templates.rules import Rule

_IDENT = re.compile(r"-?[A-Za-z_][\w-]*")
# Generated names (hashes, counters, slugs) change between pages or deployments.
_VOLATILE = re.compile(r"\d{3,}|^[a-z]{1,3}-[0-9a-f]{4,}|[A-Za-z0-9]{6,}_[A-Za-z0-9]{4,}|^.{41,}$")
_REMOVE_KEYS = {Region.AD: "ads", Region.SIDEBAR: "sidebar", Region.LEGAL: "legal",
                Region.BOILERPLATE: "other"}  # fmt: skip
_MAX_REMOVALS = 8  # per region: a draft to read, not an exhaustive list
_META_FIELDS = (
    ("title", "meta[property='og:title']"),
    ("date", "meta[property='article:published_time']"),
    ("site_name", "meta[property='og:site_name']"),
    ("lead_image", "meta[property='og:image']"),
)


def draft_template(html: bytes | str, url: str, template_id: str | None = None) -> str:
    """A template (TOML text) for the page at `url`, drafted from the heuristics."""
    extraction = explain(html, url=url, templates=TemplateSet())
    host = normalise_host(url)
    spec = TemplateSpec(
        id=template_id or _default_id(host),
        hosts=[host.removeprefix("www."), f"*.{host.removeprefix('www.')}"]
        if host.count(".") >= 1
        else [host],
        comments=[
            f"Drafted by `newsclean templates draft` from {url}",
            "from what the heuristics found. Refine the selectors (prefer stable class",
            "names), add [[cases]], then run `newsclean templates check`.",
        ],
    )
    if not extraction.segments:
        return render_template(spec)
    root = extraction.segments[0].owner.getroottree().getroot()
    main = _main_elements(extraction)
    body = _common_ancestor(main) if main else None
    if body is not None:
        spec.fields["body"] = [_selector_for(body, root, only=True)]
    spec.fields.update(_field_rules(extraction, root, body))
    spec.remove.update(_removal_rules(extraction, root, main))
    return render_template(spec)


def _default_id(host: str) -> str:
    return host.removeprefix("www.") or "my-site"


def _main_elements(extraction: Extraction) -> list[HtmlElement]:
    return [
        segment.owner
        for segment, decision in zip(extraction.segments, extraction.decisions, strict=True)
        if decision.region is Region.MAIN
    ]


def _common_ancestor(elements: list[HtmlElement]) -> HtmlElement:
    """The deepest element holding all of `elements` (itself one of them, perhaps)."""
    path = [elements[0], *elements[0].iterancestors()]
    for element in elements[1:]:
        around = {element, *element.iterancestors()}
        path = [node for node in path if node in around]
    return path[0]


def _field_rules(
    extraction: Extraction, root: HtmlElement, body: HtmlElement | None
) -> dict[str, list[RuleSpec]]:
    """Rules for the fields the heuristics read: the printed element, then <meta>."""
    article = extraction.article
    found: dict[str, list[RuleSpec]] = {}
    printed = {"title": article.title, "byline": article.byline,
               "dateline": article.dateline, "section": article.section}  # fmt: skip
    for name, value in printed.items():
        element = _printed_element(extraction, value, body) if value else None
        if element is not None:
            found[name] = [_selector_for(element, root)]
    for name, css in _META_FIELDS:
        if Rule(source=name, css=css, attr="content").first_text(root):
            found.setdefault(name, []).append({"css": css, "attr": "content"})
    return found


def _printed_element(
    extraction: Extraction, value: str, body: HtmlElement | None
) -> HtmlElement | None:
    """The element of the block that printed `value` (outside the body, preferably)."""
    matches = [s.owner for s in extraction.segments if " ".join(s.text.split()) == value]
    outside = [element for element in matches if body is None or not _inside(element, body)]
    return (outside or matches or [None])[0]


def _removal_rules(
    extraction: Extraction, root: HtmlElement, main: list[HtmlElement]
) -> dict[str, list[RuleSpec]]:
    protected = {*main, *(ancestor for element in main for ancestor in element.iterancestors())}
    regions = _regions_under(extraction)
    rules: dict[str, list[RuleSpec]] = {}
    for segment, decision in zip(extraction.segments, extraction.decisions, strict=True):
        key = _REMOVE_KEYS.get(decision.region)
        if key is None or len(rules.get(key, ())) >= _MAX_REMOVALS:
            continue
        box = _box_around(segment.owner, decision.region, regions, protected)
        css = _class_selector(box) if box is not None else None
        if css is None or box is None or _selects_any(css, root, protected):
            continue
        if css not in rules.setdefault(key, []) and not _covered(rules, root, box):
            rules[key].append(css)
    return rules


def _regions_under(extraction: Extraction) -> dict[HtmlElement, set[Region]]:
    """For every element holding a block, the regions of the blocks it holds."""
    regions: dict[HtmlElement, set[Region]] = {}
    for segment, decision in zip(extraction.segments, extraction.decisions, strict=True):
        for element in (segment.owner, *segment.owner.iterancestors()):
            regions.setdefault(element, set()).add(decision.region)
    return regions


def _box_around(
    element: HtmlElement,
    region: Region,
    regions: dict[HtmlElement, set[Region]],
    protected: set[HtmlElement],
) -> HtmlElement | None:
    """The outermost element around a block, with a usable class or id, that holds
    only blocks of the block's region (so no article text)."""
    best: HtmlElement | None = None
    for candidate in (element, *element.iterancestors()):
        if candidate in protected or regions.get(candidate, {region}) != {region}:
            break
        if _class_selector(candidate) is not None:
            best = candidate
    return best


def _covered(rules: dict[str, list[RuleSpec]], root: HtmlElement, box: HtmlElement) -> bool:
    """Whether a rule drafted already removes `box` (or a box around it)."""
    around = {box, *box.iterancestors()}
    for listed in (rule for items in rules.values() for rule in items if isinstance(rule, str)):
        if any(element in around for element in Rule(source="draft", css=listed).select(root)):
            return True
    return False


def _selects_any(css: str, root: HtmlElement, protected: set[HtmlElement]) -> bool:
    return any(element in protected for element in Rule(source="draft", css=css).select(root))


def _selector_for(element: HtmlElement, root: HtmlElement, *, only: bool = False) -> RuleSpec:
    """A selector whose first (with `only`: whose one) match is `element`: by id or
    class, else by its parent's id or class, else an absolute XPath."""
    for css in _candidate_selectors(element):
        if _finds(css, root, element, only):
            return css
    parent = element.getparent()
    if parent is not None and parent.tag not in ("html", "body"):
        for css in _candidate_selectors(parent):
            child = f"{css} > {_tag(element)}"
            if _finds(child, root, element, only):
                return child
    return {"xpath": element.getroottree().getpath(element)}


def _candidate_selectors(element: HtmlElement) -> Iterable[str]:
    tag = _tag(element)
    element_id = element.get("id", "").strip()
    if _IDENT.fullmatch(element_id) and not _VOLATILE.search(element_id):
        yield f"{tag}#{element_id}"
    css = _class_selector(element)
    if css is not None:
        yield css
    yield tag


def _class_selector(element: HtmlElement) -> str | None:
    """`tag.class1.class2` from the element's stable-looking classes, or `tag#id`."""
    classes = [
        name
        for name in element.get("class", "").split()
        if _IDENT.fullmatch(name) and not _VOLATILE.search(name)
    ][:2]
    if classes:
        return _tag(element) + "".join(f".{name}" for name in classes)
    element_id = element.get("id", "").strip()
    if _IDENT.fullmatch(element_id) and not _VOLATILE.search(element_id):
        return f"{_tag(element)}#{element_id}"
    return None


def _finds(css: str, root: HtmlElement, element: HtmlElement, only: bool) -> bool:
    matches = Rule(source="draft", css=css).select(root)
    return bool(matches) and matches[0] is element and (len(matches) == 1 or not only)


def _tag(element: HtmlElement) -> str:
    return str(element.tag).lower()


def _inside(element: HtmlElement, container: HtmlElement) -> bool:
    return element is container or any(a is container for a in element.iterancestors())
