// Shared by the consent requests list's loader, its page and its export (so not in a .server module).
export const CONSENT_SHOWS = ["all", "waiting", "overdue"] as const;
export type ConsentShow = (typeof CONSENT_SHOWS)[number];

/** The list a query string asks for; anything else is all requests. */
export function consentShowOf(params: URLSearchParams): ConsentShow {
  const asked = params.get("show");
  return CONSENT_SHOWS.find((s) => s === asked) ?? "all";
}
