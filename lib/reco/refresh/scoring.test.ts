import { describe, expect, it } from "vitest";
import { userKnn } from "../cf";
import { csrFromTriplets } from "../sparse";
import type { Neighbours } from "../similarity";
import { NeighbourScorer, sparsifyDense, truncateNeighbours, UserKnnScorer } from "./scoring";

// Item 0 -> 1 (0.5), 2 (0.25); item 3 -> 2 (0.9).
const nb: Neighbours = {
  n: 4,
  indptr: Int32Array.from([0, 2, 2, 2, 3]),
  indices: Int32Array.from([1, 2, 2]),
  sims: Float64Array.from([0.5, 0.25, 0.9]),
};

describe("NeighbourScorer", () => {
  it("sums weight x similarity and keeps the history item that contributed most", () => {
    const s = new NeighbourScorer(4);
    const count = s.run(nb, [0, 3], [2, 1]);
    const touched = Array.from(s.touched.subarray(0, count)).sort();
    expect(touched).toEqual([1, 2]);
    expect(s.scores[1]).toBeCloseTo(1.0, 12); // 2 * 0.5
    expect(s.scores[2]).toBeCloseTo(0.5 + 0.9, 12); // 2 * 0.25 + 1 * 0.9
    expect(s.anchor[1]).toBe(0);
    expect(s.anchor[2]).toBe(3); // 0.9 > 0.5
    // A second run starts clean (no leftovers from the first).
    expect(s.run(nb, [3], [1])).toBe(1);
    expect(s.scores[2]).toBeCloseTo(0.9, 12);
    expect(s.anchor[2]).toBe(3);
  });
});

describe("truncateNeighbours and sparsifyDense", () => {
  it("keeps the first k of best-first lists", () => {
    const t = truncateNeighbours(nb, 1);
    expect(Array.from(t.indptr)).toEqual([0, 1, 1, 1, 2]);
    expect(Array.from(t.indices)).toEqual([1, 2]);
  });

  it("keeps each row's k largest positive weights, mapped back to item ids", () => {
    // Active items 1, 3 and 4 of 5; B over them (row-major), negative and zero weights dropped.
    const w = Float64Array.from([0, 0.2, -0.1, 0.7, 0, 0.3, 0.1, 0.4, 0]);
    const s = sparsifyDense(w, Int32Array.from([1, 3, 4]), 5, 2);
    expect(Array.from(s.indptr)).toEqual([0, 0, 1, 1, 3, 5]);
    expect(Array.from(s.indices)).toEqual([3, 1, 4, 3, 1]);
    expect(Array.from(s.sims)).toEqual([0.2, 0.7, 0.3, 0.4, 0.1]);
  });
});

describe("UserKnnScorer", () => {
  it("scores exactly like cf.ts's userKnn, listing the items it touched", () => {
    const rows = [0, 0, 1, 1, 1, 2, 2, 3, 3, 3];
    const cols = [0, 1, 0, 1, 2, 1, 3, 2, 3, 4];
    const vals = [1, 2, 1, 1, 3, 2, 1, 1, 1, 5];
    const x = csrFromTriplets(4, 5, rows, cols, vals);
    const reference = userKnn.fit(x, { k: 2, shrink: 1 });
    const ours = new UserKnnScorer(x, 2, 1);
    const expected = new Float64Array(5);
    for (let u = 0; u < 4; u++) {
      reference.scoreUser(u, expected);
      const count = ours.run(u);
      const got = new Float64Array(5);
      for (let t = 0; t < count; t++) got[ours.touched[t]!] = ours.scores[ours.touched[t]!]!;
      expect(Array.from(got)).toEqual(Array.from(expected));
    }
  });
});
