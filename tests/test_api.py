"""The public contract: names, types, serialisation, and behaviour on odd arguments."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys

import pytest

import newsclean
from conftest import SEED_URL
from newsclean import api
from newsclean.model import Article, Block, BlockKind, Story


def test_public_names() -> None:
    assert set(newsclean.__all__) == {
        "Article",
        "Block",
        "BlockKind",
        "EncodingRule",
        "InputTooLarge",
        "LimitExceeded",
        "Options",
        "Region",
        "Story",
        "Template",
        "TemplateSet",
        "TimeBudgetExceeded",
        "__version__",
        "clean",
    }
    for name in newsclean.__all__:
        assert getattr(newsclean, name) is not None


def test_import_is_cheap() -> None:
    code = "import sys, newsclean; print('lxml' in sys.modules)"
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert output.stdout.strip() == "False"


@pytest.mark.parametrize("bad", [None, 42, ["<p>x</p>"], object()])
def test_wrong_html_type_is_a_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="html must be bytes or str"):
        newsclean.clean(bad)  # type: ignore[arg-type]


def test_wrong_keyword_types_are_type_errors() -> None:
    with pytest.raises(TypeError, match="url"):
        newsclean.clean("<p>x</p>", url=b"http://x")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="templates"):
        newsclean.clean("<p>x</p>", templates=[])  # type: ignore[arg-type]


@pytest.mark.parametrize("html", [b"", "", "   \n\t", b"\x00\x00", b"\xff\xfe\x00"])
def test_empty_input_gives_an_empty_article_with_a_warning(html: bytes | str) -> None:
    article = newsclean.clean(html)
    assert article.text == ""
    assert article.warnings


def test_bytes_like_inputs_are_accepted(seed_html: bytes) -> None:
    for html in (bytearray(seed_html), memoryview(seed_html)):
        assert newsclean.clean(html, url=SEED_URL).title  # type: ignore[arg-type]


def test_article_serialises(seed_html: bytes) -> None:
    article = newsclean.clean(seed_html, url=SEED_URL)
    data = json.loads(json.dumps(article.to_dict()))
    assert data["title"] == article.title
    assert data["published"] == "2015-11-17"
    assert data["text"] == article.text
    assert data["encoding_rule"] == article.encoding_rule
    assert pickle.loads(pickle.dumps(article)) == article


def test_article_is_frozen(seed_html: bytes) -> None:
    article = newsclean.clean(seed_html, url=SEED_URL)
    with pytest.raises(AttributeError):
        article.title = "changed"  # type: ignore[misc]


def test_markdown_keeps_structure() -> None:
    html = (
        "<html><body><article><h1>Title of the piece</h1>"
        + "<p>First paragraph of a long enough article, with commas, clauses, and words.</p>" * 3
        + "<h2>A subheading</h2><ul><li>first item</li><li>second item</li></ul>"
        + "<blockquote><p>A quotation that someone said, at length, to a reporter.</p></blockquote>"
        + "<p>Closing paragraph of the article, long enough to count as prose text here.</p>"
        + "</article></body></html>"
    )
    markdown = newsclean.clean(html).to_markdown()
    assert markdown.startswith("# Title of the piece\n")
    assert "\n## A subheading\n" in markdown
    assert "\n- first item\n" in markdown
    assert "\n> A quotation that someone said" in markdown


def test_markdown_regions_on_request(seed_html: bytes) -> None:
    article = newsclean.clean(seed_html, url=SEED_URL)
    assert "## Sidebar stories" not in article.to_markdown()
    with_regions = article.to_markdown(regions=True)
    assert "## Sidebar stories" in with_regions
    assert "## Legal" in with_regions
    assert "## Ads" in with_regions


_NUL_BLOCK = Block(BlockKind.PARAGRAPH, "x\x00")


@pytest.mark.parametrize(
    "article",
    [
        Article(authors=("A\x00",)),
        Article(warnings=("w\ud800",)),
        Article(sidebar_stories=(Story(title="t", text="x\x00"),)),
        Article(
            body=(Block(BlockKind.TABLE, "a\tb", rows=(("a", "b"), ("c", "d\x00"))),),
        ),
        Article(boilerplate=(Block(BlockKind.PARAGRAPH, "ok", path="div\udfff"),)),
        # The blocks' text is searched a slice of blocks at a time: the last slice too.
        Article(body=(*(Block(BlockKind.PARAGRAPH, "ok") for _ in range(1025)), _NUL_BLOCK)),
        # A value of another type where text is declared is looked into all the same.
        Article(ads=(Block(BlockKind.PARAGRAPH, ("x\x00",)),)),  # type: ignore[arg-type]
    ],
)
def test_unsafe_characters_are_found_in_every_nested_field(article: Article) -> None:
    assert not api._is_safe(article)
    safe = api._safe_article(article)
    assert api._is_safe(safe)
    assert "removed NUL or lone surrogate characters from the output" in safe.warnings


def test_a_clean_article_is_safe() -> None:
    block = Block(BlockKind.TABLE, "a\tb", rows=(("a", "b"), ("c", "d")))
    article = Article(title="T", authors=("A",), body=(block,), sidebar_stories=(Story("t"),))
    assert api._is_safe(article)


def test_clean_and_explain_give_the_same_article() -> None:
    # `clean` frees each segment as its block is built; `explain` keeps them all.
    html = (
        "<html><body><nav><a href='/a'>Home</a> <a href='/b'>World</a></nav><article>"
        + "".join(
            f"<p>Paragraph {n}, which says what the council decided, at length.</p>"
            for n in range(8)
        )
        + "<p>Advertisement</p></article><footer><p>© 2024 The Paper. All rights reserved.</p>"
        "</footer></body></html>"
    )
    extraction = api.explain(html, templates=newsclean.TemplateSet())
    assert extraction.segments
    assert newsclean.clean(html, templates=newsclean.TemplateSet()) == extraction.article
