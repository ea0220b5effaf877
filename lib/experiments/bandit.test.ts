import { describe, expect, it } from "vitest";
import {
  betaPosterior,
  displayPercents,
  floorWeights,
  largestRemainder,
  limitStep,
  proposeBudgetSplit,
  thompsonWeights,
} from "./bandit";

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

describe("thompsonWeights", () => {
  it("gives equal weights until every arm has minSamples", () => {
    const arms = [
      { n: 5000, conversions: 500 },
      { n: 5000, conversions: 100 },
      { n: 99, conversions: 1 },
    ];
    const w = thompsonWeights(arms, { seed: 1 });
    w.forEach((x) => expect(x).toBeCloseTo(1 / 3, 12));
  });

  it("gives a clearly better arm most of the weight", () => {
    // 10% vs 5% on 2000 units each: the gap is ~6 standard errors, so the better arm wins
    // essentially every draw and the others sit at the floor.
    const arms = [
      { n: 2000, conversions: 100 },
      { n: 2000, conversions: 200 },
      { n: 2000, conversions: 98 },
    ];
    const w = thompsonWeights(arms, { seed: 7, minWeight: 0.05 });
    expect(w[1]).toBeGreaterThan(0.85);
    expect(w[0]).toBeCloseTo(0.05, 10);
    expect(w[2]).toBeCloseTo(0.05, 10);
    expect(sum(w)).toBeCloseTo(1, 14);
  });

  it("splits about evenly between identical arms", () => {
    const arm = { n: 1000, conversions: 50 };
    const w = thompsonWeights([arm, arm], { seed: 3, draws: 20_000 });
    // Each draw is a fair coin; sd of the share is 0.5 / sqrt(20000) = 0.0035.
    expect(Math.abs(w[0]! - 0.5)).toBeLessThan(0.02);
  });

  it("respects the floor and sums to 1", () => {
    const arms = [
      { n: 10_000, conversions: 1000 },
      { n: 10_000, conversions: 500 },
      { n: 10_000, conversions: 400 },
      { n: 10_000, conversions: 300 },
    ];
    for (const minWeight of [0, 0.01, 0.1, 0.25, 0.4]) {
      const w = thompsonWeights(arms, { seed: 11, minWeight, draws: 2000 });
      const floor = Math.min(minWeight, 1 / arms.length);
      w.forEach((x) => expect(x).toBeGreaterThanOrEqual(floor - 1e-15));
      expect(sum(w)).toBeCloseTo(1, 14);
    }
  });

  it("is deterministic for a seed and varies across seeds", () => {
    const arms = [
      { n: 800, conversions: 41 },
      { n: 800, conversions: 48 },
    ];
    const a = thompsonWeights(arms, { seed: 42 });
    expect(thompsonWeights(arms, { seed: 42 })).toEqual(a);
    expect(thompsonWeights(arms, { seed: 43 })).not.toEqual(a);
  });

  it("handles no arms, one arm, and bad counts", () => {
    expect(thompsonWeights([], { seed: 1 })).toEqual([]);
    expect(thompsonWeights([{ n: 10, conversions: 1 }], { seed: 1 })).toEqual([1]);
    const w = thompsonWeights(
      [
        { n: 500, conversions: 900 }, // conversions > n: read as n
        { n: 500, conversions: NaN },
      ],
      { seed: 1 },
    );
    expect(w.every(Number.isFinite)).toBe(true);
    expect(w[0]).toBeGreaterThan(0.9);
  });
});

describe("floorWeights", () => {
  it("water-fills: floored arms at the minimum, the rest scaled proportionally", () => {
    const w = floorWeights([0.9, 0.09, 0.01, 0], 0.05);
    expect(w[2]).toBeCloseTo(0.05, 15);
    expect(w[3]).toBeCloseTo(0.05, 15);
    // Remaining 0.9 shared 0.9 : 0.09, i.e. 10 : 1.
    expect(w[0]! / w[1]!).toBeCloseTo(10, 10);
    expect(sum(w)).toBeCloseTo(1, 15);
  });
  it("falls back to equal weights when the floor is infeasible or all weights are 0", () => {
    floorWeights([1, 0, 0], 0.5).forEach((x) => expect(x).toBeCloseTo(1 / 3, 15));
    floorWeights([0, 0], 0.1).forEach((x) => expect(x).toBeCloseTo(0.5, 15));
  });
});

describe("largestRemainder", () => {
  it("matches a hand-worked Hamilton apportionment", () => {
    // Quotas 4.2857, 3.5714, 2.1429 -> floors 4, 3, 2 (sum 9); the one leftover unit goes to the
    // largest fraction, 0.5714.
    expect(largestRemainder([3, 2.5, 1.5], 10)).toEqual([4, 4, 2]);
  });
  it("always sums exactly to the total", () => {
    for (const total of [0, 1, 7, 99, 100_000, 123_456_789]) {
      const out = largestRemainder([0.1, 0.2, 0.3, 0.4 / 3, 0.4 / 3, 0.4 / 3], total);
      expect(sum(out)).toBe(total);
      out.forEach((x) => expect(Number.isInteger(x)).toBe(true));
    }
  });
});

describe("proposeBudgetSplit", () => {
  const channels = [
    { channel: "newsletter", spend: 50_000, conversions: 120 }, // 0.24 per 1.00 spent
    { channel: "social", spend: 50_000, conversions: 40 }, // 0.08
    { channel: "partner", spend: 50_000, conversions: 45 }, // 0.09
  ];

  it("returns integer budgets that sum exactly to the total", () => {
    for (const total of [1, 999, 100_000, 1_000_003]) {
      const lines = proposeBudgetSplit(channels, total, { seed: 5 });
      expect(sum(lines.map((l) => l.budget))).toBe(total);
      lines.forEach((l) => expect(Number.isInteger(l.budget)).toBe(true));
      expect(lines.map((l) => l.channel)).toEqual(["newsletter", "social", "partner"]);
    }
  });

  it("moves budget to the channel with the best conversions per spend, keeping the minimum share", () => {
    const lines = proposeBudgetSplit(channels, 100_000, { seed: 5, minShare: 0.1 });
    expect(lines[0]!.budget).toBeGreaterThan(75_000);
    expect(lines[1]!.budget).toBeGreaterThanOrEqual(10_000);
    expect(lines[2]!.budget).toBeGreaterThanOrEqual(10_000);
  });

  it("respects minShare after rounding, even when the quota is fractional", () => {
    const lines = proposeBudgetSplit(channels, 1001, { seed: 5, minShare: 0.1 });
    // 0.1 * 1001 = 100.1, so each channel needs at least 101 minor units.
    lines.forEach((l) => expect(l.budget).toBeGreaterThanOrEqual(101));
    expect(sum(lines.map((l) => l.budget))).toBe(1001);
  });

  it("splits equally during burn-in", () => {
    const fresh = [...channels, { channel: "podcast", spend: 0, conversions: 0 }];
    const lines = proposeBudgetSplit(fresh, 1000, { seed: 5 });
    expect(lines.map((l) => l.budget)).toEqual([250, 250, 250, 250]);
  });

  it("is deterministic for a seed", () => {
    expect(proposeBudgetSplit(channels, 12_345, { seed: 9 })).toEqual(
      proposeBudgetSplit(channels, 12_345, { seed: 9 }),
    );
  });

  it("rejects a non-integer total", () => {
    expect(() => proposeBudgetSplit(channels, 10.5, { seed: 1 })).toThrow(RangeError);
    expect(() => proposeBudgetSplit(channels, -1, { seed: 1 })).toThrow(RangeError);
    expect(proposeBudgetSplit([], 100, { seed: 1 })).toEqual([]);
  });
});

describe("bandits that do not chase noise", () => {
  it("a bandit fed one conversion does not move", () => {
    const w = thompsonWeights(
      [
        { n: 110, conversions: 0 },
        { n: 112, conversions: 1 },
      ],
      { seed: 1, minConversions: 20 },
    );
    expect(w).toEqual([0.5, 0.5]);
  });

  it("limits each arm's change per update and keeps the sum at 1", () => {
    const next = limitStep([0.5, 0.5], [0.01, 0.99], 0.1);
    expect(next[0]).toBeCloseTo(0.4, 12);
    expect(next[1]).toBeCloseTo(0.6, 12);
    const three = limitStep([0.2, 0.3, 0.5], [0.6, 0.2, 0.2], 0.1);
    expect(sum(three)).toBeCloseTo(1, 12);
    three.forEach((w, i) => expect(Math.abs(w - [0.2, 0.3, 0.5][i]!)).toBeLessThanOrEqual(0.1 + 1e-12));
    expect(limitStep([0.5, 0.5], [0.55, 0.45], 0.1)).toEqual([0.55, 0.45]);
  });

  it("shows percentages that add up to exactly 100", () => {
    expect(displayPercents([0.7498, 0.2503])).toEqual([75, 25]);
    expect(displayPercents([1 / 3, 1 / 3, 1 / 3])).toEqual([33.4, 33.3, 33.3]);
    expect(sum(displayPercents([0.12345, 0.54321, 0.33334], 2))).toBeCloseTo(100, 10);
  });

  it("gives each arm's posterior mean and credible interval", () => {
    const { mean, ci } = betaPosterior({ n: 98, conversions: 8 });
    expect(mean).toBeCloseTo(0.09, 12);
    // Beta(9, 91): 2.5% and 97.5% quantiles from scipy.stats.beta.ppf (Debian's python3-scipy).
    expect(ci[0]).toBeCloseTo(0.04241647, 7);
    expect(ci[1]).toBeCloseTo(0.15302698, 7);
  });

  it("keeps the budget near today's split until the channels have evidence", () => {
    const channels = [
      { channel: "a", spend: 50_000, conversions: 1 },
      { channel: "b", spend: 50_000, conversions: 0 },
    ];
    const split = proposeBudgetSplit(channels, 10_000, { seed: 3, current: [5000, 5000], fullEvidenceConversions: 30 });
    // One conversion is 1/30 of full evidence: ~50/50 stays ~50/50 (not 95/5).
    expect(split[0]!.share).toBeLessThan(0.52);
    expect(split.reduce((s, l) => s + l.budget, 0)).toBe(10_000);
  });
});
