// Shared by the search form (browser) and the data layer (server).
export const SORTS = ["name", "date_of_birth", "date_entered", "status_since"] as const;
export type Sort = (typeof SORTS)[number];

/** The register's casework filters, each the list behind one of the work queue's lines. */
export const DUES = ["missing_education", "no_contact", "annual_review", "next_action", "suitability_deadline", "support_waiting", "visit_offer", "information_overdue", "no_named_school"] as const;
export type Due = (typeof DUES)[number];

export const OWNERS = ["mine", "none"] as const;
export type OwnerFilter = (typeof OWNERS)[number];
