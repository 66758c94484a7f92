-- What a citation needs and a film page does not say: who directed the film, the year it was
-- released and the studio that made it. Added once per film by the person; a film without a row
-- is cited with what its page holds. Directors are kept one per line, in the order they are credited.
CREATE TABLE film_citations (
  film_id    INTEGER PRIMARY KEY REFERENCES films (id) ON DELETE CASCADE,
  directors  TEXT NOT NULL DEFAULT '',
  year       INTEGER CHECK (year IS NULL OR year BETWEEN 1870 AND 2200),
  studio     TEXT,
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
