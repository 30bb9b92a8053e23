import { describe, expect, it } from "vitest";
import { parseReviewSearch } from "./review-search";

const parse = (query: string) => parseReviewSearch(new URLSearchParams(query));

describe("parseReviewSearch", () => {
  it("reads a name, a council and a state", () => {
    expect(parse("q=+Bright+&la=202&state=approved&page=2")).toEqual({ search: { q: "Bright", laCode: "202", state: "approved", page: 2 }, errors: {} });
  });

  it("treats empty fields as no filter", () => {
    expect(parse("q=&la=&state=")).toEqual({ search: { page: 1 }, errors: {} });
  });

  it("says which filter it could not use, and keeps the others", () => {
    expect(parse("q=Bright&la=Camden&state=nonsense")).toEqual({
      search: { q: "Bright", page: 1 },
      errors: { la: "Choose a council from the list", state: "Choose a state from the list" },
    });
  });

  it("refuses control and invisible characters in the name", () => {
    expect(parse("q=a%00b").errors).toEqual({ q: "Provider name must not contain control or invisible characters" });
    expect(parse("q=a%E2%80%AEb").errors).toEqual({ q: "Provider name must not contain control or invisible characters" });
  });

  it("refuses an overlong name, and a bad page number falls back to the first page", () => {
    expect(parse(`q=${"a".repeat(101)}`).errors.q).toBe("Provider name must be 100 characters or fewer");
    expect(parse("page=-3").search.page).toBe(1);
  });
});
