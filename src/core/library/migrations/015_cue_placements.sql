-- Where the score sounds in the film: a cue (a span of its recording's time) placed at a span of film
-- time. A cue may sound several times in a film (a motif returns), so it has any number of placements.
--
-- film_id is the cue's track's film, kept on the row so that the timeline's range queries read one
-- index (film, start) without a join; the triggers below keep it true on every path into the library
-- (the contract, a restored archive, a merge). found_confidence is NULL for a placement made by hand;
-- a placement found by matching the cue's audio in the film's soundtrack carries its confidence (0–1).
CREATE TABLE cue_placements (
  id               INTEGER PRIMARY KEY,
  cue_id           INTEGER NOT NULL REFERENCES cues (id) ON DELETE CASCADE,
  film_id          INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
  start_ms         INTEGER NOT NULL CHECK (start_ms >= 0),
  end_ms           INTEGER NOT NULL CHECK (end_ms >= start_ms),
  found_confidence REAL CHECK (found_confidence IS NULL OR (found_confidence >= 0 AND found_confidence <= 1)),
  created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX cue_placements_cue ON cue_placements (cue_id, start_ms);
CREATE INDEX cue_placements_film_time ON cue_placements (film_id, start_ms);
-- The longest placement of a film, read from an index in one step: a range query asks for starts in
-- [from − longest, to), the only starts whose spans can reach into [from, to).
CREATE INDEX cue_placements_film_length ON cue_placements (film_id, end_ms - start_ms);

CREATE TRIGGER cue_placements_film_ai BEFORE INSERT ON cue_placements
WHEN new.film_id IS NOT (SELECT t.film_id FROM cues c JOIN tracks t ON t.id = c.track_id WHERE c.id = new.cue_id) BEGIN
  SELECT RAISE(ABORT, 'A cue is placed in the film of its own soundtrack');
END;
CREATE TRIGGER cue_placements_film_au BEFORE UPDATE OF cue_id, film_id ON cue_placements
WHEN new.film_id IS NOT (SELECT t.film_id FROM cues c JOIN tracks t ON t.id = c.track_id WHERE c.id = new.cue_id) BEGIN
  SELECT RAISE(ABORT, 'A cue is placed in the film of its own soundtrack');
END;

-- The running time a person types for a film with no video attached (the video's own wins once attached).
ALTER TABLE films ADD COLUMN running_time_ms INTEGER CHECK (running_time_ms IS NULL OR running_time_ms > 0);

-- The same step for the other spans and points of the timeline: scenes' spans, notes' film times
-- (live ones, which are the only ones drawn) and subtitle lines.
CREATE INDEX scenes_film_time ON scenes (film_id, start_ms) WHERE start_ms IS NOT NULL;
CREATE INDEX scenes_film_length ON scenes (film_id, end_ms - start_ms) WHERE start_ms IS NOT NULL;
CREATE INDEX annotations_film_time ON annotations (film_id, film_time_ms) WHERE film_time_ms IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX subtitle_lines_length ON subtitle_lines (track_id, end_ms - start_ms);
