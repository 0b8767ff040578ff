"""Versioned schema migrations. Each entry runs once, in order, inside one transaction, and the
applied version is recorded in ``schema_migrations``; a store never goes backwards.

Tables mirror the interchange spec: scalar fields that are queried get columns, nested
structures (spans, actor lists) are stored as the spec's JSON in a ``data`` column.
"""
from __future__ import annotations

MIGRATIONS: list[tuple[int, str, str]] = [
    (1, "initial schema", """
    CREATE TABLE articles (
        seq            INTEGER PRIMARY KEY AUTOINCREMENT,   -- arrival order
        id             TEXT NOT NULL UNIQUE,
        external_id    TEXT,
        path           TEXT,
        url            TEXT,
        outlet         TEXT,
        title          TEXT,
        published      TEXT,
        published_from TEXT,
        language       TEXT,
        text           TEXT NOT NULL,
        raw_segments   TEXT,                                -- JSON
        duplicate_of   TEXT,
        story_id       TEXT,
        ingested_at    TEXT NOT NULL
    );
    CREATE INDEX articles_published ON articles(published);
    CREATE INDEX articles_story ON articles(story_id);
    CREATE INDEX articles_outlet ON articles(outlet);

    -- per-article annotations: one row per item, the spec's JSON in data
    CREATE TABLE sentences (article_id TEXT PRIMARY KEY, data TEXT NOT NULL);
    CREATE TABLE mentions (
        article_id TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
        type TEXT NOT NULL, key TEXT NOT NULL, data TEXT NOT NULL,
        PRIMARY KEY (article_id, start, end, type)
    );
    CREATE TABLE timexes (
        article_id TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, data TEXT NOT NULL,
        PRIMARY KEY (article_id, start, end)
    );
    CREATE TABLE quotes (id TEXT PRIMARY KEY, article_id TEXT NOT NULL, data TEXT NOT NULL);
    CREATE INDEX quotes_article ON quotes(article_id);
    CREATE TABLE events (id TEXT PRIMARY KEY, article_id TEXT NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL);
    CREATE INDEX events_article ON events(article_id);

    -- corpus-wide results, recomputed from the per-article rows
    CREATE TABLE entities (id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL,
                           country TEXT, sector TEXT, data TEXT NOT NULL);
    CREATE TABLE entity_links (article_id TEXT NOT NULL, key TEXT NOT NULL, entity_id TEXT NOT NULL,
                               PRIMARY KEY (article_id, key));
    CREATE INDEX entity_links_entity ON entity_links(entity_id);

    CREATE TABLE stories (id TEXT PRIMARY KEY, data TEXT NOT NULL);
    CREATE TABLE story_aliases (old_id TEXT PRIMARY KEY, new_id TEXT NOT NULL);

    -- near-duplicate index, persisted so it is rebuilt without re-reading texts
    CREATE TABLE dedup (article_id TEXT PRIMARY KEY, exact_hash TEXT NOT NULL, minhash BLOB NOT NULL);
    CREATE INDEX dedup_exact ON dedup(exact_hash);

    CREATE TABLE state (name TEXT PRIMARY KEY, data TEXT NOT NULL);   -- e.g. the story clusterer
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """),
]

MIGRATIONS.append((2, "claims", """
    CREATE TABLE claims (id TEXT PRIMARY KEY, story_id TEXT NOT NULL, data TEXT NOT NULL);
    CREATE INDEX claims_story ON claims(story_id);
    """))

MIGRATIONS.append((3, "stored parses", """
    -- the spaCy parse of each article (DocBin bytes), tagged with the model that made it
    CREATE TABLE parses (article_id TEXT PRIMARY KEY, model TEXT NOT NULL, data BLOB NOT NULL);
    """))

MIGRATIONS.append((4, "story clusterer records", "".join(
    # the clusterer's records, read per article placed instead of one state document (keyed JSON)
    f"CREATE TABLE cluster_{name} (key TEXT PRIMARY KEY, data TEXT NOT NULL);\n"
    for name in ("stories", "seqs", "articles", "postings", "term_df", "entity_df"))))

LATEST = MIGRATIONS[-1][0]
