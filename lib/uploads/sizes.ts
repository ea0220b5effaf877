/**
 * Smaller copies of an uploaded image, so a two-column gallery on a phone does not fetch the 1,600-pixel
 * original. The widths are a fixed set: a request can name one of them and nothing else, so the
 * server never resizes to a size a stranger picked (lib/uploads/widths.ts). A copy is made from the original on its first
 * request and kept in the upload store beside it (every instance then serves it), never remade.
 */
import sharp from "sharp";
import { UPLOAD_CONTENT_TYPE, UPLOAD_LIMITS } from "./limits";
import { uploadKey, uploadStore, type UploadFolder } from "./storage";
import { IMAGE_WIDTHS, type ImageWidth } from "./widths";

/** The store key of a file's copy at `width` (`works/<uuid>.w400.webp`). */
export function sizedKey(folder: UploadFolder, file: string, width: ImageWidth): string {
  return uploadKey(folder, file.replace(/\.webp$/, `.w${width}.webp`));
}

/** Re-encodes `original` at most `width` pixels wide (never wider than it is). */
export async function resizeImage(original: Buffer, width: ImageWidth): Promise<Buffer> {
  return sharp(original, { limitInputPixels: UPLOAD_LIMITS.outputSide * UPLOAD_LIMITS.outputSide })
    .resize({ width, withoutEnlargement: true })
    .webp({ quality: 80 })
    .toBuffer();
}

/**
 * The copy of `file` at `width`: from the store, or made from the original and stored. Null when the
 * original is gone. Two first requests at once both make it; the second write is refused by the local
 * store (a key is written once) and its bytes are served all the same, since they are identical.
 */
export async function readSizedUpload(folder: UploadFolder, file: string, width: ImageWidth): Promise<Buffer | null> {
  const store = await uploadStore();
  const key = sizedKey(folder, file, width);
  const kept = await store.get(key);
  if (kept) return kept;
  const original = await store.get(uploadKey(folder, file));
  if (!original) return null;
  const sized = await resizeImage(original, width);
  await store.put(key, sized, UPLOAD_CONTENT_TYPE).catch(() => undefined);
  return sized;
}

/** Removes the sized copies of a file (those never made are no error). */
export async function removeSizedUploads(folder: UploadFolder, file: string): Promise<void> {
  const store = await uploadStore();
  await Promise.all(IMAGE_WIDTHS.map((w) => store.remove(sizedKey(folder, file, w))));
}
