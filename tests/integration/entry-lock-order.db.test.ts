import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { transactionRetries } from "#app/data/transaction.server";
import { action as decideAction } from "#app/routes/consent-requests.$requestId";
import { action as editAction } from "#app/routes/register.$childId.edit";
import { action as intentionAction } from "#app/routes/register.$childId.home-education";
import { db } from "#db/client";
import { children, consentRequests } from "#db/schema/index";
import { serverUrl } from "../support/databases";
import { call, createUser, requestAs, type Outcome } from "../support/fixtures";
import { postNewChild, validEntryForm } from "../support/register";

// Races need a server that runs transactions at the same time: PGlite runs one at a time, so on
// PGlite these would pass whatever the lock order.
describe.skipIf(!serverUrl())("one lock order for everything that touches a child (PostgreSQL)", () => {
  it("a consent decision and an edit reallocating the social worker, at once, 20 times: no deadlock, no 500", async () => {
    const officer = await createUser("council_officer", { laCode: "202" });
    const socialWorker = await createUser("social_worker", { laCode: "202" });
    const newWorker = await createUser("social_worker", { laCode: "202" });
    const form = (allocatedSocialWorkerId: string) =>
      validEntryForm({ educationStatus: "on_roll_full_absence", homeEducationReason: "", atRiskOfHarmFromHome: "yes", allocatedSocialWorkerId });
    const deadlocksBefore = transactionRetries()["40P01"] ?? 0;
    const failures: string[] = [];
    const outcomes: [number, number][] = [];
    for (let round = 0; round < 20; round++) {
      const created = await postNewChild(officer, form(socialWorker.id));
      const childId = /\/register\/([0-9a-f-]{36})/.exec(created.location!)![1]!;
      const notice = { notice: "parent_notice", "noticeDate.day": "16", "noticeDate.month": "11", "noticeDate.year": "2026", evidence: "Letter." };
      expect((await call(intentionAction, await requestAs(officer, `/register/${childId}/home-education`, { form: notice }), { childId })).status).toBe(302);
      const [request] = await db.select().from(consentRequests).where(and(eq(consentRequests.childId, childId), eq(consentRequests.status, "pending")));
      const [child] = await db.select().from(children).where(eq(children.id, childId));
      const decide = await requestAs(socialWorker, `/consent-requests/${request!.id}`, { form: { decision: "agree", statement: "Exceptional circumstances.", bestInterests: "Safe at home now.", intent: "confirm" } });
      const edit = await requestAs(officer, `/register/${childId}/edit`, { form: { ...form(newWorker.id), version: String(child!.version) } });
      const status = (outcome: Promise<Outcome>) =>
        outcome.then(
          (o) => o.status,
          (error: unknown) => {
            failures.push(String((error as { cause?: { code?: string } }).cause?.code ?? error));
            return 500;
          },
        );
      outcomes.push(await Promise.all([status(call(decideAction, decide, { requestId: request!.id })), status(call(editAction, edit, { childId }))]));
    }
    expect(failures).toEqual([]);
    // Not even one deadlock broken and retried: the lock order, not the retry, keeps them apart.
    expect((transactionRetries()["40P01"] ?? 0) - deadlocksBefore).toBe(0);
    // Whichever commits first wins: the decision (then the edit started from an older version and
    // is refused, answers kept), or the reallocation (then the request is no longer the first
    // social worker's to decide).
    for (const pair of outcomes) expect([[302, 409], [404, 302]]).toContainEqual(pair);
  });
});
