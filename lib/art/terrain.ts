/**
 * 1-D terrain for the landscape styles: seeded value noise and mountain ridge lines.
 */
import type { Rng } from "@/lib/random";
import { range, type Pt } from "./util";

/** Seeded smooth 1-D value noise in [-1, 1], summed over a few octaves. */
export function noise1d(rng: Rng, octaves = 4): (x: number) => number {
  const size = 64;
  const table = Array.from({ length: size }, () => rng.next() * 2 - 1);
  const at = (i: number) => table[((i % size) + size) % size] as number;
  const base = (x: number) => {
    const i = Math.floor(x);
    const f = x - i;
    const u = f * f * (3 - 2 * f);
    return at(i) * (1 - u) + at(i + 1) * u;
  };
  return (x: number) => {
    let sum = 0;
    let amp = 1;
    let freq = 1;
    let norm = 0;
    for (let o = 0; o < octaves; o++) {
      sum += amp * base(x * freq + o * 17.3);
      norm += amp;
      amp *= 0.5;
      freq *= 2.1;
    }
    return sum / norm;
  };
}

export type RidgeOptions = {
  width: number;
  /** y of the ridge where there are no peaks. */
  baseY: number;
  /** Height of the tallest peak above baseY. */
  peakHeight: number;
  /** Number of peaks (they may fall partly outside the frame). */
  peaks: number;
  /** Peak half-width as a fraction of the frame width: small means steep, needle-like peaks. */
  sharpness: [number, number];
  /** Rugged detail added on top, as a fraction of peakHeight. */
  rugged: number;
  /** Number of samples across the width. */
  samples?: number;
  /** Peak profile exponent range: below 1 gives concave, needle-like flanks; 2 gives rounded domes. */
  shape?: [number, number];
  /** Cycles of rugged detail across the width. */
  detail?: number;
};

/** A mountain ridge: a list of points from x=0 to x=width, y decreasing where the peaks are. */
export function ridge(rng: Rng, o: RidgeOptions): Pt[] {
  const peaks = Array.from({ length: o.peaks }, () => ({
    c: range(rng, -0.15, 1.15) * o.width,
    h: range(rng, 0.35, 1) * o.peakHeight,
    w: range(rng, o.sharpness[0], o.sharpness[1]) * o.width,
    p: range(rng, o.shape?.[0] ?? 1.2, o.shape?.[1] ?? 2),
  }));
  // Make sure the tallest peak actually reaches peakHeight and sits inside the frame.
  const top = peaks[0];
  if (top) {
    top.h = o.peakHeight;
    top.c = range(rng, 0.2, 0.8) * o.width;
  }
  const noise = noise1d(rng, 5);
  const samples = o.samples ?? 70;
  const out: Pt[] = [];
  for (let i = 0; i <= samples; i++) {
    const x = (i / samples) * o.width;
    let h = 0;
    for (const pk of peaks) {
      const d = Math.abs(x - pk.c) / pk.w;
      h = Math.max(h, pk.h * Math.exp(-Math.pow(d, pk.p)));
    }
    const detail = noise((x / o.width) * (o.detail ?? 6)) * o.rugged * o.peakHeight;
    h += detail * (0.35 + h / o.peakHeight);
    out.push([x, o.baseY - Math.max(0, h)]);
  }
  return out;
}

/** Lowest y (highest point) of a ridge. */
export function ridgeTop(points: Pt[]): number {
  return points.reduce((m, p) => Math.min(m, p[1]), Infinity);
}

/** The ridge's y at x, by linear interpolation between samples. */
export function ridgeAt(points: Pt[], x: number): number {
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as Pt;
    const b = points[i] as Pt;
    if (x <= b[0]) {
      const t = b[0] === a[0] ? 0 : (x - a[0]) / (b[0] - a[0]);
      return a[1] + (b[1] - a[1]) * Math.max(0, t);
    }
  }
  const last = points[points.length - 1];
  return last ? last[1] : 0;
}
