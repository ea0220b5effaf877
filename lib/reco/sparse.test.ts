import { describe, expect, it } from "vitest";
import {
  binarize,
  columnCounts,
  csrFromTriplets,
  csrGet,
  csrToDense,
  rowNorms,
  rowNormalizeL1,
  transpose,
} from "./sparse";
import { topN } from "./top-n";

describe("csrFromTriplets", () => {
  it("sorts columns within rows and merges duplicates by the chosen rule", () => {
    const rows = [1, 0, 1, 1, 0];
    const cols = [2, 1, 0, 2, 1];
    const vals = [1, 2, 3, 4, 5];
    const sum = csrFromTriplets(2, 3, rows, cols, vals, "sum");
    expect(csrToDense(sum)).toEqual([
      [0, 7, 0],
      [3, 0, 5],
    ]);
    expect(Array.from(sum.indices)).toEqual([1, 0, 2]);
    expect(csrToDense(csrFromTriplets(2, 3, rows, cols, vals, "max"))).toEqual([
      [0, 5, 0],
      [3, 0, 4],
    ]);
    expect(csrToDense(csrFromTriplets(2, 3, rows, cols, vals, "last"))).toEqual([
      [0, 5, 0],
      [3, 0, 4],
    ]);
  });

  it("rejects out-of-range indices", () => {
    expect(() => csrFromTriplets(1, 1, [0], [1], [1])).toThrow(RangeError);
    expect(() => csrFromTriplets(1, 1, [2], [0], [1])).toThrow(RangeError);
  });

  it("transposes, normalises and counts", () => {
    const m = csrFromTriplets(2, 3, [0, 0, 1], [0, 2, 2], [3, 4, 2]);
    expect(csrToDense(transpose(m))).toEqual([
      [3, 0],
      [0, 0],
      [4, 2],
    ]);
    expect(Array.from(rowNorms(m))).toEqual([5, 2]);
    expect(Array.from(columnCounts(m))).toEqual([1, 0, 2]);
    expect(csrToDense(rowNormalizeL1(m))[0]).toEqual([3 / 7, 0, 4 / 7]);
    expect(Array.from(binarize(m).data)).toEqual([1, 1, 1]);
    expect(csrGet(m, 0, 2)).toBe(4);
    expect(csrGet(m, 1, 1)).toBe(0);
  });
});

describe("topN", () => {
  it("returns the best first, ties to the lower index, skipping excluded and -Infinity", () => {
    const scores = Float64Array.from([0.5, 0.9, 0.5, -Infinity, 0.9, 0.1]);
    expect(Array.from(topN(scores, 3))).toEqual([1, 4, 0]);
    const exclude = Uint8Array.from([0, 1, 0, 0, 0, 0]);
    expect(Array.from(topN(scores, 10, { exclude }))).toEqual([4, 0, 2, 5]);
    expect(Array.from(topN(scores, 2, { candidates: [5, 2, 0], candidateCount: 2 }))).toEqual([2, 5]);
    expect(topN(scores, 0).length).toBe(0);
  });

  it("agrees with a full sort on random scores", () => {
    let state = 7;
    const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    const scores = Float64Array.from({ length: 500 }, () => Math.round(next() * 50) / 50);
    const expected = Array.from(scores.keys())
      .sort((a, b) => scores[b]! - scores[a]! || a - b)
      .slice(0, 37);
    expect(Array.from(topN(scores, 37))).toEqual(expected);
  });
});
