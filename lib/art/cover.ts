/**
 * Course covers (1200x675): a topic-coloured gradient, a faint pattern tied to the topic on the
 * right, the topic label, a level badge and the title in large type over up to three lines.
 */
import { createRng, type Rng } from "@/lib/random";
import { fitLines, textWidth } from "./text";
import { escapeXml, hashString, hsl, idPrefix, mix, n, range, svgDoc } from "./util";

export const COVER_WIDTH = 1200;
export const COVER_HEIGHT = 675;
const W = COVER_WIDTH;
const H = COVER_HEIGHT;
const FONT = `'Inter','Helvetica Neue',Helvetica,Arial,'Noto Sans CJK SC','PingFang SC','Hiragino Sans','Microsoft YaHei',sans-serif`;

/** A faint topic pattern on the right of the cover; `id` prefixes any ids it defines. */
type Pattern = (rng: Rng, ink: string, accent: string, id: string) => string;
type TopicStyle = { label: string; from: string; to: string; accent: string; pattern: Pattern };

const sw = (w: number) => `fill="none" stroke-width="${w}"`;

const arches: Pattern = (rng, ink) => {
  let d = "";
  const w = range(rng, 90, 130);
  for (let x = 560; x < W + w; x += w)
    d += `M${n(x)},${H}V${n(H * 0.5)}a${n(w * 0.4)},${n(w * 0.4)} 0 0 1 ${n(w * 0.8)},0V${H}`;
  return `<path d="${d}" stroke="${ink}" ${sw(3)}/><path d="M540,${n(H * 0.5 - w * 0.55)}H${W}" stroke="${ink}" ${sw(3)}/>`;
};

const ridges: Pattern = (rng, ink) => {
  let out = "";
  for (let i = 0; i < 5; i++) {
    const base = 140 + i * 95;
    let d = `M520,${base}`;
    for (let x = 520; x <= W; x += 40)
      d += `L${x},${n(base - Math.abs(Math.sin(x / range(rng, 60, 110) + i)) * range(rng, 30, 90))}`;
    out += `<path d="${d}" stroke="${ink}" ${sw(2 + i)} opacity="${n(0.5 + i * 0.1)}"/>`;
  }
  return out;
};

const riceGrid: Pattern = (rng, ink, accent) => {
  let out = "";
  const s = 150;
  for (let gx = 0; gx < 3; gx++)
    for (let gy = 0; gy < 4; gy++) {
      const x = 700 + gx * (s + 14);
      const y = 40 + gy * (s + 14) - (gx % 2) * 60;
      out += `<rect x="${x}" y="${y}" width="${s}" height="${s}" stroke="${ink}" ${sw(2)}/><path d="M${x},${y}l${s},${s}M${x + s},${y}l${-s},${s}M${x + s / 2},${y}v${s}M${x},${y + s / 2}h${s}" stroke="${ink}" ${sw(1)} stroke-dasharray="6 6"/>`;
    }
  return (
    out +
    `<rect x="${n(range(rng, 1000, 1080))}" y="${n(range(rng, 420, 520))}" width="56" height="56" fill="${accent}" opacity=".8"/>`
  );
};

const aperture: Pattern = (rng, ink) => {
  const cx = range(rng, 880, 980);
  const cy = range(rng, 260, 360);
  let out = "";
  for (let r = 60; r < 420; r += 55) out += `<circle cx="${n(cx)}" cy="${n(cy)}" r="${r}" stroke="${ink}" ${sw(2)}/>`;
  let d = "";
  for (let k = 0; k < 6; k++) {
    const a = (k * Math.PI) / 3 + 0.3;
    d += `M${n(cx + Math.cos(a) * 60)},${n(cy + Math.sin(a) * 60)}L${n(cx + Math.cos(a + 1.2) * 170)},${n(cy + Math.sin(a + 1.2) * 170)}`;
  }
  return out + `<path d="${d}" stroke="${ink}" ${sw(3)}/>`;
};

const frames: Pattern = (rng, ink, accent) => {
  let out = "";
  for (let i = 0; i < 4; i++) {
    const w = range(rng, 140, 240);
    const h = w * range(rng, 0.75, 1.35);
    const x = 620 + i * 140 + range(rng, -20, 20);
    const y = range(rng, 50, 360);
    out += `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" stroke="${ink}" ${sw(8)}/><rect x="${n(x + 22)}" y="${n(y + 22)}" width="${n(w - 44)}" height="${n(h - 44)}" stroke="${ink}" ${sw(2)}/>`;
  }
  return out + `<circle cx="${n(range(rng, 700, 1100))}" cy="${n(range(rng, 80, 200))}" r="14" fill="${accent}"/>`;
};

const chart: Pattern = (rng, ink, accent) => {
  let bars = "";
  let line = "";
  let v = range(rng, 0.2, 0.3);
  for (let i = 0; i < 9; i++) {
    v = Math.min(0.95, v + range(rng, -0.05, 0.14));
    const x = 620 + i * 62;
    const h = v * 520;
    bars += `<rect x="${x}" y="${n(H - 40 - h)}" width="40" height="${n(h)}" fill="${ink}"/>`;
    line += `${i ? "L" : "M"}${x + 20},${n(H - 80 - h)}`;
  }
  return `<g opacity=".6">${bars}</g><path d="${line}" stroke="${accent}" ${sw(5)} stroke-linejoin="round"/>`;
};

const stairs: Pattern = (rng, ink, accent) => {
  let d = `M560,${H - 40}`;
  const step = range(rng, 70, 95);
  for (let i = 0; i < 8; i++) d += `h${n(step)}v${n(-step * 0.75)}`;
  const pts = Array.from(
    { length: 7 },
    (_, i) => `${n(600 + i * 95)},${n(H - 110 - i * 62 + range(rng, -12, 12))}`,
  ).join(" ");
  return `<path d="${d}" stroke="${ink}" ${sw(6)}/><polyline points="${pts}" stroke="${accent}" ${sw(4)} stroke-dasharray="2 14" stroke-linecap="round"/>`;
};

const bauhaus: Pattern = (rng, ink, accent) => {
  let out = "";
  for (let gx = 0; gx < 4; gx++)
    for (let gy = 0; gy < 4; gy++) {
      const x = 640 + gx * 140;
      const y = 30 + gy * 160;
      const k = (gx + gy + Math.floor(range(rng, 0, 3))) % 3;
      if (k === 0) out += `<circle cx="${x + 60}" cy="${y + 60}" r="52" stroke="${ink}" ${sw(3)}/>`;
      else if (k === 1)
        out += `<path d="M${x},${y + 120}L${x + 60},${y}L${x + 120},${y + 120}Z" stroke="${ink}" ${sw(3)}/>`;
      else out += `<rect x="${x + 10}" y="${y + 10}" width="100" height="100" stroke="${ink}" ${sw(3)}/>`;
    }
  return (
    out +
    `<circle cx="${n(range(rng, 760, 1060))}" cy="${n(range(rng, 120, 480))}" r="60" fill="${accent}" opacity=".7"/>`
  );
};

const halftone: Pattern = (rng, ink, _accent, prefix) => {
  // A dot screen faded out from a centre by a radial mask: the look of a halftone, in a few hundred bytes.
  const cx = n(range(rng, 0.65, 0.85));
  const cy = n(range(rng, 0.3, 0.7));
  const id = `${prefix}h`;
  return (
    `<defs><pattern id="${id}p" width="26" height="26" patternUnits="userSpaceOnUse" patternTransform="rotate(20)"><circle cx="13" cy="13" r="8" fill="${ink}"/></pattern>` +
    `<radialGradient id="${id}r" cx="${cx}" cy="${cy}" r=".45"><stop offset="0" stop-color="#fff"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient>` +
    `<mask id="${id}m"><rect width="${W}" height="${H}" fill="url(#${id}r)"/></mask></defs>` +
    `<rect x="520" width="${W - 520}" height="${H}" fill="url(#${id}p)" mask="url(#${id}m)"/>` +
    `<path d="M560,${n(H * 0.2)}C800,${n(H * 0.1)} 900,${n(H * 0.4)} ${W},${n(H * 0.3)}M560,${n(H * 0.75)}C760,${n(H * 0.62)} 980,${n(H * 0.9)} ${W},${n(H * 0.7)}" stroke="${ink}" fill="none" stroke-width="3"/>`
  );
};

const blobs: Pattern = (rng, ink, accent) => {
  let out = "";
  for (let i = 0; i < 5; i++) {
    const c = i === 0 ? accent : ink;
    out += `<circle cx="${n(range(rng, 680, 1150))}" cy="${n(range(rng, 60, 620))}" r="${n(range(rng, 60, 190))}" fill="${c}" opacity="${i === 0 ? 0.55 : 0.35}"/>`;
  }
  return out;
};

const STYLES: Record<string, TopicStyle> = {
  "art-history": { label: "Art history", from: "#4a1c2a", to: "#9c3f37", accent: "#e9c46a", pattern: arches },
  "ink-painting": { label: "Ink painting", from: "#1c2529", to: "#4d5e60", accent: "#d1432f", pattern: ridges },
  calligraphy: { label: "Calligraphy", from: "#2a1c13", to: "#6e4229", accent: "#d1432f", pattern: riceGrid },
  photography: { label: "Photography", from: "#111c33", to: "#2c5a86", accent: "#fca311", pattern: aperture },
  collecting: { label: "Collecting", from: "#272343", to: "#5f4682", accent: "#f2cc8f", pattern: frames },
  "personal-finance": { label: "Personal finance", from: "#0a3328", to: "#1d7052", accent: "#f4d35e", pattern: chart },
  career: { label: "Creative careers", from: "#2e2550", to: "#276688", accent: "#ffb703", pattern: stairs },
  design: { label: "Design", from: "#25263b", to: "#7e3566", accent: "#ffd166", pattern: bauhaus },
  printmaking: { label: "Printmaking", from: "#0f2740", to: "#6e2b2b", accent: "#f0b429", pattern: halftone },
  abstract: { label: "Abstract art", from: "#33195c", to: "#a3174f", accent: "#ffd166", pattern: blobs },
};

function styleFor(topic: string): TopicStyle {
  const known = STYLES[topic];
  if (known) return known;
  const hue = hashString(topic) % 360;
  const label = topic.replace(/[-_]+/g, " ").replace(/^\w/, (c) => c.toUpperCase()) || "Course";
  return {
    label,
    from: hsl(hue, 0.45, 0.16),
    to: hsl(hue + 30, 0.45, 0.34),
    accent: hsl(hue + 180, 0.8, 0.65),
    pattern: blobs,
  };
}

const LEVELS: Record<string, number> = { beginner: 1, intermediate: 2, advanced: 3 };

// A Chinese cover says its topic and level in Chinese too (the same names as the tag catalogue's topics).
const TOPIC_LABELS_ZH: Record<string, string> = {
  "art-history": "艺术史",
  "ink-painting": "水墨画",
  calligraphy: "书法",
  photography: "摄影",
  collecting: "收藏",
  "personal-finance": "个人理财",
  career: "创意职业",
  design: "设计",
  printmaking: "版画",
  abstract: "抽象艺术",
};
const LEVELS_ZH: Record<string, string> = { beginner: "入门", intermediate: "进阶", advanced: "高阶" };

export type CourseCoverOptions = {
  seed: number;
  title: string;
  topic: string;
  level: string;
  /** The language of the labels; the title is passed in the wanted language already. */
  lang?: "en" | "zh";
};

export function courseCoverSvg({ seed, title, topic, level, lang = "en" }: CourseCoverOptions): string {
  const rng = createRng(seed);
  const id = idPrefix("c", seed);
  const st = styleFor(topic);
  const angle = range(rng, 20, 70);
  const rad = (angle * Math.PI) / 180;
  const from = mix(st.from, "#000000", range(rng, 0, 0.15));
  const to = mix(st.to, st.accent, range(rng, 0, 0.12));
  const defs =
    `<linearGradient id="${id}g" x1="0" y1="0" x2="${Math.cos(rad).toFixed(2)}" y2="${Math.sin(rad).toFixed(2)}"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient>` +
    `<linearGradient id="${id}s" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#000" stop-opacity=".45"/><stop offset=".55" stop-color="#000" stop-opacity=".12"/><stop offset="1" stop-color="#000" stop-opacity="0"/></linearGradient>`;

  let body = `<rect width="${W}" height="${H}" fill="url(#${id}g)"/>`;
  body += `<g opacity=".16">${st.pattern(rng, "#ffffff", st.accent, id)}</g>`;
  body += `<rect width="${W}" height="${H}" fill="url(#${id}s)"/>`;

  // Topic label with an accent bar.
  const label = escapeXml(lang === "zh" ? (TOPIC_LABELS_ZH[topic] ?? st.label) : st.label.toUpperCase());
  body += `<rect x="72" y="70" width="44" height="6" rx="3" fill="${st.accent}"/>`;
  body += `<text x="72" y="118" font-family="${FONT}" font-size="26" font-weight="600" letter-spacing="4" fill="#ffffff" fill-opacity=".88">${label}</text>`;

  // Level badge: a pill with the level name and one to three dots.
  const levelKey = level.trim().toLowerCase();
  const levelName =
    lang === "zh"
      ? (LEVELS_ZH[levelKey] ?? "全部级别")
      : levelKey
        ? levelKey.charAt(0).toUpperCase() + levelKey.slice(1)
        : "All levels";
  const dots = LEVELS[level.trim().toLowerCase()] ?? 0;
  const textW = textWidth(levelName, 24);
  const pillW = Math.round(textW + 56 + (dots ? 54 : 0));
  const px = W - 72 - pillW;
  body += `<rect x="${px}" y="62" width="${pillW}" height="52" rx="26" fill="#ffffff" fill-opacity=".14" stroke="#ffffff" stroke-opacity=".55" stroke-width="2"/>`;
  if (dots) {
    for (let i = 0; i < 3; i++) {
      body += `<circle cx="${px + 30 + i * 16}" cy="88" r="5" fill="${i < dots ? st.accent : "none"}" stroke="${st.accent}" stroke-width="2"/>`;
    }
  }
  body += `<text x="${px + 28 + (dots ? 54 : 0)}" y="97" font-family="${FONT}" font-size="24" font-weight="600" fill="#ffffff">${escapeXml(levelName)}</text>`;

  // The title, bottom-left, in up to three lines.
  const { lines, fontSize } = fitLines(title, W - 144 - 40, 3, 92, 52);
  const lineHeight = Math.round(fontSize * 1.12);
  const lastBaseline = H - 84;
  const firstBaseline = lastBaseline - (lines.length - 1) * lineHeight;
  const spans = lines
    .map((l, i) => `<tspan x="72" y="${firstBaseline + i * lineHeight}">${escapeXml(l)}</tspan>`)
    .join("");
  body += `<rect x="72" y="${firstBaseline - fontSize - 34}" width="80" height="4" fill="${st.accent}" opacity=".9"/>`;
  body += `<text font-family="${FONT}" font-size="${fontSize}" font-weight="700" letter-spacing="-1" fill="#ffffff">${spans}</text>`;
  return svgDoc({ width: W, height: H, title, defs, body });
}
