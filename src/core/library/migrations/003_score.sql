-- The score: one recording per soundtrack entry (track), its cached waveform, and cues on the track.

-- A recording's file lives in the library's media folder, named by its content (sha256 + extension).
-- Replacing the recording of a track keeps the track's cues: cues belong to the music, not the file.
CREATE TABLE recordings (
  id                 INTEGER PRIMARY KEY AUTOINCREMENT,
  track_id           INTEGER NOT NULL UNIQUE REFERENCES tracks (id) ON DELETE CASCADE,
  media_file         TEXT NOT NULL,
  sha256             TEXT NOT NULL,
  original_name      TEXT NOT NULL,
  byte_size          INTEGER NOT NULL CHECK (byte_size > 0),
  mime_type          TEXT NOT NULL,
  container          TEXT NOT NULL,
  codec              TEXT NOT NULL,
  duration_ms        INTEGER NOT NULL CHECK (duration_ms > 0),
  sample_rate        INTEGER NOT NULL,
  channels           INTEGER NOT NULL,
  stand_in           INTEGER NOT NULL DEFAULT 0 CHECK (stand_in IN (0, 1)),
  -- Waveform peaks: interleaved (min, max) int16 pairs, one pair per bucket of samples_per_bucket frames.
  peaks              BLOB NOT NULL,
  samples_per_bucket INTEGER NOT NULL CHECK (samples_per_bucket > 0),
  created_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- A cue is a named range of a track, in milliseconds. A marker is a cue whose start equals its end.
-- Annotations and tags on cues refer to cues(id).
CREATE TABLE cues (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  track_id   INTEGER NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,
  label      TEXT NOT NULL,
  start_ms   INTEGER NOT NULL CHECK (start_ms >= 0),
  end_ms     INTEGER NOT NULL,
  color      TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK (end_ms >= start_ms)
);
CREATE INDEX cues_track ON cues (track_id, start_ms);

CREATE TABLE cue_scenes (
  cue_id   INTEGER NOT NULL REFERENCES cues (id) ON DELETE CASCADE,
  scene_id INTEGER NOT NULL REFERENCES scenes (id) ON DELETE CASCADE,
  PRIMARY KEY (cue_id, scene_id)
);
CREATE INDEX cue_scenes_scene ON cue_scenes (scene_id);

-- Annotations on a cue: the nullable cue_id that 002_annotations.sql left room for, with a real
-- foreign key; tags on a cue are taggings with target_kind 'cue', removed with their cue.
ALTER TABLE annotations ADD COLUMN cue_id INTEGER REFERENCES cues (id) ON DELETE CASCADE;
CREATE INDEX annotations_cue ON annotations (cue_id) WHERE cue_id IS NOT NULL;
CREATE TRIGGER cues_untag AFTER DELETE ON cues BEGIN
  DELETE FROM taggings WHERE target_kind = 'cue' AND target_id = old.id;
END;
