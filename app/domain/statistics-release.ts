import { addCounts, emptyCounts, TOPICS, TOTAL, type Counts, type TopicDefinition } from "./statistics-breakdowns";
import { publishedCount, publishedPercent, suppressedCells, type Group, type RoundingBase } from "./statistics-disclosure";

// One census day's published figures for every council, region and England: counts added up the
// geography, then disclosure control over all of them at once (a cell suppressed in a council can
// otherwise be worked out from its region), then the symbols and percentages to publish.

export const ENGLAND = { code: "E92000001", name: "England" } as const;

export type GeographicLevel = "National" | "Regional" | "Local authority";
export interface Area {
  level: GeographicLevel;
  /** ONS code: England's, the region's, or the council's (new_la_code). */
  code: string;
  name: string;
  regionCode: string | null;
  regionName: string | null;
  /** DfE's 3-digit code, for councils. */
  oldLaCode: string | null;
}

export interface CouncilCounts {
  laCode: string;
  onsCode: string;
  name: string;
  regionCode: string;
  regionName: string;
  counts: Counts;
}

export interface PublishedCell {
  topic: string;
  breakdown: string;
  count: string;
  percent: string;
}
export interface PublishedArea {
  area: Area;
  cells: PublishedCell[];
}

const baseOf = (level: GeographicLevel): RoundingBase => (level === "National" ? 100 : 10);

/** The cell a breakdown's percentage is a share of (null: not a share). */
export function denominatorOf(topic: TopicDefinition, breakdown: string): { topic: string; breakdown: string } | null {
  if (topic.kind === "total" || topic.kind === "flow") return null;
  if (topic.kind === "overlapping") return breakdown === "total" ? TOTAL : { topic: topic.code, breakdown: "total" };
  return topic.parent!;
}

export function publishCensusDay(councils: readonly CouncilCounts[]): PublishedArea[] {
  const regions = new Map<string, { area: Area; counts: Counts; councils: Area[] }>();
  const national = { area: { level: "National", code: ENGLAND.code, name: ENGLAND.name, regionCode: null, regionName: null, oldLaCode: null } as Area, counts: emptyCounts() };
  const areas: { area: Area; counts: Counts }[] = [];
  for (const c of [...councils].sort((a, b) => a.regionCode.localeCompare(b.regionCode) || a.laCode.localeCompare(b.laCode))) {
    let region = regions.get(c.regionCode);
    if (!region) {
      region = { area: { level: "Regional", code: c.regionCode, name: c.regionName, regionCode: c.regionCode, regionName: c.regionName, oldLaCode: null }, counts: emptyCounts(), councils: [] };
      regions.set(c.regionCode, region);
    }
    const area: Area = { level: "Local authority", code: c.onsCode, name: c.name, regionCode: c.regionCode, regionName: c.regionName, oldLaCode: c.laCode };
    addCounts(region.counts, c.counts);
    region.councils.push(area);
    areas.push({ area, counts: c.counts });
  }
  for (const region of regions.values()) addCounts(national.counts, region.counts);
  const all = [national, ...[...regions.values()].map((r) => ({ area: r.area, counts: r.counts })), ...areas];

  const key = (area: Area, topic: string, breakdown: string) => `${area.level}:${area.code}|${topic}|${breakdown}`;
  const counts = new Map<string, number | null>();
  for (const { area, counts: c } of all) for (const [topic, breakdowns] of Object.entries(c)) for (const [b, n] of Object.entries(breakdowns)) counts.set(key(area, topic, b), n);

  const groups: Group[] = [];
  for (const { area } of all) {
    for (const topic of TOPICS) {
      if (topic.kind !== "additive") continue;
      groups.push({ parent: key(area, topic.parent!.topic, topic.parent!.breakdown), parts: topic.breakdowns.map((b) => key(area, topic.code, b.code)) });
    }
  }
  for (const topic of TOPICS) {
    for (const b of topic.breakdowns) {
      groups.push({ parent: key(national.area, topic.code, b.code), parts: [...regions.values()].map((r) => key(r.area, topic.code, b.code)) });
      for (const region of regions.values()) groups.push({ parent: key(region.area, topic.code, b.code), parts: region.councils.map((a) => key(a, topic.code, b.code)) });
    }
  }
  const hidden = suppressedCells(counts, groups);

  return all.map(({ area, counts: c }) => {
    const cells: PublishedCell[] = [];
    for (const topic of TOPICS) {
      const anyPartHidden = topic.kind === "additive" && topic.breakdowns.some((b) => hidden.has(key(area, topic.code, b.code)));
      for (const b of topic.breakdowns) {
        const id = key(area, topic.code, b.code);
        const n = c[topic.code]![b.code]!;
        const denominator = denominatorOf(topic, b.code);
        const percent =
          denominator === null
            ? n === null ? "x" : "z"
            : publishedPercent(n, c[denominator.topic]![denominator.breakdown]!, hidden.has(id) || anyPartHidden || hidden.has(key(area, denominator.topic, denominator.breakdown)));
        cells.push({ topic: topic.code, breakdown: b.code, count: publishedCount(n, hidden.has(id), baseOf(area.level)), percent });
      }
    }
    return { area, cells };
  });
}
