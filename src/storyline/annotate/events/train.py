"""Train the CAMEO 5-way sentence classifier artifact (deterministic):

    .venv/bin/python -m storyline.annotate.events.train [PATH_TO cameo_class_train.tsv]

Reads the ConfliBERT CAMEO classification sentences (text TAB label 0-4), runs the rule extractor
on each sentence for the rule features, fits TF-IDF + linear SVM and writes
``src/storyline/data/plover/cameo_quad5.joblib``.
"""
from __future__ import annotations

import sys
from pathlib import Path

from .classifier import DATA_DIR, QUAD5_PATH, build_model, samples_for

DEFAULT_DATA = Path(__file__).resolve().parents[4].parent / "shared" / "data" / "events" / "cameo_class_train.tsv"


def read_cameo_tsv(path: Path) -> tuple[list[str], list[int]]:
    texts, labels = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if "\t" not in line:
            continue
        text, label = line.rstrip("\r").rsplit("\t", 1)
        texts.append(text.strip())
        labels.append(int(label))
    return texts, labels


def parsed_samples(texts: list[str]) -> list[str]:
    from storyline.annotate.nlp import load
    docs = list(load().pipe(texts, batch_size=64))
    return samples_for(docs, texts)


def main(argv: list[str] | None = None) -> None:
    import joblib
    args = argv if argv is not None else sys.argv[1:]
    path = Path(args[0]) if args else DEFAULT_DATA
    texts, labels = read_cameo_tsv(path)
    model = build_model().fit(parsed_samples(texts), labels)
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    joblib.dump(model, QUAD5_PATH, compress=3)
    print(f"wrote {QUAD5_PATH} ({QUAD5_PATH.stat().st_size // 1024} KB) from {len(texts)} sentences")


if __name__ == "__main__":
    main()
