import type { Role } from "#app/domain/roles";

/** The roles a council admin may give: the LA's own roles. Shared by the form and the data layer. */
export const LA_ROLES = ["council_officer", "social_worker", "council_admin", "directory_reviewer", "virtual_school_head"] as const satisfies readonly Role[];
export type LaRole = (typeof LA_ROLES)[number];
