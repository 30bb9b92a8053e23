import { describe, expect, it } from "vitest";
import { daysLeftText, LAPSING_SOON_DAYS, reviewSummary } from "./review-summary";

const base = {
  today: "2026-12-01",
  waitingSince: "2026-11-17",
  listingWouldEnd: "2027-12-01",
};

describe("reviewSummary", () => {
  it("counts calendar days waiting, and none when nothing is waiting", () => {
    expect(reviewSummary(base).daysWaiting).toBe(14);
    expect(reviewSummary({ ...base, waitingSince: "2026-12-01" }).daysWaiting).toBe(0);
    expect(reviewSummary({ ...base, waitingSince: null }).daysWaiting).toBeNull();
  });

  it("lists insurance that lapses before the listing would end, soonest first", () => {
    const { lapsing } = reviewSummary({
      ...base,
      insurance: { employersLiabilityExpiresOn: "2027-06-30", publicLiabilityExpiresOn: "2027-03-31" },
    });
    expect(lapsing).toEqual([
      { what: "Public liability insurance expires", date: "2027-03-31", daysLeft: 120, beforeListingEnds: true },
      { what: "Employer's liability insurance expires", date: "2027-06-30", daysLeft: 211, beforeListingEnds: true },
    ]);
  });

  it("leaves out dates that outlast the listing and are not soon", () => {
    const { lapsing } = reviewSummary({
      ...base,
      insurance: { employersLiabilityExpiresOn: "2028-01-01", publicLiabilityExpiresOn: "2027-12-01" },
      safeguardingLeadTrainedOn: "2026-06-01",
    });
    expect(lapsing).toEqual([]);
  });

  it("lists a date within the soon window even when it outlasts a short listing term", () => {
    const soon = "2027-02-01"; // 62 days from today, inside LAPSING_SOON_DAYS
    expect(LAPSING_SOON_DAYS).toBeGreaterThanOrEqual(62);
    const { lapsing } = reviewSummary({
      ...base,
      listingWouldEnd: "2027-01-15",
      insurance: { employersLiabilityExpiresOn: soon, publicLiabilityExpiresOn: "2028-01-01" },
    });
    expect(lapsing).toEqual([{ what: "Employer's liability insurance expires", date: soon, daysLeft: 62, beforeListingEnds: false }]);
  });

  it("says when the safeguarding lead's two-yearly training falls due, even if already past", () => {
    const { lapsing } = reviewSummary({ ...base, safeguardingLeadTrainedOn: "2024-11-20" });
    expect(lapsing).toEqual([{ what: "Safeguarding lead's training is due again", date: "2026-11-20", daysLeft: -11, beforeListingEnds: true }]);
  });
});

describe("daysLeftText", () => {
  it.each([
    [0, "today"],
    [1, "in 1 day"],
    [12, "in 12 days"],
    [-1, "1 day ago"],
    [-3, "3 days ago"],
  ])("%i reads %s", (days, text) => {
    expect(daysLeftText(days)).toBe(text);
  });
});
