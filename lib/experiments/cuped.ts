/**
 * CUPED (Deng et al. 2013): variance reduction with a pre-exposure covariate. Each visitor's outcome y
 * is replaced by y - theta (x - mean x), where x is the same visitor's behaviour before the experiment
 * (for example revenue in the 14 days before first exposure). Randomisation makes x independent of
 * the arm, so the adjustment leaves the expected effect unchanged and removes the share of y's
 * variance that x explains: about rho^2 for a correlation rho.
 *
 * Works on sufficient statistics only, like ./stats.ts: the result is one MeanData per arm that any
 * test there (fixed-horizon or sequential, absolute or relative) takes as it is. Pure.
 */
import type { MeanData } from "./stats";

/** One arm's outcome and covariate through their sums: n, Σy, Σy², Σx, Σx², Σxy. */
export type CovariateData = {
  n: number;
  sum: number;
  sumSquares: number;
  preSum: number;
  preSumSquares: number;
  sumProducts: number;
};

export type CupedResult = {
  control: MeanData;
  treatment: MeanData;
  /** The regression coefficient of y on x, pooled over both arms (0 when x does not vary). */
  theta: number;
  /** 1 - adjusted variance / plain variance of the outcome, pooled: the share of variance removed. */
  varianceReduction: number;
};

function pooled(a: CovariateData, b: CovariateData) {
  const n = a.n + b.n;
  const sy = a.sum + b.sum;
  const sx = a.preSum + b.preSum;
  const varX = n > 1 ? (a.preSumSquares + b.preSumSquares - (sx * sx) / n) / (n - 1) : 0;
  const varY = n > 1 ? (a.sumSquares + b.sumSquares - (sy * sy) / n) / (n - 1) : 0;
  const cov = n > 1 ? (a.sumProducts + b.sumProducts - (sx * sy) / n) / (n - 1) : 0;
  return { n, meanX: n > 0 ? sx / n : 0, varX, varY, cov };
}

function adjust(d: CovariateData, theta: number, meanX: number): MeanData {
  // Σ(y - θ(x - x̄)) and Σ(y - θ(x - x̄))², expanded so only the arm's sums are needed.
  const centredX = d.preSum - d.n * meanX;
  const centredXSquares = d.preSumSquares - 2 * meanX * d.preSum + d.n * meanX * meanX;
  const centredProducts = d.sumProducts - meanX * d.sum;
  return {
    n: d.n,
    sum: d.sum - theta * centredX,
    sumSquares: Math.max(0, d.sumSquares - 2 * theta * centredProducts + theta * theta * centredXSquares),
  };
}

export function cupedAdjust(control: CovariateData, treatment: CovariateData): CupedResult {
  const p = pooled(control, treatment);
  const theta = p.varX > 0 && Number.isFinite(p.cov / p.varX) ? p.cov / p.varX : 0;
  const adjustedVariance = p.varY - 2 * theta * p.cov + theta * theta * p.varX;
  return {
    control: adjust(control, theta, p.meanX),
    treatment: adjust(treatment, theta, p.meanX),
    theta,
    varianceReduction: p.varY > 0 ? Math.min(1, Math.max(0, 1 - adjustedVariance / p.varY)) : 0,
  };
}

/** Adds one visitor's outcome y and covariate x to an arm's sums (mutates, for simulation loops). */
export function addObservation(d: CovariateData, y: number, x: number): void {
  d.n += 1;
  d.sum += y;
  d.sumSquares += y * y;
  d.preSum += x;
  d.preSumSquares += x * x;
  d.sumProducts += x * y;
}

export function emptyCovariateData(): CovariateData {
  return { n: 0, sum: 0, sumSquares: 0, preSum: 0, preSumSquares: 0, sumProducts: 0 };
}
