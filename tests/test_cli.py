"""The newsclean command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import SEED_CASE
from newsclean.cli import main


def test_example_prints_main_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--example"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("European Union nations on Tuesday")
    assert "Putin instructed" not in out


def test_json_output_has_the_typed_regions(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--example", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["template"] == "space-media-network"
    assert data["sidebar_stories"][0]["title"].startswith("Putin tells navy")
    assert data["ads"] and data["legal"]


def test_file_input_and_no_templates(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(SEED_CASE / "source.html"), "--no-templates", "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# French military aid request")


def test_explain_shows_labels_and_rules(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--example", "--explain", "--no-templates"]) == 0
    out = capsys.readouterr().out
    assert "sidebar/headline" in out
    assert "ad/appeal" in out
    assert "main/text" in out
    assert "legal/legal" in out


def test_missing_file_is_a_clean_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "missing.html")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import io
    import sys

    payload = b"<html><body><article>" + b"<p>A paragraph of the article, long enough.</p>" * 4
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(payload + b"</article>")))
    assert main(["-"]) == 0
    assert "A paragraph of the article" in capsys.readouterr().out


# -- newsclean templates ... --------------------------------------------------------

BUILTIN_DIR = Path(__file__).parent.parent / "src" / "newsclean" / "templates" / "builtin"
CORPUS = Path(__file__).parent / "corpus"


def test_templates_list(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["templates", "list"]) == 0
    out = capsys.readouterr().out
    assert "space-media-network" in out and "spacewar.com" in out
    assert "wordpress" in out and "pages with its markup" in out


def test_templates_list_with_a_directory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "mine.toml").write_text('schema = 1\nid = "mine"\nhosts = ["mine.example"]\n')
    assert main(["templates", "list", "--templates", str(tmp_path)]) == 0
    assert "mine.example" in capsys.readouterr().out


def test_templates_check_passes_the_bundled_templates(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["templates", "check", str(BUILTIN_DIR), "--corpus", str(CORPUS)]) == 0
    out = capsys.readouterr().out
    assert "ok   " in out and "FAIL" not in out


def test_templates_check_fails_on_a_bad_template(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('schema = 1\nid = "bad"\nhosts = ["x.org"]\n[fields]\ntitle = ["h1", "h1["]\n')
    assert main(["templates", "check", str(bad)]) == 1
    assert "bad.toml: fields.title[1]: selector 'h1[' does not compile" in capsys.readouterr().out


def test_templates_draft_writes_a_template_that_checks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "spacewar.toml"
    url = "https://www.spacewar.com/reports/French_military_aid_999.html"
    page = str(SEED_CASE / "source.html")
    assert main(["templates", "draft", page, "--url", url, "--id", "smn", "-o", str(out_file)]) == 0
    assert "wrote" in capsys.readouterr().out
    assert main(["templates", "check", str(out_file)]) == 0
    assert main(["templates", "draft", page, "--url", url]) == 0
    assert "hosts = ['spacewar.com', '*.spacewar.com']" in capsys.readouterr().out


def test_templates_import_ftr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source, destination = tmp_path / "configs", tmp_path / "pack"
    source.mkdir()
    (source / "example.org.txt").write_text("body: //article\ntidy: no\n")
    assert main(["templates", "import-ftr", str(source), str(destination)]) == 0
    assert "1 site configs -> 1 templates" in capsys.readouterr().out
    assert main(["templates", "check", str(destination)]) == 0


def test_templates_import_ftr_needs_a_directory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["templates", "import-ftr", str(tmp_path / "nope"), str(tmp_path)]) == 1
    assert "not a directory" in capsys.readouterr().err


def test_a_bad_templates_dir_is_a_clean_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "broken.toml").write_text("schema = 1\n")
    assert main(["--example", "--templates", str(tmp_path)]) == 2
    assert "broken.toml: id: missing required key" in capsys.readouterr().err


def test_a_page_file_named_templates_still_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "templates").write_bytes((SEED_CASE / "source.html").read_bytes())
    monkeypatch.chdir(tmp_path)
    assert main(["./templates", "--no-templates"]) == 0
    assert capsys.readouterr().out.startswith("European Union nations")
