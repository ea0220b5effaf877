import { describe, expect, it } from "vitest";
import { createRng } from "../random";
import { chooseK, kmeans, silhouette } from "./kmeans";
import { lloyd } from "./kmeans-lloyd";

const square = (cx: number, cy: number) => [
  [cx, cy],
  [cx, cy + 1],
  [cx + 1, cy],
  [cx + 1, cy + 1],
];

function blobs(n: number, d: number, k: number, seed: number, spread = 0.3): number[][] {
  const rng = createRng(seed);
  const centres = Array.from({ length: k }, (_, c) =>
    Array.from({ length: d }, (_, f) => (f === c % d ? 10 * (1 + Math.floor(c / d)) : 0)),
  );
  return Array.from({ length: n }, (_, i) => centres[i % k]!.map((v) => v + spread * rng.normal()));
}

/** Textbook Lloyd from given centroids, with no bounds: the reference the accelerated loop must match. */
function naiveLloyd(points: number[][], init: number[][], maxIter = 1000) {
  let c = init.map((r) => r.slice());
  let labels: number[] = [];
  for (let it = 0; it < maxIter; it++) {
    const next = points.map((p) => {
      let best = 0;
      let bestD = Infinity;
      c.forEach((q, j) => {
        const d = p.reduce((s, v, f) => s + (v - q[f]!) ** 2, 0);
        if (d < bestD) [best, bestD] = [j, d];
      });
      return best;
    });
    if (next.every((l, i) => l === labels[i])) break;
    labels = next;
    c = c.map((q, j) => {
      const members = points.filter((_, i) => labels[i] === j);
      return members.length === 0 ? q : q.map((_, f) => members.reduce((s, p) => s + p[f]!, 0) / members.length);
    });
  }
  return { labels, centroids: c };
}

describe("kmeans", () => {
  it("finds three obviously separated clusters, with exact centroids and inertia", () => {
    const points = [...square(0, 0), ...square(20, 0), ...square(0, 20)];
    const r = kmeans(points, 3, { seed: 1 });
    // Points of one square share a label, different squares different labels.
    for (const s of [0, 4, 8]) expect(new Set(r.labels.slice(s, s + 4)).size).toBe(1);
    expect(new Set([r.labels[0], r.labels[4], r.labels[8]]).size).toBe(3);
    const centroids = r.centroids
      .map((c) => c.map((v) => Math.round(v * 1e9) / 1e9))
      .sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
    expect(centroids).toEqual([
      [0.5, 0.5],
      [0.5, 20.5],
      [20.5, 0.5],
    ]);
    // Every point is at squared distance 0.5 from its centroid.
    expect(r.inertia).toBeCloseTo(12 * 0.5, 10);
    expect(r.iterations).toBeGreaterThanOrEqual(1);
  });

  it("accepts a Float64Array-backed matrix and gives the same answer as number[][]", () => {
    const points = blobs(300, 4, 3, 5);
    const m = { nRows: 300, nCols: 4, data: Float64Array.from(points.flat()) };
    expect(kmeans(m, 3, { seed: 9 })).toEqual(kmeans(points, 3, { seed: 9 }));
  });

  it("is deterministic for a seed", () => {
    const points = blobs(500, 5, 6, 3, 3);
    expect(kmeans(points, 6, { seed: 11, nInit: 3 })).toEqual(kmeans(points, 6, { seed: 11, nInit: 3 }));
  });

  it("gives the same result whatever ran before it in the reused scratch memory", () => {
    const small = blobs(500, 5, 6, 3, 3);
    const large = blobs(2000, 7, 4, 8, 2);
    const first = kmeans(small, 6, { seed: 11, nInit: 2 });
    // A larger fit grows every scratch buffer and leaves its values behind; a smaller one reuses them.
    const largeFirst = kmeans(large, 4, { seed: 3 });
    expect(kmeans(small, 6, { seed: 11, nInit: 2 })).toEqual(first);
    expect(kmeans(large, 4, { seed: 3 })).toEqual(largeFirst);
  });

  it("keeps the restart with the lowest inertia", () => {
    const points = blobs(400, 3, 8, 4, 4);
    const single = [1, 2, 3, 4].map((s) => kmeans(points, 8, { seed: s, nInit: 1 }).inertia);
    const many = kmeans(points, 8, { seed: 1, nInit: 4 }).inertia;
    expect(many).toBeLessThanOrEqual(Math.max(...single));
    expect(many).toBeLessThanOrEqual(kmeans(points, 8, { seed: 1, nInit: 1 }).inertia);
  });

  it("validates k with a RangeError", () => {
    const points = square(0, 0);
    expect(() => kmeans(points, 5)).toThrow(RangeError);
    expect(() => kmeans(points, 5)).toThrow(/must not exceed the number of points \(4\)/);
    expect(() => kmeans(points, 0)).toThrow(/k must be an integer >= 1/);
    expect(() => kmeans(points, 1.5)).toThrow(RangeError);
    expect(() => kmeans([], 1)).toThrow(RangeError);
    expect(() => kmeans([[0, 1], [2]], 1)).toThrow(/row 1 has 1 values/);
    expect(() => kmeans([[0, NaN]], 1)).toThrow(/not a finite number/);
  });

  it("handles k = n and k = 1", () => {
    const points = square(0, 0);
    const all = kmeans(points, 4, { seed: 2 });
    expect(new Set(all.labels).size).toBe(4);
    expect(all.inertia).toBe(0);
    const one = kmeans(points, 1);
    expect(one.centroids).toEqual([[0.5, 0.5]]);
    expect(one.inertia).toBeCloseTo(2, 12);
  });

  it("re-seeds an empty cluster with the farthest point instead of returning it empty", () => {
    // Duplicate starting centroids: the second never wins a point (ties go to the lower index).
    const points = [...square(0, 0), ...square(30, 30)];
    const x = Float64Array.from(points.flat());
    const init = Float64Array.from([0, 0, 0, 0, 30, 30]);
    const r = lloyd(x, 8, 2, 3, init, 100, 0);
    const counts = [0, 1, 2].map((j) => Array.from(r.labels).filter((l) => l === j).length);
    expect(counts.every((c) => c > 0)).toBe(true);
  });

  it("matches textbook Lloyd from the same start, with Elkan and with Hamerly bounds", () => {
    const rng = createRng(21);
    const points = Array.from({ length: 1500 }, () => Array.from({ length: 5 }, () => rng.normal()));
    const x = Float64Array.from(points.flat());
    const initRows = [0, 100, 200, 300, 400, 500, 600].map((i) => points[i]!);
    const reference = naiveLloyd(points, initRows);
    for (const elkanLimit of [Infinity, 0]) {
      const run = lloyd(x, 1500, 5, 7, Float64Array.from(initRows.flat()), 1000, 0, elkanLimit);
      expect(Array.from(run.labels)).toEqual(reference.labels);
      const got = Array.from(run.centroids);
      reference.centroids.flat().forEach((v, t) => expect(got[t]).toBeCloseTo(v, 9));
      expect(run.iterations).toBeGreaterThan(3);
    }
  });
});

describe("silhouette", () => {
  it("matches a hand computation on 1-D points", () => {
    // Points 0, 1 | 10, 11: a = 1 for all; b = 10.5, 9.5, 9.5, 10.5.
    const s = silhouette([[0], [1], [10], [11]], [0, 0, 1, 1], 2);
    expect(s).toBeCloseTo((2 * (9.5 / 10.5) + 2 * (8.5 / 9.5)) / 4, 12);
  });

  it("scores singletons 0 and rejects bad labels", () => {
    // Point 0: a = 1, b = 5; point 1: a = 1, b = 4; point 5 is alone: 0.
    expect(silhouette([[0], [1], [5]], [0, 0, 1], 2)).toBeCloseTo((4 / 5 + 3 / 4) / 3, 12);
    expect(() => silhouette([[0], [1]], [0, 2], 2)).toThrow(RangeError);
    expect(() => silhouette([[0], [1]], [0, 0], 1)).toThrow(RangeError);
  });

  it("samples large inputs deterministically and stays close to the exact value", () => {
    const points = blobs(3000, 4, 4, 8, 1.5);
    const labels = kmeans(points, 4, { seed: 1 }).labels;
    const exact = silhouette(points, labels, 4, { sampleSize: 3000 });
    const a = silhouette(points, labels, 4, { sampleSize: 800, seed: 5 });
    expect(a).toBe(silhouette(points, labels, 4, { sampleSize: 800, seed: 5 }));
    expect(Math.abs(a - exact)).toBeLessThan(0.05);
  });
});

describe("chooseK", () => {
  it("picks the number of well separated blobs", () => {
    const points = blobs(600, 3, 3, 2, 0.5);
    const r = chooseK(points, { kMin: 2, kMax: 6, seed: 3 });
    expect(r.k).toBe(3);
    expect(r.scores.map((s) => s.k)).toEqual([2, 3, 4, 5, 6]);
    expect(r.result.centroids).toHaveLength(3);
  });

  it("rejects an empty range", () => {
    expect(() => chooseK(square(0, 0), { kMin: 4, kMax: 6 })).toThrow(RangeError);
  });
});
