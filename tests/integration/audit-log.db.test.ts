import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { writeAuditEvent } from "#app/utils/audit.server";
import { db } from "#db/client";
import { auditEvents } from "#db/schema/index";

async function expectRefused(query: PromiseLike<unknown>, operation: string) {
  const error = await Promise.resolve(query).then(
    () => null,
    (e: unknown) => e as Error & { cause?: Error & { code?: string } },
  );
  expect(error, `${operation} should have been refused`).not.toBeNull();
  const cause: Error & { code?: string } = error!.cause ?? error!;
  expect(cause.message).toBe(`audit_events is append-only: ${operation} is not allowed`);
  expect(cause.code).toBe("42501");
}

describe("the audit log", () => {
  it("accepts new events and refuses UPDATE, DELETE and TRUNCATE", async () => {
    await writeAuditEvent(db, null, "req-1", { action: "user.signed_in", subjectType: "user", subjectId: "u1" });
    await expectRefused(db.update(auditEvents).set({ action: "user.signed_out" }), "UPDATE");
    await expectRefused(db.delete(auditEvents), "DELETE");
    await expectRefused(db.execute(sql`truncate audit_events`), "TRUNCATE");
    const rows = await db.select().from(auditEvents);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: "user.signed_in", subjectId: "u1", requestId: "req-1" });
  });

  it("commits an event with the change it records, and loses it when that change rolls back", async () => {
    await expect(
      db.transaction(async (tx) => {
        await writeAuditEvent(tx, null, "req-2", { action: "user.created", subjectType: "user", subjectId: "rolled-back" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    const rows = await db.select().from(auditEvents).where(sql`${auditEvents.subjectId} = 'rolled-back'`);
    expect(rows).toHaveLength(0);
  });
});
