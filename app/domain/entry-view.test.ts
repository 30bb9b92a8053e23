import { describe, expect, it } from "vitest";
import { changeLinkText } from "./entry-view";

describe("a Change link's hidden text", () => {
  it("reads as the end of a sentence, keeping abbreviations", () => {
    expect(changeLinkText("Unique pupil number (UPN)")).toBe("unique pupil number (UPN)");
    expect(changeLinkText("NHS number")).toBe("NHS number");
    expect(changeLinkText("Date of birth")).toBe("date of birth");
    expect(changeLinkText("Council child ID")).toBe("council child ID");
  });
});
