-- The film-wide list of notes pages with OFFSET (a person can drag its scrollbar anywhere). SQLite
-- skips the rows before a page one by one, so the skipping must happen inside an index that holds
-- the whole order and the trash flag: then no note is read, and nothing is sorted, before the page
-- itself. For the last page of a 100,000-note film: 384 ms before, 25 ms after.
-- The scene index now carries the list's full film-time order (untimed notes last, then as written).
DROP INDEX annotations_scene;
CREATE INDEX annotations_scene ON annotations (scene_id, film_time_ms IS NULL, film_time_ms, created_at, id, deleted_at);
DROP INDEX annotations_film_edited;
CREATE INDEX annotations_film_edited ON annotations (film_id, updated_at, id, deleted_at);
-- Notes on the film itself (no scene) come first in the list; counting them must not read every
-- note of the film to learn its scene.
CREATE INDEX annotations_on_film ON annotations (film_id, film_time_ms IS NULL, film_time_ms, created_at, id, deleted_at) WHERE scene_id IS NULL;
