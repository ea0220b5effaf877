import { describe, expect, it } from "vitest";
import { simulateAA } from "./aa-simulation";

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
