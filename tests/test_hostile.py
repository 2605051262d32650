"""Hostile, broken and huge input: every case of the issue, through `newsclean.clean`.

This file is the index of the cases. Some are tested closer to their module and
only referenced here:

- wrong argument types -> TypeError: test_api.py::test_wrong_html_type_is_a_type_error,
  ::test_wrong_keyword_types_are_type_errors
- depth at the parser level (12 shapes, time and recursion checked):
  test_parse.py::test_deep_nesting_loses_no_text
- 20 MB attribute / text node, colspan 2**64: test_parse.py::test_huge_values_do_not_crash
- the decoding rules, one by one: test_decode.py::test_evidence
- regex-hostile bytes for the charset prescan: test_decode.py::test_pathological_bytes_are_quick
- 8 threads = serial, pickling: test_threads.py
- generated input (hypothesis): test_fuzz_properties.py; atheris findings: fuzz/crashes/,
  replayed by test_fuzz_findings_stay_fixed below.
- time and memory per MB at 1, 10 and 50 MB, and the peers: benchmarks/hostile.py,
  docs/hostile-input.md (a benchmark, not a test).
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import pickle
import random
import re
import socket
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

import newsclean
from newsclean import Article, EncodingRule, Options
from newsclean.limits import Deadline

ARTICLE = [
    f"Paragraph {n} of the article tells what the council decided on Tuesday, at length."
    for n in range(6)
]
ARTICLE_HTML = "".join(f"<p>{text}</p>" for text in ARTICLE)
UNSAFE = re.compile("[\x00\ud800-\udfff]")
FUZZ = Path(__file__).parent.parent / "fuzz"


def page(body: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def strings(value: Any) -> list[str]:
    """Every string in an Article's dict form (text, metadata, blocks, stories, warnings)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in strings(item)]
    return []


def assert_sound(article: Article) -> None:
    """The invariants every result keeps, whatever the input."""
    assert isinstance(article, Article)
    unsafe = [text for text in strings(article.to_dict()) if UNSAFE.search(text)]
    assert not unsafe
    assert pickle.loads(pickle.dumps(article)) == article
    json.dumps(article.to_dict())


def assert_recovered(article: Article) -> None:
    missing = [paragraph for paragraph in ARTICLE if paragraph not in article.text]
    assert not missing


def warned(article: Article, fragment: str) -> bool:
    return any(fragment in warning for warning in article.warnings)


# -- input that is not a page ------------------------------------------------------------

RANDOM_BYTES = random.Random(5).randbytes(64 * 1024)

# id, input, what a warning must say, whether the article must be empty
NOT_A_PAGE = [
    ("empty bytes", b"", "empty input", True),
    ("empty str", "", "empty input", True),
    ("whitespace bytes", b" \r\n\t " * 100, "empty input", True),
    ("whitespace str", "\u3000 \n\t" * 100, "empty input", True),
    ("1 MB of spaces", b" " * 1_000_000, "empty input", True),
    ("random binary", RANDOM_BYTES, "binary data", True),
    ("a PDF", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nstream\n\x00\x9c\xff", "PDF", True),
    ("a PNG", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + RANDOM_BYTES[:500], "PNG", True),
    ("a gzip-compressed page", gzip.compress(page(ARTICLE_HTML).encode()), "decompress", True),
    ("a PDF as str", "%PDF-1.4\n%âãÏÓ\n1 0 obj", "PDF", True),
    ("random binary as str", RANDOM_BYTES.decode("latin-1"), "binary data", True),
    ("a JSON object", json.dumps({"title": "x", "html": ARTICLE_HTML}), "JSON", True),
    ("a JSON array as bytes", b'[1, 2, {"a": "<p>b</p>"}]', "JSON", True),
    ("plain text, no tags", "\n\n".join(ARTICLE), "no HTML tags", False),
]  # fmt: skip


@pytest.mark.parametrize(
    ("html", "warning", "empty"),
    [case[1:] for case in NOT_A_PAGE],
    ids=[case[0] for case in NOT_A_PAGE],
)
def test_input_that_is_not_a_page(html: bytes | str, warning: str, empty: bool) -> None:
    article = newsclean.clean(html)
    assert_sound(article)
    assert warned(article, warning), article.warnings
    assert (article.text == "") is empty


def test_plain_text_keeps_its_words() -> None:
    article = newsclean.clean("\n\n".join(ARTICLE))
    assert all(paragraph in article.text for paragraph in ARTICLE[1:])


def test_a_few_control_bytes_do_not_make_a_page_binary() -> None:
    html = page(ARTICLE_HTML + "<p>stray \x01 and \x1f bytes</p>").encode()
    article = newsclean.clean(html)
    assert_recovered(article)
    assert warned(article, "removed 2 control character(s)")


@pytest.mark.parametrize("kind", [bytes, str])
def test_nul_bytes_are_removed_and_reported(kind: type[bytes] | type[str]) -> None:
    text = page("\x00".join(ARTICLE_HTML.partition("council")) + "\x00")
    article = newsclean.clean(text.encode() if kind is bytes else text)
    assert_sound(article)
    assert_recovered(article)
    assert warned(article, "removed 3 NUL")


def test_lone_surrogates_in_str_input() -> None:
    article = newsclean.clean(page("<p>odd \ud800 and \udfff here</p>" + ARTICLE_HTML))
    assert_sound(article)
    assert_recovered(article)
    assert warned(article, "lone surrogate")
    assert "odd \ufffd and \ufffd here" in article.text


# -- output never holds NUL or lone surrogates -------------------------------------------

JSON_LD = (
    '<script type="application/ld+json">{"@type": "NewsArticle", '
    '"headline": "Head\\u0000line \\ud800", "author": {"name": "Ann\\udfff Writer"}}'
    "</script>"
)


@pytest.mark.parametrize(
    "html",
    [
        page("<p>zero &#0; surrogate &#xD800; &#55296; beyond &#x110000; end</p>" + ARTICLE_HTML),
        page("<p>controls &#1; &#x1F; &#11; &#xFFFF; end</p>" + ARTICLE_HTML),
        page(ARTICLE_HTML, head=JSON_LD + "<title>Title\x00 \ud800</title>"),
        page(ARTICLE_HTML, head='<meta property="og:title" content="a&#0;b&#xDFFF;c">'),
    ],
    ids=["character references", "control references", "JSON-LD escapes", "meta content"],
)
def test_output_never_holds_nul_or_lone_surrogates(html: str) -> None:
    article = newsclean.clean(html)
    assert_sound(article)
    assert_recovered(article)


def test_json_ld_escapes_are_replaced_and_reported() -> None:
    article = newsclean.clean(page(ARTICLE_HTML, head=JSON_LD))
    assert article.title == "Headline \ufffd"
    assert_sound(article)
    assert warned(article, "removed NUL or lone surrogate characters from the output")


def test_a_url_with_nul_does_not_reach_the_output() -> None:
    article = newsclean.clean(page(ARTICLE_HTML), url="https://example.com/a\x00b\ud800")
    assert article.url == "https://example.com/ab\ufffd"
    assert_sound(article)


def test_warnings_are_not_repeated() -> None:
    article = newsclean.clean(b"")
    assert len(article.warnings) == len(set(article.warnings))


# -- nesting libxml2 cannot hold: the article is recovered in full -------------------------

DEEP = {
    "after 300 nested divs": "<div>" * 300 + "deep" + "</div>" * 300 + ARTICLE_HTML,
    "after 5,000 nested divs": "<div>" * 5_000 + "deep" + "</div>" * 5_000 + ARTICLE_HTML,
    "after 100,000 nested divs": "<div>" * 100_000 + "deep" + "</div>" * 100_000 + ARTICLE_HTML,
    "inside 50,000 unclosed spans": "<span>" * 50_000 + ARTICLE_HTML,
    "inside 50,000 unclosed fonts": "<font size=2>" * 50_000 + ARTICLE_HTML,
    "after a 300-deep navigation block": "<nav>"
    + "<ul><li><a href='/s'>Section</a>" * 300
    + "</nav>"
    + ARTICLE_HTML,
}


@pytest.mark.parametrize("body", list(DEEP.values()), ids=list(DEEP))
def test_article_is_recovered_from_deep_nesting(body: str) -> None:
    start = time.process_time()
    article = newsclean.clean(page(body))
    assert time.process_time() - start < 10.0
    assert_sound(article)
    assert_recovered(article)
    assert warned(article, "was flattened")


# -- big and regex-hostile input: bounded time -------------------------------------------
# The bounds are on CPU time (time.process_time): generous hang guards, not speed goals
# (those are benchmarks/hostile.py's), that other processes on the machine cannot trip.

BIG = {
    "5 MB quoted attribute": page(f'<div title="{"a" * 5_000_000}">{ARTICLE_HTML}</div>'),
    "5 MB unquoted attribute": page(f"<div data-x={'a' * 5_000_000}>{ARTICLE_HTML}</div>"),
    "5 MB class attribute": page(f'<div class="{"ad " * 1_700_000}">x</div>{ARTICLE_HTML}'),
    "1 MB of spaces in a page": page(" " * 1_000_000 + ARTICLE_HTML),
    "200,000 comments in a row": page("<!-- x -->" * 200_000 + ARTICLE_HTML),
    "500,000 comment openers": page(ARTICLE_HTML + "<!--" * 500_000),
    "comment-like text": page(ARTICLE_HTML + "<!-- -- -> --!> <!-" * 100_000),
    "1,000,000 '<'": page(ARTICLE_HTML + "<" * 1_000_000),
    "an unclosed quote in a tag": page(ARTICLE_HTML + '<a href="' + "x>" * 500_000),
    "200,000 unclosed attributes": page(ARTICLE_HTML + "<a b=" * 200_000),
    "200,000 entities": page(ARTICLE_HTML + "<p>" + "&amp;&#8217;&bogus;" * 200_000 + "</p>"),
}


@pytest.mark.parametrize("html", list(BIG.values()), ids=list(BIG))
def test_big_and_regex_hostile_input_is_quick(html: str) -> None:
    start = time.process_time()
    article = newsclean.clean(html)
    assert time.process_time() - start < 5.0
    assert_sound(article)
    assert_recovered(article)


def assert_linear(build: Callable[[int], str], small: int) -> None:
    """Cleaning `build(4 * small)` takes under 10 s of CPU and under 2.5 times 4x what
    `build(small)` takes (quadratic would be 16x)."""

    def seconds(count: int) -> float:
        html = build(count)
        start = time.process_time()
        newsclean.clean(html)
        return time.process_time() - start

    little, large = seconds(small), seconds(4 * small)
    assert large < 10.0
    assert large < little * 4 * 2.5


def test_many_short_paragraphs_take_linear_time() -> None:
    # The full 200,000 and the per-MB figures are in benchmarks/hostile.py.
    assert_linear(lambda count: page("".join(f"<p>word {n}</p>" for n in range(count))), 5_000)


def test_many_lines_in_one_box_take_linear_time() -> None:
    # Lines parted by <br><br> in one <div> are segments of one owner; each once asked the
    # box's children whether it holds blocks (8,000 lines: about 23 s before).
    line = "Line {} of a long text, with enough words and commas, to read as a sentence."
    assert_linear(
        lambda count: page(
            "<div>" + "<br><br>".join(line.format(n) for n in range(count)) + "</div>"
        ),
        2_000,
    )


# -- nothing is read from disk or network, nothing expands -------------------------------


def test_external_entities_read_no_file(tmp_path: Path) -> None:
    marker = f"secret-{random.Random().getrandbits(64):x}"
    secret = tmp_path / "secret.txt"
    secret.write_text(marker)
    dtd = tmp_path / "evil.dtd"
    dtd.write_text(f'<!ENTITY dtdent "{marker}">')
    uri = secret.as_uri()
    pages = [
        f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "{uri}">]><html><body><p>&xxe;</p>{ARTICLE_HTML}',
        f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "{uri}">]><r>&xxe;</r>'
        + ARTICLE_HTML,
        f'<!DOCTYPE html SYSTEM "{dtd.as_uri()}"><html><body><p>&dtdent;</p>{ARTICLE_HTML}',
        f'<!DOCTYPE r [<!ENTITY % p SYSTEM "{dtd.as_uri()}"> %p;]><p>&dtdent;</p>' + ARTICLE_HTML,
        f'<p><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{uri}"/></p>'
        + ARTICLE_HTML,
    ]
    for html in pages:
        for data in (html, html.encode()):
            article = newsclean.clean(data)
            assert marker not in json.dumps(article.to_dict())
            assert_recovered(article)


def test_external_entities_open_no_connection() -> None:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        server.settimeout(0.5)
        url = f"http://127.0.0.1:{server.getsockname()[1]}/evil"
        newsclean.clean(
            f'<!DOCTYPE html SYSTEM "{url}.dtd" [<!ENTITY e SYSTEM "{url}">]>'
            f'<p>&e;</p><img src="{url}.png"><iframe src="{url}"></iframe>{ARTICLE_HTML}'
        )
        with pytest.raises(TimeoutError):
            server.accept()


def test_billion_laughs_does_not_expand() -> None:
    levels = "".join(
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10)
    )  # 10**9 "lol"s if expanded
    html = f'<!DOCTYPE lolz [<!ENTITY lol0 "lol">{levels}]><html><body><p>&lol9;</p>'
    for data in (html + ARTICLE_HTML, (f"<?xml version='1.0'?>{html}" + ARTICLE_HTML).encode()):
        start = time.process_time()
        article = newsclean.clean(data)
        assert time.process_time() - start < 2.0
        assert "lollol" not in json.dumps(article.to_dict())
        assert_recovered(article)


@pytest.mark.parametrize("span", [2**53, 2**64, -(2**63), 10**400])
def test_huge_colspan_and_rowspan(span: int) -> None:
    table = (
        f"<table><tr><td colspan={span} rowspan={span}>wide cell</td><td>next</td></tr>"
        f"<tr><th colspan='{span}'>head</th></tr></table>"
    )
    article = newsclean.clean(page(ARTICLE_HTML + table))
    assert_sound(article)
    assert_recovered(article)


# -- encodings: decoded right, and the deciding rule recorded ----------------------------

RUSSIAN = "Правительство обсуждает бюджет на следующий год, сообщили в министерстве финансов."
JAPANESE = "東京都は今日、新しい予算案を発表しました。経済の回復を目指すとしています。"


@pytest.mark.parametrize(
    ("data", "expected", "encoding", "rule"),
    [
        (
            page(f"<p>{RUSSIAN}</p>" * 6).encode("cp1251"),
            RUSSIAN,
            "cp1251",
            EncodingRule.DETECTED,
        ),
        (
            page(f"<p>{JAPANESE}</p>" * 6, head='<meta charset="utf-8">').encode("shift_jis"),
            JAPANESE,
            "cp932",
            EncodingRule.DETECTED,
        ),
        (
            b"\xef\xbb\xbf"
            + page("<p>Café, naïve façade: a résumé.</p>" * 6, "<meta charset=latin1>").encode(),
            "Café, naïve façade",
            "utf-8",
            EncodingRule.BOM,
        ),
    ],
    ids=["cp1251 undeclared", "shift-jis under a utf-8 meta", "utf-8 BOM over a latin-1 meta"],
)  # fmt: skip
def test_encodings(data: bytes, expected: str, encoding: str, rule: EncodingRule) -> None:
    article = newsclean.clean(data)
    assert expected in article.text
    assert (article.encoding, article.encoding_rule) == (encoding, rule)


# -- limits a caller sets ----------------------------------------------------------------

MANY_PARAGRAPHS = page("".join(f"<p>Paragraph number {n} here.</p>" for n in range(60_000)))


@pytest.mark.parametrize(
    "html", [b"x" * 1001, "x" * 1001, bytearray(1001), memoryview(b"x" * 1001)]
)
def test_input_larger_than_the_limit_is_refused(html: bytes | str) -> None:
    with pytest.raises(newsclean.InputTooLarge) as raised:
        newsclean.clean(html, options=Options(max_input_bytes=1000))
    assert (raised.value.size, raised.value.limit) == (1001, 1000)
    assert "1001 bytes exceeds max_input_bytes=1000" in str(raised.value)


def test_input_size_is_checked_before_decoding(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_decoding(*args: object, **kwargs: object) -> None:
        raise AssertionError("decoded")

    monkeypatch.setattr("newsclean.pipeline.decode", no_decoding)
    with pytest.raises(newsclean.LimitExceeded):
        newsclean.clean(b"<p>x</p>" * 10_000_000, options=Options(max_input_bytes=1 << 20))


def test_input_at_the_limit_is_cleaned() -> None:
    html = page(ARTICLE_HTML).encode()
    article = newsclean.clean(html, options=Options(max_input_bytes=len(html)))
    assert_recovered(article)


def test_time_budget_stops_a_long_call_and_returns_nothing() -> None:
    start = time.perf_counter()
    with pytest.raises(newsclean.TimeBudgetExceeded) as raised:
        newsclean.clean(MANY_PARAGRAPHS, options=Options(time_budget=0.2))
    elapsed = time.perf_counter() - start
    assert elapsed < 0.2 + 1.5  # one uninterruptible step (the parse) may overrun
    assert raised.value.budget == 0.2
    assert raised.value.elapsed >= 0.2
    assert raised.value.stage


def test_time_budget_stops_the_flattening_pass() -> None:
    with pytest.raises(newsclean.TimeBudgetExceeded) as raised:
        newsclean.clean("<div>" * 400_000 + ARTICLE_HTML, options=Options(time_budget=0.2))
    assert raised.value.stage == "parse (flattening)"


def test_only_a_deadline_with_a_budget_is_ticked_in_loops() -> None:
    timed = Deadline(1.0)
    assert Deadline(None).for_loops() is None
    assert timed.for_loops() is timed


def test_time_budget_works_in_worker_threads() -> None:
    # No signals: SIGALRM would only ever fire in the main thread.
    options = Options(time_budget=0.1)

    def attempt(_: int) -> str:
        try:
            newsclean.clean(MANY_PARAGRAPHS, options=options)
        except newsclean.TimeBudgetExceeded as error:
            return type(error).__name__
        return "finished"

    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(attempt, range(4))) == ["TimeBudgetExceeded"] * 4


def test_a_budget_that_suffices_changes_nothing() -> None:
    html = page(ARTICLE_HTML)
    assert newsclean.clean(html, options=Options(time_budget=60.0)) == newsclean.clean(html)


def test_explain_honours_the_limits() -> None:
    from newsclean.api import explain

    with pytest.raises(newsclean.TimeBudgetExceeded):
        explain(page(ARTICLE_HTML), options=Options(time_budget=0.0))


@pytest.mark.parametrize(
    "error",
    [newsclean.InputTooLarge(5, 4), newsclean.TimeBudgetExceeded(1.0, 1.5, "classify")],
)
def test_limit_errors_pickle(error: newsclean.LimitExceeded) -> None:
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert str(copy) == str(error)
    assert isinstance(copy, newsclean.LimitExceeded)


@pytest.mark.parametrize(
    ("options", "error"),
    [
        (Options(max_input_bytes=-1), ValueError),
        (Options(max_input_bytes="10"), TypeError),  # type: ignore[arg-type]
        (Options(max_input_bytes=True), TypeError),
        (Options(time_budget=-1.0), ValueError),
        (Options(time_budget=float("nan")), ValueError),
        (Options(time_budget="1"), TypeError),  # type: ignore[arg-type]
    ],
)
def test_bad_limits_are_refused(options: Options, error: type[Exception]) -> None:
    with pytest.raises(error):
        newsclean.clean("<p>x</p>", options=options)


# -- what the fuzzers found --------------------------------------------------------------


def _fuzz_harness() -> Any:
    spec = importlib.util.spec_from_file_location("fuzz_clean", FUZZ / "fuzz_clean.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


FINDINGS = sorted(path for path in (FUZZ / "crashes").iterdir() if path.is_file())


@pytest.mark.parametrize("path", FINDINGS, ids=[path.name for path in FINDINGS])
def test_fuzz_findings_stay_fixed(path: Path) -> None:
    _fuzz_harness().check(path.read_bytes())


def test_a_long_repeated_run_that_is_no_copy_is_compared_once() -> None:
    # 50,000 lines of one element, then the same lines again: one element is no layout's
    # copy, and each line's run must not be compared again from every line after it.
    from types import SimpleNamespace
    from typing import cast

    from newsclean.classify import Decision
    from newsclean.features import Features
    from newsclean.model import Region
    from newsclean.neighbours.copies import drop_repeated_runs
    from newsclean.segment import Segment

    owner = object()
    texts = [f"line {n} of the text" for n in range(50_000)] * 2
    segments = cast(list[Segment], [SimpleNamespace(text=t, owner=owner) for t in texts])
    features = cast(list[Features], [SimpleNamespace(chars=len(t)) for t in texts])
    decisions = [Decision(Region.MAIN, "text", "main:text") for _ in texts]
    start = time.process_time()
    drop_repeated_runs(segments, features, decisions)
    assert time.process_time() - start < 5.0
    assert all(decision.rule == "main:text" for decision in decisions)
