import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, formatDate, isoDate, type IsoDate } from "./dates";
import { isPubliclyListed, LISTING_STATES } from "./listing-lifecycle";
import {
  checkPlacement,
  DEFAULT_PLACEMENT_LIMITS,
  peakConcurrent,
  PLACEMENT_CHECK_CODES,
  PLACEMENT_CHECK_SUMMARIES,
  type ChildPlacement,
  type PlacementCheckCode,
  type PlacementSnapshot,
  type ProviderPlacement,
} from "./placement-check";
import { THE_RULE } from "./school-registration-threshold";

const TODAY = "2026-11-23";

// A placement that passes every check: an approved listing current well past the end, a child of
// 13 on the register, part-time within the limits, and an empty site with 3 places.
type Listing = NonNullable<PlacementSnapshot["listing"]>;
const NONE_DECLARED = { fullTimeCompulsoryAgeChildren: 0, fullTimeLookedAfterOrSen: 0 };
const LISTING: Listing = { state: "approved", listedSince: "2026-01-05", listedUntil: "2027-09-30", ageRange: { min: 11, max: 16 }, sites: [{ id: "site-a", capacity: 3 }], pattern: "full_and_part_time", declaredFullTime: NONE_DECLARED };
const CHILD = { onRegister: true, dateOfBirth: "2013-05-14", lookedAfter: false, hasSen: false, ofCompulsorySchoolAge: true };
const PART_TIME = { start: "2026-12-01", end: "2027-01-31", pattern: { kind: "part_time" as const, daysPerWeek: 2, sessionsPerWeek: 4 }, hoursPerWeek: 10 };
const FULL_TIME = { start: "2026-12-01", end: "2027-01-31", pattern: { kind: "full_time" as const }, hoursPerWeek: 25 };

function snapshot(overrides: Partial<PlacementSnapshot> = {}): PlacementSnapshot {
  return { today: TODAY, listing: LISTING, siteId: "site-a", providerPlacements: [], childPlacements: [], child: CHILD, placement: PART_TIME, limits: DEFAULT_PLACEMENT_LIMITS, ...overrides };
}
const listing = (changes: Partial<Listing>) => ({ listing: { ...LISTING, ...changes } });
const child = (changes: Partial<typeof CHILD>) => ({ child: { ...CHILD, ...changes } });
const placement = (changes: Partial<PlacementSnapshot["placement"]>) => ({ placement: { ...PART_TIME, ...changes } });
const fullTime = (changes: Partial<PlacementSnapshot["placement"]> = {}) => ({ placement: { ...FULL_TIME, ...changes } });
/** n placements at site-a running through the whole proposed period. */
const placed = (n: number, changes: Partial<ProviderPlacement> = {}): ProviderPlacement[] =>
  Array.from({ length: n }, (_, i) => ({ childId: `other-${i}`, siteId: "site-a", start: "2026-11-01", end: "2027-03-01", fullTime: false, daysPerWeek: 2, ofCompulsorySchoolAge: true, lookedAfterOrSen: false, ...changes }));
/** The child's placement with another provider, through the whole proposed period. */
const elsewhere = (daysPerWeek: number | null, changes: Partial<ChildPlacement> = {}): ChildPlacement => ({
  providerName: "Riverside Tuition",
  start: "2026-11-01",
  end: "2027-03-01",
  daysPerWeek,
  sessionsPerWeek: daysPerWeek === null ? null : daysPerWeek,
  atThisProvider: false,
  byAnotherCouncil: false,
  ...changes,
});
const roomy = { listing: { ...LISTING, sites: [{ id: "site-a", capacity: 20 }] } };

const codes = (s: PlacementSnapshot) => checkPlacement(s).reasons.map((r) => r.code);
const only = (s: PlacementSnapshot) => {
  const { reasons } = checkPlacement(s);
  expect(reasons).toHaveLength(1);
  return reasons[0]!;
};

describe("a placement with nothing wrong", () => {
  it("is allowed with no reasons", () => {
    expect(checkPlacement(snapshot())).toEqual({ allowed: true, reasons: [] });
    expect(checkPlacement(snapshot({ ...fullTime() }))).toEqual({ allowed: true, reasons: [] });
  });
});

describe("each code on its own", () => {
  const refusals: [string, Partial<PlacementSnapshot>, PlacementCheckCode][] = [
    ["no listing at all", { listing: null }, "PROVIDER_NOT_LISTED"],
    ...(["draft", "submitted", "changes_requested", "refused", "revoked"] as const).map((state) => [`a ${state} listing`, listing({ state }), "PROVIDER_NOT_LISTED"] as [string, Partial<PlacementSnapshot>, PlacementCheckCode]),
    ["a suspended listing", listing({ state: "suspended" }), "LISTING_SUSPENDED"],
    ["an expired listing", listing({ state: "expired" }), "LISTING_EXPIRED"],
    ["an approved listing past its end date", listing({ listedUntil: "2026-11-22" }), "LISTING_EXPIRED"],
    ["an approved listing with no end date", listing({ listedUntil: null }), "LISTING_EXPIRED"],
    ["a listing ending before the start", listing({ listedUntil: "2026-11-30" }), "LISTING_EXPIRED"],
    ["a site not on the listing", { siteId: "site-z" }, "SITE_NOT_LISTED"],
    ["a child too young", child({ dateOfBirth: "2016-01-01" }), "AGE_OUT_OF_RANGE"],
    ["a child too old", child({ dateOfBirth: "2009-01-01" }), "AGE_OUT_OF_RANGE"],
    ["a child who ages out of the range during the placement", child({ dateOfBirth: "2010-01-15" }), "AGE_OUT_OF_RANGE_BY_END"],
    ["a full-time placement at a provider listed for part-time only", { ...fullTime(), ...listing({ pattern: "part_time" }) }, "PATTERN_NOT_OFFERED"],
    ["a full site", { providerPlacements: placed(3) }, "CAPACITY_REACHED"],
    ["a child not on the register", child({ onRegister: false }), "CHILD_NOT_ON_REGISTER"],
    ["a child already placed full-time then", { childPlacements: [elsewhere(null)] }, "CHILD_ALREADY_PLACED"],
    ["an end before the start", placement({ start: "2027-02-01", end: "2027-01-31" }), "END_BEFORE_START"],
    ["a placement running 12 months and a day", { ...listing({ listedUntil: "2028-06-30" }), ...placement({ end: "2027-12-01" }) }, "PLACEMENT_TOO_LONG"],
    ["a start before the provider was listed", listing({ listedSince: "2026-12-02" }), "STARTS_BEFORE_LISTED"],
    ["no days a week", placement({ pattern: { kind: "part_time", daysPerWeek: 0, sessionsPerWeek: 0 } }), "PATTERN_INVALID"],
    ["three days a week part-time", placement({ pattern: { kind: "part_time", daysPerWeek: 3, sessionsPerWeek: 3 } }), "TIME_LIMIT_EXCEEDED"],
    ["thirteen weeks full-time", fullTime({ end: "2027-03-01" }), "TIME_LIMIT_EXCEEDED"],
    ["a fifth full-time child of compulsory school age", { ...fullTime(), ...roomy, providerPlacements: placed(4, { fullTime: true }) }, "MUST_REGISTER_AS_SCHOOL"],
    ["a full-time looked-after child", { ...fullTime(), ...child({ lookedAfter: true }) }, "MUST_REGISTER_AS_SCHOOL"],
    ["a full-time child with SEN", { ...fullTime(), ...child({ hasSen: true }) }, "MUST_REGISTER_AS_SCHOOL"],
  ];
  it.each(refusals)("refuses %s", (_name, overrides, code) => {
    expect(checkPlacement(snapshot(overrides))).toEqual({ allowed: false, reasons: [expect.objectContaining({ code, severity: "refusal" })] });
  });

  const warnings: [string, Partial<PlacementSnapshot>, PlacementCheckCode][] = [
    ["the listing ends during the placement", listing({ listedUntil: "2027-01-15" }), "LISTING_ENDS_DURING_PLACEMENT"],
  ];
  it.each(warnings)("warns, without refusing, when %s", (_name, overrides, code) => {
    expect(checkPlacement(snapshot(overrides))).toEqual({ allowed: true, reasons: [expect.objectContaining({ code, severity: "warning" })] });
  });

  it("has a row above for every code", () => {
    // Read from the tables themselves, so a new code without a row fails here.
    const tested = new Set([...refusals, ...warnings].map(([, , code]) => code));
    expect(PLACEMENT_CHECK_CODES.filter((code) => !tested.has(code))).toEqual([]);
  });
});

describe("messages a council officer understands", () => {
  it.each<[Partial<PlacementSnapshot>, string]>([
    [{ listing: null }, "The provider is not listed in the directory of non-school alternative provision."],
    [listing({ state: "submitted" }), "The provider has applied to be listed in the directory of non-school alternative provision, but has not been approved."],
    [listing({ state: "refused" }), "The provider applied to be listed in the directory of non-school alternative provision and was refused."],
    [listing({ state: "revoked" }), "The provider's listing in the directory of non-school alternative provision has been revoked."],
    [listing({ state: "suspended" }), "The provider's listing is suspended, so no new placements can be made with it."],
    [listing({ state: "expired", listedUntil: "2026-03-01" }), "The provider's listing ended on 1 March 2026."],
    [listing({ state: "expired", listedUntil: null }), "The provider's listing has expired."],
    [listing({ listedUntil: "2026-03-01" }), "The provider's listing ended on 1 March 2026."],
    [listing({ listedUntil: "2026-11-30" }), "The provider's listing ends on 30 November 2026, before the placement starts on 1 December 2026."],
    [listing({ listedUntil: "2027-01-15" }), "The provider's listing ends on 15 January 2027, before the placement ends on 31 January 2027."],
    [{ siteId: "site-z" }, "The site is not one of the sites on the provider's listing."],
    [{ ...listing({ listedUntil: "2028-06-30" }), ...placement({ end: "2027-12-01" }) }, "A placement can run for no more than 12 months from its start. This one runs from 1 December 2026 to 1 December 2027."],
    [listing({ listedSince: "2027-01-04" }), "The provider has been listed only since 4 January 2027, and the placement starts on 1 December 2026."],
    [child({ dateOfBirth: "2016-01-01" }), "The child will be 10 when the placement starts. The provider takes children aged 11 to 16."],
    [child({ dateOfBirth: "2010-01-15" }), "The child will be 17 by the time the placement ends. The provider takes children aged 11 to 16."],
    [{ ...fullTime(), ...listing({ pattern: "part_time" }) }, "The provider is listed for part-time provision only, so it cannot take a full-time placement."],
    [listing({ pattern: "full_time" }), "The provider is listed for full-time provision only, so it cannot take a part-time placement."],
    [{ providerPlacements: placed(3) }, "The site has 3 places, and 3 are taken on the busiest day of this placement."],
    [{ listing: { ...LISTING, sites: [{ id: "site-a", capacity: 1 }] }, providerPlacements: placed(1) }, "The site has 1 place, and 1 is taken on the busiest day of this placement."],
    [child({ onRegister: false }), "The child is not on your council's register of children not in school."],
    [placement({ start: "2027-02-01", end: "2027-01-31" }), "The placement's end date, 31 January 2027, is before its start date, 1 February 2027."],
    [placement({ pattern: { kind: "part_time", daysPerWeek: 2, sessionsPerWeek: 1 } }), "A part-time placement must be at least 1 day a week, with 1 or 2 sessions (mornings or afternoons) on each day."],
    [placement({ hoursPerWeek: 0 }), "The placement's hours a week must be more than 0 and no more than 168."],
    [fullTime({ end: addDays("2026-12-01", 84) }), "A full-time placement can last no more than 12 weeks. This one lasts 12 weeks and 1 day."],
    [fullTime({ end: addDays("2026-12-01", 97) }), "A full-time placement can last no more than 12 weeks. This one lasts 14 weeks."],
    [placement({ pattern: { kind: "part_time", daysPerWeek: 3, sessionsPerWeek: 5 } }), "A part-time placement can be no more than 2 days or 4 sessions a week. This one is 3 days and 5 sessions a week."],
    [
      { ...fullTime(), ...roomy, providerPlacements: placed(4, { fullTime: true }) },
      `With this placement, the provider would educate full-time 5 children of compulsory school age. ${THE_RULE} So the provider cannot take this placement full-time.`,
    ],
    [
      { ...fullTime(), ...child({ lookedAfter: true }) },
      `With this placement, the provider would educate full-time 1 child of compulsory school age who is looked after or has special educational needs. ${THE_RULE} So the provider cannot take this placement full-time.`,
    ],
    [
      { ...roomy, providerPlacements: placed(5, { fullTime: true }) },
      `The provider already educates full-time 5 children of compulsory school age. ${THE_RULE} So the provider cannot take placements as non-school alternative provision.`,
    ],
  ])("%#: %s", (overrides, message) => {
    expect(only(snapshot(overrides)).message).toBe(message);
  });
});

describe("dates and boundaries", () => {
  it("allows a listing current to the last day of the placement, and a one-day placement", () => {
    expect(codes(snapshot(listing({ listedUntil: "2027-01-31" })))).toEqual([]);
    expect(codes(snapshot(placement({ start: "2026-12-01", end: "2026-12-01" })))).toEqual([]);
  });

  it("allows a listing ending on the day the placement starts, with a warning", () => {
    expect(checkPlacement(snapshot(listing({ listedUntil: "2026-12-01" })))).toMatchObject({ allowed: true, reasons: [{ code: "LISTING_ENDS_DURING_PLACEMENT" }] });
  });

  it("allows a listing ending today if the placement is within it", () => {
    expect(codes(snapshot({ ...listing({ listedUntil: TODAY }), ...placement({ start: TODAY, end: TODAY }) }))).toEqual([]);
  });

  it("allows exactly 12 weeks full-time, and refuses a day more", () => {
    expect(codes(snapshot(fullTime({ end: addDays("2026-12-01", 83) })))).toEqual([]);
    expect(codes(snapshot(fullTime({ end: addDays("2026-12-01", 84) })))).toEqual(["TIME_LIMIT_EXCEEDED"]);
  });

  it("uses the limits it is given", () => {
    const limits = { fullTimeMaxWeeks: 6, partTimeMaxDaysPerWeek: 3, partTimeMaxSessionsPerWeek: 4, fullTimeWindowMonths: 12 };
    expect(codes(snapshot({ ...fullTime({ end: addDays("2026-12-01", 42) }), limits }))).toEqual(["TIME_LIMIT_EXCEEDED"]);
    expect(codes(snapshot({ ...placement({ pattern: { kind: "part_time", daysPerWeek: 3, sessionsPerWeek: 4 } }), limits }))).toEqual([]);
    expect(codes(snapshot({ ...placement({ pattern: { kind: "part_time", daysPerWeek: 3, sessionsPerWeek: 5 } }), limits }))).toEqual(["TIME_LIMIT_EXCEEDED"]);
  });

  it.each([
    [0, 0],
    [8, 8],
    [1.5, 2],
    [2, 1],
    [2, 5],
  ])("refuses an impossible part-time pattern of %s days and %s sessions", (daysPerWeek, sessionsPerWeek) => {
    expect(codes(snapshot(placement({ pattern: { kind: "part_time", daysPerWeek, sessionsPerWeek } })))).toEqual(["PATTERN_INVALID"]);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY, 169])("refuses %s hours a week", (hoursPerWeek) => {
    expect(codes(snapshot(placement({ hoursPerWeek })))).toEqual(["PATTERN_INVALID"]);
  });

  it("checks the age range on the first day: a birthday that day counts", () => {
    expect(codes(snapshot(child({ dateOfBirth: "2015-12-01" })))).toEqual([]);
    expect(codes(snapshot(child({ dateOfBirth: "2015-12-02" })))).toEqual(["AGE_OUT_OF_RANGE"]);
    expect(codes(snapshot(child({ dateOfBirth: "2009-12-02" })))).toEqual(["AGE_OUT_OF_RANGE_BY_END"]);
    expect(codes(snapshot(child({ dateOfBirth: "2009-12-01" })))).toEqual(["AGE_OUT_OF_RANGE"]);
  });

  it("skips the checks that need a period when the end is before the start", () => {
    const s = snapshot({ ...fullTime({ start: "2027-06-01", end: "2026-12-01" }), ...listing({ listedUntil: "2027-07-01" }), providerPlacements: placed(5, { fullTime: true }) });
    expect(codes(s)).toEqual(["END_BEFORE_START"]);
  });
});

describe("the child's other placements", () => {
  it("refuses any overlap with a full-time placement, naming it", () => {
    expect(only(snapshot({ childPlacements: [elsewhere(null)] })).message).toBe(
      "The child already has a full-time placement with Riverside Tuition from 1 November 2026 to 1 March 2027, which overlaps these dates.",
    );
    expect(codes(snapshot({ ...fullTime(), childPlacements: [elsewhere(1)] }))).toEqual(["CHILD_ALREADY_PLACED"]);
  });

  it("allows part-time placements that together fit in a five-day week, and refuses a sixth day", () => {
    const limits = { ...DEFAULT_PLACEMENT_LIMITS, partTimeMaxDaysPerWeek: 3, partTimeMaxSessionsPerWeek: 6 };
    expect(checkPlacement(snapshot({ childPlacements: [elsewhere(3)] }))).toEqual({ allowed: true, reasons: [] });
    const threeDays = placement({ pattern: { kind: "part_time", daysPerWeek: 3, sessionsPerWeek: 3 } });
    expect(only(snapshot({ ...threeDays, limits, childPlacements: [elsewhere(3)] })).message).toMatch(/placed 6 days a week, more than 5\.$/);
  });

  it("ignores placements that end before this one starts or start after it ends, and ones ending the day before", () => {
    const before = elsewhere(null, { start: "2026-09-01", end: "2026-11-30" });
    const after = elsewhere(null, { start: "2027-02-01", end: "2027-03-01" });
    expect(checkPlacement(snapshot({ childPlacements: [before, after] }))).toEqual({ allowed: true, reasons: [] });
    expect(codes(snapshot({ childPlacements: [{ ...before, end: "2026-12-01" }] }))).toEqual(["CHILD_ALREADY_PLACED"]);
  });
});

describe("capacity", () => {
  it("counts the busiest day, not every placement that touches the period", () => {
    const oneAfterAnother: ProviderPlacement[] = [
      { ...placed(1)[0]!, start: "2026-12-01", end: "2026-12-10" },
      { ...placed(1)[0]!, start: "2026-12-11", end: "2026-12-20" },
      { ...placed(1)[0]!, start: "2026-12-21", end: "2027-01-31" },
    ];
    expect(peakConcurrent(oneAfterAnother, PART_TIME)).toBe(1);
    expect(codes(snapshot({ listing: { ...LISTING, sites: [{ id: "site-a", capacity: 2 }] }, providerPlacements: oneAfterAnother }))).toEqual([]);
  });

  it("counts a placement ending on the day another starts as overlapping", () => {
    const touching = [
      { start: "2026-12-01", end: "2026-12-10" },
      { start: "2026-12-10", end: "2026-12-20" },
    ];
    expect(peakConcurrent(touching, PART_TIME)).toBe(2);
  });

  it("ignores placements at other sites, outside the period, or with impossible dates", () => {
    const elsewhere = [
      ...placed(3, { siteId: "site-b" }),
      ...placed(3, { start: "2026-01-01", end: "2026-11-30" }),
      ...placed(3, { start: "2027-02-01", end: "2027-06-01" }),
      ...placed(3, { start: "2027-01-10", end: "2026-12-05" }),
    ];
    expect(codes(snapshot({ providerPlacements: elsewhere }))).toEqual([]);
  });

  it("has room for one fewer than capacity", () => {
    expect(codes(snapshot({ providerPlacements: placed(2) }))).toEqual([]);
    expect(codes(snapshot({ providerPlacements: placed(3) }))).toEqual(["CAPACITY_REACHED"]);
  });
});

describe("must register as a school (s92 ESA 2008)", () => {
  const atProvider = (n: number, changes: Partial<ProviderPlacement> = {}) => ({ ...roomy, providerPlacements: placed(n, { fullTime: true, ...changes }) });

  it("allows a fourth full-time child of compulsory school age, and refuses a fifth", () => {
    expect(codes(snapshot({ ...fullTime(), ...atProvider(3) }))).toEqual([]);
    expect(codes(snapshot({ ...fullTime(), ...atProvider(4) }))).toEqual(["MUST_REGISTER_AS_SCHOOL"]);
  });

  it("counts every site of the provider", () => {
    const sites = { listing: { ...LISTING, sites: [{ id: "site-a", capacity: 20 }, { id: "site-b", capacity: 20 }] } };
    expect(codes(snapshot({ ...fullTime(), ...sites, providerPlacements: placed(4, { fullTime: true, siteId: "site-b" }) }))).toEqual(["MUST_REGISTER_AS_SCHOOL"]);
  });

  it("does not count part-time children, or children not of compulsory school age", () => {
    expect(codes(snapshot({ ...fullTime(), ...atProvider(4, { fullTime: false }) }))).toEqual([]);
    expect(codes(snapshot({ ...fullTime(), ...atProvider(4, { ofCompulsorySchoolAge: false }) }))).toEqual([]);
    expect(codes(snapshot({ ...fullTime(), ...atProvider(1, { ofCompulsorySchoolAge: false, lookedAfterOrSen: true }) }))).toEqual([]);
    expect(codes(snapshot({ ...fullTime(), ...atProvider(4), ...child({ ofCompulsorySchoolAge: false }) }))).toEqual([]);
    expect(codes(snapshot({ ...fullTime(), ...child({ ofCompulsorySchoolAge: false, lookedAfter: true }) }))).toEqual([]);
  });

  it("allows a looked-after child or one with SEN part-time", () => {
    expect(codes(snapshot(child({ lookedAfter: true, hasSen: true })))).toEqual([]);
  });

  it("counts the busiest day, as for capacity", () => {
    const oneAfterAnother = [0, 1, 2, 3, 4].map((i) => ({ ...placed(1, { fullTime: true })[0]!, start: addDays("2026-12-01", i * 10), end: addDays("2026-12-01", i * 10 + 9) }));
    expect(codes(snapshot({ ...fullTime(), ...roomy, providerPlacements: oneAfterAnother }))).toEqual([]);
  });

  it("refuses any placement, even part-time, with a provider already over the threshold", () => {
    expect(codes(snapshot(atProvider(5)))).toEqual(["MUST_REGISTER_AS_SCHOOL"]);
    expect(codes(snapshot(atProvider(1, { lookedAfterOrSen: true })))).toEqual(["MUST_REGISTER_AS_SCHOOL"]);
  });
});

describe("every problem at once", () => {
  it("lists each reason that applies, in a fixed order", () => {
    const result = checkPlacement(
      snapshot({
        ...listing({ state: "suspended", listedUntil: "2026-11-30" }),
        siteId: "elsewhere",
        ...child({ onRegister: false, dateOfBirth: "2018-01-01", lookedAfter: true }),
        ...fullTime({ end: "2027-06-01" }),
      }),
    );
    expect(result.allowed).toBe(false);
    expect(result.reasons.map((r) => r.code)).toEqual([
      "CHILD_NOT_ON_REGISTER",
      "LISTING_SUSPENDED",
      "LISTING_EXPIRED",
      "SITE_NOT_LISTED",
      "AGE_OUT_OF_RANGE",
      "TIME_LIMIT_EXCEEDED",
      "MUST_REGISTER_AS_SCHOOL",
    ]);
  });

  it("says only that a provider never approved is not listed: it has no sites or ages to compare", () => {
    for (const state of ["draft", "submitted", "changes_requested", "refused"] as const) {
      expect(codes(snapshot({ ...listing({ state, sites: [] }), siteId: "site-z", ...child({ dateOfBirth: "2018-01-01" }) }))).toEqual(["PROVIDER_NOT_LISTED"]);
    }
  });

  it("refuses when a refusal comes with a warning", () => {
    expect(checkPlacement(snapshot({ ...listing({ listedUntil: "2027-01-15" }), ...child({ onRegister: false }) }))).toMatchObject({
      allowed: false,
      reasons: [{ code: "CHILD_NOT_ON_REGISTER" }, { code: "LISTING_ENDS_DURING_PLACEMENT", severity: "warning" }],
    });
  });

  it("shows both capacity and the school threshold when a full site would also make a school", () => {
    expect(codes(snapshot({ ...fullTime(), listing: { ...LISTING, sites: [{ id: "site-a", capacity: 4 }] }, providerPlacements: placed(4, { fullTime: true }) }))).toEqual([
      "CAPACITY_REACHED",
      "MUST_REGISTER_AS_SCHOOL",
    ]);
  });
});

// Property tests: invariants over random snapshots, many of them nonsense on purpose.
const day = fc.integer({ min: 0, max: 900 }).map((n) => addDays("2026-01-01", n));
const providerPlacement: fc.Arbitrary<ProviderPlacement> = fc.record({
  childId: fc.constantFrom("child-1", "child-2", "child-3", "child-4"),
  daysPerWeek: fc.integer({ min: 1, max: 5 }),
  siteId: fc.constantFrom("site-a", "site-b"),
  start: day,
  end: day,
  fullTime: fc.boolean(),
  ofCompulsorySchoolAge: fc.boolean(),
  lookedAfterOrSen: fc.boolean(),
});
const arbitrarySnapshot: fc.Arbitrary<PlacementSnapshot> = fc.record({
  today: day,
  listing: fc.option(
    fc.record({
      state: fc.constantFrom(...LISTING_STATES),
      listedSince: fc.option(day, { nil: null }),
      listedUntil: fc.option(day, { nil: null }),
      ageRange: fc.record({ min: fc.integer({ min: 4, max: 11 }), max: fc.integer({ min: 11, max: 19 }) }),
      sites: fc.constant([
        { id: "site-a", capacity: 2 },
        { id: "site-b", capacity: 6 },
      ]),
      pattern: fc.constantFrom("full_time" as const, "part_time" as const, "full_and_part_time" as const, null),
      declaredFullTime: fc.integer({ min: 0, max: 4 }).chain((n) => fc.record({ fullTimeCompulsoryAgeChildren: fc.constant(n), fullTimeLookedAfterOrSen: fc.constant(0) })),
    }),
    { nil: null },
  ),
  siteId: fc.constantFrom("site-a", "site-b", "site-c"),
  providerPlacements: fc.array(providerPlacement, { maxLength: 8 }),
  childPlacements: fc.array(
    fc.record({
      providerName: fc.constant("Elsewhere"),
      start: day,
      end: day,
      daysPerWeek: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
      sessionsPerWeek: fc.constant(null),
      atThisProvider: fc.boolean(),
      byAnotherCouncil: fc.boolean(),
    }),
    { maxLength: 3 },
  ),
  child: fc.record({
    onRegister: fc.boolean(),
    dateOfBirth: fc.integer({ min: 2006, max: 2022 }).map((y) => isoDate(y, 6, 15) as IsoDate),
    lookedAfter: fc.boolean(),
    hasSen: fc.boolean(),
    ofCompulsorySchoolAge: fc.boolean(),
  }),
  placement: fc.record({
    start: day,
    end: day,
    pattern: fc.oneof(
      fc.constant({ kind: "full_time" as const }),
      fc.record({ kind: fc.constant("part_time" as const), daysPerWeek: fc.integer({ min: 0, max: 6 }), sessionsPerWeek: fc.integer({ min: 0, max: 12 }) }),
    ),
    hoursPerWeek: fc.integer({ min: 0, max: 40 }),
  }),
  limits: fc.constant(DEFAULT_PLACEMENT_LIMITS),
});
const RUNS = { numRuns: 2000 };

describe("invariants", () => {
  it("(a) never allows a placement unless the listing is approved and current on the start date", () => {
    fc.assert(
      fc.property(arbitrarySnapshot, (s) => {
        const l = s.listing;
        const current = l !== null && isPubliclyListed(l.state, l.listedUntil, s.today) && l.listedUntil! >= s.placement.start;
        if (!current) expect(checkPlacement(s).allowed).toBe(false);
      }),
      RUNS,
    );
  });

  it("(b) allows exactly when no reason is a refusal", () => {
    fc.assert(
      fc.property(arbitrarySnapshot, (s) => {
        const { allowed, reasons } = checkPlacement(s);
        expect(allowed).toBe(reasons.every((r) => r.severity === "warning"));
      }),
      RUNS,
    );
  });

  it("(c) gives each code at most once, each a known code with a sentence, in the fixed order", () => {
    fc.assert(
      fc.property(arbitrarySnapshot, (s) => {
        const found = checkPlacement(s).reasons;
        const foundCodes = found.map((r) => r.code);
        expect(new Set(foundCodes).size).toBe(found.length);
        expect(foundCodes).toEqual(PLACEMENT_CHECK_CODES.filter((c) => foundCodes.includes(c)));
        for (const r of found) expect(r.message).toMatch(/^[A-Z].*\.$/);
      }),
      RUNS,
    );
  });

  it("(d) never turns a refusal into an allowance when another placement is added", () => {
    fc.assert(
      fc.property(arbitrarySnapshot, providerPlacement, (s, extra) => {
        if (!checkPlacement(s).allowed) expect(checkPlacement({ ...s, providerPlacements: [...s.providerPlacements, extra] }).allowed).toBe(false);
      }),
      RUNS,
    );
  });

  it("(e) is deterministic, whatever order the provider's placements come in", () => {
    fc.assert(
      fc.property(arbitrarySnapshot, (s) => {
        const first = checkPlacement(s);
        expect(checkPlacement(structuredClone(s))).toEqual(first);
        expect(checkPlacement({ ...s, providerPlacements: [...s.providerPlacements].reverse() })).toEqual(first);
      }),
      RUNS,
    );
  });
});

describe("limits over all of the child's placements (issue 14)", () => {
  const partTime = (daysPerWeek: number, sessionsPerWeek = daysPerWeek) => ({ kind: "part_time" as const, daysPerWeek, sessionsPerWeek });
  const atBrightFutures = (daysPerWeek: number, changes: Partial<ChildPlacement> = {}) =>
    elsewhere(daysPerWeek, { providerName: "Bright Futures", atThisProvider: true, sessionsPerWeek: 2 * daysPerWeek, ...changes });

  it("refuses a second part-time placement that takes the child over the part-time limits: 2 days then 1 more at the same site", () => {
    const s = snapshot({ ...placement({ pattern: partTime(1, 2) }), childPlacements: [atBrightFutures(2)] });
    expect(only(s)).toMatchObject({ code: "TIME_LIMIT_EXCEEDED", severity: "refusal" });
    expect(only(s).message).toBe(
      "Part-time placements together can be no more than 2 days or 4 sessions a week. With the child's other placements (Bright Futures from 1 November 2026 to 1 March 2027) the child would be placed 3 days and 6 sessions a week.",
    );
  });

  it("refuses the 2 + 1 + 1 + 1 pattern at every step after the first", () => {
    const existing: ChildPlacement[] = [];
    const outcomes = [2, 1, 1, 1].map((days) => {
      const s = snapshot({ ...placement({ pattern: partTime(days, 2 * days) }), ...roomy, childPlacements: [...existing] });
      const allowed = checkPlacement(s).allowed;
      if (allowed) existing.push(atBrightFutures(days, { start: PART_TIME.start, end: PART_TIME.end }));
      return allowed;
    });
    expect(outcomes).toEqual([true, false, false, false]);
  });

  it("allows two one-day placements, which stay within the part-time limits together", () => {
    expect(codes(snapshot({ ...placement({ pattern: partTime(1, 2) }), childPlacements: [elsewhere(1, { sessionsPerWeek: 2 })] }))).toEqual([]);
  });

  it("counts sessions too: 1 day of 2 sessions with 1 day of 2 sessions and 1 of 1 is 3 days", () => {
    const limits = { ...DEFAULT_PLACEMENT_LIMITS, partTimeMaxDaysPerWeek: 3 };
    const s = snapshot({ limits, ...placement({ pattern: partTime(1, 2) }), childPlacements: [elsewhere(1, { sessionsPerWeek: 2 }), elsewhere(1, { sessionsPerWeek: 1 })] });
    expect(only(s).message).toMatch(/placed 3 days and 5 sessions a week\.$/);
  });

  it("treats part-time placements that fill the school week as full-time, within the full-time limit", () => {
    const limits = { ...DEFAULT_PLACEMENT_LIMITS, partTimeMaxDaysPerWeek: 3, partTimeMaxSessionsPerWeek: 6 };
    // 3 days elsewhere + 2 days here = every school day, for the 9 weeks they overlap: allowed.
    expect(codes(snapshot({ limits, ...placement({ pattern: partTime(2, 4) }), childPlacements: [elsewhere(3)] }))).toEqual([]);
    // The same for 17 weeks is full-time for longer than 12 weeks.
    const long = { start: "2026-11-01", end: "2027-03-01" } as const;
    expect(only(snapshot({ limits, ...placement({ pattern: partTime(2, 4), ...long }), childPlacements: [elsewhere(3, long)] })).message).toBe(
      "The child's placements together would be full-time for 17 weeks and 2 days. Full-time time can total no more than 12 weeks in any 12 months.",
    );
  });

  it("refuses a second 12-week full-time placement starting the day after the first ends", () => {
    const first = elsewhere(null, { providerName: "Bright Futures", start: "2026-09-07", end: addDays("2026-09-07", 83) });
    const second = fullTime({ start: addDays(first.end, 1), end: addDays(first.end, 84) });
    expect(only(snapshot({ ...second, childPlacements: [first] })).message).toBe(
      `Full-time time can total no more than 12 weeks in any 12 months. With this placement the child would be full-time for 24 weeks in the 12 months to ${formatDate(second.placement.end)}, counting their other full-time placements.`,
    );
  });

  it("counts full-time time with any provider and any council, over the LA's window", () => {
    const earlier = elsewhere(null, { byAnotherCouncil: true, start: "2026-06-01", end: "2026-07-31" }); // 61 days
    const fourWeeks = fullTime({ start: "2026-12-01", end: "2026-12-28" }); // 28 days: 89 in 12 months
    expect(codes(snapshot({ ...fourWeeks, childPlacements: [earlier] }))).toEqual(["TIME_LIMIT_EXCEEDED"]);
    // With a 6-month window, June and July are out of the window for December.
    const limits = { ...DEFAULT_PLACEMENT_LIMITS, fullTimeWindowMonths: 6 };
    expect(codes(snapshot({ ...fourWeeks, limits, childPlacements: [earlier] }))).toEqual([]);
    // A full-time placement a year and a day after the first is counted alone.
    expect(codes(snapshot({ ...fullTime({ start: "2027-08-01", end: "2027-09-30" }), ...listing({ listedUntil: "2027-12-31" }), childPlacements: [earlier] }))).toEqual([]);
  });

  it("counts a later full-time placement already made, as well as earlier ones", () => {
    const later = elsewhere(null, { start: "2027-02-01", end: "2027-04-15" });
    expect(codes(snapshot({ ...fullTime({ start: "2026-12-01", end: "2027-01-15" }), childPlacements: [later] }))).toEqual(["TIME_LIMIT_EXCEEDED"]);
  });

  it("never names another council's placement's provider", () => {
    const theirs = elsewhere(null, { providerName: "Secret Provider", byAnotherCouncil: true });
    const { message } = only(snapshot({ childPlacements: [theirs] }));
    expect(message).toBe("The child already has a full-time placement made by another council or school from 1 November 2026 to 1 March 2027, which overlaps these dates.");
  });
});

describe("refusals say what to do next (issue 14)", () => {
  it.each<[Partial<PlacementSnapshot>, string]>([
    [{ childPlacements: [elsewhere(null, { providerName: "Bright Futures" })] }, "End the current placement at Bright Futures first, or choose dates after it ends on 1 March 2027."],
    [{ childPlacements: [elsewhere(null, { byAnotherCouncil: true })] }, "Ask the child's council about the other placement, or choose dates after it ends on 1 March 2027."],
    [{ siteId: "site-z" }, "Choose a site on the listing."],
    [{ ...fullTime(), ...listing({ pattern: "part_time" }) }, "Make the placement part-time, or choose a provider listed for full-time provision."],
    [child({ dateOfBirth: "2010-01-15" }), "End the placement by 14 January 2027, or choose a provider that takes children aged 17."],
    [fullTime({ end: "2027-03-01" }), "Choose an end date no later than 22 February 2027, or make the placement part-time."],
    [listing({ listedSince: "2027-01-04" }), "Choose a start date on or after 4 January 2027."],
  ])("%#: says %s", (overrides, nextStep) => {
    expect(only(snapshot(overrides)).nextStep).toBe(nextStep);
  });

  it("gives every reason a next step, a sentence, and every code a summary", () => {
    fc.assert(
      fc.property(arbitrarySnapshot, (s) => {
        for (const r of checkPlacement(s).reasons) expect(r.nextStep).toMatch(/^[A-Z].*\.$/);
      }),
      { numRuns: 500 },
    );
    for (const code of PLACEMENT_CHECK_CODES) expect(PLACEMENT_CHECK_SUMMARIES[code]).toMatch(/^[A-Z].*\.$/);
  });
});

describe("dates make sense (issue 14)", () => {
  it("allows a placement of exactly 12 months, starting the day the provider was listed", () => {
    const s = snapshot({ ...listing({ listedSince: "2026-12-01", listedUntil: "2028-06-30" }), ...placement({ start: "2026-12-01", end: "2027-11-30" }) });
    expect(codes(s)).toEqual([]);
  });

  it("refuses the issue's dates: an end of 31 December 9999, and a start in 2024 before the provider was listed", () => {
    expect(codes(snapshot({ ...listing({ listedUntil: "2028-06-30" }), ...placement({ end: "9999-12-31" }) }))).toContain("PLACEMENT_TOO_LONG");
    expect(codes(snapshot(placement({ start: "2024-09-02", end: "2024-10-31" })))).toContain("STARTS_BEFORE_LISTED");
  });

  it("asks an extension only that its new days fall within the listing", () => {
    const s = snapshot(listing({ listedSince: "2026-12-15" }));
    expect(codes(s)).toEqual(["STARTS_BEFORE_LISTED"]);
    expect(codes({ ...s, extendingFrom: "2027-01-01" })).toEqual([]);
  });
});

describe("the listing's offer binds (issue 14)", () => {
  it("takes a placement of the pattern listed, either when both are listed, and any from a listing that predates patterns", () => {
    expect(codes(snapshot({ ...fullTime(), ...listing({ pattern: "full_time" }) }))).toEqual([]);
    expect(codes(snapshot(listing({ pattern: "part_time" })))).toEqual([]);
    expect(codes(snapshot(listing({ pattern: "full_time" })))).toEqual(["PATTERN_NOT_OFFERED"]);
    expect(codes(snapshot({ ...fullTime(), ...listing({ pattern: null }) }))).toEqual([]);
  });

  it("keeps the child within the listed ages on every day: the day before the birthday is the last day", () => {
    // 17 on 1 February 2027: the placement may run to 31 January.
    expect(codes(snapshot({ ...child({ dateOfBirth: "2010-02-01" }), ...placement({ end: "2027-01-31" }) }))).toEqual([]);
    expect(codes(snapshot({ ...child({ dateOfBirth: "2010-01-31" }), ...placement({ end: "2027-01-31" }) }))).toEqual(["AGE_OUT_OF_RANGE_BY_END"]);
  });
});

describe("the school threshold counts full-time equivalents (issue 14)", () => {
  const declared = (n: number, lookedAfterOrSen = 0) => listing({ sites: [{ id: "site-a", capacity: 20 }], declaredFullTime: { fullTimeCompulsoryAgeChildren: n, fullTimeLookedAfterOrSen: lookedAfterOrSen } });

  it("counts the full-time pupils the provider declared: 4 declared, and a 5th is refused", () => {
    expect(codes(snapshot({ ...fullTime(), ...declared(3) }))).toEqual([]);
    expect(only(snapshot({ ...fullTime(), ...declared(4) })).message).toBe(
      `With this placement, the provider would educate full-time 5 children of compulsory school age. ${THE_RULE} So the provider cannot take this placement full-time.`,
    );
    expect(codes(snapshot({ ...fullTime(), ...declared(2), providerPlacements: placed(2, { fullTime: true }) }))).toEqual(["MUST_REGISTER_AS_SCHOOL"]);
    expect(codes(snapshot(declared(1, 1)))).toEqual(["MUST_REGISTER_AS_SCHOOL"]);
  });

  it("counts another child whose part-time placements there fill the school week", () => {
    const split = [
      ...placed(1, { childId: "split", daysPerWeek: 3 }),
      ...placed(1, { childId: "split", daysPerWeek: 2, siteId: "site-b" }),
    ];
    expect(codes(snapshot({ ...fullTime(), ...declared(3), providerPlacements: split }))).toEqual(["MUST_REGISTER_AS_SCHOOL"]);
    // Two children of 3 and 2 days are two part-time children, not one full-time.
    const twoChildren = [...placed(1, { childId: "a", daysPerWeek: 3 }), ...placed(1, { childId: "b", daysPerWeek: 2 })];
    expect(codes(snapshot({ ...fullTime(), ...declared(3), providerPlacements: twoChildren }))).toEqual([]);
  });

  it("counts the child being placed when this placement and theirs there fill the week", () => {
    const limits = { ...DEFAULT_PLACEMENT_LIMITS, partTimeMaxDaysPerWeek: 3, partTimeMaxSessionsPerWeek: 6 };
    const ownThere = elsewhere(3, { atThisProvider: true });
    const s = snapshot({ limits, ...declared(4), ...placement({ pattern: { kind: "part_time", daysPerWeek: 2, sessionsPerWeek: 4 } }), childPlacements: [ownThere] });
    expect(codes(s)).toEqual(["MUST_REGISTER_AS_SCHOOL"]);
    // The same days with another provider do not make this one a school.
    expect(codes({ ...s, childPlacements: [{ ...ownThere, atThisProvider: false }] })).toEqual([]);
  });
});
