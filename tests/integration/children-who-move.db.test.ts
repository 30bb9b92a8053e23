import { and, asc, eq, inArray } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countOpenQueueItems } from "#app/data/council-queue.server";
import { searchRegister } from "#app/data/register-search.server";
import { remindUnansweredTransfers } from "#app/data/transfers.server";
import { addWorkingDays } from "#app/domain/working-days";
import { loader as queueItemLoader, action as queueItemAction } from "#app/routes/council-queue.$itemId";
import { loader as childLoader } from "#app/routes/register.$childId._index";
import { action as editAction } from "#app/routes/register.$childId.edit";
import { action as leaveAction } from "#app/routes/register.$childId.leave";
import { loader as searchLoader } from "#app/routes/register._index";
import { action as newAction } from "#app/routes/register.new";
import { action as sameChildAction, loader as sameChildLoader } from "#app/routes/register.$childId.same-child";
import { db } from "#db/client";
import { auditEvents, childReferences, children, councilQueueItems, emailOutbox, entryHistory, inboxMessages, laSettings } from "#db/schema/index";
import { EMAIL_BODY } from "#app/utils/notify.server";
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
    expect(seen.data.alsoRegisteredBy).toEqual([{ name: "Camden", team: "cme@camden.example, 020 7974 0000", status: expect.stringMatching(/^on their register: .+ since \d+ \w+ \d{4}$/), current: true }]);
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

/** The same child on Camden's and Leeds' registers, known by name, date of birth and sex only (a likely match). */
async function likelyPair(camden: TestUser, leeds: TestUser, firstName: string, lastName: string) {
  const form = validEntryForm({ firstName, lastName, upn: "", nhsNumber: "" });
  const inCamden = idFrom((await addConfirmed(camden, form)).location);
  const inLeeds = idFrom((await addConfirmed(leeds, { ...form, addressLine1: "4 Hyde Park Road", town: "Leeds", postcode: "LS6 2AB" })).location);
  return { form, inCamden, inLeeds };
}

const childPage = async (user: TestUser, childId: string) => (await call(childLoader, await requestAs(user, `/register/${childId}`), { childId })).data;

async function askLeeds(camden: TestUser, leeds: TestUser, inCamden: string) {
  const path = `/register/${inCamden}/same-child?la=${leeds.organisationId}`;
  return call(sameChildAction, await post(camden, path, { answer: "request" }), { childId: inCamden });
}

const sameChildItemFor = async (inCamden: string) =>
  (await db.select().from(councilQueueItems).where(and(eq(councilQueueItems.sourceChildId, inCamden), eq(councilQueueItems.kind, "same_child_request"))))[0]!;

describe("also registered by: asking the other council to confirm the same child", () => {
  it("shows only the other council's name and team, asks it, and once it confirms links the entries under one reference with both timelines and both logs", async () => {
    const { camden, leeds } = await setup();
    const { inCamden, inLeeds } = await likelyPair(camden, leeds, "Ruby", "Sameperson");
    const [before] = await db.select().from(children).where(eq(children.id, inLeeds));

    // Leeds' page offers Camden as a possible match: its name and team, nothing of Camden's entry.
    const leedsPage = await childPage(leeds, inLeeds);
    expect(leedsPage.sameChild).toEqual([expect.objectContaining({ laId: camden.organisationId, laName: "Camden", teamEmail: "cme@camden.example", waitingFor: null })]);
    expect(JSON.stringify(leedsPage.sameChild)).not.toMatch(new RegExp(`${inCamden}|Marchmont|WC1N`));
    const suggestion = await call(sameChildLoader, await requestAs(leeds, `/register/${inLeeds}/same-child?la=${camden.organisationId}`), { childId: inLeeds });
    expect(suggestion.data).toMatchObject({ laName: "Camden", team: "cme@camden.example, 020 7974 0000" });
    expect(JSON.stringify(suggestion.data)).not.toMatch(new RegExp(`${inCamden}|Marchmont`));
    // A council with no such child has nothing to act on.
    expect((await call(sameChildLoader, await requestAs(leeds, `/register/${inLeeds}/same-child?la=${leeds.organisationId}`), { childId: inLeeds })).status).toBe(404);

    // Camden asks Leeds (its own confirmation); it goes to Leeds' queue and inbox, audited in both logs.
    expect((await askLeeds(camden, leeds, inCamden)).status).toBe(302);
    expect((await askLeeds(camden, leeds, inCamden)).status).toBe(409);
    const item = await sameChildItemFor(inCamden);
    expect(item).toMatchObject({ laId: leeds.organisationId, childId: inLeeds, sourceLaId: camden.organisationId, state: "new" });
    const [requested] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "same_child.requested"), eq(auditEvents.subjectId, item.id)));
    expect([requested!.laId, requested!.counterpartLaId]).toEqual([camden.organisationId, leeds.organisationId]);
    expect((await db.select().from(inboxMessages).where(eq(inboxMessages.userId, leeds.id))).some((m) => m.subject.startsWith("Camden asks"))).toBe(true);
    const counts = await countOpenQueueItems(registerScope(sessionUserOf(leeds, "local_authority")).la);
    expect(counts.find((c) => c.kind === "same_child_request")!.open).toBe(1);
    expect((await childPage(camden, inCamden)).sameChild).toEqual([expect.objectContaining({ laName: "Leeds", waitingFor: "them" })]);
    expect((await childPage(leeds, inLeeds)).sameChild).toEqual([expect.objectContaining({ laName: "Camden", waitingFor: "us", ourItemId: item.id })]);

    // Before Leeds confirms, its queue item shows Camden's name, team and the match's reasons only.
    const page = await call(queueItemLoader, await requestAs(leeds, `/council-queue/${item.id}`), { itemId: item.id });
    expect(page.data.heading).toBe("Camden asks whether a child on your register is the same child");
    expect(JSON.stringify(page.data)).not.toMatch(new RegExp(`${inCamden}|Marchmont|WC1N|Sameperson`));
    expect(JSON.stringify(page.data)).toContain("cme@camden.example");
    expect(await childPage(camden, inCamden)).toMatchObject({ alsoRegisteredBy: [] });

    // Leeds confirms: one reference (the older, Camden's), both timelines, both logs, Camden told.
    const confirmed = await call(queueItemAction, await post(leeds, `/council-queue/${item.id}`, { decision: "confirm" }), { itemId: item.id });
    expect(confirmed.status).toBe(302);
    const rows = await db.select().from(children).where(inArray(children.id, [inCamden, inLeeds]));
    const camdenEntry = rows.find((r) => r.id === inCamden)!;
    const leedsEntry = rows.find((r) => r.id === inLeeds)!;
    expect(leedsEntry.childReference).toBe(camdenEntry.childReference);
    expect(leedsEntry.version).toBe(before!.version + 1);
    const [retired] = await db.select().from(childReferences).where(eq(childReferences.reference, before!.childReference));
    expect(retired!.retiredInto).toBe(camdenEntry.childReference);
    expect((await kinds(inCamden)).at(-1)).toBe("same_child_confirmed");
    expect((await kinds(inLeeds)).at(-1)).toBe("same_child_confirmed");
    const events = await db.select().from(auditEvents).where(eq(auditEvents.action, "same_child.confirmed"));
    expect(events.filter((e) => e.subjectId === inCamden || e.subjectId === inLeeds).map((e) => [e.laId, e.counterpartLaId])).toEqual([
      [leeds.organisationId, camden.organisationId],
      [leeds.organisationId, camden.organisationId],
    ]);
    expect((await db.select().from(inboxMessages).where(eq(inboxMessages.userId, camden.id))).some((m) => m.subject === "Leeds confirmed it has the same child")).toBe(true);

    // Each council sees the other's entry status, and when it changes; the suggestion is gone.
    const camdenView = await childPage(camden, inCamden);
    expect(camdenView.sameChild).toEqual([]);
    expect(camdenView.alsoRegisteredBy).toEqual([expect.objectContaining({ name: "Leeds", current: true, status: expect.stringMatching(/^on their register: /) })]);
    await leave(leeds, inLeeds, { reasonLeft: "moved_out_of_area", destination: "not_known" });
    expect((await childPage(camden, inCamden)).alsoRegisteredBy).toEqual([expect.objectContaining({ name: "Leeds", current: false, status: "left their register on 20 November 2026" })]);
    // Still never the other council's entry itself.
    expect((await call(childLoader, await requestAs(camden, `/register/${inLeeds}`), { childId: inLeeds })).status).toBe(404);
  });

  it("either council may say it is not the same child, recorded, and the suggestion is not shown again", async () => {
    const { camden, leeds } = await setup();
    // Leeds answers Camden's request: not the same child.
    const first = await likelyPair(camden, leeds, "Ivy", "Notsame");
    await askLeeds(camden, leeds, first.inCamden);
    const item = await sameChildItemFor(first.inCamden);
    expect((await call(queueItemAction, await post(leeds, `/council-queue/${item.id}`, { decision: "not_same_child" }), { itemId: item.id })).status).toBe(400);
    expect((await call(queueItemAction, await post(leeds, `/council-queue/${item.id}`, { decision: "not_same_child", reason: "Different parents" }), { itemId: item.id })).status).toBe(302);
    expect((await db.select().from(councilQueueItems).where(eq(councilQueueItems.id, item.id)))[0]).toMatchObject({ state: "dismissed", decisionReason: "Different parents" });
    expect((await childPage(camden, first.inCamden)).sameChild).toEqual([]);
    expect((await childPage(leeds, first.inLeeds)).sameChild).toEqual([]);
    const [rows] = [await db.select().from(children).where(inArray(children.id, [first.inCamden, first.inLeeds]))];
    expect(new Set(rows.map((r) => r.childReference)).size).toBe(2);
    const [notSame] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "same_child.not_same"), eq(auditEvents.subjectId, item.id)));
    expect([notSame!.laId, notSame!.counterpartLaId]).toEqual([leeds.organisationId, camden.organisationId]);

    // Camden rules out a suggestion itself, without asking: Leeds is never told, and neither sees it again.
    const second = await likelyPair(camden, leeds, "Iris", "Notsame");
    const path = `/register/${second.inCamden}/same-child?la=${leeds.organisationId}`;
    expect((await call(sameChildAction, await post(camden, path, { answer: "not_same_child" }), { childId: second.inCamden })).status).toBe(400);
    expect((await call(sameChildAction, await post(camden, path, { answer: "not_same_child", reason: "Twins: a different child" }), { childId: second.inCamden })).status).toBe(302);
    expect((await childPage(camden, second.inCamden)).sameChild).toEqual([]);
    expect((await childPage(leeds, second.inLeeds)).sameChild).toEqual([]);
    expect(await db.select().from(councilQueueItems).where(and(eq(councilQueueItems.laId, leeds.organisationId), eq(councilQueueItems.childId, second.inLeeds)))).toHaveLength(0);
  });
});

describe("linked entries: each council is told when the other's entry status changes", () => {
  it("tells Camden's officers (inbox and email) only Leeds' name, the reference and the new status, in the change's transaction, and nobody else", async () => {
    const { camden, leeds } = await setup();
    const bystander = await createUser("council_officer", { laCode: "352" });
    const { form, inCamden, inLeeds } = await likelyPair(camden, leeds, "Mabel", "Linkedchild");
    await askLeeds(camden, leeds, inCamden);
    const item = await sameChildItemFor(inCamden);
    expect((await call(queueItemAction, await post(leeds, `/council-queue/${item.id}`, { decision: "confirm" }), { itemId: item.id })).status).toBe(302);
    const [linked] = await db.select().from(children).where(eq(children.id, inLeeds));
    const reference = linked!.childReference;
    const toldCamden = async () => (await db.select().from(inboxMessages).where(eq(inboxMessages.userId, camden.id))).filter((m) => m.subject.startsWith("Leeds has a new status"));
    const leedsForm = { ...form, addressLine1: "4 Hyde Park Road", town: "Leeds", postcode: "LS6 2AB" };
    const edit = async (changes: Record<string, string>, version: number) =>
      call(editAction, await post(leeds, `/register/${inLeeds}/edit`, { ...leedsForm, ...changes, version: String(version) }), { childId: inLeeds });

    // A change the other council cannot see (the address) tells nobody.
    expect((await edit({ addressLine1: "5 Hyde Park Road" }, linked!.version)).status).toBe(302);
    expect(await toldCamden()).toHaveLength(0);

    // A new education status: Camden's officers are told, and emailed through the outbox.
    expect((await edit({ addressLine1: "5 Hyde Park Road", educationStatus: "on_roll_full_absence", homeEducationReason: "" }, linked!.version + 1)).status).toBe(302);
    const [told] = await toldCamden();
    expect(told).toMatchObject({
      subject: "Leeds has a new status for a child on your register",
      body: `Leeds, child reference ${reference}: On a school roll but absent all of the time without authorisation.`,
      link: `/register/${inCamden}`,
    });
    const emails = await db.select().from(emailOutbox).where(eq(emailOutbox.toUserId, camden.id));
    expect(emails.filter((e) => e.subject === told!.subject)).toEqual([expect.objectContaining({ body: EMAIL_BODY, link: `/register/${inCamden}` })]);
    // In both councils' logs.
    const shared = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "same_child.status_shared"), eq(auditEvents.subjectId, inLeeds)));
    expect(shared.map((e) => [e.laId, e.counterpartLaId])).toEqual([[leeds.organisationId, camden.organisationId]]);

    // A refused change (an edit begun before the last one) writes nothing, so tells nobody.
    expect((await edit({ educationStatus: "elective_home_education" }, linked!.version)).status).toBe(409);
    expect(await toldCamden()).toHaveLength(1);

    // Leaving the register is a new status too.
    expect((await leave(leeds, inLeeds, { reasonLeft: "moved_out_of_area", destination: "not_known" })).status).toBe(302);
    const all = await toldCamden();
    expect(all.map((m) => m.body)).toContain(`Leeds, child reference ${reference}: Left the register.`);
    expect(all).toHaveLength(2);

    // Leeds is not told of its own change; a council without the child is told nothing.
    expect((await db.select().from(inboxMessages).where(eq(inboxMessages.userId, leeds.id))).some((m) => m.subject.includes("new status"))).toBe(false);
    expect(await db.select().from(inboxMessages).where(eq(inboxMessages.userId, bystander.id))).toHaveLength(0);
    // Camden's own change, now that Leeds' entry has left, tells nobody (Leeds has no current entry).
    const [camdenEntry] = await db.select().from(children).where(eq(children.id, inCamden));
    expect(
      (await call(editAction, await post(camden, `/register/${inCamden}/edit`, { ...form, educationStatus: "not_on_roll", homeEducationReason: "", version: String(camdenEntry!.version) }), { childId: inCamden })).status,
    ).toBe(302);
    expect((await db.select().from(inboxMessages).where(eq(inboxMessages.userId, leeds.id))).some((m) => m.subject.includes("new status"))).toBe(false);
  });
});

describe("what council B can see of council A's child (generated)", () => {
  const STATES = ["registered", "likely_match_unconfirmed", "same_child_requested", "same_child_confirmed", "same_child_ruled_out", "transfer_pending", "transfer_accepted", "transfer_declined"] as const;
  const CAMDEN_DETAILS = /Marchmont|Annabella|Somerville|WC1N/;

  it("before a match is confirmed, after, and after a transfer is accepted or declined", async () => {
    const camden = await createUser("council_officer", { laCode: "202" });
    const leeds = await createUser("council_officer", { laCode: "383" });
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...STATES), fc.constantFrom("Zara", "Yusuf", "Xavier"), async (state, firstName) => {
        n += 1;
        const lastName = `Visibility${"abcdefghijklmnopqrstuvwxyz"[n % 26]}${"qwrtypsdfg"[Math.floor(n / 26) % 10]}`;
        // Each run its own date of birth (day above 12, so no day-month swap), so no two runs' children
        // are a likely match for each other.
        const dateOfBirth = { "dateOfBirth.day": String(13 + (n % 16)), "dateOfBirth.month": String(1 + (Math.floor(n / 16) % 12)), "dateOfBirth.year": "2014" };
        const form = validEntryForm({ firstName, lastName, upn: "", nhsNumber: "", ...dateOfBirth });
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
        let leedsOwn: string | null = null;
        if (state.startsWith("same_child")) {
          // Leeds has the child too (another address): a likely match, until both councils confirm.
          leedsOwn = idFrom((await addConfirmed(leeds, { ...form, addressLine1: "4 Hyde Park Road", town: "Leeds", postcode: "LS6 2AB", "parents.0.name": "Hyde Parent" })).location);
          await call(sameChildAction, await post(camden, `/register/${id}/same-child?la=${leeds.organisationId}`, { answer: "request" }), { childId: id });
          itemId = (await sameChildItemFor(id)).id;
          if (state === "same_child_confirmed") await call(queueItemAction, await post(leeds, `/council-queue/${itemId}`, { decision: "confirm" }), { itemId });
          if (state === "same_child_ruled_out") await call(queueItemAction, await post(leeds, `/council-queue/${itemId}`, { decision: "not_same_child", reason: "Not ours" }), { itemId });
        }
        // Never Camden's entry itself, whatever the relationship.
        expect((await call(childLoader, await requestAs(leeds, `/register/${id}`), { childId: id })).status).toBe(404);
        const search = await call(searchLoader, await requestAs(leeds, `/register?q=${lastName}`));
        const found = JSON.stringify(search.data.rows);
        expect(found).not.toContain(id);
        if (state === "transfer_accepted" || leedsOwn) expect(found).toContain(lastName);
        else expect(found).not.toContain(lastName);
        if (itemId) {
          const page = await call(queueItemLoader, await requestAs(leeds, `/council-queue/${itemId}`), { itemId });
          expect(JSON.stringify(page.data)).not.toMatch(CAMDEN_DETAILS);
          expect(JSON.stringify(page.data)).not.toContain(id);
        }
        if (leedsOwn) {
          // On Leeds' own entry: before confirmation Camden's name and team only; after, also its
          // entry's status and since when; never its details.
          const own = (await call(childLoader, await requestAs(leeds, `/register/${leedsOwn}`), { childId: leedsOwn })).data;
          const aboutCamden = JSON.stringify({ also: own.alsoRegisteredBy, suggested: own.sameChild });
          expect(aboutCamden).not.toMatch(CAMDEN_DETAILS);
          expect(aboutCamden).not.toContain(id);
          const [camdenEntry] = await db.select({ ref: children.childReference }).from(children).where(eq(children.id, id));
          if (state === "same_child_confirmed") {
            expect(own.alsoRegisteredBy).toEqual([expect.objectContaining({ name: "Camden", current: true, status: expect.stringMatching(/^on their register: /) })]);
            expect(own.childReference).toBe(camdenEntry!.ref);
            expect(own.sameChild).toEqual([]);
          } else {
            expect(own.alsoRegisteredBy).toEqual([]);
            expect(own.childReference).not.toBe(camdenEntry!.ref);
            expect(own.sameChild).toEqual(state === "same_child_requested" ? [expect.objectContaining({ laName: "Camden", waitingFor: "us" })] : []);
          }
        }
      }),
      // Every state at least once, then random ones.
      { numRuns: 16, examples: STATES.map((state) => [state, "Zara"] as [(typeof STATES)[number], string]) },
    );
    expect(await laId("383")).toBe(leeds.organisationId);
  });
});
