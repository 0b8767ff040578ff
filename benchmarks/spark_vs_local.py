"""Ingest throughput of the Spark engine (local mode) against the local engine on the same
subset of ../shared/data/corpus, both with 2 cores' worth of workers, each in a fresh process.

    python benchmarks/spark_vs_local.py [--limit 500] [--master local[2]] [--workers 2] [--no-write]

Seconds cover the ingest only (read, clean, parse, annotate, dedup, store, entities, stories);
Spark's session start (JVM, first Python workers) is measured apart, since a cluster pays it once.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks._report import report  # noqa: E402
from benchmarks.ingest import INGEST, corpus_subset, run_child  # noqa: E402

SPARK = """
import json, os, sys, time
os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
t = time.perf_counter()
from storyline.engines.spark import ingest_spark, spark_session
from storyline.pipeline import RunOptions
from storyline.store import Store
with spark_session(sys.argv[3]) as spark:
    spark.sparkContext.setLogLevel("ERROR")
    spark.sparkContext.parallelize(range(8), 8).count()
    start = time.perf_counter() - t
    t = time.perf_counter()
    with Store(sys.argv[2]) as store:
        rep = ingest_spark([sys.argv[1]], store, RunOptions(progress=False), spark)
    secs = time.perf_counter() - t
print(json.dumps({"seconds": secs, "start": start, "added": rep.added, "errors": len(rep.errors)}))
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=500)
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--workers", type=int, default=2, help="processes of the local engine")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        corpus, n, words = corpus_subset(Path(tmp), args.limit)
        runs = [(f"local engine ({args.workers} workers)", INGEST, str(args.workers)),
                (f"spark engine ({args.master})", SPARK, args.master)]
        for name, code, arg in runs:
            r = run_child(code, str(corpus), str(Path(tmp) / f"{len(rows)}.db"), arg)
            rows.append([name, r["added"], r["seconds"], r["added"] / r["seconds"], words / r["seconds"],
                         r.get("start", "-"), r["errors"]])
    report(f"Spark vs local engine ({n} articles from shared/data/corpus)",
           ["engine", "articles", "seconds", "articles/s", "words/s", "session start s", "skipped"],
           rows, notes="Both engines store the same articles and give the same export (tests/test_spark.py). Spark "
                       "in local mode runs the same Python code in its own worker processes, plus a JVM and "
                       "pickling between them; its use is scaling out on a cluster, not one machine.",
           write=not args.no_write)


if __name__ == "__main__":
    main()
