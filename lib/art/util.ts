/**
 * Shared helpers for the procedural SVG generators in lib/art: XML escaping, compact number
 * formatting, colour maths, seeded picks and the standalone <svg> wrapper.
 * Everything here is pure; randomness always comes from a caller-supplied Rng.
 */
import type { Rng } from "@/lib/random";

export type Pt = [number, number];

/** Escapes text for use in XML text nodes and double- or single-quoted attributes. */
export function escapeXml(text: string): string {
  return (
    text
      // Characters XML 1.0 forbids outright (C0 controls except tab/newline/CR, lone surrogates, U+FFFE/F).
      .replace(
        /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
        "",
      )
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&apos;")
  );
}

/** Compact number: whole pixels for large coordinates, one decimal for small values. */
export function n(x: number): string {
  const r = Math.abs(x) >= 100 ? Math.round(x) : Math.round(x * 10) / 10;
  return String(r === 0 ? 0 : r);
}

/** "x,y x,y ..." for polygon/polyline points. */
export function pts(points: Pt[]): string {
  return points.map(([x, y]) => `${n(x)},${n(y)}`).join(" ");
}

/** A smooth open path through the points (quadratic curves through the mid-points). */
export function smoothPath(points: Pt[], close = false): string {
  const first = points[0];
  if (!first) return "";
  let d = `M${n(first[0])},${n(first[1])}`;
  for (let i = 1; i < points.length - 1; i++) {
    const p = points[i] as Pt;
    const q = points[i + 1] as Pt;
    d += `Q${n(p[0])},${n(p[1])} ${n((p[0] + q[0]) / 2)},${n((p[1] + q[1]) / 2)}`;
  }
  const last = points[points.length - 1] as Pt;
  if (points.length > 1) d += `L${n(last[0])},${n(last[1])}`;
  return close ? d + "Z" : d;
}

export const range = (rng: Rng, lo: number, hi: number): number => lo + (hi - lo) * rng.next();
export const chance = (rng: Rng, p: number): boolean => rng.next() < p;
export const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/** A uniformly chosen element of a non-empty array. */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[rng.int(items.length)] as T;
}

/** A stable 32-bit hash of a string (FNV-1a), for deriving colours from names and topics. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function hex2(v: number): string {
  return Math.round(clamp(v, 0, 255))
    .toString(16)
    .padStart(2, "0");
}

export function rgbHex(r: number, g: number, b: number): string {
  return `#${hex2(r)}${hex2(g)}${hex2(b)}`;
}

export function parseHex(color: string): [number, number, number] {
  const v = parseInt(color.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

/** Linear blend of two #rrggbb colours; t=0 gives a, t=1 gives b. */
export function mix(a: string, b: string, t: number): string {
  const [r1, g1, b1] = parseHex(a);
  const [r2, g2, b2] = parseHex(b);
  return rgbHex(r1 + (r2 - r1) * t, g1 + (g2 - g1) * t, b1 + (b2 - b1) * t);
}

/** HSL (h in degrees, s and l in 0..1) to #rrggbb. */
export function hsl(h: number, s: number, l: number): string {
  const hh = (((h % 360) + 360) % 360) / 60;
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const x = c * (1 - Math.abs((hh % 2) - 1));
  const [r, g, b] =
    hh < 1 ? [c, x, 0] : hh < 2 ? [x, c, 0] : hh < 3 ? [0, c, x] : hh < 4 ? [0, x, c] : hh < 5 ? [x, 0, c] : [c, 0, x];
  const m = l - c / 2;
  return rgbHex((r + m) * 255, (g + m) * 255, (b + m) * 255);
}

/** A short id prefix so several inline SVGs on one page do not share gradient/filter ids. */
export function idPrefix(kind: string, seed: number): string {
  return `${kind}${(seed >>> 0).toString(36)}`;
}

/**
 * A film/paper grain filter: applied to a full-size rect, it replaces it with contrasty grey fractal
 * noise at the given opacity, which reads as grain once laid over the picture.
 */
export function grainFilter(id: string, frequency: number, seed: number, opacity: number): string {
  return (
    `<filter id="${id}" x="0" y="0" width="100%" height="100%" color-interpolation-filters="sRGB">` +
    `<feTurbulence type="fractalNoise" baseFrequency="${frequency}" numOctaves="2" seed="${seed % 997}" stitchTiles="stitch"/>` +
    `<feColorMatrix values="2.4 0 0 0 -.7  2.4 0 0 0 -.7  2.4 0 0 0 -.7  0 0 0 0 ${opacity}"/></filter>`
  );
}

/** A rough-edge filter (fractal displacement), which makes clean vector edges read as brush or ink. */
export function roughFilter(id: string, frequency: number, scale: number, seed: number): string {
  return (
    `<filter id="${id}" x="-5%" y="-5%" width="110%" height="110%">` +
    `<feTurbulence type="fractalNoise" baseFrequency="${frequency}" numOctaves="3" seed="${seed % 991}"/>` +
    `<feDisplacementMap in="SourceGraphic" scale="${scale}" xChannelSelector="R" yChannelSelector="G"/></filter>`
  );
}

export type SvgDocOptions = {
  /** Drawing coordinates: the viewBox is 0 0 width height. */
  width: number;
  height: number;
  /** Rendered size attributes, when they differ from the drawing coordinates. */
  displayWidth?: number;
  displayHeight?: number;
  title: string;
  defs?: string;
  body: string;
};

/** Wraps content in a standalone, accessible <svg> element. The title is escaped here. */
export function svgDoc({ width, height, displayWidth, displayHeight, title, defs, body }: SvgDocOptions): string {
  const t = escapeXml(title);
  const w = Math.round(width);
  const h = Math.round(height);
  const dw = Math.max(1, Math.round(displayWidth ?? w));
  const dh = Math.max(1, Math.round(displayHeight ?? h));
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${dw}" height="${dh}" viewBox="0 0 ${w} ${h}" role="img" aria-label="${t}">` +
    `<title>${t}</title>` +
    (defs ? `<defs>${defs}</defs>` : "") +
    body +
    `</svg>`
  );
}

/** A red seal (chop): a slightly irregular square with carved-looking strokes, for ink and calligraphy works. */
export function sealSvg(rng: Rng, x: number, y: number, size: number, filterId?: string): string {
  const j = () => range(rng, -size * 0.03, size * 0.03);
  const corners: Pt[] = [
    [x + j(), y + j()],
    [x + size + j(), y + j()],
    [x + size + j(), y + size + j()],
    [x + j(), y + size + j()],
  ];
  const red = pick(rng, ["#b3261e", "#a82a1f", "#c0392b", "#9e2a22"]);
  const s = size;
  const lines: string[] = [];
  // Two "characters": each a few straight carved strokes in a half of the seal.
  for (let c = 0; c < 2; c++) {
    const cx = x + s * (c === 0 ? 0.55 : 0.12);
    const cw = s * 0.33;
    for (let k = 0; k < 3 + rng.int(3); k++) {
      if (chance(rng, 0.55)) {
        const yy = y + s * range(rng, 0.15, 0.85);
        lines.push(`M${n(cx)},${n(yy)}h${n(cw * range(rng, 0.6, 1))}`);
      } else {
        const xx = cx + cw * range(rng, 0.1, 0.9);
        const y0 = y + s * range(rng, 0.12, 0.4);
        lines.push(`M${n(xx)},${n(y0)}V${n(y + s * range(rng, 0.6, 0.88))}`);
      }
    }
  }
  const f = filterId ? ` filter="url(#${filterId})"` : "";
  return (
    `<g${f}><polygon points="${pts(corners)}" fill="${red}" opacity=".9"/>` +
    `<path d="${lines.join("")}" stroke="#f3e9d8" stroke-width="${n(s * 0.07)}" fill="none" opacity=".85"/>` +
    `<rect x="${n(x + s * 0.06)}" y="${n(y + s * 0.06)}" width="${n(s * 0.88)}" height="${n(s * 0.88)}" fill="none" stroke="#f3e9d8" stroke-width="${n(s * 0.04)}" opacity=".7"/></g>`
  );
}

/** What every artwork style receives. `id` prefixes all ids the style defines. */
export type ArtContext = {
  rng: Rng;
  seed: number;
  width: number;
  height: number;
  title: string;
  medium: string;
  id: string;
};
/** What every artwork style returns: the <defs> content and the drawing itself. */
export type ArtPiece = { defs: string; body: string };
