/**
 * Ink painting (shan shui): layered misty mountains in ink washes on warm paper, with contour and
 * texture strokes, a few pines, sometimes a boat or birds, an inscription column and a red seal.
 */
import type { Rng } from "@/lib/random";
import { ridge, ridgeAt, ridgeTop } from "./terrain";
import {
  chance,
  mix,
  n,
  pick,
  range,
  roughFilter,
  sealSvg,
  smoothPath,
  type ArtContext,
  type ArtPiece,
  type Pt,
} from "./util";

/** Paper tone from the medium: silk is darker and golden, hanji paler, xuan warm. */
export function paperTone(medium: string): string {
  const m = medium.toLowerCase();
  if (m.includes("silk")) return "#e6d6b5";
  if (m.includes("hanji")) return "#f3eee3";
  if (m.includes("gold")) return "#efe2c4";
  return "#efe5cf";
}

/** Paper background: a flat tone, a soft vignette and fibre texture. */
export function paperBackground(ctx: ArtContext, tone: string): ArtPiece {
  const { id, width: W, height: H } = ctx;
  const defs =
    `<radialGradient id="${id}v" cx=".5" cy=".45" r=".75"><stop offset=".55" stop-color="${tone}" stop-opacity="0"/><stop offset="1" stop-color="${mix(tone, "#8a6a3a", 0.35)}" stop-opacity=".55"/></radialGradient>` +
    `<filter id="${id}f" x="0" y="0" width="100%" height="100%"><feTurbulence type="fractalNoise" baseFrequency=".9 .04" numOctaves="2" seed="${ctx.seed % 977}"/>` +
    `<feColorMatrix values="0 0 0 0 .45  0 0 0 0 .36  0 0 0 0 .22  1.1 0 0 0 -.45"/></filter>`;
  const body =
    `<rect width="${W}" height="${H}" fill="${tone}"/>` +
    `<rect width="${W}" height="${H}" filter="url(#${id}f)" opacity=".22"/>` +
    `<rect width="${W}" height="${H}" fill="url(#${id}v)"/>`;
  return { defs, body };
}

/** A column of small brush marks reading as an inscription, top to bottom. Returns markup and its bottom y. */
export function inscription(
  rng: Rng,
  x: number,
  y: number,
  cell: number,
  chars: number,
  ink: string,
): { svg: string; bottom: number } {
  let d = "";
  for (let c = 0; c < chars; c++) {
    const cy = y + c * cell * 1.15;
    for (let k = 0; k < 3 + rng.int(3); k++) {
      const x0 = x + range(rng, 0, 0.6) * cell;
      const y0 = cy + range(rng, 0, 0.8) * cell;
      if (chance(rng, 0.5))
        d += `M${n(x0)},${n(y0)}l${n(range(rng, 0.3, 0.8) * cell)},${n(range(rng, -0.08, 0.08) * cell)}`;
      else d += `M${n(x0)},${n(y0)}l${n(range(rng, -0.15, 0.15) * cell)},${n(range(rng, 0.25, 0.6) * cell)}`;
    }
  }
  const svg = `<path d="${d}" stroke="${ink}" stroke-width="${n(cell * 0.11)}" stroke-linecap="round" fill="none" opacity=".8"/>`;
  return { svg, bottom: y + chars * cell * 1.15 };
}

function pine(rng: Rng, x: number, y: number, size: number, ink: string): string {
  const lean = range(rng, -0.15, 0.15) * size;
  let s = `<path d="M${n(x)},${n(y)}q${n(lean * 0.3)},${n(-size * 0.5)} ${n(lean)},${n(-size)}" stroke="${ink}" stroke-width="${n(size * 0.06)}" fill="none"/>`;
  const tiers = 3 + rng.int(3);
  for (let t = 0; t < tiers; t++) {
    const f = 0.35 + (0.65 * t) / tiers;
    const cx = x + lean * f + range(rng, -0.1, 0.1) * size;
    const cy = y - size * f;
    const rx = size * (0.42 - 0.25 * (t / tiers)) * range(rng, 0.8, 1.2);
    s += `<ellipse cx="${n(cx)}" cy="${n(cy)}" rx="${n(rx)}" ry="${n(size * 0.07)}" fill="${ink}" opacity="${n(range(rng, 0.75, 0.95))}"/>`;
  }
  return s;
}

function boat(x: number, y: number, s: number, ink: string): string {
  return (
    `<path d="M${n(x - s)},${n(y)}q${n(s)},${n(s * 0.35)} ${n(s * 2)},0q${n(-s)},${n(s * 0.12)} ${n(-s * 2)},0z" fill="${ink}"/>` +
    `<path d="M${n(x + s * 0.2)},${n(y)}l${n(s * 0.05)},${n(-s * 0.45)}" stroke="${ink}" stroke-width="${n(s * 0.12)}"/>` +
    `<path d="M${n(x - s * 0.7)},${n(y + s * 0.15)}l${n(s * 2.4)},${n(-s * 1.1)}" stroke="${ink}" stroke-width="${n(s * 0.04)}"/>` +
    `<path d="M${n(x - s * 2.5)},${n(y + s * 0.35)}h${n(s * 1.4)}M${n(x + s * 1.3)},${n(y + s * 0.5)}h${n(s * 1.8)}" stroke="${ink}" stroke-width="${n(s * 0.06)}" opacity=".4"/>`
  );
}

export function inkPainting(ctx: ArtContext): ArtPiece {
  const { rng, id, width: W, height: H, medium } = ctx;
  const tone = paperTone(medium);
  const paper = paperBackground(ctx, tone);
  const coloured = medium.toLowerCase().includes("colour") || medium.toLowerCase().includes("color");
  const inkDark = pick(rng, ["#262421", "#2a2a2e", "#2d2823"]);
  const inkLight = mix(inkDark, tone, 0.72);
  const tint = pick(rng, ["#4f7a74", "#6a8a6a", "#5a6f8a"]);
  const layers = 4 + rng.int(3);
  const portrait = H >= W;
  const min = Math.min(W, H);

  let defs =
    paper.defs +
    roughFilter(`${id}r`, 0.035, Math.max(4, min * 0.008), ctx.seed) +
    roughFilter(`${id}s`, 0.08, 3, ctx.seed + 1);
  let body = paper.body;

  // A pale sun or moon behind the mountains, sometimes, away from the inscription.
  const left = chance(rng, 0.5);
  if (chance(rng, 0.55)) {
    const sunR = min * range(rng, 0.05, 0.09);
    const red = chance(rng, 0.5);
    body += `<circle cx="${n(W * (left ? range(rng, 0.45, 0.8) : range(rng, 0.2, 0.55)))}" cy="${n(H * range(rng, 0.12, 0.25))}" r="${n(sunR)}" fill="${red ? "#c8553d" : inkLight}" opacity="${red ? 0.55 : 0.35}"/>`;
  }

  let mountains = "";
  let strokes = "";
  let nearest: Pt[] = [];
  for (let i = 0; i < layers; i++) {
    const t = i / (layers - 1);
    const baseY = H * ((portrait ? 0.36 : 0.42) + 0.5 * t + range(rng, -0.03, 0.03));
    const peakHeight = H * (portrait ? 0.34 - 0.2 * t : 0.3 - 0.17 * t) * range(rng, 0.75, 1.1);
    const pad = W * 0.04;
    const points = ridge(rng, {
      width: W + 2 * pad,
      baseY,
      peakHeight,
      peaks: 2 + rng.int(4),
      sharpness: i < layers - 1 ? [0.05, 0.16] : [0.15, 0.35],
      rugged: 0.12 + 0.1 * (1 - t),
      samples: 56,
    }).map(([x, y]): Pt => [x - pad, y]);
    nearest = points;
    const top = ridgeTop(points);
    let ink = mix(inkLight, inkDark, Math.pow(t, 0.8));
    if (coloured && i < layers - 1) ink = mix(ink, tint, 0.45);
    const g = `${id}m${i}`;
    defs +=
      `<linearGradient id="${g}" gradientUnits="userSpaceOnUse" x1="0" y1="${n(top)}" x2="0" y2="${n(baseY + H * 0.06)}">` +
      `<stop offset="0" stop-color="${ink}" stop-opacity=".95"/><stop offset=".5" stop-color="${ink}" stop-opacity=".75"/>` +
      `<stop offset="1" stop-color="${ink}" stop-opacity="0"/></linearGradient>`;
    const outline = smoothPath(points);
    mountains += `<path d="${outline}V${H + pad}H${n(-pad)}Z" fill="url(#${g})"/>`;
    mountains += `<path d="${outline}" fill="none" stroke="url(#${g})" stroke-width="${n(1.5 + 2 * t)}"/>`;
    // Texture (cun) strokes falling from the ridge down the slopes.
    let d = "";
    const count = Math.round(10 + 22 * t);
    for (let k = 0; k < count; k++) {
      const x = range(rng, 0, W);
      const y = ridgeAt(points, x);
      if (y > baseY - peakHeight * 0.12) continue;
      const len = (baseY - y) * range(rng, 0.15, 0.45);
      const slope = Math.max(-len * 0.2, Math.min(len * 0.2, ridgeAt(points, x + 4) - ridgeAt(points, x - 4)));
      d += `M${n(x)},${n(y + 2)}q${n(slope * 1.5)},${n(len * 0.5)} ${n(slope * 2 + range(rng, -4, 4))},${n(len)}`;
    }
    if (d)
      strokes += `<path d="${d}" stroke="${mix(ink, inkDark, 0.6)}" stroke-width="${n(0.8 + 1.2 * t)}" fill="none" opacity="${n(0.25 + 0.3 * t)}" stroke-linecap="round"/>`;
  }
  body += `<g filter="url(#${id}r)">${mountains}</g><g filter="url(#${id}s)">${strokes}</g>`;

  // Pines on the nearest ridge.
  let trees = "";
  const groveX = W * range(rng, 0.1, 0.8);
  const treeCount = 2 + rng.int(5);
  for (let k = 0; k < treeCount; k++) {
    const x = groveX + range(rng, -0.08, 0.12) * W;
    const y = ridgeAt(nearest, x) + min * 0.01;
    trees += pine(rng, x, y, min * range(rng, 0.06, 0.11), inkDark);
  }
  body += `<g filter="url(#${id}s)" opacity=".9">${trees}</g>`;

  // A fisherman's boat on the misty water, or a few birds in the sky.
  if (chance(rng, 0.5)) {
    const bx = W * range(rng, 0.2, 0.8);
    body += boat(bx, H * range(rng, 0.8, 0.9), min * 0.025, inkDark);
  } else {
    let d = "";
    const bx = W * range(rng, 0.15, 0.7);
    const by = H * range(rng, 0.1, 0.3);
    for (let k = 0; k < 2 + rng.int(4); k++) {
      const s = min * range(rng, 0.008, 0.014);
      const x = bx + range(rng, 0, 0.15) * W;
      const y = by + range(rng, -0.04, 0.04) * H;
      d += `M${n(x - s)},${n(y - s * 0.4)}q${n(s * 0.6)},${n(-s * 0.2)} ${n(s)},${n(s * 0.4)}q${n(s * 0.4)},${n(-s * 0.6)} ${n(s)},${n(-s * 0.4)}`;
    }
    body += `<path d="${d}" stroke="${inkDark}" stroke-width="${n(min * 0.003)}" fill="none" opacity=".8"/>`;
  }

  // Inscription column and seal in an upper corner.
  const cell = min * 0.028;
  const ix = left ? W * 0.07 : W * 0.93 - cell;
  const col = inscription(rng, ix, H * 0.07, cell, 4 + rng.int(4), inkDark);
  body += col.svg;
  const seal = cell * 2;
  body += sealSvg(rng, ix - (seal - cell) / 2, col.bottom + cell * 0.6, seal);
  return { defs, body };
}
