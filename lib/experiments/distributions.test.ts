import { describe, expect, it } from "vitest";
import {
  chiSquareSurvival,
  lnBeta,
  lnGamma,
  normalCdf,
  normalQuantile,
  regularizedBeta,
  regularizedGammaP,
  studentTCdf,
  studentTQuantile,
  studentTTwoSidedP,
} from "./distributions";

// Reference values: mpmath 1.3.0 at 40 significant digits (mp.loggamma, mp.betainc(..., regularized=True),
// mp.gammainc(..., regularized=True), mp.ncdf, and mp.findroot on those for quantiles), printed to 17
// digits and cross-checked against scipy 1.17.1 (scipy.stats.t / norm / chi2). Never produced by this code.
const rel = (actual: number, expected: number) => Math.abs(actual - expected) / Math.abs(expected);

describe("special functions", () => {
  it("lnGamma", () => {
    expect(rel(lnGamma(0.5), 0.57236494292470009)).toBeLessThan(1e-14); // ln sqrt(pi)
    expect(rel(lnGamma(100.5), 361.43554046777762)).toBeLessThan(1e-14);
    expect(lnGamma(1)).toBeCloseTo(0, 14);
    expect(rel(lnGamma(10), Math.log(362880))).toBeLessThan(1e-14); // 9!
  });

  it("lnBeta, including the large-argument path", () => {
    // mp.log(mp.beta(a, b))
    expect(rel(lnBeta(3, 4), -4.0943445622221007)).toBeLessThan(1e-14);
    expect(rel(lnBeta(12, 0.5), -0.65967472313785978)).toBeLessThan(1e-13);
    expect(rel(lnBeta(20, 30), -33.968820791977383)).toBeLessThan(1e-13);
    expect(rel(lnBeta(5e5, 0.5), -5.9888164957774643)).toBeLessThan(1e-13);
    expect(rel(lnBeta(1e7, 2e7), -19095431.986221113)).toBeLessThan(1e-14);
  });

  it("regularized incomplete beta and gamma", () => {
    expect(rel(regularizedBeta(0.4, 2, 3), 0.5248)).toBeLessThan(1e-13); // exact: 0.5248
    expect(rel(regularizedBeta(0.2, 0.5, 0.5), 0.29516723530086656)).toBeLessThan(1e-13); // (2/pi) asin(sqrt .2)
    expect(rel(regularizedBeta(0.41, 200, 300), 0.67762816477217895)).toBeLessThan(1e-12);
    expect(rel(regularizedGammaP(3, 2.5), 0.45618688411667048)).toBeLessThan(1e-13);
    expect(rel(regularizedGammaP(0.5, 0.1), 0.34527915398142298)).toBeLessThan(1e-13);
    expect(rel(regularizedGammaP(50, 60), 0.91559331890630817)).toBeLessThan(1e-13);
  });
});

describe("normal distribution", () => {
  it.each([
    [1.96, 0.97500210485177956],
    [-5, 2.8665157187919391e-7],
    [0, 0.5],
    [0.5, 0.6914624612740131],
    [-1.2345, 0.10850832336267017],
  ])("Phi(%f)", (z, expected) => {
    expect(rel(normalCdf(z), expected)).toBeLessThan(1e-13);
  });

  it.each([
    [0.975, 1.9599639845400539],
    [0.999, 3.0902323061678133],
    [1e-10, -6.3613409024040562],
    [0.02425, -1.9729610513118848], // Acklam's region boundary
    [0.3, -0.52440051270804082],
  ])("quantile(%f)", (p, expected) => {
    expect(rel(normalQuantile(p), expected)).toBeLessThan(1e-13);
  });

  it("handles the ends", () => {
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(1.5)).toBeNaN();
  });
});

describe("Student t distribution", () => {
  it.each([
    [0.975, 10, 2.2281388519862742], // the textbook t_{0.975,10} = 2.228
    [0.975, 1, 12.706204736174693],
    [0.975, 2, 4.3026527297494618],
    [0.995, 30, 2.749995653567225],
    [0.9, 5, 1.4758840488244813],
    [0.975, 1000, 1.9623390808264081],
    [0.999, 3, 10.214531852407383],
    [0.975, 2.5, 3.5746548420036818], // fractional df, as Welch gives
    [0.975, 2e6, 1.959965170676375],
  ])("quantile(%f, df=%f)", (p, df, expected) => {
    expect(rel(studentTQuantile(p, df), expected)).toBeLessThan(1e-11);
  });

  it("is symmetric", () => {
    expect(studentTQuantile(0.025, 10)).toBeCloseTo(-2.2281388519862742, 12);
    expect(studentTQuantile(0.5, 7)).toBe(0);
  });

  it.each([
    [2, 5, 0.94903026058507082],
    [-1.5, 3, 0.11529193262241153],
    [0.3, 20, 0.61636349837811987],
    [10, 2, 0.99507377148833715],
    [-4, 50, 0.0001045951231820168],
  ])("cdf(%f, df=%f)", (t, df, expected) => {
    expect(rel(studentTCdf(t, df), expected)).toBeLessThan(1e-12);
  });

  it("stays accurate for Welch df in the millions", () => {
    expect(Math.abs(studentTCdf(1.96, 1e6) - 0.9750019662073651)).toBeLessThan(1e-11);
    expect(Math.abs(studentTCdf(1.96, 1e8) - 0.97500210346533595)).toBeLessThan(1e-9);
    expect(rel(studentTCdf(-3, 3e5), 0.0013500088302594404)).toBeLessThan(1e-10);
  });

  it("two-sided p-value equals 2 P(T > |t|)", () => {
    expect(rel(studentTTwoSidedP(-2, 5), 2 * (1 - 0.94903026058507082))).toBeLessThan(1e-12);
    expect(studentTTwoSidedP(0, 5)).toBe(1);
  });
});

describe("chi-square survival", () => {
  it.each([
    [3.84, 1, 0.050043521248705103],
    [10, 3, 0.018566135463043233],
    [0.5, 2, 0.77880078307140487], // exp(-0.25)
    [30, 10, 0.00085664121077530039],
    [100, 4, 9.8366242246159807e-21],
  ])("P(X > %f), k=%i", (x, k, expected) => {
    expect(rel(chiSquareSurvival(x, k), expected)).toBeLessThan(1e-12);
  });
});
