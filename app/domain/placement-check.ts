import { ageOn, compareDates, daysBetween, formatDate, type IsoDate } from "./dates";
import type { ListingState } from "./listing-lifecycle";
import { describeFullTimeChildren, mustRegisterAsSchool, THE_RULE, type FullTimeChildren } from "./school-registration-threshold";

// The placement check (DOMAIN.md "Placements and their checks"): one pure function over a snapshot
// the data layer takes inside the transaction that would create the placement, with the listing
// row locked, so a suspension and a placement racing each other cannot both win. It returns every
// reason that applies, so a person sees all the problems at once; the placement is allowed only
// when none of them is a refusal. Refused attempts are recorded with their codes, so the codes
// are stable: add new ones, never rename.

/** Every reason the check can give, in the order they are shown. */
export const PLACEMENT_CHECK_CODES = [
  "CHILD_NOT_ON_REGISTER",
  "END_BEFORE_START",
  "PATTERN_INVALID",
  "CHILD_ALREADY_PLACED",
  "PROVIDER_NOT_LISTED",
  "LISTING_SUSPENDED",
  "LISTING_EXPIRED",
  "LISTING_ENDS_DURING_PLACEMENT",
  "SITE_NOT_LISTED",
  "AGE_OUT_OF_RANGE",
  "AGE_OUT_OF_RANGE_BY_END",
  "CAPACITY_REACHED",
  "TIME_LIMIT_EXCEEDED",
  "MUST_REGISTER_AS_SCHOOL",
] as const;
export type PlacementCheckCode = (typeof PLACEMENT_CHECK_CODES)[number];

export type Severity = "refusal" | "warning";

export interface PlacementCheckReason {
  code: PlacementCheckCode;
  /** A sentence a council officer understands, naming the numbers and dates involved. */
  message: string;
  severity: Severity;
}

export interface PlacementCheckResult {
  allowed: boolean;
  reasons: PlacementCheckReason[];
}

/** A session is half a school day (morning or afternoon), as in school attendance. */
export type WeeklyPattern = { kind: "full_time" } | { kind: "part_time"; daysPerWeek: number; sessionsPerWeek: number };

export interface PlacementLimits {
  fullTimeMaxWeeks: number;
  partTimeMaxDaysPerWeek: number;
  partTimeMaxSessionsPerWeek: number;
}

/** DfE's proposed limits for non-school AP, the default until an LA or the law sets others. */
export const DEFAULT_PLACEMENT_LIMITS: Readonly<PlacementLimits> = { fullTimeMaxWeeks: 12, partTimeMaxDaysPerWeek: 2, partTimeMaxSessionsPerWeek: 4 };

/**
 * Another placement with the same provider, at any of its sites. The data layer passes those that
 * overlap the proposed dates (others are ignored), leaving out any placement the new one replaces.
 */
export interface ProviderPlacement {
  siteId: string;
  start: IsoDate;
  end: IsoDate;
  fullTime: boolean;
  /** Of compulsory school age on any day of that placement. */
  ofCompulsorySchoolAge: boolean;
  /** Looked after by a local authority, or has SEN (an EHC plan or SEN support). */
  lookedAfterOrSen: boolean;
}

/** Another placement of the same child, with any provider, that the proposed one would overlap. */
export interface ChildPlacement {
  providerName: string;
  start: IsoDate;
  end: IsoDate;
  /** Null for a full-time placement. */
  daysPerWeek: number | null;
}

/** Full-time education is five days a week; part-time placements together may not exceed it. */
export const SCHOOL_DAYS_PER_WEEK = 5;

export interface PlacementSnapshot {
  today: IsoDate;
  /** The provider's listing as published, or null when it has none. */
  listing: null | {
    state: ListingState;
    listedUntil: IsoDate | null;
    ageRange: { min: number; max: number };
    sites: Array<{ id: string; capacity: number }>;
  };
  siteId: string;
  providerPlacements: ProviderPlacement[];
  /** The child's other placements (the data layer leaves out any the proposed one replaces). */
  childPlacements: ChildPlacement[];
  child: {
    /** False when the child's entry has left the register, or belongs to another LA's register. */
    onRegister: boolean;
    dateOfBirth: IsoDate;
    lookedAfter: boolean;
    /** An EHC plan or SEN support: both count towards s92 (see school-registration-threshold.ts). */
    hasSen: boolean;
    /** On any day of the proposed placement. */
    ofCompulsorySchoolAge: boolean;
  };
  /** Hours a week may be left out when asking the API whether a placement could go ahead. */
  placement: { start: IsoDate; end: IsoDate; pattern: WeeklyPattern; hoursPerWeek: number | null };
  limits: PlacementLimits;
}

type Period = { start: IsoDate; end: IsoDate };

const refusal = (code: PlacementCheckCode, message: string): PlacementCheckReason => ({ code, message, severity: "refusal" });
const warning = (code: PlacementCheckCode, message: string): PlacementCheckReason => ({ code, message, severity: "warning" });
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const overlaps = (a: Period, b: Period) => compareDates(a.start, b.end) <= 0 && compareDates(b.start, a.end) <= 0;

/**
 * The most placements running on any one day of the period. A sweep over start and end days, so
 * three placements one after another at a site count as one, not three (counting every overlap
 * would refuse placements a site has room for). Ends are inclusive: a placement ending on a day
 * still occupies it.
 */
export function peakConcurrent(placements: readonly Period[], period: Period): number {
  const events: Array<[IsoDate, number]> = [];
  for (const p of placements) {
    if (compareDates(p.start, p.end) > 0 || !overlaps(p, period)) continue;
    events.push([compareDates(p.start, period.start) < 0 ? period.start : p.start, +1]);
    events.push([p.end, -1]);
  }
  events.sort((a, b) => compareDates(a[0], b[0]) || b[1] - a[1]);
  let running = 0;
  let peak = 0;
  for (const [, delta] of events) {
    running += delta;
    peak = Math.max(peak, running);
  }
  return peak;
}

function childReasons({ child }: PlacementSnapshot): PlacementCheckReason[] {
  return child.onRegister ? [] : [refusal("CHILD_NOT_ON_REGISTER", "The child is not on your council's register of children not in school.")];
}

const isWhole = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;

function inputReasons({ placement }: PlacementSnapshot): PlacementCheckReason[] {
  const reasons: PlacementCheckReason[] = [];
  if (compareDates(placement.start, placement.end) > 0) {
    reasons.push(refusal("END_BEFORE_START", `The placement's end date, ${formatDate(placement.end)}, is before its start date, ${formatDate(placement.start)}.`));
  }
  const { pattern, hoursPerWeek } = placement;
  const partTimeValid =
    pattern.kind === "full_time" ||
    (isWhole(pattern.daysPerWeek, 1, 7) && isWhole(pattern.sessionsPerWeek, pattern.daysPerWeek, 2 * pattern.daysPerWeek));
  if (!partTimeValid) {
    reasons.push(refusal("PATTERN_INVALID", "A part-time placement must be at least 1 day a week, with 1 or 2 sessions (mornings or afternoons) on each day."));
  } else if (hoursPerWeek !== null && !(Number.isFinite(hoursPerWeek) && hoursPerWeek > 0 && hoursPerWeek <= 168)) {
    reasons.push(refusal("PATTERN_INVALID", "The placement's hours a week must be more than 0 and no more than 168."));
  }
  return reasons;
}

/**
 * A child cannot be in two places at once. We do not record which days a part-time placement uses,
 * so two part-time placements may overlap only if together they fit in a school week; a full-time
 * placement overlaps nothing.
 */
function childOverlapReasons({ childPlacements, placement }: PlacementSnapshot, datesValid: boolean, patternValid: boolean): PlacementCheckReason[] {
  if (!datesValid || !patternValid) return [];
  const overlapping = childPlacements.filter((p) => compareDates(p.start, p.end) <= 0 && overlaps(p, placement));
  if (overlapping.length === 0) return [];
  const fullTime = overlapping.find((p) => p.daysPerWeek === null);
  const during = (p: ChildPlacement) => `from ${formatDate(p.start)} to ${formatDate(p.end)}`;
  if (fullTime) return [refusal("CHILD_ALREADY_PLACED", `The child already has a full-time placement with ${fullTime.providerName} ${during(fullTime)}, which overlaps these dates.`)];
  if (placement.pattern.kind === "full_time") {
    const first = overlapping[0]!;
    return [refusal("CHILD_ALREADY_PLACED", `The child already has a placement with ${first.providerName} ${during(first)}, so cannot start a full-time placement that overlaps it.`)];
  }
  const days = overlapping.reduce((sum, p) => sum + (p.daysPerWeek ?? 0), 0) + placement.pattern.daysPerWeek;
  if (days <= SCHOOL_DAYS_PER_WEEK) return [];
  return [
    refusal(
      "CHILD_ALREADY_PLACED",
      `The child already has part-time placements that overlap these dates (${overlapping.map((p) => `${p.providerName} ${during(p)}`).join("; ")}). With this one the child would be placed ${days} days a week, more than ${SCHOOL_DAYS_PER_WEEK}.`,
    ),
  ];
}

/** Only an approved listing, current on the day it starts, can take a placement. */
function listingReasons({ listing, placement, today }: PlacementSnapshot): PlacementCheckReason[] {
  if (!listing) return [refusal("PROVIDER_NOT_LISTED", "The provider is not listed in the directory of non-school alternative provision.")];
  const until = listing.listedUntil;
  switch (listing.state) {
    case "draft":
    case "submitted":
    case "changes_requested":
      return [refusal("PROVIDER_NOT_LISTED", "The provider has applied to be listed in the directory of non-school alternative provision, but has not been approved.")];
    case "refused":
      return [refusal("PROVIDER_NOT_LISTED", "The provider applied to be listed in the directory of non-school alternative provision and was refused.")];
    case "revoked":
      return [refusal("PROVIDER_NOT_LISTED", "The provider's listing in the directory of non-school alternative provision has been revoked.")];
    case "expired":
      return [refusal("LISTING_EXPIRED", until ? `The provider's listing ended on ${formatDate(until)}.` : "The provider's listing has expired.")];
    case "approved":
    case "suspended":
      break;
  }
  // A suspended listing's dates still matter: reinstating it would not lift an expiry.
  const reasons = listing.state === "suspended" ? [refusal("LISTING_SUSPENDED", "The provider's listing is suspended, so no new placements can be made with it.")] : [];
  if (!until) {
    reasons.push(refusal("LISTING_EXPIRED", "The provider's listing has no end date, so it is not current."));
  } else if (compareDates(until, today) < 0) {
    reasons.push(refusal("LISTING_EXPIRED", `The provider's listing ended on ${formatDate(until)}.`));
  } else if (compareDates(until, placement.start) < 0) {
    reasons.push(refusal("LISTING_EXPIRED", `The provider's listing ends on ${formatDate(until)}, before the placement starts on ${formatDate(placement.start)}.`));
  } else if (compareDates(until, placement.end) < 0 && compareDates(placement.start, placement.end) <= 0) {
    // Not a refusal: the provider may renew in time. The service flags the placement if it does not.
    reasons.push(
      warning("LISTING_ENDS_DURING_PLACEMENT", `The provider's listing ends on ${formatDate(until)}, before the placement ends on ${formatDate(placement.end)}. Check the provider renews its listing.`),
    );
  }
  return reasons;
}

/** A listing that was never approved has no sites or age range to check against. */
const NEVER_LISTED: readonly ListingState[] = ["draft", "submitted", "changes_requested", "refused"];
const everListed = (listing: PlacementSnapshot["listing"]) => listing !== null && !NEVER_LISTED.includes(listing.state);

function siteReasons(s: PlacementSnapshot, site: { capacity: number } | undefined, datesValid: boolean): PlacementCheckReason[] {
  if (!everListed(s.listing)) return [];
  if (!site) return [refusal("SITE_NOT_LISTED", "The site is not one of the sites on the provider's listing.")];
  if (!datesValid) return [];
  const taken = peakConcurrent(
    s.providerPlacements.filter((p) => p.siteId === s.siteId),
    s.placement,
  );
  if (taken < site.capacity) return [];
  return [refusal("CAPACITY_REACHED", `The site has ${plural(site.capacity, "place", "places")}, and ${taken} ${taken === 1 ? "is" : "are"} taken on the busiest day of this placement.`)];
}

// The provider's age range is checked on the first day: a child the provider takes then is not
// turned away for a birthday during the placement, but the officer is told.
function ageReasons({ listing, child, placement }: PlacementSnapshot, datesValid: boolean): PlacementCheckReason[] {
  if (!listing || !everListed(listing)) return [];
  const { min, max } = listing.ageRange;
  const range = `The provider takes children aged ${min} to ${max}.`;
  const ageAtStart = ageOn(child.dateOfBirth, placement.start);
  if (ageAtStart < min || ageAtStart > max) return [refusal("AGE_OUT_OF_RANGE", `The child will be ${ageAtStart} when the placement starts. ${range}`)];
  const ageAtEnd = datesValid ? ageOn(child.dateOfBirth, placement.end) : ageAtStart;
  if (ageAtEnd > max) return [warning("AGE_OUT_OF_RANGE_BY_END", `The child will be ${ageAtEnd} by the time the placement ends. ${range}`)];
  return [];
}

function weeksAndDays(days: number): string {
  const weeks = Math.floor(days / 7);
  const rest = days % 7;
  if (weeks === 0) return plural(rest, "day", "days");
  return rest === 0 ? plural(weeks, "week", "weeks") : `${plural(weeks, "week", "weeks")} and ${plural(rest, "day", "days")}`;
}

function timeLimitReasons({ placement, limits }: PlacementSnapshot, datesValid: boolean, patternValid: boolean): PlacementCheckReason[] {
  const { pattern } = placement;
  if (pattern.kind === "full_time") {
    if (!datesValid) return [];
    const days = daysBetween(placement.start, placement.end) + 1;
    if (days <= limits.fullTimeMaxWeeks * 7) return [];
    return [refusal("TIME_LIMIT_EXCEEDED", `A full-time placement can last no more than ${plural(limits.fullTimeMaxWeeks, "week", "weeks")}. This one lasts ${weeksAndDays(days)}.`)];
  }
  if (!patternValid) return [];
  if (pattern.daysPerWeek <= limits.partTimeMaxDaysPerWeek && pattern.sessionsPerWeek <= limits.partTimeMaxSessionsPerWeek) return [];
  return [
    refusal(
      "TIME_LIMIT_EXCEEDED",
      `A part-time placement can be no more than ${plural(limits.partTimeMaxDaysPerWeek, "day", "days")} or ${plural(limits.partTimeMaxSessionsPerWeek, "session", "sessions")} a week. This one is ${plural(pattern.daysPerWeek, "day", "days")} and ${plural(pattern.sessionsPerWeek, "session", "sessions")} a week.`,
    ),
  ];
}

/**
 * s92 ESA 2008: a provider educating full-time 5 children of compulsory school age, or 1 looked
 * after or with SEN, must register as a school. We count the provider's full-time children on the
 * busiest day of the proposed placement, across all its sites (see school-registration-threshold.ts).
 * A provider already over the threshold is refused any placement: it is unlawfully unregistered.
 */
function schoolThresholdReasons({ providerPlacements, child, placement }: PlacementSnapshot, datesValid: boolean): PlacementCheckReason[] {
  if (!datesValid) return [];
  const fullTime = providerPlacements.filter((p) => p.fullTime && p.ofCompulsorySchoolAge);
  const already: FullTimeChildren = {
    fullTimeCompulsoryAgeChildren: peakConcurrent(fullTime, placement),
    fullTimeLookedAfterOrSen: peakConcurrent(
      fullTime.filter((p) => p.lookedAfterOrSen),
      placement,
    ),
  };
  if (mustRegisterAsSchool(already).mustRegister) {
    return [refusal("MUST_REGISTER_AS_SCHOOL", `The provider already educates full-time ${describeFullTimeChildren(already)}. ${THE_RULE} So the provider cannot take placements as non-school alternative provision.`)];
  }
  if (placement.pattern.kind !== "full_time" || !child.ofCompulsorySchoolAge) return [];
  // The peak is on a day of the proposed placement, so this child would be there too.
  const withChild: FullTimeChildren = {
    fullTimeCompulsoryAgeChildren: already.fullTimeCompulsoryAgeChildren + 1,
    fullTimeLookedAfterOrSen: already.fullTimeLookedAfterOrSen + (child.lookedAfter || child.hasSen ? 1 : 0),
  };
  if (!mustRegisterAsSchool(withChild).mustRegister) return [];
  return [refusal("MUST_REGISTER_AS_SCHOOL", `With this placement, the provider would educate full-time ${describeFullTimeChildren(withChild)}. ${THE_RULE} So the provider cannot take this placement full-time.`)];
}

/** Every reason a proposed placement cannot go ahead, or should be looked at, in one pass. */
export function checkPlacement(snapshot: PlacementSnapshot): PlacementCheckResult {
  const inputs = inputReasons(snapshot);
  const datesValid = !inputs.some((r) => r.code === "END_BEFORE_START");
  const patternValid = !inputs.some((r) => r.code === "PATTERN_INVALID");
  const site = snapshot.listing?.sites.find((candidate) => candidate.id === snapshot.siteId);
  const reasons = [
    ...childReasons(snapshot),
    ...inputs,
    ...childOverlapReasons(snapshot, datesValid, patternValid),
    ...listingReasons(snapshot),
    ...siteReasons(snapshot, site, datesValid),
    ...ageReasons(snapshot, datesValid),
    ...timeLimitReasons(snapshot, datesValid, patternValid),
    ...schoolThresholdReasons(snapshot, datesValid),
  ].sort((a, b) => PLACEMENT_CHECK_CODES.indexOf(a.code) - PLACEMENT_CHECK_CODES.indexOf(b.code));
  return { allowed: reasons.every((r) => r.severity !== "refusal"), reasons };
}
