import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import type PgBoss from "pg-boss";
import { JOBS, type JobDefinition } from "#app/jobs/jobs.server";
import { startJobQueue } from "#app/jobs/queue.server";
import { notify, setEmailSender, type EmailMessage } from "#app/utils/notify.server";
import { currentConnection, db } from "#db/client";
import { consentRequests, emailOutbox, inboxMessages } from "#db/schema/index";
import { action as intentionAction } from "#app/routes/register.$childId.home-education";
import { call, createUser, requestAs } from "../support/fixtures";
import { validEntryForm, postNewChild } from "../support/register";

// The real jobs, each telling the test when a run that began after it asked has finished, so the
// test waits for the queue to have done the work rather than polling the database on a clock.
const waiting = new Map<string, (() => void)[]>();
const watched: JobDefinition[] = JOBS.map((job) => ({
  ...job,
  run: async () => {
    const toTell = waiting.get(job.name)?.splice(0) ?? [];
    try {
      return await job.run();
    } finally {
      for (const tell of toTell) tell();
    }
  },
}));

/** Puts a job on the queue and resolves once a worker has run it to the end. */
async function runNow(name: string): Promise<void> {
  const done = new Promise<void>((resolve) => waiting.set(name, [...(waiting.get(name) ?? []), resolve]));
  await (await queue()).send(name, {});
  await done;
}

let boss: PgBoss | undefined;
async function queue(): Promise<PgBoss> {
  boss ??= await startJobQueue(currentConnection(), watched, 0.5);
  return boss;
}
afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true, timeout: 2000 });
});

describe("the job queue", () => {
  it("runs on this database and delivers emails waiting in the outbox", async () => {
    const sent: EmailMessage[] = [];
    setEmailSender({ name: "test", send: async (message) => void sent.push(message) });
    const officer = await createUser("council_officer", { laCode: "202" });
    await notify(db, { userId: officer.id, subject: "Home education agreed", body: "Agreed.", link: "/x" });

    await runNow("deliver-emails");

    expect(sent).toEqual([{ id: expect.any(String), to: officer.email, subject: "Home education agreed", body: expect.stringContaining("Sign in to read it"), link: "http://localhost:3000/x" }]);
    const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.toUserId, officer.id));
    expect(row!.sentAt).not.toBeNull();
  });

  it("reminds the social worker about a consent request that has become overdue", async () => {
    const officer = await createUser("council_officer", { laCode: "202" });
    const socialWorker = await createUser("social_worker", { laCode: "202" });
    // The Commissioner's rule: the social worker decides, so the reminder is theirs.
    const entry = validEntryForm({ educationStatus: "on_roll_full_absence", homeEducationReason: "", atRiskOfHarmFromHome: "yes", allocatedSocialWorkerId: socialWorker.id });
    const created = await postNewChild(officer, entry);
    const childId = /\/register\/([0-9a-f-]{36})/.exec(created.location!)![1]!;
    const notice = { notice: "parent_notice", "noticeDate.day": "2", "noticeDate.month": "11", "noticeDate.year": "2026", evidence: "Letter." };
    await call(intentionAction, await requestAs(officer, `/register/${childId}/home-education`, { form: notice }), { childId });
    await db
      .update(consentRequests)
      .set({ raisedAt: new Date(Date.now() - 60 * 86_400_000), decideBy: new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10) })
      .where(eq(consentRequests.childId, childId));

    await runNow("remind-overdue-consent-requests");
    const overdue = and(eq(inboxMessages.userId, socialWorker.id), eq(inboxMessages.subject, "A home-education request waiting for your decision is overdue"));
    expect(await db.select().from(inboxMessages).where(overdue)).toHaveLength(1);
  });
});
