/**
 * The few distribution functions the experiment statistics need, written out so that lib/ stays
 * dependency-free and runs anywhere (server, proxy runtime, scripts).
 * Algorithms follow Numerical Recipes, 3rd ed. (Press et al., 2007), sections 6.1-6.4 and 6.14:
 * Lanczos log-gamma, series + Lentz continued fractions for the incomplete gamma and beta functions.
 * Checked against mpmath at 40 digits (distributions.test.ts): ~1e-13 relative for moderate arguments;
 * for Welch df in the millions the continued fraction's own rounding limits the t CDF to ~1e-11,
 * far below anything a p-value is read to.
 */

// Convergence threshold: a few ulps. Tighter than ~2e-16 could never be met and would spin to MAX_ITER.
const EPS = 1e-15;
const FPMIN = 1e-300;
const MAX_ITER = 100_000;

// Lanczos approximation, g = 7, n = 9 (the widely published coefficient set, ~15 digits).
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Gamma(x) for x > 0. */
export function lnGamma(x: number): number {
  if (x < 0.5) {
    // Reflection keeps the Lanczos sum in its accurate range.
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
  }
  const z = x - 1;
  let a = LANCZOS[0] as number;
  const t = z + 7.5;
  for (let i = 1; i < LANCZOS.length; i++) a += (LANCZOS[i] as number) / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Lower and upper regularized incomplete gamma, P(a, x) and Q(a, x) = 1 - P, each computed directly. */
function incompleteGamma(a: number, x: number): { p: number; q: number } {
  if (x <= 0) return { p: 0, q: 1 };
  if (!Number.isFinite(x)) return { p: 1, q: 0 };
  const logPrefix = -x + a * Math.log(x) - lnGamma(a);
  if (x < a + 1) {
    // Series converges fast below the mean.
    let ap = a;
    let del = 1 / a;
    let sum = del;
    for (let i = 0; i < MAX_ITER; i++) {
      ap += 1;
      del *= x / ap;
      sum += del;
      if (Math.abs(del) < Math.abs(sum) * EPS) break;
    }
    const p = sum * Math.exp(logPrefix);
    return { p, q: 1 - p };
  }
  // Continued fraction (modified Lentz) above the mean, where Q is the small, accurate side.
  let b = x + 1 - a;
  let c = 1 / FPMIN;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITER; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = b + an / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  const q = Math.exp(logPrefix) * h;
  return { p: 1 - q, q };
}

export function regularizedGammaP(a: number, x: number): number {
  return incompleteGamma(a, x).p;
}

export function regularizedGammaQ(a: number, x: number): number {
  return incompleteGamma(a, x).q;
}

/** Continued fraction for the incomplete beta function (modified Lentz). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < FPMIN) d = FPMIN;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < MAX_ITER; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = 1 + aa / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = 1 + aa / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return h;
}

/** Stirling-series remainder: lnGamma(x) - [(x - 1/2) ln x - x + ln(2 pi) / 2]; five terms, error < 3e-16 for x >= 15. */
function stirlingError(x: number): number {
  const x2 = x * x;
  return (1 / 12 - (1 / 360 - (1 / 1260 - (1 / 1680 - 1 / (1188 * x2)) / x2) / x2) / x2) / x;
}

/**
 * ln B(a, b). Summing three lnGamma values of size ~a ln a loses digits when a is large (a Welch
 * df of 1e6 costs ~6 of them), so large arguments go through Stirling's series with the big terms
 * cancelled analytically.
 */
export function lnBeta(a: number, b: number): number {
  const small = Math.min(a, b);
  const big = Math.max(a, b);
  if (big < 15) return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
  const sum = a + b;
  const corr = stirlingError(big) - stirlingError(sum);
  if (small < 15) {
    // lnGamma(big) - lnGamma(big + small), expanded.
    const diff = -((big - 0.5) * Math.log1p(small / big) + small * Math.log(sum) - small) + corr;
    return lnGamma(small) + diff;
  }
  return (
    0.5 * Math.log(2 * Math.PI) +
    (small - 0.5) * Math.log(small / sum) +
    (big - 0.5) * Math.log1p(-small / sum) -
    0.5 * Math.log(sum) +
    stirlingError(small) +
    corr
  );
}

/**
 * Regularized incomplete beta I_x(a, b) for a, b > 0 and x in [0, 1]. y = 1 - x may be passed
 * when the caller knows it more precisely than 1 - x (the t distribution does).
 */
export function regularizedBeta(x: number, a: number, b: number, y = 1 - x): number {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  const logX = x > 0.5 ? Math.log1p(-y) : Math.log(x);
  const logY = y > 0.5 ? Math.log1p(-x) : Math.log(y);
  const front = Math.exp(a * logX + b * logY - lnBeta(a, b));
  // The continued fraction converges quickly only on one side of the mean; use the symmetry
  // I_x(a, b) = 1 - I_{1-x}(b, a) on the other.
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(a, b, x)) / a;
  return 1 - (front * betaContinuedFraction(b, a, y)) / b;
}

/** Standard normal CDF, via Phi(z) = erfc(-z / sqrt 2) / 2 and erfc(y) = Q(1/2, y^2). */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return NaN;
  const q = 0.5 * regularizedGammaQ(0.5, (z * z) / 2);
  return z < 0 ? q : 1 - q;
}

// Acklam's rational approximation of the normal quantile (relative error < 1.15e-9), refined below.
const A = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
];
const B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const C = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];

function poly(coefficients: number[], x: number): number {
  return coefficients.reduce((acc, k) => acc * x + k, 0);
}

/** Standard normal quantile: Acklam's approximation plus one Halley step on the accurate CDF. */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  // Work in the lower half only: 1 - p is exact for p >= 0.5 (Sterbenz), and the lower-tail CDF
  // used by the refinement step keeps full relative precision there.
  if (p > 0.5) return -normalQuantile(1 - p);
  let x: number;
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = poly(C, q) / (poly(D, q) * q + 1);
  } else {
    const q = p - 0.5;
    const r = q * q;
    x = (poly(A, r) * q) / (poly(B, r) * r + 1);
  }
  const e = normalCdf(x) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

/** P(T > t) for t >= 0, Student t with df degrees of freedom (df may be fractional, as Welch's is). */
function studentTUpperTail(t: number, df: number): number {
  if (df === Infinity) return normalCdf(-t);
  const t2 = t * t;
  return 0.5 * regularizedBeta(df / (df + t2), df / 2, 0.5, t2 / (df + t2));
}

export function studentTCdf(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return NaN;
  const tail = studentTUpperTail(Math.abs(t), df);
  return t < 0 ? tail : 1 - tail;
}

/** Two-sided p-value of a t statistic: P(|T| >= |t|), computed without the 1 - cdf cancellation. */
export function studentTTwoSidedP(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return NaN;
  return Math.min(1, 2 * studentTUpperTail(Math.abs(t), df));
}

function studentTDensity(t: number, df: number): number {
  const logC = lnGamma((df + 1) / 2) - lnGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  return Math.exp(logC - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/** Student t quantile: Newton steps on the CDF, kept inside a bracket that bisection falls back on. */
export function studentTQuantile(p: number, df: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1 || !(df > 0)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  if (df === Infinity) return normalQuantile(p);
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  // Upper half: find t > 0 with P(T > t) = 1 - p, working on the tail for precision.
  const target = 1 - p;
  let lo = 0;
  let hi = Math.max(1, normalQuantile(p));
  while (studentTUpperTail(hi, df) > target) {
    lo = hi;
    hi *= 2;
    if (hi > 1e300) return Infinity;
  }
  let t = (lo + hi) / 2;
  for (let i = 0; i < 200; i++) {
    const f = studentTUpperTail(t, df) - target; // decreasing in t
    if (f > 0) lo = t;
    else hi = t;
    const step = f / studentTDensity(t, df);
    let next = t + step;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - t) <= 1e-15 * Math.max(1, Math.abs(t)) || hi - lo <= 1e-15 * hi) return next;
    t = next;
  }
  return t;
}

/** P(X > x) for X ~ chi-square with k degrees of freedom. */
export function chiSquareSurvival(x: number, k: number): number {
  if (Number.isNaN(x) || !(k > 0)) return NaN;
  return regularizedGammaQ(k / 2, x / 2);
}

/** The p-quantile of a continuous distribution on [lo, hi] from its CDF, by bisection (60 halvings: below 1e-15 of the range). */
function bisectQuantile(cdf: (x: number) => number, p: number, lo: number, hi: number): number {
  let a = lo;
  let b = hi;
  for (let i = 0; i < 60; i++) {
    const mid = (a + b) / 2;
    if (cdf(mid) < p) a = mid;
    else b = mid;
  }
  return (a + b) / 2;
}

/** The p-quantile of Beta(a, b), for credible intervals of conversion rates. */
export function betaQuantile(p: number, a: number, b: number): number {
  return bisectQuantile((x) => regularizedBeta(x, a, b), p, 0, 1);
}

/** The p-quantile of Gamma(shape, rate), for credible intervals of Poisson rates. */
export function gammaQuantile(p: number, shape: number, rate: number): number {
  // The upper bracket: mean + 20 sd covers any p used for intervals.
  const hi = shape + 20 * Math.sqrt(shape) + 20;
  return bisectQuantile((x) => regularizedGammaP(shape, x), p, 0, hi) / rate;
}
