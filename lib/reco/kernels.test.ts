import { afterEach, describe, expect, it } from "vitest";
import { createRng } from "../random";
import { itemKnn, userKnn } from "./cf";
import { createDistanceKernel, kernelBackend, setKernelBackend } from "./kernels";
import { ALLDIST_WASM } from "./kernels-wasm";
import { kmeans } from "./kmeans";
import { fitRp3beta } from "./rp3beta";
import { recommendAll, recommendWith } from "./scorer";
import { cosineNeighbours, setDenseMaxRows } from "./similarity";
import { csrFromTriplets, transpose, type Csr } from "./sparse";

afterEach(() => {
  setKernelBackend("wasm");
  setDenseMaxRows(2500);
});

function points(n: number, d: number, seed: number): Float64Array {
  const rng = createRng(seed);
  // Clustered, offset far from the origin, so cancellation would show if a path computed differently.
  return Float64Array.from({ length: n * d }, (_, t) => 1000 + 10 * (Math.floor(t / d) % 5) + rng.normal());
}

describe("distance kernels", () => {
  it("has a valid WebAssembly SIMD module in Node, used by default", () => {
    expect(WebAssembly.validate(ALLDIST_WASM)).toBe(true);
    expect(kernelBackend()).toBe("wasm");
    setKernelBackend("js");
    expect(kernelBackend()).toBe("js");
  });

  for (const d of [1, 5, 16, 71]) {
    it(`gives the same bits on both paths and matches a plain sum (d = ${d})`, () => {
      const n = 300;
      const x = points(n, d, d);
      const c = points(7, d, 100 + d);
      const wasm = createDistanceKernel(x, n, d);
      const wasmBlock = Array.from(wasm.distances(13, 200, c, 7));
      const idx = Int32Array.from([299, 0, 17, 17, 150]);
      const wasmAt = Array.from(wasm.distancesAt(idx, 1, 4, c, 7));
      const nw = wasm.nearestAt(idx, 0, 5, c, 7);
      const wasmNear = [Array.from(nw.label), Array.from(nw.best), Array.from(nw.second)];
      expect(wasm.backend).toBe("wasm");
      setKernelBackend("js");
      const js = createDistanceKernel(x, n, d);
      expect(js.backend).toBe("js");
      expect(Array.from(js.distances(13, 200, c, 7))).toEqual(wasmBlock);
      expect(Array.from(js.distancesAt(idx, 1, 4, c, 7))).toEqual(wasmAt);
      const nj = js.nearestAt(idx, 0, 5, c, 7);
      expect([Array.from(nj.label), Array.from(nj.best), Array.from(nj.second)]).toEqual(wasmNear);
      // The nearest centre and the two smallest distances, from the full rows.
      const full = js.distancesAt(idx, 0, 5, c, 7);
      for (let t = 0; t < 5; t++) {
        const row = Array.from(full.subarray(t * 7, t * 7 + 7));
        const sorted = [...row].sort((p, q) => p - q);
        expect(wasmNear[0]![t]).toBe(row.indexOf(sorted[0]!));
        expect([wasmNear[1]![t], wasmNear[2]![t]]).toEqual(sorted.slice(0, 2));
      }
      // Row 0 of the gathered block is point 0 against centre 3.
      let plain = 0;
      for (let f = 0; f < d; f++) plain += (x[f]! - c[3 * d + f]!) ** 2;
      expect(wasmAt[3]).toBeCloseTo(plain, 6);
      expect(wasmBlock[(20 - 13) * 7 + 2]).toBeCloseTo(
        Array.from({ length: d }, (_, f) => (x[20 * d + f]! - c[2 * d + f]!) ** 2).reduce((a, b) => a + b),
        6,
      );
    });
  }
});

describe("kmeans on both kernel paths", () => {
  it("returns identical results for a seed, with restarts and an odd dimension", () => {
    for (const [n, d, k] of [
      [2500, 7, 5],
      [4000, 16, 8],
    ] as const) {
      const m = { nRows: n, nCols: d, data: points(n, d, n) };
      const fast = kmeans(m, k, { seed: 3, nInit: 2 });
      setKernelBackend("js");
      const plain = kmeans(m, k, { seed: 3, nInit: 2 });
      setKernelBackend("wasm");
      expect(plain).toEqual(fast);
      expect(new Set(fast.labels).size).toBe(k);
    }
  });
});

/** Ratings-like users x items matrix with a popular head, so many items co-occur. */
function ratings(nUsers: number, nItems: number, seed: number): Csr {
  const rng = createRng(seed);
  const r: number[] = [];
  const c: number[] = [];
  const v: number[] = [];
  for (let u = 0; u < nUsers; u++) {
    const count = 2 + rng.int(25);
    for (let t = 0; t < count; t++) {
      r.push(u);
      c.push(Math.floor(nItems * rng.next() ** 2));
      v.push(1 + rng.int(5));
    }
  }
  return csrFromTriplets(nUsers, nItems, r, c, v, "last");
}

describe("dense co-occurrence path", () => {
  const x = ratings(300, 120, 9);

  it("gives item-kNN neighbours identical to the sparse walk", () => {
    const dense = cosineNeighbours(transpose(x), { k: 20, shrink: 10 });
    setDenseMaxRows(0);
    const sparse = cosineNeighbours(transpose(x), { k: 20, shrink: 10 });
    expect(dense).toEqual(sparse);
    expect(dense.indices.length).toBeGreaterThan(100 * 10);
  });

  it("gives RP3beta weights and user-kNN scores identical to the sparse walk", () => {
    const denseRp3 = fitRp3beta(x, { alpha: 0.8, beta: 0.3, k: 15 }).neighbours;
    const denseUsers = userKnn.fit(x, { k: 30, shrink: 5 });
    const a = new Float64Array(x.nCols);
    denseUsers.scoreUser(7, a);
    setDenseMaxRows(0);
    expect(fitRp3beta(x, { alpha: 0.8, beta: 0.3, k: 15 }).neighbours).toEqual(denseRp3);
    const b = new Float64Array(x.nCols);
    userKnn.fit(x, { k: 30, shrink: 5 }).scoreUser(7, b);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(a.some((s) => s > 0)).toBe(true);
  });
});

describe("recommendAll", () => {
  it("lists the same items as recommendWith for every user", () => {
    const x = ratings(80, 60, 4);
    const model = itemKnn.fit(x, { k: 10, shrink: 2 });
    const all = recommendAll(model, x, 5);
    for (let u = 0; u < x.nRows; u++) {
      const one = recommendWith(model, x, u, 5).map((s) => s.item);
      expect(Array.from(all.subarray(u * 5, u * 5 + one.length))).toEqual(one);
      expect(Array.from(all.subarray(u * 5 + one.length, u * 5 + 5)).every((i) => i === -1)).toBe(true);
    }
  });
});
