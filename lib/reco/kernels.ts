/**
 * Block distance kernels for k-means (seeding, assignment, the final pass): squared Euclidean distances
 * from a block of points to a few centres, computed either by the WebAssembly SIMD kernel
 * (kernels-wasm.ts) or by plain TypeScript. Both sum in the same order, two lanes (even and odd features)
 * added at the end, so they return the same bits and k-means gives the same result on either path
 * (kmeans.test.ts checks it). Distances are taken as sums of squared differences rather than
 * |x|^2 - 2 x.c + |c|^2: that form cancels badly far from the origin and would cost the 1e-6 agreement
 * on inertia that the benchmark checks, for little gain at these dimensions.
 */
import { loadAlldist, type WasmAlldist } from "./kernels-wasm";

export type KernelBackend = "wasm" | "js";

let preferred: KernelBackend = "wasm";

/**
 * Chooses the backend for kernels created afterwards ("wasm" falls back to "js" where WebAssembly SIMD
 * is missing). For tests and benchmarks: results do not depend on it.
 */
export function setKernelBackend(backend: KernelBackend): void {
  preferred = backend;
}

/** The backend new kernels will use. */
export function kernelBackend(): KernelBackend {
  return preferred === "wasm" && loadAlldist() !== null ? "wasm" : "js";
}

/** Squared distance from row i of x to row j of c (both with d columns), in the kernels' summation order. */
export function dist2Lanes(x: Float64Array, i: number, c: Float64Array, j: number, d: number): number {
  let s0 = 0;
  let s1 = 0;
  const base = i * d;
  const cb = j * d;
  let f = 0;
  for (; f + 1 < d; f += 2) {
    const a0 = x[base + f]! - c[cb + f]!;
    const a1 = x[base + f + 1]! - c[cb + f + 1]!;
    s0 += a0 * a0;
    s1 += a1 * a1;
  }
  if (f < d) {
    const a0 = x[base + f]! - c[cb + f]!;
    s0 += a0 * a0;
  }
  return s0 + s1;
}

export type DistanceKernel = {
  backend: KernelBackend;
  /**
   * Squared distances of points [start, start + count) to the m rows of `c` (m * d values):
   * result[(i - start) * m + j]. The returned array is scratch, valid until the next call.
   */
  distances(start: number, count: number, c: Float64Array, m: number): Float64Array;
  /** The same for the points idx[start .. start + count) (result row t for point idx[start + t]). */
  distancesAt(idx: Int32Array, start: number, count: number, c: Float64Array, m: number): Float64Array;
  /**
   * For the points idx[start .. start + count): the nearest of the m centres (ties: lower index), its
   * squared distance and the second smallest one. Scratch, valid until the next call.
   */
  nearestAt(idx: Int32Array, start: number, count: number, c: Float64Array, m: number): Nearest;
};

export type Nearest = { label: Int32Array; best: Float64Array; second: Float64Array };

/** Points per block: the block's rows and its distance rows stay in the first cache levels. */
export const BLOCK = 2048;

/** A kernel over the n x d row-major points `x` (not copied on the TypeScript path). */
export function createDistanceKernel(x: Float64Array, n: number, d: number): DistanceKernel {
  // Pointers are 32-bit: very large inputs stay on the TypeScript path.
  const wasm = preferred === "wasm" && n * (d + 1) * 8 < 2 ** 31 ? loadAlldist(d + (d & 1)) : null;
  return wasm ? wasmKernel(wasm, x, n, d) : jsKernel(x, d);
}

function jsKernel(x: Float64Array, d: number): DistanceKernel {
  let out = new Float64Array(0);
  let near: Nearest = { label: new Int32Array(0), best: new Float64Array(0), second: new Float64Array(0) };
  return {
    backend: "js",
    distances(start, count, c, m) {
      if (out.length < count * m) out = new Float64Array(count * m);
      let o = 0;
      for (let i = start; i < start + count; i++) for (let j = 0; j < m; j++) out[o++] = dist2Lanes(x, i, c, j, d);
      return out.subarray(0, count * m);
    },
    distancesAt(idx, start, count, c, m) {
      if (out.length < count * m) out = new Float64Array(count * m);
      let o = 0;
      for (let t = start; t < start + count; t++) {
        const i = idx[t]!;
        for (let j = 0; j < m; j++) out[o++] = dist2Lanes(x, i, c, j, d);
      }
      return out.subarray(0, count * m);
    },
    nearestAt(idx, start, count, c, m) {
      if (near.label.length < count)
        near = { label: new Int32Array(count), best: new Float64Array(count), second: new Float64Array(count) };
      for (let t = 0; t < count; t++) {
        const i = idx[start + t]!;
        let best = Infinity;
        let second = Infinity;
        let label = 0;
        for (let j = 0; j < m; j++) {
          const q = dist2Lanes(x, i, c, j, d);
          if (q < best) {
            second = best;
            best = q;
            label = j;
          } else if (q < second) second = q;
        }
        near.label[t] = label;
        near.best[t] = best;
        near.second[t] = second;
      }
      return {
        label: near.label.subarray(0, count),
        best: near.best.subarray(0, count),
        second: near.second.subarray(0, count),
      };
    },
  };
}

const PAGE = 65536;

/**
 * Copies the points into the module's memory once (rows padded to an even width with zeros, which add
 * exactly 0 to the odd lane), then serves blocks from there. One module instance serves every kernel,
 * so a kernel is valid until the next one is created; kmeans runs to completion synchronously.
 */
function wasmKernel(w: WasmAlldist, x: Float64Array, n: number, d: number): DistanceKernel {
  const dp = d + (d & 1);
  const xBytes = n * dp * 8;
  let cOffset = xBytes;
  let cCap = -1;
  let outOffset = xBytes;
  let outCap = 0;
  let idxOffset = xBytes;
  let idxCap = 0;
  let f64 = new Float64Array(w.memory.buffer);
  let i32 = new Int32Array(w.memory.buffer);
  const ensure = (bytes: number) => {
    if (w.memory.buffer.byteLength < bytes) w.memory.grow(Math.ceil((bytes - w.memory.buffer.byteLength) / PAGE));
    if (f64.buffer !== w.memory.buffer) {
      f64 = new Float64Array(w.memory.buffer);
      i32 = new Int32Array(w.memory.buffer);
    }
  };
  const layout = (cLen: number, outLen: number, idxLen = 0) => {
    if (cLen <= cCap && outLen <= outCap && idxLen <= idxCap) return;
    cCap = Math.max(cCap, cLen, 64);
    outCap = Math.max(outCap, outLen, BLOCK * 16);
    idxCap = Math.max(idxCap, idxLen, BLOCK);
    cOffset = xBytes;
    outOffset = cOffset + cCap * 8;
    idxOffset = outOffset + outCap * 8;
    ensure(idxOffset + idxCap * 4);
  };
  const putCentres = (c: Float64Array, m: number) => {
    const cBase = cOffset / 8;
    if (dp === d) f64.set(c.subarray(0, m * d), cBase);
    else {
      for (let j = 0; j < m; j++) {
        f64.set(c.subarray(j * d, j * d + d), cBase + j * dp);
        f64[cBase + j * dp + d] = 0;
      }
    }
  };
  layout(0, 0);
  if (dp === d) f64.set(x.subarray(0, n * d), 0);
  else {
    for (let i = 0; i < n; i++) {
      f64.set(x.subarray(i * d, i * d + d), i * dp);
      f64[i * dp + d] = 0;
    }
  }
  return {
    backend: "wasm",
    distances(start, count, c, m) {
      layout(m * dp, count * m);
      putCentres(c, m);
      w.alldist(start * dp * 8, count, dp, cOffset, m, outOffset, 0);
      return f64.subarray(outOffset / 8, outOffset / 8 + count * m);
    },
    distancesAt(idx, start, count, c, m) {
      layout(m * dp, count * m, count);
      putCentres(c, m);
      i32.set(idx.subarray(start, start + count), idxOffset / 4);
      w.alldistAt(0, count, dp, cOffset, m, outOffset, idxOffset);
      return f64.subarray(outOffset / 8, outOffset / 8 + count * m);
    },
    nearestAt(idx, start, count, c, m) {
      // best, second (f64) and label (i32) for each point: 20 bytes a point.
      layout(m * dp, Math.ceil((count * 20) / 8), count);
      putCentres(c, m);
      i32.set(idx.subarray(start, start + count), idxOffset / 4);
      w.nearestAt(0, count, dp, cOffset, m, outOffset, idxOffset);
      const o = outOffset / 8;
      return {
        best: f64.subarray(o, o + count),
        second: f64.subarray(o + count, o + 2 * count),
        label: i32.subarray(outOffset / 4 + 4 * count, outOffset / 4 + 5 * count),
      };
    },
  };
}
