import { describe, expect, it } from "vitest";
import { createRng } from "../random";
import { evaluateDataset } from "./evaluate";
import type { ParsedDataset, RawInteraction } from "./ratings-file";
import { fitServed, fitServedCrossDomain } from "./served";
import { csrFromTriplets } from "./sparse";

/**
 * 600 users over 60 items in 4 taste groups (15 items each, Zipf-like popularity inside a group), a
 * fifth of picks anywhere by site-wide popularity: a neighbourhood model and popularity each see part
 * of the structure, so the blend has something to learn.
 */
function tasteDataset(seed = 3): ParsedDataset {
  const rng = createRng(seed);
  const interactions: RawInteraction[] = [];
  const zipf = (n: number) => Math.min(n - 1, Math.floor(n * rng.next() ** 2));
  for (let u = 0; u < 600; u++) {
    const group = u % 4;
    const items = new Set<number>();
    const m = 4 + rng.int(8);
    while (items.size < m) items.add(rng.next() < 0.8 ? group * 15 + zipf(15) : zipf(60));
    for (const i of items) interactions.push({ user: `u${u}`, item: `i${i}`, rating: 1 });
  }
  return { format: "ratings", separator: ",", header: false, interactions, skipped: 0, skippedBy: {} };
}

/** The dataset as a users x items matrix, in first-seen order, with its item ids. */
function matrixOf(ds: ParsedDataset) {
  const users = new Map<string, number>();
  const items = new Map<string, number>();
  const rows: number[] = [];
  const cols: number[] = [];
  for (const it of ds.interactions) {
    if (!users.has(it.user)) users.set(it.user, users.size);
    if (!items.has(it.item)) items.set(it.item, items.size);
    rows.push(users.get(it.user)!);
    cols.push(items.get(it.item)!);
  }
  const x = csrFromTriplets(users.size, items.size, rows, cols, new Float64Array(rows.length).fill(1));
  return { x, itemIds: [...items.keys()] };
}

function fitServedOn(ds: ParsedDataset, models: Parameters<typeof fitServed>[1]["models"]) {
  return fitServed(matrixOf(ds).x, { seed: 1, slot: "for_you", models });
}

describe("served", () => {
  it("is at least as good as the best single model of the same run", () => {
    const r = evaluateDataset(tasteDataset(), {
      split: "user",
      testRatio: 0.25,
      seed: 42,
      k: 10,
      models: ["pop", "itemknn", "userknn", "ease", "rp3beta", "served"],
    });
    const ndcg = (m: string) => r.models[m]!["ndcg@10"]!;
    const bestSingle = Math.max(...["pop", "itemknn", "userknn", "ease", "rp3beta"].map(ndcg));
    expect(ndcg("served")).toBeGreaterThanOrEqual(bestSingle);
    const tuning = (r.protocol.params as { served: { weights: { for_you: Record<string, number> } } }).served;
    expect(Object.values(tuning.weights.for_you).reduce((s, v) => s + v, 0)).toBeCloseTo(1, 9);
  });

  it("never recommends a training item, and gives the same lists for the same seed", () => {
    const rows = [0, 0, 0, 1, 1, 2, 2, 2, 3, 3];
    const cols = [0, 1, 2, 1, 2, 0, 3, 4, 3, 4];
    const x = csrFromTriplets(4, 6, rows, cols, new Float64Array(rows.length).fill(1));
    const a = fitServed(x, { seed: 1, slot: "for_you" });
    const b = fitServed(x, { seed: 1, slot: "for_you" });
    for (let u = 0; u < 4; u++) {
      const list = Array.from(a.recommend(u, 3));
      const own = Array.from(x.indices.subarray(x.indptr[u]!, x.indptr[u + 1]!));
      expect(list.some((i) => own.includes(i))).toBe(false);
      expect(list).toEqual(Array.from(b.recommend(u, 3)));
    }
  });

  it("scores ALS through item neighbours past the dense ceiling, as the refresh does at scale", () => {
    const big = fitServedOn(tasteDataset(9), { easeMaxItems: 0, alsDenseMaxCost: 0 });
    expect(big.strongModel).toBe("als");
    expect(big.tuning.trials.some((t) => t.source === "als")).toBe(true);
    const v = big.tuning.validation.for_you!;
    expect(v.blend).toBeGreaterThanOrEqual(v.best.ndcg);
    for (let u = 0; u < 20; u++) expect(big.recommend(u, 10).length).toBe(10);
  });

  it("ranks only the target domain in the cross-domain slot, walking from the other", () => {
    const { x, itemIds } = matrixOf(tasteDataset(5));
    // Odd item numbers are the target domain.
    const domainOf = Int32Array.from(itemIds, (id) => Number(id.slice(1)) % 2);
    const served = fitServedCrossDomain(x, domainOf, 1, { seed: 2 });
    for (let u = 0; u < 50; u++) {
      const list = Array.from(served.recommend(u, 5));
      expect(list.length).toBe(5);
      for (const i of list) {
        expect(domainOf[i]).toBe(1);
        expect(Array.from(x.indices.subarray(x.indptr[u]!, x.indptr[u + 1]!))).not.toContain(i);
      }
    }
  });
});
