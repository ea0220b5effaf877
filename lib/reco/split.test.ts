import { describe, expect, it } from "vitest";
import type { RawInteraction } from "./ratings-file";
import { indexInteractions, splitCrossDomain, splitTrainTest } from "./split";
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

describe("splitCrossDomain", () => {
  // Items a0..a3 are domain 0 ("artwork"), c0..c3 domain 1 ("course"), x has no domain (-1).
  const domainOfId = (id: string) => (id.startsWith("a") ? 0 : id.startsWith("c") ? 1 : -1);
  const spec: Record<string, string[]> = {};
  for (let u = 0; u < 200; u++) {
    // u % 4: 0 both domains, 1 artworks only, 2 courses only, 3 courses plus a domain-less item.
    const kind = u % 4;
    const items = [];
    if (kind === 0 || kind === 1) items.push(`a${u % 4}`, `a${(u + 1) % 4}`);
    if (kind !== 1) items.push(`c${u % 3}`, `c3`);
    if (kind === 3) items.push("x");
    spec[`u${u}`] = items;
  }
  const data = indexInteractions(rows(spec));
  const domainOf = Int32Array.from(data.itemIds, domainOfId);
  const split = (seed: number, target = 0, testRatio = 0.25) =>
    splitCrossDomain(data, { domainOf, target, testRatio, seed });

  it("holds out every target-domain item of the chosen users and nothing else", () => {
    const { train, test, eligibleUsers, testUsers } = split(42);
    // Only the 50 users with both domains qualify; a domain-less item does not make a second domain.
    expect(eligibleUsers).toBe(50);
    expect(testUsers.length).toBe(Math.round(0.25 * 50));
    const trainRows = csrToDense(train);
    const testRows = csrToDense(test);
    const chosen = new Set(testUsers);
    data.userIds.forEach((id, u) => {
      const all = spec[id]!;
      const inTrain = data.itemIds.filter((_, i) => trainRows[u]![i]);
      const inTest = data.itemIds.filter((_, i) => testRows[u]![i]);
      if (chosen.has(u)) {
        expect(Number(id.slice(1)) % 4).toBe(0);
        expect(inTrain.some((i) => domainOfId(i) === 0)).toBe(false);
        expect(inTest.sort()).toEqual(all.filter((i) => domainOfId(i) === 0).sort());
        expect(inTrain.sort()).toEqual(all.filter((i) => domainOfId(i) !== 0).sort());
      } else {
        expect(inTest).toEqual([]);
        expect(inTrain.sort()).toEqual([...all].sort());
      }
    });
  });

  it("chooses about test-ratio of the eligible users, the same ones for the same seed", () => {
    const a = split(7, 1, 0.4);
    expect(a.eligibleUsers).toBe(50);
    expect(a.testUsers.length).toBe(20);
    expect(Array.from(split(7, 1, 0.4).testUsers)).toEqual(Array.from(a.testUsers));
    expect(csrToDense(split(7, 1, 0.4).test)).toEqual(csrToDense(a.test));
    const others = [8, 9, 10, 11].map((seed) => Array.from(split(seed, 1, 0.4).testUsers).join());
    expect(new Set([Array.from(a.testUsers).join(), ...others]).size).toBeGreaterThan(1);
  });

  it("takes at least one user when any is eligible and none when none is", () => {
    expect(split(1, 0, 0.001).testUsers.length).toBe(1);
    const single = indexInteractions(rows({ u1: ["a0"], u2: ["c1"] }));
    const r = splitCrossDomain(single, {
      domainOf: Int32Array.from(single.itemIds, domainOfId),
      target: 0,
      testRatio: 0.5,
      seed: 1,
    });
    expect(r.eligibleUsers).toBe(0);
    expect(r.test.indices.length).toBe(0);
    expect(r.train.indices.length).toBe(2);
  });

  it("rejects a domain table of the wrong length and ratios outside (0, 1)", () => {
    expect(() => splitCrossDomain(data, { domainOf: [0], target: 0, testRatio: 0.25, seed: 1 })).toThrow(
      /domainOf has 1 entries/,
    );
    expect(() => split(1, 0, 1)).toThrow(RangeError);
  });
});
