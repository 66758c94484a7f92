-- Search inside one film without ranking the whole library first. 002 kept film_id UNINDEXED, so
-- FTS5 ranked every note that matched a word in any film and only then read each row's film from
-- the content table: a common word in a 100,000-note library cost tens of milliseconds. Indexed,
-- the film id is one more term the match can intersect with ({film_id} : "7" AND {body} : ...),
-- so only the film's own matches are ranked. Its bm25 weight is 0: the film term must not move a
-- row's rank, or hits from the three tables would no longer merge by rank fairly.
--
-- The triggers of 002 keep writing the same columns, so only the tables are rebuilt.
DROP TABLE scenes_fts;
CREATE VIRTUAL TABLE scenes_fts USING fts5 (
  title, description, context, film_id,
  content = 'scenes', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);
INSERT INTO scenes_fts (scenes_fts, rank) VALUES ('rank', 'bm25(10.0, 2.0, 1.0, 0.0)');
INSERT INTO scenes_fts (scenes_fts) VALUES ('rebuild');

DROP TABLE annotations_fts;
CREATE VIRTUAL TABLE annotations_fts USING fts5 (
  body, film_id, scene_id UNINDEXED, deleted_at UNINDEXED,
  content = 'annotations', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);
INSERT INTO annotations_fts (annotations_fts, rank) VALUES ('rank', 'bm25(1.0, 0.0)');
INSERT INTO annotations_fts (annotations_fts) VALUES ('rebuild');

DROP TABLE film_lines_fts;
CREATE VIRTUAL TABLE film_lines_fts USING fts5 (
  speaker, text, film_id, kind UNINDEXED,
  content = 'film_lines', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);
INSERT INTO film_lines_fts (film_lines_fts, rank) VALUES ('rank', 'bm25(2.0, 1.0, 0.0)');
INSERT INTO film_lines_fts (film_lines_fts) VALUES ('rebuild');
