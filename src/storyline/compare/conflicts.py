"""Conflicts between outlets: facts about the same thing whose values cannot both be true.

Two facts conflict only when they are comparable (same field, attached to the same thing) and
incompatible: number ranges that do not overlap ("at least 50" agrees with "59"; "six" and
"eight" do not), dates that are not one a refinement of the other, different named actors for
the same predicate, places in different countries for the same predicate.

Numbers that differ only across publication days, rising later, are a developing story (a toll
that climbs overnight), not a contradiction: they are kept as a ``number`` record with
``"kind": "update"`` and do not make the claim a conflict. Any disagreement within one day, a lower
figure later or an undated article keeps it a conflict. On the labelled pairs the time-ordered
differences were all rises reported days or weeks apart, and every real disagreement was within one
day or went down later (docs/benchmarks.md, claims).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import combinations

from storyline.compare.facts import Fact, actors_compatible, comparable_numbers, dates_compatible
from storyline.compare.numbers import overlaps

Facts = dict[str, list[Fact]]  # article_id -> facts of its statement(s)


def comparable(a: Fact, b: Fact) -> bool:
    if a.field != b.field:
        return False
    return comparable_numbers(a, b) if a.field == "number" else a.key == b.key


def compatible(a: Fact, b: Fact) -> bool:
    if a.field == "number":
        return overlaps((a.low, a.high), (b.low, b.high))
    if a.field == "date":
        return dates_compatible(a.value, b.value)
    if a.field == "actor":
        return actors_compatible(a, b)
    return a.value == b.value


def strict_key(fact: Fact) -> bool:
    """A number whose noun and verb are both known names one thing across a whole story."""
    return fact.field == "number" and all(fact.key[1:])


def find_conflicts(facts: Facts, outlet_of: dict[str, str],
                   match: Callable[[Fact, Fact], bool] = comparable) -> list[tuple[Fact, list[tuple[str, Fact]]]]:
    """Groups of mutually comparable facts from different outlets in which some values disagree:
    (a representative fact, [(article_id, fact)]). A fact disagrees when the other outlet states the
    same thing and none of its values is compatible."""
    groups: list[tuple[Fact, list[tuple[str, Fact]]]] = []
    ids = sorted(facts)
    for i, a_id in enumerate(ids):
        for b_id in ids[i + 1:]:
            if outlet_of[a_id] == outlet_of[b_id]:
                continue
            for fa in facts[a_id]:
                others = [fb for fb in facts[b_id] if match(fa, fb)]
                if others and not any(compatible(fa, fb) for fb in others):
                    _add(groups, fa, [(a_id, fa), *((b_id, fb) for fb in others)], match)
    return groups


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
                values.append({"article_id": article_id, "value": fact.value, "text": fact.text})
        record = {"field": rep.field, "values": values}
        if rep.field == "number" and is_update(members, published or {}):
            record["kind"] = "update"
        records.append(record)
    return records


def is_update(members: list[tuple[str, Fact]], published: dict[str, str | None]) -> bool:
    """Numbers that disagree only across publication days and never go down later (a toll that
    rises from one day to the next) are a story developing, not outlets contradicting each other.
    Any disagreement within one day, a lower figure later, or an undated article: a conflict."""
    days = [(published.get(a) or "")[:10] for a, _ in members]
    if not all(days) or len(set(days)) < 2:
        return False
    for (day_a, (_, fa)), (day_b, (_, fb)) in combinations(zip(days, members), 2):
        if day_a == day_b and not compatible(fa, fb):
            return False
        early, late = (fa, fb) if day_a < day_b else (fb, fa)
        if day_a != day_b and late.high < early.low:
            return False
    return True
