"""The stages, run in order; data flows one way.

    bytes -decode-> str -parse-> tree -match-> template? -segment-> segments
          -measure-> features -main region, classify, neighbours (template or
          heuristics)-> decisions -stories-> Article

`run` keeps every intermediate result (the `Extraction`), which is what
`newsclean --explain` prints; `newsclean.clean` returns only the Article.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lxml.html import HtmlElement

from newsclean import assemble, declared, metadata
from newsclean.byline import split_authors
from newsclean.classify import BARE_PAGE_RULE, Decision, bare_page, classify
from newsclean.content import MainRegion, find_main
from newsclean.dates import date_in, month_first, parse_date
from newsclean.decode import decode
from newsclean.features import Features, headline_links, measure
from newsclean.limits import Deadline
from newsclean.metadata import Metadata
from newsclean.model import Article, Region
from newsclean.neighbours import keep_standfirst, revisit_neighbours
from newsclean.options import Options
from newsclean.parse import parse_handed_over
from newsclean.segment import Segment, normalize_space, segment
from newsclean.stories import build_stories
from newsclean.templates import TemplateMatch, TemplateSet
from newsclean.tree import TagIndex

#: The elements gathered in one walk of the tree: metadata's, and the forms classify
#: looks for sign-ups in.
_INDEXED_TAGS = (*declared.TAGS, "form")
# Removals that name a part of the page rather than what it is.
_BROAD_REMOVALS = (Region.SIDEBAR, Region.BOILERPLATE)


@dataclass(frozen=True, slots=True)
class Extraction:
    article: Article
    segments: tuple[Segment, ...]
    features: tuple[Features, ...]
    decisions: tuple[Decision, ...]


def run(
    html: bytes | str,
    *,
    url: str | None,
    http_charset: str | None,
    templates: TemplateSet,
    options: Options,
    keep_segments: bool = True,
) -> Extraction:
    """The page's Article, and unless `keep_segments` is false (`newsclean.clean` needs
    only the Article) every segment with its features and decision."""
    deadline = Deadline(options.time_budget)  # checked between stages and in long loops
    loop_deadline = deadline.for_loops()  # None without a budget: loops skip ticking
    decoded = decode(html, http_charset)
    deadline.check("decode")
    warnings = list(decoded.warnings)
    encoding, encoding_rule = decoded.encoding, decoded.rule
    texts = [decoded.text]  # handed over: parse lets the text go once libxml2 has its copy
    del decoded
    page = parse_handed_over(texts, max_depth=options.max_depth, deadline=loop_deadline)
    deadline.check("parse")
    warnings.extend(page.warnings)
    root = page.root
    template = templates.match(url, root)
    applied = template.apply(root) if template is not None else None
    segments = segment(root, loop_deadline)
    features = measure(segments)
    deadline.check("measure")
    tagged = TagIndex(root, _INDEXED_TAGS)  # one walk for what metadata and forms need
    meta = metadata.extract(root, segments, features, options, url, tagged)
    if applied is not None:
        _fill_metadata(meta, applied, segments)
    main, fell_back = _main_region(applied, segments, features, options, warnings, tagged["form"])
    removals = _removals(applied)
    deadline.check("main region")
    decisions = _decide(segments, features, main, options, loop_deadline, url, tagged["form"])
    decisions = _apply_template(applied, main, removals, segments, decisions, options)
    if (
        applied is not None
        and not fell_back
        and _classified_away(applied, features, decisions, options, warnings)
    ):
        main, fell_back = find_main(segments, features, options, tagged["form"]), True
        decisions = _decide(segments, features, main, options, loop_deadline, url, tagged["form"])
        decisions = _apply_template(applied, None, removals, segments, decisions, options)
    decisions = _route_metadata(meta, decisions)
    decisions = keep_standfirst(segments, features, decisions, meta.segments, options)
    stories, decisions = build_stories(segments, features, decisions, url, options)
    deadline.check("stories")
    bare_page = any(decision.rule == BARE_PAGE_RULE for decision in decisions)
    if keep_segments:  # read from here on: the tuples the Extraction holds, no list besides
        kept = (tuple(segments), tuple(features), tuple(decisions))
        blocks = assemble.assemble(zip(kept[0], kept[2], strict=True))
    else:  # each segment freed once its block is built (the blocks share only its text)
        kept = ((), (), ())
        blocks = assemble.assemble(_handed_over(segments, decisions))
    del segments, features, decisions
    body = blocks[Region.MAIN]
    if not body:
        warnings.append("no main content found")
    elif bare_page:
        warnings.append("no article structure found: the page's whole text is the article")
    article = Article(
        title=meta.title,
        byline=meta.byline,
        authors=meta.authors,
        dateline=meta.dateline,
        published=meta.published,
        section=meta.section,
        site_name=meta.site_name,
        language=meta.language,
        url=url,
        body=body,
        sidebar_stories=tuple(stories),
        ads=blocks[Region.AD],
        legal=blocks[Region.LEGAL],
        boilerplate=blocks[Region.BOILERPLATE],
        template=applied.template_id if applied is not None and not fell_back else None,
        encoding=encoding,
        encoding_rule=encoding_rule,
        warnings=tuple(warnings),
    )
    return Extraction(article, *kept)


def _decide(
    segments: list[Segment],
    features: list[Features],
    main: MainRegion | None,
    options: Options,
    deadline: Deadline | None,
    url: str | None,
    forms: list[HtmlElement],
) -> list[Decision]:
    """The decision table's verdict on each segment, revisited in the light of its
    neighbours (`url`: the page's, whose host says which links stay on the site; `forms`:
    the page's forms, gathered in the metadata's walk); a page with no main region and
    no cue anywhere is all article."""
    decisions = classify(segments, features, main, options, deadline, forms)
    decisions = revisit_neighbours(segments, features, decisions, options, url=url)
    return bare_page(segments, decisions) if main is None else decisions


def _handed_over(
    segments: list[Segment], decisions: list[Decision]
) -> Iterator[tuple[Segment, Decision]]:
    """Each segment with its decision, in order, taken out of `segments` (emptied): once
    the consumer is done with one, nothing holds it."""
    segments.reverse()
    for decision in decisions:
        yield segments.pop(), decision


def _main_region(
    applied: TemplateMatch | None,
    segments: list[Segment],
    features: list[Features],
    options: Options,
    warnings: list[str],
    forms: list[HtmlElement],
) -> tuple[MainRegion | None, bool]:
    """The template's body when it is plausible, else the heuristics' choice (unless
    the template turned them off); and whether the template fell back."""
    heuristic = find_main(segments, features, options, forms)
    if applied is None or not applied.body_rules:
        return heuristic, False
    body = tuple(applied.body)
    body_chars = sum(len(normalize_space(element.text_content())) for element in body)
    heuristic_chars = sum(
        f.chars
        for s, f in zip(segments, features, strict=True)
        if heuristic is not None and heuristic.contains(s.owner)
    )
    # A body far smaller than what the heuristics would take is a stale or wrong rule.
    plausible = body_chars >= max(
        options.min_template_body_chars, heuristic_chars * options.min_template_body_share
    )
    if body and plausible:
        return MainRegion(body), False
    if not applied.heuristics_enabled:
        warnings.append(
            f"template {applied.template_id!r} found {body_chars} characters of body text "
            "and turns the heuristics off"
        )
        return (MainRegion(body) if body else None), False
    warnings.append(
        f"template {applied.template_id!r} found {body_chars} characters of body text "
        f"(the heuristics find {heuristic_chars}); fell back to the heuristics"
    )
    return heuristic, True


def _classified_away(
    applied: TemplateMatch,
    features: list[Features],
    decisions: list[Decision],
    options: Options,
    warnings: list[str],
) -> bool:
    """Whether the classifier, working inside the template's body, left it (nearly) empty."""
    kept = sum(f.chars for f, d in zip(features, decisions, strict=True) if d.region is Region.MAIN)
    if kept >= options.min_template_body_chars or not (
        applied.heuristics_enabled and applied.body_rules
    ):
        return False
    warnings.append(
        f"template {applied.template_id!r}: only {kept} characters of its body were kept "
        "as article text; fell back to the heuristics"
    )
    return True


def _removals(applied: TemplateMatch | None) -> dict[HtmlElement, tuple[Region, str]]:
    """Each element a template labelled for removal, with its region and rule."""
    if applied is None:
        return {}
    return {element: (region, rule) for region, rule, element in applied.removals}


def _apply_template(
    applied: TemplateMatch | None,
    main: MainRegion | None,
    removals: dict[HtmlElement, tuple[Region, str]],
    segments: list[Segment],
    decisions: list[Decision],
    options: Options,
) -> list[Decision]:
    """A template's labelled removals overrule the heuristics, except that inside a
    broad removal (a whole sidebar column, "other") an ad or a legal line the heuristics
    recognised keeps its more specific field."""
    if applied is None:
        return decisions
    revised = list(decisions)
    for index, item in enumerate(segments):
        removal = _removal_of(item.owner, removals)
        specific = decisions[index].region in (Region.AD, Region.LEGAL)
        if removal is not None and not (specific and removal[0] in _BROAD_REMOVALS):
            revised[index] = _template_decision(item, removal, decisions[index], options)
        elif not applied.heuristics_inside_body and main and main.contains(item.owner):
            revised[index] = _TEMPLATE_BODY
    return revised


_TEMPLATE_BODY = Decision(Region.MAIN, "text", "template:body")


def _removal_of(
    owner: HtmlElement, removals: dict[HtmlElement, tuple[Region, str]]
) -> tuple[Region, str] | None:
    if not removals:
        return None
    element: HtmlElement | None = owner
    while element is not None:
        if element in removals:
            return removals[element]
        element = element.getparent()
    return None


def _template_decision(
    item: Segment, removal: tuple[Region, str], heuristic: Decision, options: Options
) -> Decision:
    """The template names the field; where the heuristics chose the same field, their
    finer role (an appeal among the ads, a share bar among the boilerplate) stands. A
    sidebar's roles say how its lines group into stories, decided the same way for both."""
    region, rule = removal
    rule = f"template:{rule}"
    if heuristic.region is region and region is not Region.SIDEBAR:
        return Decision(region, heuristic.role, rule)
    if region is Region.SIDEBAR:
        headline = headline_links(
            item.links, options.headline_min_words, options.headline_link_share
        )
        return Decision(region, "headline" if headline else "story-text", rule)
    return Decision(region, region.value if region is not Region.BOILERPLATE else "other", rule)


def _fill_metadata(meta: Metadata, applied: TemplateMatch, segments: list[Segment]) -> None:
    """The template's fields overrule what the heuristics read off the page."""
    fields = applied.fields
    meta.title = fields.get("title", meta.title)
    meta.section = fields.get("section", meta.section)
    if "byline" in fields:
        meta.byline = fields["byline"]
        meta.authors = split_authors(fields["byline"])
    meta.dateline = fields.get("dateline", meta.dateline)
    meta.published = parse_date(fields.get("date")) or meta.published
    us_order = month_first(meta.language)  # "03/04/2025" read as the page writes
    meta.published = meta.published or date_in(meta.dateline, month_first=us_order)
    # A line the heuristics read as a field the template overrules (the blog's name taken
    # for the title) is no header: it goes back to its own region instead of to no field.
    # A byline is shown trimmed of the date that shared its line, so containment goes
    # both ways.
    shown = [value for value in (meta.title, meta.byline, meta.dateline, meta.section) if value]
    meta.segments = {i for i in meta.segments if any(_shows(segments[i].text, v) for v in shown)}
    printed = {value for key, value in fields.items() if key != "body"}
    meta.segments.update(index for index, s in enumerate(segments) if s.text in printed)


def _shows(line: str, value: str) -> bool:
    return line in value or value in line


def _route_metadata(meta: Metadata, decisions: list[Decision]) -> list[Decision]:
    revised = list(decisions)
    for index in meta.segments:
        revised[index] = Decision(Region.METADATA, "header", "metadata")
    return revised
