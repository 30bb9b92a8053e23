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

  it("lets a council's id lead a trigram index (btree_gin), and the index finds a word within the council", async () => {
    const plan = await db.transaction(async (tx) => {
      await tx.execute(sql`create temporary table words_by_council (la_id uuid not null, word text not null) on commit drop`);
      await tx.execute(sql`create index on words_by_council using gin (la_id, lower(word) gin_trgm_ops)`);
      await tx.execute(sql`insert into words_by_council values ('00000000-0000-4000-8000-000000000001', 'Bennett'), ('00000000-0000-4000-8000-000000000002', 'Bennett')`);
      await tx.execute(sql`set local enable_seqscan = off`);
      const found = rowsOf<{ n: number }>(
        await tx.execute(sql`select count(*)::int as n from words_by_council where la_id = '00000000-0000-4000-8000-000000000001' and lower(word) like '%enne%'`),
      );
      expect(found[0]?.n).toBe(1);
      return JSON.stringify(rowsOf(await tx.execute(sql`explain (format json) select 1 from words_by_council where la_id = '00000000-0000-4000-8000-000000000001' and lower(word) like '%enne%'`)));
    });
    expect(plan).toContain("Bitmap Index Scan");
  });
});
