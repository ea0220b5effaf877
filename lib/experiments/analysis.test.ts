import { describe, expect, it } from "vitest";
import { analyse, type AnalysisConfig, type ArmAnalysisTotals } from "./analysis";
import { createRng } from "@/lib/random";

const CONFIG: AnalysisConfig = {
  sequential: true,
  sequentialTuning: 5000,
  primaryMetric: "conversion",
  minDetectableEffect: 0.2,
  aa: false,
};

/** One arm's sums from simulated visitors: conversion probability p, pre-orders correlated with converting. */
function arm(
  variant: number,
  visitors: number,
  p: number,
  opts: { refundRate?: number; seed?: number } = {},
): ArmAnalysisTotals {
  const rng = createRng(opts.seed ?? 7 + variant);
  const a: ArmAnalysisTotals = {
    variant,
    visitors,
    conversions: 0,
    revenue: 0,
    revenueSquares: 0,
    preOrders: 0,
    preOrdersSquares: 0,
    conversionsXPreOrders: 0,
    preRevenue: 0,
    preRevenueSquares: 0,
    revenueXPreRevenue: 0,
    refunded: 0,
  };
  for (let i = 0; i < visitors; i++) {
    const returning = rng.next() < 0.2;
    const pre = returning ? 1 + rng.int(3) : 0;
    const conv = rng.next() < (returning ? p * 3 : p * 0.5) ? 1 : 0;
    const rev = conv * 44_900;
    a.conversions += conv;
    a.revenue += rev;
    a.revenueSquares += rev * rev;
    a.preOrders += pre;
    a.preOrdersSquares += pre * pre;
    a.conversionsXPreOrders += conv * pre;
    a.preRevenue += pre * 7900;
    a.preRevenueSquares += (pre * 7900) ** 2;
    a.revenueXPreRevenue += rev * pre * 7900;
    if (rng.next() < (opts.refundRate ?? 0.002)) a.refunded++;
  }
  return a;
}

describe("analyse", () => {
  it("declares a clear winner with a sequential test, and says which test it used", () => {
    const a = analyse([arm(0, 5000, 0.04), arm(1, 5000, 0.07)], CONFIG, false);
    expect(a.test).toEqual({ kind: "sequential", tuning: 5000, alpha: 0.05 });
    expect(a.recommendation).toEqual({ kind: "winner", variant: 1 });
    expect(a.correction).toEqual({ method: "holm", family: 3 });
    const primary = a.comparisons.find((c) => c.role === "primary")!;
    expect(primary.metric).toBe("conversion");
    expect(primary.adjustedP).toBeGreaterThanOrEqual(primary.result.pValue);
    // Pre-exposure orders predict converting here, so CUPED removes a share of the variance.
    expect(primary.varianceReduction).toBeGreaterThan(0.02);
  });

  it("withholds the call under a sample-ratio mismatch, even with the same clear effect", () => {
    const a = analyse([arm(0, 5000, 0.04), arm(1, 5000, 0.07)], CONFIG, true);
    expect(a.recommendation).toEqual({ kind: "withheld", reasons: ["srm"] });
  });

  it("withholds it when a guardrail is significantly worse", () => {
    const a = analyse(
      [arm(0, 5000, 0.04, { refundRate: 0.002 }), arm(1, 5000, 0.07, { refundRate: 0.03 })],
      CONFIG,
      false,
    );
    expect(a.comparisons.find((c) => c.metric === "refunds")!.verdict).toBe("worse");
    expect(a.recommendation).toEqual({ kind: "withheld", reasons: ["guardrail"] });
  });

  it("withholds it on too little data, and a fixed-horizon test before its planned size", () => {
    const thin = analyse([arm(0, 60, 0.04), arm(1, 60, 0.07)], CONFIG, false);
    expect(thin.recommendation.kind === "withheld" && thin.recommendation.reasons).toContain("too_little_data");
    const fixed = analyse(
      [arm(0, 5000, 0.04), arm(1, 5000, 0.07)],
      { ...CONFIG, sequential: false, minDetectableEffect: 0.05 },
      false,
    );
    expect(fixed.test.kind).toBe("fixed");
    expect(fixed.plan.progress).toBeLessThan(1);
    expect(fixed.recommendation).toEqual({ kind: "withheld", reasons: ["below_plan"] });
  });

  it("plans from the control's rate at Holm's first-step alpha and reports progress", () => {
    const a = analyse([arm(0, 2000, 0.05), arm(1, 2000, 0.05)], CONFIG, false);
    expect(a.plan.baselineRate).toBeCloseTo(a.plan.baselineRate!, 12);
    expect(a.plan.perVariant).toBeGreaterThan(2000);
    expect(a.plan.progress).toBeCloseTo(2000 / a.plan.perVariant!, 12);
    expect(analyse([arm(0, 0, 0), arm(1, 0, 0)], CONFIG, false).plan).toMatchObject({
      perVariant: null,
      progress: null,
    });
  });

  it("uses revenue as the primary metric when chosen, conversion becoming a guardrail", () => {
    const a = analyse([arm(0, 5000, 0.04), arm(1, 5000, 0.07)], { ...CONFIG, primaryMetric: "revenue" }, false);
    expect(a.comparisons.map((c) => [c.metric, c.role])).toEqual([
      ["revenue", "primary"],
      ["conversion", "guardrail"],
      ["refunds", "guardrail"],
    ]);
  });

  it("A/A mode never declares a winner: it passes when nothing differs and fails on SRM or a difference", () => {
    const same = [arm(0, 3000, 0.05, { seed: 1 }), arm(1, 3000, 0.05, { seed: 2 })];
    expect(analyse(same, { ...CONFIG, aa: true }, false).recommendation).toEqual({ kind: "aa_passed" });
    expect(analyse(same, { ...CONFIG, aa: true }, true).recommendation).toEqual({
      kind: "aa_failed",
      reasons: ["srm"],
    });
    const broken = [arm(0, 5000, 0.04), arm(1, 5000, 0.07)];
    expect(analyse(broken, { ...CONFIG, aa: true }, false).recommendation).toEqual({
      kind: "aa_failed",
      reasons: ["difference"],
    });
  });
});
