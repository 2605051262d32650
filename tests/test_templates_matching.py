"""Which template a page gets (host, then fingerprint), what happens when a template
goes stale, and template packs found through entry points."""

from __future__ import annotations

import subprocess
import sys
from importlib import metadata
from pathlib import Path

import lxml.html
import pytest
from lxml.html import HtmlElement

import newsclean
from newsclean.templates import SiteTemplate, TemplateError, TemplateSet, packs

CORPUS = Path(__file__).parent / "corpus"
SUBSTACK_CASE = CORPUS / "garymarcus.substack.com" / "new-ways-to-corrupt-llms"
SUBSTACK_URL = "https://garymarcus.substack.com/p/new-ways-to-corrupt-llms"
GHOST_CASE = CORPUS / "andrewliptak.com" / "may-2025-book-list"
GHOST_URL = (
    "https://www.andrewliptak.com/sci-fi-fantasy-books-may-2025-star-wars-neuromancer-wells/"
)
SUBSTACK_SENTENCE = "Putting society in the hands of giant, superficial correlation machines"
PARAGRAPH = "<p>" + "A sentence of the article, long enough to count as prose. " * 4 + "</p>"


def page(head: str = "", body: str = "") -> bytes:
    return f"<html><head>{head}</head><body>{body}</body></html>".encode()


def root_of(html: bytes) -> HtmlElement:
    return lxml.html.document_fromstring(html)


def template(text: str, name: str = "t.toml") -> SiteTemplate:
    return SiteTemplate.from_toml("schema = 1\n" + text, source=name)


PLATFORM = template(
    'id = "platform"\nfingerprints = ["meta[name=generator][content^=Platform]"]\n'
    '[fields]\nbody = ["div.post"]\n'
)
OTHER_PLATFORM = template(
    'id = "another"\nfingerprints = ["meta[name=generator]"]\n[fields]\nbody = ["div.post"]\n'
)
HOSTED = template('id = "hosted"\nhosts = ["example.com"]\n[fields]\nbody = ["div.story"]\n')
GENERATOR = '<meta name="generator" content="Platform 5.1">'


# -- fingerprints -----------------------------------------------------------------


def test_a_platform_template_matches_by_markup() -> None:
    templates = TemplateSet([PLATFORM, HOSTED])
    found = templates.match("https://blog.example.org/post", root_of(page(GENERATOR)))
    assert found is PLATFORM


def test_without_its_markup_a_platform_template_does_not_match() -> None:
    assert TemplateSet([PLATFORM]).match("https://example.org/", root_of(page())) is None


def test_without_a_root_only_hosts_are_matched() -> None:
    assert TemplateSet([PLATFORM]).match("https://example.org/") is None


def test_a_host_template_beats_a_fingerprint() -> None:
    templates = TemplateSet([PLATFORM, HOSTED])
    assert templates.match("https://example.com/a", root_of(page(GENERATOR))) is HOSTED


def test_fingerprints_are_asked_in_id_order_whatever_the_set_order() -> None:
    root = root_of(page(GENERATOR))
    assert TemplateSet([PLATFORM, OTHER_PLATFORM]).match(None, root) is OTHER_PLATFORM
    assert TemplateSet([OTHER_PLATFORM, PLATFORM]).match(None, root) is OTHER_PLATFORM


def test_hosts_are_optional_only_with_fingerprints() -> None:
    assert PLATFORM.hosts == ()
    with pytest.raises(TemplateError, match=r"t\.toml: hosts: missing required key"):
        template('id = "x"\n[fields]\nbody = ["div"]\n')


def test_a_bad_fingerprint_names_its_index() -> None:
    with pytest.raises(TemplateError, match=r"t\.toml: fingerprints\[1\]: selector 'div\['"):
        template('id = "x"\nfingerprints = ["div", "div["]\n')


def test_empty_fingerprints_are_an_error() -> None:
    with pytest.raises(TemplateError, match=r"fingerprints: must not be an empty array"):
        template('id = "x"\nfingerprints = []\n')


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ('<meta name="generator" content="WordPress 6.4.2">', "wordpress"),
        ('<link rel="stylesheet" href="https://x.org/wp-content/themes/a/style.css">', "wordpress"),
        ('<meta name="Generator" content="Drupal 10 (https://www.drupal.org)">', "drupal"),
        ('<meta name="generator" content="Ghost 5.82">', "ghost"),
        ('<meta name="generator" content="blogger">', "blogger"),
        ('<meta property="al:ios:app_name" content="Medium">', "medium"),
        ('<link rel="preconnect" href="https://substackcdn.com">', "substack"),
        ('<link rel="preload" href="/pf/resources/styles.css">', "arc-xp"),
        ('<meta name="generator" content="Hugo 0.120">', None),
    ],
)
def test_bundled_platform_fingerprints(head: str, expected: str | None) -> None:
    found = TemplateSet.builtin().match("https://news.example.net/story", root_of(page(head)))
    assert (found.id if found is not None else None) == expected


_CLASS_POST = "contains(concat(' ', normalize-space(@class), ' '), ' post ')"


@pytest.mark.parametrize(
    ("css", "step"),
    [
        ("meta[name=generator]", ("meta", "@name = 'generator'")),
        ("div#app", ("div", "@id = 'app'")),
        ("*[data-x]", ("*", "@data-x")),
        ("link[href*='[a]/b']", ("link", "@href and contains(@href, '[a]/b')")),
        ("div p", None),  # two steps
        ("div > p[id]", None),
        ("meta, link", None),  # a union
        (".post", None),  # quicker_tests opens it with the class attribute
        ("div.post", ("div", "@class[contains(., 'post')] and " + _CLASS_POST)),
    ],
)
def test_one_step_rules_are_recognised(css: str, step: tuple[str, str] | None) -> None:
    from newsclean.templates.rules import Rule

    assert Rule(source="t", css=css).step == step
    assert Rule(source="t", xpath="descendant-or-self::p[@id]").step is None  # not cssselect's


def test_one_step_refuses_positions_and_two_bracket_pairs() -> None:
    from newsclean.templates.rules import one_step

    assert one_step("descendant-or-self::p[position() = 1]") is None
    assert one_step("descendant-or-self::p[last()]") is None
    assert one_step("descendant-or-self::p[@a]/b[@c]") is None
    assert one_step("descendant-or-self::p[@a = 'last()']") == ("p", "@a = 'last()'")


class _AskedTemplate:
    """A Python platform template: asked through `matches_page` alone."""

    id = "m-asked"

    def __init__(self, answer: bool) -> None:
        self.answer = answer

    def matches_host(self, host: str) -> bool:
        return False

    def matches_page(self, root: HtmlElement) -> bool:
        return self.answer

    def apply(self, root: HtmlElement) -> newsclean.TemplateMatch:
        raise AssertionError("not applied here")


@pytest.mark.parametrize(
    "head",
    [
        "",
        GENERATOR,
        '<meta name="generator" content="Other">',
        '<link href="/b/x.css"><meta name="generator" content="Platform 2">',
        '<link href="/a/x.css">',
        '<meta property="p" content="v">',
    ],
)
@pytest.mark.parametrize("asked", [True, False])
def test_fingerprints_asked_together_answer_as_each_template_would(head: str, asked: bool) -> None:
    templates: list[SiteTemplate | _AskedTemplate] = [
        PLATFORM,
        template('id = "b-links"\nfingerprints = ["link[href*=\'/b/\']", "p.x span"]\n'),
        template('id = "a-steps"\nfingerprints = ["head link[href*=\'/a/\']"]\n'),
        template('id = "c-meta"\nfingerprints = ["meta[property=p][content=v]", "p.y"]\n'),
        template('id = "d-xpath"\nfingerprints = [{ xpath = "//meta[1][@content = \'Other\']" }]'),
        _AskedTemplate(asked),
    ]
    root = root_of(page(head, '<p class="x">text</p>'))
    ordered = sorted(templates, key=lambda t: t.id)
    expected = next((t for t in ordered if t.matches_page(root)), None)
    assert TemplateSet(templates).match(None, root) is expected


def test_platform_template_through_clean() -> None:
    html = page(
        '<meta name="generator" content="Ghost 5.82">',
        f'<nav>Home About</nav><section class="gh-content">{PARAGRAPH}</section>',
    )
    article = newsclean.clean(html, url="https://ghost-blog.example.net/post/")
    assert article.template == "ghost"
    assert article.text.startswith("A sentence of the article")


# -- stale templates and fallbacks -------------------------------------------------


def test_a_case_page_uses_its_platform_template() -> None:
    article = newsclean.clean((SUBSTACK_CASE / "source.html").read_bytes(), url=SUBSTACK_URL)
    assert article.template == "substack" and not article.warnings
    assert SUBSTACK_SENTENCE in article.text


def test_a_redesign_that_renames_the_classes_falls_back_to_the_heuristics() -> None:
    html = (SUBSTACK_CASE / "source.html").read_bytes()
    redesigned = html.replace(b"available-content", b"post-content-v2").replace(
        b"body markup", b"post-text"
    )
    article = newsclean.clean(redesigned, url=SUBSTACK_URL)
    assert article.template is None
    assert any("'substack'" in w and "fell back to the heuristics" in w for w in article.warnings)
    assert SUBSTACK_SENTENCE in article.text  # the heuristics still find the article


def test_a_stale_ghost_theme_falls_back_too() -> None:
    html = (GHOST_CASE / "source.html").read_bytes().replace(b"gh-content", b"entry-v3")
    article = newsclean.clean(html, url=GHOST_URL)
    assert article.template is None and "fell back" in " ".join(article.warnings)
    assert "Warmer weather is finally reaching us here in Vermont" in article.text


def test_a_body_far_smaller_than_the_heuristics_choice_falls_back() -> None:
    mine = TemplateSet(
        [template('id = "teaser-only"\nhosts = ["example.com"]\n[fields]\nbody = ["p.dek"]\n')]
    )
    html = page(
        body='<p class="dek">'
        + "A short summary of the story here. " * 4
        + "</p>"
        + "<div>"
        + PARAGRAPH * 8
        + "</div>"
    )
    article = newsclean.clean(html, url="https://example.com/a", templates=mine)
    assert article.template is None
    assert "the heuristics find" in article.warnings[0]


def test_a_plausible_body_is_kept_and_named() -> None:
    mine = TemplateSet([HOSTED])
    html = page(body=f'<div class="story">{PARAGRAPH * 3}</div><div>{PARAGRAPH}</div>')
    article = newsclean.clean(html, url="https://example.com/a", templates=mine)
    assert article.template == "hosted" and not article.warnings
    assert article.text.count("A sentence of the article") == 12


def test_heuristics_off_means_no_fallback() -> None:
    strict = TemplateSet(
        [
            template(
                'id = "strict"\nhosts = ["example.com"]\n[fields]\nbody = ["div.story"]\n'
                "[heuristics]\nenabled = false\n"
            )
        ]
    )
    article = newsclean.clean(
        page(body=PARAGRAPH * 3), url="https://example.com/", templates=strict
    )
    assert article.template == "strict"
    assert "turns the heuristics off" in article.warnings[0]
    assert article.text == ""


def test_a_template_without_a_body_rule_leaves_the_body_to_the_heuristics() -> None:
    fields_only = TemplateSet(
        [
            template(
                'id = "fields-only"\nhosts = ["example.com"]\n[fields]\ntitle = ["h2.headline"]\n'
            )
        ]
    )
    html = page(body=f'<h2 class="headline">The headline</h2><div>{PARAGRAPH * 3}</div>')
    article = newsclean.clean(html, url="https://example.com/", templates=fields_only)
    assert article.template == "fields-only" and not article.warnings
    assert article.title == "The headline"
    assert article.text.startswith("A sentence of the article")


# -- packs ------------------------------------------------------------------------


def _pack_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A package `demo_pack` holding one TOML template, and a module with callables."""
    package = tmp_path / "demo_pack"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "demo.toml").write_text(
        'schema = 1\nid = "demo"\nhosts = ["demo.example"]\n[fields]\nbody = ["article"]\n'
    )
    (tmp_path / "demo_code.py").write_text(
        "from newsclean.templates import TemplateSet, SiteTemplate\n"
        "def templates():\n"
        "    return TemplateSet([SiteTemplate.from_toml("
        "'schema = 1\\nid = \"coded\"\\nhosts = [\"coded.example\"]\\n', source='coded')])\n"
        "NOT_A_SET = 42\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))


def _entry_points(monkeypatch: pytest.MonkeyPatch, **values: str) -> None:
    found = [
        metadata.EntryPoint(name=name, value=value, group=packs.ENTRY_POINT_GROUP)
        for name, value in values.items()
    ]
    monkeypatch.setattr(metadata, "entry_points", lambda group: found)


def test_installed_packs_are_found_through_entry_points(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _pack_module(tmp_path, monkeypatch)
    _entry_points(monkeypatch, toml_pack="demo_pack", code_pack="demo_code:templates")
    installed = TemplateSet.installed()
    assert sorted(t.id for t in installed) == ["coded", "demo"]
    combined = TemplateSet.builtin() | installed
    assert combined.match("https://demo.example/x").id == "demo"  # type: ignore[union-attr]


def test_a_broken_pack_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _pack_module(tmp_path, monkeypatch)
    _entry_points(monkeypatch, wrong="demo_code:NOT_A_SET")
    with pytest.raises(TemplateError, match=r"template pack 'wrong' .*got int"):
        TemplateSet.installed()
    _entry_points(monkeypatch, missing="no_such_module_here")
    with pytest.raises(TemplateError, match=r"template pack 'missing' .*cannot load"):
        TemplateSet.installed()


def test_two_packs_with_one_id_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _pack_module(tmp_path, monkeypatch)
    _entry_points(monkeypatch, first="demo_pack", second="demo_pack")
    with pytest.raises(TemplateError, match="two templates have the id 'demo'"):
        TemplateSet.installed()


def test_packs_are_not_scanned_unless_asked() -> None:
    code = (
        "import sys, newsclean\n"
        "newsclean.clean('<p>x</p>')\n"
        "assert 'newsclean.templates.packs' not in sys.modules, 'entry points scanned'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize(
    "translated",
    [
        # cssselect up to 1.3
        "descendant-or-self::*[@class and contains(concat(' ', normalize-space(@class), ' '),"
        " ' post ')]",
        # cssselect 1.4 and later: a bare contains() first
        "descendant-or-self::*[@class and contains(@class, 'post') and contains(concat(' ',"
        " normalize-space(@class), ' '), ' post ')]",
    ],
    ids=["cssselect-1.3", "cssselect-1.4"],
)
def test_class_tests_are_rewritten_alike_whatever_cssselect_wrote(translated: str) -> None:
    from newsclean.templates.rules import opening_attribute, quicker_tests

    expression = quicker_tests(translated)
    assert expression == (
        "descendant-or-self::*/@class[contains(., 'post')]/parent::*"
        "[contains(concat(' ', normalize-space(@class), ' '), ' post ')]"
    )
    assert opening_attribute(expression) == ("class", "post")
