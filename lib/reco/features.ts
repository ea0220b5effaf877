/**
 * User feature vectors for segmentation (k-means), built from plain per-user aggregates that a DB job
 * computes with SQL (counts, sums, avg / percentile_cont of dwell, min/max timestamps).
 *
 *   const { matrix, columns } = userFeatures(aggregates, { now: runStartedAtMs, tagVocabulary });
 *   const { matrix: z } = standardize(matrix);
 *   const clusters = kmeans(z, 6, { seed: 42 });
 *
 * Heavy-tailed quantities (dwell, spend, recency) enter as log(1 + x): on raw values a handful of big
 * spenders would own every distance after z-scoring and k-means would mostly separate outliers.
 */
import { toDenseMatrix, zerosMatrix, type DenseMatrix } from "./matrix";

export type UserAggregates = {
  userId: string;
  /** Interactions (views, carts, purchases...) with courses and with artworks. */
  courseInteractions: number;
  artInteractions: number;
  /** Dwell per view, in seconds; see dwellStats to derive both from raw samples. */
  dwellMeanSeconds: number;
  dwellMedianSeconds: number;
  purchases: number;
  /** Total spend in minor units (cents); currency conversion is the caller's business. */
  spendMinor: number;
  /** Epoch milliseconds of the first and latest interaction. */
  firstSeenAt: number;
  lastSeenAt: number;
  /** Interactions per tag of the items touched (tags outside the vocabulary are ignored). */
  tagCounts: Readonly<Record<string, number>>;
};

export type FeatureOptions = {
  /** Reference time (epoch ms or Date) for recency and tenure; explicit so results are reproducible. */
  now: number | Date;
  /** Tags that get a column each, in this order (e.g. the 20 most used tags). */
  tagVocabulary: readonly string[];
};

export type UserFeatures = {
  userIds: string[];
  columns: string[];
  /** One row per user, in input order. */
  matrix: DenseMatrix;
};

const DAY_MS = 86_400_000;

/** Mean and median of raw dwell samples (seconds); both 0 for no samples. */
export function dwellStats(samples: readonly number[]): { mean: number; median: number } {
  const clean = samples.filter((v) => Number.isFinite(v) && v >= 0).sort((a, b) => a - b);
  if (clean.length === 0) return { mean: 0, median: 0 };
  const mean = clean.reduce((s, v) => s + v, 0) / clean.length;
  const mid = clean.length >> 1;
  const median = clean.length % 2 === 1 ? clean[mid]! : (clean[mid - 1]! + clean[mid]!) / 2;
  return { mean, median };
}

function nonNegative(v: number): number {
  return Number.isFinite(v) && v > 0 ? v : 0;
}

export function userFeatures(users: readonly UserAggregates[], options: FeatureOptions): UserFeatures {
  const now = typeof options.now === "number" ? options.now : options.now.getTime();
  if (!Number.isFinite(now)) throw new RangeError("userFeatures: now must be a valid time");
  const tags = options.tagVocabulary;
  const columns = [
    // One column for the domain mix: the art share is 1 minus it, and a second column would only
    // double this dimension's weight in every distance.
    "course_share",
    "log_dwell_mean",
    "log_dwell_median",
    "purchases_per_30d",
    "log_spend",
    "log_recency_days",
    ...tags.map((t) => `tag:${t}`),
  ];
  const d = columns.length;
  const matrix = zerosMatrix(users.length, d);
  const x = matrix.data;
  users.forEach((u, i) => {
    const row = i * d;
    const course = nonNegative(u.courseInteractions);
    const art = nonNegative(u.artInteractions);
    // No interactions at all: neutral 0.5 rather than "all art".
    x[row] = course + art > 0 ? course / (course + art) : 0.5;
    x[row + 1] = Math.log1p(nonNegative(u.dwellMeanSeconds));
    x[row + 2] = Math.log1p(nonNegative(u.dwellMedianSeconds));
    // Tenure floored at 30 days so one purchase on a user's first day is not "30 a month".
    const tenureDays = Math.max(30, (now - u.firstSeenAt) / DAY_MS);
    x[row + 3] = Number.isFinite(tenureDays) ? (nonNegative(u.purchases) * 30) / tenureDays : 0;
    x[row + 4] = Math.log1p(nonNegative(u.spendMinor));
    x[row + 5] = Math.log1p(nonNegative((now - u.lastSeenAt) / DAY_MS));
    // Tag affinities: share of the user's in-vocabulary tag interactions, so heavy users and light users
    // with the same taste look alike.
    let total = 0;
    for (const t of tags) total += nonNegative(u.tagCounts[t] ?? 0);
    if (total > 0) tags.forEach((t, j) => (x[row + 6 + j] = nonNegative(u.tagCounts[t] ?? 0) / total));
  });
  return { userIds: users.map((u) => u.userId), columns, matrix };
}

export type Standardized = {
  matrix: DenseMatrix;
  means: Float64Array;
  /** Population standard deviations (divide by n, as scikit-learn's StandardScaler); 0 when constant. */
  stds: Float64Array;
};

/**
 * Z-scores per column. A constant column becomes all zeros (rather than NaN from 0 / 0), so it simply
 * drops out of distances. Returns means and stds so new users can be placed with applyStandardization.
 */
export function standardize(points: readonly (readonly number[])[] | DenseMatrix): Standardized {
  const m = toDenseMatrix(points, "standardize");
  const { nRows: n, nCols: d, data } = m;
  const means = new Float64Array(d);
  const stds = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let f = 0; f < d; f++) means[f]! += data[i * d + f]!;
  for (let f = 0; f < d; f++) means[f] = n > 0 ? means[f]! / n : 0;
  // Two-pass variance: the naive E[x^2] - E[x]^2 loses all precision on columns like spend in cents.
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < d; f++) {
      const diff = data[i * d + f]! - means[f]!;
      stds[f]! += diff * diff;
    }
  }
  for (let f = 0; f < d; f++) {
    const sd = n > 0 ? Math.sqrt(stds[f]! / n) : 0;
    // Relative threshold: float noise on a constant column must not turn into a unit-variance column.
    stds[f] = sd > 1e-12 * Math.max(1, Math.abs(means[f]!)) ? sd : 0;
  }
  return { matrix: applyStandardization(m, means, stds), means, stds };
}

/** Applies saved means/stds to new rows (columns with std 0 become 0). */
export function applyStandardization(
  points: readonly (readonly number[])[] | DenseMatrix,
  means: Float64Array,
  stds: Float64Array,
): DenseMatrix {
  const m = toDenseMatrix(points, "applyStandardization");
  const { nRows: n, nCols: d, data } = m;
  if (means.length !== d || stds.length !== d)
    throw new RangeError(`applyStandardization: ${d} columns but ${means.length} means`);
  const out = zerosMatrix(n, d);
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < d; f++) {
      const sd = stds[f]!;
      out.data[i * d + f] = sd > 0 ? (data[i * d + f]! - means[f]!) / sd : 0;
    }
  }
  return out;
}
