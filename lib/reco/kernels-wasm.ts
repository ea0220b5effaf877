/**
 * The WebAssembly SIMD distance kernel behind kernels.ts, emitted byte by byte here so that no build step
 * and no npm package is needed (the module is ~400 bytes; see the WebAssembly core spec, "Binary Format",
 * and the fixed-width SIMD proposal for the 0xfd opcodes).
 *
 *   alldist(x, n, dp, c, m, out): out[i * m + j] = sum_f (x[i, f] - c[j, f])^2 for i < n, j < m
 *   alldistAt(x, n, dp, c, m, out, idx): the same for the rows listed (int32) at idx
 *   nearestAt(x, n, dp, c, m, out, idx): for the listed rows, nearest centre and two smallest distances
 *
 * Rows hold dp (even) float64 values; pointers are byte offsets into the module's own memory. The sum runs
 * in two f64x2 lanes (even and odd features), combined once at the end: plain TypeScript reproduces that
 * order exactly (kernels.ts, `dist2Lanes`), so both paths give the same bits. No fused multiply-add exists
 * in core WebAssembly SIMD, which is what makes that possible.
 */

function uleb(value: number): number[] {
  const out: number[] = [];
  let v = value >>> 0;
  do {
    let b = v & 0x7f;
    v >>>= 7;
    if (v !== 0) b |= 0x80;
    out.push(b);
  } while (v !== 0);
  return out;
}

const name = (s: string) => [...uleb(s.length), ...Array.from(s, (ch) => ch.charCodeAt(0))];
const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];

// Opcodes used below.
const LOCAL_GET = 0x20;
const LOCAL_SET = 0x21;
const I32_CONST = 0x41;
const I32_ADD = 0x6a;
const I32_SHL = 0x74;
const I32_GE_U = 0x4f;
const F64_ADD = 0xa0;
const F64_STORE = 0x39;
const BLOCK = 0x02;
const LOOP = 0x03;
const BR = 0x0c;
const BR_IF = 0x0d;
const END = 0x0b;
const VOID = 0x40;
const I32 = 0x7f;
const V128 = 0x7b;
const simd = (op: number) => [0xfd, ...uleb(op)];
const V128_LOAD = simd(0x00);
const F64X2_SPLAT = simd(0x14);
const F64X2_EXTRACT_LANE = simd(0x21);
const F64X2_ADD = simd(0xf0);
const F64X2_SUB = simd(0xf1);
const F64X2_MUL = simd(0xf2);
const F64_CONST_0 = [0x44, 0, 0, 0, 0, 0, 0, 0, 0];
const MEMARG_8 = [3, 0]; // alignment 2^3, offset 0

const I32_LOAD = 0x28;
const I32_MUL = 0x6c;
const I32_STORE = 0x36;
const I64_EXTEND_I32_U = 0xad;
const I32_WRAP_I64 = 0xa7;
const I64X2_SPLAT = simd(0x12);
const I64X2_EXTRACT_LANE = simd(0x1d);
const F64X2_LT = simd(0x49);
const V128_BITSELECT = simd(0x52);
const F64X2_PMIN = simd(0xf6);
const F64X2_PMAX = simd(0xf7);
const TEE = 0x22;
const F64 = 0x7c;
const F64_CONST_INF = [0x44, 0, 0, 0, 0, 0, 0, 0xf0, 0x7f];
const MEMARG_4 = [2, 0];
const memarg8 = (offset: number) => [3, ...uleb(offset)];

// Every function takes (x, n, dp, c, m, out, idx), pointers as byte offsets. Locals: 7 i, 8 j, 9 f (byte
// offset in a row), 10 rowBytes, 11 xi (row pointer), 12 cj (centre pointer), 13 o (output pointer),
// 14 ip (index pointer), 15 acc, 16 diff (v128), 17 q, 18 best, 19 second (f64), 20 label, 21 scratch
// (i32), then, when unrolled, 22.. the point's row held in v128 registers.
const get = (l: number) => [LOCAL_GET, l];
const set = (l: number) => [LOCAL_SET, l];
const addTo = (l: number, amount: number[]) => [...get(l), ...amount, I32_ADD, ...set(l)];

/**
 * acc <- squared distance of row xi to centre cj, lane-wise in feature order. `h` > 0: rows of exactly
 * 2h values, unrolled, with the point's row already in locals 22 .. 22 + h (0 + y is y for the first
 * term, so the sum is the same as the loop's, which starts from 0).
 */
function distance(h: number): number[] {
  if (h > 0) {
    const out: number[] = [];
    for (let f = 0; f < h; f++) {
      out.push(
        ...get(22 + f),
        ...get(12),
        ...V128_LOAD,
        ...memarg8(16 * f),
        ...F64X2_SUB,
        TEE,
        16,
        ...get(16),
        ...F64X2_MUL,
      );
      if (f > 0) out.push(...get(15), ...F64X2_ADD);
      out.push(...set(15));
    }
    return out;
  }
  return [
    ...F64_CONST_0,
    ...F64X2_SPLAT,
    ...set(15),
    I32_CONST,
    0,
    ...set(9),
    BLOCK,
    VOID,
    LOOP,
    VOID,
    ...get(9),
    ...get(10),
    I32_GE_U,
    BR_IF,
    1,
    ...get(11),
    ...get(9),
    I32_ADD,
    ...V128_LOAD,
    ...MEMARG_8,
    ...get(12),
    ...get(9),
    I32_ADD,
    ...V128_LOAD,
    ...MEMARG_8,
    ...F64X2_SUB,
    ...set(16),
    ...get(15),
    ...get(16),
    ...get(16),
    ...F64X2_MUL,
    ...F64X2_ADD,
    ...set(15),
    ...addTo(9, [I32_CONST, 16]),
    BR,
    0,
    END,
    END,
  ];
}

const laneSum = [...get(15), ...F64X2_EXTRACT_LANE, 0, ...get(15), ...F64X2_EXTRACT_LANE, 1, F64_ADD];

type Kind = "rows" | "gather" | "nearest";

function body(kind: Kind, h: number): number[] {
  // Three more v128 after the row registers: best, second and label of the nearest-centre scan.
  const locals = [h > 0 ? 6 : 5, 8, I32, 2, V128, 3, F64, 2, I32, ...(h > 0 ? [h, V128] : []), 3, V128];
  const bv = 22 + h;
  const sv = bv + 1;
  const lv = bv + 2;
  const perCentre =
    kind === "nearest"
      ? [
          // Branchless, in v128 registers (lane 0 matters): on structureless data which centre wins
          // is a coin toss, and the mispredicted branches of an if/else (scalar f64.min compiles to
          // branches too) made this ~3x slower than the block distances. pmin/pmax return one of
          // their operands, so the bits match the TypeScript comparisons exactly:
          // label <- q < best ? j : label; second <- min(second, max(best, q)); best <- min(best, q)
          ...laneSum,
          ...F64X2_SPLAT,
          ...set(16),
          ...get(8),
          I64_EXTEND_I32_U,
          ...I64X2_SPLAT,
          ...get(lv),
          ...get(16),
          ...get(bv),
          ...F64X2_LT,
          ...V128_BITSELECT,
          ...set(lv),
          ...get(sv),
          ...get(bv),
          ...get(16),
          ...F64X2_PMAX,
          ...F64X2_PMIN,
          ...set(sv),
          ...get(bv),
          ...get(16),
          ...F64X2_PMIN,
          ...set(bv),
        ]
      : [...get(13), ...laneSum, F64_STORE, ...MEMARG_8, ...addTo(13, [I32_CONST, 8])];
  const loadRow: number[] = [];
  for (let f = 0; f < h; f++) loadRow.push(...get(11), ...V128_LOAD, ...memarg8(16 * f), ...set(22 + f));
  const perPointEnd =
    kind === "nearest"
      ? [
          ...get(bv),
          ...F64X2_EXTRACT_LANE,
          0,
          ...set(18),
          ...get(sv),
          ...F64X2_EXTRACT_LANE,
          0,
          ...set(19),
          ...get(lv),
          ...I64X2_EXTRACT_LANE,
          0,
          I32_WRAP_I64,
          ...set(20),
          // out + 8t <- best; out + 8n + 8t <- second; out + 16n + 4t <- label
          ...get(7),
          I32_CONST,
          3,
          I32_SHL,
          ...set(21),
          ...get(5),
          ...get(21),
          I32_ADD,
          ...get(18),
          F64_STORE,
          ...MEMARG_8,
          ...get(5),
          ...get(1),
          I32_CONST,
          3,
          I32_SHL,
          I32_ADD,
          ...get(21),
          I32_ADD,
          ...get(19),
          F64_STORE,
          ...MEMARG_8,
          ...get(5),
          ...get(1),
          I32_CONST,
          4,
          I32_SHL,
          I32_ADD,
          ...get(7),
          I32_CONST,
          2,
          I32_SHL,
          I32_ADD,
          ...get(20),
          I32_STORE,
          ...MEMARG_4,
        ]
      : [];
  return [
    ...locals,
    ...get(2),
    I32_CONST,
    3,
    I32_SHL,
    ...set(10),
    ...get(0),
    ...set(11),
    ...get(6),
    ...set(14),
    ...get(5),
    ...set(13),
    I32_CONST,
    0,
    ...set(7),
    BLOCK,
    VOID,
    LOOP,
    VOID,
    ...get(7),
    ...get(1),
    I32_GE_U,
    BR_IF,
    1,
    ...(kind === "rows"
      ? []
      : [...get(14), I32_LOAD, ...MEMARG_4, ...get(10), I32_MUL, ...get(0), I32_ADD, ...set(11)]),
    ...loadRow,
    ...get(3),
    ...set(12),
    ...(kind === "nearest"
      ? [
          ...F64_CONST_INF,
          ...F64X2_SPLAT,
          ...set(bv),
          ...F64_CONST_INF,
          ...F64X2_SPLAT,
          ...set(sv),
          I32_CONST,
          0,
          I64_EXTEND_I32_U,
          ...I64X2_SPLAT,
          ...set(lv),
        ]
      : []),
    I32_CONST,
    0,
    ...set(8),
    BLOCK,
    VOID,
    LOOP,
    VOID,
    ...get(8),
    ...get(4),
    I32_GE_U,
    BR_IF,
    1,
    ...distance(h),
    ...perCentre,
    ...addTo(12, get(10)),
    ...addTo(8, [I32_CONST, 1]),
    BR,
    0,
    END,
    END,
    ...perPointEnd,
    ...(kind === "rows" ? addTo(11, get(10)) : addTo(14, [I32_CONST, 4])),
    ...addTo(7, [I32_CONST, 1]),
    BR,
    0,
    END,
    END,
    END,
  ];
}

/** Rows up to this many values get a module with the feature loop unrolled (one per width, cached). */
export const UNROLL_MAX_WIDTH = 64;

/**
 * The module: exports memory, alldist, alldistAt and nearestAt. `dp` (even) <= UNROLL_MAX_WIDTH gives
 * the variant unrolled for exactly that width; 0 the generic loop over any even width.
 */
export function buildKernelModule(dp: number): Uint8Array<ArrayBuffer> {
  const h = dp > 0 && dp <= UNROLL_MAX_WIDTH ? dp / 2 : 0;
  const bodies = (["rows", "gather", "nearest"] as const).map((kind) => body(kind, h));
  return new Uint8Array([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...section(1, [1, 0x60, 7, I32, I32, I32, I32, I32, I32, I32, 0]),
    ...section(3, [3, 0, 0, 0]),
    ...section(5, [1, 0, 1]), // one memory, min 1 page, no maximum
    ...section(7, [
      4,
      ...name("memory"),
      2,
      0,
      ...name("alldist"),
      0,
      0,
      ...name("alldistAt"),
      0,
      1,
      ...name("nearestAt"),
      0,
      2,
    ]),
    ...section(10, [3, ...bodies.flatMap((b) => [...uleb(b.length), ...b])]),
  ]);
}

/** The generic module (any even width), which also tells whether WebAssembly SIMD is available. */
export const ALLDIST_WASM = buildKernelModule(0);

export type WasmAlldist = {
  memory: WebAssembly.Memory;
  alldist: (x: number, n: number, dp: number, c: number, m: number, out: number, unused: number) => void;
  /** Same, for the points whose row numbers are the n int32 values at byte offset idx. */
  alldistAt: (x: number, n: number, dp: number, c: number, m: number, out: number, idx: number) => void;
  /** For the listed rows: best squared distance, second best, label of the best (see nearestBody). */
  nearestAt: (x: number, n: number, dp: number, c: number, m: number, out: number, idx: number) => void;
};

let supported: boolean | undefined;
const instances = new Map<number, WasmAlldist>();

/**
 * The kernel module for rows of dp (even) values, instantiated once per width, or null where WebAssembly
 * SIMD is unavailable (the TypeScript path is used then).
 */
export function loadAlldist(dp = 0): WasmAlldist | null {
  if (supported === undefined) {
    try {
      supported = typeof WebAssembly === "object" && WebAssembly.validate(ALLDIST_WASM);
    } catch {
      supported = false;
    }
  }
  if (!supported) return null;
  const key = dp > 0 && dp <= UNROLL_MAX_WIDTH ? dp : 0;
  let w = instances.get(key);
  if (!w) {
    // Synchronous compilation is fine for modules this small and keeps kmeans() synchronous.
    const instance = new WebAssembly.Instance(
      new WebAssembly.Module(key === 0 ? ALLDIST_WASM : buildKernelModule(key)),
      {},
    );
    const { memory, alldist, alldistAt, nearestAt } = instance.exports as unknown as WasmAlldist;
    w = { memory, alldist, alldistAt, nearestAt };
    instances.set(key, w);
  }
  return w;
}
