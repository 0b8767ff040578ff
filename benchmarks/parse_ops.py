"""The spaCy parse with thinc's stock CPU ops (blis) against Storyline's ``MatmulOps`` (numpy's
OpenBLAS), one BLAS thread each, on the first N articles of ../shared/data/corpus: CPU seconds
and whether the annotations (tags, lemmas, arcs, entities) come out the same; and the pipeline
Storyline runs (``nlp.load()``: MatmulOps, attribute ruler by lookup, memoised lemmatizer, line
breaks ending sentences, which changes some parses, so it is timed only).

    python benchmarks/parse_ops.py [--limit 300] [--rounds 3] [--no-write]

Both pipelines run in this process, alternating for ``--rounds`` rounds; the fastest round of
each is reported (CPU time of this process, which other jobs disturb less than wall time).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks._report import report  # noqa: E402
from benchmarks.components_cost import corpus_articles  # noqa: E402


def annotations(doc) -> list[tuple]:
    return [(t.tag_, t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in doc]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()

    from thinc.api import get_current_ops, set_current_ops
    from threadpoolctl import threadpool_limits

    from storyline.annotate import nlp

    threadpool_limits(limits=1, user_api="blas")
    texts = [a.text for a in corpus_articles(args.limit)]
    words = sum(len(t.split()) for t in texts)
    pipelines = {"stock ops (blis)": nlp.load_model()}
    # the same shipped pipeline (no Storyline components), built on MatmulOps
    previous = get_current_ops()
    set_current_ops(nlp.MatmulOps())
    pipelines["MatmulOps (numpy)"] = nlp.load_model()
    set_current_ops(previous)
    pipelines["Storyline pipeline (nlp.load)"] = nlp.load()
    seconds: dict[str, list[float]] = {name: [] for name in pipelines}
    parsed: dict[str, list] = {}
    for _ in range(args.rounds):
        for name, model in pipelines.items():
            start = time.process_time()
            docs = list(model.pipe(texts, batch_size=32))
            seconds[name].append(time.process_time() - start)
            parsed[name] = [annotations(d) for d in docs]
    stock, ours = parsed["stock ops (blis)"], parsed["MatmulOps (numpy)"]
    tokens = sum(len(d) for d in stock)
    same = sum(a == b for da, db in zip(stock, ours, strict=True) for a, b in zip(da, db, strict=True))
    base = min(seconds["stock ops (blis)"])
    rows = [[name, len(texts), round(min(s), 2), round(len(texts) / min(s), 2), round(words / min(s)),
             round(base / min(s), 3)] for name, s in seconds.items()]
    report(f"Parse with stock ops vs MatmulOps ({len(texts)} articles, {words} words)",
           ["ops", "articles", "CPU s", "articles/s", "words/s", "speed-up"], rows,
           notes=f"Fastest of {args.rounds} alternating rounds, one BLAS thread. Stock vs MatmulOps, identical "
                 f"annotations (tag, lemma, dep, head, entity IOB and type): {same} of {tokens} tokens.",
           write=not args.no_write)


if __name__ == "__main__":
    main()
