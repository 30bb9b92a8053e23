import { describe, expect, it } from "vitest";
import { EDUCATION_STATUSES, SOCIAL_CARE_STATUSES } from "./register-vocabulary";
import {
  COMMISSIONER_CATEGORIES,
  commissionerCategory,
  councilPossessive,
  hasResponsibleAuthority,
  responsibleCouncil,
  timeInCategory,
  virtualSchoolNews,
  virtualSchoolNewsInWords,
  type FollowedState,
} from "./children-in-care";

describe("the Commissioner's categories", () => {
  it("maps each missing-education status to its category", () => {
    expect(commissionerCategory("not_on_roll")).toBe("not_on_roll");
    expect(commissionerCategory("unregistered_setting")).toBe("unregistered_setting");
    expect(commissionerCategory("on_roll_full_absence")).toBe("on_roll_never_attending");
  });

  it("puts the statuses of known education in none of the three", () => {
    for (const status of ["elective_home_education", "on_roll_arranged_elsewhere", "eotas"] as const) expect(commissionerCategory(status)).toBe("other_arrangement");
  });

  it("gives every status a category", () => {
    for (const status of EDUCATION_STATUSES) expect(COMMISSIONER_CATEGORIES).toContain(commissionerCategory(status));
  });
});

describe("how long a child has been in a category", () => {
  it("counts days for the first two weeks, then whole weeks", () => {
    expect(timeInCategory("2026-12-01", "2026-12-01")).toEqual({ days: 0, words: "0 days" });
    expect(timeInCategory("2026-11-30", "2026-12-01")).toEqual({ days: 1, words: "1 day" });
    expect(timeInCategory("2026-11-18", "2026-12-01")).toEqual({ days: 13, words: "13 days" });
    expect(timeInCategory("2026-11-17", "2026-12-01")).toEqual({ days: 14, words: "2 weeks" });
    expect(timeInCategory("2025-12-01", "2026-12-01")).toEqual({ days: 365, words: "52 weeks" });
  });

  it("never counts a day in the future as negative", () => {
    expect(timeInCategory("2026-12-02", "2026-12-01").days).toBe(0);
  });
});

describe("a council's name as a possessive", () => {
  it("takes an apostrophe alone after an s", () => {
    expect(councilPossessive("Leeds")).toBe("Leeds'");
    expect(councilPossessive("Camden")).toBe("Camden's");
  });
});

describe("the responsible council", () => {
  it("is recorded for looked-after children and those on a child-in-need or child protection plan only", () => {
    expect(SOCIAL_CARE_STATUSES.filter(hasResponsibleAuthority)).toEqual(["child_in_need_plan", "child_protection_plan", "looked_after"]);
  });

  it("is the register's own council when none is recorded, and none without such a status", () => {
    expect(responsibleCouncil({ laId: "leeds", responsibleLaId: "camden", socialCareStatus: "looked_after" })).toBe("camden");
    expect(responsibleCouncil({ laId: "leeds", responsibleLaId: null, socialCareStatus: "child_protection_plan" })).toBe("leeds");
    expect(responsibleCouncil({ laId: "leeds", responsibleLaId: "camden", socialCareStatus: "none" })).toBeNull();
  });
});

describe("what the virtual school head is told", () => {
  const onRegister: FollowedState = { responsibleLaId: "camden", educationStatus: "not_on_roll", dateLeft: null };

  it("tells of a child added to a register", () => {
    expect(virtualSchoolNews(null, onRegister)).toEqual([{ laId: "camden", news: { kind: "added" } }]);
  });

  it("tells of a new education status, and not of a change that keeps it", () => {
    expect(virtualSchoolNews(onRegister, { ...onRegister, educationStatus: "unregistered_setting" })).toEqual([{ laId: "camden", news: { kind: "status_changed", status: "unregistered_setting" } }]);
    expect(virtualSchoolNews(onRegister, onRegister)).toEqual([]);
  });

  it("tells of leaving the register", () => {
    expect(virtualSchoolNews(onRegister, { ...onRegister, dateLeft: "2026-12-01" })).toEqual([{ laId: "camden", news: { kind: "left" } }]);
  });

  it("tells of a placement at non-school alternative provision", () => {
    expect(virtualSchoolNews(onRegister, onRegister, true)).toEqual([{ laId: "camden", news: { kind: "placed" } }]);
  });

  it("tells a council that becomes responsible, and nobody when no council is", () => {
    expect(virtualSchoolNews({ ...onRegister, responsibleLaId: null }, onRegister)).toEqual([{ laId: "camden", news: { kind: "now_responsible" } }]);
    expect(virtualSchoolNews(onRegister, { ...onRegister, responsibleLaId: null, educationStatus: "eotas" })).toEqual([]);
    expect(virtualSchoolNews(null, { ...onRegister, responsibleLaId: null })).toEqual([]);
  });

  it("says each piece of news in words, with no codes", () => {
    expect(virtualSchoolNewsInWords({ kind: "status_changed", status: "on_roll_full_absence" })).toBe("New education status: on a school roll but absent all of the time without authorisation");
    expect(virtualSchoolNewsInWords({ kind: "left" })).toBe("Left the register");
  });
});
