import { describe, expect, it } from "vitest";
import { chooseVariation, fnv1a32, getBucketRanges, hash } from "./hash";

// Vectors from GrowthBook's shared SDK spec, packages/sdk-js/test/cases.json, "hash" section
// ([seed, value, version, expected]); re-derived with an independent Python FNV-1a before use.
const GROWTHBOOK_HASH_CASES: [string, string, 1 | 2, number][] = [
  ["", "a", 1, 0.22],
  ["", "b", 1, 0.077],
  ["b", "a", 1, 0.946],
  ["ef", "d", 1, 0.652],
  ["asdf", "8952klfjas09ujk", 1, 0.549],
  ["", "123", 1, 0.011],
  ["", '___)((*":&', 1, 0.563],
  ["seed", "a", 2, 0.0505],
  ["seed", "b", 2, 0.2696],
  ["foo", "ab", 2, 0.2575],
  ["foo", "def", 2, 0.2019],
  ["89123klj", "8952klfjas09ujkasdf", 2, 0.124],
  ["90850943850283058242805", "123", 2, 0.7516],
  ["()**(%$##$%#$#", '___)((*":&', 2, 0.0128],
];

describe("fnv1a32", () => {
  it("matches the FNV-1a 32-bit reference values (Landon Curt Noll's test suite)", () => {
    expect(fnv1a32("")).toBe(0x811c9dc5);
    expect(fnv1a32("a")).toBe(0xe40c292c);
    expect(fnv1a32("foobar")).toBe(0xbf9cf968);
  });
});

describe("hash", () => {
  it.each(GROWTHBOOK_HASH_CASES)("hash(%j, %j, v%i) = %f", (seed, value, version, expected) => {
    expect(hash(seed, value, version)).toBe(expected);
  });

  it("reproduces buckets GrowthBook reports in its feature spec cases", () => {
    // cases.json "feature": experiment key "feature" with ids 123/456/fds (v1); "creates
    // experiments properly" (seed "feature", v2); passthrough/holdout rules (v2).
    expect(hash("feature", "123", 1)).toBe(0.863);
    expect(hash("feature", "456", 1)).toBe(0.178);
    expect(hash("feature", "fds", 1)).toBe(0.514);
    expect(hash("feature", "123", 2)).toBe(0.5231);
    expect(hash("experiment", "1", 2)).toBe(0.4413);
    expect(hash("holdout", "1", 2)).toBe(0.8043);
  });

  it("returns null for an unknown version", () => {
    expect(hash("abc", "def", 99 as unknown as 1)).toBeNull();
  });

  it("stays in [0, 1)", () => {
    for (let i = 0; i < 2000; i++) {
      const v = hash("s", `id-${i}`, 2) as number;
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(1);
    }
  });
});

describe("getBucketRanges", () => {
  // GrowthBook cases.json "getBucketRange" section.
  it.each([
    [
      "normal 50/50",
      2,
      1,
      undefined,
      [
        [0, 0.5],
        [0.5, 1],
      ],
    ],
    [
      "reduced coverage",
      2,
      0.5,
      undefined,
      [
        [0, 0.25],
        [0.5, 0.75],
      ],
    ],
    [
      "zero coverage",
      2,
      0,
      undefined,
      [
        [0, 0],
        [0.5, 0.5],
      ],
    ],
    [
      "4 variations",
      4,
      1,
      undefined,
      [
        [0, 0.25],
        [0.25, 0.5],
        [0.5, 0.75],
        [0.75, 1],
      ],
    ],
    [
      "uneven weights",
      2,
      1,
      [0.4, 0.6],
      [
        [0, 0.4],
        [0.4, 1],
      ],
    ],
    [
      "uneven weights, 3 variations",
      3,
      1,
      [0.2, 0.3, 0.5],
      [
        [0, 0.2],
        [0.2, 0.5],
        [0.5, 1],
      ],
    ],
    [
      "uneven, coverage 0.2",
      3,
      0.2,
      [0.2, 0.3, 0.5],
      [
        [0, 0.04],
        [0.2, 0.26],
        [0.5, 0.6],
      ],
    ],
    [
      "negative coverage",
      2,
      -0.2,
      undefined,
      [
        [0, 0],
        [0.5, 0.5],
      ],
    ],
    [
      "coverage above 1",
      2,
      1.5,
      undefined,
      [
        [0, 0.5],
        [0.5, 1],
      ],
    ],
    [
      "weights sum below 1",
      2,
      1,
      [0.4, 0.1],
      [
        [0, 0.5],
        [0.5, 1],
      ],
    ],
    [
      "weights sum above 1",
      2,
      1,
      [0.7, 0.6],
      [
        [0, 0.5],
        [0.5, 1],
      ],
    ],
    [
      "weights length mismatch",
      4,
      1,
      [0.4, 0.4, 0.2],
      [
        [0, 0.25],
        [0.25, 0.5],
        [0.5, 0.75],
        [0.75, 1],
      ],
    ],
    [
      "weights sum almost 1",
      2,
      1,
      [0.4, 0.5999],
      [
        [0, 0.4],
        [0.4, 0.9999],
      ],
    ],
  ] as const)("%s", (_name, n, coverage, weights, expected) => {
    const ranges = getBucketRanges(n, coverage, weights);
    expect(ranges).toHaveLength(expected.length);
    ranges.forEach((r, i) => {
      expect(r[0]).toBeCloseTo(expected[i]![0], 12);
      expect(r[1]).toBeCloseTo(expected[i]![1], 12);
    });
  });

  it("defaults coverage to 1", () => {
    expect(getBucketRanges(2)).toEqual([
      [0, 0.5],
      [0.5, 1],
    ]);
  });

  it("keeps each range's start when coverage changes, so assignments persist", () => {
    const low = getBucketRanges(2, 0.1, [0.4, 0.6]);
    const full = getBucketRanges(2, 1, [0.4, 0.6]);
    expect(low.map((r) => r[0])).toEqual(full.map((r) => r[0]));
  });
});

describe("chooseVariation", () => {
  const even = getBucketRanges(2, 1);
  const reduced = getBucketRanges(2, 0.5);
  it("picks the range holding n, start inclusive and end exclusive", () => {
    expect(chooseVariation(0.2, even)).toBe(0);
    expect(chooseVariation(0.5, even)).toBe(1);
    expect(chooseVariation(0.6, even)).toBe(1);
    expect(chooseVariation(0.2, reduced)).toBe(0);
    expect(chooseVariation(0.6, reduced)).toBe(1);
  });
  it("gives -1 outside coverage", () => {
    expect(chooseVariation(0.4, reduced)).toBe(-1);
    expect(chooseVariation(0.8, reduced)).toBe(-1);
    expect(chooseVariation(0.5, getBucketRanges(2, 0))).toBe(-1);
  });
  it("skips zero-width ranges", () => {
    expect(
      chooseVariation(0.5, [
        [0, 0.5],
        [0.5, 0.5],
        [0.5, 1],
      ]),
    ).toBe(2);
  });
});

describe("split over many ids", () => {
  const N = 100_000;
  const count = (coverage: number, weights: number[]) => {
    const ranges = getBucketRanges(weights.length, coverage, weights);
    const counts = new Array<number>(weights.length + 1).fill(0); // last slot: outside coverage
    for (let i = 0; i < N; i++) {
      const v = chooseVariation(hash("split-test", `visitor-${i}`, 2) as number, ranges);
      counts[v < 0 ? weights.length : v]! += 1;
    }
    return counts.map((c) => c / N);
  };

  it("matches uneven weights within 1 percentage point", () => {
    // The binomial sd of a share near 0.5 over 1e5 ids is 0.0016; 0.01 is more than 6 sd.
    const shares = count(1, [0.2, 0.3, 0.5]);
    expect(Math.abs(shares[0]! - 0.2)).toBeLessThan(0.01);
    expect(Math.abs(shares[1]! - 0.3)).toBeLessThan(0.01);
    expect(Math.abs(shares[2]! - 0.5)).toBeLessThan(0.01);
    expect(shares[3]).toBe(0);
  });

  it("leaves 1 - coverage of ids out of the experiment", () => {
    const shares = count(0.4, [0.5, 0.5]);
    expect(Math.abs(shares[0]! - 0.2)).toBeLessThan(0.01);
    expect(Math.abs(shares[1]! - 0.2)).toBeLessThan(0.01);
    expect(Math.abs(shares[2]! - 0.6)).toBeLessThan(0.01);
  });
});
