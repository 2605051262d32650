"""Title, byline, dateline, section and dates, printed and declared."""

from __future__ import annotations

import datetime as dt

import pytest

import newsclean


def _clean(head: str, body: str) -> newsclean.Article:
    html = f"<html lang='de-DE'><head>{head}</head><body>{body}</body></html>"
    return newsclean.clean(html, templates=newsclean.TemplateSet())


PROSE = "<p>" + "Ein langer Satz über die Politik, die Wirtschaft und das Wetter. " * 3 + "</p>"


def test_printed_header_around_the_title() -> None:
    article = _clean(
        "<title>Big news today - Example Times</title>",
        f"<div><span>POLITICS</span><h1>Big news today</h1><p>By Jane Doe and John Roe</p>"
        f"<p>Nov 3, 2021</p>{PROSE * 3}</div>",
    )
    assert article.title == "Big news today"
    assert article.section == "POLITICS"
    assert article.byline == "By Jane Doe and John Roe"
    assert article.authors == ("Jane Doe", "John Roe")
    assert article.dateline == "Nov 3, 2021"
    assert article.published == dt.date(2021, 11, 3)
    assert "Big news today" not in article.text
    assert "Jane Doe" not in article.text


def test_a_kicker_inside_the_title_heading_is_the_section() -> None:
    article = _clean(
        "<title>Big news today - Example Times</title>",
        f"<div><h1><span class='kicker'>Interne Unterlagen</span> Big news today</h1>"
        f"{PROSE * 3}</div>",
    )
    assert article.title == "Big news today"
    assert article.section == "Interne Unterlagen"
    article = _clean(
        "<title>Big news today</title>",
        f"<div><h1><strong>Blog:</strong> Big news today</h1>{PROSE * 3}</div>",
    )
    assert (article.title, article.section) == ("Big news today", "Blog")


def test_a_heading_with_a_kicker_is_the_title_over_a_logo_heading() -> None:
    # The first <h1> is the site's logo (no word of the declared title); the heading that
    # prints the declared title after its kicker is the title's, not the article's text.
    article = _clean(
        "<title>BMJV | Transparenz bei Preisanpassungen</title>",
        "<h1>Bundesministerium der Justiz</h1><nav><a href='/a'>Start</a></nav>"
        "<div><h1><span class='category'>Thema Verbraucherschutz</span>"
        f"Mehr Transparenz bei Preisanpassungen</h1>{PROSE * 3}</div>",
    )
    assert article.title == "Mehr Transparenz bei Preisanpassungen"
    assert article.section == "Thema Verbraucherschutz"
    assert "Preisanpassungen" not in article.text


def test_an_empty_span_opening_a_heading_is_no_kicker() -> None:
    # A contents plugin's anchor ("span.ez-toc-section") opens the body's own copy of the
    # title; the entry's title above stays the title.
    article = _clean(
        "<title>Brake Pad Guide - From An Certified Mechanic</title>",
        "<h1 class='entry-title'>How to replace brake pads - From an Certified Mechanic</h1>"
        "<div><h1><span class='ez-toc-section' id='x'></span>How To Replace Brake Pads - From"
        f" an Certified Mechanic</h1>{PROSE * 3}</div>",
    )
    assert article.title == "How to replace brake pads - From an Certified Mechanic"


@pytest.mark.parametrize(
    "heading",
    [
        "<h1>Big <em>news</em> today</h1>",  # emphasis inside the title: no kicker first
        "<h1><em class='x'>Big</em> news today</h1>",  # emphasis, not a kicker
        "<h1><span>Big</span> news today</h1>",  # an unclassed span: a piece of the title
        "<h1><span class='k'>Big</span> news</h1>",  # one word left: no title after it
        "<h1><span class='k'>One two three four five</span> Big news today</h1>",  # too long
    ],
)
def test_a_heading_without_a_kicker_keeps_its_title_whole(heading: str) -> None:
    article = _clean("<title>Example</title>", f"<div>{heading}{PROSE * 3}</div>")
    assert article.section is None


def test_a_section_above_the_date_line_over_the_title_is_the_section() -> None:
    article = _clean(
        "<title>Big news today - Example Times</title>",
        f"<div><div>Winter Games</div><div>08.02.2022</div><h1>Big news today</h1>"
        f"{PROSE * 3}</div>",
    )
    assert article.section == "Winter Games"
    assert "Winter Games" not in article.text


def test_declared_metadata_fills_gaps() -> None:
    head = (
        "<meta property='og:title' content='Declared title'>"
        "<meta property='og:site_name' content='Example Zeitung'>"
        "<meta property='article:published_time' content='2020-02-03T10:00:00Z'>"
        "<meta name='author' content='Anna Schmidt'>"
        '<script type="application/ld+json">{"@type": "NewsArticle", "articleSection": "Politik"}'
        "</script>"
    )
    article = _clean(head, PROSE * 3)
    assert article.title == "Declared title"
    assert article.site_name == "Example Zeitung"
    assert article.language == "de"
    assert article.authors == ("Anna Schmidt",)
    assert article.section == "Politik"
    assert article.published == dt.datetime(2020, 2, 3, 10, 0, tzinfo=dt.UTC)


def test_broken_jsonld_is_ignored() -> None:
    head = '<script type="application/ld+json">{"@type": "NewsArticle", </script>'
    assert _clean(head, PROSE * 3).text


@pytest.mark.parametrize(
    "script",
    [
        '<![CDATA[ {"@type": "NewsArticle", "author": {"name": "Jo Roe"},'
        ' "datePublished": "2018-04-05T06:00"} ]]>',
        '{"@type": "NewsArticle", "author": {"name": "Jo Roe"},'
        ' "datePublished": "2018-04-05T06:00", "description": "two\nlines"} }',
    ],
)
def test_jsonld_in_cdata_with_raw_line_breaks_or_trailing_text_is_read(script: str) -> None:
    article = _clean(f'<script type="application/ld+json">{script}</script>', PROSE * 3)
    assert article.authors == ("Jo Roe",)
    assert article.published == dt.datetime(2018, 4, 5, 6, 0)


def test_a_declared_date_with_a_space_before_its_time_keeps_the_time() -> None:
    head = "<meta property='article:published_time' content='2019-04-28 06:01:07'>"
    assert _clean(head, PROSE * 3).published == dt.datetime(2019, 4, 28, 6, 1, 7)


def test_parsely_metas_declare_title_author_and_date() -> None:
    head = (
        "<meta name='parsely-title' content='Some Other Title'>"
        "<meta name='parsely-author' content='Jane Doe'>"
        "<meta name='parsely-pub-date' content='2024-04-20T04:20:00.000Z'>"
    )
    article = _clean(head, PROSE * 3)
    assert article.title == "Some Other Title"
    assert article.authors == ("Jane Doe",)
    assert article.published == dt.datetime(2024, 4, 20, 4, 20, tzinfo=dt.UTC)


def test_a_time_of_publishing_or_a_modification_names_no_day_of_publication() -> None:
    for name in ("published-time", "modified-date", "last-publisher-date"):
        assert _clean(f"<meta name='{name}' content='2026-03-09'>", PROSE * 3).published is None


def test_an_iso_date_printed_with_its_time_dates_the_page() -> None:
    stamp = "<p>Nick van Mead</p><p>2022-11-23T08:10+02:00</p>"
    body = f"<div><h1>Big news today</h1>{stamp}{PROSE * 3}</div>"
    assert _clean("<title>Big news today</title>", body).published == dt.date(2022, 11, 23)


def test_a_long_list_of_declared_authors_and_one_meta_per_author_are_read() -> None:
    names = ["Nicholas Collins", "Scott Munro", "Matt De La O", "Vineet Asthana"]
    names += ["Rory O'Sullivan", "Corey Maurer", "Hamish Shah", "Philipp Bose"]
    article = _clean(f"<meta name='author' content=\"{', '.join(names)}\">", PROSE * 3)
    assert article.authors == tuple(names)
    head = "".join(f"<meta name='citation_author' content=\"{name}\">" for name in names[:3])
    assert _clean(head, PROSE * 3).authors == tuple(names[:3])
    head = "<meta name='DC.creator' content='Jo Roe'><meta name='DC.creator' content='Al Poe'>"
    assert _clean(head, PROSE * 3).authors == ("Jo Roe", "Al Poe")
    # an overlong value that lists no names is still no author
    assert not _clean(f"<meta name='author' content='{'x' * 120}'>", PROSE * 3).authors


def test_a_declared_author_that_is_an_address_or_a_number_is_no_name() -> None:
    for value in ("www.facebook.com/tinyhousejourney", "262588213843476"):
        assert not _clean(f"<meta name='author' content='{value}'>", PROSE * 3).authors
    # a user's name with dots is a name
    assert _clean("<meta name='author' content='sara.r.peter'>", PROSE * 3).authors == (
        "sara.r.peter",
    )
    # a link marked as the author's that reads as no name gives way to the next source
    body = f"<div><h1>Big news</h1>{PROSE * 3}<a rel='author' href='/a'>View more posts</a></div>"
    assert _clean("", body).byline is None


def test_byline_split_over_elements_is_read_as_one_line() -> None:
    article = _clean(
        "",
        "<div><h1>Lithium aus dem Schredder</h1><div class='a-creator'>Von"
        "<ul><li>Denis Dilba</li></ul></div>" + PROSE * 3 + "</div>",
    )
    assert article.byline == "Von Denis Dilba"
    assert article.authors == ("Denis Dilba",)
    assert "Denis Dilba" not in article.text


@pytest.mark.parametrize(
    "line",
    ["Mateusz Seroka, Piotr Żochowski", "Naftali Tishby, Fernando C. Pereira and Wim Bialek"],
)
def test_a_line_of_names_under_the_title_is_the_byline(line: str) -> None:
    body = f"<div><h1>Rosyjskie zamachy w Czechach</h1><p>{line}</p>{PROSE * 3}</div>"
    article = _clean("", body)
    assert article.byline == line
    assert len(article.authors) >= 2
    assert line not in article.text


@pytest.mark.parametrize(
    "line",
    [
        "Fitness Technology and Data-driven Coaching",  # a subheading's words, not names
        "Lawrence Yun, NAR Chief Economist, 2024",  # a figure: no names line
        "<a href='/a/jo'>Jo Roe</a>, <a href='/a/al'>Al Poe</a>",  # links: the menu's
        "Artificial Intelligence",  # one name's worth of words: a section as often
    ],
)
def test_a_line_that_reads_as_no_names_is_no_byline(line: str) -> None:
    article = _clean("", f"<div><h1>Budget approved</h1><p>{line}</p>{PROSE * 3}</div>")
    assert article.byline is None


def test_a_line_of_names_after_the_first_paragraph_is_no_byline() -> None:
    line = "Mateusz Seroka, Piotr Żochowski"
    article = _clean("", f"<div><h1>Budget approved</h1>{PROSE}<p>{line}</p>{PROSE * 2}</div>")
    assert article.byline is None
    assert line in article.text


def test_byline_box_holding_only_a_date_is_no_byline() -> None:
    article = _clean(
        "", "<div><h1>Plumber jailed</h1><p class='byline'>17 April 2012</p>" + PROSE * 3 + "</div>"
    )
    assert article.byline is None
    assert article.published is None or article.published.year == 2012


def test_a_byline_box_holding_a_name_and_a_date_is_the_byline() -> None:
    # The name and the date on two lines of one box classed "author": the name is the
    # byline, the date its dateline.
    body = (
        "<div><h1>Plumber jailed</h1><p class='author'>Andrew Gerrand<br>4 August 2010</p>"
        + PROSE * 3
        + "</div>"
    )
    article = _clean("", body)
    assert article.byline == "Andrew Gerrand"
    assert article.published == dt.date(2010, 8, 4)
    # A "Last updated" label or a weekday before the date ends the names too.
    for line in ("Jo Roe Last Updated: January 7, 2025", "Jo Roe Monday, January 6, 2025"):
        body = f"<div><h1>Plumber jailed</h1><p class='author'>{line}</p>{PROSE * 3}</div>"
        assert _clean("", body).byline == "Jo Roe", line
    body = "<div><h1>Plumber jailed</h1><p class='author'>Last Updated: January 7, 2025</p>"
    assert _clean("", body + PROSE * 3 + "</div>").byline is None
    # a box whose text before the date reads as no name names nobody
    for line in (
        "Veröffentlicht am 8. Februar 2022 von PETA-Team",
        "Veröffentlicht am 19.10.19 um 14:34 Uhr",
        "Bruce Lee Senior Contributor Opinions expressed by Forbes Contributors are their own.",
    ):
        body = f"<div><h1>Plumber jailed</h1><p class='author'>{line}</p>{PROSE * 3}</div>"
        assert _clean("", body).byline is None, line


def test_a_link_to_an_authors_page_near_the_title_names_the_author() -> None:
    body = (
        "<div><h1>Best website builders</h1><div class='summary'>"
        "<a href='https://example.com/author/zach-lezberg/'>Zach Lezberg</a> | May 22, 2025"
        f"</div>{PROSE * 3}</div>"
    )
    article = _clean("", body)
    assert article.byline == "Zach Lezberg"
    assert article.authors == ("Zach Lezberg",)
    # trimmed like a printed byline
    body = f"<div><h1>Big news</h1><p><a href='/author/ryan/'>Ryan Merkley, CEO</a></p>{PROSE * 3}"
    assert _clean("", body + "</div>").authors == ("Ryan Merkley",)
    # A link to a listing of other kinds, or one whose text is no name, is none.
    for link in (
        "<a href='/tag/websites/'>Zach Lezberg</a>",
        "<a href='/author/z/'>View all posts</a>",
    ):
        body = f"<div><h1>Best website builders</h1><p>{link}</p>{PROSE * 3}</div>"
        assert _clean("", body).byline is None, link


def test_a_byline_label_on_a_line_of_its_own_reads_the_next_line() -> None:
    for label, names, authors in [
        ("Written by", "Edzel Tabing", ("Edzel Tabing",)),
        ("By", "The Meetingnotes Team", ("The Meetingnotes Team",)),
        ("Written by", "Eliz - Product marketer", ("Eliz",)),
    ]:
        body = f"<div><h1>Big news today</h1><p>{label}</p><p>{names}</p>{PROSE * 3}</div>"
        article = _clean("<title>Big news today</title>", body)
        assert article.authors == authors, names
    # a sentence after the label is no byline
    body = "<div><h1>Big news today</h1><p>Written By</p><p>I dove into the zero waste life.</p>"
    assert _clean("", body + PROSE * 3 + "</div>").byline is None


def test_whole_article_with_author_class_is_no_byline() -> None:
    article = _clean(
        "",
        "<article class='author-article'><h1>Podolski joins</h1>"
        + PROSE * 3
        + "<div class='share'>Facebook</div></article>",
    )
    assert article.byline is None


def test_declared_author_is_the_byline_when_none_is_printed() -> None:
    authors = '[{"name": "Ann Lee"}, {"name": "Bo Kim"}]'
    head = f'<script type="application/ld+json">{{"@type": "Article", "author": {authors}}}'
    head += "</script>"
    article = _clean(head, PROSE * 3)
    assert article.byline == "Ann Lee, Bo Kim"
    assert article.authors == ("Ann Lee", "Bo Kim")


def test_marked_up_author_is_the_byline_when_nothing_is_declared() -> None:
    footer = "<footer><a rel='author' href='/u/a'>Ann Lee</a></footer>"
    body = f"<div><h1>Title</h1>{PROSE * 3}{footer}</div>"
    assert _clean("", body).byline == "Ann Lee"


def test_an_author_url_is_no_byline() -> None:
    head = "<meta property='article:author' content='https://social.example/annlee'>"
    article = _clean(head, PROSE * 3)
    assert article.byline is None and article.authors == ()


def test_an_author_url_gives_way_to_a_later_declared_name() -> None:
    head = (
        "<meta property='article:author' content='https://social.example/annlee'>"
        "<meta name='author' content='Ann Lee'>"
    )
    assert _clean(head, PROSE * 3).authors == ("Ann Lee",)


def test_a_labelled_twitter_card_names_the_author() -> None:
    head = (
        "<meta name='twitter:label1' content='Written by'>"
        "<meta name='twitter:data1' content='Ann Lee'>"
        "<meta name='twitter:label2' content='Est. reading time'>"
        "<meta name='twitter:data2' content='4 minutes'>"
    )
    assert _clean(head, PROSE * 3).authors == ("Ann Lee",)


def test_a_twitter_card_with_another_label_names_nobody() -> None:
    head = (
        "<meta name='twitter:label1' content='Est. reading time'>"
        "<meta name='twitter:data1' content='4 minutes'>"
    )
    assert _clean(head, PROSE * 3).authors == ()


@pytest.mark.parametrize("placeholder", ["No Author", "Unknown", "N/A", "null"])
def test_a_placeholder_author_is_no_byline(placeholder: str) -> None:
    head = f"<meta name='author' content='{placeholder}'>"
    article = _clean(head, PROSE * 3)
    assert article.byline is None and article.authors == ()


def test_printed_byline_stops_before_the_date_and_labels_on_its_line() -> None:
    for line, byline in [
        ("By Jane DoePublished: Jan 29, 2025", "By Jane Doe"),
        ("by Jane Doe | Science | 8 min read", "by Jane Doe"),
        ("By Jane Doe on January 21, 2023", "By Jane Doe"),
        ("By Jane Doe - Mar 27, 2024", "By Jane Doe"),
    ]:
        article = _clean("", f"<div><h1>Big news today</h1><p>{line}</p>{PROSE * 3}</div>")
        assert (article.byline, article.authors) == (byline, ("Jane Doe",)), line
        assert "Jane Doe" not in article.text


def test_a_printed_by_without_a_name_gives_way_to_the_declared_author() -> None:
    head = "<meta name='author' content='Ann Lee'>"
    body = f"<div><h1>Big news today</h1><p class='byline'>By:</p>{PROSE * 3}</div>"
    assert _clean(head, body).byline == "Ann Lee"


def test_declared_values_are_unescaped_and_nameless_authors_skipped() -> None:
    authors = '[{"name": "Maria &amp; Kat"}, {"@type": "Person"}]'
    head = f'<script type="application/ld+json">{{"@type": "Article", "author": {authors}}}'
    head += "</script><meta property='og:title' content='Tips &amp;#x26; Tricks'>"
    article = _clean(head, PROSE * 3)
    assert article.authors == ("Maria", "Kat")
    assert article.title == "Tips & Tricks"


def test_a_date_printed_near_the_title_dates_an_undeclared_article() -> None:
    for line, day in [
        ("September 1st, 2023", dt.date(2023, 9, 1)),
        ("Last updated on 17 December 2025", dt.date(2025, 12, 17)),
        ("12.12.2025", dt.date(2025, 12, 12)),
        ("HealthDECEMBER 22, 2022Updated: JANUARY 02, 2026", dt.date(2022, 12, 22)),
    ]:
        body = f"<div><h1>Big news today</h1><div><span>{line}</span></div>{PROSE * 3}</div>"
        assert _clean("", body).published == day, line


def test_a_date_inside_prose_does_not_date_the_article() -> None:
    prose = "<p>" + "On 12 May 2024 the council met and argued about roads and taxes. " * 3
    body = f"<div><h1>Big news today</h1>{prose}</p>{PROSE * 3}</div>"
    assert _clean("", body).published is None


def test_a_site_name_part_is_cut_from_the_title() -> None:
    site = "<meta property='og:site_name' content='Example Times'>"
    host = "<link rel='canonical' href='https://www.newsexample.com/story'>"
    cases = [
        (site + "<title>Big news today – Example Times</title>", "Big news today"),
        (site + "<title>Example Times | Big news today</title>", "Big news today"),
        (host + "<title>Big news today | NewsExample.com</title>", "Big news today"),
        (site + "<title>Big news today - Opinion</title>", "Big news today - Opinion"),
        # what a "|" sets off is no part of the title: a section, a tagline
        (site + "<title>Big news today | Opinion</title>", "Big news today"),
        (site + "<title>Big news today | Health | UC Davis</title>", "Big news today"),
        (site + "<title>Big news | Opinion</title>", "Big news | Opinion"),  # too short alone
    ]
    for head, title in cases:
        assert _clean(head, PROSE * 3).title == title, head
    # the address the page is cleaned under names the site too
    html = "<html><head><title>GAME CHANGER | Newegg.com</title></head><body>"
    html += PROSE * 3 + "</body></html>"
    url = "https://promotions.newegg.com/zotac/index.html"
    assert newsclean.clean(html, url=url, templates=newsclean.TemplateSet()).title == (
        "GAME CHANGER"
    )


def test_a_jsonld_author_given_by_id_is_named_by_its_node() -> None:
    graph = (
        '{"@graph": [{"@type": "Article", "author": {"@id": "#ann"}},'
        ' {"@type": "Person", "@id": "#ann", "name": "Ann Lee"}]}'
    )
    head = f'<script type="application/ld+json">{graph}</script>'
    assert _clean(head, PROSE * 3).byline == "Ann Lee"


def test_an_h1_sharing_no_word_with_the_declared_title_is_not_the_title() -> None:
    # The page's only <h1> is its logo; the story's title is what <title> declares. The
    # byline under the <h1> is still read.
    body = f"<div><h1>Example Times</h1><p>By Jane Doe</p>{PROSE * 3}</div>"
    article = _clean("<title>Council votes on the new bridge</title>", body)
    assert article.title == "Council votes on the new bridge"
    assert article.byline == "By Jane Doe"
    # An <h1> that words the story differently from <title> is still its title.
    body = f"<div><h1>Council approves the bridge</h1>{PROSE * 3}</div>"
    assert _clean("<title>Bridge vote: council says yes</title>", body).title == (
        "Council approves the bridge"
    )


def test_an_h1_naming_the_site_is_not_the_title() -> None:
    # A blog's name as the page's <h1>: the part of <title> that og:title leaves out.
    body = f"<div><h1>Silicon Exposed</h1><p>By Jane Doe</p>{PROSE * 3}</div>"
    head = (
        "<title>Silicon Exposed: Open Verilog flow for GreenPak4</title>"
        "<meta property='og:title' content='Open Verilog flow for GreenPak4'>"
    )
    article = _clean(head, body)
    assert article.title == "Open Verilog flow for GreenPak4"
    assert article.byline == "By Jane Doe"
    # ... or the og:site_name.
    head = (
        "<title>Lessons Learned | The lean startup</title>"
        "<meta property='og:site_name' content='Lessons Learned'>"
        "<meta property='og:title' content='The lean startup, again'>"
    )
    body = f"<div><h1>Lessons Learned</h1>{PROSE * 3}</div>"
    assert _clean(head, body).title == "The lean startup, again"
    # A story's <h1> stays the title where og:title is the site's name ("Story | Site").
    head = (
        "<title>Which lawnmower suits which lawn? | Robomow</title>"
        "<meta property='og:title' content='Robomow'>"
        "<meta property='og:site_name' content='Robomow'>"
    )
    body = f"<div><h1>Which lawnmower suits which lawn?</h1>{PROSE * 3}</div>"
    assert _clean(head, body).title == "Which lawnmower suits which lawn?"


def test_a_declared_date_is_read_where_it_reads_as_a_date() -> None:
    cases = [
        # an unreadable first value is passed over for the next source
        (
            '<script type="application/ld+json">{"@type": "Article", "datePublished":'
            ' "Please enter a valid date."}</script>'
            "<meta property='article:published_time' content='2025-03-27T10:00:00'>",
            dt.date(2025, 3, 27),
        ),
        (
            "<meta itemprop='datePublished' content='2020-12-23T11:48:54-0800'>",
            dt.date(2020, 12, 23),
        ),
        ("<meta name='citation_publication_date' content='2019/1/22'>", dt.date(2019, 1, 22)),
        ("<meta name='citation_publication_date' content='2023 Jan 7'>", dt.date(2023, 1, 7)),
        ("<meta name='published' content='July 17, 2025'>", dt.date(2025, 7, 17)),
        # metas named for the day of publication
        ("<meta name='published-date' content='2021-02-16'>", dt.date(2021, 2, 16)),
        ("<meta name='w-published-date' content='2025-05-27T06:03:43Z'>", dt.date(2025, 5, 27)),
        ("<meta name='publish_date' content='2019-08-01'>", dt.date(2019, 8, 1)),
        ("<meta name='pubdate' content='2018-03-04'>", dt.date(2018, 3, 4)),
        ("<meta name='publication-date' content='2017-05-06'>", dt.date(2017, 5, 6)),
    ]
    for head, day in cases:
        published = _clean(head, PROSE * 3).published
        assert published is not None, head
        assert dt.date(published.year, published.month, published.day) == day, head
    body = "<time datetime='on Friday December 19, 2025 @08:00PM'>Friday</time>" + PROSE * 3
    assert _clean("", body).published == dt.date(2025, 12, 19)


def test_a_date_line_far_below_the_title_dates_an_otherwise_undated_page() -> None:
    filler = "".join(f"<p>Paragraph {n} of a long story about the bridge.</p>" for n in range(20))
    story = f"<h1>Council votes on the bridge</h1>{PROSE * 3}{filler}"
    posted = "<p>Posted on April 13, 2023</p>"
    assert _clean("", f"<div>{story}{posted}</div>").published == dt.date(2023, 4, 13)
    # a sentence that mentions a day is no date line
    said = "<p>The council first met about it on April 13, 2023 in the town hall.</p>"
    assert _clean("", f"<div>{story}{said}</div>").published is None
    # the day in the page's address comes first
    html = f"<html><head></head><body><div>{story}{posted}</div></body></html>"
    article = newsclean.clean(
        html, url="https://example.com/2024/03/17/bridge", templates=newsclean.TemplateSet()
    )
    assert article.published == dt.date(2024, 3, 17)


def _under_headline(line: str) -> newsclean.Article:
    """A page whose headline (also its <title>) is followed by `line`, then the story."""
    body = f"<div><h1>Big news today</h1>{line}{PROSE * 3}</div>"
    return _clean("<title>Big news today</title>", body)


def test_a_printed_byline_drops_the_job_title_and_the_date_before_its_label() -> None:
    cases = [
        ("<p>By Jane Doe, Senior Editor</p>", "By Jane Doe", ("Jane Doe",)),
        ("<p>By Jo Roe ⋅ Review Editor ⋅</p>", "By Jo Roe", ("Jo Roe",)),
        (
            "<div class='post-byline'><span>Apr 12</span> <span>Written By Tina Flint</span></div>",
            "Written By Tina Flint",
            ("Tina Flint",),
        ),
        (
            "<div class='byline'>Text by Hunter Dukes</div>",
            "Text by Hunter Dukes",
            ("Hunter Dukes",),
        ),
        ("<p>By Ann Lee, MD, FACP</p>", "By Ann Lee, MD, FACP", ("Ann Lee", "MD", "FACP")),
    ]
    for line, byline, authors in cases:
        article = _under_headline(line)
        assert (article.byline, article.authors) == (byline, authors), line


def test_a_printed_byline_stops_before_a_handle_or_a_spanish_date() -> None:
    cases = [
        ("<p>By Alissa Wilkinson@alissamarie</p>", "By Alissa Wilkinson"),
        ("<p>By Ahiza Garcia @ahiza_garcia</p>", "By Ahiza Garcia"),
        ("<p>By desk@example.com</p>", "By desk@example.com"),
        ("<p>Por César Salza 1 de diciembre de 2017 3:00 AM</p>", "Por César Salza"),
    ]
    for line, byline in cases:
        assert _under_headline(line).byline == byline, line


def test_a_page_with_no_date_is_dated_by_its_address() -> None:
    html = f"<html><head></head><body><h1>Big news today</h1>{PROSE * 3}</body></html>"
    url = "https://blog.example.com/articles/2025-12-15+Big+news"
    article = newsclean.clean(html, url=url, templates=newsclean.TemplateSet())
    assert article.published == dt.date(2025, 12, 15)
    canonical = "<link rel='canonical' href='https://example.com/2024/03/17/big-news/'>"
    assert _clean(canonical, PROSE * 3).published == dt.date(2024, 3, 17)
    assert (
        _clean("<link rel='canonical' href='https://example.com/2024/13/45/'>", PROSE).published
        is None
    )


def test_a_numeric_date_reads_its_month_by_the_page_language() -> None:
    def printed(line: str, head: str = "") -> dt.date | dt.datetime | None:
        body = f"<div><h1>Big news today</h1><div><span>{line}</span></div>{PROSE * 3}</div>"
        return _clean(head, body).published

    assert printed("Updated: 10/31/2024") == dt.date(2024, 10, 31)
    assert printed("13/11/2025") == dt.date(2025, 11, 13)
    assert printed("3/4/2025") == dt.date(2025, 4, 3)  # a page in German: day first
    assert printed("3/4/2025", "<meta property='og:locale' content='en_US'>") == dt.date(2025, 3, 4)
    assert printed("3/4/2025", "<meta property='og:locale' content='en_GB'>") == dt.date(2025, 4, 3)
    assert printed("02-12-2025") is None  # with dashes either order is common


def test_a_printed_byline_drops_a_comma_less_job_title_and_glued_buttons() -> None:
    cases = [
        ("<p>By Ben Silverman Games Editor</p>", "By Ben Silverman"),
        ("<p>By Tuhin Bhatt Co-founder of Intelivita</p>", "By Tuhin Bhatt"),
        ("<p>By Elena Linker Marketing Operations Analyst</p>", "By Elena Linker"),
        ("<p>By Jo Editor</p>", "By Jo Editor"),  # a surname that is a job word stays
        ("<p>By Jo McDonald Staff Writer</p>", "By Jo McDonald"),
        ("<p>By Patrick Allan ProfileFollowUnfollow</p>", "By Patrick Allan"),
        ("<p>By the Lavazza Team 2–3 minutes</p>", "By the Lavazza Team"),  # reading time
        # a job title glued to the last name; a name's own inner capital stays
        ("<p>By Matt CheckHead Winemaker</p>", "By Matt Check"),
        ("<p>By Jo RoeStaff Writer</p>", "By Jo Roe"),
        ("<p>By Danielle DeSiato</p>", "By Danielle DeSiato"),
        # the publication's name in capitals after a name that is not
        ("<p>By Brian Truitt USA TODAY</p>", "By Brian Truitt"),
        ("<p>By JEFFREY GETTLEMAN</p>", "By JEFFREY GETTLEMAN"),
        ("<p>By Jo Roe at 4:00 PM EST</p>", "By Jo Roe at 4:00 PM EST"),
        # a job title after a comma that opens on a rank or ends on a profession
        ("<p>By Jo Roe, Senior Staff Technologist, ACLU Project</p>", "By Jo Roe"),
        ("<p>By Jo Roe, Data Scientist</p>", "By Jo Roe"),
    ]
    for line, byline in cases:
        assert _under_headline(line).byline == byline, line


def test_a_byline_box_naming_nobody_gives_way_to_the_declared_author() -> None:
    head = "<title>Big news today</title><meta name='author' content='Liza Burke'>"
    for box in ("Learn about our editorial policies", "Insights from"):
        body = f"<div><h1>Big news today</h1><div class='byline'>{box}</div>{PROSE * 3}</div>"
        assert _clean(head, body).byline == "Liza Burke", box
    body = f"<div><h1>Big news today</h1><div class='byline'>Jo Roe</div>{PROSE * 3}</div>"
    assert _clean(head, body).byline == "Jo Roe"


def test_a_printed_byline_stops_at_a_date_glued_to_it() -> None:
    cases = [
        ("<p>by Jeffrey ZeldmanNovember 20, 2007</p>", "by Jeffrey Zeldman"),
        ("<p>By Conor AllisonJanuary 14, 202620 Mins Read</p>", "By Conor Allison"),
        ("<p>by Jill Barshay August 25, 2025August 29, 2025</p>", "by Jill Barshay"),
        ("<p>By Ann Lee May 2nd 202511 mins</p>", "By Ann Lee"),
        ("<p>By Summer Swann -</p>", "By Summer Swann"),
        ("<p>By Eco Flow- 2025/4/29</p>", "By Eco Flow"),
        ("<p>By Mayank Gupta</p>", "By Mayank Gupta"),  # "May" opens no date here
    ]
    for line, byline in cases:
        assert _under_headline(line).byline == byline, line


def test_a_written_by_line_is_a_printed_byline() -> None:
    for line in ("Written by Jo Roe", "Written by: Jo Roe", "By: Jo Roe"):
        article = _under_headline(f"<p>{line}</p>")
        assert (article.byline, article.authors) == (line, ("Jo Roe",)), line
        assert "Jo Roe" not in article.text


def test_a_byline_drops_icon_glyphs_and_a_name_printed_twice() -> None:
    box = "<div class='byline'>\ue08a Joaquin Fernandez</div>"
    article = _under_headline(box)
    assert (article.byline, article.authors) == ("Joaquin Fernandez", ("Joaquin Fernandez",))
    article = _under_headline("<div class='byline'>Written by: Colin Gray Colin Gray</div>")
    assert (article.byline, article.authors) == ("Written by: Colin Gray", ("Colin Gray",))


def test_the_date_after_a_bylines_names_is_its_dateline() -> None:
    article = _under_headline(
        "<p>By Louis Jacobson on Monday, November 18th, 2019 at 11:04 a.m.</p>"
    )
    assert article.byline == "By Louis Jacobson"
    assert article.dateline == "Monday, November 18th, 2019 at 11:04 a.m."
    assert article.published == dt.date(2019, 11, 18)


def test_a_photo_caption_under_the_title_is_no_dateline() -> None:
    line = (
        "<figure><img src='a.jpg'><figcaption>A ship leaves port, on Aug. 31, 2019. (AP)"
        "</figcaption></figure><p>By Lou Jacobs on Monday, November 18th, 2019</p>"
    )
    article = _under_headline(line)
    assert article.dateline == "Monday, November 18th, 2019"
    assert article.published == dt.date(2019, 11, 18)


def test_an_element_classed_as_the_authors_name_names_the_author() -> None:
    for box, name in (
        ("<p class='authorName'>Podium Staff</p>", "Podium Staff"),
        ("<div><span class='author-name'>Dakota Hebert</span></div>", "Dakota Hebert"),
        (
            "<span class='author vcard'><a class='fn n' href='/u/'>Trevor Jones</a></span>",
            "Trevor Jones",
        ),
        ("<div class='post-author__name'>Chris Carroll30 Sep 2022, 11:07am</div>", "Chris Carroll"),
    ):
        article = _clean("", f"<div><h1>Big news today</h1>{PROSE * 3}{box}</div>")
        assert article.authors == (name,), box


def test_a_commenters_name_or_an_infobox_subject_is_no_author() -> None:
    comments = "<ol class='comment-list'><li><div class='comment-author vcard'><cite class='fn'>"
    comments += "Jo Reader</cite></div><span class='author-name'>Jo Reader</span></li></ol>"
    infobox = "<table class='infobox vcard'><tr><td class='fn'>New Zealand</td></tr></table>"
    for box in (comments, infobox):
        for prose in (PROSE * 3, PROSE * 20):  # within the header's reach, and far below it
            article = _clean("", f"<div><h1>Big news today</h1>{prose}{box}</div>")
            assert article.authors == (), box


def test_a_byline_box_reading_as_a_phrase_names_nobody() -> None:
    head = "<title>Big news today</title><meta name='author' content='Liza Burke'>"
    for box in (
        "Cite this Webpage",
        "Get in touch",
        "Who is Jeff Hoyt?",
        "Guide by",
        "page.head.extra.author",
        "262588213843476",
        "www.facebook.com/tinyhouse",
    ):
        body = f"<div><h1>Big news today</h1><div class='byline'>{box}</div>{PROSE * 3}</div>"
        assert _clean(head, body).byline == "Liza Burke", box
    for box in ("Ludwig van Beethoven", "Jane Doe and John Roe", "the Lavazza Team"):
        body = f"<div><h1>Big news today</h1><div class='byline'>{box}</div>{PROSE * 3}</div>"
        assert _clean(head, body).byline == box, box


def test_a_printed_byline_reads_more_labels_and_stops_at_a_second_credit() -> None:
    cases = [
        ("<div class='byline'>Written byAAA Travel Editors</div>", ("AAA Travel Editors",)),
        ("<div class='byline'>byClemson News</div>", ("Clemson News",)),
        ("<p>Recipe by PJ Hamel</p>", ("PJ Hamel",)),
        ("<p>Article by: Cara Dumaplin</p>", ("Cara Dumaplin",)),
        ("<p>By Shelby Loos, DVM. Reviewed by Molly Price, DVM</p>", ("Shelby Loos", "DVM")),
        ("<p>By Meaghan Weeden ●</p>", ("Meaghan Weeden",)),
        ("<p>By Yucy3/4/2025</p>", ("Yucy",)),
        ("<p>By Stephen Jesudunsin AI Writer, Embarque</p>", ("Stephen Jesudunsin",)),
        ("<p>By Byron Katie</p>", ("Byron Katie",)),
        ("<div class='byline'>&amp; Zack Cuevas Writer, Hardware</div>", ("Zack Cuevas",)),
    ]
    for line, authors in cases:
        assert _under_headline(line).authors == authors, line


@pytest.mark.parametrize(
    ("declared", "printed", "published"),
    [
        # the printed day over a declared day that differs (first stored, or in UTC)
        ("2024-11-22T22:28:12Z", "August 19, 2025", dt.date(2025, 8, 19)),
        ("2025-12-19T02:41:41Z", "December 18, 2025", dt.date(2025, 12, 18)),
        # the declared value where it is the printed day: it carries the time
        ("2025-12-18T10:00:00", "December 18, 2025", dt.datetime(2025, 12, 18, 10, 0)),
        # a printed update date leaves the declared (publication) date alone
        ("2024-11-22", "Updated October 8, 2025", dt.date(2024, 11, 22)),
        ("2024-11-22", "@jo Updated Oct 8, 2025", dt.date(2024, 11, 22)),
        ("2024-11-22", "Dec 6, 2024 / Updated Dec 7, 2024", dt.date(2024, 12, 6)),
    ],
)
def test_the_printed_day_over_a_declared_one(
    declared: str, printed: str, published: dt.date
) -> None:
    meta = f"<meta property='article:published_time' content='{declared}'>"
    head = f"<title>Big news today</title>{meta}"
    body = f"<div><h1>Big news today</h1><p>{printed}</p>{PROSE * 3}</div>"
    assert _clean(head, body).published == published


def test_the_title_is_the_longest_heading_the_declared_title_holds() -> None:
    head = "<title>United States to Lift Sudan Sanctions - The New York Times</title>"
    body = (
        "<div><h2>The New York Times</h2><h1>United States to Lift Sudan Sanctions</h1>"
        f"<p>By JO ROE</p>{PROSE * 3}</div>"
    )
    article = _clean(head, body)
    assert article.title == "United States to Lift Sudan Sanctions"
    assert article.byline == "By JO ROE"


def test_a_printed_by_line_beats_a_byline_boxs_unlabelled_text() -> None:
    line = "<div class='byline-column'>Deal Professor</div><p>By Jo Roe</p>"
    article = _under_headline(line)
    assert article.byline == "By Jo Roe"
    assert "Deal Professor" in str(article.to_dict())  # the box's text still reaches a field


def test_an_author_name_class_in_any_case_is_read_and_no_class_skips_the_query(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from lxml import html as lxml_html

    from newsclean import metadata

    page = "<html><body><p>Text</p><span class='{}'>Jane Roe</span></body></html>"
    for value in ("author-name", "AuThOr_Name", "post-AUTHORNAME"):
        root = lxml_html.document_fromstring(page.format(value))
        assert metadata._marked_author(root) == "Jane Roe"
    root = lxml_html.document_fromstring(
        "<html><body><div class='vcard'><span class='fn'>Jane Roe</span></div></body></html>"
    )

    def never(_root: object) -> list[object]:
        raise AssertionError("the class query ran on a page with no author class")

    # No class holds "author": the costly query (its pattern called back per class) is skipped.
    monkeypatch.setattr(metadata, "_AUTHOR_NAME_CLASS", never)
    assert metadata._marked_author(root) is None


def test_a_byline_box_in_the_comments_is_none_and_the_comments_are_sought_only_above_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from lxml import html as lxml_html

    from newsclean import metadata
    from newsclean.segment import segment

    root = lxml_html.document_fromstring(
        "<html><body><p>A plain paragraph.</p><div class='comments'>"
        "<div class='byline'><p>By A Reader</p></div></div>"
        "<div class='byline'><p>By Jane Roe</p></div></body></html>"
    )
    plain, reader, writer = segment(root)
    assert metadata._byline_box(reader) is None  # a reader's byline, in the comments
    box = metadata._byline_box(writer)
    assert box is not None and box.get("class") == "byline"
    climbs: list[object] = []
    real = metadata._in_comments

    def counted(element: object) -> bool:
        climbs.append(element)
        return real(element)

    monkeypatch.setattr(metadata, "_in_comments", counted)
    assert metadata._byline_box(plain) is None
    assert climbs == []  # in no byline box: no climb to the root for comments


def test_a_heading_that_is_a_fragment_of_the_declared_title_is_not_the_title() -> None:
    # A heading inside the declared title, neither opening nor ending it nor one of its
    # parts, is a fragment set as a heading: the declared title is the title. Where no
    # <h1> is, it still anchors the header: the byline under it is read.
    head = "<meta property='og:title' content='The Open Journalism Project: Better Journalism'>"
    body = f"<div><h2>Open Journalism Project:</h2><p>By Jo Roe</p>{PROSE * 3}</div>"
    article = _clean(head, body)
    assert (article.title, article.byline) == (
        "The Open Journalism Project: Better Journalism",
        "By Jo Roe",
    )


def test_a_headings_permalink_mark_is_no_part_of_the_title() -> None:
    mark = "<a class='headerlink' href='#evolve'>¶</a>"
    body = f"<div><h1>Evolve: Shared Mutable History{mark}</h1>{PROSE * 3}</div>"
    assert _clean("<title>Evolve: Shared Mutable History</title>", body).title == (
        "Evolve: Shared Mutable History"
    )
    # Of two headings as long that the declared title holds, the one opening it.
    head = "<title>Evolve: Shared Mutable History — evolve extension for Mercurial</title>"
    body = (
        "<div><h1>evolve extension for Mercurial</h1></div>"
        f"<div><h1>Evolve: Shared Mutable History{mark}</h1>{PROSE * 3}</div>"
    )
    assert _clean(head, body).title == "Evolve: Shared Mutable History"
    # A "#" that is the title's own stays.
    body = f"<div><h1>Learning C#</h1>{PROSE * 3}</div>"
    assert _clean("<title>Learning C#</title>", body).title == "Learning C#"


def test_a_date_in_a_time_element_inside_the_heading_is_no_part_of_the_title() -> None:
    date = "<time datetime='2025-12-18T13:21:19+00:00'>Dec <span>18</span> 2025</time>"
    body = f"<div><h1><a href='/p'>{date} Preparing a transition</a></h1>{PROSE * 3}</div>"
    head = "<meta property='og:title' content='Preparing a transition'>"
    assert _clean(head, body).title == "Preparing a transition"


def test_the_h1_after_the_sites_logo_is_the_title_where_it_echoes_the_declared() -> None:
    head = (
        "<title>Where to Bike in Houston | Houstonia Magazine</title>"
        "<meta property='og:site_name' content='Houstonia Magazine'>"
        "<meta property='og:title' content='Our Favorite Biking Spots in Houston'>"
    )
    logo = "<header><h1>Houstonia Magazine</h1></header>"
    body = f"{logo}<div><h1>The Best Trails in Houston for Biking</h1><p>By Jo Roe</p>"
    article = _clean(head, body + PROSE * 3 + "</div>")
    assert article.title == "The Best Trails in Houston for Biking"
    assert article.byline == "By Jo Roe"
    # An <h1> sharing a word by chance is a section's: the declared title is the title.
    body = f"{logo}<div><h1>Where the trails end</h1>{PROSE * 3}</div>"
    assert _clean(head, body).title == "Our Favorite Biking Spots in Houston"


def test_an_h1_spelling_the_host_is_not_the_title_and_is_cut_from_it() -> None:
    html = (
        "<html><head><title>davidbau.com Vibe Coding</title></head><body>"
        f"<h1><a href='https://davidbau.com/'>davidbau.com</a></h1>{PROSE * 3}</body></html>"
    )
    url = "https://davidbau.com/archives/2025/12/16/vibe_coding.html"
    clean = newsclean.clean(html, url=url, templates=newsclean.TemplateSet())
    assert clean.title == "Vibe Coding"


@pytest.mark.parametrize(
    ("site", "title", "h1"),
    [
        # words of the site's name alone: a blog's name shortened as its logo
        ("Minecraft Update News", "Minecraft 1.8 - The Bountiful Update", "Minecraft News"),
        # no word in common with the declared title but the site's name
        (
            "SiliconANGLE",
            "How the cloud runs inference - SiliconANGLE",
            "A message from our co-founder, SiliconANGLE:",
        ),
    ],
)
def test_an_h1_naming_the_site_or_sharing_only_its_name_is_not_the_title(
    site: str, title: str, h1: str
) -> None:
    head = f"<meta property='og:site_name' content='{site}'>"
    head += f"<meta property='og:title' content='{title}'>"
    body = f"<div><h1>{h1}</h1>{PROSE * 3}</div>"
    assert _clean(head, body).title == title.removesuffix(f" - {site}")


def test_a_heading_too_long_for_a_title_gives_way_to_the_declared_title() -> None:
    summary = "Learn which home renovations pay off and why. " * 4  # 32 words
    body = f"<div><h1>{summary}</h1>{PROSE * 3}</div>"
    head = "<meta property='og:title' content='The 10 Best Home Renovations'>"
    assert _clean(head, body).title == "The 10 Best Home Renovations"


def test_a_dublin_core_title_is_declared() -> None:
    head = "<title>draft-dejong-remotestorage-04 - remoteStorage</title>"
    head += "<meta name='DC.title' content='remoteStorage'>"
    assert _clean(head, PROSE * 3).title == "remoteStorage"


def test_a_document_titles_last_dash_part_is_cut_where_no_site_name_is_declared() -> None:
    cases = [
        ("<title>Lorem ipsum dolor sit amet – My website</title>", "Lorem ipsum dolor sit amet"),
        ("<title>Big news – My website</title>", "Big news – My website"),  # too short alone
        # a last part too long for a site's name or a tagline
        ("<title>Big news today - and what it means for you</title>", None),
    ]
    for head, title in cases:
        expected = title or head.removeprefix("<title>").removesuffix("</title>")
        assert _clean(head, PROSE * 3).title == expected, head


def test_a_by_line_inside_an_advertisement_is_no_byline() -> None:
    ad = "<div class='advertisement'><div><div><span>by Taboola</span></div></div></div>"
    body = f"<div><h1>Big news today</h1>{PROSE}{ad}{PROSE * 2}</div>"
    assert _clean("<meta name='author' content='Alex Perry'>", body).byline == "Alex Perry"
