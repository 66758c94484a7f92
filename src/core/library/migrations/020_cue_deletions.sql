-- Deleted cues, kept so that a deletion can be undone (issue 12): one row per deletion of one or
-- several cues of a track, holding every row the deletion removed (the cues, their scene links, the
-- notes on them, the tags on both, and whatever later tables hang from a cue by a cascading foreign
-- key) as JSON, in the order they go back in. A cue is deleted for real, not flagged: every list,
-- search and export stays free of it without knowing about deletions. The rows go with their track.
CREATE TABLE cue_deletions (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  track_id   INTEGER NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,
  cue_count  INTEGER NOT NULL CHECK (cue_count > 0),
  -- {"tables": [{"table": "cues", "columns": [...], "rows": [[...], ...]}, ...]}; a BLOB cell is {"blob": "<base64>"}.
  removed    TEXT NOT NULL,
  deleted_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX cue_deletions_track ON cue_deletions (track_id, id);
