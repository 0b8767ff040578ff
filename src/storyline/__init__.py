"""Storyline: news event intelligence.

The Python API and the CLI are the same thing: ``storyline.analyze(["news/"], out="out/")`` does
what ``storyline analyze news/ --out out/`` does.
"""
from __future__ import annotations

import os
from typing import Any

# Storyline runs in parallel with processes, one per core, never with BLAS threads. A worker that
# never starts a thread parses about 7% faster (measured by benchmarks/parse_ops.py; most likely
# the allocator's locking, which a process pays once it has a second thread, in the transition
# loops of spaCy's parser and NER), and OpenBLAS starts its threads when numpy loads unless this
# is set first. A value set by the user is kept; ``nlp.init_worker`` still limits BLAS to one
# thread when numpy was loaded before Storyline.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

__version__ = "0.1.0"

__all__ = ["analyze", "ingest", "export", "Store", "RunOptions", "__version__"]


def __getattr__(name: str) -> Any:
    # lazy, so ``import storyline`` stays cheap (spaCy loads only when work starts)
    if name in ("analyze", "ingest"):
        from storyline import api

        return getattr(api, name)
    if name == "export":
        from storyline.export import export

        return export
    if name == "Store":
        from storyline.store import Store

        return Store
    if name == "RunOptions":
        from storyline.pipeline import RunOptions

        return RunOptions
    raise AttributeError(name)
