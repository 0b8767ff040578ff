"""The public Python API; the CLI is a thin shell over these functions."""
from __future__ import annotations

import datetime as _dt
import tempfile
from collections.abc import Sequence
from pathlib import Path

from storyline.export import export
from storyline.pipeline import IngestReport, RunOptions
from storyline.engines import ENGINES
from storyline.store import Store


def _ingest_with(engine: str, master: str | None):
    """The ingest function of an engine: in-process/process pool, or Spark tasks."""
    if engine == "local":
        from storyline.pipeline import ingest

        return ingest
    if engine == "spark":
        from functools import partial

        from storyline.engines.spark import ingest_spark

        return partial(ingest_spark, master=master)
    raise ValueError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")


def ingest(inputs: Sequence[str], db: str | Path = "storyline.db", options: RunOptions | None = None,
           on_error=None, engine: str = "local", master: str | None = None) -> IngestReport:
    """Add new articles from ``inputs`` to the store at ``db`` (incremental, idempotent)."""
    run = _ingest_with(engine, master)
    with Store(db) as store:
        report = run(list(inputs), store, options, on_error=on_error)
        store.set_meta("inputs", sorted(set(store.get_meta("inputs", [])) | {str(i) for i in inputs}))
    return report


def analyze(inputs: Sequence[str], out: str | Path, fmt: str = "jsonl", options: RunOptions | None = None,
            db: str | Path | None = None, on_error=None, engine: str = "local",
            master: str | None = None) -> tuple[IngestReport, dict[str, int]]:
    """One shot: ingest into a temporary store (or ``db``), then export to ``out``."""
    return ingest_and_export(_ingest_with(engine, master), inputs, out, fmt, options, db, on_error)


def ingest_and_export(run, inputs: Sequence[str], out: str | Path, fmt: str = "jsonl",
                      options: RunOptions | None = None, db: str | Path | None = None,
                      on_error=None) -> tuple[IngestReport, dict[str, int]]:
    """``analyze`` with a given ingest function (an engine's)."""
    started = _dt.datetime.now(_dt.timezone.utc)
    with tempfile.TemporaryDirectory(prefix="storyline-") as tmp:
        path = Path(db) if db else Path(tmp) / "storyline.db"
        with Store(path) as store:
            report = run(list(inputs), store, options, on_error=on_error)
            counts = export(store, out, fmt, inputs=[str(i) for i in inputs], started=started)
    return report, counts
