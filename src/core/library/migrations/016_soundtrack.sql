-- The film's soundtrack analysed once for the cue finder (src/core/soundtrack): its constellation of
-- spectral peaks, each packed in 32 bits (frame × 256 + bin, 32-ms frames at 8 kHz), about 0.6 MB an
-- hour. A cache: kept while the attached file has the same fingerprint and the features their version;
-- analysing again replaces it.
CREATE TABLE soundtrack_features (
  film_id      INTEGER PRIMARY KEY REFERENCES films (id) ON DELETE CASCADE,
  fingerprint  TEXT NOT NULL,
  -- Which sound was analysed: 'converted' (the AC-3 conversion's WAV) or 'track N'.
  sound        TEXT NOT NULL,
  version      INTEGER NOT NULL,
  frames       INTEGER NOT NULL CHECK (frames >= 0),
  peaks        BLOB NOT NULL,
  analysed_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- A candidate the person heard and rejected: the cue at this alignment (film time of the cue's own
-- time 0) is not offered again.
CREATE TABLE rejected_cue_candidates (
  id          INTEGER PRIMARY KEY,
  cue_id      INTEGER NOT NULL REFERENCES cues (id) ON DELETE CASCADE,
  aligned_ms  INTEGER NOT NULL,
  rejected_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (cue_id, aligned_ms)
);
