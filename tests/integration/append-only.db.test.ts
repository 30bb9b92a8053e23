import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { action as newAction } from "#app/routes/register.new";
import { db } from "#db/client";
import { entryHistory } from "#db/schema/index";
import { call, createUser, requestAs } from "../support/fixtures";
import { validEntryForm } from "../support/register";

// The history tables' triggers refuse even the tables' owner (the one user on PGlite); the app's own
// role lacks the privileges as well (database-roles.db.test.ts, on PostgreSQL).

async function refusal(query: PromiseLike<unknown>): Promise<{ code?: string; message: string }> {
  const error = await Promise.resolve(query).then(
    () => null,
    (e: unknown) => e as Error & { cause?: Error & { code?: string } },
  );
  expect(error, "the statement should have been refused").not.toBeNull();
  const cause = (error!.cause ?? error!) as Error & { code?: string };
  return { code: cause.code, message: cause.message };
}

describe("a child's entry history", () => {
  it("keeps every row: UPDATE, DELETE and TRUNCATE are refused", async () => {
    const officer = await createUser("council_officer", { laCode: "202" });
    const created = await call(newAction, await requestAs(officer, "/register/new", { form: { ...validEntryForm(), intent: "create" } }));
    const childId = /\/register\/([0-9a-f-]{36})/.exec(created.location!)![1]!;
    const before = await db.select().from(entryHistory).where(eq(entryHistory.childId, childId));
    expect(before.length).toBeGreaterThan(0);

    expect(await refusal(db.update(entryHistory).set({ summary: "rewritten" }).where(eq(entryHistory.childId, childId)))).toEqual({ code: "42501", message: "entry_history is append-only: UPDATE is not allowed" });
    expect(await refusal(db.delete(entryHistory).where(eq(entryHistory.childId, childId)))).toEqual({ code: "42501", message: "entry_history is append-only: DELETE is not allowed" });
    expect(await refusal(db.execute(sql`truncate entry_history cascade`))).toEqual({ code: "42501", message: "entry_history is append-only: TRUNCATE is not allowed" });
    expect(await db.select().from(entryHistory).where(eq(entryHistory.childId, childId))).toEqual(before);
  });
});

describe("consent requests", () => {
  it("cannot be truncated (row by row they were already never deleted)", async () => {
    expect(await refusal(db.execute(sql`truncate consent_requests cascade`))).toEqual({ code: "42501", message: "consent requests are never deleted: TRUNCATE is not allowed" });
  });
});
