"""The normaliser: one function per recogniser rule, turning a match into (type, value, mod).

Deictic expressions ("yesterday", "last week", "two years ago") are resolved against the anchor
(publication date); anaphoric ones ("a year earlier", "the same quarter", "year-earlier") against
the last date the article mentioned, falling back to the anchor. Bare names ("Wednesday", "June",
"the third quarter") take their direction from the tense of the clause.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from dateutil.easter import easter

from . import normalise as cal
from .lexicon import (AMOUNT_MODIFIERS, DAY_ORDINALS, DECADE_WORDS, EASTER_FEASTS, HOLIDAYS, MONTHS,
                      MOVABLE_FEASTS, ORDINALS, PARTS_OF_DAY, POINT_MODIFIERS, REFERENCE_WORDS, SEASONS, SET_ADVERBS,
                      THANKSGIVING_FEASTS, UNITS, WEEKDAY_FEASTS, WEEKDAYS, number_value, spelled_year_value)
from .normalise import Direction

Result = tuple[str, str, str | None]  # type, value, mod
# rules for a day of the story the text leaves undated ("one winter night", "on a Tuesday"): the days told after
# them are counted from a day of no known date ("The next day" is XXXX-XX-XX), not from the last date named before
UNDATED_POINT_RULES = frozenset({"indefinite_part", "weekday"})
UNKNOWN_DAY = "XXXX-XX-XX"
# rules whose value is computed from the discourse reference: they must not become the reference
ANAPHORIC_RULES = frozenset({"ago", "named_quarter", "year_ago_adjective", "anaphoric_unit", "anaphoric_part",
                             "same_period"})


@dataclass(slots=True)
class Context:
    """What a resolver may look at besides its match: the anchor, the clause tense (computed only
    when asked) and the discourse reference (last resolved date of the article)."""

    anchor: dt.date | None
    tense: Callable[[], Direction]
    reference: str | None = None
    reported_quarter: str | None = None
    sentence: Callable[[], str] = lambda: ""
    marked: Callable[[], Direction] = lambda: None
    clause: Callable[[], str] = lambda: ""
    last_date: str | None = None  # the value of the last DATE found before the expression, of any rule
    quarter_in_sentence: Callable[[], str | None] = lambda: None  # the last quarter named before it in its sentence
    _direction: Direction = field(default=None)
    _known: bool = False

    def direction(self) -> Direction:
        if not self._known:
            self._direction, self._known = self.tense(), True
        return self._direction

    def firm(self) -> bool:
        """Whether the direction is marked on the verb the expression dates ("rose in March"), not
        borrowed from the clause around it ("said ... to respond by Oct. 31")."""
        return self.direction() in ("past", "future") and self.marked() == self.direction()


def resolve(rule: str, groups: dict[str, str | None], context: Context) -> Result | None:
    return RESOLVERS[rule](_Groups(groups), context)


class _Groups(dict):
    """Lower-cased, whitespace-collapsed group values; missing groups read as ''."""

    def __init__(self, groups: dict[str, str | None]):
        super().__init__({k: re.sub(r"\s+", " ", v).lower() for k, v in groups.items() if v})

    def __missing__(self, key: str) -> str:
        return ""


# ------------------------------------------------------------------ helpers

def _point_mod(word: str) -> str | None:
    return POINT_MODIFIERS.get(word.rstrip("-")) if word else None


def _amount_mod(word: str) -> str | None:
    return AMOUNT_MODIFIERS.get(word) if word else None


def _day_number(word: str) -> int:
    """"6", "6th" or "sixth" -> 6."""
    return DAY_ORDINALS.get(word) or int(re.sub(r"\D", "", word))


def _year_of(word: str) -> int:
    year = int(word)
    return year + (1900 if year >= 50 else 2000) if len(word) == 2 else year


def _clock(word: str, part: str = "") -> str:
    """"7:15 p.m." -> "T19:15", "noon" -> "T12:00"; "8 in the evening" -> "T20:00" (``part`` is
    the part-of-day phrase after the clock, which stands in for "p.m.")."""
    if word in PARTS_OF_DAY:  # "noon" is T12:00, "mid-afternoon" TAF
        part_value = PARTS_OF_DAY[word]
        return part_value if part_value.startswith("T") else "T" + part_value
    digits = re.findall(r"\d+", word)
    if len(digits[0]) == 4:  # "0735 GMT"
        digits = [digits[0][:2], digits[0][2:]]
    hour, minute = int(digits[0]), int(digits[1]) if len(digits) > 1 else 0
    evening = re.search(r"afternoon|evening|night|tonight", part) and not re.search(r"[ap]\.?m", word)
    if (re.search(r"p\.?m", word) or evening) and hour < 12:
        hour += 12
    if re.search(r"a\.?m", word) and hour == 12:
        hour = 0
    return f"T{hour:02d}:{minute:02d}"


def _day_of_word(word: str, context: Context, year: str = "") -> str:
    """The date of "today"/"yesterday"/"Friday"/"March 3" (of ``year`` when one is written) in a clock
    phrase; anchor when absent."""
    if not word or word == "today" or word == "tonight":
        return cal.day_value(context.anchor) if context.anchor else "XXXX-XX-XX"
    if word in ("yesterday", "tomorrow"):
        return cal.relative_value(context.anchor, "day", -1 if word == "yesterday" else 1)
    if word in WEEKDAYS:
        return cal.weekday_value(context.anchor, WEEKDAYS[word], context.direction())
    month, _, day = word.partition(" ")
    return cal.month_value(context.anchor, MONTHS[month], None if year else context.direction(), _day_number(day),
                           int(year) if year else None, context.firm())


def _date_from(value: str | None) -> dt.date | None:
    """A concrete date standing for a value ("1989-Q3" -> 1989-07-01), for anaphoric shifts."""
    if not value:
        return None
    match = re.match(r"(\d{4})(?:-(?:(\d{2})(?:-(\d{2}))?|Q(\d)|W(\d{2})))?$", value)
    if not match:
        return None
    year, month, day, quarter, week = match.groups()
    if week:
        return dt.date.fromisocalendar(int(year), int(week), 1)
    if quarter:
        return dt.date(int(year), 3 * int(quarter) - 2, 1)
    return dt.date(int(year), int(month or 1), int(day or 1))


def _granularity(value: str | None) -> str:
    if value and re.match(r"\d{4}-Q\d$", value):
        return "quarter"
    return ""


# ------------------------------------------------------------------ absolute dates

def _iso_datetime(g, context):
    if g["clock"]:
        return "TIME", f"{g['date']}T{g['clock'][:5]}", None
    return "DATE", g["date"], None


def _numeric_date(g, context):
    return "DATE", f"{_year_of(g['year']):04d}-{int(g['month']):02d}-{int(g['day']):02d}", None


def _clock_on_day(g, context):
    part = (g["part"] or g["day_part"] or "").lower()
    day = "yesterday" if part.startswith(("last", "yesterday")) else g["day"]  # "at 11pm last night"
    value = _day_of_word(day, context, g["day_year"]) + _clock(g["clock"], part or g["day"])
    return "TIME", value, "APPROX" if g["mod"] in ("around", "about", "approximately") else None


def _weekday_date(g, context):
    """"Friday, March 6" or, British style, "Friday 6 March" (2026)."""
    month, day = MONTHS[g["month"] or g["month_after"]], _day_number(g["day"] or g["day_first"])
    year = int(g["year"]) if g["year"] else _year_matching_weekday(context.anchor, month, day, WEEKDAYS[g["weekday"]],
                                                                  context.direction())
    return "DATE", cal.month_value(context.anchor, month, context.direction(), day, year), None


def _year_matching_weekday(anchor: dt.date | None, month: int, day: int, weekday: int,
                           direction: Direction) -> int | None:
    """"Friday, March 6" without a year: the year nearest the anchor in which that date is a Friday;
    a report may recall a day some years back ("on Monday, August 3" in 2018 is 2015), so the next
    year is tried first only when the clause looks ahead."""
    if anchor is None:
        return None
    back = [anchor.year - step for step in range(1, 7)]
    ahead = [anchor.year + 1]
    for year in [anchor.year, *(ahead + back if direction == "future" else back + ahead)]:
        try:
            if dt.date(year, month, day).isoweekday() == weekday:
                return year
        except ValueError:
            continue
    return None


def _full_date(g, context):
    try:
        day = dt.date(int(g["year"]), MONTHS[g["month"]], _day_number(g["day"]))
    except ValueError:
        return None
    return "DATE", cal.day_value(day), _point_mod(g["mod"])


def _week_of(g, context):
    """"the week of March 6": the (ISO) week that contains the date."""
    found = _month_day(g, context) if not g["year"] else _full_date(g, context)
    if found is None or not found[1][:4].isdigit():
        return "DATE", "XXXX-WXX", None
    return "DATE", cal.week_value(dt.date.fromisoformat(found[1])), None


def _month_day(g, context):
    """"March 3" by the tense; "March 3 last year" in the year named."""
    day = _day_number(g["day"])
    if day > 31:
        return None
    year = context.anchor.year + _YEAR_STEPS[g["rel"]] if g["rel"] and context.anchor else None
    direction = None if g["rel"] else context.direction()
    return "DATE", cal.month_value(context.anchor, MONTHS[g["month"]], direction, day, year, context.firm()), \
        _point_mod(g["mod"])


def _ordinal_day(g, context):
    """"on the 12th": the latest 12th on or before the anchor, or in a clause that looks ahead the
    first one on or after it (a bare weekday's rule, a month wide); a month without that day is skipped."""
    day = int(g["day"])
    anchor = context.anchor
    if anchor is None:
        return "DATE", f"XXXX-XX-{day:02d}", None
    way = 1 if context.direction() == "future" else -1
    step = 0 if (day - anchor.day) * way >= 0 else way
    month = cal.relative_value(anchor, "month", step)
    if day > calendar.monthrange(int(month[:4]), int(month[5:7]))[1]:  # "the 31st" said in March: January's
        month = cal.relative_value(anchor, "month", step + way)
    return "DATE", f"{month}-{day:02d}", None


def _said_year(g) -> int | None:
    """The year of a match written in figures ("1994") or words ("nineteen ninety-four")."""
    return int(g["year"]) if g["year"] else spelled_year_value(g["spelled"])


def _month_year(g, context):
    mod = _point_mod(g["mod"]) or ("MID" if "mid" in (g["mid"] or "") else None)
    year = _said_year(g)
    return None if year is None else ("DATE", f"{year:04d}-{MONTHS[g['month']]:02d}", mod)


_YEAR_STEPS = {"this": 0, "last": -1, "next": 1}


def _month_relative_year(g, context):
    year = context.anchor.year + _YEAR_STEPS[g["rel"]] if context.anchor else None
    return "DATE", cal.month_value(context.anchor, MONTHS[g["month"]], None, year=year), _point_mod(g["mod"])


def _relative_month(g, context):
    month = MONTHS[g["month"]]
    mod = _point_mod(g["mod"]) or ("MID" if g["mid"] else None)
    anchor, rel = context.anchor, g["rel"]
    if g["day"]:  # "last December 17": the day in the month "last December" names
        found = _relative_month(_Groups({"month": g["month"], "rel": rel}), context)
        return None if _day_number(g["day"]) > 31 else ("DATE", f"{found[1]}-{_day_number(g['day']):02d}", mod)
    if rel == "that" and _reference_year(context) is not None:
        return "DATE", f"{_reference_year(context):04d}-{month:02d}", mod  # "that December": of the year told
    if anchor is None or rel in ("", "that"):
        return "DATE", cal.month_value(anchor, month, context.direction(), firm=context.firm()), mod
    if rel in ("last", "past"):
        # the month just gone would be "last month": "last February" said in March is a year back
        year = anchor.year if month < anchor.month - 1 else anchor.year - 1
    elif rel in ("next", "coming"):
        year = anchor.year if month > anchor.month else anchor.year + 1
    else:
        year = anchor.year
    return "DATE", f"{year:04d}-{month:02d}", mod


def _delivery_month(g, context):
    """A futures contract is named by its delivery month, which lies ahead while the contract trades: "March
    futures" traded in November are next March's, "gold for December delivery" this December's."""
    month = MONTHS[g["month"]]
    if context.anchor is None:
        return "DATE", f"XXXX-{month:02d}", None
    return "DATE", f"{context.anchor.year + (month < context.anchor.month):04d}-{month:02d}", None


def _reference_year(context: Context) -> int | None:
    """The year of the last date the article named ("in 1998 ... that December")."""
    reference = context.reference
    return int(reference[:4]) if reference and reference[:4].isdigit() else None


def _decade(g, context):
    """"the 1990s" (199), "the '80s"; "the 1800s" is a century (18), though "the 2000s" is mostly the decade."""
    digits = re.sub(r"\D", "", g["decade"])
    value = digits[:3] if len(digits) == 4 else "19" + digits[0]
    if len(digits) == 4 and digits.endswith("00") and digits != "2000":
        value = digits[:2]
    return "DATE", value, _point_mod(g["mod"])


def _decade_word(g, context):
    return "DATE", DECADE_WORDS[g["word"]], _point_mod(g["mod"])


def _spelled_year(g, context):
    year = spelled_year_value(g["words"])
    return None if year is None else ("DATE", f"{year:04d}", None)


def _century(g, context):
    ordinal = g["ordinal"]
    number = ORDINALS.get(ordinal) or int(re.sub(r"\D", "", ordinal) or 0)
    if number <= 0:
        return None
    return "DATE", f"{'BC' if g['bc'] else ''}{number - 1:02d}", _point_mod(g["mod"])


def _bc_year(g, context):
    """"221 B.C." is BC0221 (TimeML's years before the era: "BC" and four digits)."""
    year = int(g["year"].replace(",", ""))
    return None if year <= 0 else ("DATE", cal.bc_year_value(year), None)


def _season_year(g, context):
    year = _said_year(g)
    return None if year is None else ("DATE", f"{year:04d}-{SEASONS[g['season']]}", _point_mod(g["mod"] or g["mod2"]))


def _relative_season(g, context):
    season, anchor, rel = SEASONS[g["season"]], context.anchor, g["rel"]
    mod = _point_mod(g["mod"] or g["mod2"])
    if rel == "that":  # "that summer": of the year the article last named
        year = _reference_year(context)
        return "DATE", f"{'XXXX' if year is None else f'{year:04d}'}-{season}", mod
    if anchor is None or rel == "the":
        return "DATE", cal.season_value(anchor, season, context.direction()), mod
    if rel == "this":
        return "DATE", f"{anchor.year:04d}-{season}", mod
    start = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[season]
    if rel in ("last", "past"):
        year = anchor.year if start + 3 <= anchor.month else anchor.year - 1
    else:
        year = anchor.year if start > anchor.month else anchor.year + 1
    return "DATE", f"{year:04d}-{season}", mod


def _quarter(g, context):
    ordinal = g["ordinal"]
    periods = 2 if g["period"] == "half" else 4
    number = periods if ordinal in ("final", "last") else ORDINALS.get(ordinal) or int(ordinal[0])
    if g["period"] == "half":
        if number > 2:
            return None
        return "DATE", cal.half_value(context.anchor, number, context.direction(), _explicit_year(g, context)), None
    if g["plural"] and not _explicit_year(g, context) and HABITUAL.search(context.clause()):
        return "SET", f"XXXX-Q{number}", None  # "sales usually peak in the fourth quarters": of every year
    year = _explicit_year(g, context) or _end_year(g, context) or _fiscal_quarter_ahead_year(g, context)
    value = cal.quarter_value(context.anchor, number, context.direction(), year)
    if g["ago"] and value[:4].isdigit():
        value = f"{int(value[:4]) - 1:04d}{value[4:]}"
    return "DATE", value, None


# a clause that tells what happens as a rule: a plural period in it is every such period (TimeML SET), not dated ones
HABITUAL = re.compile(r"\b(?:usually|typically|normally|generally|traditionally|customarily|tends?\s+to|"
                       r"as\s+a\s+rule)\b", re.I)


def _month_quarter(g, context):
    """"the December quarter": the calendar quarter that holds the month; "the July-September
    quarter" the one its first month opens. "the January-September period", months that are no calendar
    quarter, is a stretch of that many months: TimeML values a period the text bounds but does not name as
    a calendar unit by its length, as the TBAQ gold writes "the first nine months" (P9M)."""
    first, last = MONTHS[g["first"] or g["from"] or g["month"]], MONTHS[g["month"]]
    if g["period"] and not (first % 3 == 1 and last == first + 2):
        return "DURATION", f"P{last - first + 1}M", None
    quarter = (first - 1) // 3 + 1
    return "DATE", cal.quarter_value(context.anchor, quarter, context.direction(), int(g["year"]) if g["year"] else None), None


def _quarter_code(g, context):
    """"Q3", "H1 2024": the business shorthand read as "the third quarter", "the first half (of 2024)"."""
    code = g["code"]
    return _quarter(_Groups({"ordinal": code[1], "period": "quarter" if code[0] == "q" else "half",
                             "year": g["year"] or None}), context)


_YEAR_OFFSETS = {"this year": 0, "the year": 0, "the current year": 0, "last year": -1, "next year": 1}


def _explicit_year(g, context) -> int | None:
    """The year a quarter or half is given with: "2025", "last year's", "of this year", "in 2025"; "the first
    half of the year" is deictic like "this year" (the year of the report)."""
    if g["year"] or g["in_year"]:
        return int(g["year"] or g["in_year"])
    owner = g["owner"] or (g["rel"] + " year" if g["rel"] else "")
    if re.fullmatch(r"\d{4}", owner):
        return int(owner)
    if owner and context.anchor:
        return context.anchor.year + _YEAR_OFFSETS[owner]
    return None


def _end_date(g, context) -> dt.date | None:
    """The day a period "ended Sept. 30" or "ending in March" (a month alone: its last day). Without a
    year, a period that "ended" did so by the anchor; one "ending" (or that "ends") is the nearest such
    period, unless the clause looks back ("net rose in the quarter ending Sept. 30") or ahead ("will
    report for the quarter ending Dec. 31")."""
    if not g["end_verb"]:
        return None
    month = MONTHS[g["end_month"] or g["end_month_only"]]
    try:
        if g["end_year"]:
            return _day_of_month(int(g["end_year"]), month, g["end_day"])
        anchor = context.anchor
        if anchor is None:
            return None
        before = _day_of_month(anchor.year, month, g["end_day"])
        if before > anchor:
            before = _day_of_month(anchor.year - 1, month, g["end_day"])
        if g["end_verb"] == "ended":
            return before
        after = _day_of_month(before.year + 1, month, g["end_day"]) if before < anchor else before
        direction = context.direction()
        if direction == "past":
            return before
        if direction == "future":
            return after
        return before if anchor - before <= after - anchor else after
    except ValueError:
        return None


def _day_of_month(year: int, month: int, day: str) -> dt.date:
    """The day numbered ``day`` of the month, or its last day when no day is said."""
    return dt.date(year, month, _day_number(day) if day else calendar.monthrange(year, month)[1])


def _fiscal_quarter_ahead_year(g, context) -> int | None:
    """"expects to report a loss for its fiscal first quarter" in October: a fiscal quarter's number says nothing of
    the calendar (a fiscal year may start in any month), so the step to next year that a calendar first quarter
    takes when looked ahead to in October does not apply; the fiscal quarter whose results are told ahead ends within
    months of the report, and TimeML's fiscal quarters carry the year their end date falls in ("the fiscal first
    quarter ended Sept. 30" is 1989-Q1), so the anchor's year."""
    fiscal = g["fiscal"] or g["fiscal_after"]
    return context.anchor.year if fiscal and context.anchor and context.direction() == "future" else None


def _end_year(g, context) -> int | None:
    """"the fiscal first quarter ended Sept. 30": a numbered quarter is of the year its end date falls in."""
    end = _end_date(g, context)
    return end.year if end else None


def _ended_quarter(g, context) -> str | None:
    """"the quarter ended July 31": the calendar quarter holding most of its three months (the middle one)."""
    end = _end_date(g, context)
    return cal.at_granularity(cal.shift(end.replace(day=1), "month", -1), "quarter") if end else None


_PREVIOUS = {"latest", "just-ended", "recent", "past", "last", "previous", "prior"}
_YEAR_AGO = {"year-ago", "year-earlier", "year earlier", "comparable", "prior-year", "year-before"}
# "the previous quarter" beside a reported quarter is the one before it ("net rose 5% from the previous quarter")
_SEQUENTIAL = {"previous", "prior", "preceding"}


def _named_quarter(g, context):
    which, period = g["which"], g["period"]
    if period != "quarter" and not which:
        return None
    if not which and not g["the"]:
        return None
    if period == "half":
        return None
    anchor_quarter = cal.at_granularity(context.anchor, "quarter") if context.anchor else "XXXX-QX"
    previous = cal.relative_value(context.anchor, "quarter", -1)
    reported = context.reported_quarter
    if re.fullmatch(r"\d{4}", which):
        # "the 1988 quarter" / "the 1988 period" beside a reported quarter: that quarter of 1988; a period
        # without one, or beside "the nine months", is the year ("the 2007-2011 period")
        quarter = _quarter_reference(context) or (previous if period == "quarter" else None)
        return "DATE", f"{which}-{quarter[-2:]}" if quarter and quarter[-2] == "Q" else which, None
    if which == "current":
        return "DATE", anchor_quarter, None
    if which in _YEAR_AGO:
        base = _date_from(_quarter_in_focus(context) or reported or previous)
        return "DATE", cal.relative_value(base, "quarter", -4), None
    if which == "same":  # "during the same period": the quarter just named, else no date of its own
        if _granularity(context.reference) == "quarter":
            return "DATE", context.reference, None
        return ("DATE", reported, None) if reported and period == "quarter" else None
    if which == "fiscal" and period != "quarter":
        return None
    ended = _ended_quarter(g, context)
    if ended:
        return "DATE", ended, None
    if which in _SEQUENTIAL and period == "quarter" and reported and reported[:4].isdigit():
        return "DATE", cal.relative_value(_date_from(reported), "quarter", -1), None
    # "the latest period": the quarter the article reports, a fiscal one that ended later than the last
    # calendar quarter included ("the fourth quarter ended Sept. 30"), else the quarter before the anchor
    # (an earlier quarter named is more often a comparison than the report: "after a flat second quarter")
    if reported and reported[:4].isdigit() and previous[:4].isdigit() and reported > previous:
        return "DATE", reported, None
    return "DATE", previous, None


def _same_period(g, context):
    """"the same period last year": the quarter the article reports a year back, else the month, week
    or year of the anchor a year back ("the same period of 2024": that year, or its quarter)."""
    quarter = _quarter_reference(context) if g["period"] in ("period", "quarter") else None
    if g["year"]:
        return "DATE", f"{g['year']}{quarter[4:]}" if quarter else g["year"], None
    if quarter:
        return "DATE", cal.relative_value(_date_from(quarter), "quarter", -4), None
    unit = g["period"] if g["period"] in ("month", "week") else "year"
    # "sales in September rose 7.8% from the same month last year": the month last named, else the anchor's
    named = unit != "year" and context.reference and _unit_of(context.reference) == unit
    base = (_date_from(context.reference) if named else None) or context.anchor
    return "DATE", cal.relative_value(base, unit, -52 if unit == "week" else -12 if unit == "month" else -1), None


def _quarter_reference(context: Context) -> str | None:
    """The quarter a "year ago" compares with: the last one the article reported (an earnings report
    names its quarter once, then compares figures "a year earlier"); a quarter not yet over ("a
    fourth-quarter charge" in November) is no report (``find_timexes`` keeps it out)."""
    if _LONGER_PERIOD.search(context.sentence()) and not _QUARTER_WORD.search(context.sentence()):
        return None  # "40% in the nine months, against 35% a year earlier": the same months a year back
    if _compares_with_a_year_named(context):
        return None
    return _quarter_in_focus(context) or context.reported_quarter


def _quarter_in_focus(context: Context) -> str | None:
    """A quarter its sentence names ahead, not over at the anchor nor the one the article reports ("analysts expect
    fourth-quarter earnings of $1, against $1.20 in the year-earlier quarter"): TimeML anchors an anaphoric
    expression on the time in focus, and a figure forecast for that quarter is what the year-earlier one is set
    against, not the quarter reported."""
    quarter, reported = context.quarter_in_sentence(), context.reported_quarter
    current = cal.at_granularity(context.anchor, "quarter") if context.anchor else None
    ahead = quarter and current and quarter >= current and (reported is None or quarter > reported)
    return quarter if ahead else None


def _compares_with_a_year_named(context: Context) -> bool:
    """"Last year losses totaled $5 million. The year-earlier results included ...", "net was $306 million in the
    nine months, against a loss in the 1988 period. The year-ago results ...": once the text has gone over to the
    whole year before the reported quarter's (the last date named is that year), a "year ago" goes on with it."""
    reported, last = context.reported_quarter, context.last_date
    return bool(reported and last and re.fullmatch(r"\d{4}", last) and reported[:4].isdigit()
                and int(last) == int(reported[:4]) - 1)


_LONGER_PERIOD = re.compile(r"\b(?:(?:six|nine|twelve|12)[\s-]+months?|(?:first|second)\s+half|year[\s-]+to[\s-]+date|"
                            r"fiscal\s+year|full[\s-]+year|for\s+the\s+year|annual|the\s+year\s+(?:ended|ending))\b", re.I)
_QUARTER_WORD = re.compile(r"\b(?:quarter|quarterly|three[\s-]+months?)\b", re.I)


def _year_ago_adjective(g, context):
    reference = _quarter_reference(context)
    if reference:
        return "DATE", cal.relative_value(_date_from(reference), "quarter", -4), None
    return "DATE", cal.relative_value(context.anchor, "year", -1), None


def _year(g, context):
    """"1994", "mid-1994", "early 1994"; "post-1959" and "pre-1990" name the year with the side of it meant."""
    mod = _point_mod(g["mod"]) or ("MID" if g["mid"] else None) or _SIDES.get(g["side"])
    return "DATE", g["year"], mod


_SIDES = {"pre-": "BEFORE", "post-": "AFTER"}


def _fiscal_year(g, context):
    """"fiscal 2025", "FY2025", "FY25": the fiscal year is named by the calendar year it ends in, so
    "fiscal 1996-97", which straddles two, is 1997."""
    year = f"{int(g['year']) + 1:04d}" if g["end"] else g["year"] or g["year_first"]
    return "DATE", year or f"{_year_of(g['short']):04d}", _point_mod(g["mod"])


def _holiday(g, context):
    """"Christmas", "Thanksgiving 2016": a fixed day (Thanksgiving the fourth Thursday of November)
    of the year given, else of the year the tense points to."""
    name = g["name"]
    year = int(g["year"]) if g["year"] else None
    if name.startswith("thanksgiving"):
        year = year or cal.year_for(context.anchor, (11, 22), context.direction(), context.firm())
        if year is None:
            return "DATE", "XXXX-11-XX", None
        return "DATE", cal.day_value(_nth_weekday(year, 11, 3, 4)), None
    if name.startswith("easter") and name not in EASTER_FEASTS:
        year = year or cal.year_for(context.anchor, (4, 1), context.direction(), context.firm())
        return "DATE", "XXXX-XX-XX" if year is None else cal.day_value(easter(year)), None
    if name in MOVABLE_FEASTS:
        return _movable_feast(name, year, context)
    month, day = HOLIDAYS[name]
    return "DATE", cal.month_value(context.anchor, month, context.direction(), day, year, context.firm()), None


def _movable_feast(name: str, year: int | None, context) -> tuple[str, str, None]:
    """"Good Friday", "Black Friday", "Labor Day": a day counted from Easter or Thanksgiving, or the nth weekday of
    its month, in the year given, else the year the tense points to (read at the feast's day in the anchor's year)."""
    if year is None and context.anchor is not None:
        this_year = _feast_day(name, context.anchor.year)
        year = cal.year_for(context.anchor, (this_year.month, this_year.day), context.direction(), context.firm())
    return "DATE", "XXXX-XX-XX" if year is None else cal.day_value(_feast_day(name, year)), None


def _feast_day(name: str, year: int) -> dt.date:
    if name in EASTER_FEASTS:
        return easter(year) + dt.timedelta(days=EASTER_FEASTS[name])
    if name in THANKSGIVING_FEASTS:
        return _nth_weekday(year, 11, 3, 4) + dt.timedelta(days=THANKSGIVING_FEASTS[name])
    return _nth_weekday(year, *WEEKDAY_FEASTS[name])


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The ``n``th ``weekday`` (Monday = 0) of the month; n = -1 is the last one."""
    if n < 0:
        last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def _new_year(g, context):
    """"the New Year": the year whose first day lies nearest the anchor (rung in from late December, "in the new
    year" said in November, "celebrated the New Year" in January)."""
    if context.anchor is None:
        return "DATE", "XXXX", None
    return "DATE", f"{context.anchor.year + (context.anchor.month >= 7):04d}", None


# ------------------------------------------------------------------ relative dates

_BACKWARD = {"ago", "earlier", "before", "back"}
_ANAPHORIC = {"earlier", "before", "later", "after"}


def _ago(g, context):
    unit = _unit_name(g["unit"])
    amount = number_value(g["number"])
    backward = g["dir"] in _BACKWARD
    mod = _amount_mod(g["mod"])
    if not isinstance(amount, float):
        return "DATE", "PAST_REF" if backward else "FUTURE_REF", mod
    if g["day"] and unit in cal.GRANULAR_UNITS and amount.is_integer() and context.anchor is not None:
        day = context.anchor - dt.timedelta(days=g["day"] == "yesterday")
        granularity = g["day"].split()[-1] if g["day"].startswith("this") else "day"
        return "DATE", cal.at_granularity(cal.shift(day, unit, -int(amount)), granularity), mod
    base, granularity = context.anchor, unit
    if g["dir"] in _ANAPHORIC and context.reference and not _coarser_than(context.reference, unit):
        base = _date_from(context.reference) or context.anchor
    if unit == "year" and amount == 1.0 and _quarter_reference(context):
        # in earnings reports "a year ago/earlier" is the same quarter of the year before
        base, granularity = _date_from(_quarter_reference(context)), "quarter"
    if unit in ("hour", "minute", "second"):
        granularity, amount, unit = "day", 0.0, "day"
    unit, amount = _IN_WHOLE_UNITS.get(unit, (unit, 1))[0], amount * _IN_WHOLE_UNITS.get(unit, (unit, 1))[1]
    if not amount.is_integer() and unit in _SMALLER:  # "two and a half years ago": 30 months back
        unit, amount = _SMALLER[unit][0], amount * _SMALLER[unit][1]
    steps = int(round(amount)) * (-1 if backward else 1)
    if unit == "year" and base is not None and base.year + steps < 1:
        return "DATE", cal.bc_year_value(-(base.year + steps)), mod  # "2,500 years ago": before the era
    return "DATE", cal.relative_value(base, unit if unit in cal.GRANULAR_UNITS else "year", steps) \
        if granularity != "quarter" else cal.relative_value(base, "quarter", 4 * steps), mod


def _coarser_than(reference: str, unit: str) -> bool:
    """"turnover rose from ... a day earlier" after "in February": a step of days from a month it does not place
    is no date, so such a step counts from the anchor, as most "a day earlier" of news do."""
    return unit in _UNIT_ORDER and _UNIT_ORDER.index(_unit_of(reference)) > _UNIT_ORDER.index(unit)


# units counted in another ("a fortnight ago" is two weeks back), and the next smaller unit a
# fraction is counted in ("half a century ago" is fifty years back)
_IN_WHOLE_UNITS = {"fortnight": ("week", 2)}
_SMALLER = {"century": ("year", 100), "decade": ("year", 10), "year": ("month", 12), "month": ("day", 30),
            "week": ("day", 7)}


def _plural_ago(g, context):
    return "DATE", "PAST_REF" if g["dir"] in _BACKWARD else "FUTURE_REF", None


def _unit_name(word: str) -> str:
    word = word.lower()
    if word.startswith("centur"):
        return "century"
    return word[:-1] if word.endswith("s") and word[:-1] in UNITS else word


_DAY_OFFSETS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
                "the day after tomorrow": 2}


def _day_relative(g, context):
    day = cal.relative_value(context.anchor, "day", _DAY_OFFSETS[g["day"]])
    mod = _point_mod(g["mod"])
    if g["day"] == "tonight":
        return "TIME", day + "TNI", mod
    if g["part"]:
        return "TIME", day + "T" + PARTS_OF_DAY[g["part"]], mod
    return "DATE", day, mod


def _part_of_day(g, context):
    offset = {"last": -1, "yesterday": -1, "tomorrow": 1}.get(g["rel"], 0)
    if g["rel"] == "last" and g["part"] not in ("night", "overnight"):
        return None
    day = cal.relative_value(context.anchor, "day", offset)
    return "TIME", day + "T" + PARTS_OF_DAY[g["part"]], _point_mod(g["mod"])


def _part_then_day(g, context):
    """"mid-afternoon yesterday", "late evening Friday": the part of day named before its day."""
    return "TIME", _day_of_word(g["day"], context) + "T" + PARTS_OF_DAY[g["part"]], _point_mod(g["mod"])


def _weekday(g, context):
    word, rel = g["weekday"], g["rel"]
    weekday = WEEKDAYS[word]
    part = g["part"] or g["shared_part"]
    suffix = "T" + PARTS_OF_DAY[part] if part else ""
    # "Sundays", "Sunday mornings", "Monday (and Tuesday) nights": every one
    if (word.endswith("s") or g["every"] or g["shared_part"]) and not rel:
        return "SET", f"XXXX-WXX-{weekday}{suffix}", None
    if g["indefinite"] and not rel:
        # "born on a Tuesday", "driving in on a Friday afternoon in 1995": TIMEX2/TIDES and TimeML leave unknown
        # what the text does not fix, so the week and year stay X (TIDES' "a Tuesday" is XXXX-WXX-2)
        return ("TIME" if suffix else "DATE"), f"XXXX-WXX-{weekday}{suffix}", _point_mod(g["mod"])
    if rel in ("last", "past", "previous"):
        value = cal.last_named_weekday(context.anchor, weekday, -1)
    elif rel in ("next", "coming"):
        value = cal.last_named_weekday(context.anchor, weekday, 1)
    else:
        direction = "future" if rel == "this" else context.direction()
        value = cal.weekday_value(context.anchor, weekday, direction)
    return ("TIME" if suffix else "DATE"), value + suffix, _point_mod(g["mod"])


def _weekday_of_week(g, context):
    """"Tuesday next week": that day of the week named."""
    weekday = WEEKDAYS[g["weekday"]]
    if context.anchor is None:
        return "DATE", f"XXXX-WXX-{weekday}", None
    week = context.anchor + dt.timedelta(weeks=_UNIT_OFFSETS[g["rel"]])
    return "DATE", cal.day_value(week + dt.timedelta(days=weekday - week.isoweekday())), None


_ANAPHORIC_STEPS = {"that": 0, "that same": 0, "the same": 0, "the following": 1, "the next": 1, "the previous": -1,
                    "the preceding": -1, "the prior": -1}
_SEQUENCE_STEPS = {"before": -1, "earlier": -1, "after": 1, "later": 1}
_UNIT_ORDER = ("day", "week", "month", "quarter", "year")


def _anaphoric_unit(g, context):
    """"that year", "the following month", "the previous year", "the day before": a step from the last
    date the article mentioned (or, for a step, the anchor when none was); when that date is coarser
    than the unit ("that day" after "in 1998") only what it fixes is known."""
    unit = g["unit"] or g["unit3"] or "day"
    step = _ANAPHORIC_STEPS[g["rel"] or g["rel2"]] if not g["rel3"] else _SEQUENCE_STEPS[g["rel3"]]
    mod = _point_mod(g["mod"])
    if context.reference == UNKNOWN_DAY:
        return "DATE", cal.underspecified(unit), mod
    base, known = _date_from(context.reference), _unit_of(context.reference)
    if base is None and step != 0 and context.anchor is not None:
        base, known = context.anchor, "day"  # "the previous year" with no date before it: from now
    if base is None or _UNIT_ORDER.index(known) > _UNIT_ORDER.index(unit):
        return "DATE", _known_part(context.reference if base is not None and step == 0 else None, known, unit), mod
    return "DATE", cal.relative_value(base, unit, step), mod


def _anaphoric_part(g, context):
    """"the next morning", "that night": a part of the day the article last dated (the anchor when
    it dated none); after a coarser date ("in October 1998 ... that night") only what it fixes."""
    step = _ANAPHORIC_STEPS[g["rel"]]
    part = "T" + PARTS_OF_DAY[g["part"]]
    if context.reference == UNKNOWN_DAY:
        return "TIME", UNKNOWN_DAY + part, _point_mod(g["mod"])
    known, base = _unit_of(context.reference), _date_from(context.reference)
    if base is None:
        base = context.anchor
    elif known != "day":
        return "TIME", _known_part(context.reference if step == 0 else None, known, "day") + part, _point_mod(g["mod"])
    return "TIME", cal.relative_value(base, "day", step) + part, _point_mod(g["mod"])


def _known_part(reference: str | None, known: str, unit: str) -> str:
    """A date of ``unit`` precision that lies in ``reference`` (of the coarser ``known``
    precision): what the reference fixes, X for the rest ("that same day" after "in October
    1998" is 1998-10-XX)."""
    blank = cal.underspecified(unit)
    if reference is None:
        return blank
    if known == "month" and unit == "day":
        return reference[:7] + blank[7:]
    return reference[:4] + blank[4:]


def _unit_of(value: str | None) -> str:
    """The granularity of a date value: "1998" year, "1998-Q3" quarter, "1998-W05" week ..."""
    if not value:
        return "year"
    if "-Q" in value:
        return "quarter"
    if "-W" in value:
        return "week"
    return {4: "year", 7: "month"}.get(len(value), "day")


_UNIT_OFFSETS = {"this": 0, "current": 0, "the current": 0, "the": 0, "the full": 0, "the same": 0, "last": -1, "past": -1,
                 "previous": -1, "the past": -1, "the previous": -1, "the last": -1, "the latest": -1, "next": 1, "coming": 1,
                 "the coming": 1, "the next": 1}


def _relative_unit(g, context):
    unit, rel = g["unit"].replace("fiscal ", ""), g["rel"]
    if g["placed"] and rel == "the":
        return "DATE", _unit_placed_by_event(unit, context.anchor), _point_mod(g["mod"])
    if unit == "quarter":
        if rel == "the":  # "(by) the end of the quarter": the reported one, else the current one or, told in the past, the last
            if context.reported_quarter or context.direction() == "past":
                found = _named_quarter(_Groups({"the": "the", "period": "quarter"}), context)
                return found and (found[0], found[1], _point_mod(g["mod"]))
            return "DATE", cal.at_granularity(context.anchor, "quarter"), _point_mod(g["mod"])
        # "the last quarter" in a report is the one before this (a date), not three months back
        return "DATE", cal.relative_value(context.anchor, "quarter", _UNIT_OFFSETS[rel]), _point_mod(g["mod"])
    # "the year ended June 30" lasts a year, and "over the past decade" ten years up to now; "over the
    # past year", "the next month" are the calendar unit holding most of that stretch (the middle of the
    # year before a March anchor is in last year; of the week before a Friday, in this week); a calendar
    # decade, "199", would not be the ten years meant
    stretch = unit in ("decade", "century") and rel in ("the past", "the last", "the next", "the coming")
    if rel in _STRETCH_WAYS and not stretch and unit in _HALF_UNIT and context.anchor is not None:
        middle = context.anchor + _STRETCH_WAYS[rel] * _HALF_UNIT[unit]
        return "DATE", cal.at_granularity(middle, "week" if unit == "weekend" else unit), _point_mod(g["mod"])
    ended = g["ended"] and rel == "the"  # "the year ended June 30", not "last year ended up in Greece"
    if (ended or stretch) and not g["mod"]:
        letter, _ = UNITS[unit]
        return "DURATION", cal.duration_value(1.0, letter, False), None
    in_focus = _unit_in_focus(context.reference, unit) if rel == "the" and (g["mod"] or "").lower() in (
        "earlier", "later") else None
    if in_focus:
        return "DATE", in_focus, _point_mod(g["mod"])
    if unit == "weekend" and rel == "this" and context.anchor is not None:
        return "DATE", _this_weekend(context.anchor, context.direction()), _point_mod(g["mod"])
    if unit == "weekend" and _UNIT_OFFSETS[rel] == 0:
        saturday = cal.weekday_value(context.anchor, 6, context.direction())
        value = saturday[:10] if context.anchor is None else cal.week_value(dt.date.fromisoformat(saturday)) + "-WE"
        return "DATE", value if context.anchor else "XXXX-WXX-WE", _point_mod(g["mod"])
    if unit == "year" and rel == "last" and _is_quarter_figure_of_last_year(context):
        quarter = _quarter_reference(context)
        return "DATE", cal.relative_value(_date_from(quarter), "quarter", -4), _point_mod(g["mod"])
    value = cal.relative_value(context.anchor, unit, _UNIT_OFFSETS[rel])
    return "DATE", value, _point_mod(g["mod"])


def _unit_in_focus(reference: str | None, unit: str) -> str | None:
    """"will launch in June. A second launch later in the year", "a February launch after an announcement earlier
    in the month": "the year" after "earlier / later in" is anaphoric (TimeML values it by the time in focus), the
    unit holding the last date the article named, when that date fixes the unit (a day fixes its week, a day or
    month its year, a year no month); None when no date does (then the anchor's unit, as before)."""
    if reference is None or reference == UNKNOWN_DAY or unit not in _UNIT_ORDER:
        return None
    base, known = _date_from(reference), _unit_of(reference)
    if base is None or _UNIT_ORDER.index(known) > _UNIT_ORDER.index(unit) or (known == "week" and unit != "week"):
        return None  # a week may straddle two months
    return cal.at_granularity(base, unit)


def _is_quarter_figure_of_last_year(context: Context) -> bool:
    """"earned $24 million, compared with a loss of $3 million last year", "sales rose 13% from last year's $1.55
    billion": in a report of a quarter, a figure of "last year" set against the quarter's is that quarter a year back,
    as "a year ago" is; not in a sentence that names a year ("1989 profit ... up from 634 million francs last
    year") or a longer period ("in the nine months"), nor "last year" with a verb of its own ("the 16 cents a share
    it reported last year")."""
    sentence = context.sentence()
    return bool(_FIGURE_OF_LAST_YEAR.search(sentence)) and not _YEAR_IN_TEXT.search(sentence) \
        and _quarter_reference(context) is not None


_FIGURE_OF_LAST_YEAR = re.compile(r"(?:\d|\b(?:million|billion|cents?|share|pence|francs|marks|yen))\s*,?\s+last\s+year\b"
                                  r"|\bfrom\s+last\s+year['’]s\s+(?:[$#£€]|[A-Z]{1,2}\$)", re.I)
_YEAR_IN_TEXT = re.compile(r"\b(?:19|20)\d\d\b")


def _unit_placed_by_event(unit: str, anchor: dt.date | None) -> str:
    """"the week following the crash", "the month before the vote": a unit the text places only by an event, so
    which one is not said (TimeML leaves it unspecified, "1989-WXX" as TBAQ writes it, of the year the article
    tells of); it is not the current one that "the week" alone would be."""
    blank = cal.underspecified(unit)
    return f"{anchor.year:04d}{blank[4:]}" if anchor and blank.startswith("XXXX-") else blank


_STRETCH_WAYS = {"the past": -1, "the last": -1, "the next": 1, "the coming": 1}
_HALF_UNIT = {"week": dt.timedelta(days=3), "month": dt.timedelta(days=15), "year": dt.timedelta(days=182)}


def _this_weekend(anchor: dt.date, direction: Direction) -> str:
    """"this weekend" is the one of the publication week, still ahead from Monday to Friday;
    only on a Monday may a past-tense report mean the one just over."""
    if anchor.isoweekday() == 1 and direction == "past":
        anchor -= dt.timedelta(days=7)
    return cal.week_value(anchor) + "-WE"


def _year_end(g, context):
    return "DATE", cal.relative_value(context.anchor, "year", 0), "APPROX" if g["mod"] in ("around", "about") else "END"


def _vague_recent(g, context):
    """"recent years", "the coming weeks", "the days ahead": a stretch of unspecified length reaching back from (or on
    from) now, so TimeML writes it as the duration it spans (PXY, PXW), not as a past/future point."""
    letter, is_time = UNITS[_unit_name(g["unit"])]
    return "DURATION", cal.duration_value("X", letter, is_time), None


# ------------------------------------------------------------------ durations and sets

def _duration(g, context):
    unit = _unit_name(g["unit"])
    letter, is_time = UNITS[unit]
    amount = number_value(g["number"])
    if amount is None:
        return None
    if g["half"] and isinstance(amount, float):
        amount += 0.5
    return "DURATION", cal.duration_value(amount, letter, is_time), _amount_mod(g["mod"])


def _compound_duration(g, context):
    """"8 hours and 20 minutes": PT8H20M, the two amounts in one value."""
    larger = _duration(g, context)
    smaller = _duration(_Groups({"number": g["number2"], "unit": g["unit2"]}), context)
    return "DURATION", cal.joined_durations(larger[1], smaller[1]), _amount_mod(g["mod"])


def _bare_plural(g, context):
    letter, is_time = UNITS[_unit_name(g["unit"])]
    return "DURATION", cal.duration_value("X", letter, is_time), _amount_mod(g["mod"])


def _unit_long(g, context):
    """"a day-long meeting" lasts one day, "a decades-long feud" an unknown number of decades."""
    letter, is_time = UNITS[_unit_name(g["unit"])]
    return "DURATION", cal.duration_value("X" if g["plural"] else 1.0, letter, is_time), None


def _set_adverb(g, context):
    return "SET", SET_ADVERBS[g["word"]], None


def _set_every(g, context):
    """"every Sunday", "each spring", "every morning", "every weekend", "every two weeks", "every other day"."""
    what = g["what"]
    if what.startswith("weekend"):
        return "SET", "XXXX-WXX-WE", None
    if what in PARTS_OF_DAY:
        return "SET", "XXXX-XX-XXT" + PARTS_OF_DAY[what], None
    if what in WEEKDAYS:
        return "SET", f"XXXX-WXX-{WEEKDAYS[what]}", None
    if what in MONTHS:
        return "SET", f"XXXX-{MONTHS[what]:02d}", None
    if what in SEASONS:
        return "SET", f"XXXX-{SEASONS[what]}", None
    letter, is_time = UNITS[_unit_name(what)]
    amount = 2.0 if g["number"] == "other" else number_value(g["number"]) if g["number"] else 1.0
    return "SET", cal.duration_value(amount, letter, is_time), None


def _weekends(g, context):
    return "SET", "XXXX-WXX-WE", None


def _set_rate(g, context):
    letter, is_time = UNITS[g["unit"]]
    return "SET", cal.duration_value(1.0, letter, is_time), None


def _indefinite_day(g, context):
    """"will one day", "hopes she one day wins": a time left open, and after a modal or in a wish
    (the only places the recogniser takes it) one still to come."""
    return "DATE", "FUTURE_REF", None


def _indefinite_part(g, context):
    """"one winter night", "one Sunday morning": a part of a day the text leaves undated (a weekday keeps its
    number, TIDES' "a Tuesday" being XXXX-WXX-2); "one recent night" a night just past."""
    part = "T" + PARTS_OF_DAY[g["part"].lower()]
    if g["recent"]:
        return "TIME", "PAST_REF", None
    if g["weekday"]:
        return "TIME", f"XXXX-WXX-{WEEKDAYS[g['weekday']]}{part}", None
    return "TIME", cal.underspecified("day") + part, None


def _reference(g, context):
    return "DATE", REFERENCE_WORDS[g["word"]], None


RESOLVERS: dict[str, Callable[[_Groups, Context], Result | None]] = {
    "iso_datetime": _iso_datetime, "numeric_date": _numeric_date, "clock_on_day": _clock_on_day,
    "day_clock": _clock_on_day, "weekday_date": _weekday_date, "month_day_year": _full_date,
    "day_month_year": _full_date, "week_of": _week_of, "month_day": _month_day, "day_month": _month_day,
    "month_year": _month_year, "month_relative_year": _month_relative_year, "relative_month": _relative_month,
    "delivery_month": _delivery_month,
    "decade": _decade, "decade_word": _decade_word, "spelled_year": _spelled_year, "anaphoric_unit": _anaphoric_unit,
    "century": _century, "bc_year": _bc_year, "season_year": _season_year, "relative_season": _relative_season, "quarter": _quarter,
    "elided_quarter": _quarter, "quarter_code": _quarter_code, "month_quarter": _month_quarter, "ordinal_day": _ordinal_day, "named_quarter": _named_quarter, "year_ago_adjective": _year_ago_adjective, "same_period": _same_period,
    "fiscal_year": _fiscal_year, "year": _year, "year_range": _year, "holiday": _holiday,
    "new_year": _new_year, "ago": _ago, "plural_ago": _plural_ago,
    "day_relative": _day_relative, "part_then_day": _part_then_day, "part_of_day": _part_of_day, "weekday": _weekday,
    "weekday_of_week": _weekday_of_week,
    "anaphoric_part": _anaphoric_part, "relative_unit": _relative_unit, "year_end": _year_end, "vague_recent": _vague_recent, "units_ahead": _vague_recent, "set_rate": _set_rate,
    "indefinite_day": _indefinite_day, "span_duration": _duration, "duration": _duration,
    "compound_duration": _compound_duration,
    "adjective_duration": _duration, "bare_plural": _bare_plural, "unit_long": _unit_long, "set_adverb": _set_adverb,
    "set_every": _set_every, "weekends": _weekends, "reference": _reference, "indefinite_part": _indefinite_part,
}
