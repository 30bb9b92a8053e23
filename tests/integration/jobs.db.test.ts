import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import type PgBoss from "pg-boss";
import { startJobQueue } from "#app/jobs/queue.server";
import { notify, setEmailSender, type EmailMessage } from "#app/utils/notify.server";
import { currentConnection, db } from "#db/client";
import { emailOutbox } from "#db/schema/index";
import { createUser } from "../support/fixtures";

let boss: PgBoss | undefined;
afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true, timeout: 2000 });
});

describe("the job queue", () => {
  it("runs on this database and delivers emails waiting in the outbox", async () => {
    const sent: EmailMessage[] = [];
    setEmailSender({ send: async (message) => void sent.push(message) });
    const officer = await createUser("council_officer", { laCode: "202" });
    await notify(db, { userId: officer.id, subject: "Home education agreed", body: "Agreed.", link: "/x" });

    boss = await startJobQueue(currentConnection(), undefined, 0.5);
    await boss.send("deliver-emails", {});
    for (let i = 0; i < 60 && sent.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 250));

    expect(sent).toEqual([{ to: officer.email, subject: "Home education agreed", body: expect.stringContaining("Sign in to read it") }]);
    const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.toUserId, officer.id));
    expect(row!.sentAt).not.toBeNull();
  });
});
