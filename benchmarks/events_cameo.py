"""CAMEO 5-way sentence classification (../shared/data/events/cameo_class_train.tsv), cross-validated:
macro-F1 over statement / verbal cooperation / material cooperation / verbal conflict / material
conflict. Folds group near-duplicate sentences (same first 40 letters) so a sentence and its
re-wording never sit on both sides of a split. Published: ConfliBERT 87.88 macro-F1.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sklearn.metrics import accuracy_score, f1_score  # noqa: E402
from sklearn.model_selection import StratifiedGroupKFold, cross_val_predict  # noqa: E402

from benchmarks._report import report, require_shared  # noqa: E402
from storyline.annotate.events.classifier import build_model  # noqa: E402
from storyline.annotate.events.ontology import QUAD_OF_TYPE  # noqa: E402
from storyline.annotate.events.train import parsed_samples, read_cameo_tsv  # noqa: E402

QUAD_INDEX = {"verbal_cooperation": 1, "material_cooperation": 2, "verbal_conflict": 3, "material_conflict": 4}


def groups_of(texts: list[str]) -> list[str]:
    return [re.sub(r"[^a-z]", "", t.casefold())[:40] for t in texts]


def rules_only(samples: list[str]) -> list[int]:
    """The rule extractor alone: first event's quad, no event = statement."""
    out = []
    for s in samples:
        rules = s.split("\x1f", 1)[1].split()
        quads = [w[5:] for w in rules if w.startswith("quad_")]
        out.append(QUAD_INDEX[quads[0]] if quads else 0)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    texts, labels = read_cameo_tsv(require_shared("data", "events", "cameo_class_train.tsv"))
    samples = parsed_samples(texts)
    cv = StratifiedGroupKFold(n_splits=args.folds, shuffle=True, random_state=0)
    rows = []
    rule_pred = rules_only(samples)
    rows.append(["rules only (first event's quad; none = statement)", "-", f1_score(labels, rule_pred, average="macro"),
                 accuracy_score(labels, rule_pred)])
    text_only = [s.split("\x1f", 1)[0] + "\x1frule_none" for s in samples]
    for name, data in (("TF-IDF + linear SVM, text only", text_only), ("TF-IDF + linear SVM + rule features", samples)):
        pred = cross_val_predict(build_model(), data, labels, cv=cv, groups=groups_of(texts))
        rows.append([name, f"{args.folds}-fold grouped CV", f1_score(labels, pred, average="macro"),
                     accuracy_score(labels, pred)])
    report("Events: CAMEO 5-way sentence classification", ["method", "evaluation", "macro-F1", "accuracy"], rows,
           notes=f"{len(texts)} sentences; published ConfliBERT: 87.88 macro-F1 (its own test split).",
           write=not args.no_write)


if __name__ == "__main__":
    main()
