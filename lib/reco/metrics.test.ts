import { describe, expect, it } from "vitest";
import { catalogueCoverage, ndcgAtK, precisionAtK, rankingMetrics, recallAtK } from "./metrics";

describe("ranking metrics on a toy ranking computed by hand", () => {
  // Ranked [5, 3, 9, 1], relevant {3, 1, 7}: hits at ranks 2 and 4.
  const ranked = [5, 3, 9, 1];
  const relevant = new Set([3, 1, 7]);

  it("k = 4", () => {
    expect(precisionAtK(ranked, relevant, 4)).toBe(0.5);
    expect(recallAtK(ranked, relevant, 4)).toBeCloseTo(2 / 3, 12);
    const dcg = 1 / Math.log2(3) + 1 / Math.log2(5);
    const idcg = 1 + 1 / Math.log2(3) + 1 / Math.log2(4); // min(k, |test|) = 3 ideal hits
    expect(ndcgAtK(ranked, relevant, 4)).toBeCloseTo(dcg / idcg, 12);
    expect(ndcgAtK(ranked, relevant, 4)).toBeCloseTo(0.498189, 5);
  });

  it("k = 2 (recall divides by |test|, not min(k, |test|))", () => {
    expect(rankingMetrics(ranked, relevant, 2)).toEqual({
      precision: 0.5,
      recall: 1 / 3,
      ndcg: 1 / Math.log2(3) / (1 + 1 / Math.log2(3)),
    });
  });

  it("short lists are not rewarded and perfect rankings score 1", () => {
    expect(precisionAtK([3], relevant, 10)).toBe(0.1);
    expect(ndcgAtK([3, 1, 7], relevant, 10)).toBeCloseTo(1, 12);
    expect(recallAtK([3, 1, 7], relevant, 10)).toBe(1);
    expect(rankingMetrics([], new Set(), 5)).toEqual({ precision: 0, recall: 0, ndcg: 0 });
    expect(() => rankingMetrics(ranked, relevant, 0)).toThrow(RangeError);
  });

  it("coverage counts distinct recommended items over the catalogue", () => {
    expect(catalogueCoverage([[1, 2], [2, 3], []], 10)).toBe(0.3);
    expect(catalogueCoverage([], 0)).toBe(0);
  });
});
