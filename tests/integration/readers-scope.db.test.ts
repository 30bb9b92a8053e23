import { and, count, eq } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { consentRequestsOfChild, consentWorkList, homeEducationPreview, viewConsentRequest } from "#app/data/consent.server";
import { providerScope } from "#app/data/directory-scope.server";
import { childDocumentDownload, childForDocument, documentsOfChild } from "#app/data/documents.server";
import { entryForEdit, viewEntry } from "#app/data/entry-read.server";
import { childForPlacement, createPlacement, laPlacements, laRefusals, placementForChange, placementsOfChild, providerPlacements } from "#app/data/placements.server";
import { searchRegister } from "#app/data/register-search.server";
import { consentRaiseScope, consentScope, placementScope, registerScope, registerWriteScope, virtualSchoolScope } from "#app/data/scope.server";
import { childFollowed, childrenFollowed } from "#app/data/virtual-school.server";
import type { Role } from "#app/domain/roles";
import type { SessionUser } from "#app/utils/session.server";
import { db } from "#db/client";
import { auditEvents, consentRequests, documentContents, documents, placementRefusals } from "#db/schema/index";
import { actorFor, sessionUserOf } from "../support/directory";
import { createOrganisation, createUser, laId, type TestUser } from "../support/fixtures";
import { childOn, listedProvider, officerOf, placementInput, today } from "../support/placements";
import { createSchools } from "../support/schools";

// Every reader of children's data, as every kind of user, against records inside and outside what
// that user may reach: generated, as OpenCRVS generates its permission tests, rather than listed.
// Each reader says what it answers for a user and a child; the oracle says what it should, from
// DOMAIN.md's table of roles alone.

type Person = { name: string; role: Role; session: SessionUser; test: TestUser; la: "A" | "B" | null; provider: "P" | "Q" | null };
/** `responsible`: the council responsible for the child (issue 26: looks after them, or holds the plan), or null when none is. */
type Child = { name: string; id: string; la: "A" | "B"; responsible: "A" | "B" | null; socialWorker: string | null; requestId: string | null; placementId: string; provider: "P" | "Q"; documentId: string };
/** What a reader did: the child was in its answer, was not, or the reader refused (403) or did not find it (404). */
type Answer = "shown" | "absent" | 403 | 404;

interface Reader {
  name: string;
  /** Which permission-holders it serves, and what each may reach: the oracle. */
  reaches(person: Person, child: Child): boolean | "forbidden";
  read(person: Person, child: Child): Promise<"shown" | "absent">;
  /** Whether a permitted read writes an audit event of its own. */
  audits: boolean;
  /** A list writes its event whatever it showed; a single record's page only when it showed one. */
  list?: true;
  /** How many events a list writes, when more than one. */
  events?: (person: Person) => number;
}

const isLa = (p: Person, c: Child) => p.la === c.la;
// A social worker reaches a child allocated to them on their own council's register, or on
// another's when their council is responsible for the child (issue 26): never by role alone.
const allocated = (p: Person, c: Child) => c.socialWorker === p.test.id && (isLa(p, c) || (p.la !== null && c.responsible === p.la));
// A virtual school head reaches every current child their council is responsible for, on any register.
const followed = (p: Person, c: Child) => p.la !== null && c.responsible === p.la;
/** A virtual school head's list writes one event per register it showed children of (each council's log), or one when empty. */
const followedRegisters = (p: Person) => Math.max(1, new Set(children.filter((c) => followed(p, c)).map((c) => c.la)).size);

const people: Person[] = [];
const children: Child[] = [];

async function status(run: () => Promise<"shown" | "absent">): Promise<Answer> {
  try {
    return await run();
  } catch (thrown) {
    const init = (thrown as { init?: { status?: number } }).init;
    if (init?.status === 403 || init?.status === 404) return init.status;
    throw thrown;
  }
}

const has = (ids: (string | null)[], id: string | null) => (id !== null && ids.includes(id) ? "shown" : "absent");
const actor = (p: Person) => actorFor(p.test);

const readers: Reader[] = [
  {
    name: "the child's page",
    audits: true,
    reaches: (p, c) => (p.role === "council_officer" ? isLa(p, c) : p.role === "social_worker" ? allocated(p, c) : "forbidden"),
    read: async (p, c) => (await viewEntry(registerScope(p.session), c.id, actor(p)), "shown"),
  },
  {
    name: "the child's consent requests",
    audits: false,
    reaches: (p, c) => (p.role === "council_officer" ? isLa(p, c) && c.requestId !== null : p.role === "social_worker" ? allocated(p, c) && c.requestId !== null : "forbidden"),
    read: async (p, c) => ((await consentRequestsOfChild(registerScope(p.session), c.id)).length > 0 ? "shown" : "absent"),
  },
  {
    name: "the child's placements",
    audits: false,
    reaches: (p, c) => (p.role === "council_officer" ? isLa(p, c) : p.role === "social_worker" ? allocated(p, c) : "forbidden"),
    read: async (p, c) => ((await placementsOfChild(registerScope(p.session), c.id)).length > 0 ? "shown" : "absent"),
  },
  {
    name: "the child's documents",
    audits: false,
    reaches: (p, c) => (p.role === "council_officer" ? isLa(p, c) : p.role === "social_worker" ? allocated(p, c) : "forbidden"),
    read: async (p, c) => has((await documentsOfChild(registerScope(p.session), c.id)).map((d) => d.id), c.documentId),
  },
  {
    name: "a document's download",
    audits: true,
    reaches: (p, c) => (p.role === "council_officer" ? isLa(p, c) : p.role === "social_worker" ? allocated(p, c) : "forbidden"),
    read: async (p, c) => (await childDocumentDownload(registerScope(p.session), c.id, c.documentId, actor(p)), "shown"),
  },
  {
    name: "the page to add a document",
    audits: true,
    reaches: (p, c) => (p.role === "council_officer" ? isLa(p, c) : "forbidden"),
    read: async (p, c) => (await childForDocument(registerWriteScope(p.session), c.id, actor(p)), "shown"),
  },
  {
    name: "the register's search",
    audits: true,
    list: true,
    reaches: (p, c) => (p.role === "council_officer" ? isLa(p, c) : p.role === "social_worker" ? allocated(p, c) : "forbidden"),
    read: async (p, c) => has((await searchRegister(registerScope(p.session), { state: "all", q: "Reader" }, actor(p))).rows.map((r) => r.id), c.id),
  },
  {
    name: "the edit form",
    audits: true,
    reaches: (p, c) => (p.role === "council_officer" ? isLa(p, c) : "forbidden"),
    read: async (p, c) => (await entryForEdit(registerWriteScope(p.session), c.id, actor(p), "edit"), "shown"),
  },
  {
    name: "the home-education page",
    audits: true,
    reaches: (p, c) => (p.role === "council_officer" ? isLa(p, c) : "forbidden"),
    read: async (p, c) => (await homeEducationPreview(consentRaiseScope(p.session), c.id, actor(p)), "shown"),
  },
  {
    name: "the placement page",
    audits: true,
    reaches: (p, c) => (p.role === "council_officer" ? isLa(p, c) : "forbidden"),
    read: async (p, c) => (await childForPlacement(placementScope(p.session), c.id, actor(p)), "shown"),
  },
  {
    name: "a placement's end and extend pages",
    audits: true,
    reaches: (p, c) => (p.role === "council_officer" ? isLa(p, c) : "forbidden"),
    read: async (p, c) => (await placementForChange(placementScope(p.session), c.placementId, actor(p)), "shown"),
  },
  {
    name: "the LA's placements",
    audits: true,
    list: true,
    reaches: (p, c) => (p.role === "council_officer" ? isLa(p, c) : "forbidden"),
    read: async (p, c) => has((await laPlacements(placementScope(p.session), { show: "all", page: 1 }, today, actor(p))).rows.map((r) => r.childId), c.id),
  },
  {
    name: "the LA's refused placements",
    audits: true,
    list: true,
    reaches: (p, c) => (p.role === "council_officer" ? isLa(p, c) : "forbidden"),
    read: async (p, c) => has((await laRefusals(placementScope(p.session), 1, actor(p))).rows.map((r) => r.childId), c.id),
  },
  {
    name: "the consent work list",
    audits: true,
    list: true,
    reaches: (p, c) => (p.role === "social_worker" ? allocated(p, c) && c.requestId !== null : p.role === "council_officer" || p.role === "council_admin" ? isLa(p, c) && c.requestId !== null : "forbidden"),
    read: async (p, c) => has((await consentWorkList(consentScope(p.session), actor(p))).map((r) => r.childId), c.id),
  },
  {
    name: "a consent request",
    audits: true,
    reaches: (p, c) => (p.role === "social_worker" ? allocated(p, c) && c.requestId !== null : p.role === "council_officer" || p.role === "council_admin" ? isLa(p, c) && c.requestId !== null : "forbidden"),
    read: async (p, c) => {
      const scope = consentScope(p.session);
      if (c.requestId === null) return "absent";
      await viewConsentRequest(scope, c.requestId, actor(p));
      return "shown";
    },
  },
  {
    name: "the virtual school head's children in care",
    audits: true,
    list: true,
    events: followedRegisters,
    reaches: (p, c) => (p.role === "virtual_school_head" ? followed(p, c) : "forbidden"),
    read: async (p, c) => has((await childrenFollowed(virtualSchoolScope(p.session), actor(p))).categories.flatMap((k) => k.rows.map((r) => r.id)), c.id),
  },
  {
    name: "a child in care's page for the virtual school head",
    audits: true,
    reaches: (p, c) => (p.role === "virtual_school_head" ? followed(p, c) : "forbidden"),
    read: async (p, c) => (await childFollowed(virtualSchoolScope(p.session), c.id, actor(p)), "shown"),
  },
  {
    name: "a provider's placed children",
    audits: true,
    list: true,
    reaches: (p, c) => (p.role === "provider" ? p.provider === c.provider : "forbidden"),
    read: async (p, c) => has((await providerPlacements(providerScope(p.session), today, "current", actor(p))).map((r) => r.id), c.placementId),
  },
];

async function auditCount(userId: string) {
  return (await db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.actorUserId, userId)))[0]!.n;
}

beforeAll(async () => {
  const P = await listedProvider({ name: "Reader Provider P" });
  const Q = await listedProvider({ name: "Reader Provider Q" });
  const add = (name: string, test: TestUser, kind: SessionUser["organisationKind"], la: Person["la"], provider: Person["provider"]) =>
    people.push({ name, role: test.role, test, session: sessionUserOf(test, kind), la, provider });
  const laCode = { A: "202", B: "383" } as const;
  const staff: Record<string, TestUser> = {};
  for (const la of ["A", "B"] as const) {
    for (const role of ["council_officer", "social_worker", "council_admin", "virtual_school_head"] as const) {
      const test = await createUser(role, { laCode: laCode[la] });
      staff[`${role}:${la}`] = test;
      add(`${role} of ${la}`, test, "local_authority", la, null);
    }
    const other = await createUser("social_worker", { laCode: laCode[la] });
    staff[`other_social_worker:${la}`] = other;
    add(`unallocated social worker of ${la}`, other, "local_authority", la, null);
    // A reviewer in an LA's quality-assurance team belongs to the LA but reads no children.
    add(`reviewer of ${la}`, await createUser("directory_reviewer", { laCode: laCode[la] }), "local_authority", la, null);
  }
  add("provider P", P.user, "provider", null, "P");
  add("provider Q", Q.user, "provider", null, "Q");
  add("national reviewer", await createUser("directory_reviewer", { organisationId: (await createOrganisation("directory_team")).id }), "directory_team", null, null);
  add("service admin", await createUser("service_admin", { organisationId: (await createOrganisation("national_service")).id }), "national_service", null, null);
  // A school's staff are in a council's area but reach none of its register (decision 061).
  const [school] = await createSchools([{ "LA (code)": laCode.A }]);
  for (const role of ["school_staff", "school_admin"] as const) add(`${role} of a school in A`, await createUser(role, { organisationId: school!.organisationId }), "school", null, null);

  // `care`: looked after by (or on a plan held by) that council; the last two are B's children A is
  // responsible for, one allocated to A's social worker, and a child B looks after itself.
  const plan: readonly { la: "A" | "B"; worker: string | null; request: boolean; provider: "P" | "Q"; care?: "A" | "B" }[] = [
    { la: "A", worker: "social_worker:A", request: true, provider: "P" },
    { la: "A", worker: "other_social_worker:A", request: true, provider: "Q", care: "A" },
    { la: "A", worker: null, request: false, provider: "P" },
    { la: "B", worker: "social_worker:B", request: true, provider: "Q" },
    { la: "B", worker: "social_worker:A", request: true, provider: "P", care: "A" },
    { la: "B", worker: null, request: false, provider: "Q", care: "A" },
    { la: "B", worker: "other_social_worker:B", request: true, provider: "P", care: "B" },
  ];
  for (const [i, row] of plan.entries()) {
    const socialWorker = row.worker ? staff[row.worker]!.id : null;
    const care = row.care
      ? { socialCareStatus: i % 2 === 0 ? ("child_in_need_plan" as const) : ("looked_after" as const), responsibleLaId: row.care === row.la ? null : await laId(laCode[row.care]) }
      : { socialCareStatus: "s47_enquiry" as const };
    const child = await childOn(laCode[row.la], { firstName: "Reader", lastName: `Child ${i}`, allocatedSocialWorkerId: socialWorker, ...care });
    const officer = await officerOf(laCode[row.la]);
    const placed = await createPlacement(officer.scope, child.id, placementInput((row.provider === "P" ? P : Q).siteId), officer.actor, today);
    if (!placed.ok) throw new Error(JSON.stringify(placed));
    await db.insert(placementRefusals).values({ laId: await laId(laCode[row.la]), childId: child.id, providerId: null, codes: ["PROVIDER_NOT_LISTED"], proposed: {}, attemptedBy: officer.user.id });
    let requestId: string | null = null;
    if (row.request) {
      const [request] = await db
        .insert(consentRequests)
        .values({ childId: child.id, laId: child.laId, notice: "parent_notice", noticeDate: today, evidence: "Letter.", rules: [], raisedBy: officer.user.id, assignedSocialWorkerId: socialWorker! })
        .returning({ id: consentRequests.id });
      requestId = request!.id;
    }
    const [document] = await db
      .insert(documents)
      .values({ childId: child.id, laId: child.laId, kind: "letter", description: "A letter", fileName: "letter.pdf", type: "pdf", sizeBytes: 4, sha256: "0".repeat(64), uploadedBy: officer.user.id })
      .returning({ id: documents.id });
    await db.insert(documentContents).values({ documentId: document!.id, bytes: Buffer.from("%PDF") });
    children.push({ name: `child ${i} of ${row.la}${row.care ? `, in the care of ${row.care}` : ""}`, id: child.id, la: row.la, responsible: row.care ?? null, socialWorker, requestId, placementId: placed.placementId, provider: row.provider, documentId: document!.id });
  }
});

describe("every reader of children's data, as every user, inside and outside their scope", () => {
  it("answers exactly what the user may reach: the record, 404 outside the scope, 403 without the permission; and records the read", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...readers), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), async (reader, pi, ci) => {
        const person = people[pi % people.length]!;
        const child = children[ci % children.length]!;
        const before = await auditCount(person.test.id);
        const answer = await status(() => reader.read(person, child));
        const reaches = reader.reaches(person, child);
        const label = `${reader.name}, as ${person.name}, for ${child.name}`;
        if (reaches === "forbidden") expect(answer, label).toBe(403);
        else if (reaches) expect(answer, label).toBe("shown");
        else expect(["absent", 404], label).toContain(answer);
        const written = (await auditCount(person.test.id)) - before;
        // A read that showed a child, or any list, leaves one event; a refusal leaves none.
        const expected = reader.audits && (answer === "shown" || (reader.list && answer === "absent")) ? (reader.list && reader.events ? reader.events(person) : 1) : 0;
        expect(written, `${label}: audit events`).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("names what a list showed, by id and never by name", async () => {
    const officer = people.find((p) => p.name === "council_officer of A")!;
    await laPlacements(placementScope(officer.session), { show: "all", page: 1 }, today, actorFor(officer.test));
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorUserId, officer.test.id), eq(auditEvents.action, "placements.listed")));
    const shown = children.filter((c) => c.la === "A").map((c) => c.placementId);
    expect((event!.details as { placementIds: string[] }).placementIds.sort()).toEqual(shown.sort());
    expect(JSON.stringify(event!.details)).not.toMatch(/Reader|Child/);
  });
});
