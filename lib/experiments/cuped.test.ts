import { describe, expect, it } from "vitest";
import { createRng } from "@/lib/random";
import { addObservation, cupedAdjust, emptyCovariateData, type CovariateData } from "./cuped";
import { frequentistTest } from "./stats";

/** Two arms of visitors whose outcome has correlation `rho` with their pre-period covariate. */
function arms(rho: number, n: number, seed: number, effect = 0): [CovariateData, CovariateData] {
  const rng = createRng(seed);
  const a = emptyCovariateData();
  const b = emptyCovariateData();
  for (let i = 0; i < n; i++) {
    const x = rng.normal();
    const y = 10 + rho * x + Math.sqrt(1 - rho * rho) * rng.normal();
    if (i % 2 === 0) addObservation(a, y, x);
    else addObservation(b, y + effect, x);
  }
  return [a, b];
}

describe("cupedAdjust", () => {
  it("removes about rho^2 of the variance and narrows the interval by about sqrt(1 - rho^2)", () => {
    const [a, b] = arms(0.5, 40_000, 7);
    const adjusted = cupedAdjust(a, b);
    expect(adjusted.theta).toBeCloseTo(0.5, 1);
    expect(adjusted.varianceReduction).toBeGreaterThan(0.22);
    expect(adjusted.varianceReduction).toBeLessThan(0.28);
    const plain = frequentistTest(a, b, { relative: false });
    const cuped = frequentistTest(adjusted.control, adjusted.treatment, { relative: false });
    const ratio = (cuped.ci[1] - cuped.ci[0]) / (plain.ci[1] - plain.ci[0]);
    expect(ratio).toBeGreaterThan(0.84);
    expect(ratio).toBeLessThan(0.89);
  });

  it("keeps the effect: the adjusted difference estimates the same uplift", () => {
    const [a, b] = arms(0.8, 40_000, 11, 0.2);
    const adjusted = cupedAdjust(a, b);
    const cuped = frequentistTest(adjusted.control, adjusted.treatment, { relative: false });
    expect(cuped.expected).toBeGreaterThan(0.17);
    expect(cuped.expected).toBeLessThan(0.23);
    expect(cuped.ci[0]).toBeGreaterThan(0);
  });

  it("changes nothing when the covariate does not vary", () => {
    const a = emptyCovariateData();
    const b = emptyCovariateData();
    for (const y of [1, 2, 3, 4]) addObservation(a, y, 5);
    for (const y of [2, 3, 4, 5]) addObservation(b, y, 5);
    const adjusted = cupedAdjust(a, b);
    expect(adjusted.theta).toBe(0);
    expect(adjusted.varianceReduction).toBe(0);
    expect(adjusted.control).toEqual({ n: 4, sum: 10, sumSquares: 30 });
    expect(adjusted.treatment).toEqual({ n: 4, sum: 14, sumSquares: 54 });
  });
});
