import { describe, expect, it } from "vitest";
import { annualReviewDue, annualReviewDueCutoff, entryDatesFromContacts, mayEditContact, editableUntil, noContactCutoff, type ContactDates } from "./contacts";

const at = (iso: string) => new Date(iso);
const contact = (c: Partial<ContactDates> & Pick<ContactDates, "contactDate">): ContactDates => ({ type: "visit", nextAction: null, nextActionDue: null, createdAt: at("2026-11-01T10:00:00Z"), ...c });

describe("what contacts set on an entry", () => {
  it("no contacts: nothing", () => {
    expect(entryDatesFromContacts([])).toEqual({ lastContactOn: null, lastAnnualReviewOn: null, nextAction: null, nextActionDue: null });
  });

  it("takes the latest contact by its date, not by when it was written up", () => {
    const dates = entryDatesFromContacts([
      contact({ contactDate: "2026-11-20", nextAction: "Call back", nextActionDue: "2026-12-01", createdAt: at("2026-11-20T09:00:00Z") }),
      contact({ contactDate: "2026-11-10", nextAction: "Old", nextActionDue: "2026-11-15", createdAt: at("2026-11-25T09:00:00Z") }),
    ]);
    expect(dates).toEqual({ lastContactOn: "2026-11-20", lastAnnualReviewOn: null, nextAction: "Call back", nextActionDue: "2026-12-01" });
  });

  it("a note is not contact, but its next action (or none) replaces the last one", () => {
    const dates = entryDatesFromContacts([
      contact({ contactDate: "2026-11-10", nextAction: "Visit", nextActionDue: "2026-11-30" }),
      contact({ contactDate: "2026-11-12", type: "note" }),
    ]);
    expect(dates).toEqual({ lastContactOn: "2026-11-10", lastAnnualReviewOn: null, nextAction: null, nextActionDue: null });
  });

  it("the same day: the one recorded last is the latest", () => {
    const dates = entryDatesFromContacts([
      contact({ contactDate: "2026-11-10", nextAction: "Second", nextActionDue: "2026-12-02", createdAt: at("2026-11-10T12:00:00Z") }),
      contact({ contactDate: "2026-11-10", nextAction: "First", nextActionDue: "2026-12-01", createdAt: at("2026-11-10T09:00:00Z") }),
    ]);
    expect(dates.nextAction).toBe("Second");
  });

  it("an annual review counts as contact and as the review", () => {
    expect(entryDatesFromContacts([contact({ contactDate: "2026-10-01", type: "annual_review" })])).toMatchObject({ lastContactOn: "2026-10-01", lastAnnualReviewOn: "2026-10-01" });
  });
});

describe("corrections and due dates", () => {
  it("only the author, and only before the window closes", () => {
    const made = at("2026-12-01T10:00:00Z");
    const c = { authorUserId: "a", editableUntil: editableUntil(made, 60) };
    expect(mayEditContact(c, "a", at("2026-12-01T10:59:59Z"))).toBe(true);
    expect(mayEditContact(c, "a", at("2026-12-01T11:00:00Z"))).toBe(false);
    expect(mayEditContact(c, "b", at("2026-12-01T10:01:00Z"))).toBe(false);
  });

  it("a review falls in the queue 28 days before its anniversary", () => {
    const today = "2026-12-01";
    const cutoff = annualReviewDueCutoff(today);
    expect(cutoff).toBe("2025-12-29");
    expect(annualReviewDue(cutoff) <= "2026-12-29").toBe(true);
    expect(noContactCutoff(today, 90)).toBe("2026-09-02");
  });
});
