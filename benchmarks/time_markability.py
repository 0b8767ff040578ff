"""Can a learned markability filter carry TimeBank's annotation habits from fold to fold? Cross-validated on the TBAQ
dev folds (1-4) only; fold 0 (the held-out fold of ``time_tbaq.py --folds 5``) is skipped before any text is read.

Every expression ``find_timexes`` outputs is a candidate: positive when it overlaps a gold expression (the relaxed
match of the TempEval-3 scorer), negative otherwise. A logistic regression over features of the candidate (its words,
type and value form, the lemma, part of speech and dependency of its head and of the head's governor, the words
before and after) is fitted on three dev folds and scores the fourth; candidates scored below a threshold are
dropped, and the table gives each fold's value F1 at each threshold. A filter worth shipping would raise every
fold's value F1 at one threshold; this measures whether the dev folds' spurious expressions are a habit that
features can tell from the marked uses of the same words, or annotators' inconsistency that no feature carries.

    .venv/bin/python benchmarks/time_markability.py [--no-write] [--cache /tmp/time/tbaq.spacy] [--balanced]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._report import report, require_shared  # noqa: E402
from benchmarks.time_tbaq import Score, _parses, fold_of, match  # noqa: E402
from storyline.annotate.time import find_timexes  # noqa: E402

DEV_FOLDS = (1, 2, 3, 4)
THRESHOLDS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5)


def candidate_features(expression: dict, doc) -> dict[str, object]:
    """What a markability decision could read off one output expression and its parse."""
    span = doc.char_span(expression["start"], expression["end"], alignment_mode="expand")
    head = span.root
    before = doc[span.start - 1].lower_ if span.start > 0 else "<s>"
    after = doc[span.end] if span.end < len(doc) else None
    words = span.text.lower()
    features: dict[str, object] = {
        "type": expression["type"], "form": re.sub(r"\d+", "9", expression["value"])[:12],
        "tokens": min(len(span), 4), "digit": any(c.isdigit() for c in words), "capital": span.text[:1].isupper(),
        "head=" + head.lemma_.lower(): 1, "head_dep=" + head.dep_: 1, "head_pos=" + head.pos_: 1,
        "governor=" + head.head.lemma_.lower(): 1, "governor_pos=" + head.head.pos_: 1,
        "before=" + before: 1, "after=" + (after.lower_ if after is not None else "</s>"): 1,
        "after_pos=" + (after.pos_ if after is not None else "</s>"): 1, "first=" + span[0].lower_: 1}
    if len(words.split()) <= 3:
        features["words=" + words] = 1
    return features


def _candidates(documents: list[dict], docs: list) -> list[dict]:
    """The dev documents' outputs, each with its features, its label (overlaps a gold one) and its fold."""
    candidates = []
    for document, doc in zip(documents, docs):
        system = [{**t.to_dict()["span"], "type": t.type, "value": t.value}
                  for t in find_timexes(document["text"], document["published"], doc, document["id"])]
        matched = {id(s) for _, s in match(document["timexes"], system)}
        candidates += [{"document": document, "expression": s, "features": candidate_features(s, doc),
                        "marked": id(s) in matched, "fold": fold_of(document["id"])} for s in system]
    return candidates


def _out_of_fold_scores(candidates: list[dict], balanced: bool) -> list[float]:
    """Each candidate's probability of being marked from a model fitted on the other three dev folds."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    scores = [0.0] * len(candidates)
    for fold in DEV_FOLDS:
        train = [c for c in candidates if c["fold"] != fold]
        vectorizer = DictVectorizer()
        model = LogisticRegression(max_iter=2000, class_weight="balanced" if balanced else None).fit(
            vectorizer.fit_transform([c["features"] for c in train]), [c["marked"] for c in train])
        held = [i for i, c in enumerate(candidates) if c["fold"] == fold]
        probabilities = model.predict_proba(vectorizer.transform([candidates[i]["features"] for i in held]))[:, 1]
        for i, probability in zip(held, probabilities):
            scores[i] = float(probability)
    return scores


def _rows(documents: list[dict], candidates: list[dict], scores: list[float]) -> list[list[object]]:
    """Per threshold: candidates dropped (of them marked in the gold) and each fold's value F1 after dropping."""
    rows = []
    for threshold in THRESHOLDS:
        kept: dict[str, list[dict]] = {d["id"]: [] for d in documents}
        dropped = [c for c, score in zip(candidates, scores) if score < threshold]
        for c, score in zip(candidates, scores):
            if score >= threshold:
                kept[c["document"]["id"]].append(c["expression"])
        folds = {fold: Score() for fold in DEV_FOLDS}
        for document in documents:
            folds[fold_of(document["id"])].add(document["timexes"], kept[document["id"]])
        dev = Score()
        for score in folds.values():
            for field in ("gold", "system", "strict", "relaxed", "type_ok", "value_ok"):
                setattr(dev, field, getattr(dev, field) + getattr(score, field))
        rows.append([threshold, len(dropped), sum(c["marked"] for c in dropped)]
                    + [folds[f].prf(folds[f].value_ok)[2] for f in DEV_FOLDS]
                    + [dev.prf(dev.value_ok)[2], dev.prf(dev.relaxed)[2]])
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-write", action="store_true", help="print only; do not append to docs/benchmarks.md")
    parser.add_argument("--cache", type=Path, help="DocBin file of the TBAQ parses (as time_tbaq.py --cache)")
    parser.add_argument("--balanced", action="store_true", help="weight the classes equally in the fit")
    args = parser.parse_args()

    path = require_shared("data", "time", "tbaq.jsonl")
    everything = [json.loads(line) for line in path.open(encoding="utf-8")]
    parses = _parses(everything, args.cache)
    dev = [(d, doc) for d, doc in zip(everything, parses) if fold_of(d["id"]) in DEV_FOLDS]
    documents = [d for d, _ in dev]
    candidates = _candidates(documents, [doc for _, doc in dev])
    scores = _out_of_fold_scores(candidates, args.balanced)
    header = (["threshold", "dropped", "of them marked"] + [f"fold {f} value F1" for f in DEV_FOLDS]
              + ["dev value F1", "dev relaxed F1"])
    notes = (f"{len(candidates)} candidates (the outputs of find_timexes on dev folds 1-4), "
             f"{sum(c['marked'] for c in candidates)} overlapping a gold expression; logistic regression "
             f"{'with balanced class weights ' if args.balanced else ''}fitted on three dev folds, scoring the "
             "fourth; threshold 0 is the system without a filter. Fold 0 is never read.")
    report("Time expressions: a learned markability filter across the TBAQ dev folds", header,
           _rows(documents, candidates, scores), notes, write=not args.no_write)


if __name__ == "__main__":
    main()
