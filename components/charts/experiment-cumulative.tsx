"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const COLORS = ["#6b645a", "#9b2c1f", "#3f5d4a", "#1f4e9b", "#b8860b"];

export type CumulativePoint = { day: string } & Record<string, number | string | null>;

/** Cumulative conversion rate by day, one line per variant (control in grey). */
export function ExperimentCumulativeChart({
  data,
  variants,
  label,
}: {
  data: CumulativePoint[];
  variants: { key: string; name: string }[];
  label: string;
}) {
  const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
  return (
    <figure aria-label={label} className="h-72 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid stroke="#e4ddd2" strokeDasharray="3 3" />
          <XAxis dataKey="day" tick={{ fontSize: 12 }} />
          <YAxis
            tickFormatter={pct}
            tick={{ fontSize: 12 }}
            width={56}
            domain={[0, (max: number) => Math.max(max * 1.15, 0.01)]}
          />
          <Tooltip formatter={(v) => (typeof v === "number" ? pct(v) : String(v))} />
          <Legend />
          {variants.map((v, i) => (
            <Line
              key={v.key}
              type="monotone"
              dataKey={v.key}
              name={v.name}
              stroke={COLORS[i % COLORS.length]}
              strokeWidth={2}
              dot={false}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
