"""Whom "he" and "she" speak for: every quote of the fit half whose speaker is a "he" or "she", read.

Session 26 (quotes40, issue #4) read each such quote of the output of main before the change
(session 25's final main, f505679: 341 quotes) and of the output after it, and labelled the
speaker entity shown right (the person the pronoun stands for, or no entity for a person the
article does not name), wrong (another entity) or unresolved (none, though the article names the
person), with the class of each error (benchmarks/data/quote_pronouns_fit.jsonl: ids, offsets,
entity ids, verdicts and classes; no article text). This script prints the counts, per class, and
how many of the read quotes the current output still shows with the entity read last (a quote
shown with another entity needs reading again). Session 26 (quotes42) read again every one of them whose
entity its change altered, as state "quotes42" (the rows it left alone keep their "after" reading there). The held-out half is not read here: its changed
quotes were read once at the end (docs/benchmarks.md).

    python benchmarks/quote_pronouns.py --cache FILE   # FILE: a quotes_shown.py --cache of the current output
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _report import report  # noqa: E402
from _shown import reading_of_cache  # noqa: E402

LABELS = Path(__file__).resolve().parent / "data" / "quote_pronouns_fit.jsonl"
VERDICTS = ("R", "W", "U")
STATES = ("before", "after", "quotes42")  # main before quotes40, after quotes40, after quotes42


def latest(row: dict) -> dict:
    """The row's last reading (its entity and verdict)."""
    return row[[state for state in STATES if state in row][-1]]


def still_shown(rows: list[dict], quotes: list[dict]) -> int:
    """Read quotes the output shows with the same pronoun and the entity read last."""
    shown = {(q["article_id"], q["content"]["start"], q["content"]["end"]):
             (q["speaker"].get("span") or {}, q["speaker"].get("entity_id")) for q in quotes}
    count = 0
    for r in rows:
        span, entity = shown.get((r["article"], *r["content"]), ({}, None))
        count += [span.get("start"), span.get("end")] == r["speaker"] and entity == latest(r)["entity"]
    return count


def table(rows: list[dict]) -> list[list[object]]:
    """One row per state (before, after) and class: right / wrong / unresolved counts."""
    out = []
    states = [state for state in STATES if any(state in r for r in rows)]
    for state in states:
        counts = Counter(r[state]["verdict"] if state in r else r["after"]["verdict"] for r in rows)
        out.append([state, "all", len(rows), *(counts[v] for v in VERDICTS), counts["R"] / len(rows)])
    for name in sorted({r["class"] for r in rows if r["class"]}):
        members = [r for r in rows if r["class"] == name]
        for state in states:
            counts = Counter(r[state]["verdict"] if state in r else r["after"]["verdict"] for r in members)
            out.append([state, name, len(members), *(counts[v] for v in VERDICTS), counts["R"] / len(members)])
    return out


def main() -> None:
    args, quotes, rows = reading_of_cache(__doc__, LABELS)
    report("Quotes: whom 'he' and 'she' speak for (fit half of news_cluster, every such quote read)",
           ["state", "class", "quotes", "right", "wrong", "unresolved", "share right"], table(rows),
           notes=f"Every fit-half quote whose speaker is 'he' or 'she' ({len(rows)}), read on main before "
                 "quotes40 (f505679), after it, and after quotes42 (benchmarks/data/quote_pronouns_fit.jsonl). "
                 "Right: the entity "
                 "of the person meant, or none for a person the article does not name; wrong: another entity; "
                 "unresolved: none, though the article names the person. A class row counts the quotes with an "
                 "error in any state, by its cause. Still shown as read last: "
                 f"{still_shown(rows, quotes)} of {len(rows)}.",
           write=not args.no_write)


if __name__ == "__main__":
    main()
