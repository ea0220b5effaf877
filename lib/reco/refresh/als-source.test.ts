import { describe, expect, it } from "vitest";
import { alsItemNeighbours, alsScores } from "./als-source";

describe("ALS as a source", () => {
  // Items 0 and 1 point one way, 2 and 3 the other, 4 has no evidence (zero factors).
  const model = {
    factors: 2,
    userFactors: Float64Array.from([1, 0, 0, 1]),
    itemFactors: Float64Array.from([1, 0.1, 0.9, 0, 0, 1, 0.1, 0.8, 0, 0]),
  };

  it("scores a user by the dot product of factors", () => {
    const out = new Float64Array(5);
    alsScores(model, 1, out);
    expect(Array.from(out)).toEqual([0.1, 0, 1, 0.8, 0]);
  });

  it("gives every item, in the unrolled blocks and the remainder alike, the plain dot product's bits", () => {
    const f = 7;
    const nItems = 11;
    let seed = 3;
    const next = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32) * 2 - 1;
    const m = {
      factors: f,
      userFactors: Float64Array.from({ length: 2 * f }, next),
      itemFactors: Float64Array.from({ length: nItems * f }, next),
    };
    const out = new Float64Array(nItems);
    alsScores(m, 1, out);
    for (let i = 0; i < nItems; i++) {
      let s = 0;
      for (let d = 0; d < f; d++) s += m.userFactors[f + d]! * m.itemFactors[i * f + d]!;
      expect(out[i]).toBe(s);
    }
  });

  it("lists each item's nearest items in factor space, never itself or a factorless item", () => {
    const nb = alsItemNeighbours(model, 5, 2);
    const row = (i: number) => Array.from(nb.indices.subarray(nb.indptr[i]!, nb.indptr[i + 1]!));
    expect(row(0)[0]).toBe(1);
    expect(row(2)[0]).toBe(3);
    expect(row(4)).toEqual([]);
    for (let i = 0; i < 5; i++) {
      expect(row(i)).not.toContain(i);
      expect(row(i)).not.toContain(4);
    }
  });
});
