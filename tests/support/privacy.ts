import { and, eq } from "drizzle-orm";
import { recordContact } from "#app/data/contacts.server";
import { takeSuitabilityStep } from "#app/data/suitability.server";
import { recordVisit, sendInformationRequest } from "#app/data/parent-duties.server";
import { askProvider } from "#app/data/provider-requests.server";
import { createPlacement } from "#app/data/placements.server";
import { commissionSchoolPlacement } from "#app/data/school-placements.server";
import { schoolPlacementScope } from "#app/data/school-scope.server";
import { action as queueItemAction } from "#app/routes/council-queue.$itemId";
import { action as decideAction } from "#app/routes/consent-requests.$requestId";
import { action as intentionAction } from "#app/routes/register.$childId.home-education";
import { loader as childLoader } from "#app/routes/register.$childId._index";
import { action as leaveAction } from "#app/routes/register.$childId.leave";
import { action as newAction } from "#app/routes/register.new";
import { action as deletionReturnAction } from "#app/routes/school.returns.new";
import { addDays, type IsoDate } from "#app/domain/dates";
import { db } from "#db/client";
import { children, consentRequests, councilQueueItems, documentContents, documents, schoolReturns, supportRequests } from "#db/schema/index";
import { samplePdf } from "./sample-files";
import { actorFor, sessionUserOf } from "./directory";
import { call, createUser, requestAs, type TestUser } from "./fixtures";
import { listedProvider, officerOf, placementInput, today } from "./placements";
import { freshUpn, validEntryForm } from "./register";
import { createSchools } from "./schools";

const notice = { notice: "parent_notice", "noticeDate.day": "16", "noticeDate.month": "11", "noticeDate.year": "2026", evidence: "Letter from Annabella Byron dated 16 November." };

/**
 * A child in Camden with one of every kind of record the service holds about a child: the entry
 * and its history, two parents, an arrangement, a refused consent request, a placement, a refused
 * placement, a contact (final), a match in Camden's queue with the same child who left Leeds'
 * register with destination unknown, a transfer to Leeds that Leeds declined (so the child is back
 * on Camden's register), the messages those sent Camden's staff, a school's deletion return that
 * Camden's officer matched to the entry, and an officer's view of the entry in the audit log.
 */
async function leave(officer: TestUser, childId: string, form: Record<string, string>) {
  const [child] = await db.select({ version: children.version }).from(children).where(eq(children.id, childId));
  const left = await call(leaveAction, await requestAs(officer, `/register/${childId}/leave`, { form: { "dateLeft.day": "20", "dateLeft.month": "11", "dateLeft.year": "2026", version: String(child!.version), ...form } }), { childId });
  if (left.status !== 302) throw new Error(`could not record the child left: ${JSON.stringify(left.data)}`);
}

export async function childWithEverything(overrides: Record<string, string> = {}) {
  const officer = await officerOf("202");
  const leeds = await officerOf("383");
  const leedsWorker = await createUser("council_officer", { laCode: "383" }, { name: "Lee Decider" });
  const socialWorker = await createUser("social_worker", { laCode: "202" }, { name: "Sam Worker" });
  const upn = freshUpn();
  const form = validEntryForm({ upn });
  // The same child left Leeds' register with destination unknown before Camden added her.
  const inLeeds = await call(newAction, await requestAs(leeds.user, "/register/new", { form: { ...form, postcode: "LS6 2AB", intent: "create" } }));
  if (inLeeds.status !== 302) throw new Error(`could not add the child in Leeds: ${JSON.stringify(inLeeds.data)}`);
  const leedsChildId = /\/register\/([0-9a-f-]{36})/.exec(inLeeds.location!)![1]!;
  await leave(leeds.user, leedsChildId, { reasonLeft: "moved_out_of_area", destination: "not_known" });
  const created = await call(
    newAction,
    await requestAs(officer.user, "/register/new", {
      form: {
        ...form,
        ...({
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
          "parents.1.source": "la_records",
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
  // Recorded two hours ago: past the correction window, so final.
  await recordContact(
    officer.scope,
    childId,
    { contactDate: "2026-11-20", type: "visit", withWhom: "Ada and her mother Annabella", whatHappened: "Visited at home; Ada showed her mathematics notebooks.", outcome: "Education seems suitable", nextAction: "Ask for a sample of work", nextActionDue: addDays(today, 30) as IsoDate },
    officer.actor,
    new Date(Date.now() - 2 * 3_600_000),
  );
  const enquiry = await takeSuitabilityStep(
    officer.scope,
    childId,
    { action: "start_enquiry", stepOn: addDays(today, -5) as IsoDate, reason: "Asked at the visit for a plan of Ada's week", deadline: addDays(today, 20) as IsoDate, schoolUrns: [] },
    officer.actor,
    today,
  );
  if (!enquiry.ok) throw new Error(`could not record the enquiry: ${JSON.stringify(enquiry)}`);
  // Written directly: the child is no longer home educated, so the service would not take a new request.
  await db.insert(supportRequests).values({
    childId,
    laId: officer.user.organisationId,
    requestedOn: addDays(today, -40) as IsoDate,
    requestedBy: "Annabella, Ada's mother",
    kinds: ["exam_entry"],
    details: "Help finding an exam centre for Ada's GCSE mathematics",
    offeredOn: addDays(today, -35) as IsoDate,
    offer: "The list of exam centres near Marchmont Street",
    recordedBy: officer.user.id,
  });
  // The council's request for information to the parents and its visit after registration (decision 073).
  const asked = await sendInformationRequest(officer.scope, childId, { asked: "Please send a sample of Ada's written work." }, officer.actor);
  if (!asked.ok) throw new Error(`could not ask for information: ${asked.why}`);
  const visited = await recordVisit(officer.scope, childId, { offeredOn: "2026-11-10", kind: "visit", meetingOn: "2026-11-20", happened: "yes", outcome: "The visit found a suitable education." }, officer.actor);
  if (!visited.ok) throw new Error(`could not record the visit: ${visited.why}`);
  // A provider asked for information (s436E), not yet answered.
  const askedProvider = await askProvider(officer.scope, childId, { arrangement: 0, providerEmail: `tutor.${childId.slice(0, 8)}@example.com` }, officer.actor);
  if (!askedProvider.ok) throw new Error(`could not ask the provider: ${JSON.stringify(askedProvider)}`);
  // Written directly, as the upload would write it (tests/integration/documents.db.test.ts covers the upload).
  const [document] = await db
    .insert(documents)
    .values({ childId, laId: officer.user.organisationId, kind: "parent_notice", description: "Annabella's notice that she educates Ada at home", fileName: "Ada Lovelace notice.pdf", type: "pdf", sizeBytes: samplePdf().length, sha256: "0".repeat(64), uploadedBy: officer.user.id })
    .returning({ id: documents.id });
  await db.insert(documentContents).values({ documentId: document!.id, bytes: samplePdf("Ada Lovelace, Marchmont Street") });
  const [school] = await createSchools([{ "LA (code)": "202", EstablishmentName: "Everything Test Primary" }]);
  const schoolUser = await createUser("school_staff", { organisationId: school!.organisationId });
  const deletion = await call(
    deletionReturnAction,
    await requestAs(schoolUser, "/school/returns/new", {
      form: {
        ...Object.fromEntries(["firstName", "lastName", "dateOfBirth.day", "dateOfBirth.month", "dateOfBirth.year", "addressLine1", "town", "postcode"].map((k) => [k, form[k]!])),
        upn,
        parentName: "Annabella Byron",
        parentRelationship: "mother",
        parentAtPupilAddress: "yes",
        emergencyPhone: "020 7946 0000",
        ground: "I",
      },
    }),
  );
  if (deletion.status !== 302) throw new Error(`could not send the deletion return: ${JSON.stringify(deletion.data)}`);
  // The school placed the child (its pupil record, by the same UPN) after the council's placement
  // ends, and the check refused a second, full-time one (decision 080's addendum).
  const schoolScope = schoolPlacementScope(sessionUserOf(schoolUser, "school", school!.name));
  const pupil = { firstName: form.firstName!, lastName: form.lastName!, dateOfBirth: `${form["dateOfBirth.year"]}-${form["dateOfBirth.month"]!.padStart(2, "0")}-${form["dateOfBirth.day"]!.padStart(2, "0")}` as IsoDate, upn, pupilLa: "202", lookedAfter: false, hasSen: false };
  const bySchool = await commissionSchoolPlacement(schoolScope, { ...pupil, ...placementInput(provider.siteId, { start: addDays(today, 70) as IsoDate, end: addDays(today, 100) as IsoDate, reason: "Respite from a class she finds overwhelming" }) }, actorFor(schoolUser), today);
  if (!bySchool.ok) throw new Error(`could not place the child by the school: ${JSON.stringify(bySchool)}`);
  const refusedBySchool = await commissionSchoolPlacement(schoolScope, { ...pupil, ...placementInput(provider.siteId, { pattern: { kind: "full_time" }, start: addDays(today, 120) as IsoDate, end: addDays(today, 120 + 7 * 20) as IsoDate }) }, actorFor(schoolUser), today);
  if (refusedBySchool.ok) throw new Error("the school's refused placement was allowed");
  const [sent] = await db.select().from(schoolReturns).where(eq(schoolReturns.schoolId, school!.organisationId));
  const matched = await call(queueItemAction, await requestAs(officer.user, `/council-queue/${sent!.queueItemId}`, { form: { decision: "match", existingChildId: childId } }), { itemId: sent!.queueItemId! });
  if (matched.status !== 302) throw new Error(`could not match the deletion return: ${JSON.stringify(matched.data)}`);
  await call(childLoader, await requestAs(officer.user, `/register/${childId}`), { childId });
  await leave(officer.user, childId, { reasonLeft: "moved_out_of_area", destination: "english_council", destinationLaId: leeds.user.organisationId });
  const [transfer] = await db.select().from(councilQueueItems).where(and(eq(councilQueueItems.sourceChildId, childId), eq(councilQueueItems.kind, "incoming_transfer")));
  const declined = await call(queueItemAction, await requestAs(leedsWorker, `/council-queue/${transfer!.id}`, { form: { decision: "decline", reason: "No child called Ada at 7 Headingley Lane" } }), { itemId: transfer!.id });
  if (declined.status !== 302) throw new Error(`could not decline the transfer: ${JSON.stringify(declined.data)}`);
  return { childId, officer, socialWorker, requestId: request!.id, provider, leedsChildId, leedsWorker, transferId: transfer!.id, schoolReturnId: sent!.id, schoolPlacementId: bySchool.placementId };
}
