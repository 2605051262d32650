"""Streamed server rendering (React Suspense): hidden segments go where the browser shows them."""

from __future__ import annotations

import lxml.html
from lxml import etree

import newsclean
from newsclean.streaming import place_streamed_segments

ARTICLE = "".join(
    f"<p>Paragraph {n} of the streamed article tells the reader something worth reading "
    f"about the harbour, the tides and the town council's long argument over both.</p>"
    for n in range(1, 6)
)


def _page(body: str) -> str:
    return f"<html><head><title>Harbour</title></head><body>{body}</body></html>"


def _text_of(html: str) -> str:
    root = lxml.html.document_fromstring(html)
    place_streamed_segments(root)
    etree.strip_elements(root, "script", with_tail=False)
    body = root.find("body")
    assert body is not None
    return " ".join(etree.tostring(body, method="text", encoding="unicode").split())


def test_a_completed_boundary_replaces_its_fallback_with_the_segment() -> None:
    page = _page(
        "<header>Site</header><main><!--$?--><template id='B:0'></template>"
        "<div class='spinner'>Loading the story</div><!--/$--></main><footer>Footer</footer>"
        f"<div hidden id='S:0'><article>{ARTICLE}</article></div>"
        "<script>$RC('B:0','S:0')</script>"
    )
    text = _text_of(page)
    assert "Loading the story" not in text
    assert text.index("Site") < text.index("Paragraph 1") < text.index("Footer")


def test_without_scripts_segments_pair_with_placeholders_by_number() -> None:
    page = _page(
        "<main><!--$?--><template id='B:1'></template><!--/$--></main><footer>Footer</footer>"
        "<div hidden id='S:1'><p>First part.</p><template id='P:2'></template></div>"
        "<div hidden id='S:2'><p>Second part.</p></div>"
    )
    assert _text_of(page) == "First part.Second part.Footer"


def test_a_placeholder_filled_by_rs_keeps_the_text_around_it() -> None:
    page = _page(
        "<div>before <template id='P:3'></template> after</div>"
        '<div hidden id=\'S:3\'>lead <b>bold</b> end</div><script>$RS("S:3","P:3")</script>'
    )
    assert _text_of(page) == "before lead bold end after"


def test_a_segment_with_no_placeholder_is_shown_where_it_is() -> None:
    page = _page("<p>Top.</p><div hidden id='S:7'><p>Orphan segment.</p></div>")
    root = lxml.html.document_fromstring(page)
    assert place_streamed_segments(root) == 0
    segment = root.find(".//div[@id='S:7']")
    assert segment is not None and segment.get("hidden") is None


def test_a_boundary_without_its_closing_comment_keeps_what_follows() -> None:
    page = _page(
        "<main><!--$?--><template id='B:0'></template><p>Kept sibling.</p></main>"
        "<div hidden id='S:0'><p>Streamed.</p></div>"
    )
    text = _text_of(page)
    assert "Kept sibling." in text and "Streamed." in text


def test_clean_finds_the_article_of_a_streamed_page() -> None:
    page = _page(
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        "<!--$?--><template id='B:0'></template><p>Loading</p><!--/$-->"
        f"<div hidden id='S:0'><article><h1>Harbour</h1>{ARTICLE}</article></div>"
        '<script>$RC("B:0","S:0")</script>'
    )
    article = newsclean.clean(page)
    assert "Paragraph 1 of the streamed article" in article.text
    assert "Paragraph 5 of the streamed article" in article.text
    assert "Loading" not in article.text
