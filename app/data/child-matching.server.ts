import { and, asc, desc, eq, inArray, ne, or, sql, type SQL } from "drizzle-orm";
import { candidateDatesOfBirth, MATCH_POINTS, rankMatches, type MatchableChild, type MatchReason, type MatchStrength } from "#app/domain/child-matching";
import type { IsoDate } from "#app/domain/dates";
import { db, type DbOrTx } from "#db/client";
import { childReferences, children, laSettings, organisations } from "#db/schema/index";
import type { Actor } from "#app/utils/audit.server";
import type { LaScope, WriterScope } from "./scope.server";

// Candidates for the one matcher (app/domain/child-matching.ts), found only through indexes so no
// look-up scans the register. Each look-up is two arms of one statement (decision 071):
//   1. the identifiers, always and without a limit: the NHS number (children_nhs_number_idx), the
//      UPN (children_upn_idx) and the child reference (children_child_reference_idx), a reference
//      retired into another finding the child by the one it was joined into (child_references'
//      primary key) — a handful of rows, however many children share the birthday;
//   2. the likeness, at most CANDIDATE_LIMIT rows, ordered first by a relevance the database computes
//      on the rows the indexes found (pg_trgm similarity of the name, date of birth, postcode, sex,
//      weighted as the matcher weighs them), so the cut-off drops the least likely ones: by the date
//      of birth and its day-month swap (children_date_of_birth_idx, about 170 nationally a day at
//      1,000,000 children), the postcode within a council and the sound of the name within a
//      council (children_la_name_sound_idx, dmetaphone).
// The matcher then scores each candidate.

const CANDIDATE_LIMIT = 200;

/** The references each candidate was known by before records were joined (the matcher compares them too). */
const retiredReferencesOf = sql<string[]>`array(select ${childReferences.reference} from ${childReferences} where ${childReferences.retiredInto} = ${children.childReference})`.as(
  "retired_references",
);

const candidateColumns = {
  id: children.id,
  laId: children.laId,
  childReference: children.childReference,
  retiredReferences: retiredReferencesOf,
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

/** The subject's identifiers as one condition, or null when it has none (then only the likeness arm runs). */
function identifierCondition(subject: MatchableChild): SQL | null {
  const found: SQL[] = [];
  if (subject.nhsNumber) found.push(eq(children.nhsNumber, subject.nhsNumber));
  if (subject.upn) found.push(eq(children.upn, subject.upn));
  const references = [subject.childReference, ...(subject.retiredReferences ?? [])].filter((r): r is string => !!r);
  if (references.length > 0) {
    found.push(inArray(children.childReference, references));
    // A reference retired into another still finds the child, by the reference it was joined into.
    // As an array computed once (an init plan), so the reference index still serves it.
    found.push(
      sql`${children.childReference} = any(array(select ${childReferences.retiredInto} from ${childReferences} where ${inArray(childReferences.reference, references)} and ${childReferences.retiredInto} is not null))`,
    );
  }
  return found.length > 0 ? or(...found)! : null;
}

const compactPostcode = (postcode: string) => postcode.replace(/\s+/g, "").toUpperCase();

const byDateOfBirth = (subject: MatchableChild) => inArray(children.dateOfBirth, candidateDatesOfBirth(subject.dateOfBirth));

/**
 * How likely a row the indexes found is to be the subject, by the matcher's own weights: the name's
 * trigram similarity (pg_trgm; the names swapped score as the same, as its trigrams are the same),
 * the date of birth or its swap, the postcode and the sex. Computed only on the candidate rows.
 */
function relevance(subject: MatchableChild): SQL<number> {
  // The weights are the matcher's constants, written into the statement (not parameters), so each
  // part's type is plain.
  const points = (reason: keyof typeof MATCH_POINTS) => sql.raw(String(MATCH_POINTS[reason]));
  const [date, swapped] = candidateDatesOfBirth(subject.dateOfBirth);
  const name = `${subject.firstName} ${subject.lastName}`.toLowerCase();
  const parts: SQL[] = [
    sql`${points("same_name")} * similarity(lower(${children.firstName} || ' ' || ${children.lastName}), ${name}::text)`,
    sql`case when ${children.dateOfBirth} = ${date}::date then ${points("same_date_of_birth")} ${swapped ? sql`when ${children.dateOfBirth} = ${swapped}::date then ${points("date_of_birth_day_and_month_swapped")} ` : sql``}else 0 end`,
  ];
  if (subject.postcode) {
    parts.push(sql`case when replace(${children.postcode}, ' ', '') = ${compactPostcode(subject.postcode)}::text then ${points("same_postcode")} else 0 end`);
  }
  if (subject.sex) {
    parts.push(sql`case when ${children.sex} is null then 0 when ${children.sex} = ${subject.sex} then ${points("same_sex")} else ${points("different_sex")} end`);
  }
  return sql<number>`(${sql.join(parts, sql` + `)})`;
}

export interface PossibleDuplicate {
  id: string;
  childReference: string;
  name: string;
  dateOfBirth: IsoDate;
  postcode: string;
  current: boolean;
  /** Left the register with destination unknown (still findable: issue 15 item 5). */
  destinationUnknown: boolean;
  strength: Exclude<MatchStrength, "none">;
  reasons: MatchReason[];
}

/** The candidate look-up for the council's possible duplicates: indexes only (the bench runs this very statement). */
export function duplicateCandidatesQuery(scope: WriterScope, subject: MatchableChild, tx: DbOrTx = db, exceptId?: string) {
  const within = and(eq(children.laId, scope.laId), exceptId ? ne(children.id, exceptId) : undefined);
  const likeness = [
    byDateOfBirth(subject),
    sql`dmetaphone(${children.lastName}) = dmetaphone(${subject.lastName}) and dmetaphone(${children.firstName}) = dmetaphone(${subject.firstName})`,
  ];
  // The postcode as stored (normalised), compared without its space: children_la_postcode_compact_idx.
  if (subject.postcode) likeness.push(sql`replace(${children.postcode}, ' ', '') = ${compactPostcode(subject.postcode)}::text`);
  const likely = tx
    .select(candidateColumns)
    .from(children)
    .where(and(within, or(...likeness)))
    .orderBy(desc(relevance(subject)), asc(children.id))
    .limit(CANDIDATE_LIMIT);
  const identifiers = identifierCondition(subject);
  return identifiers ? tx.select(candidateColumns).from(children).where(and(within, identifiers)).unionAll(likely) : likely;
}

/** Each candidate once: a row both arms found is the same entry. */
function once<T extends { id: string }>(rows: readonly T[]): T[] {
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.id) && seen.add(r.id));
}

/** The council's own entries that may be the same child (current or left), strongest first. */
export async function possibleDuplicates(scope: WriterScope, subject: MatchableChild, tx: DbOrTx = db, exceptId?: string): Promise<PossibleDuplicate[]> {
  const rows = once(await duplicateCandidatesQuery(scope, subject, tx, exceptId));
  return rankMatches(subject, rows).map(({ candidate: c, match }) => ({
    id: c.id,
    childReference: c.childReference,
    name: `${c.firstName} ${c.lastName}`,
    dateOfBirth: c.dateOfBirth,
    postcode: c.postcode,
    current: c.dateLeft === null,
    destinationUnknown: c.destination === "not_known",
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

/**
 * The candidate look-up on other councils' registers: indexes only (the bench runs this very
 * statement). Only an identifier or the same date of birth can make an exact or likely match, so
 * the likeness arm looks up the date itself (not its swap).
 */
export function elsewhereCandidatesQuery(scope: WriterScope, subject: MatchableChild, tx: DbOrTx = db, only?: "destination_unknown") {
  const columns = { ...candidateColumns, laName: organisations.name, teamEmail: laSettings.teamEmail, teamPhone: laSettings.teamPhone };
  const within = and(ne(children.laId, scope.laId), only === "destination_unknown" ? eq(children.destination, "not_known") : undefined);
  const likely = tx
    .select(columns)
    .from(children)
    .innerJoin(organisations, eq(organisations.id, children.laId))
    .leftJoin(laSettings, eq(laSettings.laId, children.laId))
    .where(and(within, eq(children.dateOfBirth, subject.dateOfBirth)))
    .orderBy(desc(relevance(subject)), asc(children.id))
    .limit(CANDIDATE_LIMIT);
  const identifiers = identifierCondition(subject);
  return identifiers
    ? tx
        .select(columns)
        .from(children)
        .innerJoin(organisations, eq(organisations.id, children.laId))
        .leftJoin(laSettings, eq(laSettings.laId, children.laId))
        .where(and(within, identifiers))
        .unionAll(likely)
    : likely;
}

/**
 * Other councils' entries for the same child: exact (NHS number, UPN, reference) or likely (name,
 * date of birth and sex agree). Callers show no more than the council's name for a likely one
 * until a person confirms it; an exact one's reference is the child's (decision 032).
 */
export async function matchesElsewhere(scope: WriterScope, subject: MatchableChild, tx: DbOrTx = db, only?: "destination_unknown"): Promise<ElsewhereMatch[]> {
  const rows = once(await elsewhereCandidatesQuery(scope, subject, tx, only));
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
