import * as v from "./register-vocabulary";

// The kinds of row on a child's timeline (`entry_history.kind`), as one union. Every writer of an
// entry names one of these; a new writer (a transfer, an import, a school return) adds a kind here,
// never its own table or its own spelling. Kinds are stored: never rename one, only add.
export const HISTORY_KINDS = [
  // The entry was made (version 1).
  "created",
  // An officer saved the entry's form.
  "updated",
  // The child left the register (date and reason).
  "left",
  // Home education recorded at once: no consent rule covered the child.
  "home_education_recorded",
  // A consent request went to its decider (one per rule that applies); the status is unchanged.
  "consent_requested",
  // A request was agreed; the status became elective home education once every request was.
  "consent_agreed",
  // A request was refused: the child stays on roll (on the attendance order route if out of school).
  "consent_refused",
  // The allocated social worker gave their view on a statutory request.
  "consent_view_given",
  // A parent asked the council to reconsider its refusal: a new request for a second decision-maker.
  "consent_reconsideration_requested",
  // A provider educating the child was asked for information (s436E), or answered. The entry is unchanged.
  "provider_information",
  // A placement was made, ended early or extended. The entry's own fields and version are unchanged.
  "placement",
  // The entry moved to another officer's caseload (or out of everyone's). The entry's owner changes.
  "owner_changed",
  // A contact or note was recorded; the entry's last contact, annual review and next action follow it.
  "contact_recorded",
  // The author corrected a contact within the time the council allows.
  "contact_corrected",
  // The retention schedule anonymised the entry (decision 051): what the statistics count is kept.
  "anonymised",
  // A council admin restricted processing of the entry (UK GDPR Article 18), or lifted the restriction.
  "restricted",
  "restriction_lifted",
  // The entry took another entry's child reference: the same child (migration or a confirmed match).
  "reference_joined",
  // The child was transferred to another council (sending entry) or from one (receiving entry).
  "transferred_out",
  "transferred_in",
  // Another council declined the transfer: the child stays here, as missing until resolved.
  "transfer_declined",
  // A child who left with destination unknown was found on another council's register.
  "found_elsewhere",
  // Both councils confirmed a child on another register is this child: the entries share one reference.
  "same_child_confirmed",
  // A school's deletion return was matched to this entry (decision 069), or its report of a pupil
  // never attending was accepted into it (decision 076).
  "school_return",
  // A step of the process when home education may not be suitable: an enquiry, a notice, an order, an outcome (decision 077).
  "suitability_step",
  // A home-educating parent asked for support (s436G), the council offered it, and the request ended (decision 078).
  "support_requested",
  "support_offered",
  "support_closed",
  // A parent's notification (s436D) was matched to this entry: the timeline says what they told the council (decision 073).
  "parent_notification",
  // The council sent the parents a request for information (s436D), or recorded their answer.
  "information_requested",
  "information_received",
  // The council recorded its offer of a visit or meeting after registration (s436B), or what came of it.
  "visit_recorded",
  // A document added to the entry (a parent's notice, a letter, a report; decision 079).
  "document_added",
  // A school's new pupil return showed the child back on a school's roll: the entry is closed (decision 076).
  "returned_to_school",
  // The register council shared the parents' details with the responsible council's virtual school head, or stopped (issue 26).
  "parents_sharing_changed",
] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

export function isHistoryKind(value: string): value is HistoryKind {
  return (HISTORY_KINDS as readonly string[]).includes(value);
}

/** One field's change on the timeline, in the words a person reads (labels, never codes). */
export interface HistoryChange {
  field: string;
  label: string;
  from: string | null;
  to: string | null;
}

// Fields whose values are codes from a closed list. Writers store the label; rows written before
// every writer did so (consent decisions stored `on_roll_full_absence`) read as labels too.
const CODED_FIELDS: Record<string, Record<string, string>> = {
  educationStatus: v.EDUCATION_STATUS_LABELS,
  socialCareStatus: v.SOCIAL_CARE_STATUS_LABELS,
  senStatus: v.SEN_STATUS_LABELS,
  homeEducationReason: v.HOME_EDUCATION_REASON_LABELS,
  reasonLeft: v.REASON_LEFT_LABELS,
  sex: v.SEX_LABELS,
};

function readable(field: string, value: string | null): string | null {
  if (value === null) return null;
  const labels = CODED_FIELDS[field];
  return labels && Object.hasOwn(labels, value) ? labels[value]! : value;
}

/** A change as the timeline shows it, whatever wrote it and whenever. */
export function readableChange(change: HistoryChange): HistoryChange {
  return { ...change, from: readable(change.field, change.from), to: readable(change.field, change.to) };
}

/** The education status moving from one code to another, as a timeline change. */
export function educationStatusChange(from: v.EducationStatus, to: v.EducationStatus): HistoryChange {
  return { field: "educationStatus", label: "Education status", from: v.EDUCATION_STATUS_LABELS[from], to: v.EDUCATION_STATUS_LABELS[to] };
}

export interface TimelineRow {
  id: number;
  occurredAt: Date;
  kind: string;
  summary: string;
  changes: HistoryChange[];
  actorName: string | null;
  /** The council system's API token that made the change, when no person did. */
  apiTokenName?: string | null;
}

/** A history row as the child's page shows it: labels throughout; a new entry lists no diff. */
export function timelineItem(row: TimelineRow) {
  return {
    id: row.id,
    when: row.occurredAt.toISOString(),
    who: row.actorName ?? (row.apiTokenName ? `${row.apiTokenName} (API token)` : "Unknown"),
    summary: row.summary,
    changes: row.kind === "created" ? [] : row.changes.map(readableChange),
  };
}
