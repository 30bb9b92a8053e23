import { and, eq } from "drizzle-orm";
import { createPlacement } from "#app/data/placements.server";
import { action as decideAction } from "#app/routes/consent-requests.$requestId";
import { action as intentionAction } from "#app/routes/register.$childId.home-education";
import { loader as childLoader } from "#app/routes/register.$childId._index";
import { action as newAction } from "#app/routes/register.new";
import { addDays, type IsoDate } from "#app/domain/dates";
import { db } from "#db/client";
import { consentRequests } from "#db/schema/index";
import { call, createUser, requestAs } from "./fixtures";
import { listedProvider, officerOf, placementInput, today } from "./placements";
import { validEntryForm } from "./register";

const notice = { notice: "parent_notice", "noticeDate.day": "16", "noticeDate.month": "11", "noticeDate.year": "2026", evidence: "Letter from Annabella Byron dated 16 November." };

/**
 * A child in Camden with one of every kind of record the service holds about a child: the entry
 * and its history, two parents, an arrangement, a refused consent request, a placement, a refused
 * placement, and an officer's view of the entry in the audit log.
 */
export async function childWithEverything(overrides: Record<string, string> = {}) {
  const officer = await officerOf("202");
  const socialWorker = await createUser("social_worker", { laCode: "202" }, { name: "Sam Worker" });
  const created = await call(
    newAction,
    await requestAs(officer.user, "/register/new", {
      form: {
        ...validEntryForm({
          educationStatus: "on_roll_full_absence",
          homeEducationReason: "",
          // The Commissioner's rule (the allocated social worker decides), not s434A (decision 035).
          socialCareStatus: "child_in_need_plan",
          atRiskOfHarmFromHome: "yes",
          allocatedSocialWorkerId: socialWorker.id,
          "parents.1.name": "George Byron",
          "parents.1.relationship": "father",
          "parents.1.hasParentalResponsibility": "yes",
          "parents.1.livesWithChild": "no",
          "parents.1.educatesChild": "no",
          "parents.1.email": "george@example.com",
          "parents.1.addressLine1": "3 Piccadilly Terrace",
          "parents.1.town": "London",
          "parents.1.postcode": "W1J 7NF",
          ...overrides,
        }),
        intent: "create",
      },
    }),
  );
  if (created.status !== 302) throw new Error(`could not add the child: ${JSON.stringify(created.data)}`);
  const childId = /\/register\/([0-9a-f-]{36})/.exec(created.location!)![1]!;
  await call(intentionAction, await requestAs(officer.user, `/register/${childId}/home-education`, { form: notice }), { childId });
  const [request] = await db.select().from(consentRequests).where(and(eq(consentRequests.childId, childId), eq(consentRequests.status, "pending")));
  await call(decideAction, await requestAs(socialWorker, `/consent-requests/${request!.id}`, { form: { decision: "refuse", bestInterests: "The child is safer seen daily at school.", reasons: "The risk at home remains high.", nextStep: "stays_on_roll", intent: "confirm" } }), { requestId: request!.id });
  const provider = await listedProvider();
  const placed = await createPlacement(officer.scope, childId, placementInput(provider.siteId), officer.actor, today);
  if (!placed.ok) throw new Error(`could not place the child: ${JSON.stringify(placed)}`);
  const refused = await createPlacement(officer.scope, childId, placementInput(provider.siteId, { pattern: { kind: "full_time" }, end: addDays(today, 7 + 7 * 20) as IsoDate }), officer.actor, today);
  if (refused.ok) throw new Error("the refused placement was allowed");
  await call(childLoader, await requestAs(officer.user, `/register/${childId}`), { childId });
  return { childId, officer, socialWorker, requestId: request!.id, provider };
}
