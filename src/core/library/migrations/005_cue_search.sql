-- Cue labels join the search, as DESIGN.md asks. A cue's film is its track's, so the index reads its
-- content from a view that carries the film id beside the label (the film is a search term, as in
-- 004_search_by_film.sql).
CREATE VIEW cue_search AS SELECT c.id, c.label, t.film_id FROM cues c JOIN tracks t ON t.id = c.track_id;
CREATE VIRTUAL TABLE cues_fts USING fts5 (
  label, film_id,
  content = 'cue_search', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);
INSERT INTO cues_fts (cues_fts, rank) VALUES ('rank', 'bm25(1.0, 0.0)');

CREATE TRIGGER cues_fts_ai AFTER INSERT ON cues BEGIN
  INSERT INTO cues_fts (rowid, label, film_id) SELECT new.id, new.label, film_id FROM tracks WHERE id = new.track_id;
END;
CREATE TRIGGER cues_fts_ad AFTER DELETE ON cues BEGIN
  INSERT INTO cues_fts (cues_fts, rowid, label, film_id) SELECT 'delete', old.id, old.label, film_id FROM tracks WHERE id = old.track_id;
END;
CREATE TRIGGER cues_fts_au AFTER UPDATE OF label, track_id ON cues BEGIN
  INSERT INTO cues_fts (cues_fts, rowid, label, film_id) SELECT 'delete', old.id, old.label, film_id FROM tracks WHERE id = old.track_id;
  INSERT INTO cues_fts (rowid, label, film_id) SELECT new.id, new.label, film_id FROM tracks WHERE id = new.track_id;
END;
-- When a track goes (with its film, say), its cues go by cascade after it, when their track and
-- so their film id can no longer be read: their index entries are removed first, here.
CREATE TRIGGER tracks_cues_fts_bd BEFORE DELETE ON tracks BEGIN
  INSERT INTO cues_fts (cues_fts, rowid, label, film_id) SELECT 'delete', id, label, old.film_id FROM cues WHERE track_id = old.id;
END;

INSERT INTO cues_fts (cues_fts) VALUES ('rebuild');
