import { describe, expect, it } from "vitest";
import { buildGraph, personalizedPageRank, pagerankVector } from "./pagerank";

const d = 0.85;

describe("personalized PageRank", () => {
  it("two nodes pointing at each other, restart at A: pi_A = 1 / (1 + d)", () => {
    const g = buildGraph([
      { from: "A", to: "B" },
      { from: "B", to: "A" },
    ]);
    const { scores, converged } = personalizedPageRank(g, { A: 1 }, { damping: d, tol: 1e-14, maxIter: 1000 });
    expect(converged).toBe(true);
    expect(scores.get("A")).toBeCloseTo(1 / (1 + d), 12);
    expect(scores.get("B")).toBeCloseTo(d / (1 + d), 12);
  });

  it("returns dangling mass to the restart vector, not uniformly", () => {
    // A -> B, B has no out-edges, C is isolated. With restart at A:
    // pi_A = (1 - d) + d * pi_B (dangling B goes back to A), pi_B = d * pi_A => pi_A = 1 / (1 + d).
    const g = buildGraph([{ from: "A", to: "B" }], ["C"]);
    const { scores } = personalizedPageRank(g, { A: 1 }, { tol: 1e-14, maxIter: 1000 });
    expect(scores.get("A")).toBeCloseTo(1 / (1 + d), 12);
    expect(scores.get("B")).toBeCloseTo(d / (1 + d), 12);
    expect(scores.get("C")).toBe(0);
  });

  it("a star with uniform restart matches the closed form", () => {
    // Hub H <-> leaves L1..L3, uniform restart over 4 nodes:
    // pi_H = (1 - d) / 4 + d * (1 - pi_H)  =>  pi_H = ((1 - d) / 4 + d) / (1 + d).
    const edges = ["L1", "L2", "L3"].flatMap((l) => [
      { from: "H", to: l },
      { from: l, to: "H" },
    ]);
    const g = buildGraph(edges);
    const { scores } = personalizedPageRank(g, { H: 1, L1: 1, L2: 1, L3: 1 }, { tol: 1e-14, maxIter: 1000 });
    const hub = ((1 - d) / 4 + d) / (1 + d);
    expect(scores.get("H")).toBeCloseTo(hub, 12);
    for (const l of ["L1", "L2", "L3"]) expect(scores.get(l)).toBeCloseTo((1 - hub) / 3, 12);
  });

  it("follows edge weights and sums to 1", () => {
    // U -> X weight 3, U -> Y weight 1, X and Y dangling, restart at U:
    // pi_U = 1 / (1 + d) (all walk mass returns), pi_X = d * pi_U * 3/4, pi_Y = d * pi_U / 4.
    const g = buildGraph([
      { from: "U", to: "X", weight: 2 },
      { from: "U", to: "X", weight: 1 },
      { from: "U", to: "Y", weight: 1 },
      { from: "U", to: "Z", weight: 0 },
    ]);
    const { scores, vector } = personalizedPageRank(g, new Map([["U", 5]]), { tol: 1e-14, maxIter: 1000 });
    const u = 1 / (1 + d);
    expect(scores.get("X")).toBeCloseTo((d * u * 3) / 4, 12);
    expect(scores.get("Y")).toBeCloseTo((d * u) / 4, 12);
    expect(scores.get("Z")).toBe(0);
    expect(vector.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
  });

  it("validates input", () => {
    const g = buildGraph([{ from: "A", to: "B" }]);
    expect(() => personalizedPageRank(g, { Q: 1 })).toThrow(/not in the graph/);
    expect(() => personalizedPageRank(g, { A: 0 })).toThrow(RangeError);
    expect(() => pagerankVector(g, new Float64Array(2).fill(1), { damping: 1 })).toThrow(RangeError);
    expect(() => buildGraph([{ from: "A", to: "B", weight: NaN }])).toThrow(RangeError);
  });
});
