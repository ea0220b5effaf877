/**
 * Thompson sampling for experiments in bandit mode and for campaign budget proposals.
 * Each arm's weight is the posterior probability that it is the best arm, estimated by Monte Carlo
 * with a seeded generator (same seed, same weights), then floored so that no arm starves: a floor
 * keeps collecting evidence on arms that look bad early, and keeps the final analysis possible.
 */
import { createRng, type Rng } from "@/lib/random";
import { betaQuantile, gammaQuantile } from "./distributions";

export type BanditArm = { n: number; conversions: number };

export type ThompsonOptions = {
  /** Smallest weight any arm gets; clamped to 1 / arms.length. */
  minWeight?: number;
  /** Burn-in: equal weights until every arm has at least this many units. */
  minSamples?: number;
  /**
   * Burn-in: equal weights until every arm also has this many conversions (default 0). A few
   * conversions say almost nothing: 1 in 112 against 0 in 110 would otherwise move traffic to 75/25.
   */
  minConversions?: number;
  /** Monte Carlo draws; the weights' standard error is at most 0.5 / sqrt(draws). */
  draws?: number;
  seed: number;
};

/** Counts from storage may be off (NaN, negative, conversions > n); read them conservatively. */
function clean(n: number, conversions: number): { n: number; conversions: number } {
  const nn = Number.isFinite(n) && n > 0 ? n : 0;
  const cc = Number.isFinite(conversions) && conversions > 0 ? Math.min(conversions, nn) : 0;
  return { n: nn, conversions: cc };
}

function equalWeights(k: number): number[] {
  return new Array<number>(k).fill(1 / k);
}

/** Share of draws in which each arm's sample is the largest. */
function winShares(k: number, draws: number, sample: (arm: number) => number): number[] {
  const wins = new Array<number>(k).fill(0);
  for (let d = 0; d < draws; d++) {
    let best = 0;
    let bestValue = -Infinity;
    for (let i = 0; i < k; i++) {
      const v = sample(i);
      if (v > bestValue) {
        bestValue = v;
        best = i;
      }
    }
    wins[best] = (wins[best] as number) + 1;
  }
  return wins.map((w) => w / draws);
}

/**
 * Raise every weight to at least `floor` and scale the rest down proportionally ("water filling"),
 * so the result sums to 1. The largest weight absorbs the last rounding error.
 */
export function floorWeights(weights: readonly number[], floor: number): number[] {
  const k = weights.length;
  if (k === 0) return [];
  const min = Math.min(Math.max(0, floor), 1 / k);
  const raw = weights.map((w) => (Number.isFinite(w) && w > 0 ? w : 0));
  const atFloor = new Array<boolean>(k).fill(false);
  let out = raw.slice();
  for (let round = 0; round < k; round++) {
    const fixed = atFloor.filter(Boolean).length;
    const freeTotal = raw.reduce((s, w, i) => (atFloor[i] ? s : s + w), 0);
    const remaining = 1 - min * fixed;
    out = raw.map((w, i) => {
      if (atFloor[i]) return min;
      return freeTotal > 0 ? (w * remaining) / freeTotal : remaining / (k - fixed);
    });
    let changed = false;
    out.forEach((w, i) => {
      if (!atFloor[i] && w < min) {
        atFloor[i] = true;
        changed = true;
      }
    });
    if (!changed) break;
  }
  out = out.map((w, i) => (atFloor[i] ? min : w));
  let largest = 0;
  out.forEach((w, i) => {
    if (w > (out[largest] as number)) largest = i;
  });
  const others = out.reduce((s, w, i) => (i === largest ? s : s + w), 0);
  out[largest] = 1 - others;
  return out;
}

/**
 * One weight per arm, summing to 1: equal until every arm has minSamples units, then the posterior
 * probability of being best under independent Beta(1 + conversions, 1 + n - conversions)
 * posteriors (uniform prior), floored at minWeight.
 */
export function thompsonWeights(arms: readonly BanditArm[], options: ThompsonOptions): number[] {
  const { minWeight = 0.01, minSamples = 100, minConversions = 0, draws = 10_000, seed } = options;
  const k = arms.length;
  if (k === 0) return [];
  const data = arms.map((a) => clean(a.n, a.conversions));
  if (k === 1 || data.some((a) => a.n < minSamples || a.conversions < minConversions))
    return floorWeights(equalWeights(k), minWeight);
  const rng: Rng = createRng(seed);
  const shares = winShares(k, Math.max(1, Math.floor(draws)), (i) => {
    const a = data[i] as { n: number; conversions: number };
    return rng.beta(1 + a.conversions, 1 + a.n - a.conversions);
  });
  return floorWeights(shares, minWeight);
}

/**
 * At most `maxStep` of change for any arm in one update: the new weights are
 * previous + t (target - previous) with the largest t <= 1 that keeps every change within maxStep.
 * A convex combination of two splits, so the result still sums to 1 and moves in the direction the
 * evidence points, only more slowly. Mismatched lengths (a variant added) take the target as it is.
 */
export function limitStep(previous: readonly number[], target: readonly number[], maxStep: number): number[] {
  if (previous.length !== target.length || !(maxStep > 0)) return target.slice();
  const largest = target.reduce((m, w, i) => Math.max(m, Math.abs(w - (previous[i] as number))), 0);
  if (largest <= maxStep) return target.slice();
  const t = maxStep / largest;
  return target.map((w, i) => (previous[i] as number) + t * (w - (previous[i] as number)));
}

/**
 * Weights as percentages with `decimals` places that add up to exactly 100 as displayed (largest
 * remainder on units of 10^-decimals percent): 74.98 % + 25.03 % never appears.
 */
export function displayPercents(weights: readonly number[], decimals = 1): number[] {
  const scale = 10 ** decimals;
  return largestRemainder(weights, 100 * scale).map((units) => units / scale);
}

/** A conversion rate's Beta(1 + conversions, 1 + failures) posterior: its mean and central credible interval. */
export function betaPosterior(arm: BanditArm, level = 0.95): { mean: number; ci: [number, number] } {
  const { n, conversions } = clean(arm.n, arm.conversions);
  const a = 1 + conversions;
  const b = 1 + n - conversions;
  const tail = (1 - level) / 2;
  return { mean: a / (a + b), ci: [betaQuantile(tail, a, b), betaQuantile(1 - tail, a, b)] };
}

/**
 * Split an integer total into integers proportional to weights (Hamilton / largest remainder):
 * everyone gets the floor of their quota, and the units left over go to the largest fractional
 * parts (ties to the earlier index). The result sums exactly to total.
 */
export function largestRemainder(weights: readonly number[], total: number): number[] {
  if (weights.length === 0) return [];
  const w = weights.map((x) => (Number.isFinite(x) && x > 0 ? x : 0));
  const sum = w.reduce((s, x) => s + x, 0);
  const quotas = w.map((x) => (sum > 0 ? (x / sum) * total : total / w.length));
  const out = quotas.map((q) => Math.floor(q));
  let left = total - out.reduce((s, x) => s + x, 0);
  const order = quotas.map((q, i) => ({ i, frac: q - Math.floor(q) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  // left is normally in [0, k); the loops also absorb float error in the quotas either way.
  for (let j = 0; left > 0; j = (j + 1) % order.length, left--) {
    const i = (order[j] as { i: number }).i;
    out[i] = (out[i] as number) + 1;
  }
  for (let j = order.length - 1; left < 0; j = (j - 1 + order.length) % order.length) {
    const i = (order[j] as { i: number }).i;
    if ((out[i] as number) > 0) {
      out[i] = (out[i] as number) - 1;
      left++;
    }
  }
  return out;
}

export type ChannelStats = { channel: string; spend: number; conversions: number };

export type BudgetOptions = {
  /** Smallest share of the budget any channel gets; clamped to 1 / channels.length. */
  minShare?: number;
  /** Spend (minor units) that counts as one unit of exposure in the model; default 100 = 1.00. */
  spendUnit?: number;
  /** Burn-in: equal split until every channel has spent this much (default 100 spend units). */
  minSpend?: number;
  /**
   * Shrinkage: the proposal moves from the current split towards the sampler's split in proportion
   * to the evidence, e = min over channels of min(1, conversions / fullEvidenceConversions)
   * (default 30). With little data the proposal stays close to what the marketer runs today.
   */
  fullEvidenceConversions?: number;
  /** Today's split (for example each channel's current budget); equal when absent. */
  current?: readonly number[];
  draws?: number;
  seed: number;
};

export type BudgetLine = {
  channel: string;
  budget: number;
  share: number;
  /** Posterior mean and 95% credible interval of conversions per spend unit. */
  rate: { mean: number; ci: [number, number] };
};

/**
 * Propose how to split the next totalBudget (integer minor units) across channels.
 * Model: a channel's conversions are Poisson with rate lambda per spend unit; with a
 * Gamma(shape 1, rate 1) prior the posterior is Gamma(1 + conversions, rate 1 + spend / spendUnit).
 * (Poisson-Gamma rather than Beta because spend is not a count of trials.) Each channel's share is
 * its probability of having the highest rate, floored at minShare; budgets are integers that sum
 * exactly to totalBudget and respect minShare up to rounding to whole minor units.
 * The prior is optimistic (one conversion per spend unit), so an untested channel would win most
 * draws: the minSpend burn-in keeps the split equal until every channel has real data.
 */
export function proposeBudgetSplit(
  channels: readonly ChannelStats[],
  totalBudget: number,
  options: BudgetOptions,
): BudgetLine[] {
  if (!Number.isSafeInteger(totalBudget) || totalBudget < 0) {
    throw new RangeError(`totalBudget must be a non-negative integer (minor units), got ${totalBudget}`);
  }
  const { minShare = 0.05, spendUnit = 100, draws = 10_000, seed } = options;
  if (!(spendUnit > 0)) throw new RangeError(`spendUnit must be positive, got ${spendUnit}`);
  const minSpend = options.minSpend ?? 100 * spendUnit;
  const k = channels.length;
  if (k === 0) return [];
  // Unlike trials, conversions may exceed spend units, so only non-finite or negative values are cleaned.
  const nonNegative = (x: number) => (Number.isFinite(x) && x > 0 ? x : 0);
  const data = channels.map((c) => ({ spend: nonNegative(c.spend), conversions: nonNegative(c.conversions) }));

  const currentRaw =
    options.current && options.current.length === k ? options.current.map(nonNegative) : equalWeights(k);
  const currentTotal = currentRaw.reduce((s, x) => s + x, 0);
  const current = currentTotal > 0 ? currentRaw.map((x) => x / currentTotal) : equalWeights(k);
  const fullEvidence = options.fullEvidenceConversions ?? 30;
  const evidence = fullEvidence > 0 ? Math.min(1, ...data.map((d) => d.conversions / fullEvidence)) : 1;

  let shares: number[];
  if (k === 1 || data.some((d) => d.spend < minSpend)) {
    shares = floorWeights(current, minShare);
  } else {
    const rng = createRng(seed);
    const raw = winShares(k, Math.max(1, Math.floor(draws)), (i) => {
      const d = data[i] as { spend: number; conversions: number };
      return rng.gamma(1 + d.conversions) / (1 + d.spend / spendUnit);
    });
    shares = floorWeights(
      raw.map((w, i) => (current[i] as number) + evidence * (w - (current[i] as number))),
      minShare,
    );
  }

  const budgets = largestRemainder(shares, totalBudget);
  // Rounding can leave a floored channel a unit short of minShare; move units from the largest.
  const floorShare = Math.min(Math.max(0, minShare), 1 / k);
  // The epsilon keeps 0.05 * 1000 = 50.000000000000007 from rounding up to 51.
  const minBudget = Math.min(Math.ceil(floorShare * totalBudget - 1e-9), Math.floor(totalBudget / k));
  for (let i = 0; i < k; i++) {
    while ((budgets[i] as number) < minBudget) {
      let donor = 0;
      budgets.forEach((b, j) => {
        if (b > (budgets[donor] as number)) donor = j;
      });
      budgets[donor] = (budgets[donor] as number) - 1;
      budgets[i] = (budgets[i] as number) + 1;
    }
  }
  return channels.map((c, i) => {
    const d = data[i] as { spend: number; conversions: number };
    const shape = 1 + d.conversions;
    const rate = 1 + d.spend / spendUnit;
    return {
      channel: c.channel,
      budget: budgets[i] as number,
      share: shares[i] as number,
      rate: {
        mean: shape / rate,
        ci: [gammaQuantile(0.025, shape, rate), gammaQuantile(0.975, shape, rate)] as [number, number],
      },
    };
  });
}
