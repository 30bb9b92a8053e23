import { eq, inArray } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { action as emailsAction, loader as emailsLoader } from "#app/routes/service-admin.emails";
import { env } from "#app/utils/env.server";
import { deliverEmails, EmailSendError, notify, setEmailSender, type EmailMessage } from "#app/utils/notify.server";
import { db } from "#db/client";
import { auditEvents, emailOutbox } from "#db/schema/index";
import { call, createOrganisation, createUser, requestAs } from "../support/fixtures";

const yieldToOthers = async (times: number) => {
  for (let i = 0; i < times; i++) await new Promise((resolve) => setImmediate(resolve));
};

async function queueEmails(n: number, subjectPrefix: string): Promise<string[]> {
  const officer = await createUser("council_officer", { laCode: "202" });
  for (let i = 0; i < n; i++) await notify(db, { userId: officer.id, subject: `${subjectPrefix} ${i}`, body: "x", link: "/inbox" });
  const rows = await db.select({ id: emailOutbox.id }).from(emailOutbox).where(eq(emailOutbox.toUserId, officer.id));
  return rows.map((r) => r.id);
}

const hour = 3_600_000;

describe("the email outbox", () => {
  beforeEach(async () => {
    // Each test's emails only: earlier tests' leftovers are sent or failed out of the way.
    await db.update(emailOutbox).set({ sentAt: new Date() });
  });

  it("sends each of 20 queued emails exactly once when four deliverers run at the same time", async () => {
    const sends: string[] = [];
    setEmailSender({
      name: "test",
      async send(message: EmailMessage) {
        await yieldToOthers(5); // a real send takes a while: the other deliverers run meanwhile
        sends.push(message.subject);
      },
    });
    const ids = await queueEmails(20, "Overlapping");

    const counts = await Promise.all([deliverEmails(), deliverEmails(), deliverEmails(), deliverEmails()]);

    expect(sends).toHaveLength(20);
    expect(new Set(sends).size).toBe(20);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(20);
    const rows = await db.select().from(emailOutbox).where(inArray(emailOutbox.id, ids));
    expect(rows.every((r) => r.sentAt !== null && r.attempts === 1 && r.claimedUntil === null)).toBe(true);
    expect(await deliverEmails()).toBe(0);
  });

  // PostgreSQL only: embedded PGlite runs in this process on its clock, so there is no second clock.
  it.runIf(process.env.DATABASE_URL)("sends an email queued this instant even when the app server's clock is behind the database's", async () => {
    // next_attempt_at is stamped by the database; a JavaScript date drops its microseconds, and an
    // app server on another machine can lag by more. Here the app's clock runs 3 seconds behind.
    const sends: string[] = [];
    setEmailSender({ name: "test", send: async (message: EmailMessage) => void sends.push(message.subject) });
    await queueEmails(1, "Just queued");
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() - 3_000 });
    try {
      expect(await deliverEmails()).toBe(1);
    } finally {
      vi.useRealTimers();
    }
    expect(sends).toEqual(["Just queued 0"]);
  });

  it("retries a temporary failure later, with a longer wait each time, and gives up visibly after the last attempt", async () => {
    let tries = 0;
    setEmailSender({
      name: "test",
      async send() {
        tries += 1;
        throw new EmailSendError("test_451", false);
      },
    });
    const [id] = await queueEmails(1, "Temporary");
    const start = Date.now();

    expect(await deliverEmails({ now: new Date(start) })).toBe(0);
    let [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id!));
    expect(row).toMatchObject({ attempts: 1, sentAt: null, failedAt: null, lastError: "test_451", claimedUntil: null });
    expect(row!.nextAttemptAt.getTime()).toBe(start + 60_000);
    // Not due yet: nothing is tried.
    await deliverEmails({ now: new Date(start + 30_000) });
    expect(tries).toBe(1);

    const max = env().EMAIL_MAX_ATTEMPTS;
    for (let attempt = 2; attempt <= max; attempt++) await deliverEmails({ now: new Date(start + attempt * 2 * hour) });
    expect(tries).toBe(max);
    [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id!));
    expect(row!.failedAt).not.toBeNull();
    expect(row!.attempts).toBe(max);
    await deliverEmails({ now: new Date(start + 100 * hour) });
    expect(tries).toBe(max);
  });

  it("claims again an email whose deliverer stopped mid-send, once its claim has run out", async () => {
    const sends: string[] = [];
    setEmailSender({ name: "test", send: async (m) => void sends.push(m.id) });
    const [id] = await queueEmails(1, "Abandoned");
    const now = new Date();
    await db.update(emailOutbox).set({ claimedUntil: new Date(now.getTime() + 60_000), attempts: 1 }).where(eq(emailOutbox.id, id!));
    expect(await deliverEmails({ now })).toBe(0);
    expect(await deliverEmails({ now: new Date(now.getTime() + 120_000) })).toBe(1);
    expect(sends).toEqual([id]);
  });

  it("stops at once on a permanent failure; the service admin sees it and sends it again", async () => {
    setEmailSender({
      name: "test",
      send: async () => {
        throw new EmailSendError("test_550", true);
      },
    });
    const [id] = await queueEmails(1, "Permanent");
    await deliverEmails();
    const [failed] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id!));
    expect(failed).toMatchObject({ attempts: 1, lastError: "test_550", sentAt: null });
    expect(failed!.failedAt).not.toBeNull();

    const team = await createOrganisation("national_service");
    const admin = await createUser("service_admin", { organisationId: team.id });
    const page = await call(emailsLoader, await requestAs(admin, "/service-admin/emails"));
    expect(page.data.failed).toEqual([expect.objectContaining({ id, subject: "Permanent 0", attempts: 1, lastError: "test_550" })]);

    const sent: string[] = [];
    setEmailSender({ name: "test", send: async (m) => void sent.push(m.id) });
    const retried = await call(emailsAction, await requestAs(admin, "/service-admin/emails", { form: { intent: "retry", emailId: id! } }));
    expect(retried.data).toEqual({ retried: true });
    expect(sent).toEqual([id]);
    const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id!));
    expect(row!.sentAt).not.toBeNull();
    expect(row!.failedAt).toBeNull();
    const events = await db.select().from(auditEvents).where(eq(auditEvents.subjectId, id!));
    expect(events).toEqual([expect.objectContaining({ action: "email.retried", actorUserId: admin.id, subjectType: "email" })]);
    expect((await call(emailsLoader, await requestAs(admin, "/service-admin/emails"))).data.failed).toEqual([]);
    // Sent now, so a second retry changes nothing.
    expect((await call(emailsAction, await requestAs(admin, "/service-admin/emails", { form: { intent: "retry", emailId: id! } }))).status).toBe(409);
  });

  it("is the service admin's page only", async () => {
    const councilAdmin = await createUser("council_admin", { laCode: "202" });
    expect((await call(emailsLoader, await requestAs(councilAdmin, "/service-admin/emails"))).status).toBe(403);
    expect((await call(emailsAction, await requestAs(councilAdmin, "/service-admin/emails", { form: { intent: "retry", emailId: "00000000-0000-0000-0000-000000000000" } }))).status).toBe(403);
  });
});
