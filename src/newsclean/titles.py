"""The story's title: which heading prints it, and the title cut free of the site's name.

The headings (`<h1>`/`<h2>` segments) are weighed against the titles the page declares
(og:title, JSON-LD headline, <title>: declared.py reads them) and the site's names
(og:site_name, its host). Pure functions of text and segments.
"""

from __future__ import annotations

import re

from newsclean.segment import Segment, normalize_space

# What sets a site's name off a story's title: "Story | Site", "Site – Story".
_TITLE_PARTS = re.compile(r"\s+[|–—:_-]{1,2}\s+|\s*\|\s*")


def _site_names(addresses: list[str], site_name: str | None) -> tuple[str, ...]:
    """The site's name (og:site_name) and its host (canonical link or og:url), squashed
    to lower-case letters and digits."""
    names = [site_name or ""]
    for link in addresses:
        host = re.sub(r"^[a-z]+://(?:www\.)?", "", str(link).lower()).split("/")[0]
        names.append(host)
    return tuple(squashed for name in names if len(squashed := _squash(name)) >= 3)


def _squash(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _before_pipe(title: str) -> str:
    """The title before a "|" that sets off what follows it: a section, a tagline or a
    site's name no address spells ("How meditation rewires brains | Opinion", "... |
    Patient Education | UC Davis Children's Hospital"), where the part before it has at
    least _MIN_PIPED_TITLE_WORDS words (a pipe is no punctuation a story's title uses)."""
    head, pipe, _ = title.partition("|")
    head = head.strip()
    if pipe and len(head.split()) >= _MIN_PIPED_TITLE_WORDS:
        return head
    return title


#: The fewest words a title's part before a "|" has to stand as the title alone.
_MIN_PIPED_TITLE_WORDS = 3


def _without_site_name(title: str, site_names: tuple[str, ...]) -> str:
    """The title without a first or last part that names the site (its og:site_name, or
    a part found in its host name: "Guide | Newegg.com" on newegg.com)."""
    parts = _TITLE_PARTS.split(title)
    if len(parts) < 2 or not site_names:
        return title

    def names_site(part: str) -> bool:
        squashed = _squash(part)
        return bool(squashed) and any(
            squashed == name or (len(squashed) >= 4 and squashed in name) for name in site_names
        )

    if names_site(parts[-1]):
        return title[: title.rfind(parts[-1])].rstrip(" |–—:_-") or title
    if names_site(parts[0]):
        return title[len(parts[0]) :].lstrip(" |–—:_-") or title
    return title


def _shares_words(heading: str, declared_titles: tuple[str | None, ...]) -> bool:
    """Whether a heading taken for the title has a word in common with a title the page
    declares (og:title, <title>): an <h1> that shares none ("Lorem", the site's logo)
    names something else, and the declared title is the story's."""
    titles = [title for title in declared_titles if title]
    words = {word for title in titles for word in re.findall(r"\w+", title.lower())}
    return not titles or any(word in words for word in re.findall(r"\w+", heading.lower()))


#: The most words of a kicker set inside the title's heading (as of a section's line).
_MAX_KICKER_WORDS = 4
#: Inline elements a kicker is set in, inside the heading: a classed span ("span.kicker")
#: or any of these ending in a colon ("<strong>Blog:</strong>"); emphasis with no colon
#: stresses a word of the title ("<h1><em>Apple's</em> new phone</h1>").
_KICKER_TAGS = frozenset({"span", "small"})
_LABEL_TAGS = frozenset({"span", "small", "strong", "b", "em", "i"})


def _holds_declared(title: str, hints: list[str]) -> bool:
    """Whether a (lower-cased) title is a declared title, lies in one, or holds one of its
    parts of over 15 characters ("transparenz bei preisanpassungen" of "bmjv |
    transparenz bei preisanpassungen")."""
    for hint in hints:
        if title in hint or any(
            len(part) > 15 and part in title for part in _TITLE_PARTS.split(hint)
        ):
            return True
    return False


def split_kicker(segment: Segment) -> tuple[str, str] | None:
    """A kicker set inside a heading, before the title: the heading's first child, a
    classed `<span>` or `<small>`, or a label ending in a colon ("<strong>Blog:</strong>"),
    opening its text and holding at most `_MAX_KICKER_WORDS` words, the title (two words
    at least) after it: "<h1><span class="category">Verbraucherschutz</span> Mehr
    Transparenz bei Preisanpassungen</h1>". (kicker, title), else None."""
    heading = segment.owner
    if heading.tag not in ("h1", "h2") or (heading.text or "").strip() or not len(heading):
        return None
    first = heading[0]
    kicker = normalize_space(first.text_content()) if first.tag in _LABEL_TAGS else ""
    text = normalize_space(segment.text)
    title = text[len(kicker) :].strip(" :|–—-")
    # A styled piece of its own ("span.category", "span.article-heading__kicker"), or a
    # label ("Blog:").
    styled = kicker.endswith(":") or (first.tag in _KICKER_TAGS and bool(first.get("class")))
    if (
        not styled
        or not 1 <= len(kicker.split()) <= _MAX_KICKER_WORDS
        or not text.startswith(kicker)
        or len(title.split()) < 2
    ):
        return None
    return kicker.rstrip(" :"), title


# The parts of a document title that a blog's name may be one of: as _TITLE_PARTS, and a
# colon set after the name only ("Silicon Exposed: Open Verilog flow...").
_NAME_PARTS = re.compile(_TITLE_PARTS.pattern + r"|:\s+")


def _names_the_site(heading: str, meta: dict[str, str], document_title: str | None) -> bool:
    """Whether the heading taken for the title is the site's name: its og:site_name, or
    the part of the document's title that the declared story title leaves out (a blog's
    name over its post: "Silicon Exposed" of "Silicon Exposed: Open Verilog flow...",
    og:title "Open Verilog flow...")."""
    squashed = _squash(heading)
    if not squashed:
        return False
    site = _squash(meta.get("site_name") or "")
    if squashed == site:
        return True
    story = _squash(meta.get("title") or "")
    parts = [_squash(part) for part in _NAME_PARTS.split(document_title or "")]
    if not story or len(parts) < 2 or squashed in story or story == site:
        return False
    return (squashed == parts[0] and story == "".join(parts[1:])) or (
        squashed == parts[-1] and story == "".join(parts[:-1])
    )


def find_title(
    segments: list[Segment], meta: dict[str, str], document_title: str | None
) -> int | None:
    """The heading that the declared titles confirm; failing that, the first <h1>."""
    hints = [hint.lower() for hint in (meta.get("title"), document_title) if hint]
    headings = [
        (index, s) for index, s in enumerate(segments) if s.kind == "heading" and s.level <= 2
    ]
    # A heading the declared title spells out, else the longest one it contains: the
    # story's title, not the site's name set as a heading ("... - The New York Times").
    exact = (index for index, s in headings if s.text.lower() in hints)
    contained = [
        (len(s.text), -index)
        for index, s in headings
        if len(s.text) > 15 and any(s.text.lower() in hint for hint in hints)
    ]
    found = next(exact, None)
    if found is not None:
        return found
    if contained:
        return -max(contained)[1]
    # A heading holding a kicker before the title the page declares ("Thema
    # Verbraucherschutz" over "Mehr Transparenz bei Preisanpassungen"; <title> "BMJV |
    # Transparenz bei Preisanpassungen"), before a first <h1> that is the site's logo.
    kicked = (
        index
        for index, s in headings
        if (kicker := split_kicker(s)) is not None and _holds_declared(kicker[1].lower(), hints)
    )
    found = next(kicked, None)
    if found is not None:
        return found
    first_h1 = next((index for index, s in headings if s.level == 1), None)
    return first_h1


def is_story_title(heading: str, meta: dict[str, str], document_title: str | None) -> bool:
    """Whether a heading taken for the title is the story's title: it shares a word with
    a declared title (`_shares_words`) and does not name the site (`_names_the_site`);
    else the declared title is the title (the heading still anchors the header)."""
    return _shares_words(heading, (meta.get("title"), document_title)) and not (
        _names_the_site(heading, meta, document_title)
    )


def without_site(title: str, addresses: list[str], site_name: str | None) -> str:
    """The title without a part that names the site (`_without_site_name`, the site's
    names from og:site_name and the page's addresses), then without what a "|" sets off
    (`_before_pipe`)."""
    names = _site_names(addresses, site_name)
    return _before_pipe(_without_site_name(title, names))
