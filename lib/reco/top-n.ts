/**
 * Top-N selection with a bounded min-heap: O(m log n) over m candidates instead of sorting all of them,
 * which matters when every user is ranked against the whole catalogue.
 * Ties go to the lower index so that every ranking in lib/reco is reproducible across runs and machines.
 */

/** True when candidate a ranks below candidate b. */
function worse(scores: ArrayLike<number>, a: number, b: number): boolean {
  const sa = scores[a]!;
  const sb = scores[b]!;
  return sa < sb || (sa === sb && a > b);
}

function siftDown(heap: Int32Array, size: number, scores: ArrayLike<number>, start: number): void {
  let i = start;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= size) return;
    const r = l + 1;
    let m = l;
    if (r < size && worse(scores, heap[r]!, heap[l]!)) m = r;
    if (!worse(scores, heap[m]!, heap[i]!)) return;
    const tmp = heap[i]!;
    heap[i] = heap[m]!;
    heap[m] = tmp;
    i = m;
  }
}

function siftUp(heap: Int32Array, scores: ArrayLike<number>, start: number): void {
  let i = start;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!worse(scores, heap[i]!, heap[parent]!)) return;
    const tmp = heap[i]!;
    heap[i] = heap[parent]!;
    heap[parent] = tmp;
    i = parent;
  }
}

/**
 * The n best of the given candidate ids (scores indexed by id), best first.
 * `candidates` defaults to every index of `scores`. Excluded ids (mask value 1) and scores that are not
 * finite numbers (NaN, -Infinity mark "never recommend") are skipped.
 */
export function topN(
  scores: ArrayLike<number>,
  n: number,
  options: { exclude?: Uint8Array | null; candidates?: ArrayLike<number>; candidateCount?: number } = {},
): Int32Array {
  const { exclude = null, candidates } = options;
  const m = candidates ? (options.candidateCount ?? candidates.length) : scores.length;
  const cap = Math.max(0, Math.min(n, m));
  const heap = new Int32Array(cap);
  if (cap === 0) return heap;
  let size = 0;
  for (let t = 0; t < m; t++) {
    const id = candidates ? candidates[t]! : t;
    if (exclude !== null && exclude[id] === 1) continue;
    const s = scores[id]!;
    if (!(s > -Infinity)) continue;
    if (size < cap) {
      heap[size] = id;
      siftUp(heap, scores, size);
      size++;
    } else if (worse(scores, heap[0]!, id)) {
      heap[0] = id;
      siftDown(heap, size, scores, 0);
    }
  }
  // Pop the min repeatedly, filling from the back, to get best-first order.
  const out = new Int32Array(size);
  for (let end = size - 1; end >= 0; end--) {
    out[end] = heap[0]!;
    heap[0] = heap[end]!;
    siftDown(heap, end, scores, 0);
  }
  return out;
}
