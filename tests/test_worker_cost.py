"""The worker account (benchmarks/worker_cost.py) times annotate_batch's steps without changing what it returns."""
from __future__ import annotations

import pickle
import sys

from conftest import ROOT

from storyline import annotate
from storyline.annotate import nlp
from storyline.model import Article

sys.path.insert(0, str(ROOT))
from benchmarks.worker_cost import Clock, instrumented, run_batches  # noqa: E402

TEXTS = ("The mayor of Kestrel Bay said on Monday that the harbour would reopen next week. "
         "\"We have waited long enough,\" she told reporters after the council met.",
         "Two ministers resigned on Friday. The prime minister thanked them and promised an inquiry by March.")


def articles() -> list[Article]:
    return [Article(id=f"a_{i}", text=text, published="2026-03-02") for i, text in enumerate(TEXTS)]


def test_the_timed_steps_return_what_annotate_batch_returns_and_are_undone_after():
    plain = pickle.dumps(annotate.annotate_batch(articles()))
    clock = Clock()
    with instrumented(clock):
        timed = pickle.dumps(annotate.annotate_batch(articles()))
    assert timed == plain
    assert set(clock.spent) == {"parse", "doc_to_bytes", *annotate.COMPONENTS}
    assert all(seconds > 0 for step, seconds in clock.spent.items() if step != "sentences")
    assert not hasattr(nlp.parse, "__wrapped__") and not hasattr(annotate.COMPONENTS["quotes"], "__wrapped__")


def test_each_batch_goes_through_the_pickles_a_pool_uses():
    clock = Clock()
    sent = run_batches([articles()[:1], articles()[1:]], clock)
    assert sent > 0
    assert {"unpickling the call", "annotate_batch", "pickling the result", "the parent unpickling it"} <= set(clock.spent)
