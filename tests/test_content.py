"""Choosing the main region: where prose clusters, and how far it reaches."""

from __future__ import annotations

import lxml.html
import pytest

import newsclean
from conftest import PROSE
from newsclean.content import _class_weight, _in_page_footer, _text_stats, is_prose
from newsclean.features import measure
from newsclean.model import BlockKind
from newsclean.options import Options
from newsclean.segment import segment
from newsclean.tree import is_within


def _clean(body: str) -> newsclean.Article:
    return newsclean.clean(f"<html><body>{body}</body></html>", templates=newsclean.TemplateSet())


def test_page_builder_widgets_are_gathered_into_one_article() -> None:
    # Every paragraph in a widget of its own: the best container is one widget.
    widget = "<div class='widget'><div class='widget-container'>{}</div></div>"
    paragraphs = [PROSE.replace("Tuesday", day) for day in ("Monday", "Friday", "Sunday")]
    body = "".join(widget.format(p) for p in paragraphs)
    article = _clean(f"<nav><a href='/'>Home</a></nav><div class='wrap'>{body}</div>")
    assert [day in article.text for day in ("Monday", "Friday", "Sunday")] == [True] * 3


def test_floated_side_story_is_not_gathered() -> None:
    side = (
        "<table align='right'><tr><td><b>Another story entirely</b>"
        + PROSE.replace("council", "committee") * 2
        + "</td></tr></table>"
    )
    article = _clean(f"<div>{side}<span class='story'>{PROSE * 4}</span></div>")
    assert "committee" not in article.text
    assert article.sidebar_stories[0].title == "Another story entirely"


def test_paragraph_siblings_of_the_container_join_it() -> None:
    lead = "<p>A lead paragraph outside the story container, long enough to count as prose.</p>"
    article = _clean(f"<div>{lead}<div class='story'>{PROSE * 4}</div></div>")
    assert article.text.startswith("A lead paragraph")


def test_a_long_comment_list_does_not_outvote_the_article() -> None:
    comment = "<li id='comment-{}'>" + PROSE.replace("council", "commenter") + "</li>"
    comments = "".join(comment.format(n) for n in range(40))
    article = _clean(
        f"<div id='post'><div class='words'>{PROSE * 3}</div></div>"
        f"<ol id='commentlist'>{comments}</ol>"
    )
    assert "The council voted" in article.text
    assert "commenter" not in article.text
    assert "Larger model" not in article.text


def test_paragraphs_set_as_bare_divs_beside_the_container_join_it() -> None:
    """A rich-text editor sets the opening paragraphs as bare <div>s beside the wrapper
    holding the rest; a one-line note set the same way stays out."""
    opening = (
        "<div>Yes, it is hard. If it was easy, it would not be required by most colleges, "
        "and it would not force the student to look deeper and become more self-aware.</div>"
    )
    note = "<div>The views expressed here are not necessarily those of the institute.</div>"
    article = _clean(
        f"<div class='post-body'>{opening}<div><div>{PROSE * 8}</div></div>{note}</div>"
    )
    assert article.text.startswith("Yes, it is hard.")
    assert "The views expressed" not in article.text


def test_a_prose_box_beside_the_container_joins_it() -> None:
    # The article continues in a sibling box of another shape (after an inline ad slot).
    rest = PROSE.replace("council", "mayor") * 3
    article = _clean(
        f"<div><div class='words'>{PROSE * 20}</div><div class='ad-slot'>Ad</div>"
        f"<section>{rest}</section></div>"
    )
    assert "The mayor voted" in article.text
    assert "Ad" not in article.text.split()


def test_a_long_comment_inside_a_thread_does_not_outvote_the_article() -> None:
    # One comment longer than the article, in a positively classed box of its own.
    comment = PROSE.replace("council", "commenter") * 6
    article = _clean(
        f"<div class='article'>{PROSE * 3}</div>"
        f"<div class='comments'><div class='comment_content'><div class='content'>"
        f"{comment}</div></div></div>"
    )
    assert "The council voted" in article.text
    assert "commenter" not in article.text
    assert "Larger model" not in article.text


def test_a_sidebar_widget_does_not_outvote_a_short_article() -> None:
    blurb = PROSE.replace("council", "widget")
    article = _clean(
        f"<div class='articleBody'><p>{PROSE}</p><p>Short line one.</p><p>Short line two.</p>"
        f"</div><aside><div class='textwidget'>{blurb}{blurb}</div></aside>"
    )
    assert "The council voted" in article.text
    assert "widget" not in article.text


def test_a_layout_named_for_its_sidebar_holds_the_article() -> None:
    # "layout-sidebar-left" wraps the side columns and the main column: not a sidebar.
    cards = "".join(
        f"<div class='card'><h3>Card {n}</h3><div>{PROSE.replace('council', 'card')}</div></div>"
        for n in range(3)
    )
    article = _clean(
        "<div class='layout-sidebar-left'><div class='layout-sidebar-top'><h2>Pages</h2>"
        "<a href='/a'>Step one</a></div>"
        f"<div class='layout-main'>{PROSE * 2}</div></div>"
        f"<div class='also-see'><h2>Also see</h2>{cards}</div>"
    )
    assert "The council voted" in article.text
    assert "card voted" not in article.text


def test_a_sidebar_with_a_content_box_stays_a_sidebar() -> None:
    # One box "content" inside a sidebar, with no side column beside it: still a sidebar.
    blurb = PROSE.replace("council", "widget")
    article = _clean(
        f"<div class='articleBody'>{PROSE}<p>Short line one.</p></div>"
        f"<div class='sidebar'><div class='content'>{blurb * 3}</div></div>"
    )
    assert "The council voted" in article.text
    assert "widget" not in article.text


_REVIEW = (
    "The {name} is a comfortable mouse for long days at the desk, with a thumb rest, "
    "quiet buttons, a scroll wheel that spins freely, and a battery that lasts for months "
    "between charges, which is why it tops our list of picks for most people this year."
)


def _roundup(text: str) -> str:
    """Eight product cards (a review, a spec list, a shop link) above a buying guide."""
    cards = "".join(
        f"<div class='card'><h3>Mouse {n}</h3><div class='card-text'>"
        + text.format(n=n, review=_REVIEW.format(name=f"Mouse {n}"))
        + "</div><ul><li>Buttons: 6</li><li>Weight: 99 g</li><li>Battery: AA</li></ul>"
        f"<div><a href='https://shop.example.com/mouse-{n}'>See it at the shop</a></div></div>"
        for n in range(8)
    )
    guide = "".join(PROSE.replace("council", f"guide {n}") for n in range(10))
    return (
        f"<article><div class='recap'>{cards}</div>"
        f"<section class='guide'><div id='guide'>{guide}</div></section></article>"
    )


def test_a_roundups_cards_join_its_buying_guide() -> None:
    # Each card's review box scores well below the guide; together they outscore it.
    article = _clean(_roundup("<p>{review}</p>"))
    assert "The Mouse 3 is a comfortable mouse" in article.text
    assert "The guide 2 voted" in article.text


def test_captions_are_in_the_body_but_not_in_the_text() -> None:
    figure = (
        "<figure><img src='a.jpg'><figcaption>The council chamber on Tuesday</figcaption></figure>"
    )
    article = _clean(f"<article>{PROSE * 3}{figure}</article>")
    captions = [block.text for block in article.body if block.kind is BlockKind.CAPTION]
    assert captions == ["The council chamber on Tuesday"]
    assert "council chamber" not in article.text
    assert "*The council chamber on Tuesday*" in article.to_markdown()


@pytest.mark.parametrize("name", ["wp-caption-text", "caption-full", "imageCaption"])
def test_caption_classed_boxes_are_captions(name: str) -> None:
    caption = "The council chamber on Tuesday, where the budget was approved after a long debate"
    box = f"<div class='wp-caption'><img src='a.jpg'><p class='{name}'>{caption}</p></div>"
    article = _clean(f"<article>{PROSE * 3}{box}{PROSE}</article>")
    assert [b.text for b in article.body if b.kind is BlockKind.CAPTION] == [caption]
    assert "council chamber" not in article.text


def test_a_utility_class_that_styles_captions_inside_is_not_one() -> None:
    body = f"<div class='[&_figcaption]:mt-xs lg:[&_figcaption]:mt-md'>{PROSE * 3}</div>"
    article = _clean(f"<article>{body}</article>")
    assert article.text.count("The council voted") == 3


def test_the_climb_looks_past_a_card_header_to_the_list_of_cards() -> None:
    # Each product card: a header (credit, label, name) above the card's text box; the
    # best box is one card's text, and the next parent up adds only the header.
    card = (
        "<div class='card'><div class='card-head'><div>Credit: Studio</div>"
        "<div>Best {0} of the year</div><div>Maker {0} 3000 deluxe edition</div></div>"
        "<div class='card-body'><div class='card-text'>{1}</div></div></div>"
    )
    products = ("Range", "Dryer", "Washer")
    cards = "".join(
        card.format(name, PROSE.replace("council", name.lower()) * 2) for name in products
    )
    article = _clean(f"<div class='list'><p>{PROSE}</p>{cards}</div>")
    assert all(f"The {name.lower()} voted" in article.text for name in products)


def test_a_paywalled_article_box_is_still_the_article() -> None:
    article = _clean(
        f"<article><div class='article-area'><div class='hcf-paywall'>{PROSE * 4}</div>"
        "</div></article>"
    )
    assert article.text.count("The council voted") == 4
    assert not article.ads


def test_steps_that_climb_into_a_method_beat_a_lone_box() -> None:
    # Each step scores alone; a contact box scores a little more than any one step.
    contact = (
        "<div class='flyout'><div class='flyout-info'><p>Call our kitchen team on weekdays, "
        "from nine to noon, from one to four, with any question about baking, ingredients, "
        "substitutions, our products, orders or deliveries; we answer every call.</p></div></div>"
    )
    step = "<div class='step'><div><h3>Step {0}</h3><p>{1}</p></div></div>"
    texts = [
        "Warm the milk, melt the butter in it, then let it cool until it is lukewarm, "
        "which takes about ten minutes on a cold day, a little less in summer.",
        "Mix the flour with the yeast, add the sugar, the eggs and the warm milk, then knead "
        "everything into a smooth dough, by hand or with the mixer, for five minutes.",
        "Bring the butter, sugar, honey and cream to the boil, stirring, cook for two "
        "minutes, stir in the almonds, and leave the topping to cool a little.",
        "Spread the dough in the moulds, flatten it slightly, spoon the topping over it, "
        "and let it rise again, covered, in a warm place, until doubled in size.",
    ]
    steps = "".join(step.format(n, text) for n, text in enumerate(texts, 1))
    article = _clean(f"<div class='method'>{steps}</div><div class='box'>{contact}</div>")
    assert all(text in article.text for text in texts)
    assert "kitchen team" not in article.text


def test_sections_of_wrapped_paragraphs_climb_past_a_list_that_scores_best() -> None:
    # Asciidoc-style markup: every paragraph in a wrapper of its own, sections in
    # boxes of another class; a list of short steps scores best, the article is all.
    wrapped = "<div class='paragraph'>{}</div>"
    intro = "".join(wrapped.format(PROSE.replace("Tuesday", day)) for day in ("Monday", "Friday"))
    steps = "".join(
        f"<li><p>Step {n}: the clerk files the motion and the council records each vote.</p></li>"
        for n in range(8)
    )
    method = (
        wrapped.format(PROSE.replace("Tuesday", "Sunday"))
        + f"<div class='olist'><ol>{steps}</ol></div>"
    )
    sections = (
        f"<div class='sect1'><h2>One</h2><div class='sectionbody'>{intro}</div></div>"
        f"<div class='sect1'><h2>Two</h2><div class='sectionbody'><div class='sect2'>{method}"
        "</div></div></div>"
    )
    article = _clean(f"<nav><a href='/'>Home</a></nav><div class='post'>{sections}</div>")
    assert [day in article.text for day in ("Monday", "Friday", "Sunday")] == [True] * 3
    assert "Step 7" in article.text


def test_a_list_between_two_parts_of_the_article_joins_it() -> None:
    # A recipe: introduction, ingredient list, method; the list has no prose of its own.
    ingredients = "".join(f"<li>{n} g wholemeal flour, sifted</li>" for n in range(100, 400, 20))
    method = f"<p>{PROSE.replace('council', 'cook')}</p>" * 3
    article = _clean(
        f"<div class='recipe'><p>{PROSE}</p><section><h3>Ingredients</h3><ul>{ingredients}</ul>"
        f"</section><div class='steps'>{method}</div></div><footer>About us</footer>"
    )
    assert "200 g wholemeal flour" in article.text
    assert "The cook voted" in article.text


def test_a_section_of_links_between_two_sections_of_the_article_joins_it() -> None:
    # A long read in sections of one class; the middle one is mostly a list of links.
    patches = "".join(
        f"<li><p><a href='/patch/{n}'>libgccjit: fix the loads of case {n}</a></p></li>"
        for n in range(12)
    )
    middle = (
        "<div class='sect1'><h2>Patches</h2><p>There has been some nice progress on the "
        f"compiler side these past months.</p><ul>{patches}</ul></div>"
    )
    first = f"<div class='sect1'><h2>What is it?</h2>{f'<p>{PROSE}</p>' * 2}</div>"
    last = f"<div class='sect1'><h2>How to help</h2>{f'<p>{PROSE}</p>' * 3}</div>"
    article = _clean(f"<nav><a href='/'>Home</a></nav><article>{first}{middle}{last}</article>")
    assert "nice progress on the compiler side" in article.text
    assert "The council voted" in article.text


def _day(name: str) -> str:
    # A meal plan's day: a short section, one paragraph, shaped like the long first ones.
    return (
        f"<section class='text-layout'><h2>{name}</h2><p>Breakfast on {name}: porridge made "
        "with semi-skimmed milk and topped with a sliced banana and some seeds.</p></section>"
        "<section class='media'><img src='/meal.jpg'></section>"
    )


def test_short_twin_sections_after_the_article_join_it() -> None:
    long = f"<section class='text-layout'><h2>Monday</h2>{PROSE * 3}</section>"
    signup = (
        "<section class='text-layout'><h2>Join the club!</h2><p>Get early access to new "
        "recipes, offers and more, every week.</p><a href='/pages/signup'>JOIN</a></section>"
    )
    anchors = "".join(
        f"<li><a href='#day-{n}'>Jump to the part about day {n} of the plan</a></li>"
        for n in range(16)
    )
    days = _day("Wednesday") + _day("Thursday")
    page = f"<div class='plan'><ul>{anchors}</ul>{long * 2}{days}{signup}</div>"
    article = _clean(f"<nav><a href='/'>Home</a></nav>{page}<footer>About us</footer>")
    assert "Breakfast on Wednesday" in article.text
    assert "Breakfast on Thursday" in article.text
    assert "Get early access to new recipes" not in article.text


def _text_column(body: str) -> str:
    """A WPBakery text widget, as every block of a page built with it is."""
    widget = "wpb_text_column wpb_content_element"
    return f"<div class='{widget}'><div class='wpb_wrapper'>{body}</div></div>"


@pytest.mark.parametrize(
    ("last", "joins"),
    [
        # The article's closing paragraph in a widget of its own, a link in it: more than
        # a wrapper's heading, less than the climb asks of a parent.
        (
            "<h3>All these lovely things and many more are in the shop now, and on our "
            "<a href='/blog'>blog</a> you will find ideas for any presents still missing.</h3>",
            True,
        ),
        # A one-line note under the article.
        (
            "<p>This text was first published on 3 May 2021 in the Sunday print edition of "
            "the paper, on its page twelve.</p>",
            False,
        ),
        # A list of headlines.
        (
            "<ul>"
            + "".join(
                f"<li><a href='/story/{n}'>Another story number {n}</a></li>" for n in range(6)
            )
            + "</ul>",
            False,
        ),
    ],
)
def test_a_lone_twin_section_of_prose_after_the_article_joins_it(last: str, joins: bool) -> None:
    # WPBakery wraps every block in a text widget of one class.
    main = _text_column(PROSE * 6)
    page = f"<div class='wpb_wrapper'>{main}{_text_column(last)}</div>"
    article = _clean(f"<nav><a href='/'>Home</a></nav>{page}<footer>About us</footer>")
    shown = ("All these lovely things", "first published on 3 May", "Another story number 2")
    assert any(line in article.text for line in shown) is joins


def _tabs(second: str) -> str:
    """A product page's tab widget: the description in the first panel, a link beside
    it, `second` in the next."""
    description = (
        f"<div class='tab--content'><div class='product--description'>{PROSE * 4}</div>"
        "<ul><li><a href='/maker'>More from the maker</a></li></ul></div>"
    )
    return (
        "<div class='tab--container-list'>"
        f"<div class='tab--container'><div class='tab--header'>Description</div>{description}</div>"
        f"<div class='tab--container'><div class='tab--header'>Details</div>"
        f"<div class='tab--content'><div class='details'>{second}</div></div></div>"
        "</div>"
    )


def test_the_other_panels_of_the_articles_tab_widget_join_it() -> None:
    specs = "".join(
        f"<tr><td>{name}</td><td>{value}</td></tr>"
        for name, value in (("Region", "Napa Valley"), ("Grape", "Zinfandel"), ("Serve at", "8 °C"))
    )
    page = f"<div class='product'><h1>Rosé</h1>{_tabs(f'<table>{specs}</table>')}</div>"
    article = _clean(f"<nav><a href='/'>Home</a></nav>{page}<footer>About us</footer>")
    assert "The council voted" in article.text
    assert "Napa Valley" in article.text


def test_a_tab_panel_of_links_beside_the_article_stays_out() -> None:
    links = "".join(f"<li><a href='/wine/{n}'>Another wine number {n}</a></li>" for n in range(8))
    page = f"<div class='product'><h1>Rosé</h1>{_tabs(f'<ul>{links}</ul>')}</div>"
    article = _clean(f"<nav><a href='/'>Home</a></nav>{page}<footer>About us</footer>")
    assert "The council voted" in article.text
    assert "Another wine number 3" not in article.text


def test_the_ingredients_accordion_beside_the_method_joins_it() -> None:
    # A recipe's ingredients and method are two accordions, each classed for itself.
    items = ("250 g wheat flour", "50 ml milk", "100 g butter", "1 sachet vanilla sugar")
    lines = "".join(f"<li>{item}</li>" for item in items)
    ingredients = (
        "<div class='m022-accordion is-closed m022-accordion--ingredients'><h2>Ingredients</h2>"
        f"<ul>{lines}<li><a href='/products/yeast'>1 sachet dry yeast</a></li></ul></div>"
    )
    method = (
        "<div class='m022-accordion is-closed m022-accordion--method'><h2>Method</h2>"
        f"{PROSE * 5}</div>"
    )
    page = f"<div class='contentbox'>{ingredients}{method}</div>"
    article = _clean(f"<nav><a href='/'>Home</a></nav><div>{page}</div><footer>About us</footer>")
    assert "The council voted" in article.text
    assert "50 ml milk" in article.text


def test_a_promotion_between_two_parts_of_the_article_stays_out() -> None:
    promo = "<div class='promo-box'><h3>Try our app</h3><ul><li>Free</li><li>Fast</li></ul></div>"
    method = f"<p>{PROSE.replace('council', 'cook')}</p>" * 3
    article = _clean(f"<div><p>{PROSE}</p>{promo}<div class='steps'>{method}</div></div>")
    assert "Try our app" not in article.text


def _listicle_card(name: str, paragraphs: int = 3) -> str:
    """A card whose text sits three boxes below the list of cards, under spec lines too
    long for a mere wrapper's heading: the climb from one card's text stops short."""
    specs = ("Top speed: 20 mph", "Range: 25 miles per charge", "Weight: 30 lb, folds")
    spec = "<ul class='spec'>" + "".join(f"<li>{line}</li>" for line in specs) + "</ul>"
    text = PROSE.replace("council", name) * paragraphs
    return (
        f"<article class='card'><div class='panels'><div class='panel'><h2>{name}</h2>{spec}"
        f"<div class='card-text'>{text}</div></div></div></article>"
    )


def test_the_cards_of_a_listicle_are_gathered_past_their_wrappers() -> None:
    cards = "".join(_listicle_card(name) for name in ("Alpha", "Bravo", "Charlie"))
    article = _clean(f"<div class='guide'><p>{PROSE}</p>{cards}</div>")
    assert [f"The {name} voted" in article.text for name in ("Alpha", "Bravo", "Charlie")] == [
        True
    ] * 3


def test_a_copy_of_the_article_is_no_twin() -> None:
    # The page laid out twice (phone and desktop): one copy is the article, not both.
    copy = _listicle_card("Alpha", paragraphs=4)
    article = _clean(
        f"<div class='page'><div class='phone'>{copy}</div><div class='desk'>{copy}</div></div>"
    )
    assert article.text.count("The Alpha voted") == 4


def test_a_long_comment_shaped_like_the_article_box_is_no_twin() -> None:
    # Gathering the two would take what lies between them into the article.
    comment = PROSE.replace("council", "commenter") * 8
    article = _clean(
        f"<div class='wrapper'><div class='article'><div class='content'>{PROSE * 3}</div></div>"
        "<div class='more'>Larger model now available in stores</div>"
        f"<div class='comments'><div class='comment'><div class='content'>{comment}</div></div>"
        "</div></div>"
    )
    assert "The council voted" in article.text
    assert "commenter" not in article.text
    assert "Larger model" not in article.text


def test_sections_of_prose_classed_as_navigation_are_gathered() -> None:
    """A page builder's "content-nav-section" around each part of the article: a box of
    prose paragraphs is no menu, so the climb passes it and the parts are gathered."""
    first = PROSE.replace("Tuesday", "Monday") * 4
    second = PROSE.replace("Tuesday", "Friday") * 5
    section = "<div class='content-nav-section'><div class='rtf'>{}</div></div>"
    menu = "<div class='site-nav'><a href='/a'>Bank</a> <a href='/b'>Save</a></div>"
    body = f"<div class='wrap'>{section.format(first)}</div>{section.format(second)}"
    article = _clean(f"{menu}<div class='body-content'>{body}</div>")
    assert "Monday" in article.text and "Friday" in article.text
    assert "Bank" not in article.text


def test_story_in_a_box_named_for_its_share_plugin_is_the_article() -> None:
    """A box named for the share plugin that fills it ("gigya-share-btns-2_gig_container
    Parent") holds the whole story: a share bar is buttons and short lines, so a box of
    prose paragraphs so named scores as the article would; a bar of buttons stays
    against it."""
    story = "".join(PROSE.replace("Tuesday", day) for day in ("Monday", "Friday", "Sunday"))
    root = lxml.html.document_fromstring(
        f"<html><body><div id='gigya-share-btns-2_gig_containerParent'>{story}</div>"
        "<div class='share-tools'><a href='/s'>Share on Facebook</a> "
        "<a href='/t'>Share on Twitter</a></div></body></html>"
    )
    segments = segment(root)
    options = Options()
    stats = _text_stats(segments, measure(segments), options)
    box, bar = root.find(".//body/div[1]"), root.find(".//body/div[2]")
    assert box is not None and bar is not None
    assert _class_weight(box, {}, stats, options) == 1.0
    assert _class_weight(bar, {}, stats, options) == options.negative_class_weight


def test_story_parts_numbered_apart_are_gathered() -> None:
    """A CMS sets the article's first paragraphs in one wrapper and the rest in another,
    with links and an ad between them ("div.story-body-supplemental >
    div.story-body-1", then "... > div.story-body-2"): both parts are the article,
    without the furniture between them."""
    first = "".join(PROSE.replace("Tuesday", day) for day in ("Monday", "Friday", "Sunday"))
    rest = PROSE * 8
    related = (
        "<aside class='marginalia'>"
        + "".join(
            f"<p><a href='/2016/07/{i}/story.html'>Another story about the deal number {i}</a></p>"
            for i in range(8)
        )
        + "</aside>"
    )
    page = (
        "<article id='story'><header><h1>Title</h1><a href='/s'>Share</a></header>"
        f"<div class='story-body-supplemental'><div class='story-body story-body-1'>{first}"
        f"</div>{related}</div><div class='ad'>Advertisement</div>"
        f"<div class='story-body-supplemental'><div class='story-body story-body-2'>{rest}"
        "</div></div></article>"
    )
    article = _clean(page)
    assert all(day in article.text for day in ("Monday", "Friday", "Sunday"))
    assert "Another story about the deal" not in article.text


def test_legal_fine_print_does_not_outscore_the_article() -> None:
    """Choosing the article, a legal box of prose stays against it: fine print is prose
    too, and longer than a short story."""
    fine_print = "<div class='disclaimer'>{}</div>".format(PROSE.replace("council", "fund") * 6)
    fund_links = "".join(f"<li><a href='/f{i}'>Fund number {i} overview</a></li>" for i in range(6))
    body = (
        f"<div class='col'><div class='story'>{PROSE * 3}</div></div>"
        f"<div class='col'>{fine_print}<ul>{fund_links}</ul></div>"
    )
    article = _clean(body)
    assert "The council voted" in article.text


def test_a_login_forms_error_messages_are_not_the_article() -> None:
    """A short article (a video's description) beside a registration form whose hidden
    error messages are sentences, more of them than the article has: the form asks for
    a password, so it is an account's, never the article."""
    errors = "".join(
        f"<p class='form-field-error'>{message}</p>"
        for message in (
            "Diese E-Mail-Adresse scheint nicht korrekt zu sein, sie muss ein @ beinhalten.",
            "Das Passwort muss mindestens 8 Zeichen lang sein, bitte versuche es erneut.",
            "Das Passwort muss mindestens einen Großbuchstaben enthalten, bitte erneut.",
            "Zu dieser E-Mail-Adresse ist kein Konto vorhanden, oder das Passwort ist falsch.",
        )
    )
    form = (
        "<div class='panel'><form><input type='email' name='email'>"
        f"<input type='password' name='pw'>{errors}<button>Weiter</button></form></div>"
    )
    description = (
        "<div class='details'><p class='item-description'>New York ist das Epizentrum der "
        "Pandemie in den USA. Auch der Sport ist zum Stillstand gekommen, die Ligen "
        "pausieren.</p></div>"
    )
    menu = "".join(f"<li><a href='/{n}'>Rubrik Nummer {n} der Seite</a></li>" for n in range(20))
    article = _clean(
        f"<nav><ul>{menu}</ul></nav><h1>US-Sport in Zeiten von Corona</h1>{description}{form}"
    )
    assert "Epizentrum" in article.text
    assert "Passwort" not in article.text


def test_a_page_wide_form_asking_for_a_password_holds_the_article() -> None:
    """ASP.NET wraps the whole page in one form, its login box's password field in it."""
    login = "<div class='login'><input type='text' name='user'><input type='password'></div>"
    article = _clean(f"<form id='aspnetForm'>{login}<div class='story'>{PROSE * 4}</div></form>")
    assert "The council voted" in article.text


def test_text_totals_equal_a_sum_over_each_elements_segments() -> None:
    # The one-pass totals against the plain definition, on markup that leaves an element
    # and enters it again: the <a> holds a block, then loose text of the <div>, then more.
    root = lxml.html.document_fromstring(
        "<html><body><div><a href='/x'><p>one</p>loose <b>bold</b><p>two words</p></a>"
        f"tail<ul><li>item</li><li><a href='/y'>linked item</a></li></ul></div>"
        f"<section><p>{PROSE}</p><br>after a break<p>a line<br>its next line</p></section>"
        "</body></html>"
    )
    segments = segment(root)
    features = measure(segments)
    options = Options()
    stats = _text_stats(segments, features, options)
    for element in root.iter():
        inside = [i for i, s in enumerate(segments) if is_within(s.owner, element)]
        if not inside:
            assert element not in stats
            continue
        entry = stats[element]
        assert entry.chars == sum(features[i].chars for i in inside)
        assert entry.links == sum(segments[i].link_chars for i in inside)
        prose = [i for i in inside if is_prose(features[i], options)]
        assert entry.prose == sum(features[i].chars for i in prose)
        assert entry.paragraphs == len(prose)


def test_text_totals_keep_no_table_of_paragraphs() -> None:
    # A page of many paragraphs: totals are kept for the boxes around them (body, html),
    # a paragraph's counted from its own segments when asked for.
    root = lxml.html.document_fromstring(
        "<html><body>" + "<p>word</p>" * 200 + f"<p>{PROSE}</p></body></html>"
    )
    segments = segment(root)
    stats = _text_stats(segments, measure(segments), Options())
    assert len(stats._boxes) == 2
    paragraph = root.find(".//p")
    assert paragraph is not None
    assert stats[paragraph].chars == len("word")


def test_is_within_holds_for_the_container_itself_and_what_lies_inside_it_only() -> None:
    from lxml import html as lxml_html

    root = lxml_html.document_fromstring(
        "<html><body><div id='a'><p id='b'><span id='c'>x</span></p></div><p id='d'>y</p>"
        "</body></html>"
    )
    by_id = {element.get("id"): element for element in root.iter()}
    a, b, c, d = (by_id[name] for name in "abcd")
    assert is_within(a, a) and is_within(b, a) and is_within(c, a) and is_within(c, root)
    assert not is_within(a, b) and not is_within(d, a) and not is_within(root, c)


_ABOUT_US = (
    "<footer><p>Example Health Online is a service of Example Media GmbH, offering doctors, "
    "pharmacists and patients reliable, independent information on medicines.</p></footer>"
)


def _data_sheet(lines: tuple[tuple[str, str], ...]) -> str:
    """A product's data sheet: short labelled lines, none of them a paragraph."""
    return "".join(f"<h3>{label}</h3><p>{value}</p>" for label, value in lines)


_LEAFLET = (
    ("Package leaflet", "No leaflet provided by the maker"),
    ("Basic facts", "No basic facts known for this product"),
)
_PRICES = (
    ("Price", "12,95 EUR, 80 tablets, pharmacy only"),
    ("Co-payment", "5 EUR, none for children, none for pregnancy"),
)


def test_a_page_of_short_lines_beats_the_paragraph_in_its_footer() -> None:
    page = f"<div class='product'><h1>Chininum D4 tablets</h1>{_data_sheet(_LEAFLET)}</div>"
    article = _clean(f"<nav><a href='/'>Home</a></nav>{page}{_ABOUT_US}")
    assert "No leaflet provided by the maker" in article.text
    assert "Example Health Online" not in article.text


def test_a_tab_panel_competes_with_its_rivals_as_the_whole_widget() -> None:
    # A page of short lines: the prices tab scores best, the sources list beside the
    # tabs holds more than that tab, but less than all the tabs together (the leaflet's
    # tab, mostly values, is no prose the climb would take in).
    values = ("Tablet", "80 pieces", "N1", "Lactose", "Wheat starch", "Magnesium stearate")
    facts = "".join(f"<li>{value}</li>" for value in (*values, "Homeopathic", "V60A", "DHU"))
    tabs = (
        "<div class='panels'>"
        f"<div class='tab-pane' id='leaflet'>{_data_sheet(_LEAFLET)}<ul>{facts}</ul></div>"
        f"<div class='tab-pane' id='prices'>{_data_sheet(_PRICES)}</div></div>"
    )
    sources = "".join(
        f"<li>Prescribing information by Example Pharma, {edition}</li>"
        for edition in ("first edition", "second edition")
    )
    sources = f"<div class='sources'><ol>{sources}</ol><a href='/sources'>All sources</a></div>"
    page = f"<div class='product'><h1>Chininum D4 tablets</h1>{tabs}{sources}</div>"
    article = _clean(f"<nav><a href='/'>Home</a></nav>{page}{_ABOUT_US}")
    assert "No leaflet provided by the maker" in article.text
    assert "12,95 EUR, 80 tablets, pharmacy only" in article.text


_DISCLAIMERS = (
    "<footer><div class='legal-notes'>"
    "<p>This material is not intended to replace the advice of a qualified advisor, lawyer, "
    "broker or accountant. Information has been drawn from sources believed reliable, but "
    "it is not guaranteed, and opinions, rates, terms and offers may change at any time.</p>"
    "<p>Products and services referenced are for general information only, and do not form "
    "an offer, a recommendation or a contract. Coverage, limits, exclusions and premiums "
    "differ by state, carrier, policy and applicant, and are subject to underwriting.</p>"
    "</div></footer>"
)


def test_a_short_article_beats_the_disclaimers_in_the_page_footer() -> None:
    # One paragraph and a list of topics: the footer's two long disclaimers outscore it
    # weighed against once, not twice. The lead form beside the article is no part of it
    # (a shorter yardstick would count its hints as paragraphs).
    topics = "".join(
        f"<li>{topic}</li>"
        for topic in ("General procedures at the counter", "Reporting losses", "Hand controls")
    )
    hints = "".join(
        f"<div class='field'>{hint}</div>"
        for hint in (
            "This field is for validation purposes and should be left unchanged.",
            "This field is hidden when viewing the form",
            "Tell us how many employees your company has",
            "This field is hidden when viewing the form",
        )
    )
    page = (
        f"<main><section><div class='column'><h1>Best practices</h1>{PROSE}<ul>{topics}</ul>"
        f"</div></section><section><div class='lead'><form>{hints}</form></div></section></main>"
    )
    article = _clean(f"<nav><a href='/'>Home</a></nav>{page}{_DISCLAIMERS}")
    assert "The council voted" in article.text and "Reporting losses" in article.text
    assert "This field" not in article.text
    assert "qualified advisor" not in article.text


def test_a_page_of_short_lines_beats_a_sentence_beside_it_and_the_footer() -> None:
    # The page's one paragraph outside its footer is a line in the list of sources: the
    # footer's "about us" outscores it weighed against once, so the page is read again
    # by the shorter yardstick, and its data sheet is the article.
    sources = (
        "<div class='sources'><ol><li>Prescribing information by Example Pharma in its first "
        "edition</li></ol></div>"
    )
    about = _ABOUT_US.replace("</p>", " Founded in 1998, it serves readers, clinics and shops.</p>")
    sheet = _data_sheet((*_LEAFLET, *_PRICES))
    page = f"<div class='product'><h1>Chininum D4 tablets</h1>{sheet}{sources}</div>"
    article = _clean(f"<nav><a href='/'>Home</a></nav>{page}{about}")
    assert "No leaflet provided by the maker" in article.text
    assert "Example Health Online" not in article.text


def test_the_page_footer_is_not_the_articles_nor_a_quotations() -> None:
    root = lxml.html.fromstring(
        "<html><body><article><p id='a'>Text</p><footer><p id='b'>Tags</p></footer>"
        "<blockquote><p>Quote</p><footer id='c'>Name</footer></blockquote></article>"
        "<div role='contentinfo'><p id='d'>About us</p></div>"
        "<footer><div><p id='e'>Disclaimer</p></div></footer></body></html>"
    )
    by_id = {element.get("id"): element for element in root.iter() if element.get("id")}
    assert [_in_page_footer(by_id[name]) for name in "abcde"] == [False] * 3 + [True] * 2


_TERMS = (
    "<p>Receive ten percent off your purchase of three to five products, excluding taxes, "
    "shipping and delivery charges. The discount is non-transferable, not valid on earlier "
    "purchases, and cannot be combined with other offers. It may be suspended or ended at "
    "any time, and is void where prohibited.</p>"
)
_PROMO_BAR = "<div class='promo-bar'><div class='promo-bar__slides'>{}</div></div>".format(
    "".join(
        f"<p>Free standard shipping on orders of {amount} or more, in stores and online. For "
        "more information on shipping rates, times and returns, see our help pages.</p>"
        for amount in ("$40", "$60", "65 EUR", "480 kr")
    )
)


def test_a_page_whose_main_text_is_its_terms_gives_the_terms() -> None:
    # A promotion's terms page: a promo carousel outscores the terms, and both are
    # classed against the article; the terms are in the page's <main>.
    page = (
        f"{_PROMO_BAR}<main><section class='page page--discount-terms-conditions'>"
        f"<div class='page'><h1>Discount Terms</h1><div class='rte'>{_TERMS}</div></div>"
        "</section></main>"
    )
    article = _clean(page)
    assert "Receive ten percent off" in article.text
    assert "Free standard shipping" not in article.text


@pytest.mark.parametrize(
    "notice",
    [
        # A cookie dialog over an app's empty shell, and one in its <main>.
        f"<div id='app'></div><div class='cookie-consent'>{_TERMS}</div>",
        f"<main><div id='app'></div><div class='cookie-consent'>{_TERMS}</div></main>",
        # Terms outside the page's <main>.
        f"<main><div id='app'></div></main><div class='terms'>{_TERMS}</div>",
    ],
)
def test_a_notice_that_is_not_the_pages_main_text_stays_out(notice: str) -> None:
    assert "Receive ten percent off" not in _clean(f"{_PROMO_BAR}{notice}").text
