import { and, eq, inArray, ne, or, sql, type SQL } from "drizzle-orm";
import { candidateDatesOfBirth, rankMatches, type MatchableChild, type MatchReason, type MatchStrength } from "#app/domain/child-matching";
import type { IsoDate } from "#app/domain/dates";
import { db, type DbOrTx } from "#db/client";
import { children, laSettings, organisations } from "#db/schema/index";
import type { Actor } from "#app/utils/audit.server";
import type { LaScope, WriterScope } from "./scope.server";

// Candidates for the one matcher (app/domain/child-matching.ts), found only through indexes so no
// look-up scans the register: the identifiers (children_nhs_number_idx, children_upn_idx,
// children_child_reference_idx), the date of birth and its day-month swap (children_date_of_birth_idx),
// the postcode within a council (children_la_postcode_idx) and the sound of the name within a
// council (children_la_name_sound_idx, dmetaphone). The matcher then scores each candidate.

const CANDIDATE_LIMIT = 200;

const candidateColumns = {
  id: children.id,
  laId: children.laId,
  childReference: children.childReference,
  firstName: children.firstName,
  lastName: children.lastName,
  dateOfBirth: children.dateOfBirth,
  sex: children.sex,
  addressLine1: children.addressLine1,
  postcode: children.postcode,
  nhsNumber: children.nhsNumber,
  upn: children.upn,
  dateLeft: children.dateLeft,
  destination: children.destination,
};

function identifierConditions(subject: MatchableChild): SQL[] {
  const found: SQL[] = [];
  if (subject.nhsNumber) found.push(eq(children.nhsNumber, subject.nhsNumber));
  if (subject.upn) found.push(eq(children.upn, subject.upn));
  const references = [subject.childReference, ...(subject.retiredReferences ?? [])].filter((r): r is string => !!r);
  if (references.length > 0) found.push(inArray(children.childReference, references));
  return found;
}

const byDateOfBirth = (subject: MatchableChild) => inArray(children.dateOfBirth, candidateDatesOfBirth(subject.dateOfBirth));

export interface PossibleDuplicate {
  id: string;
  childReference: string;
  name: string;
  dateOfBirth: IsoDate;
  postcode: string;
  current: boolean;
  strength: Exclude<MatchStrength, "none">;
  reasons: MatchReason[];
}

/** The candidate look-up for the council's possible duplicates: indexes only (the bench runs this very statement). */
export function duplicateCandidatesQuery(scope: WriterScope, subject: MatchableChild, tx: DbOrTx = db, exceptId?: string) {
  const likeness = [
    byDateOfBirth(subject),
    sql`dmetaphone(${children.lastName}) = dmetaphone(${subject.lastName}) and dmetaphone(${children.firstName}) = dmetaphone(${subject.firstName})`,
  ];
  if (subject.postcode) likeness.push(eq(children.postcode, subject.postcode));
  return tx
    .select(candidateColumns)
    .from(children)
    .where(and(eq(children.laId, scope.laId), or(...identifierConditions(subject), ...likeness), exceptId ? ne(children.id, exceptId) : undefined))
    .limit(CANDIDATE_LIMIT);
}

/** The council's own entries that may be the same child (current or left), strongest first. */
export async function possibleDuplicates(scope: WriterScope, subject: MatchableChild, tx: DbOrTx = db, exceptId?: string): Promise<PossibleDuplicate[]> {
  const rows = await duplicateCandidatesQuery(scope, subject, tx, exceptId);
  return rankMatches(subject, rows).map(({ candidate: c, match }) => ({
    id: c.id,
    childReference: c.childReference,
    name: `${c.firstName} ${c.lastName}`,
    dateOfBirth: c.dateOfBirth,
    postcode: c.postcode,
    current: c.dateLeft === null,
    strength: match.strength as Exclude<MatchStrength, "none">,
    reasons: match.reasons,
  }));
}

/** Another council's entry that may be the same child. Only `laName` and the team's contact may be shown. */
export interface ElsewhereMatch {
  childId: string;
  laId: string;
  laName: string;
  teamEmail: string | null;
  teamPhone: string | null;
  childReference: string;
  current: boolean;
  destinationUnknown: boolean;
  dateLeft: IsoDate | null;
  strength: "exact" | "likely";
  reasons: MatchReason[];
}

/** The candidate look-up on other councils' registers: indexes only (the bench runs this very statement). */
export function elsewhereCandidatesQuery(scope: WriterScope, subject: MatchableChild, tx: DbOrTx = db, only?: "destination_unknown") {
  return tx
    .select({ ...candidateColumns, laName: organisations.name, teamEmail: laSettings.teamEmail, teamPhone: laSettings.teamPhone })
    .from(children)
    .innerJoin(organisations, eq(organisations.id, children.laId))
    .leftJoin(laSettings, eq(laSettings.laId, children.laId))
    .where(
      and(
        ne(children.laId, scope.laId),
        or(...identifierConditions(subject), byDateOfBirth(subject)),
        only === "destination_unknown" ? eq(children.destination, "not_known") : undefined,
      ),
    )
    .limit(CANDIDATE_LIMIT);
}

/**
 * Other councils' entries for the same child: exact (NHS number, UPN, reference) or likely (name,
 * date of birth and sex agree). Callers show no more than the council's name for a likely one
 * until a person confirms it; an exact one's reference is the child's (decision 032).
 */
export async function matchesElsewhere(scope: WriterScope, subject: MatchableChild, tx: DbOrTx = db, only?: "destination_unknown"): Promise<ElsewhereMatch[]> {
  const rows = await elsewhereCandidatesQuery(scope, subject, tx, only);
  return rankMatches(subject, rows, "likely").map(({ candidate: c, match }) => ({
    childId: c.id,
    laId: c.laId,
    laName: c.laName,
    teamEmail: c.teamEmail ?? null,
    teamPhone: c.teamPhone ?? null,
    childReference: c.childReference,
    current: c.dateLeft === null,
    destinationUnknown: c.destination === "not_known",
    dateLeft: c.dateLeft,
    strength: match.strength as "exact" | "likely",
    reasons: match.reasons,
  }));
}

/**
 * What an officer adding a child is shown before the entry is made: the council's possible
 * duplicates, and other councils with the same child (exact) or a likely match (their name and
 * team's contact only). Each showing is audited; a cross-council one in both councils' logs.
 */
export async function matchesForNewChild(scope: LaScope, subject: MatchableChild, actor: Actor) {
  const [duplicates, elsewhere] = await Promise.all([possibleDuplicates(scope, subject), matchesElsewhere(scope, subject)]);
  if (duplicates.length > 0) {
    await actor.audit(db, { action: "child.possible_duplicates_shown", subjectType: "register", details: { ids: duplicates.map((d) => d.id) } });
  }
  for (const match of elsewhere) {
    await actor.audit(db, {
      action: "child.possible_duplicates_shown",
      subjectType: "register",
      details: { otherCouncilEntry: match.childId, strength: match.strength },
      counterpartLaId: match.laId,
    });
  }
  return {
    duplicates,
    elsewhere: elsewhere.map((m) => ({
      laName: m.laName,
      teamEmail: m.teamEmail,
      teamPhone: m.teamPhone,
      strength: m.strength,
      current: m.current,
      destinationUnknown: m.destinationUnknown,
      // The child's reference is the child's own: shown only when the identifiers say it is them.
      childReference: m.strength === "exact" ? m.childReference : null,
    })),
  };
}
