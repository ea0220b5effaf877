/**
 * What a campaign's experiment results are, for one phase (bucket version), and the arithmetic that
 * needs no database: per variant the comparisons with the control, and the daily running totals the
 * charts draw. store/results.ts loads the rows and assembles an ExperimentResults; the studio's pages,
 * the CSV export (results-csv.ts) and the components read its type from here.
 */
import type { Analysis } from "./analysis";
import {
  bayesianTest,
  degenerateReason,
  frequentistTest,
  type BayesianResult,
  type DegenerateReason,
  type FrequentistResult,
} from "./stats";

export const SRM_THRESHOLD = 0.001;

export type Comparison = {
  conversionAbsolute: FrequentistResult;
  conversionRelative: FrequentistResult;
  conversionBayes: BayesianResult;
  conversionDegenerate: DegenerateReason | null;
  revenueRelative: FrequentistResult;
  revenueBayes: BayesianResult;
  revenueDegenerate: DegenerateReason | null;
};

export type ArmResult = {
  position: number;
  key: string;
  name: string;
  weight: number;
  visitors: number;
  conversions: number;
  orders: number;
  revenue: number;
  conversionRate: number;
  revenuePerVisitor: number;
  /** Null for the control. */
  vsControl: Comparison | null;
  /** The conversion rate's Beta posterior, as the bandit samples from it. */
  posterior: { mean: number; ci: [number, number] };
};

export type DailyRow = {
  day: string;
  arms: {
    visitors: number;
    conversions: number;
    cumVisitors: number;
    cumConversions: number;
    cumRate: number | null;
  }[];
};

export type ExperimentResults = {
  campaign: { id: string; name: string; slug: string; status: string; currency: string };
  experiment: {
    id: string;
    key: string;
    mode: "fixed" | "bandit";
    bucketVersion: number;
    currentVersion: number;
    versions: number[];
    coverage: number;
    sequential: boolean;
    sequentialTuning: number;
    aa: boolean;
  };
  windowDays: number;
  /** Revenue per visitor is winsorized at this percentile of converters' revenue: `cap` minor units. */
  revenueCap: { percentile: number; cap: number };
  preExposureDays: number;
  analysis: Analysis;
  arms: ArmResult[];
  srm: { pValue: number; observed: number[]; expected: number[]; warning: boolean };
  daily: DailyRow[];
};

/** The table's per-variant readings, with the experiment's test (sequential unless turned off). */
export function compareWithControl(
  c: { visitors: number; conversions: number; revenue: number; revenueSquares: number },
  t: typeof c,
  sequentialTuning: number | undefined,
): Comparison {
  const pc = { n: c.visitors, conversions: c.conversions };
  const pt = { n: t.visitors, conversions: t.conversions };
  const mc = { n: c.visitors, sum: c.revenue, sumSquares: c.revenueSquares };
  const mt = { n: t.visitors, sum: t.revenue, sumSquares: t.revenueSquares };
  return {
    conversionAbsolute: frequentistTest(pc, pt, { relative: false, sequentialTuning }),
    conversionRelative: frequentistTest(pc, pt, { relative: true, sequentialTuning }),
    conversionBayes: bayesianTest(pc, pt, { relative: true }),
    conversionDegenerate: degenerateReason(pc, pt, { relative: true }),
    revenueRelative: frequentistTest(mc, mt, { relative: true, sequentialTuning }),
    revenueBayes: bayesianTest(mc, mt, { relative: true }),
    revenueDegenerate: degenerateReason(mc, mt, { relative: true }),
  };
}

/** Running totals per arm for every day from the first exposure to the last event (gaps filled). */
export function cumulate(
  points: { day: string; variant: number; visitors: number; conversions: number }[],
  arms: number,
): DailyRow[] {
  if (points.length === 0) return [];
  const days = points.map((p) => p.day).sort();
  const first = new Date(`${days[0]}T00:00:00Z`);
  const last = new Date(`${days[days.length - 1]}T00:00:00Z`);
  const cum = Array.from({ length: arms }, () => ({ v: 0, c: 0 }));
  const out: DailyRow[] = [];
  for (let d = first; d <= last; d = new Date(d.getTime() + 86_400_000)) {
    const day = d.toISOString().slice(0, 10);
    const row: DailyRow = { day, arms: [] };
    for (let i = 0; i < arms; i++) {
      const p = points.filter((x) => x.day === day && x.variant === i);
      const visitors = p.reduce((s, x) => s + x.visitors, 0);
      const conversions = p.reduce((s, x) => s + x.conversions, 0);
      const acc = cum[i] as { v: number; c: number };
      acc.v += visitors;
      acc.c += conversions;
      row.arms.push({
        visitors,
        conversions,
        cumVisitors: acc.v,
        cumConversions: acc.c,
        cumRate: acc.v > 0 ? acc.c / acc.v : null,
      });
    }
    out.push(row);
  }
  return out;
}
