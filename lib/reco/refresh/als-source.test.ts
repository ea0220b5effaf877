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
