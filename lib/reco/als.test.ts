import { describe, expect, it } from "vitest";
import { createRng } from "../random";
import { fitAls, userFactorFromHistory, type AlsParams } from "./als";
import { invertSpdInPlace } from "./linalg";
import { recommendWith } from "./scorer";
import { csrFromTriplets, rowIndices, rowValues, type Csr } from "./sparse";

const PARAMS: AlsParams = { factors: 8, regularization: 0.05, alpha: 1, iterations: 15, cgSteps: 3, seed: 7 };

/**
 * Two blocks: users 0..nUsers/2 buy from items 0..nItems/2, the rest from the other half. Each user
 * gets a random `perUser` items of their block, so some block items stay unseen by each user.
 */
function blocks(nUsers: number, nItems: number, perUser: number, seed = 1): Csr {
  const rng = createRng(seed);
  const rows: number[] = [];
  const cols: number[] = [];
  const half = nItems / 2;
  for (let u = 0; u < nUsers; u++) {
    const base = u < nUsers / 2 ? 0 : half;
    for (let t = 0; t < perUser; t++) {
      rows.push(u);
      cols.push(base + rng.int(half));
    }
  }
  return csrFromTriplets(nUsers, nItems, rows, cols, new Array<number>(rows.length).fill(1), "max");
}

describe("fitAls", () => {
  it("ranks a user's own block above the other block, for unseen items too", () => {
    // Two blocks, two factors: the structure fits exactly, and what is left (which cells of a block were
    // observed) is random, so generalising over the block is the only way to fit.
    const x = blocks(200, 20, 4);
    const model = fitAls(x, { ...PARAMS, factors: 2 });
    const scores = new Float64Array(x.nCols);
    for (const u of [0, 5, 99, 100, 133, 199]) {
      model.scoreUser(u, scores);
      const own = u < 100 ? [0, 10] : [10, 20];
      let worstOwn = Infinity;
      let bestOther = -Infinity;
      for (let i = 0; i < x.nCols; i++) {
        if (i >= own[0]! && i < own[1]!) worstOwn = Math.min(worstOwn, scores[i]!);
        else bestOther = Math.max(bestOther, scores[i]!);
      }
      expect(worstOwn).toBeGreaterThan(bestOther);
      // Top recommendations (seen items excluded) come from the user's block.
      for (const r of recommendWith(model, x, u, 3)) {
        expect(r.item).toBeGreaterThanOrEqual(own[0]!);
        expect(r.item).toBeLessThan(own[1]!);
      }
    }
  });

  it("is deterministic for a seed and differs across seeds", () => {
    const x = blocks(30, 16, 3);
    const a = fitAls(x, PARAMS);
    const b = fitAls(x, PARAMS);
    const c = fitAls(x, { ...PARAMS, seed: 8 });
    expect(Array.from(a.userFactors)).toEqual(Array.from(b.userFactors));
    expect(Array.from(a.itemFactors)).toEqual(Array.from(b.itemFactors));
    expect(Array.from(c.itemFactors)).not.toEqual(Array.from(a.itemFactors));
    expect(a.userFactors.length).toBe(30 * PARAMS.factors);
    expect(a.itemFactors.length).toBe(16 * PARAMS.factors);
  });

  it("scoreUser is the dot product of the user and item factors", () => {
    const x = blocks(10, 8, 3);
    const m = fitAls(x, { ...PARAMS, factors: 3 });
    const out = new Float64Array(8);
    m.scoreUser(4, out);
    for (let i = 0; i < 8; i++) {
      let s = 0;
      for (let a = 0; a < 3; a++) s += m.userFactors[4 * 3 + a]! * m.itemFactors[i * 3 + a]!;
      expect(out[i]).toBeCloseTo(s, 12);
    }
  });

  it("gives users and items without interactions a zero factor", () => {
    // User 2 and item 3 have nothing.
    const x = csrFromTriplets(3, 4, [0, 0, 1], [0, 1, 2], [1, 1, 1]);
    const m = fitAls(x, { ...PARAMS, factors: 2 });
    expect(Array.from(m.userFactors.subarray(4, 6))).toEqual([0, 0]);
    expect(Array.from(m.itemFactors.subarray(6, 8))).toEqual([0, 0]);
  });

  it("does work bounded by iterations x cgSteps per row, growing linearly with the data", () => {
    const small = blocks(40, 20, 4);
    const double = blocks(80, 20, 4, 2);
    const params = { ...PARAMS, iterations: 4, cgSteps: 2 };
    const a = fitAls(small, params);
    const b = fitAls(double, params);
    const rows = (x: Csr) => x.nRows + x.nCols;
    expect(a.work.cgSteps).toBeLessThanOrEqual(params.iterations * params.cgSteps * rows(small));
    expect(a.work.cgSteps).toBeGreaterThan(0);
    // Each observed cell is visited once for the residual and once per CG step, on both sides.
    expect(a.work.cellVisits).toBeLessThanOrEqual(2 * params.iterations * (params.cgSteps + 1) * small.indices.length);
    expect(b.work.cellVisits).toBeLessThanOrEqual(2 * params.iterations * (params.cgSteps + 1) * double.indices.length);
    // Twice the users and interactions: about twice the work, not four times.
    expect(b.work.cellVisits / a.work.cellVisits).toBeLessThan(2.5);
  });

  it("rejects bad parameters", () => {
    const x = blocks(4, 4, 2);
    expect(() => fitAls(x, { ...PARAMS, factors: 0 })).toThrow(RangeError);
    expect(() => fitAls(x, { ...PARAMS, cgSteps: 0 })).toThrow(RangeError);
    expect(() => fitAls(x, { ...PARAMS, regularization: -1 })).toThrow(RangeError);
  });
});

describe("userFactorFromHistory", () => {
  it("reproduces a training user's fitted factor from that user's history", () => {
    const x = blocks(40, 20, 5);
    const model = fitAls(x, { ...PARAMS, iterations: 25 });
    for (const u of [0, 13, 27]) {
      const folded = userFactorFromHistory(model, rowIndices(x, u), rowValues(x, u));
      const fitted = model.userFactors.subarray(u * PARAMS.factors, (u + 1) * PARAMS.factors);
      let diff = 0;
      let norm = 0;
      for (let a = 0; a < PARAMS.factors; a++) {
        diff += (folded[a]! - fitted[a]!) ** 2;
        norm += fitted[a]! ** 2;
      }
      expect(norm).toBeGreaterThan(0);
      expect(Math.sqrt(diff / norm)).toBeLessThan(0.02);
    }
  });

  it("solves the iALS normal equations of Hu et al. exactly (checked against a dense inverse)", () => {
    const x = blocks(60, 20, 5);
    const model = fitAls(x, { ...PARAMS, factors: 4, iterations: 5 });
    const f = 4;
    const y = model.itemFactors;
    const items = [1, 4, 13];
    const r = [1, 2, 0.5];
    const { alpha, regularization } = model.params;
    // A = YᵀY + Σ alpha r_i y_i y_iᵀ + λ I with λ = regularization · Σ (1 + alpha r_i); b = Σ (1 + alpha r_i) y_i.
    const a = new Float64Array(f * f);
    const b = new Float64Array(f);
    for (let i = 0; i < 20; i++)
      for (let p = 0; p < f; p++) for (let q = 0; q < f; q++) a[p * f + q]! += y[i * f + p]! * y[i * f + q]!;
    let mass = 0;
    items.forEach((i, t) => {
      const c = alpha * r[t]!;
      mass += 1 + c;
      for (let p = 0; p < f; p++) {
        b[p]! += (1 + c) * y[i * f + p]!;
        for (let q = 0; q < f; q++) a[p * f + q]! += c * y[i * f + p]! * y[i * f + q]!;
      }
    });
    for (let p = 0; p < f; p++) a[p * f + p]! += regularization * mass;
    invertSpdInPlace(a, f);
    const folded = userFactorFromHistory(model, items, r);
    for (let p = 0; p < f; p++) {
      let exact = 0;
      for (let q = 0; q < f; q++) exact += a[p * f + q]! * b[q]!;
      expect(folded[p]).toBeCloseTo(exact, 8);
    }
  });

  it("folds a new visitor into the right block and ignores unknown items", () => {
    const x = blocks(200, 20, 4);
    const model = fitAls(x, { ...PARAMS, factors: 2 });
    const factor = userFactorFromHistory(model, [12, 15, 99, -1], [1, 1, 1, 1]);
    const scores = new Float64Array(20);
    model.scoreFactor(factor, scores);
    let bestA = -Infinity;
    for (let i = 0; i < 10; i++) bestA = Math.max(bestA, scores[i]!);
    for (let i = 10; i < 20; i++) if (i !== 12 && i !== 15) expect(scores[i]).toBeGreaterThan(bestA);
    expect(Array.from(userFactorFromHistory(model, [], []))).toEqual([0, 0]);
  });

  it("rejects mismatched lengths", () => {
    const model = fitAls(blocks(4, 4, 2), PARAMS);
    expect(() => userFactorFromHistory(model, [1, 2], [1])).toThrow(RangeError);
    expect(() => userFactorFromHistory(model, [1], [1], { cgSteps: 0 })).toThrow(RangeError);
    expect(() => userFactorFromHistory(model, [1], [-1])).toThrow(RangeError);
  });
});
