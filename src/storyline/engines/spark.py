"""Apache Spark engine: the per-article stages run as Spark tasks, the rest on the driver.

Tasks read, clean, parse and annotate (``mapPartitions``, so each partition is parsed in
batches by a model loaded once per Python worker process). Everything that depends on order or on
the whole corpus (duplicates, storage, canonical entities, stories, export) is the local engine's
code, run on the driver over the annotated rows streamed back (``toLocalIterator``) in the local
engine's reading order, so both engines export the same results. See ``docs/spark.md``.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

from storyline import annotate
from storyline.annotate import nlp
from storyline.engines.sparkinputs import (PARQUET_FIELDS, InputPlan, Key, Keyed, hadoop_literal,
                                          hadoop_walk_order, parquet_row, plan_inputs, read_hadoop,
                                          read_local)
from storyline.model import Annotations, Article, SourceError
from storyline.pipeline import (IngestReport, RunOptions, batched, clean_or_error, only_new, refresh_if_pending,
                                store_annotated)
from storyline.sources import SourceOptions, source_options
from storyline.store import Store

Annotated = tuple[Key, SourceError | tuple[Article, Annotations | None]]  # None: already stored


def analyze_spark(inputs: Sequence[str], out: str | Path, fmt: str = "jsonl", options: RunOptions | None = None,
                  master: str | None = None, on_error: Callable[[SourceError], None] | None = None,
                  spark: Any = None) -> tuple[IngestReport, dict[str, int]]:
    """``storyline.analyze`` on Spark: ingest into a temporary store on the driver, then export."""
    from storyline.api import ingest_and_export

    return ingest_and_export(partial(ingest_spark, spark=spark, master=master), inputs, out, fmt, options,
                             on_error=on_error)


def ingest_spark(inputs: Sequence[str], store: Store, options: RunOptions | None = None, spark: Any = None,
                 on_error: Callable[[SourceError], None] | None = None, master: str | None = None) -> IngestReport:
    """``pipeline.ingest`` with the per-article stages on Spark (same report, same store)."""
    options = options or RunOptions()
    parsed = source_options(options.outlet, options.published, options.language)  # bad option: ValueError now
    with spark_session(master, spark, options.progress) as session:
        return _ingest(inputs, store, options, parsed, session, on_error)


def _ingest(inputs: Sequence[str], store: Store, options: RunOptions, source_options: SourceOptions, spark: Any,
            on_error: Callable[[SourceError], None] | None) -> IngestReport:
    from pyspark import StorageLevel

    report = IngestReport()
    report_error = report.error_sink(on_error)

    sc = spark.sparkContext
    partitions = max(2, 2 * sc.defaultParallelism)
    records = _records(spark, plan_inputs(inputs, partial(list_hadoop, sc)), partitions)
    stored = sc.broadcast(frozenset(store.article_ids()))  # a restarted run re-parses none of them
    annotated = (records.repartition(partitions)
                 .mapPartitions(partial(annotate_partition, source_options, options.batch_size, stored, options.mode))
                 .persist(StorageLevel.MEMORY_AND_DISK))  # sortByKey samples it before the sort
    try:
        ordered = annotated.sortByKey(numPartitions=partitions).values().toLocalIterator(prefetchPartitions=True)
        ordered = _counted(ordered, report)
        new = only_new(ordered, lambda pair: pair[0], store, report, report_error)
        store_annotated(store, _unzipped(batched(new, options.batch_size)), report, options)
    finally:
        annotated.unpersist()
        stored.destroy()
    refresh_if_pending(store, report)
    return report


@contextmanager
def spark_session(master: str | None = None, spark: Any = None, progress: bool = True) -> Iterator[Any]:
    """The given or active session as is; otherwise a new one (log level ERROR, Spark's console
    progress bar only with ``progress``), stopped afterwards.

    Outside spark-submit we start Spark ourselves: ``master`` defaults to ``local[*]`` and the
    workers run this Python (PYSPARK_PYTHON), which has storyline and the model installed.
    """
    from pyspark.sql import SparkSession

    session = spark or SparkSession.getActiveSession()
    if session is not None:
        yield session
        return
    builder = SparkSession.builder.appName("storyline").config("spark.ui.showConsoleProgress", str(progress).lower())
    if "PYSPARK_GATEWAY_PORT" not in os.environ:  # set by spark-submit for the driver
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        master = master or "local[*]"
    if master:
        builder = builder.master(master)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    try:
        yield session
    finally:
        session.stop()


def list_hadoop(sc: Any, pattern: str) -> list[str]:
    """Files of a Hadoop path or glob (folders recursively), in walk order, through the JVM's
    FileSystem so every scheme configured in the cluster works; OSError when it cannot list."""
    from py4j.protocol import Py4JJavaError

    try:
        return _list_hadoop(sc, pattern)
    except Py4JJavaError as exc:
        raise OSError(str(exc.java_exception).splitlines()[0]) from exc


def _list_hadoop(sc: Any, pattern: str) -> list[str]:
    path = sc._jvm.org.apache.hadoop.fs.Path(pattern)
    fs = path.getFileSystem(sc._jsc.hadoopConfiguration())
    files: list[str] = []
    for status in fs.globStatus(path) or []:
        root = status.getPath()
        if not status.isDirectory():
            files.append(root.toString())
            continue
        found, listing = [], fs.listFiles(root, True)
        while listing.hasNext():
            found.append(listing.next().getPath().toString())
        files += hadoop_walk_order(root.toString(), found)
    return files


def _records(spark: Any, plan: InputPlan, partitions: int):
    """One RDD of keyed RawDocument | SourceError for every input of the plan."""
    sc = spark.sparkContext
    ready, rdds = list(plan.ready), []
    if plan.local:
        rdds.append(sc.parallelize(plan.local, min(len(plan.local), partitions)).flatMap(read_local))
    if plan.hadoop:
        keys = dict((location, key) for key, location in plan.hadoop)
        paths = ",".join(hadoop_literal(location) for _, location in plan.hadoop)
        rdds.append(sc.binaryFiles(paths, minPartitions=partitions).flatMap(partial(_read_pair, keys)))
    for key, uri, location in plan.parquet:
        try:
            frame = spark.read.parquet(uri)
        except Exception as exc:  # noqa: BLE001 - a bad file is reported like any unreadable input
            ready.append((key + (0,), SourceError(location, f"cannot read Parquet: {str(exc).splitlines()[0]}")))
            continue
        if "text" not in frame.columns:
            ready.append((key + (0,), SourceError(location, "Parquet file has no text column")))
            continue
        fields = [name for name in PARQUET_FIELDS if name in frame.columns]
        rdds.append(frame.select(*fields).rdd.zipWithIndex().map(partial(parquet_row, key, location)))
    if ready or not rdds:
        rdds.append(sc.parallelize(ready, 1))
    return sc.union(rdds)


def _read_pair(keys: dict[str, tuple[int, int]], pair: tuple[str, bytes]) -> Iterator[Keyed]:
    location, data = pair
    return read_hadoop(keys[location], location, data)


# --------------------------------------------------------------------------- inside tasks

def annotate_partition(options: SourceOptions, batch_size: int, stored: Any, mode: str,
                       items: Iterable[Keyed]) -> Iterator[Annotated]:
    """Clean every document of a partition and annotate the articles ``batch_size`` at a time;
    articles already in the store (``stored``: a broadcast set of ids) go back unannotated, and the
    driver skips them as the local engine does."""
    nlp.init_worker()
    batch: list[tuple[Key, Article]] = []
    for key, item in items:
        result = item if isinstance(item, SourceError) else clean_or_error(options.apply(item))
        if isinstance(result, SourceError):
            yield key, result
            continue
        if result.id in stored.value:
            yield key, (result, None)
            continue
        batch.append((key, result))
        if len(batch) >= batch_size:
            yield from _annotated(batch, mode)
            batch = []
    yield from _annotated(batch, mode)


def _annotated(batch: list[tuple[Key, Article]], mode: str) -> Iterator[Annotated]:
    if not batch:
        return
    annotations = annotate.annotate_batch([article for _, article in batch], mode=mode)
    for (key, article), ann in zip(batch, annotations, strict=True):
        yield key, (article, ann)


# --------------------------------------------------------------------------- driver

def _counted(items: Iterable[SourceError | tuple[Article, Annotations | None]], report: IngestReport) -> Iterator:
    """Count the articles the tasks parsed (those already stored come back unannotated)."""
    for item in items:
        report.parsed += not isinstance(item, SourceError) and item[1] is not None
        yield item


def _unzipped(batches: Iterable[list[tuple[Article, Annotations]]]) -> Iterator[tuple[list[Article], list[Annotations]]]:
    for batch in batches:
        yield [article for article, _ in batch], [ann for _, ann in batch]
