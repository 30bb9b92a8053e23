// Every operation the audit log can record, as one union: reads and searches as well as changes.
export const AUDIT_ACTIONS = [
  "user.signed_in",
  "user.sign_in_failed",
  "user.sign_in_throttled",
  "user.signed_out",
  "user.password_changed",
  "user.created",
  "user.deactivated",
  "audit_log.viewed",
  "child.created",
  "child.viewed",
  "child.updated",
  "child.left_register",
  "register.searched",
  "duplicate.refused",
  "provider.signed_up",
  "organisation.updated",
  "listing.created",
  "listing.section_saved",
  "listing.submitted",
  "listing.changes_requested",
  "listing.approved",
  "listing.refused",
  "listing.suspended",
  "listing.reinstated",
  "listing.revoked",
  "listing.expired",
  "listing.renewal_applied",
  "listing.renewed",
  "listing.reopened",
  "listing.viewed",
  "change_request.saved",
  "change_request.approved",
  "change_request.rejected",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_SUBJECT_TYPES = ["user", "organisation", "audit_log", "child", "register", "listing", "change_request"] as const;
export type AuditSubjectType = (typeof AUDIT_SUBJECT_TYPES)[number];
