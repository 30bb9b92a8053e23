import { href } from "react-router";
import { and, desc, eq, inArray } from "drizzle-orm";
import { checkDecision } from "#app/domain/council-queue";
import { formatDate, londonDate, type IsoDate } from "#app/domain/dates";
import { HOME_EDUCATION_GROUND, type DeletionGround } from "#app/domain/deletion-grounds";
import { newEntryStatus, returnStatus, routeDeletionReturn, type DeletionReturnRoute, type ReturnStatus, type SchoolSays } from "#app/domain/deletion-returns";
import type { SenStatus, SocialCareStatus } from "#app/domain/register-vocabulary";
import { neverAttendingStatus, newPupilReturnStatus } from "#app/domain/school-returns";
import type { QueuePayload } from "#app/forms/council-queue-payloads";
import type { DeletionReturnInput } from "#app/forms/deletion-return";
import { hasSpecialNeeds, type RegisterEntryInput } from "#app/forms/register-entry";
import type { Actor, Auditor } from "#app/utils/audit.server";
import { notFound } from "#app/utils/refusals.server";
import { db, type DbOrTx, type Transaction } from "#db/client";
import { children, consentRequests, councilQueueItems, schoolReturns, schools, type SchoolReturnKind } from "#db/schema/index";
import { possibleDuplicates, type PossibleDuplicate } from "./child-matching.server";
import { recordIntentionWith } from "./consent.server";
import { addQueueItem, markDecided, notifyOfficers, payloadOf, queueItemOf } from "./council-queue.server";
import { closeQueueItem, makeEntryFromQueueItem } from "./queue-decisions.server";
import { changeEntry } from "./entry-writer.server";
import type { SchoolScope, SchoolSender } from "./school-scope.server";
import { councilOfSchoolScope, councilOfSchoolToken, type LaScope, type WriterScope } from "./scope.server";
import { transaction } from "./transaction.server";

// Schools' deletion returns (issue 17 item 3; decision 069). A school tells its council a pupil is
// leaving its roll; the return is matched against the council's register with the one matcher,
// routed by the law (app/domain/deletion-returns.ts), and recorded with its audit event in the
// transaction that opens the consent requests or adds the council's queue item. The council's
// officer then decides the queue item. The school reads only its returns' statuses.

type DeletionPayload = QueuePayload<"deletion_return">;

export async function ownSchoolRow(tx: DbOrTx, school: { readonly schoolId: string }) {
  const [row] = await tx
    .select({ organisationId: schools.organisationId, laId: schools.laId, urn: schools.urn, name: schools.name })
    .from(schools)
    .where(eq(schools.organisationId, school.schoolId));
  return row ?? notFound();
}

function schoolSays(input: Pick<DeletionReturnInput, "knownToSchool">): SchoolSays {
  return {
    childProtectionPlan: input.knownToSchool.includes("childProtectionPlan"),
    s47Enquiries: input.knownToSchool.includes("s47Enquiries"),
    laArrangedSpecialSchoolPlace: input.knownToSchool.includes("laArrangedSpecialSchoolPlace"),
  };
}

export const subjectOf = (p: { firstName: string; lastName: string; dateOfBirth: IsoDate; upn?: string | null; address?: { postcode: string; addressLine1: string }; postcode?: string; addressLine1?: string }) => ({
  firstName: p.firstName,
  lastName: p.lastName,
  dateOfBirth: p.dateOfBirth,
  upn: p.upn ?? null,
  postcode: p.address?.postcode ?? p.postcode ?? null,
  addressLine1: p.address?.addressLine1 ?? p.addressLine1 ?? null,
});

/** The pupil's own columns of a return (decision 076): what the checks, subject access and the retention guard find it by. */
export const pupilColumns = (p: { firstName: string; lastName: string; dateOfBirth: IsoDate; upn?: string | null }) => ({ firstName: p.firstName, lastName: p.lastName, dateOfBirth: p.dateOfBirth, upn: p.upn ?? null });

/** The one current entry the return is the same child as (a shared identifier, or name and date of birth agree), or none when none or several are. */
function onlyMatch(matches: PossibleDuplicate[]): PossibleDuplicate | null {
  const strong = matches.filter((m) => m.current && (m.strength === "exact" || m.strength === "likely"));
  return strong.length === 1 ? strong[0]! : null;
}

export type SendResult = { ok: true; returnId: string; route: DeletionReturnRoute["kind"]; mustNotDelete: boolean };

/** Who sends a return: a school user, or the school's system through its API token (no user; decision 076). */
export interface ReturnSender {
  userId: string | null;
  apiTokenId?: string;
  audit: Auditor;
}

/** What a sent return became, as the step alongside it is told. */
export interface SentReturn {
  returnId: string;
  route: "consent_request" | "queue" | "recorded";
  mustNotDelete: boolean;
}

export interface SendOptions {
  now?: Date;
  /** A step in the return's own transaction (the API keeps its answer for the Idempotency-Key there). */
  alongside?: (tx: Transaction, sent: SentReturn) => Promise<void>;
}

/** The return's sender columns: the user, or the token. */
export const senderColumns = (actor: ReturnSender) => (actor.userId ? { sentBy: actor.userId, sentByApiTokenId: null } : { sentBy: null, sentByApiTokenId: actor.apiTokenId! });

/** The council of the school's area, as the sender reaches it: a user's council scope, or the token's. */
export function councilFor(school: SchoolSender, row: { organisationId: string; laId: string }): WriterScope {
  return "user" in school ? councilOfSchoolScope(school, row) : councilOfSchoolToken(school, row);
}

/**
 * A school sends a deletion return. A home-education return for a pupil the register holds a
 * s434A ground for opens the consent workflow's requests for that entry (the school must wait);
 * every other return is an item in the council's queue (flagged, and the school told to wait,
 * when the school says s434A applies but no request could open).
 */
export async function sendDeletionReturn(school: SchoolSender, input: DeletionReturnInput, sender: ReturnSender, options: SendOptions = {}): Promise<SendResult> {
  const now = options.now ?? new Date();
  const row = await ownSchoolRow(db, school);
  const council = councilFor(school, row);
  const says = schoolSays(input);
  const matched = input.ground === HOME_EDUCATION_GROUND ? onlyMatch(await possibleDuplicates(council, subjectOf(input))) : null;
  const returnId = crypto.randomUUID();
  const queued = (tx: Transaction, route: DeletionReturnRoute) => toQueue(tx, row, input, returnId, route, sender, now, options.alongside);
  if (!matched) return transaction("school_return.send", (tx) => queued(tx, routeDeletionReturn(input.ground, says, null)));
  if (!("user" in school) || sender.userId === null) {
    // The school's system (no person): the register's grounds still hold the school back, but the
    // consent request, which a person raises, is for an officer to open from the queue.
    const [held] = await db.select({ socialCareStatus: children.socialCareStatus, laArrangedSpecialSchoolPlace: children.laArrangedSpecialSchoolPlace }).from(children).where(and(eq(children.id, matched.id), eq(children.laId, row.laId)));
    const route = routeDeletionReturn(input.ground, says, held ?? null);
    return transaction("school_return.send", (tx) => queued(tx, route.kind === "consent_request" ? { kind: "queue", mustNotDelete: true, needsConsent: true, grounds: route.grounds } : route));
  }
  const actor: Actor = { userId: sender.userId, audit: sender.audit };
  const council434A = councilOfSchoolScope(school, row);

  return changeEntry("school_return.send", council434A, matched.id, actor, async (writer) => {
    const route = routeDeletionReturn(input.ground, says, { socialCareStatus: writer.entry.socialCareStatus, laArrangedSpecialSchoolPlace: writer.entry.laArrangedSpecialSchoolPlace });
    if (route.kind !== "consent_request") return queued(writer.tx, route);
    let noticeId: string | null = crypto.randomUUID();
    const opened = await recordIntentionWith(
      writer,
      council434A,
      { notice: "parent_notice", noticeDate: input.noticeDate!, evidence: `Deletion return from ${row.name} (URN ${row.urn}): the parent's written notice of ${formatDate(input.noticeDate!)}.` },
      actor,
      undefined,
      now,
      { registeredPupil: true, noticeId },
    );
    if (!opened.ok) {
      // A request already waiting for this child: the return waits on it. Otherwise (the entry
      // has left the register, or already records home education) an officer must look.
      noticeId = opened.kind === "already_pending" ? await pendingNoticeOf(writer.tx, writer.entry.id) : null;
    } else if (opened.outcome !== "consent_requested") {
      throw new Error("A return routed to consent recorded home education");
    }
    if (!noticeId) return queued(writer.tx, { kind: "queue", mustNotDelete: true, needsConsent: true, grounds: route.grounds });
    await writer.tx.insert(schoolReturns).values({ id: returnId, schoolId: row.organisationId, laId: row.laId, kind: "deletion", ...pupilColumns(input), payload: input as unknown as Record<string, unknown>, mustNotDelete: true, consentNoticeId: noticeId, ...senderColumns(sender), sentAt: now });
    await options.alongside?.(writer.tx, { returnId, route: "consent_request", mustNotDelete: true });
    await actor.audit(writer.tx, { action: "school_return.sent", subjectType: "school_return", subjectId: returnId, details: { urn: row.urn, ground: input.ground, route: "consent_request", childId: writer.entry.id, noticeId }, counterpartLaId: row.laId });
    return { ok: true, returnId, route: "consent_request", mustNotDelete: true };
  });
}

async function pendingNoticeOf(tx: DbOrTx, childId: string): Promise<string | null> {
  const [open] = await tx.select({ noticeId: consentRequests.noticeId }).from(consentRequests).where(and(eq(consentRequests.childId, childId), eq(consentRequests.status, "pending")));
  return open?.noticeId ?? null;
}

async function toQueue(
  tx: Transaction,
  row: Awaited<ReturnType<typeof ownSchoolRow>>,
  input: DeletionReturnInput,
  returnId: string,
  route: DeletionReturnRoute,
  actor: ReturnSender,
  now: Date,
  alongside?: SendOptions["alongside"],
): Promise<SendResult> {
  const needsConsent = route.kind === "consent_request" || route.needsConsent;
  const payload: DeletionPayload = {
    returnId,
    schoolName: row.name,
    urn: row.urn,
    firstName: input.firstName,
    middleNames: input.middleNames ?? null,
    lastName: input.lastName,
    dateOfBirth: input.dateOfBirth,
    upn: input.upn ?? null,
    address: { addressLine1: input.addressLine1, addressLine2: input.addressLine2 ?? null, town: input.town, postcode: input.postcode },
    parentName: input.parentName,
    parentRelationship: input.parentRelationship,
    parentAddress: input.parentAddress,
    emergencyPhone: input.emergencyPhone,
    ground: input.ground,
    noticeDate: input.noticeDate ?? null,
    nextSchool: input.nextSchool ?? null,
    knownToSchool: input.knownToSchool,
    needsConsent,
    consentGrounds: route.grounds,
  };
  const item = await addQueueItem(tx, { laId: row.laId, kind: "deletion_return", source: "school", payload, now });
  await tx.insert(schoolReturns).values({ id: returnId, schoolId: row.organisationId, laId: row.laId, kind: "deletion", ...pupilColumns(input), payload: input as unknown as Record<string, unknown>, mustNotDelete: route.mustNotDelete, queueItemId: item.id, ...senderColumns(actor), sentAt: now });
  await notifyOfficers(tx, row.laId, {
    subject: needsConsent ? `A deletion return from ${row.name} may need the council's consent` : `A deletion return from ${row.name}`,
    body: needsConsent
      ? "A school has told the council a pupil is leaving its roll for home education, and says the council's consent may be needed (section 434A of the Education Act 1996). The school has been told not to delete the pupil until the council consents."
      : "A school has told the council a pupil is leaving its roll. Match the return to a child on your register, add the child from it, or record that they moved to another school.",
    link: href("/council-queue/:itemId", { itemId: item.id }),
  });
  await actor.audit(tx, { action: "school_return.sent", subjectType: "school_return", subjectId: returnId, details: { urn: row.urn, ground: input.ground, route: "queue", needsConsent, queueItemId: item.id }, counterpartLaId: row.laId });
  await alongside?.(tx, { returnId, route: "queue", mustNotDelete: route.mustNotDelete });
  return { ok: true, returnId, route: "queue", mustNotDelete: route.mustNotDelete };
}

export interface OwnReturn {
  id: string;
  kind: SchoolReturnKind;
  pupil: string;
  /** A deletion return's ground; null for the other kinds. */
  ground: DeletionGround | null;
  /** A new pupil return's day joined. */
  joinedOn: IsoDate | null;
  sessionsMissed: number | null;
  sentOn: IsoDate;
  mustNotDelete: boolean;
  status: ReturnStatus;
}

/** The school's own returns, newest first, each with its status only (never the register's data). */
export async function listSchoolReturns(school: SchoolScope, actor: Actor): Promise<OwnReturn[]> {
  const rows = await db
    .select({ id: schoolReturns.id, kind: schoolReturns.kind, firstName: schoolReturns.firstName, lastName: schoolReturns.lastName, joinedOn: schoolReturns.joinedOn, sessionsMissed: schoolReturns.sessionsMissed, payload: schoolReturns.payload, sentAt: schoolReturns.sentAt, mustNotDelete: schoolReturns.mustNotDelete, noticeId: schoolReturns.consentNoticeId, queueState: councilQueueItems.state, queuePayload: councilQueueItems.payload })
    .from(schoolReturns)
    .leftJoin(councilQueueItems, eq(councilQueueItems.id, schoolReturns.queueItemId))
    .where(eq(schoolReturns.schoolId, school.schoolId))
    .orderBy(desc(schoolReturns.sentAt), desc(schoolReturns.id))
    .limit(200);
  const noticeIds = rows.map((r) => r.noticeId).filter((n): n is string => n !== null);
  const requests = noticeIds.length > 0 ? await db.select({ noticeId: consentRequests.noticeId, status: consentRequests.status }).from(consentRequests).where(inArray(consentRequests.noticeId, noticeIds)) : [];
  await actor.audit(db, { action: "school_return.listed", subjectType: "school_return", details: { ids: rows.map((r) => r.id) } });
  return rows.map((r) => {
    const p = r.payload as { ground?: DeletionGround };
    let status: ReturnStatus;
    if (r.kind === "new_pupil") {
      status = newPupilReturnStatus(r.queueState);
    } else if (r.kind === "never_attending") {
      status = neverAttendingStatus(r.queueState!);
    } else if (r.noticeId) {
      const statuses = requests.filter((q) => q.noticeId === r.noticeId).map((q) => q.status);
      // Every rule that applied must agree; one refusal is the council's answer.
      const overall = statuses.includes("refused") ? "refused" : statuses.length > 0 && statuses.every((s) => s === "agreed") ? "agreed" : "pending";
      status = returnStatus({ consentStatus: overall });
    } else {
      status = returnStatus({ queueState: r.queueState!, needsConsent: (r.queuePayload as { needsConsent?: boolean } | null)?.needsConsent === true });
    }
    return { id: r.id, kind: r.kind, pupil: `${r.firstName} ${r.lastName}`, ground: p.ground ?? null, joinedOn: r.joinedOn, sessionsMissed: r.sessionsMissed, sentOn: londonDate(r.sentAt), mustNotDelete: r.mustNotDelete, status };
  });
}

/** A deletion return in the council's queue, for its officer: the payload, and the register's candidates while it is open. */
export async function viewDeletionReturn(scope: LaScope, itemId: string, actor: Actor) {
  const item = await queueItemOf(db, scope, itemId);
  const payload = payloadOf(item, "deletion_return");
  await actor.audit(db, { action: "school_return.viewed", subjectType: "council_queue_item", subjectId: item.id, details: { returnId: payload.returnId } });
  const candidates = item.state === "new" ? (await possibleDuplicates(scope, subjectOf(payload))).filter((c) => c.current) : [];
  return { item, payload, candidates };
}

/** What the officer answers to make an entry: what a school cannot know, or the register must decide. */
export interface EntryAnswers {
  parentHasParentalResponsibility: boolean;
  senStatus: SenStatus;
  socialCareStatus: SocialCareStatus;
  atRiskOfHarmFromHome: boolean;
}

export type ReturnDecision = { decision: "match"; childId: string } | { decision: "moved_school"; reason: string } | { decision: "make_entry"; answers: EntryAnswers };
export type ReturnDecisionResult = { ok: true; childId: string | null } | { ok: false; why: string };

/** The entry a return makes: prefilled from it, its sources the school, status home education or missing education by the ground. */
export function entryFromReturn(p: DeletionPayload, answers: EntryAnswers, today: IsoDate): RegisterEntryInput {
  return {
    firstName: p.firstName,
    middleNames: p.middleNames ?? undefined,
    lastName: p.lastName,
    dateOfBirth: p.dateOfBirth,
    sex: undefined,
    addressLine1: p.address.addressLine1,
    addressLine2: p.address.addressLine2 ?? undefined,
    town: p.address.town,
    postcode: p.address.postcode,
    upn: p.upn ?? undefined,
    nhsNumber: undefined,
    laChildId: undefined,
    parents: [
      {
        name: p.parentName,
        relationship: p.parentRelationship,
        hasParentalResponsibility: answers.parentHasParentalResponsibility,
        livesWithChild: p.parentAddress === null,
        addressLine1: p.parentAddress?.addressLine1,
        addressLine2: undefined,
        town: p.parentAddress?.town,
        postcode: p.parentAddress?.postcode,
        phone: p.emergencyPhone,
        email: undefined,
        educatesChild: false,
        hoursPerWeek: undefined,
        hoursEstimated: false,
        source: "provider",
      },
    ],
    educationStatus: newEntryStatus(p.ground),
    arrangements: [],
    senStatus: answers.senStatus,
    laArrangedSpecialSchoolPlace: hasSpecialNeeds(answers.senStatus) && p.knownToSchool.includes("laArrangedSpecialSchoolPlace"),
    socialCareStatus: answers.socialCareStatus,
    allocatedSocialWorkerId: undefined,
    atRiskOfHarmFromHome: answers.atRiskOfHarmFromHome,
    characteristics: {},
    // The school's items are the school's (a provider); what the officer answered is the council's own.
    sources: {
      name: "provider",
      dateOfBirth: "provider",
      address: "provider",
      ...(answers.senStatus === "not_known" ? {} : { senStatus: "la_records" }),
      ...(answers.socialCareStatus === "not_known" ? {} : { socialCareStatus: "la_records" }),
    },
    dateEntered: today,
  } as RegisterEntryInput;
}

/** An officer decides a deletion return: each decision moves the item and writes its audit event in one transaction. */
export async function decideDeletionReturn(scope: LaScope, itemId: string, decision: ReturnDecision, actor: Actor, now = new Date()): Promise<ReturnDecisionResult> {
  const unlocked = await queueItemOf(db, scope, itemId);
  const p = payloadOf(unlocked, "deletion_return");
  const words = `Deletion return from ${p.schoolName} (ground ${p.ground})`;
  if (decision.decision === "match") {
    // The lock order: the entry first, then the item.
    return changeEntry("school_return.match", scope, decision.childId, actor, async ({ tx, entry, record }) => {
      const item = await queueItemOf(tx, scope, itemId, true);
      const check = checkDecision("deletion_return", item.state, "match");
      if (!check.ok) return { ok: false, why: check.why };
      if (entry.dateLeft) return { ok: false, why: "That entry has left the register: choose another, or add the child from the return" };
      await record({ kind: "school_return", summary: `${words} matched to this entry`, audit: { action: "school_return.matched", subjectType: "council_queue_item", subjectId: item.id, details: { childId: entry.id, returnId: p.returnId } } });
      await markDecided(tx, item, "matched", actor, { childId: entry.id });
      return { ok: true, childId: entry.id };
    });
  }
  if (decision.decision === "moved_school") {
    return closeQueueItem(scope, itemId, "deletion_return", "moved_school", decision.reason, actor, { action: "school_return.moved_school", details: { returnId: p.returnId } });
  }
  // The candidates the item's page shows beside the decision: making the entry says it is none of them.
  const shown = (await possibleDuplicates(scope, subjectOf(p))).map((c) => c.id);
  return makeEntryFromQueueItem(scope, itemId, "deletion_return", entryFromReturn(p, decision.answers, londonDate(now)), {
    decision: "make_entry",
    shown,
    actor,
    audit: { action: "school_return.made_entry", details: { returnId: p.returnId } },
    say: { duplicate: "A child on your register has the same UPN: match the return to them", possibleDuplicates: "Another child who may be this one was added since the page was shown: look at the return again" },
  });
}
