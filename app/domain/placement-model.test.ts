import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, addMonths, ageOn, compareDates, daysBetween, type IsoDate } from "./dates";
import type { Pattern } from "./directory-vocabulary";
import type { ListingState } from "./listing-lifecycle";
import { checkPlacement, DEFAULT_PLACEMENT_LIMITS, latestPlacementEnd, PLACEMENT_CHECK_CODES, type PlacementCheckCode, type PlacementSnapshot, type WeeklyPattern } from "./placement-check";
import { SCHOOL_REGISTRATION_THRESHOLD } from "./school-registration-threshold";

// A model-based test of the placement check (issue 14): random sequences of proposals, endings,
// extensions, suspensions, reinstatements, revocations and the passing of time (expiring
// listings), over random children and providers. Every proposal and extension goes through
// checkPlacement on a snapshot of the model, as the data layer takes one; after every step the
// whole model must hold: no child over a limit, no site over capacity, no provider over the
// school threshold, nothing placed at an unlisted, suspended or expired listing, and every
// placement within its listing's offer and dates. The last test switches each refusal off in
// turn and shows the invariants catch its absence: no rule is untested.

const BASE: IsoDate = "2027-01-04";
const LIMITS = DEFAULT_PLACEMENT_LIMITS;
const at = (offset: number) => addDays(BASE, offset);

interface Child {
  id: string;
  dateOfBirth: IsoDate;
  onRegister: boolean;
  lookedAfter: boolean;
}

interface Provider {
  id: string;
  name: string;
  /** Null: the provider has no listing at all. */
  state: ListingState | null;
  listedSince: IsoDate;
  listedUntil: IsoDate;
  pattern: Pattern;
  ageRange: { min: number; max: number };
  sites: { id: string; capacity: number }[];
  declared: number;
}

interface Placement {
  id: number;
  childId: string;
  providerId: string;
  siteId: string;
  start: IsoDate;
  end: IsoDate;
  pattern: WeeklyPattern;
  /** The listing as it stood, and the day, each time this placement was made or extended. */
  agreed: { state: ListingState | null; listedSince: IsoDate; listedUntil: IsoDate; today: IsoDate; firstNewDay: IsoDate }[];
}

interface World {
  today: IsoDate;
  children: Child[];
  providers: Provider[];
  placements: Placement[];
  nextId: number;
}

type Command =
  | { kind: "propose"; child: number; provider: number; site: number; startIn: number; length: number; pattern: WeeklyPattern }
  | { kind: "end"; placement: number; keep: number }
  | { kind: "extend"; placement: number; by: number }
  | { kind: "suspend" | "reinstate" | "revoke"; provider: number }
  | { kind: "wait"; days: number };

const pick = <T,>(items: readonly T[], n: number): T | undefined => (items.length === 0 ? undefined : items[n % items.length]);

// ---------------------------------------------------------------------------------------------
// The snapshot the data layer would take, from the model.

const daysOf = (p: WeeklyPattern) => (p.kind === "full_time" ? null : p.daysPerWeek);
const sessionsOf = (p: WeeklyPattern) => (p.kind === "full_time" ? null : p.sessionsPerWeek);
const overlapping = (a: { start: IsoDate; end: IsoDate }, b: { start: IsoDate; end: IsoDate }) => compareDates(a.start, b.end) <= 0 && compareDates(b.start, a.end) <= 0;

function snapshotOf(w: World, child: Child, provider: Provider, siteId: string, proposal: { start: IsoDate; end: IsoDate; pattern: WeeklyPattern }, replacing?: Placement): PlacementSnapshot {
  const others = w.placements.filter((p) => p !== replacing);
  const childOf = (id: string) => w.children.find((c) => c.id === id)!;
  return {
    today: w.today,
    listing:
      provider.state === null
        ? null
        : {
            state: provider.state,
            listedSince: provider.listedSince,
            listedUntil: provider.listedUntil,
            ageRange: provider.ageRange,
            sites: provider.sites,
            pattern: provider.pattern,
            declaredFullTime: { fullTimeCompulsoryAgeChildren: provider.declared, fullTimeLookedAfterOrSen: 0 },
          },
    siteId,
    providerPlacements: others
      .filter((p) => p.providerId === provider.id && p.childId !== child.id && overlapping(p, proposal))
      .map((p) => ({
        childId: p.childId,
        siteId: p.siteId,
        start: p.start,
        end: p.end,
        fullTime: p.pattern.kind === "full_time",
        daysPerWeek: daysOf(p.pattern) ?? 0,
        ofCompulsorySchoolAge: true,
        lookedAfterOrSen: childOf(p.childId).lookedAfter,
      })),
    childPlacements: others
      .filter((p) => p.childId === child.id)
      .map((p) => ({ providerName: p.providerId, start: p.start, end: p.end, daysPerWeek: daysOf(p.pattern), sessionsPerWeek: sessionsOf(p.pattern), atThisProvider: p.providerId === provider.id, byAnotherCouncil: false })),
    child: { onRegister: child.onRegister, dateOfBirth: child.dateOfBirth, lookedAfter: child.lookedAfter, hasSen: false, ofCompulsorySchoolAge: true },
    placement: { ...proposal, hoursPerWeek: 10 },
    ...(replacing ? { extendingFrom: addDays(replacing.end, 1) } : {}),
    limits: LIMITS,
  };
}

type Check = (s: PlacementSnapshot) => boolean;
const theCheck: Check = (s) => checkPlacement(s).allowed;
/** The check with one rule taken away: its refusals no longer stop anything. */
const without =
  (code: PlacementCheckCode): Check =>
  (s) =>
    checkPlacement(s).reasons.every((r) => r.severity !== "refusal" || r.code === code);

function agreement(provider: Provider, today: IsoDate, firstNewDay: IsoDate): Placement["agreed"][number] {
  return { state: provider.state, listedSince: provider.listedSince, listedUntil: provider.listedUntil, today, firstNewDay };
}

function step(w: World, c: Command, allowed: Check): void {
  switch (c.kind) {
    case "propose": {
      const child = pick(w.children, c.child)!;
      const provider = pick(w.providers, c.provider)!;
      const siteId = provider.sites[c.site]?.id ?? "not-a-site";
      const start = addDays(w.today, c.startIn);
      const proposal = { start, end: addDays(start, c.length), pattern: c.pattern };
      if (!allowed(snapshotOf(w, child, provider, siteId, proposal))) return;
      w.placements.push({ id: w.nextId++, childId: child.id, providerId: provider.id, siteId, ...proposal, agreed: [agreement(provider, w.today, start)] });
      return;
    }
    case "end": {
      const p = pick(w.placements, c.placement);
      if (!p) return;
      const end = addDays(p.start, c.keep);
      if (compareDates(end, p.end) < 0) p.end = end;
      return;
    }
    case "extend": {
      const p = pick(w.placements, c.placement);
      if (!p || compareDates(p.end, w.today) < 0) return;
      const child = w.children.find((x) => x.id === p.childId)!;
      const provider = w.providers.find((x) => x.id === p.providerId)!;
      const end = addDays(p.end, c.by);
      if (!allowed(snapshotOf(w, child, provider, p.siteId, { start: p.start, end, pattern: p.pattern }, p))) return;
      p.agreed.push(agreement(provider, w.today, addDays(p.end, 1)));
      p.end = end;
      return;
    }
    case "suspend":
    case "reinstate":
    case "revoke": {
      const provider = pick(w.providers, c.provider)!;
      if (c.kind === "suspend" && provider.state === "approved") provider.state = "suspended";
      if (c.kind === "reinstate" && provider.state === "suspended" && compareDates(provider.listedUntil, w.today) >= 0) provider.state = "approved";
      if (c.kind === "revoke" && (provider.state === "approved" || provider.state === "suspended")) provider.state = "revoked";
      return;
    }
    case "wait": {
      w.today = addDays(w.today, c.days);
      for (const provider of w.providers) {
        if ((provider.state === "approved" || provider.state === "suspended") && compareDates(provider.listedUntil, w.today) < 0) provider.state = "expired";
      }
      return;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The invariants, computed from the model directly (not through the check).

const validPattern = (p: WeeklyPattern) =>
  p.kind === "full_time" || (Number.isInteger(p.daysPerWeek) && p.daysPerWeek >= 1 && p.daysPerWeek <= 7 && Number.isInteger(p.sessionsPerWeek) && p.sessionsPerWeek >= p.daysPerWeek && p.sessionsPerWeek <= 2 * p.daysPerWeek);

/** The days on which something is running: its starts, where any count can rise. */
const startDays = (ps: readonly Placement[]) => [...new Set(ps.map((p) => p.start))];
const runningOn = (ps: readonly Placement[], day: IsoDate) => ps.filter((p) => compareDates(p.start, day) <= 0 && compareDates(day, p.end) <= 0);

function violations(w: World): string[] {
  const found: string[] = [];
  const providerOf = (id: string) => w.providers.find((p) => p.id === id)!;
  for (const p of w.placements) {
    const provider = providerOf(p.providerId);
    const child = w.children.find((c) => c.id === p.childId)!;
    for (const a of p.agreed) {
      if (a.state !== "approved") found.push(`placement ${p.id} made or extended while its listing was ${a.state ?? "missing"}`);
      else if (compareDates(a.listedUntil, a.today) < 0 || compareDates(a.listedUntil, p.start) < 0) found.push(`placement ${p.id} made or extended at an expired listing`);
      if (compareDates(a.firstNewDay, a.listedSince) < 0) found.push(`placement ${p.id} starts before its provider was listed`);
    }
    if (compareDates(p.start, p.end) > 0) found.push(`placement ${p.id} ends before it starts`);
    else if (compareDates(p.end, latestPlacementEnd(p.start)) > 0) found.push(`placement ${p.id} runs longer than 12 months`);
    if (!validPattern(p.pattern)) found.push(`placement ${p.id} has an impossible pattern`);
    if (!provider.sites.some((s) => s.id === p.siteId)) found.push(`placement ${p.id} is at a site not on the listing`);
    if (provider.pattern !== "full_and_part_time" && provider.pattern !== p.pattern.kind) found.push(`placement ${p.id} is a pattern the provider is not listed for`);
    if (!child.onRegister) found.push(`placement ${p.id} is of a child not on the register`);
    const ages = [ageOn(child.dateOfBirth, p.start), ageOn(child.dateOfBirth, p.end)];
    if (ages.some((age) => age < provider.ageRange.min || age > provider.ageRange.max)) found.push(`placement ${p.id} is outside the provider's ages`);
  }
  const sane = w.placements.filter((p) => compareDates(p.start, p.end) <= 0 && validPattern(p.pattern));
  for (const child of w.children) {
    const theirs = sane.filter((p) => p.childId === child.id);
    for (const day of startDays(theirs)) {
      const running = runningOn(theirs, day);
      const fullTime = running.filter((p) => p.pattern.kind === "full_time");
      if (fullTime.length > 0 && running.length > 1) found.push(`child ${child.id} in two places on ${day}`);
      const days = running.reduce((n, p) => n + (daysOf(p.pattern) ?? 5), 0);
      const sessions = running.reduce((n, p) => n + (sessionsOf(p.pattern) ?? 10), 0);
      if (fullTime.length === 0 && days < 5 && (days > LIMITS.partTimeMaxDaysPerWeek || sessions > LIMITS.partTimeMaxSessionsPerWeek)) found.push(`child ${child.id} over the part-time limits on ${day}`);
      if (days > 5 || sessions > 10) found.push(`child ${child.id} placed more than a school week on ${day}`);
    }
    // Full-time days in any window of the LA's months.
    const fullTimeDays = new Set<number>();
    for (const p of theirs) {
      if (p.pattern.kind !== "full_time" && p.pattern.daysPerWeek < 5) continue;
      for (let d = 0; d <= daysBetween(p.start, p.end); d += 1) fullTimeDays.add(daysBetween(BASE, p.start) + d);
    }
    for (const last of fullTimeDays) {
      const first = daysBetween(BASE, addDays(addMonths(at(last), -LIMITS.fullTimeWindowMonths), 1));
      let n = 0;
      for (const d of fullTimeDays) if (d >= first && d <= last) n += 1;
      if (n > LIMITS.fullTimeMaxWeeks * 7) {
        found.push(`child ${child.id} full-time for ${n} days in the months to ${at(last)}`);
        break;
      }
    }
  }
  for (const provider of w.providers) {
    const theirs = sane.filter((p) => p.providerId === provider.id);
    for (const day of startDays(theirs)) {
      const running = runningOn(theirs, day);
      for (const site of provider.sites) {
        const children = new Set(running.filter((p) => p.siteId === site.id).map((p) => p.childId));
        if (children.size > site.capacity) found.push(`site ${site.id} over capacity on ${day}`);
      }
      const byChild = new Map<string, number>();
      for (const p of running) byChild.set(p.childId, (byChild.get(p.childId) ?? 0) + (daysOf(p.pattern) ?? 5));
      const fullTime = [...byChild].filter(([, days]) => days >= 5).map(([id]) => w.children.find((c) => c.id === id)!);
      if (provider.declared + fullTime.length >= SCHOOL_REGISTRATION_THRESHOLD.compulsorySchoolAgeFullTime || fullTime.some((c) => c.lookedAfter)) {
        found.push(`provider ${provider.id} over the school threshold on ${day}`);
      }
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Random worlds and commands.

const childArb = (i: number): fc.Arbitrary<Child> =>
  fc.record({
    id: fc.constant(`child-${i}`),
    // 10 to 17 on the first day: some too young, some too old, some ageing out during a placement.
    dateOfBirth: fc.integer({ min: 10 * 365, max: 17 * 365 + 300 }).map((days) => addDays(BASE, -days)),
    onRegister: fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    lookedAfter: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  });

const providerArb = (i: number): fc.Arbitrary<Provider> =>
  fc.record({
    id: fc.constant(`provider-${i}`),
    name: fc.constant(`Provider ${i}`),
    state: fc.oneof(
      { weight: 8, arbitrary: fc.constant<ListingState>("approved") },
      { weight: 1, arbitrary: fc.constantFrom<ListingState | null>(null, "draft", "submitted", "refused", "suspended", "revoked", "expired") },
    ),
    listedSince: fc.integer({ min: -300, max: 20 }).map(at),
    listedUntil: fc.integer({ min: 20, max: 365 }).map(at),
    pattern: fc.constantFrom<Pattern>("full_and_part_time", "full_and_part_time", "full_time", "part_time"),
    ageRange: fc.constantFrom({ min: 11, max: 16 }, { min: 11, max: 14 }, { min: 14, max: 17 }),
    sites: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 1, maxLength: 2 }).map((capacities) => capacities.map((capacity, s) => ({ id: `provider-${i}-site-${s}`, capacity }))),
    declared: fc.integer({ min: 0, max: 4 }),
  });

const worldArb: fc.Arbitrary<World> = fc
  .record({ children: fc.integer({ min: 2, max: 7 }), providers: fc.integer({ min: 1, max: 2 }) })
  .chain(({ children, providers }) =>
    fc.record({
      children: fc.tuple(...Array.from({ length: children }, (_, i) => childArb(i))),
      providers: fc.tuple(...Array.from({ length: providers }, (_, i) => providerArb(i))),
    }),
  )
  .map(({ children, providers }) => ({ today: BASE, children, providers, placements: [], nextId: 1 }));

const patternArb: fc.Arbitrary<WeeklyPattern> = fc.oneof(
  { weight: 2, arbitrary: fc.constant({ kind: "full_time" as const }) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 2 }).chain((days) => fc.integer({ min: days, max: 2 * days }).map((sessions) => ({ kind: "part_time" as const, daysPerWeek: days, sessionsPerWeek: sessions }))) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("part_time" as const), daysPerWeek: fc.integer({ min: 0, max: 7 }), sessionsPerWeek: fc.integer({ min: 0, max: 14 }) }) },
);

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("propose" as const),
      child: fc.nat(),
      provider: fc.nat(),
      site: fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, { weight: 3, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.constant(5) }),
      startIn: fc.integer({ min: -30, max: 60 }),
      length: fc.oneof(
        { weight: 6, arbitrary: fc.integer({ min: 0, max: 100 }) },
        { weight: 1, arbitrary: fc.integer({ min: -5, max: 0 }) },
        { weight: 1, arbitrary: fc.integer({ min: 355, max: 380 }) },
      ),
      pattern: patternArb,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("end" as const), placement: fc.nat(), keep: fc.integer({ min: 0, max: 60 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("extend" as const), placement: fc.nat(), by: fc.integer({ min: 1, max: 200 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom("suspend" as const, "reinstate" as const, "revoke" as const), provider: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("wait" as const), days: fc.integer({ min: 1, max: 90 }) }) },
);

/** Runs the commands, failing at the first step after which the world breaks an invariant. */
const holdsThroughout = (check: Check) =>
  fc.property(worldArb, fc.array(commandArb, { minLength: 1, maxLength: 30 }), (world, commands) => {
    const w = structuredClone(world);
    for (const [i, command] of commands.entries()) {
      step(w, command, check);
      const broken = violations(w);
      if (broken.length > 0) throw new Error(`after step ${i + 1} (${command.kind}): ${broken[0]}`);
    }
  });

describe("the placement check over random sequences (issue 14)", () => {
  it("keeps every child, site and provider within the rules after every step", { timeout: 60_000 }, () => {
    fc.assert(holdsThroughout(theCheck), { numRuns: 300, seed: 14 });
  });

  // Every refusal the check can give, switched off in turn: the invariants must notice.
  const REFUSALS = PLACEMENT_CHECK_CODES.filter((code) => code !== "LISTING_ENDS_DURING_PLACEMENT");
  it.each(REFUSALS)("fails once %s is switched off", { timeout: 60_000 }, (code) => {
    const result = fc.check(holdsThroughout(without(code)), { numRuns: 3000, seed: 14 });
    expect(result.failed, `no sequence broke an invariant without ${code}`).toBe(true);
  });
});
