/**
 * Compressed sparse row (CSR) matrices: the one sparse format every collaborative-filtering module here
 * shares. Row r's entries live in indices/data[indptr[r] .. indptr[r + 1]), column ids ascending.
 * Everything is built with counting sorts, so construction is O(nnz + rows + cols): no comparison sort,
 * no per-row objects, which is what keeps a refresh linear in the number of interactions.
 */

export type Csr = {
  nRows: number;
  nCols: number;
  indptr: Int32Array;
  indices: Int32Array;
  data: Float64Array;
};

export type Combine = "sum" | "max" | "last";

/**
 * Builds a CSR matrix from (row, col, value) triplets. Duplicate cells are merged with `combine`
 * ("sum" for accumulating event weights, "max" for deduplicating ratings, "last" for the later triplet).
 */
export function csrFromTriplets(
  nRows: number,
  nCols: number,
  rows: ArrayLike<number>,
  cols: ArrayLike<number>,
  values: ArrayLike<number>,
  combine: Combine = "sum",
): Csr {
  const nnzIn = rows.length;
  if (cols.length !== nnzIn || values.length !== nnzIn) {
    throw new RangeError(
      `csrFromTriplets: rows, cols and values differ in length (${nnzIn}, ${cols.length}, ${values.length})`,
    );
  }
  // Pass 1: counting sort by column, so that scattering into rows in that order leaves each row sorted.
  const colPtr = new Int32Array(nCols + 1);
  for (let t = 0; t < nnzIn; t++) {
    const c = cols[t]!;
    const r = rows[t]!;
    if (!(c >= 0 && c < nCols && Number.isInteger(c)))
      throw new RangeError(`csrFromTriplets: column ${c} outside [0, ${nCols})`);
    if (!(r >= 0 && r < nRows && Number.isInteger(r)))
      throw new RangeError(`csrFromTriplets: row ${r} outside [0, ${nRows})`);
    colPtr[c + 1]!++;
  }
  for (let c = 0; c < nCols; c++) colPtr[c + 1]! += colPtr[c]!;
  const byCol = new Int32Array(nnzIn);
  const next = colPtr.slice(0, nCols);
  for (let t = 0; t < nnzIn; t++) byCol[next[cols[t]!]!++] = t;
  // Pass 2: stable scatter into rows.
  const rowPtr = new Int32Array(nRows + 1);
  for (let t = 0; t < nnzIn; t++) rowPtr[rows[t]! + 1]!++;
  for (let r = 0; r < nRows; r++) rowPtr[r + 1]! += rowPtr[r]!;
  const order = new Int32Array(nnzIn);
  const fill = rowPtr.slice(0, nRows);
  for (let p = 0; p < nnzIn; p++) {
    const t = byCol[p]!;
    order[fill[rows[t]!]!++] = t;
  }
  // Pass 3: merge duplicates, which are now adjacent within a row.
  const indptr = new Int32Array(nRows + 1);
  const indices = new Int32Array(nnzIn);
  const data = new Float64Array(nnzIn);
  let out = 0;
  for (let r = 0; r < nRows; r++) {
    const start = out;
    for (let p = rowPtr[r]!; p < rowPtr[r + 1]!; p++) {
      const t = order[p]!;
      const c = cols[t]!;
      const v = values[t]!;
      if (out > start && indices[out - 1] === c) {
        const prev = data[out - 1]!;
        data[out - 1] = combine === "sum" ? prev + v : combine === "max" ? Math.max(prev, v) : v;
      } else {
        indices[out] = c;
        data[out] = v;
        out++;
      }
    }
    indptr[r + 1] = out;
  }
  return { nRows, nCols, indptr, indices: indices.slice(0, out), data: data.slice(0, out) };
}

/** Transpose in O(nnz); rows of the result come out sorted because source rows are visited in order. */
export function transpose(m: Csr): Csr {
  const indptr = new Int32Array(m.nCols + 1);
  const nnz = m.indices.length;
  for (let p = 0; p < nnz; p++) indptr[m.indices[p]! + 1]!++;
  for (let c = 0; c < m.nCols; c++) indptr[c + 1]! += indptr[c]!;
  const indices = new Int32Array(nnz);
  const data = new Float64Array(nnz);
  const fill = indptr.slice(0, m.nCols);
  for (let r = 0; r < m.nRows; r++) {
    for (let p = m.indptr[r]!; p < m.indptr[r + 1]!; p++) {
      const q = fill[m.indices[p]!]!++;
      indices[q] = r;
      data[q] = m.data[p]!;
    }
  }
  return { nRows: m.nCols, nCols: m.nRows, indptr, indices, data };
}

/** Euclidean norm of every row. */
export function rowNorms(m: Csr): Float64Array {
  const norms = new Float64Array(m.nRows);
  for (let r = 0; r < m.nRows; r++) {
    let s = 0;
    for (let p = m.indptr[r]!; p < m.indptr[r + 1]!; p++) s += m.data[p]! * m.data[p]!;
    norms[r] = Math.sqrt(s);
  }
  return norms;
}

/** Number of stored entries per column (e.g. how many users touched an item). */
export function columnCounts(m: Csr): Float64Array {
  const counts = new Float64Array(m.nCols);
  for (let p = 0; p < m.indices.length; p++) counts[m.indices[p]!]!++;
  return counts;
}

/** Same pattern, every value 1: implicit feedback where only "did it happen" counts. */
export function binarize(m: Csr): Csr {
  return { ...m, data: new Float64Array(m.data.length).fill(1) };
}

/** Each row divided by its sum (rows summing to 0 stay 0): a random-walk transition matrix. */
export function rowNormalizeL1(m: Csr): Csr {
  const data = new Float64Array(m.data.length);
  for (let r = 0; r < m.nRows; r++) {
    let s = 0;
    for (let p = m.indptr[r]!; p < m.indptr[r + 1]!; p++) s += m.data[p]!;
    if (s === 0) continue;
    for (let p = m.indptr[r]!; p < m.indptr[r + 1]!; p++) data[p] = m.data[p]! / s;
  }
  return { ...m, data };
}

/** Value at (r, c) by binary search within the row; 0 when absent. */
export function csrGet(m: Csr, r: number, c: number): number {
  let lo = m.indptr[r]!;
  let hi = m.indptr[r + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = m.indices[mid]!;
    if (v === c) return m.data[mid]!;
    if (v < c) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

/** The column ids of row r (a view, no copy). */
export function rowIndices(m: Csr, r: number): Int32Array {
  return m.indices.subarray(m.indptr[r]!, m.indptr[r + 1]!);
}

/** The values of row r (a view, no copy). */
export function rowValues(m: Csr, r: number): Float64Array {
  return m.data.subarray(m.indptr[r]!, m.indptr[r + 1]!);
}

/** Plain nested arrays; for tests and small debugging output only. */
export function csrToDense(m: Csr): number[][] {
  const out: number[][] = [];
  for (let r = 0; r < m.nRows; r++) {
    const row = new Array<number>(m.nCols).fill(0);
    for (let p = m.indptr[r]!; p < m.indptr[r + 1]!; p++) row[m.indices[p]!] = m.data[p]!;
    out.push(row);
  }
  return out;
}
