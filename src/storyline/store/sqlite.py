"""The embedded store: one SQLite file in WAL mode.

Writes happen in one transaction per batch of articles (article row and all its annotations
together), so a run killed at any point leaves every article either fully stored or absent, and
re-running skips what is there: ``articles.id`` is unique and derived from the content.
"""
from __future__ import annotations

import datetime as _dt
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from storyline.model import Annotations, Article, Entity, Span, plain
from storyline.store.migrations import LATEST, MIGRATIONS

ANNOTATION_TABLES = ("sentences", "mentions", "timexes", "quotes", "events")
ARTICLE_COLUMNS = ("id", "external_id", "path", "url", "outlet", "title", "published", "published_from",
                   "language", "text", "raw_segments", "duplicate_of", "story_id")


# ``json.dumps`` with options builds a new encoder at every call, a third of the cost of a small
# record's JSON; one encoder kept (it holds no state between calls) writes the same text
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
_SORTED = json.JSONEncoder(sort_keys=True)  # ``json.dumps(sort_keys=True)``: content compared, key order aside


def _dumps(value: Any) -> str:
    return _ENCODER.encode(value)


# table -> (its insert, the rows of one article's annotations): only the tables written are encoded
# (re-dating swaps an article's timexes and events, and need not encode its mentions and quotes)
_ANNOTATION_ROWS: dict[str, tuple[str, Callable[[str, Annotations], list[tuple[Any, ...]]]]] = {
    "sentences": ("INSERT OR REPLACE INTO sentences VALUES (?, ?)",
                  lambda article_id, ann: [(article_id, _dumps([[s.start, s.end] for s in ann.sentences]))]),
    "mentions": ("INSERT OR IGNORE INTO mentions VALUES (?, ?, ?, ?, ?, ?)",
                 lambda article_id, ann: [(article_id, m.span.start, m.span.end, m.type, m.key, _dumps(plain(m)))
                                          for m in ann.mentions]),
    "timexes": ("INSERT OR IGNORE INTO timexes VALUES (?, ?, ?, ?)",
                lambda article_id, ann: [(article_id, t.span.start, t.span.end, _dumps(t.to_dict())) for t in ann.timexes]),
    "quotes": ("INSERT OR IGNORE INTO quotes VALUES (?, ?, ?)",
               lambda article_id, ann: [(q.id, article_id, _dumps(q.to_dict())) for q in ann.quotes]),
    "events": ("INSERT OR IGNORE INTO events VALUES (?, ?, ?, ?)",
               lambda article_id, ann: [(e.id, article_id, e.type, _dumps(e.to_dict())) for e in ann.events]),
}


class StoreError(RuntimeError):
    pass


class Store:
    """A Storyline store. ``readonly=True`` opens it with SQLite's read-only URI mode (the web UI)."""

    def __init__(self, path: str | Path, readonly: bool = False):
        self.path = Path(path)
        self.readonly = readonly
        if readonly:
            if not self.path.exists():
                raise StoreError(f"{self.path}: no such store")
            self.db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.migrate()
        self.db.row_factory = sqlite3.Row

    # ------------------------------------------------------------------ lifecycle
    def migrate(self) -> int:
        """Apply pending migrations; returns the schema version."""
        self.db.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                        "name TEXT NOT NULL, applied_at TEXT NOT NULL)")
        current = self.schema_version()
        if current > LATEST:
            raise StoreError(f"{self.path}: schema version {current} is newer than this Storyline ({LATEST})")
        for version, name, sql in MIGRATIONS:
            if version <= current:
                continue
            with self.transaction():
                for statement in _split_sql(sql):
                    self.db.execute(statement)
                self.db.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", (version, name, _now()))
        return self.schema_version()

    def schema_version(self) -> int:
        row = self.db.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
        return int(row[0] or 0)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def transaction(self) -> "_Transaction":
        return _Transaction(self.db)

    # ------------------------------------------------------------------ articles
    def known_article_ids(self, ids: Iterable[str]) -> set[str]:
        return {r[0] for r in self._select_in("SELECT id FROM articles WHERE id IN ({})", ids)}

    def _select_in(self, sql: str, ids: Iterable[str], *params: Any) -> Iterator[sqlite3.Row]:
        """Rows of ``sql`` whose ``IN ({})`` is filled with ``ids``, in chunks under SQLite's variable limit."""
        for chunk in _chunks(list(ids), 500):
            yield from self.db.execute(sql.format(",".join("?" * len(chunk))), (*params, *chunk))

    def article_ids(self) -> Iterator[str]:
        return (row[0] for row in self.db.execute("SELECT id FROM articles"))

    def add_batch(self, articles: Sequence[Article], annotations: Sequence[Annotations],
                  signatures: Sequence[tuple[str, bytes]] | None = None) -> int:
        """Store articles with their annotations in one transaction; already stored ids are skipped.

        ``signatures`` are (exact_hash, minhash) pairs for the dedup index, aligned with articles.
        Returns how many articles were new.
        """
        added = 0
        now = _now()
        with self.transaction():
            for i, (article, ann) in enumerate(zip(articles, annotations, strict=True)):
                row = self._article_row(article)
                cur = self.db.execute(
                    f"INSERT OR IGNORE INTO articles ({', '.join(ARTICLE_COLUMNS)}, ingested_at) "
                    f"VALUES ({', '.join('?' * len(ARTICLE_COLUMNS))}, ?)", (*row, now))
                if cur.rowcount == 0:
                    continue
                added += 1
                self._insert_annotations(article.id, ann)
                if signatures is not None:
                    exact_hash, minhash = signatures[i]
                    self.db.execute("INSERT OR REPLACE INTO dedup VALUES (?, ?, ?)", (article.id, exact_hash, minhash))
            if added:  # with the articles, so a run killed before its refresh still refreshes when re-run
                self.db.execute("INSERT OR REPLACE INTO meta VALUES ('refresh_pending', 'true')")
        return added

    @staticmethod
    def _article_row(article: Article) -> tuple[Any, ...]:
        d = article.to_dict()
        d["raw_segments"] = None if article.raw_segments is None else _dumps(article.raw_segments)
        return tuple(d[c] for c in ARTICLE_COLUMNS)

    def _insert_annotations(self, article_id: str, ann: Annotations, tables: Sequence[str] | None = None) -> None:
        for table in tables or ANNOTATION_TABLES:
            sql, rows = _ANNOTATION_ROWS[table]
            self.db.executemany(sql, rows(article_id, ann))
        if ann.parse is not None:
            self.db.execute("INSERT OR REPLACE INTO parses VALUES (?, ?, ?)", (article_id, ann.parse_model or "?", ann.parse))

    def replace_annotations(self, article_id: str, ann: Annotations, tables: Sequence[str]) -> None:
        """Swap some of an article's annotations (e.g. time and events after its date changed)."""
        with self.transaction():
            for table in tables:
                if table not in ANNOTATION_TABLES:
                    raise ValueError(table)
                self.db.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
            self._insert_annotations(article_id, ann, tables)

    def update_articles(self, updates: Iterable[tuple[str, dict[str, Any]]]) -> None:
        """Set fields decided after ingest (story_id, duplicate_of, published from the story)."""
        with self.transaction():
            for article_id, fields in updates:
                bad = set(fields) - set(ARTICLE_COLUMNS)
                if bad:
                    raise ValueError(f"not article fields: {sorted(bad)}")
                sets = ", ".join(f"{k} = ?" for k in fields)
                self.db.execute(f"UPDATE articles SET {sets} WHERE id = ?", (*fields.values(), article_id))

    def count(self, table: str) -> int:
        if table not in _TABLES:
            raise ValueError(table)
        return int(self.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

    def iter_articles(self, where: str = "", params: Sequence[Any] = (), order: str = "seq",
                      limit: int | None = None) -> Iterator[Article]:
        sql = f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles {('WHERE ' + where) if where else ''} ORDER BY {order}"
        if limit is not None:
            sql, params = f"{sql} LIMIT ?", (*params, limit)
        for row in self.db.execute(sql, params):
            yield _article_from_row(row)

    def article_dates(self, where: str = "", params: Sequence[Any] = ()) -> Iterator[Article]:
        """Articles with only their id and date (empty text), in arrival order: to order many
        articles without holding their texts."""
        sql = f"SELECT id, published, published_from FROM articles {('WHERE ' + where) if where else ''} ORDER BY seq"
        for article_id, published, published_from in self.db.execute(sql, params):
            yield Article(id=article_id, text="", published=published, published_from=published_from)

    def articles_of(self, ids: Iterable[str], by: str = "id") -> Iterator[Article]:
        """The stored articles whose ``by`` column (``id`` or ``story_id``) is one of ``ids``, in chunks."""
        if by not in ("id", "story_id"):
            raise ValueError(by)
        sql = f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles WHERE {by} IN ({{}})"
        return (_article_from_row(row) for row in self._select_in(sql, ids))

    def get_article(self, article_id: str) -> Article | None:
        return next(self.iter_articles("id = ?", (article_id,)), None)

    def sentences(self, article_id: str) -> list[tuple[int, int]]:
        row = self.db.execute("SELECT data FROM sentences WHERE article_id = ?", (article_id,)).fetchone()
        return sentence_bounds(row[0] if row else None)

    def stored_sentences_of(self, article_ids: Iterable[str]) -> dict[str, str]:
        """article id -> its sentence bounds as stored (JSON; ``sentence_bounds`` reads them), in
        one query a chunk instead of ``sentences`` per article."""
        return dict(self._select_in("SELECT article_id, data FROM sentences WHERE article_id IN ({})", article_ids))

    # ------------------------------------------------------------------ annotations (spec JSON)
    def parses(self, article_ids: Iterable[str], model: str) -> dict[str, bytes]:
        """Stored parses of these articles made by ``model`` (others are stale: parse again)."""
        return {r[0]: r[1] for r in self._select_in(
            "SELECT article_id, data FROM parses WHERE model = ? AND article_id IN ({})", article_ids, model)}

    def iter_rows(self, table: str, where: str = "", params: Sequence[Any] = ()) -> Iterator[dict[str, Any]]:
        """The stored JSON objects of one annotation table, in article arrival order."""
        for article_id, data in self._stored_rows(table, "t.article_id, t.data", where, params):
            yield decode_row(article_id, data)

    def rows_of(self, table: str, article_ids: Iterable[str]) -> Iterator[dict[str, Any]]:
        """``iter_rows`` of these articles only, in chunks under SQLite's variable limit."""
        for article_id, data in self._stored_rows_of(table, "t.article_id, t.data", article_ids):
            yield decode_row(article_id, data)

    def stored_rows_of(self, table: str, article_ids: Iterable[str]) -> list[tuple[str, str]]:
        """(article id, JSON text) of the rows ``rows_of`` yields, in its order, not decoded: for
        work done in a worker, which decodes them (``decode_row``), so the parent does not."""
        return [(article_id, data) for article_id, data in self._stored_rows_of(table, "t.article_id, t.data", article_ids)]

    def keyed_rows_of(self, table: str, article_ids: Iterable[str]) -> list[tuple[str, str, str]]:
        """``stored_rows_of`` of quotes or events with each row's id first: (row id, article id,
        JSON text), what ``changed_rows`` compares rewritten rows with."""
        return [(row_id, article_id, data) for row_id, article_id, data
                in self._stored_rows_of(table, "t.id, t.article_id, t.data", article_ids)]

    def _stored_rows(self, table: str, columns: str, where: str = "", params: Sequence[Any] = ()) -> sqlite3.Cursor:
        if table not in ("mentions", "timexes", "quotes", "events"):
            raise ValueError(table)
        sql = (f"SELECT {columns} FROM {table} t JOIN articles a ON a.id = t.article_id "
               f"{('WHERE ' + where) if where else ''} ORDER BY a.seq, t.rowid")
        return self.db.execute(sql, params)

    def _stored_rows_of(self, table: str, columns: str, article_ids: Iterable[str]) -> Iterator[tuple[Any, ...]]:
        for chunk in _chunks(list(article_ids), 500):
            yield from self._stored_rows(table, columns, f"t.article_id IN ({','.join('?' * len(chunk))})", chunk)

    def update_rows(self, table: str, rows: Iterable[dict[str, Any]], only_changed: bool = False) -> int:
        """Rewrite the JSON of quotes/events rows (by id) after corpus-wide steps filled them in;
        ``only_changed``: only the rows whose content differs from the stored row's."""
        if table not in ("quotes", "events"):
            raise ValueError(table)
        rows = list(rows)
        if not only_changed:
            return self.rewrite_rows(table, [(_dumps(r), r["id"]) for r in rows])
        stored = self._select_in(f"SELECT id, article_id, data FROM {table} WHERE id IN ({{}})", [r["id"] for r in rows])
        return self.rewrite_rows(table, changed_rows(rows, stored))

    def rewrite_rows(self, table: str, updates: Iterable[tuple[str, str]]) -> int:
        """Write the (JSON, id) of quotes/events rows (``changed_rows`` tells which)."""
        if table not in ("quotes", "events"):
            raise ValueError(table)
        with self.transaction():
            cur = self.db.executemany(f"UPDATE {table} SET data = ? WHERE id = ?", updates)
        return cur.rowcount

    def story_ids(self) -> dict[str, str | None]:
        """article id -> story id, without loading texts."""
        return dict(self.db.execute("SELECT id, story_id FROM articles"))

    # ------------------------------------------------------------------ entities
    def name_forms(self) -> Iterator[tuple[tuple[str, str, str, str | None, str | None, str | None], int]]:
        """Every distinct (type, name, surface text, title, country, sector) of the stored mentions,
        with how many mentions have it: what entity resolution reads, aggregated in SQL."""
        sql = ("SELECT type, json_extract(data, '$.name'), json_extract(data, '$.span.text'), "
               "json_extract(data, '$.title'), json_extract(data, '$.country'), json_extract(data, '$.sector'), "
               "COUNT(*) FROM mentions GROUP BY 1, 2, 3, 4, 5, 6")
        for *form, count in self.db.execute(sql):
            yield tuple(form), count

    def replace_entities(self, entities: Sequence[Entity], links: Iterable[tuple[str, str, str]]) -> set[str]:
        """Swap in a freshly resolved entity table; ``links`` are (article_id, mention key, entity_id).
        Returns the ids of the articles whose links changed (new articles included), so later
        steps redo only those."""
        def insert() -> None:
            self.db.executemany("INSERT OR REPLACE INTO entity_links VALUES (?, ?, ?)", links)
        return self._swap_entities(entities, insert)

    def replace_entities_by_name(self, entities: Sequence[Entity], entity_of: dict[tuple[str, str], str]) -> set[str]:
        """``replace_entities`` with every mention linked by its (type, cluster name), joined in SQL
        so no per-mention data passes through Python."""
        def insert() -> None:
            self.db.execute("CREATE TEMP TABLE name_entity (type TEXT, name TEXT, entity_id TEXT, PRIMARY KEY (type, name))")
            self.db.executemany("INSERT INTO temp.name_entity VALUES (?, ?, ?)", ((t, n, e) for (t, n), e in entity_of.items()))
            self.db.execute("INSERT OR REPLACE INTO entity_links SELECT m.article_id, m.key, ne.entity_id FROM mentions m "
                            "JOIN temp.name_entity ne ON ne.type = m.type AND ne.name = json_extract(m.data, '$.name')")
            self.db.execute("DROP TABLE temp.name_entity")
        return self._swap_entities(entities, insert)

    def _swap_entities(self, entities: Sequence[Entity], insert_links: Callable[[], None]) -> set[str]:
        with self.transaction():
            self.db.execute("DROP TABLE IF EXISTS temp.old_links")
            self.db.execute("DROP TABLE IF EXISTS temp.name_entity")
            self.db.execute("CREATE TEMP TABLE old_links AS SELECT * FROM entity_links")
            self.db.execute("DELETE FROM entities")
            self.db.execute("DELETE FROM entity_links")
            self.db.executemany(
                "INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?)",
                [(e.id, e.name, e.type, e.country, e.sector, _dumps(_entity_data(e))) for e in entities])
            insert_links()
            changed = {row[0] for row in self.db.execute(
                "SELECT article_id FROM (SELECT * FROM entity_links EXCEPT SELECT * FROM temp.old_links) "
                "UNION SELECT article_id FROM (SELECT * FROM temp.old_links EXCEPT SELECT * FROM entity_links)")}
            self.db.execute("DROP TABLE temp.old_links")
        return changed

    def entity_ids_of(self, article_ids: Iterable[str]) -> dict[str, list[str]]:
        """article id -> the ids of the entities it mentions, sorted."""
        out: dict[str, list[str]] = {}
        for article_id, entity_id in self._select_in(
                "SELECT article_id, entity_id FROM entity_links WHERE article_id IN ({})", article_ids):
            out.setdefault(article_id, []).append(entity_id)
        return {a: sorted(ids) for a, ids in out.items()}

    def entity_links(self) -> dict[tuple[str, str], str]:
        return {(a, k): e for a, k, e in self.db.execute("SELECT article_id, key, entity_id FROM entity_links")}

    def entity_links_of(self, article_ids: Sequence[str]) -> dict[tuple[str, str], str]:
        return {(a, k): e for a, k, e in self._select_in(
            "SELECT article_id, key, entity_id FROM entity_links WHERE article_id IN ({})", article_ids)}

    def iter_entities(self) -> Iterator[dict[str, Any]]:
        """Entities as spec objects, mentions included."""
        mentions: dict[str, list[dict[str, Any]]] = {}
        sql = ("SELECT l.entity_id, m.article_id, m.data FROM mentions m JOIN entity_links l "
               "ON l.article_id = m.article_id AND l.key = m.key JOIN articles a ON a.id = m.article_id "
               "ORDER BY a.seq, m.start")
        for entity_id, article_id, data in self.db.execute(sql):
            span = json.loads(data)["span"]
            mentions.setdefault(entity_id, []).append({"article_id": article_id, "span": span})
        for row in self.db.execute("SELECT id, name, type, country, sector, data FROM entities ORDER BY id"):
            data = json.loads(row["data"])
            yield {"id": row["id"], "name": row["name"], "type": row["type"], "aliases": data["aliases"],
                   "titles": data["titles"], "country": row["country"], "sector": row["sector"],
                   "mentions": mentions.get(row["id"], [])}

    # ------------------------------------------------------------------ stories
    def update_stories(self, stories: Iterable[dict[str, Any]], removed: Iterable[str], aliases: dict[str, str]) -> None:
        """Write the stories that changed and drop the ones merged away (``aliases`` maps them on)."""
        with self.transaction():
            self.db.executemany("DELETE FROM stories WHERE id = ?", ((s,) for s in removed))
            self.db.executemany("INSERT OR REPLACE INTO stories VALUES (?, ?)", [(s["id"], _dumps(s)) for s in stories])
            self.db.executemany("INSERT OR REPLACE INTO story_aliases VALUES (?, ?)", aliases.items())

    def iter_stories(self) -> Iterator[dict[str, Any]]:
        for (data,) in self.db.execute("SELECT data FROM stories ORDER BY id"):
            yield json.loads(data)

    def resolve_story_id(self, story_id: str) -> str:
        seen = set()
        while story_id not in seen:
            seen.add(story_id)
            row = self.db.execute("SELECT new_id FROM story_aliases WHERE old_id = ?", (story_id,)).fetchone()
            if row is None:
                return story_id
            story_id = row[0]
        return story_id

    # ------------------------------------------------------------------ claims
    def replace_claims(self, story_ids: Iterable[str], claims: Iterable[dict[str, Any]]) -> None:
        """Swap the claims of the given stories (claims of stories gone by a merge go too)."""
        with self.transaction():
            self.db.executemany("DELETE FROM claims WHERE story_id = ?", ((s,) for s in story_ids))
            self.db.execute("DELETE FROM claims WHERE story_id NOT IN (SELECT id FROM stories)")
            self.add_claims(claims)

    def add_claims(self, claims: Iterable[dict[str, Any]]) -> None:
        self.db.executemany("INSERT OR REPLACE INTO claims VALUES (?, ?, ?)",
                            ((c["id"], c["story_id"], _dumps(c)) for c in claims))

    def iter_claims(self, story_id: str | None = None) -> Iterator[dict[str, Any]]:
        sql, params = "SELECT data FROM claims ORDER BY story_id, rowid", ()
        if story_id is not None:
            sql, params = "SELECT data FROM claims WHERE story_id = ? ORDER BY rowid", (story_id,)
        for (data,) in self.db.execute(sql, params):
            yield json.loads(data)

    # ------------------------------------------------------------------ dedup + state
    def iter_signatures(self) -> Iterator[tuple[str, str, bytes]]:
        sql = "SELECT d.article_id, d.exact_hash, d.minhash FROM dedup d JOIN articles a ON a.id = d.article_id ORDER BY a.seq"
        for row in self.db.execute(sql):
            yield tuple(row)

    def get_state(self, name: str) -> Any:
        row = self.db.execute("SELECT data FROM state WHERE name = ?", (name,)).fetchone()
        return json.loads(row[0]) if row else None

    def set_state(self, name: str, value: Any) -> None:
        with self.transaction():
            self.db.execute("INSERT OR REPLACE INTO state VALUES (?, ?)", (name, _dumps(value)))

    def records(self, name: str) -> "RecordTable":
        """The story clusterer's record table ``name`` (see ``stories.records``)."""
        return RecordTable(self, f"cluster_{name}")

    def set_meta(self, key: str, value: Any) -> None:
        with self.transaction():
            self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, _dumps(value)))

    def refresh_pending(self) -> bool:
        """Articles were added since the corpus-wide results were last brought up to date."""
        return bool(self.get_meta("refresh_pending", False))

    def get_meta(self, key: str, default: Any = None) -> Any:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else default


_TABLES = {"articles", "mentions", "timexes", "quotes", "events", "entities", "stories", "dedup", "sentences", "claims"}


class RecordTable:
    """Keyed JSON records in one table (``stories.records.RecordTable``)."""

    def __init__(self, store: Store, table: str):
        self.store, self.table = store, table

    def load(self, keys: Iterable[str]) -> dict[str, Any]:
        sql = f"SELECT key, data FROM {self.table} WHERE key IN ({{}})"
        return {key: json.loads(data) for key, data in self.store._select_in(sql, keys)}

    def save(self, rows: dict[str, Any], deleted: Iterable[str]) -> None:
        with self.store.transaction():
            for chunk in _chunks(list(deleted), 500):
                self.store.db.execute(f"DELETE FROM {self.table} WHERE key IN ({','.join('?' * len(chunk))})", chunk)
            self.store.db.executemany(f"INSERT OR REPLACE INTO {self.table} VALUES (?, ?)",
                                      ((key, _dumps(value)) for key, value in rows.items()))

    def scan(self) -> Iterator[tuple[str, Any]]:
        for key, data in self.store.db.execute(f"SELECT key, data FROM {self.table} ORDER BY rowid"):
            yield key, json.loads(data)


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on error (autocommit connection otherwise).
    Nested use joins the outer transaction, so several store calls can be made atomic together."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db
        self.outermost = False

    def __enter__(self) -> None:
        self.outermost = not self.db.in_transaction
        if self.outermost:
            self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, *_: object) -> None:
        if self.outermost:
            self.db.execute("ROLLBACK" if exc_type else "COMMIT")


def decode_row(article_id: str, data: str) -> dict[str, Any]:
    """A stored annotation row as ``iter_rows`` yields it (rows stored without their article id get it)."""
    obj = json.loads(data)
    obj.setdefault("article_id", article_id)
    return obj


def sentence_bounds(data: str | None) -> list[tuple[int, int]]:
    """(start, end) of an article's sentences from their stored JSON (none when not stored)."""
    return [tuple(s) for s in json.loads(data)] if data else []


def changed_rows(rows: list[dict[str, Any]], stored: Iterable[tuple[str, str, str]]) -> list[tuple[str, str]]:
    """(JSON, id) of the rows whose content differs from the stored row's (``stored``: (row id,
    article id, JSON text), as ``Store.keyed_rows_of`` reads them) as ``iter_rows`` reads it. Most
    are unchanged and written as stored, which the JSON text shows without decoding it; a row
    whose text differs is compared as content, key order aside (a row stored by other code may
    order or space its JSON otherwise). Pure: a worker decides it for the rows it rewrote."""
    stored = {row_id: (article_id, data) for row_id, article_id, data in stored}
    changed = []
    for row in rows:
        data = _dumps(row)
        article_id, old = stored.get(row["id"], (None, None))
        if data == old:
            continue
        if old is not None and _same_content(data, decode_row(article_id, old)):
            continue
        changed.append((data, row["id"]))
    return changed


def _same_content(data: str, old: dict[str, Any]) -> bool:
    """Whether the JSON ``data`` and the decoded ``old`` are one row, key order aside. Decoded
    values that differ are different rows: that tells most changed rows apart without writing
    both sorted (changed rows compared 0.65 -> 0.40 s per 22.6k); equal ones may still be written
    differently (1 and 1.0), and NaN is unequal to itself, so those are settled by sorted JSON."""
    new = json.loads(data)
    if new != old and "NaN" not in data:
        return False
    return _SORTED.encode(new) == _SORTED.encode(old)


def _article_from_row(row: sqlite3.Row | tuple[Any, ...]) -> Article:
    values = dict(zip(ARTICLE_COLUMNS, tuple(row)))
    if values["raw_segments"] is not None:
        values["raw_segments"] = json.loads(values["raw_segments"])
    return Article(**values)


def _entity_data(entity: Entity) -> dict[str, Any]:
    return {"aliases": entity.aliases, "titles": entity.titles}


def _split_sql(script: str) -> list[str]:
    """Statements of a migration script (no semicolons inside our DDL strings)."""
    lines = [ln.split("--", 1)[0] for ln in script.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def _chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")


def span_from(obj: dict[str, Any]) -> Span:
    return Span(obj["start"], obj["end"], obj["text"])
