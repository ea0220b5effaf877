/**
 * Deterministic bucketing, bit-for-bit compatible with GrowthBook's SDKs, so an experiment can move
 * between Atelier and GrowthBook without re-bucketing anyone.
 * Reference: https://github.com/growthbook/growthbook/blob/main/packages/sdk-js/src/util.ts
 * and the shared SDK spec cases in packages/sdk-js/test/cases.json ("hash", "getBucketRange").
 */

/** A half-open interval [start, end) of the unit line that maps to one variation. */
export type BucketRange = readonly [start: number, end: number];

const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * FNV-1a, 32 bit, over UTF-16 code units (String#charCodeAt), not UTF-8 bytes: that is what the
 * JavaScript SDK hashes, and compatibility with it is the point. Ids are ASCII in practice, where
 * the two agree.
 */
export function fnv1a32(input: string): number {
  let h = FNV_OFFSET_BASIS;
  for (let i = 0; i < input.length; i++) {
    h ^= input.charCodeAt(i);
    // Math.imul keeps the product mod 2^32, same as GrowthBook's shift-and-add form.
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/**
 * Map (seed, value) to a number in [0, 1).
 * - version 1: (fnv(value + seed) % 1000) / 1000. Biased and coarse; kept only for compatibility.
 * - version 2: (fnv(String(fnv(seed + value))) % 10000) / 10000. The double hash removes the
 *   correlation between experiments whose seeds share a prefix.
 * Any other version gives null, as in GrowthBook, so a caller can skip rather than mis-bucket.
 */
export function hash(seed: string, value: string, version: 1 | 2): number | null {
  if (version === 2) return (fnv1a32(String(fnv1a32(seed + value))) % 10000) / 10000;
  if (version === 1) return (fnv1a32(value + seed) % 1000) / 1000;
  return null;
}

export function getEqualWeights(n: number): number[] {
  if (!Number.isFinite(n) || n <= 0) return [];
  return new Array<number>(Math.floor(n)).fill(1 / Math.floor(n));
}

/**
 * One range per variation. Each variation's range starts where its full weight would start and is
 * shrunk to coverage * weight: when coverage grows later, people already in a variation stay in it.
 * Like GrowthBook: coverage is clamped to [0, 1]; weights of the wrong length, or not summing to 1
 * within 0.01, fall back to equal weights (silently here: lib/ has no logger and the caller
 * validates experiment config on save).
 */
export function getBucketRanges(numVariations: number, coverage = 1, weights?: readonly number[]): BucketRange[] {
  const cov = Number.isNaN(coverage) ? 0 : Math.min(1, Math.max(0, coverage));
  const equal = getEqualWeights(numVariations);
  let w: readonly number[] = weights ?? equal;
  if (w.length !== equal.length) w = equal;
  const total = w.reduce((sum, x) => sum + x, 0);
  // NaN totals fail both comparisons, so test the accepted band rather than the rejected one.
  if (!(total >= 0.99 && total <= 1.01)) w = equal;

  let cumulative = 0;
  return w.map((weight) => {
    const start = cumulative;
    cumulative += weight;
    return [start, start + cov * weight] as const;
  });
}

/** Index of the range containing n (start inclusive, end exclusive), or -1 when none does. */
export function chooseVariation(n: number, ranges: readonly BucketRange[]): number {
  for (let i = 0; i < ranges.length; i++) {
    const range = ranges[i];
    if (range && n >= range[0] && n < range[1]) return i;
  }
  return -1;
}
