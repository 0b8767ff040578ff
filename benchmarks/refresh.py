"""Cost of the corpus-wide steps (entities, stories, links with variant groups and corroboration,
claims): recomputed for a whole stored corpus, and after a small ingest into it (the hourly-feed
case, where only what changed should be redone).

Needs a store of the full corpus: ``--db`` (for example one kept from a run of
``storyline ingest ../shared/data/corpus/*.jsonl --db corpus.db``); ``--build`` makes it first.
The store is copied, never changed.

    python benchmarks/refresh.py --db corpus.db [--add 50] [--workers 2] [--no-write]
"""
from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks._report import report, require_shared  # noqa: E402
from benchmarks.ingest import CORPUS_FILES, INGEST, run_child  # noqa: E402
from storyline.stories import TABLES  # noqa: E402
from storyline.store import Store  # noqa: E402

FULL = """
import json, resource, sys, time
from storyline.pipeline import WorkerPool, refresh_corpus
from storyline.store import Store
t = time.perf_counter()
with Store(sys.argv[1]) as store, WorkerPool(int(sys.argv[2])) as workers:
    steps = refresh_corpus(store, workers)
secs = time.perf_counter() - t
own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"seconds": secs, "steps": steps, "rss_mb": max(own.ru_maxrss, kids.ru_maxrss) / 1024,
                  "parent_cpu": own.ru_utime + own.ru_stime, "workers_cpu": kids.ru_utime + kids.ru_stime}))
"""

# the corpus-wide results removed, as after ingesting the corpus: quotes and events not in a story yet
RESET = """
UPDATE articles SET story_id = NULL;
UPDATE articles SET published = NULL, published_from = NULL WHERE published_from = 'story';
DELETE FROM state WHERE name = 'stories';
DELETE FROM stories; DELETE FROM story_aliases; DELETE FROM claims;
DELETE FROM entities; DELETE FROM entity_links;
UPDATE quotes SET data = json_set(data, '$.story_id', NULL, '$.variant_group', NULL);
UPDATE events SET data = json_set(data, '$.story_id', NULL);
""" + "".join(f"DELETE FROM cluster_{name};\n" for name in TABLES)

STEPS = ("entities", "stories", "links", "claims")


def build(db: Path, workers: int) -> None:
    inputs = [str(require_shared("data", "corpus", name)) for name in CORPUS_FILES]
    subprocess.run([sys.executable, "-m", "storyline.cli", "ingest", *inputs, "--db", str(db), "--quiet",
                    "--workers", str(workers)], check=True)


def new_articles(tmp: Path, n: int) -> Path:
    """``n`` reports from the clustering set (other outlets, other events): a feed's next hour."""
    with require_shared("data", "clustering", "news_cluster.jsonl").open(encoding="utf-8") as fh:
        records = [json.loads(line) for _, line in zip(range(n), fh)]
    path = tmp / "new.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--build", action="store_true", help="ingest the corpus into --db first")
    ap.add_argument("--add", type=int, default=50)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    if args.build:
        build(args.db, args.workers)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "work.db"
        shutil.copy(args.db, work)
        Store(work).close()  # brings the copy's schema up to date
        with sqlite3.connect(work) as db:
            db.executescript(RESET)
            articles = db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        full = run_child(FULL, str(work), str(args.workers))
        rows.append([f"whole corpus from scratch ({articles} articles)", full["seconds"],
                     *(full["steps"].get(s, 0.0) for s in STEPS), full["parent_cpu"], full["workers_cpu"],
                     full["rss_mb"]])
        added = run_child(INGEST, str(new_articles(Path(tmp), args.add)), str(work), str(args.workers))
        refresh = sum(added["steps"].values())
        rows.append([f"after ingesting {added['added']} more (refresh only)", refresh,
                     *(added["steps"].get(s, 0.0) for s in STEPS), added["parent_cpu"], added["workers_cpu"],
                     added["rss_mb"]])
    report(f"Corpus-wide refresh: whole corpus vs a small ingest ({args.workers} workers)",
           ["run", "seconds", *(f"{s} s" for s in STEPS), "parent CPU s", "workers CPU s", "peak RSS MB"], rows,
           notes="Whole corpus: every corpus-wide result recomputed over a stored corpus (its per-article "
                 "annotations kept; quotes and events unlinked from their stories, as after an ingest, so links "
                 "rewrite them all). Small ingest: the next reports ingested into that store; only the refresh "
                 "is timed (peak RSS and CPU cover parsing them too). Step seconds are wall-clock; re-dating the "
                 "articles dated by their story is part of stories. CPU: the parent process, and its "
                 "worker processes together. Entity resolution still reads every mention; "
                 "the story clusterer reads the records of the stories, terms and posting lists the new "
                 "articles touch; links, variant groups, corroboration and claims are redone for the changed "
                 "stories only.", write=not args.no_write)


if __name__ == "__main__":
    main()
