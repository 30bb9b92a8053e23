import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, sqlStateOf, transaction, transactionRetries } from "#app/data/transaction.server";
import { db } from "#db/client";
import { organisations } from "#db/schema/index";
import { serverUrl } from "../support/databases";
import { createOrganisation } from "../support/fixtures";

function failure(code: string) {
  // As drizzle throws it: the driver's error as the cause of its own.
  return Object.assign(new Error("Failed query"), { cause: Object.assign(new Error("driver"), { code }) });
}

describe("the transaction helper", () => {
  it("runs again after a serialization failure or a deadlock, keeping only the attempt that committed", async () => {
    for (const code of ["40001", "40P01"]) {
      const org = await createOrganisation("provider", "Before");
      const before = transactionRetries()[code] ?? 0;
      let attempts = 0;
      await transaction("test.retry", async (tx) => {
        attempts += 1;
        await tx.update(organisations).set({ name: `Attempt ${attempts}` }).where(eq(organisations.id, org.id));
        if (attempts < 3) throw failure(code);
      });
      expect(attempts).toBe(3);
      expect((transactionRetries()[code] ?? 0) - before).toBe(2);
      const [row] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, org.id));
      expect(row!.name).toBe("Attempt 3");
    }
  });

  it("gives up after a bounded number of attempts, and never retries other errors", async () => {
    let attempts = 0;
    await expect(transaction("test.give-up", async () => { attempts += 1; throw failure("40P01"); })).rejects.toThrow("Failed query");
    expect(attempts).toBe(MAX_ATTEMPTS);
    attempts = 0;
    await expect(transaction("test.unique", async () => { attempts += 1; throw failure("23505"); })).rejects.toThrow("Failed query");
    expect(attempts).toBe(1);
  });

  it("reads the SQLSTATE through drizzle's wrapping and nothing else", () => {
    expect(sqlStateOf(failure("40P01"))).toBe("40P01");
    expect(sqlStateOf(new Error("plain"))).toBeUndefined();
    expect(sqlStateOf({ code: "ECONNRESET" })).toBeUndefined();
  });
});

describe.skipIf(!serverUrl())("a real deadlock (PostgreSQL)", () => {
  it("is broken by PostgreSQL, retried, and both transactions commit", async () => {
    const a = await createOrganisation("provider", "A");
    const b = await createOrganisation("provider", "B");
    const before = transactionRetries()["40P01"] ?? 0;
    // Each locks one row, waits until the other has its row, then asks for the other's: the
    // wrong-way-round order the lock order forbids, on purpose.
    let locked = 0;
    let release!: () => void;
    const bothLocked = new Promise<void>((resolve) => (release = resolve));
    const crosswise = (first: string, second: string) =>
      transaction("test.deadlock", async (tx) => {
        await tx.execute(sql`select 1 from ${organisations} where ${organisations.id} = ${first} for update`);
        if (++locked === 2) release();
        await bothLocked;
        await tx.execute(sql`select 1 from ${organisations} where ${organisations.id} = ${second} for update`);
      });
    await Promise.all([crosswise(a.id, b.id), crosswise(b.id, a.id)]);
    expect((transactionRetries()["40P01"] ?? 0) - before).toBe(1);
  });
});
