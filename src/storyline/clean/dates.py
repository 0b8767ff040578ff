"""Publication dates found in the text itself: photo captions, timestamps, datelines.

Why regexes and not a date library's free-text search: dateparser's ``search_dates`` and
dateutil's ``fuzzy`` parsing find "dates" in any number and cost milliseconds per line; here we
want only complete calendar dates written the way captions and datelines write them
("February 11, 2026", "11 Feb 2026", "Feb. 11", "2026-02-11"), so we locate them with a strict
pattern and let dateutil's month table read the month name.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from dateutil.parser import parserinfo

_MONTH_NAMES = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*"
_ORDINAL = r"(?:st|nd|rd|th)?"
# A complete date as captions write it ("February 11, 2026", "Feb. 11, 2026", "11 Feb 2026"),
# for other patterns to embed (the furniture classifier recognises captions by it).
FULL_DATE_PATTERN = rf"(?:{_MONTH_NAMES}\.? \d{{1,2}}{_ORDINAL},? \d{{4}}|\d{{1,2}}{_ORDINAL} {_MONTH_NAMES}\.?,? \d{{4}})"
_DATE_FORMS = [
    # "February 11, 2026", "Feb. 11 2026", "Feb 11" (year optional: datelines omit it)
    rf"(?P<mon1>{_MONTH_NAMES})\.? (?P<day1>\d{{1,2}}){_ORDINAL}(?:,? (?P<year1>\d{{4}}))?\b",
    # "11 February 2026", "11 Feb. 2026", "11 Feb"
    rf"(?P<day2>\d{{1,2}}){_ORDINAL} (?P<mon2>{_MONTH_NAMES})\.?(?:,? (?P<year2>\d{{4}}))?\b",
    # "2026-02-11"
    r"(?<!\d)(?P<year3>\d{4})-(?P<mon3>\d{2})-(?P<day3>\d{2})(?!\d)",
    # "2026年2月11日"
    r"(?P<year4>\d{4})年(?P<mon4>\d{1,2})月(?P<day4>\d{1,2})日",
]
_DATE = re.compile("|".join(f"(?:{form})" for form in _DATE_FORMS))

# "WASHINGTON, Feb. 11 (Reuters) -", "SAN FRANCISCO, Calif., Feb 11, 2026 (AP) —", "LONDON, 11 February 2026 -"
_DATELINE = re.compile(
    r"^[A-Z][A-Z.'’ -]{1,40}(?:, [A-Z][A-Za-z.]{1,15})?,\s+"
    r"(?P<date>[^()\-–—]{3,25}?)\s*(?:\([^()]{1,40}\))?\s*(?:-{1,2}|–|—)\s"
)
_MONTHS = parserinfo()
_YEARS = range(1900, 2101)


def find_date(text: str, reference: dt.date | None = None) -> dt.date | None:
    """The first complete calendar date in ``text``.

    A date without a year ("Feb. 11") is completed from ``reference`` (the year that puts it
    closest to the reference), and ignored when there is no reference.
    """
    return next(_dates(text, reference), None)


def find_dates(text: str, reference: dt.date | None = None) -> list[dt.date]:
    """Every complete calendar date in ``text``, in order of appearance (year-less ones as in
    ``find_date``)."""
    return list(_dates(text, reference))


def _dates(text: str, reference: dt.date | None) -> Iterator[dt.date]:
    for match in _DATE.finditer(text):
        date = _to_date(match, reference)
        if date is not None:
            yield date


def dateline_date(line: str, reference: dt.date | None = None) -> dt.date | None:
    """The date of a wire dateline at the start of ``line`` ("BEIJING, Feb. 11 (Xinhua) --")."""
    match = _DATELINE.match(line.strip())
    if match is None:
        return None
    return find_date(match.group("date"), reference)


def is_dateline(line: str) -> bool:
    """Does the line start with a wire dateline (dated or not, year or not)?"""
    return _DATELINE.match(line.strip()) is not None


def _to_date(match: re.Match[str], reference: dt.date | None) -> dt.date | None:
    """Turn one match of ``_DATE`` into a date, or None when it is not a real day."""
    for form in "1234":
        day = match.group(f"day{form}")
        if day is None:
            continue
        month = _month_number(match.group(f"mon{form}"))
        year = match.group(f"year{form}")
        if month is None:
            return None
        if year is None:
            return _closest_to(reference, month, int(day))
        return _safe_date(int(year), month, int(day))
    return None


def _month_number(token: str) -> int | None:
    return int(token) if token.isdigit() else _MONTHS.month(token)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    if year not in _YEARS:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _closest_to(reference: dt.date | None, month: int, day: int) -> dt.date | None:
    """Complete a year-less date with the year (reference's, or one either side) nearest to it."""
    if reference is None:
        return None
    candidates = [_safe_date(year, month, day) for year in (reference.year - 1, reference.year, reference.year + 1)]
    dates = [d for d in candidates if d is not None]
    return min(dates, key=lambda d: abs((d - reference).days), default=None)
