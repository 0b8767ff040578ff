"""Page load time of the web UI for the largest story (the article page when no stories exist).

Builds a store from ``../shared/seeds`` (or uses ``--db``), then times, over ``--runs`` requests:
the story page and its JSON in-process (FastAPI TestClient: server-side rendering cost), and, when
playwright and a system Chromium are present, a real browser's navigation to the ``load`` event
against uvicorn. ``--screenshot PATH`` also saves a screenshot (first screen) of that page (this is
how ``docs/screenshots/seeds-story.png`` is made).

    .venv/bin/python benchmarks/web_pageload.py [--db FILE] [--runs 20] [--screenshot PATH] [--no-write]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from benchmarks._report import report, require_shared  # noqa: E402


def target(db: Path) -> tuple[str, str]:
    """(kind, path) of the largest story's page, else of the longest article's page."""
    from storyline.store import Store

    with Store(db, readonly=True) as store:
        stories = sorted(store.iter_stories(), key=lambda s: -len(s.get("article_ids") or []))
        if stories:
            return f"story ({len(stories[0]['article_ids'])} articles)", f"/stories/{stories[0]['id']}"
        article = max(store.iter_articles(), key=lambda a: len(a.text))
        return f"article ({len(article.text)} chars)", f"/articles/{article.id}"


def timed(fn, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def row(name: str, ms: list[float], size: int) -> list[object]:
    """Runs, median and p95 time, and the size of what was sent (a browser parses and lays out all of it)."""
    ms = sorted(ms)
    return [name, len(ms), statistics.median(ms), ms[max(0, round(0.95 * len(ms)) - 1)], round(size / 1024)]


def browser_times(db: Path, path: str, runs: int, screenshot: str | None) -> tuple[list[float], int] | None:
    """Load times in a real browser and the laid-out page's height in pixels at 1280 wide (how far a
    reader scrolls), or None without playwright or Chromium."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("playwright not installed: browser timing skipped", file=sys.stderr)
        return None
    from test_web_browser import CHROMIUM_ARGS, Server, chromium_path

    executable = chromium_path()
    if executable is None:
        print("no system Chromium: browser timing skipped", file=sys.stderr)
        return None
    with Server(db) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        times = timed(lambda: page.goto(url + path, wait_until="load"), runs)
        height = page.evaluate("document.documentElement.scrollHeight")
        if screenshot:
            Path(screenshot).parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=screenshot)  # the first screen only: title, articles, timeline
            print(f"screenshot: {screenshot}")
        browser.close()
    return times, height


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="an existing store (default: ingest ../shared/seeds into a temporary one)")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--screenshot", help="save a full-page screenshot of the timed page here")
    parser.add_argument("--no-write", action="store_true", help="print only; do not append to docs/benchmarks.md")
    args = parser.parse_args()

    from fastapi.testclient import TestClient

    from storyline.api import ingest
    from storyline.pipeline import RunOptions
    from storyline.web import create_app

    with tempfile.TemporaryDirectory(prefix="storyline-web-") as tmp:
        db = Path(args.db) if args.db else Path(tmp) / "seeds.db"
        if not args.db:
            ingest([str(require_shared("seeds"))], db, RunOptions(progress=False))
        kind, path = target(db)
        client = TestClient(create_app(str(db)))
        page = client.get(path)
        assert page.status_code == 200
        api_path = "/api" + path
        rows = [row(f"{kind.split()[0]} page, in-process", timed(lambda: client.get(path), args.runs), len(page.content)),
                row("same data as JSON, in-process", timed(lambda: client.get(api_path), args.runs),
                    len(client.get(api_path).content))]
        browser = browser_times(db, path, args.runs, args.screenshot)
        height = ""
        if browser:
            rows.append(row("headless Chromium to load event", browser[0], len(page.content)))
            height = f" Page height in Chromium at 1280 px wide: {browser[1]} px."
    report(f"Web page load: {kind}", ["what", "runs", "median ms", "p95 ms", "KB"], rows,
           notes=f"Store: {'--db ' + args.db if args.db else '../shared/seeds'}; page {path}.{height}",
           write=not args.no_write)


if __name__ == "__main__":
    main()
