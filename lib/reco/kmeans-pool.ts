/**
 * Worker threads for the Lloyd passes of kmeans-lloyd.ts (first assignment, Hamerly steps, final pass),
 * joined once a fit has run a few iterations (POOL_AFTER there): the points are split into fixed chunks
 * (CHUNK points) that the main thread and the workers claim one at a time from a shared counter. Each
 * chunk writes its own label moves as deltas to the cluster sums, which the main thread adds in chunk
 * order, so the result does not depend on who ran which chunk, nor on how many threads there are: the
 * single-thread path runs the same chunks in order and gives the same bits (kmeans-pool.test.ts).
 *
 * - One pool per process, created on first use and reused across kmeans calls and restarts; the workers
 *   are unref'd, so they never keep a process alive.
 * - The worker is created from a code string (`eval: true`) rather than a file: the same code then runs
 *   under tsx, Vitest and a bundled Next.js server, where a worker file resolved at run time may not
 *   exist. Its chunk step is `hamerlyChunk` below, stringified, so both sides run the same code.
 * - The hand-off is synchronous (Atomics.wait / notify on shared memory; Node allows Atomics.wait on its
 *   main thread), which keeps kmeans() synchronous. A worker that is still starting, or busy, simply
 *   claims nothing: the main thread then runs every chunk itself. Workers only finish starting while the
 *   creating thread's event loop turns, so a caller that clusters right after an await (the refresh
 *   job) calls chunkPool() early; a fully synchronous first call runs on one thread.
 */
import os from "node:os";
import { MessageChannel, Worker, type MessagePort } from "node:worker_threads";
import { buildKernelModule, loadAlldist } from "./kernels-wasm";
import type { Nearest } from "./kernels";

/** Points per chunk: the unit of work claimed by a thread (and of the deltas added in order). */
export const CHUNK = 4096;

/** Below this many points the hand-off costs more than it saves; the single-thread path runs. */
export const PARALLEL_MIN_POINTS = 4 * CHUNK;

/** Everything one chunk step reads and writes; shared memory when a pool runs it. */
export type ChunkContext = {
  x: Float64Array;
  n: number;
  d: number;
  k: number;
  labels: Int32Array;
  upper: Float64Array;
  lower: Float64Array;
  /** shift[0, k), half[k, 2k), maxShift, maxShiftAt, secondShift, the k x d centroids, the step. */
  params: Float64Array;
  /** Per chunk: k * d sum deltas then k count deltas. */
  deltas: Float64Array;
  /** Per chunk: labels changed. */
  changed: Int32Array;
  /** Scratch for one chunk's failing points (CHUNK + 1 entries). */
  pending: Int32Array;
  nearest: (idx: Int32Array, start: number, count: number) => Nearest;
};

/** What a chunk step does, read from params[2k + 3 + k * d]. */
export const STEP_HAMERLY = 0;
/** First assignment: labels and both bounds of every point; the chunk's sums and counts as its deltas. */
export const STEP_ASSIGN = 1;
/** Exact final pass: labels of every point; the chunk's inertia in its first delta. */
export const STEP_FINAL = 2;

/**
 * One step over the points of chunk ci. STEP_HAMERLY: updates both bounds, rescans (all k distances) the
 * points whose bounds fail, and records label moves in the chunk's deltas. STEP_ASSIGN and STEP_FINAL
 * scan every point of the chunk (see above); their sums are added in point order within the chunk, and
 * the chunks' in chunk order by the caller, whoever ran them. Self-contained (no module scope): it is
 * stringified into the worker.
 */
export function hamerlyChunk(ctx: ChunkContext, ci: number): void {
  const { x, n, d, k, labels, upper, lower, params, deltas, changed, pending } = ctx;
  // CHUNK, written out: this function may not refer to module scope.
  const start = ci * 4096;
  const end = Math.min(n, start + 4096);
  const step = params[2 * k + 3 + k * d]!;
  if (step !== 0) {
    const count = end - start;
    for (let b = 0; b < count; b++) pending[b] = start + b;
    const near = ctx.nearest(pending, 0, count);
    const width = k * d + k;
    const base = ci * width;
    deltas.fill(0, base, base + width);
    if (step === 1) {
      for (let b = 0; b < count; b++) {
        const i = start + b;
        const best = near.label[b]!;
        labels[i] = best;
        upper[i] = Math.sqrt(near.best[b]!);
        lower[i] = Math.sqrt(near.second[b]!);
        deltas[base + k * d + best]!++;
        for (let f = 0; f < d; f++) deltas[base + best * d + f]! += x[i * d + f]!;
      }
    } else {
      let inertia = 0;
      for (let b = 0; b < count; b++) {
        labels[start + b] = near.label[b]!;
        inertia += near.best[b]!;
      }
      deltas[base] = inertia;
    }
    changed[ci] = count;
    return;
  }
  const maxShift = params[2 * k]!;
  const maxShiftAt = params[2 * k + 1]!;
  const secondShift = params[2 * k + 2]!;
  let pc = 0;
  // Compacted without a branch: on structureless data about a quarter of the points fail at random, and
  // a mispredicted branch per point cost more than the rest of the loop.
  for (let i = start; i < end; i++) {
    const a = labels[i]!;
    const u = upper[i]! + params[a]!;
    const l = lower[i]! - (a === maxShiftAt ? secondShift : maxShift);
    const h = params[k + a]!;
    upper[i] = u;
    lower[i] = l;
    pending[pc] = i;
    pc += u > l && u > h ? 1 : 0;
  }
  const width = k * d + k;
  const base = ci * width;
  deltas.fill(0, base, base + width);
  let moves = 0;
  if (pc > 0) {
    const near = ctx.nearest(pending, 0, pc);
    for (let b = 0; b < pc; b++) {
      const i = pending[b]!;
      const best = near.label[b]!;
      upper[i] = Math.sqrt(near.best[b]!);
      lower[i] = Math.sqrt(near.second[b]!);
      const a = labels[i]!;
      if (best !== a) {
        labels[i] = best;
        deltas[base + k * d + a]!--;
        deltas[base + k * d + best]!++;
        for (let f = 0; f < d; f++) {
          const v = x[i * d + f]!;
          deltas[base + a * d + f]! -= v;
          deltas[base + best * d + f]! += v;
        }
        moves++;
      }
    }
  }
  changed[ci] = moves;
}

// Control words (Int32Array over a SharedArrayBuffer).
const GEN = 0; // generation of the current job; workers wait on it
const NEXT = 1; // gen * 65536 + next chunk to claim
const DONE = 2; // chunks finished in the current generation
const SETUP = 3; // id of the buffers the current job uses
const NCHUNKS = 4;
const STARTED = 5; // workers running their loop
const WORKER_CHUNKS = 6; // chunks the workers ran, ever (for tests)
const CONTROL_WORDS = 8;

/** The worker: waits for a generation, claims chunks with compare-and-swap, runs hamerlyChunk on them. */
const WORKER_SOURCE = `
"use strict";
const { workerData, receiveMessageOnPort } = require("node:worker_threads");
var __name = (f) => f; // tsx keeps function names with a helper the stringified code must not miss
const hamerlyChunk = ${hamerlyChunk.toString()};
const { control, port } = workerData;
const ctl = new Int32Array(control);
let setupId = -1;
const instances = new Map();
let ctx = null;
let lastGen = 0;
Atomics.add(ctl, ${STARTED}, 1);
function load(want) {
  for (;;) {
    const got = receiveMessageOnPort(port);
    if (got === undefined) return false;
    const m = got.message;
    if (m.id !== want) continue;
    const { n, d, k, dp } = m;
    // One instance per row width, kept: a new one per fit would fault in fresh memory for the points'
    // copy every time (see scratch.ts), which on two cores slows the main thread as well.
    let w = instances.get(dp);
    if (w === undefined) {
      w = new WebAssembly.Instance(new WebAssembly.Module(m.wasm), {}).exports;
      instances.set(dp, w);
    }
    const x = new Float64Array(m.x);
    const xBytes = n * dp * 8;
    const cOff = xBytes;
    const outOff = cOff + k * dp * 8;
    const idxOff = outOff + ${CHUNK} * 24;
    const need = idxOff + ${CHUNK + 1} * 4;
    const have = w.memory.buffer.byteLength;
    if (have < need) w.memory.grow(Math.ceil((need - have) / 65536));
    const f64 = new Float64Array(w.memory.buffer);
    const i32 = new Int32Array(w.memory.buffer);
    for (let i = 0; i < n; i++) {
      f64.set(x.subarray(i * d, i * d + d), i * dp);
      if (dp !== d) f64[i * dp + d] = 0;
    }
    const params = new Float64Array(m.params);
    const cAt = 2 * k + 3;
    ctx = {
      x, n, d, k,
      labels: new Int32Array(m.labels), upper: new Float64Array(m.upper), lower: new Float64Array(m.lower),
      params, deltas: new Float64Array(m.deltas), changed: new Int32Array(m.changed),
      pending: new Int32Array(${CHUNK + 1}),
      nearest(idx, start, count) {
        const cb = cOff / 8;
        for (let j = 0; j < k; j++) {
          f64.set(params.subarray(cAt + j * d, cAt + j * d + d), cb + j * dp);
          if (dp !== d) f64[cb + j * dp + d] = 0;
        }
        i32.set(idx.subarray(start, start + count), idxOff / 4);
        w.nearestAt(0, count, dp, cOff, k, outOff, idxOff);
        const o = outOff / 8;
        return {
          best: f64.subarray(o, o + count),
          second: f64.subarray(o + count, o + 2 * count),
          label: i32.subarray(outOff / 4 + 4 * count, outOff / 4 + 5 * count),
        };
      },
    };
    setupId = want;
    return true;
  }
}
for (;;) {
  Atomics.wait(ctl, ${GEN}, lastGen);
  const g = Atomics.load(ctl, ${GEN});
  lastGen = g;
  const want = Atomics.load(ctl, ${SETUP});
  if (want !== setupId && !load(want)) continue;
  const nChunks = Atomics.load(ctl, ${NCHUNKS});
  for (;;) {
    const v = Atomics.load(ctl, ${NEXT});
    if ((v >>> 16) !== g || (v & 0xffff) >= nChunks) break;
    if (Atomics.compareExchange(ctl, ${NEXT}, v, v + 1) !== v) continue;
    hamerlyChunk(ctx, v & 0xffff);
    Atomics.add(ctl, ${WORKER_CHUNKS}, 1);
    Atomics.add(ctl, ${DONE}, 1);
    Atomics.notify(ctl, ${DONE});
  }
}
`;

export type ChunkPool = {
  /** Workers that have started (they start asynchronously; until then the main thread does all). */
  started(): number;
  /** Chunks run on workers since the pool was created. */
  workerChunks(): number;
  /** Publishes the buffers of one Lloyd run to the workers; `points` is ctx.x in shared memory (offset 0). */
  setup(ctx: ChunkContext, points: Float64Array): void;
  /** Runs hamerlyChunk on every chunk of the current setup, main thread included; returns when all are done. */
  run(ctx: ChunkContext, nChunks: number): void;
};

let pool: ChunkPool | null | undefined;
let threadLimit: number | undefined;

/**
 * Caps the threads k-means uses (main thread included); 1 turns the pool off. For tests and benchmarks:
 * results do not depend on it. Takes effect for pools not yet created.
 */
export function setKmeansThreads(threads: number): void {
  threadLimit = threads;
  if (threads <= 1) pool = null;
  else if (pool === null) pool = undefined;
}

/** The process's pool, or null where workers are unavailable or pointless (one core, no wasm SIMD). */
export function chunkPool(): ChunkPool | null {
  if (pool !== undefined) return pool;
  const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  const threads = Math.min(threadLimit ?? cores, cores, 4);
  pool =
    threads >= 2 && loadAlldist() !== null && typeof SharedArrayBuffer === "function" ? createPool(threads - 1) : null;
  return pool;
}

function createPool(workers: number): ChunkPool | null {
  const control = new SharedArrayBuffer(CONTROL_WORDS * 4);
  const ctl = new Int32Array(control);
  const ports: MessagePort[] = [];
  try {
    for (let t = 0; t < workers; t++) {
      const { port1, port2 } = new MessageChannel();
      const worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { control, port: port2 },
        transferList: [port2],
      });
      worker.unref();
      port1.unref();
      // A worker that dies only stops claiming chunks; the main thread runs them instead.
      worker.on("error", () => undefined);
      ports.push(port1);
    }
  } catch {
    return null;
  }
  let setupId = 0;
  let gen = 0;
  const wasmByWidth = new Map<number, Uint8Array>();
  return {
    started: () => Atomics.load(ctl, STARTED),
    workerChunks: () => Atomics.load(ctl, WORKER_CHUNKS),
    setup(ctx, points) {
      setupId = (setupId + 1) & 0x3fffffff;
      const dp = ctx.d + (ctx.d & 1);
      let wasm = wasmByWidth.get(dp);
      if (!wasm) wasmByWidth.set(dp, (wasm = buildKernelModule(dp)));
      const message = {
        id: setupId,
        n: ctx.n,
        d: ctx.d,
        k: ctx.k,
        dp,
        wasm,
        x: points.buffer,
        labels: ctx.labels.buffer,
        upper: ctx.upper.buffer,
        lower: ctx.lower.buffer,
        params: ctx.params.buffer,
        deltas: ctx.deltas.buffer,
        changed: ctx.changed.buffer,
      };
      for (const port of ports) port.postMessage(message);
      Atomics.store(ctl, SETUP, setupId);
    },
    run(ctx, nChunks) {
      gen = (gen % 0x7fff) + 1;
      Atomics.store(ctl, NCHUNKS, nChunks);
      Atomics.store(ctl, DONE, 0);
      Atomics.store(ctl, NEXT, gen * 65536);
      Atomics.store(ctl, GEN, gen);
      Atomics.notify(ctl, GEN);
      for (;;) {
        const v = Atomics.load(ctl, NEXT);
        if ((v & 0xffff) >= nChunks) break;
        if (Atomics.compareExchange(ctl, NEXT, v, v + 1) !== v) continue;
        hamerlyChunk(ctx, v & 0xffff);
        Atomics.add(ctl, DONE, 1);
      }
      for (;;) {
        const done = Atomics.load(ctl, DONE);
        if (done >= nChunks) break;
        Atomics.wait(ctl, DONE, done);
      }
    },
  };
}
