import { describe, expect, it } from "vitest";
import { educationStatusChange, HISTORY_KINDS, isHistoryKind, readableChange, timelineItem } from "./entry-history";
import { EDUCATION_STATUSES, EDUCATION_STATUS_LABELS } from "./register-vocabulary";

describe("the timeline reads the same whatever wrote it", () => {
  it("shows a stored code of a closed list as its label", () => {
    for (const from of EDUCATION_STATUSES) {
      const change = readableChange({ field: "educationStatus", label: "Education status", from, to: "elective_home_education" });
      expect(change).toEqual({ field: "educationStatus", label: "Education status", from: EDUCATION_STATUS_LABELS[from], to: "Elective home education" });
    }
    expect(readableChange({ field: "reasonLeft", label: "Reason left", from: null, to: "moved_out_of_area" }).to).toBe("Moved out of the area");
  });

  it("leaves labels, free text and fields without a closed list as they are", () => {
    const label = { field: "educationStatus", label: "Education status", from: EDUCATION_STATUS_LABELS.not_on_roll, to: null };
    expect(readableChange(label)).toEqual(label);
    const text = { field: "name", label: "Name", from: "none", to: "Ada Lovelace" };
    expect(readableChange(text)).toEqual(text);
    // A prototype key is not a code.
    expect(readableChange({ field: "sex", label: "Sex", from: "constructor", to: null }).from).toBe("constructor");
  });

  it("writes a status change as labels, so new rows never hold codes", () => {
    expect(educationStatusChange("on_roll_full_absence", "elective_home_education")).toEqual({
      field: "educationStatus",
      label: "Education status",
      from: EDUCATION_STATUS_LABELS.on_roll_full_absence,
      to: EDUCATION_STATUS_LABELS.elective_home_education,
    });
  });

  it("lists no field changes for a new entry", () => {
    const row = { id: 1, occurredAt: new Date("2026-11-02T10:00:00Z"), summary: "Entered", actorName: null, changes: [{ field: "name", label: "Name", from: null, to: "Ada" }] };
    expect(timelineItem({ ...row, kind: "created" })).toEqual({ id: 1, when: "2026-11-02T10:00:00.000Z", who: "Unknown", summary: "Entered", changes: [] });
    expect(timelineItem({ ...row, kind: "updated" }).changes).toHaveLength(1);
  });

  it("names the person who made a change, else the API token that did, else says it is unknown", () => {
    const row = { id: 1, occurredAt: new Date("2026-11-02T10:00:00Z"), summary: "Changed", kind: "updated", changes: [] };
    expect(timelineItem({ ...row, actorName: "Priya Shah", apiTokenName: null }).who).toBe("Priya Shah");
    expect(timelineItem({ ...row, actorName: null, apiTokenName: "Case system" }).who).toBe("Case system (API token)");
    expect(timelineItem({ ...row, actorName: null, apiTokenName: null }).who).toBe("Unknown");
  });

  it("knows its kinds and no others", () => {
    for (const kind of HISTORY_KINDS) expect(isHistoryKind(kind)).toBe(true);
    expect(isHistoryKind("Created")).toBe(false);
    expect(new Set(HISTORY_KINDS).size).toBe(HISTORY_KINDS.length);
  });
});
