-- Subtitles at film time, and film time for the film page's own dialogue and quote lines.
--
-- A subtitle file imported for a film is one track (its file name names it); its lines are spans of
-- film time, read in order of their start for the line under the picture.
CREATE TABLE subtitle_tracks (
  id         INTEGER PRIMARY KEY,
  film_id    INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX subtitle_tracks_film ON subtitle_tracks (film_id);

CREATE TABLE subtitle_lines (
  id       INTEGER PRIMARY KEY,
  track_id INTEGER NOT NULL REFERENCES subtitle_tracks (id) ON DELETE CASCADE,
  start_ms INTEGER NOT NULL CHECK (start_ms >= 0),
  end_ms   INTEGER NOT NULL CHECK (end_ms >= start_ms),
  text     TEXT NOT NULL
);
CREATE INDEX subtitle_lines_time ON subtitle_lines (track_id, start_ms);

-- Subtitle lines join the search. As for cues (005_cue_search.sql), a line's film is its track's, so
-- the index reads from a view carrying the film id, a term of its own with bm25 weight 0.
CREATE VIEW subtitle_search AS SELECT l.id, l.text, t.film_id FROM subtitle_lines l JOIN subtitle_tracks t ON t.id = l.track_id;
CREATE VIRTUAL TABLE subtitle_lines_fts USING fts5 (
  text, film_id,
  content = 'subtitle_search', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);
INSERT INTO subtitle_lines_fts (subtitle_lines_fts, rank) VALUES ('rank', 'bm25(1.0, 0.0)');

CREATE TRIGGER subtitle_lines_fts_ai AFTER INSERT ON subtitle_lines BEGIN
  INSERT INTO subtitle_lines_fts (rowid, text, film_id) SELECT new.id, new.text, film_id FROM subtitle_tracks WHERE id = new.track_id;
END;
CREATE TRIGGER subtitle_lines_fts_ad AFTER DELETE ON subtitle_lines BEGIN
  INSERT INTO subtitle_lines_fts (subtitle_lines_fts, rowid, text, film_id)
    SELECT 'delete', old.id, old.text, film_id FROM subtitle_tracks WHERE id = old.track_id;
END;
CREATE TRIGGER subtitle_lines_fts_au AFTER UPDATE OF text, track_id ON subtitle_lines BEGIN
  INSERT INTO subtitle_lines_fts (subtitle_lines_fts, rowid, text, film_id)
    SELECT 'delete', old.id, old.text, film_id FROM subtitle_tracks WHERE id = old.track_id;
  INSERT INTO subtitle_lines_fts (rowid, text, film_id) SELECT new.id, new.text, film_id FROM subtitle_tracks WHERE id = new.track_id;
END;
-- A track's lines go by cascade after the track, when their film id can no longer be read: their
-- index entries are removed first, here.
CREATE TRIGGER subtitle_tracks_fts_bd BEFORE DELETE ON subtitle_tracks BEGIN
  INSERT INTO subtitle_lines_fts (subtitle_lines_fts, rowid, text, film_id)
    SELECT 'delete', id, text, old.film_id FROM subtitle_lines WHERE track_id = old.id;
END;

-- A dialogue or quote line of the film page may be placed in the film (from a subtitle line, or typed).
ALTER TABLE film_lines ADD COLUMN film_time_ms INTEGER CHECK (film_time_ms >= 0);
