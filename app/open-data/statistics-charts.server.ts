import { scaleLinear, scalePoint } from "d3-scale";
import { line } from "d3-shape";

// Chart geometry for the statistics pages, worked out on the server with d3's scales and shapes,
// so the pages draw finished SVG and send no charting code to the browser. Only published values
// go in: a symbol (c, low, x, z) draws no bar or point and is written beside it instead.

export interface BarChartModel {
  title: string;
  description: string;
  width: number;
  height: number;
  bars: { label: string[]; value: string; y: number; barY: number; width: number; barHeight: number; valueX: number }[];
  ticks: { x: number; label: string }[];
  axisY: number;
}

export interface LineChartModel {
  title: string;
  description: string;
  width: number;
  height: number;
  path: string;
  points: { x: number; y: number; label: string; value: string }[];
  yTicks: { y: number; label: string }[];
  xTicks: { x: number; label: string[] }[];
  plot: { left: number; right: number; top: number; bottom: number };
}

const numberOf = (published: string): number | null => (/^\d+$/.test(published) ? Number(published) : null);
const formatNumber = (n: number) => n.toLocaleString("en-GB");

/** Splits a label into lines of at most `width` characters, at spaces. */
export function wrapLabel(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(" ")) {
    if (current && `${current} ${word}`.length > width) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines;
}

const LINE_HEIGHT = 18;

/** Horizontal bars, one a row, the label above its bar. */
export function barChart(title: string, description: string, items: readonly { label: string; value: string }[]): BarChartModel {
  const width = 640;
  const barArea = { left: 0, right: width - 90 };
  const rows = items.map((item) => ({ ...item, lines: wrapLabel(item.label, 70) }));
  const rowHeights = rows.map((r) => r.lines.length * LINE_HEIGHT + 30);
  const height = rowHeights.reduce((a, b) => a + b, 0) + 30;
  const max = Math.max(1, ...items.map((i) => numberOf(i.value) ?? 0));
  const x = scaleLinear().domain([0, max]).nice(4).range([barArea.left, barArea.right]);
  let y = 0;
  const bars = rows.map((row, i) => {
    const n = numberOf(row.value);
    const top = y;
    y += rowHeights[i]!;
    const barWidth = n === null ? 0 : x(n) - x(0);
    return {
      label: row.lines,
      value: n === null ? row.value : formatNumber(n),
      y: top + 14,
      barY: top + row.lines.length * LINE_HEIGHT,
      width: barWidth,
      barHeight: 22,
      valueX: x(0) + barWidth + 6,
    };
  });
  return { title, description, width, height, bars, ticks: x.ticks(4).map((t) => ({ x: x(t), label: formatNumber(t) })), axisY: y + 4 };
}

/** A line over census days: a point for each published number, gaps where a symbol stands. */
export function lineChart(title: string, description: string, items: readonly { label: string; value: string }[]): LineChartModel {
  const width = 640;
  const height = 300;
  const plot = { left: 70, right: width - 20, top: 20, bottom: height - 60 };
  const x = scalePoint<string>().domain(items.map((_, i) => String(i))).range([plot.left, plot.right]).padding(0.5);
  const max = Math.max(1, ...items.map((i) => numberOf(i.value) ?? 0));
  const y = scaleLinear().domain([0, max]).nice(5).range([plot.bottom, plot.top]);
  const points = items.map((item, i) => ({ x: x(String(i))!, y: numberOf(item.value) === null ? plot.bottom : y(numberOf(item.value)!), label: item.label, value: numberOf(item.value) === null ? item.value : formatNumber(numberOf(item.value)!) }));
  const path =
    line<{ x: number; y: number; n: number | null }>()
      .defined((p) => p.n !== null)
      .x((p) => p.x)
      .y((p) => p.y)(points.map((p, i) => ({ ...p, n: numberOf(items[i]!.value) }))) ?? "";
  return {
    title,
    description,
    width,
    height,
    path,
    points,
    yTicks: y.ticks(5).map((t) => ({ y: y(t), label: formatNumber(t) })),
    xTicks: points.map((p) => ({ x: p.x, label: wrapLabel(p.label, 10) })),
    plot,
  };
}
