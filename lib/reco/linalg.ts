/**
 * Dense symmetric positive-definite inverse by Cholesky, in place, for EASE's Gram matrix.
 *
 * Three passes of about n^3/6 multiply-adds each (factor, invert the triangle, multiply back), all written
 * so the innermost loop runs over contiguous memory of a row-major Float64Array; that layout is what lets
 * V8 invert a 3,000 x 3,000 matrix in seconds rather than minutes.
 * Cholesky rather than Gauss-Jordan: half the work, no pivoting, and a clear failure when the matrix is
 * not positive definite (EASE's lambda > 0 guarantees it is).
 */

/** Overwrites the lower triangle of `a` (row-major n x n) with L such that A = L L^T. */
export function choleskyInPlace(a: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let j = 0; j <= i; j++) {
      const rj = j * n;
      let s = a[ri + j]!;
      for (let k = 0; k < j; k++) s -= a[ri + k]! * a[rj + k]!;
      if (i === j) {
        if (!(s > 0)) throw new RangeError(`cholesky: matrix is not positive definite (pivot ${i} = ${s})`);
        a[ri + i] = Math.sqrt(s);
      } else {
        a[ri + j] = s / a[rj + j]!;
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
  const tmp = new Float64Array(n);
  // M = L^-1, row by row: row i of M = -(sum_{k<i} L[i,k] M[k,:]) / L[i,i], with M[i,i] = 1 / L[i,i].
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    tmp.fill(0, 0, i);
    for (let k = 0; k < i; k++) {
      const c = a[ri + k]!;
      if (c === 0) continue;
      const rk = k * n;
      for (let j = 0; j <= k; j++) tmp[j]! += c * a[rk + j]!;
    }
    const inv = 1 / a[ri + i]!;
    for (let j = 0; j < i; j++) a[ri + j] = -tmp[j]! * inv;
    a[ri + i] = inv;
  }
  // P = M^T M, accumulated as a sum of outer products of M's rows into the lower triangle. Row k of M is
  // copied out first because P's row k occupies the same memory; rows below k still hold M.
  for (let k = 0; k < n; k++) {
    const rk = k * n;
    for (let j = 0; j <= k; j++) tmp[j] = a[rk + j]!;
    a.fill(0, rk, rk + k + 1);
    for (let i = 0; i <= k; i++) {
      const c = tmp[i]!;
      if (c === 0) continue;
      const ri = i * n;
      for (let j = 0; j <= i; j++) a[ri + j]! += c * tmp[j]!;
    }
  }
  // Mirror the lower triangle.
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) a[j * n + i] = a[i * n + j]!;
}
