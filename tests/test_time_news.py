"""The modern-news time labels (time_news.jsonl, and the second annotator's time_news_second.jsonl) load, hold
well-formed TIMEX3 values and still fit the shared texts."""
from __future__ import annotations

import json
import re
import sys

import pytest
from conftest import ROOT, shared_path

sys.path.insert(0, str(ROOT))

from benchmarks.time_news import LABELS, SECOND_LABELS, labelled_documents, load_labels, span_sha1  # noqa: E402

# TIMEX3 values as the labels use them: a reference, a calendar value (decade as three digits, "199" for the
# 1990s; year, month, day, week, weekend, quarter, half, season; X for the unknown parts) with an optional clock
# time or part of day, or an ISO 8601 duration (quarters "P2Q" as TBAQ writes them; clock units only after T,
# so "PXH" for "hours" is caught)
_MONTH_DAY = r"-(0[1-9]|1[0-2]|XX)(-(0[1-9]|[12]\d|3[01]|XX))?"
_DATE = rf"(\d{{3}}|\d{{4}}|XXXX)({_MONTH_DAY}|-W(\d{{2}}|XX)(-WE|-\d)?|-(Q[1-4]|H[12])|-(SP|SU|FA|WI))?"
_CLOCK = r"T(\d{2}:\d{2}(:\d{2})?|MO|MI|AF|EV|NI|DT)"
_AMOUNT = r"(\d+(\.\d+)?|X)"
_DURATION = rf"P(({_AMOUNT}(Y|Q|M|W|D|DE|CE))+(T({_AMOUNT}[HMS])+)?|T({_AMOUNT}[HMS])+)"
TIMEX3_VALUE = re.compile(rf"(PRESENT_REF|PAST_REF|FUTURE_REF|{_DATE}({_CLOCK})?|{_DURATION})")


def _assert_well_formed(articles: dict[str, dict]) -> None:
    for article in articles.values():
        timexes = article["timexes"]
        assert len(timexes) == article["expressions"]
        assert all(t["type"] in ("DATE", "TIME", "DURATION", "SET") for t in timexes)
        assert all(TIMEX3_VALUE.fullmatch(t["value"]) for t in timexes), [t["value"] for t in timexes]
        assert all(a["end"] <= b["start"] for a, b in zip(timexes, timexes[1:]))
        assert not any("text" in t for t in timexes)  # offsets and labels only: the texts belong to their publishers


def test_labels_load_as_articles_with_ordered_timexes_and_no_text():
    articles = load_labels(LABELS)
    assert len(articles) == 78
    assert sorted(a["half"] for a in articles.values()) == ["A"] * 16 + ["B"] * 16 + ["C"] * 26 + ["D"] * 20
    _assert_well_formed(articles)


def test_second_annotator_labels_cover_half_a_articles_of_the_first():
    first, second = load_labels(LABELS), load_labels(SECOND_LABELS)
    assert len(second) == 15
    assert all(first[article_id]["half"] == "A" == label["half"] for article_id, label in second.items())
    _assert_well_formed(second)


@pytest.mark.parametrize(("labels", "expressions"), [(LABELS, 668), (SECOND_LABELS, 95)])
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


@pytest.mark.parametrize("value", ["PXH", "P3H", "2017-13", "2017-12-31T5:10", "yesterday", ""])
def test_malformed_timex3_values_are_caught(value):
    assert not TIMEX3_VALUE.fullmatch(value)


@pytest.mark.parametrize("value", ["PTXH", "P1000000000Y", "PT9M46S", "2018-W05-WE", "2017-FA", "XXXX-XX-XXTNI",
                                   "2017-12-26T17:52", "PAST_REF", "2017-Q4", "199", "P2Q"])
def test_well_formed_timex3_values_pass(value):
    assert TIMEX3_VALUE.fullmatch(value)
