"""TempEval-3 measures of ``find_timexes`` on TimeBank + AQUAINT (../shared/data/time/tbaq.jsonl).

Strict span F1 (exact offsets), relaxed span F1 (any overlap, one-to-one), type accuracy and
value F1 on relaxed matches (TempEval-3 definitions), for all documents and for a dev/held-out
split by a hash of the document id (80/20), so that tuning to the dev part shows.

    .venv/bin/python benchmarks/time_tbaq.py [--no-write] [--no-parse] [--errors N]
"""
from __future__ import annotations

import argparse
import collections
import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._report import report, require_shared  # noqa: E402
from storyline.annotate.time import find_timexes  # noqa: E402


def split_of(doc_id: str) -> str:
    return "held-out" if int(hashlib.sha1(doc_id.encode()).hexdigest(), 16) % 5 == 0 else "dev"


def match(gold: list[dict], system: list[dict]) -> list[tuple[dict, dict]]:
    """One-to-one relaxed matching: each gold timex takes the unused system timex it overlaps most."""
    used: set[int] = set()
    pairs = []
    for g in gold:
        best, best_overlap = None, 0
        for i, s in enumerate(system):
            overlap = min(g["end"], s["end"]) - max(g["start"], s["start"])
            if i not in used and overlap > best_overlap:
                best, best_overlap = i, overlap
        if best is not None:
            used.add(best)
            pairs.append((g, system[best]))
    return pairs


class Score:
    def __init__(self) -> None:
        self.gold = self.system = self.strict = self.relaxed = self.type_ok = self.value_ok = 0

    def add(self, gold: list[dict], system: list[dict]) -> list[tuple[dict, dict]]:
        pairs = match(gold, system)
        self.gold += len(gold)
        self.system += len(system)
        self.relaxed += len(pairs)
        self.strict += sum(g["start"] == s["start"] and g["end"] == s["end"] for g, s in pairs)
        self.type_ok += sum(g["type"] == s["type"] for g, s in pairs)
        self.value_ok += sum(g["value"] == s["value"] for g, s in pairs)
        return pairs

    def prf(self, hits: int) -> tuple[float, float, float]:
        p = hits / self.system if self.system else 0.0
        r = hits / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def row(self, name: str, documents: int) -> list[object]:
        sp, sr, sf = self.prf(self.strict)
        rp, rr, rf = self.prf(self.relaxed)
        _, _, vf = self.prf(self.value_ok)
        type_accuracy = self.type_ok / self.relaxed if self.relaxed else 0.0
        return [name, documents, self.gold, self.system, sp, sr, sf, rp, rr, rf, type_accuracy, vf]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-write", action="store_true", help="print only; do not append to docs/benchmarks.md")
    parser.add_argument("--no-parse", action="store_true", help="no spaCy parse (tense from cue words only)")
    parser.add_argument("--errors", type=int, default=0, help="print up to N value/span errors of the dev part")
    args = parser.parse_args()

    path = require_shared("data", "time", "tbaq.jsonl")
    documents = [json.loads(line) for line in path.open(encoding="utf-8")]
    nlp = None
    if not args.no_parse:
        from storyline.annotate.nlp import load
        nlp = load()
    scores = {name: Score() for name in ("all", "dev", "held-out")}
    counts = collections.Counter()
    errors: list[str] = []
    for document in documents:
        doc = nlp(document["text"]) if nlp else None
        found = [t.to_dict() for t in find_timexes(document["text"], document["published"], doc, document["id"])]
        system = [{**t["span"], "type": t["type"], "value": t["value"]} for t in found]
        part = split_of(document["id"])
        for name in ("all", part):
            pairs = scores[name].add(document["timexes"], system)
            counts[name] += 1
        if part == "dev" and len(errors) < args.errors:
            errors += _errors(document, system, pairs)
    rows = [scores[name].row(name, counts[name]) for name in ("all", "dev", "held-out")]
    header = ["part", "docs", "gold", "system", "strict P", "strict R", "strict F1", "relaxed P", "relaxed R",
              "relaxed F1", "type acc", "value F1"]
    for line in errors[: args.errors]:
        print(line)
    notes = ("TempEval-3 definitions: value F1 counts relaxed matches with the gold value. Split: sha1(id) % 5 == 0 "
             "is held out (never looked at while developing). Published on TempEval-3 platinum: HeidelTime value F1 "
             "0.776, relaxed 0.903, strict 0.813; SUTime value F1 0.674." + (" Run without spaCy parse." if args.no_parse else ""))
    report("Time expressions: TempEval-3 measures on TBAQ", header, rows, notes, write=not args.no_write)


def _errors(document: dict, system: list[dict], pairs: list[tuple[dict, dict]]) -> list[str]:
    text, dct = document["text"], document["published"][:10]
    matched_gold = {id(g) for g, _ in pairs}
    matched_system = {id(s) for _, s in pairs}
    lines = [f"VALUE {dct} {g['text']!r} gold={g['type']}:{g['value']} sys={s['type']}:{s['value']} "
             f"span={text[s['start']:s['end']]!r}" for g, s in pairs if g["value"] != s["value"]]
    lines += [f"MISS  {dct} {g['text']!r} {g['type']}:{g['value']} | {_context(text, g)}"
              for g in document["timexes"] if id(g) not in matched_gold]
    lines += [f"EXTRA {dct} {text[s['start']:s['end']]!r} {s['type']}:{s['value']} | {_context(text, s)}"
              for s in system if id(s) not in matched_system]
    return lines


def _context(text: str, item: dict) -> str:
    return text[max(0, item["start"] - 40): item["end"] + 30].replace("\n", " ")


if __name__ == "__main__":
    main()
