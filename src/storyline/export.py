"""Write the interchange files (``shared/spec/interchange.md``) from a store.

Only what is implemented is written: one file per enabled capability, plus ``manifest.json``.
JSONL keeps nested objects as they are; Parquet and CSV are flat tables whose nested values
(spans, lists, actor objects) are JSON strings, so every format round-trips to the same data.
"""
from __future__ import annotations

import csv
import datetime as _dt
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from storyline import __version__, annotate
from storyline.model import SCHEMA_VERSION
from storyline.store import Store

FORMATS = ("jsonl", "parquet", "csv")


def records(store: Store) -> dict[str, Iterable[dict[str, Any]]]:
    """The interchange records per file name, lazily, for what this build produces."""
    out: dict[str, Iterable[dict[str, Any]]] = {"articles": (a.to_dict() for a in store.iter_articles())}
    components = set(annotate.enabled_components())
    if "entities" in components:
        out["entities"] = store.iter_entities()
    if store.count("stories"):
        out["stories"] = store.iter_stories()
    for component, table in (("time", "timexes"), ("quotes", "quotes"), ("events", "events")):
        if component in components:
            out[table] = store.iter_rows(table)
    if "events" in components:
        out["events_gdelt"] = _gdelt(store)
    if store.count("stories"):
        out["claims"] = store.iter_claims()
    return out


def _gdelt(store: Store) -> Iterator[dict[str, Any]]:
    """A GDELT-like event table (``annotate/events/gdelt.py``); events come in article order, so
    each article is loaded once."""
    from storyline.annotate.events.gdelt import gdelt_row

    article: dict[str, Any] = {}
    for event in store.iter_rows("events"):
        if article.get("id") != event["article_id"]:
            found = store.get_article(event["article_id"])
            article = found.to_dict() if found else {}
        yield gdelt_row(event, article)


def export(store: Store, out_dir: str | Path, fmt: str = "jsonl", inputs: list[str] | None = None,
           started: _dt.datetime | None = None) -> dict[str, int]:
    """Write every file and the manifest; returns record counts per file."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    counts = {name: _WRITERS[fmt](rows, out / f"{name}.{fmt}") for name, rows in records(store).items()}
    write_manifest(out, counts, fmt, inputs or store.get_meta("inputs", []), started, store.get_meta("modes", []))
    return counts


def write_manifest(out: Path, counts: dict[str, int], fmt: str, inputs: list[str],
                   started: _dt.datetime | None, modes: list[str] | None = None) -> None:
    from storyline.annotate import nlp

    now = _dt.datetime.now(_dt.timezone.utc)
    manifest = {
        "schema": SCHEMA_VERSION,
        "tool": "storyline",
        "version": __version__,
        "format": fmt,
        "models": {"spacy": nlp.model_info()},
        "components": annotate.enabled_components(),
        "modes": modes or [],  # annotation modes of the stored articles (``annotate.MODES``)
        "counts": counts,
        "inputs": inputs,
        "created": now.isoformat(timespec="seconds"),
        "run_seconds": round((now - started).total_seconds(), 3) if started else None,
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _write_jsonl(rows: Iterable[dict[str, Any]], path: Path) -> int:
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    return n


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    return {k: json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v for k, v in row.items()}


def _write_csv(rows: Iterable[dict[str, Any]], path: Path) -> int:
    n = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = None
        for row in rows:
            flat = _flat(row)
            if writer is None:
                writer = csv.DictWriter(fh, fieldnames=list(flat))
                writer.writeheader()
            writer.writerow(flat)
            n += 1
    return n


def _write_parquet(rows: Iterable[dict[str, Any]], path: Path, batch: int = 5000) -> int:
    """Streamed in row groups so memory does not grow with the corpus."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    writer, schema, n, buf = None, None, 0, []

    def flush() -> None:
        nonlocal writer, schema
        if not buf:
            return
        table = pa.Table.from_pylist(buf, schema=schema)
        if writer is None:
            schema = pa.schema([f.with_type(pa.string()) if pa.types.is_null(f.type) else f for f in table.schema])
            table = table.cast(schema)
            writer = pq.ParquetWriter(path, schema)
        writer.write_table(table)
        buf.clear()

    for row in rows:
        buf.append(_flat(row))
        n += 1
        if len(buf) >= batch:
            flush()
    flush()
    if writer is None:
        pq.write_table(pa.table({}), path)
    else:
        writer.close()
    return n


_WRITERS = {"jsonl": _write_jsonl, "csv": _write_csv, "parquet": _write_parquet}
