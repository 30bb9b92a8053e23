// A listed site keeps its identity when a provider's change of sites is approved: placements point
// at it, and a site that is still there must not look like a new one (its placements would vanish
// from its capacity) or a removed one (its placements would be flagged for nothing).

const samePostcode = (a: string, b: string) => a.replace(/\s+/g, "").toUpperCase() === b.replace(/\s+/g, "").toUpperCase();

/** Which new site (by index) is which existing one: same postcode and name first, then same postcode. */
export function matchSites(existing: { id: string; postcode: string; name: string }[], next: { postcode: string; name: string }[]) {
  const kept = new Map<number, string>();
  const free = new Set(existing.map((e) => e.id));
  for (const sameName of [true, false]) {
    for (const [index, site] of next.entries()) {
      if (kept.has(index)) continue;
      const match = existing.find((e) => free.has(e.id) && samePostcode(e.postcode, site.postcode) && (!sameName || e.name.trim().toLowerCase() === site.name.trim().toLowerCase()));
      if (match) {
        kept.set(index, match.id);
        free.delete(match.id);
      }
    }
  }
  return { kept, removed: [...free] };
}
