"""End to end in a real browser: uvicorn serves a store of the demo corpus (examples/corpus) and
headless Chromium walks the list, a story (or the article list when no stories are stored) and an
article page. Skips cleanly without the ``playwright`` package or a system Chromium (no browser
downloads: ``playwright install`` is never needed)."""
from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from conftest import EXAMPLES

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_path() -> str | None:
    for candidate in (os.environ.get("STORYLINE_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """uvicorn in a thread on 127.0.0.1 (started and stopped by the fixture)."""

    def __init__(self, db: Path):
        import uvicorn

        from storyline.web import create_app

        self.port = free_port()
        self.server = uvicorn.Server(uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=self.port,
                                                    log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        for _ in range(200):  # wait until it accepts connections (a readiness poll, not a timing check)
            if self.server.started:
                return f"http://127.0.0.1:{self.port}"
            time.sleep(0.05)
        raise RuntimeError("uvicorn did not start")

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    executable = chromium_path()
    if executable is None:
        pytest.skip("no system Chromium (apt-get install chromium)")
    with sync_api.sync_playwright() as pw:
        try:
            browser = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        except Exception as exc:  # a Chromium that cannot start here is an environment problem
            pytest.skip(f"Chromium would not start: {exc}")
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from storyline.api import ingest
    from storyline.pipeline import RunOptions

    db = tmp_path_factory.mktemp("browser") / "demo.db"
    ingest([str(EXAMPLES / "corpus")], db, RunOptions(workers=1, progress=False))
    with Server(db) as url:
        yield url


def test_demo_corpus_in_browser(browser, site):
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)

    page.goto(site + "/")
    assert page.locator("h1").first.inner_text() in ("Stories", "Articles")
    story_links = page.locator("a.story-link")
    if story_links.count():
        title = story_links.first.inner_text()
        story_links.first.click()
        page.wait_for_load_state()
        assert page.locator("h1.story-title").inner_text() == title
        assert page.locator("#articles a.article-link").count() >= 1
        if page.locator("#timeline").count():
            assert page.locator("#timeline svg circle").count() >= 1
        # a claim, quote or event leads to its words in the article, highlighted and scrolled to
        passages = page.locator("#claims a.tick, #quote-groups a.passage, #events a.passage")
        assert passages.count() >= 1
        story_url = page.url
        passages.first.click()
        page.wait_for_load_state()
        focus = page.locator("#at")
        assert "/articles/" in page.url and focus.count() == 1 and focus.is_visible()
        assert focus.evaluate("e => e.getBoundingClientRect().top < window.innerHeight")
        page.goto(story_url)
    else:  # no stories stored yet: the list shows articles
        assert page.locator("a.article-link").count() == 8
    assert "Darrow rejects drone charge" in page.content()

    page.get_by_role("link", name="Darrow rejects drone charge", exact=False).first.click()
    page.wait_for_load_state()
    assert "Darrow rejects drone charge" in page.locator("h1.article-title").inner_text()
    entities = page.locator("#article-text a.entity")
    assert entities.count() >= 3
    assert "Darrow" in " ".join(entities.all_inner_texts())
    assert page.locator("#article-text .timex").count() >= 1

    # the layer toggle is the static script at work (inline scripts are blocked by the CSP)
    page.locator('#layers input[data-layer="entity"]').uncheck()
    assert "hide-entity" in page.locator("#article-text").get_attribute("class")

    entities.first.click()
    page.wait_for_load_state()
    assert "/entities/" in page.url and page.locator("h1.entity-name").inner_text()

    page.goto(site + "/articles?outlet=Valmora+Daily")
    assert page.locator("a.article-link").count() == 1
    assert not errors, errors
    page.close()
