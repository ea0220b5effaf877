/**
 * Creator avatars: a circular monogram on a seeded two-tone gradient with a faint arc.
 */
import { createRng } from "@/lib/random";
import { isWide } from "./text";
import { escapeXml, hsl, idPrefix, n, range, svgDoc } from "./util";

const SIZE = 128;
const FONT = `'Inter','Helvetica Neue',Helvetica,Arial,'Noto Sans CJK SC','PingFang SC',sans-serif`;

/** "Lin Mei" -> "LM", "Park Ji-woo" -> "PJ", "West Lake Gallery" -> "WG", "林梅" -> "林", "" -> "?". */
export function initials(name: string): string {
  // The first letter or digit of each word; punctuation and symbols are skipped.
  const firsts = name
    .split(/\s+/)
    .map((w) => w.match(/[\p{L}\p{N}]/u)?.[0])
    .filter((c): c is string => c !== undefined);
  const first = firsts[0];
  if (!first) return "?";
  if (isWide(first)) return first;
  const last = firsts.length > 1 ? (firsts[firsts.length - 1] as string) : "";
  return (first + (isWide(last) ? "" : last)).toUpperCase();
}

export type AvatarOptions = { seed: number; name: string };

export function avatarSvg({ seed, name }: AvatarOptions): string {
  const rng = createRng(seed);
  const id = idPrefix("v", seed);
  const hue = range(rng, 0, 360);
  const hue2 = hue + range(rng, 25, 60);
  // Yellow-green hues look lighter at the same HSL lightness: darken them to keep white text legible.
  const dim = (h: number) => (((h % 360) + 360) % 360 > 40 && ((h % 360) + 360) % 360 < 200 ? 0.08 : 0);
  const a = hsl(hue, range(rng, 0.4, 0.6), range(rng, 0.28, 0.36) - dim(hue));
  const b = hsl(hue2, range(rng, 0.45, 0.6), range(rng, 0.4, 0.47) - dim(hue2));
  const mono = initials(name);
  const fontSize = Array.from(mono).length > 1 ? 50 : 56;
  const arcStart = range(rng, 0, Math.PI * 2);
  const r = 50;
  const c = SIZE / 2;
  const x1 = c + Math.cos(arcStart) * r;
  const y1 = c + Math.sin(arcStart) * r;
  const x2 = c + Math.cos(arcStart + 2.2) * r;
  const y2 = c + Math.sin(arcStart + 2.2) * r;
  const defs = `<linearGradient id="${id}g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${a}"/><stop offset="1" stop-color="${b}"/></linearGradient>`;
  const body =
    `<circle cx="${c}" cy="${c}" r="${c}" fill="url(#${id}g)"/>` +
    `<path d="M${n(x1)},${n(y1)}A${r},${r} 0 0 1 ${n(x2)},${n(y2)}" fill="none" stroke="#ffffff" stroke-opacity=".3" stroke-width="3" stroke-linecap="round"/>` +
    `<text x="${c}" y="${n(c + fontSize * 0.36)}" text-anchor="middle" font-family="${FONT}" font-size="${fontSize}" font-weight="700" fill="#ffffff">${escapeXml(mono)}</text>`;
  return svgDoc({ width: SIZE, height: SIZE, title: name, defs, body });
}
