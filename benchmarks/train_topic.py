"""Train the article topic model (``storyline.annotate.events.topic``) and check it outside its data.

Training documents: the 2,225 BBC articles of ../shared/data/corpus/bbc.jsonl with their topic
(sport, business, politics, tech, entertainment) and, as a sixth topic "world", the CAMEO-coded
political sentences of ../shared/data/events/cameo_class_train.tsv in their file order, five to a
document (the BBC's "politics" is British parliamentary politics; world news of wars, attacks,
sanctions and talks is what the CAMEO sentences tell). Deterministic: file order, lbfgs (the
vocabulary, IDF and weights are the same run to run; the pickle's bytes may differ).

Reported: 5-fold cross-validated accuracy on the BBC articles, and the accuracy on news_cluster's
own categories (an outside check: other outlets, other years), by this mapping of the model's topics
onto news_cluster's: sport -> sports, business -> business, tech -> technology, entertainment ->
entertainment, politics and world -> world; news_cluster's "science" has no BBC topic and is left
out of the accuracy (its rows show where it goes). Also per half of news_cluster's stories
(the "fit" half chose the model's design), and how the product's decision (politics or world below
``topic.POLITICAL_SHARE_MIN``: another topic) splits each category.

    python benchmarks/train_topic.py             # fit, write src/storyline/data/plover/topic.joblib, report
    python benchmarks/train_topic.py --no-save   # report only
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from sklearn.model_selection import StratifiedKFold, cross_val_predict  # noqa: E402

from benchmarks._news_cluster import half_of  # noqa: E402
from benchmarks._report import report, require_shared  # noqa: E402
from storyline.annotate.events import topic  # noqa: E402
from storyline.annotate.events.train import read_cameo_tsv  # noqa: E402

SENTENCES_PER_DOCUMENT = 5
TO_NEWS_CLUSTER = {"sport": "sports", "business": "business", "tech": "technology",
                   "entertainment": "entertainment", "politics": "world", "world": "world"}


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def training_documents() -> tuple[list[str], list[str]]:
    """BBC articles with their topic, then the CAMEO sentences grouped as "world" documents."""
    bbc = read_jsonl(require_shared("data", "corpus", "bbc.jsonl"))
    sentences, _ = read_cameo_tsv(require_shared("data", "events", "cameo_class_train.tsv"))
    n = SENTENCES_PER_DOCUMENT
    world = [" ".join(sentences[i:i + n]) for i in range(0, len(sentences), n)]
    return [b["text"] for b in bbc] + world, [b["category"] for b in bbc] + ["world"] * len(world)


def bbc_cv_accuracy(texts: list[str], labels: list[str]) -> float:
    """5-fold stratified CV accuracy on the BBC articles alone (the "world" documents always train)."""
    n_bbc = sum(label != "world" for label in labels)
    world_texts, world_labels = texts[n_bbc:], labels[n_bbc:]
    right = 0
    folds = StratifiedKFold(5, shuffle=True, random_state=0).split(texts[:n_bbc], labels[:n_bbc])
    for train, test in folds:
        model = topic.build_model().fit([texts[i] for i in train] + world_texts,
                                        [labels[i] for i in train] + world_labels)
        predicted = model.predict([texts[i] for i in test])
        right += sum(p == labels[i] for p, i in zip(predicted, test))
    return right / n_bbc


def outside_rows(model) -> list[list[object]]:
    """Accuracy on news_cluster by the mapping, per half; then each category's predicted topics."""
    articles = read_jsonl(require_shared("data", "clustering", "news_cluster.jsonl"))
    probs = model.predict_proba([a["text"] for a in articles])
    predicted = [model.classes_[p.argmax()] for p in probs]
    off = [sum(dict(zip(model.classes_, p)).get(t, 0.0) for t in topic.POLITICAL_TOPICS) < topic.POLITICAL_SHARE_MIN
           for p in probs]
    rows = []
    for part in ("fit", "held-out", "all"):
        mine = [i for i, a in enumerate(articles)
                if a["category"] != "science" and part in ("all", half_of(a["story"]))]
        right = sum(TO_NEWS_CLUSTER[predicted[i]] == articles[i]["category"] for i in mine)
        rows.append([f"news_cluster {part} (science left out)", len(mine), right / len(mine), "", ""])
    for category in sorted({a["category"] for a in articles}):
        mine = [i for i, a in enumerate(articles) if a["category"] == category]
        spread = Counter(predicted[i] for i in mine)
        rows.append([f"news_cluster {category}", len(mine),
                     sum(TO_NEWS_CLUSTER[predicted[i]] == category for i in mine) / len(mine),
                     ", ".join(f"{k} {v}" for k, v in spread.most_common()),
                     sum(off[i] for i in mine)])
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-save", action="store_true", help="do not write the artifact")
    parser.add_argument("--no-write", action="store_true", help="print only, do not append to docs/benchmarks.md")
    args = parser.parse_args()
    texts, labels = training_documents()
    rows = [["BBC, 5-fold CV", sum(label != "world" for label in labels), bbc_cv_accuracy(texts, labels), "", ""]]
    model = topic.build_model().fit(texts, labels)
    rows += outside_rows(model)
    if not args.no_save:
        import joblib
        topic.TOPIC_PATH.parent.mkdir(parents=True, exist_ok=True)
        joblib.dump(model, topic.TOPIC_PATH, compress=3)
        print(f"wrote {topic.TOPIC_PATH} ({topic.TOPIC_PATH.stat().st_size // 1024} KB)")
    report("Events: article topic model (BBC topics + CAMEO sentences as world news)",
           ["evaluation", "articles", "accuracy", "predicted topics", "taken as another topic than politics/world"],
           rows, write=not args.no_write,
           notes=f"Trained on the 2,225 BBC articles and the CAMEO sentences {SENTENCES_PER_DOCUMENT} to a document as "
                 "\"world\" (benchmarks/train_topic.py). Mapping onto news_cluster's categories: sport -> sports, "
                 "business -> business, tech -> technology, entertainment -> entertainment, politics and world -> "
                 "world; science has no BBC topic. Last column: articles whose probability of politics or world is "
                 f"below {topic.POLITICAL_SHARE_MIN} (the events there need a political party or harm to people).")


if __name__ == "__main__":
    main()
