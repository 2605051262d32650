"""Shared test helpers: the seed page and its expected regions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

TESTS = Path(__file__).parent
SEED_CASE = TESTS / "corpus" / "space-media-network" / "french-military-aid"
#: A paragraph that any heuristic should take for article prose.
PROSE = (
    "<p>The council voted on Tuesday to approve the new budget, which includes funding for "
    "schools, roads and the library, after a long debate that lasted into the evening.</p>"
)
SEED_URL = (
    "https://www.spacewar.com/reports/"
    "French_military_aid_request_backed_by_EU_after_Paris_attacks_999.html"
)


@pytest.fixture(scope="session")
def seed_html() -> bytes:
    return (SEED_CASE / "source.html").read_bytes()


@pytest.fixture(scope="session")
def seed_expected() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((TESTS / "seed.expected.json").read_text("utf-8"))
    return data
