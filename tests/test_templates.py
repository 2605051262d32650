"""Site templates: the TOML format, strict loading, host matching, and the bundled
Space Media Network template applied to the seed page."""

from __future__ import annotations

import pickle
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import lxml.html
import pytest
from lxml.html import HtmlElement

from newsclean.decode import decode
from newsclean.model import Region
from newsclean.template_tools.check import run_case
from newsclean.templates import (
    Rule,
    SiteTemplate,
    Template,
    TemplateError,
    TemplateMatch,
    TemplateSet,
)

CORPUS = Path(__file__).parent / "corpus"
SMN = "space-media-network"
SEED_URL = (
    "https://www.spacewar.com/reports/"
    "French_military_aid_request_backed_by_EU_after_Paris_attacks_999.html"
)
FIRST_PARAGRAPH = (
    "European Union nations on Tuesday unanimously backed a French request for support "
    "with military missions in the wake of the Paris attacks, after France invoked a "
    "previously unused part of the bloc's treaties to seek help."
)
LAST_PARAGRAPH = (
    "This aid could either be in support of France's Syria airstrikes but also in other "
    'theatres, he said, adding that France "can\'t be everywhere at the same time."'
)
SIDE_STORY_PARAGRAPHS = (
    "Putin instructed his military to work out a joint Russian-French action plan",
    "He added that cruise missile strikes had also hit Aleppo and Idlib provinces.",
)


def seed_html() -> bytes:
    example = resources.files("newsclean").joinpath("examples", "spacewar-french-military-aid.html")
    return example.read_bytes()


def parse(html: bytes | str) -> HtmlElement:
    return lxml.html.document_fromstring(html)


def text_of(element: HtmlElement) -> str:
    return " ".join("".join(element.itertext()).split())


def site(template_id: str, *hosts: str, body: str = "article") -> SiteTemplate:
    host_list = ", ".join(f'"{host}"' for host in hosts)
    return SiteTemplate.from_toml(
        f'schema = 1\nid = "{template_id}"\nhosts = [{host_list}]\n[fields]\nbody = ["{body}"]\n',
        source=f"{template_id}.toml",
    )


def regions(found: TemplateMatch, region: Region) -> list[str]:
    return [text_of(element) for kind, _, element in found.removals if kind is region]


# -- the bundled set ----------------------------------------------------------------


def test_builtin_set_loads_and_is_shared() -> None:
    builtin = TemplateSet.builtin()
    assert SMN in builtin
    assert len(builtin) >= 1
    assert TemplateSet.builtin() is builtin
    template = builtin.get(SMN)
    assert isinstance(template, SiteTemplate)
    assert template.name == "Space Media Network"
    assert template.cases == ("space-media-network/french-military-aid",)


def test_builtin_set_pickles() -> None:
    copy = pickle.loads(pickle.dumps(TemplateSet.builtin()))
    template = copy.match(SEED_URL)
    assert isinstance(template, SiteTemplate)
    assert template == TemplateSet.builtin().get(SMN)
    assert template.apply(parse(seed_html())).fields["byline"] == "By Danny KEMP"


def test_site_template_implements_the_protocol() -> None:
    template = TemplateSet.builtin().get(SMN)
    assert isinstance(template, Template)


@pytest.mark.parametrize(
    "url",
    [
        SEED_URL,
        "http://spacewar.com/",
        "https://WWW.SpaceDaily.com:8443/reports/x.html",
        "terradaily.com",
        "https://www.energy-daily.com/reports/y.html",
        "https://user@www.marsdaily.com/",
        "https://news.sinodaily.com./",
    ],
)
def test_builtin_matches_the_network(url: str) -> None:
    template = TemplateSet.builtin().match(url)
    assert template is not None
    assert template.id == SMN


@pytest.mark.parametrize(
    "url",
    [
        None,
        "",
        "https://example.com/",
        "https://notspacewar.com/",
        "https://spacewar.com.evil.net/",
    ],
)
def test_builtin_does_not_match_others(url: str | None) -> None:
    assert TemplateSet.builtin().match(url) is None


# -- host matching ------------------------------------------------------------------


@pytest.fixture
def layered() -> TemplateSet:
    return TemplateSet(
        [
            site("base", "example.com", "*.example.com"),
            site("news", "*.news.example.com"),
            site("www-news", "www.news.example.com"),
        ]
    )


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.com/", "base"),
        ("https://a.b.example.com/", "base"),
        ("https://news.example.com/", "base"),  # "*.news..." does not match news... itself
        ("https://x.news.example.com/", "news"),  # longest suffix wins
        ("https://deep.x.news.example.com/", "news"),
        ("https://www.news.example.com/", "www-news"),  # exact beats any suffix
        ("https://WWW.News.Example.COM:8080/path", "www-news"),
        ("https://example.org/", None),
        ("https://myexample.com/", None),
    ],
)
def test_match_by_host(layered: TemplateSet, url: str, expected: str | None) -> None:
    found = layered.match(url)
    assert (found.id if found else None) == expected


def test_wildcard_does_not_match_the_bare_domain() -> None:
    templates = TemplateSet([site("only-subdomains", "*.example.com")])
    assert templates.match("https://example.com/") is None
    assert templates.match("https://www.example.com/") is not None


def test_empty_set_matches_nothing() -> None:
    assert len(TemplateSet()) == 0
    assert TemplateSet().match(SEED_URL) is None


def test_matches_host_normalises() -> None:
    template = site("t", "example.com", "*.example.net")
    assert template.matches_host("Example.COM:80")
    assert template.matches_host("a.example.net")
    assert not template.matches_host("example.net")


@dataclass
class CodeTemplate:
    """A template written in Python, with no host list: the protocol's escape hatch."""

    id: str = "code"
    calls: list[str] = field(default_factory=list)

    def matches_host(self, host: str) -> bool:
        self.calls.append(host)
        return host.endswith(".example.org")

    def apply(self, root: HtmlElement) -> TemplateMatch:
        return TemplateMatch(self.id, {}, [root], [], True, True)


def test_code_template_is_asked_when_no_pattern_matches() -> None:
    code = CodeTemplate()
    templates = TemplateSet([code, site("t", "www.example.org")])
    found = templates.match("https://www.example.org/")
    assert found is not None and found.id == "t"
    assert code.calls == []
    found = templates.match("https://news.example.org/")
    assert found is code
    assert code.calls == ["news.example.org"]


# -- combining sets -------------------------------------------------------------------


def test_or_overrides_by_id() -> None:
    mine = site(SMN, "example.org")
    combined = TemplateSet.builtin() | TemplateSet([mine])
    assert len(combined) == len(TemplateSet.builtin())
    assert combined.get(SMN) is mine
    assert combined.match(SEED_URL) is None
    assert combined.match("https://example.org/") is mine
    assert TemplateSet.builtin().get(SMN) is not mine  # values: the builtin set is unchanged


def test_or_adds_new_ids() -> None:
    combined = TemplateSet.builtin() | TemplateSet([site("other", "example.org")])
    assert set(t.id for t in combined) == {t.id for t in TemplateSet.builtin()} | {"other"}


def test_same_exact_host_twice_is_an_error() -> None:
    with pytest.raises(TemplateError, match=r"'example\.com'.*'first'.*'second'"):
        TemplateSet([site("first", "example.com"), site("second", "example.com")])


def test_same_host_across_or_with_another_id_is_an_error() -> None:
    with pytest.raises(TemplateError, match=r"'spacewar\.com'.*same id"):
        TemplateSet.builtin() | TemplateSet([site("mine", "spacewar.com")])


def test_same_id_twice_is_an_error() -> None:
    with pytest.raises(TemplateError, match="'dup'"):
        TemplateSet([site("dup", "a.example"), site("dup", "b.example")])


# -- files and directories ------------------------------------------------------------


def test_from_dir(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text(
        'schema = 1\nid = "a"\nhosts = ["a.example"]\n', encoding="utf-8"
    )
    (tmp_path / "b.toml").write_text(
        'schema = 1\nid = "b"\nhosts = ["*.b.example"]\n[fields]\ntitle = ["h1"]\n',
        encoding="utf-8",
    )
    (tmp_path / "notes.txt").write_text("not a template", encoding="utf-8")
    templates = TemplateSet.from_dir(tmp_path)
    assert [t.id for t in templates] == ["a", "b"]
    found = templates.match("https://x.b.example/")
    assert isinstance(found, SiteTemplate)
    assert found.path == str(tmp_path / "b.toml")


def test_from_dir_names_the_bad_file(tmp_path: Path) -> None:
    (tmp_path / "good.toml").write_text(
        'schema = 1\nid = "good"\nhosts = ["a.example"]\n', encoding="utf-8"
    )
    (tmp_path / "broken.toml").write_text(
        'schema = 1\nid = "broken"\nhosts = ["b.example"]\n[fields]\ntitle = ["h1["]\n',
        encoding="utf-8",
    )
    with pytest.raises(TemplateError, match=r"broken\.toml: fields\.title\[0\]: selector"):
        TemplateSet.from_dir(tmp_path)


def test_from_dir_requires_a_directory(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="not a directory"):
        TemplateSet.from_dir(tmp_path / "missing")


def test_from_file_rejects_non_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin.toml"
    path.write_bytes(b'schema = 1\nid = "caf\xe9"\nhosts = ["a.example"]\n')
    with pytest.raises(TemplateError, match=r"latin\.toml: not UTF-8"):
        SiteTemplate.from_file(path)


# -- strict validation ------------------------------------------------------------------

HEAD = 'schema = 1\nid = "spacewar"\nhosts = ["spacewar.com"]\n'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (HEAD + "colour = 1\n", r"^spacewar\.toml: colour: unknown key"),
        (HEAD + "[fields]\nheadline = ['h1']\n", r"fields\.headline: unknown key"),
        (HEAD + "[remove]\nfooter = ['p']\n", r"remove\.footer: unknown key"),
        (HEAD + "[heuristics]\nenable = true\n", r"heuristics\.enable: unknown key"),
        (
            HEAD + "[fields]\ntitle = [{css = 'h1', text = true}]\n",
            r"fields\.title\[0\]\.text: unknown key",
        ),
        (HEAD + "[[cases]]\nfixture = 'a/b'\nnote = 'x'\n", r"cases\[0\]\.note: unknown key"),
        (HEAD + "[fields]\ntitle = 'h1'\n", r"fields\.title: expected an array, got a string"),
        (
            HEAD + "[fields]\ntitle = ['h1', 3]\n",
            r"fields\.title\[1\]: expected a CSS string or a rule table",
        ),
        (
            HEAD + "[fields]\ntitle = [{css = 'h1', attr = 1}]\n",
            r"fields\.title\[0\]\.attr: expected a string",
        ),
        (HEAD + "[heuristics]\nenabled = 'yes'\n", r"heuristics\.enabled: expected true or false"),
        (HEAD + "fields = 3\n", r"fields: expected a table"),
        (HEAD + "[fields]\ntitle = []\n", r"fields\.title: must not be an empty array"),
        (HEAD + "[remove]\nads = []\n", r"remove\.ads: must not be an empty array"),
        (HEAD + "[fields]\ntitle = ['']\n", r"fields\.title\[0\]: must not be empty"),
        (
            HEAD + "[fields]\ntitle = ['h1', 'span', 'h1[']\n",
            r"^spacewar\.toml: fields\.title\[2\]: selector 'h1\[' does not compile",
        ),
        (HEAD + "[fields]\ntitle = ['p::text']\n", r"fields\.title\[0\]: selector 'p::text'"),
        (
            HEAD + "[remove]\nads = ['iframe', {xpath = '//div[@id='}]\n",
            r"remove\.ads\[1\]: selector '//div\[@id=' does not compile",
        ),
        (
            HEAD + "[remove]\nads = [{xpath = '//div[nosuch(.)]'}]\n",
            r"remove\.ads\[0\]: selector .* does not compile",
        ),
        (
            HEAD + "[fields]\ntitle = [{xpath = 'count(//h1)'}]\n",
            r"fields\.title\[0\]: selector 'count\(//h1\)' does not select elements",
        ),
        (
            HEAD + "[fields]\ntitle = [{css = 'h1', xpath = '//h1'}]\n",
            r"fields\.title\[0\]: .*exactly one of css/xpath",
        ),
        (
            HEAD + "[fields]\ntitle = [{attr = 'content'}]\n",
            r"fields\.title\[0\]: .*exactly one of css/xpath",
        ),
        ('id = "x"\nhosts = ["a.example"]\n', r"schema: missing required key"),
        ('schema = 2\nid = "x"\nhosts = ["a.example"]\n', r"schema: unsupported schema 2"),
        ('schema = true\nid = "x"\nhosts = ["a.example"]\n', r"schema: unsupported schema"),
        ('schema = 1\nhosts = ["a.example"]\n', r"id: missing required key"),
        ('schema = 1\nid = "a b"\nhosts = ["a.example"]\n', r"id: .*whitespace"),
        ('schema = 1\nid = "x"\n', r"hosts: missing required key"),
        ('schema = 1\nid = "x"\nhosts = []\n', r"hosts: must not be an empty array"),
        ('schema = 1\nid = "x"\nhosts = ["a.example", "*.com"]\n', r"hosts\[1\]: bad host"),
        ('schema = 1\nid = "x"\nhosts = ["http://a.example/"]\n', r"hosts\[0\]: bad host"),
        ('schema = 1\nid = "x"\nhosts = ["a.example:80"]\n', r"hosts\[0\]: bad host"),
        ('schema = 1\nid = "x"\nhosts = ["A.example"]\n', r"hosts\[0\]: bad host"),
        ('schema = 1\nid = "x"\nhosts = ["a.*.example"]\n', r"hosts\[0\]: bad host"),
        ('schema = 1\nid = "x"\nhosts = ["a.example", "a.example"]\n', r"hosts\[1\]: .*twice"),
        (HEAD + "cases = [1]\n", r"cases\[0\]: expected a table"),
        (HEAD + "[[cases]]\n", r"cases\[0\]\.fixture: missing required key"),
        ("schema = 1\nid = [\n", r"^spacewar\.toml: invalid TOML"),
    ],
)
def test_strict_validation(text: str, expected: str) -> None:
    with pytest.raises(TemplateError, match=expected) as caught:
        SiteTemplate.from_toml(text, source="spacewar.toml")
    assert str(caught.value).startswith("spacewar.toml: ")


def test_template_error_is_a_value_error() -> None:
    assert issubclass(TemplateError, ValueError)


def test_minimal_template_defaults() -> None:
    template = SiteTemplate.from_toml(HEAD, source="spacewar.toml")
    assert template.id == "spacewar"
    assert template.name is None
    assert template.hosts == ("spacewar.com",)
    assert dict(template.fields) == {}
    assert dict(template.remove) == {}
    assert template.heuristics_enabled and template.heuristics_inside_body
    assert template.cases == ()
    assert template.path is None


def test_remove_keys_map_to_regions() -> None:
    template = SiteTemplate.from_toml(
        HEAD + "[remove]\nads = ['a']\nsidebar = ['b']\nlegal = ['c']\nother = ['d']\n",
        source="spacewar.toml",
    )
    assert list(template.remove) == [Region.AD, Region.SIDEBAR, Region.LEGAL, Region.BOILERPLATE]
    assert template.remove[Region.BOILERPLATE][0].source == "remove.other[0]"


# -- rules ----------------------------------------------------------------------------

RULE_PAGE = parse(
    "<html><head><meta property='og:title' content='  Meta   title '></head><body>"
    "<!--note--><h1>First <b>title</b></h1><h1>Second</h1><p></p></body></html>"
)


def test_rule_css_and_attr() -> None:
    assert Rule("t", css="h1").first_text(RULE_PAGE) == "First title"
    assert len(Rule("t", css="h1").select(RULE_PAGE)) == 2
    meta = Rule("t", css="meta[property='og:title']", attr="content")
    assert meta.first_text(RULE_PAGE) == "Meta title"
    assert Rule("t", css="p").first_text(RULE_PAGE) is None  # empty
    assert Rule("t", css="h2").first_text(RULE_PAGE) is None  # no match
    assert Rule("t", css="h1", attr="missing").first_text(RULE_PAGE) is None


def test_rule_xpath_selects_elements_only() -> None:
    assert Rule("t", xpath="//comment()").select(RULE_PAGE) == []
    assert Rule("t", xpath="//h1/text()").select(RULE_PAGE) == []
    regex = Rule("t", xpath="//h1[re:test(., '^Sec')]")
    assert regex.first_text(RULE_PAGE) == "Second"


def test_rule_that_fails_on_a_page_matches_nothing() -> None:
    bad_regex = Rule("t", xpath="//h1[re:test(., '(')]")
    assert bad_regex.select(RULE_PAGE) == []


def test_operators_and_literals_are_not_functions() -> None:
    Rule("t", css="td:last-child:not(.x)")
    Rule("t", xpath="//p[1 mod 2 = 1 and (2 div 1) or contains(., 'nosuch(')]")


def test_rule_needs_one_selector() -> None:
    with pytest.raises(TemplateError, match="exactly one"):
        Rule("t")
    with pytest.raises(TemplateError, match="exactly one"):
        Rule("t", css="h1", xpath="//h1")


def test_fields_first_rule_with_text_wins() -> None:
    template = SiteTemplate.from_toml(
        HEAD + "[fields]\n"
        "title = ['h2', 'p', {css = \"meta[property='og:title']\", attr = 'content'}, 'h1']\n"
        "body = ['article', 'h1', 'body']\n",
        source="spacewar.toml",
    )
    found = template.apply(RULE_PAGE)
    assert found.fields == {"title": "Meta title"}
    assert found.field_elements["title"].tag == "meta"
    assert [text_of(element) for element in found.body] == ["First title", "Second"]


def test_body_drops_nested_matches() -> None:
    page = parse("<html><body><div class='x'><div class='x'><p>a</p></div></div></body></html>")
    template = site("t", "a.example", body="div.x")
    found = template.apply(page)
    assert len(found.body) == 1
    assert found.body[0].getparent() is not None and found.body[0].getparent().tag == "body"


def test_removals_never_swallow_the_body() -> None:
    page = parse(
        "<html><body><table><tr><td><div id='story'>story</div></td></tr></table>"
        "<table><tr><td>footer</td></tr></table></body></html>"
    )
    template = SiteTemplate.from_toml(
        HEAD + "[fields]\nbody = ['#story']\n[remove]\nlegal = ['table', 'td']\n",
        source="spacewar.toml",
    )
    found = template.apply(page)
    assert [text_of(element) for _, _, element in found.removals] == ["footer", "footer"]
    assert [source for _, source, _ in found.removals] == ["remove.legal[0]", "remove.legal[1]"]


# -- the Space Media Network template on the seed page ----------------------------------


@pytest.fixture(scope="module")
def seed_match() -> TemplateMatch:
    template = TemplateSet.builtin().match(SEED_URL)
    assert template is not None
    return template.apply(parse(seed_html()))


def test_smn_fields(seed_match: TemplateMatch) -> None:
    assert seed_match.template_id == SMN
    assert seed_match.fields == {
        "title": "French military aid request backed by EU after Paris attacks",
        "section": "SUPERPOWERS",
        "byline": "By Danny KEMP",
        "dateline": "Brussels (AFP) Nov 17, 2015",
    }
    assert seed_match.heuristics_enabled and seed_match.heuristics_inside_body


def test_smn_body(seed_match: TemplateMatch) -> None:
    assert [element.get("class") for element in seed_match.body] == ["STORY"]
    paragraphs = [text_of(p) for p in seed_match.body[0].iter("p")]
    assert len(paragraphs) == 23
    assert paragraphs[0] == FIRST_PARAGRAPH
    assert paragraphs[-1] == LAST_PARAGRAPH
    assert "- 'Full support' -" in paragraphs
    body_text = " ".join(text_of(element) for element in seed_match.body)
    for side in SIDE_STORY_PARAGRAPHS:
        assert side not in body_text
    assert "Thanks for being here" not in body_text


def test_smn_removals(seed_match: TemplateMatch) -> None:
    sidebar = regions(seed_match, Region.SIDEBAR)
    assert sidebar[0].startswith("Putin tells navy in Mediterranean")
    assert all(any(side in text for text in sidebar) for side in SIDE_STORY_PARAGRAPHS)
    assert "Previous Report" in sidebar
    assert "Japan gov't takes Okinawa to court over US base relocation" in sidebar
    assert any(
        text.startswith("SUPERPOWERS Gaia's sensors scan a lunar transit") for text in sidebar
    )
    ads = regions(seed_match, Region.AD)
    assert any(text.startswith("Thanks for being here; We need your help.") for text in ads)
    ad_tags = [element.tag for kind, _, element in seed_match.removals if kind is Region.AD]
    assert ad_tags.count("iframe") == 3
    legal = regions(seed_match, Region.LEGAL)
    assert len(legal) == 1 and "Copyright 1995-2024 - Space Media Network" in legal[0]
    boilerplate = " | ".join(regions(seed_match, Region.BOILERPLATE))
    for snippet in (
        ". 24/7 Space News .",
        "Space News Military Space Launch Pad",
        "Learn about the Superpowers of the 21st Century at SpaceWar.com",
        "Comment on this article",
        "Share this article via these popular social media networks",
    ):
        assert snippet in boilerplate


def test_smn_removals_in_document_order(seed_match: TemplateMatch) -> None:
    elements = [element for _, _, element in seed_match.removals]
    root = elements[0].getroottree().getroot()
    position = {node: index for index, node in enumerate(root.iter())}
    indexes = [position[element] for element in elements]
    assert indexes == sorted(indexes)
    assert len(set(indexes)) == len(indexes)  # each element once


def test_smn_removals_stay_out_of_the_body(seed_match: TemplateMatch) -> None:
    story = seed_match.body[0]
    for _, source, element in seed_match.removals:
        assert story not in element.iter(), source
        assert element not in story.iter(), source


def _variant(pattern: str, replacement: str) -> HtmlElement:
    html, count = re.subn(pattern, replacement, seed_html().decode("latin-1"), flags=re.S)
    assert count >= 1
    return parse(html)


def test_smn_body_without_the_story_wrapper() -> None:
    root = _variant(r'<span class="STORY">(.*?)</span>\s*<center>', r"\1<center>")
    template = TemplateSet.builtin().get(SMN)
    assert template is not None
    found = template.apply(root)
    texts = [text_of(element) for element in found.body]
    assert texts[0] == FIRST_PARAGRAPH
    assert texts[-1] == LAST_PARAGRAPH
    assert len(texts) == 23


def test_smn_without_a_byline() -> None:
    root = _variant(r'<span class="BHS">By Danny KEMP</span><br>\s*', "")
    template = TemplateSet.builtin().get(SMN)
    assert template is not None
    fields = template.apply(root).fields
    assert "byline" not in fields
    assert fields["dateline"] == "Brussels (AFP) Nov 17, 2015"
    assert fields["section"] == "SUPERPOWERS"


def test_smn_with_extra_classes_and_staff_writers() -> None:
    root = _variant(
        r'<span class="BHS">By Danny KEMP</span>',
        '<span class="BHS byline">by Staff Writers</span>',
    )
    template = TemplateSet.builtin().get(SMN)
    assert template is not None
    assert template.apply(root).fields["byline"] == "by Staff Writers"


# -- every bundled template's cases point at fixtures it gets right -------------------------


def _cases() -> list[tuple[str, str]]:
    return [
        (template.id, case)
        for template in TemplateSet.builtin()
        if isinstance(template, SiteTemplate)
        for case in template.cases
    ]


@pytest.mark.parametrize(("template_id", "case"), _cases())
def test_builtin_cases(template_id: str, case: str) -> None:
    """Each bundled template on its cases, through `clean()`: it applies (no fallback),
    the text and [expect] hold; a site template's removals also hold the typed snippets
    (a platform template leaves those to the heuristics)."""
    template = TemplateSet.builtin().get(template_id)
    assert isinstance(template, SiteTemplate)
    assert run_case(template, CORPUS, case) == []
    if template.fingerprints:
        return
    folder = CORPUS / case
    decoded = decode((folder / "source.html").read_bytes(), None)
    found = template.apply(parse(decoded.text))
    snippets = tomllib.loads((folder / "case.toml").read_text(encoding="utf-8"))["snippets"]
    for key, region in (("sidebar", Region.SIDEBAR), ("ads", Region.AD), ("legal", Region.LEGAL)):
        removed = " | ".join(regions(found, region))
        for snippet in snippets.get(key, []):
            assert " ".join(snippet.split()) in removed, (key, snippet)


def test_ads_and_legal_lines_keep_their_field_inside_a_broad_removal() -> None:
    import newsclean
    from conftest import PROSE

    template = SiteTemplate.from_toml(
        'schema = 1\nid = "col"\nhosts = ["news.example.com"]\n'
        '[fields]\nbody = ["div.story"]\n[remove]\nsidebar = ["div.column"]\n',
        source="col.toml",
    )
    column = (
        "<div class='column'><h4><a href='/news/2020/mayor-opens-library'>Mayor opens the new"
        " library</a></h4><p>Advertisement</p><p>Copyright © 2020 Example News</p></div>"
    )
    html = f"<html><body><div class='story'>{PROSE * 4}</div>{column}</body></html>"
    article = newsclean.clean(
        html, url="https://news.example.com/a", templates=TemplateSet([template])
    )
    assert article.template == "col"
    assert [story.title for story in article.sidebar_stories] == ["Mayor opens the new library"]
    assert [block.text for block in article.ads] == ["Advertisement"]
    assert [block.text for block in article.legal] == ["Copyright © 2020 Example News"]


def test_a_removal_in_the_field_the_heuristics_chose_keeps_their_finer_role() -> None:
    """An `ads` removal over a donation appeal stays an appeal, an `other` removal
    over a share bar stays `share`: the template names the field, the heuristics the kind."""
    import newsclean
    from conftest import PROSE

    template = SiteTemplate.from_toml(
        'schema = 1\nid = "roles"\nhosts = ["news.example.com"]\n'
        '[fields]\nbody = ["div.story"]\n'
        '[remove]\nads = ["div.plea"]\nother = ["div.tools"]\n',
        source="roles.toml",
    )
    plea = (
        "<div class='plea'><p>Support our journalism: donate today and become a supporter."
        " Subscribe to keep us independent.</p><p>Donate now</p></div>"
    )
    tools = "<div class='tools share-bar'><a href='#'>Share on Facebook</a></div>"
    html = f"<html><body><div class='story'>{PROSE * 4}</div>{plea}{tools}</body></html>"
    article = newsclean.clean(
        html, url="https://news.example.com/a", templates=TemplateSet([template])
    )
    assert article.template == "roles"
    assert {block.role for block in article.ads} == {"appeal"}
    assert [block.role for block in article.boilerplate] == ["share"]


def test_a_template_dateline_is_read_in_the_pages_own_date_order() -> None:
    """ "03/04/2025" on a German page is 3 April, in a template's dateline as in the
    heuristics' own."""
    import datetime as dt

    import newsclean
    from conftest import PROSE

    template = SiteTemplate.from_toml(
        'schema = 1\nid = "dl"\nhosts = ["news.example.com"]\n'
        '[fields]\nbody = ["div.story"]\ndateline = ["p.dl"]\n',
        source="dl.toml",
    )
    html = (
        "<html lang='de'><body><p class='dl'>Berlin, 03/04/2025</p>"
        f"<div class='story'>{PROSE * 4}</div></body></html>"
    )
    article = newsclean.clean(
        html, url="https://news.example.com/a", templates=TemplateSet([template])
    )
    assert article.template == "dl"
    assert article.published == dt.date(2025, 4, 3)


_TRICKY_CLASSES = (
    "<html><body><div id='jp' class='wpcnt'><p class='x'>1</p><p class='xwpcnt'>2</p></div>"
    "<div id='jpx' class='a\twpcnt\nb'><span class='wpcnt-x'>3</span><p class='b'>4</p></div>"
    "<div class='a\u00a0wpcnt'><div class='a'><p class='b x'>5</p></div></div>"
    "<section id='a'><div class='b'>6</div><p class='x b'>7</p></section></body></html>"
)


@pytest.mark.parametrize(
    "css",
    [".wpcnt", "#jp", "#jpx", ".a .b", "div.x > p", ".a, .b", "#a .b", ".a.b", "p.x",
     "div:not(.a)", ".wpcnt p", "p.x.b", ".missing"],
)  # fmt: skip
def test_quicker_class_and_id_tests_select_what_cssselect_does(css: str) -> None:
    from lxml import etree

    from newsclean.templates.rules import css_to_xpath, quicker_tests

    root = lxml.html.document_fromstring(_TRICKY_CLASSES)
    translated = css_to_xpath(css)
    expected = etree.XPath(translated)(root)
    assert etree.XPath(quicker_tests(translated))(root) == expected
    assert Rule(source="t", css=css).select(root) == expected


@pytest.mark.parametrize(
    "css",
    [".wpcnt", "#jp", "#jpx", ".a .b", "div.x > p", ".a, .b", "#a .b", ".a.b", "p.x",
     "div:not(.a)", ".wpcnt p", "p.x.b", ".missing", "#missing", ".missing, p", ".a + p"],
)  # fmt: skip
def test_a_rule_skipped_for_a_class_or_id_the_page_lacks_selects_what_it_would(css: str) -> None:
    from newsclean.templates.rules import PageAttributes

    root = lxml.html.document_fromstring(_TRICKY_CLASSES)
    rule = Rule(source="t", css=css)
    assert rule.select(root, PageAttributes(root)) == rule.select(root)


def test_a_rule_needing_a_class_or_id_the_page_lacks_is_not_run() -> None:
    from newsclean.templates.rules import PageAttributes

    root = lxml.html.document_fromstring(_TRICKY_CLASSES)
    assert Rule(source="t", css=".missing .b").needs == ("class", "missing")
    assert Rule(source="t", css="#missing").needs == ("id", "missing")
    assert Rule(source="t", css=".missing, p").needs is None  # a union: p needs no class
    page = PageAttributes(root)
    assert not page.may_hold("class", "missing") and not page.may_hold("id", "missing")
    assert page.may_hold("class", "wpcnt") and page.may_hold("id", "jp")


def test_removals_are_sorted_in_document_order() -> None:
    from newsclean.templates import site

    root = lxml.html.document_fromstring(_TRICKY_CLASSES)
    elements = [element for element in root.iter() if isinstance(element.tag, str)]
    shuffled = elements[::-1][::2] + elements[::-1][1::2]
    assert sorted(shuffled, key=site._position) == elements
