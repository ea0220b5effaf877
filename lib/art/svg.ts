/**
 * Procedural catalogue images as standalone SVG strings, generated locally and deterministically
 * from a seed (nothing is downloaded): artworks whose style follows the topic, course covers and
 * creator avatars. Pure functions: same arguments, same string.
 */
import { createRng } from "@/lib/random";
import { abstract } from "./abstract";
import { calligraphy } from "./calligraphy";
import { inkPainting } from "./ink";
import { photography } from "./photography";
import { printmaking } from "./printmaking";
import { idPrefix, svgDoc, type ArtContext, type ArtPiece } from "./util";

export { courseCoverSvg, COVER_WIDTH, COVER_HEIGHT, type CourseCoverOptions } from "./cover";
export { avatarSvg, initials, type AvatarOptions } from "./avatar";
export { escapeXml } from "./util";

/** Artwork styles by topic slug; any other topic falls back to abstract. */
export const ARTWORK_STYLES: Record<string, (ctx: ArtContext) => ArtPiece> = {
  "ink-painting": inkPainting,
  calligraphy,
  photography,
  printmaking,
  abstract,
};

export type ArtworkOptions = {
  seed: number;
  title: string;
  medium: string;
  topic: string;
  width?: number;
  height?: number;
};

const DEFAULT_WIDTH = 800;
const DEFAULT_HEIGHT = 1000;

/**
 * The requested size (default 800x1000) sets the width/height attributes and the aspect ratio
 * (clamped to 1:4..4:1). Drawing happens on a canvas whose longer side is 1000 units, so stroke
 * weights and detail look the same whatever size is asked for.
 */
export function artworkCanvas(
  width?: number,
  height?: number,
): { width: number; height: number; displayWidth: number; displayHeight: number } {
  const valid = (v?: number): v is number => typeof v === "number" && Number.isFinite(v) && v > 0;
  let dw = valid(width) ? width : undefined;
  let dh = valid(height) ? height : undefined;
  if (dw === undefined && dh === undefined) [dw, dh] = [DEFAULT_WIDTH, DEFAULT_HEIGHT];
  else if (dw === undefined) dw = ((dh as number) * DEFAULT_WIDTH) / DEFAULT_HEIGHT;
  else if (dh === undefined) dh = (dw * DEFAULT_HEIGHT) / DEFAULT_WIDTH;
  const aspect = Math.min(4, Math.max(0.25, (dw as number) / (dh as number)));
  const canvas =
    aspect >= 1
      ? { width: 1000, height: Math.round(1000 / aspect) }
      : { width: Math.round(1000 * aspect), height: 1000 };
  const displayWidth = Math.round(dw as number);
  return { ...canvas, displayWidth, displayHeight: Math.round(displayWidth / aspect) };
}

export function artworkSvg({ seed, title, medium, topic, width, height }: ArtworkOptions): string {
  const size = artworkCanvas(width, height);
  const style = ARTWORK_STYLES[topic] ?? abstract;
  const ctx: ArtContext = {
    rng: createRng(seed),
    seed,
    width: size.width,
    height: size.height,
    title,
    medium,
    id: idPrefix("a", seed),
  };
  const piece = style(ctx);
  return svgDoc({ ...size, title, defs: piece.defs, body: piece.body });
}
