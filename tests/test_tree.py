"""Tree helpers (src/newsclean/tree.py)."""

from __future__ import annotations

import lxml.html

from newsclean.tree import is_within, smallest_common


def test_the_smallest_common_box_of_two_elements() -> None:
    root = lxml.html.fromstring(
        "<div id='page'><div id='card'><p id='name'>Jo</p><p id='bio'>Jo writes.</p></div>"
        "<p id='story'>The story.</p></div>"
    )
    by_id = {element.get("id"): element for element in root.iter()}
    name, bio, story, card, page = (by_id[i] for i in ("name", "bio", "story", "card", "page"))
    assert smallest_common(name, bio) is card
    assert smallest_common(bio, story) is page
    assert smallest_common(card, bio) is card  # an element holding the other is the box
    assert smallest_common(name, name) is name
    assert is_within(bio, smallest_common(name, bio))
