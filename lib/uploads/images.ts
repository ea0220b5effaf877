/**
 * Uploaded images: checked by their content (sharp reads the real format, never the file name),
 * limited in bytes and pixels, then re-encoded to WebP at most 1600 px on the long side. Re-encoding
 * drops EXIF/GPS metadata and anything smuggled after the image data.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp, { type Metadata } from "sharp";
import { env } from "@/lib/env";
import { UPLOAD_LIMITS } from "./limits";

export { UPLOAD_LIMITS };

const ACCEPTED = new Set(["jpeg", "png", "webp", "gif", "avif"]);

export type ImageCheck =
  | { ok: true; data: Buffer; width: number; height: number }
  | { ok: false; code: "image_too_large" | "image_not_an_image" | "image_too_small" | "image_dimensions" };

export async function processUploadedImage(input: Buffer): Promise<ImageCheck> {
  if (input.byteLength > UPLOAD_LIMITS.maxBytes) return { ok: false, code: "image_too_large" };
  let meta: Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: UPLOAD_LIMITS.maxSide * UPLOAD_LIMITS.maxSide }).metadata();
  } catch {
    return { ok: false, code: "image_not_an_image" };
  }
  if (!meta.format || !ACCEPTED.has(meta.format) || !meta.width || !meta.height)
    return { ok: false, code: "image_not_an_image" };
  if (meta.width > UPLOAD_LIMITS.maxSide || meta.height > UPLOAD_LIMITS.maxSide)
    return { ok: false, code: "image_dimensions" };
  if (meta.width < UPLOAD_LIMITS.minSide || meta.height < UPLOAD_LIMITS.minSide)
    return { ok: false, code: "image_too_small" };
  try {
    const { data, info } = await sharp(input, { animated: false })
      .rotate()
      .resize({
        width: UPLOAD_LIMITS.outputSide,
        height: UPLOAD_LIMITS.outputSide,
        fit: "inside",
        withoutEnlargement: true,
      })
      .webp({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
    return { ok: true, data, width: info.width, height: info.height };
  } catch {
    return { ok: false, code: "image_not_an_image" };
  }
}

/** Where uploads live: outside the code, UPLOAD_DIR (default .data/uploads). */
export function uploadPath(folder: "works", file: string): string {
  return path.resolve(env.UPLOAD_DIR, folder, file);
}

export async function storeUpload(folder: "works", file: string, data: Buffer): Promise<void> {
  await mkdir(path.resolve(env.UPLOAD_DIR, folder), { recursive: true });
  await writeFile(uploadPath(folder, file), data, { flag: "wx" });
}

export async function removeUpload(folder: "works", file: string): Promise<void> {
  await rm(uploadPath(folder, file), { force: true });
}

export const UPLOAD_FILE_NAME = /^[a-f0-9-]{36}\.webp$/;
