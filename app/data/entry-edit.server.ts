import { and, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { childReferenceFromSequence } from "#app/domain/child-reference";
import { formatDate, type IsoDate } from "#app/domain/dates";
import { diffEntries, type EntryView } from "#app/domain/entry-changes";
import { changeLinkText, describeEntry } from "#app/domain/entry-view";
import * as v from "#app/domain/register-vocabulary";
import type { RegisterEntryInput } from "#app/forms/register-entry";
import type { Actor } from "#app/utils/audit.server";
import { db, rowsOf, type DbOrTx, type Transaction } from "#db/client";
import { children, educationArrangements, parentsAndCarers, users } from "#db/schema/index";
import { moveOpenRequest } from "./consent.server";
import { inputOf } from "./entry-read.server";
import { addEntry, changeEntry } from "./entry-writer.server";
import type { LaScope } from "./scope.server";
import { transaction } from "./transaction.server";

// An officer's changes to the register: adding a child, saving the entry's form, recording that a
// child has left. Each goes through the one writer of entries (entry-writer.server.ts).

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

function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } }).cause ?? (error as { code?: string });
  return cause?.code === "23505";
}


export async function createEntry(scope: LaScope, input: RegisterEntryInput, actor: Actor): Promise<WriteResult> {
  try {
    return await transaction("register.create", async (tx) => {
      const errors = await checkSocialWorker(tx, scope, input.allocatedSocialWorkerId);
      if (Object.keys(errors).length > 0) return { ok: false, kind: "invalid", errors } as const;
      const duplicate = await findDuplicate(tx, scope, input);
      if (duplicate) return { ok: false, kind: "duplicate", ...duplicate } as const;
      const [{ n }] = rowsOf<{ n: string | number | bigint }>(await tx.execute(sql`select nextval('child_reference_seq') as n`)) as [{ n: string }];
      const referenceNumber = Number(n);
      const childReference = childReferenceFromSequence(referenceNumber);
      const changes = diffEntries({}, await viewForHistory(tx, input));
      const entry = await addEntry(tx, scope, actor, { ...childColumns(input), childReference, referenceNumber }, (id) => ({
        summary: "Entered on the register",
        changes,
        audit: { action: "child.created", subjectType: "child", subjectId: id, details: { childReference } },
      }));
      await replaceRows(tx, scope, entry.id, input);
      return { ok: true, id: entry.id, childReference } as const;
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
  try {
    return await changeEntry("register.update", scope, childId, actor, async ({ tx, entry: before, isAt, record }) => {
      if (!isAt(expectedVersion)) return { ok: false, kind: "conflict" } as const;
      const errors = await checkSocialWorker(tx, scope, input.allocatedSocialWorkerId);
      if (Object.keys(errors).length > 0) return { ok: false, kind: "invalid", errors } as const;
      const duplicate = await findDuplicate(tx, scope, input, childId);
      if (duplicate) return { ok: false, kind: "duplicate", ...duplicate } as const;
      const beforeView = await viewForHistory(tx, await inputOf(tx, before));
      const changes = diffEntries(beforeView, await viewForHistory(tx, input));
      await record({
        kind: "updated",
        set: childColumns(input),
        summary: changes.length === 0 ? "Saved with no changes" : `Changed ${changes.map((c) => changeLinkText(c.label)).join(", ")}`,
        changes,
        audit: { action: "child.updated", subjectType: "child", subjectId: childId, details: { fields: changes.map((c) => c.field) } },
      });
      await replaceRows(tx, scope, childId, input);
      // What hangs off the entry comes after it in the lock order: the open consent request moves
      // with the child to their new social worker.
      if (input.allocatedSocialWorkerId && input.allocatedSocialWorkerId !== before.allocatedSocialWorkerId) {
        await moveOpenRequest(tx, scope, childId, input.allocatedSocialWorkerId, actor);
      }
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

export function leaveRegister(
  scope: LaScope,
  childId: string,
  expectedVersion: number,
  leaving: { dateLeft: IsoDate; reasonLeft: v.ReasonLeft },
  actor: Actor,
): Promise<{ ok: true } | { ok: false; kind: "conflict" | "already_left" }> {
  return changeEntry("register.leave", scope, childId, actor, async ({ entry, isAt, record }) => {
    if (entry.dateLeft) return { ok: false, kind: "already_left" } as const;
    if (!isAt(expectedVersion)) return { ok: false, kind: "conflict" } as const;
    const reason = v.REASON_LEFT_LABELS[leaving.reasonLeft];
    await record({
      kind: "left",
      set: { dateLeft: leaving.dateLeft, reasonLeft: leaving.reasonLeft },
      summary: `Left the register: ${reason.toLowerCase()}`,
      changes: [
        { field: "dateLeft", label: "Date left", from: null, to: formatDate(leaving.dateLeft) },
        { field: "reasonLeft", label: "Reason left", from: null, to: reason },
      ],
      audit: { action: "child.left_register", subjectType: "child", subjectId: childId, details: { reason: leaving.reasonLeft } },
    });
    return { ok: true } as const;
  });
}

async function viewForHistory(tx: DbOrTx, input: RegisterEntryInput): Promise<EntryView> {
  let socialWorker: string | null = null;
  if (input.allocatedSocialWorkerId) {
    const [worker] = await tx.select({ name: users.name }).from(users).where(inArray(users.id, [input.allocatedSocialWorkerId]));
    socialWorker = worker?.name ?? null;
  }
  return describeEntry(input, socialWorker);
}
