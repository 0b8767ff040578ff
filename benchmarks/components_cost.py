"""What the annotation components cost next to the spaCy parse they run on (issue #8: the whole
per-article pipeline should reach >= 0.8 of the raw parse's throughput, so the components and the
kept parse must cost little). Milliseconds per article, in one process, on the first N articles of
../shared/data/corpus (half from each file, cleaned as ingest cleans them).

    python benchmarks/components_cost.py [--limit 300] [--repeat 3] [--no-write]

Times are CPU seconds of this process (``time.process_time``), which other jobs on a shared
machine disturb less than wall time. The parse is timed once; every component (and
``doc_to_bytes``, the kept parse) is timed over all docs ``--repeat`` times and the fastest pass
is reported. ``--label`` names the code measured in the table title (e.g. "before", "after").
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks._report import report, require_shared  # noqa: E402

CORPUS_FILES = ("te3_silver.jsonl", "bbc.jsonl")


def corpus_articles(limit: int) -> list:
    """The first ``limit`` corpus articles, half from each file, cleaned as ingest cleans them."""
    from storyline.clean import clean_document
    from storyline.sources import read_inputs

    per_file = -(-limit // len(CORPUS_FILES))
    articles = []
    for name in CORPUS_FILES:
        docs = read_inputs([str(require_shared("data", "corpus", name))])
        articles += [clean_document(d) for _, d in zip(range(per_file), docs, strict=False)]
    return articles[:limit]


def component_seconds(articles: list, docs: list, repeat: int, mode: str = "fast") -> dict[str, float]:
    """Seconds per component over all docs (fastest of ``repeat`` passes), components run in order
    so each sees what the earlier ones produced; ``mode``: the annotation mode (``annotate.MODES``)."""
    from storyline.annotate import ACCURATE, COMPONENTS, nlp
    from storyline.annotate.quotes.parsed import ROLE_KEY
    from storyline.model import Annotations

    components = {**COMPONENTS, **ACCURATE} if mode == "accurate" else COMPONENTS

    best: dict[str, float] = {}
    clock = time.process_time
    for _ in range(repeat):
        spent = dict.fromkeys(["doc_to_bytes", *COMPONENTS], 0.0)
        for article, doc in zip(articles, docs, strict=True):
            doc.user_data.pop(ROLE_KEY, None)  # the accurate mode's encoder runs in every pass
            t = clock()
            ann = Annotations(article_id=article.id, parse=nlp.doc_to_bytes(doc))
            spent["doc_to_bytes"] += clock() - t
            for name, component in components.items():
                t = clock()
                component(article, doc, ann)
                spent[name] += clock() - t
        best = {k: min(v, best.get(k, v)) for k, v in spent.items()}
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--label", default="", help="what code is measured, shown in the title")
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--mode", default="fast", choices=["fast", "accurate"], help="annotation mode")
    args = ap.parse_args()

    from storyline.annotate import nlp

    articles = corpus_articles(args.limit)
    getattr(nlp, "init_worker", nlp.load)()  # as a worker runs it (one BLAS thread); older code: load()
    t = time.process_time()
    docs = list(nlp.parse([a.text for a in articles]))
    parse_s = time.process_time() - t
    costs = component_seconds(articles, docs, args.repeat, args.mode)
    n = len(articles)
    words = sum(len(a.text.split()) for a in articles)
    rows = [["spaCy parse (nlp.parse)", parse_s * 1000 / n, 1.0]]
    rows += [[name, s * 1000 / n, s / parse_s] for name, s in costs.items()]
    total = sum(costs.values())
    rows.append(["all components + doc_to_bytes", total * 1000 / n, total / parse_s])
    rows.append(["parse / (parse + components)", "", parse_s / (parse_s + total)])
    label = f", {args.label}" if args.label else ""
    label += ", accurate mode" if args.mode == "accurate" else ""
    report(f"Component cost per article ({n} articles, {words} words{label})",
           ["stage", "ms / article", "share of parse"], rows,
           notes="One process, CPU time; parse timed once, components fastest of the repeats. The machine is "
                 "shared (2 cores, other jobs running): timings are noisy, read differences under ~10% as noise. "
                 "The last row is the ceiling the components allow on the issue #8 ratio "
                 "(pipeline / raw parse throughput).",
           write=not args.no_write)


if __name__ == "__main__":
    main()
