"""CPU seconds of the per-article annotation (issue #8) on a fixed sample of modern news, for
comparing two versions of the code: the same articles and the same stored parse, each version run
in its own process, the versions alternated round by round (a shared machine slows all of them
alike more than it slows one).

The sample: every third article of ../shared/data/clustering/news_cluster.jsonl as ``storyline
analyze`` reads the file (``_news_cluster.cleaned_articles``), the first ``--limit``. The parse is
made once and kept in ``--parses`` (``nlp.doc_to_bytes``), so only the components are timed.

    python benchmarks/annotation_cost.py --src ../main/src --src src [--rounds 3] [--no-write]

Each ``--src`` is a source tree put first on the path of its runs (``PYTHONPATH``); the table gives
each tree's CPU seconds per component (``components_cost.component_seconds``, one pass), the
median of the rounds and its range.
"""
from __future__ import annotations

import argparse
import json
import os
import pickle
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _news_cluster import cleaned_articles  # noqa: E402
from _report import report  # noqa: E402

STAGES = ("sentences", "entities", "time", "quotes", "events")


def sample(limit: int) -> list:
    """Every third news_cluster article (all stories represented, in file order), the first ``limit``."""
    return cleaned_articles()[::3][:limit]


def stored_parses(path: Path, limit: int) -> list[bytes]:
    """The sample's parses, made once and kept in ``path`` (parsing is not what is timed)."""
    if path.exists():
        return pickle.loads(path.read_bytes())
    from storyline.annotate import nlp

    nlp.init_worker()
    parses = [nlp.doc_to_bytes(d) for d in nlp.parse([a.text for a in sample(limit)])]
    path.write_bytes(pickle.dumps(parses))
    return parses


def one_run(parses_path: Path, limit: int) -> dict[str, float]:
    """CPU seconds per component over the sample, in this process (the code on its path)."""
    from benchmarks.components_cost import component_seconds
    from storyline.annotate import nlp

    nlp.init_worker()
    articles = sample(limit)
    vocab = nlp.load()
    docs = [nlp.doc_from_bytes(b, vocab) for b in stored_parses(parses_path, limit)]
    component_seconds(articles[:5], docs[:5], 1)  # the lexicons and models load on first use: not timed
    return component_seconds(articles, docs, 1)


def run_tree(src: str, parses_path: Path, limit: int) -> dict[str, float]:
    """``one_run`` in a process of its own with ``src`` first on its path."""
    env = {**os.environ, "PYTHONPATH": os.path.abspath(src), "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    out = subprocess.run([sys.executable, __file__, "--worker", "--parses", str(parses_path), "--limit", str(limit)],
                         env=env, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", action="append", help="a source tree to time (repeat: the versions compared)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--limit", type=int, default=120)
    ap.add_argument("--parses", default="/tmp/storyline_annotation_cost_parses.pkl")
    ap.add_argument("--label", action="append", help="a name for each --src, in order, shown in the table")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    parses = Path(args.parses)
    if args.worker:
        print(json.dumps(one_run(parses, args.limit)))
        return
    trees = args.src or ["src"]
    labels = args.label or trees
    stored_parses(parses, args.limit)
    runs: dict[str, list[dict[str, float]]] = {src: [] for src in trees}
    for _ in range(args.rounds):
        for src in trees:
            runs[src].append(run_tree(src, parses, args.limit))
            print(src, json.dumps({k: round(v, 3) for k, v in runs[src][-1].items()}), file=sys.stderr)
    rows = []
    for src, label in zip(trees, labels, strict=True):
        totals = [sum(r[s] for s in STAGES) for r in runs[src]]
        rows.append([label, *(statistics.median(r[s] for r in runs[src]) for s in STAGES),
                     statistics.median(totals), f"{min(totals):.2f}-{max(totals):.2f}"])
    report(f"Annotation CPU seconds ({args.limit} news_cluster articles, parse stored, {args.rounds} rounds)",
           ["code", *STAGES, "all components", "range of all"], rows,
           notes="CPU seconds of this sample's annotation in one process (time.process_time), per component, the "
                 "median of the rounds; the versions are run alternately, each round in a fresh process. The "
                 "machine is shared (2 cores, other jobs running): read the range, not one round.",
           write=not args.no_write)


if __name__ == "__main__":
    main()
