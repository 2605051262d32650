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
