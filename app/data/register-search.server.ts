import { and, asc, count, desc, eq, inArray, isNotNull, isNull, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { PgSelect } from "drizzle-orm/pg-core";
import { londonDate, type IsoDate } from "#app/domain/dates";
import type * as v from "#app/domain/register-vocabulary";
import { MIN_CONTAINS_LENGTH, readSearchText, type SearchKind, type SearchText } from "#app/domain/register-search-text";
import type { RegisterFlag } from "#app/domain/register-flags";
import type { SuitabilityStage } from "#app/domain/suitability-process";
import type { Actor } from "#app/utils/audit.server";
import { db } from "#db/client";
import { childReferences, children, consentRequests, educationArrangements, parentsAndCarers, placements, users } from "#db/schema/index";
import { caseworkSettings, dueCondition } from "./casework-due.server";
import type { Due, OwnerFilter, Sort } from "./register-query";
import { childInOutputs, childVisibleTo } from "./scope-predicates.server";
import type { RegisterScope } from "./scope.server";
import { escapeLike } from "./like-pattern";
import { outer } from "./outer-column.server";

// Searching a register: the search box's text read the ways people type it
// (app/domain/register-search-text.ts), each reading through its own index, the matches ranked,
// and the search's audit event. The scope's predicate is part of every query, so a match outside
// the user's reach is never read, counted or flagged.

export const PAGE_SIZE = 25;

export interface RegisterQuery {
  q?: string;
  status?: v.EducationStatus;
  socialCare?: v.SocialCareStatus;
  arrangements?: "any" | "none";
  state?: "current" | "left" | "all";
  /** The caseload filters: the signed-in officer's own entries, or entries nobody owns. */
  owner?: OwnerFilter;
  /** One of the work queue's lists (current entries only), longest waiting first unless sorted. */
  due?: Due;
  sort?: Sort;
  page?: number;
}

export type { SearchKind };

const firstName = sql`lower(${children.firstName})`;
const lastName = sql`lower(${children.lastName})`;
/** The address as its trigram index holds it (children_address_trgm_idx): the same expression, or no index. */
const address = sql`lower(${children.addressLine1} || ' ' || coalesce(${children.addressLine2}, '') || ' ' || ${children.town})`;
const parentName = sql`lower(${parentsAndCarers.name})`;

const startsWith = (column: SQL, text: string) => sql`${column} like ${`${escapeLike(text)}%`}`;
/**
 * Every word somewhere in the text: words long enough for the trigram index narrow the search
 * through it (LIKE '%word%'); shorter ones only filter the rows it found (strpos uses no index,
 * which is the point: a two-letter word would make the index read everything).
 */
function containsAll(column: SQL, words: string[]): SQL {
  return and(...words.map((w) => (w.length >= MIN_CONTAINS_LENGTH ? sql`${column} like ${`%${escapeLike(w)}%`}` : sql`strpos(${column}, ${w}) > 0`)))!;
}

/** A reference finds its child, and so does one retired into it (records joined as one child). */
function referenceOrRetiredAlias(reference: string): SQL {
  return or(
    eq(children.childReference, reference),
    sql`${children.childReference} = (select ${childReferences.retiredInto} from ${childReferences} where ${childReferences.reference} = ${reference})`,
  )!;
}

interface Condition {
  where: SQL;
  /** Statements run to build `where` (a parent's name, read first): the plan tests and the bench read them too. */
  lookups?: (SQLWrapper & { toSQL(): { sql: string; params: unknown[] } })[];
  /** Higher first: for words, how well a row matches (a child's own name before a parent's or an address). */
  rank?: SQL;
}

async function wordsCondition(search: Extract<SearchText, { kind: "words" }>, scope: RegisterScope): Promise<Condition> {
  const { words } = search;
  if (words.length === 0) return { where: eq(children.laChildId, search.raw) };
  // A child's names, each word the start of the first name or the surname, in either order; with a
  // comma, the surname first. Each word is served by the LA's name-prefix indexes.
  const name = search.surnameFirst
    ? and(startsWith(lastName, search.surnameFirst.surname.join(" ")), startsWith(firstName, search.surnameFirst.forenames[0]!))!
    : and(...words.map((w) => or(startsWith(firstName, w), startsWith(lastName, w))!))!;
  const branches: SQL[] = [name, eq(children.laChildId, search.raw)];
  let parent: SQL | undefined;
  const lookups: NonNullable<Condition["lookups"]> = [];
  if (words.some((w) => w.length >= MIN_CONTAINS_LENGTH)) {
    // A parent's name, from its trigram index (la_id leading), read first as the ids of the
    // children it belongs to. Sent back as one array value, the ids are a constant to the planner:
    // the primary key's index looks them up, so this branch joins the others' bitmap, and each row
    // is tested against them by hashing. (The same ids as a subquery's array are compared element
    // by element for every row: 25 ms of a 75 ms search for a common surname at 1,000,000 entries.)
    const lookup = db.select({ childId: parentsAndCarers.childId }).from(parentsAndCarers).where(and(eq(parentsAndCarers.laId, scope.la.laId), containsAll(parentName, words)));
    lookups.push(lookup);
    const found = await lookup;
    const ids = [...new Set(found.map((p) => p.childId))];
    if (ids.length > 0) parent = sql`${children.id} = any(${`{${ids.join(",")}}`}::uuid[])`;
    // An address within the council, so its index (la_id leading too) reads only the council's
    // entries. A social worker's scope is the children allocated to them, a few rows found by
    // their own index, some on other councils' registers: those are filtered instead.
    branches.push(...(parent ? [parent] : []), and(scope.kind === "la" ? eq(children.laId, scope.la.laId) : undefined, containsAll(address, words))!);
  }
  // IDENTIFIER ALIASES: a retired child reference (issue 15) is an identifier, read by
  // readSearchText as "child_reference" and looked up in searchCondition below, not here.
  const where = and(or(...branches)!, search.dateOfBirth ? eq(children.dateOfBirth, search.dateOfBirth) : undefined)!;
  const typed = words.join(" ");
  const rank = sql`(case when ${name} or ${children.laChildId} = ${search.raw} then 4 ${parent ? sql`when ${parent} then 2` : sql``} else 1 end) + similarity(${firstName} || ' ' || ${lastName}, ${typed})`;
  return { where, rank, lookups };
}

async function searchCondition(search: SearchText, scope: RegisterScope): Promise<Condition> {
  switch (search.kind) {
    case "upn":
      return { where: eq(children.upn, search.upn) };
    case "nhs_number":
      return { where: eq(children.nhsNumber, search.nhsNumber) };
    case "child_reference":
      return { where: referenceOrRetiredAlias(search.reference) };
    case "postcode":
      // The compact form matches however the postcode was stored or typed (children_la_postcode_compact_idx).
      return { where: sql`replace(${children.postcode}, ' ', '') like ${`${escapeLike(search.compact)}%`}` };
    case "date_of_birth":
      return { where: eq(children.dateOfBirth, search.date) };
    case "words":
      return wordsCondition(search, scope);
  }
}

export interface RegisterListRow {
  id: string;
  childReference: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  postcode: string;
  educationStatus: v.EducationStatus;
  socialCareStatus: v.SocialCareStatus;
  dateEntered: string;
  dateLeft: string | null;
  ownerUserId: string | null;
  statusSince: string;
  lastContactOn: string | null;
  nextAction: string | null;
  nextActionDue: string | null;
  suitabilityStage: SuitabilityStage | null;
  suitabilityDeadline: string | null;
  ownerName: string | null;
  flags: RegisterFlag[];
}

/** The flags of a page of entries, in one query on their ids (never computed for every match). */
async function flagsOf(ids: string[]): Promise<Map<string, RegisterFlag[]>> {
  const flags = new Map<string, RegisterFlag[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return flags;
  const other = sql.raw(`"other_la_entry"`);
  const rows = await db
    .select({
      id: children.id,
      needsReview: sql<boolean>`exists (select 1 from ${placements} where ${placements.childId} = ${outer(children.id)} and ${placements.needsReviewSince} is not null)`,
      consentWaiting: sql<boolean>`exists (select 1 from ${consentRequests} where ${consentRequests.childId} = ${outer(children.id)} and ${consentRequests.status} = 'pending')`,
      // The same child by an exact identifier on another council's current register: a flag
      // only, never which council or whose entry (a person confirms a match first).
      registeredElsewhere: sql<boolean>`exists (select 1 from ${children} as ${other} where ${other}.la_id <> ${outer(children.laId)} and ${other}.date_left is null
        and ((${outer(children.upn)} is not null and ${other}.upn = ${outer(children.upn)}) or (${outer(children.nhsNumber)} is not null and ${other}.nhs_number = ${outer(children.nhsNumber)})))`,
    })
    .from(children)
    .where(inArray(children.id, ids));
  for (const row of rows) {
    const list = flags.get(row.id)!;
    if (row.needsReview) list.push("needs_review");
    if (row.consentWaiting) list.push("consent_waiting");
    if (row.registeredElsewhere) list.push("registered_elsewhere");
    // A transfer pending (issue 15) adds its flag here, from its own table by these ids.
  }
  return flags;
}

/** The `where` of a register list: its scope, the search's reading and the filters. */
async function registerWhere(scope: RegisterScope, query: RegisterQuery, search: SearchText | null, today: IsoDate): Promise<{ where: SQL; condition: Condition | null; state: string }> {
  const conditions: SQL[] = [childVisibleTo(scope)];
  const condition = search ? await searchCondition(search, scope) : null;
  if (condition) conditions.push(condition.where);
  if (query.status) conditions.push(eq(children.educationStatus, query.status));
  if (query.socialCare) conditions.push(eq(children.socialCareStatus, query.socialCare));
  if (query.due) conditions.push(dueCondition(query.due, await caseworkSettings(scope.la.laId), today));
  const state = query.due ? "current" : (query.state ?? "current");
  if (state === "current") conditions.push(isNull(children.dateLeft));
  if (state === "left") conditions.push(isNotNull(children.dateLeft));
  if (query.owner === "mine") conditions.push(eq(children.ownerUserId, scope.la.user.id));
  if (query.owner === "none") conditions.push(isNull(children.ownerUserId));
  if (query.arrangements) {
    const exists = sql`exists (select 1 from ${educationArrangements} where ${educationArrangements.childId} = ${children.id})`;
    conditions.push(query.arrangements === "any" ? exists : sql`not ${exists}`);
  }
  return { where: and(...conditions)!, condition, state };
}

/** How many entries a register list shows: the work queue's lines count their lists this way. */
export async function countRegister(scope: RegisterScope, query: Omit<RegisterQuery, "q" | "sort" | "page">, now = new Date()): Promise<number> {
  const { where } = await registerWhere(scope, query, null, londonDate(now));
  const [row] = await db.select({ n: count() }).from(children).where(where);
  return row?.n ?? 0;
}

/** A list's query: its `where`, its order, and one page of it. */
async function listPlan(scope: RegisterScope, query: RegisterQuery, search: SearchText | null, today: IsoDate) {
  const { where, condition, state } = await registerWhere(scope, query, search, today);
  // With words typed, the matches are found by their own indexes, counted, then sorted, in one
  // pass. Ordered by the plain expressions, PostgreSQL may instead walk the LA's name index in
  // order, filtering as it goes, expecting matches spread evenly through the alphabet; a surname
  // late in the alphabet then reads most of the LA's entries (480 ms for "smith" in Birmingham with
  // 1,000,000 entries, 4 ms this way). `|| ''` sorts the same but is an order no index provides.
  const byName = search ? sql`lower(${children.lastName}) || ''` : lastName;
  const nameOrder = [asc(byName), asc(firstName), asc(children.id)];
  const longestWaiting = {
    missing_education: [asc(children.statusSince)],
    no_contact: [asc(sql`coalesce(${children.lastContactOn}, ${children.dateEntered})`)],
    annual_review: [asc(sql`coalesce(${children.lastAnnualReviewOn}, ${children.dateEntered})`)],
    next_action: [asc(children.nextActionDue)],
    suitability_deadline: [asc(children.suitabilityDeadline)],
    support_waiting: [asc(children.statusSince)],
    visit_offer: [asc(children.dateEntered)],
    information_overdue: [asc(children.dateEntered)],
    no_named_school: [asc(children.dateEntered)],
  } satisfies Record<Due, SQL[]>;
  const order =
    query.sort === "status_since"
      ? [asc(children.statusSince), asc(children.id)]
      : !query.sort && query.due
        ? [...longestWaiting[query.due], ...nameOrder]
        : query.sort === "date_of_birth"
      ? [asc(children.dateOfBirth), asc(children.id)]
      : query.sort === "date_entered"
        ? [desc(children.dateEntered), asc(children.id)]
        : query.sort === "name" || !condition?.rank
          ? nameOrder
          : [desc(condition.rank), ...nameOrder];
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
    dateEntered: children.dateEntered,
    dateLeft: children.dateLeft,
    ownerUserId: children.ownerUserId,
    statusSince: children.statusSince,
    lastContactOn: children.lastContactOn,
    nextAction: children.nextAction,
    nextActionDue: children.nextActionDue,
    suitabilityStage: children.suitabilityStage,
    suitabilityDeadline: children.suitabilityDeadline,
  };
  const onePage = <T extends PgSelect>(select: T) => select.where(where).orderBy(...order).limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE);
  return { where, state, page, columns, order, onePage, lookups: condition?.lookups ?? [] };
}

/**
 * Every page of a register list, for its export: the list's scope, search and filters, its order,
 * and only entries that may leave the council's pages (`childInOutputs`, decision 052).
 */
export async function registerExportPlan(scope: RegisterScope, query: Omit<RegisterQuery, "page">, now = new Date()) {
  const today = londonDate(now);
  const search = query.q ? readSearchText(query.q, today) : null;
  const { where, state, order } = await listPlan(scope, query, search, today);
  return { where: and(where, childInOutputs())!, order, kind: search?.kind ?? null, filters: listFilters(query, state) };
}

/** The filters as an audit event records them: never the words typed (they are names and identifiers). */
function listFilters(query: RegisterQuery, state: string) {
  return { status: query.status, socialCare: query.socialCare, arrangements: query.arrangements, state, owner: query.owner, due: query.due, sort: query.sort };
}

/**
 * The statement that reads a search's page of matches, and the look-ups run before it to build it
 * (their plans are checked in tests: indexes only).
 */
export async function registerMatchesStatement(scope: RegisterScope, query: RegisterQuery, now = new Date()) {
  const today = londonDate(now);
  const plan = await listPlan(scope, query, query.q ? readSearchText(query.q, today) : null, today);
  // Wrapped: a query builder is a thenable, and returning it from an async function would run it.
  return { lookups: plan.lookups, statement: plan.onePage(db.select({ ...plan.columns, total: sql<number>`count(*) over ()`.mapWith(Number) }).from(children).$dynamic()) };
}

export async function searchRegister(scope: RegisterScope, query: RegisterQuery, actor: Actor) {
  const today = londonDate(new Date());
  const search = query.q ? readSearchText(query.q, today) : null;
  const kind: SearchKind | null = search?.kind ?? null;
  const { where, state, page, columns, onePage } = await listPlan(scope, query, search, today);
  const countOf = async () => (await db.select({ n: count() }).from(children).where(where))[0]?.n ?? 0;
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
  const filtered = search || query.owner || query.due;
  const { rows, total } = filtered ? await matchesPage() : await registerPage();
  const ids = rows.map((r) => r.id);
  const ownerIds = [...new Set(rows.map((r) => r.ownerUserId).filter((id): id is string => id !== null))];
  const [flags, owners] = await Promise.all([
    flagsOf(ids),
    ownerIds.length > 0 ? db.select({ id: users.id, name: users.name }).from(users).where(and(inArray(users.id, ownerIds), eq(users.organisationId, scope.la.laId))) : [],
  ]);
  const ownerName = new Map(owners.map((o) => [o.id, o.name]));
  const listRows: RegisterListRow[] = rows.map((r) => ({ ...r, ownerName: r.ownerUserId ? (ownerName.get(r.ownerUserId) ?? null) : null, flags: flags.get(r.id) ?? [] }));
  // Searches are reads of children's records too; the audit keeps what kind of search it was and
  // the filters, never the words typed (they are names and identifiers).
  await actor.audit(db, {
    action: "register.searched",
    subjectType: "register",
    subjectId: scope.la.laId,
    details: { kind, filters: listFilters(query, state), results: total },
  });
  return { rows: listRows, total, page, pageSize: PAGE_SIZE, reading: search, today };
}
