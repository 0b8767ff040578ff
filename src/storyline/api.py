"""The public Python API; the CLI is a thin shell over these functions."""
from __future__ import annotations

import datetime as _dt
import tempfile
from collections.abc import Sequence
from pathlib import Path

from storyline.export import export
from storyline.pipeline import IngestReport, RunOptions
from storyline.pipeline import ingest as _ingest
from storyline.store import Store


def ingest(inputs: Sequence[str], db: str | Path = "storyline.db", options: RunOptions | None = None,
           on_error=None) -> IngestReport:
    """Add new articles from ``inputs`` to the store at ``db`` (incremental, idempotent)."""
    with Store(db) as store:
        report = _ingest(list(inputs), store, options, on_error=on_error)
        store.set_meta("inputs", sorted(set(store.get_meta("inputs", [])) | {str(i) for i in inputs}))
    return report


def analyze(inputs: Sequence[str], out: str | Path, fmt: str = "jsonl", options: RunOptions | None = None,
            db: str | Path | None = None, on_error=None) -> tuple[IngestReport, dict[str, int]]:
    """One shot: ingest into a temporary store (or ``db``), then export to ``out``."""
    started = _dt.datetime.now(_dt.timezone.utc)
    with tempfile.TemporaryDirectory(prefix="storyline-") as tmp:
        path = Path(db) if db else Path(tmp) / "storyline.db"
        with Store(path) as store:
            report = _ingest(list(inputs), store, options, on_error=on_error)
            counts = export(store, out, fmt, inputs=[str(i) for i in inputs], started=started)
    return report, counts
