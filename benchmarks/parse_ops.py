"""The spaCy parse with thinc's stock CPU ops (blis) against Storyline's ``MatmulOps`` (numpy's
OpenBLAS), one BLAS thread each, on the first N articles of ../shared/data/corpus: CPU seconds
and whether the annotations (tags, lemmas, arcs, entities) come out the same; and the pipeline
Storyline runs (``nlp.load()``: MatmulOps, attribute ruler by lookup, memoised lemmatizer, line
breaks ending sentences, which changes some parses, so it is timed only).

    python benchmarks/parse_ops.py [--limit 300] [--rounds 3] [--no-write]

Both pipelines run in this process, alternating for ``--rounds`` rounds; the fastest round of
each is reported (CPU time of this process, which other jobs disturb less than wall time).
A second table parses with Storyline's pipeline in fresh processes, as a worker does, with
OpenBLAS's thread pool started (its default, then limited to one thread, as ``init_worker``
does when numpy was loaded first) or never started (``OPENBLAS_NUM_THREADS=1``, what importing
Storyline sets): the thread count of the process alone changes the parse speed.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import tempfile
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

    with tempfile.TemporaryDirectory() as tmp:
        rows = blas_thread_rows(texts, args.rounds, Path(tmp))
    report(f"Storyline parse with and without BLAS threads in the process ({len(texts)} articles)",
           ["worker process", "threads", "CPU ms / article", "speed-up"], rows,
           notes=f"Fresh process per run ({args.rounds} alternating rounds, fastest shown): `nlp.init_worker()`, "
                 "then `nlp.parse` as a worker runs it; CPU time of the parse.",
           write=not args.no_write)


WORKER_PARSE = """
import json, os, sys, time
os.environ["OPENBLAS_NUM_THREADS"] = sys.argv[1]
from storyline.annotate import nlp
nlp.init_worker()
texts = json.load(open(sys.argv[2], encoding="utf-8"))
list(nlp.parse(texts[:10]))
start = time.process_time()
list(nlp.parse(texts))
print(json.dumps({"cpu": time.process_time() - start, "threads": len(os.listdir("/proc/self/task"))}))
"""


def blas_thread_rows(texts: list[str], rounds: int, tmp: Path) -> list[list[object]]:
    """Parse CPU time in fresh processes with and without OpenBLAS's thread pool (alternating)."""
    path = tmp / "texts.json"
    path.write_text(json.dumps(texts), encoding="utf-8")
    variants = {f"OpenBLAS pool started ({os.cpu_count()} threads, limited to 1)": str(os.cpu_count()),
                "no BLAS thread (OPENBLAS_NUM_THREADS=1)": "1"}
    runs: dict[str, list[dict]] = {name: [] for name in variants}
    for _ in range(rounds):
        for name, value in variants.items():
            out = subprocess.run([sys.executable, "-c", WORKER_PARSE, value, str(path)], check=True,
                                 capture_output=True, text=True)
            runs[name].append(json.loads(out.stdout.strip().splitlines()[-1]))
    base = min(r["cpu"] for r in runs[next(iter(variants))])
    return [[name, r[0]["threads"], round(min(x["cpu"] for x in r) / len(texts) * 1000, 2),
             round(base / min(x["cpu"] for x in r), 3)] for name, r in runs.items()]


if __name__ == "__main__":
    main()
