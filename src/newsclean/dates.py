"""Dates as pages declare and print them, read without the tree.

`parse_date` reads a declared value (ISO 8601 or a printed form), `date_in` the first date
printed in a line ("Nov 17, 2015", "17.11.2015", "10/31/2024" in the page's own order),
`published` chooses between the dateline's day and the declared date, `address_date`
reads the day in a story's address.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from newsclean import vocab


def parse_date(value: str | None) -> dt.date | dt.datetime | None:
    if not value:
        return None
    text = value.strip().replace("Z", "+00:00")
    if len(text) > 10 and text[10] in "T ":  # "2017-11-03T03:01", "2019-04-28 06:01:07"
        try:
            return dt.datetime.fromisoformat(text)
        except ValueError:
            pass
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return date_in(value)  # declared as printed: "July 17, 2025", "2019/1/22"


_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "januar"),
            ("feb", "februar"),
            ("mar", "märz", "mär"),
            ("apr",),
            ("may", "mai"),
            ("jun", "juni"),
            ("jul", "juli"),
            ("aug",),
            ("sep", "sept"),
            ("oct", "okt", "oktober"),
            ("nov",),
            ("dec", "dez", "dezember"),
        ),
        start=1,
    )
    for name in names
}
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_MONTH_WORD = r"(?P<month>[^\W\d_]{3,9})\.?"
_PRINTED_DATES = (
    # also glued to a word before it ("HealthDECEMBER 22, 2022": lines joined unspaced)
    re.compile(rf"(?:\b|(?<=[a-z])(?=[A-Z])){_MONTH_WORD}\s+{_DAY},?\s+(?P<year>\d{{4}})(?!\d)"),
    re.compile(rf"\b{_DAY}\.?\s+{_MONTH_WORD},?\s+(?P<year>\d{{4}})(?!\d)"),  # 17 November 2015
    re.compile(r"\b(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})(?!\d)"),  # 17.11.2015
    # 2015-11-17, also with its time: 2022-11-23T08:10+02:00
    re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?:\b|(?=T\d))"),
    re.compile(r"\b(?P<year>\d{4})/(?P<month>\d{1,2})/(?P<day>\d{1,2})\b"),  # 2015/11/17
    re.compile(rf"\b(?P<year>\d{{4}})\s+{_MONTH_WORD}\s+{_DAY}\b"),  # 2015 Nov 17
    # 10/31/2024, 13/11/2025: which number is the month, see _numeric_date (not with
    # dashes: "02-12-2025" is as often day first on a page declared plain "en")
    re.compile(r"\b(?P<first>\d{1,2})/(?P<second>\d{1,2})/(?P<year>\d{4})(?!\d)"),
)


def date_in(text: str | None, *, month_first: bool = True) -> dt.date | None:
    """The first date printed in a line: "Brussels (AFP) Nov 17, 2015", "12 November
    2025", "September 1st, 2023", "12.12.2025", "2025-12-12", "10/31/2024" (an
    all-numeric day/month read month first where `month_first`, unless that cannot be)."""
    if not text:
        return None
    return next((date for _, date in _printed_dates(text, month_first)), None)


def date_line(text: str | None, *, month_first: bool, max_other_words: int) -> dt.date | None:
    """The date of a line that is little but a date: its first printed date, where the
    rest of the line holds at most `max_other_words` words ("Posted on April 13, 2023",
    "By Daniel Renfrow April 12, 2024"; not a sentence that mentions a day)."""
    if not text:
        return None
    for match, date in _printed_dates(text, month_first):
        rest = text[: match.start()] + " " + text[match.end() :]
        return date if len(_WORD.findall(rest)) <= max_other_words else None
    return None


def _printed_dates(text: str, month_first: bool) -> Iterator[tuple[re.Match[str], dt.date]]:
    """The line's printed dates that are days of the calendar, in the order they stand
    (each pattern's first match)."""
    if not vocab.YEAR_DIGITS.search(text):  # every printed form holds a year's four digits
        return
    found = [(m.start(), m) for pattern in _PRINTED_DATES if (m := pattern.search(text))]
    for _, match in sorted(found, key=lambda pair: pair[0]):
        date = _calendar_date(match, month_first)
        if date is not None:
            yield match, date


_WORD = re.compile(r"[^\W\d_]+")


def month_first(language: str | None) -> bool:
    """Whether "3/4/2025" on a page in this declared language (og:locale, <html lang>)
    is March 4: American English or no language declared; elsewhere the day comes first."""
    tag = (language or "").replace("_", "-").lower()
    return tag in ("", "en", "en-us")


def _numeric_date(match: re.Match[str], month_first: bool) -> dt.date | None:
    """ "13/11/2025" can only be day first and "10/31/2024" only month first; where both
    numbers could be the month, the page's language decides."""
    first, second = int(match.group("first")), int(match.group("second"))
    month, day = (first, second) if month_first else (second, first)
    if month > 12:
        month, day = day, month
    try:
        return dt.date(int(match.group("year")), month, day)
    except ValueError:
        return None


def _calendar_date(match: re.Match[str], month_first: bool = True) -> dt.date | None:
    if "first" in match.re.groupindex:
        return _numeric_date(match, month_first)
    month_text = match.group("month")
    if month_text.isdigit():
        month: int | None = int(month_text)
    else:
        word = month_text.lower()
        month = _MONTHS.get(word) or _MONTHS.get(word[:3])
    if month is None:
        return None
    try:
        return dt.date(int(match.group("year")), month, int(match.group("day")))
    except ValueError:
        return None


def published(
    dateline: str | None, declared: dt.date | dt.datetime | None, us_order: bool
) -> dt.date | dt.datetime | None:
    """The day the page prints in its dateline, over a declared date of another day
    (pages declare the day they were first stored, or the day in UTC where they print
    their own: "2025-12-19T02:41Z" for "December 18, 2025"); the declared value where it
    falls on the printed day (it carries the time), or where the dateline only says when
    the story was last updated."""
    if dateline is None or says_updated(dateline):
        return declared or date_in(dateline, month_first=us_order)
    printed = date_in(dateline, month_first=us_order)
    if printed is None or declared is None:
        return printed or declared
    declared_day = declared.date() if isinstance(declared, dt.datetime) else declared
    return declared if declared_day == printed else printed


def says_updated(dateline: str) -> bool:
    """Whether the dateline's first date is labelled as an update ("Updated Jul 24,
    2018", "@handle Updated ..."; not "Dec 6, 2024 / Updated Dec 7, 2024")."""
    label = vocab.UPDATED_LABEL.search(dateline)
    return label is not None and not any(ch.isdigit() for ch in dateline[: label.start()])


# A day in a story's address: "/2024/03/17/", "/2025-12-15-title".
_ADDRESS_DATE = re.compile(r"/(?P<year>(?:19|20)\d\d)([/-])(?P<month>\d\d)\2(?P<day>\d\d)(?!\d)")


def address_date(addresses: list[str], url: str | None) -> dt.date | None:
    """The day in the page's address (as given, else its canonical or og:url link): the
    last resort for a page that declares and prints no date."""
    for link in [url or "", *addresses]:
        match = _ADDRESS_DATE.search(str(link))
        if match:
            try:
                return dt.date(*(int(match.group(k)) for k in ("year", "month", "day")))
            except ValueError:
                continue
    return None
