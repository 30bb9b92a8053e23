import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, rowsOf } from "#db/client";

// The register's searches and the matcher rely on these on both drivers: PostgreSQL's contrib
// extensions, and PGlite's builds of them.
describe("the search extensions", () => {
  it("scores trigram similarity (pg_trgm)", async () => {
    const [row] = rowsOf<{ close: number; far: number }>(
      await db.execute(sql`select similarity('Bennett', 'Benett') as close, similarity('Bennett', 'Okafor') as far`),
    );
    expect(Number(row?.close)).toBeGreaterThan(0.4);
    expect(Number(row?.far)).toBeLessThan(0.1);
  });

  it("gives names that sound alike one code (fuzzystrmatch)", async () => {
    const [row] = rowsOf<{ a: string; b: string; c: string }>(
      await db.execute(sql`select dmetaphone('Smith') as a, dmetaphone('Smyth') as b, dmetaphone('Okafor') as c`),
    );
    expect(row?.a).toBe(row?.b);
    expect(row?.a).not.toBe(row?.c);
  });
});
