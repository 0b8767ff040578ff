"""Mediums told before a report, and in its own sentence: fit-half quotes read (issue #4).

Session 26 (quotes43) read two sets of the fit half of news_cluster (benchmarks/data/quote_media_fit.jsonl: ids,
offsets, a sha1 prefix of the medium shown before and after, verdicts and classes; no article text):

- ``candidates``: every quote of main's output (4a9c46c) shown with no medium while a report of the same speaker
  with a medium comes just before it (in its paragraph or the sentence before), read for whether that medium
  would be right if carried (R), wrong (W: another act, another speaker, a medium already wrong) or unclear (U);
- ``changed``: every quote whose medium quotes43's change sets (all were none on main), the medium shown read
  right (R) or wrong (W), by the form that states it (told before; in its own sentence: a blog, a participle's
  phrase, a network's account).

This script prints the counts and how many of them the current output shows with the medium read "after". The
held-out half is not read here: its changed quotes were read once at the end (docs/benchmarks.md).

    python benchmarks/quote_media.py --cache FILE   # FILE: a quotes_shown.py --cache of the current output
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _report import report  # noqa: E402
from _shown import reading_of_cache  # noqa: E402
from quotes_shown import medium_digest  # noqa: E402

LABELS = Path(__file__).resolve().parent / "data" / "quote_media_fit.jsonl"


def shown_media(quotes: list[dict]) -> dict[tuple, str | None]:
    """The medium digest the current output shows for each quote (article, content start, end)."""
    return {(q["article_id"], q["content"]["start"], q["content"]["end"]): medium_digest(q.get("medium"))
            for q in quotes}


def table(rows: list[dict], media: dict[tuple, str | None]) -> list[list[object]]:
    """One row per set and class: quotes, right / wrong / unclear, shown with a medium now (and how
    many of those are right), and shown now with the medium read "after"."""
    out = []
    for (name, kind), members in sorted(_groups(rows).items()):
        counts = Counter(r["verdict"] for r in members)
        now = [media.get((r["article"], *r["content"])) for r in members]
        out.append([name, kind, len(members), counts["R"], counts["W"], counts["U"],
                    sum(m is not None for m in now),
                    sum(m is not None and r["verdict"] == "R" for m, r in zip(now, members)),
                    sum(m == r["after"] for m, r in zip(now, members))])
    return out


def _groups(rows: list[dict]) -> dict[tuple[str, str], list[dict]]:
    groups: dict[tuple[str, str], list[dict]] = {}
    for r in rows:
        groups.setdefault((r["set"], "all"), []).append(r)
        groups.setdefault((r["set"], r["class"]), []).append(r)
    return groups


def main() -> None:
    args, quotes, rows = reading_of_cache(__doc__, LABELS)
    report("Quotes: mediums told before a report and in its own sentence (fit half of news_cluster, read)",
           ["set", "class", "quotes", "right", "wrong", "unclear", "shown with a medium now", "of which right",
            "shown as read after"],
           table(rows, shown_media(quotes)),
           notes="benchmarks/data/quote_media_fit.jsonl. 'candidates': main's (4a9c46c) fit quotes with no medium "
                 "after a report of the same speaker with one (its paragraph or the sentence before), right / wrong / "
                 "unclear if that medium were carried. 'changed': the fit quotes whose medium quotes43 sets, the "
                 "medium shown read right or wrong. 'shown as read after': the current output shows the medium "
                 "the reading saw after the change (none for a candidate not carried).",
           write=not args.no_write)


if __name__ == "__main__":
    main()
