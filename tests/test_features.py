"""Per-segment measurements and class/id cues."""

from __future__ import annotations

import re

import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsclean
from conftest import PROSE
from newsclean.features import class_cues, is_article_link, measure, negative_cues
from newsclean.segment import Link, segment


def _features(html: str) -> list[tuple[str, float, frozenset[str]]]:
    segments = segment(lxml.html.document_fromstring(html))
    return [
        (s.text, f.link_density, f.text_cues)
        for s, f in zip(segments, measure(segments), strict=True)
    ]


def test_link_density_and_cues() -> None:
    found = _features(
        "<p>Read <a href='/x'>this</a> now.</p><p>© 2024 Example. All rights reserved.</p>"
        "<p>Advertisement</p><p>By Jane Doe</p><p>Moscow (AFP) Nov 17, 2015 - Text here.</p>"
    )
    assert found[0][1] == pytest.approx(len("this") / len("Read this now."))
    assert "legal" in found[1][2]
    assert "ad-label" in found[2][2]
    assert "byline" in found[3][2]
    assert "dateline" in found[4][2]


def test_lengths_count_characters_so_cjk_is_measured() -> None:
    segments = segment(
        lxml.html.document_fromstring("<p>新华社北京电，国务院总理今天主持召开会议。</p>")
    )
    (features,) = measure(segments)
    assert features.chars == 21
    assert features.sentences == 1
    assert features.commas == 1


@pytest.mark.parametrize(
    ("html", "cues"),
    [
        ("<div class='ad-slot'></div>", {"ad"}),
        ("<div id='sidebar-right'></div>", {"sidebar"}),
        ("<nav></nav>", {"navigation"}),
        ("<div role='contentinfo'></div>", {"footer"}),
        ("<article class='post-content'></article>", {"positive"}),
        ("<div class='share-buttons social'></div>", {"share"}),
        ("<div class='shadow loaded'></div>", set()),  # "ad" inside a word is not a cue
        ("<a class='skiplink'></a>", {"navigation"}),
        ("<div class='skip-links'></div>", {"navigation"}),
        ("<div class='skip-item' id='topic1'></div>", set()),  # a skip link's target section
        ("<article class='prose print:prose-sm md:share-lg'></article>", {"positive"}),
        ("<div class='node node--promoted node--type-recipe'></div>", set()),
        ("<div class='column sidebar-enabled--false'></div>", set()),  # a setting's value
        ("<blockquote class='twitter-tweet'></blockquote>", set()),  # an embed, not a button
        ("<blockquote class='instagram-media'></blockquote>", set()),
        ("<div class='ad-slot--ads'></div>", {"ad"}),  # an ad block's own variant
        ("<div class='contel100 newsteaser mid'></div>", {"sidebar"}),
        ("<pp-inline-teaser></pp-inline-teaser>", {"sidebar"}),  # a custom element's name
        ("<vg-vgn-nav></vg-vgn-nav>", set()),  # an app shell's element may wrap the page
        ("<ps-promo></ps-promo>", set()),  # the site's own story teaser as often as an ad
        ("<div class='TestReport__AuthorBox'></div>", {"byline"}),
        ("<div class='wp-embedded-content'></div>", {"sidebar", "positive"}),  # a post's card
        # An id spelling its heading is the section's anchor, not a box's name.
        ("<h2 id='h-can-i-track-my-social-campaigns'>Can I track my social campaigns?</h2>", set()),
        (
            "<div id='1-heading-how-popular-is-meditation'><h2>How popular is meditation?</h2>"
            "<p>Text.</p></div>",
            set(),
        ),
        # What the id adds beside the title still names the box...
        (
            "<div id='more-on-car-repair-related-articles'><h2>More on car repair</h2></div>",
            {"sidebar"},
        ),
        # ... and a heading that opens with a cue word names it too.
        (
            "<div id='related-products-and-services'><h2>Related products and services</h2></div>",
            {"sidebar"},
        ),
        ("<div id='how-popular-is-meditation'><p>No heading.</p></div>", {"sidebar"}),
    ],
)
def test_class_cues(html: str, cues: set[str]) -> None:
    assert class_cues(lxml.html.fragment_fromstring(html)) == cues


@pytest.mark.parametrize(
    ("link", "expected"),
    [
        (Link("Schools get a new funding plan", "/2024/05/schools-get-new-funding"), True),
        (
            Link("Swiss Camera Leaves for Mars", "/reports/Swiss_Camera_Leaves_for_Mars_999.html"),
            True,
        ),
        (Link("Learn more about us at Example.com", "https://www.example.com/"), False),
        (Link("Sport", "/sport/"), False),
        (Link("A long headline about something", "#top"), False),
        # A tag's, topic's or author's page lists articles; it is not one.
        (
            Link("Download Hadits Digital", "https://example.org/tag/download-hadits-digital/"),
            False,
        ),
        (Link("Climate change policy", "/topics/climate-change-policy"), False),
        (Link("Maria Garcia Lopez", "/author/maria-garcia-lopez/"), False),
        (Link("Wahl in Thüringen: die Ergebnisse", "/thema/wahl-in-thueringen/"), False),
        # ...but a slug that merely follows such a word deeper in the path is one.
        (Link("Tag der offenen Tür im Rathaus", "/2024/05/tag-der-offenen-tuer-im-rathaus"), True),
    ],
)
def test_article_links(link: Link, expected: bool) -> None:
    assert is_article_link(link, min_words=3) is expected


@pytest.mark.parametrize(
    "text",
    [
        "© 2024 Example",
        "Alle Rechte vorbehalten.",
        "Tous droits réservés",
        "Todos los derechos reservados",
        "Privacy Policy",
        "Impressum",
        "GDPR statement",
    ],
)
def test_legal_cue_keywords_never_hide_a_match(text: str) -> None:
    # The keyword pre-check must let every text the pattern matches through.
    from newsclean import vocab

    assert vocab.LEGAL_TEXT.pattern.search(text)
    assert vocab.LEGAL_TEXT.search(text, text.lower())


@pytest.mark.parametrize(
    "text",
    [
        "With the rise of Ad Blockers, revenue fell",
        "Please disable your adblocker",
        "Become a supporter today",
        "Jetzt abonnieren und sparen",
        "Donate via PayPal",
        "Become a paid subscriber to unlock this piece",
        "Jede kleine Spende hilft",
        "Helfen Sie mit!",
        "Hilf mit und unterstütze uns",
        "Get The Portal Direct To Your Inbox",
    ],
)
def test_appeal_cue_keywords_never_hide_a_match(text: str) -> None:
    from newsclean import vocab

    assert vocab.APPEAL_TEXT.pattern.search(text)
    assert vocab.APPEAL_TEXT.search(text, text.lower())


def test_ideographs_weigh_more_than_letters() -> None:
    segments = segment(lxml.html.document_fromstring("<p>国务院总理今天主持召开会议</p><p>abc</p>"))
    chinese, latin = measure(segments)
    assert chinese.length == chinese.chars * 3
    assert latin.length == latin.chars


def test_a_chinese_paragraph_counts_as_prose() -> None:
    from newsclean.content import is_prose
    from newsclean.options import Options

    # 24 characters: a full sentence in Chinese, far under 60 Latin characters.
    segments = segment(
        lxml.html.document_fromstring("<p>新华社北京电，国务院总理今天主持召开国务院常务会议。</p>")
    )
    (features,) = measure(segments)
    assert features.chars < Options().min_paragraph_chars
    assert is_prose(features, Options())


@pytest.mark.parametrize(
    "name",
    [
        "non-paywall",
        "no-sidebar",
        "has-comments",
        "with_ads",
        "o-section--has-ads",
        "page__main--no-sidebar",
        "TestReport__Section--Ads",
    ],
)
def test_modifier_classes_say_nothing_about_the_box(name: str) -> None:
    element = lxml.html.fragment_fromstring(f"<div class='row {name}'>x</div>")
    assert negative_cues(element) == frozenset()


def test_body_classes_do_not_make_every_box_an_aside() -> None:
    html = f"<html><body class='has-promo-banner paywall'><div class='story'>{PROSE * 3}</div>"
    html += "<aside><div class='textwidget'>" + PROSE.replace("council", "widget") * 4
    html += "</div></aside></body></html>"
    article = newsclean.clean(html, templates=newsclean.TemplateSet())
    assert "The council voted" in article.text
    assert "widget" not in article.text


@pytest.mark.parametrize("name", ["m159-cookies", "cookie-consent", "cmp-consent", "gdpr"])
def test_cookie_and_consent_boxes_are_legal(name: str) -> None:
    assert "legal" in class_cues(lxml.html.fragment_fromstring(f"<div class='{name}'>x</div>"))


@pytest.mark.parametrize("name", ["fine-print-section", "footer-fine-print", "fineprint"])
def test_fine_print_boxes_are_legal(name: str) -> None:
    """The small print, read joined: a "fine-print" box is no print button's."""
    assert "legal" in class_cues(lxml.html.fragment_fromstring(f"<div class='{name}'>x</div>"))


@pytest.mark.parametrize("name", ["d-print-none", "hide-for-print", "noprint", "print-hidden"])
def test_print_visibility_utilities_are_not_print_buttons(name: str) -> None:
    assert class_cues(lxml.html.fragment_fromstring(f"<div class='{name}'>x</div>")) == set()


def test_every_print_hidden_class_holds_the_hint() -> None:
    """The hint rules a class value out before its names are matched: each branch of
    PRINT_HIDDEN_CLASS holds it, and so does a name matched in another case or with a
    letter its case folding allows (a dotless i)."""
    from newsclean import vocab

    branches = vocab._top_level_branches(vocab.PRINT_HIDDEN_CLASS.pattern[4:-2])
    assert len(branches) == 8 and all("print" in branch for branch in branches)
    for name in ["NoPrint", "D-PRINT-NONE", "noprınt", "Print:Hidden", "hide-on-prİnt"]:
        assert vocab.PRINT_HIDDEN_CLASS.match(name)
        assert vocab.PRINT_HIDDEN_HINT.search(name)
    assert not vocab.PRINT_HIDDEN_HINT.search("no-prnt sidebar")


def test_top_level_branches_skip_groups_classes_and_escapes() -> None:
    from newsclean import vocab

    pattern = r"a[|\]]b|(c|d)|^e\|f|[^]|]x|[]|]y|z"
    assert vocab._top_level_branches(pattern) == [
        r"a[|\]]b",
        "(c|d)",
        r"^e\|f",
        "[^]|]x",
        "[]|]y",
        "z",
    ]


def test_a_cue_tries_only_wholly_anchored_alternatives_at_the_start() -> None:
    from newsclean import vocab

    cue = vocab._cue("t", r"^\s*foo$|^bar", r"baz|^qux", r"\bquux\b|\bcor(?:ge|ps)")
    assert cue.at_start is not None and cue.at_start.pattern == r"^\s*foo$|^bar"
    # Branches opening with a word boundary share it.
    assert cue.anywhere is not None
    assert cue.anywhere.pattern == r"\b(?:quux\b|cor(?:ge|ps))|baz|^qux"
    texts = ("foo", " foo", "x foo", "bar!", "a bar", "qux", "a qux", "a baz", "QUUX", "")
    for text in (*texts, "quuxx", "a corps", "decorge", "Corge!"):
        assert cue.matches(text) is (cue.pattern.search(text) is not None), text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "right" (legal) begins "rights reserved" (rights): both are found.
        ("All rights reserved.", {"legal", "rights"}),
        # "copyright" holds "right": overlapping keywords are all seen.
        ("Copyright 2024", {"legal", "rights"}),
        ("Become a freelancer", {"bio", "call-to-action"}),
        ("Nothing to see", set()),
    ],
)
def test_the_keyword_index_finds_every_cue_whose_keyword_occurs(
    text: str, expected: set[str]
) -> None:
    from newsclean import features, vocab

    lowered = text.lower()
    found = set(features._KEYWORD_CUES.candidates(lowered))
    assert found == expected
    # The same as testing each cue's keywords on their own.
    assert found == {
        cue.name
        for cue in features._CUES
        if cue.keywords is not None and cue.keywords.search(lowered) is not None
    }
    assert all(isinstance(cue, vocab.TextCue) for cue in features._CUES)


def test_links_to_signup_never_matches_across_two_hrefs() -> None:
    from newsclean.features import links_to_signup

    assert links_to_signup((Link("a", "/x/abo"), Link("b", "/y")))
    assert links_to_signup((Link("a", "/y"), Link("b", "newsletter/")))
    # "/ab" + "o..." joined must not read as "/abo".
    assert not links_to_signup((Link("a", "/ab"), Link("b", "o-x")))


def test_every_signup_href_alternative_holds_one_of_its_words() -> None:
    # links_to_signup skips the pattern where an ASCII href holds none of the words.
    from newsclean import vocab

    for branch in vocab._top_level_branches(vocab.SUBSCRIBE_HREF.pattern):
        literal = branch.replace("\\b", "").replace("\\.", ".").lower()
        assert any(word in literal for word in vocab.SUBSCRIBE_HREF_WORDS), branch


def test_links_to_signup_reads_non_ascii_hrefs_case_insensitively() -> None:
    from newsclean.features import links_to_signup

    assert links_to_signup((Link("a", "/NEWSLETTER"),))
    # "ſ" (long s) matches "s" case-insensitively, though "ſ".lower() is not "s".
    assert links_to_signup((Link("a", "/ſubscribe"),))


def test_segments_that_measure_alike_share_one_features() -> None:
    root = lxml.html.document_fromstring("<html><body>" + "<p>word</p>" * 50 + "</body></html>")
    features = measure(segment(root))
    assert len(features) == 50
    assert len({id(f) for f in features}) == 1


def test_a_class_word_cut_in_two_is_read_whole() -> None:
    # gofeminin's "news-letter-section" is a newsletter box.
    element = lxml.html.fragment_fromstring("<div class='news-letter-section'>x</div>")
    assert "subscribe" in class_cues(element)


@pytest.mark.parametrize(
    ("name", "cue"),
    [
        ("subscriptionPleaContainer-D09dM", "subscribe"),
        ("MegaMenu_link__lU0Rs", "navigation"),
        ("styles_promoCode__8o1yl", "ad"),
    ],
)
def test_a_css_modules_camel_case_name_is_split_at_its_capitals(name: str, cue: str) -> None:
    assert cue in class_cues(lxml.html.fragment_fromstring(f"<div class='{name}'>x</div>"))


@pytest.mark.parametrize("name", ["TestReport__Section--Ads", "MtnNewsBanner", "adInv"])
def test_other_camel_case_names_are_read_whole(name: str) -> None:
    assert class_cues(lxml.html.fragment_fromstring(f"<div class='{name}'>x</div>")) == set()


def test_the_cyrillic_letters_are_those_the_disguise_pattern_matches_ignoring_case() -> None:
    # The disguise pattern runs only where one of them occurs.
    import re

    from newsclean import vocab

    ignoring_case = re.compile(r"[\u0400-\u04ff]", re.IGNORECASE)
    for code in range(0x110000):
        char = chr(code)
        found = vocab.CYRILLIC_LETTERS.match(char) is not None
        assert found is (ignoring_case.match(char) is not None), hex(code)


def test_every_date_form_holds_a_year_of_four_digits() -> None:
    # The date pattern runs only where four digits occur in a row.
    from newsclean import vocab

    pattern = vocab.DATE_TEXT.pattern
    assert pattern.startswith(r"\b(?:") and pattern.endswith(r")\b")
    for branch in vocab._top_level_branches(pattern[len(r"\b(?:") : -len(r")\b")]):
        assert r"\d{4}" in branch, branch


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Posted on 17.11.2015", "date"),
        ("Nov 17, 2015", "date"),
        ("Аdvеrtіѕе wіth us", "disguised"),  # Cyrillic А, е, і, ѕ among Latin letters
        ("Nov 17, 15", None),
        ("Реклама на сайте", None),  # Cyrillic alone
    ],
)
def test_date_and_disguise_cues(text: str, cue: str | None) -> None:
    (found,) = _features(f"<p>{text}</p>")
    assert found[2] == ({cue} if cue else frozenset())


def test_the_characters_that_fold_apart_are_those_of_pythons_tables() -> None:
    # Where a text holds one, every branch of a cue is tried (TextCue.matches_holding).
    import importlib

    from newsclean import vocab

    engine = importlib.import_module("_sre")  # the regex engine's own case tables
    casefix = importlib.import_module("re._casefix")
    extra = {code for key, others in casefix._EXTRA_CASES.items() for code in (key, *others)}
    for code in range(0x110000):
        char = chr(code)
        lowered = char.lower()
        apart = (
            (code in extra and code > 0x7F)
            or len(lowered) != 1
            or ord(lowered) != engine.unicode_tolower(code)
            or char == "\u03a3"  # capital sigma: lower-cased by where it stands in a word
        )
        assert (vocab.CASE_FOLDING_APART.match(char) is not None) is apart, hex(code)


@pytest.mark.parametrize(
    ("branch", "runs"),
    [
        (r"\bshare (?:this|on|via)\b", ["share "]),
        (r"\bad ?blockers?\b", ["ad", "blocker"]),
        (r"\(\s*[mwfd]\s*/\s*[mwfd]\s*\)", ["(", "/", ")"]),
        (r"\bbolet[ií]n\b", ["bolet", "n"]),
        (r"\bGDPR\b", ["gdpr"]),
        (r"a{2}b+c*d?e", ["e"]),
        (r"(?i:abc)def", []),
        (r"x(?:a|b)?yz\.w", ["x", "yz.w"]),
        (r"[]a]bc|", ["bc"]),
        (r"\u00e9t\x41b\N{EM DASH}c\12d", ["t", "b", "c", "d"]),
        (r"ſcript", []),
    ],
)
def test_required_literals_are_what_every_match_holds(branch: str, runs: list[str]) -> None:
    from newsclean import vocab

    assert vocab._required_literals(branch) == runs


def _fixture_texts() -> list[str]:
    from corpus_cases import discover
    from newsclean.decode import decode
    from newsclean.parse import parse

    texts: list[str] = []
    for case in discover():
        root = parse(decode(case.source_bytes()).text).root
        texts.extend(s.text for s in segment(root))
    return texts


def test_cues_tried_branch_by_branch_find_what_the_whole_patterns_find() -> None:
    # Every segment of the fixture pages, and lines whose case folds apart.
    from newsclean import features

    tricky = [
        "İMPRESSUM © 2024",  # İ lower-cases to two characters
        "İMPRESSUM terms",
        "ſhare this story, like it",  # ſ matches "s" ignoring case, lowers to itself
        "Privacy Policy © ΣΟΦΙΑ",
        "Follow Us On Twitter and like us",
        "SHARE THIS ARTICLE — like it or not",
        "Become a supporter: sign up, subscribe, donate",
    ]
    for text in _fixture_texts() + tricky:
        candidates, held = features._KEYWORD_CUES.scan(text.lower())
        for cue in candidates.values():
            assert cue.matches_holding(text, held) is cue.matches(text), (cue.name, text)


@given(st.text(alphabet=st.characters(max_codepoint=0x7F)) | st.text(alphabet="ab_1 -é日"))
def test_words_are_counted_as_the_word_pattern_finds_them(text: str) -> None:
    # ASCII text is counted without building its words.
    from newsclean.features import word_count

    assert word_count(text) == len(re.findall(r"\w+", text))


@given(st.text(alphabet="ab _-.!?…。！？\"'”’»)( \n\t1é"))
def test_sentence_ends_are_found_as_written_before(text: str) -> None:
    # The pattern opens with the class of every stop so the engine skips to them.
    from newsclean.features import _SENTENCE_END

    before = re.compile(r"[。！？]|[.!?…](?=\s|$|[\"'”’»)])")
    assert len(_SENTENCE_END.findall(text)) == len(before.findall(text))
