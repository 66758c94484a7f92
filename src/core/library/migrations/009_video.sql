-- The person's own copy of a film, referenced where it lies (a film is gigabytes: never copied).
-- The fingerprint (SHA-256 of the size and 1 MB from the head, middle and tail) tells a moved or
-- changed file from the one attached; the facts are what the container said when it was probed.
CREATE TABLE film_videos (
  film_id       INTEGER PRIMARY KEY REFERENCES films (id) ON DELETE CASCADE,
  path          TEXT NOT NULL,
  byte_size     INTEGER NOT NULL CHECK (byte_size > 0),
  fingerprint   TEXT NOT NULL CHECK (length(fingerprint) = 64),
  container     TEXT NOT NULL,
  mime_type     TEXT NOT NULL,
  video_codec   TEXT NOT NULL,
  duration_ms   INTEGER NOT NULL CHECK (duration_ms > 0),
  frame_rate    REAL NOT NULL CHECK (frame_rate > 0),
  width         INTEGER NOT NULL,
  height        INTEGER NOT NULL,
  -- The audio and subtitle tracks as JSON arrays ({ number, codec, language, ... }): read whole, never queried.
  audio_tracks    TEXT NOT NULL DEFAULT '[]',
  subtitle_tracks TEXT NOT NULL DEFAULT '[]',
  -- Sound Chromium cannot play (AC-3, E-AC-3), converted once into a WAV in the library's media/
  -- folder (named by its SHA-256), and which audio track of the film it was made from.
  converted_audio       TEXT,
  converted_audio_track INTEGER,
  attached_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
