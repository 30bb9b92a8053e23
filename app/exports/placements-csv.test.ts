import { describe, expect, it } from "vitest";
import { PLACEMENTS_EXPORT_HEADER, placementExportRecord, placementStatus, type PlacementExportRow } from "./placements-csv";

const row: PlacementExportRow = {
  id: "p1",
  child_id: "c1",
  child_reference: "CNIS-000001",
  child_first_name: "Ada",
  child_last_name: "Lovelace",
  child_date_of_birth: "2013-02-03",
  provider_name: "Riverside Learning Ltd",
  site_name: "Riverside Centre",
  site_postcode: "NW1 1AA",
  start_date: "2026-12-08",
  end_date: "2027-02-02",
  pattern: "part_time",
  days_per_week: 2,
  sessions_per_week: 4,
  hours_per_week: "10.0",
  reason: "Needs a small group",
  ended_early_reason: null,
  needs_review_since: null,
  needs_review_reason: null,
  provider_listed_until: null,
  placed_by: "Alex Morgan",
  placed_at: "2026-12-01T10:00:00Z",
};

describe("the placements export", () => {
  it("says where each placement is on the day, as the list's tags do", () => {
    expect(placementStatus(row, "2026-12-01")).toBe("Starts later");
    expect(placementStatus(row, "2026-12-08")).toBe("Current");
    expect(placementStatus(row, "2027-02-02")).toBe("Current");
    expect(placementStatus(row, "2027-02-03")).toBe("Ended");
  });

  it("gives the pattern's code and its reading, and whether it needs review", () => {
    const cells = Object.fromEntries(PLACEMENTS_EXPORT_HEADER.map((h, i) => [h, placementExportRecord(row, "2026-12-01")[i]]));
    expect(cells).toMatchObject({ pattern: "part_time", pattern_label: "Part-time: 2 days and 4 sessions a week", days_per_week: "2", needs_review: "no", status: "Starts later" });
    expect(placementExportRecord(row, "2026-12-01")).toHaveLength(PLACEMENTS_EXPORT_HEADER.length);
  });
});
