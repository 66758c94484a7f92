-- Scenes become spans of film time (milliseconds from the start of the film). Both are nullable: a
-- scene without times works as before, and a start may be set before its end (I, then O, while
-- watching). An end needs a start before it. SQLite checks these on every write, so no path into
-- the library (the contract, a restored archive, a merge) can store a span that ends before it begins.
ALTER TABLE scenes ADD COLUMN start_ms INTEGER CHECK (start_ms >= 0);
ALTER TABLE scenes ADD COLUMN end_ms INTEGER CHECK (end_ms IS NULL OR (start_ms IS NOT NULL AND end_ms > start_ms));
