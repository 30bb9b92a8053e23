import { describe, expect, it } from "vitest";
import { matchSites } from "./listed-sites";

const existing = [
  { id: "a", postcode: "NW1 2DB", name: "Camden Centre" },
  { id: "b", postcode: "N1 9GU", name: "Islington Annexe" },
];

describe("matching approved sites to those already listed", () => {
  it("keeps a site whose postcode is the same, however it is spaced or cased, even if renamed", () => {
    const { kept, removed } = matchSites(existing, [
      { postcode: "nw12db", name: "Camden Learning Centre" },
      { postcode: "N1 9GU", name: "Islington Annexe" },
    ]);
    expect([...kept.entries()]).toEqual([
      [1, "b"],
      [0, "a"],
    ]);
    expect(removed).toEqual([]);
  });

  it("returns the sites no longer there, and treats a new postcode as a new site", () => {
    const { kept, removed } = matchSites(existing, [{ postcode: "E1 6AN", name: "Camden Centre" }]);
    expect(kept.size).toBe(0);
    expect(removed.sort()).toEqual(["a", "b"]);
  });

  it("matches two sites at one postcode by name first, so neither takes the other's id", () => {
    const two = [
      { id: "x", postcode: "M1 1AA", name: "First floor" },
      { id: "y", postcode: "M1 1AA", name: "Second floor" },
    ];
    const { kept, removed } = matchSites(two, [
      { postcode: "M1 1AA", name: "Second floor" },
      { postcode: "M1 1AA", name: "First floor" },
    ]);
    expect(kept.get(0)).toBe("y");
    expect(kept.get(1)).toBe("x");
    expect(removed).toEqual([]);
  });
});
