/**
 * Calligraphy: a few bold brush strokes on paper — a cursive "character" built from stroke
 * templates, or a single ensō circle — with dry-brush streaks, ink bleed, an inscription and a seal.
 */
import type { Rng } from "@/lib/random";
import { inscription, paperBackground, paperTone } from "./ink";
import {
  chance,
  n,
  pick,
  pts,
  range,
  roughFilter,
  sealSvg,
  smoothPath,
  type ArtContext,
  type ArtPiece,
  type Pt,
} from "./util";

export type Ending = "pointed" | "blunt" | "flare";
export type Stroke = { path: (t: number) => Pt; width: number; ending: Ending; dry: number; ink: string };

export function bezier(p0: Pt, p1: Pt, p2: Pt, p3: Pt): (t: number) => Pt {
  return (t) => {
    const u = 1 - t;
    const a = u * u * u;
    const b = 3 * u * u * t;
    const c = 3 * u * t * t;
    const d = t * t * t;
    return [a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0], a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1]];
  };
}

/** Brush pressure along the stroke: a pressed head, a slowly thinning body and an ending. */
function profile(t: number, ending: Ending, wobble: number): number {
  const head = t < 0.1 ? 0.65 + 3.5 * t : 1;
  const body = 1 - 0.3 * t;
  let tail = 1;
  if (ending === "pointed") tail = t > 0.55 ? Math.max(0.04, 1 - Math.pow((t - 0.55) / 0.45, 1.4)) : 1;
  if (ending === "blunt") tail = t > 0.85 ? 1 + 1.5 * (t - 0.85) : 1;
  if (ending === "flare")
    tail = t > 0.6 ? (t < 0.9 ? 1 + 1.6 * (t - 0.6) : 1.48 * Math.max(0.05, 1 - (t - 0.9) / 0.1)) : 1;
  return head * body * tail * (1 + 0.1 * Math.sin(t * 11 + wobble));
}

/** The outline of a stroke as a closed path, plus dry-brush streaks drawn in paper colour over its tail. */
export function renderStroke(rng: Rng, s: Stroke, paper: string): { ink: string; dry: string } {
  const steps = 22;
  const left: Pt[] = [];
  const right: Pt[] = [];
  const centre: Pt[] = [];
  const normals: Pt[] = [];
  const widths: number[] = [];
  const wobble = range(rng, 0, 6);
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    const p = s.path(t);
    const a = s.path(Math.max(0, t - 0.01));
    const b = s.path(Math.min(1, t + 0.01));
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]) || 1;
    const nx = -(b[1] - a[1]) / len;
    const ny = (b[0] - a[0]) / len;
    const w = (s.width * profile(t, s.ending, wobble)) / 2;
    centre.push(p);
    normals.push([nx, ny]);
    widths.push(w);
    left.push([p[0] + nx * w, p[1] + ny * w]);
    right.push([p[0] - nx * w, p[1] - ny * w]);
  }
  const outline = smoothPath([...left, ...right.reverse()], true);
  let dry = "";
  if (s.dry > 0) {
    const streaks = 3 + rng.int(5);
    for (let k = 0; k < streaks; k++) {
      const off = range(rng, -0.75, 0.75);
      const from = Math.round(steps * range(rng, 1 - s.dry, 0.95));
      const line: Pt[] = [];
      for (let i = from; i <= steps; i++) {
        const p = centre[i] as Pt;
        const nn = normals[i] as Pt;
        const w = widths[i] as number;
        line.push([p[0] + nn[0] * w * off, p[1] + nn[1] * w * off]);
      }
      if (line.length > 1)
        dry += `<polyline points="${pts(line)}" stroke-width="${n(s.width * range(rng, 0.02, 0.07))}"/>`;
    }
    if (dry) dry = `<g fill="none" stroke="${paper}" stroke-linecap="round" opacity=".9">${dry}</g>`;
  }
  return { ink: `<path d="${outline}" fill="${s.ink}"/>`, dry };
}

/** Stroke templates in a unit box: [start, control 1, control 2, end] and how the stroke ends. */
const TEMPLATES: { pts: [Pt, Pt, Pt, Pt]; ending: Ending; w: number }[] = [
  {
    pts: [
      [0.08, 0.42],
      [0.35, 0.36],
      [0.65, 0.36],
      [0.92, 0.38],
    ],
    ending: "blunt",
    w: 1,
  }, // heng
  {
    pts: [
      [0.5, 0.08],
      [0.53, 0.35],
      [0.47, 0.65],
      [0.5, 0.95],
    ],
    ending: "pointed",
    w: 1.1,
  }, // shu
  {
    pts: [
      [0.62, 0.15],
      [0.58, 0.45],
      [0.4, 0.7],
      [0.08, 0.9],
    ],
    ending: "pointed",
    w: 1,
  }, // pie
  {
    pts: [
      [0.35, 0.3],
      [0.5, 0.5],
      [0.7, 0.75],
      [0.95, 0.85],
    ],
    ending: "flare",
    w: 0.9,
  }, // na
  {
    pts: [
      [0.2, 0.2],
      [0.9, 0.2],
      [0.1, 0.75],
      [0.85, 0.8],
    ],
    ending: "pointed",
    w: 0.8,
  }, // cursive sweep
  {
    pts: [
      [0.15, 0.6],
      [0.3, 0.1],
      [0.75, 0.05],
      [0.7, 0.55],
    ],
    ending: "pointed",
    w: 0.85,
  }, // arch
  {
    pts: [
      [0.8, 0.15],
      [0.2, 0.3],
      [0.9, 0.6],
      [0.2, 0.85],
    ],
    ending: "flare",
    w: 0.75,
  }, // zigzag
];

function jitterTemplate(
  rng: Rng,
  box: { x: number; y: number; s: number },
  tpl: (typeof TEMPLATES)[number],
): [Pt, Pt, Pt, Pt] {
  const j = (p: Pt): Pt => [
    box.x + (p[0] + range(rng, -0.12, 0.12)) * box.s,
    box.y + (p[1] + range(rng, -0.12, 0.12)) * box.s,
  ];
  return [j(tpl.pts[0]), j(tpl.pts[1]), j(tpl.pts[2]), j(tpl.pts[3])];
}

function characterStrokes(rng: Rng, box: { x: number; y: number; s: number }, ink: string, small = false): Stroke[] {
  const count = 3 + rng.int(small ? 3 : 4);
  const strokes: Stroke[] = [];
  for (let i = 0; i < count; i++) {
    const tpl = i === 0 ? pick(rng, TEMPLATES.slice(4)) : pick(rng, TEMPLATES);
    const [p0, p1, p2, p3] = jitterTemplate(rng, box, tpl);
    strokes.push({
      path: bezier(p0, p1, p2, p3),
      width: box.s * tpl.w * range(rng, 0.07, 0.13),
      ending: tpl.ending,
      dry: chance(rng, 0.7) ? range(rng, 0.3, 0.7) : 0,
      ink: chance(rng, 0.2) ? "#4a4642" : ink,
    });
  }
  // A dot or two, pressed and lifted.
  for (let i = 0; i < rng.int(3); i++) {
    const x = box.x + range(rng, 0.15, 0.85) * box.s;
    const y = box.y + range(rng, 0.1, 0.9) * box.s;
    const d = box.s * range(rng, 0.08, 0.12);
    strokes.push({
      path: bezier([x, y], [x + d * 0.2, y + d * 0.4], [x + d * 0.5, y + d * 0.8], [x + d * 0.3, y + d]),
      width: box.s * 0.08,
      ending: "pointed",
      dry: 0,
      ink,
    });
  }
  // Paler (wetter, diluted) strokes sit under the black ones.
  return strokes.sort((a, b) => Number(b.ink !== ink) - Number(a.ink !== ink));
}

function ensoStroke(rng: Rng, cx: number, cy: number, r: number, ink: string): Stroke {
  const start = range(rng, 0, Math.PI * 2);
  const sweep = Math.PI * range(rng, 1.6, 1.92);
  const squash = range(rng, 0.9, 1.08);
  return {
    path: (t) => {
      const a = start + sweep * t;
      const rr = r * (1 + 0.04 * Math.sin(t * 7));
      return [cx + Math.cos(a) * rr, cy + Math.sin(a) * rr * squash];
    },
    width: r * range(rng, 0.2, 0.3),
    ending: "pointed",
    dry: range(rng, 0.4, 0.7),
    ink,
  };
}

export function calligraphy(ctx: ArtContext): ArtPiece {
  const { rng, id, width: W, height: H, medium } = ctx;
  const tone = paperTone(medium);
  const paper = paperBackground(ctx, tone);
  const ink = pick(rng, ["#161412", "#1c1a1c", "#201a16"]);
  const min = Math.min(W, H);
  let defs =
    paper.defs +
    roughFilter(`${id}r`, 0.05, Math.max(3, min * 0.006), ctx.seed) +
    `<filter id="${id}b" x="-10%" y="-10%" width="120%" height="120%"><feGaussianBlur stdDeviation="${n(min * 0.006)}"/></filter>`;
  let body = paper.body;

  if (medium.toLowerCase().includes("gold")) {
    let flecks = "";
    for (let i = 0; i < 70; i++) {
      const x = range(rng, 0, W);
      const y = range(rng, 0, H);
      const s = range(rng, 2.5, 7) * (min / 800);
      flecks += `M${n(x)},${n(y)}l${n(s)},${n(s * 0.4)}l${n(-s * 0.5)},${n(s)}z`;
    }
    body += `<path d="${flecks}" fill="#c9a44c" opacity=".75"/>`;
  }

  const mode = chance(rng, 0.3) ? "enso" : H > W * 1.15 && chance(rng, 0.5) ? "column" : "character";
  let strokes: Stroke[] = [];
  if (mode === "enso") {
    strokes = [ensoStroke(rng, W * 0.5, H * 0.47, min * range(rng, 0.28, 0.34), ink)];
  } else if (mode === "column") {
    const s = Math.min(W * 0.55, H * 0.4);
    strokes = [
      ...characterStrokes(rng, { x: (W - s) / 2, y: H * 0.1, s }, ink, true),
      ...characterStrokes(rng, { x: (W - s) / 2 + s * 0.05, y: H * 0.1 + s * 1.1, s: s * 0.95 }, ink, true),
    ];
  } else {
    const s = min * range(rng, 0.62, 0.72);
    strokes = characterStrokes(rng, { x: (W - s) / 2, y: (H - s) / 2 - H * 0.03, s }, ink);
  }

  let inkMarks = "";
  let dryMarks = "";
  for (const s of strokes) {
    const r = renderStroke(rng, s, tone);
    inkMarks += r.ink;
    dryMarks += r.dry;
  }
  defs += `<g id="${id}k">${inkMarks}</g>`;
  body += `<use href="#${id}k" filter="url(#${id}b)" opacity=".35"/>`;
  body += `<g filter="url(#${id}r)"><use href="#${id}k" opacity=".93"/>${dryMarks}</g>`;

  // Signature column and seal in the lower corner.
  const cell = min * 0.026;
  const left = chance(rng, 0.5);
  const ix = left ? W * 0.08 : W * 0.92 - cell;
  const chars = 3 + rng.int(3);
  const col = inscription(rng, ix, H * 0.92 - chars * cell * 1.15 - cell * 2.8, cell, chars, ink);
  body += col.svg;
  const seal = cell * 2;
  body += sealSvg(rng, ix - (seal - cell) / 2, col.bottom + cell * 0.5, seal);
  if (chance(rng, 0.5)) {
    const s2 = cell * 2.4;
    body += sealSvg(rng, left ? W * 0.9 - s2 : W * 0.1, H * 0.08, s2);
  }
  return { defs, body };
}
