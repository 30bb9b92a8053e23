import { addDays, addMonths, ageOn, compareDates, formatDate, type IsoDate } from "./dates";
import { isPeriod, lengthInDays, mergePeriods, mostDaysInAnyWindow, overlaps, piecesOf, runningDuring, totalDays, type Period } from "./placement-periods";
import { PATTERN_LABELS, type Pattern } from "./directory-vocabulary";
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
  "PLACEMENT_TOO_LONG",
  "PATTERN_INVALID",
  "CHILD_ALREADY_PLACED",
  "PROVIDER_NOT_LISTED",
  "LISTING_SUSPENDED",
  "LISTING_EXPIRED",
  "STARTS_BEFORE_LISTED",
  "LISTING_ENDS_DURING_PLACEMENT",
  "SITE_NOT_LISTED",
  "PATTERN_NOT_OFFERED",
  "AGE_OUT_OF_RANGE",
  "AGE_OUT_OF_RANGE_BY_END",
  "CAPACITY_REACHED",
  "TIME_LIMIT_EXCEEDED",
  "MUST_REGISTER_AS_SCHOOL",
] as const;
export type PlacementCheckCode = (typeof PLACEMENT_CHECK_CODES)[number];

/** Each code in a few words, for refusals recorded before their sentences were kept. */
export const PLACEMENT_CHECK_SUMMARIES: Record<PlacementCheckCode, string> = {
  CHILD_NOT_ON_REGISTER: "The child is not on the council's register.",
  END_BEFORE_START: "The end date is before the start date.",
  PLACEMENT_TOO_LONG: `The placement runs for more than 12 months.`,
  PATTERN_INVALID: "The days, sessions or hours a week are not possible.",
  CHILD_ALREADY_PLACED: "The child already has a placement at the same time.",
  PROVIDER_NOT_LISTED: "The provider is not listed in the directory.",
  LISTING_SUSPENDED: "The provider's listing is suspended.",
  LISTING_EXPIRED: "The provider's listing has ended, or ends before the placement starts.",
  STARTS_BEFORE_LISTED: "The placement starts before the provider was listed.",
  LISTING_ENDS_DURING_PLACEMENT: "The provider's listing ends before the placement does.",
  SITE_NOT_LISTED: "The site is not on the provider's listing.",
  PATTERN_NOT_OFFERED: "The provider is not listed for this pattern (full-time or part-time).",
  AGE_OUT_OF_RANGE: "The child's age is outside the ages the provider takes.",
  AGE_OUT_OF_RANGE_BY_END: "The child would pass the oldest age the provider takes before the placement ends.",
  CAPACITY_REACHED: "The site has no place free.",
  TIME_LIMIT_EXCEEDED: "The placement goes beyond the council's time limits.",
  MUST_REGISTER_AS_SCHOOL: "The provider would have to register as a school.",
};

export type Severity = "refusal" | "warning";

export interface PlacementCheckReason {
  code: PlacementCheckCode;
  /** A sentence a council officer understands, naming the numbers and dates involved. */
  message: string;
  /** What to do about it: the answer to change, or what to do first. */
  nextStep: string;
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
  /** Full-time time is counted over every full-time period of the child in any window this long (decision 025). */
  fullTimeWindowMonths: number;
}

/** DfE's proposed limits for non-school AP, the default until an LA or the law sets others. */
export const DEFAULT_PLACEMENT_LIMITS: Readonly<PlacementLimits> = { fullTimeMaxWeeks: 12, partTimeMaxDaysPerWeek: 2, partTimeMaxSessionsPerWeek: 4, fullTimeWindowMonths: 12 };

/**
 * Another child's placement with the same provider, at any of its sites. The data layer passes
 * those that overlap the proposed dates (others are ignored), leaving out the child's own (they
 * are in `childPlacements`) and any placement the new one replaces.
 */
export interface ProviderPlacement {
  /** Which child: part-time placements of one child there can add up to full-time. */
  childId: string;
  siteId: string;
  start: IsoDate;
  end: IsoDate;
  fullTime: boolean;
  /** Days a week of a part-time placement (ignored for a full-time one). */
  daysPerWeek: number;
  /** Of compulsory school age on any day of that placement. */
  ofCompulsorySchoolAge: boolean;
  /** Looked after by a local authority, or has SEN (an EHC plan or SEN support). */
  lookedAfterOrSen: boolean;
}

/**
 * Another placement of the same child, with any provider, made by any council: the data layer
 * passes every one within the full-time window of the proposed dates, leaving out any the
 * proposed one replaces.
 */
export interface ChildPlacement {
  providerName: string;
  start: IsoDate;
  end: IsoDate;
  /** Null for a full-time placement. */
  daysPerWeek: number | null;
  /** Null for a full-time placement. */
  sessionsPerWeek: number | null;
  /** With the provider of the proposed placement, at any of its sites. */
  atThisProvider: boolean;
  /** Made by another commissioner (a council, or a school: decision 080) for the same child (matched by NHS number or UPN): never named to this one. */
  byAnotherCouncil: boolean;
}

/** Full-time education is every school day: a week of part-time placements adding up to five days is full-time. */
export const SCHOOL_DAYS_PER_WEEK = 5;
export const SCHOOL_SESSIONS_PER_WEEK = 2 * SCHOOL_DAYS_PER_WEEK;

export interface PlacementSnapshot {
  today: IsoDate;
  /** The provider's listing as published, or null when it has none. */
  listing: null | {
    state: ListingState;
    /** The day the listing in force was approved: no placement starts before it. */
    listedSince: IsoDate | null;
    listedUntil: IsoDate | null;
    ageRange: { min: number; max: number };
    sites: Array<{ id: string; capacity: number }>;
    /** Full-time, part-time or both, as listed; null for a listing from before patterns were listed. */
    pattern: Pattern | null;
    /** The children the provider declared it educates full-time, not placed through this service. */
    declaredFullTime: FullTimeChildren;
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
  /** For an extension, the first new day: the days before it were agreed under the listing then in force. */
  extendingFrom?: IsoDate;
  limits: PlacementLimits;
}

/** The longest a placement may run from its start (decision 026); past it, a new placement is checked afresh. */
export const MAX_PLACEMENT_MONTHS = 12;

/** The last day a placement starting on this day may run to. */
export const latestPlacementEnd = (start: IsoDate) => addDays(addMonths(start, MAX_PLACEMENT_MONTHS), -1);

const refusal = (code: PlacementCheckCode, message: string, nextStep: string): PlacementCheckReason => ({ code, message, nextStep, severity: "refusal" });
const warning = (code: PlacementCheckCode, message: string, nextStep: string): PlacementCheckReason => ({ code, message, nextStep, severity: "warning" });
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

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
  return child.onRegister ? [] : [refusal("CHILD_NOT_ON_REGISTER", "The child is not on your council's register of children not in school.", "Add the child to your council's register first, or check you have the right child.")];
}

const isWhole = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;

function inputReasons({ placement }: PlacementSnapshot): PlacementCheckReason[] {
  const reasons: PlacementCheckReason[] = [];
  if (compareDates(placement.start, placement.end) > 0) {
    reasons.push(refusal("END_BEFORE_START", `The placement's end date, ${formatDate(placement.end)}, is before its start date, ${formatDate(placement.start)}.`, "Choose an end date on or after the start date."));
  } else if (compareDates(placement.end, latestPlacementEnd(placement.start)) > 0) {
    reasons.push(
      refusal("PLACEMENT_TOO_LONG", `A placement can run for no more than ${MAX_PLACEMENT_MONTHS} months from its start. This one runs from ${formatDate(placement.start)} to ${formatDate(placement.end)}.`, `Choose an end date no later than ${formatDate(latestPlacementEnd(placement.start))}.`),
    );
  }
  const { pattern, hoursPerWeek } = placement;
  const partTimeValid =
    pattern.kind === "full_time" ||
    (isWhole(pattern.daysPerWeek, 1, 7) && isWhole(pattern.sessionsPerWeek, pattern.daysPerWeek, 2 * pattern.daysPerWeek));
  if (!partTimeValid) {
    reasons.push(refusal("PATTERN_INVALID", "A part-time placement must be at least 1 day a week, with 1 or 2 sessions (mornings or afternoons) on each day.", "Enter the days a week, and 1 or 2 sessions for each of them."));
  } else if (hoursPerWeek !== null && !(Number.isFinite(hoursPerWeek) && hoursPerWeek > 0 && hoursPerWeek <= 168)) {
    reasons.push(refusal("PATTERN_INVALID", "The placement's hours a week must be more than 0 and no more than 168.", "Enter the hours a week the child spends with the provider."));
  }
  return reasons;
}

// ---------------------------------------------------------------------------------------------
// The child's week, over all their placements (decision 025). On each piece of the proposed
// placement the same of the child's other placements run; together they decide whether the child
// would be in two places at once, over the part-time limits, or full-time.

const during = (p: Period) => `from ${formatDate(p.start)} to ${formatDate(p.end)}`;
const named = (p: ChildPlacement) => (p.byAnotherCouncil ? `a placement made by another council or school ${during(p)}` : `${p.providerName} ${during(p)}`);
/** "End the current placement at Bright Futures first": never naming another council's provider. */
const endFirst = (p: ChildPlacement) =>
  p.byAnotherCouncil ? `Ask the child's council about the other placement, or choose dates after it ends on ${formatDate(p.end)}.` : `End the current placement at ${p.providerName} first, or choose dates after it ends on ${formatDate(p.end)}.`;
const withWhom = (p: ChildPlacement) => (p.byAnotherCouncil ? `made by another council or school ${during(p)}` : `with ${p.providerName} ${during(p)}`);
const daysOf = (p: { daysPerWeek: number | null }) => p.daysPerWeek ?? SCHOOL_DAYS_PER_WEEK;
const sessionsOf = (p: { daysPerWeek: number | null; sessionsPerWeek: number | null }) => (p.daysPerWeek === null ? SCHOOL_SESSIONS_PER_WEEK : (p.sessionsPerWeek ?? p.daysPerWeek));
/** A week of placements is full-time when it is full-time, or its days fill the school week. */
const fullTimeWeek = (days: number) => days >= SCHOOL_DAYS_PER_WEEK;

interface ChildWeek {
  /** The first way the child would be in two places at once, if any. */
  alreadyPlaced: PlacementCheckReason | null;
  /** The first piece where the child's part-time placements together go over the part-time limits without reaching full-time. */
  overPartTime: { running: ChildPlacement[]; days: number; sessions: number } | null;
  /** The days of the proposed placement on which it makes the child full-time. */
  fullTimeDays: Period[];
  /** Every day the child is full-time, with the proposed placement. */
  allFullTime: Period[];
}

/** The days a set of the child's placements make them full-time: a full-time placement, or part-time ones filling the week. */
function fullTimeDaysOf(placements: readonly ChildPlacement[]): Period[] {
  const valid = placements.filter(isPeriod);
  if (valid.length === 0) return [];
  const hull = { start: valid.reduce((a, p) => (compareDates(p.start, a) < 0 ? p.start : a), valid[0]!.start), end: valid.reduce((a, p) => (compareDates(p.end, a) > 0 ? p.end : a), valid[0]!.end) };
  return piecesOf(hull, valid).filter((piece) => {
    const running = runningDuring(valid, piece);
    return running.some((p) => p.daysPerWeek === null) || fullTimeWeek(running.reduce((sum, p) => sum + daysOf(p), 0));
  });
}

function childWeek({ childPlacements, placement, limits }: PlacementSnapshot): ChildWeek {
  const others = childPlacements.filter(isPeriod);
  const overlapping = others.filter((p) => overlaps(p, placement));
  const week: ChildWeek = { alreadyPlaced: null, overPartTime: null, fullTimeDays: [], allFullTime: [] };
  const { pattern } = placement;
  for (const piece of piecesOf(placement, overlapping)) {
    const running = runningDuring(overlapping, piece);
    const fullTime = running.find((p) => p.daysPerWeek === null);
    if (pattern.kind === "full_time") week.fullTimeDays.push(piece);
    if (fullTime) {
      week.alreadyPlaced ??= refusal("CHILD_ALREADY_PLACED", `The child already has a full-time placement ${withWhom(fullTime)}, which overlaps these dates.`, endFirst(fullTime));
      continue;
    }
    if (pattern.kind === "full_time") {
      if (running.length > 0) week.alreadyPlaced ??= refusal("CHILD_ALREADY_PLACED", `The child already has a placement ${withWhom(running[0]!)}, so cannot start a full-time placement that overlaps it.`, endFirst(running[0]!));
      continue;
    }
    const days = running.reduce((sum, p) => sum + daysOf(p), pattern.daysPerWeek);
    const sessions = running.reduce((sum, p) => sum + sessionsOf(p), pattern.sessionsPerWeek);
    if (running.length > 0 && (days > SCHOOL_DAYS_PER_WEEK || sessions > SCHOOL_SESSIONS_PER_WEEK)) {
      week.alreadyPlaced ??= refusal(
        "CHILD_ALREADY_PLACED",
        `The child already has part-time placements that overlap these dates (${running.map(named).join("; ")}). With this one the child would be placed ${days > SCHOOL_DAYS_PER_WEEK ? `${days} days a week, more than ${SCHOOL_DAYS_PER_WEEK}` : `${sessions} sessions a week, more than ${SCHOOL_SESSIONS_PER_WEEK}`}.`,
        `${endFirst(running[0]!).replace(/\.$/, "")}, or reduce the days a week.`,
      );
    } else if (fullTimeWeek(days)) {
      week.fullTimeDays.push(piece);
    } else if (running.length > 0 && (days > limits.partTimeMaxDaysPerWeek || sessions > limits.partTimeMaxSessionsPerWeek)) {
      week.overPartTime ??= { running, days, sessions };
    }
  }
  week.allFullTime = mergePeriods([...fullTimeDaysOf(others), ...week.fullTimeDays]);
  return week;
}

/**
 * A child cannot be in two places at once. We do not record which days a part-time placement uses,
 * so part-time placements may overlap only if together they fit in a school week (5 days, 10
 * sessions); a full-time placement overlaps nothing.
 */
function childOverlapReasons(s: PlacementSnapshot, datesValid: boolean, patternValid: boolean): PlacementCheckReason[] {
  if (!datesValid || !patternValid) return [];
  const { alreadyPlaced } = childWeek(s);
  return alreadyPlaced ? [alreadyPlaced] : [];
}

/** Only an approved listing, current on the day it starts, can take a placement. */
function listingReasons(s: PlacementSnapshot): PlacementCheckReason[] {
  const { listing, placement, today } = s;
  if (!listing) return [refusal("PROVIDER_NOT_LISTED", "The provider is not listed in the directory of non-school alternative provision.", "Choose a provider that is listed in the directory.")];
  const until = listing.listedUntil;
  switch (listing.state) {
    case "draft":
    case "submitted":
    case "changes_requested":
      return [refusal("PROVIDER_NOT_LISTED", "The provider has applied to be listed in the directory of non-school alternative provision, but has not been approved.", "Choose a provider that is listed in the directory.")];
    case "refused":
      return [refusal("PROVIDER_NOT_LISTED", "The provider applied to be listed in the directory of non-school alternative provision and was refused.", "Choose a provider that is listed in the directory.")];
    case "revoked":
      return [refusal("PROVIDER_NOT_LISTED", "The provider's listing in the directory of non-school alternative provision has been revoked.", "Choose a provider that is listed in the directory.")];
    case "expired":
      return [refusal("LISTING_EXPIRED", until ? `The provider's listing ended on ${formatDate(until)}.` : "The provider's listing has expired.", "Choose a provider that is listed in the directory.")];
    case "approved":
    case "suspended":
      break;
  }
  // A suspended listing's dates still matter: reinstating it would not lift an expiry.
  const reasons = listing.state === "suspended" ? [refusal("LISTING_SUSPENDED", "The provider's listing is suspended, so no new placements can be made with it.", "Choose another listed provider: this one can take placements again only if a reviewer reinstates its listing.")] : [];
  const firstNewDay = s.extendingFrom ?? placement.start;
  if (listing.listedSince && compareDates(firstNewDay, listing.listedSince) < 0) {
    reasons.push(refusal("STARTS_BEFORE_LISTED", `The provider has been listed only since ${formatDate(listing.listedSince)}, and the placement starts on ${formatDate(firstNewDay)}.`, `Choose a start date on or after ${formatDate(listing.listedSince)}.`));
  }
  if (!until) {
    reasons.push(refusal("LISTING_EXPIRED", "The provider's listing has no end date, so it is not current.", "Choose a provider that is listed in the directory."));
  } else if (compareDates(until, today) < 0) {
    reasons.push(refusal("LISTING_EXPIRED", `The provider's listing ended on ${formatDate(until)}.`, "Choose a provider that is listed in the directory."));
  } else if (compareDates(until, placement.start) < 0) {
    reasons.push(refusal("LISTING_EXPIRED", `The provider's listing ends on ${formatDate(until)}, before the placement starts on ${formatDate(placement.start)}.`, `Choose a start date no later than ${formatDate(until)}, or another provider.`));
  } else if (compareDates(until, placement.end) < 0 && compareDates(placement.start, placement.end) <= 0) {
    // Not a refusal: the provider may renew in time. The service flags the placement if it does not.
    reasons.push(
      warning("LISTING_ENDS_DURING_PLACEMENT", `The provider's listing ends on ${formatDate(until)}, before the placement ends on ${formatDate(placement.end)}.`, "Check the provider renews its listing: if it does not, the placement will be flagged for review."),
    );
  }
  return reasons;
}

/** A listing that was never approved has no sites or age range to check against. */
const NEVER_LISTED: readonly ListingState[] = ["draft", "submitted", "changes_requested", "refused"];
const everListed = (listing: PlacementSnapshot["listing"]) => listing !== null && !NEVER_LISTED.includes(listing.state);

function siteReasons(s: PlacementSnapshot, site: { capacity: number } | undefined, datesValid: boolean): PlacementCheckReason[] {
  if (!everListed(s.listing)) return [];
  if (!site) return [refusal("SITE_NOT_LISTED", "The site is not one of the sites on the provider's listing.", "Choose a site on the listing.")];
  if (!datesValid) return [];
  const taken = peakConcurrent(
    s.providerPlacements.filter((p) => p.siteId === s.siteId),
    s.placement,
  );
  if (taken < site.capacity) return [];
  return [refusal("CAPACITY_REACHED", `The site has ${plural(site.capacity, "place", "places")}, and ${taken} ${taken === 1 ? "is" : "are"} taken on the busiest day of this placement.`, "Choose another site or provider, or dates when a place is free.")];
}

// The listing's offer binds (issue 14): the provider takes children of its listed ages on every
// day of the placement, so a child who would pass the oldest age before the placement ends is
// refused, and the officer told the last day it could run.
function ageReasons({ listing, child, placement }: PlacementSnapshot, datesValid: boolean): PlacementCheckReason[] {
  if (!listing || !everListed(listing)) return [];
  const { min, max } = listing.ageRange;
  const range = `The provider takes children aged ${min} to ${max}.`;
  const ageAtStart = ageOn(child.dateOfBirth, placement.start);
  if (ageAtStart < min || ageAtStart > max) return [refusal("AGE_OUT_OF_RANGE", `The child will be ${ageAtStart} when the placement starts. ${range}`, `Choose a provider that takes children aged ${ageAtStart}.`)];
  const ageAtEnd = datesValid ? ageOn(child.dateOfBirth, placement.end) : ageAtStart;
  if (ageAtEnd > max) return [refusal("AGE_OUT_OF_RANGE_BY_END", `The child will be ${ageAtEnd} by the time the placement ends. ${range}`, `End the placement by ${formatDate(addDays(addMonths(child.dateOfBirth, 12 * (max + 1)), -1))}, or choose a provider that takes children aged ${ageAtEnd}.`)];
  return [];
}

/** A provider listed for part-time provision only takes no full-time placement, and the other way round. */
function patternOfferedReasons({ listing, placement }: PlacementSnapshot): PlacementCheckReason[] {
  if (!listing || !everListed(listing) || listing.pattern === null || listing.pattern === "full_and_part_time") return [];
  if (listing.pattern === placement.pattern.kind) return [];
  const asked = placement.pattern.kind === "full_time" ? "full-time" : "part-time";
  return [refusal("PATTERN_NOT_OFFERED", `The provider is listed for ${PATTERN_LABELS[listing.pattern].toLowerCase()} provision only, so it cannot take a ${asked} placement.`, listing.pattern === "part_time" ? "Make the placement part-time, or choose a provider listed for full-time provision." : "Make the placement full-time, or choose a provider listed for part-time provision.")];
}

function weeksAndDays(days: number): string {
  const weeks = Math.floor(days / 7);
  const rest = days % 7;
  if (weeks === 0) return plural(rest, "day", "days");
  return rest === 0 ? plural(weeks, "week", "weeks") : `${plural(weeks, "week", "weeks")} and ${plural(rest, "day", "days")}`;
}

function timeLimitReasons(s: PlacementSnapshot, datesValid: boolean, patternValid: boolean): PlacementCheckReason[] {
  const { placement, limits } = s;
  const { pattern } = placement;
  if (pattern.kind === "part_time") {
    if (!patternValid) return [];
    if (pattern.daysPerWeek > limits.partTimeMaxDaysPerWeek || pattern.sessionsPerWeek > limits.partTimeMaxSessionsPerWeek) {
      return [
        refusal(
          "TIME_LIMIT_EXCEEDED",
          `A part-time placement can be no more than ${plural(limits.partTimeMaxDaysPerWeek, "day", "days")} or ${plural(limits.partTimeMaxSessionsPerWeek, "session", "sessions")} a week. This one is ${plural(pattern.daysPerWeek, "day", "days")} and ${plural(pattern.sessionsPerWeek, "session", "sessions")} a week.`,
          "Reduce the days or sessions a week, or make the placement full-time.",
        ),
      ];
    }
  }
  if (!datesValid || !patternValid) return [];
  const maxDays = limits.fullTimeMaxWeeks * 7;
  if (pattern.kind === "full_time" && lengthInDays(placement) > maxDays) {
    return [refusal("TIME_LIMIT_EXCEEDED", `A full-time placement can last no more than ${plural(limits.fullTimeMaxWeeks, "week", "weeks")}. This one lasts ${weeksAndDays(lengthInDays(placement))}.`, `Choose an end date no later than ${formatDate(addDays(placement.start, maxDays - 1))}, or make the placement part-time.`)];
  }
  const week = childWeek(s);
  if (week.overPartTime) {
    const { running, days, sessions } = week.overPartTime;
    return [
      refusal(
        "TIME_LIMIT_EXCEEDED",
        `Part-time placements together can be no more than ${plural(limits.partTimeMaxDaysPerWeek, "day", "days")} or ${plural(limits.partTimeMaxSessionsPerWeek, "session", "sessions")} a week. With the child's other placements (${running.map(named).join("; ")}) the child would be placed ${plural(days, "day", "days")} and ${plural(sessions, "session", "sessions")} a week.`,
        `${endFirst(running[0]!).replace(/\.$/, "")}, or reduce the days a week.`,
      ),
    ];
  }
  if (week.fullTimeDays.length === 0) return [];
  // Full-time time counts every full-time period of the child, with any provider, in any window
  // of the LA's months that includes a day this placement makes full-time: back-to-back
  // placements cannot reset the clock.
  const months = limits.fullTimeWindowMonths;
  const total = `${plural(limits.fullTimeMaxWeeks, "week", "weeks")} in any ${plural(months, "month", "months")}`;
  const own = totalDays(week.fullTimeDays);
  if (own > maxDays) {
    return [refusal("TIME_LIMIT_EXCEEDED", `The child's placements together would be full-time for ${weeksAndDays(own)}. Full-time time can total no more than ${total}.`, "Shorten the placement, or reduce its days so the child's week is not full-time.")];
  }
  const most = mostDaysInAnyWindow(week.allFullTime, week.fullTimeDays, months);
  if (!most || most.days <= maxDays) return [];
  return [
    refusal(
      "TIME_LIMIT_EXCEEDED",
      `Full-time time can total no more than ${total}. With this placement the child would be full-time for ${weeksAndDays(most.days)} in the ${plural(months, "month", "months")} to ${formatDate(most.windowEnd)}, counting their other full-time placements.`,
      "Shorten the placement or make it part-time: the child has had, or is due, as much full-time provision as the limit allows in that time.",
    ),
  ];
}

/** The children a provider educates full-time on one day, declared and placed. */
function fullTimeAtProvider(s: PlacementSnapshot, day: IsoDate, withProposed: boolean): FullTimeChildren {
  const declared = s.listing?.declaredFullTime ?? { fullTimeCompulsoryAgeChildren: 0, fullTimeLookedAfterOrSen: 0 };
  const on = (p: Period) => isPeriod(p) && compareDates(p.start, day) <= 0 && compareDates(day, p.end) <= 0;
  const byChild = new Map<string, ProviderPlacement[]>();
  for (const p of s.providerPlacements) if (on(p)) byChild.set(p.childId, [...(byChild.get(p.childId) ?? []), p]);
  let children = declared.fullTimeCompulsoryAgeChildren;
  let lookedAfterOrSen = declared.fullTimeLookedAfterOrSen;
  for (const running of byChild.values()) {
    const fullTime = running.some((p) => p.fullTime) || fullTimeWeek(running.reduce((sum, p) => sum + p.daysPerWeek, 0));
    if (!fullTime || !running.some((p) => p.ofCompulsorySchoolAge)) continue;
    children += 1;
    if (running.some((p) => p.lookedAfterOrSen)) lookedAfterOrSen += 1;
  }
  // The child being placed: their own placements there, and this one if asked.
  const own = s.childPlacements.filter((p) => p.atThisProvider && on(p));
  const { pattern } = s.placement;
  const ownDays = own.reduce((sum, p) => sum + daysOf(p), withProposed ? (pattern.kind === "full_time" ? SCHOOL_DAYS_PER_WEEK : pattern.daysPerWeek) : 0);
  if (s.child.ofCompulsorySchoolAge && fullTimeWeek(ownDays)) {
    children += 1;
    if (s.child.lookedAfter || s.child.hasSen) lookedAfterOrSen += 1;
  }
  return { fullTimeCompulsoryAgeChildren: children, fullTimeLookedAfterOrSen: lookedAfterOrSen };
}

/** The most of each kind on any one day of the period (the two may fall on different days). */
function peakAtProvider(s: PlacementSnapshot, withProposed: boolean): FullTimeChildren {
  const { placement } = s;
  const starts = [...s.providerPlacements, ...s.childPlacements.filter((p) => p.atThisProvider)]
    .filter((p) => isPeriod(p) && overlaps(p, placement))
    .map((p) => (compareDates(p.start, placement.start) < 0 ? placement.start : p.start));
  let peak: FullTimeChildren = { fullTimeCompulsoryAgeChildren: 0, fullTimeLookedAfterOrSen: 0 };
  for (const day of new Set([placement.start, ...starts])) {
    const count = fullTimeAtProvider(s, day, withProposed);
    peak = {
      fullTimeCompulsoryAgeChildren: Math.max(peak.fullTimeCompulsoryAgeChildren, count.fullTimeCompulsoryAgeChildren),
      fullTimeLookedAfterOrSen: Math.max(peak.fullTimeLookedAfterOrSen, count.fullTimeLookedAfterOrSen),
    };
  }
  return peak;
}

/**
 * s92 ESA 2008: a provider educating full-time 5 children of compulsory school age, or 1 looked
 * after or with SEN, must register as a school. We count full-time equivalents on the busiest day
 * of the proposed placement, across all its sites (see school-registration-threshold.ts): the
 * children placed there full-time, those whose part-time placements there fill the school week,
 * and the full-time pupils the provider declared. A provider already over the threshold is
 * refused any placement: it is unlawfully unregistered.
 */
function schoolThresholdReasons(s: PlacementSnapshot, datesValid: boolean, patternValid: boolean): PlacementCheckReason[] {
  if (!datesValid || !patternValid) return [];
  const already = peakAtProvider(s, false);
  if (mustRegisterAsSchool(already).mustRegister) {
    return [refusal("MUST_REGISTER_AS_SCHOOL", `The provider already educates full-time ${describeFullTimeChildren(already)}. ${THE_RULE} So the provider cannot take placements as non-school alternative provision.`, "Choose another provider.")];
  }
  const withChild = peakAtProvider(s, true);
  if (!mustRegisterAsSchool(withChild).mustRegister) return [];
  return [refusal("MUST_REGISTER_AS_SCHOOL", `With this placement, the provider would educate full-time ${describeFullTimeChildren(withChild)}. ${THE_RULE} So the provider cannot take this placement full-time.`, "Make the placement part-time, or choose another provider.")];
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
    ...patternOfferedReasons(snapshot),
    ...ageReasons(snapshot, datesValid),
    ...timeLimitReasons(snapshot, datesValid, patternValid),
    ...schoolThresholdReasons(snapshot, datesValid, patternValid),
  ].sort((a, b) => PLACEMENT_CHECK_CODES.indexOf(a.code) - PLACEMENT_CHECK_CODES.indexOf(b.code));
  return { allowed: reasons.every((r) => r.severity !== "refusal"), reasons };
}
