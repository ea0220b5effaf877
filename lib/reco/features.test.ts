import { describe, expect, it } from "vitest";
import { applyStandardization, dwellStats, standardize, userFeatures, type UserAggregates } from "./features";

const DAY = 86_400_000;
const now = Date.UTC(2026, 0, 31);

const base: UserAggregates = {
  userId: "u1",
  courseInteractions: 3,
  artInteractions: 1,
  dwellMeanSeconds: Math.E - 1,
  dwellMedianSeconds: 0,
  purchases: 2,
  spendMinor: 9999,
  firstSeenAt: now - 60 * DAY,
  lastSeenAt: now - 6 * DAY,
  tagCounts: { watercolour: 3, oil: 1, ignored: 50 },
};

describe("userFeatures", () => {
  it("computes every column by hand", () => {
    const { columns, matrix, userIds } = userFeatures([base], {
      now,
      tagVocabulary: ["oil", "watercolour", "ceramics"],
    });
    expect(userIds).toEqual(["u1"]);
    expect(columns).toEqual([
      "course_share",
      "log_dwell_mean",
      "log_dwell_median",
      "purchases_per_30d",
      "log_spend",
      "log_recency_days",
      "tag:oil",
      "tag:watercolour",
      "tag:ceramics",
    ]);
    const row = Array.from(matrix.data);
    expect(row[0]).toBe(0.75);
    expect(row[1]).toBeCloseTo(1, 12);
    expect(row[2]).toBe(0);
    expect(row[3]).toBeCloseTo(1, 12); // 2 purchases over 60 days
    expect(row[4]).toBeCloseTo(Math.log(10000), 12);
    expect(row[5]).toBeCloseTo(Math.log(7), 12);
    expect(row.slice(6)).toEqual([0.25, 0.75, 0]); // tags outside the vocabulary do not dilute shares
  });

  it("uses neutral values for users without activity and floors tenure at 30 days", () => {
    const fresh: UserAggregates = {
      ...base,
      courseInteractions: 0,
      artInteractions: 0,
      purchases: 1,
      firstSeenAt: now - DAY,
      lastSeenAt: now,
      tagCounts: {},
    };
    const row = Array.from(userFeatures([fresh], { now: new Date(now), tagVocabulary: ["oil"] }).matrix.data);
    expect(row[0]).toBe(0.5);
    expect(row[3]).toBe(1); // one purchase per (at least) 30 days, not 30
    expect(row[5]).toBe(0);
    expect(row[6]).toBe(0);
  });

  it("depends on the explicit now only", () => {
    const a = userFeatures([base], { now, tagVocabulary: [] });
    const b = userFeatures([base], { now: now + 10 * DAY, tagVocabulary: [] });
    expect(b.matrix.data[5]).toBeCloseTo(Math.log(17), 12);
    expect(a.matrix.data[5]).not.toBe(b.matrix.data[5]);
  });
});

describe("dwellStats", () => {
  it("gives mean and median, ignoring invalid samples", () => {
    expect(dwellStats([10, 2, 6, NaN, -1])).toEqual({ mean: 6, median: 6 });
    expect(dwellStats([1, 2, 3, 10])).toEqual({ mean: 4, median: 2.5 });
    expect(dwellStats([])).toEqual({ mean: 0, median: 0 });
  });
});

describe("standardize", () => {
  it("z-scores columns with population std and maps constant columns to 0", () => {
    const { matrix, means, stds } = standardize([
      [1, 5, 10],
      [3, 5, 20],
      [5, 5, 30],
    ]);
    expect(Array.from(means)).toEqual([3, 5, 20]);
    expect(stds[0]).toBeCloseTo(Math.sqrt(8 / 3), 12);
    expect(stds[1]).toBe(0);
    const z = Array.from(matrix.data);
    const s = Math.sqrt(8 / 3);
    [-2 / s, 0, -10 / Math.sqrt(200 / 3), 0, 0, 0, 2 / s, 0, 10 / Math.sqrt(200 / 3)].forEach((v, i) =>
      expect(z[i]).toBeCloseTo(v, 12),
    );
    for (const v of z) expect(Number.isFinite(v)).toBe(true);
  });

  it("treats float noise on a large constant column as constant", () => {
    const { stds, matrix } = standardize([[1e9 + 0.1], [1e9 + 0.1], [1e9 + 0.1]]);
    expect(stds[0]).toBe(0);
    expect(Array.from(matrix.data)).toEqual([0, 0, 0]);
  });

  it("applies saved statistics to new rows", () => {
    const { means, stds } = standardize([[0], [2]]);
    expect(Array.from(applyStandardization([[4]], means, stds).data)).toEqual([3]);
    expect(() => applyStandardization([[1, 2]], means, stds)).toThrow(RangeError);
  });
});
