/**
 * Bundle covers (800x1000, the artwork card's shape): the bundle's parts drawn as they are drawn on
 * their own pages, an artwork print with a course cover laid over its lower edge, on paper, with the
 * bundle's title below. Pure: same arguments, same string.
 */
import { createRng } from "@/lib/random";
import { artworkSvg, courseCoverSvg, COVER_HEIGHT, COVER_WIDTH } from "./svg";
import { fitLines } from "./text";
import { escapeXml, idPrefix, range, svgDoc } from "./util";

export type BundlePart =
  | { kind: "course"; seed: number; title: string; topic: string; level: string; lang?: "en" | "zh" }
  | { kind: "artwork"; seed: number; title: string; topic: string; medium: string };

export type BundleCoverOptions = { seed: number; title: string; parts: BundlePart[] };

export const BUNDLE_WIDTH = 800;
export const BUNDLE_HEIGHT = 1000;
const SERIF = `'Iowan Old Style','Palatino Linotype',Palatino,Georgia,'Noto Serif CJK SC','Songti SC',serif`;

/** A standalone SVG document placed as a nested viewport: its own title and role go (the bundle's stay). */
function place(svg: string, x: number, y: number, width: number, height: number): string {
  return svg
    .replace(
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+" height="\d+"/,
      `<svg x="${x}" y="${y}" width="${width}" height="${height}"`,
    )
    .replace(/ role="img" aria-label="[^"]*"/, "")
    .replace(/<title>[^<]*<\/title>/, "");
}

function draw(part: BundlePart, width: number, height: number): string {
  return part.kind === "course"
    ? courseCoverSvg({ seed: part.seed, title: part.title, topic: part.topic, level: part.level, lang: part.lang })
    : artworkSvg({ seed: part.seed, title: part.title, topic: part.topic, medium: part.medium, width, height });
}

export function bundleCoverSvg({ seed, title, parts }: BundleCoverOptions): string {
  const rng = createRng(seed);
  const id = idPrefix("b", seed);
  // The piece collectors see first: an artwork when there is one; the course laid over it.
  const back = parts.find((p) => p.kind === "artwork") ?? parts[0];
  const front = parts.find((p) => p !== back && p.kind === "course") ?? parts.find((p) => p !== back);
  const defs = `<filter id="${id}sh" x="-10%" y="-10%" width="120%" height="130%"><feDropShadow dx="0" dy="10" stdDeviation="14" flood-color="#1c1917" flood-opacity=".28"/></filter>`;

  let body = `<rect width="${BUNDLE_WIDTH}" height="${BUNDLE_HEIGHT}" fill="#f6f1e7"/>`;
  if (back) {
    const [w, h] = back.kind === "course" ? [640, 360] : [456, 570];
    const x = Math.round((BUNDLE_WIDTH - w) / 2 - (front ? 60 : 0));
    body += `<g filter="url(#${id}sh)"><rect x="${x - 14}" y="46" width="${w + 28}" height="${h + 28}" fill="#ffffff"/>${place(draw(back, w, h), x, 60, w, h)}</g>`;
  }
  if (front) {
    const w = 520;
    const h = Math.round((w * COVER_HEIGHT) / COVER_WIDTH);
    const tilt = range(rng, -3.5, -1.5).toFixed(2);
    const x = BUNDLE_WIDTH - w - 48;
    const y = 470;
    const inner =
      front.kind === "course"
        ? place(draw(front, w, h), x, y, w, h)
        : place(draw(front, h * 0.8, h), x + (w - h * 0.8) / 2, y, h * 0.8, h);
    body += `<g filter="url(#${id}sh)" transform="rotate(${tilt} ${x + w / 2} ${y + h / 2})">${inner}</g>`;
  }
  // "+" badge where the two meet: this is one purchase of both.
  if (back && front)
    body += `<circle cx="150" cy="560" r="38" fill="#1c1917"/><path d="M150,540v40M130,560h40" stroke="#f6f1e7" stroke-width="7" stroke-linecap="round"/>`;

  const { lines, fontSize } = fitLines(title, BUNDLE_WIDTH - 120, 2, 52, 34);
  const lineHeight = Math.round(fontSize * 1.15);
  const last = BUNDLE_HEIGHT - 56;
  const first = last - (lines.length - 1) * lineHeight;
  const spans = lines.map((l, i) => `<tspan x="60" y="${first + i * lineHeight}">${escapeXml(l)}</tspan>`).join("");
  body += `<rect x="60" y="${first - fontSize - 26}" width="64" height="4" fill="#b45309"/>`;
  body += `<text font-family="${SERIF}" font-size="${fontSize}" fill="#1c1917">${spans}</text>`;
  return svgDoc({ width: BUNDLE_WIDTH, height: BUNDLE_HEIGHT, title, defs, body });
}
