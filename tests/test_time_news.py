"""The modern-news time labels (time_news.jsonl and the second annotator's time_news_second.jsonl) load and fit the shared texts."""
from __future__ import annotations

import json
import sys

import pytest
from conftest import ROOT, shared_path

sys.path.insert(0, str(ROOT))

from benchmarks.time_news import LABELS, SECOND_LABELS, labelled_documents, load_labels, span_sha1  # noqa: E402


def _assert_well_formed(articles: dict[str, dict]) -> None:
    for article in articles.values():
        timexes = article["timexes"]
        assert len(timexes) == article["expressions"]
        assert all(t["type"] in ("DATE", "TIME", "DURATION", "SET") and t["value"] for t in timexes)
        assert all(a["end"] <= b["start"] for a, b in zip(timexes, timexes[1:]))
        assert not any("text" in t for t in timexes)  # offsets and labels only: the texts belong to their publishers


def test_labels_load_as_articles_with_ordered_timexes_and_no_text():
    articles = load_labels(LABELS)
    assert len(articles) == 58
    assert sorted(a["half"] for a in articles.values()) == ["A"] * 16 + ["B"] * 16 + ["C"] * 26
    _assert_well_formed(articles)


def test_second_annotator_labels_cover_half_a_articles_of_the_first():
    first, second = load_labels(LABELS), load_labels(SECOND_LABELS)
    assert len(second) == 15
    assert all(first[article_id]["half"] == "A" == label["half"] for article_id, label in second.items())
    _assert_well_formed(second)


@pytest.mark.parametrize(("labels", "expressions"), [(LABELS, 493), (SECOND_LABELS, 95)])
def test_labelled_spans_match_the_shared_texts(labels, expressions):
    path = shared_path("data", "clustering", "news_cluster.jsonl")
    texts = {row["id"]: row["text"] for row in map(json.loads, path.open(encoding="utf-8"))}
    documents = labelled_documents(load_labels(labels), texts)
    assert sum(len(d["timexes"]) for d in documents) == expressions
    assert all(span_sha1(d["text"], t["start"], t["end"]) == t["sha1"] for d in documents for t in d["timexes"])


def test_a_changed_text_is_detected():
    article = next(a for a in load_labels(LABELS).values() if a["timexes"])
    with pytest.raises(SystemExit, match="no longer match"):
        labelled_documents({article["article"]: article}, {article["article"]: "x" * 20000})
