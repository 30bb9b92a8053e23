import { describe, expect, it } from "vitest";
import { anonymisedReturnPayload, neverAttendingProblem, neverAttendingStatus, newPupilReturnDueBy, newPupilReturnLate, newPupilReturnStatus, returnedToSchoolSummary } from "./school-returns";

describe("a school's return once its entry is anonymised", () => {
  it("keeps the kind, dates and ground, and no one's details", () => {
    const payload = {
      returnId: "r1",
      schoolName: "Gospel Oak Fields",
      urn: "100001",
      firstName: "Ada",
      middleNames: "Augusta",
      lastName: "Lovelace",
      dateOfBirth: "2014-12-10",
      upn: "H202678225001",
      address: { addressLine1: "12 Marchmont Street", addressLine2: "Flat 2", town: "London", postcode: "WC1N 1AX" },
      parentName: "Annabella Byron",
      parentAddress: { addressLine1: "3 Piccadilly Terrace", town: "London", postcode: "W1J 7NF" },
      emergencyPhone: "020 7946 0000",
      ground: "A",
      nextSchool: "Somerville Academy",
      joinedOn: "2026-11-02",
    };
    const out = anonymisedReturnPayload(payload);
    expect(out).toEqual({
      returnId: "r1",
      schoolName: "Gospel Oak Fields",
      urn: "100001",
      firstName: "Anonymised",
      middleNames: null,
      lastName: "Anonymised",
      dateOfBirth: "2014-09-01",
      upn: null,
      address: { addressLine1: "", addressLine2: null, town: "", postcode: "" },
      parentName: "Anonymised",
      parentAddress: null,
      emergencyPhone: "",
      ground: "A",
      nextSchool: null,
      joinedOn: "2026-11-02",
    });
    for (const personal of ["Ada", "Augusta", "Lovelace", "Marchmont", "WC1N", "Annabella", "Piccadilly", "7946", "Somerville", "H202"]) expect(JSON.stringify(out)).not.toContain(personal);
  });

  it("adds no key the payload did not have, and flat addresses are blanked too", () => {
    expect(anonymisedReturnPayload({ firstName: "Ada", lastName: "L", dateOfBirth: "2015-08-31", addressLine1: "1 Road", town: "Leeds", postcode: "LS1 1AA", sessionsMissed: 20 })).toEqual({
      firstName: "Anonymised",
      lastName: "Anonymised",
      dateOfBirth: "2014-09-01",
      addressLine1: "",
      town: "",
      postcode: "",
      sessionsMissed: 20,
    });
  });
});

describe("a moved pupil's new pupil return", () => {
  // Tuesday 1 December 2026: 10 working days is Tuesday 15 December.
  it("is due the council's working days after the move was recorded", () => {
    expect(newPupilReturnDueBy("2026-12-01", 10)).toBe("2026-12-15");
  });

  it("is late only after that day, and never once it has arrived", () => {
    expect(newPupilReturnLate("2026-12-01", 10, "2026-12-15", false)).toBe(false);
    expect(newPupilReturnLate("2026-12-01", 10, "2026-12-16", false)).toBe(true);
    expect(newPupilReturnLate("2026-12-01", 10, "2027-03-01", true)).toBe(false);
  });
});

describe("a pupil on roll but never attending", () => {
  it("may be reported once every session of the council's number in a row was missed, all unauthorised", () => {
    expect(neverAttendingProblem(20, true, 20)).toBeNull();
    expect(neverAttendingProblem(45, true, 20)).toBeNull();
    expect(neverAttendingProblem(19, true, 20)).toMatch(/missed 20 sessions in a row: this pupil has missed 19/);
    expect(neverAttendingProblem(40, false, 20)).toMatch(/unauthorised/);
  });
});

describe("the timeline's line", () => {
  it("names the school, its URN and the day the pupil joined", () => {
    expect(returnedToSchoolSummary("Gospel Oak Fields", "100001", "2026-11-02")).toBe("Returned to school: on the roll of Gospel Oak Fields (URN 100001) from 2 November 2026, by the school's new pupil return");
  });
});

describe("what the school sees", () => {
  it("of a new pupil return: recorded when no one matched or none was the pupil, with the council while it decides, back in school once matched", () => {
    expect(newPupilReturnStatus(null)).toBe("recorded");
    expect(newPupilReturnStatus("dismissed")).toBe("recorded");
    expect(newPupilReturnStatus("new")).toBe("with_council");
    expect(newPupilReturnStatus("matched")).toBe("returned_to_school");
  });

  it("of a report of a pupil never attending: with the council, accepted (either way) or rejected", () => {
    expect(neverAttendingStatus("new")).toBe("with_council");
    expect(neverAttendingStatus("matched")).toBe("accepted");
    expect(neverAttendingStatus("made_entry")).toBe("accepted");
    expect(neverAttendingStatus("dismissed")).toBe("rejected");
  });
});
