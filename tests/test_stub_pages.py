"""Pages with no article structure at all: their text is the article, with a warning."""

from __future__ import annotations

import newsclean

BARE_WARNING = "no article structure found: the page's whole text is the article"


def test_a_bare_body_is_the_article() -> None:
    article = newsclean.clean("<html><head><title>T</title></head><body>Hello there</body></html>")
    assert article.text == "Hello there"
    assert BARE_WARNING in article.warnings


def test_short_headings_alone_are_the_article() -> None:
    article = newsclean.clean(
        "<html><body><article><h2>First section</h2><img src='a.png'>"
        "<h2>Second section</h2></article></body></html>"
    )
    assert "First section" in article.text and "Second section" in article.text


def test_a_page_of_navigation_stays_without_an_article() -> None:
    article = newsclean.clean(
        "<html><body><nav><a href='/a'>Home</a> <a href='/b'>World</a></nav>"
        "<footer>Contact us</footer></body></html>"
    )
    assert article.text == ""
    assert "no main content found" in article.warnings
    assert BARE_WARNING not in article.warnings


def test_decoding_debris_is_not_an_article() -> None:
    article = newsclean.clean(b"\xff\xfe\x00")
    assert article.text == ""
