-- Cues name their colour as tags do, `colour`, and hold it in the same form: #rrggbb, lower-case.
--
-- Renaming a column rewrites what refers to it; nothing does today (the cue search view and its
-- triggers read the label and the track, the index reads the track and the start).
ALTER TABLE cues RENAME COLUMN color TO colour;

-- Colours the contract let in before it lower-cased them (#D1495B) are the same colour lower-cased.
-- Anything else can only have come from a hand-edited backup; the column is NOT NULL, so such a cue
-- takes the first colour of the cue palette (CUE_COLOURS in src/shared/score.ts) rather than none.
UPDATE cues SET colour = lower(colour) WHERE lower(colour) GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]';
UPDATE cues SET colour = '#d1495b' WHERE colour NOT GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]';

-- The check tags have as a CHECK constraint (002_annotations.sql), here as triggers: SQLite cannot
-- add a CHECK to an existing table without rebuilding it, and rebuilding cues would mean rebuilding
-- what points at it (notes, scene links, the search view and triggers) for the same guarantee.
CREATE TRIGGER cues_colour_checked_ai BEFORE INSERT ON cues
WHEN new.colour NOT GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]' BEGIN
  SELECT RAISE(ABORT, 'A cue colour is written #rrggbb, in lower case');
END;
CREATE TRIGGER cues_colour_checked_au BEFORE UPDATE OF colour ON cues
WHEN new.colour NOT GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]' BEGIN
  SELECT RAISE(ABORT, 'A cue colour is written #rrggbb, in lower case');
END;
