/**
 * Uploaded images: checked by their content (sharp reads the real format, never the file name),
 * limited in bytes and pixels, then re-encoded to WebP at most 1600 px on the long side. Re-encoding
 * drops EXIF/GPS metadata and anything smuggled after the image data.
 */
import sharp, { type Metadata } from "sharp";
import { UPLOAD_CONTENT_TYPE, UPLOAD_LIMITS } from "./limits";
import { removeSizedUploads } from "./sizes";
import { uploadKey, uploadStore, type UploadFolder } from "./storage";

export { UPLOAD_CONTENT_TYPE, UPLOAD_LIMITS };

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

export async function storeUpload(folder: UploadFolder, file: string, data: Buffer): Promise<void> {
  await (await uploadStore()).put(uploadKey(folder, file), data, UPLOAD_CONTENT_TYPE);
}

/** The stored bytes, or null when the file is gone. */
export async function readUpload(folder: UploadFolder, file: string): Promise<Buffer | null> {
  return (await uploadStore()).get(uploadKey(folder, file));
}

/** Removes an upload and its sized copies (lib/uploads/sizes.ts). */
export async function removeUpload(folder: UploadFolder, file: string): Promise<void> {
  await Promise.all([(await uploadStore()).remove(uploadKey(folder, file)), removeSizedUploads(folder, file)]);
}

export const UPLOAD_FILE_NAME = /^[a-f0-9-]{36}\.webp$/;
