/**
 * A/A simulation: many experiments whose two arms are identical, run through the real assignment
 * and analysis code. Every "significant" result is a false positive, so the share of them must sit
 * near alpha; if it does not, the test statistics (or the bucketing) are miscalibrated.
 * Used by scripts/sim-aa.ts; pure and seeded so a run can be reproduced.
 */
import { createRng } from "@/lib/random";
import { assignVariant } from "./assign";
import { bayesianTest, degenerateReason, frequentistTest, srmPValue } from "./stats";

export type AASimulationInput = {
  experiments: number;
  /** Visitors per experiment, split 50/50 by hashing. */
  visitors: number;
  /** True conversion rate of both arms. */
  rate: number;
  seed: number;
  alpha?: number;
  /** SRM alarm threshold; 0.001 is the usual choice (GrowthBook's default). */
  srmThreshold?: number;
};

export type AASimulationResult = {
  experiments: number;
  alpha: number;
  falsePositives: { absolute: number; relative: number };
  falsePositiveRate: { absolute: number; relative: number };
  /** Share of experiments whose Bayesian chance to win is below 5% or above 95%; ~0.10 under A/A. */
  bayesianDecisiveRate: number;
  srmFlags: number;
  srmFlagRate: number;
  /** Experiments where a test was uninformative (e.g. no conversions at all), counted as negatives. */
  degenerate: { absolute: number; relative: number };
};

export function simulateAA(input: AASimulationInput): AASimulationResult {
  const { experiments, visitors, rate, seed, alpha = 0.05, srmThreshold = 0.001 } = input;
  const rng = createRng(seed);
  let fpAbs = 0;
  let fpRel = 0;
  let decisive = 0;
  let srmFlags = 0;
  let degAbs = 0;
  let degRel = 0;

  for (let e = 0; e < experiments; e++) {
    // A fresh key per experiment gives independent splits of the same visitor ids, as separate
    // experiments on one site would; the seed enters the key so runs with other seeds differ.
    const experimentKey = `aa-${seed}-${e}`;
    const n = [0, 0];
    const conversions = [0, 0];
    for (let v = 0; v < visitors; v++) {
      const assigned = assignVariant({ experimentKey, bucketVersion: 1, visitorId: `visitor-${v}`, weights: [0.5, 0.5] });
      if (!assigned) continue;
      const arm = assigned.variant;
      n[arm] = (n[arm] as number) + 1;
      if (rng.next() < rate) conversions[arm] = (conversions[arm] as number) + 1;
    }
    const control = { n: n[0] as number, conversions: conversions[0] as number };
    const treatment = { n: n[1] as number, conversions: conversions[1] as number };

    if (degenerateReason(control, treatment, { relative: false })) degAbs++;
    else if (frequentistTest(control, treatment, { relative: false, alpha }).pValue < alpha) fpAbs++;
    if (degenerateReason(control, treatment, { relative: true })) degRel++;
    else if (frequentistTest(control, treatment, { relative: true, alpha }).pValue < alpha) fpRel++;

    const { chanceToWin } = bayesianTest(control, treatment, { relative: false });
    if (chanceToWin < 0.05 || chanceToWin > 0.95) decisive++;
    if (srmPValue([control.n, treatment.n], [0.5, 0.5]) < srmThreshold) srmFlags++;
  }

  const share = (x: number) => (experiments > 0 ? x / experiments : 0);
  return {
    experiments,
    alpha,
    falsePositives: { absolute: fpAbs, relative: fpRel },
    falsePositiveRate: { absolute: share(fpAbs), relative: share(fpRel) },
    bayesianDecisiveRate: share(decisive),
    srmFlags,
    srmFlagRate: share(srmFlags),
    degenerate: { absolute: degAbs, relative: degRel },
  };
}
