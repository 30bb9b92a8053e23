import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createPlacement, providerPlacements, updatePlacementLimits } from "#app/data/placements.server";
import { commissionSchoolPlacement, endSchoolPlacementEarly, placementsOfSchool, schoolPlacementsForCouncil } from "#app/data/school-placements.server";
import { schoolPlacementScope } from "#app/data/school-scope.server";
import { addDays, type IsoDate } from "#app/domain/dates";
import type { SchoolPlacementInput } from "#app/forms/placement";
import { action as newPlacementAction, loader as newPlacementLoader } from "#app/routes/school.placements.new";
import { loader as councilPlacementsLoader } from "#app/routes/placements._index";
import { loader as councilRefusalsLoader } from "#app/routes/placements.refusals";
import { decide, decideChangeRequest } from "#app/data/review.server";
import { saveSection } from "#app/data/application.server";
import { loader as decisionLoader } from "#app/routes/review.$listingId.$decision";
import { loader as schoolPlacementsLoader } from "#app/routes/school.placements._index";
import { DEFAULT_PLACEMENT_LIMITS } from "#app/domain/placement-check";
import { db } from "#db/client";
import { auditEvents, changeRequests, inboxMessages, listingSites, schoolPlacementRefusals, schoolPlacements } from "#db/schema/index";
import { actorFor, providerInState, sessionUserOf } from "../support/directory";
import { call, createUser, requestAs, type TestUser } from "../support/fixtures";
import { childOn, listedProvider, officerOf, placementInput, today } from "../support/placements";
import { freshUpn } from "../support/register";
import { createSchools, type TestSchool } from "../support/schools";

let camdenSchool: TestSchool, leedsSchool: TestSchool;
let camdenStaff: TestUser, leedsStaff: TestUser;

beforeAll(async () => {
  [camdenSchool, leedsSchool] = (await createSchools([
    { "LA (code)": "202", EstablishmentName: "Placements Test High" },
    { "LA (code)": "383", EstablishmentName: "Placements Test Leeds Academy" },
  ])) as [TestSchool, TestSchool];
  camdenStaff = await createUser("school_staff", { organisationId: camdenSchool.organisationId });
  leedsStaff = await createUser("school_staff", { organisationId: leedsSchool.organisationId });
});

const scopeOf = (user: TestUser, school: TestSchool) => schoolPlacementScope(sessionUserOf(user, "school", school.name));

function pupilPlacement(siteId: string, overrides: Partial<SchoolPlacementInput> = {}): SchoolPlacementInput {
  return {
    firstName: "Grace",
    lastName: "Hopper",
    // 13 on the day: inside the test provider's 11 to 16.
    dateOfBirth: addDays(today, -(13 * 365 + 100)),
    upn: freshUpn("202"),
    pupilLa: "202",
    lookedAfter: false,
    hasSen: false,
    ...placementInput(siteId),
    ...overrides,
  };
}

const codesOf = (outcome: Awaited<ReturnType<typeof commissionSchoolPlacement>>) => (outcome.ok || outcome.kind !== "refused" ? [] : outcome.reasons.filter((r) => r.severity === "refusal").map((r) => r.code));

describe("a school commissioning a placement", () => {
  it("writes the placement for the pupil's council with its audit event, which names no pupil", async () => {
    const provider = await listedProvider();
    const outcome = await commissionSchoolPlacement(scopeOf(camdenStaff, camdenSchool), pupilPlacement(provider.siteId), actorFor(camdenStaff), today);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    const [row] = await db.select().from(schoolPlacements).where(eq(schoolPlacements.id, outcome.placementId));
    expect(row).toMatchObject({ schoolId: camdenSchool.organisationId, laId: camdenSchool.laId, providerId: provider.organisation.id, listingId: provider.listingId, pattern: "part_time", daysPerWeek: 2 });
    const [audit] = await db.select().from(auditEvents).where(and(eq(auditEvents.subjectId, outcome.placementId), eq(auditEvents.action, "school_placement.created")));
    expect(audit).toMatchObject({ counterpartLaId: camdenSchool.laId, actorUserId: camdenStaff.id });
    expect(JSON.stringify(audit!.details)).not.toMatch(/Grace|Hopper/);
  });

  it("is seen by the pupil's council and the school, and by no other council or school", async () => {
    const provider = await listedProvider();
    const outcome = await commissionSchoolPlacement(scopeOf(leedsStaff, leedsSchool), pupilPlacement(provider.siteId, { pupilLa: "202", upn: freshUpn("383") }), actorFor(leedsStaff), today);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    const camden = await officerOf("202");
    const leeds = await officerOf("383");
    const camdenRows = await schoolPlacementsForCouncil(camden.scope, "all", today, camden.actor);
    expect(camdenRows.find((r) => r.id === outcome.placementId)).toMatchObject({ schoolName: leedsSchool.name, urn: leedsSchool.urn, firstName: "Grace" });
    // Leeds is the school's council, not the pupil's: it does not see the placement.
    expect((await schoolPlacementsForCouncil(leeds.scope, "all", today, leeds.actor)).map((r) => r.id)).not.toContain(outcome.placementId);
    expect((await placementsOfSchool(scopeOf(leedsStaff, leedsSchool), "all", today, actorFor(leedsStaff))).map((r) => r.id)).toContain(outcome.placementId);
    expect((await placementsOfSchool(scopeOf(camdenStaff, camdenSchool), "all", today, actorFor(camdenStaff))).map((r) => r.id)).not.toContain(outcome.placementId);
    // Another school cannot end it: it is not found.
    await expect(endSchoolPlacementEarly(scopeOf(camdenStaff, camdenSchool), outcome.placementId, 1, { endDate: addDays(today, 10), reason: "Not ours" }, actorFor(camdenStaff))).rejects.toMatchObject({ init: { status: 404 } });
    // The reads are audited.
    expect(await db.select().from(auditEvents).where(and(eq(auditEvents.actorUserId, camden.user.id), eq(auditEvents.action, "school_placements.listed")))).toHaveLength(1);
  });

  it("shows the provider the school, with its URN, as commissioner", async () => {
    const provider = await listedProvider();
    const outcome = await commissionSchoolPlacement(scopeOf(camdenStaff, camdenSchool), pupilPlacement(provider.siteId), actorFor(camdenStaff), today);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    const rows = await providerPlacements(provider.scope, today, "current", actorFor(provider.user));
    expect(rows).toMatchObject([{ id: outcome.placementId, firstName: "Grace", commissioner: `${camdenSchool.name} (school, URN ${camdenSchool.urn})`, contactEmail: camdenStaff.email }]);
  });

  it("refuses a provider the directory does not list, records the refusal and writes no placement", async () => {
    const unlisted = await providerInState("submitted");
    const listing = await unlisted.listing();
    const [site] = await db.select().from(listingSites).where(eq(listingSites.listingId, listing.id));
    const input = pupilPlacement(site!.id);
    const outcome = await commissionSchoolPlacement(scopeOf(camdenStaff, camdenSchool), input, actorFor(camdenStaff), today);
    expect(outcome).toMatchObject({ ok: false, kind: "refused" });
    expect(codesOf(outcome)).toContain("PROVIDER_NOT_LISTED");
    expect(await db.select().from(schoolPlacements).where(eq(schoolPlacements.listingId, listing.id))).toEqual([]);
    const refusals = await db.select().from(schoolPlacementRefusals).where(eq(schoolPlacementRefusals.schoolId, camdenSchool.organisationId));
    expect(refusals.some((r) => r.codes.includes("PROVIDER_NOT_LISTED") && r.attemptedBy === camdenStaff.id)).toBe(true);
    expect(await db.select().from(auditEvents).where(and(eq(auditEvents.actorUserId, camdenStaff.id), eq(auditEvents.action, "school_placement.refused")))).not.toHaveLength(0);
    // Append-only, as the councils' refusals are.
    await expect(db.update(schoolPlacementRefusals).set({ codes: [] }).where(eq(schoolPlacementRefusals.schoolId, camdenSchool.organisationId))).rejects.toThrow();
    await expect(db.delete(schoolPlacementRefusals).where(eq(schoolPlacementRefusals.schoolId, camdenSchool.organisationId))).rejects.toThrow();
  });

  it("fills the same places as councils' placements, both ways", async () => {
    const provider = await listedProvider({ capacity: 1 });
    const officer = await officerOf("202");
    const child = await childOn("202");
    const councilFirst = await createPlacement(officer.scope, child.id, placementInput(provider.siteId), officer.actor, today);
    expect(councilFirst.ok).toBe(true);
    expect(codesOf(await commissionSchoolPlacement(scopeOf(camdenStaff, camdenSchool), pupilPlacement(provider.siteId), actorFor(camdenStaff), today))).toContain("CAPACITY_REACHED");

    const other = await listedProvider({ capacity: 1 });
    expect((await commissionSchoolPlacement(scopeOf(camdenStaff, camdenSchool), pupilPlacement(other.siteId), actorFor(camdenStaff), today)).ok).toBe(true);
    const refused = await createPlacement(officer.scope, (await childOn("202")).id, placementInput(other.siteId), officer.actor, today);
    expect(refused.ok || refused.kind !== "refused" ? [] : refused.reasons.map((r) => r.code)).toContain("CAPACITY_REACHED");
  });

  it("counts the child's placements by either commissioner, matched by UPN", async () => {
    const provider = await listedProvider();
    const elsewhere = await listedProvider();
    const officer = await officerOf("202");
    const upn = freshUpn("202");
    const child = await childOn("202", { upn });
    expect((await createPlacement(officer.scope, child.id, placementInput(provider.siteId, { pattern: { kind: "full_time" } }), officer.actor, today)).ok).toBe(true);
    const outcome = await commissionSchoolPlacement(scopeOf(camdenStaff, camdenSchool), pupilPlacement(elsewhere.siteId, { upn, pattern: { kind: "full_time" } }), actorFor(camdenStaff), today);
    expect(codesOf(outcome)).toContain("CHILD_ALREADY_PLACED");
    // Once a placement after the council's is made, the council's list links it to the entry with the pupil's UPN.
    const later = await commissionSchoolPlacement(
      scopeOf(camdenStaff, camdenSchool),
      pupilPlacement(elsewhere.siteId, { upn, start: addDays(today, 100) as IsoDate, end: addDays(today, 120) as IsoDate }),
      actorFor(camdenStaff),
      today,
    );
    if (!later.ok) throw new Error(JSON.stringify(later));
    expect((await schoolPlacementsForCouncil(officer.scope, "all", today, officer.actor)).find((r) => r.id === later.placementId)).toMatchObject({ entryId: child.id });
  });

  it("applies the pupil's council's limits", async () => {
    const provider = await listedProvider();
    const leedsAdmin = await createUser("council_admin", { laCode: "383" });
    const leeds = await officerOf("383");
    await updatePlacementLimits(leeds.scope, { ...DEFAULT_PLACEMENT_LIMITS, partTimeMaxDaysPerWeek: 1, partTimeMaxSessionsPerWeek: 2 }, actorFor(leedsAdmin));
    try {
      const forLeeds = await commissionSchoolPlacement(scopeOf(camdenStaff, camdenSchool), pupilPlacement(provider.siteId, { pupilLa: "383" }), actorFor(camdenStaff), today);
      expect(codesOf(forLeeds)).toContain("TIME_LIMIT_EXCEEDED");
      expect((await commissionSchoolPlacement(scopeOf(camdenStaff, camdenSchool), pupilPlacement(provider.siteId, { pupilLa: "202" }), actorFor(camdenStaff), today)).ok).toBe(true);
    } finally {
      await updatePlacementLimits(leeds.scope, DEFAULT_PLACEMENT_LIMITS, actorFor(leedsAdmin));
    }
  });

  it("ends a placement early with the same rules as a council's, and refuses a stale version", async () => {
    const provider = await listedProvider();
    const scope = scopeOf(camdenStaff, camdenSchool);
    const input = pupilPlacement(provider.siteId);
    const outcome = await commissionSchoolPlacement(scope, input, actorFor(camdenStaff), today);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    expect(await endSchoolPlacementEarly(scope, outcome.placementId, 1, { endDate: input.end, reason: "Same day" }, actorFor(camdenStaff))).toMatchObject({ ok: false, kind: "invalid", field: "endDate" });
    expect(await endSchoolPlacementEarly(scope, outcome.placementId, 1, { endDate: addDays(input.start, 3), reason: "Back in class full-time" }, actorFor(camdenStaff))).toMatchObject({ ok: true });
    expect(await endSchoolPlacementEarly(scope, outcome.placementId, 1, { endDate: addDays(input.start, 2), reason: "Again" }, actorFor(camdenStaff))).toMatchObject({ ok: false, kind: "conflict" });
    const [row] = await db.select().from(schoolPlacements).where(eq(schoolPlacements.id, outcome.placementId));
    expect(row).toMatchObject({ endDate: addDays(input.start, 3), endedEarlyReason: "Back in class full-time", version: 2 });
  });
});

describe("the council's refused placements page", () => {
  it("lists the refusals schools had for the council's children, marked with the school, and not for another council", async () => {
    const unlisted = await providerInState("submitted");
    const [site] = await db.select().from(listingSites).where(eq(listingSites.listingId, (await unlisted.listing()).id));
    // A Leeds school's pupil who lives in Camden: Camden's to see, not Leeds'.
    const outcome = await commissionSchoolPlacement(scopeOf(leedsStaff, leedsSchool), pupilPlacement(site!.id, { lastName: "Refused", upn: freshUpn("383") }), actorFor(leedsStaff), today);
    expect(outcome).toMatchObject({ ok: false, kind: "refused" });
    const [refusal] = await db.select().from(schoolPlacementRefusals).where(eq(schoolPlacementRefusals.schoolId, leedsSchool.organisationId)).orderBy(desc(schoolPlacementRefusals.id));
    const camden = await officerOf("202");
    const leeds = await officerOf("383");
    const page = await call(councilRefusalsLoader, await requestAs(camden.user, "/placements/refusals"));
    const row = page.data.bySchools.find((r: { id: number }) => r.id === refusal!.id);
    expect(row).toMatchObject({ schoolName: leedsSchool.name, urn: leedsSchool.urn, firstName: "Grace", lastName: "Refused", attemptedBy: "Test school_staff", entryId: null });
    expect(row.reasons.map((r: { code: string }) => r.code)).toContain("PROVIDER_NOT_LISTED");
    // The council's own refusals are not mixed with them.
    expect(page.data.rows.map((r: { id: number }) => r.id)).not.toContain(refusal!.id);
    const leedsPage = await call(councilRefusalsLoader, await requestAs(leeds.user, "/placements/refusals"));
    expect(leedsPage.data.bySchools.map((r: { id: number }) => r.id)).not.toContain(refusal!.id);
    const [audit] = await db.select().from(auditEvents).where(and(eq(auditEvents.actorUserId, camden.user.id), eq(auditEvents.action, "school_placement_refusals.listed")));
    expect((audit!.details as { refusalIds: number[] }).refusalIds).toContain(refusal!.id);
    // Only on the first page, beside the council's own.
    expect((await call(councilRefusalsLoader, await requestAs(camden.user, "/placements/refusals?page=2"))).data.bySchools).toBeNull();
  });
});

describe("when the provider's listing is suspended", () => {
  it("flags the school's running placements in the same transaction, tells the school's staff, and shows the flag to the school and the pupil's council", async () => {
    const provider = await listedProvider();
    const scope = scopeOf(camdenStaff, camdenSchool);
    const running = await commissionSchoolPlacement(scope, pupilPlacement(provider.siteId), actorFor(camdenStaff), today);
    if (!running.ok) throw new Error(JSON.stringify(running));
    const camden = await officerOf("202");
    const council = await createPlacement(camden.scope, (await childOn("202")).id, placementInput(provider.siteId), camden.actor, today);
    expect(council.ok).toBe(true);
    // Over before today: never flagged.
    const past = await commissionSchoolPlacement(scope, pupilPlacement(provider.siteId), actorFor(camdenStaff), today);
    if (!past.ok) throw new Error(JSON.stringify(past));
    await db.update(schoolPlacements).set({ startDate: addDays(today, -30), endDate: addDays(today, -1) }).where(eq(schoolPlacements.id, past.placementId));

    const listing = await provider.listing();
    const page = await call(decisionLoader, await requestAs(provider.reviewer.user, `/review/${listing.id}/suspend`), { listingId: listing.id, decision: "suspend" });
    expect(page.data.affected).toEqual({ placements: 2, councils: 1, schools: 1 });

    const outcome = await decide(provider.reviewer.scope, listing.id, listing.version, { action: "suspend", reason: "Safeguarding concern" }, actorFor(provider.reviewer.user), today);
    expect(outcome.ok).toBe(true);
    const [row] = await db.select().from(schoolPlacements).where(eq(schoolPlacements.id, running.placementId));
    expect(row).toMatchObject({ needsReviewReason: "The provider's listing was suspended.", version: 2 });
    expect(row!.needsReviewSince).not.toBeNull();
    const [pastRow] = await db.select().from(schoolPlacements).where(eq(schoolPlacements.id, past.placementId));
    expect(pastRow!.needsReviewSince).toBeNull();
    const audit = await db.select().from(auditEvents).where(and(eq(auditEvents.subjectId, running.placementId), eq(auditEvents.action, "school_placement.flagged_for_review")));
    expect(audit).toMatchObject([{ counterpartLaId: camdenSchool.laId, details: { listingId: listing.id, reason: "suspended" } }]);
    expect(JSON.stringify(audit[0]!.details)).not.toMatch(/Grace|Hopper/);
    const told = await db.select().from(inboxMessages).where(eq(inboxMessages.userId, camdenStaff.id));
    expect(told.filter((m) => m.subject.startsWith("1 placement needs review"))).toMatchObject([{ link: "/school/placements", body: expect.stringMatching(/^The provider's listing was suspended\. Your school has 1 placement there/) }]);
    // Another school's staff hear nothing.
    expect((await db.select().from(inboxMessages).where(eq(inboxMessages.userId, leedsStaff.id))).filter((m) => m.subject.includes("review"))).toEqual([]);

    const schoolPage = await call(schoolPlacementsLoader, await requestAs(camdenStaff, "/school/placements"));
    expect(schoolPage.data.rows.find((r: { id: string }) => r.id === running.placementId)).toMatchObject({ tags: expect.arrayContaining([{ text: "Needs review", colour: "red" }]), notes: ["Needs review: The provider's listing was suspended."], changeable: true });
    const councilPage = await call(councilPlacementsLoader, await requestAs(camden.user, "/placements"));
    expect(councilPage.data.bySchools.find((r: { id: string }) => r.id === running.placementId)).toMatchObject({ tags: expect.arrayContaining([{ text: "Needs review", colour: "red" }]) });

    // Ending it clears the flag, as ending a council's does.
    expect(await endSchoolPlacementEarly(scope, running.placementId, 2, { endDate: addDays(today, 8), reason: "Provider suspended" }, actorFor(camdenStaff))).toMatchObject({ ok: true });
    const [ended] = await db.select().from(schoolPlacements).where(eq(schoolPlacements.id, running.placementId));
    expect(ended).toMatchObject({ needsReviewSince: null, needsReviewReason: null, version: 3 });
  });
});

describe("when the provider's approved change takes the site off its listing", () => {
  it("flags the school's placement there", async () => {
    const provider = await listedProvider();
    const outcome = await commissionSchoolPlacement(scopeOf(camdenStaff, camdenSchool), pupilPlacement(provider.siteId), actorFor(camdenStaff), today);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    const annexe = { name: "Annexe", addressLine1: "2 Park Row", addressLine2: "", town: "Leeds", postcode: "LS1 5HD", laCode: "383", capacity: "8" };
    expect(await saveSection(provider.scope, "sites", { sites: [annexe] }, true, actorFor(provider.user))).toEqual({ ok: true, kind: "change_request" });
    const [pending] = await db.select().from(changeRequests).where(and(eq(changeRequests.listingId, provider.listingId), eq(changeRequests.state, "pending")));
    expect(await decideChangeRequest(provider.reviewer.scope, provider.listingId, pending!.id, { approve: true }, actorFor(provider.reviewer.user), today)).toEqual({ ok: true });
    const [row] = await db.select().from(schoolPlacements).where(eq(schoolPlacements.id, outcome.placementId));
    expect(row).toMatchObject({ siteId: null, needsReviewReason: "The site was taken off the provider's listing." });
  });
});

describe("the school's placement pages", () => {
  it("place a pupil from a posted form (no JavaScript) and list it for the school and the pupil's council", async () => {
    const provider = await listedProvider();
    const chosen = await call(newPlacementLoader, await requestAs(camdenStaff, `/school/placements/new?site=${provider.siteId}`));
    expect(chosen.data).toMatchObject({ step: "details", councilCode: "202" });
    const start = addDays(today, 7);
    const end = addDays(today, 30);
    const [sy, sm, sd] = start.split("-");
    const [ey, em, ed] = end.split("-");
    const form = {
      siteId: provider.siteId,
      firstName: "Alan",
      lastName: "Turing",
      "dateOfBirth.day": "1",
      "dateOfBirth.month": "3",
      "dateOfBirth.year": String(Number(today.slice(0, 4)) - 13),
      upn: freshUpn("202"),
      pupilLa: "202",
      lookedAfter: "no",
      hasSen: "yes",
      "start.day": sd!,
      "start.month": sm!,
      "start.year": sy!,
      "end.day": ed!,
      "end.month": em!,
      "end.year": ey!,
      pattern: "part_time",
      daysPerWeek: "1",
      sessionsPerWeek: "2",
      hoursPerWeek: "5",
      reason: "Mentoring one day a week",
    };
    const posted = await call(newPlacementAction, await requestAs(camdenStaff, "/school/placements/new", { form }));
    expect(posted).toMatchObject({ status: 302, location: "/school/placements?placed" });
    const listed = await call(schoolPlacementsLoader, await requestAs(camdenStaff, "/school/placements?placed"));
    expect(listed.data.rows.map((r: { pupil: string }) => r.pupil)).toContain("Alan Turing");
    const officer = await createUser("council_officer", { laCode: "202" });
    const council = await call(councilPlacementsLoader, await requestAs(officer, "/placements"));
    expect(council.data.bySchools.find((r: { childName: string }) => r.childName === "Alan Turing")).toMatchObject({ school: `${camdenSchool.name} (URN ${camdenSchool.urn})` });
    const otherCouncil = await call(councilPlacementsLoader, await requestAs(await createUser("council_officer", { laCode: "383" }), "/placements"));
    expect(otherCouncil.data.bySchools.map((r: { childName: string }) => r.childName)).not.toContain("Alan Turing");
  });

  it("are not open to council officers or providers", async () => {
    const officer = await createUser("council_officer", { laCode: "202" });
    expect((await call(schoolPlacementsLoader, await requestAs(officer, "/school/placements"))).status).toBe(403);
    const provider = await listedProvider();
    expect((await call(newPlacementLoader, await requestAs(provider.user, "/school/placements/new"))).status).toBe(403);
  });
});
