import type { CensusDay } from "#app/domain/census-dates";
import { TOPICS } from "#app/domain/statistics-breakdowns";
import { ENGLAND, type PublishedArea } from "#app/domain/statistics-release";
import { csvField } from "./providers";

// The tidy CSV in the shape DfE's statistics service takes (one row per time period, area and
// breakdown; geography columns filled for the area's level and above, blank below) and the
// metadata file it requires beside every data file.

export const STATISTICS_CSV_COLUMNS = [
  "time_period",
  "time_identifier",
  "geographic_level",
  "country_code",
  "country_name",
  "region_code",
  "region_name",
  "old_la_code",
  "new_la_code",
  "la_name",
  "breakdown_topic",
  "breakdown",
  "child_count",
  "child_percent",
] as const;

export const STATISTICS_META_COLUMNS = ["col_name", "col_type", "label", "indicator_grouping", "indicator_unit", "indicator_dp", "filter_hint", "filter_grouping_column"] as const;

const META_ROWS: Record<(typeof STATISTICS_META_COLUMNS)[number], string>[] = [
  { col_name: "breakdown_topic", col_type: "Filter", label: "Breakdown topic", indicator_grouping: "", indicator_unit: "", indicator_dp: "", filter_hint: "The characteristic or event children are counted by", filter_grouping_column: "" },
  { col_name: "breakdown", col_type: "Filter", label: "Breakdown", indicator_grouping: "", indicator_unit: "", indicator_dp: "", filter_hint: "", filter_grouping_column: "breakdown_topic" },
  { col_name: "child_count", col_type: "Indicator", label: "Number of children", indicator_grouping: "", indicator_unit: "", indicator_dp: "0", filter_hint: "", filter_grouping_column: "" },
  { col_name: "child_percent", col_type: "Indicator", label: "Percentage of children", indicator_grouping: "", indicator_unit: "%", indicator_dp: "1", filter_hint: "", filter_grouping_column: "" },
];

export function statisticsMetaCsv(): string {
  return [STATISTICS_META_COLUMNS.join(","), ...META_ROWS.map((row) => STATISTICS_META_COLUMNS.map((c) => csvField(row[c])).join(","))].join("\r\n") + "\r\n";
}

const TOPIC_LABELS = new Map(TOPICS.map((t) => [t.code, { label: t.label, breakdowns: new Map(t.breakdowns.map((b) => [b.code, b.label])) }]));

/** Every census day's published areas; "today" is not a DfE time period, so it is left out. */
export function statisticsCsv(days: readonly { day: CensusDay; areas: readonly PublishedArea[] }[]): string {
  const lines = [STATISTICS_CSV_COLUMNS.join(",")];
  for (const { day, areas } of days) {
    if (day.kind !== "census") continue;
    for (const { area, cells } of areas) {
      const geography = [
        area.level,
        ENGLAND.code,
        ENGLAND.name,
        area.level === "National" ? "" : area.regionCode,
        area.level === "National" ? "" : area.regionName,
        area.level === "Local authority" ? area.oldLaCode : "",
        area.level === "Local authority" ? area.code : "",
        area.level === "Local authority" ? area.name : "",
      ]
        .map(csvField)
        .join(",");
      const prefix = `${day.timePeriod},${csvField(day.timeIdentifier)},${geography}`;
      for (const cell of cells) {
        const topic = TOPIC_LABELS.get(cell.topic)!;
        lines.push(`${prefix},${csvField(topic.label)},${csvField(topic.breakdowns.get(cell.breakdown)!)},${cell.count},${cell.percent}`);
      }
    }
  }
  return lines.join("\r\n") + "\r\n";
}
