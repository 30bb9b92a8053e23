// Shared by the placement lists' loaders and pages (so not in a .server module).
export const PLACEMENTS_PAGE_SIZE = 50;

/** The placements lists: which placements each shows, as its link names it. */
export const SHOWS = { current: "Current and future", "needs-review": "Needs review", all: "All" } as const;

/** The list a query string asks for (the page and its export read it alike); anything else is the current list. */
export function placementsShowOf(params: URLSearchParams): keyof typeof SHOWS {
  const requested = params.get("show");
  return requested && Object.hasOwn(SHOWS, requested) ? (requested as keyof typeof SHOWS) : "current";
}
