"""Peak memory as the stored corpus grows: the corpus store against one of about 50k articles.

A 50k-article ingest parses 50k texts (over an hour on this machine), and parsing holds one batch
per worker whatever the corpus size; what could grow with the corpus is the rest: the duplicate
index loaded before parsing, and the corpus-wide refresh (entities, story placement over every
unplaced article, links, claims). So the 50k store is made from a corpus store (``--db``, e.g.
kept by ``benchmarks/ingest.py --keep``) by copying its articles and their per-article rows
with publication dates (and ids) shifted by 10, 20, ... years (the copies share text with their
originals but are placed as new reports: ten years apart they are other stories), and both
stores are measured the same way, each in a fresh process:

* whole refresh: every corpus-wide result recomputed (every article placed anew), i.e. the
  end of an ingest of the whole corpus;
* ingest of 50 more reports (parse in the workers, duplicate index of the whole store, refresh).

    python benchmarks/memory_scale.py --db corpus.db [--articles 50000] [--workers 2] [--no-write]
"""
from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks._report import report  # noqa: E402
from benchmarks.ingest import INGEST, run_child  # noqa: E402
from benchmarks.refresh import FULL, RESET, STEPS, new_articles  # noqa: E402
from storyline.store import Store  # noqa: E402


def _shift(column: str) -> str:
    """SQL: an ISO date (or datetime) ``years`` later (29 February becomes the 28th)."""
    return (f"CASE WHEN {column} IS NULL THEN NULL ELSE printf('%04d', CAST(substr({column}, 1, 4) AS INTEGER) "
            f"+ :years) || CASE WHEN substr({column}, 5, 6) = '-02-29' THEN '-02-28' || substr({column}, 11) "
            f"ELSE substr({column}, 5) END END")


COPY = [
    "INSERT INTO articles (id, external_id, path, url, outlet, title, published, published_from, language, "
    "text, raw_segments, duplicate_of, story_id, ingested_at) "
    f"SELECT id || :suffix, external_id || :suffix, path, url, outlet, title, {_shift('published')}, "
    "published_from, language, text, raw_segments, duplicate_of || :suffix, NULL, ingested_at "
    "FROM articles WHERE id IN (SELECT id FROM originals) ORDER BY seq",
    "INSERT INTO mentions SELECT article_id || :suffix, start, end, type, key, data "
    "FROM mentions WHERE article_id IN (SELECT id FROM originals)",
    "INSERT INTO timexes SELECT article_id || :suffix, start, end, json_set(data, '$.article_id', article_id || :suffix) "
    "FROM timexes WHERE article_id IN (SELECT id FROM originals)",
    "INSERT INTO quotes SELECT id || :suffix, article_id || :suffix, "
    "json_set(data, '$.id', id || :suffix, '$.article_id', article_id || :suffix) "
    "FROM quotes WHERE article_id IN (SELECT id FROM originals)",
    "INSERT INTO events SELECT id || :suffix, article_id || :suffix, type, "
    "json_set(data, '$.id', id || :suffix, '$.article_id', article_id || :suffix) "
    "FROM events WHERE article_id IN (SELECT id FROM originals)",
    "INSERT INTO sentences SELECT article_id || :suffix, data FROM sentences WHERE article_id IN (SELECT id FROM originals)",
    "INSERT INTO parses SELECT article_id || :suffix, model, data FROM parses WHERE article_id IN (SELECT id FROM originals)",
    "INSERT INTO dedup SELECT article_id || :suffix, exact_hash, minhash FROM dedup "
    "WHERE article_id IN (SELECT id FROM originals)",
]


def prepare(source: Path, target: Path, articles: int | None) -> int:
    """A reset copy of ``source`` (corpus-wide results cleared), grown with shifted copies to at
    least ``articles``; returns its number of articles."""
    shutil.copy(source, target)
    Store(target).close()  # brings the copy's schema up to date
    with sqlite3.connect(target) as db:
        db.executescript(RESET)
        n = db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        if articles and articles > n:
            db.execute("CREATE TEMP TABLE originals AS SELECT id FROM articles")
            for k in range(1, -(-articles // n)):
                params = {"suffix": f"+{10 * k}y", "years": 10 * k}
                for sql in COPY:
                    db.execute(sql, params)
        return db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", type=Path, required=True, help="a store of the corpus (never changed)")
    ap.add_argument("--articles", type=int, default=50000)
    ap.add_argument("--add", type=int, default=50)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        feed = new_articles(Path(tmp), args.add)
        for size in (None, args.articles):
            work = Path(tmp) / "work.db"
            n = prepare(args.db, work, size)
            full = run_child(FULL, str(work), str(args.workers))
            added = run_child(INGEST, str(feed), str(work), str(args.workers))
            rows.append([n, full["seconds"], *(full["steps"].get(s, 0.0) for s in STEPS), full["rss_mb"],
                         sum(added["steps"].values()), added["rss_mb"]])
            for path in work.parent.glob("work.db*"):
                path.unlink()
    ratio = [[f"ratio ({rows[1][0] / rows[0][0]:.1f}x articles)", *(b / a if a else 0 for a, b in zip(rows[0][1:], rows[1][1:]))]]
    report(f"Peak memory and refresh cost as the store grows ({args.workers} workers)",
           ["stored articles", "whole refresh s", *(f"{s} s" for s in STEPS), "whole refresh peak RSS MB",
            f"ingest {args.add} more: refresh s", "ingest peak RSS MB"], rows + ratio,
           notes="Whole refresh: every corpus-wide result recomputed (every article placed anew), as at the end "
                 "of ingesting the whole corpus. Ingest: the next reports of a feed parsed (workers), checked "
                 "against the duplicate index of the whole store, stored and refreshed. Peak RSS: the larger of "
                 "the parent and its largest worker. The large store is the corpus plus copies shifted by 10, 20, "
                 "... years.", write=not args.no_write)


if __name__ == "__main__":
    main()
