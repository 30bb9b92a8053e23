-- btree_gin lets a plain column (la_id) lead a GIN index beside a trigram expression, so the
-- register search reads a word's matches within one council's entries, never every parent's name
-- or address in England (0065). A trusted extension (PostgreSQL 13+), created by the database's
-- owner; PGlite loads its build of it (db/pglite-extensions.ts).
CREATE EXTENSION IF NOT EXISTS btree_gin;
