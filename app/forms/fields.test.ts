import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkboxes, date, dateFromParts, email, optionalDate, optionalText, requiredText, wholeNumber } from "./fields";
import { parseSubmission } from "./submission";

describe("date fields", () => {
  it("words each problem the GOV.UK way", () => {
    expect(dateFromParts({}, "date of birth")).toEqual({ ok: false, message: "Enter date of birth" });
    expect(dateFromParts({ day: "1", month: "2" }, "date of birth")).toEqual({ ok: false, message: "Date of birth must include a year" });
    expect(dateFromParts({ year: "2012" }, "date of birth")).toEqual({ ok: false, message: "Date of birth must include a day and month" });
    expect(dateFromParts({ day: "30", month: "2", year: "2012" }, "date of birth")).toEqual({ ok: false, message: "Date of birth must be a real date" });
    expect(dateFromParts({ day: "1", month: "2", year: "12" }, "date of birth")).toEqual({ ok: false, message: "Year must include 4 numbers" });
    expect(dateFromParts({ day: "x", month: "2", year: "2012" }, "date of birth")).toEqual({ ok: false, message: "Date of birth must be a real date" });
    expect(dateFromParts({ day: " 29 ", month: "02", year: "2012" }, "date of birth")).toEqual({ ok: true, date: "2012-02-29" });
  });
  it("refuses dates after a limit", () => {
    const schema = date("date of birth", { notAfter: { date: "2026-11-23", message: "Date of birth must be in the past" } });
    expect(schema.safeParse({ day: "24", month: "11", year: "2026" }).error?.issues[0]?.message).toBe("Date of birth must be in the past");
    expect(schema.parse({ day: "23", month: "11", year: "2026" })).toBe("2026-11-23");
  });
  it("treats an empty optional date as none", () => {
    expect(optionalDate("date left").parse({ day: "", month: "", year: "" })).toBeUndefined();
    expect(optionalDate("date left").safeParse({ day: "1", month: "", year: "" }).error?.issues[0]?.message).toBe("Date left must include a month and year");
  });
});

describe("text, email, numbers and checkboxes", () => {
  it("trims, requires and limits text, and refuses control characters", () => {
    const name = requiredText("first name", { max: 5 });
    expect(name.parse("  Ada ")).toBe("Ada");
    expect(name.safeParse("   ").error?.issues[0]?.message).toBe("Enter first name");
    expect(name.safeParse(undefined).error?.issues[0]?.message).toBe("Enter first name");
    expect(name.safeParse("Adelaide").error?.issues[0]?.message).toBe("First name must be 5 characters or fewer");
    expect(name.safeParse("A\u0000da").error?.issues[0]?.message).toMatch(/control characters/);
    expect(optionalText("note").parse("  ")).toBeUndefined();
  });
  it("checks emails and whole numbers", () => {
    expect(email().parse(" Jo@Example.COM ")).toBe("jo@example.com");
    expect(email().safeParse("jo@").error?.issues[0]?.message).toMatch(/correct format/);
    const hours = wholeNumber("hours a week", { max: 40 });
    expect(hours.parse("12")).toBe(12);
    expect(hours.safeParse("12.5").error?.issues[0]?.message).toBe("Hours a week must be a whole number");
    expect(hours.safeParse("41").error?.issues[0]?.message).toBe("Hours a week must be 40 or fewer");
  });
  it("reads none, one or several checkboxes, and refuses unknown values", () => {
    const types = checkboxes(["a", "b"] as const, "Select at least one type");
    expect(types.parse(["a", "b"])).toEqual(["a", "b"]);
    expect(types.parse("a")).toEqual(["a"]);
    expect(types.safeParse(undefined).error?.issues[0]?.message).toBe("Select at least one type");
    expect(types.safeParse(["c"]).success).toBe(false);
  });
  it("returns one message per field and keeps the answers except passwords", () => {
    const schema = z.object({ name: requiredText("your name"), password: requiredText("your password") });
    const data = new FormData();
    data.set("name", "");
    data.set("password", "secret");
    const result = parseSubmission(schema, data);
    expect(result).toEqual({ ok: false, errors: { name: "Enter your name" }, values: { name: "" } });
  });
});

describe("values react-hook-form reports in the browser", () => {
  it("treats an unchosen radio group (null) like an unanswered question", () => {
    expect(optionalText("note").parse(null)).toBeUndefined();
    expect(checkboxes(["a"] as const).parse(null)).toEqual([]);
  });
});
