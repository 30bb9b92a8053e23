import { z } from "zod";
import { AGE_LIMITS, PROVISION_TYPES } from "#app/domain/directory-vocabulary";
import { MAX_API_PAGE_SIZE } from "#app/data/directory-query";
import { searchText } from "./fields";

// The directory's search and filters, read from the query string. The page says beside each filter
// what it cannot use (`?age=25` would otherwise show every provider as if it were a match) and
// searches only once they are right; the open-data API refuses them, so a program never silently
// gets an unfiltered answer.

const fields = {
  q: searchText("q"),
  la: z.string().regex(/^\d{3}$/, "la must be a 3-digit DfE local authority code"),
  district: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{1,2}\d[A-Z\d]?$/, "district must be a postcode district, like NW1"),
  type: z.enum(PROVISION_TYPES, { error: `type must be one of ${PROVISION_TYPES.join(", ")}` }),
  age: z.coerce
    .number({ error: "age must be a whole number" })
    .int("age must be a whole number")
    .min(AGE_LIMITS.min, `age must be ${AGE_LIMITS.min} or more`)
    .max(AGE_LIMITS.max, `age must be ${AGE_LIMITS.max} or fewer`),
  page: z.coerce.number({ error: "page must be a whole number" }).int("page must be a whole number").min(1, "page must be 1 or more").max(10_000, "page must be 10000 or fewer"),
  pageSize: z.coerce
    .number({ error: "pageSize must be a whole number" })
    .int("pageSize must be a whole number")
    .min(1, "pageSize must be 1 or more")
    .max(MAX_API_PAGE_SIZE, `pageSize must be ${MAX_API_PAGE_SIZE} or fewer`),
};

const blank = (v: unknown) => (v === "" ? undefined : v);

const lenient = z.object(Object.fromEntries(Object.entries(fields).map(([k, s]) => [k, z.preprocess(blank, (s as z.ZodType).optional().catch(undefined))])) as unknown as {
  [K in keyof typeof fields]: z.ZodType<z.output<(typeof fields)[K]> | undefined>;
});
const strict = z.strictObject(Object.fromEntries(Object.entries(fields).map(([k, s]) => [k, z.preprocess(blank, (s as z.ZodType).optional())])) as unknown as {
  [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]>;
}, { error: (issue) => (issue.code === "unrecognized_keys" ? `Unknown parameter: ${issue.keys.join(", ")}` : undefined) });

export type DirectorySearch = { [K in keyof typeof fields]?: z.output<(typeof fields)[K]> | undefined };

export function parseDirectorySearch(params: URLSearchParams): DirectorySearch {
  return lenient.parse(Object.fromEntries(params)) as DirectorySearch;
}

// What the page says beside a filter it cannot use (the API's messages name parameters, for programs).
const FILTER_MESSAGES = {
  la: "Choose a local authority from the list",
  district: "Enter a postcode district, like NW1",
  type: "Choose a type of provision from the list",
  age: `Enter the child's age as a whole number from ${AGE_LIMITS.min} to ${AGE_LIMITS.max}`,
} as const;
export type DirectoryFilter = keyof typeof FILTER_MESSAGES;
export const DIRECTORY_FILTERS = Object.keys(FILTER_MESSAGES) as DirectoryFilter[];

/** The filters in the query string the page cannot use, each with the sentence shown beside it. */
export function directoryFilterErrors(params: URLSearchParams): Partial<Record<DirectoryFilter, string>> {
  const errors: Partial<Record<DirectoryFilter, string>> = {};
  for (const key of DIRECTORY_FILTERS) {
    const value = params.get(key);
    if (value !== null && value.trim() !== "" && !fields[key].safeParse(value).success) errors[key] = FILTER_MESSAGES[key];
  }
  return errors;
}

export function parseApiQuery(params: URLSearchParams): { ok: true; query: DirectorySearch } | { ok: false; errors: { parameter: string; message: string }[] } {
  const result = strict.safeParse(Object.fromEntries(params));
  if (result.success) return { ok: true, query: result.data as DirectorySearch };
  return { ok: false, errors: result.error.issues.map((i) => ({ parameter: i.path.map(String).join(".") || (i.code === "unrecognized_keys" ? i.keys.join(",") : ""), message: i.message })) };
}
