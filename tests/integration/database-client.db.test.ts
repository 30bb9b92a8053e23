import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, PREPARE_MAX_PARAMETERS, rowsOf } from "#db/client";
import { organisations } from "#db/schema/index";

// On PostgreSQL every statement is prepared (one round trip a run instead of two), in transactions
// and savepoints too, and still planned for its own values.
describe.runIf(process.env.DATABASE_URL)("the PostgreSQL client", () => {
  const preparedHere = async (tx: Pick<typeof db, "execute">) =>
    rowsOf<{ statement: string }>(await tx.execute(sql`select statement from pg_prepared_statements`)).map((r) => r.statement);

  it("prepares drizzle's statements, inside transactions and savepoints too", async () => {
    await db.transaction(async (tx) => {
      await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.laCode, "202"));
      expect((await preparedHere(tx)).some((s) => s.includes('"la_code" = $1'))).toBe(true);
      await tx.transaction(async (inner) => {
        const [camden] = await inner.select({ name: organisations.name }).from(organisations).where(eq(organisations.laCode, "202"));
        expect(camden?.name).toBe("Camden");
      });
    });
  });

  it("does not prepare a statement whose text grows with its rows (a batch's insert, a long list), which would be kept for ever", async () => {
    await db.transaction(async (tx) => {
      const many = Array.from({ length: PREPARE_MAX_PARAMETERS + 1 }, (_, i) => `X${i}`);
      await tx.select({ name: organisations.name }).from(organisations).where(inArray(organisations.laCode, many));
      await tx.select({ name: organisations.name }).from(organisations).where(inArray(organisations.laCode, many.slice(0, 3)));
      const prepared = await preparedHere(tx);
      expect(prepared.some((s) => s.includes(`$${PREPARE_MAX_PARAMETERS + 1})`))).toBe(false);
      expect(prepared.some((s) => s.includes('"la_code" in ($1, $2, $3)'))).toBe(true);
    });
  });

  it("plans each run for its own values", async () => {
    const [row] = rowsOf<{ plan_cache_mode: string }>(await db.execute(sql`show plan_cache_mode`));
    expect(row?.plan_cache_mode).toBe("force_custom_plan");
  });
});

// The benchmark's seed loads by COPY: a COPY the server refuses after every row was sent used to
// leave the writable, and the seed awaiting it, waiting for ever (postgres.js patch, decision 009).
describe.runIf(process.env.DATABASE_URL)("COPY through postgres.js", () => {
  it("fails with the server's error when a refused COPY's rows were all sent, instead of waiting for ever", async () => {
    const { default: postgres } = await import("postgres");
    const client = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    try {
      await client`create temp table copy_refused (a int not null)`;
      const copy = await client.unsafe("copy copy_refused (a) from stdin with (format csv, null '\\N')").writable();
      const rows = Array.from({ length: 20_000 }, (_, i) => (i === 5 ? "\\N\n" : `${i}\n`));
      const outcome = Promise.race([
        pipeline(Readable.from(rows), copy).then(() => "finished", (error: Error) => error.message),
        new Promise<string>((resolve) => setTimeout(() => resolve("still waiting after 10 s"), 10_000)),
      ]);
      await expect(outcome).resolves.toMatch(/violates not-null constraint/);
      // The connection is usable afterwards.
      await expect(client`select 1 as one`).resolves.toEqual([{ one: 1 }]);
    } finally {
      await client.end({ timeout: 1 });
    }
  }, 20_000);
});
