import { isPastDecideBy, REFUSAL_NEXT_STEP_LABELS, VIEW_SOURCES, type RefusalNextStep, type ViewsGathered } from "#app/domain/consent-decisions";
import { workingDaysWaited } from "#app/domain/consent-overdue";
import { CONSENT_RULE_NAMES, type ConsentRule } from "#app/domain/consent-rules";
import type { IsoDate } from "#app/domain/dates";
import { yesNo, type CsvCell } from "./csv-cells";

// Home-education consent requests as CSV (decision 068): one row per request, with its child, who
// decides, the wait, and the decision as recorded (each view gathered in a column of its own).

export interface ConsentExportRow {
  id: string;
  child_id: string;
  child_reference: string;
  child_first_name: string;
  child_last_name: string;
  child_date_of_birth: string;
  rule: ConsentRule;
  status: "pending" | "agreed" | "refused";
  notice: "parent_notice" | "school_withdrawal_notice";
  notice_date: string;
  evidence: string;
  raised_by: string | null;
  raised_at: string;
  raised_on: IsoDate;
  decide_by: IsoDate;
  social_worker: string | null;
  social_worker_view: string | null;
  social_worker_view_by: string | null;
  social_worker_view_at: string | null;
  decided_by: string | null;
  decided_at: string | null;
  decided_on: IsoDate | null;
  statement: string | null;
  best_interests: string | null;
  views: ViewsGathered | null;
  conditions: string | null;
  review_date: string | null;
  refusal_reasons: string | null;
  refusal_next_step: RefusalNextStep | null;
  reconsiders_request_id: string | null;
}

const STATUS_LABELS = { pending: "Waiting", agreed: "Agreed", refused: "Refused" } as const;
const NOTICE_LABELS = { parent_notice: "A parent's notice", school_withdrawal_notice: "A school's notice of intended withdrawal" } as const;

const COLUMNS: [string, (r: ConsentExportRow, today: IsoDate) => CsvCell][] = [
  ["request_id", (r) => r.id],
  ["child_reference", (r) => r.child_reference],
  ["child_first_name", (r) => r.child_first_name],
  ["child_last_name", (r) => r.child_last_name],
  ["child_date_of_birth", (r) => r.child_date_of_birth],
  ["rule", (r) => r.rule],
  ["rule_label", (r) => CONSENT_RULE_NAMES[r.rule]],
  ["status", (r) => r.status],
  ["status_label", (r) => STATUS_LABELS[r.status]],
  ["notice", (r) => r.notice],
  ["notice_label", (r) => NOTICE_LABELS[r.notice]],
  ["notice_date", (r) => r.notice_date],
  ["evidence", (r) => r.evidence],
  ["raised_by", (r) => r.raised_by],
  ["raised_at", (r) => r.raised_at],
  ["decide_by", (r) => r.decide_by],
  ["working_days_waited", (r, today) => String(workingDaysWaited({ status: r.status, raisedOn: r.raised_on, decidedOn: r.decided_on }, today))],
  ["overdue", (r, today) => yesNo(isPastDecideBy({ status: r.status, decideBy: r.decide_by }, today))],
  ["social_worker", (r) => r.social_worker],
  ["social_worker_view", (r) => r.social_worker_view],
  ["social_worker_view_by", (r) => r.social_worker_view_by],
  ["social_worker_view_at", (r) => r.social_worker_view_at],
  ["decided_by", (r) => r.decided_by],
  ["decided_at", (r) => r.decided_at],
  ["statement", (r) => r.statement],
  ["best_interests", (r) => r.best_interests],
  ...VIEW_SOURCES.map((source): [string, (r: ConsentExportRow) => CsvCell] => [`view_${source.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`, (r) => r.views?.[source] ?? null]),
  ["conditions", (r) => r.conditions],
  ["review_date", (r) => r.review_date],
  ["refusal_reasons", (r) => r.refusal_reasons],
  ["refusal_next_step", (r) => r.refusal_next_step],
  ["refusal_next_step_label", (r) => (r.refusal_next_step ? REFUSAL_NEXT_STEP_LABELS[r.refusal_next_step] : null)],
  ["reconsiders_request_id", (r) => r.reconsiders_request_id],
];

export const CONSENT_EXPORT_HEADER = COLUMNS.map(([name]) => name);

export function consentExportRecord(row: ConsentExportRow, today: IsoDate): CsvCell[] {
  return COLUMNS.map(([, read]) => read(row, today));
}
