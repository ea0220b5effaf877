/**
 * Seeding and repair steps of k-means (kmeans.ts), kept apart from the Lloyd loop they serve.
 */
import type { Rng } from "../random";
import { BLOCK, createDistanceKernel, type DistanceKernel } from "./kernels";
import { scratchF64 } from "./scratch";

/**
 * Greedy k-means++: each new centre is the best of several D^2-weighted candidates. All candidates of a
 * step are drawn first (the draws never depend on their distances) and then measured in one blocked
 * pass over the points, so the data is read once per step instead of once per candidate.
 */
export function seedPlusPlus(
  x: Float64Array,
  n: number,
  d: number,
  k: number,
  rng: Rng,
  kernel: DistanceKernel = createDistanceKernel(x, n, d),
): Float64Array {
  const c = new Float64Array(k * d);
  const first = rng.int(n);
  c.set(x.subarray(first * d, first * d + d), 0);
  // Scratch reused across calls (scratch.ts): every entry is written before it is read.
  const closest = scratchF64("seed.closest", n);
  let potential = 0;
  for (let start = 0; start < n; start += BLOCK) {
    const count = Math.min(BLOCK, n - start);
    const dist = kernel.distances(start, count, c, 1);
    for (let b = 0; b < count; b++) {
      closest[start + b] = dist[b]!;
      potential += dist[b]!;
    }
  }
  const trials = 2 + Math.floor(Math.log(k));
  const candidates = new Float64Array(trials * d);
  const candidateIdx = new Int32Array(trials);
  const candidateDist = scratchF64("seed.candidates", trials * n);
  const pots = new Float64Array(trials);
  const cumulative = scratchF64("seed.cumulative", n);
  for (let centre = 1; centre < k; centre++) {
    let acc = 0;
    for (let i = 0; i < n; i++) cumulative[i] = acc += closest[i]!;
    for (let t = 0; t < trials; t++) {
      // All points coincide with existing centres: any point will do (potential 0).
      let idx = rng.int(n);
      if (potential > 0) {
        const target = rng.next() * acc;
        let lo = 0;
        let hi = n - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (cumulative[mid]! <= target) lo = mid + 1;
          else hi = mid;
        }
        idx = lo;
      }
      candidateIdx[t] = idx;
      candidates.set(x.subarray(idx * d, idx * d + d), t * d);
    }
    pots.fill(0);
    for (let start = 0; start < n; start += BLOCK) {
      const count = Math.min(BLOCK, n - start);
      const dist = kernel.distances(start, count, candidates, trials);
      // One trial at a time over the block: its running potential stays in a register and its minima
      // are written contiguously. Each potential is still summed in point order, so the bits (and the
      // chosen centre) are those of a point-by-point loop.
      for (let t = 0; t < trials; t++) {
        let pot = pots[t]!;
        const row = t * n + start;
        for (let b = 0; b < count; b++) {
          const s = dist[b * trials + t]!;
          const own = closest[start + b]!;
          const m = s < own ? s : own;
          candidateDist[row + b] = m;
          pot += m;
        }
        pots[t] = pot;
      }
    }
    let bestPotential = Infinity;
    let best = 0;
    for (let t = 0; t < trials; t++) {
      if (pots[t]! < bestPotential) {
        bestPotential = pots[t]!;
        best = t;
      }
    }
    const bestIndex = candidateIdx[best]!;
    c.set(x.subarray(bestIndex * d, bestIndex * d + d), centre * d);
    closest.set(candidateDist.subarray(best * n, best * n + n));
    potential = bestPotential;
  }
  return c;
}

/**
 * An empty cluster takes the point farthest from its centroid (that point is the worst explained), which
 * is moved out of its old cluster's sums. Several empty clusters take the next farthest points in turn.
 */
export function reseedEmpty(
  x: Float64Array,
  n: number,
  d: number,
  k: number,
  labels: Int32Array,
  dist2: Float64Array,
  counts: Float64Array,
  sums: Float64Array,
): void {
  for (let j = 0; j < k; j++) {
    if (counts[j]! > 0) continue;
    let far = -1;
    let farDist = -1;
    for (let i = 0; i < n; i++) {
      // Never take the last member of a cluster, or we would just move the hole elsewhere.
      if (dist2[i]! > farDist && counts[labels[i]!]! > 1) {
        farDist = dist2[i]!;
        far = i;
      }
    }
    if (far < 0) throw new RangeError("kmeans: cannot fill an empty cluster (fewer distinct points than k?)");
    const old = labels[far]!;
    counts[old]!--;
    for (let f = 0; f < d; f++) sums[old * d + f]! -= x[far * d + f]!;
    labels[far] = j;
    dist2[far] = 0;
    counts[j] = 1;
    for (let f = 0; f < d; f++) sums[j * d + f] = x[far * d + f]!;
  }
}
