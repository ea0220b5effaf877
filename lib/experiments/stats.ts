/**
 * Experiment statistics, following GrowthBook's gbstats so results read the same in both tools:
 * https://github.com/growthbook/growthbook/tree/main/packages/stats/gbstats
 * (frequentist/tests.py TwoSidedTTest, models/statistics.py, utils.py check_srm).
 *
 * Degenerate input never throws and never yields NaN. When a test cannot be computed (fewer than 2
 * units in an arm, zero variance, a zero control mean for a relative test, or invalid counts) the
 * result is gbstats' "uninformative" output: expected 0, ci [0, 0], pValue 1 (chanceToWin 0.5).
 * `degenerateReason` tells the UI which case it is. Only a malformed alpha or mismatched SRM
 * arrays throw, as those are programming errors rather than data.
 */
import { chiSquareSurvival, normalCdf, normalQuantile, studentTQuantile, studentTTwoSidedP } from "./distributions";

/** Conversions out of n units (visitors), e.g. purchases among exposed visitors. */
export type ProportionData = { n: number; conversions: number };
/** A per-unit metric through its sufficient statistics, e.g. revenue per visitor. */
export type MeanData = { n: number; sum: number; sumSquares: number };
export type VariantData = ProportionData | MeanData;

export type TestOptions = {
  /** Relative uplift (treatment / control - 1) rather than the absolute difference. */
  relative: boolean;
  /** Two-sided significance level; the interval has coverage 1 - alpha. */
  alpha?: number;
  /**
   * Sequential testing: return the always-valid confidence sequence and p-value instead of the
   * fixed-horizon ones, tuned to be narrowest near this total sample size (GrowthBook's default 5000).
   * Valid however often the result is looked at.
   */
  sequentialTuning?: number;
};

export type FrequentistResult = { expected: number; ci: [number, number]; pValue: number };
export type BayesianResult = { expected: number; ci: [number, number]; chanceToWin: number };

export type DegenerateReason = "invalid_data" | "insufficient_data" | "zero_variance" | "zero_baseline";

type Moments = { n: number; mean: number; variance: number };

function isProportion(d: VariantData): d is ProportionData {
  return "conversions" in d;
}

function isValid(d: VariantData): boolean {
  if (!Number.isFinite(d.n) || d.n < 0) return false;
  if (isProportion(d)) return Number.isFinite(d.conversions) && d.conversions >= 0 && d.conversions <= d.n;
  return Number.isFinite(d.sum) && Number.isFinite(d.sumSquares) && d.sumSquares >= 0;
}

/**
 * Mean and per-unit variance. As in gbstats: a proportion uses p(1 - p) (the Bernoulli variance,
 * divided by n), a mean uses the unbiased sample variance (divided by n - 1). Rounding can push
 * sumSquares - sum^2 / n slightly below 0 when all values are equal, so it is clamped at 0.
 */
function moments(d: VariantData): Moments {
  if (d.n <= 0) return { n: 0, mean: 0, variance: 0 };
  if (isProportion(d)) {
    const p = d.conversions / d.n;
    return { n: d.n, mean: p, variance: p * (1 - p) };
  }
  const mean = d.sum / d.n;
  const variance = d.n > 1 ? Math.max(0, (d.sumSquares - (d.sum * d.sum) / d.n) / (d.n - 1)) : 0;
  return { n: d.n, mean, variance };
}

type Estimate = { expected: number; variance: number; dof: number };

function estimate(control: VariantData, treatment: VariantData, relative: boolean): Estimate | DegenerateReason {
  if (!isValid(control) || !isValid(treatment)) return "invalid_data";
  const c = moments(control);
  const t = moments(treatment);
  if (c.n < 2 || t.n < 2) return "insufficient_data";
  const seC = c.variance / c.n;
  const seT = t.variance / t.n;
  if (!(seC + seT > 0)) return "zero_variance";
  if (relative && c.mean === 0) return "zero_baseline";

  // Welch-Satterthwaite degrees of freedom, from the raw (absolute) variances as gbstats does.
  const dof = (seT + seC) ** 2 / (seT ** 2 / (t.n - 1) + seC ** 2 / (c.n - 1));
  if (!relative) return { expected: t.mean - c.mean, variance: seT + seC, dof };

  // Delta method for the ratio of means: Var(mt / mc) ~ vt / (mc^2 nt) + vc mt^2 / (mc^4 nc).
  const variance = seT / c.mean ** 2 + (seC * t.mean ** 2) / c.mean ** 4;
  // A treatment with mean 0 and no variance leaves the ratio with no variance either (gbstats
  // reports that as uninformative too).
  if (!(variance > 0) || !Number.isFinite(variance)) return "zero_variance";
  return { expected: t.mean / c.mean - 1, variance, dof };
}

function checkAlpha(alpha: number): void {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
}

/** Why a test on these arms would come back uninformative, or null when it can be computed. */
export function degenerateReason(
  control: VariantData,
  treatment: VariantData,
  { relative }: Pick<TestOptions, "relative">,
): DegenerateReason | null {
  const e = estimate(control, treatment, relative);
  return typeof e === "string" ? e : null;
}

/** GrowthBook's default tuning: the confidence sequence is tightest around 5000 units in total. */
export const DEFAULT_SEQUENTIAL_TUNING = 5000;

/**
 * The mixing parameter of the normal-mixture confidence sequence, chosen so the sequence is tightest
 * when the total sample size equals `tuning` (Waudby-Smith et al. 2023, eq. 161; gbstats' rho).
 */
export function sequentialRho(alpha: number, tuning: number): number {
  return Math.sqrt((-2 * Math.log(alpha) + Math.log(-2 * Math.log(alpha) + 1)) / tuning);
}

/**
 * Asymptotic always-valid inference (Waudby-Smith et al. 2023, "Time-uniform central limit theory",
 * eqs. 9 and 155), as GrowthBook's gbstats computes it. With n units in total and the estimate's
 * variance v, the per-unit variance is s2 = v n; the interval's half-width is
 * sqrt(s2) * sqrt(2 (n rho^2 + 1) ln(sqrt(n rho^2 + 1) / alpha) / (n rho)^2), and the p-value is the
 * reciprocal of the mixture e-value exp(rho^2 z^2 n / (2 (n rho^2 + 1))) / sqrt(n rho^2 + 1), capped at 1.
 * Because the interval holds at every n at once, a marketer may look daily and stop at any time
 * without inflating the false-positive rate.
 */
function sequentialResult(e: Estimate, n: number, alpha: number, tuning: number): FrequentistResult {
  if (!(tuning > 0) || !Number.isFinite(tuning))
    throw new RangeError(`sequentialTuning must be positive, got ${tuning}`);
  const rho = sequentialRho(alpha, tuning);
  const nr2 = n * rho * rho + 1;
  const s2 = e.variance * n;
  const halfWidth = Math.sqrt(s2) * Math.sqrt((2 * nr2 * Math.log(Math.sqrt(nr2) / alpha)) / (n * rho) ** 2);
  const st2 = (e.expected * e.expected * n) / e.variance;
  const eValue = Math.exp((rho * rho * st2) / (2 * nr2)) / Math.sqrt(nr2);
  return {
    expected: e.expected,
    ci: [e.expected - halfWidth, e.expected + halfWidth],
    pValue: Math.min(1, 1 / eValue),
  };
}

/**
 * Two-sided Welch t-test of treatment against control.
 * expected: absolute difference of means, or relative uplift mt / mc - 1 (delta-method variance);
 * ci: expected -/+ t_{1 - alpha/2, dof} * se; pValue: P(|T| >= |expected / se|).
 * With `sequentialTuning`, the always-valid confidence sequence and p-value instead (see above).
 */
export function frequentistTest(
  control: VariantData,
  treatment: VariantData,
  { relative, alpha = 0.05, sequentialTuning }: TestOptions,
): FrequentistResult {
  checkAlpha(alpha);
  const e = estimate(control, treatment, relative);
  if (typeof e === "string") return { expected: 0, ci: [0, 0], pValue: 1 };
  if (sequentialTuning !== undefined) return sequentialResult(e, control.n + treatment.n, alpha, sequentialTuning);
  const se = Math.sqrt(e.variance);
  const width = studentTQuantile(1 - alpha / 2, e.dof) * se;
  return {
    expected: e.expected,
    ci: [e.expected - width, e.expected + width],
    pValue: studentTTwoSidedP(e.expected / se, e.dof),
  };
}

/**
 * Bayesian reading with a flat prior and a normal approximation to the posterior of the effect:
 * posterior ~ N(expected, se^2), so chanceToWin = P(effect > 0) = Phi(expected / se) (higher is
 * better; for a metric where lower is better use 1 - chanceToWin), and the credible interval is
 * expected -/+ z_{1 - alpha/2} * se.
 */
export function bayesianTest(
  control: VariantData,
  treatment: VariantData,
  { relative, alpha = 0.05 }: TestOptions,
): BayesianResult {
  checkAlpha(alpha);
  const e = estimate(control, treatment, relative);
  if (typeof e === "string") return { expected: 0, ci: [0, 0], chanceToWin: 0.5 };
  const se = Math.sqrt(e.variance);
  const width = normalQuantile(1 - alpha / 2) * se;
  return {
    expected: e.expected,
    ci: [e.expected - width, e.expected + width],
    chanceToWin: normalCdf(e.expected / se),
  };
}

/**
 * Sample-ratio-mismatch check: chi-square goodness-of-fit p-value of the observed unit counts per
 * variant against the configured weights (normalized, so they need not sum to 1). A small p-value
 * (conventionally < 0.001) means assignment or tracking is broken and the results are not to be
 * trusted. Differences from gbstats' check_srm, on purpose: df counts only variants with positive
 * weight, and units seen in a zero-weight variant are impossible under the design, so give p = 0.
 * No units at all, or fewer than two variants with weight, give 1.
 */
export function srmPValue(observed: readonly number[], weights: readonly number[]): number {
  if (observed.length !== weights.length) {
    throw new RangeError(`srmPValue: ${observed.length} counts but ${weights.length} weights`);
  }
  const w = weights.map((x) => (Number.isFinite(x) && x > 0 ? x : 0));
  const o = observed.map((x) => (Number.isFinite(x) && x > 0 ? x : 0));
  const totalObserved = o.reduce((s, x) => s + x, 0);
  const totalWeight = w.reduce((s, x) => s + x, 0);
  if (totalObserved === 0 || totalWeight === 0) return 1;

  let chi2 = 0;
  let cells = 0;
  for (let i = 0; i < o.length; i++) {
    const wi = w[i] as number;
    const oi = o[i] as number;
    if (wi === 0) {
      if (oi > 0) return 0;
      continue;
    }
    const expected = (wi / totalWeight) * totalObserved;
    chi2 += (oi - expected) ** 2 / expected;
    cells++;
  }
  if (cells < 2) return 1;
  return chiSquareSurvival(chi2, cells - 1);
}
