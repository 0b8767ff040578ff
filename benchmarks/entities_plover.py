"""Entity actor coding against the PLOVER gold records (../shared/data/events/plover_gsr_dev.json).

Each record names its source and target actors (text, ISO-3 ``code``, ``sector``). We run
``extract_mentions`` on the record sentence and, for every gold actor found in the sentence, take
the entity mention that overlaps it most (ties: the later one, since English noun phrases end in
their head: "Israeli Prime Minister Ehud Barak"). Reported per half (sha1 of the record id):

* coverage: share of located gold actors with an overlapping mention;
* country / sector accuracy: over gold actors with such a mention (sector only where the gold
  has one; PLOVER sub-codes such as "CVLkur" compare on their first three letters). A nationality
  or place mention carries the sector of the noun it modifies ("Rwandan rebels" REB), per mention.

Nothing here is tuned on single records; the halves show how much the numbers move between two
disjoint samples.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._report import report, require_shared  # noqa: E402
from storyline.annotate.entities import extract_mentions  # noqa: E402
from storyline.annotate.nlp import load  # noqa: E402
from storyline.model import Mention  # noqa: E402

# The records follow PLOVER 0.5 (2016): UN and EU bodies were IGO before the manual added UNO and
# EUR, and a few CAMEO country codes were not ISO. Both sides are mapped to one spelling.
CODE_ALIASES = {"UNO": "IGO", "EUR": "IGO", "JAP": "JPN", "ITL": "ITA"}


def clean(text: str) -> str:
    """The records use LaTeX quotes and braces; give the parser ordinary text."""
    return re.sub(r"\s+", " ", text.replace("``", '"').replace("''", '"').replace("{", "").replace("}", "")).strip()


def half(record_id: str) -> str:
    return "A" if hashlib.sha1(record_id.encode()).digest()[0] % 2 == 0 else "B"


def locate(text: str, actor_text: str) -> tuple[int, int] | None:
    """Character range of the gold actor in the sentence (first piece of "X ... Y" texts)."""
    piece = clean(actor_text).split("...")[0].strip()
    start = text.casefold().find(piece.casefold()) if piece else -1
    return (start, start + len(piece)) if start >= 0 else None


def best_mention(mentions: list[Mention], start: int, end: int) -> Mention | None:
    """The mention overlapping [start, end) most; ties go to the later one (the phrase head)."""
    def overlap(m: Mention) -> int:
        return min(end, m.span.end) - max(start, m.span.start)
    found = [m for m in mentions if overlap(m) > 0]
    return max(found, key=lambda m: (overlap(m), m.span.start)) if found else None


def gold_sector(actor: dict) -> str | None:
    sector = (actor.get("sector") or "")[:3].upper()
    return sector if sector.isalpha() else None  # "***" means the coder left it open


def normalized(code: str | None) -> str | None:
    return CODE_ALIASES.get(code, code) if code else None


def score(records: list[dict], nlp) -> dict[str, Counter]:
    """Counters per half: gold, located, covered, country_ok, sector_gold, sector_ok."""
    counts: dict[str, Counter] = {"A": Counter(), "B": Counter()}
    for record in records:
        text = clean(record["text"])
        mentions = extract_mentions(nlp(text), text)
        tally = counts[half(record["id"])]
        for actor in (record.get("source") or []) + (record.get("target") or []):
            tally["gold"] += 1
            where = locate(text, actor.get("actorText") or "")
            if where is None:
                continue
            tally["located"] += 1
            mention = best_mention(mentions, *where)
            if mention is None:
                continue
            tally["covered"] += 1
            tally["country_ok"] += normalized(mention.country) == normalized(actor.get("code"))
            if gold_sector(actor):
                tally["sector_gold"] += 1
                tally["sector_ok"] += mention.sector == gold_sector(actor)
    return counts


def rows(counts: dict[str, Counter]) -> list[list[object]]:
    def ratio(a: int, b: int) -> float:
        return a / b if b else 0.0
    out = []
    for name in ("A", "B"):
        c = counts[name]
        out.append([name, c["gold"], c["located"], ratio(c["covered"], c["located"]), c["covered"],
                    ratio(c["country_ok"], c["covered"]), c["sector_gold"], ratio(c["sector_ok"], c["sector_gold"])])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-write", action="store_true", help="print only; do not append to docs/benchmarks.md")
    args = parser.parse_args()
    records = json.loads(require_shared("data", "events", "plover_gsr_dev.json").read_text(encoding="utf-8"))
    counts = score(records, load())
    header = ["half", "gold actors", "located", "coverage", "covered", "country acc", "with sector", "sector acc"]
    report("Entity actor coding vs PLOVER gold actors", header, rows(counts),
           notes="Coverage: located gold actors with an overlapping entity mention. Accuracy over covered "
                 "actors (sector: those with a gold sector). UNO/EUR count as IGO, CAMEO JAP/ITL as JPN/ITA. "
                 "Gold sectors often sit in the common noun a nationality or place modifies (\"Sudanese "
                 "government\", \"Israel's army\"): such a mention takes that noun's sector (the noun table "
                 "shared with events); a plural people alone counts as CVL, a capital as subject as GOV.",
           write=not args.no_write)


if __name__ == "__main__":
    main()
