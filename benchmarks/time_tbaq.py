"""TempEval-3 measures of ``find_timexes`` on TimeBank + AQUAINT (../shared/data/time/tbaq.jsonl).

Strict span F1 (exact offsets), relaxed span F1 (any overlap, one-to-one), type accuracy and
value F1 on relaxed matches (TempEval-3 definitions), for all documents and for a dev/held-out
split by a hash of the document id (80/20), so that tuning to the dev part shows. ``--folds 5``
adds the value F1 of each of five hash folds with their mean and spread: with ~400 gold timexes
per fold one document can move a fold by a point, so a change counts only if it holds across folds.
``--categories`` prints the errors of the dev folds grouped by kind (type confusion, value error kind,
missing/spurious by type) rather than by document; ``--kinds`` lists them by the gold value's kind (X, REF, T, P ...)
with the extents that differ from the gold one. ``--markability`` lists the dev folds' spurious and missed
expressions by written form with the share of that form's uses the dev gold marks (what decides a markability
rule). ``--guideline-classes`` sorts the dev folds' spurious DATE / DURATION and missed DATE into the classes the
TimeML / TIDES guidelines speak of (reference words, datelines, anchored, adjectival and vague durations, rates,
anaphoric units) and tells, per class, how many errors are exceptions to the gold's own habit for that written form
(slips) and how many go against it. ``--profile`` (with ``--folds``) adds tables of aggregates only (no text, no error examples, so the
held-out fold stays unread): per fold, the gold
expressions by value kind and source, and the share of each kind given the right value, to tell
whether a fold differs by genre or by method, the commonest error classes per fold, and the missed and spurious
expressions by type and value kind (are a fold's spurious DATEs reference words or calendar values); its notes give
the CPU time of ``find_timexes`` per document.

    .venv/bin/python benchmarks/time_tbaq.py [--no-write] [--no-parse] [--errors N] [--folds 5] [--categories] [--kinds]
        [--markability] [--guideline-classes]
        [--cache /tmp/time/tbaq.spacy] [--profile]
"""
from __future__ import annotations

import argparse
import collections
import hashlib
import json
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._report import report, require_shared  # noqa: E402
from storyline.annotate.time import find_timexes  # noqa: E402


def fold_of(doc_id: str, folds: int = 5) -> int:
    return int(hashlib.sha1(doc_id.encode()).hexdigest(), 16) % folds


def split_of(doc_id: str) -> str:
    return "held-out" if fold_of(doc_id) == 0 else "dev"


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
    parser.add_argument("--folds", type=int, default=0, help="also score N hash folds (value F1 mean and spread)")
    parser.add_argument("--categories", action="store_true", help="print errors of the dev folds grouped by kind")
    parser.add_argument("--kinds", action="store_true", help="print the dev folds' wrong values and misses by gold "
                        "value kind (X, REF, T, P, ...) and their extents that differ (strict errors)")
    parser.add_argument("--markability", action="store_true", help="print the dev folds' spurious and missed "
                        "expressions by written form, with the share of the form's uses the dev gold marks")
    parser.add_argument("--guideline-classes", action="store_true", help="print the dev folds' spurious DATE / "
                        "DURATION and missed DATE by the TimeML / TIDES class they fall in, with how consistently the "
                        "dev gold marks each class")
    parser.add_argument("--profile", action="store_true", help="with --folds: gold kinds and sources per fold, "
                        "value accuracy per kind (aggregates only)")
    parser.add_argument("--cache", type=Path, help="DocBin file of the parses, written on first use (the parse "
                        "does not depend on the time code, so reruns need not repeat it)")
    args = parser.parse_args()

    path = require_shared("data", "time", "tbaq.jsonl")
    documents = [json.loads(line) for line in path.open(encoding="utf-8")]
    docs = [None] * len(documents) if args.no_parse else _parses(documents, args.cache)
    parts = ["all", "dev", "held-out"] + [f"fold {i}" for i in range(args.folds)]
    scores = {name: Score() for name in parts}
    counts = collections.Counter()
    errors: list[str] = []
    categories = Categories()
    kinds = KindErrors()
    markability = Markability()
    guideline_classes = GuidelineClasses(markability)
    profile = Profile()
    cpu = 0.0
    for document, doc in zip(documents, docs):
        started = time.process_time()
        timexes = find_timexes(document["text"], document["published"], doc, document["id"])
        cpu += time.process_time() - started
        found = [t.to_dict() for t in timexes]
        system = [{**t["span"], "type": t["type"], "value": t["value"]} for t in found]
        part = split_of(document["id"])
        names = ["all", part] + ([f"fold {fold_of(document['id'], args.folds)}"] if args.folds else [])
        for name in names:
            pairs = scores[name].add(document["timexes"], system)
            counts[name] += 1
        if args.folds:
            profile.add(document, fold_of(document["id"], args.folds), system, pairs)
        if part == "dev":  # errors of the held-out fold are never shown
            categories.add(document, system, pairs)
            kinds.add(document, pairs)
            markability.add(document, system, pairs)
            guideline_classes.add(document, system, pairs)
        if part == "dev" and len(errors) < args.errors:
            errors += _errors(document, system, pairs)
    rows = [scores[name].row(name, counts[name]) for name in parts]
    if args.folds:
        rows += _fold_summary([scores[f"fold {i}"] for i in range(args.folds)])
    header = ["part", "docs", "gold", "system", "strict P", "strict R", "strict F1", "relaxed P", "relaxed R",
              "relaxed F1", "type acc", "value F1"]
    for line in errors[: args.errors]:
        print(line)
    if args.categories:
        categories.print()
    if args.kinds:
        kinds.print()
    if args.markability:
        markability.print(scores["dev"].prf(scores["dev"].value_ok)[2])
    if args.guideline_classes:
        guideline_classes.print()
    folds = f"; fold k is sha1(id) % {args.folds} == k (fold 0 = held-out when k = 5)" if args.folds else ""
    notes = ("TempEval-3 definitions: value F1 counts relaxed matches with the gold value. Split: sha1(id) % 5 == 0 "
             f"is held out (never looked at while developing){folds}. Published on TempEval-3 platinum: HeidelTime "
             "value F1 0.776, relaxed 0.903, strict 0.813; SUTime value F1 0.674."
             + (" Run without spaCy parse." if args.no_parse else ""))
    report("Time expressions: TempEval-3 measures on TBAQ", header, rows, notes, write=not args.no_write)
    if args.profile and args.folds:
        report("Time expressions: TBAQ folds by value kind and source (aggregates)", *profile.table(args.folds),
               "Per fold: gold expressions of each value kind (digits shown as 9; REF = PRESENT/PAST/FUTURE_REF, "
               "X = partly unspecified, P = duration) or source (id prefix), then the percentage given the right "
               "value. Aggregates only: no text or error of the held-out fold is read. Cost: find_timexes took "
               f"{1000 * cpu / len(documents):.1f} ms of CPU per document (parse given, one pass).",
               write=not args.no_write)
        report("Time expressions: TBAQ error classes per fold (aggregates)", *profile.error_table(args.folds),
               "Per fold: the commonest error classes in general terms (a wrong value by how it differs, digits shown "
               "as 9: a reference word, an underspecified value, a duration's amount or unit, granularity, or the "
               "same form later / earlier than the gold, noting a gold at the document date; then gold "
               "expressions missed and system ones without a gold match, by type), as counts and per 100 gold "
               "expressions. Aggregates only: no text or error of the held-out fold is read.",
               write=not args.no_write)
        report("Time expressions: TBAQ missed and spurious expressions by value kind per fold (aggregates)",
               *profile.unmatched_table(args.folds),
               "Per fold: gold expressions without a system match (missed) and system ones without a gold match "
               "(spurious), by type and value kind (kinds as in the value-kind table: REF = PRESENT/PAST/FUTURE_REF, "
               "X = partly unspecified, P = duration, digits shown as 9), as counts and per 100 gold expressions; rows "
               "ending \"none of its kind in the document's gold\" count the spurious ones of a kind in documents whose "
               "gold has no expression of that kind at all (an annotator's habit per document). "
               "Aggregates only: no text or error of the held-out fold is read.",
               write=not args.no_write)


def _parses(documents: list[dict], cache: Path | None) -> list:
    """spaCy parses of the documents, read from ``cache`` when it holds them."""
    from spacy.tokens import DocBin

    from storyline.annotate.nlp import PARSE_ATTRS, load
    nlp = load()
    if cache and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if [d.text for d in docs] == [d["text"] for d in documents]:
            return docs
    docs = list(nlp.pipe(d["text"] for d in documents))
    if cache:
        cache.parent.mkdir(parents=True, exist_ok=True)
        DocBin(attrs=list(PARSE_ATTRS), docs=docs).to_disk(cache)
    return docs


def _fold_summary(folds: list[Score]) -> list[list[object]]:
    """Mean and sample standard deviation of each F1 column over the folds."""
    rows = [fold.row("", 0) for fold in folds]
    mean_row: list[object] = ["fold mean", "", sum(r[2] for r in rows), sum(r[3] for r in rows)]
    spread_row: list[object] = ["fold spread (sd)", "", "", ""]
    for column in range(4, len(rows[0])):
        values = [r[column] for r in rows]
        mean_row.append(statistics.fmean(values))
        spread_row.append(statistics.stdev(values) if len(values) > 1 else 0.0)
    return [mean_row, spread_row]


def _shape(value: str) -> str:
    """The form of a value with digits hidden: "2026-W06" -> "9999-W99", "P3Y" -> "P9Y"."""
    return re.sub(r"\d+", "9", value)


def _value_error_kind(gold: str, system: str, dct: str) -> str:
    """Why a value is wrong, in general terms: a reference word, granularity, direction or anchor."""
    refs = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
    if gold in refs or system in refs:
        return f"ref: {gold if gold in refs else _shape(gold)} vs {system if system in refs else _shape(system)}"
    if "X" in gold or "X" in system:
        return f"underspecified: {_shape(gold)} vs {_shape(system)}"
    if gold.startswith("P") or system.startswith("P"):
        kind = "amount" if _shape(gold) == _shape(system) else "unit"
        return f"duration {kind}: {_shape(gold)} vs {_shape(system)}"
    if _shape(gold) != _shape(system):
        return f"granularity: {_shape(gold)} vs {_shape(system)}"
    dct_like = gold == dct[: len(gold)]
    direction = "later" if system > gold else "earlier"
    return f"same form {_shape(gold)}, system {direction}" + (" (gold at DCT)" if dct_like else "")


def _value_kind(value: str) -> str:
    if value.endswith("_REF"):
        return "REF"
    if "X" in value:
        return "X"
    if value.startswith("P"):
        return "P"
    return "T" if "T" in value else _shape(value)


class Profile:
    """Per fold and kind of gold value (or source): how many gold expressions, how many valued right."""

    def __init__(self) -> None:
        self.gold: collections.Counter = collections.Counter()
        self.right: collections.Counter = collections.Counter()
        self.errors: collections.Counter = collections.Counter()  # (error class, fold) -> count
        self.unmatched: collections.Counter = collections.Counter()  # ("spurious DATE REF", fold) -> count

    def add(self, document: dict, fold: int, system: list[dict], pairs: list[tuple[dict, dict]]) -> None:
        matched = {id(g): s for g, s in pairs}
        source = re.match(r"[A-Za-z]+", document["id"]).group(0).upper()
        for g in document["timexes"]:
            right = id(g) in matched and matched[id(g)]["value"] == g["value"]
            for key in (f"kind {_value_kind(g['value'])}", f"source {source}"):
                self.gold[key, fold] += 1
                self.right[key, fold] += right
            if id(g) not in matched:
                self.errors[f"missed {g['type']}", fold] += 1
                self.unmatched[f"missed {g['type']} {_value_kind(g['value'])}", fold] += 1
            elif not right:
                self.errors[_value_error_kind(g["value"], matched[id(g)]["value"], document["published"]), fold] += 1
        found = {id(s) for _, s in pairs}
        gold_kinds = {_value_kind(g["value"]) for g in document["timexes"]}
        for s in system:
            if id(s) not in found:
                kind = _value_kind(s["value"])
                self.errors[f"spurious {s['type']}", fold] += 1
                self.unmatched[f"spurious {s['type']} {kind}", fold] += 1
                if kind not in gold_kinds:  # a document whose annotator marked no expression of this kind at all
                    self.unmatched[f"spurious {s['type']} {kind}, none of its kind in the document's gold", fold] += 1

    def table(self, folds: int) -> tuple[list[str], list[list[object]]]:
        keys = sorted({key for key, _ in self.gold}, key=lambda k: (k.split()[0], -sum(
            self.gold[k, f] for f in range(folds)), k))  # ties in name order, the same from run to run
        header = (["kind / source"] + [f"fold {f} gold" for f in range(folds)]
                  + [f"fold {f} right %" for f in range(folds)])
        rows = [[key] + [self.gold[key, f] for f in range(folds)]
                + [f"{100 * self.right[key, f] / self.gold[key, f]:.0f}" if self.gold[key, f] else "-"
                   for f in range(folds)]
                for key in keys]
        return header, rows

    def error_table(self, folds: int, top: int = 25) -> tuple[list[str], list[list[object]]]:
        """The commonest error classes (general terms of ``_value_error_kind``, misses and spurious ones by
        type) per fold, as counts and per 100 gold expressions of the fold: which classes a fold loses more."""
        return self._class_table(self.errors, folds, top)

    def unmatched_table(self, folds: int, top: int = 30) -> tuple[list[str], list[list[object]]]:
        """Missed and spurious expressions by type and value kind per fold: whether a fold's spurious DATEs are
        reference words ("now", "recent": REF), which annotators mark in some uses and not others, or calendar
        values the rules read wrongly as times; and how many spurious ones stand in documents whose gold has no
        expression of their kind at all (an annotator who never marks "now" leaves every "now" of a document), an
        annotation habit per document rather than a rule of the text."""
        return self._class_table(self.unmatched, folds, top)

    def _class_table(self, counter: collections.Counter, folds: int, top: int) -> tuple[list[str], list[list[object]]]:
        gold = [sum(n for (key, f), n in self.gold.items() if f == fold and key.startswith("kind "))
                for fold in range(folds)]
        # ties in name order, so that which classes make the top rows does not change from run to run
        classes = sorted({c for c, _ in counter}, key=lambda c: (-sum(counter[c, f] for f in range(folds)), c))
        header = (["error class"] + [f"fold {f}" for f in range(folds)]
                  + [f"fold {f} per 100 gold" for f in range(folds)])
        rows = [[c] + [counter[c, f] for f in range(folds)]
                + [f"{100 * counter[c, f] / gold[f]:.1f}" if gold[f] else "-" for f in range(folds)]
                for c in classes[:top]]
        return header, rows


class Categories:
    """Errors of every document counted by kind, with a few example texts per kind."""

    def __init__(self) -> None:
        self.counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
        self.examples: dict[tuple[str, str], list[str]] = collections.defaultdict(list)

    def note(self, table: str, key: str, example: str) -> None:
        self.counts[table][key] += 1
        if len(self.examples[table, key]) < 4:
            self.examples[table, key].append(example)

    def add(self, document: dict, system: list[dict], pairs: list[tuple[dict, dict]]) -> None:
        text, dct = document["text"], document["published"][:10]
        for g, s in pairs:
            if g["type"] != s["type"]:
                self.note("type confusion (gold, system)", f"{g['type']} -> {s['type']}",
                          f"{g['text']!r}={g['value']}/{s['value']}")
            elif g["value"] != s["value"]:
                self.note(f"value errors ({g['type']})", _value_error_kind(g["value"], s["value"], dct),
                          f"{g['text']!r} {g['value']}/{s['value']} dct={dct}")
        matched_gold = {id(g) for g, _ in pairs}
        matched_system = {id(s) for _, s in pairs}
        for g in document["timexes"]:
            if id(g) not in matched_gold:
                self.note("missing (gold type)", g["type"], f"{g['text']!r}={g['value']}")
        for s in system:
            if id(s) not in matched_system:
                self.note("spurious (system type)", s["type"], f"{text[s['start']:s['end']]!r}={s['value']}")

    def print(self) -> None:
        for table, counter in sorted(self.counts.items()):
            print(f"\n== {table}: {sum(counter.values())}")
            for key, n in counter.most_common(25):
                print(f"{n:5d}  {key}   e.g. {'; '.join(self.examples[table, key])}")


class KindErrors:
    """The dev folds' errors listed by the kind of the gold value (the kinds of the --profile table), so that a rule
    for one kind (partly unspecified values, reference words, clock times, durations) is read against all of its
    errors; extents that differ from the gold one are listed apart, as what strict F1 counts."""

    def __init__(self) -> None:
        self.lines: dict[str, list[str]] = collections.defaultdict(list)

    def add(self, document: dict, pairs: list[tuple[dict, dict]]) -> None:
        text, dct = document["text"], document["published"][:10]
        matched = {id(g): s for g, s in pairs}
        for g in document["timexes"]:
            s = matched.get(id(g))
            found = f"{s['type']}:{s['value']} {text[s['start']:s['end']]!r}" if s else "missed"
            if s is None or s["value"] != g["value"]:
                self.lines[_value_kind(g["value"])].append(
                    f"{dct} {g['text']!r} {g['type']}:{g['value']} -> {found} | {_context(text, g)}")
            if s is not None and (s["start"], s["end"]) != (g["start"], g["end"]):
                self.lines["extent"].append(f"{dct} gold {g['text']!r} system {text[s['start']:s['end']]!r}")

    def print(self) -> None:
        for kind, lines in sorted(self.lines.items(), key=lambda item: -len(item[1])):
            print(f"\n== {kind}: {len(lines)}")
            print("\n".join(lines))


class Markability:
    """The dev folds' spurious and missed expressions counted by written form ("now", "for years", "9 days"), each
    with how many of that form's uses in the dev texts the gold marks. Marking a form wherever it is written adds, per
    use, a share p of right expressions and 1 - p spurious ones, which raises F1 only when p > F1 / 2: so whether a
    rule should drop or add a form follows from that share over all its uses, not from its errors alone."""

    def __init__(self) -> None:
        self.errors: collections.Counter = collections.Counter()  # (form, "spurious" | "missed") -> count
        self.documents: list[tuple[str, list[dict], list[dict]]] = []

    def add(self, document: dict, system: list[dict], pairs: list[tuple[dict, dict]]) -> None:
        text = document["text"]
        matched_gold, matched_system = {id(g) for g, _ in pairs}, {id(s) for _, s in pairs}
        self.errors.update((_form(text[s["start"]:s["end"]]), "spurious")
                           for s in system if id(s) not in matched_system)
        self.errors.update((_form(g["text"]), "missed") for g in document["timexes"] if id(g) not in matched_gold)
        self.documents.append((text, document["timexes"], system))

    def uses(self, form: str) -> tuple[int, int, int]:
        """How often ``form`` is written in the dev texts as an expression of its own (not inside a longer gold or
        system one: "days" in "13 days" is not a use of "days"), and how many of those uses gold and system mark."""
        pattern = re.compile(r"(?<!\w)" + re.escape(form).replace("9", r"\d") + r"(?!\w)", re.IGNORECASE)
        written = gold = system = 0
        for text, golds, found in self.documents:
            for use in pattern.finditer(text):
                marks = [[e for e in side if e["start"] < use.end() and use.start() < e["end"]]
                         for side in (golds, found)]
                if any(e["start"] < use.start() or e["end"] > use.end() for side in marks for e in side):
                    continue
                written += 1
                gold += bool(marks[0])
                system += bool(marks[1])
        return written, gold, system

    def print(self, f1: float, least: int = 2) -> None:
        forms = collections.Counter()
        for (form, _), n in self.errors.items():
            forms[form] += n
        print(f"\n== markability by form (errors >= {least}); mark a form where gold share > F1/2 = {f1 / 2:.2f}")
        print("errors (spurious/missed) | uses | gold marks | system marks | gold share | form")
        for form, n in forms.most_common():
            if n < least:
                break
            written, gold, system = self.uses(form)
            share = gold / written if written else 0.0
            flag = "  <- system differs" if (share > f1 / 2) != (system > written / 2) else ""
            counts = f"{n:3d} ({self.errors[form, 'spurious']}/{self.errors[form, 'missed']})"
            print(f"{counts} | {written:4d} | {gold:4d} | {system:4d} | {share:.2f} | {form!r}{flag}")


# what TimeML 1.2.1 / TIDES 2005 say of each class of expression the dev errors fall in: the class's name, then a
# test on (expression, its type, its value, the text before it, the text after it); the first class that fits
_DATELINE_BEFORE = re.compile(r"\n\s*[A-Z][A-Z .'-]+,\s*$")  # the text before is given from a line's start
_ANCHORED_AFTER = re.compile(r"\s+(?:after|later|before|earlier|ago|following)\b", re.I)
_RATE_BEFORE = re.compile(r"(?:\d|\b(?:hours|times|twice|once|dollars|cents))\S*\s+$", re.I)
GUIDELINE_CLASSES = [
    # a calendar date written in the text is markable wherever it stands; no guideline exempts the date line
    ("dateline date (marked by the guidelines)",
     lambda e, t, v, before, after: t == "DATE" and _DATELINE_BEFORE.search(before) is not None),
    # TimeML marks indexical and vague reference words (now, currently, recently, the future) as *_REF
    ("reference word, *_REF (marked by the guidelines)", lambda e, t, v, before, after: v.endswith("_REF")),
    # TimeML marks the amount of an anchored duration ("two days after the attack": "two days")
    ("counted duration anchored by after / later / before (marked)",
     lambda e, t, v, before, after: t == "DURATION" and "X" not in v and _ANCHORED_AFTER.match(after) is not None),
    # "a two-week trip": TimeML and TIDES mark an adjectival duration
    ("adjectival duration, 'four-decade' (marked)", lambda e, t, v, before, after: t == "DURATION" and "-" in e),
    # "$35 a night", "24 hours a day": an amount per unit of time; the guidelines' SET examples are frequencies of
    # events ("twice a week"), and they say nothing of a price or a share of each day, which the TBAQ gold marks
    # in some uses
    ("rate, an amount per unit of time (guidelines unclear)",
     lambda e, t, v, before, after: (after.lower().lstrip().startswith(("a day", "a year", "a week", "a month"))
                                     or e.lower().startswith(("a ", "per ")) and _RATE_BEFORE.search(before))),
    # "for years", "in recent days", "several months": TIDES marks a vague amount of time as PX<unit>
    ("vague duration, 'for years' (marked)", lambda e, t, v, before, after: t == "DURATION" and "X" in v),
    ("counted duration, other (marked)", lambda e, t, v, before, after: t == "DURATION"),
    # "that day", "the day", "the quarter", "the year before", "this year as last": an anaphoric unit (or an
    # elided one), marked with the date it names
    ("anaphoric day / period, 'that day' (marked)",
     lambda e, t, v, before, after: t == "DATE" and not re.search(r"\d", e)
     and re.search(r"\b(?:day|week|month|quarter|year|spring|summer|fall|autumn|winter|last)\b", e, re.I)),
    ("calendar date or year (marked)", lambda e, t, v, before, after: t == "DATE"),
    ("other", lambda e, t, v, before, after: True),
]


class GuidelineClasses:
    """The dev folds' spurious DATE / DURATION and missed DATE sorted into the classes of ``GUIDELINE_CLASSES``, each
    with the uses of its written forms in the dev texts and how many the gold marks (``Markability.uses``): a class
    the guidelines mark but whose forms the gold marks in only some uses is an annotation slip, not a rule."""

    def __init__(self, markability: "Markability") -> None:
        self.markability = markability
        self.errors: collections.Counter = collections.Counter()  # (class, "spurious DATE" ...) -> count
        # errors per (written form, "spurious" | "missed")
        self.forms: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)

    def add(self, document: dict, system: list[dict], pairs: list[tuple[dict, dict]]) -> None:
        text = document["text"]
        matched_gold, matched_system = {id(g) for g, _ in pairs}, {id(s) for _, s in pairs}
        unmatched = [("spurious", s) for s in system if id(s) not in matched_system and s["type"] in ("DATE", "DURATION")]
        unmatched += [("missed", g) for g in document["timexes"] if id(g) not in matched_gold and g["type"] == "DATE"]
        for side, item in unmatched:
            expression = text[item["start"]:item["end"]]
            line = text[:item["start"]].rsplit("\n", 1)[-1]  # the line before, from its start when short
            before = "\n" + line if len(line) <= 60 else line[-60:]
            name = _guideline_class(expression, item["type"], item["value"], before, text[item["end"]:item["end"] + 20])
            self.errors[name, f"{side} {item['type']}"] += 1
            self.forms[name][_form(expression), side] += 1

    def habits(self, name: str, least: int = 3) -> collections.Counter:
        """A class's errors split by whether the system follows the gold's habit for the error's written form (it
        marks a form the dev gold marks in most of its uses, or leaves one the gold mostly leaves: the error is an
        exception in the gold, a slip no rule can follow: "slip") or goes against it (a rule could follow the gold:
        "against"); errors of forms written fewer than ``least`` times are "rare" (too rare to tell)."""
        counts = collections.Counter()
        for (form, side), n in self.forms[name].items():
            written, gold, _ = self.markability.uses(form)
            follows = (gold > written / 2) == (side == "spurious")
            counts["rare" if written < least else "slip" if follows else "against"] += n
        return counts

    def print(self, least: int = 3) -> None:
        print("\n== dev spurious DATE / DURATION and missed DATE by guideline class; an error's form is marked by the "
              f"gold in most of its dev uses or not: the system follows that habit (gold slip) or goes against it; "
              f"forms written < {least} times are rare")
        print("spurious DATE | spurious DURATION | missed DATE | gold slip | against the gold's habit | rare | class")
        for name, _ in GUIDELINE_CLASSES:
            if name not in self.forms:
                continue
            counts = self.habits(name, least)
            print(f"{self.errors[name, 'spurious DATE']:13d} | {self.errors[name, 'spurious DURATION']:17d} | "
                  f"{self.errors[name, 'missed DATE']:11d} | {counts['slip']:9d} | {counts['against']:24d} | "
                  f"{counts['rare']:4d} | {name}")


def _guideline_class(expression: str, kind: str, value: str, before: str, after: str) -> str:
    """The first class of ``GUIDELINE_CLASSES`` the expression fits, ``before`` starting with a newline where it
    holds the line from its start."""
    return next(name for name, fits in GUIDELINE_CLASSES if fits(expression, kind, value, before, after))


def _form(expression: str) -> str:
    """An expression's written form, lower case with each digit as 9: "13 days" -> "99 days", "1987" -> "9999"."""
    return re.sub(r"\d", "9", " ".join(expression.lower().split()))


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
