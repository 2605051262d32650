"""The decision table and neighbour pass, on small pages built for each rule."""

from __future__ import annotations

import pytest

import newsclean
from conftest import PROSE
from newsclean.api import explain
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


def test_a_call_to_action_box_inside_the_article_is_boilerplate() -> None:
    # A company's pitch set among the paragraphs ("div.cta-card", "article--cta"): a
    # heading, a sentence of sales talk and a button, no text of the article.
    box = (
        "<div class='cta-card'><div class='cta-header'>Plan your kitchen garden the easy way"
        "</div><p>Save the guesswork and follow a proven system to design your own beautiful, "
        "productive and thriving kitchen garden this spring.</p><a href='/course'>Start now</a>"
        "</div>"
    )
    article = _clean(_article(box + PROSE))
    assert "proven system" not in article.text
    assert article.text.count("after a long debate that lasted into the evening.") == 5
    assert any(b.role == "banner" and "proven system" in b.text for b in article.boilerplate)


def test_the_simple_author_box_plugin_is_an_author_box() -> None:
    box = (
        "<div class='saboxplugin-wrap'><div class='saboxplugin-tab'><div class='saboxplugin-desc'>"
        "<div><p>Karina Cohen is the owner of a local cleaning company serving the Greater "
        "Denver area, with a background in operations and two decades of experience.</p>"
        "</div></div></div></div>"
    )
    # Set between the paragraphs, where no tail rule reads it as the closing bio.
    body = f"<article class='story'><h1>Budget approved</h1>{PROSE * 2}{box}{PROSE * 2}</article>"
    article = _clean(body)
    assert "Karina Cohen" not in article.text
    assert any(b.role == "author" and "Karina Cohen" in b.text for b in article.boilerplate)


@pytest.mark.parametrize("box", ["jp-relatedposts", "relatedPosts", "relatedarticles"])
def test_a_related_posts_box_named_in_one_word_is_no_part_of_the_article(box: str) -> None:
    # Jetpack's related posts, set inside WordPress's "entry-content": each a linked
    # title, a summary of its own and the category it was filed in.
    posts = "".join(
        f"<div class='{box}-post'><h4><a href='/{n}'>Survey results number {n} are out</a></h4>"
        f"<p class='{box}-post-excerpt'>The developer survey collected responses from "
        f"thousands of developers in many countries about their tools, number {n}.</p>"
        '<p>In "News"</p></div>'
        for n in range(3)
    )
    heading = f"<h3 class='{box}-headline font-headlines'><em>Related</em></h3>"
    related = f"<div id='{box}' class='{box}'>{heading}<div>{posts}</div></div>"
    article = _clean(_article(related))
    assert "developer survey" not in article.text
    assert 'In "News"' not in article.text
    assert article.text.count("after a long debate that lasted into the evening.") == 4


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


@pytest.mark.parametrize("sign_off", ["XX, Die Redaktion", "=)"])
def test_the_authors_sign_off_after_the_last_paragraph_stays(sign_off: str) -> None:
    article = _clean(f"<div class='story'>{PROSE * 3}<p>{sign_off}</p></div>")
    assert sign_off in article.text


@pytest.mark.parametrize(
    "line",
    [
        "<p>aja/PAP</p>",  # an agency's credit line
        "<p class='context'>In News</p>",  # a classed line: a related post's
        "<p>Weibo</p><p>Twitter</p>",  # more than one fragment: what the page hangs below
    ],
)
def test_lines_after_the_last_paragraph_that_sign_nothing_off_are_a_trailer(line: str) -> None:
    article = _clean(f"<div class='story'>{PROSE * 3}{line}</div>")
    assert "PAP" not in article.text
    assert "In News" not in article.text
    assert "Weibo" not in article.text


def test_short_last_items_of_the_articles_last_list_stay() -> None:
    facts = (
        "<ul><li>Uhrzeit: ab Mitternacht bis zum Morgengrauen</li><li>Zeitzone: MESZ</li>"
        "<li>Ort: Kasberg</li></ul>"
    )
    article = _clean(f"<div class='story'>{PROSE * 3}{facts}<div>Weibo</div></div>")
    assert "Ort: Kasberg" in article.text
    assert any(b.role == "trailer" and "Weibo" in b.text for b in article.boilerplate)


def test_short_last_lines_of_the_articles_last_block_stay() -> None:
    verse = (
        "<div>Chu le ji de ni can lan xiao rong sheng yin yi wai<br>Xiang nian ni<br>Repeat</div>"
    )
    article = _clean(f"<div class='story'>{PROSE * 3}{verse}<div>Weibo</div></div>")
    assert "Xiang nian ni\nRepeat" in article.text
    assert "Weibo" not in article.text


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


_MENU = (
    "<ul class='x'>"
    + "".join(f"<li><a href='/s{i}'>Section number {i}</a></li>" for i in range(12))
    + "</ul>"
)


def test_a_box_that_joined_the_article_as_its_sibling_keeps_its_own_classes() -> None:
    # The author's profile joins the article's container as a box of prose beside it;
    # its class still says what it is (only the container's own classes are passed over).
    bio = PROSE.replace("council voted", "author wrote") * 2
    article = _clean(
        f"{_MENU}<h1>Budget approved by council</h1>"
        f"<div class='article-body'>{PROSE * 4}</div><div class='author-bio'>{bio}</div>"
    )
    assert len(article.body) == 4
    assert {b.role for b in article.boilerplate if "author wrote" in b.text} == {"author"}


def test_a_teaser_classed_paragraph_that_joined_the_article_is_its_lead() -> None:
    # The standfirst joined the container as its sibling, a table of contents between.
    lead = PROSE.replace("<p>", "<p class='article-teaser'>").replace("council", "city")
    toc = "<div class='section-menu'><ul><li><a href='#a'>First part</a></li></ul></div>"
    article = _clean(
        f"{_MENU}<h1>Budget approved by council</h1>{lead}{toc}"
        f"<div class='article-body'>{PROSE * 4}</div>"
    )
    assert article.body[0].role == "lead"
    assert len(article.body) == 5


def test_a_page_footer_that_joined_the_article_as_its_sibling_is_the_footer() -> None:
    # The site's footer holds an "about us" paragraph long enough to join the article's
    # container; it is still the page's footer.
    about = PROSE.replace("council voted", "company decided") * 2
    article = _clean(
        f"{_MENU}<h1>Budget approved by council</h1><div class='article-body'>{PROSE * 4}"
        f"</div><div><footer><div>Acme Energy</div><p>Harbour Street 9</p>{about}</footer></div>"
    )
    assert "company decided" not in article.text
    assert "Harbour Street 9" not in article.text
    assert {b.role for b in article.boilerplate if "company decided" in b.text} == {"footer"}


@pytest.mark.parametrize(
    "footer",
    [
        "<footer><p>Filed under city politics, budgets and the library</p></footer>",
        "<footer class='entry-footer'><p>Posted by Jane Roe on 2025-12-18 in city politics."
        " Filed under city politics, budgets and the library.</p></footer>",
        "<div role='contentinfo'><p>Filed under city politics, budgets and the library</p></div>",
    ],
)
def test_the_articles_own_footer_is_the_footer(footer: str) -> None:
    # The article's <footer> holds its tags, its "Posted by" line, a correction notice:
    # about the text, not the text (no truth of the four benchmarks keeps one).
    article = _clean(_article(footer))
    assert "Filed under city politics" not in article.text
    assert any(b.rule == "box:footer" and "Filed under" in b.text for b in article.boilerplate)


def test_a_quotations_footer_stays_with_the_quote() -> None:
    quote = (
        "<blockquote><p>We will open the library on Sundays from next spring.</p>"
        "<footer>Mayor Jane Roe, at the council's budget meeting</footer></blockquote>"
    )
    article = _clean(_inside(quote))
    assert "Mayor Jane Roe, at the council's budget meeting" in article.text


def test_a_date_alone_in_a_cards_link_is_a_date_line_not_a_headline() -> None:
    cards = "".join(
        f"<a href='/news/2020/04/{day}/city-budget-passes-after-debate-{day}'>"
        f"<div>{day} April 2020</div><h3>City budget passes after debate number {day}</h3></a>"
        for day in (10, 11)
    )
    article = _clean(_article("<time datetime='2020-04-12'>12 April</time>") + cards)
    titles = [story.title for story in article.sidebar_stories]
    assert titles == [f"City budget passes after debate number {day}" for day in (10, 11)]
    assert {b.role for b in article.boilerplate if "April 2020" in b.text} == {"date"}


def test_a_comment_form_in_the_article_and_its_heading_leave_it() -> None:
    form = (
        "<h3>Add A Comment</h3><blockquote><form action='/comments' method='post'><table>"
        "<tr><td>Your Name</td><td><input type='text' name='name'></td></tr>"
        "<tr><td>Your Comment</td><td><textarea name='comment'></textarea></td></tr>"
        "</table></form></blockquote>"
    )
    article = _clean(_article(form))
    assert "Add A Comment" not in article.text
    assert "Your Name" not in article.text
    assert {b.role for b in article.boilerplate if "Your Name" in b.text} == {"form"}


def test_a_page_wrapped_whole_in_a_form_keeps_its_article() -> None:
    # ASP.NET wraps the page in one <form>, a comment box's text area among its fields.
    article = _clean(f"<form>{_article()}<textarea name='comment'></textarea></form>")
    assert article.text.count("The council voted") == 4


def _link_box(host: str) -> str:
    items = "".join(
        f"<li><a href='{host}/news/2019/06/story-number-{n}'>Story number {n} of the issue</a></li>"
        for n in range(1, 4)
    )
    return (
        "<div class='inline-box'><h2>Issue 7/2019</h2>"
        "<p>This story comes from issue 7/2019 of the magazine, on sale now.</p>"
        f"<ul>{items}</ul></div>"
    )


def test_a_box_of_the_sites_other_stories_in_the_article_leaves_with_its_heading() -> None:
    article = _clean(_article(_link_box("") + PROSE))
    assert "Issue 7/2019" not in article.text
    assert "This story comes from issue" not in article.text
    assert article.text.count("The council voted") == 5


def test_a_box_of_a_shops_links_in_the_article_stays() -> None:
    # A buying guide's product: its heading, its blurb, its shops' links.
    article = _clean(_article(_link_box("https://shop.example.org") + PROSE))
    assert "Issue 7/2019" in article.text
    assert "This story comes from issue" in article.text


def test_picture_credits_and_gallery_controls_are_boilerplate() -> None:
    inner = (
        "<div>Photo: Meg Kinnard, AP</div><div>Image 3 of 5</div><div>(Foto: dpa)</div>"
        "<div>Photo: Gene J. Puskar</div><div>Titelbild: Flickr, CC BY 2.0</div>"
        "<div>Featured image: NASA/JPL</div>"
        "<div>Show Caption</div><div>Close</div>"
    )
    article = _clean(_article(inner))
    roles = {block.role: block.text.splitlines() for block in article.boilerplate}
    assert roles["credit"] == [
        "Photo: Meg Kinnard, AP",
        "Image 3 of 5",
        "(Foto: dpa)",
        "Photo: Gene J. Puskar",
        "Titelbild: Flickr, CC BY 2.0",
        "Featured image: NASA/JPL",
    ]
    assert roles["control"] == ["Show Caption", "Close"]
    assert "Meg Kinnard" not in article.text


@pytest.mark.parametrize(
    "line",
    [
        "Schneeräumpflicht - was man darüber wissen muss© Rike/pixelio.de",
        "Die Halle © dpa / Kay Nietfeld",
    ],
)
def test_a_caption_closed_by_its_pictures_credit_is_a_credit(line: str) -> None:
    article = _clean(_inside(f"<div>{line}</div>"))
    assert line not in article.text
    assert any(b.role == "credit" and b.text == line for b in article.boilerplate)


@pytest.mark.parametrize("line", ["BVINEWS.COM", "www.example-news.org", "smithsonian.com"])
def test_a_sites_address_alone_in_the_article_is_its_sources_credit(line: str) -> None:
    article = _clean(_inside(f"<p>{line}</p>"))
    assert line not in article.text
    assert any(b.role == "credit" and b.text == line for b in article.boilerplate)


@pytest.mark.parametrize(
    "markup",
    [
        "<p>Node.js</p>",  # a name, not an address
        "<p>A.Word.A.Day</p>",
        "<ul><li>PortableApps.com</li><li>Ninite.com</li></ul>",  # items of a list of sites
        "<table><tr><td>Hulu.com</td><td>$89.99</td></tr><tr><td>Sling.com</td><td>$40</td></tr></table>",
        "<h3>Booking.com</h3>",  # a listicle's item heading
        "<p><a href='https://wpolsce.pl/'>wPolsce.pl</a></p>",  # a link to the site
    ],
)
def test_a_name_or_a_listed_site_is_no_source_credit(markup: str) -> None:
    article = _clean(_inside(markup))
    assert not any(b.role == "credit" for b in article.boilerplate)


def test_a_copyright_line_with_a_slash_is_no_picture_credit() -> None:
    # "© 2024 Gazette/Media" reserves the rights (a year after the mark): legal text.
    line = "© 2024 Gazette/Media"
    article = _clean(_inside(f"<div>{line}</div>"))
    assert not any(b.role == "credit" and line in b.text for b in article.boilerplate)


def test_a_caption_sentence_headed_image_stays_with_the_article() -> None:
    caption = "Image: The mayor has agreed a deal to become manager of the city's new stadium"
    article = _clean(_article(f"<div>{caption}</div>"))
    assert caption in article.text


def test_a_section_heading_linking_to_itself_stays_in_the_article() -> None:
    # <h3 id="x"><a href="#x">: the heading's own permalink, not a row of links.
    section = "<h3 id='cognitive'><a href='#cognitive'>Cognitive benefits</a></h3>" + PROSE
    contents = "<h3><a href='#emotional'>Emotional benefits</a></h3>" + PROSE
    article = _clean(_article(section + contents + PROSE))
    assert "Cognitive benefits" in article.text
    assert "Emotional benefits" not in article.text  # a contents entry, pointing elsewhere


def test_a_line_ending_in_a_word_with_read_in_it_is_no_read_more() -> None:
    # A meal plan's snacks: "spread" and "bread" end in "read" and ask no one to read on.
    snacks = "<ul><li>2 oatcakes with spread</li><li>1 pear</li></ul>"
    tuesday = "<p>Approximate cost per day on Tuesday, for one person: £3.95 in all.</p>"
    article = _clean(_article("<p>Snacks:</p>" + snacks + tuesday))
    assert "2 oatcakes with spread" in article.text


def test_engagement_prompts_after_the_last_paragraph_leave_the_article() -> None:
    tail = (
        "<p>Follow The Gazette on Twitter and Instagram for more.</p>"
        "<p>Subscribe now to our print edition for more stories like this.</p>"
        "<p>No comments yet. Leave a comment below.</p>"
        "<p>Jane Roe is a reporter for The Gazette covering city hall and the budget.</p>"
    )
    article = _clean(_article(tail))
    assert article.text.endswith("after a long debate that lasted into the evening.")
    assert [block.rule for block in article.ads] == ["tail:appeal"]
    roles = {block.rule: block.role for block in article.boilerplate}
    assert roles == {"tail:social": "share", "tail:comments": "comments", "tail:bio": "author"}


@pytest.mark.parametrize(
    "bio",
    [
        "Karina Cohen is the owner of CR Maids, a cleaning company serving the Raleigh area.",
        "Toni Golen, MD, is a physician specializing in obstetrics and gynecology in Boston.",
        "Jane Roe is an attorney in Memphis who writes about housing and tenants' rights.",
    ],
)
def test_an_owner_or_physician_bio_after_the_article_leaves_it(bio: str) -> None:
    article = _clean(_article(f"<p>{bio}</p>"))
    assert bio not in article.text
    assert [block.rule for block in article.boilerplate if block.text == bio] == ["tail:bio"]


@pytest.mark.parametrize(
    "prompt",
    [
        "Post A Comment — I'd Love To Hear From You!",
        "Ready to get noticed? Explore sponsorship and join the conversation shaping tech.",
    ],
)
def test_a_comment_form_heading_after_the_article_leaves_it(prompt: str) -> None:
    article = _clean(_article(f"<p>{prompt}</p>"))
    assert article.text.endswith("after a long debate that lasted into the evening.")
    assert any(b.rule == "tail:comments" and b.text == prompt for b in article.boilerplate)


def test_a_messenger_channel_plea_after_the_article_leaves_it() -> None:
    plea = "¿Ya sabías que tenemos canal de Telegram? Únete desde tu celular en este enlace."
    article = _clean(_article(f"<p>{plea}</p>"))
    assert article.text.endswith("after a long debate that lasted into the evening.")
    assert any(b.rule == "tail:social" and b.text == plea for b in article.boilerplate)


def test_a_perk_for_subscribers_after_the_article_is_an_ad() -> None:
    # "subscribers", not "subscribe": the offer speaks of them without asking outright.
    perk = "First-time subscribers also receive a special welcome gift from our newsroom!"
    article = _clean(_article(f"<p>{perk}</p>"))
    assert article.text.endswith("after a long debate that lasted into the evening.")
    assert any(b.rule == "tail:appeal" and b.text == perk for b in article.ads)


_PLEA_AFTER_LIST = (
    "Do you know our brand finder yet? Looking for more fair knitwear? From now on you "
    "find labels, natural cosmetics and eco products in one click, curated and checked."
)


def test_a_plea_left_after_a_closing_list_of_linked_headlines_leaves_the_article() -> None:
    # The article's paragraphs, a "Related" label over linked headlines (the label and the
    # first in one paragraph), then the site's own word on its brand finder: the list
    # closed the story.
    listing = (
        "<p><strong>You might also like these articles:<br></strong><br>"
        "<a href='https://news.example.com/fair/knitwear-from-hamburg'>Knitwear from "
        "Hamburg: fair fashion made in Germany</a></p>"
        "<p><a href='https://news.example.com/fair/fair-pullovers-cardigans'>Fair knit is "
        "chic: cosy pullovers, cardigans and more</a></p>"
    )
    article = _clean(_article(listing + f"<p>{_PLEA_AFTER_LIST}</p>"))
    assert article.text.endswith("after a long debate that lasted into the evening.")
    assert any(
        b.rule == "tail:after-related" and b.text == _PLEA_AFTER_LIST for b in article.boilerplate
    )


def test_the_story_goes_on_after_one_teaser_card_under_a_related_label() -> None:
    # One embedded teaser (a headline and its byline) is no closing list: the story's
    # last paragraph after it stays.
    card = (
        "<div class='recommendation'><h2>More on this topic</h2><article class='teaser'>"
        "<a href='https://news.example.com/business/standards-at-work/25747892.html'>"
        "<h4>Nationwide standards for protection at work: what firms must do now</h4></a>"
        "<footer><address>Mary Roe</address></footer></article></div>"
    )
    ending = "The customers are still friendly, she said. They keep to the rules, mostly."
    article = _clean(_article(card + f"<p>{ending}</p>"))
    assert article.text.endswith(ending)


def test_the_lines_of_a_block_an_appeal_ends_are_the_appeal() -> None:
    # One paragraph split by <br><br>: two lines about the site, then the ask.
    about = "We have reported on this city for more than a hundred years, and we intend to."
    need = "To stay independent of advertising and to bring you more, we need your help."
    ask = "So please help us and support our newsroom with a small gift."
    block = f"<p class='has-background'>{about}<br><br>{need}<br><br>{ask}</p>"
    article = _clean(_article(block))
    assert article.text.endswith("after a long debate that lasted into the evening.")
    assert [block.text.split("\n") for block in article.ads] == [[about, need, ask]]
    assert about not in article.text and need not in article.text


def test_a_plea_appended_to_the_last_paragraph_takes_no_story_with_it() -> None:
    # The same markup as the article's paragraphs: the story's last paragraph, a plea added.
    last = "The mayor said the library would reopen in the spring after a year of repairs."
    ask = "So please help us and support our newsroom with a small gift."
    article = _clean(_article(f"<p>{last}<br><br>{ask}</p>"))
    assert last in article.text
    assert ask not in article.text


def test_an_appeal_ending_the_article_own_block_takes_no_story_with_it() -> None:
    # The article is one paragraph of lines: its last line's ask does not take it along.
    line = PROSE.removeprefix("<p>").removesuffix("</p>")
    ask = "So please help us and support our newsroom with a small gift."
    body = "<br><br>".join([line] * 4 + [ask])
    article = _clean(f"<article class='story'><h1>Budget approved</h1><p>{body}</p></article>")
    assert article.text.count("after a long debate that lasted into the evening.") == 4


@pytest.mark.parametrize("box", ["kb-tip-print-step", "listicleProduct dn-print"])
def test_a_paragraph_in_a_box_named_like_a_share_bar_stays(box: str) -> None:
    # "print" names a printable step and a print utility here: a share bar holds buttons
    # and prompts, never a full paragraph of prose.
    step = (
        "Das liegt ganz einfach daran, dass die Tomate falsch auf dem Schneidebrett liegt:"
        " mit dem Strunk nach oben schneidet das Messer die Haut sauber durch."
    )
    article = _clean(_inside(f"<div class='{box}'><p>{step}</p></div>"))
    assert step in article.text
    prompt = "<div class='share-bar'><p>Share this article with your friends</p></div>"
    article = _clean(_inside(prompt))
    assert "Share this article" not in article.text


def test_a_share_row_goes_with_its_class_named_button() -> None:
    row = (
        "<div class='p-left'><div>关注新华网</div><div class='s-item share-wx'>WeChat</div>"
        "<div class='s-item'>Weibo</div><div class='s-item'>Qzone</div></div>"
    )
    article = _clean(_inside(row))
    for label in ("关注新华网", "Weibo", "Qzone"):
        assert label not in article.text
        assert any(b.role == "share" and label in b.text for b in article.boilerplate)


def test_a_share_rows_own_prompt_goes_with_its_buttons() -> None:
    # A sentence, and longer than a fragment, but a plea for a share among the buttons.
    row = (
        "<div class='ssba-wrap'><div><span>If you like it, please share it!</span>"
        "<a class='share-pinterest' href='#'><div>Pinterest</div></a>"
        "<a class='share-facebook' href='#'><div>Facebook</div></a></div></div>"
    )
    article = _clean(_inside(row))
    assert "please share it" not in article.text
    assert any(b.role == "share" and "please share it" in b.text for b in article.boilerplate)


@pytest.mark.parametrize("cls", ["noprint", "d-print-none", "hidden-print", "print:hidden"])
def test_a_box_left_off_paper_inside_the_article_is_boilerplate(cls: str) -> None:
    box = (
        f"<div class='phone-box {cls}'><div>Our booking hotline:</div><div>040 - 244 249</div>"
        "<div>Open today: 9:00 - 18:00</div></div>"
    )
    article = _clean(_inside(box))
    assert "booking hotline" not in article.text
    assert any(b.rule == "box:noprint" and "booking hotline" in b.text for b in article.boilerplate)


@pytest.mark.parametrize("line", ["Published 6 hours ago", "Updated 3 days ago", "vor 2 Stunden"])
def test_a_relative_time_stamp_is_a_date_line(line: str) -> None:
    # The page's date as its script renders it: a header line, not the article's.
    article = _clean(_inside(f"<div>{line}</div>"))
    assert line not in article.text


HEADER = "<article class='story'><h1>Budget approved by council</h1>"


def test_an_authors_profile_beside_the_byline_is_the_authors() -> None:
    meta = (
        "<div class='meta'><div>By Jane Roe</div><div>Jane Roe is a reporter for The "
        "Gazette covering city hall and the county's schools.</div></div>"
    )
    article = _clean(f"{HEADER}{meta}{PROSE * 4}</article>")
    assert "covering city hall" not in article.text
    assert any(b.rule == "head:bio" and "covering city hall" in b.text for b in article.boilerplate)


def test_a_story_opening_on_a_reporter_keeps_its_first_paragraph() -> None:
    # The byline's box is the article's: its first paragraph is the story's.
    lead = (
        "<p>John Doe is a reporter for The Gazette who was detained on Monday at the "
        "border, his editors said.</p>"
    )
    article = _clean(f"{HEADER}<div>By Jane Roe</div>{lead}{PROSE * 3}</article>")
    assert "who was detained on Monday" in article.text


PROFILE = (
    "Jane Roe is a full-time freelance writer living in the Washington, D.C. metro area. Over "
    "the past ten years, she has covered home design, gardening, travel and food for a "
    "dozen magazines and newspapers, and she has written two books about small gardens. "
    "When she is not writing, she grows tomatoes, restores old furniture and walks her "
    "two dogs along the river with her husband and their three children on weekends."
)


@pytest.mark.parametrize("title", ["Contributing Writer", "Former Senior Editor, Tech"])
def test_an_author_card_at_the_articles_foot_is_the_authors(title: str) -> None:
    # A profile longer than a tail bio, a full paragraph: only its title line tells.
    card = f"<div class='card'><div>Jane Roe</div><div>{title}</div><p>{PROFILE}</p></div>"
    article = _clean(_article(card))
    assert "freelance writer" not in article.text
    assert title not in article.text
    roles = {b.role for b in article.boilerplate if b.rule == "tail:author-card"}
    assert roles == {"author"}


@pytest.mark.parametrize("after", [PROSE * 6, PROSE])
def test_a_staff_title_among_the_articles_paragraphs_stays(after: str) -> None:
    # A section about the founder, labelled with her title: more of the article follows,
    # or the label and the profile lie among the article's paragraphs, in no card.
    body = f"<div>Founder and CEO</div><p>{PROFILE}</p>{after}"
    article = _clean(_article(body))
    assert "Founder and CEO" in article.text
    assert "freelance writer" in article.text


def test_a_heading_named_like_a_staff_title_stays() -> None:
    # A tool's name ("Style Editor") over what it does, at the end of a feature list.
    tool = "<h2>Style Editor</h2><p>View and edit the styles of a page, and apply new ones.</p>"
    article = _clean(_article(tool))
    assert "Style Editor" in article.text


GLOSSARY = (
    "A debt security issued by a corporation or a government in exchange for the money the "
    "bondholder lends it, repaid with interest at a set date."
)


@pytest.mark.parametrize(
    "attrs",
    [
        "class='cmp-modal--content'",
        "class='popup-box'",
        "class='popover-body'",
        "role='dialog'",
        "aria-modal='true'",
    ],
)
def test_a_box_opened_over_the_article_is_boilerplate(attrs: str) -> None:
    # A glossary's definitions shown on a click, hidden by the stylesheet until then:
    # full paragraphs, but not the article's text.
    box = f"<div {attrs}><h2>Bond</h2><p>{GLOSSARY}</p></div>"
    article = _clean(_inside(box))
    assert "debt security" not in article.text
    assert any(b.rule == "box:overlay" and "debt security" in b.text for b in article.boilerplate)


def test_a_dialog_element_inside_the_article_is_boilerplate() -> None:
    article = _clean(_inside(f"<dialog><p>{GLOSSARY}</p></dialog>"))
    assert "debt security" not in article.text


@pytest.mark.parametrize(
    ("box", "end"),
    [
        ("<div class='noprint'>", "</div>"),
        ("<div class='popup'>", "</div>"),  # a reading view opened over the listing
        ("<footer>", "</footer>"),
    ],
)
def test_an_article_wrapped_whole_in_a_furniture_box_stays(box: str, end: str) -> None:
    # A box left off paper, opened over the page or named a footer that holds the
    # article itself is a wrapper, not furniture set in it.
    body = f"<article class='story'><h1>Budget approved by council</h1>{box}"
    article = _clean(f"{body}{PROSE * 4}{end}</article>")
    assert article.text.count("after a long debate that lasted into the evening.") == 4


def _variant(n: int) -> str:
    return (
        f"<div class='ssr-variant hidden-{n}'><h2>What the budget funds</h2>"
        "<p>The new budget sets aside money for three new school buildings in the north of "
        "the town, the first of them to open next autumn.</p><p>Road repairs take the second "
        "largest share, with the bridge on Mill Street rebuilt over the summer months.</p>"
        "<p>The library keeps its opening hours, and its reading room is refurbished after "
        "two decades of use by the town's students and pensioners.</p><p>The council meets "
        "again in March to hear how the first quarter's spending went, and residents may "
        "attend the session in the town hall.</p></div>"
    )


def test_the_article_laid_out_again_for_another_screen_is_kept_once() -> None:
    # A site builder renders the article once per breakpoint and hides all but one with
    # media queries: the copies after the first are no text of the article.
    variants = _variant(1) + _variant(2)
    article = _clean(f"<article class='story'><h1>Budget approved</h1>{variants}</article>")
    assert article.text.count("three new school buildings") == 1
    assert article.text.count("What the budget funds") == 1
    assert any(
        b.rule == "neighbours:copy" and "three new school buildings" in b.text
        for b in article.boilerplate
    )


def test_a_repeated_paragraph_or_short_list_stays() -> None:
    # The author's own repetition: a refrain, an address given again where a step needs it.
    steps = (
        "<ul><li>Mail: One Commerce Plaza, Albany</li><li>Fax: (518) 474-1418</li>"
        "<li>Online: the state's form</li></ul>"
    )
    article = _clean(_article(steps + PROSE + steps))
    assert article.text.count("after a long debate that lasted into the evening.") == 5
    assert article.text.count("Fax: (518) 474-1418") == 2


def test_a_box_of_prose_beside_a_share_button_stays() -> None:
    box = f"<div class='p-left'>{PROSE}<div class='share'>Share</div></div>"
    article = _clean(_inside(box))
    assert article.text.count("after a long debate that lasted into the evening.") == 5


def test_a_cited_contribution_after_the_article_is_no_appeal() -> None:
    # A reference list's entry names a "contribution" the way a citation does; only a
    # contribution asked for ("your contribution helps us") is a plea.
    sources = "".join(
        f"<p>{n} {source}</p>"
        for n, source in enumerate(
            [
                "IRS, “Topic no. 751, Social Security and Medicare withholding rates,” 2025.",
                "Social Security Administration, “Contribution and Benefit Base,” 2025.",
                "Tax Foundation, “State and Local Sales Tax Rates,” July 2025.",
            ],
            start=4,
        )
    )
    plea = "Your contribution helps us keep publishing stories like this one."
    article = _clean(_article(sources + f"<p>{plea}</p>"))
    assert "“Contribution and Benefit Base,” 2025." in article.text
    assert any(b.rule == "tail:appeal" and b.text == plea for b in article.ads)


def test_a_mailbox_plea_inside_the_article_is_an_ad() -> None:
    # No "newsletter" or "subscribe": the plea offers posts brought to the reader's inbox.
    plea = "Receive agency growth tips, delivered to your inbox"
    story = "<p>Hire us and get CVs in your inbox within 72 hours of your call.</p>"
    article = _clean(_article(f"<div>{plea}</div>" + PROSE + story))
    assert plea not in article.text
    assert any(b.rule == "text:appeal" and b.text == plea for b in article.ads)
    assert "CVs in your inbox within 72 hours" in article.text


def test_a_story_box_that_counts_subscribers_stays() -> None:
    # Subscribers counted in the story are no pitch: three such lines are no appeal box.
    box = (
        "<div class='stats'><p>The streaming service added 680,000 subscribers in a year.</p>"
        "<p>Subscribers who stayed past a week watched twice as much.</p>"
        "<p>In July it had 54 subscribers per title, up from 7 in December.</p></div>"
    )
    article = _clean(_inside(box))
    assert "The streaming service added 680,000 subscribers in a year." in article.text
    assert "In July it had 54 subscribers per title" in article.text


def test_a_reader_funded_sites_donation_box_in_the_article_is_an_appeal() -> None:
    box = (
        "<div class='wp-block-column'><h2>This story is funded by readers like you</h2>"
        "<p>Our non-profit newsroom provides climate coverage free of charge. Your monthly"
        " donations play a crucial role in supporting our operations.</p>"
        "<p><a href='/donate'>Donate now</a></p></div>"
    )
    article = _clean(_inside(box))
    assert "funded by readers like you" not in article.text
    assert any("funded by readers like you" in b.text for b in article.ads)


def test_a_reviews_price_list_is_no_appeal_box() -> None:
    # "billed annually" under each plan prices a product; it pleads for nothing.
    plans = "".join(
        f"<li>{plan} Plan: Starting at €{price}/month (billed annually)</li>"
        for plan, price in (("Personal", 14), ("Business", 23), ("Commerce", 27))
    )
    article = _clean(_inside(f"<div class='pricing'><ul>{plans}</ul></div>"))
    assert "Business Plan: Starting at €23/month (billed annually)" in article.text
    assert not article.ads


def test_a_story_box_about_newsletters_with_no_way_to_sign_up_stays() -> None:
    # Dense with "newsletter" and "subscribe", but no link, button or form: no plea.
    box = (
        "<div class='steps'><p>Grab the posts of the newsletters I subscribe to.</p>"
        "<p>Rate each newsletter by its length and engagement.</p>"
        "<p>Summarize the seven newsletters with the highest score.</p></div>"
    )
    article = _clean(_inside(box))
    assert "Rate each newsletter by its length and engagement." in article.text
    signup = box.replace("</div>", "<a href='/newsletter'>Sign me up</a></div>")
    assert "Rate each newsletter" not in _clean(_inside(signup)).text


def test_a_german_donation_box_inside_the_article_is_an_ad() -> None:
    # "Helfen Sie mit!", "Jede kleine Spende ...", "Jetzt spenden!": three pleas in a box.
    box = (
        "<div class='flyout'><div>Helfen Sie mit!</div>"
        "<p>Jede kleine Spende hilft den Menschen in Not!</p>"
        "<form><button>Jetzt spenden!</button></form></div>"
    )
    article = _clean(_inside(box))
    assert "Jede kleine Spende" not in article.text
    assert "Jede kleine Spende hilft den Menschen in Not!" in _ads(article)


def test_a_two_sentence_letters_prompt_after_the_article_leaves_it() -> None:
    prompt = (
        "We want to hear what you think about this article. Submit a letter to the editor "
        "or write to letters@gazette.example.com."
    )
    article = _clean(_article(f"<p>{prompt}</p>"))
    assert article.text.endswith("after a long debate that lasted into the evening.")
    assert any(b.rule == "tail:comments" and b.text == prompt for b in article.boilerplate)


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


def _ads(article: newsclean.Article) -> str:
    return "\n".join(block.text for block in article.ads)


def _sidebar(article: newsclean.Article) -> str:
    return "\n".join(f"{story.title}\n{story.text}" for story in article.sidebar_stories)


def test_a_sponsored_label_takes_the_teaser_it_heads() -> None:
    teaser = (
        "<aside><div class='item'><div class='above'><span>Promoted Content</span></div>"
        "<div class='headline'><a href='/spotlight/an-armenian-celebration-in-jerusalem'>"
        "An Armenian celebration in Jerusalem</a></div></div></aside>"
    )
    article = _clean(_article() + teaser)
    assert "An Armenian celebration in Jerusalem" in _ads(article)
    assert article.sidebar_stories == ()


def test_a_commercial_cooperation_label_is_sponsored() -> None:
    teaser = (
        "<aside><div class='card'><div>Kaupallinen yhteistyöAutotalli.com</div>"
        "<h3>Unelma-auton voi hankkia myös leasingilla</h3></div></aside>"
    )
    article = _clean(_article() + teaser)
    assert "Unelma-auton" in _ads(article)


def test_the_heading_of_a_newsletter_box_is_the_ads() -> None:
    widget = (
        "<div class='widget'><h3>Get my free rail tips</h3><div class='textwidget'>"
        "<p>With my free newsletter you never miss an article again.</p></div></div>"
    )
    article = _clean(_article() + widget)
    assert "Get my free rail tips" in _ads(article)


def test_a_slot_label_does_not_take_the_box_beside_it() -> None:
    rail = (
        "<div class='rail'><div class='slot'><div>Advertisement</div></div>"
        "<div class='more'><h3>More topics</h3><p><a href='/a/2024/schools-get-new-funding-plan'>"
        "Schools get a new funding plan</a></p></div></div>"
    )
    article = _clean(_article() + rail)
    assert "Schools get a new funding plan" in _sidebar(article)
    assert "Schools" not in _ads(article)


def test_a_plea_in_a_large_box_does_not_take_the_box() -> None:
    items = "".join(
        f"<li><a href='/a/2024/story-number-{n}-about-town'>Story number {n} about town</a></li>"
        for n in range(5)
    )
    box = f"<aside><ul><li>Sign up for our daily newsletter today</li>{items}</ul></aside>"
    article = _clean(_article() + box)
    assert "Story number 3 about town" in _sidebar(article)


def test_a_block_that_is_a_sign_up_link_leaves_the_article_but_a_sentence_linking_one_stays() -> (
    None
):
    promo = (
        "<p><a href='https://mailchi.mp/example/take5signup'>GET THE BEST OF THE GAZETTE "
        "IN FIVE EASY PIECES</a></p>"
    )
    mention = (
        "<p>Beehiiv sent 28 billion emails last year, and <a href='https://example.com/"
        "newsletter-report'>its report</a> says paid subscriptions grew.</p>"
    )
    article = _clean(_article(promo + mention + PROSE))
    assert "FIVE EASY PIECES" in _ads(article)
    assert "FIVE EASY PIECES" not in article.text
    assert "Beehiiv sent 28 billion emails" in article.text


def test_a_plea_in_a_sidebar_box_inside_the_article_is_an_ad() -> None:
    box = "<aside class='sidebar'><h3>Assine a nossa newsletter agora</h3></aside>"
    article = _clean(_article(box + PROSE))
    assert "Assine a nossa newsletter" in _ads(article)


def test_terms_and_conditions_with_an_ampersand_are_legal() -> None:
    footer = (
        "<footer><ul><li><a href='/terms'>Subscription Terms &amp; Conditions</a></li></ul>"
        "</footer>"
    )
    article = _clean(_article() + footer)
    assert "Subscription Terms & Conditions" in "\n".join(b.text for b in article.legal)
    assert "Terms" not in _ads(article)


def test_sponsored_and_branded_boxes_are_ads() -> None:
    page = _article(
        "<ul><li class='spons'><a href='https://prf.example/l/1'>Live sport on Zone. "
        "Sign in now!</a></li></ul>"
    ) + (
        "<aside><article class='articulo articulo_branded'><h2>"
        "<a href='/economia/2020/01/28/talent-hunt-1580217248'>The hunt for the best talent</a>"
        "</h2></article></aside>"
    )
    article = _clean(page)
    assert "Live sport on Zone" in _ads(article)
    assert "The hunt for the best talent" in _ads(article)


def test_a_paywall_notice_after_the_article_is_an_ad() -> None:
    article = _clean(_article("<h2>This article is exclusive to STAT+ subscribers</h2>"))
    assert "exclusive to STAT+ subscribers" in _ads(article)
    assert "exclusive" not in article.text


def test_a_banner_is_the_pages_masthead_not_an_ad() -> None:
    header = (
        "<header id='orb-banner'><div class='skip-links'><ul><li><a href='#page'>"
        "Skip to content</a></li></ul></div></header>"
    )
    article = _clean(header + _article())
    assert "Skip to content" not in _ads(article)
    assert any("Skip to content" in block.text for block in article.boilerplate)


def test_the_comment_thread_nearer_than_an_ad_class_decides() -> None:
    thread = (
        "<div class='row-ad'><section class='comments'><div class='comment-gate'>"
        "<p>You must be logged in to post a comment.</p></div>"
        "<div class='ad-slot'><p>Buy our product now at a discount</p></div></section></div>"
    )
    article = _clean(_article() + thread)
    assert "logged in to post a comment" not in _ads(article)
    assert any(b.role == "comments" and "post a comment" in b.text for b in article.boilerplate)
    assert "Buy our product now" in _ads(article)


def test_a_paywall_badge_inside_the_article_is_an_ad() -> None:
    article = _clean(_article("<div class='badge'>Exklusiv für Abonnenten</div>" + PROSE))
    assert "Exklusiv für Abonnenten" in _ads(article)
    assert "Exklusiv" not in article.text


def test_a_comments_line_in_a_disclaimer_box_is_the_threads() -> None:
    thread = (
        "<section class='thread'><div class='comment-disclaimer'>"
        "<p>Das Kommentieren dieses Artikels wurde deaktiviert.</p></div></section>"
    )
    article = _clean(_article() + thread)
    assert not article.legal
    assert any(b.role == "comments" and "deaktiviert" in b.text for b in article.boilerplate)


def test_comment_prompts_in_spanish_leave_the_article() -> None:
    article = _clean(_article("<p>Deja tus comentarios sobre esta noticia.</p>"))
    assert "Deja tus comentarios" not in article.text


def test_a_headline_link_led_by_its_date_is_a_story() -> None:
    teasers = (
        "<div class='teasers-x'><div class='headline'><a href='/de/newsroom/"
        "23-02-2020-roiseland-avanciert-zur-koenigin'>23.02.2020 - Røiseland avanciert zur "
        "Antholz-Königin</a></div></div>"
    )
    dated = "<p class='date'>17 November 2015</p>"
    page = f"<article class='story'><h1>Budget approved by council</h1>{dated}{PROSE * 4}</article>"
    article = _clean(page + teasers)
    assert any("Røiseland avanciert" in story.title for story in article.sidebar_stories)


def test_a_date_line_linking_an_archive_stays_boilerplate() -> None:
    archive = (
        "<div><a href='/archiv/2020-04-28-alle-meldungen'>Alle Meldungen vom 28.04.2020</a></div>"
    )
    dated = "<p class='date'>17 November 2015</p>"
    page = f"<article class='story'><h1>Budget approved by council</h1>{dated}{PROSE * 4}</article>"
    article = _clean(page + archive)
    assert article.sidebar_stories == ()


def test_a_related_box_ten_elements_up_still_names_its_stories() -> None:
    deep = (
        "<div>" * 7 + "<h3>Tokyo's most affordable Michelin-starred restaurants</h3>" + "</div>" * 7
    )
    article = _clean(_article() + f"<aside class='sidebar'><div>{deep}</div></aside>")
    assert any("Michelin-starred" in story.title for story in article.sidebar_stories)


def test_a_headline_linking_a_slug_before_a_short_id_is_a_story() -> None:
    teaser = (
        "<div class='teasers-x'><a href='/de/newsroom/19-01-2021-die-besten-biathleten/"
        "17-372.html'>Die besten Biathleten der Welt sind eingetroffen</a></div>"
    )
    article = _clean(_article() + teaser)
    assert any("Die besten Biathleten" in story.title for story in article.sidebar_stories)


def test_a_footer_link_with_a_slug_is_navigation_not_a_story() -> None:
    footer = (
        "<footer><ul><li><a href='/de/infos-service/bumsi-unser-maskottchen'>"
        "Bumsi, unser Maskottchen</a></li></ul></footer>"
    )
    article = _clean(_article() + footer)
    assert article.sidebar_stories == ()
    assert any("Bumsi" in block.text for block in article.boilerplate)


def test_a_sites_funding_disclosure_is_legal_not_sponsored() -> None:
    footer = (
        "<footer><p>This website is sponsored by the Korea Communications Commission.</p></footer>"
    )
    article = _clean(_article() + footer)
    assert "Korea Communications Commission" in "\n".join(b.text for b in article.legal)
    assert not article.ads


def test_an_offer_box_of_five_blocks_goes_with_its_plea() -> None:
    offer = (
        "<div class='box'><div>The digital Gazette</div><div>Read this issue digitally now: "
        "subscribe today</div><p>The digital world of news, with interactive graphics and "
        "videos that stay with you.</p><p>You read the new issue before it is printed, from "
        "Friday evening on.</p><p>Sign in once and read on every device, offline too.</p></div>"
    )
    article = _clean(_article() + offer)
    assert "interactive graphics" in _ads(article)
    assert "every device" in _ads(article)


def test_a_heading_wrapped_in_an_article_link_is_a_story_even_in_a_nav_box() -> None:
    nav = (
        "<nav class='article-navigation'><div>Article suivant</div>"
        "<a href='/mode/campagnes-mythiques-chanel-n5-110417'><div><h3>De Carole Bouquet à "
        "Gisele Bündchen, retour sur les campagnes mythiques</h3></div></a></nav>"
    )
    article = _clean(_article() + nav)
    stories = [s for s in article.sidebar_stories if "Carole Bouquet" in s.title]
    assert [s.url for s in stories] == [
        "https://news.example.com/mode/campagnes-mythiques-chanel-n5-110417"
    ]


def test_a_heading_wrapped_in_a_section_link_stays_navigation() -> None:
    nav = "<nav><a href='/mode/'><h3>Toute la mode de la semaine</h3></a></nav>"
    article = _clean(_article() + nav)
    assert article.sidebar_stories == ()


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


@pytest.mark.parametrize("label", ["About the expert", "About the Reviewer", "Meet the author"])
def test_an_about_the_expert_box_is_the_authors_profile(label: str) -> None:
    about = (
        f"<div><h2>{label}</h2><h3>Zane Merva</h3><p>Zane is our expert on pickups and "
        "towing, and has tested cars for twenty years for the magazine.</p></div>"
    )
    article = _clean(_article(about))
    assert "Zane" not in article.text and label not in article.text
    assert any("towing" in block.text and block.role == "author" for block in article.boilerplate)


@pytest.mark.parametrize("label", ["Keep Reading", "Read Next"])
def test_a_box_opened_by_a_keep_reading_label_leaves_the_article(label: str) -> None:
    blurb = "The latest on city budgets, from council votes to library building work."
    more = f"<div class='callout'><div>{label}</div><div>{blurb}</div></div>"
    article = _clean(_article(more + PROSE))
    assert label not in article.text
    assert "The latest on city budgets" not in article.text
    assert article.text.endswith("after a long debate that lasted into the evening.")


def test_a_box_whose_label_is_its_own_bare_text_leaves_the_article() -> None:
    # "Weitere Informationen" is the infobox's own text, not a child element's.
    info = (
        "Deniz Roe: Budgets for towns, a book about the council's long debates, "
        "Gazette Press, 240 pages, 22 euros."
    )
    box = f"<div class='infobox'>Weitere Informationen<p>{info}</p></div>"
    article = _clean(_article(box + PROSE))
    assert "Weitere Informationen" not in article.text
    assert "Budgets for towns, a book" not in article.text
    assert article.text.endswith("after a long debate that lasted into the evening.")


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


@pytest.mark.parametrize(
    "name", ["vorspann", "introduction", "chapo", "article__abstract", "mobile_Ingress"]
)
def test_standfirsts_named_in_other_languages_join_the_article(name: str) -> None:
    lead = "Der Stadtrat hat den Haushalt beschlossen, nach langer Debatte bis in den Abend."
    page = f"<div class='header'><h1>Budget approved</h1><div class='{name}'>{lead}</div></div>"
    article = _clean(page + f"<div class='body'>{PROSE * 4}</div>")
    assert article.text.startswith("Der Stadtrat")


def test_a_standfirst_with_a_few_links_joins_the_article() -> None:
    # A third of its text links the products it names, as the article's own paragraphs may.
    lead = (
        "<p>The <a href='/p/sonicare'>Philips Sonicare 4100</a> was our favourite overall, "
        "thanks to its long battery and its <a href='/p/heads'>gentle brush heads</a>.</p>"
    )
    page = f"<div class='header'><h1>Best toothbrushes</h1><div class='summary'>{lead}</div></div>"
    article = _clean(page + f"<div class='body'>{PROSE * 4}</div>")
    assert article.text.startswith("The Philips Sonicare 4100 was our favourite")
    assert article.body[0].rule == "class:lead"


def test_a_table_of_contents_box_inside_the_article_leaves_it() -> None:
    links = "".join(f"<li><a href='#s{n}'>Part {n} of the budget</a></li>" for n in (1, 2, 3))
    contents = f"<div class='box'><p>Inhaltsverzeichnis</p><ul>{links}</ul></div>"
    article = _clean(_article(contents + PROSE))
    assert "Inhaltsverzeichnis" not in article.text
    assert any(b.text == "Inhaltsverzeichnis" for b in article.boilerplate)


def test_a_login_prompt_in_a_newsletter_box_is_boilerplate() -> None:
    box = (
        "<div class='newsletter-component'><h4>Inside politics newsletter</h4>"
        "<div><a href='/signup'>Sign up</a></div><p>Already have an account? Log in here</p></div>"
    )
    article = _clean(_article() + box)
    assert "Log in here" not in _ads(article)
    assert any(b.role == "login" and "Log in here" in b.text for b in article.boilerplate)


def test_an_affiliate_disclosure_inside_the_article_is_legal() -> None:
    disclosure = (
        "<p>We may earn commission from links on this page, but we only recommend "
        "products we back.</p>"
    )
    about = (
        "<p>Affiliate links are how many small sites pay their writers, the council's "
        "report on local media found, and most readers never notice them.</p>"
    )
    article = _clean(_article(disclosure + about))
    assert "We may earn commission" in "\n".join(block.text for block in article.legal)
    assert "We may earn commission" not in article.text
    assert "Affiliate links are how many small sites" in article.text


def test_a_three_sentence_disclosure_inside_the_article_is_legal() -> None:
    # 58 words: who funds the site, how the links pay, what that pays for.
    disclosure = (
        "We are a reader-supported website and do not accept payment from manufacturers to "
        "promote their products. When you click on some of the links on our site and make a "
        "purchase, we earn a small commission at no cost to you. This keeps our website "
        "running and enables us to provide independent, high-quality outdoor resources free "
        "of charge."
    )
    article = _clean(_article(f"<div>{disclosure}</div>"))
    assert disclosure in "\n".join(block.text for block in article.legal)
    assert "reader-supported" not in article.text


@pytest.mark.parametrize(
    "notice",
    [
        "Example News is not responsible for the opinions, statements or media content "
        "presented by contributors.",
        "Wir übernehmen keine Haftung für die Inhalte externer Links.",
    ],
)
def test_a_site_disowning_what_others_put_on_it_is_legal(notice: str) -> None:
    article = _clean(_article(f"<div>{notice}</div>"))
    assert notice in "\n".join(block.text for block in article.legal)
    assert notice not in article.text


def test_a_review_sites_pledge_and_its_links_pay_split_over_two_lines_are_legal() -> None:
    lines = (
        "<p>We independently test everything we recommend.</p>"
        "<p>Buying through links on our site supports our work.</p>"
    )
    article = _clean(_article(lines))
    assert "We independently test" not in article.text
    assert "Buying through links" not in article.text
    # A story's sentences about testing and links stay.
    story = (
        "<p>The lab independently tests everything the council buys for schools.</p>"
        "<p>Readers buying through links in unsolicited emails were warned by police.</p>"
    )
    article = _clean(_article(story))
    assert "independently tests" in article.text
    assert "unsolicited emails" in article.text


def test_a_german_affiliate_disclosure_naming_links_and_a_commission_is_legal() -> None:
    disclosure = (
        "Dieser Artikel kann Links zu Anbietern enthalten, von denen die Redaktion eine "
        "Provision erhält."
    )
    article = _clean(_article(f"<p>{disclosure}</p>"))
    assert disclosure in "\n".join(block.text for block in article.legal)
    assert "Provision" not in article.text


@pytest.mark.parametrize(
    "notice",
    [
        "This article is based on scientific evidence, written by experts and fact checked by"
        " experts.",
        "Dieser Text entspricht den Vorgaben der ärztlichen Fachliteratur, medizinischen"
        " Leitlinien sowie aktuellen Studien und wurde von Medizinern geprüft.",
        "Dieser Artikel wurde von Ärzten überprüft.",
    ],
)
def test_a_health_sites_review_notice_inside_the_article_is_legal(notice: str) -> None:
    story = (
        "<p>The new drug was reviewed by experts at the agency, who found that it cut the"
        " risk of a severe illness by nearly ninety percent in the trial.</p>"
        "<p>Der Impfstoff wurde von Ärzten geprüft, bevor ihn die Behörde für alle"
        " Erwachsenen zuließ.</p>"
    )
    article = _clean(_inside(f"<p>{notice}</p>{story}"))
    assert any(b.role == "disclosure" and b.text == notice for b in article.legal)
    assert notice not in article.text
    assert "The new drug was reviewed by experts" in article.text
    assert "Der Impfstoff wurde von Ärzten geprüft" in article.text


@pytest.mark.parametrize(
    "notice",
    [
        "Sofern nicht anders ausgewiesen, stehen Inhalte dieser Website unter CC-BY.",
        "Unless otherwise noted, content on this site is licensed under CC BY 4.0.",
    ],
)
def test_a_sites_licence_notice_inside_the_article_is_legal(notice: str) -> None:
    about = (
        "<p>A Creative Commons licence lets the author decide what others may do with the "
        "work, the council's report on open data found, and most readers never notice.</p>"
    )
    article = _clean(_article(f"<p>{notice}</p>{about}"))
    assert notice in "\n".join(block.text for block in article.legal)
    assert notice not in article.text
    assert "A Creative Commons licence lets the author decide" in article.text


def test_a_consent_plugins_placeholder_inside_the_article_is_legal() -> None:
    # Borlabs Cookie sets its notice where an embedded map would be.
    notice = "Klicken Sie auf den unteren Button, um den Inhalt von maps.example.com zu laden."
    blocker = (
        "<div class='BorlabsCookie'><div class='_brlbs-content-blocker'>"
        f"<div class='_brlbs-default'><p>{notice}</p><p><a href='#'>Inhalt laden</a></p>"
        "</div></div></div>"
    )
    article = _clean(_inside(blocker))
    assert notice not in article.text
    assert notice in "\n".join(block.text for block in article.legal)


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


def _inside(line: str) -> str:
    """An article with `line` between its paragraphs, where no tail trim reaches it."""
    head = "<article class='story'><h1>Budget approved by council</h1>"
    return f"{head}{PROSE * 2}{line}{PROSE * 2}</article>"


@pytest.mark.parametrize(
    "line", ["11 min read", "Bridgestone Team | 5 min read", "Lesezeit: 4 Min."]
)
def test_a_reading_time_line_inside_the_article_is_boilerplate(line: str) -> None:
    article = _clean(_inside(f"<div>{line}</div>"))
    assert line not in article.text
    assert any(b.role == "date" and b.text == line for b in article.boilerplate)


def test_a_sentence_about_reading_time_stays() -> None:
    sentence = (
        "<p>The council's report takes a 90 minute read to get through, and few members "
        "admitted to having finished it before the vote on Tuesday evening.</p>"
    )
    article = _clean(_inside(sentence))
    assert "90 minute read" in article.text


def _dated(line: str) -> str:
    """`_inside(line)` under a date line of its own, which the metadata takes."""
    return _inside(line).replace("</h1>", "</h1><div>June 5, 2024</div>", 1)


@pytest.mark.parametrize(
    "line",
    [
        "15 Dec, 2025",
        "Posted by David at December 16, 2025 11:15 AM",
        "Last updated March 3, 2025 by Erik Demaine, site editor.",
    ],
)
def test_a_date_line_inside_the_article_is_boilerplate(line: str) -> None:
    article = _clean(_dated(f"<div>{line}</div>"))
    assert str(article.published).startswith("2024-06-05")
    assert line not in article.text
    assert any(b.role == "date" and b.text == line for b in article.boilerplate)


@pytest.mark.parametrize(
    "line",
    [
        "stunnel_rsync.html - Created 03-10-2004 2:20pm - Last Modified: 03-10-2004 2:20pm",
        "Last updated on September 16th, 2023 at 09:27 am",
        "This post was last updated July 2021.",
        "Zuletzt geändert am 3. März",
    ],
)
def test_a_line_saying_when_the_page_last_changed_is_a_date_line(line: str) -> None:
    # The day in a form DATE_TEXT does not read ("03-10-2004", "16th"), or no day at all.
    article = _clean(_dated(f"<div>{line}</div>"))
    assert line not in article.text
    assert any(b.role == "date" and b.text == line for b in article.boilerplate)


@pytest.mark.parametrize(
    "sentence",
    [
        "The entry-level model was last updated in July, while the larger ones were.",
        "The page was last updated 3 weeks ago, but the council says its figures still hold.",
    ],
)
def test_a_sentence_about_an_update_stays(sentence: str) -> None:
    article = _clean(_dated(f"<p>{sentence}</p>"))
    assert sentence in article.text


def test_a_short_sentence_that_merely_holds_a_date_stays() -> None:
    sentence = "<p>The notice says the council met again on December 16, 2025.</p>"
    article = _clean(_dated(sentence))
    assert "met again on December 16, 2025" in article.text


@pytest.mark.parametrize(
    "line",
    [
        "Save this story",
        "Pin this for later!",
        "Like this:",
        "Gefällt mir:",
        "Like Loading...",
        "Gefällt mir Wird geladen …",
        "Folgen Sie uns auf",
        "Follow us on:",
        "Tipp favorisieren",
        "Rezept merken",
    ],
)
def test_a_save_pin_or_like_label_inside_the_article_is_share(line: str) -> None:
    article = _clean(_inside(f"<div>{line}</div>"))
    assert line not in article.text
    assert any(b.role == "share" and b.text == line for b in article.boilerplate)


@pytest.mark.parametrize(
    "line",
    [
        "Talk to Our Experts",
        "Request A Free Consultation for Accounting Services",
        "Get the FREE eBook!",
        "Contact Us Today!",
    ],
)
def test_a_call_to_action_inside_the_article_is_an_ad(line: str) -> None:
    article = _clean(_inside(f"<h3>{line}</h3>"))
    assert line not in article.text
    assert line in _ads(article)


def test_a_sentence_that_mentions_experts_stays() -> None:
    sentence = (
        "<p>Residents who wanted to talk to our experts on the budget filled the hall, and "
        "the council promised a second meeting in the spring to hear the rest of them.</p>"
    )
    article = _clean(_inside(sentence))
    assert "wanted to talk to our experts" in article.text


@pytest.mark.parametrize(
    "line",
    [
        "Expand All Collapse All",
        "Copy",
        "Loading paragraph...",
        "Previous Next",
        "Next slide",
        "Quellen ausblenden",
        "Mehr anzeigen",
        "Show less",
    ],
)
def test_a_widget_label_inside_the_article_is_boilerplate(line: str) -> None:
    article = _clean(_inside(f"<div>{line}</div>"))
    assert line not in article.text.splitlines()
    assert any(b.role == "control" and b.text == line for b in article.boilerplate)


@pytest.mark.parametrize(
    "line",
    [
        "Check price at REI",
        "View on Amazon",
        "Sale price $699.98",
        "Buy now from one of our trusted retail partners:",
    ],
)
def test_a_shop_button_inside_the_article_is_an_ad(line: str) -> None:
    article = _clean(_inside(f"<div>{line}</div>"))
    assert line not in article.text
    assert line in _ads(article)


def test_a_sentence_about_where_to_buy_stays() -> None:
    sentence = "<p>Buy from the farmers' market on Saturdays, the council says.</p>"
    article = _clean(_inside(sentence))
    assert "Buy from the farmers' market" in article.text


def test_a_sign_up_plea_in_the_sites_voice_inside_the_article_is_an_ad() -> None:
    plea = "<p>Want more from the Gazette? Sign up for our newsletter, and read smarter.</p>"
    article = _clean(_inside(plea))
    assert "Sign up for our newsletter" not in article.text
    assert "Sign up for our newsletter" in _ads(article)


@pytest.mark.parametrize(
    "notice",
    [
        "To view the full story, please subscribe to The Gazette. You can choose an annual "
        "subscription or a weekly pass.",
        "If you're seeing this message but you're already a subscriber, you can log in for "
        "immediate access to this story.",
        "To read the rest of this story subscribe to Gazette+.",
    ],
)
def test_a_paywall_notice_laid_among_the_paragraphs_is_an_ad(notice: str) -> None:
    article = _clean(_inside(f"<p>{notice}</p>"))
    assert notice not in article.text
    assert notice in _ads(article)


def test_a_sentence_about_a_subscription_and_a_full_story_stays() -> None:
    sentence = (
        "<p>Residents who read the full story in the council's report can subscribe to its "
        "updates at the town hall, the clerk said after the meeting.</p>"
    )
    article = _clean(_inside(sentence))
    assert "read the full story in the council's report" in article.text


def test_a_german_posts_advertising_notice_is_an_ad() -> None:
    notice = "*Werbung. Dieser Beitrag enthält Werbung für Example Swimwear."
    article = _clean(_inside(f"<p>{notice}</p>"))
    assert notice not in article.text
    assert notice in _ads(article)


def test_a_sentence_about_advertising_stays() -> None:
    sentence = "<p>Werbung nervt. Tracking nervt. Der Rat will beides im Stadtgebiet verbieten.</p>"
    article = _clean(_inside(sentence))
    assert "Werbung nervt." in article.text


def test_a_sentence_about_a_newsletter_stays() -> None:
    sentence = (
        "<p>The council's own newsletter, which residents can subscribe to at the town hall, "
        "printed the budget in full last week.</p>"
    )
    article = _clean(_inside(sentence))
    assert "residents can subscribe to at the town hall" in article.text


def test_an_author_box_after_the_article_leaves_it() -> None:
    bio = (
        "<p>Dennis Moons is the founder and lead instructor at Store Growers.</p>"
        "<p>He's a Google Ads expert with over 12 years of experience in running campaigns.</p>"
    )
    article = _clean(_article(bio))
    assert article.text.endswith("after a long debate that lasted into the evening.")
    authors = [b.text for b in article.boilerplate if b.role == "author"]
    assert any("Dennis Moons is the founder" in text for text in authors)
    assert any("He's a Google Ads expert" in text for text in authors)


def test_a_founder_named_inside_the_article_stays() -> None:
    founder = "<p>Jane Roe is the founder of the residents' association that fought the plan.</p>"
    article = _clean(_inside(founder))
    assert "Jane Roe is the founder" in article.text


@pytest.mark.parametrize(
    "label",
    [
        "Weiterführende Informationen",
        "Weitere Informationen",
        "Weiterführende Links",
        "Meistgelesen",
        "Most Read",
    ],
)
def test_a_further_information_or_most_read_label_opens_its_box(label: str) -> None:
    links = (
        "<ul><li><a href='/projekt'>Projekt-Website des Bundesprogramms</a></li>"
        "<li>Pressebilder zum Projekt an der Aller</li></ul>"
    )
    box = f"<div class='field'><h2>{label}</h2>{links}</div>"
    article = _clean(_article(box + PROSE))
    assert label not in article.text and "Pressebilder" not in article.text
    assert article.text.endswith("after a long debate that lasted into the evening.")


def test_a_box_label_led_by_an_emoji_still_opens_its_box() -> None:
    teaser = "<h4>Mayor opens the new library</h4><p>{}</p>".format(
        "The mayor opened the library on Monday, after three years of building work, with a "
        "speech about books, reading and the town's children."
    )
    more = f"<div class='box'><h2>🔥 Recommended Posts</h2>{teaser}</div>"
    article = _clean(_article(more + PROSE))
    assert "Mayor opens" not in article.text and "Recommended Posts" not in article.text


@pytest.mark.parametrize(
    "label",
    ["Latest articles", "Also see", "More from the blog", "Similar stories", "MORE NEWS"],
)
def test_a_latest_posts_label_opens_its_box(label: str) -> None:
    teaser = "<h5>Mayor opens the new library</h5><p>{}</p>".format(
        "The mayor opened the library on Monday, after three years of building work, with a "
        "speech about books, reading and the town's children."
    )
    more = f"<div class='box'><h2>{label}</h2>{teaser}</div>"
    article = _clean(_article(more + PROSE))
    assert "Mayor opens" not in article.text and label not in article.text


def test_a_bare_see_is_no_box_label() -> None:
    article = _clean(_article("<div class='box'><h2>See</h2>" + PROSE + "</div>" + PROSE))
    assert "See" in article.text


@pytest.mark.parametrize(
    "notice",
    [
        "© 2022, Example News. This article is the copyrighted property of Example News.",
        "Copyright © 2018. All Rights Reserved.",
        "Eine Kolumne der Redaktion. Alle Rechte vorbehalten.",
    ],
)
def test_a_rights_notice_inside_the_article_is_legal(notice: str) -> None:
    article = _clean(_article(f"<p>{notice}</p>" + PROSE))
    assert notice in "\n".join(block.text for block in article.legal)
    assert notice not in article.text


def test_a_sentence_about_copyright_inside_the_article_stays() -> None:
    about = (
        "<p>The licences sit between classic copyright (all rights reserved) and the "
        "public domain, the council's lawyer said.</p>"
    )
    article = _clean(_article(about))
    assert "classic copyright (all rights reserved)" in article.text


def test_a_spanish_membership_plea_inside_the_article_is_an_ad() -> None:
    plea = (
        "<div class='box'><p>Apoya el periodismo que incomoda.</p><p>Si te parece valioso "
        "nuestro trabajo, apóyanos. Únete a nuestra comunidad.</p>"
        "<a href='https://apoyo.example.net'>Quiero apoyar</a></div>"
    )
    article = _clean(_article(plea) + PROSE)
    assert "apóyanos" in _ads(article)
    assert "apóyanos" not in article.text


_SIGNUP_BOX = (
    "<section><div>Deals of the week</div><div>Be the first to know!</div>"
    "<div>Get our editors' picks sent right to your phone.</div>"
    "<form><input type='{kind}' name='{name}'><button>Count me in</button></form>"
    "<div>By entering your number you agree to receive recurring automated messages "
    "from us at the number provided. Reply STOP to opt out.</div></section>"
)


@pytest.mark.parametrize(("kind", "name"), [("tel", "phone"), ("email", "a"), ("text", "EMAIL")])
def test_a_sign_up_form_box_inside_the_article_is_an_ad(kind: str, name: str) -> None:
    box = _SIGNUP_BOX.format(kind=kind, name=name)
    article = _clean(
        f"<article class='story'><h1>Budget approved</h1>{PROSE * 2}{box}{PROSE * 2}</article>"
    )
    assert "Be the first to know" not in article.text
    assert "Reply STOP" not in article.text
    assert {block.rule for block in article.ads} == {"box:signup-form"}
    assert len(article.body) == 4


def test_a_sign_up_box_classed_as_one_takes_its_pitch_beside_it() -> None:
    # The form sits in a box named for the sign-up; its pitch in the column beside it.
    box = (
        "<div class='row'><div class='col'><h2>Become a Budget Insider</h2>"
        "<p>School may not have taught you about budgets, but we will.</p></div>"
        "<div class='signup-form-container'><form><input type='email' name='email'>"
        "<button>Join</button></form></div></div>"
    )
    article = _clean(f"<article class='story'><h1>Budget approved</h1>{PROSE * 6}{box}</article>")
    assert "Become a Budget Insider" not in article.text
    assert "may not have taught you" not in article.text
    assert len(article.body) == 6


@pytest.mark.parametrize(
    "form",
    [
        "<form><input type='email' name='email'><textarea name='comment'></textarea></form>",
        "<form><input type='email' name='email'><input type='password' name='pw'></form>",
    ],
)
def test_a_comment_or_login_form_box_is_no_sign_up(form: str) -> None:
    box = f"<section><div>Be the first to know about the budget vote.</div>{form}</section>"
    article = _clean(
        f"<article class='story'><h1>Budget approved</h1>{PROSE * 2}{box}{PROSE * 2}</article>"
    )
    assert not any(block.rule == "box:signup-form" for block in article.ads)


def test_a_sign_up_form_among_the_articles_paragraphs_takes_only_its_button() -> None:
    form = "<form><input type='email' name='email'><button>Sign up</button></form>"
    section = f"<div class='part'><div>{PROSE * 5}</div>{form}</div>"  # 800+ characters
    article = _clean(
        f"<article class='story'><h1>Budget approved</h1>{PROSE * 2}{section}</article>"
    )
    assert len(article.body) == 7
    assert [(block.text, block.rule) for block in article.ads] == [("Sign up", "box:signup-form")]


@pytest.mark.parametrize("line", ["Next", "Previous chapter", "Next steps"])
def test_a_short_line_that_merely_starts_like_a_carousel_arrow_stays(line: str) -> None:
    article = _clean(_inside(f"<h2>{line}</h2>"))
    assert line in article.text.splitlines()


_TEASER = (
    "Das Bundeskabinett hat am Freitag die Schwerpunkte der Präsidentschaft festgelegt, "
    "vom Klimaschutz bis zur Gleichstellung."
)


def _teaser_page(teaser_class: str, between: str = "") -> str:
    return (
        "<div class='news-single'><div class='article'><h1>Budget approved by council</h1>"
        f"<div class='{teaser_class}'><p>{_TEASER}</p></div>{between}"
        f"<div class='news-text-wrap'>{PROSE * 4}</div></div></div>"
    )


def test_the_articles_own_teaser_box_above_it_is_its_lead() -> None:
    article = _clean(_teaser_page("teaser-text"))
    assert article.text.startswith(_TEASER)
    assert article.body[0].rule == "class:teaser-lead"


def test_the_teaser_box_under_a_long_kicker_and_a_caption_is_the_lead() -> None:
    # Both stand in the article's header above the teaser; neither is its first paragraph.
    kicker = "<h2>Zweite Tarifrunde des Öffentlichen Dienstes der Länder beginnt in Potsdam</h2>"
    caption = (
        "<figure><img src='a.jpg'><figcaption>Der Vize und Tarifexperte der Gewerkschaft."
        " Foto: Hagen Immel</figcaption></figure>"
    )
    page = (
        f"<article><header>{kicker}<h1>Budget approved by council</h1>{caption}"
        f"<div class='teaser'><p>{_TEASER}</p></div></header>"
        f"<div class='content'>{PROSE * 4}</div></article>"
    )
    article = _clean(page)
    assert _TEASER in article.text
    assert any(block.rule == "class:teaser-lead" for block in article.body)


@pytest.mark.parametrize(
    ("teaser_class", "between"),
    [
        ("sidebar-teaser", ""),  # a side column's promotion
        ("teaser", "<ul class='menu'><li><a href='/news'>News</a></li></ul>"),  # apart
    ],
)
def test_a_teaser_box_named_otherwise_or_apart_from_the_article_stays_out(
    teaser_class: str, between: str
) -> None:
    article = _clean(_teaser_page(teaser_class, between))
    assert _TEASER not in article.text


def test_rows_a_segment_lacks_the_cue_for_are_rows_it_cannot_match(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Each row's `needs` names a cue its condition requires: skipping the row where the
    # segment has no such cue must never change a decision.
    import corpus_cases
    from newsclean import classify
    from newsclean.api import explain

    cases = corpus_cases.discover()[::4]
    assert cases
    filtered = [explain(c.source_bytes(), url=c.url).decisions for c in cases]
    monkeypatch.setattr(classify, "_rows_for", lambda text_cues, chain_cues: classify._ROWS)
    every_row = [explain(c.source_bytes(), url=c.url).decisions for c in cases]
    assert filtered == every_row


def test_prose_paragraphs_in_a_box_classed_as_menu_or_terms_stay_in_the_article() -> None:
    """Inside the article, a box of prose paragraphs is no menu or legal notice, whatever
    its id (made of a heading's words) or class ("floated-terms" on a glossary) says."""
    section = f"<div id='menu-innovation-strategies'><h2>Menu innovation</h2>{PROSE * 3}</div>"
    glossary = (
        "<dl class='floated-terms'><dt>Red Wine</dt>"
        "<dd>Still wine made with black grapes, ranging from light to bold in its body.</dd>"
        "<dt>White Wine</dt>"
        "<dd>A still wine made from white grapes, with flavours from tart to rich and creamy.</dd>"
        "<dt>Rosé Wine</dt>"
        "<dd>Still wine from black grapes whose skins are removed before they stain it.</dd>"
        "</dl>"
    )
    article = _clean(_article(section + glossary + PROSE))
    assert "Menu innovation" in article.text
    assert "Still wine from black grapes" in article.text
    assert not article.legal


def test_a_menu_or_a_legal_notice_inside_the_article_still_leaves_it() -> None:
    """Links and short lines stay a menu; one disclaimer paragraph stays legal; a <nav>
    tag is the author's own word, prose or not."""
    landmark = "<nav><p>A dropdown's blurb, written as a sentence of prose.</p>" + PROSE * 3
    landmark += "</nav>"
    menu = (
        "<ul class='post-nav'><li><a href='/a'>Previous story in this series</a></li>"
        "<li><a href='/b'>Next story in this series</a></li></ul>"
    )
    notice = (
        "<div class='disclaimer'><p>The views expressed here are the author's own and do not "
        "reflect those of the publisher or its staff.</p></div>"
    )
    article = _clean(_article(menu + notice + landmark + PROSE))
    assert "Next story in this series" not in article.text
    assert "A dropdown's blurb" not in article.text
    assert "views expressed here" in "\n".join(b.text for b in article.legal)


def test_a_disclaimer_of_several_paragraphs_inside_the_article_stays_legal() -> None:
    """Prose belies "terms" (a glossary), never a word that names the notice itself."""
    notice = (
        "<div class='disclaimer'>"
        "<p>This article is for information only and does not constitute investment advice. "
        "Past performance is no guarantee of future results, and values can fall.</p>"
        "<p>The views expressed are those of the author at the time of writing and may change "
        "without notice. Nothing here is an offer to buy or sell any security.</p>"
        "<p>Investing involves risk, including the possible loss of principal. Please consult "
        "a qualified adviser before making any decision based on this material.</p></div>"
    )
    article = _clean(_article(PROSE * 3 + notice))
    assert "investment advice" not in article.text
    assert "investment advice" in "\n".join(b.text for b in article.legal)


@pytest.mark.parametrize(
    "item",
    [
        "<li>{link}</li>",
        # AsciiDoc and Markdown with blank lines between items wrap each item's text in a <p>.
        "<li><p>{link}</p></li>",
        # A buying guide sets each pick's name as a heading in its item.
        "<li><h3>{link}</h3></li>",
    ],
)
def test_a_list_of_links_the_article_announces_stays_in_it(item: str) -> None:
    items = "".join(
        item.format(
            link=f"<a href='https://lists.example.org/patch/{n}'>[PATCH v{n}] Fix the "
            f"scheduler race in part {n}</a>"
        )
        for n in range(1, 5)
    )
    announced = f"<p>Many patches were sent for review this week:</p><ul>{items}</ul>"
    article = _clean(_article(PROSE * 2 + announced + PROSE))
    assert "[PATCH v3] Fix the scheduler race in part 3" in article.text
    assert {b.rule for b in article.body if "PATCH" in b.text} == {"neighbours:announced-list"}


def _packing_list(linked: list[str], plain: list[str]) -> str:
    """A list (under a heading, announced by nothing) of gear: some items link to a shop's
    or to the site's own guides, the rest are plain text."""
    items = [
        f"<li><a href='/2024/05/best-{n}-for-hiking-guide'>{name}</a></li>"
        for n, name in enumerate(linked)
    ] + [f"<li>{name}</li>" for name in plain]
    return f"<h2>What to pack</h2><ul>{''.join(items)}</ul>"


def test_linked_items_of_a_list_the_article_mostly_keeps_stay_in_it() -> None:
    gear = _packing_list(
        ["Lightweight rain jacket for the trail", "Collapsible trekking poles for the hills"],
        ["Water filter", "Headlamp with spare batteries", "Map and compass", "First aid kit"],
    )
    article = _clean(_article(gear + PROSE))
    assert "Lightweight rain jacket for the trail" in article.text
    assert "Collapsible trekking poles for the hills" in article.text
    assert any(b.rule == "neighbours:mixed-list" for b in article.body)


def test_linked_items_of_a_list_the_article_mostly_leaves_stay_out() -> None:
    # Most items are links: a list of other stories with a plain line or two among them.
    gear = _packing_list(
        [
            "Lightweight rain jacket for the trail",
            "Collapsible trekking poles for the hills",
            "The best sleeping bags for a cold night",
        ],
        ["Water filter", "Headlamp with spare batteries"],
    )
    article = _clean(_article(gear + PROSE))
    assert "Lightweight rain jacket for the trail" not in article.text


def test_a_link_in_a_list_item_that_is_a_section_stays_out() -> None:
    # A buying guide set as a list, one item per product: each item is a section (its
    # heading and paragraphs), and a "Check Out" link among them points elsewhere.
    sections = "".join(
        f"<li><div class='head'><h3>Camera number {n}</h3></div>{PROSE}"
        f"<p><a href='/2024/05/best-camera-{n}-for-the-garden'>Check Out: the best "
        f"cameras for the garden, part {n}</a></p>{PROSE}</li>"
        for n in range(1, 4)
    )
    article = _clean(_article(f"<ul class='fieldset-list'>{sections}</ul>"))
    assert "Camera number 2" in article.text
    assert "best cameras for the garden, part 2" not in article.text


def test_a_linked_label_over_a_list_the_article_keeps_stays_in_it() -> None:
    label = (
        "<p>Some of the <a href='/blog/2023/plant-based-diet-benefits'>health benefits of "
        "plant-based diets</a> include:</p>"
    )
    items = "".join(
        f"<li>{text}</li>"
        for text in (
            "Lower risk of chronic disease",
            "Regulated blood pressure",
            "Less cholesterol",
        )
    )
    article = _clean(_article(f"{label}<ul>{items}</ul>" + PROSE))
    assert "Some of the health benefits of plant-based diets include:" in article.text
    assert any(b.rule == "neighbours:list-label" for b in article.body)


def test_a_read_more_label_over_a_list_stays_out() -> None:
    label = "<p><a href='/guides'>Read more in our guides below</a>:</p>"
    items = "".join(f"<li>Point number {n} of the budget</li>" for n in range(3))
    article = _clean(_article(f"{label}<ul>{items}</ul>" + PROSE))
    assert "Read more in our guides below" not in article.text


@pytest.mark.parametrize("href", ["#", "javascript:void(0)"])
def test_a_faq_question_set_as_a_toggle_link_stays_with_its_answer(href: str) -> None:
    answer = (
        "<p>Both have their uses: wired cameras never need charging, wireless ones go anywhere.</p>"
    )
    faq = (
        f"<h2>FAQ</h2><ul class='accordion'><li><a href='{href}'>Is it better to have wired "
        f"or wireless security cameras?</a><div class='content'>{answer}</div></li></ul>"
    )
    article = _clean(_article(faq))
    assert "Is it better to have wired or wireless security cameras?" in article.text
    assert any(b.rule == "neighbours:faq-question" for b in article.body)


def test_linked_lines_the_article_announces_stay_in_it() -> None:
    # No list: one linked name per paragraph, straight under the sentence announcing them.
    lines = "".join(
        f"<p><a href='https://friend{n}.example.com/projects/{n}'>{name}</a></p>"
        for n, name in enumerate(
            ["Industrial Pipe Bookshelf", "Reclaimed Wood Arrows", "DIY Lanterns"]
        )
    )
    announced = "<p>I can't wait to see what my friends' favorite projects are:</p>" + lines
    article = _clean(_article(PROSE * 2 + announced + PROSE))
    assert "Reclaimed Wood Arrows" in article.text
    assert "DIY Lanterns" in article.text


@pytest.mark.parametrize(
    "label", ["Diese Artikel könnten dich ebenfalls interessieren:", "Seguir leyendo:"]
)
def test_linked_lines_under_a_box_label_are_no_announced_list(label: str) -> None:
    lines = "".join(
        f"<p><a href='/2024/03/other-story-{n}'>Another story about the council budget, part "
        f"{n}</a></p>"
        for n in range(3)
    )
    article = _clean(_article(PROSE * 2 + f"<p>{label}</p>" + lines + PROSE))
    assert "council budget, part 1" not in article.text


def test_an_announced_list_goes_on_past_an_item_with_a_cue_of_its_own() -> None:
    # A changelog's list: one item reads as a date ("Update to nightly-2025-11-24") and
    # says so; the items after it are the same list's, not a row of links.
    links = [
        f"<a href='https://git.example.org/pull/{n}'>{text}</a>"
        for n, text in enumerate(
            [
                "Remove passing tests from the failing list",
                "Fix the memory use of deeply nested expressions",
                "Update to nightly-2025-11-24",
                "Move the shared library into the sysroot",
                "Use the generic builtin for checked operations",
            ]
        )
    ]
    items = "".join(f"<li><p>{link}</p></li>" for link in links)
    announced = f"<p>Here is what has been done during the past months:</p><ul>{items}</ul>"
    article = _clean(_article(PROSE * 2 + announced + PROSE))
    assert "Move the shared library into the sysroot" in article.text
    assert "Use the generic builtin for checked operations" in article.text


def _headline_items(count: int) -> str:
    return "".join(
        f"<li><a href='/courses/2024/google-analytics-certification-part-{n}'>Google "
        f"Analytics certification for beginners part {n}</a></li>"
        for n in range(1, count + 1)
    )


def test_headline_links_the_article_announces_stay_in_it() -> None:
    # The links read like headlines, but a sentence of the article enumerates them.
    announced = f"<p>Here are some of the courses Google offers:</p><ul>{_headline_items(4)}</ul>"
    article = _clean(_article(PROSE * 2 + announced + PROSE))
    assert "certification for beginners part 3" in article.text
    assert not article.sidebar_stories


def test_headline_links_alone_in_a_box_with_their_announcer_are_other_stories() -> None:
    # A magazine's box in the story: "Highlights from this issue:" and its list, nothing else.
    box = (
        "<div class='inline-textbox'><p>This story is from our June issue. Highlights "
        f"from the issue:</p><ul>{_headline_items(4)}</ul></div>"
    )
    article = _clean(_article(PROSE * 2 + box + PROSE))
    assert "certification for beginners part 3" not in article.text


@pytest.mark.parametrize("label", ["You might also like:", "Table of contents:"])
def test_a_box_label_announces_no_list(label: str) -> None:
    article = _clean(_article(PROSE * 2 + f"<p>{label}</p><ul>{_headline_items(4)}</ul>" + PROSE))
    assert "certification for beginners part 3" not in article.text


def _cards(count: int) -> str:
    return "".join(
        f"<div class='card'><h3><a href='/blog/2024/03/desk-guide-part-{n}'>How to set up "
        f"your desk for long days, part {n}</a></h3><p>Stiff neck after a few hours at the "
        f"computer? Part {n} of our guide walks you through the monitor height.</p></div>"
        for n in range(1, count + 1)
    )


def test_teaser_cards_under_a_heading_at_the_article_foot_leave_it() -> None:
    article = _clean(_article("<h2>From the blog</h2>" + _cards(3)))
    assert "Part 2 of our guide" not in article.text
    assert "From the blog" not in article.text
    assert "The council voted" in article.text


def test_a_teaser_card_whose_link_reads_like_no_article_still_leaves() -> None:
    odd = (
        "<div class='card'><h3><a href='/ideas/barn'>The barn checklist</a></h3><p>Planning "
        "a barn wedding? Go through our checklist and find more ideas for barn weddings.</p></div>"
    )
    article = _clean(_article("<h2>From the blog</h2>" + _cards(1) + odd + _cards(1)))
    assert "Planning a barn wedding" not in article.text
    assert "Part 1 of our guide" not in article.text


def _wrapped_cards(count: int, heading: str = "h3") -> str:
    """Teaser cards each wrapped whole in its link (headline and summary)."""
    return "".join(
        f"<a class='card' href='/blog/2024/03/desk-guide-part-{n}'><{heading}>How to set up "
        f"your desk for long days, part {n}</{heading}><p>Stiff neck after a few hours at the "
        f"computer? Part {n} of our guide walks you through the monitor height.</p></a>"
        for n in range(1, count + 1)
    )


def test_teaser_cards_wrapped_whole_in_their_link_leave_with_their_headlines() -> None:
    article = _clean(_article("<h5>Written by our editors</h5>" + _wrapped_cards(3, "h6")))
    assert "Part 2 of our guide" not in article.text
    assert "long days, part 2" not in article.text


def test_a_carousel_of_linked_cards_inside_the_article_leaves_it() -> None:
    # Under its own heading, between the article's paragraphs: each card one link.
    carousel = "<h2>Explore our guides by subject</h2>" + _wrapped_cards(3)
    article = _clean(_article(carousel + PROSE * 2))
    assert "Part 2 of our guide" not in article.text
    assert "Explore our guides by subject" not in article.text
    assert any("long days, part 2" in story.title for story in article.sidebar_stories)
    assert article.text.count("The council voted") == 6


def test_boxed_items_linking_their_heading_inside_the_article_stay() -> None:
    # A listicle's boxed items under a heading, more article after: only the heading links.
    article = _clean(_article("<h2>Our desk guides</h2>" + _cards(3) + PROSE * 2))
    assert "Part 2 of our guide" in article.text


def test_a_listicle_of_boxed_linked_items_stays() -> None:
    # No heading of their own over the run: the boxed items are the article's list.
    article = _clean(_article(_cards(3)))
    assert "Part 2 of our guide" in article.text


def _items(count: int, href: str = "/projects/2024/industrial-pipe-bookshelf-{n}") -> str:
    """A listicle's items, each heading linking `href` (its `{n}`: the item's number)."""
    return "".join(
        f"<h3><a href='{href.format(n=n)}'>Industrial pipe bookshelf "
        f"number {n}</a></h3><p>This bookshelf is built from black iron pipes and reclaimed "
        f"pine boards, and it takes an afternoon with a drill and a saw, item {n}.</p>"
        for n in range(1, count + 1)
    )


def test_a_listicles_linked_item_headings_stay_in_the_article() -> None:
    article = _clean(_article(_items(3)))
    assert "Industrial pipe bookshelf number 2" in article.text
    rules = {b.rule for b in article.body if b.text.startswith("Industrial pipe")}
    assert rules == {"neighbours:item-heading"}


def test_a_listicles_item_headings_linking_a_shops_front_page_stay() -> None:
    # The heading links the product's own shop, an address no story has: a row of links
    # (main:links) by itself, the item's heading over its paragraph.
    article = _clean(_article(_items(3, "https://shop{n}.example.org/")))
    assert "Industrial pipe bookshelf number 2" in article.text
    rules = {b.rule for b in article.body if b.text.startswith("Industrial pipe")}
    assert rules == {"neighbours:item-heading"}


def _boxed_items(count: int, site: str) -> str:
    return "".join(
        f"<section class='listicle-block'><header><h3><a href='{site}/trails/harrisburg-trail-"
        f"{n}'>Harrisburg hike and bike trail {n}</a></h3></header><div class='block-text'>"
        f"<p>The trail runs along the bayou through the East End, past old rail yards and "
        f"new parks, and it is paved the whole way, stop number {n}.</p></div></section>"
        for n in range(1, count + 1)
    )


def test_a_listicles_boxed_items_heading_links_to_other_sites_stay() -> None:
    """Each item a small box, its heading linking the trail's own site: no teaser card,
    which links the page's own stories."""
    article = _clean(_article(_boxed_items(3, "https://trails.example.org")))
    assert "Harrisburg hike and bike trail 2" in article.text


def test_boxed_items_linking_the_sites_own_stories_are_teaser_cards() -> None:
    article = _clean(_article(_boxed_items(3, "https://news.example.com")))
    assert "Harrisburg hike and bike trail 2" not in article.text


def _linked_list_items(site: str) -> str:
    items = "".join(
        f"<li><p><a href='{site}/books/artists-handbook-{n}'>The artist's handbook, volume {n}"
        f"</a></p><p>The book is a series of twelve exercises, one per chapter, and it "
        f"concentrates on drawing what you see rather than what you know, part {n}.</p></li>"
        for n in range(1, 4)
    )
    return f"<ol>{items}</ol>"


def test_a_listicles_linked_line_opening_each_list_item_stays() -> None:
    """A book list: each item opens with the book's title linking a shop, then its review."""
    article = _clean(_article(_linked_list_items("https://shop.example.org")))
    assert "The artist's handbook, volume 2" in article.text


def test_list_items_opened_by_the_sites_own_stories_are_teasers() -> None:
    article = _clean(_article(_linked_list_items("https://news.example.com")))
    assert "The artist's handbook, volume 2" not in article.text


def test_one_or_two_linked_headlines_between_paragraphs_are_other_stories() -> None:
    article = _clean(_article(_items(2)))
    assert "Industrial pipe bookshelf number 2" not in article.text


@pytest.mark.parametrize("label", ["READ MORE:", "Read:"])
def test_a_read_more_line_naming_another_story_leaves_the_article(label: str) -> None:
    line = (
        f"<h4>{label} <a href='/blog/2024/03/will-chatgpt-eliminate-the-essay'>Will ChatGPT "
        "Eliminate the College Admissions Essay?</a></h4>"
    )
    article = _clean(_article(PROSE + line + PROSE))
    assert "Eliminate the College Admissions Essay" not in article.text


def test_a_list_of_links_after_a_read_more_label_is_no_announced_list() -> None:
    items = "".join(
        f"<li><a href='/news/2024/story-{n}'>Another story about the town council {n}</a></li>"
        for n in range(1, 4)
    )
    article = _clean(_article(PROSE * 2 + f"<p>Read more:</p><ul>{items}</ul>" + PROSE))
    assert "Another story about the town council 2" not in article.text


def test_a_heading_over_none_of_the_article_takes_the_region_of_what_it_heads() -> None:
    teasers = (
        "<h3>More hiking tips in Sweden</h3>"
        "<div class='related'><a href='/travel/jamtland-ski-adventure-2024'>The great ski"
        " adventure in Jamtland and its lakes</a></div>"
    )
    html = (
        f"<html><body><article class='story'><h1>Budget approved by council</h1>{PROSE * 4}"
        f"{teasers}<h3>What the council decided</h3>{PROSE}</article></body></html>"
    )
    extraction = explain(html, templates=newsclean.TemplateSet())
    assert "What the council decided" in extraction.article.text
    assert "More hiking tips" not in extraction.article.text
    decided = {s.text: d for s, d in zip(extraction.segments, extraction.decisions, strict=True)}
    heading = decided["More hiking tips in Sweden"]
    assert (heading.region, heading.role) == (Region.BOILERPLATE, "related")
    assert heading.rule == "neighbours:orphan-heading"
    assert [story.title for story in extraction.article.sidebar_stories] == [
        "The great ski adventure in Jamtland and its lakes"
    ]


def test_a_closing_heading_before_the_next_box_of_the_page_stays() -> None:
    nav = "<nav><a href='/news'>News</a> <a href='/sport'>Sport</a></nav>"
    article = _clean(_article("<h4>The story he told was false.</h4>") + nav)
    assert "The story he told was false." in article.text


def test_a_heading_as_long_as_a_sentence_stays_over_a_row_of_links() -> None:
    long_heading = (
        "<h3>All these lovely products and many more are in the shop, and the big sale has"
        " already begun for everyone</h3><ul><li><a href='/tag/a'>cozy</a>"
        " <a href='/tag/b'>gifts</a></li></ul>"
    )
    article = _clean(_article(f"{long_heading}<h3>What the council decided</h3>{PROSE}"))
    assert "All these lovely products" in article.text


@pytest.mark.parametrize("box_class", ["entry-author-info", "TestReport__AuthorBox"])
def test_a_long_bio_in_an_author_box_inside_the_article_is_boilerplate(box_class: str) -> None:
    bio = (
        "Supervisor and coach for successful learning, teaching and leading; teacher at a "
        "vocational school in Freiburg; blogs now and then about learning, schools and the "
        "digital change, and about what the two have to do with each other."
    )
    article = _clean(_article(f"<div class='{box_class}'><p>{bio}</p></div>"))
    assert "Supervisor and coach" not in article.text
    assert any(b.role == "author" and b.text == bio for b in article.boilerplate)


def test_a_custom_element_named_for_a_teaser_is_a_teaser() -> None:
    teaser = (
        "<pp-inline-teaser><h3>Questions about safety at work</h3>"
        "<p>Find the answers to your questions about safety at work.</p></pp-inline-teaser>"
    )
    article = _clean(_article(teaser))
    assert "safety at work" not in article.text


def test_an_ad_label_leading_the_ads_text_makes_it_an_ad() -> None:
    article = _clean(_article("<div>ANZEIGE - Heute mal ausgehen? Wie wäre es mit:</div>"))
    assert "Heute mal ausgehen" in _ads(article)
    assert "ANZEIGE" not in article.text


def test_a_wordpress_embed_of_another_post_is_a_side_story() -> None:
    embed = (
        "<div class='wp-embedded-content'><a class='wp-embed-link' href="
        "'https://news.example.com/columns/turkey-and-the-west-part-ways/'>"
        "<div class='wp-embed-title'>Turkey and the West part ways for good</div></a></div>"
    )
    article = _clean(_article(embed))
    assert "Turkey and the West" not in article.text
    assert [story.title for story in article.sidebar_stories] == [
        "Turkey and the West part ways for good"
    ]


@pytest.mark.parametrize("label", ["AUTOR", "Die Autorin", "The author:"])
def test_a_box_opened_by_a_bare_author_label_is_the_authors_profile(label: str) -> None:
    about = (
        f"<div><div>{label}</div><h3>Dr. Jane Roe</h3><p>ist Partnerin einer Kanzlei in "
        "Berlin. Zu ihren Tätigkeitsfeldern zählen Datenschutz und Medienrecht.</p></div>"
    )
    article = _clean(_inside(about))
    assert "Tätigkeitsfeldern" not in article.text and label not in article.text
    assert any(
        "Tätigkeitsfeldern" in block.text and block.role == "author"
        for block in article.boilerplate
    )


def test_a_books_author_line_is_no_author_label() -> None:
    # "Author: H.G. Parry" is a book's details in a review, not a profile's label.
    book = (
        "<div><p>Author: H.G. Parry</p><p>The council's budget gets a novel of its own, "
        "and the mayor reads it aloud to the members every Tuesday evening.</p></div>"
    )
    article = _clean(_inside(book))
    assert "Author: H.G. Parry" in article.text and "reads it aloud" in article.text


def test_a_field_label_goes_with_the_date_line_it_labels() -> None:
    line = "<p>Release Date:</p><div>Thursday, 28 April 2022 – 3:55pm</div>"
    article = _clean(_dated(line))
    assert "Release Date:" not in article.text
    assert any(b.text.startswith("Release Date:") and b.role == "date" for b in article.boilerplate)


def test_a_label_over_the_articles_own_text_stays() -> None:
    article = _clean(_inside("<p>The vote:</p>"))
    assert "The vote:" in article.text


def test_a_polish_invitation_to_subscribe_inside_the_article_is_an_ad() -> None:
    plea = (
        "Zapraszamy też do subskrypcji tygodnika w Sieci Przyjaciół i oglądania "
        "ciekawych audycji telewizji internetowej."
    )
    article = _clean(_inside(f"<p>{plea}</p>"))
    assert "Zapraszamy" not in article.text
    assert any("Zapraszamy" in block.text for block in article.ads)


@pytest.mark.parametrize("label", ["Zaloguj się", "ZALOGUJ"])
def test_a_polish_login_button_in_a_log_in_box_is_the_sites_login(label: str) -> None:
    # "log-in" reads as "login", a subscribe cue: the button's own words say login.
    menu = f"<nav><ul><li class='log-in'><a href='/login'>{label}</a></li></ul></nav>"
    article = _clean(menu + _article())
    assert label not in _ads(article)
    assert any(b.role == "login" and b.text == label for b in article.boilerplate)


def test_a_pitch_spelt_with_cyrillic_look_alikes_is_an_ad() -> None:
    # "Advertise with the most visited news site" with Cyrillic А, е, і, ѕ among the Latin.
    pitch = "Аdvеrtіѕе wіth thе most visited news site in Веlіzе. Contact our team today."
    article = _clean(_inside(f"<p>{pitch}</p>"))
    assert "visited news site" not in article.text
    assert any("visited news site" in block.text for block in article.ads)


def test_russian_text_naming_latin_brands_or_with_one_stray_letter_stays() -> None:
    # Brands stand apart from the Cyrillic words; one stray Latin "c" is a typo, not a disguise.
    text = "Компания Google и Apple представили новые сервисы для пользователей из Pоссии."
    article = _clean(_inside(f"<p>{text}</p>"))
    assert text in article.text


def test_a_sentence_asking_to_remember_stays() -> None:
    line = "<p>Diesen Termin sollten sich alle Mitglieder des Rates merken.</p>"
    article = _clean(_inside(line))
    assert "Termin sollten sich alle" in article.text


def test_a_profile_whose_header_holds_only_its_label_and_name_leaves_whole() -> None:
    # The header holds "Artikel von" and the name; the job title sits beside it.
    profile = (
        "<section><header><h2>Artikel von</h2><h3><a href='/autor/jane-roe'>Jane Roe</a>"
        "</h3></header><div><p>Leiterin Redaktion Leben und Gesundheit</p></div></section>"
    )
    article = _clean(_inside(profile))
    assert "Leiterin Redaktion" not in article.text and "Artikel von" not in article.text
    assert any(
        "Leiterin Redaktion" in block.text and block.role == "author"
        for block in article.boilerplate
    )


@pytest.mark.parametrize(
    "line", ["> Blog > Aus den Ländern > Digitalpolitische Jahrestagung", "Home › News › Politics"]
)
def test_a_breadcrumb_trail_written_out_is_navigation(line: str) -> None:
    article = _clean(_inside(f"<p>{line}</p>"))
    assert line not in article.text
    assert any(b.role == "navigation" and b.text == line for b in article.boilerplate)


def test_a_category_path_quoted_in_the_article_stays() -> None:
    line = "Example: Women > Rings > Diamond rings"
    article = _clean(_inside(f"<p>{line}</p>"))
    assert line in article.text


def test_a_credits_box_of_the_storys_contributors_is_the_byline() -> None:
    credits = (
        "<div class='credits'><div class='credits-credit'><div>Interview</div>"
        "<div>SVEN MICHAELSEN</div></div><div class='credits-credit'><div>FOTOGRAF</div>"
        "<div>ERIC MICHAEL ROY</div></div></div>"
    )
    article = _clean(_article(credits))
    # The first credit reads as the byline (Article.authors), the rest as author blocks.
    assert "SVEN MICHAELSEN" not in article.text and "ERIC MICHAEL ROY" not in article.text
    assert any(
        "ERIC MICHAEL ROY" in block.text and block.role == "author" for block in article.boilerplate
    )


_SUMMARY = (
    "Thin branches left over from pruning roadside trees can heat a house all winter, "
    "if one farmer's home-built press has its way."
)


def _titled_story(between: str) -> str:
    body = "".join(
        f"<p>The press was built from parts of an old refuse lorry, paragraph {n}, and it "
        f"turns a trailer of cuttings into a week of firewood for the farm.</p>"
        for n in range(5)
    )
    return (
        "<div id='page'><nav><a href='/'>Home</a> <a href='/energy'>Energy</a></nav>"
        f"<article class='Standard'><h1>Heating with waste wood</h1>{between}"
        f"<div>{body}</div></article>"
        "<div class='sidebar'><h3><a href='/x'>Other news of the week in farming</a></h3>"
        "</div></div>"
    )


def test_a_standfirst_between_the_title_and_the_text_is_the_articles() -> None:
    article = _clean(_titled_story(f"<span>By A. Writer</span><div><p>{_SUMMARY}</p></div>"))
    assert _SUMMARY in article.text
    assert any(b.rule == "neighbours:standfirst" for b in article.body)


def test_a_dek_in_the_titles_own_header_box_or_under_a_label_stays_out() -> None:
    # A subheading set in the title's header box, and a labelled "Highlights" box, are
    # the page's furniture for the benchmarks' truths: left as they were.
    header = _clean(
        "<div id='page'><header><h1>Heating with waste wood</h1>"
        f"<p>{_SUMMARY}</p></header>" + _titled_story("")[len("<div id='page'>") :]
    )
    assert not any(b.rule == "neighbours:standfirst" for b in header.body)
    labelled = _clean(_titled_story(f"<div><div>Highlights</div><div>{_SUMMARY}</div></div>"))
    assert _SUMMARY not in labelled.text


def test_a_byline_set_as_a_paragraph_under_the_title_is_no_standfirst() -> None:
    meta = "03/01/2017 by Jane Smith, Candidate Representative to the Liaison Committee"
    article = _clean(_titled_story(f"<div class='node-meta'>{meta}</div>"))
    assert not any(b.rule == "neighbours:standfirst" for b in article.body)


def test_a_platforms_sign_up_pitch_after_the_article_is_an_ad() -> None:
    pitch = "Join Medium for free to get updates from this writer."
    article = _clean(_article(f"<p>{pitch}</p>"))
    assert article.text.endswith("after a long debate that lasted into the evening.")
    assert any(b.rule == "tail:appeal" and b.text == pitch for b in article.ads)


def test_a_story_saying_entry_was_free_keeps_it() -> None:
    sentence = (
        "<p>Residents could join for free at the library on Saturday, and more than two"
        " hundred of them signed the register before noon, the organisers said.</p>"
    )
    article = _clean(_inside(sentence))
    assert "Residents could join for free" in article.text


@pytest.mark.parametrize("label", ["In partnership with", "Presented by:", "Brought to you by"])
def test_a_sponsors_label_alone_is_sponsored(label: str) -> None:
    article = _clean(_inside(f"<p>{label}</p>"))
    assert label not in article.text
    assert any(b.rule == "text:sponsored" and b.text == label for b in article.ads)


def test_a_sentence_naming_a_partnership_stays() -> None:
    sentence = "<p>In partnership with the county, the council will rebuild the bridge.</p>"
    article = _clean(_inside(sentence))
    assert "In partnership with the county" in article.text


def test_the_label_over_a_comment_form_is_the_threads() -> None:
    form = (
        "<div class='pt-12'><div class='bold'>Join the Conversation</div>"
        "<div class='comment-form'><p class='comment-note'>Your email address will not be"
        " published.</p><textarea></textarea><div class='comment-actions'>Post Comment</div>"
        "</div></div>"
    )
    article = _clean(_inside(form))
    assert "Join the Conversation" not in article.text
    label = next(b for b in article.boilerplate if "Join the Conversation" in b.text)
    assert label.rule == "neighbours:comments-label"


def test_a_comment_cue_line_over_more_of_the_story_stays() -> None:
    line = "<div><p>Join the discussion</p><p>The council voted on Tuesday.</p></div>"
    article = _clean(_inside(line))
    assert "Join the discussion" in article.text


def test_articles_and_videos_on_the_topic_label_a_related_box() -> None:
    box = (
        "<ul class='lnkrel'><li class='hd'>Artikel und Videos zum Thema</li>"
        "<li><a href='/sport/tibeter-protestieren'>Gegen Peking: Tibeter protestieren</a></li>"
        "<li><a href='/sport/zeitplan'>Olympia 2022: Der Zeitplan der Kombinierer</a></li>"
        "</ul>"
    )
    article = _clean(_inside(box))
    assert "Artikel und Videos zum Thema" not in article.text
    assert any(
        b.rule == "box:heading" and b.text == "Artikel und Videos zum Thema"
        for b in article.boilerplate
    )


def _button_box(line: str, href: str) -> str:
    return (
        f"<div class='widget'><p>{line}</p><div class='elementor-button-wrapper'>"
        f"<a class='elementor-button' href='{href}'>Apply now</a></div></div>"
    )


def test_the_pitch_over_a_button_to_the_site_is_an_ad() -> None:
    pitch = "Get the cash you need with a low-interest personal loan today"
    article = _clean(_inside(_button_box(pitch, "/apply")))
    assert pitch not in article.text
    assert any(b.rule == "box:button-prompt" and pitch in b.text for b in article.ads)


@pytest.mark.parametrize(
    ("line", "href"),
    [
        # A buying guide's product over the shop's button: the guide's.
        ("Hennessy Ultralite Backpacker Asym Zip", "https://shop.example.net/hennessy"),
        # A field's label over its button.
        ("The best budget French press:", "/french-press"),
    ],
)
def test_a_product_or_label_over_a_button_stays(line: str, href: str) -> None:
    article = _clean(_inside(_button_box(line, href)))
    assert line in article.text
