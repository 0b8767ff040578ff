"""The SQLite store: migrations, idempotent batch writes, read-only mode."""
from __future__ import annotations

import sqlite3

import pytest

from storyline.model import Annotations, Article, Entity, Mention, Span, Timex, article_id
from storyline.store import Store
from storyline.store.migrations import LATEST
from storyline.store.sqlite import StoreError


def make_article(text: str, outlet: str = "Example Wire") -> Article:
    return Article(id=article_id(outlet, text), text=text, outlet=outlet, title=text.split(".")[0])


def annotations_for(article: Article) -> Annotations:
    start = article.text.index("Ilse Darrow")
    span = Span.of(article.text, start, start + len("Ilse Darrow"))
    return Annotations(
        article_id=article.id,
        sentences=[Span.of(article.text, 0, len(article.text))],
        mentions=[Mention(span=span, type="PERSON", key="PERSON:ilse darrow", name="Ilse Darrow", country="VAL")],
        timexes=[Timex(article_id=article.id, span=Span.of(article.text, 0, 7), type="DATE", value="2026-03-10")],
    )


def test_migrations_are_versioned_and_rerun_safely(tmp_path):
    path = tmp_path / "s.db"
    with Store(path) as store:
        assert store.schema_version() == LATEST
    with Store(path) as store:  # reopening applies nothing twice
        assert store.migrate() == LATEST
        rows = store.db.execute("SELECT version FROM schema_migrations").fetchall()
        assert [r[0] for r in rows] == list(range(1, LATEST + 1))
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_add_batch_is_idempotent(tmp_path):
    text = "Tuesday: Foreign Minister Ilse Darrow met her counterpart in Port Amsel."
    article = make_article(text)
    with Store(tmp_path / "s.db") as store:
        assert store.add_batch([article], [annotations_for(article)], [("h", b"sig")]) == 1
        assert store.add_batch([article], [annotations_for(article)], [("h", b"sig")]) == 0
        assert store.count("articles") == 1
        assert store.count("mentions") == 1
        assert store.count("timexes") == 1
        stored = store.get_article(article.id)
        assert stored == article
        mention = next(store.iter_rows("mentions"))
        assert text[mention["span"]["start"]:mention["span"]["end"]] == mention["span"]["text"] == "Ilse Darrow"
        assert list(store.iter_signatures()) == [(article.id, "h", b"sig")]


def test_failed_batch_leaves_nothing_behind(tmp_path):
    good = make_article("A first article about Ilse Darrow and the water treaty.")
    bad = make_article("A second article that mentions Ilse Darrow as well.")
    with Store(tmp_path / "s.db") as store:
        with pytest.raises(ValueError):  # annotations not aligned with articles: whole batch rolls back
            store.add_batch([good, bad], [annotations_for(good)])
        assert store.count("articles") == 0
        assert store.count("mentions") == 0


def test_entities_replace_and_link(tmp_path):
    article = make_article("Ilse Darrow spoke. Later Ilse Darrow left.")
    with Store(tmp_path / "s.db") as store:
        store.add_batch([article], [annotations_for(article)])
        entity = Entity(id="e_1", name="Ilse Darrow", type="PERSON", aliases=["Ilse Darrow"], country="VAL")
        assert store.replace_entities([entity], [(article.id, "PERSON:ilse darrow", "e_1")]) == {article.id}
        assert store.replace_entities([entity], [(article.id, "PERSON:ilse darrow", "e_1")]) == set()
        assert store.replace_entities([], []) == {article.id}
        store.replace_entities([entity], [(article.id, "PERSON:ilse darrow", "e_1")])
        [exported] = list(store.iter_entities())
        assert exported["id"] == "e_1" and exported["aliases"] == ["Ilse Darrow"]
        assert exported["mentions"][0]["article_id"] == article.id


def test_story_aliases_resolve(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.update_stories([{"id": "s_new", "article_ids": []}], ["s_old", "s_mid"], {"s_old": "s_mid", "s_mid": "s_new"})
        assert store.resolve_story_id("s_old") == "s_new"
        assert store.resolve_story_id("s_new") == "s_new"


def test_readonly_store_refuses_writes(tmp_path):
    path = tmp_path / "s.db"
    with Store(path) as store:
        store.set_meta("x", 1)
    with Store(path, readonly=True) as ro:
        assert ro.get_meta("x") == 1
        with pytest.raises(sqlite3.OperationalError):
            ro.set_meta("x", 2)
    with pytest.raises(StoreError):
        Store(tmp_path / "missing.db", readonly=True)


def test_stored_parse_round_trips_and_is_tied_to_its_model(tmp_path):
    from storyline.annotate import annotate_batch, nlp

    article = make_article("Ilse Darrow met the envoy in Valdoria on Tuesday.\nShe said the talks would go on.")
    [ann] = annotate_batch([article], ["sentences"])
    with Store(tmp_path / "s.db") as store:
        store.add_batch([article], [ann])
        stored = store.parses([article.id], nlp.parse_version())
        assert store.parses([article.id], "en_other_model-0.1") == {}
    doc, fresh = nlp.doc_from_bytes(stored[article.id]), next(nlp.parse([article.text]))
    described = lambda d: [(t.idx, t.text, t.lemma_, t.pos_, t.tag_, t.dep_, t.head.i, t.ent_type_, t.is_sent_start)  # noqa: E731
                           for t in d]
    assert doc.text == article.text
    assert described(doc) == described(fresh)
    assert [s.text for s in doc.sents] == [s.text for s in fresh.sents]


def test_plain_values_equal_asdict_on_real_annotations():
    """``plain`` (what the store and exports write) gives exactly ``dataclasses.asdict``."""
    import dataclasses

    from storyline.annotate import annotate_batch
    from storyline.model import plain

    text = ("WASHINGTON - The foreign minister of Norland said on Tuesday that talks with Estmark "
            "would resume next week. \"We are ready,\" she told reporters. Estmark's army fired "
            "rockets at a border post last Friday, according to a senior official.")
    article = Article(id=article_id("Wire", text), text=text, outlet="Wire", published="2026-03-04")
    ann = annotate_batch([article])[0]
    values = [article, *ann.mentions, *ann.timexes, *ann.quotes, *ann.events, *ann.sentences]
    assert ann.mentions and ann.timexes and ann.quotes and ann.events
    for value in values:
        assert plain(value) == dataclasses.asdict(value)
    assert plain(ann.events[0]) is not plain(ann.events[0])
    assert plain({"a": [(1, ann.sentences[0])]}) == {"a": [(1, dataclasses.asdict(ann.sentences[0]))]}


def test_annotations_pickle_to_equal_values_through_their_constructors():
    """What workers send back (annotations, articles) pickles as (class, field values): the values
    come back equal, of the same classes, a frozen Span still frozen and hashable."""
    import dataclasses
    import pickle

    import storyline.model as model
    from storyline.annotate import annotate_batch

    text = ("The foreign minister of Norland said on Tuesday that talks with Estmark would resume next week. "
            "\"We are ready,\" she told reporters in Port Ames.")
    article = Article(id=article_id("Wire", text), text=text, outlet="Wire", published="2026-03-04")
    ann = annotate_batch([article])[0]
    assert ann.mentions and ann.timexes and ann.quotes and ann.sentences
    back_article, back = pickle.loads(pickle.dumps((article, ann), protocol=pickle.HIGHEST_PROTOCOL))
    assert back_article == article and back == ann and back.parse == ann.parse
    assert [type(m) for m in back.mentions] == [type(m) for m in ann.mentions]
    span = back.sentences[0]
    assert hash(span) == hash(ann.sentences[0])
    with pytest.raises(dataclasses.FrozenInstanceError):
        span.start = 0
    classes = [c for c in vars(model).values() if isinstance(c, type) and dataclasses.is_dataclass(c)
               and c.__module__ == model.__name__]
    for cls in classes:  # every model class rebuilds from its fields in order
        assert cls.__reduce__ is not object.__reduce__, cls
        assert all(f.init for f in dataclasses.fields(cls)) and not hasattr(cls, "__post_init__"), cls


def test_stored_parse_reads_as_spacys_docbin_reads_it():
    """doc_from_bytes skips srsly's decoder registry; the Doc is the one spaCy's DocBin gives."""
    from spacy.tokens import DocBin

    from storyline.annotate import nlp

    article = make_article("Ilse Darrow met the envoy in Valdoria on Tuesday.\nShe said the talks (about 40 of them) "
                           "would go on until 2027, officials in  Port Ames told Reuters.")
    data = nlp.doc_to_bytes(next(nlp.parse([article.text])))
    ours, spacys = nlp.doc_from_bytes(data), next(DocBin().from_bytes(data).get_docs(nlp.load().vocab))
    assert ours.to_json() == spacys.to_json()
    attrs = list(nlp.PARSE_ATTRS) + ["IDX", "SPACY", "ENT_KB_ID", "MORPH", "NORM", "LOWER"]
    assert (ours.to_array(attrs) == spacys.to_array(attrs)).all()
    assert ours.user_data == spacys.user_data and ours.cats == spacys.cats and len(ours.spans) == len(spacys.spans)
    with pytest.raises(ValueError):
        nlp.doc_from_bytes(b"not a parse")


def test_stored_parse_is_written_as_spacys_docbin_writes_it():
    """doc_to_bytes reads the token strings from the Doc's columns, not from every Token, and packs
    the message without srsly's encoder hooks: the same bytes as spaCy's DocBin, for a Doc with
    entities, morphology, odd spacing and a span group."""
    from spacy.tokens import DocBin, Span

    from storyline.annotate import nlp

    text = "Ilse Darrow met the envoy in Valdoria on Tuesday.\nShe said   the talks (about 40) would go on."
    doc = next(nlp.parse([text]))
    assert any(str(t.morph) for t in doc) and not all(str(t.morph) for t in doc) and doc.ents
    docs = [doc, nlp.load()("")]
    marked = next(nlp.parse([text]))
    marked.spans["people"] = [Span(marked, 0, 2, label="SPEAKER")]
    for d in [*docs, marked]:
        spacys = DocBin(attrs=nlp.PARSE_ATTRS, store_user_data=False)
        spacys.add(d)
        assert nlp.doc_to_bytes(d) == spacys.to_bytes()


def test_a_message_msgpack_cannot_pack_is_packed_by_srsly():
    import numpy
    import srsly

    from storyline.annotate.nlp import _pack_plain

    plain = {"strings": ["a", "b"], "tokens": b"\x00\x01", "cats": {}, "flags": [{"x": True}]}
    assert _pack_plain(plain) == srsly.msgpack_dumps(plain)
    with_array = {"array": numpy.arange(3)}  # srsly's numpy hook packs it
    assert _pack_plain(with_array) == srsly.msgpack_dumps(with_array)


def test_update_rows_only_changed_leaves_equal_rows_as_stored(tmp_path):
    """Rows equal in content are not rewritten, whatever their key order or spacing in the store."""
    article = make_article("Ilse Darrow said the talks would go on.")
    with Store(tmp_path / "s.db") as store:
        store.add_batch([article], [Annotations(article_id=article.id)])
        rows = [{"id": "q1", "article_id": article.id, "text": "go on", "story_id": None},
                {"id": "q2", "article_id": article.id, "text": "talks", "story_id": None},
                {"id": "q3", "article_id": article.id, "text": "would", "story_id": None}]
        store.db.executemany("INSERT INTO quotes VALUES (?, ?, ?)", [
            ("q1", article.id, '{"id":"q1","article_id":"%s","text":"go on","story_id":null}' % article.id),
            ("q2", article.id, '{"text": "talks", "story_id": null, "id": "q2"}'),  # other order, no article_id
            ("q3", article.id, '{"id":"q3","article_id":"%s","text":"would","story_id":null}' % article.id)])
        rows[2]["story_id"] = "s1"
        assert store.update_rows("quotes", rows, only_changed=True) == 1
        data = dict(store.db.execute("SELECT id, data FROM quotes").fetchall())
        assert data["q2"] == '{"text": "talks", "story_id": null, "id": "q2"}'
        assert '"story_id":"s1"' in data["q3"]
        assert [r["story_id"] for r in store.rows_of("quotes", [article.id])] == [None, None, "s1"]


def test_changed_rows_are_told_by_content_in_the_store_or_in_a_worker(tmp_path):
    """Rows whose values differ are written, as are rows equal in Python but not in JSON (1 and
    1.0); a NaN, unequal to itself, is still the same row. A worker decides alike from the stored
    texts it was sent (``keyed_rows_of``, ``changed_rows``) as the store does reading them again."""
    from storyline.store.sqlite import changed_rows

    article = make_article("Ilse Darrow said the talks would go on.")
    stored = {"q1": '{"id":"q1","score":1,"story_id":null}', "q2": '{"score": 0.5, "id": "q2"}',
              "q3": '{"id":"q3","score":NaN}', "q4": '{"id":"q4","score":2}'}
    new = [{"id": "q1", "score": 1.0, "story_id": None}, {"id": "q2", "score": 0.5},
           {"id": "q3", "score": float("nan")}, {"id": "q4", "score": 3}]
    for row in new:  # as ``rows_of`` reads them: stored rows without one get their article's id
        row["article_id"] = article.id
    for in_worker in (False, True):
        with Store(tmp_path / f"s{in_worker}.db") as store:
            store.add_batch([article], [Annotations(article_id=article.id)])
            store.db.executemany("INSERT INTO quotes VALUES (?, ?, ?)", [(k, article.id, v) for k, v in stored.items()])
            keyed = store.keyed_rows_of("quotes", [article.id])
            assert keyed[1] == ("q2", article.id, stored["q2"]) and len(keyed) == 4
            if in_worker:
                assert store.rewrite_rows("quotes", changed_rows(new, keyed)) == 2
            else:
                assert store.update_rows("quotes", new, only_changed=True) == 2
            data = dict(store.db.execute("SELECT id, data FROM quotes").fetchall())
            assert data["q1"] == '{"id":"q1","score":1.0,"story_id":null,"article_id":"%s"}' % article.id
            assert data["q4"] == '{"id":"q4","score":3,"article_id":"%s"}' % article.id
            assert (data["q2"], data["q3"]) == (stored["q2"], stored["q3"])


def test_stored_rows_decode_in_a_worker_as_the_store_decodes_them(tmp_path):
    """Claims and re-dating jobs carry mentions, timexes and sentences as stored text (plain,
    picklable tuples) and decode them in the worker: the same objects as read in the parent."""
    import pickle

    from storyline.pipeline import mentions_from_rows
    from storyline.store.sqlite import decode_row, sentence_bounds

    article = make_article("Tuesday: Foreign Minister Ilse Darrow met her counterpart in Port Amsel.")
    with Store(tmp_path / "s.db") as store:
        store.add_batch([article], [annotations_for(article)])
        mentions = pickle.loads(pickle.dumps(store.stored_rows_of("mentions", [article.id])))
        links = {(article.id, "PERSON:ilse darrow"): "e_1"}
        [mention] = mentions_from_rows(mentions, links)[article.id]
        assert (mention.span, mention.name, mention.country, mention.entity_id) == (
            annotations_for(article).mentions[0].span, "Ilse Darrow", "VAL", "e_1")
        assert mentions_from_rows(mentions)[article.id][0].entity_id is None
        [(article_id, timex)] = store.stored_rows_of("timexes", [article.id])
        assert decode_row(article_id, timex) == next(store.rows_of("timexes", [article.id]))
        stored_sentences = store.stored_sentences_of([article.id, "a_missing"])
        assert sentence_bounds(stored_sentences[article.id]) == store.sentences(article.id) == [(0, len(article.text))]
        assert sentence_bounds(stored_sentences.get("a_missing")) == store.sentences("a_missing") == []


def test_json_is_written_as_compact_unescaped_json_dumps_writes_it():
    """The store keeps one JSON encoder for every row it writes; its text must stay that of
    ``json.dumps(ensure_ascii=False, separators=(",", ":"))``, which the stored rows were written
    with (``update_rows`` compares new rows with stored ones as text)."""
    import json

    from storyline.store.sqlite import _dumps

    values = [7, 0.1 + 0.2, None, "Zoë Ångström — “quoted”", [[3, 0.25], [1, 1e-12]],
              {"name": "Ilse Darrow", "span": {"start": 0, "end": 11}, "tags": ["a", "b"], "ok": True}]
    for value in values:
        assert _dumps(value) == json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    assert _dumps({"b": 1, "a": 2}) == '{"b":1,"a":2}'  # insertion order kept, no spaces


def test_worker_pools_report_the_parse_version_of_the_model_loaded_here():
    """Re-dating and claims read stored parses of the model version the workers parse with; a
    pool asks one of its workers (its parent need not load the model), in-process it is this
    process's model: both are the version the parses were stored under."""
    from storyline.annotate import nlp
    from storyline.pipeline import WorkerPool

    with WorkerPool(1) as here, WorkerPool(2) as pool:
        assert here.parse_version() == pool.parse_version() == nlp.parse_version()
        assert pool.parse_version() is pool.parse_version()  # asked once
