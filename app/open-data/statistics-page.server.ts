import type { CensusDay } from "#app/domain/census-dates";
import { formatDate } from "#app/domain/dates";
import { TOPICS } from "#app/domain/statistics-breakdowns";
import type { PublishedArea } from "#app/domain/statistics-release";
import { barChart, lineChart, type BarChartModel, type LineChartModel } from "./statistics-charts.server";

// What the public statistics page shows, from a snapshot's published (rounded, suppressed)
// figures for England and the regions: nothing here ever sees an unrounded count.

export interface FigureRow {
  label: string;
  count: string;
  percent: string;
}

export interface StatisticsPageView {
  computedAt: string;
  censusDay: { label: string; date: string } | null;
  today: { date: string; total: string };
  headline: { label: string; count: string }[];
  regions: { chart: BarChartModel; rows: FigureRow[] };
  series: { chart: LineChartModel; rows: { label: string; date: string; count: string }[] };
  breakdowns: { code: string; title: string; description: string; notes: string[]; chart: BarChartModel; rows: FigureRow[] }[];
}

interface Day {
  day: CensusDay;
  areas: PublishedArea[];
}

const cellOf = (area: PublishedArea | undefined, topic: string, breakdown: string) => area?.cells.find((c) => c.topic === topic && c.breakdown === breakdown);
/** A published value as people read it: thousands separated, symbols in words. */
export function readable(value: string): string {
  if (/^\d+$/.test(value)) return Number(value).toLocaleString("en-GB");
  return { c: "c (suppressed)", low: "low (fewer than 5, or 50 for England)", x: "x (not available)", z: "z (not applicable)" }[value] ?? value;
}
const shortLabel = (day: CensusDay) => (day.kind === "today" ? `Today ${formatDate(day.date)}` : day.label.replace(" term", ""));

export function statisticsPageView(days: readonly Day[], computedAt: Date): StatisticsPageView {
  const latestCensus = [...days].reverse().find((d) => d.day.kind === "census") ?? null;
  const today = days.find((d) => d.day.kind === "today")!;
  const latest = latestCensus ?? today;
  const england = latest.areas.find((a) => a.area.level === "National");
  const headline = [
    { label: "Children on councils' registers", count: readable(cellOf(england, "total", "total")?.count ?? "x") },
    { label: "In elective home education", count: readable(cellOf(england, "education_status", "elective_home_education")?.count ?? "x") },
    { label: "Missing education (not on a school roll, no known education)", count: readable(cellOf(england, "education_status", "not_on_roll")?.count ?? "x") },
    { label: "In non-school alternative provision", count: readable(cellOf(england, "ap_provision_type", "total")?.count ?? "x") },
  ];
  const where = latestCensus ? `on ${latestCensus.day.label.toLowerCase().replace(/^./, (c) => c.toUpperCase())} census day, ${formatDate(latestCensus.day.date)}` : `on ${formatDate(today.day.date)}`;

  const regionRows = latest.areas
    .filter((a) => a.area.level === "Regional")
    .map((a) => ({ label: a.area.name, count: cellOf(a, "total", "total")?.count ?? "x", percent: "" }));
  const regions = {
    chart: barChart(`Children on registers by region ${where}`, `Bar chart of the number of children on councils' registers in each of England's 9 regions ${where}, rounded to the nearest 10. The table below gives the figures.`, regionRows.map((r) => ({ label: r.label, value: r.count }))),
    rows: regionRows.map((r) => ({ ...r, count: readable(r.count) })),
  };

  const seriesRows = days.map((d) => ({ label: shortLabel(d.day), date: d.day.date, count: cellOf(d.areas.find((a) => a.area.level === "National"), "total", "total")?.count ?? "x" }));
  const series = {
    chart: lineChart("Children on registers in England on each census day", "Line chart of the number of children on councils' registers in England on each termly census day and today, rounded to the nearest 100. The table below gives the figures.", seriesRows.map((r) => ({ label: r.label, value: r.count }))),
    rows: seriesRows.map((r) => ({ ...r, count: readable(r.count) })),
  };

  const breakdowns = TOPICS.filter((t) => t.code !== "total").map((topic) => {
    const rows = topic.breakdowns.map((b) => {
      const cell = cellOf(england, topic.code, b.code);
      return { label: b.label, count: cell?.count ?? "x", percent: cell?.percent ?? "x" };
    });
    return {
      code: topic.code,
      title: topic.label,
      description: topic.description,
      notes: Object.values(topic.notAvailable ?? {}),
      chart: barChart(`${topic.label}: England ${where}`, `Bar chart of the number of children in England by ${topic.label.toLowerCase()} ${where}, rounded to the nearest 100. The table below gives the figures.`, rows.map((r) => ({ label: r.label, value: r.count }))),
      rows: rows.map((r) => ({ label: r.label, count: readable(r.count), percent: r.percent === "z" || r.percent === "x" || r.percent === "c" ? readable(r.percent) : `${r.percent}%` })),
    };
  });

  return {
    computedAt: computedAt.toISOString(),
    censusDay: latestCensus ? { label: latestCensus.day.label, date: formatDate(latestCensus.day.date) } : null,
    today: { date: formatDate(today.day.date), total: readable(cellOf(today.areas.find((a) => a.area.level === "National"), "total", "total")?.count ?? "x") },
    headline,
    regions,
    series,
    breakdowns,
  };
}
