"""The Spark engine gives exactly the local engine's output on the same input.

Spark runs in local mode (``local[2]``), one session for the module; the tests skip when pyspark
or Java is missing. Fixture texts are written here.
"""
from __future__ import annotations

import gzip
import io
import json
import os
import shutil
import sys
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyline import api
from storyline.engines.sparkinputs import _relocated, hadoop_walk_order, plan_inputs
from storyline.model import RawDocument, SourceError
from storyline.pipeline import RunOptions
from storyline.sources.files import walk

HARBOUR = (
    "Dockworkers strike closes Port Vellan\n\n"
    "Dockworkers at Port Vellan walked off the job on Monday, halting cargo traffic at the "
    "largest harbour on the Corran coast, union leader Mara Tesk said.\n\n"
    "The Vellan Harbour Authority said talks with the union would resume on Wednesday in the "
    "city hall, and that ferries to the islands would keep running during the strike.\n\n"
    "Transport minister Oren Halvik urged both sides to reach an agreement before the grain "
    "harvest ships arrive at the end of the month."
)
HARBOUR_NEAR = HARBOUR.replace("on Wednesday", "on Thursday")
RECORDS = [
    {"id": "cw-1", "outlet": "Coast Wire", "published": "2031-05-12",
     "title": "Port Vellan strike halts cargo",
     "text": "Cargo traffic stopped at Port Vellan on Monday as dockworkers went on strike over pay. "
             "Union leader Mara Tesk said the walkout would last until the harbour authority "
             "improved its offer. Talks are due to resume on Wednesday."},
    {"outlet": "Coast Wire", "published": "2031-05-13",
     "text": "The Corran parliament approved a new budget for rural schools on Tuesday after a long "
             "debate. Education minister Lise Amund said forty schools would be renovated by 2033."},
]
PAGE = """<!DOCTYPE html><html lang="en"><head><title>Strike at Port Vellan | Vellan Courier</title>
<meta property="og:site_name" content="Vellan Courier">
<meta property="article:published_time" content="2031-05-12T18:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/port">Port</a></nav><article><h1>Strike at Port Vellan</h1>
<p>The strike at Port Vellan entered its first evening on Monday with hundreds of containers waiting
on the quays, while union leader Mara Tesk promised that pickets would stay until Wednesday.</p>
<p>The harbour authority said it was ready to return to the table and called the union's demands
unrealistic for a port that has lost business to its neighbours in recent years.</p></article>
<footer>Copyright Vellan Courier</footer></body></html>"""
RSS = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Islands Radio</title>
<item><title>Ferries keep running</title><link>https://islands-radio.example/ferries</link>
<pubDate>Tue, 13 May 2031 07:00:00 +0000</pubDate>
<description>Ferries between Port Vellan and the islands kept to their timetable on Tuesday despite the
dockworkers strike, the ferry company said, and extra sailings are planned for the weekend.</description>
</item></channel></rss>"""


def write_corpus(root: Path) -> Path:
    """Every per-file format, a duplicate, a near-duplicate and two bad inputs; folder names
    "a" and "a-b" check that the reading order is walk order."""
    (root / "a").mkdir(parents=True)
    (root / "a-b").mkdir()
    (root / "a" / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    (root / "a-b" / "harbour_copy.txt").write_text(HARBOUR, encoding="utf-8")
    (root / "near.txt").write_text(HARBOUR_NEAR, encoding="utf-8")
    lines = [json.dumps(r) for r in RECORDS]
    (root / "wire.jsonl").write_text(lines[0] + "\n{broken\n" + lines[1] + "\n", encoding="utf-8")
    (root / "courier.html.gz").write_bytes(gzip.compress(PAGE.encode("utf-8")))
    (root / "radio.rss").write_text(RSS, encoding="utf-8")
    (root / "broken.bin").write_bytes(bytes(range(256)) * 4)
    write_warc(root / "crawl.warc.gz")
    return root


def write_warc(path: Path) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(
        "https://courier.example/strike", "response", payload=io.BytesIO(PAGE.replace("Monday", "Sunday").encode()),
        http_headers=headers, warc_headers_dict={"WARC-Date": "2031-05-12T20:00:00Z"}))
    path.write_bytes(buffer.getvalue())


def exported(out: Path, drop: tuple[str, ...] = ()) -> dict[str, list[str]]:
    """Every exported JSONL file as sorted lines (``drop``: top-level fields left out)."""
    files = {}
    for path in sorted(out.glob("*.jsonl")):
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        rows = [{k: v for k, v in row.items() if k not in drop} for row in rows]
        files[path.stem] = sorted(json.dumps(row, sort_keys=True) for row in rows)
    return files


OPTIONS = RunOptions(workers=1, progress=False)
WHERE_FROM = ("path", "SOURCEURL")  # the input's name, which differs by design in some tests


@pytest.fixture(scope="module")
def spark():
    pytest.importorskip("pyspark")
    if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        pytest.skip("Java not installed (Spark needs a JRE)")
    from pyspark.sql import SparkSession

    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (SparkSession.builder.master("local[2]").appName("storyline-tests")
               .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
               .config("spark.sql.shuffle.partitions", "2").getOrCreate())
    yield session
    session.stop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("spark") / "corpus")


@pytest.fixture(scope="module")
def local_run(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("local")
    report, counts = api.analyze([str(corpus)], out, options=OPTIONS)
    return out, report, counts


def test_spark_and_local_engines_export_the_same(spark, corpus, local_run, tmp_path):
    from storyline.engines.spark import analyze_spark

    local_out, local_report, local_counts = local_run
    report, counts = analyze_spark([str(corpus)], tmp_path, options=OPTIONS, spark=spark)
    assert counts == local_counts and counts["articles"] >= 6 and counts.get("stories")
    assert exported(tmp_path) == exported(local_out)
    assert report.summary() == local_report.summary() and report.duplicates >= 1 and report.already_stored == 1
    assert report.errors == local_report.errors  # same errors, in the same (reading) order
    assert [e.location for e in report.errors] == [str(corpus / "broken.bin"), f"{corpus / 'wire.jsonl'}:line 2"]


def test_hadoop_path_and_parquet_output(spark, corpus, local_run, tmp_path):
    """A file: URI goes through Hadoop (binaryFiles); only the article paths differ."""
    from storyline.engines.spark import analyze_spark

    local_out, local_report, _ = local_run
    report, counts = analyze_spark([f"file://{corpus}"], tmp_path / "jsonl", options=OPTIONS, spark=spark)
    assert exported(tmp_path / "jsonl", drop=WHERE_FROM) == exported(local_out, drop=WHERE_FROM)
    paths = {json.loads(line)["path"] for line in (tmp_path / "jsonl" / "articles.jsonl").open()}
    assert f"file:{corpus}/a/harbour.txt" in paths
    assert [e.reason for e in report.errors] == [e.reason for e in local_report.errors]
    assert report.errors[1].location == f"file:{corpus}/wire.jsonl:line 2"

    import pyarrow.parquet as pq

    _, parquet_counts = analyze_spark([str(corpus / "near.txt")], tmp_path / "pq", fmt="parquet", options=OPTIONS, spark=spark)
    assert pq.read_table(tmp_path / "pq" / "articles.parquet").num_rows == parquet_counts["articles"] == 1


def test_parquet_rows_read_like_json_records(spark, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq
    from storyline.engines.spark import analyze_spark

    (tmp_path / "wire.jsonl").write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    pq.write_table(pa.Table.from_pylist(RECORDS), tmp_path / "wire.parquet")
    api.analyze([str(tmp_path / "wire.jsonl")], tmp_path / "local", options=OPTIONS)
    report, _ = analyze_spark([str(tmp_path / "wire.parquet")], tmp_path / "spark", options=OPTIONS, spark=spark)
    assert report.ok and report.added == 2
    assert exported(tmp_path / "spark", drop=WHERE_FROM) == exported(tmp_path / "local", drop=WHERE_FROM)


def test_missing_input_and_parquet_without_text_are_reported(spark, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq
    from storyline.engines.spark import analyze_spark

    pq.write_table(pa.Table.from_pylist([{"body": "no text column"}]), tmp_path / "odd.parquet")
    missing, unknown_fs = str(tmp_path / "nowhere"), "nosuchfs://host/news/"
    report, counts = analyze_spark([missing, str(tmp_path / "odd.parquet"), unknown_fs], tmp_path / "out",
                                   options=OPTIONS, spark=spark)
    assert [e.location for e in report.errors] == [missing, str(tmp_path / "odd.parquet"), unknown_fs]
    assert report.errors[2].reason.startswith("cannot read:") and counts["articles"] == 0


def test_bad_run_option_is_refused_before_spark_starts(tmp_path):
    from storyline.engines.spark import ingest_spark
    from storyline.store import Store

    with Store(tmp_path / "s.db") as store, pytest.raises(ValueError, match="language"):
        ingest_spark([str(tmp_path)], store, RunOptions(language="english"))


# ----------------------------------------------------------------------------- no Spark needed

def test_hadoop_listing_order_is_walk_order_without_hidden_files(tmp_path):
    for name in ("b/x.txt", "b.txt", "a-b/y.txt", "a/z.txt", "a/_SUCCESS", ".hidden/w.txt", "c.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("text")
    (tmp_path / "a" / "_SUCCESS").unlink()
    expected = [str(p) for p in walk(tmp_path)]
    listed = hadoop_walk_order(str(tmp_path), [str(p) for p in tmp_path.rglob("*") if p.is_file()][::-1])
    assert listed == expected
    assert hadoop_walk_order("hdfs://nn/data", ["hdfs://nn/data/_SUCCESS", "hdfs://nn/data/p.txt"]) == ["hdfs://nn/data/p.txt"]


def test_plan_keys_follow_input_order(tmp_path):
    write_corpus(tmp_path / "c")
    plan = plan_inputs([str(tmp_path / "c" / "near.txt"), str(tmp_path / "nowhere"), str(tmp_path / "c")],
                       list_hadoop=lambda pattern: [])
    assert plan.local[0] == ((0, 0), str(tmp_path / "c" / "near.txt"))
    assert plan.ready == [((1, 0, 0), SourceError(str(tmp_path / "nowhere"), "no such file or folder"))]
    assert [location for _, location in plan.local[1:]] == [str(p) for p in walk(tmp_path / "c")]


def test_task_local_copy_is_renamed_to_the_original():
    error = _relocated(SourceError("/tmp/x/wire.jsonl:line 2", "invalid JSON"), "/tmp/x/wire.jsonl", "s3a://b/wire.jsonl")
    assert error == SourceError("s3a://b/wire.jsonl:line 2", "invalid JSON")
    doc = _relocated(RawDocument(text="t", source_kind="txt", path="/tmp/x/a.txt"), "/tmp/x/a.txt", "s3a://b/a.txt")
    assert doc.path == "s3a://b/a.txt"


def test_restarted_spark_run_parses_nothing_already_stored(spark, corpus, tmp_path):
    """A run interrupted after some batches were stored resumes: stored articles are not parsed again."""
    from storyline.engines.spark import ingest_spark
    from storyline.pipeline import ingest

    from storyline.store import Store

    with Store(tmp_path / "s.db") as store:  # what a killed run had stored: two of the articles
        first = ingest([str(corpus / "a" / "harbour.txt"), str(corpus / "near.txt")], store, OPTIONS)
        report = ingest_spark([str(corpus)], store, OPTIONS, spark=spark)
        total = store.count("articles")
    assert first.added == first.parsed == 2
    # the stored two and the copy of one of them are not parsed; every other article is, once
    assert report.already_stored == 3 and report.parsed == report.read - 3 and report.added == total - 2 > 0
