import { describe, expect, it } from "vitest";
import { createRng } from "../random";
import { fitEase } from "./ease";
import { invertSpdInPlace } from "./linalg";
import { fitRp3beta } from "./rp3beta";
import { neighbourSim } from "./similarity";
import { csrFromTriplets, type Csr } from "./sparse";

function matrix(rows: number[][], nItems: number): Csr {
  const r: number[] = [];
  const c: number[] = [];
  rows.forEach((items, u) => items.forEach((i) => (r.push(u), c.push(i))));
  return csrFromTriplets(rows.length, nItems, r, c, new Array(r.length).fill(1));
}

/** Independent reference: Gauss-Jordan with partial pivoting on number[][]. */
function gaussJordanInverse(a: number[][]): number[][] {
  const n = a.length;
  const m = a.map((row, i) => [...row, ...row.map((_, j) => (i === j ? 1 : 0))]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const p = m[col]![col]!;
    m[col] = m[col]!.map((v) => v / p);
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r]![col]!;
      m[r] = m[r]!.map((v, j) => v - f * m[col]![j]!);
    }
  }
  return m.map((row) => row.slice(n));
}

describe("invertSpdInPlace", () => {
  it("inverts random SPD matrices across block boundaries", () => {
    for (const n of [1, 3, 63, 64, 65, 130]) {
      const rng = createRng(n);
      const b = Array.from({ length: n }, () => Array.from({ length: n }, () => rng.normal()));
      const a = b.map((ri, i) => b.map((rj, j) => ri.reduce((s, v, t) => s + v * rj[t]!, 0) + (i === j ? 0.5 : 0)));
      const flat = Float64Array.from(a.flat());
      invertSpdInPlace(flat, n);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          let s = 0;
          for (let t = 0; t < n; t++) s += a[i]![t]! * flat[t * n + j]!;
          expect(Math.abs(s - (i === j ? 1 : 0))).toBeLessThan(1e-8);
        }
      }
    }
  });

  it("refuses a matrix that is not positive definite", () => {
    expect(() => invertSpdInPlace(Float64Array.from([1, 2, 2, 1]), 2)).toThrow(/not positive definite/);
  });
});

describe("EASE", () => {
  it("matches the 2-item closed form by hand: B[a][b] = G_ab / (G_aa + lambda)", () => {
    // u0 {a, b}, u1 {a}, u2 {a, b}: G_aa = 3, G_bb = 2, G_ab = 2.
    const model = fitEase(matrix([[0, 1], [0], [0, 1]], 2), { lambda: 1 });
    // B[i][j] = -P[i][j] / P[j][j] with P = G^-1: B[a][b] = G_ab / (G_aa + 1) = 0.5, B[b][a] = 2 / 3.
    expect(model.weights[0 * 2 + 1]).toBeCloseTo(2 / 4, 12);
    expect(model.weights[1 * 2 + 0]).toBeCloseTo(2 / 3, 12);
    expect(model.weights[0]).toBe(0);
    expect(model.weights[3]).toBe(0);
  });

  it("matches an independent Gauss-Jordan computation and scores x_u B", () => {
    const rows = [[0, 1, 3], [1, 2], [0, 2, 3], [3], [0, 1, 2, 3], [2, 4]];
    const x = matrix(rows, 6); // item 5 has no interactions
    const lambda = 2;
    const model = fitEase(x, { lambda });
    expect(Array.from(model.activeItems)).toEqual([0, 1, 2, 3, 4]);
    const m = 5;
    const g = Array.from({ length: m }, (_, i) =>
      Array.from(
        { length: m },
        (_, j) => rows.filter((r) => r.includes(i) && r.includes(j)).length + (i === j ? lambda : 0),
      ),
    );
    const p = gaussJordanInverse(g);
    for (let i = 0; i < m; i++)
      for (let j = 0; j < m; j++)
        expect(model.weights[i * m + j]).toBeCloseTo(i === j ? 0 : -p[i]![j]! / p[j]![j]!, 10);
    const scores = new Float64Array(6);
    model.scoreUser(1, scores); // items 1, 2
    for (let j = 0; j < m; j++)
      expect(scores[j]).toBeCloseTo(model.weights[1 * m + j]! + model.weights[2 * m + j]!, 12);
    expect(scores[5]).toBe(0);
    const recs = model.recommend(1, 10);
    expect(recs.map((r) => r.item)).not.toContain(1);
    expect(recs.map((r) => r.item)).not.toContain(2);
  });

  it("validates its options", () => {
    const x = matrix(
      [
        [0, 1],
        [1, 2],
      ],
      3,
    );
    expect(() => fitEase(x, { lambda: 0 })).toThrow(RangeError);
    expect(() => fitEase(x, { maxItems: 2 })).toThrow(/rp3beta/);
  });
});

describe("RP3beta", () => {
  // u0: i0 i1 | u1: i0 i1 i2 | u2: i1 i2
  const x = matrix(
    [
      [0, 1],
      [0, 1, 2],
      [1, 2],
    ],
    3,
  );

  it("matches the random-walk weights by hand", () => {
    const plain = fitRp3beta(x, { alpha: 1, beta: 0, k: 10 });
    // i0 -> u0 (1/2) -> i1 (1/2) and i0 -> u1 (1/2) -> i1 (1/3): 1/4 + 1/6.
    expect(neighbourSim(plain.neighbours, 0, 1)).toBeCloseTo(5 / 12, 12);
    expect(neighbourSim(plain.neighbours, 0, 2)).toBeCloseTo(1 / 6, 12);
    expect(neighbourSim(plain.neighbours, 0, 0)).toBe(0);
    // beta = 1 divides by the landing item's degree: deg(i1) = 3, deg(i2) = 2.
    const penalised = fitRp3beta(x, { alpha: 1, beta: 1, k: 10 });
    expect(neighbourSim(penalised.neighbours, 0, 1)).toBeCloseTo(5 / 36, 12);
    expect(neighbourSim(penalised.neighbours, 0, 2)).toBeCloseTo(1 / 12, 12);
    // alpha = 2 squares every transition probability.
    const sharpened = fitRp3beta(x, { alpha: 2, beta: 0, k: 10 });
    expect(neighbourSim(sharpened.neighbours, 0, 1)).toBeCloseTo(1 / 16 + 1 / 36, 12);
  });

  it("prunes to top k, normalises rows on request, and recommends unseen items", () => {
    const model = fitRp3beta(x, { alpha: 1, beta: 0, k: 1, normalizeRows: true });
    for (let i = 0; i < 3; i++) expect(model.neighbours.indptr[i + 1]! - model.neighbours.indptr[i]!).toBe(1);
    expect(model.neighbours.sims[0]).toBeCloseTo(1, 12);
    expect(model.recommend(0, 3).map((r) => r.item)).toEqual([2]);
    expect(() => fitRp3beta(x, { alpha: 0 })).toThrow(RangeError);
  });
});
