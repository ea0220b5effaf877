/**
 * npm run bench:kmeans -- [--compare] [--reps 3] [--seed 1] [--data blobs,noise] [--js] [--threads N]
 *
 * k-means (lib/reco/kmeans.ts) on 100,000 x 16 float64 points, k = 8, one restart (nInit 1), generated
 * here: "blobs" are 8 Gaussian clusters (centres N(0, 5^2), unit spread, the data bench:reco times),
 * "noise" is uniform on [0, 1)^16 (no structure: 100-250 Lloyd iterations under the default tol).
 * Ours runs with the WebAssembly SIMD kernels (--js: the plain TypeScript path), its Lloyd iterations
 * split over the worker-thread pool once a fit has run POOL_AFTER iterations (lib/reco/kmeans-pool.ts;
 * --threads 1: main thread only).
 *
 * --compare also runs scripts/reference/kmeans.py with /usr/bin/python3 (installing Debian's
 * python3-sklearn when missing) on the same points: scikit-learn's KMeans(algorithm="lloyd",
 * init="k-means++", n_init=1) with its default threads (printed), and once more from our own k-means++
 * seeds, the float64 Lloyd run our inertia is compared with (--reps times: same iterations as ours), and
 * its k-means++ seeding alone: seeding plus Lloyd from our seeds is the like-for-like time, since its own
 * seeds give other iteration counts. Prints the medians of --reps runs (after one warm-up each), the ratios and the
 * relative inertia difference. Exit codes: 0 done, 1 failed, 2 bad
 * arguments.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { setKernelBackend, kernelBackend } from "../lib/reco/kernels";
import { kmeans } from "../lib/reco/kmeans";
import { POOL_AFTER } from "../lib/reco/kmeans-lloyd";
import { chunkPool, PARALLEL_MIN_POINTS, setKmeansThreads } from "../lib/reco/kmeans-pool";
import { seedPlusPlus } from "../lib/reco/kmeans-seeding";
import { createRng } from "../lib/random";
import { readFlags } from "./cli";
import { ensureScikitLearn, loadAverage, median, runReference } from "./reference/python";

const USAGE =
  "usage: npm run bench:kmeans -- [--compare] [--reps 3] [--seed 1] [--data blobs,noise] [--js] [--threads N]";

const Flags = z.object({
  compare: z.boolean().default(false),
  js: z.boolean().default(false),
  threads: z.coerce.number().int().min(1).max(64).optional(),
  reps: z.coerce.number().int().min(1).max(50).default(3),
  seed: z.coerce.number().int().min(0).max(0xffffffff).default(1),
  data: z
    .string()
    .default("blobs,noise")
    .transform((s) => s.split(",").map((p) => p.trim()))
    .pipe(z.array(z.enum(["blobs", "noise"])).min(1)),
});

const N = 100_000;
const D = 16;
const K = 8;

function generate(kind: "blobs" | "noise"): Float64Array {
  const rng = createRng(7);
  const centres = Array.from({ length: K }, () => Array.from({ length: D }, () => rng.normal() * 5));
  const x = new Float64Array(N * D);
  for (let i = 0; i < N; i++) {
    const c = centres[i % K]!;
    for (let f = 0; f < D; f++) x[i * D + f] = kind === "blobs" ? c[f]! + rng.normal() : rng.next();
  }
  return x;
}

type Reference = {
  seconds: number[];
  inertia: number[];
  iterations: number[];
  same_init: { inertia: number; iterations: number; seconds: number[] };
  seeding_seconds: number[];
  threads: Record<string, number>;
  sklearn: string;
};

async function main(): Promise<void> {
  const flags = readFlags(process.argv.slice(2), {
    script: "bench:kmeans",
    usage: USAGE,
    options: {
      compare: { type: "boolean" },
      js: { type: "boolean" },
      threads: { type: "string" },
      reps: { type: "string" },
      seed: { type: "string" },
      data: { type: "string" },
    },
    schema: Flags,
  });
  if (flags.js) setKernelBackend("js");
  if (flags.threads !== undefined) setKmeansThreads(flags.threads);
  // Workers start asynchronously: wait for them so that no timed run falls back to one thread.
  const pool = chunkPool();
  for (let t = 0; t < 200 && pool !== null && pool.started() === 0; t++) await new Promise((r) => setTimeout(r, 25));
  const threads = pool === null ? 1 : pool.started() + 1;
  if (flags.compare) ensureScikitLearn((line) => console.log(line));
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-kmeans-"));
  const summary: Record<string, unknown> = {};
  try {
    console.log(
      `k-means ${N.toLocaleString("en-US")} x ${D}, k = ${K}, nInit 1, seed ${flags.seed}; ours: ${kernelBackend() === "wasm" ? "WebAssembly SIMD kernels" : "plain TypeScript"}, ${threads} thread(s) (${N.toLocaleString("en-US")} points >= ${PARALLEL_MIN_POINTS.toLocaleString("en-US")}: worker threads join a fit after ${POOL_AFTER} iterations)`,
    );
    for (const kind of flags.data) {
      const x = generate(kind);
      const m = { nRows: N, nCols: D, data: x };
      kmeans(m, K, { nInit: 1, seed: flags.seed }); // warm-up: JIT and the kernel's memory
      const ours: number[] = [];
      let result = kmeans(m, K, { nInit: 1, seed: flags.seed });
      for (let r = 0; r < flags.reps; r++) {
        const t = performance.now();
        result = kmeans(m, K, { nInit: 1, seed: flags.seed });
        ours.push((performance.now() - t) / 1000);
      }
      const oursMedian = median(ours);
      console.log(
        `\n[${kind}] ours: ${ours.map((s) => s.toFixed(4)).join(", ")} s; median ${oursMedian.toFixed(4)} s (${result.iterations} iterations, inertia ${result.inertia})`,
      );
      const entry: Record<string, unknown> = {
        ours_s: oursMedian,
        ours_iterations: result.iterations,
        ours_inertia: result.inertia,
      };
      if (flags.compare) {
        const pointsFile = path.join(dir, `${kind}.f64`);
        const initFile = path.join(dir, `${kind}-init.f64`);
        writeFileSync(pointsFile, new Uint8Array(x.buffer, x.byteOffset, x.byteLength));
        // Our k-means++ seeds for this seed (nInit 1 draws them first from createRng(seed)).
        const init = seedPlusPlus(x, N, D, K, createRng(flags.seed));
        writeFileSync(initFile, new Uint8Array(init.buffer, init.byteOffset, init.byteLength));
        const ref = runReference<Reference>("kmeans.py", [
          pointsFile,
          String(N),
          String(D),
          String(K),
          String(flags.reps),
          initFile,
        ]);
        const refMedian = median(ref.seconds);
        const rel = Math.abs(result.inertia - ref.same_init.inertia) / ref.same_init.inertia;
        const threads = Object.entries(ref.threads)
          .map(([api, n]) => `${api} ${n}`)
          .join(", ");
        console.log(
          `[${kind}] scikit-learn ${ref.sklearn} Lloyd, its own k-means++ (threads: ${threads}): ${ref.seconds.map((s) => s.toFixed(4)).join(", ")} s; median ${refMedian.toFixed(4)} s (${ref.iterations.join("/")} iterations, inertia ${ref.inertia.map((v) => v.toPrecision(10)).join(" / ")})`,
        );
        console.log(
          `[${kind}] ratio ours / scikit-learn: ${(oursMedian / refMedian).toFixed(3)} (median of ${flags.reps} each)`,
        );
        const sameMedian = median(ref.same_init.seconds);
        console.log(
          `[${kind}] agreement: scikit-learn Lloyd from our seeds: inertia ${ref.same_init.inertia} (${ref.same_init.iterations} iterations); ours ${result.inertia}; relative difference ${rel.toExponential(2)} (${rel <= 1e-6 ? "within" : "NOT within"} 1e-6)`,
        );
        console.log(
          `[${kind}] same seeds: scikit-learn Lloyd ${ref.same_init.seconds.map((s) => s.toFixed(4)).join(", ")} s; median ${sameMedian.toFixed(4)} s (Lloyd only, no seeding); ratio ours (with seeding) / that: ${(oursMedian / sameMedian).toFixed(3)}`,
        );
        // The same work as ours, iteration for iteration: scikit-learn's k-means++ seeding alone plus its
        // Lloyd from our seeds (its own seeds give other iteration counts, 2-9 on blobs, 80-146 on noise).
        const seedMedian = median(ref.seeding_seconds);
        const like = seedMedian + sameMedian;
        console.log(
          `[${kind}] like for like: scikit-learn k-means++ seeding ${ref.seeding_seconds.map((s) => s.toFixed(4)).join(", ")} s (median ${seedMedian.toFixed(4)}) + Lloyd from our seeds ${sameMedian.toFixed(4)} s = ${like.toFixed(4)} s; ratio ours / that: ${(oursMedian / like).toFixed(3)}`,
        );
        Object.assign(entry, {
          sklearn_like_for_like_s: like,
          ratio_like_for_like: oursMedian / like,
          sklearn_s: refMedian,
          ratio: oursMedian / refMedian,
          sklearn_same_init_s: sameMedian,
          ratio_same_init: oursMedian / sameMedian,
          sklearn_same_init_inertia: ref.same_init.inertia,
          inertia_rel_diff: rel,
          sklearn_threads: ref.threads,
        });
      }
      summary[kind] = entry;
    }
    console.log(`\nload: ${loadAverage()}`);
    console.log(JSON.stringify({ n: N, d: D, k: K, backend: kernelBackend(), ours_threads: threads, ...summary }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error("bench:kmeans failed:", error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
