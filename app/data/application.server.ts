import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { IsoDate } from "#app/domain/dates";
import { matchSites } from "#app/domain/listed-sites";
import { postcodeDistrict } from "#app/domain/postcode";
import { MUST_REGISTER_ADVICE } from "#app/domain/school-registration-threshold";
import { CHANGE_REQUEST_SECTIONS, SECTION_IDS, SECTION_TITLES, sitesSchema, type SectionId, type SiteAnswers } from "#app/forms/application";
import { applicationProgress, type StoredSection } from "#app/forms/application-progress";
import { db, type DbOrTx, type Transaction } from "#db/client";
import { applicationSections, changeRequests, listingHistory, listings, listingSites, organisations, reviewComments } from "#db/schema/index";
import type { ProviderScope } from "./directory-scope.server";
import { applyTransition, type ListingActor, type ListingRow, type TransitionOutcome } from "./listing-transitions.server";

// The provider's side of the directory: their one listing, its application section by section,
// submitting it, and (once listed) change requests and renewal. Every function takes a
// ProviderScope, so a provider can reach only their own organisation's listing.

export type ProviderActor = Omit<ListingActor, "kind">;

/** States in which the provider edits the application itself. */
const EDITABLE = new Set(["draft", "changes_requested"]);
/** States in which the provider may propose changes to the listing in force. */
const CHANGEABLE = new Set(["approved", "suspended"]);

async function ensureListing(tx: DbOrTx, scope: ProviderScope): Promise<void> {
  await tx.insert(listings).values({ organisationId: scope.organisationId }).onConflictDoNothing({ target: listings.organisationId });
}

async function lockOwnListing(tx: Transaction, scope: ProviderScope): Promise<ListingRow> {
  await ensureListing(tx, scope);
  const [row] = await tx.select().from(listings).where(eq(listings.organisationId, scope.organisationId)).for("update");
  return row!;
}

export async function storedSections(tx: DbOrTx, listingId: string): Promise<Partial<Record<SectionId, StoredSection>>> {
  const rows = await tx.select().from(applicationSections).where(eq(applicationSections.listingId, listingId));
  return Object.fromEntries(rows.map((r) => [r.section, { status: r.status, answers: r.answers }]));
}

/** The LAs (by DfE code) sites name, as ids; codes that are not a current LA are missing. */
export async function lasByCode(tx: DbOrTx, codes: string[]): Promise<Map<string, { id: string; name: string }>> {
  if (codes.length === 0) return new Map();
  const rows = await tx.select({ id: organisations.id, code: organisations.laCode, name: organisations.name }).from(organisations).where(inArray(organisations.laCode, codes));
  return new Map(rows.map((r) => [r.code!, { id: r.id, name: r.name }]));
}

/**
 * Writes a listing's proposed or listed sites. Listed sites keep their ids when a change is
 * approved (matched by postcode, then name), because placements point at them; a listed site that
 * is gone is deleted and its id returned, so its placements can be flagged for review.
 */
export async function replaceSites(
  tx: DbOrTx,
  listingId: string,
  kind: "proposed" | "listed",
  sites: SiteAnswers[],
  /** Runs before listed sites are deleted, while placements still point at them. */
  beforeRemoving: (siteIds: string[]) => Promise<unknown> = async () => {},
): Promise<{ removedSiteIds: string[] }> {
  const las = sites.length > 0 ? await lasByCode(tx, sites.map((s) => s.laCode)) : new Map<string, { id: string }>();
  const values = sites.map((s, position) => ({
    listingId,
    kind,
    position,
    name: s.name,
    addressLine1: s.addressLine1,
    addressLine2: s.addressLine2 ?? null,
    town: s.town,
    postcode: s.postcode,
    district: postcodeDistrict(s.postcode),
    laId: las.get(s.laCode)!.id,
    capacity: s.capacity,
  }));
  if (kind === "proposed") {
    await tx.delete(listingSites).where(and(eq(listingSites.listingId, listingId), eq(listingSites.kind, kind)));
    if (values.length > 0) await tx.insert(listingSites).values(values);
    return { removedSiteIds: [] };
  }
  const existing = await tx
    .select({ id: listingSites.id, postcode: listingSites.postcode, name: listingSites.name })
    .from(listingSites)
    .where(and(eq(listingSites.listingId, listingId), eq(listingSites.kind, "listed")));
  const { kept, removed } = matchSites(existing, values);
  for (const [index, value] of values.entries()) {
    const id = kept.get(index);
    if (id) await tx.update(listingSites).set(value).where(eq(listingSites.id, id));
    else await tx.insert(listingSites).values(value);
  }
  if (removed.length > 0) {
    await beforeRemoving(removed);
    await tx.delete(listingSites).where(inArray(listingSites.id, removed));
  }
  return { removedSiteIds: removed };
}

/** Everything the provider's task list shows. */
export async function providerApplication(scope: ProviderScope, today: IsoDate) {
  await ensureListing(db, scope);
  const [listing] = await db.select().from(listings).where(eq(listings.organisationId, scope.organisationId));
  const sections = await storedSections(db, listing!.id);
  const [lastRequest] = await db
    .select({ id: listingHistory.id, occurredAt: listingHistory.occurredAt, reason: listingHistory.reason })
    .from(listingHistory)
    .where(and(eq(listingHistory.listingId, listing!.id), eq(listingHistory.action, "request_changes")))
    .orderBy(desc(listingHistory.id))
    .limit(1);
  const comments = lastRequest
    ? await db.select({ section: reviewComments.section, comment: reviewComments.comment }).from(reviewComments).where(eq(reviewComments.historyId, lastRequest.id))
    : [];
  const [lastDecision] = await db
    .select({ action: listingHistory.action, reason: listingHistory.reason, occurredAt: listingHistory.occurredAt })
    .from(listingHistory)
    .where(and(eq(listingHistory.listingId, listing!.id), inArray(listingHistory.action, ["refuse", "suspend", "revoke"])))
    .orderBy(desc(listingHistory.id))
    .limit(1);
  const [pendingChange] = await db
    .select({ id: changeRequests.id, proposed: changeRequests.proposed, createdAt: changeRequests.createdAt })
    .from(changeRequests)
    .where(and(eq(changeRequests.listingId, listing!.id), eq(changeRequests.state, "pending")));
  const [lastChangeDecision] = await db
    .select({ state: changeRequests.state, reason: changeRequests.reason, decidedAt: changeRequests.decidedAt })
    .from(changeRequests)
    .where(and(eq(changeRequests.listingId, listing!.id), inArray(changeRequests.state, ["approved", "rejected"])))
    .orderBy(desc(changeRequests.decidedAt))
    .limit(1);
  return {
    listing: listing!,
    sections,
    progress: applicationProgress(sections, today),
    comments: listing!.state === "changes_requested" ? comments : [],
    lastDecision: lastDecision ?? null,
    pendingChange: pendingChange ?? null,
    lastChangeDecision: lastChangeDecision ?? null,
  };
}

/** The answers a section's form starts from: a pending change request's, else the application's. */
export async function sectionForEdit(scope: ProviderScope, section: SectionId) {
  await ensureListing(db, scope);
  const [listing] = await db.select().from(listings).where(eq(listings.organisationId, scope.organisationId));
  const [row] = await db.select().from(applicationSections).where(and(eq(applicationSections.listingId, listing!.id), eq(applicationSections.section, section)));
  let answers = row?.answers ?? null;
  const mode = EDITABLE.has(listing!.state) ? "edit" : CHANGEABLE.has(listing!.state) && (CHANGE_REQUEST_SECTIONS as readonly string[]).includes(section) ? "change_request" : "read_only";
  if (mode === "change_request") {
    const [pending] = await db.select({ proposed: changeRequests.proposed }).from(changeRequests).where(and(eq(changeRequests.listingId, listing!.id), eq(changeRequests.state, "pending")));
    answers = pending?.proposed[section] ?? answers;
  }
  const lastComments = listing!.state === "changes_requested" ? await commentsOnLatestRequest(listing!.id, section) : [];
  return { listing: listing!, answers, mode, comments: lastComments } as const;
}

async function commentsOnLatestRequest(listingId: string, section: SectionId): Promise<string[]> {
  const [last] = await db
    .select({ id: listingHistory.id })
    .from(listingHistory)
    .where(and(eq(listingHistory.listingId, listingId), eq(listingHistory.action, "request_changes")))
    .orderBy(desc(listingHistory.id))
    .limit(1);
  if (!last) return [];
  const rows = await db.select({ comment: reviewComments.comment }).from(reviewComments).where(and(eq(reviewComments.historyId, last.id), eq(reviewComments.section, section)));
  return rows.map((r) => r.comment);
}

export type SaveResult =
  | { ok: true; kind: "saved" | "change_request" }
  | { ok: false; kind: "read_only" }
  | { ok: false; kind: "invalid"; errors: Record<string, string> };

// Answers kept for "save and come back later" are what the form posted, unchecked; bound their size.
const MAX_ANSWERS_BYTES = 64_000;

/**
 * Saves one section. `complete` answers have passed the section's schema (the route parsed them);
 * incomplete ones are kept as typed, for the provider to come back to.
 */
export async function saveSection(
  scope: ProviderScope,
  section: SectionId,
  answers: Record<string, unknown>,
  complete: boolean,
  actor: ProviderActor,
): Promise<SaveResult> {
  if (JSON.stringify(answers).length > MAX_ANSWERS_BYTES) return { ok: false, kind: "invalid", errors: { form: "Your answers are too long to save" } };
  return db.transaction(async (tx) => {
    const listing = await lockOwnListing(tx, scope);
    if (complete && section === "sites") {
      const parsed = sitesSchema().parse(answers);
      const las = await lasByCode(tx, parsed.sites.map((s) => s.laCode));
      const errors = Object.fromEntries(
        parsed.sites.flatMap((s, i) => (las.has(s.laCode) ? [] : [[`sites.${i}.laCode`, "Select the local authority the site is in"]])),
      );
      if (Object.keys(errors).length > 0) return { ok: false, kind: "invalid", errors } as const;
    }
    if (EDITABLE.has(listing.state)) {
      const status = complete ? "completed" : "in_progress";
      await tx
        .insert(applicationSections)
        .values({ listingId: listing.id, section, status, answers, updatedBy: actor.userId })
        .onConflictDoUpdate({ target: [applicationSections.listingId, applicationSections.section], set: { status, answers, updatedAt: new Date(), updatedBy: actor.userId } });
      // The declaration covers the answers as they were when it was made.
      if (section !== "declaration") {
        await tx.delete(applicationSections).where(and(eq(applicationSections.listingId, listing.id), eq(applicationSections.section, "declaration")));
      }
      await tx.update(listings).set({ updatedAt: new Date() }).where(eq(listings.id, listing.id));
      await actor.audit(tx, { action: "listing.section_saved", subjectType: "listing", subjectId: listing.id, details: { section, status } });
      return { ok: true, kind: "saved" } as const;
    }
    if (CHANGEABLE.has(listing.state) && (CHANGE_REQUEST_SECTIONS as readonly string[]).includes(section) && complete) {
      const [pending] = await tx
        .select()
        .from(changeRequests)
        .where(and(eq(changeRequests.listingId, listing.id), eq(changeRequests.state, "pending")))
        .for("update");
      let id: string;
      if (pending) {
        id = pending.id;
        await tx
          .update(changeRequests)
          .set({ proposed: { ...pending.proposed, [section]: answers }, updatedAt: new Date() })
          .where(eq(changeRequests.id, pending.id));
      } else {
        const [created] = await tx.insert(changeRequests).values({ listingId: listing.id, proposed: { [section]: answers }, createdBy: actor.userId! }).returning({ id: changeRequests.id });
        id = created!.id;
      }
      // Proposed sites bring the change request into the queue of each LA it names.
      if (section === "sites") await replaceSites(tx, listing.id, "proposed", sitesSchema().parse(answers).sites);
      await actor.audit(tx, { action: "change_request.saved", subjectType: "change_request", subjectId: id, details: { listingId: listing.id, section } });
      return { ok: true, kind: "change_request" } as const;
    }
    return { ok: false, kind: "read_only" } as const;
  });
}

export type SubmitResult =
  | TransitionOutcome
  | { ok: false; code: "incomplete"; message: string; sections: SectionId[] }
  | { ok: false; code: "must_register"; message: string; reasons: string[] };

/** Submits the application for review: only when every section is complete and valid. */
export async function submitApplication(scope: ProviderScope, actor: ProviderActor, today: IsoDate): Promise<SubmitResult> {
  return db.transaction(async (tx) => {
    const listing = await lockOwnListing(tx, scope);
    const progress = applicationProgress(await storedSections(tx, listing.id), today);
    if (!progress.parsed) {
      const sections = SECTION_IDS.filter((id) => progress.statuses[id] !== "completed");
      return { ok: false, code: "incomplete", sections, message: `Complete every section before you submit: ${sections.map((s) => SECTION_TITLES[s].toLowerCase()).join(", ")}` } as const;
    }
    if (progress.threshold?.mustRegister) {
      return { ok: false, code: "must_register", reasons: progress.threshold.reasons, message: MUST_REGISTER_ADVICE } as const;
    }
    const outcome = await applyTransition(tx, listing, { action: "submit", today }, { ...actor, kind: "provider" });
    if (outcome.ok) await replaceSites(tx, listing.id, "proposed", progress.parsed.sites.sites);
    return outcome;
  });
}

export async function applyToRenew(scope: ProviderScope, actor: ProviderActor, today: IsoDate): Promise<TransitionOutcome> {
  return db.transaction(async (tx) => applyTransition(tx, await lockOwnListing(tx, scope), { action: "apply_to_renew", today }, { ...actor, kind: "provider" }));
}

/** After a refusal or expiry, starts a new application from the previous answers. */
export async function reopenApplication(scope: ProviderScope, actor: ProviderActor, today: IsoDate): Promise<TransitionOutcome> {
  return db.transaction(async (tx) => {
    const listing = await lockOwnListing(tx, scope);
    const outcome = await applyTransition(tx, listing, { action: "reopen", today }, { ...actor, kind: "provider" });
    if (outcome.ok) {
      await tx.delete(applicationSections).where(and(eq(applicationSections.listingId, listing.id), eq(applicationSections.section, "declaration")));
      await tx.delete(listingSites).where(eq(listingSites.listingId, listing.id));
    }
    return outcome;
  });
}

/** The provider's own listing history, newest first. */
export async function providerHistory(scope: ProviderScope) {
  return db
    .select({ action: listingHistory.action, toState: listingHistory.toState, reason: listingHistory.reason, occurredAt: listingHistory.occurredAt })
    .from(listingHistory)
    .innerJoin(listings, eq(listings.id, listingHistory.listingId))
    .where(eq(listings.organisationId, scope.organisationId))
    .orderBy(desc(listingHistory.id), asc(listingHistory.occurredAt));
}
