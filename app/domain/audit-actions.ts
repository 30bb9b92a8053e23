// Every operation the audit log can record, as one union: reads and searches as well as changes.
export const AUDIT_ACTIONS = [
  "user.signed_in",
  "user.sign_in_failed",
  "user.sign_in_throttled",
  "user.signed_out",
  "user.password_changed",
  "user.created",
  "user.deactivated",
  "user.invited",
  "user.invitation_accepted",
  "audit_log.viewed",
  "child.created",
  "child.viewed",
  "child.updated",
  "child.left_register",
  "register.searched",
  "duplicate.refused",
  "home_education.recorded",
  "consent.requested",
  "consent.reassigned",
  "consent.agreed",
  "consent.refused",
  "consent.viewed",
  "la_settings.updated",
  "api_token.created",
  "api_token.revoked",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_SUBJECT_TYPES = ["user", "organisation", "audit_log", "child", "register", "consent_request", "la_settings", "api_token"] as const;
export type AuditSubjectType = (typeof AUDIT_SUBJECT_TYPES)[number];
