import { describe, expect, it } from "vitest";
import { schoolAgeStatus } from "#app/domain/compulsory-school-age";
import { matchChild } from "#app/domain/child-matching";
import { londonDate, type IsoDate } from "#app/domain/dates";
import { validatePostcode } from "#app/domain/postcode";
import { childRound } from "./child-rounds";

// The test children's rounds: the matcher must never see two of them as one child, and the
// register must take every one of them.
describe("the rounds of children the tests add", () => {
  const iso = ({ day, month, year }: { day: number; month: number; year: number }) =>
    `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` as IsoDate;
  const rounds = Array.from({ length: 84 }, (_, round) => ({ dateOfBirth: iso(childRound(round).dateOfBirth), postcode: childRound(round).postcode }));

  it("are never a possible duplicate of another round's child with the same name and street", () => {
    const child = ({ dateOfBirth, postcode }: (typeof rounds)[number]) => ({ firstName: "Ada", lastName: "Lovelace", dateOfBirth, sex: "female" as const, addressLine1: "12 Marchmont Street", postcode });
    for (let r = 0; r < rounds.length; r += 1) {
      for (let s = r + 1; s < rounds.length; s += 1) {
        expect(matchChild(child(rounds[r]!), child(rounds[s]!)).strength, `rounds ${r} and ${s}`).toBe("none");
      }
    }
  });

  it("are real dates of children of compulsory school age today, at real postcodes", () => {
    const today = londonDate(new Date());
    expect(rounds[0]).toEqual({ dateOfBirth: `${Number(today.slice(0, 4)) - 12}-12-13`, postcode: "wc1n 1ax" });
    for (const { dateOfBirth, postcode } of rounds) {
      expect(new Date(`${dateOfBirth}T12:00:00Z`).toISOString().slice(0, 10)).toBe(dateOfBirth);
      expect(schoolAgeStatus(dateOfBirth, today).kind, dateOfBirth).toBe("of_compulsory_school_age");
      expect(validatePostcode(postcode).ok, postcode).toBe(true);
    }
  });
});
