"""Calendar arithmetic behind TIMEX3 values: shifting a publication date by units, picking the
weekday/month/quarter a bare name refers to, and writing TimeML value strings.

Written here because no Python library resolves relative phrases the TimeML way (dateparser reads
"within two weeks" as a past date and cannot give granular values like "2026-W08" or "2025-Q3");
python-dateutil is used for what it does well, reading absolute date strings and month arithmetic.
Every function takes ``anchor=None`` and then answers with a partially specified value
("XXXX-06", "XXXX-WXX-3") instead of guessing.
"""
from __future__ import annotations

import datetime as dt
from typing import Literal

from dateutil import parser as date_parser
from dateutil.relativedelta import relativedelta

Direction = Literal["past", "future", "present"] | None

GRANULAR_UNITS = ("day", "week", "weekend", "month", "quarter", "year", "decade", "century")


def parse_anchor(anchor: str | None) -> dt.date | None:
    """The calendar date of an ISO date or datetime string (dateutil also takes odd forms)."""
    if not anchor:
        return None
    try:
        return dt.date.fromisoformat(anchor[:10])
    except ValueError:
        try:
            return date_parser.parse(anchor).date()
        except (ValueError, OverflowError):
            return None


# ------------------------------------------------------------------ value formats

def day_value(day: dt.date) -> str:
    return day.isoformat()


def week_value(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def at_granularity(day: dt.date | None, unit: str) -> str:
    """``day`` written at the precision of ``unit`` ("2026-W08", "2025-Q3", "202" for a decade)."""
    if day is None:
        return underspecified(unit)
    if unit == "day":
        return day_value(day)
    if unit == "week":
        return week_value(day)
    if unit == "weekend":
        return week_value(day) + "-WE"
    if unit == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if unit == "quarter":
        return f"{day.year:04d}-Q{quarter_of(day)}"
    if unit == "half":
        return f"{day.year:04d}-H{1 if day.month <= 6 else 2}"
    if unit == "decade":
        return f"{day.year:04d}"[:3]
    if unit == "century":
        return f"{day.year:04d}"[:2]
    return f"{day.year:04d}"


def bc_year_value(years_before: int) -> str:
    """A year before the era as TimeML writes it ("BC0221")."""
    return f"BC{years_before:04d}"


def underspecified(unit: str) -> str:
    return {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX",
            "quarter": "XXXX-QX", "half": "XXXX-HX", "decade": "XXX", "century": "XX"}.get(unit, "XXXX")


# ------------------------------------------------------------------ arithmetic

def shift(anchor: dt.date | None, unit: str, amount: int) -> dt.date | None:
    """``anchor`` moved by ``amount`` units (month ends clamp: Mar 31 - 1 month = Feb 28)."""
    if anchor is None:
        return None
    steps = {"day": relativedelta(days=amount), "week": relativedelta(weeks=amount),
             "weekend": relativedelta(weeks=amount), "month": relativedelta(months=amount),
             "quarter": relativedelta(months=3 * amount), "half": relativedelta(months=6 * amount),
             "year": relativedelta(years=amount), "decade": relativedelta(years=10 * amount),
             "century": relativedelta(years=100 * amount)}
    try:
        return anchor + steps.get(unit, relativedelta(years=amount))
    except (OverflowError, ValueError):
        return None


def relative_value(anchor: dt.date | None, unit: str, amount: int) -> str:
    """"last week" = relative_value(anchor, "week", -1) -> "2026-W06"."""
    return at_granularity(shift(anchor, unit, amount), unit)


def weekday_value(anchor: dt.date | None, weekday: int, direction: Direction, offset_weeks: int = 0) -> str:
    """The date a bare weekday name (1 = Monday) refers to.

    Past (and unknown, the usual case in news): the latest such day on or before the anchor;
    future: the first one on or after it. Wire style names the publication day by its weekday
    ("will travel on Thursday" in a Thursday report is that day), so a bare name never skips a
    week; "next Thursday" does (``last_named_weekday``). ``offset_weeks`` shifts the result.
    """
    if anchor is None:
        return f"XXXX-WXX-{weekday}"
    delta = weekday - anchor.isoweekday()
    if direction == "future":
        delta = delta % 7
    else:
        delta = -((-delta) % 7)
    day = anchor + dt.timedelta(days=delta + 7 * offset_weeks)
    return day_value(day)


def last_named_weekday(anchor: dt.date | None, weekday: int, step: int) -> str:
    """"last Friday" (step -1) is the latest Friday strictly before the anchor; "next Friday" (+1)
    the first one strictly after it."""
    if anchor is None:
        return f"XXXX-WXX-{weekday}"
    delta = weekday - anchor.isoweekday()
    if step < 0:
        delta = -((-delta) % 7) or -7
    else:
        delta = delta % 7 or 7
    return day_value(anchor + dt.timedelta(days=delta))


def year_for(anchor: dt.date | None, position: tuple[int, ...], direction: Direction, firm: bool = False) -> int | None:
    """Year of a month (or month/day, season) given without one, read from the anchor and tense.

    A ``firm`` tense, marked on the verb the expression dates ("sales rose in March", "the store will open
    in November"), takes the latest such month (or day) on or before the anchor in the past, the first
    one on or after it in the future. A tense only borrowed from the clause around (the reporting verb of
    "said the deadline is Nov. 10", the frame of "asked it to respond by Oct. 31") often tells of a plan
    ahead, so there a month within ``TENSE_TOLERANCE`` of the anchor's stays in the anchor's year. Present
    or unknown tense takes the month within a year window that reaches ``UNKNOWN_AHEAD`` months ahead and
    the rest back: news tells more of what has happened than of what is planned, so "October" in a May
    report without a tense cue is last October rather than the one five months ahead.
    """
    if anchor is None:
        return None
    near = _year_within_publication_lag(anchor, position) if firm and direction in ("past", "future") else None
    if near is not None:
        return near
    diff = position[0] - anchor.month
    today = (anchor.month, anchor.day)[:len(position)]
    if direction == "past":
        return anchor.year - 1 if (position > today if firm else diff > TENSE_TOLERANCE) else anchor.year
    if direction == "future":
        return anchor.year + 1 if (position < today if firm else diff < -TENSE_TOLERANCE) else anchor.year
    if diff > UNKNOWN_AHEAD:
        return anchor.year - 1
    if diff < -(11 - UNKNOWN_AHEAD):
        return anchor.year + 1
    return anchor.year


def _year_within_publication_lag(anchor: dt.date, position: tuple[int, ...]) -> int | None:
    """The year of a day ("January 1") that falls within ``PUBLICATION_LAG`` days of the anchor: a story written
    on the evening before its (UTC) stamp says "the full moon will peak on January 1" on January 2; that day, not
    one a year off, is meant, whichever side of the anchor the tense points to. Two days off, the tense decides
    ("will reopen on Dec. 1" told on Dec. 3 is next year's)."""
    if len(position) != 2:
        return None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            if abs((dt.date(year, *position) - anchor).days) <= PUBLICATION_LAG:
                return year
        except ValueError:  # February 29 of a common year
            continue
    return None


TENSE_TOLERANCE = 2
UNKNOWN_AHEAD = 4
PUBLICATION_LAG = 1  # day: a stamp in UTC may be the day after the story's local evening


def month_value(anchor: dt.date | None, month: int, direction: Direction, day: int | None = None,
                year: int | None = None, firm: bool = False) -> str:
    """"March" or "March 3" without a year, in the year ``year_for`` reads from the tense."""
    position = (month,) if day is None else (month, day)
    year = year if year is not None else year_for(anchor, position, direction, firm)
    head = "XXXX" if year is None else f"{year:04d}"
    return f"{head}-{month:02d}" + ("" if day is None else f"-{day:02d}")


def quarter_value(anchor: dt.date | None, quarter: int, direction: Direction, year: int | None = None) -> str:
    """A quarter named without a year: one not yet begun is last year's unless the clause looks
    ahead; looking ahead, only a quarter that ended before the last one is next year's (results
    "will be reported for the third quarter" in October are this year's), and the last one is the
    one just ended across the year's turn too ("expects a fourth-quarter loss" in January is last
    year's fourth quarter, whose results are still to come)."""
    if year is None and anchor is not None:
        current = quarter_of(anchor)
        year = anchor.year
        if direction != "future" and quarter > current:
            year -= 1
        elif direction == "future" and quarter < current - 1:
            year += 1
        elif direction == "future" and current == 1 and quarter == 4:
            year -= 1
    return f"{'XXXX' if year is None else f'{year:04d}'}-Q{quarter}"


def half_value(anchor: dt.date | None, half: int, direction: Direction, year: int | None = None) -> str:
    """A half year named without a year: one not yet begun is last year's unless the clause looks
    ahead; looking ahead, one over for more than ``TENSE_TOLERANCE`` months is next year's ("sales
    will recover in the first half" said in November), one just over is this year's ("first-half
    results will be out next week" said in July)."""
    if year is None and anchor is not None:
        current = 1 if anchor.month <= 6 else 2
        year = anchor.year
        if direction != "future" and half > current:
            year -= 1
        elif direction == "future" and anchor.month - 6 * half > TENSE_TOLERANCE:
            year += 1
    return f"{'XXXX' if year is None else f'{year:04d}'}-H{half}"


def season_value(anchor: dt.date | None, season: str, direction: Direction, offset_years: int = 0) -> str:
    if anchor is None:
        return f"XXXX-{season}"
    start_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[season]
    year = year_for(anchor, (start_month,), direction) or anchor.year
    if direction == "past" and start_month > anchor.month:
        year = anchor.year - 1  # a season that has not begun cannot be told in the past tense
    elif direction == "future" and start_month + 2 < anchor.month:
        year = anchor.year + 1  # nor one that is over in the future tense
    return f"{year + offset_years:04d}-{season}"


# units TimeML writes as multiples of another: decades and centuries in years, quarters in months
MULTIPLE_UNITS = {"E": (10, "Y"), "C": (100, "Y"), "L": (1000, "Y"), "Q": (3, "M"), "2W": (2, "W")}
# a fraction of a unit written in the next smaller one: (unit, is time) -> (factor, smaller unit, is time)
SMALLER_UNITS = {("Y", False): (12, "M", False), ("W", False): (7, "D", False), ("D", False): (24, "H", True),
                 ("H", True): (60, "M", True), ("M", True): (60, "S", True)}


def duration_value(amount: float | str | None, letter: str, is_time: bool) -> str:
    """"P2W", "PT3H", "PXY"; decades in years ("P20Y"), fractions in the smaller unit ("P2Y6M", "PT5H30M")."""
    if letter == "WE":
        return f"P{_count(amount)}WE"
    if letter in MULTIPLE_UNITS:
        factor, letter = MULTIPLE_UNITS[letter]
        amount = amount * factor if isinstance(amount, float) else amount
    if isinstance(amount, float) and not amount.is_integer() and (letter, is_time) in SMALLER_UNITS:
        factor, smaller, smaller_is_time = SMALLER_UNITS[(letter, is_time)]
        rest = round((amount - int(amount)) * factor, 6)
        if rest.is_integer():
            whole = _part(int(amount), letter, is_time)
            return "P" + _join(whole, _part(int(rest), smaller, smaller_is_time))
    return "P" + _part(_count(amount), letter, is_time)


def joined_durations(larger: str, smaller: str) -> str:
    """"PT8H" and "PT20M" -> "PT8H20M", "P1D" and "PT2H" -> "P1DT2H": one amount told in two units."""
    return "P" + _join(larger[1:], smaller[1:])


def _count(amount: float | str | None) -> str:
    if amount is None or isinstance(amount, str):
        return "X"
    return str(int(amount)) if float(amount).is_integer() else f"{amount:g}"


def _part(count: int | str, letter: str, is_time: bool) -> str:
    """One component of a duration ("2Y", "T30M"); empty for a zero count."""
    if count in (0, "0"):
        return ""
    return ("T" if is_time else "") + f"{count}{letter}"


def _join(date_part: str, time_part: str) -> str:
    """"2Y" + "6M" -> "2Y6M"; "T5H" + "T30M" -> "T5H30M" (one T only)."""
    if date_part.startswith("T") and time_part.startswith("T"):
        time_part = time_part[1:]
    return (date_part + time_part) or "0D"


def parse_absolute(text: str) -> dt.date | None:
    """An absolute date string ("March 26, 1996", "26 March 1996", "1996-03-26") via dateutil."""
    try:
        return date_parser.parse(text, default=dt.datetime(1, 1, 1)).date()
    except (ValueError, OverflowError):
        return None
