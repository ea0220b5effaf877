/**
 * A/A (and A/B) simulation: many experiments run through the real assignment and analysis code.
 * Under A/A both arms are identical, so every "significant" result is a false positive and their
 * share must sit near alpha; if it does not, the statistics (or the bucketing) are miscalibrated.
 *
 * Options that mirror how the product is used:
 * - `peeks`: the results are looked at K times, at equally spaced points; an experiment counts as
 *   positive if any look is significant (a marketer who stops at the first significant day).
 * - `sequentialTuning`: analyse with the always-valid confidence sequence instead of the fixed test.
 * - `preCorrelation`: the outcome is a continuous metric (revenue-like, mean 1, sd 1) and each visitor
 *   has a pre-period covariate with this correlation to it; `cuped` then analyses CUPED-adjusted data.
 * - `uplift`: the treatment's true relative uplift; the positive share is then the power.
 * Used by scripts/sim-aa.ts; pure and seeded so a run can be reproduced.
 */
import { createRng, type Rng } from "@/lib/random";
import { assignVariant } from "./assign";
import { addObservation, cupedAdjust, emptyCovariateData, type CovariateData } from "./cuped";
import { bayesianTest, degenerateReason, frequentistTest, srmPValue, type VariantData } from "./stats";

export type AASimulationInput = {
  experiments: number;
  /** Visitors per experiment, split 50/50 by hashing. */
  visitors: number;
  /** True conversion rate of the control arm (binary outcome; unused with preCorrelation). */
  rate: number;
  seed: number;
  alpha?: number;
  /** SRM alarm threshold; 0.001 is the usual choice (GrowthBook's default). */
  srmThreshold?: number;
  /** Looks at the results, equally spaced; 1 = one look at the end (fixed horizon). */
  peeks?: number;
  /** Analyse with the sequential test tuned to this total sample size; fixed-horizon when absent. */
  sequentialTuning?: number;
  /** Correlation of a pre-period covariate with a continuous outcome; binary outcome when absent. */
  preCorrelation?: number;
  /** Analyse CUPED-adjusted data (needs preCorrelation). */
  cuped?: boolean;
  /** True relative uplift of the treatment; 0 = A/A. */
  uplift?: number;
};

export type AASimulationResult = {
  experiments: number;
  alpha: number;
  peeks: number;
  /** Experiments with at least one significant look (false positives under A/A, true positives under A/B). */
  falsePositives: { absolute: number; relative: number };
  falsePositiveRate: { absolute: number; relative: number };
  /** Share of experiments whose Bayesian chance to win is below 5% or above 95% at the last look; ~0.10 under A/A. */
  bayesianDecisiveRate: number;
  srmFlags: number;
  srmFlagRate: number;
  /** Experiments where a test was uninformative at the last look (e.g. no conversions), counted as negatives. */
  degenerate: { absolute: number; relative: number };
  /** With cuped: mean over experiments of (CUPED interval width / plain interval width) at the last look. */
  ciWidthRatio: number | null;
  /** With cuped: mean share of the outcome's variance removed. */
  varianceReduction: number | null;
};

/** The visitor counts at which the results are looked at: K equally spaced points ending at `visitors`. */
export function peekPoints(visitors: number, peeks: number): number[] {
  const points = new Set<number>();
  for (let i = 1; i <= peeks; i++) points.add(Math.max(1, Math.round((visitors * i) / peeks)));
  return [...points];
}

type Arms = [CovariateData, CovariateData];

function draw(rng: Rng, arm: number, input: AASimulationInput, uplift: number): { y: number; x: number } {
  const lift = arm === 1 ? 1 + uplift : 1;
  if (input.preCorrelation === undefined) return { y: rng.next() < input.rate * lift ? 1 : 0, x: 0 };
  const r = input.preCorrelation;
  const x = rng.normal();
  return { y: lift + r * x + Math.sqrt(1 - r * r) * rng.normal(), x };
}

export function simulateAA(input: AASimulationInput): AASimulationResult {
  const {
    experiments,
    visitors,
    seed,
    alpha = 0.05,
    srmThreshold = 0.001,
    peeks = 1,
    sequentialTuning,
    cuped = false,
    uplift = 0,
  } = input;
  if (cuped && input.preCorrelation === undefined) throw new RangeError("cuped needs preCorrelation");
  const rng = createRng(seed);
  const looks = new Set(peekPoints(visitors, peeks));
  const binary = input.preCorrelation === undefined;
  let posAbs = 0;
  let posRel = 0;
  let decisive = 0;
  let srmFlags = 0;
  let degAbs = 0;
  let degRel = 0;
  let widthRatioSum = 0;
  let reductionSum = 0;

  const asData = (d: CovariateData): VariantData =>
    binary ? { n: d.n, conversions: d.sum } : { n: d.n, sum: d.sum, sumSquares: d.sumSquares };
  const analysed = (arms: Arms): [VariantData, VariantData] => {
    if (!cuped) return [asData(arms[0]), asData(arms[1])];
    const adjusted = cupedAdjust(arms[0], arms[1]);
    return [adjusted.control, adjusted.treatment];
  };
  const significant = (c: VariantData, t: VariantData, relative: boolean) =>
    !degenerateReason(c, t, { relative }) &&
    frequentistTest(c, t, { relative, alpha, sequentialTuning }).pValue < alpha;

  for (let e = 0; e < experiments; e++) {
    // A fresh key per experiment gives independent splits of the same visitor ids, as separate
    // experiments on one site would; the seed enters the key so runs with other seeds differ.
    const experimentKey = `aa-${seed}-${e}`;
    const arms: Arms = [emptyCovariateData(), emptyCovariateData()];
    let hitAbs = false;
    let hitRel = false;
    for (let v = 0; v < visitors; v++) {
      const assigned = assignVariant({
        experimentKey,
        bucketVersion: 1,
        visitorId: `visitor-${v}`,
        weights: [0.5, 0.5],
      });
      if (assigned) {
        const { y, x } = draw(rng, assigned.variant, input, uplift);
        addObservation(arms[assigned.variant] as CovariateData, y, x);
      }
      if (!looks.has(v + 1)) continue;
      const [c, t] = analysed(arms);
      hitAbs ||= significant(c, t, false);
      hitRel ||= significant(c, t, true);
    }
    if (hitAbs) posAbs++;
    if (hitRel) posRel++;

    const [c, t] = analysed(arms);
    if (degenerateReason(c, t, { relative: false })) degAbs++;
    if (degenerateReason(c, t, { relative: true })) degRel++;
    const { chanceToWin } = bayesianTest(c, t, { relative: false });
    if (chanceToWin < 0.05 || chanceToWin > 0.95) decisive++;
    if (srmPValue([c.n, t.n], [0.5, 0.5]) < srmThreshold) srmFlags++;
    if (cuped) {
      const plain = frequentistTest(asData(arms[0]), asData(arms[1]), { relative: false, alpha, sequentialTuning });
      const adjusted = frequentistTest(c, t, { relative: false, alpha, sequentialTuning });
      const plainWidth = plain.ci[1] - plain.ci[0];
      if (plainWidth > 0) widthRatioSum += (adjusted.ci[1] - adjusted.ci[0]) / plainWidth;
      reductionSum += cupedAdjust(arms[0], arms[1]).varianceReduction;
    }
  }

  const share = (x: number) => (experiments > 0 ? x / experiments : 0);
  return {
    experiments,
    alpha,
    peeks,
    falsePositives: { absolute: posAbs, relative: posRel },
    falsePositiveRate: { absolute: share(posAbs), relative: share(posRel) },
    bayesianDecisiveRate: share(decisive),
    srmFlags,
    srmFlagRate: share(srmFlags),
    degenerate: { absolute: degAbs, relative: degRel },
    ciWidthRatio: cuped ? share(widthRatioSum) : null,
    varianceReduction: cuped ? share(reductionSum) : null,
  };
}
