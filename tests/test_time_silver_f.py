"""Half F of the newswire time labels (time_silver_f.jsonl: 20 Xinhua / AFP articles of te3_silver.jsonl,
the untouched held-out half) loads, holds well-formed TIMEX3 values and still fits the shared texts."""
from __future__ import annotations

import json
import sys

from conftest import ROOT, shared_path

sys.path.insert(0, str(ROOT))

from benchmarks.time_news import labelled_documents, load_labels, span_sha1  # noqa: E402
from test_time_news import _assert_well_formed  # noqa: E402

HALF_F = ROOT / "benchmarks" / "data" / "time_silver_f.jsonl"
SELECTION_ORDER_FIRST = "XIN_ENG_20051101.0360"  # the first F article of the fixed selection


def test_half_f_loads_as_twenty_articles_with_ordered_well_formed_timexes():
    articles = load_labels(HALF_F)
    assert len(articles) == 20
    assert {a["half"] for a in articles.values()} == {"F"}
    assert next(iter(articles)) == SELECTION_ORDER_FIRST
    assert sum(a["expressions"] for a in articles.values()) == 111
    _assert_well_formed(articles)


def test_half_f_counts_by_type():
    timexes = [t for a in load_labels(HALF_F).values() for t in a["timexes"]]
    counts = {kind: sum(t["type"] == kind for t in timexes) for kind in ("DATE", "TIME", "DURATION", "SET")}
    assert counts == {"DATE": 83, "TIME": 12, "DURATION": 13, "SET": 3}


def test_half_f_spans_match_the_shared_texts():
    path = shared_path("data", "corpus", "te3_silver.jsonl")
    labels = load_labels(HALF_F)
    texts = {row["id"]: row["text"] for row in map(json.loads, path.open(encoding="utf-8")) if row["id"] in labels}
    documents = labelled_documents(labels, texts)
    assert sum(len(d["timexes"]) for d in documents) == 111
    assert all(span_sha1(d["text"], t["start"], t["end"]) == t["sha1"] for d in documents for t in d["timexes"])
    spans = [d["text"][t["start"]:t["end"]] for d in documents for t in d["timexes"]]
    assert all(span == span.strip() and span for span in spans)  # no leading / trailing space, none empty
