import { describe, expect, it } from "vitest";
import { leaveRegisterSchema } from "./leave-register";

const base = { dateLeft: { day: "1", month: "12", year: "2026" }, version: "3" };
const issues = (values: Record<string, unknown>) => {
  const result = leaveRegisterSchema("2026-12-01").safeParse({ ...base, ...values });
  return result.success ? [] : result.error.issues.map((i) => [i.path.join("."), i.message]);
};

describe("leaving the register", () => {
  it("asks for a detail for Other, whether the unchosen destination comes as a form posts it or as react-hook-form holds it (null)", () => {
    for (const destination of [undefined, "", null]) {
      expect(issues({ reasonLeft: "other", destination })).toEqual([["reasonLeftDetail", "Enter why the child left the register"]]);
      expect(issues({ reasonLeft: "returned_to_school", destination })).toEqual([]);
    }
  });

  it("asks where a child who moved out of the area went, and which council for England", () => {
    expect(issues({ reasonLeft: "moved_out_of_area", destination: null })).toEqual([["destination", "Select where the child moved to"]]);
    expect(issues({ reasonLeft: "moved_out_of_area", destination: "english_council" })).toEqual([["destinationLaId", "Select the council the child moved to"]]);
    expect(issues({ reasonLeft: "moved_out_of_area", destination: "somewhere" })).toEqual([["destination", "Select where the child moved to"]]);
  });

  it("keeps only the answers that apply", () => {
    const parsed = leaveRegisterSchema("2026-12-01").parse({ ...base, reasonLeft: "other", reasonLeftDetail: "Gone to a relative", destination: "abroad" });
    expect(parsed).toMatchObject({ reasonLeft: "other", reasonLeftDetail: "Gone to a relative", destination: null, destinationLaId: null });
  });
});
