"""The blind-labelled newswire time set (benchmarks/data/time_silver_<half>.jsonl: Xinhua / AFP articles of
te3_silver, the halves of 20 in HALVES, and a second annotator's re-labelling of the first five half-E articles)
loads, holds well-formed TIMEX3 values in selection order and still fits the shared texts."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from conftest import ROOT, shared_path
from test_time_news import _assert_well_formed

sys.path.insert(0, str(ROOT))

from benchmarks.time_news import labelled_documents, load_labels, span_sha1  # noqa: E402

DATA = ROOT / "benchmarks" / "data"
SECOND = DATA / "time_silver_second.jsonl"
TYPES = ("DATE", "TIME", "DURATION", "SET")
# half -> (its first article in the fixed selection, expressions, expressions by type in TYPES order)
HALVES = {
    "E": ("XIN_ENG_20051108.0110", 108, (87, 4, 17, 0)),
    "F": ("XIN_ENG_20051101.0360", 111, (83, 12, 13, 3)),
    "G": ("XIN_ENG_20051118.0150", 111, (93, 1, 17, 0)),
    "H": ("XIN_ENG_20061110.0275", 90, (69, 6, 13, 2)),
    "I": ("XIN_ENG_20051102.0342", 91, (69, 11, 11, 0)),
    "J": ("XIN_ENG_20051123.0205", 95, (69, 1, 23, 2)),
}


def _path(half: str) -> Path:
    return DATA / f"time_silver_{half.lower()}.jsonl"


def assert_half_of_twenty(path: Path, half: str, first: str, expressions: int, by_type: tuple[int, ...]) -> None:
    """A label file holds twenty articles of one half in selection order, with well-formed TIMEX3 values and the
    expressions counted by type (also used by the business set's test)."""
    articles = load_labels(path)
    assert len(articles) == 20
    assert {a["half"] for a in articles.values()} == {half}
    assert next(iter(articles)) == first
    assert sum(a["expressions"] for a in articles.values()) == expressions
    _assert_well_formed(articles)
    timexes = [t for a in articles.values() for t in a["timexes"]]
    assert tuple(sum(t["type"] == kind for t in timexes) for kind in TYPES) == by_type


def assert_spans_match_te3_silver(path: Path, expressions: int) -> None:
    """Every labelled span still cuts the same text (by sha1) from te3_silver, with no stray space (skips without
    ../shared)."""
    corpus = shared_path("data", "corpus", "te3_silver.jsonl")
    labels = load_labels(path)
    texts = {row["id"]: row["text"] for row in map(json.loads, corpus.open(encoding="utf-8")) if row["id"] in labels}
    documents = labelled_documents(labels, texts)
    assert all(span_sha1(d["text"], t["start"], t["end"]) == t["sha1"] for d in documents for t in d["timexes"])
    spans = [d["text"][t["start"]:t["end"]] for d in documents for t in d["timexes"]]
    assert len(spans) == expressions
    assert all(span and span == span.strip() for span in spans)


@pytest.mark.parametrize("half", sorted(HALVES))
def test_half_loads_as_twenty_articles_in_selection_order_with_well_formed_timexes(half):
    assert_half_of_twenty(_path(half), half, *HALVES[half])


def test_second_annotator_labels_the_first_five_half_e_articles_in_their_order():
    first, second = load_labels(_path("E")), load_labels(SECOND)
    assert list(second) == list(first)[:5]
    assert {a["half"] for a in second.values()} == {"E"}
    assert sum(a["expressions"] for a in second.values()) == 35
    _assert_well_formed(second)


@pytest.mark.parametrize(("path", "expressions"), [*((_path(h), HALVES[h][1]) for h in sorted(HALVES)), (SECOND, 35)])
def test_labelled_spans_match_the_shared_texts(path, expressions):
    assert_spans_match_te3_silver(path, expressions)
