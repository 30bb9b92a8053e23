import { describe, expect, it } from "vitest";
import { exampleEntryInput } from "#app/open-data/register-api-openapi";
import { registerEntrySchema } from "./register-entry";
import { ENTRY_FIELDS, entryJsonToAnswers, entryToJson } from "./register-entry-json";

const today = "2026-12-01" as const;

describe("the register API's entry JSON", () => {
  it("becomes the answers the add-child form posts: dates in parts, yes or no, numbers as typed, null as blank", () => {
    const { answers, errors } = entryJsonToAnswers({ dateOfBirth: "2014-03-09", atRiskOfHarmFromHome: false, middleNames: null, parents: [{ hoursPerWeek: 7.5, educatesChild: true }], sources: { dateOfBirth: "parent" } });
    expect(errors).toEqual({});
    expect(answers).toEqual({ dateOfBirth: { year: "2014", month: "3", day: "9" }, atRiskOfHarmFromHome: "no", middleNames: "", parents: [{ hoursPerWeek: "7.5", educatesChild: "yes" }], sources: { dateOfBirth: "parent" } });
  });

  it("refuses a body that is not an object, a field the entry does not have, and a date not written YYYY-MM-DD", () => {
    expect(entryJsonToAnswers([]).errors).toEqual({ body: "The request body must be a JSON object" });
    expect(entryJsonToAnswers(null).errors).toEqual({ body: "The request body must be a JSON object" });
    expect(entryJsonToAnswers({ colour: "blue", dateEntered: "2/11/2026", dateOfBirth: 20140309 }).errors).toEqual({
      colour: "colour is not a field of an entry",
      dateEntered: "dateEntered must be a date written YYYY-MM-DD",
      dateOfBirth: "dateOfBirth must be a date written YYYY-MM-DD",
    });
  });

  it("round-trips through the form's schema: what GET shows, sent back, is the same entry", () => {
    const parsed = registerEntrySchema(today).safeParse(entryJsonToAnswers(exampleEntryInput).answers);
    expect(parsed.success).toBe(true);
    const json = entryToJson(parsed.data!);
    expect(Object.keys(json)).toEqual([...ENTRY_FIELDS]);
    expect(json).toEqual(exampleEntryInput);
  });
});
