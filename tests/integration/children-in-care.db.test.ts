import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loader as childLoader } from "#app/routes/register.$childId._index";
import { action as editAction, loader as editLoader } from "#app/routes/register.$childId.edit";
import { action as intentionAction } from "#app/routes/register.$childId.home-education";
import { action as leaveAction } from "#app/routes/register.$childId.leave";
import { action as decideAction, loader as requestLoader } from "#app/routes/consent-requests.$requestId";
import { loader as listLoader } from "#app/routes/virtual-school._index";
import { action as queueItemAction } from "#app/routes/council-queue.$itemId";
import { loader as searchLoader } from "#app/routes/register._index";
import { loader as followedLoader } from "#app/routes/virtual-school.$childId";
import { action as sharingAction } from "#app/routes/register.$childId.share-with-virtual-school";
import { db } from "#db/client";
import { auditEvents, children, consentRequests, councilQueueItems, emailOutbox, entryHistory, inboxMessages } from "#db/schema/index";
import { EMAIL_BODY } from "#app/utils/notify.server";
import { call, createUser, laId, requestAs, type TestUser } from "../support/fixtures";
import { postNewChild, validEntryForm } from "../support/register";
import { createSchools } from "../support/schools";
import { createPlacement } from "#app/data/placements.server";
import { listedProvider, officerOf, placementInput, today } from "../support/placements";

// Issue 26: a child Camden looks after, living with foster carers in Leeds and on Leeds' register.
// Camden's virtual school head and Camden's social worker reach the entry through that recorded
// relationship (the responsible council, the allocation), never by their role alone.

const CAMDEN = "202";
const LEEDS = "383";

const post = (user: TestUser, path: string, form: Record<string, string>) => requestAs(user, path, { form });

async function addChild(officer: TestUser, overrides: Record<string, string>) {
  const outcome = await postNewChild(officer, validEntryForm({ educationStatus: "not_on_roll", homeEducationReason: "", ...overrides }));
  expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
  return /\/register\/([0-9a-f-]{36})/.exec(outcome.location!)![1]!;
}

async function inbox(user: TestUser) {
  return db.select().from(inboxMessages).where(eq(inboxMessages.userId, user.id)).orderBy(desc(inboxMessages.createdAt));
}

async function setup() {
  const leedsOfficer = await createUser("council_officer", { laCode: LEEDS });
  const leedsSocialWorker = await createUser("social_worker", { laCode: LEEDS });
  const camdenHead = await createUser("virtual_school_head", { laCode: CAMDEN });
  const leedsHead = await createUser("virtual_school_head", { laCode: LEEDS });
  const camdenSocialWorker = await createUser("social_worker", { laCode: CAMDEN });
  const camden = await laId(CAMDEN);
  // Looked after by Camden, on Leeds' register; Camden's social worker allocated on the edit form.
  const inCare = await addChild(leedsOfficer, { socialCareStatus: "looked_after", responsibleLaId: camden, atRiskOfHarmFromHome: "yes" });
  const [row] = await db.select().from(children).where(eq(children.id, inCare));
  const edited = await call(
    editAction,
    await post(leedsOfficer, `/register/${inCare}/edit`, { ...validEntryForm({ educationStatus: "not_on_roll", homeEducationReason: "", socialCareStatus: "looked_after", responsibleLaId: camden, atRiskOfHarmFromHome: "yes", firstName: row!.firstName, "dateOfBirth.day": String(Number(row!.dateOfBirth.slice(8))), "dateOfBirth.month": String(Number(row!.dateOfBirth.slice(5, 7))), "dateOfBirth.year": row!.dateOfBirth.slice(0, 4), postcode: row!.postcode, allocatedSocialWorkerId: camdenSocialWorker.id }), version: String(row!.version), intent: "save" }),
    { childId: inCare },
  );
  expect(edited.status, JSON.stringify(edited.data)).toBe(302);
  const notInCare = await addChild(leedsOfficer, { socialCareStatus: "none", allocatedSocialWorkerId: leedsSocialWorker.id, atRiskOfHarmFromHome: "yes" });
  return { leedsOfficer, leedsSocialWorker, camdenHead, leedsHead, camdenSocialWorker, camden, inCare, notInCare };
}

/** The edit form's answers as the browser posts them back. */
async function postedAnswers(officer: TestUser, childId: string): Promise<Record<string, string>> {
  const flat: Record<string, string> = {};
  const flatten = (prefix: string, value: unknown) => {
    if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) flatten(prefix ? `${prefix}.${k}` : k, v);
    else flat[prefix] = String(value ?? "");
  };
  flatten("", (await entryForm(officer, childId)).values);
  return flat;
}

async function entryForm(officer: TestUser, childId: string) {
  const page = await call(editLoader, await requestAs(officer, `/register/${childId}/edit`), { childId });
  expect(page.status).toBe(200);
  return page.data as { values: Record<string, unknown>; councils: { id: string; name: string }[]; socialWorkers: { id: string; name: string }[] };
}

describe("the council responsible for a child in care", () => {
  it("is recorded through the entry writer, shown on the entry, offered on the edit form, and in the entry's history", async () => {
    const s = await setup();
    const [entry] = await db.select().from(children).where(eq(children.id, s.inCare));
    expect(entry).toMatchObject({ responsibleLaId: s.camden, allocatedSocialWorkerId: s.camdenSocialWorker.id });
    const page = await call(childLoader, await requestAs(s.leedsOfficer, `/register/${s.inCare}`), { childId: s.inCare });
    expect(page.data.view.responsibleAuthority).toMatchObject({ label: "Council that looks after the child", value: "Camden" });
    const form = await entryForm(s.leedsOfficer, s.inCare);
    expect(form.values.responsibleLaId).toBe(s.camden);
    expect(form.councils.map((c) => c.id)).toContain(s.camden);
    // The responsible council's social workers are offered, named with their council.
    expect(form.socialWorkers.find((w) => w.id === s.camdenSocialWorker.id)?.name).toMatch(/\(Camden\)$/);
    const [created] = await db.select().from(entryHistory).where(and(eq(entryHistory.childId, s.inCare), eq(entryHistory.kind, "created")));
    expect(created!.changes).toEqual(expect.arrayContaining([expect.objectContaining({ field: "responsibleAuthority", to: "Camden" })]));
  });

  it("refuses a social worker of a council that is not responsible for the child", async () => {
    const s = await setup();
    const otherSocialWorker = await createUser("social_worker", { laCode: "330" });
    const form = { ...(await entryForm(s.leedsOfficer, s.inCare)).values } as Record<string, unknown>;
    const flat: Record<string, string> = {};
    const flatten = (prefix: string, value: unknown) => {
      if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) flatten(prefix ? `${prefix}.${k}` : k, v);
      else flat[prefix] = String(value ?? "");
    };
    flatten("", form);
    const saved = await call(editAction, await post(s.leedsOfficer, `/register/${s.inCare}/edit`, { ...flat, allocatedSocialWorkerId: otherSocialWorker.id, intent: "save" }), { childId: s.inCare });
    expect(saved.status).toBe(400);
    expect(saved.data.errors).toEqual({ allocatedSocialWorkerId: "Select a social worker from the list" });
  });
});

describe("the virtual school head of the responsible council", () => {
  it("sees the child on Leeds' register and none of Leeds' other children; Leeds' head sees neither", async () => {
    const s = await setup();
    const list = await call(listLoader, await requestAs(s.camdenHead, "/virtual-school"));
    expect(list.status).toBe(200);
    const shown = (list.data.categories as { category: string; rows: { id: string; registerCouncil: string; time: { words: string } }[] }[]).flatMap((c) => c.rows.map((r) => ({ ...r, category: c.category })));
    expect(shown.find((r) => r.id === s.inCare)).toMatchObject({ category: "not_on_roll", registerCouncil: "Leeds" });
    expect(shown.map((r) => r.id)).not.toContain(s.notInCare);
    const page = await call(followedLoader, await requestAs(s.camdenHead, `/virtual-school/${s.inCare}`), { childId: s.inCare });
    expect(page.status).toBe(200);
    // Only the education fields: no address, no parents.
    expect(JSON.stringify(page.data)).not.toMatch(/Marchmont|Annabella/);
    expect(page.data.registerCouncil).toBe("Leeds");
    expect((await call(followedLoader, await requestAs(s.camdenHead, `/virtual-school/${s.notInCare}`), { childId: s.notInCare })).status).toBe(404);
    // An entry Leeds has restricted (decision 052) does not leave Leeds' pages.
    await db.update(children).set({ restrictedSince: new Date() }).where(eq(children.id, s.inCare));
    expect((await call(followedLoader, await requestAs(s.camdenHead, `/virtual-school/${s.inCare}`), { childId: s.inCare })).status).toBe(404);
    await db.update(children).set({ restrictedSince: null }).where(eq(children.id, s.inCare));
    expect((await call(followedLoader, await requestAs(s.leedsHead, `/virtual-school/${s.inCare}`), { childId: s.inCare })).status).toBe(404);
    // The role alone reaches no register: the head's permission is the responsible-council scope only.
    expect((await call(childLoader, await requestAs(s.camdenHead, `/register/${s.inCare}`), { childId: s.inCare })).status).toBe(403);
    // The read is in both councils' logs: Camden's (the actor's) naming Leeds as the counterpart.
    const [viewed] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorUserId, s.camdenHead.id), eq(auditEvents.action, "child.viewed"), eq(auditEvents.subjectId, s.inCare)));
    expect(viewed).toMatchObject({ actorOrganisationId: s.camden, counterpartLaId: await laId(LEEDS) });
  });

  it("is told when the child is added, changes status and leaves Leeds' register, by reference only", async () => {
    const s = await setup();
    const added = await inbox(s.camdenHead);
    expect(added.map((m) => m.body)).toEqual(expect.arrayContaining([expect.stringMatching(/^Leeds, child reference [A-Z0-9-]+: Added to the register\.$/)]));
    expect(added.map((m) => m.body).join(" ")).not.toMatch(/Lovelace|Marchmont/);
    expect((await inbox(s.leedsHead)).length).toBe(0);
    const form = (await entryForm(s.leedsOfficer, s.inCare)).values;
    const flat: Record<string, string> = {};
    const flatten = (prefix: string, value: unknown) => {
      if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) flatten(prefix ? `${prefix}.${k}` : k, v);
      else flat[prefix] = String(value ?? "");
    };
    flatten("", form);
    const saved = await call(editAction, await post(s.leedsOfficer, `/register/${s.inCare}/edit`, { ...flat, educationStatus: "unregistered_setting", intent: "save" }), { childId: s.inCare });
    expect(saved.status, JSON.stringify(saved.data)).toBe(302);
    expect((await inbox(s.camdenHead))[0]!.body).toMatch(/: New education status: unregistered setting/);
    // And by email, saying only that there is a message, linking to the child in care's page.
    const emails = await db.select().from(emailOutbox).where(eq(emailOutbox.toUserId, s.camdenHead.id));
    expect(emails.length).toBeGreaterThanOrEqual(2);
    for (const email of emails) expect(email).toMatchObject({ body: EMAIL_BODY, link: `/virtual-school/${s.inCare}` });
    const [row] = await db.select({ version: children.version }).from(children).where(eq(children.id, s.inCare));
    const left = await call(
      leaveAction,
      await post(s.leedsOfficer, `/register/${s.inCare}/leave`, { "dateLeft.day": "20", "dateLeft.month": "11", "dateLeft.year": "2026", version: String(row!.version), reasonLeft: "returned_to_school" }),
      { childId: s.inCare },
    );
    expect(left.status, JSON.stringify(left.data)).toBe(302);
    expect((await inbox(s.camdenHead))[0]!.body).toMatch(/: Left the register\.$/);
    const told = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "virtual_school.told"), eq(auditEvents.subjectId, s.inCare)));
    expect(told.map((e) => e.counterpartLaId)).toEqual([s.camden, s.camden, s.camden]);
  });
});

describe("the parents' details and the virtual school head", () => {
  it("are shown to the head only once the register council shares them, through the entry writer, in both councils' logs", async () => {
    const s = await setup();
    const page = async () => call(followedLoader, await requestAs(s.camdenHead, `/virtual-school/${s.inCare}`), { childId: s.inCare });
    const before = await page();
    expect(before.status).toBe(200);
    expect(before.data.parents).toBeNull();
    expect(JSON.stringify(before.data)).not.toContain("Annabella");

    // Only Leeds (the register council) may change it; Camden's officer finds no such entry.
    const camdenOfficer = await createUser("council_officer", { laCode: CAMDEN });
    expect((await call(sharingAction, await post(camdenOfficer, `/register/${s.inCare}/share-with-virtual-school`, { share: "yes" }), { childId: s.inCare })).status).toBe(404);
    // A child no virtual school head follows has nothing to share.
    expect((await call(sharingAction, await post(s.leedsOfficer, `/register/${s.notInCare}/share-with-virtual-school`, { share: "yes" }), { childId: s.notInCare })).status).toBe(409);
    expect((await call(sharingAction, await post(s.leedsOfficer, `/register/${s.inCare}/share-with-virtual-school`, {}), { childId: s.inCare })).status).toBe(400);

    const shared = await call(sharingAction, await post(s.leedsOfficer, `/register/${s.inCare}/share-with-virtual-school`, { share: "yes" }), { childId: s.inCare });
    expect(shared.status).toBe(302);
    const after = await page();
    expect(after.data.parents).toEqual([expect.objectContaining({ name: "Annabella Byron", relationship: "mother" })]);
    const [history] = await db.select().from(entryHistory).where(and(eq(entryHistory.childId, s.inCare), eq(entryHistory.kind, "parents_sharing_changed")));
    expect(history!.summary).toBe("Parents' and carers' details shared with Camden's virtual school head");
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.subjectId, s.inCare), eq(auditEvents.action, "child.parents_shared")));
    expect(event).toMatchObject({ counterpartLaId: s.camden });

    expect((await call(sharingAction, await post(s.leedsOfficer, `/register/${s.inCare}/share-with-virtual-school`, { share: "no" }), { childId: s.inCare })).status).toBe(302);
    expect((await page()).data.parents).toBeNull();
  });
});

describe("the virtual school head told of a placement", () => {
  it("hears when the child is placed at non-school alternative provision, in the placement's transaction", async () => {
    const s = await setup();
    const provider = await listedProvider({ name: "Care Test Provider" });
    const leeds = await officerOf(LEEDS);
    const placed = await createPlacement(leeds.scope, s.inCare, placementInput(provider.siteId), leeds.actor, today);
    expect(placed.ok, JSON.stringify(placed)).toBe(true);
    expect((await inbox(s.camdenHead))[0]!.body).toMatch(/^Leeds, child reference [A-Z0-9-]+: Placed at non-school alternative provision\.$/);
    // Leeds' other child, not in care, tells nobody.
    const before = (await inbox(s.camdenHead)).length;
    const other = await createPlacement(leeds.scope, s.notInCare, placementInput(provider.siteId), leeds.actor, today);
    expect(other.ok).toBe(true);
    expect((await inbox(s.camdenHead)).length).toBe(before);
  });
});

describe("a social worker of the responsible council", () => {
  it("opens the entry on Leeds' register and decides its consent request, each step in both councils' logs", async () => {
    const s = await setup();
    const page = await call(childLoader, await requestAs(s.camdenSocialWorker, `/register/${s.inCare}`), { childId: s.inCare });
    expect(page.status).toBe(200);
    // Leeds' own entry is not "also registered by Leeds".
    expect(page.data.alsoRegisteredBy).toEqual([]);
    expect((await call(childLoader, await requestAs(s.camdenSocialWorker, `/register/${s.notInCare}`), { childId: s.notInCare })).status).toBe(404);
    const raised = await call(
      intentionAction,
      await post(s.leedsOfficer, `/register/${s.inCare}/home-education`, { notice: "parent_notice", "noticeDate.day": "16", "noticeDate.month": "11", "noticeDate.year": "2026", evidence: "Letter from the foster carer." }),
      { childId: s.inCare },
    );
    expect(raised.status, JSON.stringify(raised.data)).toBeLessThan(400);
    const [request] = await db.select().from(consentRequests).where(and(eq(consentRequests.childId, s.inCare), eq(consentRequests.rule, "exceptional_circumstances")));
    expect(request!.assignedSocialWorkerId).toBe(s.camdenSocialWorker.id);
    const shown = await call(requestLoader, await requestAs(s.camdenSocialWorker, `/consent-requests/${request!.id}`), { requestId: request!.id });
    expect(shown.status).toBe(200);
    const form = { decision: "refuse", bestInterests: "The child is safer seen daily at school.", reasons: "The placement needs a school place.", nextStep: "school_attendance_order" };
    const checked = await call(decideAction, await post(s.camdenSocialWorker, `/consent-requests/${request!.id}`, { ...form, intent: "check" }), { requestId: request!.id });
    expect(checked.status, JSON.stringify(checked.data)).toBe(200);
    const decided = await call(decideAction, await post(s.camdenSocialWorker, `/consent-requests/${request!.id}`, { ...form, intent: "confirm" }), { requestId: request!.id });
    expect(decided.status, JSON.stringify(decided.data)).toBe(302);
    const [after] = await db.select().from(consentRequests).where(eq(consentRequests.id, request!.id));
    expect(after).toMatchObject({ status: "refused", decidedBy: s.camdenSocialWorker.id });
    const leeds = await laId(LEEDS);
    const events = await db.select().from(auditEvents).where(eq(auditEvents.actorUserId, s.camdenSocialWorker.id));
    for (const action of ["child.viewed", "consent.viewed", "consent.refused"] as const) {
      expect(events.find((e) => e.action === action), action).toMatchObject({ actorOrganisationId: s.camden, counterpartLaId: leeds });
    }
    // Leeds' own social worker, not allocated, still cannot see the request.
    expect((await call(requestLoader, await requestAs(s.leedsSocialWorker, `/consent-requests/${request!.id}`), { requestId: request!.id })).status).toBe(404);
  });
});

describe("the named school of a child in care", () => {
  it("is chosen from the schools list by its URN, with the school's name; until then the child is on the head's list of those without one", async () => {
    const s = await setup();
    const [school] = await createSchools([{ "LA (code)": LEEDS, EstablishmentName: "Harehills Academy" }]);
    const without = async () => {
      const list = await call(listLoader, await requestAs(s.camdenHead, "/virtual-school"));
      return (list.data.categories as { rows: { id: string; withoutNamedSchool: boolean }[] }[]).flatMap((c) => c.rows).find((r) => r.id === s.inCare)!.withoutNamedSchool;
    };
    expect(await without()).toBe(true);
    // Leeds' officers have the same list: the register's work-queue line.
    const due = await call(searchLoader, await requestAs(s.leedsOfficer, "/register?due=no_named_school"));
    expect((due.data.rows as { id: string }[]).map((r) => r.id)).toEqual(expect.arrayContaining([s.inCare]));
    expect((due.data.rows as { id: string }[]).map((r) => r.id)).not.toContain(s.notInCare);
    const unknown = await call(editAction, await post(s.leedsOfficer, `/register/${s.inCare}/edit`, { ...(await postedAnswers(s.leedsOfficer, s.inCare)), namedSchoolUrn: "999999", intent: "save" }), { childId: s.inCare });
    expect(unknown.status).toBe(400);
    expect(unknown.data.errors).toEqual({ namedSchoolUrn: "Enter the URN of an open school in England: no open school has this URN" });
    const saved = await call(editAction, await post(s.leedsOfficer, `/register/${s.inCare}/edit`, { ...(await postedAnswers(s.leedsOfficer, s.inCare)), namedSchoolUrn: school!.urn, intent: "save" }), { childId: s.inCare });
    expect(saved.status, JSON.stringify(saved.data)).toBe(302);
    const [row] = await db.select({ namedSchool: children.namedSchool, namedSchoolUrn: children.namedSchoolUrn }).from(children).where(eq(children.id, s.inCare));
    expect(row).toEqual({ namedSchool: "Harehills Academy", namedSchoolUrn: school!.urn });
    expect(await without()).toBe(false);
    const after = await call(searchLoader, await requestAs(s.leedsOfficer, "/register?due=no_named_school"));
    expect((after.data.rows as { id: string }[]).map((r) => r.id)).not.toContain(s.inCare);
    const page = await call(childLoader, await requestAs(s.leedsOfficer, `/register/${s.inCare}`), { childId: s.inCare });
    expect(page.data.view.namedSchool.value).toBe(`Harehills Academy (URN ${school!.urn})`);
  });
});

describe("a child in care who moves", () => {
  it("keeps their responsible council when another council accepts the transfer, and its head is told", async () => {
    const camdenOfficer = await createUser("council_officer", { laCode: CAMDEN });
    const leedsOfficer = await createUser("council_officer", { laCode: LEEDS });
    const camdenHead = await createUser("virtual_school_head", { laCode: CAMDEN });
    const camden = await laId(CAMDEN);
    // Camden's own looked-after child (no other council recorded) moves to a placement in Leeds.
    const id = await addChild(camdenOfficer, { socialCareStatus: "looked_after" });
    const [row] = await db.select({ version: children.version, responsibleLaId: children.responsibleLaId }).from(children).where(eq(children.id, id));
    expect(row!.responsibleLaId).toBeNull();
    const left = await call(
      leaveAction,
      await post(camdenOfficer, `/register/${id}/leave`, { "dateLeft.day": "20", "dateLeft.month": "11", "dateLeft.year": "2026", version: String(row!.version), reasonLeft: "moved_out_of_area", destination: "english_council", destinationLaId: leedsOfficer.organisationId }),
      { childId: id },
    );
    expect(left.status, JSON.stringify(left.data)).toBe(302);
    const [item] = await db.select().from(councilQueueItems).where(and(eq(councilQueueItems.sourceChildId, id), eq(councilQueueItems.kind, "incoming_transfer")));
    const accepted = await call(queueItemAction, await post(leedsOfficer, `/council-queue/${item!.id}`, { decision: "accept" }), { itemId: item!.id });
    expect(accepted.status).toBe(302);
    const leedsId = /\/register\/([0-9a-f-]{36})/.exec(accepted.location!)![1]!;
    const [inLeeds] = await db.select({ responsibleLaId: children.responsibleLaId }).from(children).where(eq(children.id, leedsId));
    expect(inLeeds!.responsibleLaId).toBe(camden);
    const told = (await inbox(camdenHead)).map((m) => m.body);
    expect(told).toEqual(expect.arrayContaining([expect.stringMatching(/^Camden, child reference .*: Left the register\.$/), expect.stringMatching(/^Leeds, child reference .*: Added to the register\.$/)]));
  });
});
