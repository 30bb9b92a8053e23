import { describe, expect, it } from "vitest";
import { countMissingBands, missingBand } from "./missing-duration";

describe("how long a child has been missing education", () => {
  it.each([
    ["2026-03-01", "2026-03-01", "under_1_month"],
    ["2026-03-01", "2026-03-31", "under_1_month"],
    ["2026-03-01", "2026-04-01", "1_to_3_months"],
    ["2026-03-01", "2026-05-31", "1_to_3_months"],
    ["2026-03-01", "2026-06-01", "3_to_6_months"],
    ["2026-03-01", "2026-09-01", "3_to_6_months"],
    ["2026-03-01", "2026-09-02", "over_6_months"],
    // Month ends clamp: 31 August plus a month is 30 September.
    ["2026-08-31", "2026-09-29", "under_1_month"],
    ["2026-08-31", "2026-09-30", "1_to_3_months"],
  ] as const)("missing since %s is %s on %s", (since, today, band) => {
    expect(missingBand(since, today)).toBe(band);
  });
  it("counts children into every band, none left out", () => {
    expect(countMissingBands(["2026-03-01", "2026-02-01", "2025-01-01", "2026-03-20", "2025-12-15"], "2026-03-25")).toEqual({
      under_1_month: 2,
      "1_to_3_months": 1,
      "3_to_6_months": 1,
      over_6_months: 1,
    });
  });
});
