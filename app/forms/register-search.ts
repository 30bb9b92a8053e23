import { z } from "zod";
import { EDUCATION_STATUSES, SOCIAL_CARE_STATUSES } from "#app/domain/register-vocabulary";
import { DUES, OWNERS, SORTS } from "#app/data/register-query";
import { searchText } from "./fields";

// The register's search and filters, read from the query string. Unknown values are dropped
// rather than refused: a hand-edited URL should still show a page.
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional().catch(undefined));

export const registerSearchSchema = z.object({
  q: optional(searchText("Search")),
  status: optional(z.enum(EDUCATION_STATUSES)),
  socialCare: optional(z.enum(SOCIAL_CARE_STATUSES)),
  arrangements: optional(z.enum(["any", "none"])),
  state: optional(z.enum(["current", "left", "all"])),
  owner: optional(z.enum(OWNERS)),
  due: optional(z.enum(DUES)),
  sort: optional(z.enum(SORTS)),
  page: optional(z.coerce.number().int().min(1).max(10_000)),
});

export type RegisterSearch = z.output<typeof registerSearchSchema>;

export function parseRegisterSearch(params: URLSearchParams): RegisterSearch {
  return registerSearchSchema.parse(Object.fromEntries(params));
}
