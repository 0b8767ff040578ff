"""Web UI and JSON API: pages, filters, API shapes, 404s, escaping of hostile text, read-only access,
fixed static files.

Two stores, both from texts written for these tests: ``built`` is written through the Store API with
hand-made annotations (so the story, quote, event and claim panels are exercised whatever the
pipeline produces today); ``ingested`` goes through the real pipeline, hostile article included.
"""
from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from types import SimpleNamespace

import pytest
from fastapi.testclient import TestClient

from storyline.model import (Annotations, Article, Entity, Event, EventDate, Mention, Participant, Quote, Span,
                             Speaker, Timex, article_id)
from storyline.pipeline import fill_links
from storyline.store import Store
from storyline.web import create_app, data, queries
from storyline.web.app import get_store, safe_url
from storyline.web.highlight import Mark, highlight
from storyline.web.timeline import Point, layout, to_date

HOSTILE_TITLE = "<script>alert(1)</script> Harbour talks"
HOSTILE_OUTLET = "<img src=x onerror=alert(1)>"
HOSTILE_URL = "javascript:alert(1)"
HOSTILE_TEXT = ('Delegates met in Corvessa on Tuesday. <script>alert(1)</script> '
                '"We will sign <img src=x onerror=alert(1)> soon," said Mira Tolvane. '
                '<a href="javascript:alert(1)">click</a> & more.')

ARTICLES = [
    ("Harbour Ledger", "Corvessa hosts harbour talks", "2026-02-10", "https://ledger.example/corvessa-talks",
     'Mira Tolvane met Oskar Brandt in Corvessa on Tuesday. "The harbour will stay open," Mira Tolvane said. '
     'Brandt praised the talks.'),
    ("Northwind Post", "Tolvane and Brandt meet in Corvessa", "2026-02-11", "https://northwind.example/talks",
     'Talks in Corvessa ended on Tuesday. "The harbour will stay open," Mira Tolvane told reporters. '
     'The fishing quota was not discussed, said Lena Hart.'),
    (HOSTILE_OUTLET, HOSTILE_TITLE, "2026-02-12", HOSTILE_URL, HOSTILE_TEXT),
    ("Harbour Ledger", "Greywater festival opens", "2026-03-20", "https://ledger.example/festival",
     "The Greywater festival opened in Saltholm on Friday with a parade of boats."),
]
STORY = "s_corvessa"
ENTITIES = {"PERSON:mira tolvane": ("e_mira", "Mira Tolvane", "PERSON"),
            "PERSON:oskar brandt": ("e_oskar", "Oskar Brandt", "PERSON"),
            "GPE:corvessa": ("e_corvessa", "Corvessa", "GPE"),
            "PERSON:lena hart": ("e_lena", "Lena Hart", "PERSON")}


def _span(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span.of(text, start, start + len(needle))


def _annotations(article: Article) -> Annotations:
    text = article.text
    ann = Annotations(article_id=article.id, sentences=[Span.of(text, 0, len(text))])
    for key, (_, name, etype) in ENTITIES.items():
        for surface in (name, name.split()[-1]):
            for m in re.finditer(re.escape(surface), text):
                if not any(x.span.start <= m.start() < x.span.end for x in ann.mentions):
                    ann.mentions.append(Mention(Span.of(text, m.start(), m.end()), etype, key, name))
    if "Tuesday" in text:
        ann.timexes.append(Timex(article.id, _span(text, "Tuesday"), "DATE", "2026-02-10"))
    quoted = re.search(r'"([^"]+)"', text)
    if quoted:
        speaker = _span(text, "Mira Tolvane") if "Mira Tolvane" in text[quoted.end():] else None
        ann.quotes.append(Quote(id=f"q_{article.id}", article_id=article.id, kind="direct",
                                content=Span.of(text, quoted.start(1), quoted.end(1)),
                                speaker=Speaker("Mira Tolvane", speaker, key="PERSON:mira tolvane"),
                                cue=_span(text, "said") if "said" in text else None,
                                variant_group="vg_harbour"))
    if "met" in text:
        ann.events.append(Event(id=f"ev_{article.id}", article_id=article.id, type="CONSULT",
                                trigger=_span(text, "met"), sentence=Span.of(text, 0, text.index(".") + 1),
                                actors=[Participant("Mira Tolvane", key="PERSON:mira tolvane")]
                                if "Mira" in text.split(".")[0] else [],
                                date=EventDate("2026-02-10")))
    return ann


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    path = tmp_path_factory.mktemp("web") / "built.db"
    articles = [Article(id=article_id(o, t), text=t, outlet=o, title=ti, published=p, url=u,
                        story_id=STORY if i < 3 else "s_festival")
                for i, (o, ti, p, u, t) in enumerate(ARTICLES)]
    with Store(path) as store:
        store.add_batch(articles, [_annotations(a) for a in articles])
        entities = [Entity(id=i, name=n, type=t, aliases=[n]) for i, n, t in ENTITIES.values()]
        links = [(a.id, m.key, ENTITIES[m.key][0]) for a in articles for m in _annotations(a).mentions]
        store.replace_entities(entities, links)
        ids = [a.id for a in articles]
        store.update_stories([
            {"id": STORY, "title": "Harbour talks in Corvessa", "summary": None, "article_ids": ids[:3],
             "outlets": sorted({a.outlet for a in articles[:3]}), "start": "2026-02-10", "end": "2026-02-12"},
            {"id": "s_festival", "title": "Greywater festival", "summary": None, "article_ids": ids[3:],
             "outlets": ["Harbour Ledger"], "start": "2026-03-20", "end": "2026-03-20"}],
            ["s_merged_away"], {"s_merged_away": STORY})
        links, story_of = store.entity_links(), store.story_ids()
        for table in ("quotes", "events"):  # as ingest does: entity and story ids filled in the store
            store.update_rows(table, [fill_links(r, links, story_of) for r in store.iter_rows(table)])
    return SimpleNamespace(path=path, ids=[a.id for a in articles], client=TestClient(create_app(str(path))))


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    """The real pipeline (spaCy) over a few short articles, one of them hostile."""
    from storyline.api import ingest
    from storyline.pipeline import RunOptions

    folder = tmp_path_factory.mktemp("corpus")
    records = [{"id": f"r{i}", "outlet": o, "title": ti, "published": p, "url": u, "text": t}
               for i, (o, ti, p, u, t) in enumerate(ARTICLES[:3])]
    (folder / "articles.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    path = tmp_path_factory.mktemp("db") / "ingested.db"
    ingest([str(folder)], path, RunOptions(workers=1, progress=False))
    return SimpleNamespace(path=path, client=TestClient(create_app(str(path))))


def assert_escaped(html: str) -> None:
    assert "<script>" not in html and "alert(1)</script>" not in html
    assert html.count("<script") == 1  # only the static app.js
    assert "<img" not in html
    assert 'href="javascript:' not in html.lower() and "href='javascript:" not in html.lower()


# ------------------------------------------------------------------ pure helpers

def test_highlight_escapes_and_nests_overlapping_spans():
    text = 'A <b>"x" & y</b> said Mira'
    marks = [Mark(0, 16, "quote", 'title "q"'), Mark(3, 9, "entity", href="/entities/e_1"),
             Mark(5, 20, "timex"), Mark(4, 6, "entity", href="/entities/e_2"), Mark(30, 40, "event")]
    html = str(highlight(text, marks))
    assert "<b>" not in html and "</b>" not in html and "&lt;/b&gt;" in html and "&amp;" in html
    assert re.sub(r"<[^>]+>", "", html).replace("&lt;", "<").replace("&gt;", ">").replace(
        "&#34;", '"').replace("&amp;", "&") == text
    assert html.count("<a ") == 1  # the inner entity is not a link inside a link
    opened = re.findall(r"<(/?)(a|span|mark)\b", html)
    stack = []
    for closing, tag in opened:
        if closing:
            assert stack.pop() == tag
        else:
            stack.append(tag)
    assert not stack
    assert 'title="title &#34;q&#34;"' in html


def test_highlight_anchor_is_given_once_when_a_span_is_split():
    text = "one two three four"
    html = str(highlight(text, [Mark(0, 13, "focus", anchor="at"), Mark(4, 18, "quote")]))
    assert html.count('id="at"') == 1 and html.startswith('<mark class="focus" id="at">')
    assert re.sub(r"<[^>]+>", "", html) == text


def test_passage_only_inside_the_text():
    assert data.passage("abcdef", "1-3") == {"start": 1, "end": 3, "text": "bc"}
    for bad in (None, "", "3-1", "2-2", "0-7", "x-2", "1-", "-1-3", "1-3-5"):
        assert data.passage("abcdef", bad) is None, bad


def test_highlight_ignores_spans_outside_text():
    assert str(highlight("abc", [Mark(2, 9, "entity"), Mark(1, 1, "timex")])) == "abc"


def test_safe_url_only_allows_http():
    assert safe_url("https://a.example/x") == "https://a.example/x"
    for bad in ("javascript:alert(1)", " JAVASCRIPT:alert(1)", "data:text/html,x", "//evil.example", "http:/x", None):
        assert safe_url(bad) is None


def test_timeline_dates_and_layout():
    assert to_date("2026-02-10T09:00:00+01:00").isoformat() == "2026-02-10"
    assert to_date("2026-02").isoformat() == "2026-02-01"
    assert to_date("PRESENT_REF") is None and to_date("2026-W07") is None and to_date("2026-13-40") is None
    d = to_date("2026-02-10")
    chart = layout([Point("A", d, "a"), Point("B", to_date("2026-02-12"), "b"), Point("dates", to_date("1990-01-01"), "old")],
                   [d])
    assert chart.left_off == 1 and [label for label, _ in chart.lanes] == ["A", "B"]
    assert chart.dots[0][0] < chart.dots[1][0]
    assert layout([], []) is None


def test_publication_times_read_as_day_and_minute():
    from storyline.web.app import when

    assert when("2017-10-02T09:12:27") == "2017-10-02 09:12" and when("2017-10-02T09:12:27+02:00") == "2017-10-02 09:12"
    assert when("2017-10-02T00:00:00") == "2017-10-02" and when("2017-10-02") == "2017-10-02" and when(None) == ""


def test_story_row_names_three_outlets_and_counts_the_rest():
    from storyline.web.app import _environment

    macros = _environment().get_template("_macros.html").module
    outlets = ["www.a.example", "b.example", "c.example", "d.example", "e.example"]
    row = str(macros.story_row({"id": "s1", "title": "T", "outlets": outlets, "size": 5}))
    assert ">a.example, b.example, c.example <" in row and "+2 more" in row
    assert 'title="www.a.example, b.example, c.example, d.example, e.example"' in row
    assert "more" not in str(macros.story_row({"id": "s2", "title": "T", "outlets": outlets[:3], "size": 3}))


def test_filters_reject_bad_dates():
    with pytest.raises(data.BadRequest):
        data.Filters.parse(start="10/02/2026")
    assert data.Filters.parse(q="  ", outlet="") == data.Filters()


def test_claims_matrix_and_outlet_only():
    claims = [{"id": "c1", "story_id": "s", "statement": "The harbour stays open", "status": "consensus",
               "support": [{"article_id": "a1", "outlet": "X", "span": None}, {"article_id": "a2", "outlet": "Y"}],
               "conflicts": [{"field": "number", "values": [{"article_id": "a1", "value": "8"},
                                                            {"article_id": "a2", "value": "9"}]}]},
              {"id": "c2", "story_id": "s", "statement": "Quota skipped", "status": "single",
               "support": [{"article_id": "a2", "outlet": "Y"}], "conflicts": []}]
    rows = data.claims_matrix(claims, ["X", "Y", "Z"], {"a1": "X", "a2": "Y"})
    assert [c["supported"] for c in rows[0]["cells"]] == [True, True, False]
    assert rows[0]["cells"][0]["values"] == ["number: 8"]
    assert [r["claim"]["id"] for r in rows] == ["c1"] and rows[0]["outlets"] == 2  # one outlet's claim: no row
    articles = [Article(id="a1", text="", outlet="X"), Article(id="a2", text="", outlet="Y")]
    only = {o["outlet"]: o for o in data.outlet_only(articles, [], [], [], claims)}
    assert [c["id"] for c in only["Y"]["claims"]] == ["c2"] and only["X"]["claims"] == []


def test_claims_matrix_puts_conflicts_first_and_keeps_sentences():
    span = {"start": 4, "end": 20, "text": "eight boats sank"}
    claims = [{"id": "p", "statement": "Boats sank", "status": "partial", "conflicts": [],
               "support": [{"article_id": "a1", "span": span}, {"article_id": "a2"}]},
              {"id": "k", "statement": "Eight boats", "status": "conflict",
               "support": [{"article_id": "a1"}, {"article_id": "a2"}],
               "conflicts": [{"field": "number", "values": [{"article_id": "a1", "value": "8", "span": span}]},
                             {"field": "number", "kind": "update", "values": [{"article_id": "a2", "value": "9"}]}]}]
    rows = data.claims_matrix(claims, ["X", "Y"], {"a1": "X", "a2": "Y"})
    assert [r["claim"]["id"] for r in rows] == ["k", "p"]
    assert rows[1]["cells"][0]["support"] == [{"article_id": "a1", "span": span}]
    assert [(d["label"], d["update"], d["span"]) for d in rows[0]["cells"][0]["differing"]] == [("number: 8", False, span)]
    assert rows[0]["cells"][1]["differing"][0]["update"] is True


# ------------------------------------------------------------------ pages

def test_stories_list_page(built):
    r = built.client.get("/")
    assert r.status_code == 200
    assert "Harbour talks in Corvessa" in r.text and "Greywater festival" in r.text
    assert r.text.index("Harbour talks in Corvessa") < r.text.index("Greywater festival")  # largest first
    assert_escaped(r.text)


@pytest.mark.parametrize("params, shown, hidden", [
    ({"q": "parade"}, ["Greywater festival"], ["Harbour talks"]),
    ({"outlet": "Northwind Post"}, ["Harbour talks"], ["Greywater festival"]),
    ({"entity": "e_oskar"}, ["Harbour talks"], ["Greywater festival"]),
    ({"from": "2026-03-01", "to": "2026-03-31"}, ["Greywater festival"], ["Harbour talks"]),
    ({"q": "Corvessa", "outlet": "Harbour Ledger"}, ["Harbour talks"], ["Greywater festival"]),
])
def test_stories_list_filters(built, params, shown, hidden):
    r = built.client.get("/", params=params)
    assert r.status_code == 200
    for text in shown:
        assert text in r.text
    for text in hidden:
        assert text not in r.text.split('class="count"', 1)[1]


def test_articles_list_filters(built):
    r = built.client.get("/articles", params={"outlet": "Harbour Ledger", "from": "2026-02-01", "to": "2026-02-28"})
    assert "Corvessa hosts harbour talks" in r.text and "Greywater festival opens" not in r.text
    assert "1 articles" in r.text
    assert built.client.get("/articles", params={"from": "yesterday"}).status_code == 422


def test_story_page_sections(built):
    r = built.client.get(f"/stories/{STORY}")
    assert r.status_code == 200
    html = r.text
    assert "Harbour talks in Corvessa" in html and "2026-02-10 – 2026-02-12" in html
    for section in ('id="articles"', 'id="timeline"', 'id="quote-groups"', 'id="events"', 'id="outlet-only"', "<svg"):
        assert section in html
    assert html.count("The harbour will stay open") >= 2  # side by side
    assert 'id="claims"' not in html  # no claims stored: no claims panel
    assert "Lena Hart" in html.split('id="outlet-only"', 1)[1]  # only Northwind Post mentions her
    assert_escaped(html)


def test_story_page_renders_claims_when_stored(built, monkeypatch):
    claim = {"id": "c1", "story_id": STORY, "statement": "<b>harbour</b> stays open", "status": "consensus",
             "support": [{"article_id": built.ids[0], "outlet": "Harbour Ledger", "span": None}], "conflicts": []}
    monkeypatch.setattr(queries, "claims_for", lambda store, story_id: [claim] if story_id == STORY else [])
    html = built.client.get(f"/stories/{STORY}").text
    assert 'id="claims"' in html and "&lt;b&gt;harbour&lt;/b&gt; stays open" in html
    assert built.client.get(f"/api/stories/{STORY}").json()["claims"][0]["id"] == "c1"


def _passage_links(html: str) -> list[tuple[str, int, int]]:
    return [(a, int(s), int(e)) for a, s, e in re.findall(r'href="/articles/([^"?]+)\?at=(\d+)-(\d+)#at"', html)]


def test_story_page_links_every_item_to_its_passage(built):
    html = built.client.get(f"/stories/{STORY}").text
    links = _passage_links(html)
    texts = {a["id"]: a["text"] for a in (built.client.get(f"/api/articles/{i}").json()["article"] for i in built.ids)}
    stated = {texts[a][s:e] for a, s, e in links}
    assert {"The harbour will stay open,", "Tuesday"} <= stated  # a quote, a date of the timeline
    assert any(t.startswith("Mira Tolvane met Oskar Brandt") for t in stated)  # an event's sentence
    article, start, end = links[0]
    page = built.client.get(f"/articles/{article}", params={"at": f"{start}-{end}"}).text
    assert page.count('id="at"') == 1 and 'class="notice focus-notice"' in page


def test_article_quote_leads_to_its_group_on_the_story_page(built):
    html = built.client.get(f"/articles/{built.ids[0]}").text
    assert f'href="/stories/{STORY}#g-vg_harbour"' in html
    assert 'id="g-vg_harbour"' in built.client.get(f"/stories/{STORY}").text


def test_events_link_to_the_reports_that_corroborate_them(built, monkeypatch):
    real = data._linked

    def corroborated(store, table, articles):  # the first article's meeting, as if matched with the hostile one's
        rows = real(store, table, articles)
        for row in rows:
            if table == "events" and row["article_id"] == built.ids[0]:
                row["corroboration"] = [f"ev_{built.ids[2]}", "ev_gone"]
        return rows

    monkeypatch.setattr(data, "_linked", corroborated)
    other = ARTICLES[2][4]
    link = f'href="/articles/{built.ids[2]}?at=0-{other.index(".") + 1}#at"'  # its sentence, as the fixture stores it
    for page in (f"/stories/{STORY}", f"/articles/{built.ids[0]}"):
        html = built.client.get(page).text
        assert link in html, page
        assert_escaped(html)  # the other outlet's name is hostile text
    event = built.client.get(f"/api/articles/{built.ids[0]}").json()["events"][0]
    assert [c["event_id"] for c in event["corroborated_by"]] == [f"ev_{built.ids[2]}"]  # an id no longer stored: left out
    from storyline.report import story_markdown

    with Store(built.path, readonly=True) as store:
        assert f"— Harbour Ledger (also reported by {HOSTILE_OUTLET})" in story_markdown(data.story_detail(store, STORY))


def test_article_page_ignores_a_passage_outside_the_text(built):
    for at in ("5-100000", "9-3", "abc"):
        r = built.client.get(f"/articles/{built.ids[0]}", params={"at": at})
        assert r.status_code == 200 and 'id="at"' not in r.text and "focus-notice" not in r.text


def test_story_claims_table_compares_outlets(built, monkeypatch):
    text = ARTICLES[0][4]
    start = text.index("The harbour")
    span = {"start": start, "end": start + 26, "text": text[start:start + 26]}
    claims = [{"id": "c_one", "story_id": STORY, "statement": "Brandt praised the talks", "status": "single",
               "support": [{"article_id": built.ids[0], "outlet": "Harbour Ledger", "span": span}], "conflicts": []},
              {"id": "c_two", "story_id": STORY, "statement": "The harbour stays open", "status": "consensus",
               "support": [{"article_id": built.ids[0], "outlet": "Harbour Ledger", "span": span},
                           {"article_id": built.ids[1], "outlet": "Northwind Post", "span": None}], "conflicts": []}]
    monkeypatch.setattr(queries, "claims_for", lambda store, story_id: claims if story_id == STORY else [])
    html = built.client.get(f"/stories/{STORY}").text
    table = html.split('<table class="claims">', 1)[1].split("</table>", 1)[0]
    assert "The harbour stays open" in table and "Brandt praised the talks" not in table
    assert "2 of 3 outlets" in table
    assert f'href="/articles/{built.ids[0]}?at={start}-{start + 26}#at"' in table  # the tick leads to the sentence
    assert f'href="/articles/{built.ids[1]}"' in table  # no span stored: the article
    assert "1 stated by one outlet only" in html
    assert "Brandt praised the talks" in html.split('id="outlet-only"', 1)[1]


def test_story_report_lists_one_outlet_claims_once(built, monkeypatch):
    from storyline.report import story_markdown

    claims = [{"id": "c_one", "story_id": STORY, "statement": "Brandt praised the talks", "status": "single",
               "support": [{"article_id": built.ids[0], "outlet": "Harbour Ledger"}], "conflicts": []},
              {"id": "c_two", "story_id": STORY, "statement": "The harbour stays open", "status": "partial",
               "support": [{"article_id": built.ids[0], "outlet": "Harbour Ledger"},
                           {"article_id": built.ids[1], "outlet": "Northwind Post"}], "conflicts": []}]
    monkeypatch.setattr(queries, "claims_for", lambda store, story_id: claims if story_id == STORY else [])
    with Store(built.path, readonly=True) as store:
        md = story_markdown(data.story_detail(store, STORY))
    table, rest = md.split("## Claims across outlets", 1)[1].split("## ", 1)
    assert "| The harbour stays open | partial (2/3) |" in table and "Brandt praised" not in table
    assert "1 claim(s) stated by one outlet only" in table
    assert "  - claim: Brandt praised the talks" in md.split("## What each outlet alone adds", 1)[1]


def test_story_page_folds_quote_groups_after_the_first_eight(built, monkeypatch):
    real = data.quote_groups
    monkeypatch.setattr(data, "quote_groups",
                        lambda quotes: [{**g, "variant_group": f"g{i}"} for i in range(10) for g in real(quotes)])
    html = built.client.get(f"/stories/{STORY}").text
    section = html.split('id="quote-groups"', 1)[1].split("</section>", 1)[0]
    shown, folded = section.split('<details class="more">', 1)
    assert shown.count('class="quote-group"') == 8 and folded.count('class="quote-group"') == 2
    assert "2 more quotations" in folded


def test_long_story_sections_continue_on_pages_of_their_own(built, monkeypatch):
    real = data._linked

    def many(store, table, articles):  # 40 events: more than the story page lists
        rows = real(store, table, articles)
        return [{**r, "id": f"{r['id']}_{i}"} for i in range(20) for r in rows] if table == "events" else rows

    monkeypatch.setattr(data, "_linked", many)
    html = built.client.get(f"/stories/{STORY}").text
    events = html.split('id="events"', 1)[1].split("</section>", 1)[0]
    assert events.count('<tr>') == 1 + 10 and f'href="/stories/{STORY}/events">all 40 events' in events
    page = built.client.get(f"/stories/{STORY}/events")
    assert page.status_code == 200 and page.text.count('class="corroboration"') == 40
    assert f'href="/stories/{STORY}"' in page.text  # back to the story
    assert_escaped(page.text)
    with Store(built.path, readonly=True) as store:  # a saved report cannot fetch that page: it holds all rows
        from storyline.web.app import render_standalone

        assert render_standalone("story", data.story_detail(store, STORY)).count('class="corroboration"') == 40
    assert built.client.get(f"/stories/{STORY}/nope").status_code == 404
    assert built.client.get("/stories/s_nope/events").status_code == 404


def test_merged_story_id_resolves(built):
    assert "Harbour talks in Corvessa" in built.client.get("/stories/s_merged_away").text
    assert built.client.get("/api/stories/s_merged_away").json()["story"]["id"] == STORY


def test_article_page_highlights(built):
    html = built.client.get(f"/articles/{built.ids[0]}").text
    assert '<a class="entity" href="/entities/e_mira"' in html
    assert '<span class="timex" title="DATE 2026-02-10">Tuesday</span>' in html
    assert '<mark class="quote"' in html and '<mark class="event"' in html
    assert 'href="https://ledger.example/corvessa-talks"' in html
    assert f'href="/stories/{STORY}"' in html


def test_hostile_article_is_escaped_everywhere(built):
    hostile = built.ids[2]
    pages = ["/", "/articles", f"/articles/{hostile}", f"/stories/{STORY}", "/entities/e_mira",
             "/search?q=alert", "/search?q=<script>alert(1)</script>", "/articles?q=<script>",
             "/stories/<script>alert(1)</script>"]
    for page in pages:
        r = built.client.get(page)
        assert r.status_code in (200, 404), page
        assert_escaped(r.text)
    html = built.client.get(f"/articles/{hostile}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "source" in html and 'href="javascript' not in html  # the javascript: URL is shown, not linked


def test_entity_page(built):
    html = built.client.get("/entities/e_mira").text
    assert "Mira Tolvane" in html and 'id="quotes"' in html and 'id="events"' in html
    assert "Harbour talks in Corvessa" in html  # its story
    assert "Also:" not in html  # its only alias is its name
    first = ARTICLES[0][4].index("Mira Tolvane")
    assert f'href="/articles/{built.ids[0]}?at={first}-{first + 12}#at"' in html  # its first mention there
    api = built.client.get("/api/entities/e_mira").json()
    assert api["entity"]["name"] == "Mira Tolvane" and api["entity"]["mention_count"] >= 3
    assert {q["speaker"]["entity_id"] for q in api["quotes"]} == {"e_mira"}
    assert api["events"] and all("actors" in e["roles"] for e in api["events"])


def test_search_page(built):
    html = built.client.get("/search", params={"q": "Brandt"}).text
    assert "Oskar Brandt" in html and "Harbour talks in Corvessa" in html


def test_search_shows_and_links_where_each_article_matches(built):
    d = built.client.get("/api/search", params={"q": "PARADE"}).json()
    text = ARTICLES[3][4]
    start = text.index("parade")
    assert d["articles"][0]["match"]["start"] == start and d["articles"][0]["match"]["text"] == "parade"
    html = built.client.get("/search", params={"q": "parade"}).text
    assert f'?at={start}-{start + 6}#at"' in html and '<mark class="hit">parade</mark>' in html
    long = "word " * 60 + "needle" + " word" * 60
    m = data.text_match(long, ["NEEDLE"], around=20)
    assert m["before"].startswith("…") and m["after"].endswith("…") and long[m["start"]:m["end"]] == "needle"
    assert data.text_match("abc", ["x"]) is None and data.text_match("abc", []) is None


@pytest.mark.parametrize("q, found", [("parade boats", [3]), ("boats parade", [3]), ("parade Tolvane", []),
                                      ('"stay open"', [0, 1]), ('"open stay"', [])])
def test_search_needs_every_word(built, q, found):
    d = built.client.get("/api/search", params={"q": q}).json()
    assert {a["id"] for a in d["articles"]} == {built.ids[i] for i in found}
    assert data.Filters.parse(q='a "b c"  d').terms() == ["a", "b c", "d"]


def test_security_headers_on_every_response(built):
    for page in ("/", f"/stories/{STORY}", "/api/stories", "/nope", "/static/app.js"):
        headers = built.client.get(page).headers
        csp = headers["content-security-policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert headers["x-content-type-options"] == "nosniff"


def test_no_inline_scripts_or_styles(built):
    html = built.client.get(f"/articles/{built.ids[0]}").text
    assert re.findall(r"<script[^>]*>", html) == ['<script src="/static/app.js" defer>']
    assert " style=" not in html and "<style" not in html and " on" + "click=" not in html


# ------------------------------------------------------------------ API

def test_api_lists(built):
    stories = built.client.get("/api/stories").json()
    assert stories["total"] == 2 and stories["items"][0]["id"] == STORY and stories["items"][0]["size"] == 3
    articles = built.client.get("/api/articles", params={"entity": "e_lena"}).json()
    assert articles["total"] == 1 and "text" not in articles["items"][0]
    assert built.client.get("/api/articles", params={"limit": 1}).json()["items"].__len__() == 1
    assert built.client.get("/api/articles", params={"limit": 0}).status_code == 422


def test_api_story_detail_shape(built):
    d = built.client.get(f"/api/stories/{STORY}").json()
    assert set(d) >= {"story", "articles", "outlets", "timeline", "events", "quotes", "quote_groups", "claims",
                      "claims_matrix", "outlet_only"}
    assert [a["id"] for a in d["articles"]] == built.ids[:3]
    assert d["quote_groups"][0]["variant_group"] == "vg_harbour" and len(d["quote_groups"][0]["outlets"]) == 3
    assert {i["kind"] for i in d["timeline"]} == {"published", "event", "timex"}
    texts = {a["id"]: a["text"] for a in (built.client.get(f"/api/articles/{i}").json()["article"] for i in built.ids[:3])}
    for item in d["timeline"]:  # a dated item says where it is stated; its words are there
        if item["kind"] == "timex":
            assert texts[item["article_id"]][item["span"]["start"]:item["span"]["end"]] == item["text"]
        assert (item["span"] is None) == (item["kind"] == "published")
    assert any(r["entity_id"] == "e_mira" for r in d["key_actors"])
    assert all(e["actors"][0]["entity_id"] == "e_mira" for e in d["events"] if e["actors"])


def test_api_article_detail_spans(built):
    d = built.client.get(f"/api/articles/{built.ids[1]}").json()
    text = d["article"]["text"]
    for m in d["mentions"]:
        assert text[m["span"]["start"]:m["span"]["end"]] == m["span"]["text"]
    assert {e["entity_id"] for e in d["entities"]} >= {"e_mira", "e_lena"}
    assert d["quotes"][0]["content"]["text"] == "The harbour will stay open,"


def test_api_search(built):
    d = built.client.get("/api/search", params={"q": "tolvane"}).json()
    assert [e["id"] for e in d["entities"]] == ["e_mira"]
    assert {a["id"] for a in d["articles"]} == set(built.ids[:3])
    assert built.client.get("/api/search").status_code == 422


def test_openapi_has_explicit_models(built):
    schema = built.client.get("/openapi.json").json()
    for path in ("/api/stories", "/api/stories/{story_id}", "/api/articles", "/api/articles/{article_id}",
                 "/api/entities/{entity_id}", "/api/search"):
        assert path in schema["paths"]
    assert {"StoryDetail", "ArticleDetail", "EntityDetail", "SearchResult"} <= set(schema["components"]["schemas"])
    assert not any(p.startswith("/stories") for p in schema["paths"])  # pages stay out of the API schema


@pytest.mark.parametrize("url", ["/api/stories/nope", "/api/articles/nope", "/api/entities/nope"])
def test_api_404(built, url):
    r = built.client.get(url)
    assert r.status_code == 404 and r.json() == {"detail": r.json()["detail"]}


def test_bad_parameters_explained_on_a_page(built):
    r = built.client.get("/articles", params={"limit": 5000})
    assert r.status_code == 422 and "text/html" in r.headers["content-type"] and "limit:" in r.text
    assert "from: expected a date" in built.client.get("/", params={"from": "soon"}).text
    api = built.client.get("/api/articles", params={"limit": 5000})
    assert api.status_code == 422 and api.json()["detail"][0]["loc"] == ["query", "limit"]


@pytest.mark.parametrize("url", ["/stories/nope", "/articles/nope", "/entities/nope", "/no/such/page"])
def test_page_404(built, url):
    r = built.client.get(url)
    assert r.status_code == 404 and "text/html" in r.headers["content-type"] and "404" in r.text


# ------------------------------------------------------------------ read-only and file system

def test_app_cannot_write_the_store(built):
    before = hashlib.sha256(built.path.read_bytes()).hexdigest()
    gen = get_store(SimpleNamespace(app=SimpleNamespace(state=SimpleNamespace(db_path=built.path))))
    store = next(gen)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        store.db.execute("INSERT INTO meta VALUES ('x', '1')")
    gen.close()
    for page in ("/", "/articles", f"/stories/{STORY}", f"/articles/{built.ids[0]}", "/entities/e_mira",
                 "/api/search?q=harbour"):
        built.client.get(page)
    assert hashlib.sha256(built.path.read_bytes()).hexdigest() == before


def test_missing_store_fails_at_start(tmp_path):
    with pytest.raises(Exception, match="no such store"):
        create_app(str(tmp_path / "absent.db"))
    assert not (tmp_path / "absent.db").exists()


@pytest.mark.parametrize("url", ["/static/../app.py", "/static/..%2fapp.py", "/static/%2e%2e/%2e%2e/store/sqlite.py",
                                 "/static/..%2f..%2fstore%2fsqlite.py", "/static/%2fetc%2fpasswd", "/static//etc/passwd",
                                 "/static/app.js%00.py", "/static/templates/base.html", "/static/", "/static/STYLE.CSS"])
def test_static_path_traversal(built, url):
    r = built.client.get(url)
    assert r.status_code == 404
    assert "def create_app" not in r.text and "root:" not in r.text and "class Store" not in r.text


def test_static_files_served(built):
    css = built.client.get("/static/style.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert "javascript" in built.client.get("/static/app.js").headers["content-type"]


# ------------------------------------------------------------------ through the real pipeline

def test_ingested_store_pages(ingested):
    client = ingested.client
    articles = client.get("/api/articles").json()
    assert articles["total"] == 3
    hostile = next(a for a in articles["items"] if a["url"] == HOSTILE_URL)
    for page in ("/", "/articles", f"/articles/{hostile['id']}", "/api/articles", f"/api/articles/{hostile['id']}"):
        r = client.get(page)
        assert r.status_code == 200
        if "html" in r.headers["content-type"]:
            assert_escaped(r.text)
    html = client.get(f"/articles/{articles['items'][-1]['id']}").text
    assert 'class="entity"' in html and "Mira Tolvane" in html
    stories = client.get("/api/stories").json()
    for story in stories["items"]:
        r = client.get(f"/stories/{story['id']}")
        assert r.status_code == 200
        assert_escaped(r.text)
