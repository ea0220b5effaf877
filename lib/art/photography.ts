/**
 * Photography: a fine-art landscape print — gradient sky, soft clouds, hazy mountain layers, a
 * still-water reflection with ripples, film grain and a vignette. Silver and platinum media print
 * in monochrome.
 */
import type { Rng } from "@/lib/random";
import { ridge } from "./terrain";
import { chance, grainFilter, mix, n, pick, range, smoothPath, type ArtContext, type ArtPiece } from "./util";

type Palette = { sky: [string, string, string]; land: string; sun?: string; aurora?: boolean; snow?: boolean };

const PALETTES: Palette[] = [
  { sky: ["#15213d", "#4f6d9a", "#e3a98f"], land: "#121a2c" }, // blue hour
  { sky: ["#2b2452", "#b8546a", "#f7b267"], land: "#1d1526", sun: "#ffd9a0" }, // sunset
  { sky: ["#7f9bb8", "#c9d3da", "#efe6d8"], land: "#3e4a57", snow: true }, // misty morning
  { sky: ["#4d86c6", "#9cc3e4", "#e6eef2"], land: "#2d3f4f", sun: "#fffaf0", snow: true }, // clear northern day
  { sky: ["#050d1a", "#0b2a3a", "#1f5a5a"], land: "#04080f", aurora: true }, // aurora night
  { sky: ["#3a3f58", "#8c7a8f", "#f0c9a7"], land: "#24232f", sun: "#ffe6c4" }, // dusk over a fjord
];

function cloud(rng: Rng, W: number, y: number, color: string): string {
  const cx = range(rng, -0.1, 1.1) * W;
  const rx = W * range(rng, 0.15, 0.4);
  const ry = rx * range(rng, 0.05, 0.12);
  return `<ellipse cx="${n(cx)}" cy="${n(y)}" rx="${n(rx)}" ry="${n(ry)}" fill="${color}" opacity="${n(range(rng, 0.25, 0.6))}"/>`;
}

export function photography(ctx: ArtContext): ArtPiece {
  const { rng, id, seed, width: W, height: H, medium } = ctx;
  const m = medium.toLowerCase();
  const mono = m.includes("silver") || m.includes("platinum") || m.includes("gelatin");
  const warm = m.includes("platinum");
  const pal = pick(rng, PALETTES);
  const [top, middle, horizonColor] = pal.sky;
  const horizon = H * range(rng, 0.52, 0.66);
  const min = Math.min(W, H);

  let defs =
    `<linearGradient id="${id}sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${top}"/><stop offset=".6" stop-color="${middle}"/><stop offset="1" stop-color="${horizonColor}"/></linearGradient>` +
    `<linearGradient id="${id}wat" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${mix(horizonColor, middle, 0.3)}"/><stop offset=".5" stop-color="${mix(middle, top, 0.4)}"/><stop offset="1" stop-color="${mix(top, "#000000", 0.35)}"/></linearGradient>` +
    `<linearGradient id="${id}dk" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#000" stop-opacity=".05"/><stop offset="1" stop-color="#000" stop-opacity=".45"/></linearGradient>` +
    `<radialGradient id="${id}vig" cx=".5" cy=".5" r=".75"><stop offset=".6" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity=".5"/></radialGradient>` +
    `<filter id="${id}bl" x="-20%" y="-50%" width="140%" height="200%"><feGaussianBlur stdDeviation="${n(min * 0.02)}"/></filter>` +
    `<filter id="${id}rb" x="-5%" y="-5%" width="110%" height="110%"><feGaussianBlur stdDeviation="${n(min * 0.002)} ${n(min * 0.006)}"/></filter>` +
    grainFilter(`${id}gr`, 0.95, seed, 0.07) +
    // Rock and forest texture: the shape's colour modulated by fractal noise, clipped back to the shape.
    `<filter id="${id}tx" x="0" y="0" width="100%" height="100%" color-interpolation-filters="sRGB"><feTurbulence type="fractalNoise" baseFrequency="${(60 / min).toFixed(4)} ${(14 / min).toFixed(4)}" numOctaves="4" seed="${seed % 983}"/>` +
    `<feColorMatrix values="1 0 0 0 0  1 0 0 0 0  1 0 0 0 0  0 0 0 0 1"/><feComposite in="SourceGraphic" operator="arithmetic" k1=".7" k2=".75" k4="-.06"/><feComposite in2="SourceGraphic" operator="in"/></filter>`;
  if (mono) {
    defs += `<filter id="${id}mo" color-interpolation-filters="sRGB"><feColorMatrix type="saturate" values="0"/>`;
    defs += warm
      ? `<feColorMatrix values="1.05 0 0 0 .03  0 .97 0 0 .02  0 0 .85 0 0  0 0 0 1 0"/></filter>`
      : `<feComponentTransfer><feFuncR type="gamma" exponent="1.15"/><feFuncG type="gamma" exponent="1.15"/><feFuncB type="gamma" exponent="1.15"/></feComponentTransfer></filter>`;
  }

  // Sky, sun glow, aurora and clouds.
  let sky = `<rect width="${W}" height="${n(horizon + 2)}" fill="url(#${id}sky)"/>`;
  const sunX = W * range(rng, 0.25, 0.75);
  const sunY = horizon - H * range(rng, 0.04, 0.16);
  if (pal.sun) {
    defs += `<radialGradient id="${id}sun"><stop offset="0" stop-color="${pal.sun}"/><stop offset=".08" stop-color="${pal.sun}" stop-opacity=".95"/><stop offset=".3" stop-color="${pal.sun}" stop-opacity=".3"/><stop offset="1" stop-color="${pal.sun}" stop-opacity="0"/></radialGradient>`;
    sky += `<circle cx="${n(sunX)}" cy="${n(sunY)}" r="${n(min * 0.45)}" fill="url(#${id}sun)"/>`;
  }
  if (pal.aurora) {
    let d = "";
    const y0 = H * range(rng, 0.15, 0.3);
    for (let i = 0; i < 3; i++) {
      const yy = y0 + i * H * 0.05;
      d += `<path d="M${n(-W * 0.1)},${n(yy + H * 0.1)}C${n(W * 0.3)},${n(yy - H * range(rng, 0.05, 0.15))} ${n(W * 0.6)},${n(yy + H * range(rng, 0.05, 0.2))} ${n(W * 1.1)},${n(yy - H * 0.05)}" stroke="${pick(rng, ["#4fe0a0", "#3fc8b0", "#7cf0a8"])}" stroke-width="${n(H * range(rng, 0.03, 0.07))}" fill="none" opacity=".5"/>`;
    }
    sky += `<g filter="url(#${id}bl)">${d}</g>`;
    let stars = "";
    for (let i = 0; i < 90; i++) stars += `M${n(range(rng, 0, W))},${n(range(rng, 0, horizon * 0.85))}h.1`;
    sky += `<path d="${stars}" stroke="#fff" stroke-width="${n(min * 0.003)}" stroke-linecap="round" opacity=".7"/>`;
  }
  let clouds = "";
  const cloudColor = pal.sun ? mix(pal.sun, horizonColor, 0.3) : mix(middle, "#ffffff", 0.4);
  for (let i = 0; i < 3 + rng.int(5); i++) clouds += cloud(rng, W, range(rng, 0.08, 0.85) * horizon, cloudColor);
  if (!pal.aurora) sky += `<g filter="url(#${id}bl)">${clouds}</g>`;

  // Mountains: far layers hazy, near layers dark; sometimes a fjord (peaks on both sides).
  const fjord = chance(rng, 0.5);
  const layers = 2 + rng.int(3);
  let mountains = "";
  for (let i = 0; i < layers; i++) {
    const t = layers === 1 ? 1 : i / (layers - 1);
    const color = mix(mix(pal.land, mix(middle, horizonColor, 0.3), 0.6), pal.land, t);
    const points = ridge(rng, {
      width: W,
      baseY: horizon + 1,
      peakHeight: H * range(rng, 0.1, 0.27) * (fjord ? 1.3 - 0.3 * t : 1 - 0.4 * t),
      peaks: 2 + rng.int(3),
      sharpness: [0.06, 0.22],
      rugged: 0.2,
      samples: 64,
      shape: [0.9, 1.6],
      detail: 12,
    });
    if (fjord) {
      // Pull the middle down so the water runs into the distance between two walls.
      for (const p of points) {
        const c = Math.abs(p[0] / W - 0.5) * 2;
        p[1] = horizon + 1 - (horizon + 1 - p[1]) * Math.min(1, 0.2 + c * c * (1.2 - 0.4 * t));
      }
    }
    const g = `${id}l${i}`;
    const cap =
      pal.snow && i < layers - 1
        ? `<stop offset="0" stop-color="${mix(color, "#ffffff", 0.7)}"/><stop offset=".22" stop-color="${mix(color, "#ffffff", 0.25)}"/>`
        : "";
    defs += `<linearGradient id="${g}" x1="0" y1="0" x2="0" y2="1">${cap}<stop offset="${cap ? 0.4 : 0}" stop-color="${color}"/><stop offset="1" stop-color="${mix(color, horizonColor, 0.35)}"/></linearGradient>`;
    mountains += `<path d="${smoothPath(points)}V${n(horizon + 1)}H0Z" fill="url(#${g})"/>`;
  }
  // Human scale: old pier posts or a small boat, mirrored in the water with the mountains.
  const which = rng.next();
  let props = "";
  let mirrored = "";
  const ink = mix(pal.land, "#000000", 0.3);
  if (which < 0.35) {
    let posts = "";
    const x0 = W * range(rng, 0.1, 0.6);
    const count = 4 + rng.int(5);
    for (let i = 0; i < count; i++) {
      const x = x0 + i * W * 0.035 * (1 + i * 0.12);
      const base = horizon + (H - horizon) * (0.1 + i * 0.05);
      const h = H * (0.03 + i * 0.008);
      const w = n(min * (0.006 + i * 0.0012));
      posts += `<rect x="${n(x)}" y="${n(base - h)}" width="${w}" height="${n(h)}"/>`;
      mirrored += `<rect x="${n(x)}" y="${n(base)}" width="${w}" height="${n(h * 0.8)}"/>`;
    }
    props = `<g fill="${ink}" opacity=".45" filter="url(#${id}rb)">${mirrored}</g><g fill="${ink}">${posts}</g>`;
  } else if (which < 0.65) {
    const bx = W * range(rng, 0.2, 0.75);
    const by = horizon + (H - horizon) * range(rng, 0.12, 0.3);
    const s = min * 0.035;
    const hull = `<path d="M${n(bx - s)},${n(by - s * 0.25)}L${n(bx + s)},${n(by - s * 0.25)}L${n(bx + s * 0.7)},${n(by)}L${n(bx - s * 0.8)},${n(by)}ZM${n(bx - s * 0.15)},${n(by - s * 0.25)}l${n(s * 0.05)},${n(-s * 0.45)}l${n(s * 0.12)},0l${n(s * 0.03)},${n(s * 0.45)}Z" fill="${ink}"/>`;
    props = `<g opacity=".4" filter="url(#${id}rb)" transform="matrix(1 0 0 -1 0 ${n(2 * by)})">${hull}</g>${hull}`;
  }
  defs += `<g id="${id}mt" filter="url(#${id}tx)">${mountains}</g>`;

  // Water: mirrored sky tones, blurred reflection, darkening toward the viewer, ripples.
  let water = `<rect y="${n(horizon)}" width="${W}" height="${n(H - horizon)}" fill="url(#${id}wat)"/>`;
  water += `<g filter="url(#${id}rb)" opacity=".75"><use href="#${id}mt" transform="matrix(1 0 0 -1 0 ${n(2 * horizon)})"/></g>`;
  if (pal.sun) {
    let glitter = "";
    for (let i = 0; i < 40; i++) {
      const y = horizon + Math.pow(rng.next(), 1.6) * (H - horizon);
      const spread = (0.02 + 0.12 * ((y - horizon) / (H - horizon))) * W;
      const x = sunX + rng.normal() * spread * 0.5;
      glitter += `M${n(x)},${n(y)}h${n(range(rng, 0.01, 0.05) * W)}`;
    }
    water += `<path d="${glitter}" stroke="${pal.sun}" stroke-width="${n(min * 0.003)}" opacity=".55"/>`;
  }
  let ripples = "";
  for (let i = 0; i < 45; i++) {
    const f = Math.pow(rng.next(), 1.8);
    const y = horizon + 3 + f * (H - horizon);
    ripples += `M${n(range(rng, -0.1, 1) * W)},${n(y)}h${n(W * range(rng, 0.05, 0.3) * (0.3 + f))}`;
  }
  water += `<path d="${ripples}" stroke="${mix(horizonColor, "#ffffff", 0.3)}" stroke-width="${n(min * 0.0015)}" opacity=".35"/>`;
  water += `<rect y="${n(horizon)}" width="${W}" height="${n(H - horizon)}" fill="url(#${id}dk)"/>`;

  const picture = sky + `<use href="#${id}mt"/>` + water + props;
  let body = mono ? `<g filter="url(#${id}mo)">${picture}</g>` : picture;
  body += `<rect width="${W}" height="${H}" fill="url(#${id}vig)"/>`;
  body += `<rect width="${W}" height="${H}" filter="url(#${id}gr)"/>`;
  return { defs, body };
}
