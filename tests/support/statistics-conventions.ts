import { TOPICS } from "#app/domain/statistics-breakdowns";
import { rangeOf, SUPPRESSION_THRESHOLD, type RoundingBase } from "#app/domain/statistics-disclosure";

// Checks published statistics the way an outsider would attack them: from the published values
// alone, can a suppressed count be worked out from a total and the other published parts? Used on
// the domain's output and on the CSV the service serves.

export interface PublishedRow {
  timePeriod: string;
  timeIdentifier: string;
  level: "National" | "Regional" | "Local authority";
  areaCode: string;
  regionCode: string | null;
  topic: string;
  breakdown: string;
  count: string;
  percent: string;
}

const baseOf = (level: PublishedRow["level"]): RoundingBase => (level === "National" ? 100 : 10);

export function disclosureProblems(rows: readonly PublishedRow[]): string[] {
  const problems: string[] = [];
  const byKey = new Map<string, PublishedRow>();
  const key = (r: Pick<PublishedRow, "timePeriod" | "timeIdentifier" | "level" | "areaCode" | "topic" | "breakdown">) =>
    `${r.timePeriod}|${r.timeIdentifier}|${r.level}|${r.areaCode}|${r.topic}|${r.breakdown}`;
  for (const r of rows) {
    byKey.set(key(r), r);
    const base = baseOf(r.level);
    if (!["c", "low", "x", "0"].includes(r.count) && !(/^[1-9]\d*$/.test(r.count) && Number(r.count) % base === 0)) problems.push(`${key(r)}: count ${r.count} is not rounded to ${base} or a symbol`);
    if (!["c", "x", "z"].includes(r.percent) && !/^\d{1,3}\.\d$/.test(r.percent)) problems.push(`${key(r)}: percent ${r.percent} is not one decimal place or a symbol`);
    if (r.count === "c" && r.percent !== "c" && r.percent !== "z") problems.push(`${key(r)}: suppressed count with percent ${r.percent}`);
  }

  const check = (label: string, parent: PublishedRow | undefined, parts: PublishedRow[]) => {
    if (!parent || parent.count === "x" || parts.some((p) => p.count === "x")) return;
    const hidden = parts.filter((p) => p.count === "c");
    if (parent.count === "c") {
      if (hidden.length === 0 && parts.some((p) => p.count !== "0")) problems.push(`${label}: suppressed total is the sum of its published parts`);
      return;
    }
    if (hidden.length === 0) return;
    if (hidden.length === 1) problems.push(`${label}: one suppressed part under a published total`);
    // The most the suppressed parts can hold together, from the total and the other parts.
    const others = parts.filter((p) => p.count !== "c").reduce((sum, p) => sum + rangeOf(p.count, baseOf(p.level)).min, 0);
    const most = rangeOf(parent.count, baseOf(parent.level)).max - others;
    if (most < SUPPRESSION_THRESHOLD) problems.push(`${label}: the suppressed parts must hold fewer than ${SUPPRESSION_THRESHOLD}`);
    if (hidden.some((p) => p.percent !== "c") || parts.some((p) => p.level === parent.level && p.percent !== "c" && p.percent !== "z")) {
      if (parts.every((p) => p.level === parent.level)) problems.push(`${label}: percentages published beside a suppressed part`);
    }
  };

  const periods = new Set(rows.map((r) => `${r.timePeriod}|${r.timeIdentifier}`));
  for (const period of periods) {
    const [timePeriod, timeIdentifier] = period.split("|") as [string, string];
    const inPeriod = rows.filter((r) => r.timePeriod === timePeriod && r.timeIdentifier === timeIdentifier);
    const areas = new Map(inPeriod.map((r) => [`${r.level}|${r.areaCode}`, r]));
    for (const a of areas.values()) {
      for (const topic of TOPICS) {
        if (topic.kind !== "additive") continue;
        const get = (t: string, b: string) => byKey.get(key({ timePeriod, timeIdentifier, level: a.level, areaCode: a.areaCode, topic: t, breakdown: b }));
        check(`${period} ${a.areaCode} ${topic.code}`, get(topic.parent!.topic, topic.parent!.breakdown), topic.breakdowns.map((b) => get(topic.code, b.code)!).filter(Boolean));
      }
    }
    for (const topic of TOPICS) {
      for (const b of topic.breakdowns) {
        const cells = inPeriod.filter((r) => r.topic === topic.code && r.breakdown === b.code);
        const national = cells.find((r) => r.level === "National");
        const regional = cells.filter((r) => r.level === "Regional");
        check(`${period} England ${topic.code}/${b.code}`, national, regional);
        for (const region of regional) {
          check(`${period} ${region.areaCode} ${topic.code}/${b.code}`, region, cells.filter((r) => r.level === "Local authority" && r.regionCode === region.areaCode));
        }
      }
    }
  }
  return problems;
}
