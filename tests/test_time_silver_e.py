"""Half E of the blind-labelled newswire time set (time_silver_e.jsonl, te3_silver Xinhua/AFP articles) loads,
holds well-formed TIMEX3 values and still fits the shared texts."""
from __future__ import annotations

import json
import sys

from conftest import ROOT, shared_path
from test_time_news import _assert_well_formed

sys.path.insert(0, str(ROOT))

from benchmarks.time_news import labelled_documents, load_labels, span_sha1  # noqa: E402

SILVER_E = ROOT / "benchmarks" / "data" / "time_silver_e.jsonl"
EXPRESSIONS = 108


def test_half_e_labels_load_as_twenty_articles_with_well_formed_timexes():
    articles = load_labels(SILVER_E)
    assert len(articles) == 20
    assert {a["half"] for a in articles.values()} == {"E"}
    assert sum(a["expressions"] for a in articles.values()) == EXPRESSIONS
    _assert_well_formed(articles)


def test_half_e_spans_match_the_shared_newswire_texts():
    path = shared_path("data", "corpus", "te3_silver.jsonl")
    labels = load_labels(SILVER_E)
    texts = {row["id"]: row["text"] for row in map(json.loads, path.open(encoding="utf-8")) if row["id"] in labels}
    documents = labelled_documents(labels, texts)
    assert sum(len(d["timexes"]) for d in documents) == EXPRESSIONS
    assert all(span_sha1(d["text"], t["start"], t["end"]) == t["sha1"] for d in documents for t in d["timexes"])
    spans = [d["text"][t["start"]:t["end"]] for d in documents for t in d["timexes"]]
    assert all(span and span == span.strip() for span in spans)
