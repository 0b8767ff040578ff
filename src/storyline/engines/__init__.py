"""Other executors of the same ingest pipeline (see ``docs/spark.md``).

An engine only changes *where* the per-article stages run; it feeds the shared, order-dependent
``pipeline.store_annotated`` and ``pipeline.refresh_corpus`` the same articles in the same order as
the local engine, so both engines export the same results. Importing this package never imports
an engine's optional dependency (pyspark is imported when a Spark run starts).
"""
from __future__ import annotations

ENGINES = ("local", "spark")


def analyze_spark(*args, **kwargs):
    """``storyline.engines.spark.analyze_spark``, imported on first use."""
    from storyline.engines.spark import analyze_spark as run

    return run(*args, **kwargs)
