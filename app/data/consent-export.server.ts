import { and, eq, sql, type AnyColumn } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { londonDate } from "#app/domain/dates";
import { CONSENT_EXPORT_HEADER, consentExportRecord, type ConsentExportRow } from "#app/exports/consent-requests-csv";
import type { Actor } from "#app/utils/audit.server";
import { children, consentRequests } from "#db/schema/index";
import { CONSENT_LIST_ORDER, shownBy, type ConsentShow } from "./consent.server";
import { isoDate, isoInstant, staffName, streamCsvExport } from "./csv-export.server";
import { childIdInOutputs } from "./scope-predicates.server";
import type { ConsentScope } from "./scope.server";

// The home-education consent requests list as CSV (/consent-requests/export.csv): every request
// the list shows (the page shows the first 200), requests about restricted children left out.

const londonDay = (column: AnyColumn) => sql<string | null>`(${column} at time zone 'Europe/London')::date::text`;
const requestChild = alias(children, "request_child");

const EXPORT_SELECT = {
  id: sql<string>`${consentRequests.id}`.as("id"),
  child_id: sql<string>`${consentRequests.childId}`.as("child_id"),
  child_reference: sql`${requestChild.childReference}`.as("child_reference"),
  child_first_name: sql`${requestChild.firstName}`.as("child_first_name"),
  child_last_name: sql`${requestChild.lastName}`.as("child_last_name"),
  child_date_of_birth: isoDate(requestChild.dateOfBirth).as("child_date_of_birth"),
  rule: sql`${consentRequests.rule}`.as("rule"),
  status: sql`${consentRequests.status}`.as("status"),
  notice: sql`${consentRequests.notice}`.as("notice"),
  notice_date: isoDate(consentRequests.noticeDate).as("notice_date"),
  evidence: sql`${consentRequests.evidence}`.as("evidence"),
  raised_by: staffName(consentRequests.raisedBy).as("raised_by"),
  raised_at: isoInstant(consentRequests.raisedAt).as("raised_at"),
  raised_on: londonDay(consentRequests.raisedAt).as("raised_on"),
  decide_by: isoDate(consentRequests.decideBy).as("decide_by"),
  social_worker: staffName(consentRequests.assignedSocialWorkerId).as("social_worker"),
  social_worker_view: sql`${consentRequests.socialWorkerView}`.as("social_worker_view"),
  social_worker_view_by: staffName(consentRequests.socialWorkerViewBy).as("social_worker_view_by"),
  social_worker_view_at: isoInstant(consentRequests.socialWorkerViewAt).as("social_worker_view_at"),
  decided_by: staffName(consentRequests.decidedBy).as("decided_by"),
  decided_at: isoInstant(consentRequests.decidedAt).as("decided_at"),
  decided_on: londonDay(consentRequests.decidedAt).as("decided_on"),
  statement: sql`${consentRequests.statement}`.as("statement"),
  best_interests: sql`${consentRequests.bestInterests}`.as("best_interests"),
  views: sql`${consentRequests.views}::text`.as("views"),
  conditions: sql`${consentRequests.conditions}`.as("conditions"),
  review_date: isoDate(consentRequests.reviewDate).as("review_date"),
  refusal_reasons: sql`${consentRequests.refusalReasons}`.as("refusal_reasons"),
  refusal_next_step: sql`${consentRequests.refusalNextStep}`.as("refusal_next_step"),
  reconsiders_request_id: sql`${consentRequests.reconsidersId}`.as("reconsiders_request_id"),
};

type CursorRow = Omit<ConsentExportRow, "views"> & { views: string | null };

/** Exports a consent requests list (all of it); the audit event names the list, how many and which requests and children. */
export function exportConsentRequests(scope: ConsentScope, show: ConsentShow, actor: Actor, now = new Date()): Promise<ReadableStream<Uint8Array>> {
  const today = londonDate(now);
  const where = and(shownBy(scope, show, today), childIdInOutputs(consentRequests.childId))!;
  return streamCsvExport<CursorRow>("consent requests", async (tx) => {
    const listed = await tx.select({ id: consentRequests.id, childId: consentRequests.childId }).from(consentRequests).where(where).orderBy(...CONSENT_LIST_ORDER);
    await actor.audit(tx, {
      action: "consent_requests.exported",
      subjectType: "register",
      subjectId: scope.la.laId,
      details: { show, rows: listed.length, requestIds: listed.map((r) => r.id), childIds: [...new Set(listed.map((r) => r.childId))] },
    });
    return {
      header: CONSENT_EXPORT_HEADER,
      rows: tx
        .select(EXPORT_SELECT)
        .from(consentRequests)
        .innerJoin(requestChild, eq(requestChild.id, consentRequests.childId))
        .where(where)
        .orderBy(...CONSENT_LIST_ORDER)
        .getSQL(),
      record: (row) => consentExportRecord({ ...row, views: row.views === null ? null : (JSON.parse(row.views) as ConsentExportRow["views"]) }, today),
    };
  });
}
