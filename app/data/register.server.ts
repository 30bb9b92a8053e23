import { and, asc, count, desc, eq, inArray, isNotNull, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import type { PgSelect } from "drizzle-orm/pg-core";
import { childReferenceFromSequence, validateChildReference } from "#app/domain/child-reference";
import { formatDate, type IsoDate } from "#app/domain/dates";
import { diffEntries, type EntryView } from "#app/domain/entry-changes";
import { formatNhsNumber, validateNhsNumber } from "#app/domain/nhs-number";
import { looksLikePostcodeStart } from "#app/domain/postcode";
import * as v from "#app/domain/register-vocabulary";
import { validateUpn } from "#app/domain/upn";
import type { RegisterEntryInput } from "#app/forms/register-entry";
import type { Auditor } from "#app/utils/audit.server";
import { db, rowsOf, type DbOrTx, type Transaction } from "#db/client";
import { children, educationArrangements, entryHistory, organisations, parentsAndCarers, users } from "#db/schema/index";
import { moveOpenRequest } from "./consent.server";
import type { Sort } from "./register-query";
import { notFound, type LaScope, type RegisterScope } from "./scope.server";
import { isUuid } from "./la-users.server";

// The register's data layer. Every function takes a scope made from the signed-in user; the
// scope's predicate is part of every query, so no route can forget it.

export interface Actor {
  userId: string;
  audit: Auditor;
}

function visibleTo(scope: RegisterScope): SQL {
  const inLa = eq(children.laId, scope.la.laId);
  return scope.kind === "la" ? inLa : and(inLa, eq(children.allocatedSocialWorkerId, scope.socialWorkerId))!;
}

// ---------------------------------------------------------------------------------------------
// Searching

export const PAGE_SIZE = 25;

export interface RegisterQuery {
  q?: string;
  status?: v.EducationStatus;
  socialCare?: v.SocialCareStatus;
  arrangements?: "any" | "none";
  state?: "current" | "left" | "all";
  sort?: Sort;
  page?: number;
}

/** What a search box's text most likely is, so each kind uses its own index. */
export type SearchKind = "upn" | "nhs_number" | "child_reference" | "postcode" | "name";

export function searchKindOf(q: string): SearchKind {
  if (validateUpn(q).ok) return "upn";
  if (validateNhsNumber(q).ok) return "nhs_number";
  if (validateChildReference(q).ok) return "child_reference";
  if (looksLikePostcodeStart(q) && /\d/.test(q)) return "postcode";
  return "name";
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function searchCondition(q: string): { kind: SearchKind; where: SQL } {
  const kind = searchKindOf(q);
  switch (kind) {
    case "upn":
      return { kind, where: eq(children.upn, (validateUpn(q) as { upn: string }).upn) };
    case "nhs_number":
      return { kind, where: eq(children.nhsNumber, (validateNhsNumber(q) as { nhsNumber: string }).nhsNumber) };
    case "child_reference":
      return { kind, where: eq(children.childReference, (validateChildReference(q) as { reference: string }).reference) };
    case "postcode": {
      const prefix = q.trim().toUpperCase().replace(/\s+/g, " ");
      return { kind, where: sql`${children.postcode} like ${`${escapeLike(prefix)}%`}` };
    }
    case "name": {
      const words = q.trim().toLowerCase().split(/\s+/).filter(Boolean).slice(0, 4);
      const prefix = (w: string) => `${escapeLike(w)}%`;
      if (words.length === 1) {
        const w = words[0]!;
        // Surname, first name, or the LA's own child ID: each has an index led by la_id.
        return {
          kind,
          where: or(
            sql`lower(${children.lastName}) like ${prefix(w)}`,
            sql`lower(${children.firstName}) like ${prefix(w)}`,
            eq(children.laChildId, q.trim()),
          )!,
        };
      }
      const first = words[0]!;
      const last = words[words.length - 1]!;
      return {
        kind,
        where: and(sql`lower(${children.firstName}) like ${prefix(first)}`, sql`lower(${children.lastName}) like ${prefix(last)}`)!,
      };
    }
  }
}

export async function searchRegister(scope: RegisterScope, query: RegisterQuery, actor: Actor) {
  const conditions: SQL[] = [visibleTo(scope)];
  let kind: SearchKind | null = null;
  const q = query.q?.trim();
  if (q) {
    const search = searchCondition(q);
    kind = search.kind;
    conditions.push(search.where);
  }
  if (query.status) conditions.push(eq(children.educationStatus, query.status));
  if (query.socialCare) conditions.push(eq(children.socialCareStatus, query.socialCare));
  const state = query.state ?? "current";
  if (state === "current") conditions.push(isNull(children.dateLeft));
  if (state === "left") conditions.push(isNotNull(children.dateLeft));
  if (query.arrangements) {
    const exists = sql`exists (select 1 from ${educationArrangements} where ${educationArrangements.childId} = ${children.id})`;
    conditions.push(query.arrangements === "any" ? exists : sql`not ${exists}`);
  }
  const where = and(...conditions);
  // With words typed, the matches are found by their own indexes, counted, then sorted, in one
  // pass. Ordered by the plain expressions, PostgreSQL may instead walk the LA's name index in
  // order, filtering as it goes, expecting matches spread evenly through the alphabet; a surname
  // late in the alphabet then reads most of the LA's entries (480 ms for "smith" in Birmingham with
  // 1,000,000 entries, 4 ms this way). `|| ''` sorts the same but is an order no index provides.
  const lastName = q ? sql`lower(${children.lastName}) || ''` : sql`lower(${children.lastName})`;
  const order =
    query.sort === "date_of_birth"
      ? [asc(children.dateOfBirth), asc(children.id)]
      : query.sort === "date_entered"
        ? [desc(children.dateEntered), asc(children.id)]
        : [asc(lastName), asc(sql`lower(${children.firstName})`), asc(children.id)];
  const page = Math.max(1, Math.min(query.page ?? 1, 10_000));
  const columns = {
    id: children.id,
    childReference: children.childReference,
    firstName: children.firstName,
    lastName: children.lastName,
    dateOfBirth: children.dateOfBirth,
    postcode: children.postcode,
    educationStatus: children.educationStatus,
    socialCareStatus: children.socialCareStatus,
    dateLeft: children.dateLeft,
  };
  const countOf = async () => (await db.select({ n: count() }).from(children).where(where))[0]?.n ?? 0;
  const onePage = <T extends PgSelect>(select: T) => select.where(where).orderBy(...order).limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE);
  // Every match is read to be sorted (above), so the count comes from the same pass; a second
  // query would read them all again. Only a page past the last needs counting on its own.
  const matchesPage = async () => {
    const found = await onePage(db.select({ ...columns, total: sql<number>`count(*) over ()`.mapWith(Number) }).from(children).$dynamic());
    return { rows: found.map(({ total: _total, ...row }) => row), total: found[0]?.total ?? (page > 1 ? await countOf() : 0) };
  };
  // The register a page at a time in name order: the page from the LA's name index, the total from
  // its index of current entries, neither reading more rows than it needs.
  const registerPage = async () => {
    const [listed, n] = await Promise.all([onePage(db.select(columns).from(children).$dynamic()), countOf()]);
    return { rows: listed, total: n };
  };
  const { rows, total } = q ? await matchesPage() : await registerPage();
  // Searches are reads of children's records too; the audit keeps what kind of search it was and
  // the filters, never the words typed (they are names and identifiers).
  await actor.audit(db, {
    action: "register.searched",
    subjectType: "register",
    subjectId: scope.la.laId,
    details: { kind, filters: { status: query.status, socialCare: query.socialCare, arrangements: query.arrangements, state }, results: total },
  });
  return { rows, total, page, pageSize: PAGE_SIZE };
}

// ---------------------------------------------------------------------------------------------
// Reading one entry

export async function viewEntry(scope: RegisterScope, childId: string, actor: Actor) {
  if (!isUuid(childId)) notFound();
  const [entry] = await db
    .select({ child: children, socialWorkerName: users.name })
    .from(children)
    .leftJoin(users, eq(users.id, children.allocatedSocialWorkerId))
    .where(and(eq(children.id, childId), visibleTo(scope)));
  if (!entry) notFound();
  const [parents, arrangements, history, alsoRegisteredBy] = await Promise.all([
    db.select().from(parentsAndCarers).where(eq(parentsAndCarers.childId, childId)).orderBy(asc(parentsAndCarers.position)),
    db.select().from(educationArrangements).where(eq(educationArrangements.childId, childId)).orderBy(asc(educationArrangements.position)),
    db
      .select({ id: entryHistory.id, occurredAt: entryHistory.occurredAt, kind: entryHistory.kind, summary: entryHistory.summary, changes: entryHistory.changes, actorName: users.name })
      .from(entryHistory)
      .leftJoin(users, eq(users.id, entryHistory.actorUserId))
      .where(eq(entryHistory.childId, childId))
      .orderBy(desc(entryHistory.occurredAt), desc(entryHistory.id)),
    otherLasRegistering(scope.la, entry.child),
  ]);
  await actor.audit(db, { action: "child.viewed", subjectType: "child", subjectId: childId });
  const view = describeEntry(toInput(entry.child, parents, arrangements), entry.socialWorkerName);
  return { ...entry.child, socialWorkerName: entry.socialWorkerName, view, history, alsoRegisteredBy };
}

/**
 * The names of other LAs with a current entry for the same UPN or NHS number: the only thing about
 * another LA's record this LA may learn.
 */
async function otherLasRegistering(scope: LaScope, child: { upn: string | null; nhsNumber: string | null }): Promise<string[]> {
  const same = [child.upn ? eq(children.upn, child.upn) : null, child.nhsNumber ? eq(children.nhsNumber, child.nhsNumber) : null].filter(
    (c): c is SQL => c !== null,
  );
  if (same.length === 0) return [];
  const rows = await db
    .selectDistinct({ name: organisations.name })
    .from(children)
    .innerJoin(organisations, eq(organisations.id, children.laId))
    .where(and(or(...same), ne(children.laId, scope.laId), isNull(children.dateLeft)))
    .orderBy(asc(organisations.name));
  return rows.map((r) => r.name);
}

/** The LA's social workers, for the "allocated social worker" question. */
export function socialWorkersOf(scope: LaScope) {
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.organisationId, scope.laId), eq(users.role, "social_worker"), isNull(users.deactivatedAt)))
    .orderBy(asc(users.name));
}

/** The entry as the edit form needs it, with the version the edit starts from. */
export async function entryForEdit(scope: LaScope, childId: string) {
  if (!isUuid(childId)) notFound();
  const [child] = await db.select().from(children).where(and(eq(children.id, childId), eq(children.laId, scope.laId)));
  if (!child) notFound();
  const [parents, arrangements] = await Promise.all([
    db.select().from(parentsAndCarers).where(eq(parentsAndCarers.childId, childId)).orderBy(asc(parentsAndCarers.position)),
    db.select().from(educationArrangements).where(eq(educationArrangements.childId, childId)).orderBy(asc(educationArrangements.position)),
  ]);
  return { child, parents, arrangements };
}

// ---------------------------------------------------------------------------------------------
// Writing

export type WriteResult =
  | { ok: true; id: string; childReference: string }
  | { ok: false; kind: "duplicate"; field: "upn" | "nhsNumber"; existing: { id: string; childReference: string } }
  | { ok: false; kind: "invalid"; errors: Record<string, string> }
  | { ok: false; kind: "conflict" };

async function checkSocialWorker(tx: DbOrTx, scope: LaScope, id: string | undefined): Promise<Record<string, string>> {
  if (!id) return {};
  const [worker] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, id), eq(users.organisationId, scope.laId), eq(users.role, "social_worker"), isNull(users.deactivatedAt)));
  return worker ? {} : { allocatedSocialWorkerId: "Select a social worker from the list" };
}

async function findDuplicate(tx: DbOrTx, scope: LaScope, input: RegisterEntryInput, exceptId?: string) {
  for (const field of ["upn", "nhsNumber"] as const) {
    const value = input[field];
    if (!value) continue;
    const column = field === "upn" ? children.upn : children.nhsNumber;
    const [existing] = await tx
      .select({ id: children.id, childReference: children.childReference })
      .from(children)
      .where(and(eq(children.laId, scope.laId), eq(column, value), isNull(children.dateLeft), exceptId ? ne(children.id, exceptId) : undefined));
    if (existing) return { field, existing };
  }
  return null;
}

function childColumns(input: RegisterEntryInput) {
  return {
    firstName: input.firstName,
    middleNames: input.middleNames ?? null,
    lastName: input.lastName,
    dateOfBirth: input.dateOfBirth,
    sex: input.sex ?? null,
    addressLine1: input.addressLine1,
    addressLine2: input.addressLine2 ?? null,
    town: input.town,
    postcode: input.postcode,
    upn: input.upn ?? null,
    nhsNumber: input.nhsNumber ?? null,
    laChildId: input.laChildId ?? null,
    educationStatus: input.educationStatus,
    homeEducationReason: input.homeEducationReason ?? null,
    senStatus: input.senStatus,
    socialCareStatus: input.socialCareStatus,
    allocatedSocialWorkerId: input.allocatedSocialWorkerId ?? null,
    atRiskOfHarmFromHome: input.atRiskOfHarmFromHome,
    laArrangedSpecialSchoolPlace: input.laArrangedSpecialSchoolPlace,
    namedSchool: input.namedSchool ?? null,
    dateEntered: input.dateEntered,
    sources: input.sources,
  };
}

async function replaceRows(tx: Transaction, scope: LaScope, childId: string, input: RegisterEntryInput) {
  await tx.delete(parentsAndCarers).where(eq(parentsAndCarers.childId, childId));
  await tx.delete(educationArrangements).where(eq(educationArrangements.childId, childId));
  if (input.parents.length > 0) {
    await tx.insert(parentsAndCarers).values(
      input.parents.map((p, position) => ({
        childId,
        laId: scope.laId,
        position,
        name: p.name,
        relationship: p.relationship,
        hasParentalResponsibility: p.hasParentalResponsibility,
        livesWithChild: p.livesWithChild,
        addressLine1: p.livesWithChild ? null : (p.addressLine1 ?? null),
        addressLine2: p.livesWithChild ? null : (p.addressLine2 ?? null),
        town: p.livesWithChild ? null : (p.town ?? null),
        postcode: p.postcode ?? null,
        phone: p.phone ?? null,
        email: p.email ?? null,
        educatesChild: p.educatesChild,
        hoursPerWeek: p.hoursPerWeek ?? null,
      })),
    );
  }
  if (input.arrangements.length > 0) {
    await tx.insert(educationArrangements).values(
      input.arrangements.map((a, position) => ({
        childId,
        laId: scope.laId,
        position,
        providerName: a.providerName,
        providerType: a.providerType,
        online: a.online,
        location: a.location,
        hoursPerWeek: a.hoursPerWeek,
        hoursWithoutParent: a.hoursWithoutParent,
      })),
    );
  }
}

/** The entry, locked until the transaction ends, so writers of one entry take turns. */
export async function lockEntry(tx: DbOrTx, scope: LaScope, childId: string) {
  const [entry] = await tx.select().from(children).where(and(eq(children.id, childId), eq(children.laId, scope.laId))).for("update");
  return entry ?? notFound();
}

function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } }).cause ?? (error as { code?: string });
  return cause?.code === "23505";
}

export async function createEntry(scope: LaScope, input: RegisterEntryInput, actor: Actor): Promise<WriteResult> {
  try {
    return await db.transaction(async (tx) => {
      const errors = await checkSocialWorker(tx, scope, input.allocatedSocialWorkerId);
      if (Object.keys(errors).length > 0) return { ok: false, kind: "invalid", errors } as const;
      const duplicate = await findDuplicate(tx, scope, input);
      if (duplicate) return { ok: false, kind: "duplicate", ...duplicate } as const;
      const [{ n }] = rowsOf<{ n: string | number | bigint }>(await tx.execute(sql`select nextval('child_reference_seq') as n`)) as [{ n: string }];
      const referenceNumber = Number(n);
      const childReference = childReferenceFromSequence(referenceNumber);
      const [created] = await tx
        .insert(children)
        .values({ ...childColumns(input), laId: scope.laId, childReference, referenceNumber, createdBy: actor.userId, updatedBy: actor.userId })
        .returning({ id: children.id });
      const id = created!.id;
      await replaceRows(tx, scope, id, input);
      await tx.insert(entryHistory).values({
        childId: id,
        laId: scope.laId,
        version: 1,
        actorUserId: actor.userId,
        kind: "created",
        summary: "Entered on the register",
        changes: diffEntries({}, await viewForHistory(tx, input)),
      });
      await actor.audit(tx, { action: "child.created", subjectType: "child", subjectId: id, details: { childReference } });
      return { ok: true, id, childReference } as const;
    });
  } catch (error) {
    // Two officers registering the same child at the same moment: the unique index lets one in.
    if (isUniqueViolation(error)) {
      const duplicate = await findDuplicate(db, scope, input);
      if (duplicate) return { ok: false, kind: "duplicate", ...duplicate };
    }
    throw error;
  }
}

/**
 * Saves an edit only if nobody else saved since the editor loaded the entry (`expectedVersion`);
 * otherwise nothing is written and the caller shows the conflict with the editor's answers kept.
 */
export async function updateEntry(scope: LaScope, childId: string, expectedVersion: number, input: RegisterEntryInput, actor: Actor): Promise<WriteResult> {
  if (!isUuid(childId)) notFound();
  try {
    return await db.transaction(async (tx) => {
      const before = await lockEntry(tx, scope, childId);
      if (before.version !== expectedVersion) return { ok: false, kind: "conflict" } as const;
      const errors = await checkSocialWorker(tx, scope, input.allocatedSocialWorkerId);
      if (Object.keys(errors).length > 0) return { ok: false, kind: "invalid", errors } as const;
      const duplicate = await findDuplicate(tx, scope, input, childId);
      if (duplicate) return { ok: false, kind: "duplicate", ...duplicate } as const;
      const beforeView = await viewForHistory(tx, await inputOf(tx, before));
      await tx
        .update(children)
        .set({ ...childColumns(input), version: before.version + 1, updatedAt: new Date(), updatedBy: actor.userId })
        .where(eq(children.id, childId));
      await replaceRows(tx, scope, childId, input);
      if (input.allocatedSocialWorkerId && input.allocatedSocialWorkerId !== before.allocatedSocialWorkerId) {
        await moveOpenRequest(tx, scope.laId, childId, input.allocatedSocialWorkerId, actor);
      }
      const changes = diffEntries(beforeView, await viewForHistory(tx, input));
      await tx.insert(entryHistory).values({
        childId,
        laId: scope.laId,
        version: before.version + 1,
        actorUserId: actor.userId,
        kind: "updated",
        summary: changes.length === 0 ? "Saved with no changes" : `Changed ${changes.map((c) => c.label.toLowerCase()).join(", ")}`,
        changes,
      });
      await actor.audit(tx, { action: "child.updated", subjectType: "child", subjectId: childId, details: { fields: changes.map((c) => c.field) } });
      return { ok: true, id: childId, childReference: before.childReference } as const;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      const duplicate = await findDuplicate(db, scope, input, childId);
      if (duplicate) return { ok: false, kind: "duplicate", ...duplicate };
    }
    throw error;
  }
}

export async function leaveRegister(
  scope: LaScope,
  childId: string,
  expectedVersion: number,
  leaving: { dateLeft: IsoDate; reasonLeft: v.ReasonLeft },
  actor: Actor,
): Promise<{ ok: true } | { ok: false; kind: "conflict" | "already_left" }> {
  if (!isUuid(childId)) notFound();
  return db.transaction(async (tx) => {
    const before = await lockEntry(tx, scope, childId);
    if (before.dateLeft) return { ok: false, kind: "already_left" } as const;
    if (before.version !== expectedVersion) return { ok: false, kind: "conflict" } as const;
    await tx
      .update(children)
      .set({ dateLeft: leaving.dateLeft, reasonLeft: leaving.reasonLeft, version: before.version + 1, updatedAt: new Date(), updatedBy: actor.userId })
      .where(eq(children.id, childId));
    await tx.insert(entryHistory).values({
      childId,
      laId: scope.laId,
      version: before.version + 1,
      actorUserId: actor.userId,
      kind: "left",
      summary: `Left the register: ${v.REASON_LEFT_LABELS[leaving.reasonLeft].toLowerCase()}`,
      changes: [
        { field: "dateLeft", label: "Date left", from: null, to: formatDate(leaving.dateLeft) },
        { field: "reasonLeft", label: "Reason left", from: null, to: v.REASON_LEFT_LABELS[leaving.reasonLeft] },
      ],
    });
    await actor.audit(tx, { action: "child.left_register", subjectType: "child", subjectId: childId, details: { reason: leaving.reasonLeft } });
    return { ok: true } as const;
  });
}

// ---------------------------------------------------------------------------------------------
// How an entry reads in its history: one labelled value per field, so a diff says what changed.

async function inputOf(tx: DbOrTx, child: typeof children.$inferSelect): Promise<RegisterEntryInput> {
  const [parents, arrangements] = await Promise.all([
    tx.select().from(parentsAndCarers).where(eq(parentsAndCarers.childId, child.id)).orderBy(asc(parentsAndCarers.position)),
    tx.select().from(educationArrangements).where(eq(educationArrangements.childId, child.id)).orderBy(asc(educationArrangements.position)),
  ]);
  return toInput(child, parents, arrangements);
}

/** A stored entry in the shape its form produces, for history diffs, the edit form and views. */
export function toInput(
  child: typeof children.$inferSelect,
  parents: (typeof parentsAndCarers.$inferSelect)[],
  arrangements: (typeof educationArrangements.$inferSelect)[],
): RegisterEntryInput {
  return {
    ...child,
    middleNames: child.middleNames ?? undefined,
    sex: child.sex ?? undefined,
    addressLine2: child.addressLine2 ?? undefined,
    upn: child.upn ?? undefined,
    nhsNumber: child.nhsNumber ?? undefined,
    laChildId: child.laChildId ?? undefined,
    homeEducationReason: (child.homeEducationReason as v.HomeEducationReason | null) ?? undefined,
    allocatedSocialWorkerId: child.allocatedSocialWorkerId ?? undefined,
    namedSchool: child.namedSchool ?? undefined,
    sources: child.sources as RegisterEntryInput["sources"],
    parents: parents.map((p) => ({
      name: p.name,
      relationship: p.relationship as v.Relationship,
      hasParentalResponsibility: p.hasParentalResponsibility,
      livesWithChild: p.livesWithChild,
      addressLine1: p.addressLine1 ?? undefined,
      addressLine2: p.addressLine2 ?? undefined,
      town: p.town ?? undefined,
      postcode: p.postcode ?? undefined,
      phone: p.phone ?? undefined,
      email: p.email ?? undefined,
      educatesChild: p.educatesChild,
      hoursPerWeek: p.hoursPerWeek ?? undefined,
    })),
    arrangements: arrangements.map((a) => ({
      providerName: a.providerName,
      providerType: a.providerType,
      online: a.online,
      location: a.location,
      hoursPerWeek: a.hoursPerWeek,
      hoursWithoutParent: a.hoursWithoutParent,
    })),
  };
}

async function viewForHistory(tx: DbOrTx, input: RegisterEntryInput): Promise<EntryView> {
  let socialWorker: string | null = null;
  if (input.allocatedSocialWorkerId) {
    const [worker] = await tx.select({ name: users.name }).from(users).where(inArray(users.id, [input.allocatedSocialWorkerId]));
    socialWorker = worker?.name ?? null;
  }
  return describeEntry(input, socialWorker);
}

const yesNoText = (b: boolean) => (b ? "Yes" : "No");

export function describeEntry(input: RegisterEntryInput, socialWorkerName: string | null): EntryView {
  const field = (label: string, value: string | null | undefined) => ({ label, value: value ?? null });
  return {
    name: field("Name", [input.firstName, input.middleNames, input.lastName].filter(Boolean).join(" ")),
    dateOfBirth: field("Date of birth", formatDate(input.dateOfBirth)),
    sex: field("Sex", input.sex ? v.SEX_LABELS[input.sex] : null),
    address: field("Home address", [input.addressLine1, input.addressLine2, input.town, input.postcode].filter(Boolean).join(", ")),
    upn: field("UPN", input.upn),
    nhsNumber: field("NHS number", input.nhsNumber ? formatNhsNumber(input.nhsNumber) : null),
    laChildId: field("LA child ID", input.laChildId),
    educationStatus: field("Education status", v.EDUCATION_STATUS_LABELS[input.educationStatus]),
    homeEducationReason: field("Reason for home education", input.homeEducationReason ? v.HOME_EDUCATION_REASON_LABELS[input.homeEducationReason] : null),
    senStatus: field("Special educational needs", v.SEN_STATUS_LABELS[input.senStatus]),
    socialCareStatus: field("Social care status", v.SOCIAL_CARE_STATUS_LABELS[input.socialCareStatus]),
    allocatedSocialWorker: field("Allocated social worker", socialWorkerName),
    atRiskOfHarmFromHome: field("At risk of harm from the home environment", yesNoText(input.atRiskOfHarmFromHome)),
    laArrangedSpecialSchoolPlace: field("Council-arranged special school place", yesNoText(input.laArrangedSpecialSchoolPlace)),
    namedSchool: field("Named school", input.namedSchool),
    dateEntered: field("Date entered", formatDate(input.dateEntered)),
    sources: field(
      "Sources of information",
      v.SOURCED_ITEMS.map((item) => `${v.SOURCED_ITEM_LABELS[item]}: ${v.INFORMATION_SOURCE_LABELS[input.sources[item]]}`).join("; "),
    ),
    parents: field("Parents and carers", input.parents.map(describeParent).join("; ")),
    arrangements: field("Education providers", input.arrangements.map(describeArrangement).join("; ") || null),
  };
}

function describeParent(p: RegisterEntryInput["parents"][number]): string {
  const address = p.livesWithChild ? "lives with the child" : [p.addressLine1, p.addressLine2, p.town, p.postcode].filter(Boolean).join(", ");
  return [
    `${p.name} (${v.RELATIONSHIP_LABELS[p.relationship]})`,
    p.hasParentalResponsibility ? "parental responsibility" : "no parental responsibility",
    address,
    p.phone,
    p.email,
    p.educatesChild ? `educates ${p.hoursPerWeek} hours a week` : null,
  ]
    .filter(Boolean)
    .join(", ");
}

function describeArrangement(a: RegisterEntryInput["arrangements"][number]): string {
  return `${a.providerName} (${v.PROVIDER_TYPE_LABELS[a.providerType]}${a.online ? ", online" : ""}), ${a.location}, ${a.hoursPerWeek} hours a week, ${a.hoursWithoutParent} with no parent present`;
}
