import { describe, expect, it } from "vitest";
import { yearGroupOn } from "./census-counts";
import { addDays } from "./dates";
import { PROCESSING_ACTIVITIES, retentionOf, type Periods } from "./processing-record";
import { RETENTION_KINDS, RETENTION_RULES, anonymisedDateOfBirth, cutoffFor, describePeriod, entryClockStarts, entryDue, periodProblem } from "./retention-schedule";

const defaults = Object.fromEntries(RETENTION_KINDS.map((k) => [k, RETENTION_RULES[k].defaultPeriod])) as Periods;

describe("the record of processing", () => {
  it("covers every kind of record the schedule governs", () => {
    for (const kind of RETENTION_KINDS) expect(PROCESSING_ACTIVITIES.some((a) => a.retentionKind === kind), kind).toBe(true);
  });
  it("states the retention the schedule has now", () => {
    const audit = PROCESSING_ACTIVITIES.find((a) => a.id === "audit")!;
    expect(retentionOf(audit, defaults)).toBe("Deleted 7 years after the day the event was recorded.");
    expect(retentionOf(audit, { ...defaults, audit_event: 96 })).toBe("Deleted 8 years after the day the event was recorded.");
    expect(retentionOf(PROCESSING_ACTIVITIES.find((a) => a.id === "parents")!, defaults)).toMatch(/^Deleted when the child's entry is anonymised\. The entry: Anonymised 6 years after/);
    expect(retentionOf(PROCESSING_ACTIVITIES.find((a) => a.id === "sessions")!, defaults)).toMatch(/SESSION_ABSOLUTE_HOURS/);
  });
});

describe("the retention schedule", () => {
  it("keeps each default within its bounds", () => {
    for (const kind of RETENTION_KINDS) expect(periodProblem(kind, RETENTION_RULES[kind].defaultPeriod), kind).toBeNull();
  });
  it("refuses periods outside the bounds, with the reason", () => {
    expect(periodProblem("register_entry", 23)).toMatch(/^Enter at least 2 years: At least 2 years/);
    expect(periodProblem("register_entry", 301)).toMatch(/^Enter at most 25 years/);
    expect(periodProblem("audit_event", 71)).toMatch(/at least 6 years/);
    expect(periodProblem("invitation", 2.5)).toBe("Enter a whole number of days");
    expect(periodProblem("sign_in_throttle", 1)).toBeNull();
  });
  it("describes periods in years, months and days", () => {
    expect(describePeriod("register_entry", 72)).toBe("6 years");
    expect(describePeriod("register_entry", 12)).toBe("1 year");
    expect(describePeriod("register_entry", 30)).toBe("30 months");
    expect(describePeriod("sign_in_throttle", 1)).toBe("1 day");
    expect(describePeriod("invitation", 90)).toBe("90 days");
  });
  it("starts an entry's clock when it left, or when compulsory school age ended if earlier", () => {
    expect(entryClockStarts({ dateOfBirth: "2010-03-01", dateLeft: "2018-06-01" })).toBe("2018-06-01");
    // Turns 16 in the 2025/26 school year: compulsory school age ends on the last Friday of June 2026.
    expect(entryClockStarts({ dateOfBirth: "2010-03-01", dateLeft: null })).toBe("2026-06-26");
    expect(entryClockStarts({ dateOfBirth: "2010-03-01", dateLeft: "2027-01-01" })).toBe("2026-06-26");
  });
  it("makes an entry due on the day its period ends, not the day before", () => {
    const entry = { dateOfBirth: "2010-03-01", dateLeft: "2018-06-01" };
    expect(cutoffFor("register_entry", 72, "2024-06-01")).toBe("2018-06-01");
    expect(entryDue(entry, 72, "2024-06-01")).toBe(true);
    expect(entryDue(entry, 72, "2024-05-31")).toBe(false);
    expect(cutoffFor("invitation", 90, "2026-12-01")).toBe("2026-09-02");
  });
  it("keeps an anonymised child in the same school year group", () => {
    expect(anonymisedDateOfBirth("2014-12-10")).toBe("2014-09-01");
    expect(anonymisedDateOfBirth("2015-08-31")).toBe("2014-09-01");
    expect(anonymisedDateOfBirth("2015-09-01")).toBe("2015-09-01");
    expect(anonymisedDateOfBirth("2016-02-29")).toBe("2015-09-01");
    // Every birthday over two school years, on census days across the years they are counted.
    for (let dob = "2012-08-25"; dob < "2014-09-05"; dob = addDays(dob, 1)) {
      for (const day of ["2017-10-05", "2018-01-18", "2018-05-17", "2020-01-16", "2024-10-03", "2028-05-18"]) expect(yearGroupOn(anonymisedDateOfBirth(dob), day), `${dob} on ${day}`).toBe(yearGroupOn(dob, day));
    }
  });
});
