// Statistical disclosure control for the published statistics, as DfE's elective home education
// and children missing education releases do it, in the order it must be applied:
//
// 1. Primary suppression, on the unrounded counts: a count of 1 or 2 children (fewer than
//    SUPPRESSION_THRESHOLD) could identify a child, so it is published as "c".
// 2. Secondary suppression: a suppressed count must not be recoverable by subtracting the published
//    counts from a published total, across a row (the breakdowns of one topic add up to its total)
//    or down a column (councils add up to their region, regions to England). Wherever a total is
//    published and exactly one of its parts is suppressed, or the suppressed parts add up to fewer
//    than SUPPRESSION_THRESHOLD, the smallest other non-zero part is suppressed too (the total
//    itself when no part is left); wherever a total is suppressed, at least one of its non-zero
//    parts is. Repeated until nothing changes, since each suppression can unbalance another group.
// 3. Rounding: council and regional counts to the nearest 10, England's to the nearest 100 (halves
//    up); a count that rounds to 0 but is not 0 is "low". True zeros are published as 0.
// 4. Percentages from the unrounded counts, to one decimal place; "c" where the count or its
//    denominator is suppressed, and for every part of a total that has a suppressed part (the
//    others' percentages would otherwise give the suppressed one as 100 minus their sum).
//
// Symbols (GSS harmonised): "c" confidential, "low" rounds to 0, "x" not available, "z" not
// applicable.

export const SUPPRESSION_THRESHOLD = 3;
export type RoundingBase = 10 | 100;

export interface Group {
  parent: string;
  parts: readonly string[];
}

/** Cells to publish as "c": primary suppression, then secondary until every group is safe. */
export function suppressedCells(counts: ReadonlyMap<string, number | null>, groups: readonly Group[], threshold = SUPPRESSION_THRESHOLD): Set<string> {
  const hidden = new Set<string>();
  for (const [id, n] of counts) if (n !== null && n > 0 && n < threshold) hidden.add(id);
  const value = (id: string) => counts.get(id) ?? 0;
  let changed = true;
  while (changed) {
    changed = false;
    for (const group of groups) {
      if (counts.get(group.parent) === null || counts.get(group.parent) === undefined) continue;
      const parts = group.parts.filter((id) => counts.get(id) !== null && counts.get(id) !== undefined);
      const hiddenParts = parts.filter((id) => hidden.has(id));
      const parentHidden = hidden.has(group.parent);
      const hiddenSum = hiddenParts.reduce((sum, id) => sum + value(id), 0);
      const unsafe = parentHidden
        ? hiddenParts.length === 0 && parts.some((id) => value(id) > 0)
        : hiddenParts.length === 1 || (hiddenParts.length > 1 && hiddenSum < threshold);
      if (!unsafe) continue;
      const next = parts
        .filter((id) => !hidden.has(id) && value(id) > 0)
        .sort((a, b) => value(a) - value(b) || (a < b ? -1 : a > b ? 1 : 0))[0];
      if (next !== undefined) hidden.add(next);
      else if (!parentHidden) hidden.add(group.parent);
      else continue;
      changed = true;
    }
  }
  return hidden;
}

/** A count as published: rounded, "low", "c" or "x". */
export function publishedCount(count: number | null, suppressed: boolean, base: RoundingBase): string {
  if (count === null) return "x";
  if (suppressed) return "c";
  if (count === 0) return "0";
  const rounded = Math.round(count / base) * base;
  return rounded === 0 ? "low" : String(rounded);
}

/** A percentage from unrounded counts, one decimal place; "z" with nothing to be a share of. */
export function publishedPercent(numerator: number | null, denominator: number | null, suppressed: boolean): string {
  if (numerator === null || denominator === null) return "x";
  if (suppressed) return "c";
  if (denominator === 0) return "z";
  return (Math.round((numerator / denominator) * 1000) / 10).toFixed(1);
}

/** The range of true counts a published value stands for (for checking what can be worked out). */
export function rangeOf(published: string, base: RoundingBase): { min: number; max: number } {
  if (published === "c" || published === "x") return { min: 0, max: Infinity };
  if (published === "low") return { min: 1, max: base / 2 - 1 };
  const n = Number(published);
  if (n === 0) return { min: 0, max: 0 };
  return { min: Math.max(1, n - base / 2), max: n + base / 2 - 1 };
}
