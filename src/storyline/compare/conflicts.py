"""Conflicts between outlets: facts about the same thing whose values cannot both be true.

Two facts conflict only when they are comparable (same field, attached to the same thing) and
incompatible: number ranges that do not overlap ("at least 50" agrees with "59"; "six" and
"eight" do not) and whose sums do not either ("51 taken to hospital" agrees with "20 to one
hospital and 31 to another"), dates of one event (a week apart at most) that are not one a
refinement of the other, different named actors for the same action on the same thing, places
in different countries for the same predicate. Statements dated far apart (by their dates, or
for undated ones their article's publication day: more than a week apart) tell of different events,
so only their dates are compared.

Numbers that differ only across publication days, rising later, are a developing story (a toll
that climbs overnight), not a contradiction: they are kept as a ``number`` record with
``"kind": "update"`` and do not make the claim a conflict; so is a figure the later report gives as
revised ("raised its estimate to 145.5 million", "has now risen to 32"), whichever way it moved. Any
other disagreement within one day, a lower figure later or an undated article keeps it a conflict.
On the labelled pairs the time-ordered differences were all rises reported days or weeks apart, and
every real disagreement was within one day or went down later (docs/benchmarks.md, claims).
"""
from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import replace
from itertools import combinations

from storyline.compare.facts import (LIGHT_VERBS, MEASURE_UNITS, REPORTING_VERBS, Fact, actors_compatible,
                                     comparable_numbers, dates_compatible, dates_near, same_dated_thing,
                                     same_words)
from storyline.compare.numbers import overlaps

Facts = dict[str, list[Fact]]  # article_id -> facts of its statement(s)
ACTIONLESS_VERBS = LIGHT_VERBS | REPORTING_VERBS


def comparable(a: Fact, b: Fact) -> bool:
    """Facts about one thing: same field and key; numbers counting the same thing; dates near
    enough to be of one event."""
    if a.field != b.field:
        return False
    if a.field == "number":
        return comparable_numbers(a, b)
    if a.field == "date":
        return same_dated_thing(a, b) and dates_near(a.value, b.value)
    return a.key == b.key


def compatible(a: Fact, b: Fact) -> bool:
    if a.field == "number":
        return overlaps((a.low, a.high), (b.low, b.high))
    if a.field == "date":
        return dates_compatible(a.value, b.value) or same_words(a, b)
    if a.field == "actor":
        return actors_compatible(a, b)
    return a.value == b.value


def strict_key(fact: Fact) -> bool:
    """A count whose noun and verb are both known names one thing across a whole story ("photos
    posted", "villagers killed"); a measure does not ("83 yards" one player had, "75 yards"
    another had)."""
    kind, noun, verb = fact.key if fact.field == "number" else (None, None, None)
    return kind == "count" and bool(noun and verb) and noun not in MEASURE_UNITS


def counts_an_action(fact: Fact) -> bool:
    """A count of what some action did ("killed six", "posted four photos", "40 injured"): its
    verb says what happened, so another outlet's count with that verb and noun is of the same
    thing. Measures ("83 yards"), and counts under light or reporting verbs, say too little."""
    if fact.field != "number":
        return False
    kind, noun, verb = fact.key
    return kind == "count" and verb is not None and verb not in ACTIONLESS_VERBS and noun not in MEASURE_UNITS


def find_conflicts(facts: Facts, outlet_of: dict[str, str], match: Callable[[Fact, Fact], bool] = comparable,
                   published: dict[str, str | None] | None = None) -> list[tuple[Fact, list[tuple[str, Fact]]]]:
    """Groups of mutually comparable facts from different outlets in which some values disagree:
    (a representative fact, [(article_id, fact)]). A fact disagrees when the other outlet states the
    same thing and none of its values (nor their sum) is compatible. Between statements dated far
    apart (``same_time``) only the dates and revised figures are compared (``across_time``): the rest
    tells of different events (this week's shooting and its toll, one in 2009 and its toll)."""
    groups: list[tuple[Fact, list[tuple[str, Fact]]]] = []
    ids = sorted(facts)
    published = published or {}
    for i, a_id in enumerate(ids):
        for b_id in ids[i + 1:]:
            if outlet_of[a_id] == outlet_of[b_id]:
                continue
            one_time = same_time(_dates(facts[a_id], published.get(a_id)), _dates(facts[b_id], published.get(b_id)))
            days = ((published.get(a_id) or "")[:10], (published.get(b_id) or "")[:10])
            for fa in facts[a_id]:
                others = [fb for fb in facts[b_id] if (one_time or across_time(fa, fb)) and match(fa, fb)
                          and not later_occurrence(fa, fb, *days)]
                if others and not agree([f for f in facts[a_id] if match(f, others[0])], others):
                    _add(groups, fa, [(a_id, fa), *((b_id, fb) for fb in others)], match)
    return groups


def across_time(a: Fact, b: Fact) -> bool:
    """Facts compared between statements of different times: dates (two dates of one event are
    what such statements can disagree on), and a figure given as the revision of an earlier one
    ("raised its estimate to 145.5 million", ``Fact.revised``), which by its words refers back to
    the figure given before, however long before (an update, ``is_update``)."""
    return a.field == "date" or a.revised or b.revised


def later_occurrence(a: Fact, b: Fact, published_a: str, published_b: str) -> bool:
    """Whether one date is after the day the other article came out: that article could not have
    told of it, so the two days date two occurrences ("the toll rose on Tuesday" in Tuesday's
    paper, "... on Wednesday" in Wednesday's; a march on each day), not one event dated twice."""
    if a.field != "date" or not (published_a and published_b):
        return False
    (early, early_day), (late, _) = sorted([(a.value[:10], published_a), (b.value[:10], published_b)])
    return late != early and late > early_day


def agree(mine: list[Fact], theirs: list[Fact]) -> bool:
    """Some value of one side is compatible with some value of the other, or with the sum of the
    other's figures: "51 taken to hospital" agrees with "20 to St Mary's and 31 to the General"."""
    if any(compatible(a, b) for a in mine for b in theirs):
        return True
    if mine[0].field != "number":
        return False
    return any(compatible(total, f) for total, side in ((_total(mine), theirs), (_total(theirs), mine))
               if total is not None for f in side)


def _total(facts: list[Fact]) -> Fact | None:
    """The sum of a statement's distinct figures for one thing (its parts), when it has several."""
    parts = list({f.value: f for f in facts}.values())
    if len(parts) < 2:
        return None
    return replace(parts[0], low=sum(f.low for f in parts), high=sum(f.high for f in parts))


def _dates(facts: list[Fact], published: str | None) -> list[str]:
    """When a statement's events happened: its dates, else the day its article came out. A report
    tells the news of its days and dates what it tells from further back ("on November 8", "last
    month"), so two undated statements of reports published more than a week apart (``dates_near``,
    the week that also bounds one event's dates) tell of two occurrences: two days' market moves,
    the tolls of two raids a topic's story holds, not outlets at odds. (Session 22: on the newswire
    stories of weeks, dated by the month, 25 of 29 conflicts shown on the fit half were such pairs.)"""
    dates = [f.value for f in facts if f.field == "date"]
    return dates or ([published[:10]] if published and published[:4].isdigit() else [])


def same_time(dates_a: list[str], dates_b: list[str]) -> bool:
    """False when both statements are dated and no date of one is near one of the other."""
    return not (dates_a and dates_b) or any(dates_near(x, y) for x in dates_a for y in dates_b)


def _add(groups: list, fact: Fact, members: Iterable[tuple[str, Fact]], match: Callable[[Fact, Fact], bool]) -> None:
    for rep, group in groups:
        if match(rep, fact):
            group.extend(m for m in members if m not in group)
            return
    groups.append((fact, list(members)))


def as_records(groups: list[tuple[Fact, list[tuple[str, Fact]]]], published: dict[str, str | None] | None = None) -> list[dict]:
    """claims.jsonl ``conflicts``: one value per article (its first stated value); a number group
    that is an update over time (``is_update``) gets ``"kind": "update"``."""
    records = []
    for rep, members in groups:
        seen: set[str] = set()
        values = []
        for article_id, fact in members:
            if article_id not in seen:
                seen.add(article_id)
                values.append(_value_record(article_id, fact))
        record = {"field": rep.field, "values": values}
        if rep.field == "number" and is_update(members, published or {}):
            record["kind"] = "update"
        records.append(record)
    return records


def _value_record(article_id: str, fact: Fact) -> dict:
    """One article's value, with where the article states it; a number also says the range its
    wording asserts ("at least 50": [50, null]), so a reader can tell which figures disagree."""
    record = {"article_id": article_id, "value": fact.value, "text": fact.text}
    if fact.span is not None:
        record["span"] = fact.span.to_dict()
    if fact.field == "number":
        record["range"] = [round(fact.low, 6), round(fact.high, 6) if math.isfinite(fact.high) else None]
    return record


def is_update(members: list[tuple[str, Fact]], published: dict[str, str | None]) -> bool:
    """Numbers that disagree only across publication days and never go down later (a toll that
    rises from one day to the next) are a story developing, not outlets contradicting each other;
    so is a figure the later report gives as revised ("raised its estimate to 145.5 million", "the
    toll has now risen to 32": ``Fact.revised``), whichever way it moved and even the same day.
    Any other disagreement within one day, a lower figure later, or an undated article: a conflict.
    An article's own figures are not set against each other: one that gives the earlier figure
    and the revised one (or parts and their total) tells the update itself."""
    stamps = [published.get(a) or "" for a, _ in members]
    if not all(stamps):
        return False
    for (stamp_a, (a, fa)), (stamp_b, (b, fb)) in combinations(zip(stamps, members), 2):
        if a == b or compatible(fa, fb):
            continue
        (early_stamp, early), (late_stamp, late) = sorted([(stamp_a, fa), (stamp_b, fb)], key=lambda x: x[0])
        if late.revised or (early.revised and early_stamp == late_stamp):
            continue  # the later report revises the figure (at one time, either may be the later)
        if early_stamp[:10] == late_stamp[:10] or late.high < early.low:
            return False
    return len({s[:10] for s in stamps}) > 1 or any(f.revised for _, f in members)
