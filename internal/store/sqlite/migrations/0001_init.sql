-- 0001: the initial schema.
--
-- Why: Parallax needs somewhere to keep cleaned articles with their story
-- and MinHash signature (the duplicate detector rebuilds its in-memory
-- index from the most recent ones), per-source line statistics for
-- boilerplate removal, and the clusterer's story state.
--
-- Conventions (kept portable so the PostgreSQL schema can mirror this one):
--   * timestamps are TEXT in UTC, fixed width with nanoseconds
--     (2006-01-02T15:04:05.000000000Z) so they sort lexically; '' is the
--     zero time, which sorts before every real one;
--   * 64-bit unsigned line keys are stored as INTEGER by bit-casting
--     uint64 to int64, so keys with the high bit set are negative in SQL
--     but round-trip exactly;
--   * MinHash signatures are BLOBs of little-endian uint64s; features and
--     story state are opaque BLOBs owned by the clusterer.
-- Only the FTS table below is SQLite-specific.

CREATE TABLE stories (
    id         TEXT    PRIMARY KEY,
    title      TEXT    NOT NULL DEFAULT '',
    first_seen TEXT    NOT NULL DEFAULT '',
    last_seen  TEXT    NOT NULL DEFAULT '',
    size       INTEGER NOT NULL DEFAULT 0,
    state      BLOB
);
CREATE INDEX stories_by_last_seen ON stories (last_seen, id);
CREATE INDEX stories_by_first_seen ON stories (first_seen, id);

-- seq is the store-wide ingest order; as SQLite's rowid alias it is
-- assigned increasingly and doubles as the FTS row id.
CREATE TABLE articles (
    seq          INTEGER PRIMARY KEY,
    id           TEXT    NOT NULL UNIQUE,
    content_hash TEXT    NOT NULL UNIQUE,
    origin       TEXT    NOT NULL DEFAULT '',
    source       TEXT    NOT NULL DEFAULT '',
    url          TEXT    NOT NULL DEFAULT '',
    title        TEXT    NOT NULL DEFAULT '',
    byline       TEXT    NOT NULL DEFAULT '',
    published    TEXT    NOT NULL DEFAULT '',
    language     TEXT    NOT NULL DEFAULT '',
    text         TEXT    NOT NULL DEFAULT '',
    duplicate_of TEXT    NOT NULL DEFAULT '',
    story_id     TEXT    NOT NULL REFERENCES stories (id),
    ingested     TEXT    NOT NULL DEFAULT '',
    features     BLOB,
    signature    BLOB
);
CREATE INDEX articles_by_story ON articles (story_id, seq);

-- How many articles of each source contributed line statistics, and in how
-- many of them each line key occurred.
--
-- source_lines carries no NOT NULL constraints on purpose. Commit fills it
-- with multi-row statements, and a constraint that can abort such a
-- statement half-way makes SQLite copy every page it touches to a statement
-- journal first, which cost a third of Commit's time. Only Commit writes
-- these rows, always with a non-NULL source and integer key.
CREATE TABLE source_stats (
    source   TEXT    PRIMARY KEY,
    articles INTEGER NOT NULL
);
CREATE TABLE source_lines (
    source   TEXT,
    line_key INTEGER,
    articles INTEGER,
    PRIMARY KEY (source, line_key)
) WITHOUT ROWID;

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value BLOB NOT NULL
);

-- Full-text index over titles and texts. External content: the text lives
-- once, in articles, and Commit adds the index row in the same transaction.
-- Articles are never updated or deleted, so no triggers are needed.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text,
    content = 'articles', content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2'
);
