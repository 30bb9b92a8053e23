-- Trigram similarity (pg_trgm) and phonetic codes (fuzzystrmatch) for finding the same child
-- however a name is typed: the register search and the one matcher use them through indexes, so
-- neither ever scans the register. Both are trusted extensions (PostgreSQL 13+), so the database's
-- owner creates them; PGlite loads its builds of them (db/pglite-extensions.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;
