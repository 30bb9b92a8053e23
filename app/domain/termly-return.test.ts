import { describe, expect, it } from "vitest";
import { emptyCounts, TOPICS } from "./statistics-breakdowns";
import { termlyReturnCsv, termlyReturnRows } from "./termly-return";

describe("the termly return", () => {
  const counts = emptyCounts();
  counts.total!.total = 7;
  counts.education_status!.elective_home_education = 4;
  counts.education_status!.not_on_roll = 3;
  counts.in_year!.school_attendance_orders = null; // a count the register could not give
  it("has one unrounded row per breakdown, small counts included, x where not recorded", () => {
    const rows = termlyReturnRows(counts);
    expect(rows).toHaveLength(TOPICS.reduce((n, t) => n + t.breakdowns.length, 0));
    expect(rows.find((r) => r.field === "total")).toEqual({ field: "total", description: "Children on the register on the census day", value: "7", basis: "dfe" });
    expect(rows.find((r) => r.field === "education_status.not_on_roll")).toMatchObject({ value: "3", basis: "dfe" });
    expect(rows.find((r) => r.field === "education_status.eotas")).toMatchObject({ value: "0", basis: "service" });
    expect(rows.find((r) => r.field === "in_year.school_attendance_orders")).toMatchObject({ value: "x", basis: "service" });
    expect(rows.find((r) => r.field === "home_education_reason.mental_health")).toMatchObject({ basis: "dfe" });
  });
  it("is a CSV naming the council and the census day on every row", () => {
    const csv = termlyReturnCsv({ laCode: "801", name: "Bristol, City of" }, { kind: "census", date: "2025-10-02", term: "autumn", academicYear: 2025, timePeriod: "202526", timeIdentifier: "Autumn term", label: "Autumn term 2025/26" }, counts);
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("la_code,la_name,census_date,time_period,time_identifier,field,description,value,basis");
    expect(lines[1]).toBe('801,"Bristol, City of",2025-10-02,202526,Autumn term,total,Children on the register on the census day,7,dfe');
    expect(lines).toHaveLength(1 + termlyReturnRows(counts).length);
  });
});
