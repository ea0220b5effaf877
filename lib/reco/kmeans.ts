/**
 * k-means for user segmentation (contract in DESIGN.md, "Module contracts"):
 *   kmeans(points, k, { seed?, nInit?, maxIter?, tol? }) -> { centroids, labels, inertia, iterations }
 *
 * - Seeding: greedy k-means++ (Arthur & Vassilvitskii 2007, with 2 + ln k candidates per step as in
 *   scikit-learn), which avoids the poor local optima of uniform seeding.
 * - nInit restarts from one seeded generator; the run with the lowest inertia wins.
 * - Convergence: total squared centroid shift <= tol * mean per-feature variance (scikit-learn's rule, so
 *   tol means the same whatever the feature scale), or labels unchanged, or maxIter.
 * - An empty cluster is re-seeded with the point farthest from its current centroid.
 * - Lloyd iterations over one flat Float64Array with Hamerly's bounds (kmeans-lloyd.ts); seeding, the
 *   rescans and the final pass take their distances in blocks from kernels.ts (WebAssembly SIMD, or
 *   plain TypeScript with the same bits). The first assignment, the Hamerly steps and the final pass run
 *   in fixed chunks whose sums are added in chunk order; from 16,384 points on, a fit still running after
 *   a few iterations splits them over a worker-thread pool (kmeans-pool.ts).
 *   `npm run bench:kmeans -- --compare` times it against scikit-learn's Lloyd on the same data.
 * The same seed gives the same result, bit for bit, on either kernel path and any number of threads.
 */
import { createRng } from "../random";
import { BLOCK, createDistanceKernel } from "./kernels";
import { lloyd, type LloydRun } from "./kmeans-lloyd";
import { seedPlusPlus } from "./kmeans-seeding";
import { toDenseMatrix, toRows, type DenseMatrix } from "./matrix";

export type KMeansOptions = {
  seed?: number;
  /** Independent k-means++ starts; the lowest inertia is kept. Default 4. */
  nInit?: number;
  /** Lloyd iterations per start. Default 300. */
  maxIter?: number;
  /** Relative tolerance on the squared centroid shift. Default 1e-4. */
  tol?: number;
};

export type KMeansResult = {
  /** k rows of nCols values. */
  centroids: number[][];
  /** Cluster index in [0, k) for every point. */
  labels: number[];
  /** Sum of squared distances of points to their centroid. */
  inertia: number;
  /** Lloyd iterations of the winning start. */
  iterations: number;
};

export function validateK(n: number, k: number, who = "kmeans"): void {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`${who}: k must be an integer >= 1, got ${k}`);
  if (k > n) throw new RangeError(`${who}: k (${k}) must not exceed the number of points (${n})`);
}

export function kmeans(
  points: readonly (readonly number[])[] | DenseMatrix,
  k: number,
  options: KMeansOptions = {},
): KMeansResult {
  const { seed = 42, nInit = 4, maxIter = 300, tol = 1e-4 } = options;
  const m = toDenseMatrix(points, "kmeans");
  const n = m.nRows;
  const d = m.nCols;
  validateK(n, k);
  if (!(Number.isInteger(nInit) && nInit >= 1))
    throw new RangeError(`kmeans: nInit must be an integer >= 1, got ${nInit}`);
  if (!(Number.isInteger(maxIter) && maxIter >= 1))
    throw new RangeError(`kmeans: maxIter must be an integer >= 1, got ${maxIter}`);
  if (!(tol >= 0)) throw new RangeError(`kmeans: tol must be >= 0, got ${tol}`);
  const x = m.data;
  // Mean per-feature variance scales tol, as scikit-learn does. In blocks of rows that stay in cache
  // (one pass over memory), a feature at a time within the block so its sums live in registers; each
  // feature is still summed in point order, as a column-wise loop would.
  const sum = new Float64Array(d);
  const sum2 = new Float64Array(d);
  const rowsPerBlock = 256;
  for (let start = 0; start < n; start += rowsPerBlock) {
    const end = Math.min(n, start + rowsPerBlock);
    for (let f = 0; f < d; f++) {
      let s1 = sum[f]!;
      let s2 = sum2[f]!;
      for (let p = start * d + f; p < end * d; p += d) {
        const v = x[p]!;
        s1 += v;
        s2 += v * v;
      }
      sum[f] = s1;
      sum2[f] = s2;
    }
  }
  let meanVar = 0;
  for (let f = 0; f < d; f++) {
    const mean = sum[f]! / n;
    meanVar += Math.max(0, sum2[f]! / n - mean * mean);
  }
  const tolAbs = d > 0 ? (tol * meanVar) / d : 0;
  const rng = createRng(seed);
  let best: LloydRun | null = null;
  // One kernel for all restarts: on the WebAssembly path it holds the points' copy in its memory.
  const kernel = createDistanceKernel(x, n, d);
  for (let run = 0; run < nInit; run++) {
    const result = lloyd(x, n, d, k, seedPlusPlus(x, n, d, k, rng, kernel), maxIter, tolAbs, undefined, kernel);
    if (best === null || result.inertia < best.inertia) best = result;
  }
  const winner = best as LloydRun;
  // A plain loop: Array.from walks a typed array through its iterator, ~8 ms for 100,000 labels.
  const labels = new Array<number>(n);
  for (let i = 0; i < n; i++) labels[i] = winner.labels[i]!;
  return {
    centroids: toRows({ nRows: k, nCols: d, data: winner.centroids }),
    labels,
    inertia: winner.inertia,
    iterations: winner.iterations,
  };
}

export type SilhouetteOptions = {
  /** Points scored (and compared against); all of them when n <= sampleSize. Default 2000. */
  sampleSize?: number;
  seed?: number;
};

/**
 * Mean silhouette coefficient, (b - a) / max(a, b) per point with Euclidean distances, in [-1, 1].
 * The sample's pairwise distances come in blocks from the k-means distance kernel (kernels.ts).
 * Exact silhouettes cost n^2 distances, so for large n a seeded random sample of points is scored against
 * the same sample (what scikit-learn's silhouette_score(sample_size=...) does). A point alone in its
 * cluster within the sample scores 0, as in scikit-learn.
 */
export function silhouette(
  points: readonly (readonly number[])[] | DenseMatrix,
  labels: ArrayLike<number>,
  k: number,
  options: SilhouetteOptions = {},
): number {
  const { sampleSize = 2000, seed = 42 } = options;
  const m = toDenseMatrix(points, "silhouette");
  const n = m.nRows;
  const d = m.nCols;
  if (labels.length !== n) throw new RangeError(`silhouette: ${labels.length} labels for ${n} points`);
  if (!Number.isInteger(k) || k < 2) throw new RangeError(`silhouette: needs k >= 2 clusters, got ${k}`);
  for (let i = 0; i < n; i++) {
    const l = labels[i]!;
    if (!(Number.isInteger(l) && l >= 0 && l < k))
      throw new RangeError(`silhouette: label ${l} of point ${i} outside [0, ${k})`);
  }
  // Partial Fisher-Yates: the first s entries are a uniform sample without replacement.
  const s = Math.min(n, Math.max(2, sampleSize));
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  if (s < n) {
    const rng = createRng(seed);
    for (let i = 0; i < s; i++) {
      const j = i + rng.int(n - i);
      const tmp = idx[i]!;
      idx[i] = idx[j]!;
      idx[j] = tmp;
    }
  }
  // The sampled points, contiguous, so one distance kernel (kernels.ts) serves the s x s distances.
  const x = m.data;
  const sx = new Float64Array(s * d);
  const sl = new Int32Array(s);
  for (let a = 0; a < s; a++) {
    sx.set(x.subarray(idx[a]! * d, idx[a]! * d + d), a * d);
    sl[a] = labels[idx[a]!]!;
  }
  const kernel = createDistanceKernel(sx, s, d);
  const sizes = new Float64Array(k);
  for (let a = 0; a < s; a++) sizes[sl[a]!]!++;
  const sums = new Float64Array(k);
  let total = 0;
  const rows = Math.max(1, Math.floor(BLOCK / 8));
  for (let start = 0; start < s; start += rows) {
    const count = Math.min(rows, s - start);
    const dist = kernel.distances(start, count, sx, s);
    for (let r = 0; r < count; r++) {
      const a = start + r;
      const la = sl[a]!;
      if (sizes[la]! <= 1) continue; // silhouette 0
      sums.fill(0);
      const base = r * s;
      for (let b = 0; b < s; b++) if (b !== a) sums[sl[b]!]! += Math.sqrt(dist[base + b]!);
      const intra = sums[la]! / (sizes[la]! - 1);
      let nearest = Infinity;
      for (let c = 0; c < k; c++) if (c !== la && sizes[c]! > 0) nearest = Math.min(nearest, sums[c]! / sizes[c]!);
      if (nearest === Infinity) continue; // only one cluster in the sample
      const denom = Math.max(intra, nearest);
      total += denom > 0 ? (nearest - intra) / denom : 0;
    }
  }
  return total / s;
}

export type ChooseKOptions = KMeansOptions & { kMin?: number; kMax?: number; sampleSize?: number };

export type ChooseKResult = {
  k: number;
  result: KMeansResult;
  /** One entry per k tried, for an elbow/silhouette chart in the studio. */
  scores: { k: number; silhouette: number; inertia: number }[];
};

/** Runs k-means for every k in [kMin, kMax] and keeps the k with the highest silhouette (ties: smaller k). */
export function chooseK(
  points: readonly (readonly number[])[] | DenseMatrix,
  options: ChooseKOptions = {},
): ChooseKResult {
  const { kMin = 2, kMax = 10, sampleSize = 2000, ...kmOptions } = options;
  const m = toDenseMatrix(points, "chooseK");
  const hi = Math.min(kMax, m.nRows - 1);
  if (!Number.isInteger(kMin) || kMin < 2) throw new RangeError(`chooseK: kMin must be an integer >= 2, got ${kMin}`);
  if (hi < kMin) throw new RangeError(`chooseK: no k in [${kMin}, ${kMax}] below the number of points (${m.nRows})`);
  const scores: ChooseKResult["scores"] = [];
  let best: { k: number; result: KMeansResult; score: number } | null = null;
  for (let k = kMin; k <= hi; k++) {
    const result = kmeans(m, k, kmOptions);
    const score = silhouette(m, result.labels, k, { sampleSize, seed: kmOptions.seed });
    scores.push({ k, silhouette: score, inertia: result.inertia });
    if (best === null || score > best.score) best = { k, result, score };
  }
  const winner = best!;
  return { k: winner.k, result: winner.result, scores };
}
