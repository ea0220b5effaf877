import { describe, expect, it } from "vitest";
import type { ExperimentResults } from "./results";
import { dailyCsv, summaryCsv } from "./results-csv";
import { frequentistTest, bayesianTest } from "./stats";

const c = { n: 1000, conversions: 100 };
const t = { n: 1000, conversions: 130 };
const results: ExperimentResults = {
  campaign: { id: "c", name: "N", slug: "ink", status: "running", currency: "USD" },
  experiment: {
    id: "e",
    key: "ink",
    mode: "fixed",
    bucketVersion: 2,
    currentVersion: 2,
    versions: [1, 2],
    coverage: 1,
    sequential: false,
    sequentialTuning: 5000,
    aa: false,
  },
  windowDays: 7,
  revenueCap: { percentile: 0.99, cap: 44900 },
  preExposureDays: 14,
  analysis: {
    test: { kind: "fixed", tuning: 5000, alpha: 0.05 },
    primaryMetric: "conversion",
    correction: { method: "holm", family: 3 },
    comparisons: [],
    plan: { mde: 0.1, baselineRate: 0.1, perVariant: null, smallestArm: 1000, progress: null },
    recommendation: { kind: "withheld", reasons: ["no_significant_winner"] },
  },
  arms: [
    {
      position: 0,
      key: "control",
      name: "Control, plain",
      weight: 0.5,
      visitors: 1000,
      conversions: 100,
      orders: 100,
      revenue: 4_490_000,
      conversionRate: 0.1,
      revenuePerVisitor: 4490,
      vsControl: null,
      posterior: { mean: 0.1, ci: [0.08, 0.12] },
    },
    {
      position: 1,
      key: "save",
      name: '=HYPERLINK("x")',
      weight: 0.5,
      visitors: 1000,
      conversions: 130,
      orders: 131,
      revenue: 5_837_000,
      conversionRate: 0.13,
      revenuePerVisitor: 5837,
      posterior: { mean: 0.13, ci: [0.11, 0.15] },
      vsControl: {
        conversionAbsolute: frequentistTest(c, t, { relative: false }),
        conversionRelative: frequentistTest(c, t, { relative: true }),
        conversionBayes: bayesianTest(c, t, { relative: true }),
        conversionDegenerate: null,
        revenueRelative: { expected: 0.3, ci: [0.1, 0.5], pValue: 0.01 },
        revenueBayes: { expected: 0.3, ci: [0.1, 0.5], chanceToWin: 0.99 },
        revenueDegenerate: null,
      },
    },
  ],
  srm: { pValue: 1, observed: [1000, 1000], expected: [1000, 1000], warning: false },
  daily: [
    {
      day: "2026-03-01",
      arms: [
        { visitors: 1000, conversions: 100, cumVisitors: 1000, cumConversions: 100, cumRate: 0.1 },
        { visitors: 1000, conversions: 130, cumVisitors: 1000, cumConversions: 130, cumRate: 0.13 },
      ],
    },
  ],
};

describe("results CSV", () => {
  it("writes one row per variant with counts, money in major units and the tests' numbers", () => {
    const lines = summaryCsv(results).split("\r\n");
    expect(lines).toHaveLength(4); // header, 2 rows, trailing empty
    const header = lines[0]!.split(",");
    expect(lines[1]).toMatch(/^ink,2,0,control,"Control, plain",0\.5,1000,100,100,0\.1,44900,44\.9,,/);
    const treatment = lines[2]!;
    expect(treatment).toContain(`'=HYPERLINK(""x"")`); // quoted and defused
    const row = Object.fromEntries(header.map((h, i) => [h, treatment.split(",")[i]]));
    expect(Number(row["abs_uplift"])).toBeCloseTo(0.03, 12);
    expect(row["revenue_USD"]).toBe("58370");
  });

  it("writes daily cumulative rows per variant", () => {
    expect(dailyCsv(results).split("\r\n").slice(1, 3)).toEqual([
      "2026-03-01,control,1000,100,1000,100,0.1",
      "2026-03-01,save,1000,130,1000,130,0.13",
    ]);
  });
});
