"""Source/target actor spans on the ConfliBERT CAMEO NER sentences
(../shared/data/events/cameo_ner_train.txt: one token and BIO tag a line, S = source actor,
T = target actor, R = reciprocal sides of a meeting; blank line between sentences).

The sentences are rebuilt from their tokens (with a map token -> character offsets), parsed, and
run through the product (entities + events); the actor and recipient spans of the events are
mapped back to token spans and scored as span F1, exact (same first and last token) and overlap
(a predicted span counts when it shares a token with an unmatched gold span of its role).

A token classifier (``storyline.annotate.events.spans``: parse and rule features, linear model)
is scored with grouped k-fold cross-validation: trained on the other folds only. Published:
ConfliBERT 74.45 F1 (its own test split; exact spans, seqeval).
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._report import report, require_shared  # noqa: E402
from storyline.annotate.events import extract_events  # noqa: E402
from storyline.annotate.events.spans import (ROLES, TaggedSentence, bio_spans, cross_validated_tags,  # noqa: E402
                                             detokenize, rule_tags)
from storyline.annotate.nlp import load  # noqa: E402


def read_bio(path: Path) -> list[tuple[list[str], list[str]]]:
    """(tokens, tags) per sentence; R tags are kept (scored apart), anything else is O."""
    out, words, tags = [], [], []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if words:
                out.append((words, tags))
            words, tags = [], []
            continue
        word, tag = line.rsplit(" ", 1) if " " in line.strip() else (line.strip(), "O")
        words.append(word)
        tags.append(tag if tag[2:] in ROLES + ("R",) else "O")
    return out


def span_counts(gold: list[set], pred: list[set], role: str) -> Counter:
    """Gold, predicted, exact and overlap hits of one role over all sentences."""
    counts = Counter()
    for g_all, p_all in zip(gold, pred):
        g = sorted(s for s in g_all if s[0] == role)
        p = sorted(s for s in p_all if s[0] == role)
        counts["gold"] += len(g)
        counts["pred"] += len(p)
        counts["exact"] += len(set(g) & set(p))
        free = list(g)
        for _, a, b in p:
            hit = next((s for s in free if s[1] < b and a < s[2]), None)
            if hit is not None:
                free.remove(hit)
                counts["overlap"] += 1
    return counts


def prf(counts: Counter, kind: str) -> list[float]:
    prec = counts[kind] / counts["pred"] if counts["pred"] else 0.0
    rec = counts[kind] / counts["gold"] if counts["gold"] else 0.0
    return [prec, rec, 2 * prec * rec / (prec + rec) if prec + rec else 0.0]


def rows_for(name: str, evaluation: str, gold: list[set], pred: list[set]) -> list[list[object]]:
    """One row per role and a micro-averaged S+T row."""
    per_role = {role: span_counts(gold, pred, role) for role in ROLES}
    per_role["S+T (micro)"] = sum(per_role.values(), Counter())
    return [[name, evaluation, role, c["gold"], *prf(c, "exact"), prf(c, "overlap")[2]]
            for role, c in per_role.items()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--errors", type=int, default=0, help="print N sentences the rules get wrong")
    args = parser.parse_args()
    data = read_bio(require_shared("data", "events", "cameo_ner_train.txt"))
    nlp = load()
    built = [detokenize(words) for words, _ in data]
    docs = list(nlp.pipe([text for text, _ in built], batch_size=64))
    sents = [TaggedSentence(words, offsets, doc, extract_events(doc, doc.text, f"n{i}"))
             for i, ((words, _), (_, offsets), doc) in enumerate(zip(data, built, docs))]
    gold = [bio_spans(tags) for _, tags in data]
    rules = [bio_spans(rule_tags(s)) for s in sents]
    learned = [bio_spans(t) for t in cross_validated_tags(sents, [tags for _, tags in data], args.folds)]
    if args.errors:
        shown = 0
        for (words, _), g, p in zip(data, gold, rules):
            if {x for x in g if x[0] in ROLES} != p and shown < args.errors:
                shown += 1
                print(" ".join(words))
                print("  gold:", sorted((r, " ".join(words[a:b])) for r, a, b in g if r in ROLES))
                print("  rule:", sorted((r, " ".join(words[a:b])) for r, a, b in p))
    rows = rows_for("rules (events' actors/recipients)", "no training", gold, rules)
    rows += rows_for("token classifier (parse + rule features)", f"{args.folds}-fold grouped CV", gold, learned)
    header = ["method", "evaluation", "role", "gold spans", "exact P", "exact R", "exact F1", "overlap F1"]
    report("Events: source/target actor spans (CAMEO NER sentences)", header, rows, notes=(
        f"{len(data)} sentences. S = source actor, T = target actor; R (reciprocal meeting sides, "
        f"{sum(1 for g in gold for x in g if x[0] == 'R')} spans) is not scored. Rules: every event's actor "
        "spans are S, recipient spans T, mapped to the tokens they cover. Exact: same first and last token; "
        "overlap: shares a token with an unmatched gold span of the same role. Published ConfliBERT: 74.45 F1 "
        "(exact, its own test split)."), write=not args.no_write)


if __name__ == "__main__":
    main()
