-- Frames grabbed from the person's film: the image is kept in the library's media/ folder under its
-- SHA-256 (`<sha256>.png`), so the same frame grabbed twice is one file, and a note refers to it as
-- `frames/<sha256>.png`, the very path it has beside an exported study.
CREATE TABLE frame_grabs (
  id         INTEGER PRIMARY KEY,
  film_id    INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
  time_ms    INTEGER NOT NULL CHECK (time_ms >= 0),
  sha256     TEXT NOT NULL CHECK (length(sha256) = 64),
  width      INTEGER NOT NULL CHECK (width > 0),
  height     INTEGER NOT NULL CHECK (height > 0),
  byte_size  INTEGER NOT NULL CHECK (byte_size > 0),
  -- How the grab is cited: *The Red Shoes* (1948), 01:23:45.
  citation   TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (film_id, sha256)
);
CREATE INDEX frame_grabs_sha256 ON frame_grabs (sha256);
