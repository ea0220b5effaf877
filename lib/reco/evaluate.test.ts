import { describe, expect, it } from "vitest";
import { createRng } from "../random";
import { evaluateDataset, evaluateRanking } from "./evaluate";
import type { ParsedDataset, RawInteraction } from "./ratings-file";
import { csrFromTriplets } from "./sparse";

/**
 * 300 users in 3 taste groups, each group buying from its own 10-item block (plus one store-wide
 * bestseller): collaborative models should find the block, popularity cannot.
 */
function groupedDataset(): ParsedDataset {
  const rng = createRng(8);
  const interactions: RawInteraction[] = [];
  for (let u = 0; u < 300; u++) {
    const block = u % 3;
    const items = new Set<number>([30]);
    while (items.size < 7) items.add(block * 10 + rng.int(10));
    for (const i of items) interactions.push({ user: `u${u}`, item: `i${i}`, rating: 1 });
  }
  return { format: "ratings", separator: ",", header: false, interactions, skipped: 0, skippedBy: {} };
}

describe("evaluateRanking", () => {
  it("averages metrics over users with test items and measures coverage", () => {
    // 2 users, 4 items. u0 trains on item 0, tests on {1}; u1 has no test items.
    const train = csrFromTriplets(2, 4, [0, 1], [0, 2], [1, 1]);
    const test = csrFromTriplets(2, 4, [0], [1], [1]);
    const seenExcluded: number[][] = [];
    const r = evaluateRanking(
      train,
      test,
      (_u, n, exclude) => {
        seenExcluded.push(Array.from(exclude));
        return Int32Array.from([2, 1, 3].slice(0, n));
      },
      2,
    );
    expect(seenExcluded).toEqual([[1, 0, 0, 0]]);
    expect(r.users).toBe(1);
    expect(r.precision).toBe(0.5);
    expect(r.recall).toBe(1);
    expect(r.ndcg).toBeCloseTo(1 / Math.log2(3), 12);
    expect(r.coverage).toBe(0.5);
  });
});

describe("evaluateDataset", () => {
  const dataset = groupedDataset();
  const options = {
    split: "user" as const,
    testRatio: 0.25,
    seed: 42,
    k: 5,
    models: ["pop", "itemknn", "userknn", "ease", "rp3beta", "served"] as const,
  };

  it("reports every model with keys named after k, and the protocol", () => {
    const r = evaluateDataset(dataset, { ...options, models: [...options.models] });
    expect(Object.keys(r.models)).toEqual([...options.models]);
    for (const m of Object.values(r.models)) {
      expect(Object.keys(m).sort()).toEqual(["coverage", "fit_s", "ndcg@5", "precision@5", "recall@5"]);
    }
    expect(r.protocol).toMatchObject({ split: "user", test_ratio: 0.25, seed: 42, k: 5, users: 300, items: 31 });
    expect(String((r.protocol.metrics as Record<string, string>).recall)).toContain("|user's test items|");
  });

  it("collaborative models beat popularity when tastes are grouped", () => {
    const r = evaluateDataset(dataset, { ...options, models: [...options.models] });
    const pop = r.models.pop!["ndcg@5"]!;
    for (const name of ["itemknn", "userknn", "ease", "served"])
      expect(r.models[name]!["ndcg@5"]!).toBeGreaterThan(pop + 0.1);
  });

  it("is reproducible for a seed (apart from timing)", () => {
    const a = evaluateDataset(dataset, { ...options, models: ["itemknn"] });
    const b = evaluateDataset(dataset, { ...options, models: ["itemknn"] });
    expect(a).toEqual(b);
  });
});
