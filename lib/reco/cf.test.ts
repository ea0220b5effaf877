import { describe, expect, it } from "vitest";
import { itemKnn, userKnn } from "./cf";
import { fitPopularity } from "./popularity";
import { cosineNeighbours, neighbourSim } from "./similarity";
import { csrFromTriplets, transpose, type Csr } from "./sparse";

/** Binary users x items matrix from lists of item ids per user. */
function matrix(rows: number[][], nItems: number): Csr {
  const r: number[] = [];
  const c: number[] = [];
  rows.forEach((items, u) => items.forEach((i) => (r.push(u), c.push(i))));
  return csrFromTriplets(rows.length, nItems, r, c, new Array(r.length).fill(1));
}

// u0: i0 i1 | u1: i0 i1 i2 | u2: i1 i2 i3
const x = matrix(
  [
    [0, 1],
    [0, 1, 2],
    [1, 2, 3],
  ],
  4,
);

describe("shrunk cosine neighbours", () => {
  it("matches similarities computed by hand", () => {
    // Item columns: i0 = {u0, u1}, i1 = {u0, u1, u2}, i2 = {u1, u2}, i3 = {u2}.
    const plain = cosineNeighbours(transpose(x), { k: 10, shrink: 0 });
    expect(neighbourSim(plain, 0, 1)).toBeCloseTo(2 / Math.sqrt(6), 12);
    expect(neighbourSim(plain, 0, 2)).toBeCloseTo(1 / 2, 12);
    expect(neighbourSim(plain, 1, 3)).toBeCloseTo(1 / Math.sqrt(3), 12);
    expect(neighbourSim(plain, 0, 3)).toBe(0); // never co-occur: not even stored
    const shrunk = cosineNeighbours(transpose(x), { k: 10, shrink: 1 });
    expect(neighbourSim(shrunk, 0, 1)).toBeCloseTo(2 / (Math.sqrt(6) + 1), 12);
    expect(neighbourSim(shrunk, 1, 0)).toBeCloseTo(2 / (Math.sqrt(6) + 1), 12);
  });

  it("keeps only the top k per row, best first, and never the row itself", () => {
    const nb = cosineNeighbours(transpose(x), { k: 1, shrink: 0 });
    expect(Array.from(nb.indices.subarray(nb.indptr[1]!, nb.indptr[2]!))).toEqual([0]); // i1: i0 and i2 tie at 2/sqrt(6)
    for (let r = 0; r < nb.n; r++) {
      const ids = Array.from(nb.indices.subarray(nb.indptr[r]!, nb.indptr[r + 1]!));
      expect(ids).not.toContain(r);
      expect(ids.length).toBeLessThanOrEqual(1);
    }
    expect(() => cosineNeighbours(x, { k: 0 })).toThrow(RangeError);
  });

  it("agrees with brute-force cosine on a random sparse matrix", () => {
    let s = 3;
    const rand = () => (s = (s * 48271) % 2147483647) / 2147483647;
    const rows = Array.from({ length: 60 }, () => [
      ...new Set(Array.from({ length: 1 + Math.floor(rand() * 6) }, () => Math.floor(rand() * 25))),
    ]);
    const m = matrix(rows, 25);
    const t = transpose(m);
    const nb = cosineNeighbours(t, { k: 24, shrink: 2 });
    const col = (i: number): number[] => rows.map((items) => (items.includes(i) ? 1 : 0));
    for (let a = 0; a < 25; a++) {
      for (let b = 0; b < 25; b++) {
        if (a === b) continue;
        const va = col(a);
        const vb = col(b);
        const dot = va.reduce((acc, v, u) => acc + v * vb[u]!, 0);
        const expected =
          dot === 0
            ? 0
            : dot / (Math.sqrt(va.reduce((q, v) => q + v, 0)) * Math.sqrt(vb.reduce((q, v) => q + v, 0)) + 2);
        expect(neighbourSim(nb, a, b)).toBeCloseTo(expected, 12);
      }
    }
  });
});

describe("itemKnn", () => {
  it("scores unseen items as sums of similarities to the history and names the anchor", () => {
    const model = itemKnn.fit(x, { k: 10, shrink: 0 });
    const scores = new Float64Array(4);
    model.scoreUser(0, scores);
    expect(scores[2]).toBeCloseTo(1 / 2 + 2 / Math.sqrt(6), 12); // sim(i0,i2) + sim(i1,i2)
    expect(scores[3]).toBeCloseTo(1 / Math.sqrt(3), 12); // via i1 only
    const recs = model.recommend(0, 5);
    expect(recs.map((r) => r.item)).toEqual([2, 3]);
    expect(recs[0]!.anchor).toBe(1);
    expect(model.recommend(0, 5, { exclude: [2] }).map((r) => r.item)).toEqual([3]);
    expect(model.recommend(0, 5, { excludeSeen: false }).map((r) => r.item)).toContain(0);
  });

  it("scores a bare history for a visitor outside the matrix", () => {
    const model = itemKnn.fit(x, { k: 10, shrink: 0 });
    const out = new Float64Array(4);
    model.scoreHistory([3], [2], out);
    expect(out[2]).toBeCloseTo(2 * (1 / Math.sqrt(2)), 12);
    expect(out[3]).toBe(0);
  });
});

describe("userKnn", () => {
  it("weights the k most similar users' items by similarity", () => {
    // sim(u0, u1) = 2 / sqrt(6); sim(u0, u2) = 1 / sqrt(6).
    const one = userKnn.fit(x, { k: 1, shrink: 0 });
    const s1 = new Float64Array(4);
    one.scoreUser(0, s1);
    expect(s1[2]).toBeCloseTo(2 / Math.sqrt(6), 12);
    expect(s1[3]).toBe(0);
    const two = userKnn.fit(x, { k: 2, shrink: 0 });
    const s2 = new Float64Array(4);
    two.scoreUser(0, s2);
    expect(s2[2]).toBeCloseTo(3 / Math.sqrt(6), 12);
    expect(s2[3]).toBeCloseTo(1 / Math.sqrt(6), 12);
    expect(two.recommend(0, 3).map((r) => r.item)).toEqual([2, 3]);
  });
});

describe("popularity", () => {
  it("ranks by distinct users and skips the user's own items", () => {
    const pop = fitPopularity(x);
    expect(Array.from(pop.scores)).toEqual([2, 3, 2, 1]);
    expect(pop.recommend(0, 2).map((r) => r.item)).toEqual([2, 3]);
    expect(pop.recommend(2, 1).map((r) => r.item)).toEqual([0]);
  });
});
