import { ageOn, compareDates, daysBetween, formatDate, type IsoDate } from "./dates";

// The placement check (DOMAIN.md "Placements and their checks"): one pure function over a snapshot
// taken inside the transaction that would create the placement. It returns every reason that
// applies, so a person sees all the problems at once; a placement is allowed only when none of
// them is a refusal.

export const REASON_CODES = [
  "PROVIDER_NOT_LISTED",
  "LISTING_SUSPENDED",
  "LISTING_EXPIRED",
  "LISTING_ENDS_DURING_PLACEMENT",
  "SITE_NOT_LISTED",
  "AGE_OUT_OF_RANGE",
  "CAPACITY_REACHED",
  "TIME_LIMIT_EXCEEDED",
  "MUST_REGISTER_AS_SCHOOL",
  "CHILD_NOT_ON_REGISTER",
  "END_BEFORE_START",
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];
export type Severity = "refusal" | "warning";

export interface Reason {
  code: ReasonCode;
  message: string;
  severity: Severity;
}

/** The listing lifecycle's states, as far as the check needs them. */
export type ListingStateForCheck = "draft" | "submitted" | "changes_requested" | "approved" | "refused" | "suspended" | "revoked" | "expired";

export type Pattern = { kind: "full_time" } | { kind: "part_time"; daysPerWeek: number; sessionsPerWeek: number };

export interface ExistingPlacement {
  siteId: string;
  start: IsoDate;
  end: IsoDate;
  fullTime: boolean;
  /** Of compulsory school age during the placement. */
  compulsorySchoolAge: boolean;
  lookedAfterOrSen: boolean;
}

export interface PlacementSnapshot {
  today: IsoDate;
  listing: null | {
    state: ListingStateForCheck;
    listedUntil: IsoDate | null;
    ageRange: { min: number; max: number };
    sites: { id: string; capacity: number }[];
  };
  siteId: string;
  child: { onRegister: boolean; dateOfBirth: IsoDate; lookedAfter: boolean; hasSen: boolean; compulsorySchoolAge: boolean };
  placement: { start: IsoDate; end: IsoDate; pattern: Pattern };
  /** The provider's placements that have not ended (any site). */
  existingPlacements: ExistingPlacement[];
  limits: PlacementLimits;
}

export interface PlacementLimits {
  fullTimeMaxWeeks: number;
  partTimeMaxDaysPerWeek: number;
  partTimeMaxSessionsPerWeek: number;
}

/** DfE's proposal, the default until an LA sets its own. */
export const DEFAULT_LIMITS: PlacementLimits = { fullTimeMaxWeeks: 12, partTimeMaxDaysPerWeek: 2, partTimeMaxSessionsPerWeek: 4 };

/** s92 Education and Skills Act 2008 as amended by s43 of the 2026 Act. */
export const SCHOOL_THRESHOLD = { compulsoryAgeFullTime: 5, lookedAfterOrSenFullTime: 1 };

export interface CheckResult {
  allowed: boolean;
  reasons: Reason[];
}

const overlaps = (a: { start: IsoDate; end: IsoDate }, b: { start: IsoDate; end: IsoDate }) => compareDates(a.start, b.end) <= 0 && compareDates(b.start, a.end) <= 0;

/** The most placements running on any one day of the period (a sweep over start and end days). */
export function peakConcurrent(placements: { start: IsoDate; end: IsoDate }[], period: { start: IsoDate; end: IsoDate }): number {
  const events: [IsoDate, number][] = [];
  for (const p of placements) {
    if (!overlaps(p, period)) continue;
    events.push([compareDates(p.start, period.start) < 0 ? period.start : p.start, 1]);
    events.push([p.end, -1]);
  }
  // Starts before ends on the same day: a placement ending on a day still occupies it.
  events.sort((a, b) => compareDates(a[0], b[0]) || b[1] - a[1]);
  let running = 0;
  let peak = 0;
  for (const [, delta] of events) {
    running += delta;
    peak = Math.max(peak, running);
  }
  return peak;
}

function listingReasons(s: PlacementSnapshot): Reason[] {
  const listing = s.listing;
  if (!listing || !["approved", "suspended", "expired"].includes(listing.state)) {
    return [{ code: "PROVIDER_NOT_LISTED", severity: "refusal", message: "The provider is not listed in the directory of non-school alternative provision." }];
  }
  if (listing.state === "suspended") {
    return [{ code: "LISTING_SUSPENDED", severity: "refusal", message: "The provider's listing is suspended: no new placements can be made." }];
  }
  const until = listing.listedUntil;
  if (listing.state === "expired" || !until || compareDates(until, s.today) < 0) {
    return [{ code: "LISTING_EXPIRED", severity: "refusal", message: `The provider's listing has expired${until ? ` (it ended on ${formatDate(until)})` : ""}.` }];
  }
  if (compareDates(until, s.placement.start) < 0) {
    return [{ code: "LISTING_EXPIRED", severity: "refusal", message: `The provider's listing ends on ${formatDate(until)}, before the placement would start.` }];
  }
  if (compareDates(until, s.placement.end) < 0) {
    return [
      {
        code: "LISTING_ENDS_DURING_PLACEMENT",
        severity: "warning",
        message: `The provider's listing ends on ${formatDate(until)}, during the placement. Check it has been renewed before then.`,
      },
    ];
  }
  return [];
}

export function checkPlacement(s: PlacementSnapshot): CheckResult {
  const reasons: Reason[] = [];
  const { placement, child, limits } = s;
  const fullTime = placement.pattern.kind === "full_time";

  if (!child.onRegister) {
    reasons.push({ code: "CHILD_NOT_ON_REGISTER", severity: "refusal", message: "The child is not on your council's register (they have left it, or are registered elsewhere)." });
  }
  const datesValid = compareDates(placement.start, placement.end) <= 0;
  if (!datesValid) reasons.push({ code: "END_BEFORE_START", severity: "refusal", message: "The placement's end date is before its start date." });

  reasons.push(...listingReasons(s));

  const site = s.listing?.sites.find((candidate) => candidate.id === s.siteId);
  if (s.listing && !site) reasons.push({ code: "SITE_NOT_LISTED", severity: "refusal", message: "The site is not one of the provider's listed sites." });

  if (s.listing) {
    const age = ageOn(child.dateOfBirth, placement.start);
    const { min, max } = s.listing.ageRange;
    if (age < min || age > max) {
      reasons.push({ code: "AGE_OUT_OF_RANGE", severity: "refusal", message: `The child will be ${age} when the placement starts; the provider takes children aged ${min} to ${max}.` });
    }
  }

  if (site && datesValid) {
    const atSite = s.existingPlacements.filter((p) => p.siteId === site.id);
    const peak = peakConcurrent(atSite, placement);
    if (peak >= site.capacity) {
      reasons.push({ code: "CAPACITY_REACHED", severity: "refusal", message: `The site is full: it has ${site.capacity} ${site.capacity === 1 ? "place" : "places"} and ${peak} placed at the busiest time of this placement.` });
    }
  }

  if (datesValid) {
    if (fullTime) {
      const weeks = (daysBetween(placement.start, placement.end) + 1) / 7;
      if (weeks > limits.fullTimeMaxWeeks) {
        reasons.push({ code: "TIME_LIMIT_EXCEEDED", severity: "refusal", message: `A full-time placement can last at most ${limits.fullTimeMaxWeeks} weeks; this one lasts ${Math.ceil(weeks)}.` });
      }
    } else if (placement.pattern.kind === "part_time") {
      const { daysPerWeek, sessionsPerWeek } = placement.pattern;
      if (daysPerWeek > limits.partTimeMaxDaysPerWeek || sessionsPerWeek > limits.partTimeMaxSessionsPerWeek) {
        reasons.push({
          code: "TIME_LIMIT_EXCEEDED",
          severity: "refusal",
          message: `A part-time placement can be at most ${limits.partTimeMaxDaysPerWeek} days or ${limits.partTimeMaxSessionsPerWeek} sessions a week; this one is ${daysPerWeek} days and ${sessionsPerWeek} sessions.`,
        });
      }
    }
  }

  if (fullTime && datesValid && s.listing) {
    const fullTimeThere = s.existingPlacements.filter((p) => p.fullTime);
    const compulsory = peakConcurrent(fullTimeThere.filter((p) => p.compulsorySchoolAge), placement) + (child.compulsorySchoolAge ? 1 : 0);
    const lookedAfterOrSen = peakConcurrent(fullTimeThere.filter((p) => p.lookedAfterOrSen), placement) + (child.lookedAfter || child.hasSen ? 1 : 0);
    if (compulsory >= SCHOOL_THRESHOLD.compulsoryAgeFullTime || lookedAfterOrSen >= SCHOOL_THRESHOLD.lookedAfterOrSenFullTime) {
      reasons.push({
        code: "MUST_REGISTER_AS_SCHOOL",
        severity: "refusal",
        message:
          lookedAfterOrSen >= SCHOOL_THRESHOLD.lookedAfterOrSenFullTime
            ? "A setting that educates full time any child who is looked after or has special educational needs must register as an independent school; this placement would make the provider one."
            : `A setting that educates full time ${SCHOOL_THRESHOLD.compulsoryAgeFullTime} or more children of compulsory school age must register as an independent school; this placement would make the provider one.`,
      });
    }
  }

  return { allowed: reasons.every((r) => r.severity !== "refusal"), reasons };
}
