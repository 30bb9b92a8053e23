import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkboxes, date, dateFromParts, email, optionalDate, optionalText, requiredText, searchTextError, wholeNumber } from "./fields";
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

describe("every date has a range, and nothing outside 1900-2099 passes", () => {
  it("refuses year 0000 and year 9999 even where a field states no range", () => {
    const schema = date("the date");
    expect(schema.safeParse({ day: "1", month: "1", year: "0000" }).error?.issues[0]?.message).toBe("The date must be the same as or after 1 January 1900");
    expect(schema.safeParse({ day: "31", month: "12", year: "9999" }).error?.issues[0]?.message).toBe("The date must be the same as or before 31 December 2099");
    expect(schema.safeParse({ day: "1", month: "1", year: "2026" }).success).toBe(true);
  });
});

describe("text that can only disguise an answer", () => {
  const name = requiredText("the child's first name");
  const reason = requiredText("the reason", { max: 2000, multiline: true });
  const message = (schema: typeof name, value: string) => schema.safeParse(value).error?.issues[0]?.message;

  it.each([
    ["a right-to-left override", "Ada\u202Enoswal"],
    ["a left-to-right isolate", "Ada\u2066x\u2069"],
    ["a zero-width space", "Ad\u200Ba"],
    ["a zero-width joiner", "Ad\u200Da"],
    ["a byte-order mark", "Ad\uFEFFa"],
    ["a right-to-left mark", "Ada\u200F"],
  ])("refuses %s in a single-line field and a textarea alike", (_what, value) => {
    expect(message(name, value)).toBe("The child's first name must not contain invisible or text-direction characters");
    expect(message(reason, value)).toBe("The reason must not contain invisible or text-direction characters");
  });

  it.each([["a line feed", "Ada\nLovelace"], ["a carriage return", "Ada\rLovelace"], ["a tab", "Ada\tLovelace"], ["a line separator", "Ada\u2028Lovelace"]])(
    "refuses %s in a single-line field, but a textarea keeps its lines",
    (_what, value) => {
      expect(message(name, value)).toBe("The child's first name must be on one line, without line breaks or tabs");
      expect(reason.safeParse("First line\r\nSecond line").success).toBe(true);
    },
  );

  it("refuses control characters everywhere, and NUL above all", () => {
    expect(message(name, "Ada\u0000")).toBe("The child's first name must not contain special control characters");
    expect(message(reason, "Ada\u0007")).toBe("The reason must not contain special control characters");
  });

  it("normalises to NFC, so the same name typed two ways is one answer", () => {
    const decomposed = "Zoe\u0308";
    expect(name.parse(decomposed)).toBe("Zo\u00EB");
    expect(optionalText("middle names").parse(` ${decomposed} `)).toBe("Zo\u00EB");
    // Scripts that need no invisible characters pass untouched.
    expect(name.parse("\u0645\u062D\u0645\u062F")).toBe("\u0645\u062D\u0645\u062F");
    expect(name.parse("O'Brien-Smith")).toBe("O'Brien-Smith");
  });

  it("refuses the same characters in a search box, with a message", () => {
    expect(searchTextError("\u0000", "Search")).toBe("Search must not contain special control characters");
    expect(searchTextError("bright\u202E", "Provider name")).toBe("Provider name must not contain invisible or text-direction characters");
    expect(searchTextError("Bright Futures", "Provider name")).toBeUndefined();
    expect(searchTextError(null, "Search")).toBeUndefined();
  });
});
