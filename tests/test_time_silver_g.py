"""Half G of the blind-labelled newswire time set (time_silver_g.jsonl: 20 Xinhua / AFP articles of te3_silver,
the second selection) loads, holds well-formed TIMEX3 values and still fits the shared texts; so does the second
annotator's blind re-labelling of five half-E articles (time_silver_second.jsonl), kept to measure how much the
labels depend on the annotator."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from conftest import ROOT, shared_path

sys.path.insert(0, str(ROOT))

from benchmarks.time_news import labelled_documents, load_labels, span_sha1  # noqa: E402
from test_time_news import _assert_well_formed  # noqa: E402

HALF_G = ROOT / "benchmarks" / "data" / "time_silver_g.jsonl"
FIRST_G_ARTICLE = "XIN_ENG_20051118.0150"  # the first G article of the fixed selection
HALF_E = ROOT / "benchmarks" / "data" / "time_silver_e.jsonl"
SECOND_E = ROOT / "benchmarks" / "data" / "time_silver_second.jsonl"


def _timexes(path: Path) -> list[dict]:
    return [t for a in load_labels(path).values() for t in a["timexes"]]


def _assert_spans_fit_shared_texts(path: Path, expressions: int) -> None:
    """Every labelled span still cuts the same text (by sha1) from ../shared, with no stray space (skips without it)."""
    corpus = shared_path("data", "corpus", "te3_silver.jsonl")
    labels = load_labels(path)
    texts = {row["id"]: row["text"] for row in map(json.loads, corpus.open(encoding="utf-8")) if row["id"] in labels}
    documents = labelled_documents(labels, texts)
    assert all(span_sha1(d["text"], t["start"], t["end"]) == t["sha1"] for d in documents for t in d["timexes"])
    spans = [d["text"][t["start"]:t["end"]] for d in documents for t in d["timexes"]]
    assert len(spans) == expressions
    assert all(span and span == span.strip() for span in spans)


def test_half_g_loads_as_twenty_articles_in_selection_order_with_well_formed_timexes():
    articles = load_labels(HALF_G)
    assert len(articles) == 20
    assert {a["half"] for a in articles.values()} == {"G"}
    assert next(iter(articles)) == FIRST_G_ARTICLE
    assert sum(a["expressions"] for a in articles.values()) == 111
    _assert_well_formed(articles)


def test_half_g_counts_by_type():
    counts = {kind: sum(t["type"] == kind for t in _timexes(HALF_G)) for kind in ("DATE", "TIME", "DURATION", "SET")}
    assert counts == {"DATE": 93, "TIME": 1, "DURATION": 17, "SET": 0}


def test_half_g_spans_match_the_shared_texts():
    _assert_spans_fit_shared_texts(HALF_G, 111)


def test_second_annotator_labels_the_first_five_half_e_articles_in_their_order():
    first, second = load_labels(HALF_E), load_labels(SECOND_E)
    assert list(second) == list(first)[:5]
    assert {a["half"] for a in second.values()} == {"E"}
    assert sum(a["expressions"] for a in second.values()) == 35
    _assert_well_formed(second)


def test_second_annotator_spans_match_the_shared_texts():
    _assert_spans_fit_shared_texts(SECOND_E, 35)
