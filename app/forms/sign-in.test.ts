import { describe, expect, it } from "vitest";
import { HOSTILE_REDIRECTS } from "../../tests/support/hostile-values";
import { safeRedirect } from "./sign-in";


describe("safeRedirect", () => {
  it.each(HOSTILE_REDIRECTS)("sends %j home instead", (value) => {
    expect(safeRedirect(value)).toBe("/home");
  });
  it("keeps a path on this site, with its query and fragment", () => {
    expect(safeRedirect("/register")).toBe("/register");
    expect(safeRedirect("/register?page=2&sort=name#results")).toBe("/register?page=2&sort=name#results");
    expect(safeRedirect("/register/abc%20def")).toBe("/register/abc%20def");
    expect(safeRedirect(null)).toBe("/home");
    expect(safeRedirect(undefined, "/provider")).toBe("/provider");
  });
});
