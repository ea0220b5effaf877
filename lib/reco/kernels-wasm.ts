/**
 * The WebAssembly SIMD distance kernel behind kernels.ts, emitted byte by byte here so that no build step
 * and no npm package is needed (the module is ~400 bytes; see the WebAssembly core spec, "Binary Format",
 * and the fixed-width SIMD proposal for the 0xfd opcodes).
 *
 *   alldist(x, n, dp, c, m, out): out[i * m + j] = sum_f (x[i, f] - c[j, f])^2 for i < n, j < m
 *   alldistAt(x, n, dp, c, m, out, idx): the same for the rows listed (int32) at idx
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
const MEMARG_4 = [2, 0];

// Parameters 0..6: x, n, dp, c, m, out, idx. Locals: 7 i, 8 j, 9 f (byte offset in a row), 10 rowBytes,
// 11 xi (row pointer), 12 cj (centre pointer), 13 o (output pointer), 14 ip (index pointer), 15 acc,
// 16 diff. `gather` reads point i's row number from the int32 list at idx instead of taking row i.
const get = (l: number) => [LOCAL_GET, l];
const set = (l: number) => [LOCAL_SET, l];
const addTo = (l: number, amount: number[]) => [...get(l), ...amount, I32_ADD, ...set(l)];

function body(gather: boolean): number[] {
  return [
    ...[2, 8, I32, 2, V128], // local declarations: 8 x i32, 2 x v128
    ...get(2), I32_CONST, 3, I32_SHL, ...set(10),
    ...get(0), ...set(11),
    ...get(6), ...set(14),
    ...get(5), ...set(13),
    I32_CONST, 0, ...set(7),
    BLOCK, VOID,
    LOOP, VOID,
    ...get(7), ...get(1), I32_GE_U, BR_IF, 1,
    ...(gather ? [...get(14), I32_LOAD, ...MEMARG_4, ...get(10), I32_MUL, ...get(0), I32_ADD, ...set(11)] : []),
    ...get(3), ...set(12),
    I32_CONST, 0, ...set(8),
    BLOCK, VOID,
    LOOP, VOID,
    ...get(8), ...get(4), I32_GE_U, BR_IF, 1,
    ...F64_CONST_0, ...F64X2_SPLAT, ...set(15),
    I32_CONST, 0, ...set(9),
    BLOCK, VOID,
    LOOP, VOID,
    ...get(9), ...get(10), I32_GE_U, BR_IF, 1,
    ...get(11), ...get(9), I32_ADD, ...V128_LOAD, ...MEMARG_8,
    ...get(12), ...get(9), I32_ADD, ...V128_LOAD, ...MEMARG_8,
    ...F64X2_SUB, ...set(16),
    ...get(15), ...get(16), ...get(16), ...F64X2_MUL, ...F64X2_ADD, ...set(15),
    ...addTo(9, [I32_CONST, 16]),
    BR, 0,
    END, END,
    ...get(13), ...get(15), ...F64X2_EXTRACT_LANE, 0, ...get(15), ...F64X2_EXTRACT_LANE, 1, F64_ADD, F64_STORE, ...MEMARG_8,
    ...addTo(13, [I32_CONST, 8]),
    ...addTo(12, get(10)),
    ...addTo(8, [I32_CONST, 1]),
    BR, 0,
    END, END,
    ...(gather ? addTo(14, [I32_CONST, 4]) : addTo(11, get(10))),
    ...addTo(7, [I32_CONST, 1]),
    BR, 0,
    END, END,
    END,
  ];
}

const rows = body(false);
const gathered = body(true);

/** Exports memory, alldist(x, n, dp, c, m, out, _) and alldistAt(x, n, dp, c, m, out, idx). */
export const ALLDIST_WASM = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  ...section(1, [1, 0x60, 7, I32, I32, I32, I32, I32, I32, I32, 0]),
  ...section(3, [2, 0, 0]),
  ...section(5, [1, 0, 1]), // one memory, min 1 page, no maximum
  ...section(7, [3, ...name("memory"), 2, 0, ...name("alldist"), 0, 0, ...name("alldistAt"), 0, 1]),
  ...section(10, [2, ...uleb(rows.length), ...rows, ...uleb(gathered.length), ...gathered]),
]);

export type WasmAlldist = {
  memory: WebAssembly.Memory;
  alldist: (x: number, n: number, dp: number, c: number, m: number, out: number, unused: number) => void;
  /** Same, for the points whose row numbers are the n int32 values at byte offset idx. */
  alldistAt: (x: number, n: number, dp: number, c: number, m: number, out: number, idx: number) => void;
};

let cached: WasmAlldist | null | undefined;

/** The instantiated kernel, or null where WebAssembly SIMD is unavailable (the TypeScript path is used). */
export function loadAlldist(): WasmAlldist | null {
  if (cached !== undefined) return cached;
  cached = null;
  try {
    if (typeof WebAssembly === "object" && WebAssembly.validate(ALLDIST_WASM)) {
      // Synchronous compilation is fine for a module this small and keeps kmeans() synchronous.
      const instance = new WebAssembly.Instance(new WebAssembly.Module(ALLDIST_WASM), {});
      const { memory, alldist, alldistAt } = instance.exports as unknown as WasmAlldist;
      cached = { memory, alldist, alldistAt };
    }
  } catch {
    cached = null;
  }
  return cached;
}
