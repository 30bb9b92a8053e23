// The flags the register's list shows beside an entry: what needs someone's attention.
export const REGISTER_FLAGS = ["needs_review", "consent_waiting", "registered_elsewhere"] as const;
export type RegisterFlag = (typeof REGISTER_FLAGS)[number];

export const REGISTER_FLAG_LABELS: Record<RegisterFlag, string> = {
  needs_review: "Placement needs review",
  consent_waiting: "Consent waiting",
  registered_elsewhere: "Also registered elsewhere",
};
