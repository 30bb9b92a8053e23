import { describe, expect, it } from "vitest";
import {
  informationDueOn,
  informationOverdue,
  isStepOf,
  looksAutomated,
  nextStep,
  normaliseReference,
  notificationReference,
  previousStep,
  stepsFor,
  visitOfferDueOn,
  visitStatus,
  DEFAULT_INFORMATION_RESPONSE_WORKING_DAYS,
  DEFAULT_VISIT_OFFER_DAYS,
} from "./parent-duties";

describe("the parent's journey", () => {
  it("asks a new notification about the child, parents and education, and a change only about the change, each ending on the check page", () => {
    expect(stepsFor("new")).toEqual(["council", "child", "parents", "education", "check"]);
    expect(stepsFor("change")).toEqual(["council", "change", "check"]);
  });

  it("goes forward and back within the kind's pages", () => {
    expect(nextStep("council", "new")).toBe("child");
    expect(nextStep("education", "new")).toBe("check");
    expect(nextStep("check", "new")).toBe("check");
    expect(nextStep("council", "change")).toBe("change");
    expect(previousStep("council", "new")).toBeNull();
    expect(previousStep("check", "change")).toBe("change");
    expect(previousStep("parents", "new")).toBe("child");
    // A page of the other kind starts the kind again.
    expect(nextStep("change", "new")).toBe("council");
    expect(isStepOf("change", "new")).toBe(false);
    expect(isStepOf("change", "change")).toBe(true);
  });
});

describe("the reference a parent is given", () => {
  it("is PN- and two groups of four characters no one misreads", () => {
    const reference = notificationReference(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7]));
    expect(reference).toBe("PN-2345-6789");
    for (let i = 0; i < 200; i++) {
      const random = notificationReference(crypto.getRandomValues(new Uint8Array(8)));
      expect(random).toMatch(/^PN-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
      expect(normaliseReference(random)).toBe(random);
    }
  });

  it("needs 8 random bytes", () => {
    expect(() => notificationReference(new Uint8Array(4))).toThrow();
  });

  it("is read however a person types it, and refuses what cannot be one", () => {
    expect(normaliseReference("pn abcd efgh")).toBe("PN-ABCD-EFGH");
    expect(normaliseReference("abcdefgh")).toBe("PN-ABCD-EFGH");
    expect(normaliseReference(" PN-ABCD-EFGH ")).toBe("PN-ABCD-EFGH");
    expect(normaliseReference("PN-ABCD-EFG")).toBeNull();
    expect(normaliseReference("PN-ABCD-EFG0")).toBeNull();
    expect(normaliseReference("PN-ABCD-EFGI")).toBeNull();
    expect(normaliseReference("")).toBeNull();
  });
});

describe("the honeypot", () => {
  it("takes any answer in the hidden field as a program's", () => {
    expect(looksAutomated("https://spam.example")).toBe(true);
    expect(looksAutomated(" x ")).toBe(true);
    expect(looksAutomated("")).toBe(false);
    expect(looksAutomated("   ")).toBe(false);
    expect(looksAutomated(null)).toBe(false);
    expect(looksAutomated(undefined)).toBe(false);
  });
});

describe("a request for information", () => {
  it("is due the council's working days after it is sent (15 by default), skipping weekends and bank holidays", () => {
    expect(DEFAULT_INFORMATION_RESPONSE_WORKING_DAYS).toBe(15);
    // Monday 2 November 2026 + 15 working days: Monday 23 November.
    expect(informationDueOn("2026-11-02", 15)).toBe("2026-11-23");
    // Over Christmas: Friday 18 December 2026 + 5 working days skips the 25th, 28th (Boxing Day's substitute).
    expect(informationDueOn("2026-12-18", 5)).toBe("2026-12-29");
  });

  it("is overdue only after its due date and while unanswered", () => {
    expect(informationOverdue({ dueOn: "2026-11-23", answeredOn: null }, "2026-11-23")).toBe(false);
    expect(informationOverdue({ dueOn: "2026-11-23", answeredOn: null }, "2026-11-24")).toBe(true);
    expect(informationOverdue({ dueOn: "2026-11-23", answeredOn: "2026-11-30" }, "2026-12-01")).toBe(false);
  });
});

describe("the council's visit or meeting after registration", () => {
  it("is to be offered within the council's days of the child's entry (28 by default)", () => {
    expect(DEFAULT_VISIT_OFFER_DAYS).toBe(28);
    expect(visitOfferDueOn("2026-11-01", 28)).toBe("2026-11-29");
  });

  it("is overdue once the deadline has passed with no offer, whatever happened after an offer", () => {
    expect(visitStatus(null, "2026-11-01", 28, "2026-11-29")).toBe("to_offer");
    expect(visitStatus(null, "2026-11-01", 28, "2026-11-30")).toBe("offer_overdue");
    expect(visitStatus({ happened: "not_yet" }, "2026-11-01", 28, "2027-01-01")).toBe("offered");
    expect(visitStatus({ happened: "yes" }, "2026-11-01", 28, "2027-01-01")).toBe("took_place");
    expect(visitStatus({ happened: "declined" }, "2026-11-01", 28, "2027-01-01")).toBe("did_not_take_place");
    expect(visitStatus({ happened: "did_not_attend" }, "2026-11-01", 28, "2027-01-01")).toBe("did_not_take_place");
  });
});
