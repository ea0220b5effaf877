"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

export type UpliftRow = { name: string; expected: number; interval: [number, number]; kind: string };

/**
 * Relative uplift against the control with its interval, one bar per (variant, method): the bar spans
 * the 95% interval, the label is the point estimate. The line at 0 is "no difference".
 */
export function ExperimentUpliftChart({ rows, label }: { rows: UpliftRow[]; label: string }) {
  const pct = (v: number) => `${v > 0 ? "+" : ""}${(v * 100).toFixed(1)}%`;
  const data = rows.map((r) => ({ ...r, label: `${r.name} · ${r.kind}` }));
  const lo = Math.min(0, ...rows.map((r) => r.interval[0]));
  const hi = Math.max(0, ...rows.map((r) => r.interval[1]));
  const pad = (hi - lo) * 0.1 || 0.1;
  return (
    <figure aria-label={label} className="w-full" style={{ height: Math.max(120, 56 * rows.length + 40) }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 48, bottom: 8, left: 8 }}>
          <CartesianGrid stroke="#e4ddd2" strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={[lo - pad, hi + pad]} tickFormatter={pct} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="label" width={180} tick={{ fontSize: 12 }} />
          <Tooltip
            formatter={(_v, _n, item) => {
              const row = item.payload as UpliftRow;
              return [`${pct(row.expected)} [${pct(row.interval[0])}, ${pct(row.interval[1])}]`, row.kind];
            }}
          />
          <ReferenceLine x={0} stroke="#1d1b18" />
          <Bar dataKey="interval" fill="#9b2c1f" fillOpacity={0.35} stroke="#9b2c1f" isAnimationActive={false}>
            <LabelList
              dataKey="expected"
              position="right"
              formatter={(v) => (typeof v === "number" ? pct(v) : "")}
              style={{ fontSize: 12 }}
            />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
