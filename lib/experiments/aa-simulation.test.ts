import { describe, expect, it } from "vitest";
import { peekPoints, simulateAA } from "./aa-simulation";

describe("simulateAA", () => {
  // 1000 A/A experiments: the false-positive count is Binomial(1000, 0.05), sd 0.0069 on the rate,
  // so [0.03, 0.07] is a ~2.9 sd band; the run is seeded, so the check cannot flake.
  const result = simulateAA({ experiments: 1000, visitors: 1000, rate: 0.1, seed: 2024 });

  it("keeps the false-positive rate near alpha for both the absolute and the relative test", () => {
    expect(result.falsePositiveRate.absolute).toBeGreaterThan(0.03);
    expect(result.falsePositiveRate.absolute).toBeLessThan(0.07);
    expect(result.falsePositiveRate.relative).toBeGreaterThan(0.03);
    expect(result.falsePositiveRate.relative).toBeLessThan(0.07);
  });

  it("rarely raises an SRM alarm on a correct 50/50 split", () => {
    // Expected 1 flag in 1000 at p < 0.001; P(more than 5) under Poisson(1) is about 0.0006.
    expect(result.srmFlags).toBeLessThanOrEqual(5);
  });

  it("has about 10% Bayesian 'decisive' calls under A/A with a flat prior", () => {
    expect(result.bayesianDecisiveRate).toBeGreaterThan(0.07);
    expect(result.bayesianDecisiveRate).toBeLessThan(0.13);
  });

  it("is reproducible for a seed", () => {
    const small = { experiments: 50, visitors: 400, rate: 0.2, seed: 5 };
    expect(simulateAA(small)).toEqual(simulateAA(small));
  });
});

describe("simulateAA with peeking, sequential tests, CUPED and a real uplift", () => {
  it("looks at K equally spaced points ending at the last visitor", () => {
    expect(peekPoints(1400, 14)).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1100, 1200, 1300, 1400]);
    expect(peekPoints(10, 1)).toEqual([10]);
  });

  // 400 experiments: a rate of 0.05 has sd 0.011, so a fixed test peeked 14 times (about 0.2 in
  // theory) is far above 0.09 and a sequential one stays at or below alpha plus ~3 sd.
  const common = { experiments: 400, visitors: 2000, rate: 0.1, seed: 77, peeks: 14 };

  it("shows the inflation of peeking at a fixed-horizon test", () => {
    expect(simulateAA(common).falsePositiveRate.absolute).toBeGreaterThan(0.09);
  });

  it("keeps the sequential test at alpha however often it is looked at", () => {
    const result = simulateAA({ ...common, sequentialTuning: 5000 });
    expect(result.falsePositiveRate.absolute).toBeLessThan(0.085);
    expect(result.falsePositiveRate.relative).toBeLessThan(0.085);
  });

  it("narrows intervals by about sqrt(1 - R^2) with CUPED on a covariate of correlation R", () => {
    const result = simulateAA({
      experiments: 100,
      visitors: 2000,
      rate: 0.1,
      seed: 3,
      preCorrelation: 0.5,
      cuped: true,
    });
    expect(result.ciWidthRatio).not.toBeNull();
    expect(result.ciWidthRatio!).toBeGreaterThan(0.83);
    expect(result.ciWidthRatio!).toBeLessThan(0.9);
    expect(result.varianceReduction!).toBeGreaterThan(0.2);
  });

  it("detects a real uplift: the positive share is the power, higher with CUPED", () => {
    const base = { experiments: 200, visitors: 2000, rate: 0.1, seed: 9, preCorrelation: 0.7, uplift: 0.1 };
    const plain = simulateAA(base).falsePositiveRate.absolute;
    const withCuped = simulateAA({ ...base, cuped: true }).falsePositiveRate.absolute;
    expect(plain).toBeGreaterThan(0.5);
    expect(withCuped).toBeGreaterThan(plain);
  });
});
