"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

/** One colour per cluster, in cluster order, shared by every chart so a cluster keeps its colour. */
export const CLUSTER_COLOURS = [
  "#9b2c1f",
  "#3f5d4a",
  "#2f4b7c",
  "#b7791f",
  "#6b46c1",
  "#2c7a7b",
  "#975a16",
  "#702459",
  "#4a5568",
  "#c05621",
];

const axis = { fontSize: 12 };

export function ClusterSizeChart({ rows, label }: { rows: { name: string; size: number }[]; label: string }) {
  return (
    <figure aria-label={label} className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid stroke="#e4ddd2" strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" tick={axis} interval={0} />
          <YAxis tick={axis} allowDecimals={false} />
          <Tooltip />
          <Bar dataKey="size" name={label} isAnimationActive={false} fill="#1d1b18" />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** Share of interactions with courses and with artworks, stacked to 100%. */
export function ClusterDomainChart({
  rows,
  label,
  courseLabel,
  artworkLabel,
}: {
  rows: { name: string; course: number; artwork: number }[];
  label: string;
  courseLabel: string;
  artworkLabel: string;
}) {
  const pct = (v: number) => `${Math.round(v * 100)}%`;
  return (
    <figure aria-label={label} className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid stroke="#e4ddd2" strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" tick={axis} interval={0} />
          <YAxis tick={axis} domain={[0, 1]} tickFormatter={pct} />
          <Tooltip formatter={(v) => (typeof v === "number" ? pct(v) : String(v))} />
          <Legend wrapperStyle={axis} />
          <Bar dataKey="course" name={courseLabel} stackId="mix" fill="#2f4b7c" isAnimationActive={false} />
          <Bar dataKey="artwork" name={artworkLabel} stackId="mix" fill="#9b2c1f" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** Average spend per member; values are already formatted for the tooltip by the page. */
export function ClusterSpendChart({
  rows,
  label,
}: {
  rows: { name: string; spend: number; formatted: string }[];
  label: string;
}) {
  return (
    <figure aria-label={label} className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid stroke="#e4ddd2" strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" tick={axis} interval={0} />
          <YAxis tick={axis} />
          <Tooltip formatter={(_v, _n, item) => [(item.payload as { formatted: string }).formatted, label]} />
          <Bar dataKey="spend" name={label} fill="#3f5d4a" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** Weekly active members per cluster over the trend window, one line per cluster. */
export function ClusterTrendChart({
  weeks,
  series,
  label,
}: {
  weeks: string[];
  series: { name: string; values: number[] }[];
  label: string;
}) {
  const data = weeks.map((week, w) =>
    Object.fromEntries([["week", week], ...series.map((s) => [s.name, s.values[w] ?? 0])]),
  );
  return (
    <figure aria-label={label} className="h-72 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid stroke="#e4ddd2" strokeDasharray="3 3" />
          <XAxis dataKey="week" tick={axis} />
          <YAxis tick={axis} allowDecimals={false} />
          <Tooltip />
          <Legend wrapperStyle={axis} />
          {series.map((s, i) => (
            <Line
              key={s.name}
              type="monotone"
              dataKey={s.name}
              stroke={CLUSTER_COLOURS[i % CLUSTER_COLOURS.length]}
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
