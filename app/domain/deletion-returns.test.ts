import { describe, expect, it } from "vitest";
import { DELETION_GROUND_LABELS, DELETION_GROUND_REGULATIONS, DELETION_GROUNDS, deletionGroundText } from "./deletion-grounds";
import { newEntryStatus, registerGrounds, returnStatus, routeDeletionReturn, schoolGrounds, type RegisterHolds, type SchoolSays } from "./deletion-returns";
import { SOCIAL_CARE_STATUSES } from "./register-vocabulary";

const saysNothing: SchoolSays = { childProtectionPlan: false, s47Enquiries: false, laArrangedSpecialSchoolPlace: false };
const holdsNothing: RegisterHolds = { socialCareStatus: "none", laArrangedSpecialSchoolPlace: false };

describe("the reg 9 grounds", () => {
  it("are the 15 letters A to O, each with its sub-paragraph and label", () => {
    expect(DELETION_GROUNDS.join("")).toBe("ABCDEFGHIJKLMNO");
    DELETION_GROUNDS.forEach((g) => expect(DELETION_GROUND_REGULATIONS[g]).toBe(`9(1)(${g.toLowerCase()})`));
    expect(new Set(Object.values(DELETION_GROUND_LABELS)).size).toBe(15);
    expect(deletionGroundText("F")).toMatch(/^Ground F, regulation 9\(1\)\(f\): The parent of a pupil has notified the school in writing/);
  });
});

describe("the s434A grounds each side gives", () => {
  it("reads every answer of the school", () => {
    expect(schoolGrounds(saysNothing)).toEqual([]);
    expect(schoolGrounds({ childProtectionPlan: true, s47Enquiries: true, laArrangedSpecialSchoolPlace: true })).toEqual(["s47_enquiries", "child_protection_plan", "la_arranged_special_school_place"]);
  });

  it("reads only a s47 enquiry, a child protection plan or a council-arranged special school place from the register", () => {
    for (const status of SOCIAL_CARE_STATUSES) {
      const expected = status === "s47_enquiry" ? ["s47_enquiries"] : status === "child_protection_plan" ? ["child_protection_plan"] : [];
      expect(registerGrounds({ socialCareStatus: status, laArrangedSpecialSchoolPlace: false }), status).toEqual(expected);
    }
    expect(registerGrounds({ socialCareStatus: "child_in_need_plan", laArrangedSpecialSchoolPlace: true })).toEqual(["la_arranged_special_school_place"]);
  });
});

describe("routing a deletion return", () => {
  const flags = [false, true];
  // Every ground, every answer of the school, and no entry / an entry holding each social care status and place.
  const registers: (RegisterHolds | null)[] = [null, ...SOCIAL_CARE_STATUSES.flatMap((s) => flags.map((p) => ({ socialCareStatus: s, laArrangedSpecialSchoolPlace: p })))];
  const answers: SchoolSays[] = flags.flatMap((a) => flags.flatMap((b) => flags.map((c) => ({ childProtectionPlan: a, s47Enquiries: b, laArrangedSpecialSchoolPlace: c }))));

  it("sends every ground but home education to the queue, with no wait, whatever either side says", () => {
    for (const ground of DELETION_GROUNDS.filter((g) => g !== "F")) {
      for (const says of answers) for (const register of registers) expect(routeDeletionReturn(ground, says, register)).toEqual({ kind: "queue", mustNotDelete: false, needsConsent: false, grounds: [] });
    }
  });

  it("for home education: a consent request exactly when the matched entry holds a ground; a flagged queue item when only the school says so; else the queue", () => {
    for (const says of answers) {
      for (const register of registers) {
        const route = routeDeletionReturn("F", says, register);
        const held = register ? registerGrounds(register) : [];
        const said = schoolGrounds(says);
        if (held.length > 0) expect(route.kind, JSON.stringify({ says, register })).toBe("consent_request");
        else if (said.length > 0) expect(route).toEqual({ kind: "queue", mustNotDelete: true, needsConsent: true, grounds: said });
        else expect(route).toEqual({ kind: "queue", mustNotDelete: false, needsConsent: false, grounds: [] });
        if (route.kind === "consent_request") expect(new Set(route.grounds)).toEqual(new Set([...held, ...said]));
      }
    }
  });

  it("opens a request for a child protection plan the school did not know of", () => {
    expect(routeDeletionReturn("F", saysNothing, { socialCareStatus: "child_protection_plan", laArrangedSpecialSchoolPlace: false })).toEqual({ kind: "consent_request", mustNotDelete: true, grounds: ["child_protection_plan"] });
  });

  it("holds the school back on its own word when the register, the authority, does not agree or has no entry", () => {
    const cp = { ...saysNothing, childProtectionPlan: true };
    expect(routeDeletionReturn("F", cp, holdsNothing)).toEqual({ kind: "queue", mustNotDelete: true, needsConsent: true, grounds: ["child_protection_plan"] });
    expect(routeDeletionReturn("F", cp, null)).toEqual({ kind: "queue", mustNotDelete: true, needsConsent: true, grounds: ["child_protection_plan"] });
  });
});

describe("what follows", () => {
  it("makes a home-education entry for ground F and a missing-education entry otherwise", () => {
    for (const g of DELETION_GROUNDS) expect(newEntryStatus(g)).toBe(g === "F" ? "elective_home_education" : "not_on_roll");
  });

  it("tells the school a status from the queue item or the consent request", () => {
    expect(returnStatus({ queueState: "new", needsConsent: false })).toBe("with_council");
    expect(returnStatus({ queueState: "new", needsConsent: true })).toBe("consent_pending");
    expect(returnStatus({ queueState: "matched", needsConsent: true })).toBe("matched");
    expect(returnStatus({ queueState: "made_entry", needsConsent: false })).toBe("made_entry");
    expect(returnStatus({ queueState: "dismissed", needsConsent: false })).toBe("moved_school");
    expect(returnStatus({ consentStatus: "pending" })).toBe("consent_pending");
    expect(returnStatus({ consentStatus: "agreed" })).toBe("consent_given");
    expect(returnStatus({ consentStatus: "refused" })).toBe("consent_refused");
  });
});
