import { describe, expect, it } from "vitest";
import type { RawInteraction } from "./ratings-file";
import { indexInteractions, splitTrainTest } from "./split";
import { csrToDense } from "./sparse";

function rows(spec: Record<string, string[]>, rating = 1): RawInteraction[] {
  return Object.entries(spec).flatMap(([user, items]) => items.map((item) => ({ user, item, rating })));
}

describe("indexInteractions", () => {
  it("dedupes user-item pairs keeping the best rating and filters by min rating", () => {
    const data = indexInteractions(
      [
        { user: "a", item: "x", rating: 2 },
        { user: "a", item: "x", rating: 5 },
        { user: "b", item: "y", rating: 1 },
        { user: "a", item: "y", rating: 4 },
      ],
      { minRating: 2 },
    );
    expect(data.userIds).toEqual(["a"]);
    expect(data.itemIds).toEqual(["x", "y"]);
    expect(Array.from(data.ratings)).toEqual([5, 4]);
    expect(data.rowsBelowMinRating).toBe(1);
  });
});

describe("splitTrainTest", () => {
  const spec = {
    u1: ["a", "b", "c", "d", "e", "f", "g", "h"],
    u2: ["a", "b"],
    u3: ["c"],
    u4: ["a", "b", "c"],
  };
  const data = indexInteractions(rows(spec));

  it("user split: holds out round(ratio * m) per user, clamped to [1, m - 1]; single-interaction users stay in train", () => {
    const { train, test } = splitTrainTest(data, { mode: "user", testRatio: 0.25, seed: 42 });
    const testCounts = csrToDense(test).map((r) => r.filter(Boolean).length);
    const trainCounts = csrToDense(train).map((r) => r.filter(Boolean).length);
    expect(testCounts).toEqual([2, 1, 0, 1]);
    expect(trainCounts).toEqual([6, 1, 1, 2]);
    // Train and test partition the data.
    const t = csrToDense(train);
    csrToDense(test).forEach((r, u) => r.forEach((v, i) => v && expect(t[u]![i]).toBe(0)));
  });

  it("is deterministic for a seed and changes with it", () => {
    const a = splitTrainTest(data, { mode: "user", testRatio: 0.5, seed: 1 });
    const b = splitTrainTest(data, { mode: "user", testRatio: 0.5, seed: 1 });
    expect(csrToDense(a.test)).toEqual(csrToDense(b.test));
    const seeds = [2, 3, 4, 5, 6].map((seed) =>
      JSON.stringify(csrToDense(splitTrainTest(data, { mode: "user", testRatio: 0.5, seed }).test)),
    );
    expect(new Set(seeds).size).toBeGreaterThan(1);
  });

  it("item split: holds out per item; items with one interaction stay in train", () => {
    const { test } = splitTrainTest(data, { mode: "item", testRatio: 0.5, seed: 7 });
    const perItem = data.itemIds.map((_, i) => csrToDense(test).reduce((s, r) => s + (r[i] ? 1 : 0), 0));
    // a: 3 users -> round(1.5) = 2; b: 3 -> 2; c: 3 -> 2; d..h: 1 -> 0.
    expect(perItem).toEqual([2, 2, 2, 0, 0, 0, 0, 0]);
  });

  it("rejects ratios outside (0, 1)", () => {
    expect(() => splitTrainTest(data, { mode: "user", testRatio: 1, seed: 1 })).toThrow(RangeError);
    expect(() => splitTrainTest(data, { mode: "user", testRatio: 0, seed: 1 })).toThrow(RangeError);
  });
});
