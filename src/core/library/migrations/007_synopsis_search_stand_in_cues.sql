-- The films' synopses join the search, and the cues of a replaced stand-in are marked (at the end).
--
-- Search covers each film's synopsis. The films table has no film_id column to index as a term (see
-- 004_search_by_film.sql), so, as the cue index does (005_cue_search.sql), the index reads its content
-- from a view that names the film's own id as its film_id. The film id's bm25 weight is 0: it must
-- not move a synopsis hit's rank against the other sources'.
CREATE VIEW film_synopsis_search AS SELECT id, synopsis, id AS film_id FROM films;
CREATE VIRTUAL TABLE films_fts USING fts5 (
  synopsis, film_id,
  content = 'film_synopsis_search', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);
INSERT INTO films_fts (films_fts, rank) VALUES ('rank', 'bm25(1.0, 0.0)');

CREATE TRIGGER films_fts_ai AFTER INSERT ON films BEGIN
  INSERT INTO films_fts (rowid, synopsis, film_id) VALUES (new.id, new.synopsis, new.id);
END;
CREATE TRIGGER films_fts_ad AFTER DELETE ON films BEGIN
  INSERT INTO films_fts (films_fts, rowid, synopsis, film_id) VALUES ('delete', old.id, old.synopsis, old.id);
END;
CREATE TRIGGER films_fts_au AFTER UPDATE OF synopsis ON films BEGIN
  INSERT INTO films_fts (films_fts, rowid, synopsis, film_id) VALUES ('delete', old.id, old.synopsis, old.id);
  INSERT INTO films_fts (rowid, synopsis, film_id) VALUES (new.id, new.synopsis, new.id);
END;

-- Films imported before this migration are indexed now.
INSERT INTO films_fts (films_fts) VALUES ('rebuild');

-- Cues made against a stand-in are timed for its short synthesised piece. When a real recording
-- replaces the stand-in, the track's cues are marked here, in the same transaction, until the person
-- says whether to remove or keep them: a mark on the row (not a note elsewhere) travels with the
-- cue through an archive merge that renumbers it, and the question survives a reload or a restart.
-- Cues made after the replacement are the person's own, and never marked.
ALTER TABLE cues ADD COLUMN timed_for_stand_in INTEGER NOT NULL DEFAULT 0 CHECK (timed_for_stand_in IN (0, 1));
