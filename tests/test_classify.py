"""The decision table and neighbour pass, on small pages built for each rule."""

from __future__ import annotations

import pytest

import newsclean
from conftest import PROSE
from newsclean.model import Region


def _clean(body: str) -> newsclean.Article:
    html = f"<html><body>{body}</body></html>"
    return newsclean.clean(
        html, url="https://news.example.com/a/b", templates=newsclean.TemplateSet()
    )


def _article(inner: str = "") -> str:
    return f"<article class='story'><h1>Budget approved by council</h1>{PROSE * 4}{inner}</article>"


def test_prose_cluster_is_main() -> None:
    article = _clean(_article())
    assert len(article.body) == 4
    assert article.title == "Budget approved by council"


def test_navigation_is_boilerplate() -> None:
    nav = "<nav><a href='/news'>News</a> <a href='/sport'>Sport</a></nav>"
    article = _clean(nav + _article())
    assert "News" not in article.text
    assert any(b.role == "navigation" and "Sport" in b.text for b in article.boilerplate)


def test_ad_slot_and_label_are_ads() -> None:
    article = _clean(_article("<div class='ad-slot'>Buy our product now at a discount</div>"))
    assert [b.text for b in article.ads] == ["Buy our product now at a discount"]
    assert "discount" not in article.text


def test_copyright_footer_is_legal() -> None:
    footer = "<footer><p>© 2024 Example News. All rights reserved.</p></footer>"
    article = _clean(_article() + footer)
    assert [b.region for b in article.legal] == [Region.LEGAL]
    assert "All rights reserved" in article.legal[0].text


def test_subscription_appeal_is_an_ad() -> None:
    appeal = (
        "<div><p>Support our journalism: subscribe today.</p>"
        "<p>Become a supporter with a monthly contribution.</p><p>Donate via PayPal.</p></div>"
    )
    article = _clean(_article() + appeal)
    assert "subscribe today" in "\n".join(b.text for b in article.ads)
    assert "subscribe" not in article.text


def test_related_headlines_are_sidebar_stories() -> None:
    related = (
        "<aside><h3>More stories</h3><ul>"
        "<li><a href='/a/2024/schools-get-new-funding-plan'>Schools get a new funding plan</a></li>"
        "<li><a href='/a/2024/library-opens-late-on-fridays'>Library opens late on Fridays</a></li>"
        "</ul></aside>"
    )
    article = _clean(_article() + related)
    assert [s.title for s in article.sidebar_stories] == [
        "Schools get a new funding plan",
        "Library opens late on Fridays",
    ]
    assert article.sidebar_stories[0].url == (
        "https://news.example.com/a/2024/schools-get-new-funding-plan"
    )
    assert "Schools get" not in article.text


def test_short_line_between_main_paragraphs_stays_main() -> None:
    article = _clean(f"<div class='content'>{PROSE * 2}<p>- Subhead -</p>{PROSE * 2}</div>")
    assert "- Subhead -" in article.text


def test_explain_names_the_deciding_rule() -> None:
    extraction = newsclean.api.explain(
        "<html><body>" + _article("<div class='ad-slot'>Buy now</div>") + "</body></html>",
        templates=newsclean.TemplateSet(),
    )
    rules = {d.rule for d in extraction.decisions}
    assert "class:ad" in rules
    assert "main:text" in rules


def test_fragments_after_the_last_sentence_are_a_trailer() -> None:
    article = _clean(f"<div class='story'>{PROSE * 3}<div>Follow us</div><div>Weibo</div></div>")
    assert "Follow us" not in article.text
    assert any(b.role == "trailer" and "Weibo" in b.text for b in article.boilerplate)


def test_an_article_of_fragments_is_not_trimmed_away() -> None:
    items = "".join(f"<li>Item number {n} on the list</li>" for n in range(6))
    article = _clean(f"<article><ul>{items}</ul></article>")
    assert "Item number 5" in article.text


def test_a_sentence_starting_with_share_stays_in_the_article() -> None:
    article = _clean(
        f"<div class='content'>{PROSE * 3}<ul><li>Share-worthy content that earns links</li>"
        "<li>Compelling content that answers the query</li></ul></div>"
        "<div><p>Share this article</p></div>"
    )
    assert "Share-worthy content" in article.text
    assert "Share this article" not in article.text


def test_the_main_containers_own_classes_do_not_route_its_paragraphs() -> None:
    # "pagination-first" names the article's first page, not a menu.
    article = _clean(
        "<h1>Budget approved by council</h1><div class='page'>"
        f"<div class='article-body pagination-first'>{PROSE * 4}</div>"
        "<div class='share'>Share</div><div class='related'>More</div></div>"
    )
    assert len(article.body) == 4


def test_picture_credits_and_gallery_controls_are_boilerplate() -> None:
    inner = (
        "<div>Photo: Meg Kinnard, AP</div><div>Image 3 of 5</div><div>(Foto: dpa)</div>"
        "<div>Photo: Gene J. Puskar</div>"
        "<div>Show Caption</div><div>Close</div>"
    )
    article = _clean(_article(inner))
    roles = {block.role: block.text.splitlines() for block in article.boilerplate}
    assert roles["credit"] == [
        "Photo: Meg Kinnard, AP",
        "Image 3 of 5",
        "(Foto: dpa)",
        "Photo: Gene J. Puskar",
    ]
    assert roles["control"] == ["Show Caption", "Close"]
    assert "Meg Kinnard" not in article.text


def test_a_caption_sentence_headed_image_stays_with_the_article() -> None:
    caption = "Image: The mayor has agreed a deal to become manager of the city's new stadium"
    article = _clean(_article(f"<div>{caption}</div>"))
    assert caption in article.text


def test_engagement_prompts_after_the_last_paragraph_leave_the_article() -> None:
    tail = (
        "<p>Follow The Gazette on Twitter and Instagram for more.</p>"
        "<p>Subscribe now to our print edition for the full story.</p>"
        "<p>No comments yet. Leave a comment below.</p>"
        "<p>Jane Roe is a reporter for The Gazette covering city hall and the budget.</p>"
    )
    article = _clean(_article(tail))
    assert article.text.endswith("after a long debate that lasted into the evening.")
    assert [block.rule for block in article.ads] == ["tail:appeal"]
    roles = {block.rule: block.role for block in article.boilerplate}
    assert roles == {"tail:social": "share", "tail:comments": "comments", "tail:bio": "author"}


def test_a_closing_sentence_that_mentions_subscriptions_stays() -> None:
    closing = (
        "<p>“After two more years of this,” she asks, “what kind of products are going to be "
        "left in local communities that readers feel are worth a digital subscription?”</p>"
    )
    article = _clean(_article(closing))
    assert "worth a digital subscription" in article.text


def test_single_appeals_and_sponsored_lines_outside_the_article_are_ads() -> None:
    page = (
        "<div><p>Get our weekly business newsletter every Friday</p></div>"
        + _article()
        + "<div><h4>Customer adviser (m/w/d) in Munich</h4></div>"
        "<div><p>Sponsored contents planned and edited by the ad team</p></div>"
    )
    article = _clean(page)
    assert [block.role for block in article.ads] == ["appeal", "sponsored"]
    assert "(m/w/d)" in article.ads[1].text and "Sponsored contents" in article.ads[1].text


def test_legal_lines_in_any_language_are_legal_even_in_an_appeal_box() -> None:
    footer = (
        "<div class='footer-box'><p>Subscribe to our newsletter</p><p>Donate today</p>"
        "<p>Support us with a subscription</p><ul><li>Mentions légales</li>"
        "<li>Polityka prywatności</li><li>Do Not Sell My Personal Information</li></ul></div>"
    )
    article = _clean(_article() + footer)
    legal = "\n".join(block.text for block in article.legal)
    for line in ("Mentions légales", "Polityka prywatności", "Do Not Sell My Personal Information"):
        assert line in legal


def test_ad_labels_in_more_languages_and_sign_up_links_are_ads() -> None:
    page = (
        "<div><p>REKLAMA</p></div>"
        "<div><p>REKLAMA: automatycznie wyświetlimy artykuł za 15 sekund.</p></div>"
        + _article()
        + "<div><a href='https://mailchi.mp/example/take5signup'>Get the best of the "
        "Gazette in five easy pieces</a></div>"
    )
    article = _clean(page)
    assert [block.role for block in article.ads] == ["ad-label", "sponsored", "appeal"]


def test_a_box_opened_by_a_read_also_label_leaves_the_article() -> None:
    teaser = "<h4>Mayor opens the new library</h4><p>{}</p>".format(
        "The mayor opened the library on Monday, after three years of building work, with a "
        "speech about books, reading and the town's children."
    )
    more = f"<div class='box'><div>Lesen Sie auch</div>{teaser}</div>"
    about = "<div><p>Über den Autor</p><p>Hej! Ich bin Jane, Reporterin aus Leidenschaft.</p></div>"
    article = _clean(_article(more + PROSE + about))
    assert article.text.endswith("after a long debate that lasted into the evening.")
    assert "Mayor opens" not in article.text and "Lesen Sie auch" not in article.text
    assert "Jane" not in article.text
    assert any(
        "Reporterin" in block.text and block.role == "author" for block in article.boilerplate
    )


def test_a_section_of_the_article_under_a_related_looking_heading_stays() -> None:
    # The label heads the whole of what follows: more than half the article.
    section = f"<section><h2>Mehr zum Thema</h2>{PROSE.replace('council', 'mayor') * 5}</section>"
    article = _clean(_article(section))
    assert "The mayor voted" in article.text


def test_german_share_and_read_on_prompts_after_the_article_leave_it() -> None:
    reading = "<p>Zum Weiterlesen:</p><p>Roe, J. (2021). Budgets for towns. Gazette Press.</p>"
    article = _clean(_article(reading + "<h5>Jetzt teilen!</h5>"))
    assert "Zum Weiterlesen" not in article.text and "Jetzt teilen" not in article.text
    assert "Budgets for towns." in article.text


def test_english_related_labels_and_share_pleas_leave_the_article() -> None:
    teaser = "<p><a href='/2025/05/mayor-opens-library'>Mayor opens the new library</a></p>"
    more = f"<div><h3>You might like</h3>{teaser}{teaser.replace('library', 'pool')}</div>"
    article = _clean(_article(more + "<p>If you like it, please share it!</p>"))
    assert article.text.endswith("after a long debate that lasted into the evening.")
    assert "You might like" not in article.text


@pytest.mark.parametrize("name", ["vorspann", "introduction", "chapo", "article__abstract"])
def test_standfirsts_named_in_other_languages_join_the_article(name: str) -> None:
    lead = "Der Stadtrat hat den Haushalt beschlossen, nach langer Debatte bis in den Abend."
    page = f"<div class='header'><h1>Budget approved</h1><div class='{name}'>{lead}</div></div>"
    article = _clean(page + f"<div class='body'>{PROSE * 4}</div>")
    assert article.text.startswith("Der Stadtrat")


def test_a_table_of_contents_box_inside_the_article_leaves_it() -> None:
    links = "".join(f"<li><a href='#s{n}'>Part {n} of the budget</a></li>" for n in (1, 2, 3))
    contents = f"<div class='box'><p>Inhaltsverzeichnis</p><ul>{links}</ul></div>"
    article = _clean(_article(contents + PROSE))
    assert "Inhaltsverzeichnis" not in article.text
    assert any(b.text == "Inhaltsverzeichnis" for b in article.boilerplate)


def test_a_sentence_of_the_article_made_mostly_of_links_stays() -> None:
    linked = (
        "<p>Jane Roe replaced <a href='/people/john-doe-former-head-of-budget'>John Doe, who "
        "ran the budget office for eight years</a> until May.</p>"
    )
    related = (
        "<p>À lire aussi : <a href='/2025/05/mayor-opens-the-new-library'>The mayor opens "
        "the new library after three years of work</a>.</p>"
    )
    article = _clean(_article(linked + related + PROSE))
    assert "Jane Roe replaced John Doe" in article.text
    assert "À lire aussi" not in article.text


def test_an_invitation_to_the_sites_forums_after_the_article_leaves_it() -> None:
    tail = (
        "<p>Email the author or follow him @janeroe. Follow us on Twitter.</p>"
        "<p>Join our Space Forums to keep talking about the budget, the schools and more, "
        "and share your views on the library with other readers!</p>"
    )
    article = _clean(_article(tail))
    assert article.text.endswith("after a long debate that lasted into the evening.")


def test_a_russian_related_box_inside_the_article_leaves_it() -> None:
    teaser = (
        "<div class='tumb'><div class='body'>Популярная диета. Минус 5 кг за 7 дней.</div></div>"
    )
    more = f"<div><h2>Самые популярные диеты</h2>{teaser * 3}</div>"
    article = _clean(_article(more))
    assert "Самые популярные" not in article.text and "Популярная диета" not in article.text
