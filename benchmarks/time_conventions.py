"""Which TimeML convention the TBAQ annotators use most for the surface forms they annotate
inconsistently ("a year ago" as a year or the same quarter, "last week" as a numbered or an
unnumbered week, "recent years" as PAST_REF or a duration ...), counted on the dev folds (1-4) only.

For each pattern class the table gives how many gold values of each form the dev folds hold, the
majority form, and the form our normaliser gives (on the gold expressions it matches), so an
ambiguous decision follows the majority of the annotations rather than a handful of examples. Fold 0
(the held-out fold of ``time_tbaq.py --folds 5``) is skipped before any text is read; only counts
are printed, no text.

A second table does the same for the extent: whether the gold span takes in a modifier or preposition
("about two weeks" or "two weeks" after "about").

    .venv/bin/python benchmarks/time_conventions.py [--no-write] [--cache /tmp/time/tbaq.spacy]
"""
from __future__ import annotations

import argparse
import collections
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._report import report, require_shared  # noqa: E402
from benchmarks.time_tbaq import _parses, fold_of, match  # noqa: E402
from storyline.annotate.time import find_timexes  # noqa: E402

_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
# pattern classes on the lower-cased gold text; "quarter doc" = the document names a quarter
PATTERNS = {
    "a year ago/earlier, quarter doc": (r"(?:a|one) year (?:ago|earlier)|year-(?:ago|earlier)", True),
    "a year ago/earlier, other doc": (r"(?:a|one) year (?:ago|earlier)|year-(?:ago|earlier)", False),
    "last/past year": (r"(?:the )?(?:last|past) year", None),
    "last/this/next week": (r"(?:last|this|next) week", None),
    "the quarter / latest period": (r"the (?:quarter|latest period|period)", None),
    "recent/coming/past few years|months|weeks": (r"(?:(?:the )?(?:recent|coming|next few|past few|last few) |"
                                                  r"recent )(?:years|months|weeks)", None),
    "<weekday> night": (rf"{_WEEKDAY} night", None),
    "<weekday> morning": (rf"{_WEEKDAY} morning", None),
    "the 1990s (decade)": (r"(?:the )?(?:early |late |mid-)?(?:1\d|20)\d0s", None),
    "the weekend": (r"(?:the|this|last) weekend", None),
}


_DAY = rf"(?:{_WEEKDAY})(?:\s+(?:morning|afternoon|evening|night))?"
_UNITS = r"(?:years?|months?|weeks?|days?|hours?|minutes?|decades?)"
_AMOUNT = rf"(?:\d[\d./ ]*|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|few)\s+{_UNITS}"
# extent classes: (word TimeML might take in, pattern of the rest of the expression)
EXTENTS = {
    "about <amount or clock>": (r"about", rf"{_AMOUNT}|\d{{1,2}}(?::\d\d)?\s*[ap]\.?m\.?|noon|midnight"),
    "around <amount or clock>": (r"around", rf"{_AMOUNT}|\d{{1,2}}(?::\d\d)?\s*[ap]\.?m\.?|noon|midnight"),
    "nearly/almost <amount>": (r"nearly|almost", _AMOUNT),
    "earlier/later <weekday>": (r"earlier|later", _DAY),
    "early/late <weekday>": (r"early|late", _DAY),
    "the <ordinal>-quarter (adjective)": (r"the", r"(?:first|second|third|fourth)-(?:quarter|half)"),
    "the <ordinal> quarter": (r"the", r"(?:first|second|third|fourth)\s+(?:quarter|half)"),
    "by <date>": (r"by", r".+"),
}


def extent_counts(text: str, gold: dict, system: dict | None) -> list[tuple[str, str, str | None]]:
    """(class, "in"/"out" for the gold span, "in"/"out" for ours or None) for each extent class
    the gold expression belongs to: the word inside the gold span, or just before it."""
    surface = text[gold["start"]:gold["end"]].strip(" .,")
    before = text[max(0, gold["start"] - 12):gold["start"]]
    found = []
    for name, (word, rest) in EXTENTS.items():
        inside = re.fullmatch(rf"(?:{word})\s+(?:{rest})", surface, re.I)
        outside = re.fullmatch(rest, surface, re.I) and re.search(rf"\b(?:{word})\s+$", before, re.I)
        if inside or outside:
            ours = None if system is None else \
                ("in" if re.match(rf"(?:{word})\s", text[system["start"]:system["end"]], re.I) else "out")
            found.append((name, "in" if inside else "out", ours))
    return found


def form(value: str) -> str:
    """The kind of a TimeML value, without its figures."""
    for name, pattern in (("REF", r"[A-Z]+_REF"), ("duration PX*", r"PX[A-Z]|PTX[A-Z]"), ("duration", r"PT?[\d.]+[A-Z]"),
                          ("quarter", r"\d{4}-Q\d"), ("unknown quarter", r"\d{4}-QX"), ("unnumbered week", r"\d{4}-WXX"),
                          ("weekend", r"\d{4}-W\d+-WE"), ("week", r"\d{4}-W\d+"), ("day+part", r"\d{4}-\d\d-\d\dT[A-Z]{2}"),
                          ("day", r"\d{4}-\d\d-\d\d"), ("month", r"\d{4}-\d\d"), ("year", r"\d{4}"),
                          ("decade", r"\d{3}"), ("decade+X", r"\d{3}X")):
        if re.fullmatch(pattern, value):
            return name
    return "other"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-write", action="store_true", help="print only; do not append to docs/benchmarks.md")
    parser.add_argument("--cache", type=Path, help="DocBin file of the parses (see time_tbaq.py)")
    args = parser.parse_args()
    path = require_shared("data", "time", "tbaq.jsonl")
    documents = [json.loads(line) for line in path.open(encoding="utf-8")]
    dev = [i for i, d in enumerate(documents) if fold_of(d["id"]) != 0]
    parses = _parses(documents, args.cache)
    extent_gold = {name: collections.Counter() for name in EXTENTS}
    extent_ours = {name: collections.Counter() for name in EXTENTS}
    gold_forms = {name: collections.Counter() for name in PATTERNS}
    system_forms = {name: collections.Counter() for name in PATTERNS}
    for i in dev:
        document = documents[i]
        system = [{**t.to_dict()["span"], "type": t.type, "value": t.value}
                  for t in find_timexes(document["text"], document["published"], parses[i], document["id"])]
        by_gold = {id(g): s for g, s in match(document["timexes"], system)}
        quarter_doc = any("-Q" in g["value"] for g in document["timexes"])
        for g in document["timexes"]:
            for name, gold_side, our_side in extent_counts(document["text"], g, by_gold.get(id(g))):
                extent_gold[name][gold_side] += 1
                if our_side:
                    extent_ours[name][our_side] += 1
            surface = document["text"][g["start"]:g["end"]].lower()
            for name, (pattern, needs_quarter) in PATTERNS.items():
                if re.fullmatch(pattern, surface) and needs_quarter in (None, quarter_doc):
                    gold_forms[name][form(g["value"])] += 1
                    if id(g) in by_gold:
                        system_forms[name][form(by_gold[id(g)]["value"])] += 1
    rows = []
    for name in PATTERNS:
        gold, ours = gold_forms[name], system_forms[name]
        majority = gold.most_common(1)[0][0] if gold else "-"
        rows.append([name, sum(gold.values()), ", ".join(f"{k} {n}" for k, n in gold.most_common()), majority,
                     ours.most_common(1)[0][0] if ours else "-"])
    report("Time: TimeML conventions of the TBAQ gold per ambiguous pattern (dev folds 1-4 only)",
           ["pattern class", "gold", "gold forms", "majority", "ours (most often)"], rows,
           notes="Counts of gold value forms on folds 1-4 (fold 0 skipped unread); \"quarter doc\": the gold "
                 "of the document holds a quarter value. Ours: the form our normaliser gives most often on "
                 "the matched gold expressions of the class.",
           write=not args.no_write)
    rows = [[name, extent_gold[name]["in"], extent_gold[name]["out"],
             extent_gold[name].most_common(1)[0][0] if extent_gold[name] else "-",
             extent_ours[name].most_common(1)[0][0] if extent_ours[name] else "-"] for name in EXTENTS]
    report("Time: TimeML extent conventions of the TBAQ gold (dev folds 1-4 only)",
           ["extent class", "word inside gold span", "word just before it", "majority", "ours (most often)"], rows,
           notes="Whether the gold span takes in a modifier or preposition, counted on folds 1-4 (fold 0 skipped "
                 "unread); ours: whether our span on the matched gold expressions starts with the word.",
           write=not args.no_write)


if __name__ == "__main__":
    main()
