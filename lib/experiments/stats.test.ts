import { describe, expect, it } from "vitest";
import { bayesianTest, degenerateReason, frequentistTest, srmPValue } from "./stats";

// Reference values were computed outside this code base:
// - "scipy": scipy 1.17.1, scipy.stats.ttest_ind(treatment, control, equal_var=False) and its
//   .confidence_interval(0.95), or ttest_ind_from_stats(..., equal_var=False) for proportions with
//   std = sqrt(p (1 - p)) (gbstats' proportion variance).
// - "mpmath": the same formulas (Welch df, delta-method variance for relative uplift) evaluated in
//   mpmath 1.3.0 at 40 digits, with t quantiles from mp.findroot on the regularized incomplete beta.
const close = (actual: number, expected: number, tol = 1e-9) =>
  expect(Math.abs(actual - expected)).toBeLessThan(tol * Math.max(1, Math.abs(expected)));

// Raw samples for the scipy example; the test feeds their sufficient statistics.
const controlSample = [12.1, 9.8, 11.4, 10.2, 8.9, 13.0, 10.7, 9.5, 11.8, 10.0];
const treatmentSample = [13.2, 11.9, 14.8, 10.4, 12.6, 15.1, 11.3, 13.7];
const toMean = (xs: number[]) => ({
  n: xs.length,
  sum: xs.reduce((s, x) => s + x, 0),
  sumSquares: xs.reduce((s, x) => s + x * x, 0),
});

describe("frequentistTest, means (Welch)", () => {
  it("matches scipy.stats.ttest_ind(equal_var=False)", () => {
    // scipy: statistic 2.992198541231484, pvalue 0.010290671329331787, df 13.13764311911298,
    // confidence_interval(0.95) = (0.5951691533568548, 3.6748308466431485).
    const r = frequentistTest(toMean(controlSample), toMean(treatmentSample), { relative: false });
    close(r.expected, 2.135);
    close(r.pValue, 0.010290671329331787);
    close(r.ci[0], 0.5951691533568548);
    close(r.ci[1], 3.6748308466431485);
  });

  it("relative uplift by the delta method (mpmath)", () => {
    const r = frequentistTest(toMean(controlSample), toMean(treatmentSample), { relative: true });
    close(r.expected, 0.1987895716946);
    close(r.pValue, 0.0149974308867491);
    close(r.ci[0], 0.0453963928706751);
    close(r.ci[1], 0.352182750518524);
  });
});

describe("frequentistTest, proportions", () => {
  const control = { n: 10_000, conversions: 500 };
  const treatment = { n: 10_000, conversions: 560 };

  it("absolute difference (scipy ttest_ind_from_stats p = 0.058249717985377675; CI mpmath)", () => {
    const r = frequentistTest(control, treatment, { relative: false });
    close(r.expected, 0.006);
    close(r.pValue, 0.058249717985377675);
    close(r.ci[0], -0.000209597250820763);
    close(r.ci[1], 0.0122095972508208);
  });

  it("relative uplift (mpmath)", () => {
    const r = frequentistTest(control, treatment, { relative: true });
    close(r.expected, 0.12);
    close(r.pValue, 0.0735868442942029);
    close(r.ci[0], -0.0114559704568358);
    close(r.ci[1], 0.251455970456836);
  });

  it("a losing treatment (scipy p = 0.33420886872724004; relative from mpmath)", () => {
    const c = { n: 1000, conversions: 50 };
    const t = { n: 1000, conversions: 41 };
    const abs = frequentistTest(c, t, { relative: false });
    close(abs.expected, -0.009);
    close(abs.pValue, 0.33420886872724004);
    close(abs.ci[0], -0.027273468357252);
    close(abs.ci[1], 0.00927346835725199);
    const relr = frequentistTest(c, t, { relative: true });
    close(relr.expected, -0.18);
    close(relr.pValue, 0.28647760609584);
    close(relr.ci[0], -0.511100934106107);
    close(relr.ci[1], 0.151100934106107);
  });

  it("honours alpha (90% interval, mpmath)", () => {
    const r = frequentistTest(control, treatment, { relative: false, alpha: 0.1 });
    close(r.ci[0], 0.000788815927521776);
    close(r.ci[1], 0.0112111840724782);
    expect(() => frequentistTest(control, treatment, { relative: false, alpha: 0 })).toThrow(RangeError);
  });

  it("gives p = 1 and the point estimate as CI centre for identical arms", () => {
    const r = frequentistTest(control, control, { relative: true });
    expect(r.expected).toBe(0);
    close(r.pValue, 1, 1e-12);
    close(r.ci[0], -r.ci[1], 1e-15);
  });
});

describe("degenerate input: uninformative, never NaN, never thrown", () => {
  const uninformative = { expected: 0, ci: [0, 0], pValue: 1 };
  it.each([
    ["empty arms", { n: 0, conversions: 0 }, { n: 0, conversions: 0 }, false, "insufficient_data"],
    ["one unit", { n: 1, conversions: 1 }, { n: 100, conversions: 5 }, false, "insufficient_data"],
    ["no conversions anywhere", { n: 500, conversions: 0 }, { n: 500, conversions: 0 }, false, "zero_variance"],
    ["all convert", { n: 50, conversions: 50 }, { n: 50, conversions: 50 }, true, "zero_variance"],
    ["zero control, relative", { n: 500, conversions: 0 }, { n: 500, conversions: 7 }, true, "zero_baseline"],
    ["zero treatment, relative", { n: 500, conversions: 9 }, { n: 500, conversions: 0 }, true, "zero_variance"],
    ["conversions > n", { n: 5, conversions: 9 }, { n: 500, conversions: 7 }, false, "invalid_data"],
    ["NaN n", { n: NaN, conversions: 0 }, { n: 500, conversions: 7 }, false, "invalid_data"],
  ] as const)("%s", (_name, c, t, relative, reason) => {
    expect(frequentistTest(c, t, { relative })).toEqual(uninformative);
    expect(bayesianTest(c, t, { relative })).toEqual({ expected: 0, ci: [0, 0], chanceToWin: 0.5 });
    expect(degenerateReason(c, t, { relative })).toBe(reason);
  });

  it("constant means have zero variance; zero control mean only blocks the relative test", () => {
    const constant = { n: 10, sum: 50, sumSquares: 250 };
    expect(frequentistTest(constant, constant, { relative: false })).toEqual(uninformative);
    const r = frequentistTest({ n: 500, conversions: 0 }, { n: 500, conversions: 7 }, { relative: false });
    close(r.expected, 0.014);
    expect(Number.isNaN(r.pValue)).toBe(false);
    expect(r.pValue).toBeGreaterThan(0);
    expect(r.pValue).toBeLessThan(0.05);
  });

  it("accepts a zero-variance arm beside a varying one", () => {
    expect(degenerateReason({ n: 100, conversions: 0 }, { n: 100, conversions: 10 }, { relative: false })).toBeNull();
  });
});

describe("bayesianTest", () => {
  it("normal approximation with flat prior (mpmath: ncdf, z_{0.975})", () => {
    const control = { n: 10_000, conversions: 500 };
    const treatment = { n: 10_000, conversions: 560 };
    const abs = bayesianTest(control, treatment, { relative: false });
    close(abs.expected, 0.006);
    close(abs.ci[0], -0.000209220346228222);
    close(abs.ci[1], 0.0122092203462282);
    close(abs.chanceToWin, 0.970882370344319);
    const relr = bayesianTest(control, treatment, { relative: true });
    close(relr.expected, 0.12);
    close(relr.ci[0], -0.0114479914596512);
    close(relr.ci[1], 0.251447991459651);
    close(relr.chanceToWin, 0.963214163438002);
  });

  it("is symmetric: swapping arms gives 1 - chanceToWin", () => {
    const a = { n: 2000, conversions: 90 };
    const b = { n: 2100, conversions: 120 };
    const ab = bayesianTest(a, b, { relative: false });
    const ba = bayesianTest(b, a, { relative: false });
    close(ab.chanceToWin + ba.chanceToWin, 1, 1e-14);
  });
});

describe("srmPValue", () => {
  it("[5000, 5200] at 50/50: chi2 = 2 * 100^2 / 5100 = 3.92157, p = 0.047670380656161448 (mpmath)", () => {
    close(srmPValue([5000, 5200], [0.5, 0.5]), 0.047670380656161448, 1e-12);
    // Weights need not be normalized.
    close(srmPValue([5000, 5200], [1, 1]), 0.047670380656161448, 1e-12);
  });

  it("three arms, 30/30/40 (scipy.stats.chisquare: chi2 5.833333, p 0.05411376622282158)", () => {
    close(srmPValue([3000, 3100, 3900], [0.3, 0.3, 0.4]), 0.05411376622282158, 1e-12);
  });

  it("is 1 for a perfect split and for no data", () => {
    expect(srmPValue([1000, 1000], [0.5, 0.5])).toBe(1);
    expect(srmPValue([0, 0], [0.5, 0.5])).toBe(1);
    expect(srmPValue([10], [1])).toBe(1);
  });

  it("treats units in a zero-weight arm as a certain mismatch", () => {
    expect(srmPValue([500, 500, 3], [0.5, 0.5, 0])).toBe(0);
    expect(srmPValue([500, 500, 0], [0.5, 0.5, 0])).toBe(1);
  });

  it("throws on mismatched lengths", () => {
    expect(() => srmPValue([1, 2], [1])).toThrow(RangeError);
  });
});

describe("frequentistTest, sequential (always-valid confidence sequence)", () => {
  // Published vectors from gbstats' own test suite (tests/frequentist/test_tests.py,
  // TestSequentialTTest), rounded there to 5 decimals.
  const meanA = { n: 3000, sum: 1396.87, sumSquares: 52377.9767 };
  const meanB = { n: 3461, sum: 2422.7, sumSquares: 134698.29 };
  const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

  it("matches gbstats test_sequential_test_runs (means, tuning 1000)", () => {
    const r = frequentistTest(meanA, meanB, { relative: true, sequentialTuning: 1000 });
    expect(round5(r.expected)).toBe(0.50336);
    expect(r.ci.map(round5)).toEqual([-0.55844, 1.56516]);
    expect(r.pValue).toBe(1);
  });

  it("matches gbstats test_sequential_test_runs_prop (proportions, default tuning 5000)", () => {
    const r = frequentistTest(
      { n: 3000, conversions: 1396 },
      { n: 3461, conversions: 2422 },
      { relative: true, sequentialTuning: 5000 },
    );
    expect(round5(r.expected)).toBe(0.50386);
    expect(r.ci.map(round5)).toEqual([0.40098, 0.60675]);
    expect(round5(r.pValue)).toBe(0);
  });

  it("is tightest when tuned near the sample size, as gbstats' test_sequential_test_tuning_as_expected", () => {
    const width = (tuning: number) => {
      const { ci } = frequentistTest(meanA, meanB, { relative: true, sequentialTuning: tuning });
      return ci[1] - ci[0];
    };
    expect(width(10)).toBeGreaterThan(width(10_000));
    expect(width(10_000)).toBeGreaterThan(width(6461));
  });

  it("is wider than the fixed-horizon interval and never more significant", () => {
    const fixed = frequentistTest(meanA, meanB, { relative: false });
    const seq = frequentistTest(meanA, meanB, { relative: false, sequentialTuning: 5000 });
    expect(seq.ci[1] - seq.ci[0]).toBeGreaterThan(fixed.ci[1] - fixed.ci[0]);
    expect(seq.pValue).toBeGreaterThanOrEqual(fixed.pValue);
  });

  it("keeps the uninformative answer for degenerate data and refuses a bad tuning", () => {
    expect(
      frequentistTest({ n: 1, conversions: 0 }, { n: 1, conversions: 1 }, { relative: false, sequentialTuning: 5000 }),
    ).toEqual({ expected: 0, ci: [0, 0], pValue: 1 });
    expect(() => frequentistTest(meanA, meanB, { relative: false, sequentialTuning: 0 })).toThrow(RangeError);
  });
});
