"""A byline as printed: the names read off the line, what shares it trimmed away.

`read_printed` cuts a byline line where the names end (a date, a separator, a job title,
a second credit...) and splits the names; `names_nobody` tells a box's text that reads as
no name ("Cite this Webpage"); `is_name` a declared author that is none (a URL, "No
Author"). Pure functions of text: metadata.py decides which line is the byline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsclean import vocab
from newsclean.dates import date_in
from newsclean.segment import normalize_space

#: The longest declared author read as a name; a longer list of names is one where each
#: name is at most MAX_LISTED_NAME_CHARS long (a paper's eight authors).
MAX_BYLINE_CHARS = 100
MAX_LISTED_NAME_CHARS = 40


@dataclass(frozen=True, slots=True)
class PrintedByline:
    """What a byline line holds: the byline as printed up to the end of the names (None
    when no name is left after its "By"), the names, and a date printed after them."""

    byline: str | None
    authors: tuple[str, ...]
    date: str | None


# Where a printed byline line runs on past the names: a separator, the post's date (also
# after its weekday), a "Published"/"Updated"/"Last updated" label (often glued to the
# last name), a reading time ("5 min read", "2–3 minutes"), the author's @handle (also
# glued; not an e-mail address), a Spanish or Portuguese date ("1 de diciembre de 2017").
_BYLINE_TAIL = re.compile(
    r"\s*(?:[|•·⋅●—–]|\s-\s|(?:Published|Updated|Posted)\b|\.?\s*\b[Ll]ast\s+(?:[Uu]pdated|[Mm]odified)\b"
    r"|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b,?\s*(?=\d|\w+\.?\s+\d)"
    r"|\.?\s*\b(?:(?:Medically\s+)?Reviewed|Fact[- ]?checked|Edited)\s+by\b"
    r"|(?<=[a-z])\d{1,2}/\d{1,2}/\d{4}"
    r"|\b(?:on|le|am|el|il)\s+(?=\d|\S+\s+\d|\S+,\s+\S+\s+\d)"
    r"|\b\d+(?:\s*[–-]\s*\d+)?\s*mins?\.?(?:ute)?s?(?:\s+read)?\b|@\w+(?![\w-]*\.\w)|\b\d{1,2}\s+de\s+\w+\s+de\s+\d{4})"
)

# A post's date right after the name, glued to it or not: "Jeffrey ZeldmanNovember 20,
# 2007", "Jill Barshay August 25, 2025August 29, 2025", "May 2nd 202511 mins" (a capitalised
# English month, so "Mayank" opens no date).
_BYLINE_DATE = re.compile(
    r"(?:(?<=[a-z])|\b)(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
    r"\s+\d{1,2}(?:st|nd|rd|th)?,?|\d{1,2}(?:st|nd|rd|th)?\s+"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,?)\s+\d{4}"
)
# A dash left at the end of the names, or before a numeric date: "Summer Swann -",
# "EcoFlow- 2025/4/29" (a hyphenated name keeps its hyphen).
_BYLINE_DASH = re.compile(r"\s*[-–—]\s*(?:$|(?=\d))")

_NAMELESS_BYLINE = re.compile(r"(?:written\s+)?(?:by|von|par|por|di|door|av)?\s*:?", re.I)


def read_printed(text: str) -> PrintedByline:
    """The byline without what shares its line: date, reading time, a "| Topic" label. A
    line left with no name after its "By" is no byline (the declared author fills in);
    a date cut off after the names is returned beside it."""
    # An icon font's glyph, a "&" or separator left from a line split before the names.
    text = normalize_space(_PRIVATE_USE.sub("", text)).lstrip("&|•·●-–—:, ")
    label = vocab.WRITTEN_BY.search(text)
    if label and label.start() > 0 and any(ch.isdigit() for ch in text[: label.start()]):
        text = text[label.start() :]  # "Apr 12 Written By X": the post's date before it
    tails = (
        _BYLINE_TAIL.search(text),
        vocab.DATE_TEXT.search(text),
        _BYLINE_DATE.search(text),
        _BYLINE_DASH.search(text),
        vocab.JOB_TITLE.search(text),
        vocab.BYLINE_BUTTONS.search(text),
        _GLUED_JOB_TITLE.search(text),
    )
    cut = min((m.start() for m in tails if m), default=len(text))
    date = _date_after(text[cut:])
    text = _once(_without_caps_tail(_without_job_title(text[:cut])).strip(" ,:;"))
    if _NAMELESS_BYLINE.fullmatch(text):
        return PrintedByline(None, (), date)
    return PrintedByline(text, split_authors(text), date)


# A job title glued to the last name, its first word capitalised: "Matt CheckHead
# Winemaker", "Jo RoeStaff Writer" (a name's own inner capital, "McDonald", "DeSiato",
# opens no job title).
_GLUED_JOB_TITLE = re.compile(
    r"(?<=[a-z])(?=(?:Head|Senior|Chief|Staff|Lead|Principal|Associate|Deputy|Managing"
    r"|Executive|Contributing|Editor|Writer|Reporter|Correspondent|Columnist|Contributor"
    r"|Founder|Co-?founder|Director|Manager|Analyst|Producer|Engineer|President)\b)"
)
# Two or more words in capitals, three letters or more each, after the names: the
# publication's name ("Brian Truitt USA TODAY"; not "4:00 PM EST").
_CAPS_TAIL = re.compile(r"(?:\s+[A-Z][A-Z.&'’-]{2,}){2,}$")


def _without_caps_tail(text: str) -> str:
    """The names without a publication's name set in capitals after them, where the names
    are not in capitals themselves ("By JEFFREY GETTLEMAN" stays)."""
    label = vocab.BYLINE_PREFIX.match(text)
    start = label.end() if label else 0
    tail = _CAPS_TAIL.search(text, start)
    if tail and any(ch.islower() for ch in text[start : tail.start()]):
        return text[: tail.start()]
    return text


def _date_after(rest: str) -> str | None:
    """The date printed after the names, on the byline's line ("By Jo Roe on Monday,
    November 18th, 2019 at 11:04 a.m."), without what leads into it."""
    rest = _DATE_LEAD.sub("", rest)
    return rest if date_in(rest) or vocab.DATE_TEXT.search(rest) else None


# What leads into the date after a byline's names: separators, "on", "Published".
_DATE_LEAD = re.compile(
    r"^(?:[\s|•·⋅—–,:-]|\b(?:on|le|am|el|il|published|updated|posted)\b)+", re.I
)

# Unicode's private-use areas: where icon fonts put their glyphs.
_PRIVATE_USE = re.compile("[\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd]")


def _once(text: str) -> str:
    """The names printed once where the line prints them twice ("Colin Gray Colin Gray":
    a profile picture's text beside the link)."""
    label = vocab.BYLINE_PREFIX.match(text)
    start = label.end() if label else 0
    words = text[start:].split()
    half = len(words) // 2
    if half and len(words) == 2 * half and words[:half] == words[half:]:
        return text[:start] + " ".join(words[:half])
    return text


def _without_job_title(text: str) -> str:
    """The byline without a job title that follows the name with no comma ("Jane Doe
    Senior Staff Writer"): the run of capitalised words that ends on the first job word,
    leaving the name at least two words ("Ben Silverman Games Editor" -> "Ben Silverman")."""
    label = vocab.BYLINE_PREFIX.match(text)
    start = label.end() if label else 0
    words = list(re.finditer(r"\S+", text[start:]))
    job = next(
        (i for i, w in enumerate(words) if i >= 2 and vocab.JOB_WORD.match(w[0].rstrip(",;:"))),
        None,
    )
    if job is None:
        return text
    first = job
    while first > 2 and words[first - 1][0][:1].isupper():
        first -= 1
    return text[: start + words[first].start()]


def is_name(author: str) -> bool:
    """Whether a declared author is a name: no URL (a profile's link in article:author) or
    other address ("www.facebook.com/x"), not overlong (but for
    a list of short names), no placeholder ("No Author"), not without a letter."""
    names = split_authors(author)
    return (
        "://" not in author
        and (
            len(author) <= MAX_BYLINE_CHARS
            or (len(names) > 1 and all(len(name) <= MAX_LISTED_NAME_CHARS for name in names))
        )
        and not vocab.PLACEHOLDER_AUTHOR.match(author)
        and _LETTER.search(author) is not None  # "262588213843476": an account's number
        and not _ADDRESS.search(author)  # "www.facebook.com/tinyhousegiantjourney"
    )


_LETTER = re.compile(r"[^\W\d_]")


def names_nobody(text: str) -> bool:
    """Whether a line that does not open with "By" reads as something other than names: a
    sentence or a label ("View more posts", "Cite this Webpage", "Who is Jeff Hoyt?",
    "Guide by": a lower-case word after the first that is no name particle, or a question
    or label's end), an address ("www.example.com/x", "page.head.extra.author") or a
    number. Names capitalise their words but for particles ("van", "de", "and")."""
    text = vocab.BYLINE_PREFIX.sub("", text)
    words = re.findall(r"(?<!\S)[^\W\d_][\w'’-]*", text)
    if not words or _NOT_NAMES.search(text):
        return True
    return any(word[0].islower() and word.lower() not in vocab.NAME_PARTICLES for word in words[1:])


# An address; with a question, a label whose name is elsewhere, a dotted identifier
# ("page.head.extra.author") or a photo's credit ("© Kathrin Führes"), what reads as no
# name. (A declared author is a user's name
# as often as not: "sara.r.peter" is one.)
_ADDRESS = re.compile(r"\bwww\.|[^\W\d_]/[^\W\d_]", re.I)
_NOT_NAMES = re.compile(r"\?\s*$|\bby\s*:?\s*$|\w\.\w+\.\w|©|" + _ADDRESS.pattern, re.I)


def split_authors(byline: str) -> tuple[str, ...]:
    text = vocab.BYLINE_PREFIX.sub("", byline)
    names = (normalize_space(name) for name in vocab.AUTHOR_SEPARATORS.split(text))
    return tuple(name for name in names if name)
