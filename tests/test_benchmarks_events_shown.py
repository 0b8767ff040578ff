"""The "as shown" events benchmark (benchmarks/events_shown.py) records what a reader is shown: a
negated event must keep its negation in the label row, or a change of it goes unseen."""
from __future__ import annotations

import sys

from conftest import ROOT

from storyline.annotate.events import extract_events

sys.path.insert(0, str(ROOT))
from benchmarks.events_shown import _shown  # noqa: E402

NEWS = "Russian troops attacked the city of Kharkiv on Saturday. "


def shown_rows(nlp, sentence: str) -> list[dict]:
    """The label rows' "shown" part of the events of a sentence written after a line of war news."""
    text = NEWS + sentence
    return [_shown(e.to_dict()) for e in extract_events(nlp(text), text, "a_test", published="2026-02-12")
            if e.sentence.start >= len(NEWS)]


def test_a_negated_event_shows_its_negation(nlp):
    rows = shown_rows(nlp, "The Ukrainian army did not attack the town of Belgorod.")
    assert rows and all("negation" in row["aux"] for row in rows)


def test_an_event_told_as_done_shows_no_aux_mode(nlp):
    rows = shown_rows(nlp, "The Ukrainian army attacked the town of Belgorod.")
    assert rows and all(row["aux"] == [] for row in rows)
