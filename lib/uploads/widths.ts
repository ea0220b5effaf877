/**
 * The widths of an upload's sized copies (lib/uploads/sizes.ts makes them), and the `srcset` that offers
 * them: pure, so pages and tests use them without loading the image library.
 */
/** The widths a page may ask for, smallest first; the original (at most 1,600 px wide) is the largest. */
export const IMAGE_WIDTHS = [400, 800] as const;
export type ImageWidth = (typeof IMAGE_WIDTHS)[number];

/** `?w=` of a request: null for the original, the width when it is one of IMAGE_WIDTHS, else "invalid". */
export function parseImageWidth(value: string | null): ImageWidth | null | "invalid" {
  if (value === null) return null;
  const width = IMAGE_WIDTHS.find((w) => String(w) === value);
  return width ?? "invalid";
}

/**
 * `srcset` for an image `naturalWidth` pixels wide served at `url`: each smaller width, then the
 * original at its own width. Undefined when no copy would be smaller than the original.
 */
export function imageSrcSet(url: string, naturalWidth: number): string | undefined {
  const smaller = IMAGE_WIDTHS.filter((w) => w < naturalWidth);
  if (smaller.length === 0) return undefined;
  return [...smaller.map((w) => `${url}?w=${w} ${w}w`), `${url} ${naturalWidth}w`].join(", ");
}
