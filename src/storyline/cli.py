"""``storyline`` command line: a thin shell over ``storyline.api``.

Exit codes: 0 all inputs read, 1 some input was skipped (reported on stderr with the reason),
2 usage error or a fatal problem (for example an unreadable store).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from storyline import __version__

DEFAULT_DB = "storyline.db"


def _run_options(args: argparse.Namespace):
    from storyline.pipeline import RunOptions, default_workers

    return RunOptions(outlet=args.outlet, published=args.published, language=args.language,
                      workers=args.workers or default_workers(), batch_size=args.batch_size,
                      progress=not args.quiet, mode="accurate" if args.accurate else "fast")


def _print_error(err) -> None:
    print(f"skipped: {err}", file=sys.stderr)


def _print_refresh(report, quiet: bool) -> None:
    """How long the corpus-wide steps took (on stderr, so it never mixes with results)."""
    if report.refresh_seconds and not quiet:
        steps = ", ".join(f"{step} {secs:.1f} s" for step, secs in report.refresh_seconds.items())
        print(f"corpus refresh: {sum(report.refresh_seconds.values()):.1f} s ({steps})", file=sys.stderr)


def cmd_ingest(args: argparse.Namespace) -> int:
    from storyline import api

    report = api.ingest(args.inputs, args.db, _run_options(args), on_error=_print_error, engine=args.engine,
                        master=args.master)
    _print_refresh(report, args.quiet)
    print(f"{report.summary()}; store: {args.db}")
    return 0 if report.ok else 1


def cmd_analyze(args: argparse.Namespace) -> int:
    from storyline import api

    report, counts = api.analyze(args.inputs, args.out, args.format, _run_options(args), on_error=_print_error,
                                 engine=args.engine, master=args.master)
    _print_refresh(report, args.quiet)
    print(report.summary())
    for name, n in counts.items():
        print(f"  {Path(args.out) / (name + '.' + args.format)}: {n}")
    print(f"results in {args.out}")
    return 0 if report.ok else 1


def cmd_export(args: argparse.Namespace) -> int:
    from storyline.export import export

    with _open_store(args.db) as store:
        counts = export(store, args.out, args.format)
    for name, n in counts.items():
        print(f"{Path(args.out) / (name + '.' + args.format)}: {n}")
    return 0


def cmd_stories(args: argparse.Namespace) -> int:
    with _open_store(args.db) as store:
        stories = sorted(store.iter_stories(), key=lambda s: (-len(s["article_ids"]), s["id"]))
        if not stories:
            print("no stories yet (story clustering has not run on this store)")
        for s in stories[: args.limit]:
            print(f"{s['id']}  {len(s['article_ids']):3d} articles  {s.get('start') or '?'}..{s.get('end') or '?'}  "
                  f"{s.get('title') or ''}")
        if len(stories) > args.limit:  # on stderr: the list itself stays one story a line for scripts
            print(f"{args.limit} of {len(stories)} stories shown; --limit N for more", file=sys.stderr)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from storyline import report

    with _open_store(args.db) as store:
        found = report.lookup(store, args.id)
        if found is None:
            print(f"no article, story or entity with id {args.id!r} in {args.db}", file=sys.stderr)
            return 2
        print(report.render(*found, args.format))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from storyline.web.app import serve

    _open_store(args.db).close()  # fail early and clearly when the store is missing
    serve(args.db, host=args.host, port=args.port)
    return 0


def _open_store(db: str):
    from storyline.store import Store
    from storyline.store.sqlite import StoreError

    if not Path(db).exists():
        raise StoreError(f"{db}: no such store (run `storyline ingest ... --db {db}` first)")
    return Store(db)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="storyline", description="News event intelligence: stories, events, "
                                     "quotes, time and cross-outlet comparison from news articles.")
    parser.add_argument("--version", action="version", version=f"storyline {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    def run_flags(p: argparse.ArgumentParser) -> None:
        p.add_argument("inputs", nargs="+", help="files, folders (recursive) or http(s) URLs")
        p.add_argument("--outlet", help="outlet for articles that name none")
        p.add_argument("--published", help="publication date for articles that carry none (ISO 8601)")
        p.add_argument("--language", help="ISO 639-1 code for articles that give none")
        p.add_argument("--workers", type=int, default=0, help="annotation processes (default: all cores)")
        p.add_argument("--batch-size", type=int, default=32, help="articles per annotation/store batch")
        p.add_argument("--engine", choices=("local", "spark"), default="local",
                       help="where per-article stages run: this machine's cores, or Apache Spark (docs/spark.md)")
        p.add_argument("--master", help="Spark master URL (default: spark-submit's, else local[*])")
        p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
        p.add_argument("--accurate", action="store_true",
                       help="read quotes with a transformer encoder too (needs the 'accurate' extra; several times slower)")

    p = sub.add_parser("ingest", help="add articles to a store (incremental; re-running adds nothing new)")
    run_flags(p)
    p.add_argument("--db", default=DEFAULT_DB, help=f"store file (default {DEFAULT_DB})")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("analyze", help="one shot: analyze inputs into a temporary store and export")
    run_flags(p)
    p.add_argument("--out", required=True, help="output folder")
    p.add_argument("--format", default="jsonl", choices=("jsonl", "parquet", "csv"))
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser("export", help="write the interchange files from a store")
    p.add_argument("--db", default=DEFAULT_DB)
    p.add_argument("--out", required=True)
    p.add_argument("--format", default="jsonl", choices=("jsonl", "parquet", "csv"))
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("stories", help="list stories, largest first")
    p.add_argument("--db", default=DEFAULT_DB)
    p.add_argument("--limit", type=int, default=50)
    p.set_defaults(func=cmd_stories)

    p = sub.add_parser("show", help="show one article, story or entity by id")
    p.add_argument("id")
    p.add_argument("--db", default=DEFAULT_DB)
    p.add_argument("--format", default="md", choices=("md", "html", "json"))
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("serve", help="web UI and JSON API over a store (read-only)")
    p.add_argument("--db", default=DEFAULT_DB)
    p.add_argument("--host", default="127.0.0.1", help="bind address (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000)
    p.set_defaults(func=cmd_serve)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from storyline.store.sqlite import StoreError

    try:
        return args.func(args)
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted; re-run the same command to resume", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into `head` or a pager that quit: not an error worth a traceback
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # Python's flush at exit must not fail again
        return 141


if __name__ == "__main__":
    sys.exit(main())
