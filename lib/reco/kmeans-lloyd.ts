/**
 * Lloyd iterations for kmeans.ts, accelerated with triangle-inequality bounds so that points which cannot
 * change cluster cost no distance computation:
 * - Hamerly ("Making k-means even faster", SDM 2010), the default: one upper and one lower bound per
 *   point; the points whose bounds fail are collected and rescanned (all k distances) in blocks through
 *   the distance kernel (kernels.ts: WebAssembly SIMD, or plain TypeScript with the same bits). This
 *   runs in fixed chunks of points, on the worker-thread pool for large inputs (kmeans-pool.ts), each
 *   chunk's label moves added to the sums in chunk order so that every path gives the same bits.
 * - Elkan ("Using the triangle inequality to accelerate k-means", ICML 2003): one lower bound per point
 *   and centroid, scalar; prunes more distances but no longer pays against the batched SIMD rescans.
 * Both return what plain Lloyd would (the bounds only skip work that could not change a label). The
 * bounds prune less on structureless data (in 16 dimensions most points sit almost as close to a second
 * centroid as to their own), which is also the data that needs 100-250 iterations to meet tol.
 */
import { BLOCK, createDistanceKernel, dist2Lanes, type DistanceKernel } from "./kernels";
import {
  CHUNK,
  chunkPool,
  hamerlyChunk,
  PARALLEL_MIN_POINTS,
  STEP_ASSIGN,
  STEP_FINAL,
  STEP_HAMERLY,
  type ChunkContext,
  type ChunkPool,
} from "./kmeans-pool";
import { reseedEmpty } from "./kmeans-seeding";
import { scratchF64 } from "./scratch";

export type LloydRun = { centroids: Float64Array; labels: Int32Array; inertia: number; iterations: number };

// Elkan by default no longer: with the block kernel, Hamerly rescans (all k distances of the points whose
// bound fails, batched) measured faster on 100,000 x 16, k = 8: ~1.35 s vs ~1.9 s CPU on noise, 20 vs
// 25-45 ms on blobs. Elkan stays available (the limit argument) and is tested against textbook Lloyd.
const ELKAN_MAX_BOUNDS = 0;

/**
 * Iterations run on the main thread alone before the worker pool joins. On 100,000 x 16 points, k = 8,
 * handing the points over costs about one Hamerly iteration on structureless data; well-separated data
 * converges in 1-3 iterations and never pays it back.
 */
export const POOL_AFTER = 3;

/** Squared distance in the kernels' summation order, so per-point and block distances agree bit for bit. */
const dist2At = dist2Lanes;

/**
 * Assigns every point to its nearest centroid (ties: lower index); fills labels and squared distances.
 * Blocked through the distance kernel: this exact pass runs once per fit on every point.
 */
export function assignAll(
  kernel: DistanceKernel,
  n: number,
  c: Float64Array,
  k: number,
  labels: Int32Array,
  dist2: Float64Array,
): number {
  let inertia = 0;
  // The kernel's branchless nearest-centre scan (same rule: lowest squared distance, ties to the lower
  // index); a compare-and-branch per centre here mispredicted on structureless data.
  const idx = new Int32Array(Math.min(n, BLOCK));
  for (let start = 0; start < n; start += BLOCK) {
    const count = Math.min(BLOCK, n - start);
    for (let b = 0; b < count; b++) idx[b] = start + b;
    const near = kernel.nearestAt(idx, 0, count, c, k);
    labels.set(near.label, start);
    dist2.set(near.best, start);
    for (let b = 0; b < count; b++) inertia += near.best[b]!;
  }
  return inertia;
}

type State = {
  x: Float64Array;
  n: number;
  d: number;
  k: number;
  c: Float64Array;
  sums: Float64Array;
  counts: Float64Array;
  labels: Int32Array;
  /** How far each centroid moved in the last update. */
  shift: Float64Array;
  /** Centroid-to-centroid distances (k x k) and half the distance to each centroid's nearest other. */
  cc: Float64Array;
  half: Float64Array;
};

/** Fills empty clusters (farthest points), moves centroids to their means; returns total squared shift. */
function updateCentroids(s: State, fresh: Float64Array, dist2: Float64Array): number {
  const { x, n, d, k, c, sums, counts, labels } = s;
  let anyEmpty = false;
  for (let j = 0; j < k; j++) if (counts[j] === 0) anyEmpty = true;
  if (anyEmpty) {
    for (let i = 0; i < n; i++) dist2[i] = dist2At(x, i, c, labels[i]!, d);
    reseedEmpty(x, n, d, k, labels, dist2, counts, sums);
  }
  let total = 0;
  for (let j = 0; j < k; j++) {
    const cb = j * d;
    const inv = 1 / counts[j]!;
    let q = 0;
    for (let f = 0; f < d; f++) {
      const v = sums[cb + f]! * inv;
      const diff = v - c[cb + f]!;
      q += diff * diff;
      fresh[cb + f] = v;
    }
    total += q;
    s.shift[j] = Math.sqrt(q);
  }
  c.set(fresh);
  for (let j = 0; j < k; j++) {
    let nearest = Infinity;
    for (let jj = 0; jj < k; jj++) {
      if (jj === j) continue;
      const dd = Math.sqrt(dist2At(c, j, c, jj, d));
      s.cc[j * k + jj] = dd;
      if (dd < nearest) nearest = dd;
    }
    s.half[j] = nearest / 2;
  }
  return total;
}

/** Moves point i from cluster a to b in the running sums. */
function move(s: State, i: number, a: number, b: number): void {
  const { x, d, sums, counts } = s;
  counts[a]!--;
  counts[b]!++;
  for (let f = 0; f < d; f++) {
    const v = x[i * d + f]!;
    sums[a * d + f]! -= v;
    sums[b * d + f]! += v;
  }
}

export function lloyd(
  x: Float64Array,
  n: number,
  d: number,
  k: number,
  init: Float64Array,
  maxIter: number,
  tolAbs: number,
  elkanMaxBounds = ELKAN_MAX_BOUNDS,
  kernel: DistanceKernel = createDistanceKernel(x, n, d),
): LloydRun {
  const elkan = n * k <= elkanMaxBounds;
  // The worker pool joins only a fit that is still running after POOL_AFTER iterations: handing it the
  // points (a copy into shared memory, and one into each worker's kernel) costs more than it saves on a
  // fit that converges in a few iterations, such as well-separated data.
  const pooling = !elkan && n >= PARALLEL_MIN_POINTS ? chunkPool() : null;
  let pool: ChunkPool | null = null;
  // The pool's threads see the labels, bounds and chunk deltas through shared memory.
  const alloc = (bytes: number) => (pooling ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
  const s: State = {
    x,
    n,
    d,
    k,
    c: init,
    sums: new Float64Array(k * d),
    counts: new Float64Array(k),
    labels: new Int32Array(alloc(n * 4)),
    shift: new Float64Array(k),
    cc: new Float64Array(k * k),
    half: new Float64Array(k),
  };
  const { c, labels, shift, cc, half } = s;
  // Bounds and distances in scratch reused across calls (scratch.ts): all written before they are read.
  const upper = scratchF64("lloyd.upper", n, pooling !== null);
  // Hamerly bound: lower[i] <= distance from i to every centroid but its own. Checked first, it
  // dismisses most points in O(1).
  const lower = scratchF64("lloyd.lower", n, pooling !== null);
  // Elkan bounds (when memory allows): bounds[i * k + j] - moved[j] <= distance from i to centroid j.
  // Stored plus the centroid's total movement when set and read minus its total movement now, so the
  // n * k bounds never need an update pass of their own.
  const bounds = new Float64Array(elkan ? n * k : 0);
  const moved = new Float64Array(k);
  const dist2 = scratchF64("lloyd.dist2", n);
  const fresh = new Float64Array(k * d);
  const nChunks = Math.ceil(n / CHUNK);
  const ctx: ChunkContext = {
    x,
    n,
    d,
    k,
    labels,
    upper,
    lower,
    params: new Float64Array(alloc((2 * k + 4 + k * d) * 8)),
    deltas: new Float64Array(alloc(nChunks * (k * d + k) * 8)),
    changed: new Int32Array(alloc(nChunks * 4)),
    // One spare slot: the branchless compaction writes one entry past the last failing point.
    pending: new Int32Array(CHUNK + 1),
    nearest: (idx, start, count) => kernel.nearestAt(idx, start, count, c, k),
  };
  const { params, deltas, changed: chunkChanged } = ctx;

  const stepAt = 2 * k + 3 + k * d;
  const width = k * d + k;
  /** Runs one chunk step over all points (on the pool when there is one, else here in chunk order). */
  const runChunks = (step: number) => {
    params.set(c, 2 * k + 3);
    params[stepAt] = step;
    if (pool) pool.run(ctx, nChunks);
    else for (let ci = 0; ci < nChunks; ci++) hamerlyChunk(ctx, ci);
  };
  if (!elkan) {
    // The first assignment, chunk by chunk; the chunks' sums are added in chunk order.
    runChunks(STEP_ASSIGN);
    for (let ci = 0; ci < nChunks; ci++) {
      const base = ci * width;
      for (let t = 0; t < k * d; t++) s.sums[t]! += deltas[base + t]!;
      for (let j = 0; j < k; j++) s.counts[j]! += deltas[base + k * d + j]!;
    }
  }
  for (let start = 0; start < (elkan ? n : 0); start += BLOCK) {
    const count = Math.min(BLOCK, n - start);
    const dist = kernel.distances(start, count, c, k);
    for (let b = 0; b < count; b++) {
      const i = start + b;
      let best = Infinity;
      let second = Infinity;
      let bestC = 0;
      for (let j = 0; j < k; j++) {
        const q = Math.sqrt(dist[b * k + j]!);
        if (elkan) bounds[i * k + j] = q;
        if (q < best) {
          second = best;
          best = q;
          bestC = j;
        } else if (q < second) second = q;
      }
      labels[i] = bestC;
      upper[i] = best;
      lower[i] = second;
      s.counts[bestC]!++;
      for (let f = 0; f < d; f++) s.sums[bestC * d + f]! += x[i * d + f]!;
    }
  }

  let iterations = 0;
  while (iterations < maxIter) {
    iterations++;
    const hadEmpty = s.counts.includes(0);
    const shiftTotal = updateCentroids(s, fresh, dist2);
    if (hadEmpty) {
      // Re-seeding moved points without tracking bounds: restart them from safe values.
      upper.fill(Infinity);
      lower.fill(0);
      bounds.fill(0);
      moved.fill(0);
    }
    if (shiftTotal <= tolAbs) break;
    let maxShift = 0;
    let maxShiftAt = -1;
    let secondShift = 0;
    for (let j = 0; j < k; j++) {
      const v = shift[j]!;
      moved[j]! += v;
      if (v > maxShift) {
        secondShift = maxShift;
        maxShift = v;
        maxShiftAt = j;
      } else if (v > secondShift) secondShift = v;
    }
    let changed = 0;
    if (!elkan) {
      // Hamerly, in fixed chunks (kmeans-pool.ts): on the pool's threads when there is one, else here in
      // chunk order; either way each chunk's moves land in its own deltas, added below in chunk order.
      params.set(shift, 0);
      params.set(half, k);
      params[2 * k] = maxShift;
      params[2 * k + 1] = maxShiftAt;
      params[2 * k + 2] = secondShift;
      if (pooling && pool === null && iterations > POOL_AFTER) {
        // Workers read the points from shared memory (copied once per fit, into reused scratch).
        let shared = x;
        if (!(x.buffer instanceof SharedArrayBuffer) || x.byteOffset !== 0) {
          shared = scratchF64("kmeans.points", n * d, true);
          shared.set(x.subarray(0, n * d));
        }
        pooling.setup(ctx, shared);
        pool = pooling;
      }
      runChunks(STEP_HAMERLY);
      for (let ci = 0; ci < nChunks; ci++) {
        if (chunkChanged[ci] === 0) continue;
        changed += chunkChanged[ci]!;
        const base = ci * width;
        for (let t = 0; t < k * d; t++) s.sums[t]! += deltas[base + t]!;
        for (let j = 0; j < k; j++) s.counts[j]! += deltas[base + k * d + j]!;
      }
    }
    for (let i = 0; i < (elkan ? n : 0); i++) {
      const a = labels[i]!;
      let u = upper[i]! + shift[a]!;
      const l = lower[i]! - (a === maxShiftAt ? secondShift : maxShift);
      const z = l > half[a]! ? l : half[a]!;
      upper[i] = u;
      lower[i] = l;
      if (u <= z) continue;
      u = Math.sqrt(dist2At(x, i, c, a, d));
      upper[i] = u;
      if (u <= z) continue;
      let best = a;
      const lb = i * k;
      bounds[lb + a] = u + moved[a]!;
      // Track the two smallest current bounds in the same pass: the smaller one that is not the
      // winner becomes the Hamerly bound for the next iteration.
      let m1 = u;
      let m1At = a;
      let m2 = Infinity;
      for (let j = 0; j < k; j++) {
        if (j === a) continue;
        let v = bounds[lb + j]! - moved[j]!;
        if (!(u <= v || u <= 0.5 * cc[best * k + j]!)) {
          v = Math.sqrt(dist2At(x, i, c, j, d));
          bounds[lb + j] = v + moved[j]!;
          if (v < u || (v === u && j < best)) {
            best = j;
            u = v;
          }
        }
        if (v < m1) {
          m2 = m1;
          m1 = v;
          m1At = j;
        } else if (v < m2) m2 = v;
      }
      upper[i] = u;
      lower[i] = m1At === best ? m2 : m1;
      if (best !== a) {
        labels[i] = best;
        move(s, i, a, best);
        changed++;
      }
    }
    // No label moved: the centroids are already the means of their clusters, a fixed point.
    if (changed === 0) break;
  }
  // Exact final pass, so labels and inertia describe the returned centroids exactly.
  let inertia = 0;
  if (elkan) inertia = assignAll(kernel, n, c, k, labels, dist2);
  else {
    runChunks(STEP_FINAL);
    for (let ci = 0; ci < nChunks; ci++) inertia += deltas[ci * width]!;
  }
  return { centroids: c, labels, inertia, iterations };
}
