import { describe, expect, it } from "vitest";
import { completeAnswers } from "#tests/support/directory-answers";
import { SECTION_IDS, type SectionId } from "./application";
import { applicationProgress, isUnanswered, listingAnswers, stillToDo, type StoredSection } from "./application-progress";

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
      contact: "not_started",
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

describe("the answers a reviewer may publish", () => {
  const today = "2026-06-01";
  const all = (except: SectionId[] = []): Partial<Record<SectionId, StoredSection>> =>
    Object.fromEntries(SECTION_IDS.filter((id) => !except.includes(id)).map((id) => [id, { status: "completed", answers: completeAnswers({ today })[id] }]));

  it("are the whole application when every section is complete, the contact with it", () => {
    const answers = listingAnswers(applicationProgress(all(), today));
    expect(answers?.contact).toEqual({ contactEmail: "hello@riverside.example", contactPhone: "020 7946 0000", contactWebsite: undefined });
  });

  it("leave the contact out of an application made before it was asked for (no contact section at all)", () => {
    const progress = applicationProgress(all(["contact"]), today);
    expect(progress.parsed).toBeNull();
    expect(listingAnswers(progress)).toMatchObject({ contact: null, organisation: { legalName: "Riverside Learning Ltd" } });
  });

  it("are refused when a contact section was started but is not complete, or another section is missing", () => {
    expect(listingAnswers(applicationProgress({ ...all(), contact: { status: "in_progress", answers: {} } }, today))).toBeNull();
    expect(listingAnswers(applicationProgress(all(["contact", "insurance"]), today))).toBeNull();
  });
});

describe("what is still to do in a section", () => {
  it("lists each unanswered question's message once, in the order they are asked", () => {
    const todo = stillToDo("insurance", { employersLiabilityExpiresOn: { day: "1", month: "9", year: "2027" }, publicLiabilityExpiresOn: { day: "", month: "", year: "" } }, "2026-06-01");
    expect(todo).toHaveLength(1);
    expect(todo[0]).toMatch(/public liability insurance expires/);
  });

  it("lists every question of a section saved with nothing in it", () => {
    expect(stillToDo("insurance", null, "2026-06-01")).toHaveLength(2);
  });

  it("is empty once the section is complete", () => {
    expect(stillToDo("insurance", insurance("2027"), "2026-06-01")).toEqual([]);
  });

  it("says an answer that has become wrong since (insurance expired) is still to do", () => {
    expect(stillToDo("insurance", insurance("2026"), "2026-10-01")).toHaveLength(2);
  });
});

describe("isUnanswered", () => {
  it.each([
    [{}, true],
    [{ legalName: "  ", sites: [{ name: "", capacity: "" }], provisionTypes: [] }, true],
    [{ legalName: "Hub Ltd" }, false],
    [{ sites: [{ name: "" }, { town: "Leeds" }] }, false],
    [{ confirmed: ["confirmed"] }, false],
  ])("%j is unanswered: %s", (values, expected) => {
    expect(isUnanswered(values)).toBe(expected);
  });
});
