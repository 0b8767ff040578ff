"""Where a pool worker's CPU goes, article by article (issue #8): ``annotate.annotate_batch`` run as
``WorkerPool`` runs it in a worker, on the first N articles of ../shared/data/corpus (half from each
file, cleaned as ingest cleans them), with its steps timed from the inside.

    python benchmarks/worker_cost.py [--limit 300] [--batch-size 32] [--no-write]

The process is set up as a worker (``nlp.init_worker``), then a warm-up batch of other corpus
articles runs first (a worker's first batches load gazetteers and models lazily: seconds, once per
process). Each batch's call is pickled and unpickled, as the executor sends it; the real
``annotate_batch`` then runs with its parse, ``doc_to_bytes`` and every component wrapped in a CPU
timer; its result is pickled (the worker) and unpickled (the parent). What ``annotate_batch`` spends
outside the timed steps is its own loop; the collector's time (wall clock, from ``gc.callbacks``)
falls inside the steps. Unlike ``components_cost.py`` (fastest of several passes over the same
Docs), every step here runs once, on fresh Docs, as in a run.
"""
from __future__ import annotations

import argparse
import functools
import gc
import pickle
import sys
import time
from contextlib import ExitStack
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks._report import report  # noqa: E402
from benchmarks.components_cost import corpus_articles  # noqa: E402


def measured_and_warm_up(limit: int, batch_size: int) -> tuple[list, list]:
    """``limit`` corpus articles to measure and ``batch_size`` others (half from each file) to warm up on."""
    articles = corpus_articles(limit + batch_size)
    half, quarter = len(articles) // 2, batch_size // 2
    warm = articles[half - quarter:half] + articles[len(articles) - (batch_size - quarter):]
    measured = articles[:half - quarter] + articles[half:len(articles) - (batch_size - quarter)]
    return measured, warm


class Clock:
    """CPU seconds by step, and the collector's wall seconds."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = {}
        self.collector = 0.0
        self.collections = 0
        self._gc_start = 0.0

    def add(self, step: str, seconds: float) -> None:
        self.spent[step] = self.spent.get(step, 0.0) + seconds

    def timed(self, step: str, fn):  # noqa: ANN001, ANN201 (wraps any callable)
        @functools.wraps(fn)
        def run(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            start = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                self.add(step, time.process_time() - start)
        return run

    def on_collection(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._gc_start = time.perf_counter()
        else:
            self.collector += time.perf_counter() - self._gc_start
            self.collections += 1


def instrumented(clock: Clock) -> ExitStack:
    """``annotate_batch``'s steps wrapped in ``clock``'s timers (undone when the stack closes). The parse
    is consumed at once, inside its timer: ``nlp.pipe`` parses a whole batch at its first Doc anyway."""
    from storyline import annotate
    from storyline.annotate import nlp

    parse = nlp.parse
    stack = ExitStack()
    stack.enter_context(mock.patch.object(nlp, "parse", clock.timed("parse", lambda texts: iter(list(parse(texts))))))
    stack.enter_context(mock.patch.object(nlp, "doc_to_bytes", clock.timed("doc_to_bytes", nlp.doc_to_bytes)))
    stack.enter_context(mock.patch.dict(annotate.COMPONENTS, {
        name: clock.timed(name, component) for name, component in annotate.COMPONENTS.items()}))
    return stack


def run_batches(batches: list[list], clock: Clock) -> int:
    """Each batch as a worker sees it; returns the bytes of the pickled results."""
    from storyline import annotate

    sent = 0
    call = functools.partial(annotate.annotate_batch, mode="fast")
    for batch in batches:
        message = pickle.dumps((call, batch), protocol=pickle.HIGHEST_PROTOCOL)
        fn, articles = clock.timed("unpickling the call", pickle.loads)(message)
        result = clock.timed("annotate_batch", fn)(articles)
        data = clock.timed("pickling the result", pickle.dumps)(result, protocol=pickle.HIGHEST_PROTOCOL)
        clock.timed("the parent unpickling it", pickle.loads)(data)
        sent += len(data)
    return sent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--batch-size", type=int, default=32, help="articles per call (ingest's default)")
    ap.add_argument("--label", default="", help="what code is measured, shown in the title")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()

    import spacy

    from storyline import annotate
    from storyline.annotate import nlp
    from storyline.pipeline import batched

    measured, warm = measured_and_warm_up(args.limit, args.batch_size)
    nlp.init_worker()
    annotate.annotate_batch(warm)
    clock = Clock()
    gc.callbacks.append(clock.on_collection)
    start = time.process_time()
    with instrumented(clock):
        sent = run_batches(list(batched(measured, args.batch_size)), clock)
    total = time.process_time() - start
    gc.callbacks.remove(clock.on_collection)

    n = len(measured)
    inside = sum(s for step, s in clock.spent.items() if step in ("parse", "doc_to_bytes", *annotate.COMPONENTS))
    clock.add("annotate_batch's own loop", clock.spent["annotate_batch"] - inside)
    rows = [[step, seconds * 1000 / n] for step, seconds in clock.spent.items() if step != "annotate_batch"]
    rows += [["(the collector, wall, inside the steps)", clock.collector * 1000 / n],
             ["whole loop (the parent's unpickling included)", total * 1000 / n]]
    label = f", {args.label}" if args.label else ""
    report(f"A worker's CPU per article ({n} articles, batches of {args.batch_size}, spaCy {spacy.__version__}{label})",
           ["step", "ms / article"], rows,
           notes=f"One process set up as a pool worker, CPU time, every step once on fresh Docs; results pickled "
                 f"{sent / n / 1024:.1f} KiB an article; {clock.collections} collections. The machine may be shared: "
                 f"compare runs taken one after the other.",
           write=not args.no_write)


if __name__ == "__main__":
    main()
