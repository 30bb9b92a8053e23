import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNull, ne, or } from "drizzle-orm";
import { candidateDatesOfBirth, rankMatches, type MatchableChild, type MatchReason, type MatchStrength } from "#app/domain/child-matching";
import { hasResponsibleAuthority } from "#app/domain/children-in-care";
import { formatDate, type IsoDate } from "#app/domain/dates";
import { diffEntries, type EntryView } from "#app/domain/entry-changes";
import { changeLinkText, describeEntry } from "#app/domain/entry-view";
import { EOTAS_NEEDS_EHC_PLAN, eotasAllowed } from "#app/domain/register-content";
import * as v from "#app/domain/register-vocabulary";
import type { RegisterEntryInput } from "#app/forms/register-entry";
import { auditAll, type Actor, type AuditEvent } from "#app/utils/audit.server";
import { db, type DbOrTx, type Transaction } from "#db/client";
import { children, organisations, schools, users } from "#db/schema/index";
import { moveOpenRequest } from "./consent.server";
import { inputOf } from "./entry-read.server";
import { addEntries, changeEntry, type ChildRow, type WriterActor } from "./entry-writer.server";
import { childColumns, insertRows, replaceRows } from "./entry-rows.server";
import { possibleDuplicatesOfMany, type PossibleDuplicate } from "./child-matching.server";
import { existingReferences, issueReferences } from "./child-references.server";
import { recordDestinationUnknownMatchesOfMany } from "./destination-unknown.server";
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
  const [checked] = await checkLinksOfMany(tx, scope, [input]);
  return checked!;
}

/** `checkLinks` for many entries, with one look-up each of the councils, social workers and schools they name. */
async function checkLinksOfMany(tx: DbOrTx, scope: WriterScope, inputs: readonly RegisterEntryInput[]): Promise<{ errors: Record<string, string>; input: RegisterEntryInput }[]> {
  const distinct = (values: (string | null | undefined)[]) => [...new Set(values.filter((v): v is string => !!v))];
  const laIds = distinct(inputs.map((i) => (i.responsibleLaId === scope.laId ? undefined : i.responsibleLaId)));
  const workerIds = distinct(inputs.map((i) => i.allocatedSocialWorkerId));
  const urns = distinct(inputs.map((i) => i.namedSchoolUrn));
  const councils = new Set(
    laIds.length ? (await tx.select({ id: organisations.id }).from(organisations).where(and(inArray(organisations.id, laIds), eq(organisations.kind, "local_authority")))).map((c) => c.id) : [],
  );
  const workers = new Map(
    workerIds.length
      ? (await tx.select({ id: users.id, organisationId: users.organisationId }).from(users).where(and(inArray(users.id, workerIds), eq(users.role, "social_worker"), isNull(users.deactivatedAt)))).map((w) => [w.id, w.organisationId])
      : [],
  );
  const openSchools = new Map(urns.length ? (await tx.select({ urn: schools.urn, name: schools.name }).from(schools).where(and(inArray(schools.urn, urns), eq(schools.open, true)))).map((s) => [s.urn, s.name]) : []);
  return inputs.map((input) => {
    const errors: Record<string, string> = {};
    let responsibleLaId = input.responsibleLaId === scope.laId ? undefined : input.responsibleLaId;
    if (responsibleLaId && !councils.has(responsibleLaId)) {
      errors.responsibleLaId = "Select the council from the list";
      responsibleLaId = undefined;
    }
    if (input.allocatedSocialWorkerId) {
      const organisationId = workers.get(input.allocatedSocialWorkerId);
      if (!organisationId || !(organisationId === scope.laId || organisationId === responsibleLaId)) errors.allocatedSocialWorkerId = "Select a social worker from the list";
    }
    // The named school chosen by its URN is an open school on the schools list; its name is stored with it.
    let namedSchool = input.namedSchool;
    if (input.namedSchoolUrn) {
      const name = openSchools.get(input.namedSchoolUrn);
      if (name) namedSchool = name;
      else errors.namedSchoolUrn = "Enter the URN of an open school in England: no open school has this URN";
    }
    const { responsibleLaId: _given, namedSchool: _typed, ...rest } = input;
    return { errors, input: { ...rest, ...(responsibleLaId ? { responsibleLaId } : {}), ...(namedSchool ? { namedSchool } : {}) } };
  });
}

/** The Act's own rules on an entry, decided again here whatever called (a form, the API, a queue item). */
function entryProblems(input: RegisterEntryInput): Record<string, string> {
  return eotasAllowed(input.educationStatus, input.senStatus) ? {} : { educationStatus: EOTAS_NEEDS_EHC_PLAN };
}

type Duplicate = { field: "upn" | "nhsNumber"; existing: { id: string; childReference: string } };

async function findDuplicate(tx: DbOrTx, scope: WriterScope, input: RegisterEntryInput, exceptId?: string): Promise<Duplicate | null> {
  const [found] = await findDuplicates(tx, scope, [input], exceptId);
  return found ?? null;
}

/** A current entry on the council's register with each input's UPN (first) or NHS number, in one statement; null where none. */
async function findDuplicates(tx: DbOrTx, scope: WriterScope, inputs: readonly RegisterEntryInput[], exceptId?: string): Promise<(Duplicate | null)[]> {
  const upns = [...new Set(inputs.flatMap((i) => (i.upn ? [i.upn] : [])))];
  const nhs = [...new Set(inputs.flatMap((i) => (i.nhsNumber ? [i.nhsNumber] : [])))];
  if (upns.length === 0 && nhs.length === 0) return inputs.map(() => null);
  const rows = await tx
    .select({ id: children.id, childReference: children.childReference, upn: children.upn, nhsNumber: children.nhsNumber })
    .from(children)
    .where(
      and(
        eq(children.laId, scope.laId),
        or(upns.length ? inArray(children.upn, upns) : undefined, nhs.length ? inArray(children.nhsNumber, nhs) : undefined),
        isNull(children.dateLeft),
        exceptId ? ne(children.id, exceptId) : undefined,
      ),
    );
  return inputs.map((input) => {
    for (const field of ["upn", "nhsNumber"] as const) {
      const value = input[field];
      const existing = value ? rows.find((r) => r[field] === value) : undefined;
      if (existing) return { field, existing: { id: existing.id, childReference: existing.childReference } };
    }
    return null;
  });
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

/** One entry of a batch for `createEntries`: the answers and that entry's options. */
export interface NewEntry {
  input: RegisterEntryInput;
  options?: CreateOptions;
}

export interface BatchOptions {
  /** Written in the batch's transaction once its entries are made (an import's rows' keys), so they and their keys commit together or not at all. */
  inTransaction?: (tx: Transaction, created: readonly { index: number; id: string; childReference: string; version: number }[]) => Promise<void>;
}

/**
 * Adds a child: refused while the council has possible duplicates the officer has not been shown
 * and confirmed are a different child. The entry takes the child's reference when an entry on any
 * register has the same NHS number or UPN (decision 032), else a new one; a child who left another
 * register with destination unknown and matches goes in the council's queue. A batch of one of
 * `createEntries`, the one way an entry is made.
 */
export async function createEntry(scope: WriterScope, given: RegisterEntryInput, actor: WriterActor, options: CreateOptions = {}): Promise<CreateResult> {
  const [result] = await createEntries(scope, [{ input: given, options }], actor);
  return result!;
}

/**
 * Adds many children in one transaction (a batch of an import, decision 075's addendum), each as
 * `createEntry` would add it alone, in the order given: an entry refused (invalid, a duplicate, a
 * possible duplicate not confirmed) is left out with its reason and the rest are made. Each check
 * and each write is one statement for the batch: the links, the duplicates by UPN and NHS number,
 * the possible duplicates (the one matcher, on each entry's own candidates), the references, the
 * entries, parents, arrangements, history and audit events, the destination-unknown matches. An
 * entry is checked against the batch's earlier entries too, as it would be against them made one
 * by one: the same UPN or NHS number is a duplicate, and the one matcher finds possible duplicates
 * among those with its date of birth (or its swap), postcode, UPN or NHS number.
 */
export async function createEntries(scope: WriterScope, entries: readonly NewEntry[], actor: WriterActor, batch: BatchOptions = {}): Promise<CreateResult[]> {
  if (entries.length === 0) return [];
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await transaction("register.create", (tx) => createIn(tx, scope, entries, actor, batch));
    } catch (error) {
      // Another officer registering one of these children at the same moment: the unique index
      // let theirs in. Once more: the duplicate check now sees it, and refuses that one entry.
      if (isUniqueViolation(error) && attempt < 3 && (await findDuplicates(db, scope, entries.map((e) => e.input))).some((d) => d !== null)) continue;
      throw error;
    }
  }
}

async function createIn(tx: Transaction, scope: WriterScope, entries: readonly NewEntry[], actor: WriterActor, batch: BatchOptions): Promise<CreateResult[]> {
  const results: (CreateResult | null)[] = entries.map(() => null);
  const linked = await checkLinksOfMany(tx, scope, entries.map((e) => e.input));
  linked.forEach((checked, i) => {
    const errors = { ...entryProblems(checked.input), ...checked.errors };
    if (Object.keys(errors).length > 0) results[i] = { ok: false, kind: "invalid", errors };
  });
  const inputs = linked.map((c) => c.input);
  const going = () => inputs.flatMap((_, i) => (results[i] === null ? [i] : []));
  const ids = inputs.map(() => randomUUID());

  const onRegister = await findDuplicates(tx, scope, going().map((i) => inputs[i]!));
  const possible = await possibleDuplicatesOfMany(scope, going().map((i) => inputs[i]!), tx);
  const checkedIndexes = going();
  // The batch's earlier entries, as they would be on the register had each been made alone first.
  const earlier = new BatchIndex();
  const sameAsEarlier = new Map<number, { field: "upn" | "nhsNumber"; index: number }>();
  const possibleEarlier = new Map<number, { index: number; strength: Exclude<MatchStrength, "none">; reasons: MatchReason[] }[]>();
  const unconfirmed: number[] = [];
  checkedIndexes.forEach((i, at) => {
    const input = inputs[i]!;
    const duplicate = onRegister[at];
    if (duplicate) {
      results[i] = { ok: false, kind: "duplicate", ...duplicate };
      return;
    }
    const same = earlier.sameIdentifier(input);
    if (same) {
      sameAsEarlier.set(i, same);
      results[i] = { ok: false, kind: "duplicate", field: same.field, existing: { id: ids[same.index]!, childReference: "" } };
      return;
    }
    const alike = rankMatches(subjectOf(input), earlier.candidates(input)).map(({ candidate, match }) => ({ index: candidate.index, strength: match.strength as Exclude<MatchStrength, "none">, reasons: match.reasons }));
    if (alike.length > 0) possibleEarlier.set(i, alike);
    const confirmed = new Set(entries[i]!.options?.confirmedDifferentFrom ?? []);
    if (possible[at]!.some((p) => !confirmed.has(p.id)) || alike.some((a) => !confirmed.has(ids[a.index]!))) {
      unconfirmed.push(i);
      results[i] = { ok: false, kind: "possible_duplicates", matches: [] };
      return;
    }
    earlier.add(i, input);
  });
  if (unconfirmed.length > 0) {
    // Each statement sees what committed before it: a child with the same UPN or NHS number who
    // committed after the look-up above is among the possible duplicates, and is a duplicate.
    const committedSince = await findDuplicates(tx, scope, unconfirmed.map((i) => inputs[i]!));
    unconfirmed.forEach((i, at) => {
      const duplicate = committedSince[at];
      if (duplicate) results[i] = { ok: false, kind: "duplicate", ...duplicate };
    });
  }
  const made = inputs.flatMap((_, i) => (results[i] === null ? [i] : []));

  const known = await existingReferences(tx, made.map((i) => inputs[i]!));
  const issued = await issueReferences(tx, known.filter((k) => k === null).length);
  const references = new Map<number, { childReference: string; referenceNumber: number; known: boolean }>();
  let next = 0;
  made.forEach((i, at) => references.set(i, known[at] ? { ...known[at], known: true } : { ...issued[next++]!, known: false }));
  const views = await viewsForHistory(tx, scope.laId, made.map((i) => inputs[i]!));
  const possibleOf = (i: number): PossibleDuplicate[] => {
    const at = checkedIndexes.indexOf(i);
    return [
      ...(at === -1 ? [] : possible[at]!),
      ...(possibleEarlier.get(i) ?? []).map(({ index, strength, reasons }) => ({
        id: ids[index]!,
        childReference: references.get(index)?.childReference ?? "",
        name: `${inputs[index]!.firstName} ${inputs[index]!.lastName}`,
        dateOfBirth: inputs[index]!.dateOfBirth,
        postcode: inputs[index]!.postcode,
        current: true,
        destinationUnknown: false,
        strength,
        reasons,
      })),
    ];
  };
  const madeEntries = await addEntries(
    tx,
    scope,
    actor,
    made.map((i, at) => {
      const { childReference, referenceNumber, known: wasKnown } = references.get(i)!;
      const from = entries[i]!.options?.from;
      return {
        values: { id: ids[i]!, ...childColumns(inputs[i]!), childReference, referenceNumber },
        created: (id: string) => ({
          summary: `${wasKnown ? "Entered on the register, with the child reference the child already has" : "Entered on the register"}${from ? `, ${from.summary}` : ""}`,
          changes: diffEntries({}, views[at]!),
          audit: { action: "child.created", subjectType: "child", subjectId: id, details: { childReference, ...from?.details } },
        }),
      };
    }),
  );
  await insertRows(tx, scope, made.map((i) => ({ childId: ids[i]!, input: inputs[i]! })));
  await auditAll(
    actor.audit,
    tx,
    made.flatMap((i): AuditEvent[] => {
      const shown = possibleOf(i);
      const { childReference, known: wasKnown } = references.get(i)!;
      return [
        ...(shown.length > 0 ? [{ action: "child.confirmed_different_child", subjectType: "child", subjectId: ids[i]!, details: { differentFrom: shown.map((p) => p.id) } } as const] : []),
        ...(wasKnown ? [{ action: "child.joined_existing_reference", subjectType: "child", subjectId: ids[i]!, details: { childReference } } as const] : []),
      ];
    }),
  );
  await recordDestinationUnknownMatchesOfMany(tx, scope, madeEntries, actor);
  for (const [at, i] of made.entries()) {
    const entry = madeEntries[at]!;
    const options = entries[i]!.options;
    if (options?.alongside) await options.alongside(tx, entry);
    await options?.inTransaction?.(tx, { id: entry.id, childReference: entry.childReference, version: entry.version });
  }
  await batch.inTransaction?.(tx, made.map((i, at) => ({ index: i, id: madeEntries[at]!.id, childReference: madeEntries[at]!.childReference, version: madeEntries[at]!.version })));

  // What the refusals name, now the batch's references are known.
  for (const [i, same] of sameAsEarlier) results[i] = { ok: false, kind: "duplicate", field: same.field, existing: { id: ids[same.index]!, childReference: references.get(same.index)!.childReference } };
  for (const i of unconfirmed) if (results[i]?.ok === false && results[i].kind === "possible_duplicates") results[i] = { ok: false, kind: "possible_duplicates", matches: possibleOf(i) };
  for (const [at, i] of made.entries()) results[i] = { ok: true, id: madeEntries[at]!.id, childReference: madeEntries[at]!.childReference };
  return results as CreateResult[];
}

/** The batch's entries so far, by what finds a candidate among them: UPN, NHS number, date of birth (and its swap), postcode. */
class BatchIndex {
  private byKey = new Map<string, number[]>();
  private inputs = new Map<number, RegisterEntryInput>();
  private keysOf(input: RegisterEntryInput, dates: readonly string[]) {
    return [
      ...dates.map((d) => `dob:${d}`),
      input.postcode ? `pc:${input.postcode.replace(/\s+/g, "").toUpperCase()}` : null,
      input.upn ? `upn:${input.upn}` : null,
      input.nhsNumber ? `nhs:${input.nhsNumber}` : null,
    ].filter((k): k is string => k !== null);
  }
  sameIdentifier(input: RegisterEntryInput): { field: "upn" | "nhsNumber"; index: number } | null {
    for (const field of ["upn", "nhsNumber"] as const) {
      const value = input[field];
      const index = value ? this.byKey.get(`${field === "upn" ? "upn" : "nhs"}:${value}`)?.[0] : undefined;
      if (index !== undefined) return { field, index };
    }
    return null;
  }
  candidates(input: RegisterEntryInput): (MatchableChild & { index: number })[] {
    const found = new Set<number>();
    for (const key of this.keysOf(input, candidateDatesOfBirth(input.dateOfBirth))) for (const i of this.byKey.get(key) ?? []) found.add(i);
    return [...found].map((index) => ({ ...subjectOf(this.inputs.get(index)!), index }));
  }
  add(index: number, input: RegisterEntryInput) {
    this.inputs.set(index, input);
    for (const key of this.keysOf(input, [input.dateOfBirth])) this.byKey.set(key, [...(this.byKey.get(key) ?? []), index]);
  }
}

const subjectOf = (input: RegisterEntryInput): MatchableChild => ({
  firstName: input.firstName,
  lastName: input.lastName,
  dateOfBirth: input.dateOfBirth,
  sex: input.sex ?? null,
  postcode: input.postcode,
  addressLine1: input.addressLine1,
  upn: input.upn ?? null,
  nhsNumber: input.nhsNumber ?? null,
});

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
  const [view] = await viewsForHistory(tx, laId, [input]);
  return view!;
}

/** Each entry as its history describes it, with one look-up of the social workers' and responsible councils' names. */
async function viewsForHistory(tx: DbOrTx, laId: string, inputs: readonly RegisterEntryInput[]): Promise<EntryView[]> {
  const workerIds = [...new Set(inputs.flatMap((i) => (i.allocatedSocialWorkerId ? [i.allocatedSocialWorkerId] : [])))];
  const workers = new Map(workerIds.length ? (await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, workerIds))).map((w) => [w.id, w.name]) : []);
  const councilIds = [...new Set(inputs.flatMap((i) => (hasResponsibleAuthority(i.socialCareStatus) ? [i.responsibleLaId ?? laId] : [])))];
  const councils = new Map(councilIds.length ? (await tx.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, councilIds))).map((c) => [c.id, c.name]) : []);
  return inputs.map((input) =>
    describeEntry(
      input,
      input.allocatedSocialWorkerId ? (workers.get(input.allocatedSocialWorkerId) ?? null) : null,
      hasResponsibleAuthority(input.socialCareStatus) ? (councils.get(input.responsibleLaId ?? laId) ?? null) : null,
    ),
  );
}
