"""A template pack installed with pip is found through its entry point and used by
`clean()`. The pack (tests/template_pack/) goes into a temporary directory, never
into the running environment, so the test leaves nothing behind."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

PACK = Path(__file__).parent / "template_pack"
PAGE = (
    "<html><head><title>Rain expected - Example News</title></head><body>"
    "<h1 class='headline'>Rain expected all week</h1><p class='byline'>By A. Writer</p>"
    "<div class='story-body'><p>"
    + "Forecasters expect rain across the region all week. "
    * 5
    + "</p><div class='ad-slot'>Advertisement</div></div>"
    "<aside class='read-next'><a href='/news/2024/05/the-sun-returns-next-month'>"
    "The sun returns next month, says the weather service</a></aside></body></html>"
)
SCRIPT = """
import json, sys, newsclean
installed = newsclean.TemplateSet.installed()
templates = newsclean.TemplateSet.builtin() | installed
article = newsclean.clean(sys.stdin.read(), url="https://www.example-news.test/news/rain",
                          templates=templates)
print(json.dumps({"installed": [t.id for t in installed], "template": article.template,
                  "title": article.title, "byline": article.byline, "text": article.text,
                  "ads": [b.text for b in article.ads],
                  "sidebar": [s.title for s in article.sidebar_stories]}))
"""


def test_a_pip_installed_pack_is_used_by_clean(tmp_path: Path) -> None:
    source, target = tmp_path / "pack", tmp_path / "site-packages"
    shutil.copytree(PACK, source, ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-compile",
            "--disable-pip-version-check",
            "--target",
            str(target),
            str(source),
        ],
        check=True,
    )
    paths = [str(target), os.environ.get("PYTHONPATH", "")]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(path for path in paths if path)}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        input=PAGE,
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    result = json.loads(done.stdout)
    assert result["installed"] == ["example-news"]
    assert result["template"] == "example-news"
    assert result["title"] == "Rain expected all week"
    assert result["byline"] == "By A. Writer"
    assert result["text"].startswith("Forecasters expect rain across the region all week.")
    assert "Advertisement" not in result["text"] and result["ads"] == ["Advertisement"]
    assert result["sidebar"] == ["The sun returns next month, says the weather service"]


def test_without_the_pack_nothing_is_installed() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], input=PAGE, capture_output=True, text=True, check=True
    )
    result = json.loads(done.stdout)
    assert "example-news" not in result["installed"]
    assert result["template"] is None
