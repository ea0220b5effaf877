import { describe, expect, it } from "vitest";
import { assignVariant, assignmentSeed } from "./assign";
import { chooseVariation, getBucketRanges, hash } from "./hash";

describe("assignVariant", () => {
  const base = { experimentKey: "spring-bundle", bucketVersion: 1, weights: [0.5, 0.5] };

  it("is sticky: the same inputs give the same variant", () => {
    for (let i = 0; i < 100; i++) {
      const input = { ...base, visitorId: `v-${i}` };
      expect(assignVariant(input)).toEqual(assignVariant(input));
    }
  });

  it("uses seed `${key}:v${version}` with GrowthBook hash version 2", () => {
    expect(assignmentSeed("spring-bundle", 3)).toBe("spring-bundle:v3");
    for (let i = 0; i < 200; i++) {
      const visitorId = `v-${i}`;
      const n = hash("spring-bundle:v1", visitorId, 2) as number;
      const expected = chooseVariation(n, getBucketRanges(2, 1, [0.5, 0.5]));
      expect(assignVariant({ ...base, visitorId })).toEqual({ variant: expected });
    }
  });

  it("returns null outside coverage and for no variants", () => {
    const results = Array.from({ length: 2000 }, (_, i) =>
      assignVariant({ ...base, coverage: 0.3, visitorId: `v-${i}` }),
    );
    const outside = results.filter((r) => r === null).length / results.length;
    expect(Math.abs(outside - 0.7)).toBeLessThan(0.05);
    expect(assignVariant({ ...base, weights: [], visitorId: "x" })).toBeNull();
    expect(assignVariant({ ...base, coverage: 0, visitorId: "x" })).toBeNull();
  });

  it("re-randomizes when bucketVersion changes", () => {
    let changed = 0;
    for (let i = 0; i < 1000; i++) {
      const a = assignVariant({ ...base, visitorId: `v-${i}` });
      const b = assignVariant({ ...base, bucketVersion: 2, visitorId: `v-${i}` });
      if (a?.variant !== b?.variant) changed++;
    }
    // Independent 50/50 draws disagree about half the time.
    expect(changed).toBeGreaterThan(400);
    expect(changed).toBeLessThan(600);
  });

  it("follows uneven weights", () => {
    const counts = [0, 0, 0];
    for (let i = 0; i < 20_000; i++) {
      const r = assignVariant({ ...base, weights: [0.1, 0.6, 0.3], visitorId: `u${i}` });
      counts[r!.variant]! += 1;
    }
    expect(counts[0]! / 20_000).toBeCloseTo(0.1, 1);
    expect(counts[1]! / 20_000).toBeCloseTo(0.6, 1);
    expect(counts[2]! / 20_000).toBeCloseTo(0.3, 1);
  });
});
