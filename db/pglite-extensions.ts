import { btree_gin } from "@electric-sql/pglite/contrib/btree_gin";
import { fuzzystrmatch } from "@electric-sql/pglite/contrib/fuzzystrmatch";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

/**
 * The PostgreSQL extensions the register's searches and matching use (trigram similarity, phonetic
 * codes, and btree_gin so a council's id leads a trigram index). PostgreSQL ships them in its
 * contrib package; PGlite loads them from its own build, so every PGlite the app or the tests open
 * passes these.
 */
export const pgliteExtensions = { pg_trgm, fuzzystrmatch, btree_gin };
