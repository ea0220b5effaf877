/**
 * Seeding and repair steps of k-means (kmeans.ts), kept apart from the Lloyd loop they serve.
 */
import type { Rng } from "../random";

/** Greedy k-means++: each new centre is the best of several D^2-weighted candidates. */
export function seedPlusPlus(x: Float64Array, n: number, d: number, k: number, rng: Rng): Float64Array {
  const c = new Float64Array(k * d);
  const first = rng.int(n);
  c.set(x.subarray(first * d, first * d + d), 0);
  const closest = new Float64Array(n);
  let potential = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let f = 0; f < d; f++) {
      const diff = x[i * d + f]! - c[f]!;
      s += diff * diff;
    }
    closest[i] = s;
    potential += s;
  }
  const trials = 2 + Math.floor(Math.log(k));
  const candidateDist = new Float64Array(n);
  const bestDist = new Float64Array(n);
  const cumulative = new Float64Array(n);
  for (let centre = 1; centre < k; centre++) {
    let acc = 0;
    for (let i = 0; i < n; i++) cumulative[i] = acc += closest[i]!;
    let bestPotential = Infinity;
    let bestIndex = 0;
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
      let pot = 0;
      const cb = idx * d;
      for (let i = 0; i < n; i++) {
        let s = 0;
        const base = i * d;
        for (let f = 0; f < d; f++) {
          const diff = x[base + f]! - x[cb + f]!;
          s += diff * diff;
        }
        const m = s < closest[i]! ? s : closest[i]!;
        candidateDist[i] = m;
        pot += m;
      }
      if (pot < bestPotential) {
        bestPotential = pot;
        bestIndex = idx;
        bestDist.set(candidateDist);
      }
    }
    c.set(x.subarray(bestIndex * d, bestIndex * d + d), centre * d);
    closest.set(bestDist);
    potential = bestPotential;
  }
  return c;
}

/**
 * An empty cluster takes the point farthest from its centroid (that point is the worst explained), which
 * is moved out of its old cluster's sums. Several empty clusters take the next farthest points in turn.
 */
export function reseedEmpty(
  x: Float64Array, n: number, d: number, k: number,
  labels: Int32Array, dist2: Float64Array, counts: Float64Array, sums: Float64Array,
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
