"""Sidebar segments grouped into one Story per story."""

from __future__ import annotations

import newsclean
from conftest import PROSE


def _clean(extra: str) -> newsclean.Article:
    html = f"<html><body><div class='story-body'>{PROSE * 5}</div>{extra}</body></html>"
    return newsclean.clean(
        html, url="https://example.com/news/x", templates=newsclean.TemplateSet()
    )


def test_embedded_side_story_with_dateline() -> None:
    side = (
        "<table align='right'><tr><td><b>Mayor resigns after budget row</b><br>"
        "Springfield (AP) Nov 3, 2021 - The mayor of Springfield resigned on Wednesday, a day "
        "after the council approved a budget she had opposed for months."
        "<p>She said she would stay on until a successor is chosen by the council, early next "
        "year, and thanked the staff of the city for their work.</p></td></tr></table>"
    )
    (story,) = _clean(side).sidebar_stories
    assert story.title == "Mayor resigns after budget row"
    assert story.dateline == "Springfield (AP) Nov 3, 2021"
    assert story.text.startswith("The mayor of Springfield resigned")
    assert story.text.count("\n\n") == 1
    assert story.url is None


def test_teaser_text_joins_its_headline_and_loses_read_more() -> None:
    teaser = (
        "<div><a href='/news/2021/mayor-resigns-after-row'><b>Mayor resigns after row</b></a>"
        "<br>"
        "The mayor of Springfield resigned on Wednesday, a day after the council approved the "
        "budget she had opposed ... "
        "<a href='/news/2021/mayor-resigns-after-row'>read more</a></div>"
    )
    (story,) = _clean(teaser).sidebar_stories
    assert story.title == "Mayor resigns after row"
    assert story.url == "https://example.com/news/2021/mayor-resigns-after-row"
    assert story.text.endswith("budget she had opposed")


def test_a_card_one_link_wraps_is_one_story_titled_by_its_heading() -> None:
    # The card's kicker and summary are the story's text, not stories of their own.
    cards = "".join(
        f"<a href='/news/2021/council-story-{n}'><div>Politics</div>"
        f"<h4>Council story number {n} is told here</h4>"
        f"<p>The council met again on day {n} and talked about the budget for hours.</p></a>"
        for n in (1, 2)
    )
    stories = _clean(f"<div>{cards}</div>").sidebar_stories
    assert [(s.title, s.url) for s in stories] == [
        (
            f"Council story number {n} is told here",
            f"https://example.com/news/2021/council-story-{n}",
        )
        for n in (1, 2)
    ]
    assert (
        stories[0].text == "The council met again on day 1 and talked about the budget for hours."
    )


def test_prose_without_a_headline_is_not_a_story() -> None:
    about = (
        "<div class='about'><p>Example News is an independent newspaper founded in 1901, "
        "published every morning and read by many people in the whole region.</p></div>"
    )
    article = _clean(about)
    assert article.sidebar_stories == ()
    assert any("independent newspaper" in b.text for b in article.boilerplate)


def test_a_related_box_gives_stories_with_and_without_links() -> None:
    from newsclean.model import Region

    related = (
        "<div class='related'><h3>Related</h3>"
        "<a href='/news/1'><h4>Mayor opens the new library on Main Street</h4></a>"
        "<h4>Council approves the budget for the coming year</h4>"
        "<p>The vote came after a long debate that lasted into the evening.</p>"
        "<a href='./news_view.htm?lang=e&amp;Seq_Code=181533'>Rival parties clash over the plan</a>"
        "</div>"
    )
    html = f"<html><body><article>{PROSE * 4}</article>{related}</body></html>"
    article = newsclean.clean(
        html, url="https://news.example.com/a/b", templates=newsclean.TemplateSet()
    )
    stories = [(s.title, s.url, s.text) for s in article.sidebar_stories]
    assert stories == [
        ("Mayor opens the new library on Main Street", "https://news.example.com/news/1", ""),
        (
            "Council approves the budget for the coming year",
            None,
            "The vote came after a long debate that lasted into the evening.",
        ),
        (
            "Rival parties clash over the plan",
            "https://news.example.com/a/news_view.htm?lang=e&Seq_Code=181533",
            "",
        ),
    ]
    assert [(b.text, b.region) for b in article.boilerplate if b.text == "Related"] == [
        ("Related", Region.BOILERPLATE)
    ]


def test_a_link_that_is_no_url_stays_as_written() -> None:
    # "http://[abc/" makes urlsplit and urljoin raise (an unclosed IPv6 bracket): found
    # by the fuzz harness, clean() raised ValueError.
    related = (
        "<div class='related'><h3>Related</h3>"
        "<a href='http://[abc/news/2024/mayor-opens-library'>"
        "<h4>Mayor opens the new library on Main Street</h4></a>"
        "<a href='http://[abc/news/2024/council-budget'>"
        "Council approves the budget for the coming year and more</a></div>"
    )
    article = _clean(related)
    urls = {story.url for story in article.sidebar_stories}
    assert "http://[abc/news/2024/mayor-opens-library" in urls


def test_backslashes_in_a_link_are_slashes_as_browsers_read_them() -> None:
    related = (
        "<div class='related'><h3>Related</h3>"
        "<a href='\\news\\2024\\mayor-opens-the-new-library'>"
        "<h4>Mayor opens the new library on Main Street</h4></a></div>"
    )
    (story,) = _clean(related).sidebar_stories
    assert story.url == "https://example.com/news/2024/mayor-opens-the-new-library"


def _all_text(article: newsclean.Article) -> str:
    stories = [f"{story.title} {story.text}" for story in article.sidebar_stories]
    blocks = [*article.body, *article.ads, *article.legal, *article.boilerplate]
    return " ".join([*stories, *(block.text for block in blocks)])


def test_a_tag_cloud_with_a_few_long_tags_is_navigation_and_keeps_every_tag() -> None:
    tags = ["Elections", "Budget", "Weather", "Schools", "Transport", "Police", "Housing"]
    tags += ["City council budget vote", "Flood defence plan"]
    links = " ".join(f"<a href='/tag/{t.lower().replace(' ', '-')}/'>{t}</a>" for t in tags)
    article = _clean(f"<aside class='sidebar'><div class='tagcloud'>{links}</div></aside>")
    assert article.sidebar_stories == ()
    text = _all_text(article)
    assert all(tag in text for tag in tags)


def test_a_related_run_mostly_of_other_links_gives_no_story_and_loses_nothing() -> None:
    links = (
        "<a href='https://example.com/p/research-team-notes-on-sparse-probes'>"
        "Notes on sparse probes</a>"
        "<a href='https://pypi.org/project/probe-kit/'>Probe kit repository</a>"
        "<a href='https://example.org/spaces/leaderboard'>Benchmark leaderboard</a>"
    )
    article = _clean(f"<div class='sidebar'><div>{links}</div></div>")
    assert article.sidebar_stories == ()
    text = _all_text(article)
    assert "Probe kit repository" in text and "Benchmark leaderboard" in text
