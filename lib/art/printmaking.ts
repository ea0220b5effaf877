/**
 * Printmaking: a woodblock-style night city — flat colour blocks in a limited palette, graded
 * (bokashi) sky, moon, three rows of rooftops with lit windows, a string of lanterns, key-block
 * outlines, optional rain, wood-grain texture, a title cartouche and a paper margin.
 */
import type { Rng } from "@/lib/random";
import { inscription } from "./ink";
import { chance, mix, n, pick, range, type ArtContext, type ArtPiece } from "./util";

type Palette = {
  top: string;
  sky: string;
  far: string;
  wall: string;
  wall2: string;
  roof: string;
  lit: string;
  lantern: string;
  moon: string;
  key: string;
  paper: string;
};

const PALETTES: Palette[] = [
  {
    top: "#0e1630",
    sky: "#22345c",
    far: "#34497a",
    wall: "#4a6390",
    wall2: "#7a5a48",
    roof: "#151c31",
    lit: "#f2c14e",
    lantern: "#d1432f",
    moon: "#f3e6c4",
    key: "#0c1120",
    paper: "#efe4cc",
  },
  {
    top: "#0f1e26",
    sky: "#24414d",
    far: "#3b5a66",
    wall: "#6b3f4f",
    wall2: "#41606a",
    roof: "#182126",
    lit: "#f4d58d",
    lantern: "#e4572e",
    moon: "#f1e3c8",
    key: "#0b1216",
    paper: "#ede2c9",
  },
  {
    top: "#150b26",
    sky: "#2c1a4a",
    far: "#4a2c6b",
    wall: "#1f5f73",
    wall2: "#6c3a5c",
    roof: "#120a1f",
    lit: "#ffd166",
    lantern: "#ff4f79",
    moon: "#ffe7b3",
    key: "#0d0716",
    paper: "#f0e6d2",
  },
  {
    top: "#1b1410",
    sky: "#3a2c25",
    far: "#5a4334",
    wall: "#2f4a5a",
    wall2: "#8a4b34",
    roof: "#15100d",
    lit: "#f6c25b",
    lantern: "#c7362b",
    moon: "#f5e2b8",
    key: "#0f0b08",
    paper: "#eee2c6",
  },
];

type Ctx = { rng: Rng; pal: Palette; stroke: number; id: string };

/** A roof with concave slopes and upturned eaves over a wall [x, x+w] whose top is at y. */
function gableRoof(c: Ctx, x: number, w: number, y: number, rh: number, fill: string): string {
  const ov = w * 0.12;
  const tipY = y - rh * 0.14;
  const d =
    `M${n(x - ov)},${n(tipY)}Q${n(x + w * 0.1)},${n(y - rh * 0.22)} ${n(x + w * 0.22)},${n(y - rh)}` +
    `L${n(x + w * 0.78)},${n(y - rh)}Q${n(x + w * 0.9)},${n(y - rh * 0.22)} ${n(x + w + ov)},${n(tipY)}` +
    `L${n(x + w + ov * 0.5)},${n(y + rh * 0.06)}L${n(x - ov * 0.5)},${n(y + rh * 0.06)}Z`;
  // Tile rows: vertical lines on the roof face.
  let tiles = "";
  const rows = Math.max(3, Math.round(w / (rh * 0.35)));
  for (let i = 1; i < rows; i++) {
    const tx = x + (w * i) / rows;
    tiles += `M${n(tx)},${n(y - rh * 0.92)}V${n(y + rh * 0.02)}`;
  }
  return (
    `<path d="${d}" fill="${fill}" stroke="${c.pal.key}" stroke-width="${n(c.stroke)}" stroke-linejoin="round"/>` +
    `<path d="${tiles}" stroke="${c.pal.key}" stroke-width="${n(c.stroke * 0.5)}" opacity=".6"/>` +
    `<path d="M${n(x + w * 0.22)},${n(y - rh * 1.08)}L${n(x + w * 0.78)},${n(y - rh * 1.08)}" stroke="${c.pal.key}" stroke-width="${n(rh * 0.16)}" stroke-linecap="round"/>`
  );
}

function windows(c: Ctx, x: number, y: number, w: number, h: number, lattice: boolean): string {
  const cols = Math.min(6, Math.max(1, Math.round(w / (h * 0.45))));
  const rows = Math.min(3, Math.max(1, Math.round(h / (w / cols) / 1.3)));
  const cw = w / cols;
  const ch = h / rows;
  let lit = "";
  let dark = "";
  let lines = "";
  for (let r = 0; r < rows; r++) {
    for (let k = 0; k < cols; k++) {
      const wx = x + k * cw + cw * 0.18;
      const wy = y + r * ch + ch * 0.18;
      const ww = cw * 0.64;
      const wh = ch * 0.6;
      const rect = `M${n(wx)},${n(wy)}h${n(ww)}v${n(wh)}h${n(-ww)}z`;
      if (chance(c.rng, 0.6)) {
        lit += rect;
        if (lattice) lines += `M${n(wx + ww / 2)},${n(wy)}v${n(wh)}M${n(wx)},${n(wy + wh / 2)}h${n(ww)}`;
      } else dark += rect;
    }
  }
  return (
    (lit ? `<path d="${lit}" fill="${c.pal.lit}"/>` : "") +
    (dark ? `<path d="${dark}" fill="${c.pal.key}" opacity=".55"/>` : "") +
    (lines ? `<path d="${lines}" stroke="${c.pal.key}" stroke-width="${n(c.stroke * 0.6)}"/>` : "")
  );
}

/** A paper lantern drawn once at unit size (top of the cord at 0,0); placed with <use>. */
function lanternDef(c: Ctx): string {
  const k = c.pal.key;
  return (
    `<g id="${c.id}L"><path d="M0,-.8v.3" stroke="${k}" stroke-width=".05"/>` +
    `<ellipse cy=".35" rx=".42" ry=".62" fill="${c.pal.lantern}" stroke="${k}" stroke-width=".06"/>` +
    `<rect x="-.25" y="-.32" width=".5" height=".12" fill="${k}"/><rect x="-.25" y=".9" width=".5" height=".12" fill="${k}"/>` +
    `<ellipse cx="-.1" cy=".25" rx=".1" ry=".35" fill="${c.pal.lit}" opacity=".55"/></g>`
  );
}

function lantern(c: Ctx, x: number, y: number, s: number): string {
  return `<use href="#${c.id}L" transform="translate(${n(x)} ${n(y)}) scale(${n(s)})"/>`;
}

/** One row of buildings standing on `base`, each wall `h` tall on average. */
function row(
  c: Ctx,
  W: number,
  base: number,
  h: number,
  widthRange: [number, number],
  detail: number,
  wallColor: () => string,
): string {
  let out = "";
  let x = -range(c.rng, 0, widthRange[1] * W * 0.5);
  while (x < W) {
    const w = range(c.rng, widthRange[0], widthRange[1]) * W;
    const wh = h * range(c.rng, 0.7, 1.3);
    const top = base - wh;
    const rh = Math.min(w * 0.35, wh * range(c.rng, 0.35, 0.6));
    const fill = wallColor();
    out += `<rect x="${n(x)}" y="${n(top)}" width="${n(w)}" height="${n(wh + 4)}" fill="${fill}" stroke="${c.pal.key}" stroke-width="${n(c.stroke)}"/>`;
    if (detail > 0)
      out += windows(c, x + w * 0.08, top + wh * 0.12, w * 0.84, wh * (detail > 1 ? 0.5 : 0.7), detail > 1);
    if (detail > 1 && chance(c.rng, 0.6)) {
      // A shop front with a noren curtain.
      const dx = x + w * range(c.rng, 0.15, 0.4);
      const dw = w * 0.4;
      const dy = top + wh * 0.68;
      out += `<rect x="${n(dx)}" y="${n(dy)}" width="${n(dw)}" height="${n(base - dy)}" fill="${c.pal.lit}" stroke="${c.pal.key}" stroke-width="${n(c.stroke)}"/>`;
      out += `<path d="M${n(dx)},${n(dy)}h${n(dw)}v${n(wh * 0.12)}h${n(-dw)}z" fill="${c.pal.lantern}"/>`;
      out += `<path d="M${n(dx + dw / 3)},${n(dy)}v${n(wh * 0.12)}M${n(dx + (2 * dw) / 3)},${n(dy)}v${n(wh * 0.12)}" stroke="${c.pal.key}" stroke-width="${n(c.stroke * 0.8)}"/>`;
    }
    if (chance(c.rng, detail > 0 ? 0.75 : 0.55)) {
      out += gableRoof(c, x, w, top, rh, c.pal.roof);
      if (detail > 1 && chance(c.rng, 0.7)) {
        out += lantern(c, x - w * 0.05, top + rh * 0.3, rh * 0.6);
        out += lantern(c, x + w * 1.05, top + rh * 0.3, rh * 0.6);
      }
    } else {
      out += `<rect x="${n(x - w * 0.03)}" y="${n(top - rh * 0.2)}" width="${n(w * 1.06)}" height="${n(rh * 0.2)}" fill="${c.pal.roof}" stroke="${c.pal.key}" stroke-width="${n(c.stroke)}"/>`;
    }
    x += w * range(c.rng, 0.95, 1.25);
  }
  return out;
}

function pagoda(c: Ctx, x: number, base: number, w: number, tiers: number): string {
  let out = "";
  let y = base;
  for (let i = 0; i < tiers; i++) {
    const tw = w * (1 - i * 0.12);
    const th = w * 0.35;
    out += `<rect x="${n(x - tw * 0.35)}" y="${n(y - th)}" width="${n(tw * 0.7)}" height="${n(th)}" fill="${c.pal.far}" stroke="${c.pal.key}" stroke-width="${n(c.stroke * 0.8)}"/>`;
    out += gableRoof(c, x - tw * 0.4, tw * 0.8, y - th, th * 0.45, c.pal.roof);
    y -= th + th * 0.45;
  }
  return out + `<path d="M${n(x)},${n(y)}v${n(-w * 0.5)}" stroke="${c.pal.key}" stroke-width="${n(c.stroke * 1.5)}"/>`;
}

export function printmaking(ctx: ArtContext): ArtPiece {
  const { rng, id, seed, width: W, height: H } = ctx;
  const base = pick(rng, PALETTES);
  // Roof tiles a shade lighter than the key block, so the tile rows read.
  const pal = { ...base, roof: mix(base.roof, base.far, 0.45) };
  const min = Math.min(W, H);
  const c: Ctx = { rng, pal, stroke: Math.max(1.2, min * 0.0028), id };
  const margin = min * 0.045;
  const rain = chance(rng, 0.35);

  const defs =
    lanternDef(c) +
    `<clipPath id="${id}c"><rect x="${n(margin)}" y="${n(margin)}" width="${n(W - 2 * margin)}" height="${n(H - 2 * margin)}"/></clipPath>` +
    `<linearGradient id="${id}s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${pal.top}"/><stop offset=".28" stop-color="${pal.top}"/><stop offset=".42" stop-color="${pal.sky}"/></linearGradient>` +
    `<filter id="${id}w" x="0" y="0" width="100%" height="100%"><feTurbulence type="fractalNoise" baseFrequency="${(2 / min).toFixed(4)} ${(160 / min).toFixed(4)}" numOctaves="3" seed="${seed % 971}"/>` +
    `<feColorMatrix values="0 0 0 0 .1  0 0 0 0 .08  0 0 0 0 .06  0 0 -2.2 0 1.3"/></filter>`;

  let art = `<rect width="${W}" height="${H}" fill="url(#${id}s)"/>`;
  // Moon with a banded cloud, and a few stars if it is not raining.
  const moonX = W * range(rng, 0.2, 0.8);
  const moonY = H * range(rng, 0.12, 0.24);
  const moonR = min * range(rng, 0.07, 0.11);
  art += `<circle cx="${n(moonX)}" cy="${n(moonY)}" r="${n(moonR)}" fill="${pal.moon}" stroke="${pal.key}" stroke-width="${n(c.stroke)}"/>`;
  const cloudY = moonY + moonR * range(rng, -0.2, 0.6);
  const cw = W * range(rng, 0.35, 0.6);
  const cx = moonX - cw * range(rng, 0.3, 0.7);
  art += `<rect x="${n(cx)}" y="${n(cloudY)}" width="${n(cw)}" height="${n(moonR * 0.35)}" rx="${n(moonR * 0.17)}" fill="${pal.far}" stroke="${pal.key}" stroke-width="${n(c.stroke * 0.8)}"/>`;
  art += `<rect x="${n(cx + cw * 0.2)}" y="${n(cloudY + moonR * 0.5)}" width="${n(cw * 0.7)}" height="${n(moonR * 0.3)}" rx="${n(moonR * 0.15)}" fill="${pal.far}" stroke="${pal.key}" stroke-width="${n(c.stroke * 0.8)}"/>`;
  if (!rain) {
    let stars = "";
    for (let i = 0; i < 25; i++) stars += `M${n(range(rng, 0, W))},${n(range(rng, 0, H * 0.35))}h.1`;
    art += `<path d="${stars}" stroke="${pal.moon}" stroke-width="${n(c.stroke * 1.6)}" stroke-linecap="round" opacity=".8"/>`;
  }

  // Three rows of rooftops, far to near, the far row with a pagoda.
  const farBase = H * range(rng, 0.5, 0.58);
  if (chance(rng, 0.6))
    art += pagoda(c, W * range(rng, 0.15, 0.85), farBase, min * range(rng, 0.09, 0.13), 3 + rng.int(3));
  art += row(c, W, farBase, H * 0.08, [0.07, 0.14], 0, () => pal.far);
  art += row(c, W, H * range(rng, 0.7, 0.76), H * 0.13, [0.12, 0.22], 1, () =>
    chance(rng, 0.5) ? pal.wall : pal.wall2,
  );

  // Lanterns strung across the street between the middle and front rows.
  const ly = H * range(rng, 0.5, 0.62);
  const sag = H * range(rng, 0.04, 0.09);
  let string = `<path d="M0,${n(ly)}Q${n(W / 2)},${n(ly + 2 * sag)} ${W},${n(ly - H * 0.02)}" stroke="${pal.key}" stroke-width="${n(c.stroke)}" fill="none"/>`;
  const count = 5 + rng.int(5);
  for (let i = 1; i <= count; i++) {
    const t = i / (count + 1);
    const y = (1 - t) * (1 - t) * ly + 2 * t * (1 - t) * (ly + 2 * sag) + t * t * (ly - H * 0.02);
    string += lantern(c, t * W, y + min * 0.02, min * 0.035);
  }
  art += string;
  art += row(c, W, H - margin + 1, H * 0.2, [0.22, 0.36], 2, () => (chance(rng, 0.5) ? pal.wall2 : pal.wall));

  if (rain) {
    let d = "";
    for (let i = 0; i < 140; i++)
      d += `M${n(range(rng, -0.1, 1.05) * W)},${n(range(rng, 0, 1) * H)}l${n(-min * 0.012)},${n(min * 0.05)}`;
    art += `<path d="${d}" stroke="${pal.moon}" stroke-width="${n(c.stroke * 0.5)}" opacity=".45"/>`;
  }
  art += `<rect width="${W}" height="${H}" filter="url(#${id}w)" opacity=".28"/>`;

  // Title cartouche in an upper corner, as on ukiyo-e prints.
  const cell = min * 0.022;
  const left = moonX > W / 2;
  const bx = left ? margin + min * 0.03 : W - margin - min * 0.03 - cell * 2;
  const title = inscription(rng, bx + cell * 0.55, margin + min * 0.03 + cell * 0.6, cell, 5, pal.key);
  art += `<rect x="${n(bx)}" y="${n(margin + min * 0.03)}" width="${n(cell * 2)}" height="${n(title.bottom - margin - min * 0.03 + cell * 0.3)}" fill="${pal.moon}" stroke="${pal.key}" stroke-width="${n(c.stroke)}"/>${title.svg}`;

  const body =
    `<rect width="${W}" height="${H}" fill="${pal.paper}"/><g clip-path="url(#${id}c)">${art}</g>` +
    `<rect x="${n(margin)}" y="${n(margin)}" width="${n(W - 2 * margin)}" height="${n(H - 2 * margin)}" fill="none" stroke="${pal.key}" stroke-width="${n(c.stroke * 1.2)}"/>`;
  return { defs, body };
}
