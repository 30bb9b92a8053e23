import { describe, expect, it } from "vitest";
import { applicationProgress } from "./application-progress";

const insurance = (year: string) => ({ employersLiabilityExpiresOn: { day: "1", month: "9", year }, publicLiabilityExpiresOn: { day: "1", month: "9", year } });

describe("application progress", () => {
  it("marks sections not started, in progress and completed, and the declaration cannot start until the rest are done", () => {
    const progress = applicationProgress(
      {
        organisation: { status: "completed", answers: { legalName: "Hub Ltd", organisationType: "sole_trader", hasOfstedUrn: "no" } },
        provision: { status: "in_progress", answers: { ageMin: "11" } },
        insurance: { status: "completed", answers: insurance("2026") },
      },
      "2026-06-01",
    );
    expect(progress.statuses).toEqual({
      organisation: "completed",
      sites: "not_started",
      provision: "in_progress",
      "full-time-pupils": "not_started",
      safeguarding: "not_started",
      "health-and-safety": "not_started",
      admissions: "not_started",
      insurance: "completed",
      declaration: "cannot_start",
    });
    expect(progress.completedCount).toBe(2);
    expect(progress.parsed).toBeNull();
    expect(progress.sections.organisation?.legalName).toBe("Hub Ltd");
  });

  it("sends a completed section back to in progress when its answers no longer pass (insurance expired)", () => {
    const later = applicationProgress({ insurance: { status: "completed", answers: insurance("2026") } }, "2026-10-01");
    expect(later.statuses.insurance).toBe("in_progress");
  });

  it("works out the school-registration threshold from the full-time pupils section", () => {
    const progress = applicationProgress({ "full-time-pupils": { status: "completed", answers: { compulsorySchoolAge: "5", lookedAfterOrSen: "0" } } }, "2026-06-01");
    expect(progress.threshold).toMatchObject({ mustRegister: true });
    expect(applicationProgress({}, "2026-06-01").threshold).toBeNull();
  });
});
