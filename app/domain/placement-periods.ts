import { addDays, addMonths, compareDates, daysBetween, type IsoDate } from "./dates";

// Periods of days (both ends inclusive) and the arithmetic the placement check does over them:
// which placements run together on each day of a proposal, and how many days of a set of periods
// fall in any window of months. Pure, so the check and its model test share it.

export interface Period {
  start: IsoDate;
  end: IsoDate;
}

export const isPeriod = (p: Period) => compareDates(p.start, p.end) <= 0;
export const overlaps = (a: Period, b: Period) => compareDates(a.start, b.end) <= 0 && compareDates(b.start, a.end) <= 0;
export const lengthInDays = (p: Period) => daysBetween(p.start, p.end) + 1;

/**
 * The period cut wherever one of `others` starts or stops inside it: on each piece the same of
 * them are running, so anything that depends only on which placements run can be decided a piece
 * at a time instead of a day at a time.
 */
export function piecesOf(period: Period, others: readonly Period[]): Period[] {
  const cuts = new Set<IsoDate>([period.start]);
  for (const o of others) {
    if (!isPeriod(o) || !overlaps(o, period)) continue;
    if (compareDates(o.start, period.start) > 0) cuts.add(o.start);
    const next = addDays(o.end, 1);
    if (compareDates(next, period.end) <= 0) cuts.add(next);
  }
  const starts = [...cuts].sort(compareDates);
  return starts.map((start, i) => ({ start, end: i + 1 < starts.length ? addDays(starts[i + 1]!, -1) : period.end }));
}

/** Those of `items` running on the piece (a piece from `piecesOf`, so each runs all of it or none). */
export function runningDuring<T extends Period>(items: readonly T[], piece: Period): T[] {
  return items.filter((p) => isPeriod(p) && overlaps(p, piece));
}

/** The same days as one sorted list of periods, none overlapping or touching. */
export function mergePeriods(periods: readonly Period[]): Period[] {
  const sorted = periods.filter(isPeriod).sort((a, b) => compareDates(a.start, b.start));
  const merged: Period[] = [];
  for (const p of sorted) {
    const last = merged[merged.length - 1];
    if (last && compareDates(addDays(last.end, 1), p.start) >= 0) {
      if (compareDates(p.end, last.end) > 0) last.end = p.end;
    } else merged.push({ ...p });
  }
  return merged;
}

export const totalDays = (periods: readonly Period[]) => mergePeriods(periods).reduce((sum, p) => sum + lengthInDays(p), 0);

/** The window of `months` months ending on a day: a year to 1 March 2027 starts on 2 March 2026. */
export const windowEndingOn = (day: IsoDate, months: number): Period => ({ start: addDays(addMonths(day, -months), 1), end: day });

/**
 * The most days of `periods` in any window of `months` months that includes a day of `within`, and
 * the last day of that window. Every window is tried, a day at a time, so calendar months of
 * different lengths cannot hide a day; `within` must be short (the caller refuses a longer one
 * before asking), as each of its days starts a year of windows.
 */
export function mostDaysInAnyWindow(periods: readonly Period[], within: readonly Period[], months: number): { days: number; windowEnd: IsoDate } | null {
  const all = mergePeriods(periods);
  let best: { days: number; windowEnd: IsoDate } | null = null;
  for (const w of mergePeriods(within)) {
    const lastEnd = addDays(addMonths(w.end, months), -1);
    for (let end = w.start; compareDates(end, lastEnd) <= 0; end = addDays(end, 1)) {
      const window = windowEndingOn(end, months);
      let days = 0;
      for (const p of all) {
        if (!overlaps(p, window)) continue;
        const from = compareDates(p.start, window.start) > 0 ? p.start : window.start;
        const to = compareDates(p.end, window.end) < 0 ? p.end : window.end;
        days += daysBetween(from, to) + 1;
      }
      if (!best || days > best.days) best = { days, windowEnd: end };
    }
  }
  return best;
}
