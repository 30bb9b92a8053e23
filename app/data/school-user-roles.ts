import type { Role } from "#app/domain/roles";

/** The roles of a school's staff: what a council admin or the school's admin may give (decision 061). */
export const SCHOOL_ROLES = ["school_staff", "school_admin"] as const satisfies readonly Role[];
export type SchoolRole = (typeof SCHOOL_ROLES)[number];
