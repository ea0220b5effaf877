/**
 * Dense symmetric positive-definite inverse by Cholesky, in place, for EASE's Gram matrix.
 *
 * Three passes of about n^3/6 multiply-adds each (factor, invert the triangle, multiply back), all written
 * so the innermost loop runs over contiguous memory of a row-major Float64Array. Each pass works on
 * blocks of BLOCK rows: an unblocked pass streams the whole triangle from memory once per row (n times
 * ~n^2/2 doubles), which made it memory-bound; in blocks, every row fetched serves BLOCK rows at once.
 * Cholesky rather than Gauss-Jordan: half the work, no pivoting, and a clear failure when the matrix is
 * not positive definite (EASE's lambda > 0 guarantees it is).
 */

/** sum_{t < len} a[x + t] * a[y + t], with four accumulators so the multiplies can overlap. */
function dot(a: Float64Array, x: number, y: number, len: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let t = 0;
  for (; t + 3 < len; t += 4) {
    s0 += a[x + t]! * a[y + t]!;
    s1 += a[x + t + 1]! * a[y + t + 1]!;
    s2 += a[x + t + 2]! * a[y + t + 2]!;
    s3 += a[x + t + 3]! * a[y + t + 3]!;
  }
  for (; t < len; t++) s0 += a[x + t]! * a[y + t]!;
  return s0 + s1 + s2 + s3;
}

/** out[o + t] += c * src[s + t] for t < len, unrolled by four. */
function axpy(out: Float64Array, o: number, c: number, src: Float64Array, s: number, len: number): void {
  let t = 0;
  for (; t + 3 < len; t += 4) {
    out[o + t]! += c * src[s + t]!;
    out[o + t + 1]! += c * src[s + t + 1]!;
    out[o + t + 2]! += c * src[s + t + 2]!;
    out[o + t + 3]! += c * src[s + t + 3]!;
  }
  for (; t < len; t++) out[o + t]! += c * src[s + t]!;
}

const BLOCK = 64;

/** Overwrites the lower triangle of `a` (row-major n x n) with L such that A = L L^T. */
export function choleskyInPlace(a: Float64Array, n: number): void {
  for (let start = 0; start < n; start += BLOCK) {
    const end = Math.min(n, start + BLOCK);
    // Column j for every row of the block; row j (j < start, or an earlier row of the block) is final
    // up to column j by the time it is read.
    for (let j = 0; j < end; j++) {
      const rj = j * n;
      for (let i = Math.max(start, j); i < end; i++) {
        const ri = i * n;
        const s = a[ri + j]! - dot(a, ri, rj, j);
        if (i === j) {
          if (!(s > 0)) throw new RangeError(`cholesky: matrix is not positive definite (pivot ${i} = ${s})`);
          a[ri + i] = Math.sqrt(s);
        } else {
          a[ri + j] = s / a[rj + j]!;
        }
      }
    }
  }
}

/**
 * Inverse of a symmetric positive-definite matrix, computed in place (the full matrix is overwritten with
 * the full symmetric inverse). Only the lower triangle of the input is read.
 */
export function invertSpdInPlace(a: Float64Array, n: number): void {
  if (a.length !== n * n) throw new RangeError(`invertSpd: expected ${n * n} values, got ${a.length}`);
  choleskyInPlace(a, n);
  const acc = new Float64Array(BLOCK * n);
  // M = L^-1, row by row: row i of M = -(sum_{k<i} L[i,k] M[k,:]) / L[i,i], with M[i,i] = 1 / L[i,i].
  // Row k of M replaces row k of L as soon as it is complete (L[k, :] is only needed for row k itself).
  for (let start = 0; start < n; start += BLOCK) {
    const end = Math.min(n, start + BLOCK);
    acc.fill(0);
    for (let k = 0; k < end; k++) {
      const rk = k * n;
      if (k >= start) {
        // Every k' < k has contributed to row k: finish it.
        const t = (k - start) * n;
        const inv = 1 / a[rk + k]!;
        for (let j = 0; j < k; j++) a[rk + j] = -acc[t + j]! * inv;
        a[rk + k] = inv;
      }
      for (let i = Math.max(start, k + 1); i < end; i++) {
        const c = a[i * n + k]!;
        if (c !== 0) axpy(acc, (i - start) * n, c, a, rk, k + 1);
      }
    }
  }
  // P = M^T M = sum over rows k of M of outer(M[k], M[k]), accumulated into the lower triangle. A block of
  // M's rows is copied out first because P's rows occupy the same memory; rows below it still hold M.
  for (let start = 0; start < n; start += BLOCK) {
    const end = Math.min(n, start + BLOCK);
    for (let k = start; k < end; k++) {
      acc.set(a.subarray(k * n, k * n + k + 1), (k - start) * n);
      a.fill(0, k * n, k * n + k + 1);
    }
    for (let i = 0; i < end; i++) {
      const ri = i * n;
      for (let k = Math.max(start, i); k < end; k++) {
        const t = (k - start) * n;
        const c = acc[t + i]!;
        if (c !== 0) axpy(a, ri, c, acc, t, i + 1);
      }
    }
  }
  // Mirror the lower triangle.
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) a[j * n + i] = a[i * n + j]!;
}
