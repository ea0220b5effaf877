/**
 * Implicit-feedback matrix factorisation, iALS (Hu, Koren & Volinsky, "Collaborative Filtering for
 * Implicit Feedback Datasets", ICDM 2008, http://yifanhu.net/PUB/cf.pdf), solved with a few conjugate-
 * gradient steps per row (Takács, Pilászy & Tikk, "Applications of the conjugate gradient method for
 * implicit feedback collaborative filtering", RecSys 2011).
 *
 * Every (user, item) cell counts: preference p = 1 where the user interacted, 0 elsewhere, with
 * confidence c = 1 + alpha * r on observed cells and 1 on the rest. With item factors Y fixed, user u's
 * factor solves
 *   (YᵀY + Σ_{i∈I_u} alpha r_ui y_i y_iᵀ + λ_u I) x_u = Σ_{i∈I_u} (1 + alpha r_ui) y_i,
 * and symmetrically for items. YᵀY is shared by all rows and computed once per half-sweep, so a CG step
 * for one row costs O(f² + nnz_u · f) and a whole sweep O(nnz · f + (users + items) · f²): linear in the
 * number of interactions, with no item x item matrix at all, which is what lets it run at catalogue
 * sizes where EASE's dense inverse cannot. CG is warm-started from the previous sweep's factor, so a
 * handful of steps per sweep is enough (the solution only moves a little between sweeps).
 *
 * Regularization is frequency-scaled: λ_u = regularization · (|I_u| + alpha Σ r_ui), the observed
 * confidence mass of the row (the weighted-λ of Zhou et al., "Large-scale Parallel Collaborative
 * Filtering for the Netflix Prize", 2008; Rendle et al., "Revisiting the Performance of iALS on Item
 * Recommendation Benchmarks", RecSys 2022, scale iALS's penalty with frequency too). A constant λ shrinks
 * a one-purchase customer as hard as a thousand-purchase one; scaled, the balance between fit and
 * penalty is the same for every row of one data set, so a bestseller's factor and a niche item's are
 * held to the same standard. It does not make one value right for every data set: the best
 * regularization and alpha still depend on how popularity-driven the data are (0.05 and 1 on the
 * Online Retail sample; 0.3, or alpha 10, on 10k-item synthetic sets), so tune them per data set.
 *
 *   const model = fitAls(x, { factors: 32, regularization: 0.05, alpha: 1, iterations: 10, cgSteps: 3, seed: 42 });
 *   model.scoreUser(u, out);                                 // out[i] = x_u · y_i
 *   const xu = userFactorFromHistory(model, items, values);  // fold in one user against fixed Y
 *   model.scoreFactor(xu, out);
 */
import { createRng } from "../random";
import type { ItemScorer } from "./scorer";
import { transpose, type Csr } from "./sparse";

export type AlsParams = {
  /** Latent dimension f. */
  factors: number;
  /** Scaled by each row's observed confidence mass (see the header). */
  regularization: number;
  /** Confidence slope: c = 1 + alpha * r on observed cells. */
  alpha: number;
  /** Full sweeps (items, then users). */
  iterations: number;
  /** CG steps per row per sweep, warm-started. */
  cgSteps: number;
  seed: number;
};

export type AlsModel = ItemScorer & {
  factors: number;
  nUsers: number;
  /** Row-major users x factors. */
  userFactors: Float64Array;
  /** Row-major items x factors. */
  itemFactors: Float64Array;
  /** YᵀY of the final item factors (factors x factors), reused by every fold-in. */
  itemGram: Float64Array;
  params: AlsParams;
  /** Work done by the fit: CG steps taken and observed cells visited, for checking the cost bound. */
  work: { cgSteps: number; cellVisits: number };
  /** out[i] = x_u · y_i for every item. */
  scoreUser(user: number, out: Float64Array): void;
  /** out[i] = factor · y_i for every item: scores for a folded-in user. */
  scoreFactor(factor: Float64Array, out: Float64Array): void;
};

/** Below this squared residual norm a row's system counts as solved (factors are O(1)). */
const RESIDUAL_EPS = 1e-20;

function checkParams(p: AlsParams): void {
  if (!(Number.isInteger(p.factors) && p.factors >= 1))
    throw new RangeError(`ALS: factors must be a positive integer, got ${p.factors}`);
  if (!(p.regularization >= 0)) throw new RangeError(`ALS: regularization must be >= 0, got ${p.regularization}`);
  if (!(p.alpha >= 0)) throw new RangeError(`ALS: alpha must be >= 0, got ${p.alpha}`);
  if (!(Number.isInteger(p.iterations) && p.iterations >= 0))
    throw new RangeError(`ALS: iterations must be a non-negative integer, got ${p.iterations}`);
  if (!(Number.isInteger(p.cgSteps) && p.cgSteps >= 1))
    throw new RangeError(`ALS: cgSteps must be a positive integer, got ${p.cgSteps}`);
}

/** gram = Mᵀ M for row-major M (rows x f), full symmetric f x f. */
function gramInto(m: Float64Array, rows: number, f: number, gram: Float64Array): void {
  gram.fill(0);
  // Upper triangle row by row: G[a][b..f) += m_a * m[b..f), contiguous in both m's row and G's row.
  for (let r = 0; r < rows; r++) {
    const o = r * f;
    for (let a = 0; a < f; a++) {
      const va = m[o + a]!;
      if (va === 0) continue;
      const ga = a * f;
      for (let b = a; b < f; b++) gram[ga + b]! += va * m[o + b]!;
    }
  }
  for (let a = 0; a < f; a++) for (let b = 0; b < a; b++) gram[a * f + b] = gram[b * f + a]!;
}

/**
 * out[a] = λ v[a] + Σ_b G[a][b] v[b]: the shared part of every row's matrix-vector product, f² work.
 * Each row is a dot (four accumulators) with the same row-major Gram matrix.
 */
function gramTimes(gram: Float64Array, f: number, lambda: number, v: Float64Array, vo: number, out: Float64Array) {
  for (let a = 0; a < f; a++) out[a] = lambda * v[vo + a]! + dot(gram, a * f, v, vo, f);
}

/** Σ_a u[uo + a] v[vo + a], four accumulators. */
function dot(u: Float64Array, uo: number, v: Float64Array, vo: number, f: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let a = 0;
  for (; a + 3 < f; a += 4) {
    s0 += u[uo + a]! * v[vo + a]!;
    s1 += u[uo + a + 1]! * v[vo + a + 1]!;
    s2 += u[uo + a + 2]! * v[vo + a + 2]!;
    s3 += u[uo + a + 3]! * v[vo + a + 3]!;
  }
  for (; a < f; a++) s0 += u[uo + a]! * v[vo + a]!;
  return s0 + s1 + s2 + s3;
}

/** Scratch vectors for one row solve, allocated once per fit (or fold-in). */
type Scratch = { r: Float64Array; p: Float64Array; ap: Float64Array };

const scratch = (f: number): Scratch => ({
  r: new Float64Array(f),
  p: new Float64Array(f),
  ap: new Float64Array(f),
});

/**
 * ap = (G + λI + Σ c_i y_i y_iᵀ) v over the observed cells [start, end) of one row; c_i = alpha * r_i.
 * Returns nothing: the caller's buffers hold the result.
 */
function applyA(
  gram: Float64Array,
  other: Float64Array,
  f: number,
  idx: Int32Array,
  vals: Float64Array,
  start: number,
  end: number,
  alpha: number,
  lambda: number,
  v: Float64Array,
  ap: Float64Array,
): void {
  gramTimes(gram, f, lambda, v, 0, ap);
  for (let q = start; q < end; q++) {
    const yo = idx[q]! * f;
    const d = dot(other, yo, v, 0, f);
    const w = alpha * vals[q]! * d;
    if (w === 0) continue;
    for (let a = 0; a < f; a++) ap[a]! += w * other[yo + a]!;
  }
}

/**
 * Up to `steps` CG steps on one row's system, starting from (and updating in place) x[xo .. xo + f).
 * Returns the number of steps taken (fewer when the residual vanishes).
 */
function solveRow(
  gram: Float64Array,
  other: Float64Array,
  f: number,
  idx: Int32Array,
  vals: Float64Array,
  start: number,
  end: number,
  alpha: number,
  regularization: number,
  x: Float64Array,
  xo: number,
  steps: number,
  s: Scratch,
): number {
  const { r, p, ap } = s;
  let mass = 0;
  for (let q = start; q < end; q++) mass += 1 + alpha * vals[q]!;
  const lambda = regularization * mass;
  // r = b - A x in one pass over the observed cells: cell i adds (1 + c_i) y_i to b and c_i (y_i·x) y_i
  // to A x, so its net coefficient on y_i is (1 + c_i) - c_i (y_i·x).
  gramTimes(gram, f, lambda, x, xo, r);
  for (let a = 0; a < f; a++) r[a] = -r[a]!;
  for (let q = start; q < end; q++) {
    const yo = idx[q]! * f;
    const c = alpha * vals[q]!;
    const d = dot(other, yo, x, xo, f);
    const w = 1 + c - c * d;
    for (let a = 0; a < f; a++) r[a]! += w * other[yo + a]!;
  }
  let rs = 0;
  for (let a = 0; a < f; a++) {
    p[a] = r[a]!;
    rs += r[a]! * r[a]!;
  }
  let taken = 0;
  for (; taken < steps && rs > RESIDUAL_EPS; taken++) {
    applyA(gram, other, f, idx, vals, start, end, alpha, lambda, p, ap);
    let pap = 0;
    for (let a = 0; a < f; a++) pap += p[a]! * ap[a]!;
    if (!(pap > 0)) break; // only reachable with regularization 0 and a rank-deficient Gram
    const step = rs / pap;
    let rsNew = 0;
    for (let a = 0; a < f; a++) {
      x[xo + a]! += step * p[a]!;
      const ra = r[a]! - step * ap[a]!;
      r[a] = ra;
      rsNew += ra * ra;
    }
    const beta = rsNew / rs;
    for (let a = 0; a < f; a++) p[a] = r[a]! + beta * p[a]!;
    rs = rsNew;
  }
  return taken;
}

/** One half-sweep: every row of `m` re-solved against the fixed factors `other`. */
function sweep(
  m: Csr,
  target: Float64Array,
  other: Float64Array,
  otherRows: number,
  gram: Float64Array,
  params: AlsParams,
  s: Scratch,
  work: AlsModel["work"],
): void {
  const f = params.factors;
  gramInto(other, otherRows, f, gram);
  for (let row = 0; row < m.nRows; row++) {
    const start = m.indptr[row]!;
    const end = m.indptr[row + 1]!;
    const xo = row * f;
    if (start === end) {
      // No observed cells: b = 0, so the exact solution is the zero vector.
      target.fill(0, xo, xo + f);
      continue;
    }
    const steps = solveRow(
      gram,
      other,
      f,
      m.indices,
      m.data,
      start,
      end,
      params.alpha,
      params.regularization,
      target,
      xo,
      params.cgSteps,
      s,
    );
    work.cgSteps += steps;
    work.cellVisits += (end - start) * (steps + 1);
  }
}

function scoreInto(
  itemFactors: Float64Array,
  nItems: number,
  f: number,
  x: Float64Array,
  xo: number,
  out: Float64Array,
) {
  for (let i = 0; i < nItems; i++) {
    const yo = i * f;
    let s = 0;
    for (let a = 0; a < f; a++) s += x[xo + a]! * itemFactors[yo + a]!;
    out[i] = s;
  }
}

/**
 * Fits user and item factors on a users x items matrix of non-negative interaction strengths (binary in
 * the evaluator). Deterministic for a given seed.
 */
export function fitAls(train: Csr, params: AlsParams): AlsModel {
  checkParams(params);
  const f = params.factors;
  const nUsers = train.nRows;
  const nItems = train.nCols;
  for (let p = 0; p < train.data.length; p++)
    if (!(train.data[p]! >= 0)) throw new RangeError(`ALS: interaction values must be >= 0, got ${train.data[p]}`);
  const byItem = transpose(train);
  // Small random start (std 0.01 / sqrt f keeps initial scores near 0 whatever f is); users are drawn
  // first, then items, from one generator so the whole fit is a function of the seed.
  const rng = createRng(params.seed);
  const scale = 0.01 / Math.sqrt(f);
  const userFactors = new Float64Array(nUsers * f);
  const itemFactors = new Float64Array(nItems * f);
  for (let t = 0; t < userFactors.length; t++) userFactors[t] = scale * rng.normal();
  for (let t = 0; t < itemFactors.length; t++) itemFactors[t] = scale * rng.normal();
  const gram = new Float64Array(f * f);
  const s = scratch(f);
  const work = { cgSteps: 0, cellVisits: 0 };
  // Items first, users last: the user factors returned are then solved against the final item factors,
  // which is exactly what a fold-in (userFactorFromHistory) does, so the two agree.
  for (let it = 0; it < params.iterations; it++) {
    sweep(byItem, itemFactors, userFactors, nUsers, gram, params, s, work);
    sweep(train, userFactors, itemFactors, nItems, gram, params, s, work);
  }
  const itemGram = new Float64Array(f * f);
  gramInto(itemFactors, nItems, f, itemGram);
  return {
    nItems,
    nUsers,
    factors: f,
    userFactors,
    itemFactors,
    itemGram,
    params: { ...params },
    work,
    scoreUser: (user, out) => scoreInto(itemFactors, nItems, f, userFactors, user * f, out),
    scoreFactor: (factor, out) => scoreInto(itemFactors, nItems, f, factor, 0, out),
  };
}

export type FoldInParams = {
  regularization: number;
  alpha: number;
  /** CG steps from a zero start; default `factors`, which solves the f x f system exactly in exact arithmetic. */
  cgSteps: number;
};

/**
 * The factor of one user from a bare history (item ids with interaction strengths) against the model's
 * fixed item factors: the same row solve the fit does, run to convergence from zero since there is no
 * previous factor to warm-start from. Cost O(cgSteps · (f² + n · f)) for a history of n items. Unknown
 * item ids (outside the model's catalogue) are ignored; a repeated id counts twice, so pass one entry
 * per item (the fit sees deduplicated CSR rows). Parameters default to the ones of the fit.
 */
export function userFactorFromHistory(
  model: AlsModel,
  items: ArrayLike<number>,
  values: ArrayLike<number>,
  params: Partial<FoldInParams> = {},
): Float64Array {
  if (items.length !== values.length)
    throw new RangeError(`ALS fold-in: items and values differ in length (${items.length}, ${values.length})`);
  const f = model.factors;
  const { regularization = model.params.regularization, alpha = model.params.alpha, cgSteps = f } = params;
  checkParams({ ...model.params, regularization, alpha, cgSteps });
  // Typed copies: the row solver then sees the same array types as in the fit (one compiled shape).
  const idx = new Int32Array(items.length);
  const vals = new Float64Array(items.length);
  let n = 0;
  for (let t = 0; t < items.length; t++) {
    const i = items[t]!;
    const v = values[t]!;
    if (!(Number.isInteger(i) && i >= 0 && i < model.nItems)) continue;
    if (!(v >= 0)) throw new RangeError(`ALS fold-in: interaction values must be >= 0, got ${v}`);
    idx[n] = i;
    vals[n++] = v;
  }
  const x = new Float64Array(f);
  if (n === 0) return x;
  solveRow(model.itemGram, model.itemFactors, f, idx, vals, 0, n, alpha, regularization, x, 0, cgSteps, scratch(f));
  return x;
}
