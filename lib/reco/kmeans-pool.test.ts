import { afterEach, describe, expect, it } from "vitest";
import { createRng } from "../random";
import { setKernelBackend } from "./kernels";
import { kmeans } from "./kmeans";
import { chunkPool, PARALLEL_MIN_POINTS, setKmeansThreads } from "./kmeans-pool";

afterEach(() => {
  setKmeansThreads(Infinity);
  setKernelBackend("wasm");
});

/** Uniform noise (many iterations, a quarter of the points rescanned each) or offset Gaussian blobs. */
function data(kind: "noise" | "blobs", n: number, d: number, seed: number) {
  const rng = createRng(seed);
  const x = new Float64Array(n * d);
  for (let i = 0; i < n; i++)
    for (let f = 0; f < d; f++)
      x[i * d + f] = kind === "noise" ? rng.next() : 100 + 8 * ((i * 7 + f) % 5) + rng.normal();
  return { nRows: n, nCols: d, data: x };
}

describe("kmeans on worker threads", () => {
  it("gives the single-thread result bit for bit, and the workers take part", async () => {
    const pool = chunkPool();
    expect(pool).not.toBeNull();
    // Workers start asynchronously; wait until one runs, so the comparison exercises the split.
    for (let t = 0; t < 200 && pool!.started() === 0; t++) await new Promise((r) => setTimeout(r, 25));
    expect(pool!.started()).toBeGreaterThan(0);
    for (const [kind, n, d, k] of [
      ["noise", 3 * PARALLEL_MIN_POINTS, 16, 8],
      ["blobs", PARALLEL_MIN_POINTS + 123, 7, 5],
    ] as const) {
      const m = data(kind, n, d, n);
      const before = pool!.workerChunks();
      const parallel = kmeans(m, k, { seed: 5, nInit: 2 });
      const ran = pool!.workerChunks() - before;
      setKmeansThreads(1);
      const single = kmeans(m, k, { seed: 5, nInit: 2 });
      setKernelBackend("js");
      const plain = kmeans(m, k, { seed: 5, nInit: 2 });
      setKmeansThreads(Infinity);
      setKernelBackend("wasm");
      expect(parallel).toEqual(single);
      expect(plain).toEqual(single);
      if (kind === "noise") {
        expect(parallel.iterations).toBeGreaterThan(10);
        expect(ran).toBeGreaterThan(0);
      }
    }
  });

  it("reuses one pool across calls", () => {
    expect(chunkPool()).toBe(chunkPool());
  });
});
