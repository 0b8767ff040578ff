"""Time expressions (TIMEX3: DATE, TIME, DURATION, SET) found and normalised against the
article's publication date.

The work is split in ``timex/``: ``recognise`` (rule grammar), ``resolve`` (one normaliser per
rule), ``normalise`` (calendar arithmetic), ``tense`` (which way a bare "Wednesday" points). We
write our own because Python has no strong TimeML normaliser (dateparser reads "within two weeks"
as a past date and fails on "in June last year"); dateutil is used for absolute date strings.
"""
from __future__ import annotations

import collections
import dataclasses
import datetime as dt
import re
from typing import TYPE_CHECKING

from ..model import Span, Timex
from .timex.lexicon import MONTHS
from .timex.normalise import PUBLICATION_LAG, parse_anchor, relative_value, underspecified
from .timex.recognise import DAY_WORD, MONTH, WEEKDAY, find_candidates
from .timex.resolve import ANAPHORIC_RULES, HABITUAL, UNDATED_POINT_RULES, UNKNOWN_DAY, Context, resolve
from .timex.tense import (clause_bounds, direction_from_doc, direction_from_text, marked_direction_from_doc,
                          marked_direction_from_text, owns_an_event_told_done, sentence_bounds)

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["find_timexes", "reanchor"]


def find_timexes(text: str, anchor: str | None, doc: "Doc | None" = None, article_id: str = "") -> list[Timex]:
    """Every time expression in ``text`` with its TimeML type and value.

    ``anchor`` is the publication date (ISO date or datetime) or None, in which case values that
    need it stay partially specified ("XXXX-06", "XXXX-WXX-3"). ``doc``, a spaCy parse of the same
    text, lets the tense of the governing verb decide the direction of bare weekdays and months.
    """
    anchor_date = parse_anchor(anchor)
    anchor_value = anchor_date.isoformat() if anchor_date else None
    timexes: list[Timex] = []
    open_clocks: list[int] = []
    reference: str | None = None
    reported_quarter: str | None = None
    for candidate in find_candidates(text, doc):
        context = Context(_tweet_anchor(text, candidate.start) or anchor_date,
                          _tense_reader(text, candidate.start, candidate.end, doc), reference, reported_quarter,
                          _text_reader(text, candidate.start, candidate.end, sentence_bounds),
                          _marked_reader(text, candidate.start, candidate.end, doc),
                          _text_reader(text, candidate.start, candidate.end, clause_bounds),
                          _last_date(timexes), _quarter_reader(timexes, text, candidate.start))
        resolved = resolve(candidate.rule, candidate.groups, context)
        if resolved is None:
            continue
        kind, value, mod = resolved
        if candidate.rule in _OPEN_CLOCK_RULES and _leaves_day_open(candidate.groups):
            open_clocks.append(len(timexes))
        timexes.append(Timex(article_id, Span.of(text, candidate.start, candidate.end), kind, value,
                             anchor_value, mod))
        if candidate.rule in UNDATED_POINT_RULES and kind in ("DATE", "TIME") and value.startswith("XXXX"):
            reference = UNKNOWN_DAY  # "one winter night ... The next day": a day after a night of no date
        if kind == "DATE" and value[:1].isdigit() and (candidate.rule not in ANAPHORIC_RULES
                                                       or candidate.groups.get("end_verb")):
            reference = value
            if _QUARTER_VALUE.fullmatch(value) and _is_report(value, anchor_date, candidate.groups, context) \
                    and not _is_comparison(value, reported_quarter, candidate.groups):
                reported_quarter = value
    for index in open_clocks:
        clock = timexes[index]
        dated = _on_the_day_of_its_sentence(clock, timexes, text)
        if dated is clock and _tense_reader(text, clock.span.start, clock.span.end, doc)() == "past":
            dated = _on_the_day_of_the_story(clock, timexes, text)
        timexes[index] = dated
    dated = _dated_by_their_sentence(_yearly_dates_made_generic(timexes, text), text)
    dated = _with_coordinated_days(_units_placed_by_dates(_months_of_told_events(dated, text), text), text)
    dated = _days_placed_by_dates(dated, text)
    dated = _months_in_focus(_units_in_apposition(_periods_compared_with_a_stretch(dated, text), text), text,
                             anchor_value)
    one_day = _weekdays_read_as_one_day(_weekday_ranges_in_order(dated, text, doc), text, doc, _stamp_lag(anchor))
    return _clocks_sharing_a_meridiem(one_day, text)


def _weekday_ranges_in_order(timexes: list[Timex], text: str, doc: "Doc | None" = None) -> list[Timex]:
    """"from Thursday through Saturday" told on a Thursday: a range runs forward, so its last weekday is the first
    such day on or after its first one, whichever way the tense read it alone; so does a forecast that lists days
    in one sentence ("by Friday morning; ... Saturday morning; and ... by Sunday morning") once its first day lies
    ahead of the anchor, but not a day its own verb puts in the past ("a meeting Thursday, the company said
    Tuesday": the day of the report, which the simple past fixes)."""
    ordered = list(timexes)
    for index in range(1, len(ordered)):
        first, last = ordered[index - 1], ordered[index]
        if _bare_weekday(first) and _bare_weekday(last) and last.value[:10] < first.value[:10] \
                and (_WEEKDAY_RANGE_JOIN.fullmatch(text, first.span.end, last.span.start)
                     or (_listed_ahead(first, last, text)
                         and _marked_reader(text, last.span.start, last.span.end, doc)() != "past")):
            start = dt.date.fromisoformat(first.value[:10])
            end = start + dt.timedelta(days=(dt.date.fromisoformat(last.value[:10]) - start).days % 7)
            ordered[index] = dataclasses.replace(last, value=end.isoformat() + last.value[10:])
    return ordered


def _listed_ahead(first: Timex, last: Timex, text: str) -> bool:
    """Whether ``last`` follows ``first`` in its sentence, ``first`` lies after the anchor and ``last`` was read before
    it (a list of days ahead; the anchor's own weekday, "said Thursday", is the report's day). Items of a list are
    coordinated, so a comma, semicolon or conjunction stands between them; a day owning an event ("the victims of
    Tuesday's crash") names that event, not an item of the list."""
    return first.anchor is not None and last.value[:10] < first.anchor[:10] < first.value[:10] \
        and sentence_bounds(text, first.span.start, first.span.end)[1] >= last.span.end \
        and bool(_LIST_GAP.search(text, first.span.end, last.span.start)) \
        and not _POSSESSIVE_AFTER.match(text, last.span.end)


def _weekdays_read_as_one_day(timexes: list[Timex], text: str, doc: "Doc | None", lag: int | None) -> list[Timex]:
    """"A strike for Thursday was called ... support for Thursday's strike", "will present it on Thursday ... the
    deadline is 1600 GMT Thursday": a news story names one day by one weekday, so where the mentions of a bare
    weekday were read a week apart, all are the later day: a past reading is what a weekday gets when nothing
    in its clause points ahead, a reading ahead needs a cue (a plan, "will", "ahead of"). A day told "on" it by a
    verb in the past ("his opener against Nalbandian on Sunday" beside "through to Sunday's final") keeps its own
    reading: that past is a cue too, and the story names two days. So does one told with no preposition, as wire
    copy writes it ("the team lost 2-1 Saturday"), unless the later day is the one after the publication date, which
    a stamp in UTC or a wire's date puts a day before the story's own ("fired a missile Friday" stamped Thursday
    22:20 UTC): then the later day is the day told. ``lag`` is what ``_stamp_lag`` reads from the stamp."""
    readings: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for timex in timexes:
        if weekday := _bare_weekday(timex):
            readings[weekday][timex.value[:10]] += 1
    latest = {weekday: _day_told(counts, timexes[0].anchor, lag) for weekday, counts in readings.items()}
    return [dataclasses.replace(timex, value=latest[weekday] + timex.value[10:])
            if (weekday := _bare_weekday(timex)) and latest[weekday] != timex.value[:10]
            and not _keeps_its_past_day(timex, latest[weekday], text, doc, lag) else timex for timex in timexes]


def _stamp_lag(anchor: str | None) -> int | None:
    """How many days the story's own day may lie after the date of its stamp: ``PUBLICATION_LAG`` when the stamp is
    late in the UTC day, so that the next day has begun in East Asia ("fired a missile Friday" stamped Thursday 22:20
    UTC, Friday morning in Korea), none when it is earlier (no place then has a later day that a story's weekday could
    be); None when the stamp has no time of day (a date alone, or a naive midnight, which is how a date alone is
    written as a datetime), where either may hold."""
    try:
        stamp = dt.datetime.fromisoformat(anchor) if anchor and len(anchor) > 10 else None
    except ValueError:
        return None
    if stamp is None or (stamp.tzinfo is None and stamp.time() == dt.time(0)):
        return None
    moment = stamp.astimezone(dt.timezone.utc) if stamp.tzinfo else stamp.replace(tzinfo=dt.timezone.utc)
    return PUBLICATION_LAG if (moment + _EAST_ASIA_OFFSET).date() > stamp.date() else 0


def _day_told(readings: collections.Counter, anchor: str | None, lag: int | None) -> str:
    """The one day the mentions of a weekday name: the later reading (a reading ahead needs a cue) unless more
    mentions read the earlier one and the later is not within the stamp's lag (``_within_lag``)."""
    later = max(readings)
    if anchor is None or _within_lag(later, anchor, lag):
        return later
    return max(readings, key=lambda day: (readings[day], day))


def _within_lag(day: str, anchor: str | None, lag: int | None) -> bool:
    """Whether ``day`` is no later than ``lag`` days after the publication date ``anchor`` (``PUBLICATION_LAG`` when
    the stamp's time of day is unknown)."""
    return anchor is not None and (dt.date.fromisoformat(day) - dt.date.fromisoformat(anchor[:10])).days \
        <= (PUBLICATION_LAG if lag is None else lag)


def _keeps_its_past_day(timex: Timex, later: str, text: str, doc: "Doc | None", lag: int | None) -> bool:
    """Whether a weekday keeps the past day its own verb gives it rather than ``later``, the day another mention of
    the weekday is read as: when the verb marked past dates it with "on", or with no preposition, and ``later`` is
    not within the stamp's lag. A day told "on" yields to the lag only when the stamp is known to be late (where its
    time is unknown, "his opener on Sunday" in a story dated the Saturday may well be the Sunday before). A day
    given with another preposition ("a strike for Thursday was called") is the one the plan is for."""
    if _marked_reader(text, timex.span.start, timex.span.end, doc)() != "past" \
            and (doc is None or not owns_an_event_told_done(doc, timex.span.start, timex.span.end)):
        return False
    if _ON_BEFORE.search(text, max(0, timex.span.start - 4), timex.span.start):
        return not (lag and _within_lag(later, timex.anchor, lag))
    return not _PREPOSITION_BEFORE.search(text, max(0, timex.span.start - 12), timex.span.start) \
        and not _within_lag(later, timex.anchor, lag)


def _bare_weekday(timex: Timex) -> str | None:
    """The weekday a DATE or TIME names with no week, month or day number of its own ("Thursday", "1600 GMT
    Thursday", "Thursday morning"; not "last Thursday", "Thursday, Oct. 23")."""
    text = timex.span.text
    weekday = _BARE_WEEKDAY.search(text)
    if weekday is None or _MONTH_NAMED.search(text) or _FEAST_NAMED.search(text, 0, weekday.start()) \
            or not _DAY_VALUE.fullmatch(timex.value[:10]) or not timex.value[:4].isdigit():
        return None
    return weekday.group(0).lower()


def _clocks_sharing_a_meridiem(timexes: list[Timex], text: str) -> list[Timex]:
    """"between 1:30 and 4:00 p.m.", "from 9 to 11 a.m.": the first clock of a range written without its a.m./p.m. takes
    the one written after the second, when that keeps the range in order (so "from 11 to 2 p.m." keeps 11 in the
    morning)."""
    shared = list(timexes)
    for index, (first, second) in enumerate(zip(timexes, timexes[1:])):
        if first.type != "TIME" or second.type != "TIME" or _MERIDIEM.search(first.span.text) \
                or not _RANGE_JOIN.fullmatch(text, first.span.end, second.span.start):
            continue
        hours = _CLOCK_HOUR.search(first.value), _CLOCK_HOUR.search(second.value)
        if None in hours or not re.search(r"p\.?m\b", second.span.text, re.I):
            continue
        hour, later = int(hours[0].group(1)), int(hours[1].group(1))
        if 1 <= hour < 12 and hour + 12 <= later:
            value = f"{first.value[:hours[0].start(1)]}{hour + 12:02d}{first.value[hours[0].end(1):]}"
            shared[index] = dataclasses.replace(first, value=value)
    return shared


_ON_BEFORE = re.compile(r"\bon\s+$", re.I)
# the offset of Japan and Korea, the easternmost of the regions whose news the wires file in large amounts
_EAST_ASIA_OFFSET = dt.timedelta(hours=9)
_PREPOSITION_BEFORE = re.compile(r"\b(?:for|by|until|till|to|from|before|after|through|since|at|in|of|until|"
                                 r"ahead\s+of|within|during|over)\s+$", re.I)
_MERIDIEM = re.compile(r"\b[ap]\.?m\b|\d[ap]m\b", re.I)
_RANGE_JOIN = re.compile(r"\s*(?:and|to|until|till|through|-|–)\s*", re.I)
_CLOCK_HOUR = re.compile(r"T(\d{2}):\d{2}")


def _quarter_reader(timexes: list[Timex], text: str, position: int):
    """A thunk for the last quarter named in the sentence before ``position`` (None when none is)."""
    def read():
        quarter = next((t for t in reversed(timexes) if t.type == "DATE" and _QUARTER_VALUE.fullmatch(t.value)), None)
        if quarter is None or quarter.span.start < sentence_bounds(text, position, position)[0]:
            return None
        return quarter.value
    return read


def _last_date(timexes: list[Timex]) -> str | None:
    return next((t.value for t in reversed(timexes) if t.type == "DATE"), None)


def _tweet_anchor(text: str, position: int) -> dt.date | None:
    """The day an embedded tweet was posted, for an expression inside it: pages print a tweet as one line
    ending in its signature ("... at the zoo today — Cincinnati Zoo (@CincinnatiZoo) May 28, 2016"), and its
    "today" or "next month" counts from that day, not from the article's publication date."""
    left = text.rfind("\n", 0, position) + 1
    right = text.find("\n", position)
    signature = _TWEET_SIGNATURE.search(text, left, len(text) if right < 0 else right)
    if signature is None or position >= signature.start():
        return None
    try:
        return dt.datetime.strptime(re.sub(r"\s+", " ", signature.group("date")), "%B %d, %Y").date()
    except ValueError:
        return None


def _dated_by_their_sentence(timexes: list[Timex], text: str) -> list[Timex]:
    """"Two years ago, hundreds were attacked on New Year's Eve", "In 2015, exports fell in March": a month,
    day or holiday named without a year takes the year that opens its sentence (an adverbial that frames all
    of it: TimeML anchors the month on the time the sentence talks about), not the one the tense picks from the
    publication date. A year further in may date only its own clause ("a program approved in 1987 ... had
    bought shares through Sept. 29")."""
    dated = []
    for timex in timexes:
        year = _year_right_after(timex, timexes, text) or _year_opening_the_sentence(timex, timexes, text) \
            if _is_named_in_year(timex) else None
        dated.append(dataclasses.replace(timex, value=year + timex.value[4:]) if year else timex)
    return dated


def _year_right_after(timex: Timex, timexes: list[Timex], text: str) -> str | None:
    """"on Christmas Eve in 2000", "in June of 1999": the year written right after a day or month is its year."""
    return next((t.value for t in timexes if _frames_the_year_of(t, timex)
                 and _YEAR_AFTER.fullmatch(text, timex.span.end, t.span.start)), None)


def _year_opening_the_sentence(timex: Timex, timexes: list[Timex], text: str) -> str | None:
    """The value of a year ("2015", "two years ago", "last year") that opens the sentence of ``timex``."""
    left, _ = sentence_bounds(text, timex.span.start, timex.span.end)
    return next((t.value for t in timexes if _frames_the_year_of(t, timex)
                 and left <= t.span.start and t.span.end <= timex.span.start
                 and _YEAR_FRAME.fullmatch(text, left, t.span.start)), None)


def _frames_the_year_of(year: Timex, timex: Timex) -> bool:
    """Whether ``year`` gives its value to a month or day it frames. A fiscal year is named by the calendar year it
    ends in, and the usual ends (June to December) put only January to June surely in that year: "In fiscal 1990,
    which began July 1" is the July before, so a later month keeps the year its tense gives."""
    if year.type != "DATE" or not _YEAR_VALUE.fullmatch(year.value):
        return False
    return not _FISCAL.search(year.span.text) or (timex.value[4:5] == "-" and timex.value[5:7] <= "06")


def _months_of_told_events(timexes: list[Timex], text: str) -> list[Timex]:
    """"A judge dismissed the claims in December. ... the December ruling did not bar other claims": a month
    named as the modifier of a noun after a determiner refers to an event already told, so it takes the value of
    the same month named alone earlier in the article; the tense of its own clause, which the resolver read,
    says nothing about when that event was."""
    told: dict[str, str] = {}
    resolved = []
    for timex in timexes:
        month = timex.span.text.lower()
        if timex.type == "DATE" and month in MONTHS and _MONTH_VALUE.fullmatch(timex.value):
            if month in told and _NOUN_MODIFIER_BEFORE.search(text, max(0, timex.span.start - 8), timex.span.start) \
                    and _NOUN_AFTER.match(text, timex.span.end):
                timex = dataclasses.replace(timex, value=told[month])
            told[month] = timex.value
        resolved.append(timex)
    return resolved


def _periods_compared_with_a_stretch(timexes: list[Timex], text: str) -> list[Timex]:
    """"In the nine months, net rose 4% ... In the year-earlier period, it earned ...": a period compared with the one
    the report just named is as long as that one, so right after a stretch of months ("the first nine months", "the six
    months ended June 30") it is that stretch a year before, a duration as TimeML writes the stretch (the TBAQ dev gold:
    P9M); after a quarter it stays that quarter a year before, as the resolver reads it."""
    compared = list(timexes)
    for index in range(1, len(compared)):
        before, timex = _stretch_before(compared, index, text), compared[index]
        if _COMPARED_PERIOD.fullmatch(timex.span.text) and before.type == "DURATION" \
                and _MONTHS_STRETCH.fullmatch(before.value) and timex.span.start - before.span.end < _COMPARED_REACH:
            compared[index] = dataclasses.replace(timex, type="DURATION", value=before.value, mod=None)
    return compared


def _units_in_apposition(timexes: list[Timex], text: str) -> list[Timex]:
    """"In 2000, the year the survey was made", "in December 2012, the month that ...": "the year", "the month",
    "the week" or "the day" set in apposition right after a date of that unit names the same time (TimeML values an
    anaphoric expression by its antecedent), whatever clause follows to place it."""
    found: list[Timex] = []
    for timex in timexes:
        before = found[-1] if found else None
        unit = _APPOSED_UNIT.fullmatch(timex.span.text)
        if unit and before and before.type == "DATE" and _unit_of_value(before.value) == unit.group(1).lower() \
                and _APPOSITION.fullmatch(text, before.span.end, timex.span.start):
            timex = dataclasses.replace(timex, type="DATE", value=before.value, mod=None)
        found.append(timex)
    return found


def _unit_of_value(value: str) -> str | None:
    """The calendar unit a date value names: "2000" year, "2012-12" month, "2006-W50" week, "2006-12-19" day."""
    for unit, pattern in _VALUE_UNITS:
        if pattern.fullmatch(value):
            return unit
    return None


def _months_in_focus(timexes: list[Timex], text: str, anchor: str | None) -> list[Timex]:
    """"the month" alone is anaphoric: TimeML values it by the month in focus, not the month of publication. In an
    article that has named a month already over ("Producer prices rose 0.5 percent in November ... energy prices rose
    6.1 percent in the month") that is the first such month, the one a report is about (as the quarter a report
    names first is the one it reports). "the end of the month", "the month after the coup" are left as the resolver
    read them, and so is one in apposition (``_units_in_apposition``)."""
    focus: str | None = None
    found: list[Timex] = []
    for timex in timexes:
        before = found[-1] if found else None
        apposed = before is not None and _APPOSITION.fullmatch(text, before.span.end, timex.span.start)
        if timex.span.text.lower() == "the month" and focus and not apposed \
                and not _PLACED_MONTH.match(text, timex.span.end) \
                and not _PART_OF_BEFORE.search(text, max(0, timex.span.start - 16), timex.span.start):
            timex = dataclasses.replace(timex, value=focus)
        elif focus is None and anchor and timex.type == "DATE" and _MONTH_VALUE.fullmatch(timex.value) \
                and timex.value < anchor[:7]:
            focus = timex.value
        found.append(timex)
    return found


_PLACED_MONTH = re.compile(r"\s+(?:after|before|following|preceding|of|when|that|in\s+which)\b", re.I)
_PART_OF_BEFORE = re.compile(r"\b(?:end|beginning|start|middle|rest|course|turn)\s+of\s+['‘\"]?$", re.I)
_APPOSITION = re.compile(r"\s*,\s*")
_APPOSED_UNIT = re.compile(r"the\s+(day|week|month|year)", re.I)
_VALUE_UNITS = (("year", re.compile(r"\d{4}")), ("month", re.compile(r"\d{4}-\d{2}")),
                ("week", re.compile(r"\d{4}-W\d{2}")), ("day", re.compile(r"\d{4}-\d{2}-\d{2}")))


def _stretch_before(timexes: list[Timex], index: int, text: str) -> Timex:
    """The expression before ``timexes[index]``, passing over the end date of a stretch ("the six months ended June
    30"), which belongs to the stretch."""
    before = timexes[index - 1]
    if index >= 2 and _ENDED_BEFORE.search(text, max(0, before.span.start - 10), before.span.start):
        return timexes[index - 2]
    return before


_ENDED_BEFORE = re.compile(r"\bend(?:ed|ing)\s+$", re.I)
_COMPARED_PERIOD = re.compile(r"the\s+(?:year-earlier|year-ago|prior-year|year-before|comparable|corresponding|same)\s+"
                              r"period", re.I)
_MONTHS_STRETCH = re.compile(r"P(?:[2-9]|1[01])M")
_COMPARED_REACH = 300  # characters: the comparison follows in the same or the next sentence


def _units_placed_by_dates(timexes: list[Timex], text: str) -> list[Timex]:
    """"the week before Christmas", "the year after the 2008 crash": a unit the resolver left unspecified because
    an event places it is, when a date names that event right after it, the unit next to that date (before: the one
    before, after/following: the one after, of: its own); a date coarser than the unit gives its year only ("the
    week following last month's squeeze" is 1989-WXX)."""
    placed = []
    for timex, following in zip(timexes, timexes[1:] + [None]):
        unit = _PLACED_UNIT.fullmatch(timex.span.text)
        gap = following and _PLACING.fullmatch(text, timex.span.end, following.span.start)
        if unit and gap and "X" in timex.value and following.type == "DATE" and following.value[:4].isdigit():
            value = _next_to(following.value, unit.group("unit").lower(), _PLACING_STEPS[gap.group("relator").lower()])
            timex = dataclasses.replace(timex, value=value)
        placed.append(timex)
    return placed


def _days_placed_by_dates(timexes: list[Timex], text: str) -> list[Timex]:
    """"the day before last Tuesday's hearing", "the day after Christmas": TIDES and TimeML mark a day counted from
    a named date as one expression with the date it comes to ("the day before yesterday" is one day, not a day and
    a yesterday), so the date's expression takes in "the day before / after" and steps one day."""
    placed = []
    for timex in timexes:
        lead = _DAY_PLACING.search(text, max(0, timex.span.start - 30), timex.span.start)
        if lead and timex.type == "DATE" and _DAY_VALUE.fullmatch(timex.value) and timex.value[:4].isdigit():
            value = _next_to(timex.value, "day", _PLACING_STEPS[lead.group("relator").lower()])
            timex = dataclasses.replace(timex, span=Span.of(text, lead.start(), timex.span.end), value=value)
        placed.append(timex)
    return placed


def _next_to(date: str, unit: str, step: int) -> str:
    """The ``unit`` ``step`` units from the one holding ``date`` (a value of a day, month or year)."""
    if unit == "year":
        return f"{int(date[:4]) + step:04d}"
    if _DAY_VALUE.fullmatch(date) or (unit == "month" and _MONTH_VALUE.fullmatch(date)):
        return relative_value(dt.date.fromisoformat(date if len(date) == 10 else date + "-01"), unit, step)
    return date[:4] + underspecified(unit)[4:]


def _yearly_dates_made_generic(timexes: list[Timex], text: str) -> list[Timex]:
    """"every year in August", "held annually on July 4", "in spring each year", "prices usually rise in
    December": a month, day or season named beside a yearly repetition, or in a clause that tells what happens as
    a rule, is that month of any year (TimeML writes XXXX-08), not the one the tense would pick; a year or a
    relative word of its own ("every year since 2019", "last August") keeps it."""
    yearly = [t for t in timexes if t.type == "SET" and t.value == "P1Y"]
    return [dataclasses.replace(t, value="XXXX" + t.value[4:]) if _is_named_in_year(t) and (any(
        _HABIT_GAP.fullmatch(text[min(t.span.end, s.span.end):max(t.span.start, s.span.start)]) for s in yearly)
        or _in_habitual_clause(t, text)) else t for t in timexes]


def _is_named_in_year(timex: Timex) -> bool:
    """A month, day of a month or season written without a year or relative word ("August", "July 4", "spring");
    not a weekday, whose value is a day of a month too."""
    return timex.type == "DATE" and bool(_NAMED_IN_YEAR_VALUE.fullmatch(timex.value)) \
        and not _OWN_YEAR.search(timex.span.text) and not _WEEKDAY_WORD.search(timex.span.text)


def _in_habitual_clause(timex: Timex, text: str) -> bool:
    """Whether the clause around the expression tells what happens as a rule ("usually", "traditionally")."""
    return bool(HABITUAL.search(text, *clause_bounds(text, timex.span.start, timex.span.end)))


def _with_coordinated_days(timexes: list[Timex], text: str) -> list[Timex]:
    """"April 24 and 25", "Dec. 4-5", "4-5 December": a bare day number joined to a dated day is
    another day of that month, a date of its own (TimeML marks it apart)."""
    added = []
    for timex in timexes:
        if timex.type != "DATE" or not _DAY_VALUE.fullmatch(timex.value):
            continue
        day = int(timex.value[8:10])
        after = _DAY_AFTER.match(text, timex.span.end)
        before = _DAY_BEFORE.search(text, max(0, timex.span.start - 12), timex.span.start)
        for match, other in ((after, lambda n: n > day), (before, lambda n: n < day)):
            group = match and ("day" if match.group("day") else "joined")
            if match and other(int(match.group(group))) and int(match.group(group)) <= 31:
                start, end = match.span(group)
                value = f"{timex.value[:8]}{int(match.group(group)):02d}"
                added.append(dataclasses.replace(timex, span=Span.of(text, start, end), value=value, mod=None))
    taken = [(t.span.start, t.span.end) for t in timexes]
    added = [t for t in added if all(t.span.end <= s or t.span.start >= e for s, e in taken)]
    return sorted(timexes + added, key=lambda t: t.span.start) if added else timexes


# the day number must end the phrase ("April 24 and 25.", "Dec. 4-5 in Paris"), not count something ("and 4 people")
# (a hyphenated range may stand before its noun: "the Dec. 15-16 summit")
_DAY_AFTER = re.compile(r"(?:\s*(?:and|or|to|through)\s*(?P<day>\d{1,2})(?:st|nd|rd|th)?"
                        r"(?=\s*(?:$|[.,;:)\]\"'”]|(?:in|at|on|and|or|with|for|to|of|when|while|as|respectively|the|"
                        r"a|an|this|that)\b|[A-Z]))"
                        r"|[-–](?P<joined>\d{1,2})(?!\d|\s*(?:%|percent|per\s+cent|[ap]\.?m\b|"
                        r"(?:years?|months?|weeks?|days?|hours?|minutes?)\b)))(?![.,:]\d)")
_DAY_BEFORE = re.compile(r"(?<![\w.,/-])(?P<day>\d{1,2})(?:st|nd|rd|th)?\s*(?:-|–|and|or|to)\s*$")


def reanchor(timexes: list[Timex], text: str, anchor: str | None, doc: "Doc | None" = None) -> list[Timex]:
    """``timexes`` of ``text`` resolved again against a new anchor (a story dated an undated article).

    Recognition does not depend on the anchor, so running it again is simpler and no slower than
    patching values one by one.
    """
    if not timexes:
        return []
    return find_timexes(text, anchor, doc, timexes[0].article_id)


_QUARTER_VALUE = re.compile(r"\d{4}-Q\d")
_PLACED_UNIT = re.compile(r"the\s+(?P<unit>week|month|year)", re.I)
_PLACING = re.compile(r"\s+(?P<relator>following|after|before|preceding|of)\s+(?:the\s+)?", re.I)
# what stands between coordinated items ("by Friday morning; ... Saturday morning; and ... Sunday")
_LIST_GAP = re.compile(r"[,;]|\b(?:and|or|then)\b", re.I)
_POSSESSIVE_AFTER = re.compile(r"['’]s\b")
_PLACING_STEPS = {"following": 1, "after": 1, "before": -1, "preceding": -1, "of": 0}
# "the day before" / "the day after" right before the expression of a date
_DAY_PLACING = re.compile(r"(?<![\w-])the\s+day\s+(?P<relator>following|after|before|preceding)\s+$", re.I)
_MONTH_VALUE = re.compile(r"\d{4}-\d{2}")
_NOUN_MODIFIER_BEFORE = re.compile(r"\b(?:the|its|his|her|their|our|this|that)\s+$", re.I)
# a lower-case word after the month, other than one that would open a phrase of its own ("the December of 2016")
_NOUN_AFTER = re.compile(r"\s+(?!(?:of|and|or|to|in|on|at|for|with|was|is|will|had|has)\b)[a-z]{3,}")
_FISCAL = re.compile(r"\b(?:fiscal|financial|FY)", re.I)
_YEAR_VALUE = re.compile(r"\d{4}")
_YEAR_AFTER = re.compile(r",?\s+(?:in|of)\s+", re.I)
_YEAR_FRAME = re.compile(r"[\s\"'“]*(?:(?:in|during|by|back\s+in)\s+)?", re.I)
# the signature that ends a tweet printed in a page: "— Cincinnati Zoo (@CincinnatiZoo) May 28, 2016"
_TWEET_SIGNATURE = re.compile(r"[—–]\s*[^\n—–()]{1,80}\(@\w{1,15}\)\s+"
                              r"(?P<date>[A-Z][a-z]+\s+\d{1,2},\s+\d{4})\s*$")
_NAMED_IN_YEAR_VALUE = re.compile(r"\d{4}-(?:\d{2}(?:-\d{2})?|SP|SU|FA|WI)")
_OWN_YEAR = re.compile(r"\d{4}|'\d{2}|\b(?:last|next|this|that|coming|past|previous|ago)\b", re.I)
_WEEKDAY_WORD = re.compile(rf"\b{WEEKDAY}", re.I)
# a weekday named without a week of its own ("last Friday", "Friday next week" are not bare)
_BARE_WEEKDAY = re.compile(rf"(?<!\blast\s)(?<!\bnext\s)(?<!\bthis\s)(?<!\bpast\s)(?<!\bcoming\s)(?<!\bprevious\s)"
                           rf"\b{WEEKDAY}(?!s\b)(?!.*\bweek\b)", re.I)
_WEEKDAY_RANGE_JOIN = re.compile(r"\s*(?:to|through|until|till|thru|-|–)\s*", re.I)
_MONTH_NAMED = re.compile(rf"\b{MONTH}", re.I)
_FEAST_NAMED = re.compile(r"\b(?!(?:Early|Late|On)\s)[A-Z][a-z]+\s+$")  # "Good Friday", "Cyber Monday"
# what may stand between the repetition and the month it repeats in: "every year in August", "in August each year"
_HABIT_GAP = re.compile(r"[\s,]*(?:(?:in|on|during|at|around|from|through|until)\s+)?(?:the\s+)?", re.I)
_OPEN_CLOCK_RULES = frozenset({"clock_on_day"})
_DAY_VALUE = re.compile(r"(?:\d{4}|XXXX)-\d{2}-\d{2}")


def _is_report(quarter: str, anchor: "dt.date | None", groups: dict, context: Context) -> bool:
    """Whether a quarter named is one the article reports results for: one over before the anchor's
    quarter began, or said to end on a date ("the fourth quarter ended Sept. 30") or told in the past
    tense ("reported a decline in fourth-quarter earnings", a fiscal quarter); not one still ahead
    ("the quake will mean a fourth-quarter charge")."""
    if anchor is None or quarter < f"{anchor.year:04d}-Q{(anchor.month - 1) // 3 + 1}" or groups.get("end_verb"):
        return True
    return context.direction() == "past"


def _is_comparison(quarter: str, reported: str | None, groups: dict) -> bool:
    """A quarter before the one the article reports, named without an end date of its own, is a
    comparison ("third-quarter profit rose ... after a flat second quarter"), not a new report: the
    year-ago figures that follow are still those of the reported quarter. A quarter given with its
    end date ("the quarter ended June 30") or called fiscal ("its fiscal second quarter", another
    company's year) is a report of its own."""
    return reported is not None and quarter < reported and not groups.get("end_verb") \
        and not groups.get("fiscal") and not groups.get("fiscal_after")


def _leaves_day_open(groups: dict[str, str | None]) -> bool:
    """A clock time with no day of its own ("at 10 p.m.", "at 4 in the morning"); "10 p.m. Friday"
    and "7 this morning", "11pm last night" name theirs."""
    part = (groups.get("part") or "").lower()
    return not groups.get("day") and not part.startswith(("this", "last", "yesterday")) and part != "tonight"


def _on_the_day_of_its_sentence(clock: Timex, timexes: list[Timex], text: str) -> Timex:
    """A clock time without a day of its own is on the day named right after it ("at 10:35 a.m.
    (0735 GMT) Friday") or by the adverbial that opens its sentence and frames all of it ("On
    Feb. 9, the polls closed at 10 p.m.") or written right before it, as timestamps do ("Dec 22, 2017
    at 2:57pm"); other days in the sentence may belong to other events
    ("rose from Monday's close to ... at 10 a.m."), so without those it stays on the publication day. The second
    clock of a range takes the first's day ("between 5pm and 9pm"). A part of a day
    named before it in the sentence that holds its hour ("gathered on Sunday night for the fireworks from 9pm", "last
    night ... just before 6pm") is the stretch the clock narrows, so the clock is on that day."""
    if clock.value[10:11] != "T":
        return clock
    left, _ = sentence_bounds(text, clock.span.start, clock.span.end)
    for day in timexes:
        if _restates_with_a_day(clock, day, text) or _holds_its_hour(day, clock, left) \
                or _closes_a_range_from(day, clock, text):
            return dataclasses.replace(clock, value=day.value[:10] + clock.value[10:])
        if day.type != "DATE" or not _DAY_VALUE.fullmatch(day.value):
            continue
        follows = day.span.start >= clock.span.end and (_ADJACENT.fullmatch(text[clock.span.end:day.span.start])
                                                        or _PLACE_THEN_DAY.fullmatch(text[clock.span.end:day.span.start]))
        leads = day.span.end <= clock.span.start and _LEADING.fullmatch(text[day.span.end:clock.span.start])
        frames = left <= day.span.start and day.span.end <= clock.span.start \
            and _FRAME_OPENING.fullmatch(text[left:day.span.start])
        if follows or leads or frames:
            return dataclasses.replace(clock, value=day.value + clock.value[10:])
    return clock


def _on_the_day_of_the_story(clock: Timex, timexes: list[Timex], text: str) -> Timex:
    """"A gorilla dragged a boy who fell into its enclosure on Saturday afternoon. ... The incident was reported
    around 4pm.": a clock time told in the past with no day in its sentence belongs to the event the story tells,
    dated by the first day the article names (its lead), when that day is before the publication day; the small
    hours after a night or evening told are the next day's ("Wednesday night ... closed it out at 12:47 a.m.", "the
    polls closed at 10 p.m. The count began at 6 a.m."). A clock whose sentence names another day before it ("left
    at 11:36 a.m. Tuesday and returned at 7:33 p.m.") is left as it is: that day may be another event's; unless
    that day only dates the saying of a report whose reported clause holds the clock ("said in a statement on New
    Year's Day that the period between 5pm and 9pm was amazing": TimeML anchors each event by the time of its
    own clause)."""
    left, _ = sentence_bounds(text, clock.span.start, clock.span.end)
    days = [t for t in timexes if t.span.end <= clock.span.start and t.type in ("DATE", "TIME")
            and _DAY_VALUE.fullmatch(t.value[:10]) and t.value[:4].isdigit()]
    told = [t for t in days if t.span.end <= left or not _dates_the_saying(t, text, left)]
    if not told or told[-1].span.end > left or told[0].value[:10] >= clock.value[:10]:
        return clock
    day = told[0].value[:10]
    if clock.value[11:13] < "07" and told[-1].value[:10] == day and _AT_NIGHT.search(told[-1].value):
        day = (dt.date.fromisoformat(day) + dt.timedelta(days=1)).isoformat()
    return dataclasses.replace(clock, value=day + clock.value[10:])


def _dates_the_saying(day: Timex, text: str, left: int) -> bool:
    """Whether ``day`` ends the main clause of a report, a verb of saying before it in its sentence (from ``left``)
    and the reported "that" clause right after it ("said in a statement on Monday that ...")."""
    return bool(_SAYING.search(text, left, day.span.start)) and bool(_THAT_CLAUSE.match(text, day.span.end))


def _closes_a_range_from(first: Timex, clock: Timex, text: str) -> bool:
    """"between 5pm and 9pm", "from 9am to 1pm": the second clock of a range within a day is on the first's day."""
    return first.type == "TIME" and bool(_CLOCK_HOUR.fullmatch(first.value[10:16])) and first.span.end <= \
        clock.span.start and bool(_RANGE_JOIN.fullmatch(text, first.span.end, clock.span.start)) \
        and first.value[11:16] < clock.value[11:16]


def _holds_its_hour(part: Timex, clock: Timex, left: int) -> bool:
    """Whether ``part`` is a dated part of a day ("Sunday night", "last night") told earlier in the clock's sentence
    (from ``left``) whose hours hold the clock's hour on that same date (9 p.m. in the night, 10 a.m. in the
    morning; not the small hours, which after a night are the next day's)."""
    told = _DAY_PART_VALUE.fullmatch(part.value)
    if part.type != "TIME" or told is None or not _CLOCK_HOUR.fullmatch(clock.value[10:16]) \
            or not left <= part.span.start < clock.span.start:
        return False
    first, last = _PART_HOURS[told.group("part")]
    return first <= clock.value[11:16] <= last


def _restates_with_a_day(clock: Timex, other: Timex, text: str) -> bool:
    """"will leave at 4 in the morning (4 a.m. EDT Thursday)": a bracket right after a clock time that gives
    the same time with its day (another zone's name for it) dates the clock too."""
    return other.type == "TIME" and bool(_NAMED_DAY.search(other.span.text)) and other.span.start >= clock.span.end \
        and bool(_OPENING_BRACKET.fullmatch(text[clock.span.end:other.span.start])) \
        and text[other.span.end:other.span.end + 3].lstrip().startswith(")")


_AT_NIGHT = re.compile(r"T(?:NI|EV|1[89]|2\d)")
_SAYING = re.compile(r"\b(?:said|says|told|announced|stated|wrote|posted|tweeted|reported)\b", re.I)
_THAT_CLAUSE = re.compile(r"\s*,?\s*that\b", re.I)
_DAY_PART_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}T(?P<part>MO|AF|EV|NI)")
# the clock times a part of the day takes in on its own date (TIDES 2005 leaves the bounds to usage: a morning
# from dawn to noon, an afternoon after noon, an evening from late afternoon, a night from dusk to midnight)
_PART_HOURS = {"MO": ("04:00", "11:59"), "AF": ("12:01", "17:59"), "EV": ("16:00", "23:59"), "NI": ("18:00", "23:59")}
_OPENING_BRACKET = re.compile(r"[\s,]*\(\s*")
_NAMED_DAY = re.compile(rf"\b(?:{DAY_WORD}|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.I)
_ADJACENT = re.compile(r"[\s,)]*(?:\([^()]{0,20}\))?[\s,]*(?:on\s+)?")
# "occurred at 6:40 p.m. at the colliery in Linfen on Sunday": the day that closes the clock's clause, after its place
_PLACE_THEN_DAY = re.compile(r"\s+(?:at|in|near|outside|inside)\s[^.;:,()\"“”]{0,70}?\son\s+")
_LEADING = re.compile(r"(?:'s|’s)?[\s,]*(?:at\s+)?")  # "Dec 22, 2017 at 2:57pm", "Monday's 5 p.m. close"
_FRAME_OPENING = re.compile(r"[\s\"'“]*(?:(?:on|by|late|early|later|earlier)\s+)?", re.I)


def _text_reader(text: str, start: int, end: int, bounds):
    """A thunk for the sentence or clause around an expression (``bounds`` finds it), for resolvers that read what
    it compares or whether it tells a habit."""
    def read():
        left, right = bounds(text, start, end)
        return text[left:right]
    return read


def _tense_reader(text: str, start: int, end: int, doc: "Doc | None"):
    """A thunk for the clause tense, so the parse is consulted only for expressions that need it."""
    def read():
        direction = direction_from_doc(doc, text, start, end) if doc is not None else None
        return direction or direction_from_text(text, start, end)
    return read


def _marked_reader(text: str, start: int, end: int, doc: "Doc | None"):
    """A thunk for the tense marked on the verb the expression dates (None when only borrowed)."""
    def read():
        if doc is None:
            return marked_direction_from_text(text, start)
        return marked_direction_from_doc(doc, start, end)
    return read
