import { useId } from "react";
import type { BarChartModel, LineChartModel } from "#app/open-data/statistics-charts.server";

// Charts drawn from geometry the server worked out (app/open-data/statistics-charts.server.ts).
// Each is an image with a title and description for assistive technology; the table beside it is
// the alternative with every figure, so the chart adds nothing a screen reader needs.

export function BarChart({ model }: { model: BarChartModel }) {
  const id = useId();
  return (
    <svg className="app-chart" viewBox={`0 0 ${model.width} ${model.height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
      <title id={`${id}-title`}>{model.title}</title>
      <desc id={`${id}-desc`}>{model.description}</desc>
      {model.ticks.map((t) => (
        <g key={t.label}>
          <line x1={t.x} x2={t.x} y1={0} y2={model.axisY - 4} className="app-chart__grid" />
          <text x={t.x} y={model.axisY + 14} textAnchor="middle" className="app-chart__tick">
            {t.label}
          </text>
        </g>
      ))}
      {model.bars.map((bar, i) => (
        <g key={i}>
          <text y={bar.y} className="app-chart__label">
            {bar.label.map((text, l) => (
              <tspan key={l} x={0} dy={l === 0 ? 0 : 18}>
                {text}
              </tspan>
            ))}
          </text>
          <rect x={0} y={bar.barY} width={bar.width} height={bar.barHeight} className="app-chart__bar" />
          <text x={bar.valueX} y={bar.barY + 16} className="app-chart__value">
            {bar.value}
          </text>
        </g>
      ))}
    </svg>
  );
}

export function LineChart({ model }: { model: LineChartModel }) {
  const id = useId();
  return (
    <svg className="app-chart" viewBox={`0 0 ${model.width} ${model.height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
      <title id={`${id}-title`}>{model.title}</title>
      <desc id={`${id}-desc`}>{model.description}</desc>
      {model.yTicks.map((t) => (
        <g key={t.label}>
          <line x1={model.plot.left} x2={model.plot.right} y1={t.y} y2={t.y} className="app-chart__grid" />
          <text x={model.plot.left - 8} y={t.y + 4} textAnchor="end" className="app-chart__tick">
            {t.label}
          </text>
        </g>
      ))}
      {model.xTicks.map((t, i) => (
        <text key={i} x={t.x} y={model.plot.bottom + 20} textAnchor="middle" className="app-chart__tick">
          {t.label.map((text, l) => (
            <tspan key={l} x={t.x} dy={l === 0 ? 0 : 15}>
              {text}
            </tspan>
          ))}
        </text>
      ))}
      <path d={model.path} className="app-chart__line" />
      {model.points.map((p, i) => (
        <g key={i}>
          <circle cx={p.x} cy={p.y} r={4} className="app-chart__point" />
          <text x={p.x} y={p.y - 10} textAnchor="middle" className="app-chart__value">
            {p.value}
          </text>
        </g>
      ))}
    </svg>
  );
}
