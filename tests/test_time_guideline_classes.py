"""The TBAQ benchmark's guideline classes (benchmarks/time_tbaq.py --guideline-classes, --profile): an error is put
in the class of TimeML / TIDES that speaks of it, and an error of a form the gold marks in most uses but leaves here
counts as the gold's slip, not as a rule the system breaks. Sentences written for these tests."""
from __future__ import annotations

import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT))
from benchmarks.time_tbaq import GuidelineClasses, Markability, Profile, _guideline_class, match  # noqa: E402


def class_of(text: str, expression: str, kind: str, value: str) -> str:
    """The guideline class of the first ``expression`` in ``text``, found as the benchmark finds it."""
    start = text.index(expression)
    line = text[:start].rsplit("\n", 1)[-1]
    before = "\n" + line if len(line) <= 60 else line[-60:]
    return _guideline_class(expression, kind, value, before, text[start + len(expression):][:20])


def test_a_date_on_the_date_line_is_a_dateline_date():
    text = "\nLIMA, May 3 (Wire) -- The council met on Tuesday."
    assert class_of(text, "May 3", "DATE", "2001-05-03").startswith("dateline")
    assert not class_of("The council met on Tuesday, May 3, in Lima.", "May 3", "DATE", "2001-05-03") \
        .startswith("dateline")


def test_reference_words_and_durations_fall_in_their_classes():
    assert class_of("Prices are now rising.", "now", "DATE", "PRESENT_REF").startswith("reference word")
    assert class_of("He resigned two days after the vote.", "two days", "DURATION", "P2D").startswith(
        "counted duration anchored")
    assert class_of("A three-week strike ended.", "three-week", "DURATION", "P3W").startswith("adjectival")
    assert class_of("Rooms cost $80 a night there.", "a night", "DURATION", "P1D").startswith("rate")
    assert class_of("She has lived there for years.", "years", "DURATION", "PXY").startswith("vague duration")
    assert class_of("The shop shut that day.", "that day", "DATE", "2001-05-03").startswith("anaphoric")
    assert class_of("The plant opened in 1997.", "1997", "DATE", "1997").startswith("calendar")


def item(text: str, expression: str, kind: str, value: str, nth: int = 0) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = text.index(expression, start + 1)
    return {"start": start, "end": start + len(expression), "text": expression, "type": kind, "value": value}


def classified(text: str, gold: list[dict], system: list[dict]) -> GuidelineClasses:
    """The guideline classes of one document's errors, the document being the whole dev part."""
    markability = Markability()
    classes = GuidelineClasses(markability)
    document = {"text": text, "timexes": gold}
    pairs = match(gold, system)
    markability.add(document, system, pairs)
    classes.add(document, system, pairs)
    return classes


def test_a_form_the_gold_mostly_marks_left_once_is_a_gold_slip():
    text = "Sales are now up. Costs are now down. Staff are now fewer."
    gold = [item(text, "now", "DATE", "PRESENT_REF", n) for n in (0, 1)]
    system = [item(text, "now", "DATE", "PRESENT_REF", n) for n in (0, 1, 2)]
    classes = classified(text, gold, system)
    name = next(iter(classes.forms))
    assert name.startswith("reference word")
    assert classes.habits(name) == {"slip": 1}


def test_a_form_the_gold_mostly_leaves_marked_by_the_system_goes_against_its_habit():
    text = "He left soon. She came soon after. They met soon."
    gold = [item(text, "soon", "DATE", "FUTURE_REF", 0)]
    system = [item(text, "soon", "DATE", "FUTURE_REF", n) for n in (0, 1, 2)]
    classes = classified(text, gold, system)
    assert classes.habits(next(iter(classes.forms))) == {"against": 2}


def test_the_profile_counts_spurious_words_of_a_kind_its_document_never_marks():
    text = "The firm now sells cars. It opened in 1997."
    gold = [item(text, "1997", "DATE", "1997")]
    system = gold + [item(text, "now", "DATE", "PRESENT_REF")]
    profile = Profile()
    profile.add({"id": "wsj_test", "text": text, "timexes": gold, "published": "1998-01-02"}, 1, system,
                match(gold, system))
    assert profile.unmatched["spurious DATE REF", 1] == 1
    assert profile.unmatched["spurious DATE REF, none of its kind in the document's gold", 1] == 1
