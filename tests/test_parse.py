"""Tests for newsclean.parse: no text lost to libxml2's limits, the right things dropped."""

from __future__ import annotations

import dataclasses
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

import newsclean
import newsclean.decode
import newsclean.parse
import newsclean.pipeline
from newsclean.decode import Decoded
from newsclean.parse import ParsedPage, parse

ARTICLE = [f"Paragraph {i} of the article, with enough words to count." for i in range(6)]
ARTICLE_HTML = "".join(f"<p>{text}</p>" for text in ARTICLE)
FLATTENED = "nesting deeper than 200 was flattened"


def deepest(root: lxml.html.HtmlElement) -> int:
    """The tree's depth (html = 1), without recursion."""
    depth, level = 0, [root]
    while level:
        depth += 1
        level = [child for element in level for child in element]
    return depth


def assert_article_kept(page: ParsedPage) -> None:
    text = page.root.text_content()
    missing = [paragraph for paragraph in ARTICLE if paragraph not in text]
    assert not missing


DEEP_PAGES = {
    "300 nested divs": "<div>" * 300 + "deep" + "</div>" * 300 + ARTICLE_HTML,
    "5,000 nested divs": "<div>" * 5_000 + "deep" + "</div>" * 5_000 + ARTICLE_HTML,
    "100,000 nested divs": "<div>" * 100_000 + "deep" + "</div>" * 100_000 + ARTICLE_HTML,
    "100,000 unclosed divs": "<div>" * 100_000 + "deep" + ARTICLE_HTML,
    "50,000 unclosed spans": "<span>" * 50_000 + ARTICLE_HTML,
    "50,000 unclosed fonts": '<font size="2">x ' * 50_000 + ARTICLE_HTML,
    "article inside 50,000 spans": "<span>" * 50_000 + ARTICLE_HTML + "</span>" * 50_000,
    "5,000 unclosed tables": "<table><tr><td>" * 5_000 + ARTICLE_HTML,
    "5,000 wbr (libxml2 nests them)": "<wbr>" * 5_000 + ARTICLE_HTML,
    "mismatched end tags": "<div><span>" * 3_000 + "</span>" * 6_000 + ARTICLE_HTML,
    # libxml2 ignores an end tag when a div is open above its match.
    "end tags libxml2 ignores": "<div><span><div></span>" * 1_000 + ARTICLE_HTML,
    "deep nesting in a table cell": "<table><tr><td>" + "<div>" * 3_000 + ARTICLE_HTML,
}


@pytest.mark.parametrize("markup", list(DEEP_PAGES.values()), ids=list(DEEP_PAGES))
def test_deep_nesting_loses_no_text(markup: str) -> None:
    limit = sys.getrecursionlimit()
    # CPU time: a hang guard (quadratic work here takes minutes) that a busy machine's
    # other processes cannot trip.
    start = time.process_time()
    page = parse(f"<html><body>{markup}</body></html>")
    elapsed = time.process_time() - start
    assert_article_kept(page)
    assert any(FLATTENED in warning for warning in page.warnings)
    assert not page.truncated
    assert deepest(page.root) <= 200 + 3
    assert elapsed < 3.0
    assert sys.getrecursionlimit() == limit


@pytest.mark.parametrize("depth", [10, 50])
def test_max_depth_is_honoured(depth: int) -> None:
    page = parse("<div>" * 100 + ARTICLE_HTML, max_depth=depth)
    assert_article_kept(page)
    assert deepest(page.root) <= depth + 3
    assert any(f"nesting deeper than {depth} was flattened" in w for w in page.warnings)


def test_nesting_within_the_limit_is_untouched() -> None:
    page = parse("<div>" * 150 + ARTICLE_HTML + "</div>" * 150)
    assert len(page.root.findall(".//div")) == 150
    assert page.warnings == ()


def test_flattened_blocks_keep_their_words_apart() -> None:
    page = parse("".join(f"<div>w{i}" for i in range(400)))
    # text_content() glues nested divs' text; dropped block tags leave a newline.
    words = set(page.root.text_content().split())
    assert {f"w{i}" for i in range(200, 400)} <= words


def test_markup_inside_raw_text_is_not_counted_as_nesting() -> None:
    script = "<script>var s = '" + "</div>" * 500 + "<div>" * 500 + "';</script>"
    page = parse("<div>" * 300 + script + "<p>inside</p>" + "</div>" * 300 + ARTICLE_HTML)
    assert_article_kept(page)
    assert "inside" in page.root.text_content()
    assert page.root.find(".//script") is None


def test_quoted_angle_brackets_in_attributes() -> None:
    page = parse('<div title="a > b">' * 300 + "text" + "</div>" * 300 + ARTICLE_HTML)
    assert_article_kept(page)
    assert "a > b" not in page.root.text_content()


@pytest.mark.parametrize(
    "markup",
    [
        "<p>first</p></body></html>" + ARTICLE_HTML,
        "<p>first</p></html>" + ARTICLE_HTML + "</html>",
        "<p>first</p></HTML ><!-- x -->" + ARTICLE_HTML,
        "<p>first</p></html><html><body>" + ARTICLE_HTML + "</body></html>",
    ],
)
def test_content_after_html_end_tag_is_kept(markup: str) -> None:
    page = parse(markup)
    assert_article_kept(page)
    assert not page.truncated


def test_content_after_body_end_tag_goes_into_body() -> None:
    page = parse("<html><body><p>a</p></body>tail text" + ARTICLE_HTML + "</html>")
    body = page.root.find("body")
    assert body is not None
    assert [child.tag for child in page.root] == ["body"]
    assert "tail text" in body.text_content()
    assert all(paragraph in body.text_content() for paragraph in ARTICLE)


def test_lone_surrogate_does_not_stop_the_parser() -> None:
    page = parse("<p>a\ud800b</p>" + ARTICLE_HTML)
    assert_article_kept(page)
    assert "a\ufffdb" in page.root.text_content()


@pytest.mark.parametrize(
    ("markup", "gone", "kept"),
    [
        ("<p>a<script>alert('x')</script>b</p>", "alert", "ab"),
        ("<p>a<style>p { color: red }</style>b</p>", "color", "ab"),
        ("<p>a<template><p>tpl</p></template>b</p>", "tpl", "ab"),
        ("<p>a<noscript>enable js</noscript>b</p>", "enable", "ab"),
        ("<p>a<svg><text>svg text</text></svg>b</p>", "svg text", "ab"),
        (
            "<p>a<math><semantics><mi>x</mi><annotation>y^2</annotation></semantics></math>b</p>",
            "y^2",
            "axb",
        ),
        ("<p>a<iframe src='/ad'><p>fallback</p></iframe>b</p>", "fallback", "ab"),
        ("<p>a<?php echo 'pi' ?>b</p>", "pi", "ab"),
    ],
)
def test_dropped_content_keeps_tails(markup: str, gone: str, kept: str) -> None:
    page = parse(markup)
    text = page.root.text_content()
    assert gone not in text
    assert kept in text


def test_a_script_free_copy_of_the_article_body_is_kept() -> None:
    body = "<p>Over the past few years we have seen threats on the web grow.</p>"
    page = parse(
        "<div itemprop='articleBody'><script type='text/template'>" + body + "</script>"
        "<noscript>" + body + "</noscript></div><noscript>Enable scripts</noscript>"
    )
    text = page.root.text_content()
    assert text.count("threats on the web") == 1
    assert "Enable scripts" not in text
    assert not page.root.xpath("//noscript")


@pytest.mark.parametrize(
    "kind", ["application/ld+json", "Application/LD+JSON", "  application/ld+json\n"]
)
def test_json_ld_scripts_stay(kind: str) -> None:
    page = parse(
        f'<head><script type="{kind}">{{"@type": "NewsArticle"}}</script></head>'
        f'<body><p>a<script type="{kind}">{{"b": 1}}</script>b</p></body>'
    )
    scripts = page.root.xpath("//script[@type='application/ld+json']")
    assert [script.text for script in scripts] == ['{"@type": "NewsArticle"}', '{"b": 1}']
    paragraph = page.root.find(".//p")
    assert paragraph is not None
    assert paragraph.text == "a"
    assert scripts[1].tail == "b"


@pytest.mark.parametrize(
    "attrs",
    [
        "",
        ' type="text/javascript"',
        ' type="application/json"',
        ' type="ld+json"',
        ' type="module"',
        ' type=""',
        ' src="/app.js"',
    ],
)
def test_other_scripts_are_dropped(attrs: str) -> None:
    page = parse(f"<head><script{attrs}>var x;</script></head><p>a<script{attrs}>y()</script>b</p>")
    assert page.root.find(".//script") is None
    text = page.root.text_content()
    assert "var x" not in text
    assert "y()" not in text
    assert "ab" in text


def test_iframes_and_comments_stay() -> None:
    page = parse(
        "<p>head</p><!--body-2-incontainer.php--><p>story</p><!--RELATED LINKS-->"
        "<iframe src='https://ads.example/x'>fallback</iframe>"
    )
    comments = [comment.text for comment in page.root.iter(etree.Comment)]
    assert comments == ["body-2-incontainer.php", "RELATED LINKS"]
    iframe = page.root.find(".//iframe")
    assert iframe is not None
    assert iframe.get("src") == "https://ads.example/x"
    assert iframe.text is None
    assert len(iframe) == 0
    assert not list(page.root.iter(etree.ProcessingInstruction))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t ",
        "<!-- only a comment -->",
        "<!DOCTYPE html>",
        "<html></html>",
        "<frameset><frame src=a></frameset>",
        "<title>only a title</title>",
        "<a href='unfinished",
        "<script>var x = 1",
        "\x00\x01\x02",
        "<" * 10_000,
    ],
)
def test_always_an_html_root_with_a_body(text: str) -> None:
    page = parse(text)
    assert page.root.tag == "html"
    assert page.root.find("body") is not None
    assert not page.truncated


@pytest.mark.parametrize("text", ["", "  \n"])
def test_empty_input_warns(text: str) -> None:
    page = parse(text)
    assert page.warnings == ("empty input",)
    assert page.root.find("head") is not None


def test_document_the_parser_rejects_warns() -> None:
    assert parse("<!-- only a comment -->").warnings


@pytest.mark.parametrize(
    "declaration",
    ['<?xml version="1.0" encoding="utf-8"?>', "\ufeff<?xml version='1.0' encoding='latin-1' ?>\n"],
)
def test_xml_declaration_with_encoding(declaration: str) -> None:
    page = parse(declaration + "<html><body>" + ARTICLE_HTML + "</body></html>")
    assert_article_kept(page)


def test_meta_charset_in_str_input_is_ignored() -> None:
    page = parse("<meta charset='iso-8859-1'><p>é ü ж 日本</p>")
    assert "é ü ж 日本" in page.root.text_content()


@pytest.mark.parametrize(
    "markup",
    [
        f"<table><tr><td colspan={2**53} rowspan={2**53}>cell</td></tr></table>",
        f"<table><tr><td colspan={2**64} rowspan=-{2**64}>cell</td></tr></table>",
        "<p title='" + "a" * 20_000_000 + "'>cell</p>",
        "<p>" + "cell " * 4_000_000 + "</p>",
    ],
    ids=["2**53", "2**64", "20 MB attribute", "20 MB text node"],
)
def test_huge_values_do_not_crash(markup: str) -> None:
    page = parse(markup)
    assert "cell" in page.root.text_content()
    assert not page.truncated


def test_no_external_entities() -> None:
    page = parse(
        '<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><p>before &xxe; after</p>'
    )
    text = page.root.text_content()
    assert "root:" not in text
    assert "before" in text


def test_truncation_is_reported_when_flattening_cannot_help(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_flattening(markup: str, depth: int, deadline: object = None) -> tuple[str, int]:
        return markup, 0

    monkeypatch.setattr(newsclean.parse, "flatten_deep_nesting", no_flattening)
    page = parse("<div>" * 5_000 + ARTICLE_HTML)
    assert page.truncated
    assert any("too deep" in warning for warning in page.warnings)


def test_lost_text_is_reported_when_repair_cannot_help(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(newsclean.parse, "_unhide", lambda source, warnings: None)
    page = parse("<p>first</p></html>" + ARTICLE_HTML * 5)
    assert page.truncated
    assert any("visible characters" in warning for warning in page.warnings)


def test_input_that_ends_inside_a_tag_is_not_truncated() -> None:
    page = parse(ARTICLE_HTML * 5 + '<a href="unfinished')
    assert_article_kept(page)
    assert not page.truncated


@pytest.mark.parametrize("max_depth", [0, -1, -(10**30)])
def test_max_depth_below_the_range_is_clamped_to_1(max_depth: int) -> None:
    markup = "<div>" * 5 + ARTICLE_HTML
    page = parse(markup, max_depth=max_depth)
    assert_article_kept(page)
    assert etree.tostring(page.root) == etree.tostring(parse(markup, max_depth=1).root)
    assert any("nesting deeper than 1 was flattened" in w for w in page.warnings)


@pytest.mark.parametrize("max_depth", [2_001, 5_000, 10**30])
def test_max_depth_above_the_range_is_clamped_to_2000(max_depth: int) -> None:
    page = parse("<div>" * 2_100 + ARTICLE_HTML, max_depth=max_depth)
    assert_article_kept(page)
    assert not page.truncated
    assert deepest(page.root) <= 2_000 + 3
    assert any("nesting deeper than 2000 was flattened" in w for w in page.warnings)


def test_bytes_are_refused() -> None:
    with pytest.raises(TypeError):
        parse(b"<p>x</p>")  # type: ignore[arg-type]


def test_threads_get_the_same_trees() -> None:
    pages = [f"<div>{'<div>' * (i * 40)}<p>page {i}</p>{ARTICLE_HTML}" for i in range(12)]
    expected = [etree.tostring(parse(text).root) for text in pages]
    with ThreadPoolExecutor(max_workers=6) as pool:
        got = list(pool.map(lambda text: etree.tostring(parse(text).root), pages * 4))
    assert got == expected * 4


TOKENS = [*"<>/=\"'! -?&;#x\né\x00", "div", "p", "span", "script", "html", "body", "<!--", "-->"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=200).map("".join))
def test_never_raises(text: str) -> None:
    page = parse(text, max_depth=5)
    assert page.root.tag == "html"
    assert page.root.find("body") is not None


@pytest.mark.parametrize(
    "hiding",
    [
        "<noscript>hidden words</noscript>",
        "<template><p>hidden words</p></template>",
        "<svg><text>hidden words</text></svg>",
        "<div hidden><p>hidden words</p></div>",
        "<div style='display: none'>" + "<div>" * 50 + "hidden words",
        "<span aria-hidden=true>hidden words</span>",
    ],
    ids=["noscript", "template", "svg", "hidden", "display none, unclosed", "aria-hidden"],
)
def test_hidden_content_past_the_limit_stays_hidden(hiding: str) -> None:
    # Found by test_fuzz_properties: dropping <noscript> past the limit showed its text.
    page = parse("<div>" * 300 + hiding + "</div>" * 60 + ARTICLE_HTML)
    assert_article_kept(page)
    assert deepest(page.root) <= 200 + 3 + 1
    visible = page.root.xpath(
        "string(//body)"  # hidden= and style= content is skipped later, by segment
    )
    if "noscript" in hiding or "template" in hiding or "svg" in hiding:
        assert "hidden words" not in visible
    else:
        hidden = page.root.xpath("//*[@hidden or @style or @aria-hidden]")
        assert hidden and "hidden words" in hidden[0].text_content()


def test_long_comment_runs_are_merged_keeping_text_and_short_runs() -> None:
    # lxml's iterwalk is quadratic in a run of sibling comments; short runs stay as they are.
    markup = "<p>a<!--m1-->b<!--m2-->c</p>" + "".join(f"<!--{n}-->t{n} " for n in range(500))
    page = parse(markup + ARTICLE_HTML)
    comments = [comment.text for comment in page.root.iter(etree.Comment)]
    assert comments == ["m1", "m2", "0"]
    text = page.root.text_content()
    assert "abc" in text
    assert " ".join(f"t{n}" for n in range(500)) in text
    assert_article_kept(page)


def test_huge_class_and_id_values_are_cut() -> None:
    page = parse(f'<div class="{"ad " * 100_000}" id="{"x" * 5_000}">{ARTICLE_HTML}</div>')
    div = page.root.find(".//div")
    assert div is not None
    assert len(div.get("class", "")) <= 1000
    assert div.get("class", "").split()[0] == "ad"
    assert len(div.get("id", "")) == 1000
    assert any("cut 1 class or id value" in warning for warning in page.warnings)
    assert_article_kept(page)


@pytest.mark.parametrize(
    ("markup", "gone"),
    [
        ("<p>a\x01b\x1fc\x7fd</p>", "\x01\x1f"),
        ("<p>a&#1;b&#x1F;c&#65535;d&#xFFFE;e</p>", "\x01\x1f\uffff\ufffe"),
        ("<p>a\x0bb\x0cc&#11;d&#xC;e</p>", "\x0b\x0c"),
        ("<!-- end \x05", "\x05"),  # the end marker's comment rewrite used to raise
        ("<title>\x02</title><textarea>&#2;", "\x02"),
    ],
)
def test_control_characters_lxml_refuses_are_removed(markup: str, gone: str) -> None:
    page = parse(markup)
    text = lxml.html.tostring(page.root, encoding="unicode")
    assert not any(char in text for char in gone)
    assert any("control character" in warning for warning in page.warnings)


def test_vertical_tab_and_form_feed_separate_words() -> None:
    page = parse("<p>one\x0btwo&#12;three</p>")
    assert page.root.text_content().split() == ["one", "two", "three"]


def test_hidden_content_after_flattening_stays_hidden() -> None:
    # Found by the property tests: past the depth limit, a dropped <div> inside a kept
    # hidden <section> was taken to keep it open, so the <noscript> after it lost its
    # tags and its text showed.
    page = (
        "<html><head><title>t</title></head><body>"
        + "<div>" * 199
        + "the<span><section hidden><div>the</section><noscript>the</noscript>"
    )
    assert newsclean.clean(page).text == "the"


_FREED: list[int] = []


class _Watched(str):
    """Page text that records when it is freed."""

    def __del__(self) -> None:
        _FREED.append(len(self))


def _watch_libxml2(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """For each libxml2 parse, whether the watched text was freed before it."""
    _FREED.clear()
    seen: list[bool] = []
    original = newsclean.parse._Source.parse

    def watched(self: newsclean.parse._Source) -> object:
        seen.append(bool(_FREED))
        return original(self)

    monkeypatch.setattr(newsclean.parse._Source, "parse", watched)
    return seen


def test_handed_over_text_is_freed_before_libxml2_reads_its_copy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # libxml2 reads a copy (the text with the end marker): held both ways, a huge page
    # is held twice while its tree is built.
    seen = _watch_libxml2(monkeypatch)
    texts: list[str] = [_Watched("<html><body>" + ARTICLE_HTML + "</body></html>")]
    page = newsclean.parse.parse_handed_over(texts)
    assert texts == []
    assert seen == [True]
    assert_article_kept(page)


def test_clean_hands_the_decoded_text_over(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _watch_libxml2(monkeypatch)
    real_decode = newsclean.decode.decode

    def decode(html: bytes | str, http_charset: str | None) -> Decoded:
        decoded = real_decode(html, http_charset)
        return dataclasses.replace(decoded, text=_Watched(decoded.text))

    monkeypatch.setattr(newsclean.pipeline, "decode", decode)
    article = newsclean.clean(b"<html><body>" + ARTICLE_HTML.encode() + b"</body></html>")
    assert seen == [True]
    assert article.text == "\n\n".join(ARTICLE)


RUN = "<!-- x -->" * 100  # gapless plain comments: merged before libxml2 builds them
PREMERGE_PAGES = {
    "in the body": f"<html><body><p>a</p>{RUN}tail {ARTICLE_HTML}</body></html>",
    "two runs and text": f"<p>a</p>{RUN}b{RUN}<p>c</p>{ARTICLE_HTML}",
    "run between other comments": f"<p>a<!--m-->{RUN}<!-- y -- z -->t</p>{ARTICLE_HTML}",
    "blank comments, newlines": "<p>a</p>" + "<!---->" * 70 + "<!--\nx\n-->" * 70 + "t",
    "before <html>": f"{RUN}<html><body>{ARTICLE_HTML}</body></html>",
    "in <head>": f"<html><head>{RUN}<title>T</title></head><body>{ARTICLE_HTML}</body></html>",
    "after </html>": f"<html><body>{ARTICLE_HTML}</body></html>{RUN}",
    "after </html>, past its window": f"<html><body>{ARTICLE_HTML}</body></html>" + RUN * 80,
    "before a stray </html>": f"<p>a</p>{RUN}</html><p>b</p>{ARTICLE_HTML}</html>",
    "in <title>": f"<html><head><title>T{RUN}</title></head><body>{ARTICLE_HTML}</body></html>",
    "in a script": f"<script type='application/ld+json'>{RUN}</script>{ARTICLE_HTML}",
    "in <textarea>": f"<textarea>{RUN}</textarea>{ARTICLE_HTML}",
    "in <xmp>": f"<xmp>{RUN}</xmp>{ARTICLE_HTML}",
    "after <plaintext>": f"{ARTICLE_HTML}<plaintext>{RUN}",
    "in an attribute": f'<div title="{RUN}">{ARTICLE_HTML}</div>',
    "in a comment": f"<!-- open {RUN} -->{ARTICLE_HTML}",
    "React boundaries": "<p>a</p>" + "<!--$-->" * 70 + "<!--/$-->" * 70 + ARTICLE_HTML,
    "ends inside a tag": f"<p>a</p>{RUN}{ARTICLE_HTML}<a href='x",
    "ends inside the run's comment": f"<p>a</p>{RUN}<!-- x",
    "lone surrogate": f"<p>a\ud800</p>{RUN}{ARTICLE_HTML}",
    "deep nesting": "<div>" * 300 + RUN + "x" + "</div>" * 300 + ARTICLE_HTML,
    "deep nesting, run after": "<div>" * 5_000 + "x" + RUN + ARTICLE_HTML,
}


def _parsed_both_ways(
    monkeypatch: pytest.MonkeyPatch, markup: str
) -> tuple[ParsedPage, ParsedPage]:
    monkeypatch.setattr(newsclean.parse, "_MIN_CHARS_TO_PREMERGE", 0)
    merged = parse(markup)
    monkeypatch.setattr(newsclean.parse, "_premerged_comment_runs", lambda markup: markup)
    return merged, parse(markup)


@pytest.mark.parametrize("markup", list(PREMERGE_PAGES.values()), ids=list(PREMERGE_PAGES))
def test_comment_runs_merged_before_parsing_give_the_same_tree(
    monkeypatch: pytest.MonkeyPatch, markup: str
) -> None:
    merged, plain = _parsed_both_ways(monkeypatch, markup)
    assert etree.tostring(merged.root) == etree.tostring(plain.root)
    assert (merged.warnings, merged.truncated) == (plain.warnings, plain.truncated)


def test_truncation_count_is_the_same_with_comment_runs_merged_before_parsing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # libxml2 drops what follows a stray </html> (the repair that would fix it left
    # out); the text of the comments before it counts as kept, enough here to call the
    # tree whole. Merged comments still hold all of it.
    monkeypatch.setattr(newsclean.parse, "_unhide", lambda source, warnings: None)
    markup = "<p>first</p>" + "<!-- 123456789 -->" * 100 + "</html>" + ARTICLE_HTML * 5
    merged, plain = _parsed_both_ways(monkeypatch, markup)
    assert not plain.truncated
    assert etree.tostring(merged.root) == etree.tostring(plain.root)
    assert (merged.warnings, merged.truncated) == (plain.warnings, plain.truncated)


def test_libxml2_builds_no_node_per_comment_of_a_long_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 100,000 comments took 27 times the page's size in libxml2's tree, then were merged.
    built: list[int] = []
    merge = newsclean.parse._merge_comment_runs

    def counting(root: lxml.html.HtmlElement) -> None:
        built.append(sum(1 for _ in root.iter(etree.Comment)))
        merge(root)

    monkeypatch.setattr(newsclean.parse, "_merge_comment_runs", counting)
    page = parse("<html><body>" + "<!-- x -->" * 100_000 + ARTICLE_HTML + "</body></html>")
    assert built == [_MAX_RUN + 2]
    assert [comment.text for comment in page.root.iter(etree.Comment)] == [" x "]
    assert_article_kept(page)


_MAX_RUN = newsclean.parse._MAX_COMMENT_RUN


COMMENT_TOKENS = [
    "<!-- x -->", "<!---->", "<!--$-->", "<!-- a-b -->", "<!--", "-->", "<p>", "</p>",
    "<div>", "</div>", "<title>", "</title>", "<script>", "</script>", "<textarea>",
    "<plaintext>", "</html>", "</body>", '<a title="', '">', "text", " ", "\n", "<!x>",
    "<style>", "<iframe>", "</iframe>", "<noscript>", "<svg>", "<![CDATA[", "]]>", "<?x ",
    "</ ", '<a b"c d="e>', "<a title=x", "'", '"', "<", ">", "=", "<html>", "<head>",
]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(COMMENT_TOKENS), max_size=12), st.integers(0, 12))
def test_comment_runs_merged_before_parsing_change_no_tree(around: list[str], at: int) -> None:
    markup = "".join(around[:at]) + "<!-- x -->" * 70 + "".join(around[at:]) + ARTICLE_HTML
    with pytest.MonkeyPatch.context() as monkeypatch:
        merged, plain = _parsed_both_ways(monkeypatch, markup)
    assert etree.tostring(merged.root) == etree.tostring(plain.root)
    assert (merged.warnings, merged.truncated) == (plain.warnings, plain.truncated)


@pytest.mark.parametrize("charset", ["iso-8859-1", "windows-1251", "utf-16", "shift_jis"])
def test_the_text_parsed_is_the_decoded_text_whatever_charset_the_page_declares(
    charset: str,
) -> None:
    # The markup reaches libxml2 as UTF-8 bytes: a declared charset must not re-decode it.
    text = "Grüße – 日本 € ñ"
    page = parse(f"<html><head><meta charset='{charset}'></head><body><p>{text}</p></body>")
    paragraph = page.root.find(".//p")
    assert paragraph is not None and paragraph.text == text


def test_a_lone_surrogate_is_replaced_and_the_text_after_it_kept() -> None:
    page = parse("<p>before \ud800 after</p>" + ARTICLE_HTML)
    assert "before \ufffd after" in page.root.text_content()
    assert_article_kept(page)


def test_an_end_tag_libxml2_ignores_closes_what_a_browser_closes() -> None:
    # A table's wrapper left open in its figure: libxml2 ignores </figure>, and the rest
    # of the article would be inside the wrapper, the figure, and the table's box.
    markup = (
        "<html><body><div id='article'><p>First</p><figure><div class='table-wrapper'>"
        "<table><tr><td>cell</td></tr></table></figure><p>Second</p></div></body></html>"
    )
    root = parse(markup).root
    second = next(p for p in root.iter("p") if p.text == "Second")
    assert second.getparent().get("id") == "article"


def test_an_ignored_end_tag_is_found_past_a_hundred_other_errors() -> None:
    # libxml2 reports at most 100 errors per parse.
    markup = (
        "<html><body>" + "</li>" * 150 + "<div id='article'><figure><div>x</figure>"
        "<p>Second</p></div></body></html>"
    )
    root = parse(markup).root
    second = next(p for p in root.iter("p") if p.text == "Second")
    assert second.getparent().get("id") == "article"
