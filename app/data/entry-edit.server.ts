import { and, eq, inArray, isNull, ne } from "drizzle-orm";
import { formatDate, type IsoDate } from "#app/domain/dates";
import { diffEntries, type EntryView } from "#app/domain/entry-changes";
import { changeLinkText, describeEntry } from "#app/domain/entry-view";
import { EOTAS_NEEDS_EHC_PLAN, eotasAllowed } from "#app/domain/register-content";
import * as v from "#app/domain/register-vocabulary";
import type { RegisterEntryInput } from "#app/forms/register-entry";
import type { Actor } from "#app/utils/audit.server";
import { db, type DbOrTx, type Transaction } from "#db/client";
import { children, organisations, schools, users } from "#db/schema/index";
import { moveOpenRequest } from "./consent.server";
import { inputOf, responsibleCouncilName } from "./entry-read.server";
import { addEntry, changeEntry, type ChildRow, type WriterActor } from "./entry-writer.server";
import { childColumns, replaceRows } from "./entry-rows.server";
import { possibleDuplicates, type PossibleDuplicate } from "./child-matching.server";
import { existingReference, issueReference } from "./child-references.server";
import { recordDestinationUnknownMatches } from "./destination-unknown.server";
import { sendTransfer, type NewAddress } from "./transfers.server";
import type { LaScope, WriterScope } from "./scope.server";
import { transaction } from "./transaction.server";

// An officer's changes to the register: adding a child, saving the entry's form, recording that a
// child has left. Each goes through the one writer of entries (entry-writer.server.ts).

export type WriteResult =
  | { ok: true; id: string; childReference: string }
  | { ok: false; kind: "duplicate"; field: "upn" | "nhsNumber"; existing: { id: string; childReference: string } }
  | { ok: false; kind: "invalid"; errors: Record<string, string> }
  | { ok: false; kind: "conflict" };

export type CreateResult = WriteResult | { ok: false; kind: "possible_duplicates"; matches: PossibleDuplicate[] };

/**
 * The entry's links to people and councils: the responsible council (issue 26) is a council in
 * England, stored as none when it is the register's own; the allocated social worker is one of the
 * register's council's or of the responsible council's (DESIGN §4: the allocation is the
 * relationship through which that social worker sees the entry). Returns the input to store.
 */
async function checkLinks(tx: DbOrTx, scope: WriterScope, input: RegisterEntryInput): Promise<{ errors: Record<string, string>; input: RegisterEntryInput }> {
  const errors: Record<string, string> = {};
  let responsibleLaId = input.responsibleLaId === scope.laId ? undefined : input.responsibleLaId;
  if (responsibleLaId) {
    const [council] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.id, responsibleLaId), eq(organisations.kind, "local_authority")));
    if (!council) {
      errors.responsibleLaId = "Select the council from the list";
      responsibleLaId = undefined;
    }
  }
  if (input.allocatedSocialWorkerId) {
    const [worker] = await tx
      .select({ id: users.id })
      .from(users)
      .where(
        and(
          eq(users.id, input.allocatedSocialWorkerId),
          inArray(users.organisationId, responsibleLaId ? [scope.laId, responsibleLaId] : [scope.laId]),
          eq(users.role, "social_worker"),
          isNull(users.deactivatedAt),
        ),
      );
    if (!worker) errors.allocatedSocialWorkerId = "Select a social worker from the list";
  }
  // The named school chosen by its URN is an open school on the schools list; its name is stored with it.
  let namedSchool = input.namedSchool;
  if (input.namedSchoolUrn) {
    const [school] = await tx.select({ name: schools.name }).from(schools).where(and(eq(schools.urn, input.namedSchoolUrn), eq(schools.open, true)));
    if (school) namedSchool = school.name;
    else errors.namedSchoolUrn = "Enter the URN of an open school in England: no open school has this URN";
  }
  const { responsibleLaId: _given, namedSchool: _typed, ...rest } = input;
  return { errors, input: { ...rest, ...(responsibleLaId ? { responsibleLaId } : {}), ...(namedSchool ? { namedSchool } : {}) } };
}

/** The Act's own rules on an entry, decided again here whatever called (a form, the API, a queue item). */
function entryProblems(input: RegisterEntryInput): Record<string, string> {
  return eotasAllowed(input.educationStatus, input.senStatus) ? {} : { educationStatus: EOTAS_NEEDS_EHC_PLAN };
}

async function findDuplicate(tx: DbOrTx, scope: WriterScope, input: RegisterEntryInput, exceptId?: string) {
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

function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } }).cause ?? (error as { code?: string });
  return cause?.code === "23505";
}


export interface CreateOptions {
  /** The possible duplicates the officer was shown and confirmed are a different child. */
  confirmedDifferentFrom?: readonly string[];
  /** A step that made the entry from something else (a school's return) records its own part in the same transaction. */
  alongside?: (tx: Transaction, entry: ChildRow) => Promise<void>;
  /** Written in the entry's own transaction once it is made (the register API's idempotency key), so both commit or neither. */
  inTransaction?: (tx: Transaction, created: { id: string; childReference: string; version: number }) => Promise<void>;
  /** Where the entry came from when not the add-child form (an import's file and row): said on its timeline and in its audit event. */
  from?: { summary: string; details: Record<string, unknown> };
}

/**
 * Adds a child: refused while the council has possible duplicates the officer has not been shown
 * and confirmed are a different child. The entry takes the child's reference when an entry on any
 * register has the same NHS number or UPN (decision 032), else a new one; a child who left another
 * register with destination unknown and matches goes in the council's queue.
 */
export async function createEntry(scope: WriterScope, given: RegisterEntryInput, actor: WriterActor, options: CreateOptions = {}): Promise<CreateResult> {
  try {
    return await transaction("register.create", async (tx) => {
      const checked = await checkLinks(tx, scope, given);
      const errors = { ...entryProblems(checked.input), ...checked.errors };
      if (Object.keys(errors).length > 0) return { ok: false, kind: "invalid", errors } as const;
      const input = checked.input;
      const duplicate = await findDuplicate(tx, scope, input);
      if (duplicate) return { ok: false, kind: "duplicate", ...duplicate } as const;
      const possible = await possibleDuplicates(scope, input, tx);
      const confirmed = new Set(options.confirmedDifferentFrom ?? []);
      if (possible.some((p) => !confirmed.has(p.id))) {
        // Each statement sees what committed before it: a child with the same UPN or NHS number who
        // committed after the look-up above is among the possible duplicates, and is a duplicate.
        const committedSince = await findDuplicate(tx, scope, input);
        if (committedSince) return { ok: false, kind: "duplicate", ...committedSince } as const;
        return { ok: false, kind: "possible_duplicates", matches: possible } as const;
      }
      const known = await existingReference(tx, input);
      const { childReference, referenceNumber } = known ?? (await issueReference(tx));
      const changes = diffEntries({}, await viewForHistory(tx, scope.laId, input));
      const entry = await addEntry(tx, scope, actor, { ...childColumns(input), childReference, referenceNumber }, (id) => ({
        summary: `${known ? "Entered on the register, with the child reference the child already has" : "Entered on the register"}${options.from ? `, ${options.from.summary}` : ""}`,
        changes,
        audit: { action: "child.created", subjectType: "child", subjectId: id, details: { childReference, ...options.from?.details } },
      }));
      await replaceRows(tx, scope, entry.id, input);
      if (possible.length > 0) {
        await actor.audit(tx, { action: "child.confirmed_different_child", subjectType: "child", subjectId: entry.id, details: { differentFrom: possible.map((p) => p.id) } });
      }
      if (known) await actor.audit(tx, { action: "child.joined_existing_reference", subjectType: "child", subjectId: entry.id, details: { childReference } });
      await recordDestinationUnknownMatches(tx, scope, entry, actor);
      if (options.alongside) await options.alongside(tx, entry);
      await options.inTransaction?.(tx, { id: entry.id, childReference, version: entry.version });
      return { ok: true, id: entry.id, childReference } as const;
    });
  } catch (error) {
    // Two officers registering the same child at the same moment: the unique index lets one in.
    if (isUniqueViolation(error)) {
      const duplicate = await findDuplicate(db, scope, given);
      if (duplicate) return { ok: false, kind: "duplicate", ...duplicate };
    }
    throw error;
  }
}

/**
 * Saves an edit only if nobody else saved since the editor loaded the entry (`expectedVersion`);
 * otherwise nothing is written and the caller shows the conflict with the editor's answers kept.
 */
export async function updateEntry(scope: WriterScope, childId: string, expectedVersion: number, given: RegisterEntryInput, actor: WriterActor): Promise<WriteResult> {
  try {
    return await changeEntry("register.update", scope, childId, actor, async ({ tx, entry: before, isAt, record }) => {
      if (!isAt(expectedVersion)) return { ok: false, kind: "conflict" } as const;
      const checked = await checkLinks(tx, scope, given);
      const errors = { ...entryProblems(checked.input), ...checked.errors };
      if (Object.keys(errors).length > 0) return { ok: false, kind: "invalid", errors } as const;
      const input = checked.input;
      const duplicate = await findDuplicate(tx, scope, input, childId);
      if (duplicate) return { ok: false, kind: "duplicate", ...duplicate } as const;
      const beforeView = await viewForHistory(tx, scope.laId, await inputOf(tx, before));
      const changes = diffEntries(beforeView, await viewForHistory(tx, scope.laId, input));
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
      const duplicate = await findDuplicate(db, scope, given, childId);
      if (duplicate) return { ok: false, kind: "duplicate", ...duplicate };
    }
    throw error;
  }
}

export interface Leaving {
  dateLeft: IsoDate;
  reasonLeft: v.ReasonLeft;
  /** What "Other" means. */
  reasonLeftDetail?: string | null;
  /** Where a child who moved out of the area went; an English council's id, and their new address if known. */
  destination?: v.Destination | null;
  destinationLaId?: string | null;
  newAddress?: NewAddress;
}

/** Records the child left; a child who moved to another English council is transferred to it. */
export function leaveRegister(
  scope: LaScope,
  childId: string,
  expectedVersion: number,
  leaving: Leaving,
  actor: Actor,
): Promise<{ ok: true; transferredTo: string | null } | { ok: false; kind: "conflict" | "already_left" | "same_council" }> {
  return changeEntry("register.leave", scope, childId, actor, async ({ tx, entry, isAt, record }) => {
    if (entry.dateLeft) return { ok: false, kind: "already_left" } as const;
    if (!isAt(expectedVersion)) return { ok: false, kind: "conflict" } as const;
    const moved = leaving.reasonLeft === "moved_out_of_area";
    const destination = moved ? (leaving.destination ?? "not_known") : null;
    const destinationLaId = destination === "english_council" ? (leaving.destinationLaId ?? null) : null;
    if (destination === "english_council" && (!destinationLaId || destinationLaId === scope.laId)) return { ok: false, kind: "same_council" } as const;
    const detail = leaving.reasonLeft === "other" ? (leaving.reasonLeftDetail ?? null) : null;
    const reason = v.REASON_LEFT_LABELS[leaving.reasonLeft];
    const [council] = destinationLaId ? await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, destinationLaId)) : [];
    const where = destination === "english_council" ? (council?.name ?? "another council") : destination ? v.DESTINATION_LABELS[destination].toLowerCase() : null;
    await record({
      kind: "left",
      set: { dateLeft: leaving.dateLeft, reasonLeft: leaving.reasonLeft, reasonLeftDetail: detail, destination, destinationLaId },
      summary: `Left the register: ${reason.toLowerCase()}${detail ? ` (${detail})` : ""}${where ? `, destination: ${where}` : ""}${destinationLaId ? "; transfer sent" : ""}`,
      changes: [
        { field: "dateLeft", label: "Date left", from: null, to: formatDate(leaving.dateLeft) },
        { field: "reasonLeft", label: "Reason left", from: null, to: reason },
        ...(detail ? [{ field: "reasonLeftDetail", label: "Reason left, in detail", from: null, to: detail }] : []),
        ...(destination ? [{ field: "destination", label: "Destination", from: null, to: destination === "english_council" ? (council?.name ?? null) : v.DESTINATION_LABELS[destination] }] : []),
      ],
      audit: { action: "child.left_register", subjectType: "child", subjectId: childId, details: { reason: leaving.reasonLeft, destination }, counterpartLaId: destinationLaId },
    });
    if (destinationLaId) await sendTransfer(tx, { ...entry, dateLeft: leaving.dateLeft }, destinationLaId, leaving.newAddress ?? null, leaving.dateLeft, actor);
    return { ok: true, transferredTo: council?.name ?? null } as const;
  });
}

async function viewForHistory(tx: DbOrTx, laId: string, input: RegisterEntryInput): Promise<EntryView> {
  let socialWorker: string | null = null;
  if (input.allocatedSocialWorkerId) {
    const [worker] = await tx.select({ name: users.name }).from(users).where(inArray(users.id, [input.allocatedSocialWorkerId]));
    socialWorker = worker?.name ?? null;
  }
  return describeEntry(input, socialWorker, await responsibleCouncilName(tx, laId, input));
}

