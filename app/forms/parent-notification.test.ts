import { describe, expect, it } from "vitest";
import { checkAnswers, educationStepSchema, parentsStepSchema, visitSchema, type JourneyAnswers } from "./parent-notification";

const today = "2026-12-01";
const council = { laId: "7f3c1b9e-2d4a-4c8e-9b1a-3e5f7a9c1d2e", notice: "new" };
const child = { firstName: "Ada", middleNames: "", lastName: "Lovelace", dateOfBirth: { day: "10", month: "12", year: "2014" }, addressLine1: "1 St James's Square", addressLine2: "", town: "London", postcode: "sw1y 4jh" };
const parents = { yourName: "Annabella Byron", yourRelationship: "mother", yourEmail: "annabella@example.com", yourPhone: "", youLiveWithChild: "yes", otherName: "", otherRelationship: "", otherLivesWithChild: "" };
const education = { education: "elective_home_education", parentHours: "15", provider1Name: "Maths Tutors Ltd", provider1Type: "tutor", provider1Online: "no", provider1Location: "Our home", provider1Hours: "4", provider1ParentPresent: "yes", provider2Name: "" };

describe("the answers of every page, parsed again before sending", () => {
  it("make a new notification with the 436C(1) items the entry holds", () => {
    const result = checkAnswers({ council, child, parents, education }, today);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.laId).toBe(council.laId);
    expect(result.notification).toMatchObject({
      notice: "new",
      contactEmail: "annabella@example.com",
      child: { firstName: "Ada", lastName: "Lovelace", dateOfBirth: "2014-12-10", address: { postcode: "SW1Y 4JH", addressLine2: null } },
      parents: [{ name: "Annabella Byron", relationship: "mother", livesWithChild: true, address: null, hoursPerWeek: 15 }],
      education: { status: "elective_home_education", providers: [{ name: "Maths Tutors Ltd", type: "tutor", online: false, hoursPerWeek: 4, hoursWithoutParent: 0 }] },
    });
  });

  it("send the person back to the first page whose answers are missing or do not pass", () => {
    expect(checkAnswers({}, today)).toEqual({ ok: false, step: "council" });
    expect(checkAnswers({ council }, today)).toEqual({ ok: false, step: "child" });
    expect(checkAnswers({ council, child, parents: { ...parents, yourEmail: "not an email" }, education }, today)).toEqual({ ok: false, step: "parents" });
    expect(checkAnswers({ council, child, parents }, today)).toEqual({ ok: false, step: "education" });
    // Tampered with in the page: the server's parse has the last word.
    expect(checkAnswers({ council: { ...council, laId: "Camden" }, child, parents, education } as JourneyAnswers, today)).toEqual({ ok: false, step: "council" });
  });

  it("make a change from the change page alone, with the reference normalised and the new address", () => {
    const change = {
      reference: "pn abcd efgh",
      firstName: "Ada",
      lastName: "Lovelace",
      dateOfBirth: { day: "10", month: "12", year: "2014" },
      yourName: "Annabella Byron",
      yourEmail: "annabella@example.com",
      changes: ["address", "education"],
      newAddressLine1: "12 Marine Parade",
      newTown: "Brighton",
      newPostcode: "bn2 1ta",
      details: "We moved, and a new tutor teaches science on Tuesdays",
    };
    const result = checkAnswers({ council: { ...council, notice: "change" }, change }, today);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.notification).toMatchObject({ notice: "change", earlierReference: "PN-ABCD-EFGH", child: { address: { addressLine1: "12 Marine Parade", postcode: "BN2 1TA" } }, changes: ["address", "education"], education: null, parents: [] });
    expect(checkAnswers({ council: { ...council, notice: "change" }, change: { ...change, newPostcode: "" } }, today)).toEqual({ ok: false, step: "change" });
    expect(checkAnswers({ council: { ...council, notice: "change" }, change: { ...change, reference: "PN-0000-0000" } }, today)).toEqual({ ok: false, step: "change" });
  });
});

describe("the pages' own rules", () => {
  it("asks a parent who lives elsewhere for their address, and about another parent only when named", () => {
    const away = parentsStepSchema.safeParse({ ...parents, youLiveWithChild: "no" });
    expect(away.success).toBe(false);
    expect(away.error?.issues.map((i) => i.path.join("."))).toEqual(["yourAddressLine1", "yourTown", "yourPostcode"]);
    const other = parentsStepSchema.safeParse({ ...parents, otherName: "George Byron" });
    expect(other.error?.issues.map((i) => i.path.join("."))).toEqual(["otherRelationship", "otherLivesWithChild"]);
  });

  it("asks the hours a parent educates a home-educated child, and every detail of a provider once named", () => {
    const noHours = educationStepSchema.safeParse({ ...education, parentHours: "" });
    expect(noHours.error?.issues.map((i) => i.path.join("."))).toEqual(["parentHours"]);
    const half = educationStepSchema.safeParse({ education: "unregistered_setting", provider1Name: "", provider2Name: "", provider2Hours: "3" });
    expect(half.error?.issues.map((i) => i.path.join(".")).sort()).toEqual(["provider1Name", "provider2Name"]);
    const tooMany = educationStepSchema.safeParse({ ...education, provider1Hours: "61" });
    expect(tooMany.success).toBe(false);
  });

  it("records a visit that took place only with its date and outcome, never before the offer", () => {
    const schema = visitSchema(today);
    const offered = { offeredOn: { day: "20", month: "11", year: "2026" }, kind: "visit", meetingOn: { day: "", month: "", year: "" }, happened: "not_yet", outcome: "" };
    expect(schema.safeParse(offered).success).toBe(true);
    expect(schema.safeParse({ ...offered, happened: "yes" }).error?.issues.map((i) => i.path.join("."))).toEqual(["meetingOn", "outcome"]);
    expect(schema.safeParse({ ...offered, meetingOn: { day: "19", month: "11", year: "2026" } }).error?.issues.map((i) => i.message)).toEqual(["The visit or meeting must be on or after the date of the offer"]);
  });
});
