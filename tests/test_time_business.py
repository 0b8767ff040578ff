"""The blind-labelled business-news time set (benchmarks/data/time_business_<half>.jsonl: te3_silver articles chosen
by ``business_selection``, half K for method work and half L untouched) loads, holds well-formed TIMEX3 values in
selection order and still fits the shared texts; the selection rule is checked on rows written here."""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest
from conftest import ROOT, shared_path
from test_time_silver import assert_half_of_twenty, assert_spans_match_te3_silver

sys.path.insert(0, str(ROOT))

from benchmarks.time_news import (BUSINESS_ARTICLES, YARDSTICKS, business_selection, business_words,  # noqa: E402
                                  load_labels, silver_labelled_ids)

DATA = ROOT / "benchmarks" / "data"
# half -> (its first article in the fixed selection, expressions, expressions by type in TYPES order)
HALVES = {
    "K": ("XIN_ENG_20061116.0130", 123, (105, 1, 16, 1)),
    "L": ("XIN_ENG_20061113.0225", 126, (105, 2, 17, 2)),
}


def _path(half: str) -> Path:
    return DATA / f"time_business_{half.lower()}.jsonl"


@pytest.mark.parametrize("half", sorted(HALVES))
def test_half_loads_as_twenty_articles_in_selection_order_with_well_formed_timexes(half):
    assert BUSINESS_ARTICLES == 2 * 20
    assert_half_of_twenty(_path(half), half, *HALVES[half])


def test_the_business_set_shows_half_k_only_and_has_no_second_annotator():
    business = YARDSTICKS["business"]
    assert [p.name for p in business.labels] == ["time_business_k.jsonl", "time_business_l.jsonl"]
    assert business.texts == ("data", "corpus", "te3_silver.jsonl") and business.shown == ("K",)
    assert business.second is None


def test_the_halves_are_the_selection_of_te3_silver_outside_the_silver_halves():
    """The labelled articles are exactly what the rule picks today, in its order (skips without ../shared)."""
    corpus = shared_path("data", "corpus", "te3_silver.jsonl")
    rows = [json.loads(line) for line in corpus.open(encoding="utf-8")]
    selection = business_selection(rows, silver_labelled_ids())
    labelled = [(article_id, label["half"]) for half in "KL" for article_id, label in load_labels(_path(half)).items()]
    assert sorted(selection) == sorted(labelled)
    assert [article_id for article_id, half in selection if half == "K"] == list(load_labels(_path("K")))


def _row(article_id: str, text: str, published: str | None = "2006-11-01") -> dict:
    return {"id": article_id, "published": published, "text": text}


def test_the_selection_rule_needs_two_business_words_a_date_a_length_and_no_other_set():
    """Two distinct words of the list (whole words, any case, a plural "s"), a published date, 300-3000 characters,
    not taken by the silver halves; sha1(id) order, alternating K / L."""
    filler = " The meeting went on." * 20
    rows = [_row("two-words", "Quarterly PROFITS rose, and the stock gained." + filler),
            _row("one-word", "Profit rose." + filler),
            _row("inside-a-word", "The stockade held, profitable as ever." + filler),
            _row("no-date", "Profit and sales rose." + filler, None),
            _row("too-short", "Profit and sales rose."),
            _row("taken", "Profit and sales rose." + filler),
            _row("also-two", "Exports and net income rose." + filler)]
    assert business_words(rows[0]["text"]) == {"profit", "stock"}
    assert business_words(rows[2]["text"]) == set()
    chosen = business_selection(rows, {"taken"})
    order = sorted(["two-words", "also-two"], key=lambda i: hashlib.sha1(i.encode()).hexdigest())
    assert chosen == [(order[0], "K"), (order[1], "L")]


@pytest.mark.parametrize("half", sorted(HALVES))
def test_labelled_spans_match_the_shared_texts(half):
    assert_spans_match_te3_silver(_path(half), HALVES[half][1])
