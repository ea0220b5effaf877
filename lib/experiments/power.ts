/**
 * Sample-size planning for a conversion-rate experiment: how many visitors each variant needs so the
 * chosen test (fixed-horizon or sequential) detects a given relative uplift with the given power.
 * Pure; the campaign form calls it in the browser and the results page on the server.
 *
 * The test rejects when the estimate's distance from 0 exceeds the interval's half-width hw(n). With a
 * true effect delta and standard error se(n), power = P(estimate > hw) ~ Phi((delta - hw(n)) / se(n)),
 * so n is the smallest size with delta - hw(n) >= z_{power} se(n). For the fixed test hw = z_{1-a/2} se,
 * which gives the textbook n = (z_{1-a/2} + z_{power})^2 (p0 q0 + p1 q1) / delta^2; for the sequential
 * test hw is the confidence sequence's half-width at n (stats.ts), wider, so n is larger: the price of
 * being allowed to look every day.
 */
import { normalQuantile } from "./distributions";
import { sequentialRho } from "./stats";

export type PlanOptions = {
  /** The control's conversion rate, e.g. 0.03. */
  baselineRate: number;
  /** Minimum detectable effect, relative: 0.1 = +10 %. */
  mde: number;
  /** Two-sided level per comparison (after any multiple-testing split). */
  alpha?: number;
  power?: number;
  /** Sequential test tuned at this total sample size; undefined = fixed horizon. */
  sequentialTuning?: number;
};

const MAX_PER_VARIANT = 1e9;

function halfWidth(se: number, nTotal: number, alpha: number, tuning: number | undefined): number {
  if (tuning === undefined) return normalQuantile(1 - alpha / 2) * se;
  const rho = sequentialRho(alpha, tuning);
  const nr2 = nTotal * rho * rho + 1;
  // Same formula as stats.ts sequentialResult, with the per-unit variance s2 = se^2 * nTotal.
  return se * Math.sqrt(nTotal) * Math.sqrt((2 * nr2 * Math.log(Math.sqrt(nr2) / alpha)) / (nTotal * rho) ** 2);
}

/**
 * Visitors needed in each of two arms (control and one treatment), or null when the inputs cannot be
 * planned for (a baseline of 0 or 1, an uplift that takes the rate past 100 %, or more than a billion).
 */
export function visitorsPerVariant({
  baselineRate: p0,
  mde,
  alpha = 0.05,
  power = 0.8,
  sequentialTuning,
}: PlanOptions): number | null {
  if (!(p0 > 0 && p0 < 1) || !(mde > 0) || !(alpha > 0 && alpha < 1) || !(power > 0 && power < 1)) return null;
  const p1 = p0 * (1 + mde);
  if (!(p1 < 1)) return null;
  const delta = p1 - p0;
  const unitVariance = p0 * (1 - p0) + p1 * (1 - p1);
  const zPower = normalQuantile(power);
  const enough = (n: number) => {
    const se = Math.sqrt(unitVariance / n);
    return delta - halfWidth(se, 2 * n, alpha, sequentialTuning) >= zPower * se;
  };
  // The fixed-horizon answer is a lower bound for the sequential one; search upward from it.
  let lo = Math.max(2, Math.floor(((normalQuantile(1 - alpha / 2) + zPower) ** 2 * unitVariance) / delta ** 2) - 1);
  if (enough(lo)) return lo;
  let hi = lo * 2;
  while (!enough(hi)) {
    lo = hi;
    hi *= 2;
    if (hi > MAX_PER_VARIANT) return null;
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (enough(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Days until every variant has `perVariant` visitors, at `dailyVisitors` landing visitors split by `weights`. */
export function estimatedDays(
  perVariant: number,
  dailyVisitors: number,
  weights: readonly number[],
  coverage = 1,
): number | null {
  const total = weights.reduce((s, w) => s + (w > 0 ? w : 0), 0);
  const smallest = Math.min(...weights.map((w) => (w > 0 ? w / total : Infinity)));
  if (!(dailyVisitors > 0) || !(total > 0) || !Number.isFinite(smallest) || !(coverage > 0)) return null;
  return Math.ceil(perVariant / (dailyVisitors * coverage * smallest));
}
