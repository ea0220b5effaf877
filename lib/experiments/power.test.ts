import { describe, expect, it } from "vitest";
import { normalCdf, normalQuantile } from "./distributions";
import { estimatedDays, visitorsPerVariant } from "./power";
import { frequentistTest } from "./stats";

describe("visitorsPerVariant", () => {
  it("gives the textbook two-proportion size for a fixed-horizon test", () => {
    // 5 % -> 6 %, alpha 0.05, power 0.8: (1.96 + 0.8416)^2 (0.05*0.95 + 0.06*0.94) / 0.01^2 = 8155.
    const n = visitorsPerVariant({ baselineRate: 0.05, mde: 0.2 })!;
    expect(n).toBeGreaterThanOrEqual(8154);
    expect(n).toBeLessThanOrEqual(8156);
  });

  it("asks more of a sequential test, and more still at a stricter alpha or smaller effect", () => {
    const fixed = visitorsPerVariant({ baselineRate: 0.05, mde: 0.2 })!;
    const sequential = visitorsPerVariant({ baselineRate: 0.05, mde: 0.2, sequentialTuning: 5000 })!;
    expect(sequential).toBeGreaterThan(fixed * 1.3);
    expect(visitorsPerVariant({ baselineRate: 0.05, mde: 0.2, alpha: 0.05 / 3 })!).toBeGreaterThan(fixed);
    expect(visitorsPerVariant({ baselineRate: 0.05, mde: 0.1 })!).toBeGreaterThan(3.5 * fixed);
  });

  it("is the smallest size at which the chosen test detects the effect with the asked power", () => {
    const p0 = 0.05;
    const p1 = 0.06;
    for (const tuning of [undefined, 5000]) {
      const n = visitorsPerVariant({ baselineRate: p0, mde: 0.2, sequentialTuning: tuning })!;
      // At the expected counts, the real test's interval half-width h gives power Phi((delta - h) / se).
      const power = (m: number) => {
        const r = frequentistTest(
          { n: m, conversions: p0 * m },
          { n: m, conversions: p1 * m },
          { relative: false, sequentialTuning: tuning },
        );
        const se = Math.sqrt((p0 * (1 - p0) + p1 * (1 - p1)) / m);
        return normalCdf((p1 - p0 - (r.ci[1] - r.ci[0]) / 2) / se);
      };
      expect(power(n)).toBeGreaterThanOrEqual(0.8 - 0.01);
      expect(power(Math.floor(n * 0.9))).toBeLessThan(0.8);
    }
  });

  it("returns null for inputs that cannot be planned", () => {
    expect(visitorsPerVariant({ baselineRate: 0, mde: 0.1 })).toBeNull();
    expect(visitorsPerVariant({ baselineRate: 0.6, mde: 1 })).toBeNull();
    expect(visitorsPerVariant({ baselineRate: 0.05, mde: 0 })).toBeNull();
    expect(visitorsPerVariant({ baselineRate: Number.NaN, mde: 0.1 })).toBeNull();
    expect(normalQuantile(0.8)).toBeCloseTo(0.8416, 3);
  });
});

describe("estimatedDays", () => {
  it("waits for the smallest arm at the given daily traffic and coverage", () => {
    expect(estimatedDays(1000, 200, [0.5, 0.5])).toBe(10);
    expect(estimatedDays(1000, 200, [0.75, 0.25])).toBe(20);
    expect(estimatedDays(1000, 200, [50, 50], 0.5)).toBe(20);
    expect(estimatedDays(1000, 0, [0.5, 0.5])).toBeNull();
  });
});
