import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, isoDate, type IsoDate } from "./dates";
import { checkPlacement, DEFAULT_LIMITS, peakConcurrent, REASON_CODES, type ExistingPlacement, type ListingStateForCheck, type PlacementSnapshot, type ReasonCode } from "./placement-check";

const TODAY = "2026-11-23";

function snapshot(overrides: Partial<PlacementSnapshot> = {}): PlacementSnapshot {
  return {
    today: TODAY,
    listing: { state: "approved", listedUntil: "2027-09-30", ageRange: { min: 11, max: 16 }, sites: [{ id: "site-a", capacity: 3 }] },
    siteId: "site-a",
    child: { onRegister: true, dateOfBirth: "2013-05-14", lookedAfter: false, hasSen: false, compulsorySchoolAge: true },
    placement: { start: "2026-12-01", end: "2027-01-31", pattern: { kind: "part_time", daysPerWeek: 2, sessionsPerWeek: 4 } },
    existingPlacements: [],
    limits: DEFAULT_LIMITS,
    ...overrides,
  };
}

const codes = (s: PlacementSnapshot) => checkPlacement(s).reasons.map((r) => r.code);
const placed = (n: number, extra: Partial<ExistingPlacement> = {}): ExistingPlacement[] =>
  Array.from({ length: n }, () => ({ siteId: "site-a", start: "2026-11-01", end: "2027-03-01", fullTime: false, compulsorySchoolAge: true, lookedAfterOrSen: false, ...extra }));

describe("the placement check, code by code", () => {
  it("allows a placement with a current listing, a listed site, a child in range and room", () => {
    expect(checkPlacement(snapshot())).toEqual({ allowed: true, reasons: [] });
  });

  it.each<[string, Partial<PlacementSnapshot>, ReasonCode[]]>([
    ["no listing at all", { listing: null }, ["PROVIDER_NOT_LISTED"]],
    ...(["draft", "submitted", "changes_requested", "refused", "revoked"] as const).map(
      (state) => [`a ${state} listing`, { listing: { ...snapshot().listing!, state } }, ["PROVIDER_NOT_LISTED"]] as [string, Partial<PlacementSnapshot>, ReasonCode[]],
    ),
    ["a suspended listing", { listing: { ...snapshot().listing!, state: "suspended" } }, ["LISTING_SUSPENDED"]],
    ["an expired listing", { listing: { ...snapshot().listing!, state: "expired" } }, ["LISTING_EXPIRED"]],
    ["a listing past its date", { listing: { ...snapshot().listing!, listedUntil: "2026-11-22" } }, ["LISTING_EXPIRED"]],
    ["a listing ending before the start", { listing: { ...snapshot().listing!, listedUntil: "2026-11-30" } }, ["LISTING_EXPIRED"]],
    ["a site not on the listing", { siteId: "site-z" }, ["SITE_NOT_LISTED"]],
    ["a child too young", { child: { ...snapshot().child, dateOfBirth: "2016-01-01" } }, ["AGE_OUT_OF_RANGE"]],
    ["a child too old", { child: { ...snapshot().child, dateOfBirth: "2009-01-01" } }, ["AGE_OUT_OF_RANGE"]],
    ["a full site", { existingPlacements: placed(3) }, ["CAPACITY_REACHED"]],
    ["a child not on the register", { child: { ...snapshot().child, onRegister: false } }, ["CHILD_NOT_ON_REGISTER"]],
    ["an end before the start", { placement: { ...snapshot().placement, start: "2027-02-01", end: "2027-01-01" } }, ["END_BEFORE_START"]],
    ["three days a week part time", { placement: { ...snapshot().placement, pattern: { kind: "part_time", daysPerWeek: 3, sessionsPerWeek: 3 } } }, ["TIME_LIMIT_EXCEEDED"]],
    ["five sessions a week part time", { placement: { ...snapshot().placement, pattern: { kind: "part_time", daysPerWeek: 2, sessionsPerWeek: 5 } } }, ["TIME_LIMIT_EXCEEDED"]],
    ["thirteen weeks full time", { placement: { start: "2026-12-01", end: "2027-03-01", pattern: { kind: "full_time" } } }, ["TIME_LIMIT_EXCEEDED"]],
    [
      "a fifth full-time child of school age",
      { placement: { start: "2026-12-01", end: "2027-01-31", pattern: { kind: "full_time" } }, listing: { ...snapshot().listing!, sites: [{ id: "site-a", capacity: 10 }] }, existingPlacements: placed(4, { fullTime: true }) },
      ["MUST_REGISTER_AS_SCHOOL"],
    ],
    [
      "a full-time looked-after child",
      { placement: { start: "2026-12-01", end: "2027-01-31", pattern: { kind: "full_time" } }, child: { ...snapshot().child, lookedAfter: true } },
      ["MUST_REGISTER_AS_SCHOOL"],
    ],
  ])("refuses %s", (_name, overrides, expected) => {
    const result = checkPlacement(snapshot(overrides));
    expect(result.reasons.map((r) => r.code)).toEqual(expected);
    expect(result.allowed).toBe(false);
  });

  it("warns, without refusing, when the listing ends during the placement", () => {
    const result = checkPlacement(snapshot({ listing: { ...snapshot().listing!, listedUntil: "2027-01-15" } }));
    expect(result.allowed).toBe(true);
    expect(result.reasons).toEqual([expect.objectContaining({ code: "LISTING_ENDS_DURING_PLACEMENT", severity: "warning", message: expect.stringContaining("15 January 2027") })]);
  });

  it("allows exactly twelve weeks full time, and four full-time children of school age", () => {
    const twelveWeeks = { start: "2026-12-01", end: addDays("2026-12-01", 83), pattern: { kind: "full_time" as const } };
    expect(codes(snapshot({ placement: twelveWeeks, listing: { ...snapshot().listing!, sites: [{ id: "site-a", capacity: 10 }] }, existingPlacements: placed(3, { fullTime: true }) }))).toEqual([]);
  });

  it("shows every problem at once", () => {
    expect(
      codes(
        snapshot({
          listing: { ...snapshot().listing!, state: "suspended" },
          siteId: "elsewhere",
          child: { ...snapshot().child, onRegister: false, dateOfBirth: "2018-01-01" },
          placement: { start: "2026-12-01", end: "2027-06-01", pattern: { kind: "full_time" } },
        }),
      ).sort(),
    ).toEqual(["AGE_OUT_OF_RANGE", "CHILD_NOT_ON_REGISTER", "LISTING_SUSPENDED", "SITE_NOT_LISTED", "TIME_LIMIT_EXCEEDED"]);
  });

  it("counts capacity by the busiest day, not by every placement ever", () => {
    const spread: ExistingPlacement[] = [
      { siteId: "site-a", start: "2026-12-01", end: "2026-12-10", fullTime: false, compulsorySchoolAge: true, lookedAfterOrSen: false },
      { siteId: "site-a", start: "2026-12-11", end: "2026-12-20", fullTime: false, compulsorySchoolAge: true, lookedAfterOrSen: false },
      { siteId: "site-a", start: "2026-12-21", end: "2026-12-30", fullTime: false, compulsorySchoolAge: true, lookedAfterOrSen: false },
      { siteId: "site-b", start: "2026-12-01", end: "2027-01-30", fullTime: false, compulsorySchoolAge: true, lookedAfterOrSen: false },
    ];
    expect(peakConcurrent(spread.filter((p) => p.siteId === "site-a"), { start: "2026-12-01", end: "2027-01-31" })).toBe(1);
    expect(codes(snapshot({ listing: { ...snapshot().listing!, sites: [{ id: "site-a", capacity: 2 }] }, existingPlacements: spread }))).toEqual([]);
  });
});

// Property tests: invariants over random snapshots.
const date = fc.integer({ min: 0, max: 900 }).map((n) => addDays("2026-01-01", n));
const states = fc.constantFrom<ListingStateForCheck>("draft", "submitted", "changes_requested", "approved", "refused", "suspended", "revoked", "expired");
const existing = fc.record({
  siteId: fc.constantFrom("site-a", "site-b"),
  start: date,
  end: date,
  fullTime: fc.boolean(),
  compulsorySchoolAge: fc.boolean(),
  lookedAfterOrSen: fc.boolean(),
});
const arbitrarySnapshot: fc.Arbitrary<PlacementSnapshot> = fc.record({
  today: date,
  listing: fc.option(
    fc.record({
      state: states,
      listedUntil: fc.option(date, { nil: null }),
      ageRange: fc.record({ min: fc.integer({ min: 4, max: 11 }), max: fc.integer({ min: 11, max: 18 }) }),
      sites: fc.constant([
        { id: "site-a", capacity: 2 },
        { id: "site-b", capacity: 5 },
      ]),
    }),
    { nil: null },
  ),
  siteId: fc.constantFrom("site-a", "site-b", "site-c"),
  child: fc.record({
    onRegister: fc.boolean(),
    dateOfBirth: fc.integer({ min: 2008, max: 2021 }).map((y) => isoDate(y, 6, 15) as IsoDate),
    lookedAfter: fc.boolean(),
    hasSen: fc.boolean(),
    compulsorySchoolAge: fc.boolean(),
  }),
  placement: fc.record({
    start: date,
    end: date,
    pattern: fc.oneof(
      fc.constant({ kind: "full_time" as const }),
      fc.record({ kind: fc.constant("part_time" as const), daysPerWeek: fc.integer({ min: 1, max: 5 }), sessionsPerWeek: fc.integer({ min: 1, max: 10 }) }),
    ),
  }),
  existingPlacements: fc.array(existing, { maxLength: 8 }),
  limits: fc.constant(DEFAULT_LIMITS),
});

describe("placement check invariants", () => {
  it("never allows a placement unless the listing is approved and current on the start date", () => {
    fc.assert(
      fc.property(arbitrarySnapshot, (s) => {
        const current = s.listing?.state === "approved" && s.listing.listedUntil !== null && s.listing.listedUntil >= s.today && s.listing.listedUntil >= s.placement.start;
        if (!current) expect(checkPlacement(s).allowed).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it("allows exactly when no reason is a refusal, with each code at most once and known", () => {
    fc.assert(
      fc.property(arbitrarySnapshot, (s) => {
        const { allowed, reasons } = checkPlacement(s);
        expect(allowed).toBe(reasons.every((r) => r.severity === "warning"));
        expect(new Set(reasons.map((r) => r.code)).size).toBe(reasons.length);
        for (const r of reasons) expect(REASON_CODES).toContain(r.code);
        expect(checkPlacement(s)).toEqual({ allowed, reasons });
      }),
      { numRuns: 2000 },
    );
  });

  it("never turns a refusal into an allowance when another placement is added", () => {
    fc.assert(
      fc.property(arbitrarySnapshot, existing, (s, extra) => {
        if (!checkPlacement(s).allowed) expect(checkPlacement({ ...s, existingPlacements: [...s.existingPlacements, extra] }).allowed).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
