import { z } from "zod";
import { LISTING_STATES, type ListingState } from "#app/domain/listing-lifecycle";

// The review queue's search: words in the provider's name, a council (national reviewers; the
// listings with a site there) and, for the list of every listing, a state. Bad values are shown
// beside their field rather than silently dropped, so a reviewer never mistakes an unfiltered
// list for a filtered one.

const schema = z.object({
  q: z
    .string()
    .trim()
    .max(100, "Provider name must be 100 characters or fewer")
    .regex(/^[^\p{Cc}\p{Cf}]*$/u, "Provider name must not contain control or invisible characters")
    .optional(),
  la: z.string().regex(/^\d{3}$/, "Choose a council from the list").optional(),
  state: z.enum(LISTING_STATES, { error: "Choose a state from the list" }).optional(),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export interface ReviewSearch {
  q?: string;
  laCode?: string;
  state?: ListingState;
  page: number;
}

export function parseReviewSearch(params: URLSearchParams): { search: ReviewSearch; errors: Partial<Record<"q" | "la" | "state", string>> } {
  const raw = Object.fromEntries([...params].filter(([, v]) => v !== ""));
  const result = schema.safeParse(raw);
  if (result.success) {
    const { q, la, state, page } = result.data;
    return { search: { ...(q ? { q } : {}), ...(la ? { laCode: la } : {}), ...(state ? { state } : {}), page }, errors: {} };
  }
  const errors: Partial<Record<"q" | "la" | "state", string>> = {};
  for (const issue of result.error.issues) {
    const key = issue.path[0];
    if ((key === "q" || key === "la" || key === "state") && !errors[key]) errors[key] = issue.message;
  }
  // Whatever did pass still applies; the fields in error show what was typed and why it was not used.
  const partial = schema.partial().safeParse(Object.fromEntries(Object.entries(raw).filter(([k]) => !(k in errors))));
  const ok = partial.success ? partial.data : { page: 1 };
  return {
    search: { ...(ok.q ? { q: ok.q } : {}), ...(ok.la ? { laCode: ok.la } : {}), ...(ok.state ? { state: ok.state } : {}), page: ok.page ?? 1 },
    errors,
  };
}
