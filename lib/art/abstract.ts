/**
 * Abstract: one of four modes — azulejo-like geometric tiles, a colour field of soft-edged
 * rectangles, gestural paint strokes, or woven kente-like stripe blocks. The title can steer the
 * mode ("Azulejo Grid", "Field of Ochre", "Single Stroke", "Kente Variation") and palette ("Red",
 * "Atlantic", "Warm"); otherwise the seed decides.
 */
import type { Rng } from "@/lib/random";
import { bezier, renderStroke } from "./calligraphy";
import { chance, grainFilter, mix, n, pick, range, roughFilter, type ArtContext, type ArtPiece, type Pt } from "./util";

type Palette = { name: string; ground: string; colors: string[] };

const PALETTES: Palette[] = [
  { name: "atlantic", ground: "#f1ede4", colors: ["#1d3557", "#457b9d", "#a8c8d8", "#e07a5f"] },
  { name: "ochre", ground: "#f4ead5", colors: ["#3d2c1e", "#c8892b", "#e9c46a", "#9c3d2e"] },
  { name: "red", ground: "#f2ede3", colors: ["#c1272d", "#1d3557", "#f4b400", "#151515"] },
  { name: "quiet", ground: "#e9e4d8", colors: ["#2f3e46", "#52796f", "#84a98c", "#cad2c5"] },
  { name: "warm", ground: "#ece2d0", colors: ["#6d2e46", "#cc7e4a", "#d5b9b2", "#a26769"] },
  { name: "low", ground: "#e6e2da", colors: ["#22223b", "#4a4e69", "#9a8c98", "#c9ada7"] },
];

type Mode = "tiles" | "field" | "gesture" | "stripes";

function chooseMode(rng: Rng, title: string): Mode {
  const t = title.toLowerCase();
  if (/azulejo|grid|tile|composition/.test(t)) return "tiles";
  if (/field|interval|ochre/.test(t)) return "field";
  if (/stroke|weather|tide|gesture/.test(t)) return "gesture";
  if (/kente|weave|textile/.test(t)) return "stripes";
  return pick(rng, ["tiles", "field", "gesture", "stripes"] as const);
}

function choosePalette(rng: Rng, title: string): Palette {
  const t = title.toLowerCase();
  return PALETTES.find((p) => t.includes(p.name)) ?? pick(rng, PALETTES);
}

/** One tile motif in a unit cell, rotated by quarter turns. */
function tile(
  rng: Rng,
  x: number,
  y: number,
  s: number,
  kind: number,
  rot: number,
  fg: string,
  accent: string,
): string {
  const c = `${n(x + s / 2)},${n(y + s / 2)}`;
  const g = `<g transform="rotate(${rot * 90} ${c})">`;
  const X = (u: number) => n(x + u * s);
  const Y = (v: number) => n(y + v * s);
  switch (kind) {
    case 0: // quarter circle from a corner
      return `${g}<path d="M${X(0)},${Y(0)}H${X(1)}A${n(s)},${n(s)} 0 0 1 ${X(0)},${Y(1)}Z" fill="${fg}"/></g>`;
    case 1: // half circle on an edge with a small dot
      return `${g}<path d="M${X(0)},${Y(1)}A${n(s / 2)},${n(s / 2)} 0 0 1 ${X(1)},${Y(1)}Z" fill="${fg}"/><circle cx="${X(0.5)}" cy="${Y(0.25)}" r="${n(s * 0.12)}" fill="${accent}"/></g>`;
    case 2: // triangle half
      return `${g}<path d="M${X(0)},${Y(0)}L${X(1)},${Y(0)}L${X(0)},${Y(1)}Z" fill="${fg}"/></g>`;
    case 3: // concentric rings
      return `<circle cx="${X(0.5)}" cy="${Y(0.5)}" r="${n(s * 0.4)}" fill="${fg}"/><circle cx="${X(0.5)}" cy="${Y(0.5)}" r="${n(s * 0.24)}" fill="${accent}"/><circle cx="${X(0.5)}" cy="${Y(0.5)}" r="${n(s * 0.1)}" fill="${fg}"/>`;
    case 4: // diamond
      return `<path d="M${X(0.5)},${Y(0.05)}L${X(0.95)},${Y(0.5)}L${X(0.5)},${Y(0.95)}L${X(0.05)},${Y(0.5)}Z" fill="${fg}"/><path d="M${X(0.5)},${Y(0.3)}L${X(0.7)},${Y(0.5)}L${X(0.5)},${Y(0.7)}L${X(0.3)},${Y(0.5)}Z" fill="${accent}"/>`;
    default: // stripes
      return `${g}<path d="M${X(0)},${Y(0.2)}H${X(1)}M${X(0)},${Y(0.5)}H${X(1)}M${X(0)},${Y(0.8)}H${X(1)}" stroke="${fg}" stroke-width="${n(s * 0.12)}"/></g>`;
  }
}

function tiles(rng: Rng, W: number, H: number, pal: Palette): string {
  // Tile size from the shorter side, but never so small that a long canvas needs more than ~70 tiles.
  const s = Math.max(Math.min(W, H) / (3 + rng.int(4)), Math.sqrt((W * H) / 70));
  const cols = Math.ceil(W / s);
  const rows = Math.ceil(H / s);
  const kinds = [rng.int(6), rng.int(6), rng.int(6)];
  const [c0, c1, c2, c3] = pal.colors as [string, string, string, string];
  const rule = rng.int(3);
  let out = `<rect width="${W}" height="${H}" fill="${pal.ground}"/>`;
  for (let r = 0; r < rows; r++) {
    for (let k = 0; k < cols; k++) {
      const x = k * s;
      const y = r * s;
      const kind = kinds[(r + k) % (rule === 2 ? 3 : 2)] as number;
      const rot = rule === 0 ? (r % 2) * 2 + (k % 2) : rule === 1 ? (r + k) % 4 : rng.int(4);
      const bg = (r + k) % 2 === 0 ? pal.ground : mix(pal.ground, c3, 0.35);
      out += `<rect x="${n(x)}" y="${n(y)}" width="${n(s)}" height="${n(s)}" fill="${bg}"/>`;
      out += tile(rng, x, y, s, kind, rot, (r * cols + k) % 5 === 0 ? c1 : c0, (r + k) % 3 === 0 ? c2 : c3);
    }
  }
  // Grout lines.
  let grout = "";
  for (let k = 1; k < cols; k++) grout += `M${n(k * s)},0V${H}`;
  for (let r = 1; r < rows; r++) grout += `M0,${n(r * s)}H${W}`;
  return out + `<path d="${grout}" stroke="${pal.ground}" stroke-width="${n(s * 0.03)}"/>`;
}

function field(rng: Rng, W: number, H: number, pal: Palette, id: string): string {
  const base = pick(rng, pal.colors);
  const ground = mix(base, "#000000", range(rng, 0, 0.25));
  const others = [...pal.colors.filter((c) => c !== base), pal.ground];
  const count = 2 + rng.int(2);
  const margin = W * range(rng, 0.08, 0.12);
  const gap = H * range(rng, 0.03, 0.06);
  const avail = H - 2 * margin - gap * (count - 1);
  const weights = Array.from({ length: count }, () => range(rng, 0.6, 1.6));
  const total = weights.reduce((a, b) => a + b, 0);
  let y = margin;
  let out = `<rect width="${W}" height="${H}" fill="${ground}"/>`;
  let blocks = "";
  for (const w of weights) {
    const h = (avail * w) / total;
    const color = mix(pick(rng, others), ground, range(rng, 0.05, 0.25));
    blocks += `<rect x="${n(margin)}" y="${n(y)}" width="${n(W - 2 * margin)}" height="${n(h)}" rx="${n(W * 0.01)}" fill="${color}" opacity=".92"/>`;
    y += h + gap;
  }
  out += `<g filter="url(#${id}soft)">${blocks}</g>`;
  return out;
}

function gesture(rng: Rng, W: number, H: number, pal: Palette, id: string): string {
  const min = Math.min(W, H);
  const ground = chance(rng, 0.5) ? pal.ground : mix(pal.ground, pick(rng, pal.colors), 0.18);
  let out = `<rect width="${W}" height="${H}" fill="${ground}"/>`;
  // A couple of scraped washes underneath.
  let washes = "";
  for (let i = 0; i < 1 + rng.int(2); i++) {
    const w = W * range(rng, 0.4, 0.8);
    const h = H * range(rng, 0.2, 0.45);
    washes += `<rect x="${n(range(rng, -0.1, 0.6) * W)}" y="${n(range(rng, 0, 0.7) * H)}" width="${n(w)}" height="${n(h)}" fill="${mix(pick(rng, pal.colors), ground, 0.55)}" opacity=".7"/>`;
  }
  out += `<g filter="url(#${id}soft)">${washes}</g>`;
  // Broad brush strokes sweeping across the canvas, with dry-brush streaks.
  let marks = "";
  const count = 3 + rng.int(3);
  for (let i = 0; i < count; i++) {
    const p0: Pt = [range(rng, -0.1, 0.4) * W, range(rng, 0.1, 0.9) * H];
    const p3: Pt = [range(rng, 0.6, 1.1) * W, range(rng, 0.1, 0.9) * H];
    const p1: Pt = [range(rng, 0, 1) * W, range(rng, 0, 1) * H];
    const p2: Pt = [range(rng, 0, 1) * W, range(rng, 0, 1) * H];
    const ink = pick(rng, pal.colors);
    const flip = chance(rng, 0.5);
    const r = renderStroke(
      rng,
      {
        path: bezier(flip ? p3 : p0, p1, p2, flip ? p0 : p3),
        width: min * range(rng, 0.06, 0.18),
        ending: pick(rng, ["pointed", "blunt", "flare"] as const),
        dry: range(rng, 0.3, 0.8),
        ink,
      },
      ground,
    );
    marks += `<g opacity="${n(range(rng, 0.8, 0.95))}">${r.ink}${r.dry}</g>`;
  }
  out += `<g filter="url(#${id}r)">${marks}</g>`;
  // A few splatters.
  let d = "";
  for (let i = 0; i < 14; i++) d += `M${n(range(rng, 0, W))},${n(range(rng, 0, H))}h.1`;
  return (
    out +
    `<path d="${d}" stroke="${pick(rng, pal.colors)}" stroke-width="${n(min * 0.01)}" stroke-linecap="round" opacity=".8"/>`
  );
}

function stripes(rng: Rng, W: number, H: number): string {
  const colors = ["#0b0b0b", "#f2b705", "#1f7a3a", "#c1121f", "#2a4d9b"];
  const bands = 5 + rng.int(4);
  const bh = H / bands;
  let out = `<rect width="${W}" height="${H}" fill="#f2b705"/>`;
  for (let b = 0; b < bands; b++) {
    const y = b * bh;
    if (b % 2 === 0) {
      // Warp stripes: thin vertical lines in two or three colours.
      const cs = [pick(rng, colors), pick(rng, colors), pick(rng, colors)];
      const sw = W / (20 + rng.int(20));
      let d = "";
      for (let x = 0; x < W; x += sw)
        d += `<rect x="${n(x)}" y="${n(y)}" width="${n(sw * 0.5)}" height="${n(bh)}" fill="${cs[Math.round(x / sw) % 3]}"/>`;
      out += `<rect y="${n(y)}" width="${W}" height="${n(bh)}" fill="${pick(rng, colors)}"/>${d}`;
    } else {
      // Blocks with a small motif.
      const blocks = 3 + rng.int(4);
      const bw = W / blocks;
      for (let k = 0; k < blocks; k++) {
        const c1 = pick(rng, colors);
        const c2 = pick(
          rng,
          colors.filter((c) => c !== c1),
        );
        const x = k * bw;
        out += `<rect x="${n(x)}" y="${n(y)}" width="${n(bw)}" height="${n(bh)}" fill="${c1}"/>`;
        out += `<path d="M${n(x + bw * 0.2)},${n(y + bh / 2)}L${n(x + bw / 2)},${n(y + bh * 0.15)}L${n(x + bw * 0.8)},${n(y + bh / 2)}L${n(x + bw / 2)},${n(y + bh * 0.85)}Z" fill="${c2}"/>`;
      }
    }
  }
  return out;
}

export function abstract(ctx: ArtContext): ArtPiece {
  const { rng, id, seed, width: W, height: H, title } = ctx;
  const mode = chooseMode(rng, title);
  const pal = choosePalette(rng, title);
  const defs =
    grainFilter(`${id}gr`, 0.7, seed, 0.06) +
    roughFilter(`${id}r`, 0.04, Math.max(2, Math.min(W, H) * 0.004), seed) +
    `<filter id="${id}soft" x="-10%" y="-10%" width="120%" height="120%"><feTurbulence type="fractalNoise" baseFrequency=".03" numOctaves="3" seed="${seed % 989}"/>` +
    `<feDisplacementMap in="SourceGraphic" scale="${n(Math.min(W, H) * 0.02)}" xChannelSelector="R" yChannelSelector="G"/><feGaussianBlur stdDeviation="${n(Math.min(W, H) * 0.007)}"/></filter>`;
  let art: string;
  if (mode === "tiles")
    art = `<rect width="${W}" height="${H}" fill="${pal.ground}"/><g filter="url(#${id}r)">${tiles(rng, W, H, pal)}</g>`;
  else if (mode === "field") art = field(rng, W, H, pal, id);
  else if (mode === "stripes")
    art = `<rect width="${W}" height="${H}" fill="#1f7a3a"/><g filter="url(#${id}r)">${stripes(rng, W, H)}</g>`;
  else art = gesture(rng, W, H, pal, id);
  // Canvas weave: the grain overlay, then a thin shadow at the edges.
  return { defs, body: `${art}<rect width="${W}" height="${H}" filter="url(#${id}gr)"/>` };
}
