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


def site_names(addresses: list[str], site_name: str | None) -> tuple[str, ...]:
    """The site's name (og:site_name) and its host (canonical link or og:url), squashed
    to lower-case letters and digits."""
    names = [site_name or ""]
    names.extend(_host(link) for link in addresses)
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

# A dash between spaces, setting off a document title's last part.
_DASH_PART = re.compile(r"\s+[–—-]\s+")
#: The most words of a last part after a dash that a document title ends on as a tagline.
_MAX_TAGLINE_WORDS = 4


def without_tagline(title: str) -> str:
    """A document title (<title>, where the page declares no story title, no site name
    and prints no heading for it) without its last part after a dash: the site's name
    that nothing else declares, or a tagline ("Lorem ipsum dolor sit amet – My website"),
    where that part has at most `_MAX_TAGLINE_WORDS` words and the rest
    `_MIN_PIPED_TITLE_WORDS` words at least. A <title> names the site after the story as
    a rule; where og:site_name is declared, a last part that is not it stays ("Big news
    today - Opinion")."""
    parts = _DASH_PART.split(title)
    if len(parts) < 2 or len(parts[-1].split()) > _MAX_TAGLINE_WORDS:
        return title
    head = title[: title.rfind(parts[-1])].rstrip(" –—-")
    return head if len(head.split()) >= _MIN_PIPED_TITLE_WORDS else title


def _without_site_name(title: str, site_names: tuple[str, ...]) -> str:
    """The title without a first or last part that names the site (its og:site_name, or
    a part found in its host name: "Guide | Newegg.com" on newegg.com)."""
    parts = _TITLE_PARTS.split(title)
    if len(parts) < 2 or not site_names:
        return _without_host_word(title, site_names)

    def names_site(part: str) -> bool:
        squashed = _squash(part)
        return bool(squashed) and any(
            squashed == name or (len(squashed) >= 4 and squashed in name) for name in site_names
        )

    if names_site(parts[-1]):
        return title[: title.rfind(parts[-1])].rstrip(" |–—:_-") or title
    if names_site(parts[0]):
        return title[len(parts[0]) :].lstrip(" |–—:_-") or title
    return _without_host_word(title, site_names)


def _without_host_word(title: str, site_names: tuple[str, ...]) -> str:
    """The title without a first or last word that spells the site's host, set off by a
    space alone ("davidbau.com Vibe Coding" on davidbau.com): a word with a dot in it,
    never a title's first word that is the site's name ("Vox Sentences: ...")."""
    words = title.split()
    if len(words) < 2:
        return title
    for word, rest in ((words[0], words[1:]), (words[-1], words[:-1])):
        if "." in word.strip(".") and _squash(word) in site_names:
            return " ".join(rest)
    return title


def _shares_words(
    heading: str, declared_titles: tuple[str | None, ...], site_words: frozenset[str]
) -> bool:
    """Whether a heading taken for the title has a word in common with a title the page
    declares (og:title, <title>), other than a word of the site's name: an <h1> that
    shares none ("Lorem", the site's logo, "A message from the founder of SiliconANGLE"
    under "How Google Cloud runs AI inference - SiliconANGLE") names something else, and
    the declared title is the story's."""
    titles = [title for title in declared_titles if title]
    words = {word for title in titles for word in _words(title)} - site_words
    return not titles or any(word in words for word in _words(heading))


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _site_words(meta: dict[str, str], addresses: list[str]) -> frozenset[str]:
    """The words of the site's name (og:site_name) and of its hosts ("siliconangle" of
    siliconangle.com)."""
    hosts = [_host(address) for address in addresses]
    return frozenset(_words(" ".join([meta.get("site_name") or "", *hosts])))


def _host(address: str) -> str:
    return re.sub(r"^[a-z]+://(?:www\.)?", "", str(address).lower()).split("/")[0]


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


def _names_the_site(
    heading: str, meta: dict[str, str], document_title: str | None, addresses: list[str]
) -> bool:
    """Whether the heading taken for the title is the site's name: its og:site_name or
    its host ("davidbau.com"), words of the og:site_name alone (`_site_words_only`), or
    the part of the document's title that the declared story title leaves out (a blog's
    name over its post: "Silicon Exposed" of "Silicon Exposed: Open Verilog flow...",
    og:title "Open Verilog flow...")."""
    squashed = _squash(heading)
    if not squashed:
        return False
    site = _squash(meta.get("site_name") or "")
    if squashed in (site, *site_names(addresses, None)) or _site_words_only(heading, meta):
        return True
    story = _squash(meta.get("title") or "")
    parts = [_squash(part) for part in _NAME_PARTS.split(document_title or "")]
    if not story or len(parts) < 2 or squashed in story or story == site:
        return False
    return (squashed == parts[0] and story == "".join(parts[1:])) or (
        squashed == parts[-1] and story == "".join(parts[:-1])
    )


def _site_words_only(heading: str, meta: dict[str, str]) -> bool:
    """Whether a heading's words are all words of the og:site_name and not all words of
    the declared story title: a blog's name shortened as its logo ("Minecraft News" of
    "Minecraft Update News", og:title "Minecraft 1.8 - The Bountiful Update")."""
    words = set(_words(heading))
    site = set(_words(meta.get("site_name") or ""))
    story = set(_words(meta.get("title") or ""))
    return bool(words and story) and words <= site and not words <= story


#: The most words of a heading that is the title: one longer is the story's summary set
#: as its headline ("Learn which home renovations have the best ROI? Get expert tips on
#: ...", 41 words), and the declared title is the title.
_MAX_TITLE_WORDS = 30

#: The marks a heading's permalink prints after the title ("Evolve: Shared Mutable
#: History¶", as Sphinx writes it; "Current status #").
_PERMALINK_MARKS = frozenset({"¶", "#", "§", "🔗"})


def heading_text(segment: Segment) -> str:
    """The title a heading prints: its text without a date set in a <time> before or after
    it ("<h1><time>Dec 18 2025</time> Preparing a transition</h1>") and without a
    permalink after it (a link printing only a mark, `_PERMALINK_MARKS`)."""
    text = normalize_space(segment.text)
    heading = segment.owner
    if heading.tag not in ("h1", "h2"):
        return text
    for element in heading.iter("time", "a"):
        mark = normalize_space(element.text_content())
        if not mark or (element.tag == "a" and mark not in _PERMALINK_MARKS):
            continue
        if element.tag == "time" and text.startswith(mark):
            text = text[len(mark) :].lstrip(" |–—-·:,")
        elif text.endswith(mark):
            text = text[: -len(mark)].rstrip(" |–—-·:,")
    return text or normalize_space(segment.text)


def find_title(
    segments: list[Segment], meta: dict[str, str], document_title: str | None, addresses: list[str]
) -> int | None:
    """The heading that the declared titles confirm; failing that, the first <h1>, or
    the next where the first names the site (`_names_the_site`)."""
    hints = [hint.lower() for hint in (meta.get("title"), document_title) if hint]
    headings = [
        (index, s, heading_text(s).lower())
        for index, s in enumerate(segments)
        if s.kind == "heading" and s.level <= 2
    ]

    def names_site(text: str) -> bool:  # asked last: the dearest test of a heading
        return _names_the_site(text, meta, document_title, addresses)

    # A heading the declared title spells out, else the longest one that opens or ends
    # it, or is a run of its parts: the story's title, not the site's name set as a
    # heading ("... - The New York Times", `_names_the_site`), nor a fragment of it
    # ("Open Journalism Project:" of "The Open Journalism Project: Better Student
    # Journalism"). Of two as long, the one opening the declared title, as a story's
    # title comes before the site's name.
    exact = (index for index, _, text in headings if text in hints)
    contained = [
        (len(text), any(hint.startswith(text) for hint in hints), -index)
        for index, _, text in headings
        if len(text) > 15
        and any(_is_title_part(text, hint) for hint in hints)
        and not names_site(text)
    ]
    found = next(exact, None)
    if found is not None:
        return found
    if contained:
        return -max(contained)[2]
    # A heading holding a kicker before the title the page declares ("Thema
    # Verbraucherschutz" over "Mehr Transparenz bei Preisanpassungen"; <title> "BMJV |
    # Transparenz bei Preisanpassungen"), before a first <h1> that is the site's logo.
    kicked = (
        index
        for index, s, _ in headings
        if (kicker := split_kicker(s)) is not None and _holds_declared(kicker[1].lower(), hints)
    )
    found = next(kicked, None)
    if found is not None:
        return found
    first_h1 = [(index, text) for index, s, text in headings if s.level == 1]
    if first_h1 and names_site(first_h1[0][1]):
        # Past an <h1> naming the site (its logo, "Houstonia Magazine"), the next <h1> is
        # the story's where it echoes a declared title; one that shares a word by chance
        # is a section's ("Small is the new large" under "Small adventures with small
        # language models"), and the logo anchors the header.
        after = next((index for index, text in first_h1 if not names_site(text)), None)
        if after is not None and _echoes(segments[after].text, hints):
            return after
    if first_h1:
        return first_h1[0][0]
    # Failing an <h1>, the longest heading a declared title holds, as a fragment
    # ("Open Journalism Project:" of "The Open Journalism Project: Better Student
    # Journalism"): it prints the title, so anchors the header (`is_fragment`: the
    # declared title is the title).
    inside = [
        (len(text), -index)
        for index, _, text in headings
        if len(text) > 15 and any(text in hint for hint in hints) and not names_site(text)
    ]
    return -max(inside)[1] if inside else None


#: The fewest words of four letters or more that an <h1> past the site's shares with a
#: declared title, to be the story's title.
_MIN_ECHOED_WORDS = 2


def _echoes(heading: str, hints: list[str]) -> bool:
    words = {word for hint in hints for word in _words(hint) if len(word) >= 4}
    return len(words & set(_words(heading))) >= _MIN_ECHOED_WORDS


def _is_title_part(text: str, hint: str) -> bool:
    """Whether a heading's (lower-cased) text opens or ends a declared title, or is a run
    of its parts, set off by separators (`_TITLE_PARTS`) on both sides ("site update -
    leseprobe band 14" of "news - site update - leseprobe band 14 - love hina")."""
    if hint.startswith(text) or hint.endswith(text):
        return True
    start = hint.find(text)
    while start >= 0:
        after = hint[start + len(text) :]
        if _PART_END.search(hint[:start]) and _TITLE_PARTS.match(after):
            return True
        start = hint.find(text, start + 1)
    return False


def is_fragment(segment: Segment, meta: dict[str, str], document_title: str | None) -> bool:
    """Whether a heading below <h1> lies inside a declared title, neither opening nor
    ending it nor a run of its parts (`_is_title_part`): a piece of the title set as a
    heading ("Open Journalism Project:"), where the declared title is the title. An <h1>
    is the page's headline by its markup, however the declared title words it."""
    text = heading_text(segment).lower()
    hints = [title.lower() for title in (meta.get("title"), document_title) if title]
    return segment.level > 1 and any(
        text in hint and not _is_title_part(text, hint) for hint in hints
    )


# A separator of `_TITLE_PARTS` ending a text.
_PART_END = re.compile(r"(?:" + _TITLE_PARTS.pattern + r")$")


def is_story_title(
    heading: str, meta: dict[str, str], document_title: str | None, addresses: list[str]
) -> bool:
    """Whether a heading taken for the title is the story's title: it shares a word with
    a declared title (`_shares_words`), does not name the site (`_names_the_site`) and is
    no summary (at most `_MAX_TITLE_WORDS` words); else the declared title is the title
    (the heading still anchors the header)."""
    return (
        len(heading.split()) <= _MAX_TITLE_WORDS
        and _shares_words(
            heading, (meta.get("title"), document_title), _site_words(meta, addresses)
        )
        and not _names_the_site(heading, meta, document_title, addresses)
    )


def without_site(title: str, addresses: list[str], site_name: str | None) -> str:
    """The title without a part that names the site (`_without_site_name`, the site's
    names from og:site_name and the page's addresses), then without what a "|" sets off
    (`_before_pipe`)."""
    return _before_pipe(_without_site_name(title, site_names(addresses, site_name)))
