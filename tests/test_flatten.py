"""Tests for newsclean.flatten: the pre-passes on their own (parse's use is in test_parse)."""

from __future__ import annotations

import time
import tracemalloc

import pytest

from newsclean.flatten import close_ignored_end_tags, flatten_deep_nesting, starts_in_data


def test_markup_within_the_limit_is_returned_unchanged() -> None:
    markup = "<div>" * 10 + "text" + "</div>" * 10
    flat, dropped = flatten_deep_nesting(markup, 10)
    assert dropped == 0
    assert flat is markup


def test_excess_start_tags_and_their_end_tags_are_dropped() -> None:
    flat, dropped = flatten_deep_nesting("<span>" * 5 + "x" + "</span>" * 5, 3)
    assert dropped == 2
    assert flat == "<span>" * 3 + "x" + "</span>" * 3


def test_dropped_block_tags_become_newlines() -> None:
    flat, dropped = flatten_deep_nesting("<div>a<div>b<div>c</div></div></div>", 1)
    assert dropped == 2
    assert flat == "<div>a\nb\nc\n\n</div>"


@pytest.mark.parametrize(
    "inner",
    [
        "<!--" + "<div>" * 50 + "-->",
        "<script>'" + "<div>" * 50 + "'</script>",
        "<textarea>" + "<div>" * 50 + "</textarea>",
        "<!DOCTYPE html>",
        "<?php echo '<div>' ?>",
        "<br>" * 50 + "<img src=x>" * 50,
        "<div/>" * 50,
        "a < b < c",
    ],
    ids=["comment", "script", "textarea", "doctype", "pi", "void", "self-closing", "bare <"],
)
def test_what_never_nests_is_not_counted(inner: str) -> None:
    markup = "<div>" * 3 + inner + "</div>" * 3
    assert flatten_deep_nesting(markup, 3) == (markup, 0)


def test_quoted_angle_brackets_do_not_end_a_tag() -> None:
    markup = '<div title="a > <div> b">' * 3
    flat, dropped = flatten_deep_nesting(markup, 2)
    assert dropped == 1
    assert flat == '<div title="a > <div> b">' * 2 + "\n"


def test_implied_closes_do_not_count_as_nesting() -> None:
    markup = "<ul>" + "<li>item" * 100 + "</ul>" + "<p>para" * 100
    assert flatten_deep_nesting(markup, 3) == (markup, 0)


def test_end_tags_libxml2_ignores_do_not_close() -> None:
    # A kept div open above the span's match makes libxml2 ignore </span>; a dropped one
    # does not (the rewritten markup no longer opens it): kept are div span div, then
    # div span (</span> closes), then div (what follows nests ever deeper) -- 6 of 30.
    flat, dropped = flatten_deep_nesting("<div><span><div></span>" * 10, 5)
    assert dropped == 30 - 6
    assert flat.startswith("<div><span><div></span><div><span>\n</span><div>\n")


def test_a_dropped_tag_does_not_keep_a_hidden_box_open() -> None:
    # Past the limit, the hidden <section> is kept and the <div> inside it dropped:
    # without that <div>, libxml2 closes the section at </section>, so the <noscript>
    # after it must keep its tags (found by the property tests: its text showed).
    markup = "<div>" * 4 + "a<section hidden><div>b</section><noscript>c</noscript>"
    flat, dropped = flatten_deep_nesting(markup, 4)
    assert dropped == 1
    assert flat.endswith("<section hidden>\nb</section><noscript>c</noscript>")


def _flatten_seconds(depth: int) -> float:
    markup = "<div><span>" * depth + "x" + "</span></div>" * depth
    start = time.process_time()
    flat, dropped = flatten_deep_nesting(markup, 200)
    elapsed = time.process_time() - start
    assert dropped == 2 * depth - 200
    assert "x" in flat
    return elapsed


def test_linear_time() -> None:
    # A ratio, not a speed goal: twice the nesting must cost about twice the time (a
    # quadratic walk costs four times), whatever else the machine is doing. The best of
    # two runs of each size keeps one noisy run from deciding.
    small = min(_flatten_seconds(50_000) for _ in range(2))
    large = min(_flatten_seconds(100_000) for _ in range(2))
    assert large < 3.2 * small + 0.05


def test_memory_is_about_the_size_of_the_markup() -> None:
    # Each dropped tag once cost a cut record (~130 bytes) and each open element a name
    # and a position object (~100 bytes): 29x a page of nested divs. Now what is held
    # is the result as it is built, and a few bytes per open element.
    markup = "<div>" * 20_000 + "x" + "</div>" * 20_000
    tracemalloc.start()
    try:
        flat, dropped = flatten_deep_nesting(markup, 200)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert dropped == 20_000 - 200
    assert flat.count("\n") == 2 * dropped
    assert peak < 3 * len(markup)


@pytest.mark.parametrize(
    ("before", "answers"),
    [
        ("<p>a</p>", [True, True]),
        ('<!DOCTYPE html><!-- note --><a href="/x" class=b data-y>', [True, True]),
        ("<title>", [False, True]),
        ('<div title="', [False, True]),
        ("<!-- open ", [False, True]),
        # Where a tokenizer could read the end elsewhere, the scan gives up.
        ("<script>var s = '", [False, False]),  # "<!--" in a script can escape its end
        ("<plaintext></plaintext><p>", [False, False]),
        ('<a b"c d="e>', [False, False]),  # HTML5 reads a quoted value from d=" on
        ("<svg><![CDATA[", [False, False]),
    ],
)
def test_starts_in_data_says_where_a_comment_can_start(before: str, answers: list[bool]) -> None:
    run = "<!-- x -->" * 3
    markup = before + run + '</title></script>">--> ]]> <p>b</p>' + run
    first = (len(before), len(before) + len(run))
    last = (len(markup) - len(run), len(markup))
    assert starts_in_data(markup, [first, last]) == answers


@pytest.mark.parametrize(
    ("markup", "closed"),
    [
        # libxml2 ignores </figure> over an open <div>: a browser closes the div.
        (
            "<figure><div><table></table></figure><p>x</p>",
            "<figure><div><table></table></div></figure><p>x</p>",
        ),
        ("<section><div><span>a</section>", "<section><div><span>a</span></div></section>"),
        ("<ul><li><div>a</li><li>b</li></ul>", "<ul><li><div>a</div></li><li>b</li></ul>"),
    ],
)
def test_end_tags_libxml2_ignores_close_what_a_browser_closes(markup: str, closed: str) -> None:
    assert close_ignored_end_tags(markup) == (closed, 1)


@pytest.mark.parametrize(
    "markup",
    [
        "<figure><div>a</div></figure>",  # nothing ignored
        "<figure><table><tr><td><div>a</figure>",  # a browser does not look past the cell
        "<ul><li><ol><div>a</li>",  # nor a list item's end tag past a list
        "<form><div>a</form>",  # a browser closes the form alone
        "<div><span>a</div>",  # libxml2 closes the span itself
        "<!-- <figure><div> --></figure>",  # a comment holds no tags
    ],
)
def test_end_tags_a_browser_ignores_too_are_left_alone(markup: str) -> None:
    result, completed = close_ignored_end_tags(markup)
    assert completed == 0
    assert result is markup
