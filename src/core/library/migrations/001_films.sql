-- The film as its page describes it: synopsis, scenes in order, soundtrack entries, dialogue and quotes.
CREATE TABLE films (
  id          INTEGER PRIMARY KEY,
  title       TEXT NOT NULL,
  synopsis    TEXT NOT NULL,
  composer    TEXT,
  source_name TEXT NOT NULL,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE UNIQUE INDEX films_title ON films (title COLLATE NOCASE);

CREATE TABLE scenes (
  id          INTEGER PRIMARY KEY,
  film_id     INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  title       TEXT NOT NULL,
  description TEXT NOT NULL,
  context     TEXT,
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (film_id, position)
);

CREATE TABLE tracks (
  id          INTEGER PRIMARY KEY,
  film_id     INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  title       TEXT NOT NULL,
  credit      TEXT NOT NULL,
  description TEXT NOT NULL,
  UNIQUE (film_id, position)
);

-- Dialogue and quote lines share a shape; kind tells them apart.
CREATE TABLE film_lines (
  id       INTEGER PRIMARY KEY,
  film_id  INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
  kind     TEXT NOT NULL CHECK (kind IN ('dialogue', 'quote')),
  position INTEGER NOT NULL,
  speaker  TEXT,
  text     TEXT NOT NULL,
  UNIQUE (film_id, kind, position)
);

-- Small facts about the library itself (for instance whether the default films were seeded).
CREATE TABLE library_facts (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
