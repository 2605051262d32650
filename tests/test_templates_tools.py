"""Template tooling: XPath-to-CSS, the FiveFilters importer, the drafter, the checker,
and the optional FTR pack bundled with newsclean."""

from __future__ import annotations

import tomllib
from pathlib import Path

import lxml.html
import pytest

import newsclean
from newsclean.template_tools.check import check_paths, render_reports
from newsclean.template_tools.draft import draft_template
from newsclean.template_tools.ftr import ImportReport, convert_config, import_dir, parse_config
from newsclean.template_tools.toml_writer import TemplateSpec, render_template, toml_string
from newsclean.template_tools.xpath_css import split_union, xpath_to_css
from newsclean.templates import SiteTemplate, TemplateSet
from newsclean.templates.rules import Rule

CORPUS = Path(__file__).parent / "corpus"
BUILTIN_DIR = Path(newsclean.__file__).parent / "templates" / "builtin"
FTR_SOURCE = Path(__file__).resolve().parents[2] / "shared" / "ftr-site-config"
CLASS_TEST = "contains(concat(' ',normalize-space(@class),' '),' story ')"


# -- XPath to CSS -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("xpath", "css"),
    [
        (f"//div[{CLASS_TEST}]//p", "div.story p"),
        ("//*[@id='main']/article | //header/h1", "#main > article, header > h1"),
        ('//div[@class="article"]', "div[class='article']"),
        ("//div[contains(@class, 'article-section')]", "div[class*='article-section']"),
        ("//main[@id='main']//div[contains(@href, '/a/b')]", "main#main div[href*='/a/b']"),
        ("//p[@class='a' and @data-x]", "p[class='a'][data-x]"),
        ('//*[@itemprop="articleBody"]', "[itemprop='articleBody']"),
        ("//article[1]", None),
        ("//div[@id='a']/following-sibling::div", None),
        ("//p[contains(text(), 'Credit')]", None),
        ("substring-after(//a, 'x')", None),
        ("(//section)[1]", None),
    ],
)
def test_xpath_to_css(xpath: str, css: str | None) -> None:
    assert xpath_to_css(xpath) == css


def test_converted_css_selects_what_the_xpath_selects() -> None:
    html = (
        '<html><body><div id="main"><article class="story x"><p>a</p></article></div>'
        '<header><h1>t</h1></header><div class="storyline"><p>b</p></div></body></html>'
    )
    root = lxml.html.document_fromstring(html)
    for xpath in (f"//*[{CLASS_TEST}]//p", "//*[@id='main']/article | //header/h1"):
        css = xpath_to_css(xpath)
        assert css is not None
        by_css = Rule(source="css", css=css).select(root)
        assert by_css == Rule(source="xpath", xpath=xpath).select(root)


def test_split_union_ignores_bars_in_quotes_and_predicates() -> None:
    assert split_union("//a[@title='x|y'] | //b[c|d]") == ["//a[@title='x|y']", "//b[c|d]"]


# -- the FiveFilters importer -------------------------------------------------------

CONFIG = """
# a comment
title: //h1[@class="headline"]
title: //meta[@property="og:title"]/@content
author: substring-after(//p[@class='by'], 'By ')
author: //a[@rel='author']
body: //div[contains(concat(' ',normalize-space(@class),' '),' article-body ')]
body: //article[1]
date: //time/@datetime
strip: //div[@class='share']
strip_id_or_class: related
strip_id_or_class: odd name
strip_image_src: /pixel.gif
strip: //div[
prune: no
replace_string(<h2): <h3
test_url: https://example.com/a/1
"""


def test_parse_config_reads_directives_and_arguments() -> None:
    parsed = parse_config(CONFIG)
    assert parsed[0] == (3, "title", '//h1[@class="headline"]')
    assert ("replace_string(<h2)", "<h3") in [(name, value) for _, name, value in parsed]


def test_convert_config() -> None:
    report = ImportReport()
    spec = convert_config("example.com", ["example.com"], CONFIG, report)
    assert spec is not None
    assert spec.fields["title"] == [
        "h1[class='headline']",
        {"css": "meta[property='og:title']", "attr": "content"},
    ]
    assert spec.fields["byline"] == ["a[rel='author']"]
    assert spec.fields["body"] == ["div.article-body", {"xpath": "//article[1]"}]
    assert spec.fields["date"] == [{"css": "time", "attr": "datetime"}]
    assert spec.remove["other"] == [
        "div[class='share']",
        ".related, #related",
        "[class~='odd name'], [id~='odd name']",
        "img[src*='/pixel.gif']",
    ]
    assert report.unsupported == {"prune": 1, "replace_string": 1}
    assert any("substring-after" in line for line in report.dropped)
    assert any("strip" in line and "does not compile" in line for line in report.dropped)
    assert "test_url: https://example.com/a/1" in spec.comments
    template = SiteTemplate.from_toml(render_template(spec), source="ftr-example.com.toml")
    assert template.hosts == ("example.com",)


def test_import_dir_hosts_and_exclusions(tmp_path: Path) -> None:
    (tmp_path / "example.com.txt").write_text("body: //article\n")
    (tmp_path / ".blogs.example.com.txt").write_text("body: //main\n")
    (tmp_path / "www.other.org.txt").write_text("body: //main\n")
    (tmp_path / "other.org.txt").write_text("body: //div[@id='x']\n")
    (tmp_path / "spacewar.com.txt").write_text("body: //td\n")
    (tmp_path / "nothing.net.txt").write_text("prune: no\n")
    pack = import_dir(tmp_path, exclude=TemplateSet.builtin())
    hosts = {t.id: getattr(t, "hosts", ()) for t in pack.templates}
    assert hosts == {
        "ftr-example.com": ("example.com", "www.example.com"),
        "ftr-.blogs.example.com": ("*.blogs.example.com",),
        "ftr-other.org": ("other.org",),  # www.other.org has a file of its own
        "ftr-www.other.org": ("www.other.org",),
    }
    assert any(line.startswith("spacewar.com.txt") for line in pack.report.skipped)
    assert any(line.startswith("nothing.net.txt") for line in pack.report.skipped)
    assert pack.report.templates == 4 and pack.report.files == 6
    TemplateSet.builtin() | pack.templates  # never a host conflict with the bundled set


def test_the_bundled_ftr_pack_loads_and_combines() -> None:
    pack = TemplateSet.ftr()
    assert len(pack) > 1500
    combined = TemplateSet.builtin() | pack
    found = combined.match("https://www.nytimes.com/2020/01/01/world/story.html")
    assert found is not None and found.id == "ftr-nytimes.com"
    assert combined.match("https://www.spacewar.com/reports/x.html").id == "space-media-network"  # type: ignore[union-attr]


@pytest.mark.skipif(not FTR_SOURCE.is_dir(), reason="needs ../shared/ftr-site-config")
def test_the_bundled_ftr_pack_is_what_the_importer_makes() -> None:
    pack = import_dir(FTR_SOURCE, exclude=TemplateSet.builtin())
    shipped = Path(newsclean.__file__).parent / "templates" / "ftr"
    assert sorted(pack.files) == sorted(path.name for path in shipped.glob("*.toml"))
    for name in list(pack.files)[::50]:
        assert (shipped / name).read_text(encoding="utf-8") == pack.files[name]


# -- the TOML writer ----------------------------------------------------------------


@pytest.mark.parametrize("value", ["plain", "it's", 'a "quote"', "back\\slash", "tab\there"])
def test_toml_string_round_trips(value: str) -> None:
    assert tomllib.loads(f"x = {toml_string(value)}")["x"] == value


def test_rendered_template_reads_back() -> None:
    spec = TemplateSpec(
        id="x",
        hosts=["x.org"],
        fields={"body": ["div.a", {"xpath": "//p[1]"}]},
        remove={"ads": [".ad"]},
        comments=["made by a test"],
        cases=["x.org/case"],
    )
    template = SiteTemplate.from_toml(render_template(spec), source="x.toml")
    assert [rule.css or rule.xpath for rule in template.fields["body"]] == ["div.a", "//p[1]"]
    assert template.cases == ("x.org/case",)


# -- the drafter --------------------------------------------------------------------

DRAFT_CASES = [
    ("bbc.com", "https://www.bbc.com/news/world-us-canada-52241221"),
    ("heise.de", None),
    ("andrewliptak.com", None),
]


def _case(site: str) -> tuple[bytes, str]:
    folder = next(path for path in sorted((CORPUS / site).iterdir()) if path.is_dir())
    url = tomllib.loads((folder / "case.toml").read_text(encoding="utf-8"))["url"]
    return (folder / "source.html").read_bytes(), url


def _words(text: str) -> set[str]:
    return set(text.split())


@pytest.mark.parametrize("site", [site for site, _ in DRAFT_CASES])
def test_a_draft_validates_and_gives_the_heuristics_body(site: str, tmp_path: Path) -> None:
    html, url = _case(site)
    text = draft_template(html, url, template_id="drafted")
    drafted = SiteTemplate.from_toml(text, source="drafted.toml")
    assert drafted.fields["body"]
    heuristics = newsclean.clean(html, url=url, templates=TemplateSet())
    with_draft = newsclean.clean(html, url=url, templates=TemplateSet([drafted]))
    assert with_draft.template == "drafted", with_draft.warnings
    expected, got = _words(heuristics.text), _words(with_draft.text)
    assert len(expected & got) >= 0.95 * len(expected)
    assert len(got - expected) <= 0.05 * len(expected)


def test_a_draft_names_the_page_and_its_host() -> None:
    html, url = _case("bbc.com")
    text = draft_template(html, url)
    assert text.startswith(f"# Drafted by `newsclean templates draft` from {url}")
    document = tomllib.loads(text)
    assert document["id"] == "bbc.com"
    assert document["hosts"] == ["bbc.com", "*.bbc.com"]


# -- the checker --------------------------------------------------------------------


def test_check_runs_the_bundled_templates_cases() -> None:
    reports = check_paths([BUILTIN_DIR], CORPUS)
    assert {report.template_id for report in reports} >= {"space-media-network", "substack"}
    assert all(report.ok for report in reports), render_reports(reports)
    assert sum(len(report.cases) for report in reports) >= 4


def test_check_reports_a_failing_case(tmp_path: Path) -> None:
    stale = tmp_path / "stale.toml"
    stale.write_text(
        'schema = 1\nid = "stale-substack"\nhosts = ["garymarcus.substack.com"]\n'
        '[fields]\nbody = ["div.renamed-content"]\n'
        '[[cases]]\nfixture = "garymarcus.substack.com/new-ways-to-corrupt-llms"\n'
    )
    [report] = check_paths([stale], CORPUS)
    assert not report.ok
    [problems] = report.cases.values()
    assert problems[0].startswith("template not applied (template 'stale-substack' found 0")


def test_check_reports_errors_and_conflicts(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text('schema = 1\nid = "a"\nhosts = ["x.org"]\n')
    (tmp_path / "b.toml").write_text('schema = 1\nid = "b"\nhosts = ["x.org"]\n')
    (tmp_path / "c.toml").write_text('schema = 1\nid = "c"\nhosts = ["y.org"]\nbogus = 1\n')
    reports = check_paths([tmp_path])
    output = render_reports(reports)
    assert "c.toml: bogus: unknown key" in output
    assert "'x.org' is claimed by both 'a' and 'b'" in output
    assert not all(report.ok for report in reports)
