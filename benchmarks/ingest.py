"""Ingest throughput and peak memory on ../shared/data/corpus (the full per-article pipeline:
read, clean, parse, annotate, dedup, store, entity resolution), against the raw spaCy parse of
the same texts with the same model.

    python benchmarks/ingest.py [--limit N] [--workers 1 2] [--no-baseline] [--no-write] [--keep DIR]

``--keep DIR`` keeps each run's store (DIR/wN.db), e.g. for ``benchmarks/refresh.py --db``.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks._report import report, require_shared  # noqa: E402

CORPUS_FILES = ("te3_silver.jsonl", "bbc.jsonl")


def corpus_subset(tmp: Path, limit: int | None) -> tuple[Path, int, int]:
    """The corpus as one JSONL (optionally the first ``limit`` records); returns path, articles, words."""
    records = []
    for name in CORPUS_FILES:
        with require_shared("data", "corpus", name).open(encoding="utf-8") as fh:
            records += [json.loads(line) for line in fh]
    records = records[:limit] if limit else records
    path = tmp / "corpus.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path, len(records), sum(len(r["text"].split()) for r in records)


def run_child(code: str, *args: str) -> dict:
    """Run in a fresh process so peak RSS (self + children) belongs to that run alone."""
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"benchmark run failed ({out.returncode}):\n{out.stderr[-4000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


INGEST = """
import json, resource, sys, time
from storyline.pipeline import RunOptions, ingest
from storyline.store import Store
t = time.perf_counter()
with Store(sys.argv[2]) as store:
    rep = ingest([sys.argv[1]], store, RunOptions(workers=int(sys.argv[3]), progress=False))
secs = time.perf_counter() - t
own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"seconds": secs, "added": rep.added, "errors": len(rep.errors),
                  "rss_mb": max(own.ru_maxrss, kids.ru_maxrss) / 1024, "steps": rep.refresh_seconds,
                  "parent_cpu": own.ru_utime + own.ru_stime, "workers_cpu": kids.ru_utime + kids.ru_stime}))
"""

RAW_PARSE = """
import json, resource, sys, time
from storyline.annotate import nlp
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
model = nlp.load_model()
t = time.perf_counter()
for _ in model.pipe(texts, batch_size=32):
    pass
secs = time.perf_counter() - t
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": secs, "added": len(texts), "errors": 0, "rss_mb": rss / 1024}))
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--keep", type=Path, help="keep the stores in this folder")
    args = ap.parse_args()
    rows, steps = [], []
    with tempfile.TemporaryDirectory() as tmp:
        corpus, n, words = corpus_subset(Path(tmp), args.limit)
        if not args.no_baseline:
            r = run_child(RAW_PARSE, str(corpus))
            rows.append(["raw spaCy parse (1 process)", n, r["seconds"], n / r["seconds"], words / r["seconds"],
                         "-", "-", "-", r["rss_mb"], "-"])
        for workers in args.workers:
            db = (args.keep or Path(tmp)) / f"w{workers}.db"
            db.parent.mkdir(parents=True, exist_ok=True)
            for stale in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
                stale.unlink(missing_ok=True)
            r = run_child(INGEST, str(corpus), str(db), str(workers))
            rows.append([f"storyline ingest ({workers} worker{'s' * (workers > 1)})", r["added"], r["seconds"],
                         r["added"] / r["seconds"], words / r["seconds"], sum(r["steps"].values()),
                         r["parent_cpu"], r["workers_cpu"], r["rss_mb"], r["errors"]])
            steps.append(f"{workers} worker(s): " + ", ".join(f"{k} {v:.1f} s" for k, v in r["steps"].items()))
    report(f"Ingest throughput ({n} articles from shared/data/corpus)",
           ["run", "articles", "seconds", "articles/s", "words/s", "refresh s", "parent CPU s", "workers CPU s",
            "peak RSS MB", "skipped"], rows,
           notes="Peak RSS is the larger of the parent and its largest worker. The ingest runs every enabled "
                 "component (see manifest `components`). Refresh: the corpus-wide steps at the end, wall-clock "
                 "(" + "; ".join(steps) + "). CPU: the parent process, and its worker processes together.", write=not args.no_write)


if __name__ == "__main__":
    main()
