import { and, asc, desc, eq, inArray, ne, or, sql, type SQL } from "drizzle-orm";
import { candidateDatesOfBirth, MATCH_POINTS, rankMatches, type MatchableChild, type MatchReason, type MatchStrength } from "#app/domain/child-matching";
import type { IsoDate } from "#app/domain/dates";
import { db, rowsOf, type DbOrTx } from "#db/client";
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

// ---------------------------------------------------------------------------------------------
// The same look-ups for a batch of subjects in one statement each (the entry writer making many
// entries at once): the subjects as rows (jsonb_to_recordset), and for each, laterally, the very
// arms above (the identifiers without a limit; the likeness, at most CANDIDATE_LIMIT rows by the
// same relevance), so each subject's candidates are what its own look-up would find. The planner
// cannot know a lateral subject's values, so the council's own identifiers arm keeps the council as
// a filter (coalesce(...)), never as an index scan of the council's every entry; the children who
// left elsewhere with destination unknown are few (children_destination_unknown_idx).

interface BatchSubject {
  i: number;
  nhs: string | null;
  upn: string | null;
  ref: string | null;
  d1: string;
  d2: string | null;
  pc: string | null;
  sex: string | null;
  name: string;
  first: string;
  last: string;
}

function batchSubjects(subjects: readonly MatchableChild[]): string {
  return JSON.stringify(
    subjects.map((s, i): BatchSubject => {
      const [d1, d2] = candidateDatesOfBirth(s.dateOfBirth);
      return {
        i,
        nhs: s.nhsNumber ?? null,
        upn: s.upn ?? null,
        ref: s.childReference ?? null,
        d1: d1!,
        d2: d2 ?? null,
        pc: s.postcode ? compactPostcode(s.postcode) : null,
        sex: s.sex ?? null,
        name: `${s.firstName} ${s.lastName}`.toLowerCase(),
        first: s.firstName,
        last: s.lastName,
      };
    }),
  );
}

const SUBJECT_COLUMNS = sql.raw(`s(i int, nhs text, upn text, ref text, d1 date, d2 date, pc text, sex text, name text, first text, last text)`);

/** `relevance` of a candidate `c` to the lateral subject `s`: the matcher's weights, as there. */
const BATCH_RELEVANCE = sql.raw(
  `(${MATCH_POINTS.same_name} * similarity(lower(c.first_name || ' ' || c.last_name), s.name)` +
    ` + case when c.date_of_birth = s.d1 then ${MATCH_POINTS.same_date_of_birth} when c.date_of_birth = s.d2 then ${MATCH_POINTS.date_of_birth_day_and_month_swapped} else 0 end` +
    ` + case when s.pc is not null and replace(c.postcode, ' ', '') = s.pc then ${MATCH_POINTS.same_postcode} else 0 end` +
    ` + case when s.sex is null or c.sex is null then 0 when c.sex::text = s.sex then ${MATCH_POINTS.same_sex} else ${MATCH_POINTS.different_sex} end)`,
);

const BATCH_COLUMNS = sql.raw(
  `c.id, c.la_id as "laId", c.child_reference as "childReference",` +
    ` array(select r.reference from child_references r where r.retired_into = c.child_reference) as "retiredReferences",` +
    ` c.first_name as "firstName", c.last_name as "lastName", c.date_of_birth::text as "dateOfBirth", c.sex::text as sex,` +
    ` c.address_line_1 as "addressLine1", c.postcode, c.nhs_number as "nhsNumber", c.upn, c.date_left::text as "dateLeft", c.destination::text as destination`,
);

/**
 * The subject's identifiers: NHS number, UPN, and its reference (or the one it was retired into).
 * Only for a subject with one (a condition on the subject alone, so the arm is skipped for one
 * without); the caller's council condition is to be a filter on the few rows these indexes find.
 */
const BATCH_IDENTIFIERS = sql.raw(
  `(s.nhs is not null or s.upn is not null or s.ref is not null) and (c.nhs_number = s.nhs or c.upn = s.upn or c.child_reference = s.ref` +
    ` or c.child_reference = any(array(select r.retired_into from child_references r where r.reference = s.ref and r.retired_into is not null)))`,
);

type BatchCandidate = { i: number; id: string; laId: string; childReference: string; retiredReferences: string[]; firstName: string; lastName: string; dateOfBirth: IsoDate; sex: MatchableChild["sex"]; addressLine1: string; postcode: string; nhsNumber: string | null; upn: string | null; dateLeft: IsoDate | null; destination: string | null };

/** Each subject's candidate rows, once each, in the order of the subjects. */
function bySubject<T extends { i: number; id: string }>(count: number, rows: readonly T[]): T[][] {
  const found: T[][] = Array.from({ length: count }, () => []);
  for (const row of rows) found[row.i]!.push(row);
  return found.map(once);
}

/** `possibleDuplicates` for each of many subjects, in one statement: in the order given. */
export async function possibleDuplicatesOfMany(scope: WriterScope, subjects: readonly MatchableChild[], tx: DbOrTx = db): Promise<PossibleDuplicate[][]> {
  if (subjects.length === 0) return [];
  const rows = rowsOf<BatchCandidate>(
    await tx.execute(sql`select s.i, c.* from jsonb_to_recordset(${batchSubjects(subjects)}::jsonb) as ${SUBJECT_COLUMNS} cross join lateral (
      (select ${BATCH_COLUMNS} from ${children} c where ${BATCH_IDENTIFIERS} and coalesce(c.la_id = ${scope.laId}::uuid, false))
      union all
      (select ${BATCH_COLUMNS} from ${children} c where c.la_id = ${scope.laId}::uuid
        and (c.date_of_birth in (s.d1, s.d2)
          or (dmetaphone(c.last_name) = dmetaphone(s.last) and dmetaphone(c.first_name) = dmetaphone(s.first))
          or replace(c.postcode, ' ', '') = s.pc)
        order by ${BATCH_RELEVANCE} desc, c.id limit ${sql.raw(String(CANDIDATE_LIMIT))})
    ) c`),
  );
  return bySubject(subjects.length, rows).map((candidates, i) =>
    rankMatches(subjects[i]!, candidates).map(({ candidate: c, match }) => ({
      id: c.id,
      childReference: c.childReference,
      name: `${c.firstName} ${c.lastName}`,
      dateOfBirth: c.dateOfBirth,
      postcode: c.postcode,
      current: c.dateLeft === null,
      destinationUnknown: c.destination === "not_known",
      strength: match.strength as Exclude<MatchStrength, "none">,
      reasons: match.reasons,
    })),
  );
}

/** `matchesElsewhere` (children who left another register, destination unknown) for each of many subjects, in one statement. */
export async function destinationUnknownMatchesOfMany(scope: WriterScope, subjects: readonly MatchableChild[], tx: DbOrTx = db): Promise<ElsewhereMatch[][]> {
  if (subjects.length === 0) return [];
  const rows = rowsOf<BatchCandidate & { laName: string; teamEmail: string | null; teamPhone: string | null }>(
    await tx.execute(sql`select s.i, c.*, o.name as "laName", ls.team_email as "teamEmail", ls.team_phone as "teamPhone"
      from jsonb_to_recordset(${batchSubjects(subjects)}::jsonb) as ${SUBJECT_COLUMNS} cross join lateral (
        (select ${BATCH_COLUMNS} from ${children} c where c.destination = 'not_known' and c.la_id <> ${scope.laId}::uuid and ${BATCH_IDENTIFIERS})
        union all
        (select ${BATCH_COLUMNS} from ${children} c where c.la_id <> ${scope.laId}::uuid and c.destination = 'not_known' and c.date_of_birth = s.d1
          order by ${BATCH_RELEVANCE} desc, c.id limit ${sql.raw(String(CANDIDATE_LIMIT))})
      ) c
      join ${organisations} o on o.id = c."laId" left join ${laSettings} ls on ls.la_id = c."laId"`),
  );
  return bySubject(subjects.length, rows).map((candidates, i) =>
    rankMatches(subjects[i]!, candidates, "likely").map(({ candidate: c, match }) => ({
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
    })),
  );
}
