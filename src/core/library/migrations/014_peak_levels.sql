-- The waveform at several resolutions (issue 12): level 0 is the finest (buckets of about 5 ms), each next
-- level a quarter as many buckets, up to the overview that recordings.peaks holds as before. All are made
-- from the one decode that analyses the recording, and read a range at a time (substr), so neither host
-- nor renderer holds a whole level of a long recording to draw a part of it. A recording attached before
-- this migration has none: its overview is all its waveform has until the file is attached again.
CREATE TABLE peak_levels (
  recording_id       INTEGER NOT NULL REFERENCES recordings (id) ON DELETE CASCADE,
  level              INTEGER NOT NULL CHECK (level >= 0),
  samples_per_bucket INTEGER NOT NULL CHECK (samples_per_bucket > 0),
  buckets            INTEGER NOT NULL CHECK (buckets >= 0),
  -- Interleaved (min, max) int16 pairs, little-endian, one pair per bucket.
  data               BLOB NOT NULL,
  PRIMARY KEY (recording_id, level)
);
