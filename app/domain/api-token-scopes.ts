// What an API token may do (decisions 070 and 076). A token holds one or more; a token made before
// scopes existed holds placement checks only, what it could do when it was made. A council's token
// holds the council's scopes; a school's token only sends the school's returns.
export const API_SCOPES = ["placement_checks", "register_read", "register_write", "school_returns"] as const;
export type ApiScope = (typeof API_SCOPES)[number];
export const COUNCIL_API_SCOPES = ["placement_checks", "register_read", "register_write"] as const satisfies readonly ApiScope[];

export const API_SCOPE_LABELS: Record<ApiScope, { label: string; hint: string }> = {
  placement_checks: { label: "Check placements", hint: "POST /api/v1/placement-checks" },
  register_read: { label: "Read the register", hint: "GET /api/v1/register/entries: every child on your register except restricted entries" },
  register_write: { label: "Add and change children on the register", hint: "POST and PATCH /api/v1/register/entries" },
  school_returns: { label: "Send the school's returns", hint: "POST /api/v1/school-returns: deletion returns and new pupil returns" },
};

export function holdsApiScope(held: readonly string[], needed: ApiScope): boolean {
  return held.includes(needed);
}
