import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { characteristicsOn, countArea, onRegister, yearGroupOn, type ChildRecord } from "./census-counts";
import { addDays } from "./dates";
import { TOPICS } from "./statistics-breakdowns";

const child = (overrides: Partial<ChildRecord> = {}): ChildRecord => ({
  dateOfBirth: "2014-03-10",
  dateEntered: "2025-09-15",
  dateLeft: null,
  reasonLeft: null,
  current: { educationStatus: "elective_home_education", homeEducationReason: "mental_health", sex: "female", senStatus: "none", socialCareStatus: "none" },
  changes: [],
  placements: [],
  ...overrides,
});

describe("on the register on a day", () => {
  it("counts from the day entered up to the day before the day left", () => {
    const c = child({ dateEntered: "2025-10-01", dateLeft: "2025-10-10", reasonLeft: "returned_to_school" });
    expect(onRegister(c, "2025-09-30")).toBe(false);
    expect(onRegister(c, "2025-10-01")).toBe(true);
    expect(onRegister(c, "2025-10-09")).toBe(true);
    expect(onRegister(c, "2025-10-10")).toBe(false);
    expect(onRegister(child(), "2099-01-01")).toBe(true);
  });
});

describe("characteristics on a census day", () => {
  const changed = child({
    current: { educationStatus: "elective_home_education", homeEducationReason: "lifestyle_choice", sex: "male", senStatus: "ehc_plan", socialCareStatus: "child_in_need_plan" },
    changes: [
      { on: "2025-11-20", field: "educationStatus", from: "not_on_roll" },
      { on: "2025-11-20", field: "homeEducationReason", from: null },
      { on: "2025-10-05", field: "senStatus", from: "sen_support" },
      { on: "2026-01-02", field: "socialCareStatus", from: "none" },
      { on: "2025-10-05", field: "sex", from: null },
    ],
  });
  it("undoes every change made after the day", () => {
    expect(characteristicsOn(changed, "2025-10-02")).toEqual({ educationStatus: "not_on_roll", homeEducationReason: null, sex: null, senStatus: "sen_support", socialCareStatus: "none" });
    expect(characteristicsOn(changed, "2025-10-05")).toEqual({ educationStatus: "not_on_roll", homeEducationReason: null, sex: "male", senStatus: "ehc_plan", socialCareStatus: "none" });
    expect(characteristicsOn(changed, "2025-12-01")).toEqual({ educationStatus: "elective_home_education", homeEducationReason: "lifestyle_choice", sex: "male", senStatus: "ehc_plan", socialCareStatus: "none" });
    expect(characteristicsOn(changed, "2026-01-02")).toEqual(changed.current);
  });
  it("undoes several changes on one day newest first", () => {
    const c = child({
      current: { ...child().current, educationStatus: "eotas" },
      changes: [
        { on: "2025-11-20", field: "educationStatus", from: "elective_home_education" },
        { on: "2025-11-20", field: "educationStatus", from: "not_on_roll" },
      ],
    });
    expect(characteristicsOn(c, "2025-11-19")?.educationStatus).toBe("elective_home_education");
    expect(characteristicsOn(c, "2025-11-20")?.educationStatus).toBe("eotas");
  });
  it("gives the same answer for a past day however many changes come after", () => {
    const later = { ...changed, changes: [...changed.changes, { on: "2026-03-01", field: "educationStatus" as const, from: "elective_home_education" }] };
    later.current = { ...later.current, educationStatus: "unregistered_setting" };
    expect(characteristicsOn(later, "2025-12-01")).toEqual(characteristicsOn(changed, "2025-12-01"));
  });
  it("keeps a required field as it is when history's earlier value could not be read", () => {
    const c = child({ changes: [{ on: "2026-01-01", field: "educationStatus", from: null }] });
    expect(characteristicsOn(c, "2025-12-01")?.educationStatus).toBe("elective_home_education");
  });
  it("is nothing for a child not on the register that day", () => {
    expect(characteristicsOn(changed, "2025-09-14")).toBeNull();
  });
});

describe("national curriculum year group", () => {
  it("follows age on the 31 August before the academic year", () => {
    expect(yearGroupOn("2021-08-31", "2025-10-02")).toBe("reception");
    expect(yearGroupOn("2021-09-01", "2025-10-02")).toBe("other");
    expect(yearGroupOn("2020-09-01", "2025-10-02")).toBe("reception");
    expect(yearGroupOn("2020-08-31", "2025-10-02")).toBe("year_1");
    expect(yearGroupOn("2009-09-01", "2025-10-02")).toBe("year_11");
    expect(yearGroupOn("2010-08-31", "2025-10-02")).toBe("year_11");
    expect(yearGroupOn("2009-08-31", "2025-10-02")).toBe("other");
    // The same child moves up on 1 September, not on their birthday.
    expect(yearGroupOn("2014-03-10", "2025-08-31")).toBe("year_6");
    expect(yearGroupOn("2014-03-10", "2025-09-01")).toBe("year_7");
    expect(yearGroupOn("2014-03-10", "2026-03-10")).toBe("year_7");
  });
});

describe("counting an area", () => {
  it("counts each child once in every additive topic, so each adds up to its parent", () => {
    const children = [
      child(),
      child({ current: { educationStatus: "not_on_roll", homeEducationReason: null, sex: null, senStatus: "sen_support", socialCareStatus: "looked_after" } }),
      child({ current: { educationStatus: "elective_home_education", homeEducationReason: null, sex: "male", senStatus: "ehc_plan", socialCareStatus: "none" } }),
      child({ dateEntered: "2026-02-01" }),
    ];
    const counts = countArea(children, [], "2025-10-02");
    expect(counts.total!.total).toBe(3);
    expect(counts.education_status).toMatchObject({ elective_home_education: 2, not_on_roll: 1, eotas: 0 });
    expect(counts.home_education_reason).toMatchObject({ mental_health: 1, no_reason_recorded: 1 });
    expect(counts.sex).toEqual({ female: 1, male: 1, unknown: 1 });
    expect(counts.year_group!.year_6).toBe(0);
    expect(counts.year_group!.year_7).toBe(3);
    expect(counts.in_year).toEqual({ entries_started: 3, returned_to_school: 0, school_attendance_orders: 0 });
  });
  it("counts entries started, returns to school and attendance orders served from 1 September to the census day", () => {
    const children = [
      child({ dateEntered: "2025-08-31" }),
      child({ dateEntered: "2025-09-01" }),
      child({ dateEntered: "2025-06-01", dateLeft: "2025-09-20", reasonLeft: "returned_to_school" }),
      child({ dateEntered: "2025-06-01", dateLeft: "2025-09-21", reasonLeft: "moved_out_of_area" }),
      child({ dateEntered: "2025-06-01", dateLeft: "2025-08-30", reasonLeft: "returned_to_school" }),
      child({ dateEntered: "2025-06-01", dateLeft: "2025-10-03", reasonLeft: "returned_to_school" }),
    ];
    const counts = countArea(children, [], "2025-10-02", ["2025-08-31", "2025-09-01", "2025-10-02", "2025-10-03"]);
    expect(counts.in_year).toEqual({ entries_started: 1, returned_to_school: 1, school_attendance_orders: 2 });
    expect(counts.total!.total).toBe(3);
  });
  it("counts children in non-school AP once in the total and once under each type their provider is listed for", () => {
    const children = [
      child({ placements: [{ start: "2025-09-20", end: "2025-12-19", provisionTypes: ["academic", "mentoring"] }, { start: "2025-09-01", end: "2025-10-02", provisionTypes: ["academic"] }] }),
      child({ placements: [{ start: "2025-10-03", end: "2025-12-19", provisionTypes: ["therapeutic"] }] }),
      child({ placements: [{ start: "2025-09-01", end: "2025-10-01", provisionTypes: ["therapeutic"] }] }),
      child({ dateLeft: "2025-10-01", reasonLeft: "other", placements: [{ start: "2025-09-01", end: "2025-12-01", provisionTypes: ["vocational"] }] }),
    ];
    const counts = countArea(children, [], "2025-10-02");
    expect(counts.ap_provision_type).toMatchObject({ total: 1, academic: 1, mentoring: 1, therapeutic: 0, vocational: 0 });
  });
  it("counts consent requests raised, and agreed or refused, in the academic year to the census day", () => {
    const counts = countArea(
      [],
      [
        { raisedOn: "2025-08-20", decidedOn: "2025-09-03", status: "agreed" },
        { raisedOn: "2025-09-10", decidedOn: null, status: "pending" },
        { raisedOn: "2025-09-11", decidedOn: "2025-10-02", status: "refused" },
        { raisedOn: "2025-09-12", decidedOn: "2025-10-03", status: "agreed" },
        { raisedOn: "2025-10-03", decidedOn: null, status: "pending" },
      ],
      "2025-10-02",
    );
    expect(counts.consent_requests).toEqual({ raised: 3, agreed: 1, refused: 1 });
  });
  it("adds up for any register: every additive topic sums to its parent on any day", () => {
    const statuses = ["elective_home_education", "unregistered_setting", "not_on_roll", "on_roll_full_absence", "on_roll_arranged_elsewhere", "eotas"] as const;
    const arbitraryChild = fc.record({
      entered: fc.integer({ min: 0, max: 400 }),
      stay: fc.option(fc.integer({ min: 1, max: 400 })),
      status: fc.constantFrom(...statuses),
      earlier: fc.constantFrom(...statuses),
      changedAfter: fc.integer({ min: 0, max: 400 }),
      sex: fc.constantFrom("female" as const, "male" as const, null),
      age: fc.integer({ min: 3, max: 17 }),
    });
    fc.assert(
      fc.property(fc.array(arbitraryChild, { maxLength: 30 }), fc.integer({ min: 0, max: 800 }), (specs, dayOffset) => {
        const day = addDays("2024-09-01", dayOffset);
        const children = specs.map((s) =>
          child({
            dateOfBirth: addDays("2024-09-01", -365 * s.age),
            dateEntered: addDays("2024-09-01", s.entered),
            dateLeft: s.stay === null ? null : addDays("2024-09-01", s.entered + s.stay),
            reasonLeft: s.stay === null ? null : "other",
            current: { educationStatus: s.status, homeEducationReason: null, sex: s.sex, senStatus: "none", socialCareStatus: "none" },
            changes: [{ on: addDays("2024-09-01", s.changedAfter), field: "educationStatus", from: s.earlier }],
          }),
        );
        const counts = countArea(children, [], day);
        for (const topic of TOPICS.filter((t) => t.kind === "additive")) {
          const sum = Object.values(counts[topic.code]!).reduce<number>((a, b) => a + (b ?? 0), 0);
          expect(sum).toBe(counts[topic.parent!.topic]![topic.parent!.breakdown]);
        }
        expect(counts.total!.total).toBe(children.filter((c) => onRegister(c, day)).length);
      }),
    );
  });
});
