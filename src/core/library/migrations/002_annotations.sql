-- A person's own notes on a film. The target is the film itself (scene_id NULL) or one of its
-- scenes; cue targets will come as one more nullable column (cue_id) in the score's migration, so
-- every target keeps a real foreign key. film_id is kept on every row so that the film-wide views
-- and search need no join to find a note's film.
CREATE TABLE annotations (
  id           INTEGER PRIMARY KEY,
  film_id      INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
  scene_id     INTEGER REFERENCES scenes (id) ON DELETE CASCADE,
  body         TEXT NOT NULL DEFAULT '',
  film_time_ms INTEGER CHECK (film_time_ms IS NULL OR film_time_ms >= 0),
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  -- Set when the note is moved to the trash; NULL while it is live.
  deleted_at   TEXT
);
CREATE INDEX annotations_scene ON annotations (scene_id, film_time_ms);
CREATE INDEX annotations_film_edited ON annotations (film_id, updated_at);
CREATE INDEX annotations_trash ON annotations (film_id, deleted_at) WHERE deleted_at IS NOT NULL;

-- Tags are the library's, not one film's. name_key is the name folded for comparison (NFC, lower
-- case, done in TypeScript so that non-ASCII letters fold too), which keeps names unique
-- case-insensitively; nesting is written into the name with '/'.
CREATE TABLE tags (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  name_key   TEXT NOT NULL UNIQUE,
  colour     TEXT NOT NULL CHECK (colour GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- One row per tag on one item. target_kind is open ('scene', 'annotation', later 'cue'): the
-- triggers below remove taggings whose item is deleted, since a polymorphic target cannot carry a
-- foreign key.
CREATE TABLE taggings (
  tag_id      INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  target_kind TEXT NOT NULL,
  target_id   INTEGER NOT NULL,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (tag_id, target_kind, target_id)
) WITHOUT ROWID;
CREATE INDEX taggings_target ON taggings (target_kind, target_id);

CREATE TRIGGER scenes_untag AFTER DELETE ON scenes BEGIN
  DELETE FROM taggings WHERE target_kind = 'scene' AND target_id = old.id;
END;
CREATE TRIGGER annotations_untag AFTER DELETE ON annotations BEGIN
  DELETE FROM taggings WHERE target_kind = 'annotation' AND target_id = old.id;
END;

-- Full-text search: one external-content FTS5 table per searchable table, kept right by triggers.
-- The text lives once, in its own table; snippets read it from there. remove_diacritics 2 folds
-- accents (amelie finds Amélie); the prefix indexes make search-as-you-type cheap. The UNINDEXED
-- columns are read back from the content table to filter by film (and trash) while the FTS match
-- and its rank drive the query.
CREATE VIRTUAL TABLE scenes_fts USING fts5 (
  title, description, context, film_id UNINDEXED,
  content = 'scenes', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);
CREATE VIRTUAL TABLE annotations_fts USING fts5 (
  body, film_id UNINDEXED, scene_id UNINDEXED, deleted_at UNINDEXED,
  content = 'annotations', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);
CREATE VIRTUAL TABLE film_lines_fts USING fts5 (
  speaker, text, film_id UNINDEXED, kind UNINDEXED,
  content = 'film_lines', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);

CREATE TRIGGER scenes_fts_ai AFTER INSERT ON scenes BEGIN
  INSERT INTO scenes_fts (rowid, title, description, context, film_id)
  VALUES (new.id, new.title, new.description, new.context, new.film_id);
END;
CREATE TRIGGER scenes_fts_ad AFTER DELETE ON scenes BEGIN
  INSERT INTO scenes_fts (scenes_fts, rowid, title, description, context, film_id)
  VALUES ('delete', old.id, old.title, old.description, old.context, old.film_id);
END;
CREATE TRIGGER scenes_fts_au AFTER UPDATE OF title, description, context ON scenes BEGIN
  INSERT INTO scenes_fts (scenes_fts, rowid, title, description, context, film_id)
  VALUES ('delete', old.id, old.title, old.description, old.context, old.film_id);
  INSERT INTO scenes_fts (rowid, title, description, context, film_id)
  VALUES (new.id, new.title, new.description, new.context, new.film_id);
END;

CREATE TRIGGER annotations_fts_ai AFTER INSERT ON annotations BEGIN
  INSERT INTO annotations_fts (rowid, body, film_id, scene_id, deleted_at)
  VALUES (new.id, new.body, new.film_id, new.scene_id, new.deleted_at);
END;
CREATE TRIGGER annotations_fts_ad AFTER DELETE ON annotations BEGIN
  INSERT INTO annotations_fts (annotations_fts, rowid, body, film_id, scene_id, deleted_at)
  VALUES ('delete', old.id, old.body, old.film_id, old.scene_id, old.deleted_at);
END;
-- Only a changed body touches the index: trashing and restoring are read through deleted_at.
CREATE TRIGGER annotations_fts_au AFTER UPDATE OF body ON annotations BEGIN
  INSERT INTO annotations_fts (annotations_fts, rowid, body, film_id, scene_id, deleted_at)
  VALUES ('delete', old.id, old.body, old.film_id, old.scene_id, old.deleted_at);
  INSERT INTO annotations_fts (rowid, body, film_id, scene_id, deleted_at)
  VALUES (new.id, new.body, new.film_id, new.scene_id, new.deleted_at);
END;

CREATE TRIGGER film_lines_fts_ai AFTER INSERT ON film_lines BEGIN
  INSERT INTO film_lines_fts (rowid, speaker, text, film_id, kind) VALUES (new.id, new.speaker, new.text, new.film_id, new.kind);
END;
CREATE TRIGGER film_lines_fts_ad AFTER DELETE ON film_lines BEGIN
  INSERT INTO film_lines_fts (film_lines_fts, rowid, speaker, text, film_id, kind)
  VALUES ('delete', old.id, old.speaker, old.text, old.film_id, old.kind);
END;
CREATE TRIGGER film_lines_fts_au AFTER UPDATE OF speaker, text ON film_lines BEGIN
  INSERT INTO film_lines_fts (film_lines_fts, rowid, speaker, text, film_id, kind)
  VALUES ('delete', old.id, old.speaker, old.text, old.film_id, old.kind);
  INSERT INTO film_lines_fts (rowid, speaker, text, film_id, kind) VALUES (new.id, new.speaker, new.text, new.film_id, new.kind);
END;

-- A word in a scene's title weighs more than one in its description or context.
INSERT INTO scenes_fts (scenes_fts, rank) VALUES ('rank', 'bm25(10.0, 2.0, 1.0)');
INSERT INTO film_lines_fts (film_lines_fts, rank) VALUES ('rank', 'bm25(2.0, 1.0)');

-- Films imported before this migration are indexed now.
INSERT INTO scenes_fts (scenes_fts) VALUES ('rebuild');
INSERT INTO film_lines_fts (film_lines_fts) VALUES ('rebuild');
