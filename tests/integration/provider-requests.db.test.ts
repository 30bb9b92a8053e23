import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loader as childLoader } from "#app/routes/register.$childId._index";
import { action as answerAction, loader as answerLoader } from "#app/routes/provider-answer.$token";
import { action as askAction } from "#app/routes/register.$childId.provider-requests.new";
import { db } from "#db/client";
import { auditEvents, emailOutbox, entryHistory, providerInformationRequests } from "#db/schema/index";
import { call, createUser, requestAs } from "../support/fixtures";
import { postNewChild, validEntryForm } from "../support/register";

// Providers tell the council (s436E, issue 16 item 3, decision 074a).

const idFrom = (location: string | null) => /\/register\/([0-9a-f-]{36})/.exec(location ?? "")![1]!;

async function linkSentTo(email: string): Promise<string> {
  const [sent] = await db.select().from(emailOutbox).where(eq(emailOutbox.toEmail, email)).orderBy(desc(emailOutbox.createdAt)).limit(1);
  return /\/provider-answer\/([a-z2-7]{32})/.exec(sent!.body)![1]!;
}

const ANSWER = {
  educatesChild: "yes",
  providerAddress: "3 Gower Place, London WC1E 6BN",
  online: "no",
  location: "At the child's home",
  hoursPerWeek: "6",
  hoursWithoutParent: "4",
  hoursEstimated: "yes",
  note: "",
  answeredBy: "Mary Somerville",
};

describe("asking a provider for information", () => {
  it("emails a one-time link the provider answers without an account; the answer shows beside the entry with its source; the same provider cannot be asked again within the period", async () => {
    const officer = await createUser("council_officer", { laCode: "202" });
    const id = idFrom((await postNewChild(officer, validEntryForm())).location);
    const email = `tutor${Date.now()}@example.com`;

    const asked = await call(askAction, await requestAs(officer, `/register/${id}/provider-requests/new`, { form: { arrangement: "0", providerEmail: email.toUpperCase() } }), { childId: id });
    expect(asked.status, JSON.stringify(asked.data)).toBe(302);
    const [row] = await db.select().from(providerInformationRequests).where(eq(providerInformationRequests.childId, id));
    expect(row).toMatchObject({ providerName: "Somerville Tutoring", providerEmail: email, answeredAt: null });
    const [history] = await db.select().from(entryHistory).where(and(eq(entryHistory.childId, id), eq(entryHistory.kind, "provider_information")));
    expect(history!.summary).toBe("Asked Somerville Tutoring for the information the register needs (section 436E)");
    const token = await linkSentTo(email);
    expect(row!.tokenHash).not.toContain(token);

    // Again within 3 months: refused, with the day it may ask again.
    const again = await call(askAction, await requestAs(officer, `/register/${id}/provider-requests/new`, { form: { arrangement: "0", providerEmail: email } }), { childId: id });
    expect(again.status).toBe(400);
    expect(again.data.errors.providerEmail).toMatch(/less than 3 months ago: you can ask it again from \d+ \w+ \d{4}/);

    const page = await call(answerLoader, await requestAs(null, `/provider-answer/${token}`), { token });
    expect(page.data).toMatchObject({ state: "open", providerName: "Somerville Tutoring", child: expect.stringContaining("Lovelace") });
    const missing = await call(answerAction, await requestAs(null, `/provider-answer/${token}`, { form: { ...ANSWER, providerAddress: "" } }), { token });
    expect(missing.status).toBe(400);
    expect(missing.data.errors).toEqual({ providerAddress: "Enter your organisation's address" });
    const answered = await call(answerAction, await requestAs(null, `/provider-answer/${token}`, { form: ANSWER }), { token });
    expect(answered.status).toBe(200);
    expect(answered.data).toEqual({ done: true });
    const reused = await call(answerAction, await requestAs(null, `/provider-answer/${token}`, { form: ANSWER }), { token });
    expect(reused.status).toBe(410);
    expect((await call(answerLoader, await requestAs(null, `/provider-answer/${token}`), { token })).data).toEqual({ state: "spent" });

    const child = await call(childLoader, await requestAs(officer, `/register/${id}`), { childId: id });
    const [answer] = child.data.providerAnswers;
    expect(answer.rows).toEqual(
      expect.arrayContaining([
        { key: "Source", value: expect.stringMatching(/^Education provider: answered by Mary Somerville on /) },
        { key: "Provider's address", value: "3 Gower Place, London WC1E 6BN" },
        { key: "Where it teaches", value: "At the child's home" },
        { key: "Hours a week", value: "6 (estimated), 4 with no parent present" },
      ]),
    );
    const events = await db.select().from(auditEvents).where(eq(auditEvents.subjectId, row!.id));
    expect(new Set(events.map((e) => e.action))).toEqual(new Set(["provider_request.sent", "provider_request.opened", "provider_request.answered"]));
    expect(events.find((e) => e.action === "provider_request.answered")!.actorUserId).toBeNull();
  });

  it("refuses a link that is not one, without saying why", async () => {
    expect((await call(answerLoader, await requestAs(null, "/provider-answer/nope"), { token: "nope" })).data).toEqual({ state: "spent" });
    const token = "a".repeat(32);
    expect((await call(answerAction, await requestAs(null, `/provider-answer/${token}`, { form: ANSWER }), { token })).status).toBe(410);
  });
});
