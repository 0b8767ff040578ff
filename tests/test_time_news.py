"""The modern-news time labels (time_news.jsonl, and the second annotator's time_news_second.jsonl) load, hold
well-formed TIMEX3 values and still fit the shared texts."""
from __future__ import annotations

import hashlib
import json
import re
import sys
from dataclasses import replace

import pytest
from conftest import ROOT, shared_path

sys.path.insert(0, str(ROOT))

from benchmarks.time_news import (LABELS, LABELS_M, SECOND_LABELS, YARDSTICKS, Yardstick,  # noqa: E402
                                  labelled_documents, load_labels, load_set_labels, news_selection, score_halves,
                                  span_sha1)

# TIMEX3 values as the labels use them: a reference, a calendar value (decade as three digits, "199" for the
# 1990s; BC years and centuries as "BC0221", "BC10"; year, month, day, week, weekend, quarter, half, season; X
# for the unknown parts) with an optional clock time or part of day, or an ISO 8601 duration (quarters "P2Q" as
# TBAQ writes them; clock units only after T, so "PXH" for "hours" is caught)
_MONTH_DAY = r"-(0[1-9]|1[0-2]|XX)(-(0[1-9]|[12]\d|3[01]|XX))?"
_YEAR = r"(BC\d{2}|BC\d{4}|\d{3}|\d{4}|XXXX)"
_DATE = rf"{_YEAR}({_MONTH_DAY}|-W(\d{{2}}|XX)(-WE|-\d)?|-(Q[1-4]|H[12])|-(SP|SU|FA|WI))?"
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


def test_half_m_labels_are_twenty_more_articles_with_ordered_timexes_and_no_text():
    articles = load_labels(LABELS_M)
    assert len(articles) == 20 and {a["half"] for a in articles.values()} == {"M"}
    assert not set(articles) & set(load_labels(LABELS))
    _assert_well_formed(articles)


def test_the_news_halves_follow_the_selection_rule_in_order():
    path = shared_path("data", "clustering", "news_cluster.jsonl")
    order = news_selection(list(map(json.loads, path.open(encoding="utf-8"))))
    halves = {article_id: label["half"] for path in (LABELS, LABELS_M) for article_id, label in load_labels(path).items()}
    assert [halves[article_id] for article_id in order[:98]] == list("AB" * 16 + "C" * 26 + "D" * 20 + "M" * 20)


def test_the_news_selection_sorts_by_sha1_skips_undated_articles_and_takes_two_per_story():
    rows = [{"id": f"a{i}", "story": "same" if i < 4 else f"s{i}", "published": "2018-01-01" if i != 5 else None}
            for i in range(8)]
    chosen = news_selection(rows)
    assert "a5" not in chosen and len(chosen) == 5
    assert sum(article_id in ("a0", "a1", "a2", "a3") for article_id in chosen) == 2
    sha = [hashlib.sha1(article_id.encode("utf-8")).hexdigest() for article_id in chosen]
    assert sha == sorted(sha)


def test_second_annotator_labels_cover_half_a_articles_of_the_first():
    first, second = load_labels(LABELS), load_labels(SECOND_LABELS)
    assert len(second) == 15
    assert all(first[article_id]["half"] == "A" == label["half"] for article_id, label in second.items())
    _assert_well_formed(second)


@pytest.mark.parametrize(("labels", "expressions"), [(LABELS, 668), (LABELS_M, 198), (SECOND_LABELS, 95)])
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


# Two self-written newswire articles, one per half, for the silver set's scoring: half E's errors are printed,
# half F is read only as its row
_SILVER_TEXTS = {
    "wire-e": "BEIJING, Nov. 8 -- The talks ended on Monday. Delegates will meet again next month.",
    "wire-f": "PARIS, Dec. 4 -- The minister resigned yesterday after three years in office.",
}
# article -> (expression, type, value) as an annotator wrote them, with one slip in each half ("Monday" and
# "yesterday" a week and a day off) so that each half has an error to print or to keep unprinted
_SILVER_GOLD = {
    "wire-e": ("E", "2005-11-08", [("Nov. 8", "DATE", "2005-11-08"), ("Monday", "DATE", "2005-11-14"),
                                    ("next month", "DATE", "2005-12")]),
    "wire-f": ("F", "2006-12-04", [("Dec. 4", "DATE", "2006-12-04"), ("yesterday", "DATE", "2006-12-02"),
                                    ("three years", "DURATION", "P3Y")]),
}


def _write_silver_labels(path, article_id: str) -> None:
    """A label file in the format of time_news.jsonl (offsets, labels and sha1, no text) for one article."""
    half, published, gold = _SILVER_GOLD[article_id]
    text = _SILVER_TEXTS[article_id]
    rows = [{"article": article_id, "half": half, "published": published, "expressions": len(gold)}]
    for expression, kind, value in gold:
        start = text.index(expression)
        rows.append({"article": article_id, "start": start, "end": start + len(expression), "type": kind,
                     "value": value, "mod": None, "half": half, "sha1": span_sha1(text, start, start + len(expression))})
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")


def _silver_yardstick(tmp_path) -> Yardstick:
    _write_silver_labels(tmp_path / "time_silver_e.jsonl", "wire-e")
    _write_silver_labels(tmp_path / "time_silver_f.jsonl", "wire-f")
    silver = YARDSTICKS["silver"]
    return replace(silver, labels=(tmp_path / "time_silver_e.jsonl", tmp_path / "time_silver_f.jsonl"))


def test_the_silver_set_reads_its_texts_from_te3_silver_and_shows_half_e_only():
    silver, news = YARDSTICKS["silver"], YARDSTICKS["news"]
    assert silver.texts == ("data", "corpus", "te3_silver.jsonl")
    assert [p.name for p in silver.labels] == [f"time_silver_{half}.jsonl" for half in "efghij"]
    assert silver.shown == ("E", "G") and news.shown == ("A", "D", "M") and news.labels == (LABELS, LABELS_M)


def test_silver_halves_are_scored_apart_and_only_half_e_errors_are_printed(tmp_path):
    documents = labelled_documents(load_set_labels(_silver_yardstick(tmp_path)), _SILVER_TEXTS)
    rows, errors, categories = score_halves(documents, ("E",), [None] * len(documents))
    by_part = {row[0]: row for row in rows}
    assert list(by_part) == ["all", "half E", "half F"]
    assert [by_part[part][1:3] for part in by_part] == [[2, 6], [1, 3], [1, 3]]  # documents, gold expressions
    assert by_part["half E"][-1] == by_part["half F"][-1] == pytest.approx(2 / 3)  # each half's slip is counted
    assert errors == ["E VALUE 2005-11-08 'Monday' gold=DATE:2005-11-14 sys=DATE:2005-11-07 span='Monday'"]
    examples = [example for examples in categories.examples.values() for example in examples]
    assert len(examples) == 1 and "'Monday'" in examples[0]  # half F's slip is in its row only


def test_a_half_whose_labels_are_not_committed_yet_is_left_out(tmp_path):
    yardstick = _silver_yardstick(tmp_path)
    yardstick.labels[1].unlink()
    assert list(load_set_labels(yardstick)) == ["wire-e"]
    yardstick.labels[0].unlink()
    with pytest.raises(SystemExit, match="no label file"):
        load_set_labels(yardstick)
