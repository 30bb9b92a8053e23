import { and, asc, eq, inArray } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countOpenQueueItems } from "#app/data/council-queue.server";
import { searchRegister } from "#app/data/register-search.server";
import { remindUnansweredTransfers } from "#app/data/transfers.server";
import { addWorkingDays } from "#app/domain/working-days";
import { loader as queueItemLoader, action as queueItemAction } from "#app/routes/council-queue.$itemId";
import { loader as childLoader } from "#app/routes/register.$childId._index";
import { action as leaveAction } from "#app/routes/register.$childId.leave";
import { loader as searchLoader } from "#app/routes/register._index";
import { action as newAction } from "#app/routes/register.new";
import { db } from "#db/client";
import { auditEvents, childReferences, children, councilQueueItems, entryHistory, inboxMessages, laSettings } from "#db/schema/index";
import { registerScope } from "#app/data/scope.server";
import { sessionUserOf, actorFor } from "../support/directory";
import { call, createUser, laId, requestAs, type TestUser } from "../support/fixtures";
import { freshUpn, validEntryForm } from "../support/register";

// Issue 15: one reference per child, possible duplicates before adding, transfers between councils,
// destination unknown, and what one council can see of another's child at each step.

const post = (user: TestUser, path: string, form: Record<string, string>) => requestAs(user, path, { form });
const idFrom = (location: string | null) => /\/register\/([0-9a-f-]{36})/.exec(location ?? "")![1]!;

async function add(officer: TestUser, form: Record<string, string>, extra: Record<string, string> = {}) {
  return call(newAction, await post(officer, "/register/new", { ...form, intent: "create", ...extra }));
}

/** Adds a child, confirming (as the officer would, having opened them) any possible duplicates shown. */
async function addConfirmed(officer: TestUser, form: Record<string, string>) {
  const check = await call(newAction, await post(officer, "/register/new", { ...form, intent: "check" }));
  const shown = (check.data.duplicates as { id: string }[]).map((d) => d.id).join(",");
  return add(officer, form, shown ? { differentChild: "yes", shownDuplicates: shown } : {});
}

async function leave(officer: TestUser, childId: string, form: Record<string, string>) {
  const [child] = await db.select({ version: children.version }).from(children).where(eq(children.id, childId));
  return call(leaveAction, await post(officer, `/register/${childId}/leave`, { "dateLeft.day": "20", "dateLeft.month": "11", "dateLeft.year": "2026", version: String(child!.version), ...form }), { childId });
}

async function transferItemFor(childId: string) {
  const [item] = await db.select().from(councilQueueItems).where(and(eq(councilQueueItems.sourceChildId, childId), eq(councilQueueItems.kind, "incoming_transfer")));
  return item!;
}

const kinds = async (childId: string) => (await db.select({ kind: entryHistory.kind }).from(entryHistory).where(eq(entryHistory.childId, childId)).orderBy(asc(entryHistory.id))).map((r) => r.kind);

async function setup() {
  const camden = await createUser("council_officer", { laCode: "202" });
  const leeds = await createUser("council_officer", { laCode: "383" });
  await db
    .insert(laSettings)
    .values({ laId: camden.organisationId, teamEmail: "cme@camden.example", teamPhone: "020 7974 0000" })
    .onConflictDoUpdate({ target: laSettings.laId, set: { teamEmail: "cme@camden.example", teamPhone: "020 7974 0000" } });
  return { camden, leeds };
}

describe("possible duplicates before adding a child", () => {
  it("shows Noah Bennett added a second time, refuses to add him until the officer confirms a different child, and audits it", async () => {
    const { camden } = await setup();
    const noah = validEntryForm({ firstName: "Noah", lastName: "Bennett", postcode: "NW1 8NH", addressLine1: "3 Plender Street" });
    const first = await add(camden, noah);
    expect(first.status).toBe(302);
    const firstId = idFrom(first.location);

    const again = { ...noah, firstName: "noah", lastName: "Bennet" };
    const check = await call(newAction, await post(camden, "/register/new", { ...again, intent: "check" }));
    expect(check.data.view).toBe("check");
    expect(check.data.duplicates.map((d: { id: string }) => d.id)).toContain(firstId);
    expect(check.data.duplicates[0].reasons).toContain("same_date_of_birth");

    const refused = await add(camden, again);
    expect(refused.status).toBe(409);
    expect(refused.data.differentChildError).toMatch(/different child/);

    const created = await add(camden, again, { differentChild: "yes", shownDuplicates: check.data.duplicates.map((d: { id: string }) => d.id).join(",") });
    expect(created.status).toBe(302);
    const id = idFrom(created.location);
    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.subjectId, id), eq(auditEvents.action, "child.confirmed_different_child")));
    expect(events[0]!.details).toEqual({ differentFrom: [firstId] });
  });

  it("never shows another council's children as duplicates, only its name for a likely match", async () => {
    const { camden, leeds } = await setup();
    const form = validEntryForm({ firstName: "Isla", lastName: "Murray", upn: "", nhsNumber: "" });
    expect((await add(camden, form)).status).toBe(302);
    const check = await call(newAction, await post(leeds, "/register/new", { ...form, intent: "check" }));
    expect(check.data.duplicates).toEqual([]);
    expect(check.data.elsewhere).toEqual([expect.objectContaining({ laName: "Camden", strength: "likely", childReference: null, teamEmail: "cme@camden.example" })]);
    expect(JSON.stringify(check.data.elsewhere)).not.toMatch(/Isla|Murray|Marchmont/);
    const audit = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "child.possible_duplicates_shown"), eq(auditEvents.counterpartLaId, camden.organisationId)));
    expect(audit.length).toBeGreaterThan(0);
  });
});

describe("one reference per child, nationally", () => {
  it("gives Amelia Clarke on Camden's and Leeds' registers one reference, and both see the other council's team", async () => {
    const { camden, leeds } = await setup();
    const nhsNumber = "9434765919";
    const inCamden = idFrom((await add(camden, validEntryForm({ firstName: "Amelia", lastName: "Clarke", nhsNumber }))).location);
    const inLeeds = idFrom((await add(leeds, validEntryForm({ firstName: "Amelia", lastName: "Clarke", nhsNumber, postcode: "LS6 2AB", town: "Leeds" }))).location);
    const rows = await db.select({ id: children.id, ref: children.childReference }).from(children).where(inArray(children.id, [inCamden, inLeeds]));
    expect(new Set(rows.map((r) => r.ref)).size).toBe(1);
    const seen = await call(childLoader, await requestAs(leeds, `/register/${inLeeds}`), { childId: inLeeds });
    expect(seen.data.alsoRegisteredBy).toEqual([{ name: "Camden", teamEmail: "cme@camden.example", teamPhone: "020 7974 0000" }]);
    const joined = await db.select().from(auditEvents).where(and(eq(auditEvents.subjectId, inLeeds), eq(auditEvents.action, "child.joined_existing_reference")));
    expect(joined).toHaveLength(1);
  });

  it("still finds a child by a reference retired into theirs", async () => {
    const { camden } = await setup();
    const id = idFrom((await add(camden, validEntryForm({ firstName: "Retired", lastName: "Reference" }))).location);
    const [child] = await db.select().from(children).where(eq(children.id, id));
    await db.insert(childReferences).values({ reference: "BBBB-BBBB", referenceNumber: 3_000_000_000 });
    await db.update(childReferences).set({ retiredInto: child!.childReference, retiredAt: new Date() }).where(eq(childReferences.reference, "BBBB-BBBB"));
    // BBBB-BBBB is not a valid reference (its check character), so search with a real retired one.
    const scope = registerScope(sessionUserOf(camden, "local_authority", "Camden"));
    const { childReferenceFromSequence } = await import("#app/domain/child-reference");
    const old = childReferenceFromSequence(3_000_000_001);
    await db.insert(childReferences).values({ reference: old, referenceNumber: 3_000_000_001, retiredInto: child!.childReference, retiredAt: new Date() });
    const found = await searchRegister(scope, { q: old, page: 1, sort: "name" } as never, actorFor(camden));
    expect(JSON.stringify(found)).toContain(id);
  });
});

describe("transfers when a child moves", () => {
  it("sends a child moved to Leeds to Leeds' queue with only the listed fields; accepting makes Leeds' entry with the same reference and both timelines", async () => {
    const { camden, leeds } = await setup();
    const upn = freshUpn();
    const id = idFrom((await add(camden, validEntryForm({ firstName: "Oscar", lastName: "Wilde", upn, "parents.0.phone": "07700 900123" }))).location);
    const left = await leave(camden, id, {
      reasonLeft: "moved_out_of_area",
      destination: "english_council",
      destinationLaId: leeds.organisationId,
      newAddressLine1: "1 Park Lane",
      newTown: "Leeds",
      newPostcode: "ls1 1ab",
    });
    expect(left.status).toBe(302);
    const item = await transferItemFor(id);
    expect(item.laId).toBe(leeds.organisationId);
    const counts = await countOpenQueueItems(registerScope(sessionUserOf(leeds, "local_authority")).la);
    expect(counts.find((c) => c.kind === "incoming_transfer")!.open).toBeGreaterThan(0);
    expect(await db.select().from(inboxMessages).where(eq(inboxMessages.userId, leeds.id))).toHaveLength(1);

    const page = await call(queueItemLoader, await requestAs(leeds, `/council-queue/${item.id}`), { itemId: item.id });
    const shown = JSON.stringify(page.data);
    expect(shown).toContain("Oscar Wilde");
    expect(shown).toContain("1 Park Lane, Leeds, LS1 1AB");
    expect(shown).toContain("cme@camden.example");
    expect(shown).not.toMatch(/Marchmont|07700|Annabella|Somerville|WC1N/);
    // Another council cannot open it.
    const other = await createUser("council_officer", { laCode: "204" });
    expect((await call(queueItemLoader, await requestAs(other, `/council-queue/${item.id}`), { itemId: item.id })).status).toBe(404);

    const accepted = await call(queueItemAction, await post(leeds, `/council-queue/${item.id}`, { decision: "accept" }), { itemId: item.id });
    expect(accepted.status).toBe(302);
    const leedsId = idFrom(accepted.location);
    const [leedsEntry] = await db.select().from(children).where(eq(children.id, leedsId));
    const [camdenEntry] = await db.select().from(children).where(eq(children.id, id));
    expect(leedsEntry).toMatchObject({ laId: leeds.organisationId, childReference: camdenEntry!.childReference, addressLine1: "1 Park Lane", postcode: "LS1 1AB", allocatedSocialWorkerId: null });
    expect(await kinds(leedsId)).toEqual(["transferred_in"]);
    expect(await kinds(id)).toEqual(["created", "left", "transferred_out"]);
    const history = await db.select().from(entryHistory).where(eq(entryHistory.childId, leedsId));
    expect(history[0]!.summary).toMatch(/^Transferred from Camden on /);
    // In both councils' logs.
    const [sent] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "transfer.sent"), eq(auditEvents.subjectId, item.id)));
    expect([sent!.laId, sent!.counterpartLaId]).toEqual([camden.organisationId, leeds.organisationId]);
    const acceptedEvents = await db.select().from(auditEvents).where(eq(auditEvents.action, "transfer.accepted"));
    expect(acceptedEvents.some((e) => e.laId === leeds.organisationId && e.counterpartLaId === camden.organisationId)).toBe(true);
    const [decided] = await db.select().from(councilQueueItems).where(eq(councilQueueItems.id, item.id));
    expect(decided).toMatchObject({ state: "made_entry", childId: leedsId });
    // Deciding twice is refused.
    expect((await call(queueItemAction, await post(leeds, `/council-queue/${item.id}`, { decision: "accept" }), { itemId: item.id })).status).toBe(302);
    expect(await db.select().from(children).where(eq(children.childReference, camdenEntry!.childReference))).toHaveLength(2);
  });

  it("declining needs a reason, tells Camden and puts the child back on Camden's register as missing education", async () => {
    const { camden, leeds } = await setup();
    const id = idFrom((await add(camden, validEntryForm({ firstName: "Declan", lastName: "Moss" }))).location);
    await leave(camden, id, { reasonLeft: "moved_out_of_area", destination: "english_council", destinationLaId: leeds.organisationId });
    const item = await transferItemFor(id);
    expect((await call(queueItemAction, await post(leeds, `/council-queue/${item.id}`, { decision: "decline" }), { itemId: item.id })).status).toBe(400);
    const declined = await call(queueItemAction, await post(leeds, `/council-queue/${item.id}`, { decision: "decline", reason: "No child at the address" }), { itemId: item.id });
    expect(declined.status).toBe(302);
    const [entry] = await db.select().from(children).where(eq(children.id, id));
    expect(entry).toMatchObject({ dateLeft: null, reasonLeft: null, destination: null, educationStatus: "not_on_roll" });
    expect(await kinds(id)).toEqual(["created", "left", "transfer_declined"]);
    const told = await db.select().from(inboxMessages).where(eq(inboxMessages.userId, camden.id));
    expect(told.map((m) => m.body).join()).toContain("No child at the address");
    const page = await call(childLoader, await requestAs(camden, `/register/${id}`), { childId: id });
    expect(page.data.transfer).toMatchObject({ state: "dismissed", reason: "No child at the address", toLaName: "Leeds" });
  });

  it("reminds Leeds once after its set number of working days", async () => {
    const { camden, leeds } = await setup();
    const id = idFrom((await add(camden, validEntryForm({ firstName: "Rhoda", lastName: "Penn" }))).location);
    await leave(camden, id, { reasonLeft: "moved_out_of_area", destination: "english_council", destinationLaId: leeds.organisationId });
    const item = await transferItemFor(id);
    const created = item.createdAt.toISOString().slice(0, 10);
    expect((await remindUnansweredTransfers(new Date(`${addWorkingDays(created, 4)}T12:00:00Z`))).reminded).not.toContain(item.id);
    expect((await remindUnansweredTransfers(new Date(`${addWorkingDays(created, 5)}T12:00:00Z`))).reminded).toContain(item.id);
    expect((await remindUnansweredTransfers(new Date(`${addWorkingDays(created, 9)}T12:00:00Z`))).reminded).not.toContain(item.id);
  });

  it("asks where to, and a detail for Other", async () => {
    const { camden } = await setup();
    const id = idFrom((await add(camden, validEntryForm({ firstName: "Wendy", lastName: "Hope" }))).location);
    expect((await leave(camden, id, { reasonLeft: "moved_out_of_area" })).data.errors).toHaveProperty("destination");
    expect((await leave(camden, id, { reasonLeft: "other" })).data.errors).toHaveProperty("reasonLeftDetail");
    expect((await leave(camden, id, { reasonLeft: "other", reasonLeftDetail: "Died" })).status).toBe(302);
    const [entry] = await db.select().from(children).where(eq(children.id, id));
    expect(entry).toMatchObject({ reasonLeft: "other", reasonLeftDetail: "Died", destination: null });
  });
});

describe("destination unknown is not the end", () => {
  it("tells both councils when Leeds adds a child who left Camden with destination unknown", async () => {
    const { camden, leeds } = await setup();
    const nhsNumber = "4010232137";
    const id = idFrom((await add(camden, validEntryForm({ firstName: "Lost", lastName: "Child", nhsNumber }))).location);
    await leave(camden, id, { reasonLeft: "moved_out_of_area", destination: "not_known" });
    const leedsId = idFrom((await add(leeds, validEntryForm({ firstName: "Lost", lastName: "Child", nhsNumber, postcode: "LS6 2AB" }))).location);
    const [item] = await db.select().from(councilQueueItems).where(and(eq(councilQueueItems.childId, leedsId), eq(councilQueueItems.kind, "destination_unknown_match")));
    expect(item).toMatchObject({ laId: leeds.organisationId, sourceChildId: id, state: "new" });
    expect(item!.payload).toMatchObject({ leftLaName: "Camden", strength: "exact" });
    expect(await kinds(id)).toEqual(["created", "left", "found_elsewhere"]);
    expect((await db.select().from(inboxMessages).where(eq(inboxMessages.userId, camden.id))).map((m) => m.subject)).toContain("A child who left your register has been found");
    const confirmed = await call(queueItemAction, await post(leeds, `/council-queue/${item!.id}`, { decision: "confirm" }), { itemId: item!.id });
    expect(confirmed.status).toBe(302);
  });

  it("for a likely match tells the leaving council only once a person confirms it", async () => {
    const { camden, leeds } = await setup();
    const id = idFrom((await add(camden, validEntryForm({ firstName: "Maybe", lastName: "Same" }))).location);
    await leave(camden, id, { reasonLeft: "moved_out_of_area", destination: "not_known" });
    const leedsId = idFrom((await add(leeds, validEntryForm({ firstName: "Maybe", lastName: "Same", postcode: "LS6 2AB" }))).location);
    const [item] = await db.select().from(councilQueueItems).where(eq(councilQueueItems.childId, leedsId));
    expect(item!.payload).toMatchObject({ strength: "likely" });
    expect(await kinds(id)).toEqual(["created", "left"]);
    await call(queueItemAction, await post(leeds, `/council-queue/${item!.id}`, { decision: "confirm" }), { itemId: item!.id });
    expect(await kinds(id)).toEqual(["created", "left", "found_elsewhere"]);
  });
});

describe("what council B can see of council A's child (generated)", () => {
  const STATES = ["registered", "likely_match_unconfirmed", "transfer_pending", "transfer_accepted", "transfer_declined"] as const;

  it("before a match is confirmed, after, and after a transfer is accepted or declined", async () => {
    const camden = await createUser("council_officer", { laCode: "202" });
    const leeds = await createUser("council_officer", { laCode: "383" });
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...STATES), fc.constantFrom("Zara", "Yusuf", "Xavier"), async (state, firstName) => {
        n += 1;
        const lastName = `Visibility${"abcdefghijklmnopqrstuvwxyz"[n % 26]}${"qwrtypsdfg"[Math.floor(n / 26) % 10]}`;
        const form = validEntryForm({ firstName, lastName, upn: "", nhsNumber: "" });
        const id = idFrom((await addConfirmed(camden, form)).location);
        let itemId: string | null = null;
        if (state === "likely_match_unconfirmed") {
          await leave(camden, id, { reasonLeft: "moved_out_of_area", destination: "not_known" });
          const check = await call(newAction, await post(leeds, "/register/new", { ...form, postcode: "LS6 2AB", intent: "check" }));
          expect(JSON.stringify(check.data.elsewhere)).not.toContain(firstName);
          expect(check.data.elsewhere.every((e: { childReference: string | null }) => e.childReference === null)).toBe(true);
        }
        if (state.startsWith("transfer")) {
          await leave(camden, id, { reasonLeft: "moved_out_of_area", destination: "english_council", destinationLaId: leeds.organisationId });
          itemId = (await transferItemFor(id)).id;
          if (state === "transfer_accepted") await call(queueItemAction, await post(leeds, `/council-queue/${itemId}`, { decision: "accept" }), { itemId });
          if (state === "transfer_declined") await call(queueItemAction, await post(leeds, `/council-queue/${itemId}`, { decision: "decline", reason: "Not here" }), { itemId });
        }
        // Never Camden's entry itself, whatever the relationship.
        expect((await call(childLoader, await requestAs(leeds, `/register/${id}`), { childId: id })).status).toBe(404);
        const search = await call(searchLoader, await requestAs(leeds, `/register?q=${lastName}`));
        const found = JSON.stringify(search.data.rows);
        if (state === "transfer_accepted") expect(found).toContain(lastName);
        else expect(found).not.toContain(lastName);
        if (itemId) {
          const page = await call(queueItemLoader, await requestAs(leeds, `/council-queue/${itemId}`), { itemId });
          expect(JSON.stringify(page.data)).not.toMatch(/Marchmont|Annabella|Somerville/);
        }
      }),
      { numRuns: 10 },
    );
    expect(await laId("383")).toBe(leeds.organisationId);
  });
});
