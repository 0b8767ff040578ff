"""End to end through the CLI: analyze, ingest (idempotent, crash-safe), export formats, bad input."""
from __future__ import annotations

import gzip
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import EXAMPLES, shared_path
from storyline.cli import main

STORYLINE = [sys.executable, "-m", "storyline.cli"]

WORDS = ("council harbour treaty river minister drought valley court budget festival railway bridge school "
         "election vaccine storm factory museum farmers strike tariff satellite border talks ceasefire port "
         "village mayor protest market airline reservoir orchestra hospital wildfire parliament coalition").split()


def synthetic_jsonl(path: Path, n: int, seed: int = 7) -> Path:
    """``n`` distinct made-up articles (random word salad, so none is a near-duplicate of another)."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            sentences = [" ".join(rng.choice(WORDS) for _ in range(12)).capitalize() + "." for _ in range(6)]
            fh.write(json.dumps({"id": f"rec{i}", "title": f"Record {i}", "outlet": "Synthetic Wire",
                                 "published": f"2026-03-{1 + i % 28:02d}", "text": " ".join(sentences)}) + "\n")
    return path


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def assert_spans_match(out: Path) -> None:
    texts = {a["id"]: a["text"] for a in read_jsonl(out / "articles.jsonl")}
    for entity in read_jsonl(out / "entities.jsonl"):
        for m in entity["mentions"]:
            s = m["span"]
            assert texts[m["article_id"]][s["start"]:s["end"]] == s["text"]


def test_analyze_demo_corpus(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["analyze", str(EXAMPLES / "corpus"), "--out", str(out), "--quiet", "--workers", "1"]) == 0
    articles = read_jsonl(out / "articles.jsonl")
    assert len(articles) >= 8
    assert all(a["text"] and a["id"].startswith("a_") for a in articles)
    assert {a["outlet"] for a in articles if a["outlet"]} >= {"Valmora Daily"} or len({a["outlet"] for a in articles}) >= 4
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["schema"] == 1 and manifest["counts"]["articles"] == len(articles)
    assert_spans_match(out)
    assert "results in" in capsys.readouterr().out


def test_demo_event_articles_form_one_story(tmp_path):
    out = tmp_path / "out"
    assert main(["analyze", str(EXAMPLES / "corpus"), "--out", str(out), "--quiet", "--workers", "1"]) == 0
    articles = {a["id"]: a for a in read_jsonl(out / "articles.jsonl")}
    stories = read_jsonl(out / "stories.jsonl")
    assert sorted(len(s["article_ids"]) for s in stories) == [1, 1, 1, 5]
    event = next(s for s in stories if len(s["article_ids"]) == 5)
    assert all("Valmora" in articles[i]["text"] and "Ostreland" in articles[i]["text"] for i in event["article_ids"])
    assert all(articles[i]["story_id"] == s["id"] for s in stories for i in s["article_ids"])
    claims = read_jsonl(out / "claims.jsonl")
    assert claims and all(c["story_id"] == event["id"] for c in claims)
    for claim in claims:
        for support in claim["support"]:
            span = support["span"]
            assert articles[support["article_id"]]["text"][span["start"]:span["end"]] == span["text"]
    tolls = {v["value"] for c in claims for conflict in c["conflicts"] if conflict["field"] == "number"
             for v in conflict["values"]}
    assert {"6", "8"} <= tolls  # the outlets disagree on the death toll


def test_ingest_twice_adds_nothing(tmp_path):
    db = tmp_path / "s.db"
    corpus = synthetic_jsonl(tmp_path / "c.jsonl", 12)
    assert main(["ingest", str(corpus), "--db", str(db), "--quiet", "--workers", "1"]) == 0
    assert main(["ingest", str(corpus), "--db", str(db), "--quiet", "--workers", "1"]) == 0
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 12
        assert con.execute("SELECT COUNT(DISTINCT id) FROM articles").fetchone()[0] == 12


UNDATED_TALKS = """Drone strike still divides Valmora and Ostreland at Amberlo talks

Ostreland's Foreign Minister Konrad Vaelstrom said on Wednesday that the river treaty talks with Valmora
in Amberlo would resume next week, after a four-hour meeting with Valmoran Foreign Minister Ilse Darrow
ended without agreement over the drone strike that killed eight Ostrelandic border guards last Friday.
Darrow said Valmora rejected the charge and that the water treaty was still within reach.
"""


def test_workers_give_the_same_results(tmp_path):
    """Per-article stages, re-dating the articles dated by their story, and per-story claim
    alignment run in the pool: same export either way."""
    corpus = synthetic_jsonl(tmp_path / "c.jsonl", 20)
    undated = tmp_path / "undated_talks.txt"
    undated.write_text(UNDATED_TALKS, encoding="utf-8")
    outs = []
    for workers in ("1", "2"):
        out = tmp_path / f"out{workers}"
        assert main(["analyze", str(corpus), str(EXAMPLES / "corpus"), str(undated), "--out", str(out), "--quiet",
                     "--workers", workers]) == 0
        outs.append({p.name: p.read_text(encoding="utf-8") for p in sorted(out.glob("*.jsonl"))})
    assert outs[0] == outs[1] and outs[0]["claims.jsonl"].strip()
    article = next(a for a in map(json.loads, outs[0]["articles.jsonl"].splitlines())
                   if a["external_id"] == "undated_talks")
    assert (article["published"], article["published_from"]) == ("2026-03-10", "story")
    timexes = [t for t in map(json.loads, outs[0]["timexes.jsonl"].splitlines()) if t["article_id"] == article["id"]]
    assert {t["span"]["text"]: t["value"] for t in timexes}["last Friday"] == "2026-03-06"


def test_kill_minus_nine_then_rerun_stores_each_article_once(tmp_path):
    db = tmp_path / "s.db"
    corpus = synthetic_jsonl(tmp_path / "c.jsonl", 160)
    cmd = [*STORYLINE, "ingest", str(corpus), "--db", str(db), "--quiet", "--workers", "1", "--batch-size", "8"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stored = 0
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=1) as con:
                    stored = con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            except sqlite3.OperationalError:
                stored = 0
        if stored >= 16:
            break
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 0 < stored < 160, "the run should have been killed part-way"
    assert subprocess.run(cmd, capture_output=True).returncode == 0
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT COUNT(*), COUNT(DISTINCT id), COUNT(DISTINCT external_id) FROM articles").fetchone() == (160, 160, 160)
        # annotations were written with their article, never twice
        assert con.execute("SELECT COUNT(*) FROM sentences").fetchone()[0] == 160


def test_a_run_stopped_before_its_refresh_refreshes_when_rerun(tmp_path, monkeypatch):
    """Every article was stored but the corpus-wide refresh died: re-running the same input adds
    nothing, yet brings the stories up to date (the pending refresh is recorded with the articles)."""
    from storyline import pipeline
    from storyline.store import Store

    db, corpus = tmp_path / "s.db", synthetic_jsonl(tmp_path / "c.jsonl", 6)

    def dies(*_args):
        raise RuntimeError("killed during the refresh")

    with monkeypatch.context() as patched:
        patched.setattr(pipeline, "assign_stories", dies)
        with pytest.raises(RuntimeError), Store(db) as store:
            pipeline.ingest([str(corpus)], store, pipeline.RunOptions(workers=1, progress=False))
    with Store(db) as store:
        assert store.refresh_pending() and not list(store.iter_stories())
        report = pipeline.ingest([str(corpus)], store, pipeline.RunOptions(workers=1, progress=False))
        assert report.added == 0 and report.refresh_seconds
        assert not store.refresh_pending() and list(store.iter_stories())
        assert all(a.story_id for a in store.iter_articles())
        again = pipeline.ingest([str(corpus)], store, pipeline.RunOptions(workers=1, progress=False))
        assert not again.refresh_seconds  # nothing added, nothing pending: no refresh


def test_bad_inputs_are_reported_and_the_run_goes_on(tmp_path, capsys):
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (bad / "empty.txt").write_text("")
    page = "<html><body><article>" + "".join(f"<p>{' '.join(WORDS[i:] + WORDS[:i])}</p>" for i in range(30))
    packed = gzip.compress(page.encode())
    (bad / "broken.html.gz").write_bytes(packed[: len(packed) // 2])
    (bad / "menu.html").write_text("<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>")
    (bad / "mixed.jsonl").write_text('{"id": "ok1", "text": "Harbour officials in Port Amsel reopened the '
                                     'eastern quay on Monday after repairs to the storm wall."}\n{not json}\n')
    (bad / "latin1.txt").write_bytes("Café owners in Valmora said the new tariff was unfair to small shops "
                                     "and their suppliers.".encode("latin-1"))
    out = tmp_path / "out"
    code = main(["analyze", str(bad), "--out", str(out), "--quiet", "--workers", "1"])
    assert code == 1
    err = capsys.readouterr().err
    for name in ("binary.txt", "empty.txt", "broken.html.gz", "menu.html", "mixed.jsonl"):
        assert name in err, f"{name} not reported in: {err}"
    texts = [a["text"] for a in read_jsonl(out / "articles.jsonl")]
    assert any(t.startswith("Harbour officials") for t in texts)
    assert any("Café owners" in t for t in texts)


def test_export_formats_and_show(tmp_path, capsys):
    db = tmp_path / "s.db"
    corpus = synthetic_jsonl(tmp_path / "c.jsonl", 5)
    assert main(["ingest", str(corpus), "--db", str(db), "--quiet", "--workers", "1"]) == 0
    for fmt in ("jsonl", "csv", "parquet"):
        assert main(["export", "--db", str(db), "--out", str(tmp_path / fmt), "--format", fmt]) == 0
    import pyarrow.parquet as pq
    import csv

    table = pq.read_table(tmp_path / "parquet" / "articles.parquet")
    assert table.num_rows == 5 and "raw_segments" in table.column_names
    with (tmp_path / "csv" / "articles.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["id"] for r in rows] == table.column("id").to_pylist()
    first = read_jsonl(tmp_path / "jsonl" / "articles.jsonl")[0]
    capsys.readouterr()
    assert main(["show", first["id"], "--db", str(db), "--format", "json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["kind"] == "article" and shown["article"]["text"] == first["text"]
    assert main(["show", "nope", "--db", str(db)]) == 2
    assert main(["stories", "--db", str(tmp_path / "missing.db")]) == 2


def test_seeds_end_to_end(tmp_path):
    seeds = shared_path("seeds")
    out = tmp_path / "out"
    assert main(["analyze", str(seeds), str(EXAMPLES / "corpus"), "--out", str(out), "--quiet", "--workers", "1"]) == 0
    articles = {a["external_id"]: a for a in read_jsonl(out / "articles.jsonl")}
    seed_ids = {a["id"] for k, a in articles.items() if k.startswith(("000_", "004_"))}
    stories = read_jsonl(out / "stories.jsonl")
    seed_story = [s for s in stories if seed_ids & set(s["article_ids"])]
    assert len(seed_story) == 1 and set(seed_story[0]["article_ids"]) == seed_ids  # one story, nothing unrelated
    undated = next(a for k, a in articles.items() if k.startswith("000_"))
    assert (undated["published"], undated["published_from"]) == ("2026-02-11", "story")
    furnished = next(a for k, a in articles.items() if k.startswith("004_"))
    assert furnished["published"] == "2026-02-11" and furnished["published_from"] == "caption"
    assert "CHOOSE YOUR LANGUAGE" not in furnished["text"] and "/VCG" not in furnished["text"]
    entities = read_jsonl(out / "entities.jsonl")
    people = {e["name"]: e for e in entities if e["type"] == "PERSON"}
    for surname, country in (("Trump", "USA"), ("Netanyahu", "ISR"), ("Araghchi", "IRN"), ("Pezeshkian", "IRN")):
        matches = [e for name, e in people.items() if name.endswith(surname)]
        assert len(matches) == 1, (surname, [e["name"] for e in matches])
        assert matches[0]["country"] == country
    assert_spans_match(out)


def test_show_story_report_in_every_format(tmp_path, capsys):
    db = tmp_path / "s.db"
    assert main(["ingest", str(EXAMPLES / "corpus"), "--db", str(db), "--quiet", "--workers", "1"]) == 0
    capsys.readouterr()
    assert main(["stories", "--db", str(db)]) == 0
    story_id = capsys.readouterr().out.split()[0]  # largest story first: the five-outlet event
    assert main(["stories", "--db", str(db), "--limit", "1"]) == 0
    listed = capsys.readouterr()
    assert listed.out.count("\n") == 1 and "1 of " in listed.err and "--limit" in listed.err
    reader_gone = subprocess.Popen([*STORYLINE, "show", story_id, "--db", str(db)], stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE)
    reader_gone.stdout.close()  # as `| head` does once it has its lines
    assert reader_gone.wait(timeout=60) == 141 and b"Traceback" not in reader_gone.stderr.read()
    assert main(["show", story_id, "--db", str(db)]) == 0
    md = capsys.readouterr().out
    for section in ("## Articles", "## Timeline of events", "## Claims across outlets", "## Quotes side by side",
                    "## What each outlet alone adds", "## Key actors"):
        assert section in md
    assert "Valmora Daily" in md and "Ilse Darrow" in md
    assert main(["show", story_id, "--db", str(db), "--format", "html"]) == 0
    html = capsys.readouterr().out
    assert html.startswith("<!doctype html>") and "<style>" in html and "<script" not in html
    assert 'id="claims"' in html and 'id="key-actors"' in html
    assert main(["show", story_id, "--db", str(db), "--format", "json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["kind"] == "story" and len(shown["articles"]) == 5 and shown["claims"]


def test_incremental_refresh_matches_a_full_recompute(tmp_path):
    """A second ingest redoes only the stories and articles it changed; the stored result must be
    what recomputing every story, link, variant group and corroboration from scratch gives."""
    from storyline.pipeline import link_annotations, stored_clusterer
    from storyline.store import Store

    db = tmp_path / "s.db"
    first = [str(p) for p in sorted((EXAMPLES / "corpus").iterdir()) if p.suffix in (".txt", ".html")]
    rest = [str(p) for p in sorted((EXAMPLES / "corpus").iterdir()) if p.suffix not in (".txt", ".html")]
    assert main(["ingest", *first, "--db", str(db), "--quiet", "--workers", "1"]) == 0
    assert main(["ingest", *rest, str(synthetic_jsonl(tmp_path / "c.jsonl", 6)), "--db", str(db), "--quiet",
                 "--workers", "1"]) == 0
    with Store(db) as store:
        stored = {s["id"]: s for s in store.iter_stories()}
        whole = {s.id: s.to_dict() for s in stored_clusterer(store).stories()}
        assert stored == whole and len(whole) > 1
        rows = {t: list(store.iter_rows(t)) for t in ("quotes", "events")}
        assert any(q.get("variant_group") for q in rows["quotes"])
        link_annotations(store)
        assert {t: list(store.iter_rows(t)) for t in ("quotes", "events")} == rows
