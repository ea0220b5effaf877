/**
 * The decision layer of an experiment's results: which test is in use, CUPED-adjusted comparisons of
 * the primary metric and the guardrails for every variant, Holm's correction across metrics × variants,
 * the sample-size plan and progress to it, and whether a winner may be declared. Pure: takes the sums
 * store/measurement.ts loads and returns plain data.
 */
import { cupedAdjust, type CovariateData } from "./cuped";
import { holmAdjust } from "./multiple-testing";
import { visitorsPerVariant } from "./power";
import {
  degenerateReason,
  frequentistTest,
  type DegenerateReason,
  type FrequentistResult,
  type VariantData,
} from "./stats";

/** One arm's sums over its exposed visitors, as store/measurement.ts loadArmAnalysis returns them. */
export type ArmAnalysisTotals = {
  variant: number;
  visitors: number;
  conversions: number;
  revenue: number;
  revenueSquares: number;
  preOrders: number;
  preOrdersSquares: number;
  conversionsXPreOrders: number;
  preRevenue: number;
  preRevenueSquares: number;
  revenueXPreRevenue: number;
  refunded: number;
};

export type MetricKey = "conversion" | "revenue" | "refunds";
export type AnalysisConfig = {
  sequential: boolean;
  sequentialTuning: number;
  primaryMetric: "conversion" | "revenue";
  minDetectableEffect: number;
  aa: boolean;
  alpha?: number;
};

/** Below these, per arm, the normal approximation behind every test here is not to be relied on. */
export const MIN_VISITORS_PER_ARM = 100;
export const MIN_CONVERSIONS_PER_ARM = 10;
export const PLAN_POWER = 0.8;

export type MetricComparison = {
  metric: MetricKey;
  role: "primary" | "guardrail";
  variant: number;
  /** Relative for conversion and revenue (CUPED-adjusted), absolute (percentage points) for refunds. */
  relative: boolean;
  result: FrequentistResult;
  degenerate: DegenerateReason | null;
  /** Share of the metric's variance the pre-exposure covariate removed (0 for refunds). */
  varianceReduction: number;
  adjustedP: number;
  significant: boolean;
  /** Significant and in the good (better) or bad (worse) direction for this metric. */
  verdict: "better" | "worse" | "flat";
};

export type WithheldReason = "srm" | "too_little_data" | "below_plan" | "guardrail" | "no_significant_winner";
export type Recommendation =
  | { kind: "winner"; variant: number }
  | { kind: "withheld"; reasons: WithheldReason[] }
  | { kind: "aa_passed" }
  | { kind: "aa_failed"; reasons: ("srm" | "difference")[] };

export type Analysis = {
  test: { kind: "sequential" | "fixed"; tuning: number; alpha: number };
  primaryMetric: "conversion" | "revenue";
  correction: { method: "holm"; family: number };
  comparisons: MetricComparison[];
  plan: {
    mde: number;
    baselineRate: number | null;
    perVariant: number | null;
    smallestArm: number;
    progress: number | null;
  };
  recommendation: Recommendation;
};

const LOWER_IS_BETTER: Record<MetricKey, boolean> = { conversion: false, revenue: false, refunds: true };

function covariates(a: ArmAnalysisTotals, metric: "conversion" | "revenue"): CovariateData {
  return metric === "conversion"
    ? // y is 0/1, so Σy² = Σy.
      {
        n: a.visitors,
        sum: a.conversions,
        sumSquares: a.conversions,
        preSum: a.preOrders,
        preSumSquares: a.preOrdersSquares,
        sumProducts: a.conversionsXPreOrders,
      }
    : {
        n: a.visitors,
        sum: a.revenue,
        sumSquares: a.revenueSquares,
        preSum: a.preRevenue,
        preSumSquares: a.preRevenueSquares,
        sumProducts: a.revenueXPreRevenue,
      };
}

export function analyse(arms: readonly ArmAnalysisTotals[], config: AnalysisConfig, srmWarning: boolean): Analysis {
  const alpha = config.alpha ?? 0.05;
  const options = { alpha, sequentialTuning: config.sequential ? config.sequentialTuning : undefined };
  const control = arms[0];
  const raw: Omit<MetricComparison, "adjustedP" | "significant" | "verdict">[] = [];
  const metrics: MetricKey[] = [
    config.primaryMetric,
    config.primaryMetric === "conversion" ? "revenue" : "conversion",
    "refunds",
  ];
  if (control) {
    for (const t of arms.slice(1)) {
      for (const metric of metrics) {
        const role = metric === config.primaryMetric ? "primary" : "guardrail";
        if (metric === "refunds") {
          const c: VariantData = { n: control.visitors, conversions: control.refunded };
          const d: VariantData = { n: t.visitors, conversions: t.refunded };
          raw.push({
            metric,
            role,
            variant: t.variant,
            relative: false,
            result: frequentistTest(c, d, { ...options, relative: false }),
            degenerate: degenerateReason(c, d, { relative: false }),
            varianceReduction: 0,
          });
          continue;
        }
        const cuped = cupedAdjust(covariates(control, metric), covariates(t, metric));
        raw.push({
          metric,
          role,
          variant: t.variant,
          relative: true,
          result: frequentistTest(cuped.control, cuped.treatment, { ...options, relative: true }),
          degenerate: degenerateReason(cuped.control, cuped.treatment, { relative: true }),
          varianceReduction: cuped.varianceReduction,
        });
      }
    }
  }
  const adjusted = holmAdjust(raw.map((r) => (r.degenerate ? 1 : r.result.pValue)));
  const comparisons: MetricComparison[] = raw.map((r, i) => {
    const adjustedP = adjusted[i] as number;
    const significant = !r.degenerate && adjustedP < alpha;
    const up = r.result.expected > 0;
    const verdict = !significant ? "flat" : up !== LOWER_IS_BETTER[r.metric] ? "better" : "worse";
    return { ...r, adjustedP, significant, verdict };
  });

  // The plan is for the primary comparison at the level Holm's first step asks of it (alpha / family).
  const family = Math.max(1, comparisons.length);
  const baselineRate =
    control && control.visitors > 0 && control.conversions > 0 ? control.conversions / control.visitors : null;
  const perVariant =
    baselineRate === null
      ? null
      : visitorsPerVariant({
          baselineRate,
          mde: config.minDetectableEffect,
          alpha: alpha / family,
          power: PLAN_POWER,
          sequentialTuning: options.sequentialTuning,
        });
  const smallestArm = arms.length > 0 ? Math.min(...arms.map((a) => a.visitors)) : 0;
  const progress = perVariant ? Math.min(1, smallestArm / perVariant) : null;

  return {
    test: { kind: config.sequential ? "sequential" : "fixed", tuning: config.sequentialTuning, alpha },
    primaryMetric: config.primaryMetric,
    correction: { method: "holm", family },
    comparisons,
    plan: { mde: config.minDetectableEffect, baselineRate, perVariant, smallestArm, progress },
    recommendation: recommend(arms, comparisons, config, srmWarning, progress),
  };
}

function recommend(
  arms: readonly ArmAnalysisTotals[],
  comparisons: MetricComparison[],
  config: AnalysisConfig,
  srmWarning: boolean,
  progress: number | null,
): Recommendation {
  if (config.aa) {
    // An A/A test passes when nothing differs: any significant metric, or SRM, means the setup is broken.
    const reasons: ("srm" | "difference")[] = [];
    if (srmWarning) reasons.push("srm");
    if (comparisons.some((c) => c.significant)) reasons.push("difference");
    return reasons.length > 0 ? { kind: "aa_failed", reasons } : { kind: "aa_passed" };
  }
  const reasons: WithheldReason[] = [];
  if (srmWarning) reasons.push("srm");
  if (arms.length < 2 || arms.some((a) => a.visitors < MIN_VISITORS_PER_ARM || a.conversions < MIN_CONVERSIONS_PER_ARM))
    reasons.push("too_little_data");
  // A fixed-horizon test is only valid read once, at the planned size; a sequential one at any time.
  if (!config.sequential && (progress === null || progress < 1)) reasons.push("below_plan");
  const candidates = comparisons
    .filter((c) => c.role === "primary" && c.verdict === "better")
    .sort((a, b) => b.result.expected - a.result.expected);
  const best = candidates[0];
  if (!best) reasons.push("no_significant_winner");
  else if (comparisons.some((c) => c.variant === best.variant && c.role === "guardrail" && c.verdict === "worse"))
    reasons.push("guardrail");
  if (reasons.length > 0 || !best) return { kind: "withheld", reasons };
  return { kind: "winner", variant: best.variant };
}
