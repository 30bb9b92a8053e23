import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { action as decideAction, loader as requestLoader } from "#app/routes/consent-requests.$requestId";
import { action as intentionAction } from "#app/routes/register.$childId.home-education";
import { db } from "#db/client";
import { consentRequests } from "#db/schema/index";
import { call, createUser, requestAs, type TestUser } from "../support/fixtures";
import { validEntryForm, postNewChild } from "../support/register";

const notice = { notice: "parent_notice", "noticeDate.day": "16", "noticeDate.month": "11", "noticeDate.year": "2026", evidence: "Letter from the parent." };

async function requestFor(officer: TestUser, socialWorker: TestUser) {
  const created = await postNewChild(officer, validEntryForm({ educationStatus: "on_roll_full_absence", homeEducationReason: "", atRiskOfHarmFromHome: "yes", allocatedSocialWorkerId: socialWorker.id }));
  const childId = /\/register\/([0-9a-f-]{36})/.exec(created.location!)![1]!;
  await call(intentionAction, await requestAs(officer, `/register/${childId}/home-education`, { form: notice }), { childId });
  const [request] = await db.select().from(consentRequests).where(and(eq(consentRequests.childId, childId), eq(consentRequests.status, "pending")));
  return request!.id;
}

describe("authorise first, then look at state", () => {
  it("a social worker not allocated to the child gets 404 on a consent request, pending or decided, whatever they post", async () => {
    const officer = await createUser("council_officer", { laCode: "202" });
    const allocated = await createUser("social_worker", { laCode: "202" });
    const other = await createUser("social_worker", { laCode: "202" });
    const requestId = await requestFor(officer, allocated);
    const asOther = async () => ({
      view: (await call(requestLoader, await requestAs(other, `/consent-requests/${requestId}`), { requestId })).status,
      decide: (await call(decideAction, await requestAs(other, `/consent-requests/${requestId}`, { form: { decision: "refuse", reasons: "No." } }), { requestId })).status,
      invalid: (await call(decideAction, await requestAs(other, `/consent-requests/${requestId}`, { form: { decision: "agree" } }), { requestId })).status,
    });
    const whilePending = await asOther();
    expect((await call(decideAction, await requestAs(allocated, `/consent-requests/${requestId}`, { form: { decision: "agree", statement: "Exceptional.", bestInterests: "Safe now.", intent: "confirm" } }), { requestId })).status).toBe(302);
    const onceDecided = await asOther();
    expect(whilePending).toEqual({ view: 404, decide: 404, invalid: 404 });
    expect(onceDecided).toEqual(whilePending);
    // The allocated social worker, who may see it, is told it is decided.
    expect((await call(decideAction, await requestAs(allocated, `/consent-requests/${requestId}`, { form: { decision: "refuse", reasons: "Again.", nextStep: "stays_on_roll", bestInterests: "Safe now.", intent: "confirm" } }), { requestId })).status).toBe(409);
  });
});
