import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { processUploadedImage, UPLOAD_FILE_NAME, UPLOAD_LIMITS } from "./images";

const solid = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 180, b: 150 } } });

describe("uploaded images are checked by content and re-encoded", () => {
  it("refuses what is not a raster image, whatever the file was called", async () => {
    const svg = Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"><script>alert(1)</script><rect width="400" height="400"/></svg>`,
    );
    expect(await processUploadedImage(svg)).toEqual({ ok: false, code: "image_not_an_image" });
    expect(await processUploadedImage(Buffer.from("%PDF-1.7 not a picture".repeat(50)))).toEqual({
      ok: false,
      code: "image_not_an_image",
    });
    // A real PNG header followed by garbage: the metadata reads, the decode fails, nothing is accepted.
    const png = await solid(300, 300).png().toBuffer();
    expect(await processUploadedImage(Buffer.concat([png.subarray(0, 64), Buffer.alloc(2000, 7)]))).toMatchObject({
      ok: false,
    });
  });

  it("enforces the byte and pixel limits", async () => {
    expect(await processUploadedImage(Buffer.alloc(UPLOAD_LIMITS.maxBytes + 1))).toEqual({
      ok: false,
      code: "image_too_large",
    });
    expect(
      await processUploadedImage(
        await solid(UPLOAD_LIMITS.maxSide + 1, 250)
          .png()
          .toBuffer(),
      ),
    ).toEqual({ ok: false, code: "image_dimensions" });
    expect(await processUploadedImage(await solid(199, 800).png().toBuffer())).toEqual({
      ok: false,
      code: "image_too_small",
    });
  });

  it("writes WebP within the output size and drops EXIF metadata (camera, GPS)", async () => {
    const jpeg = await solid(3000, 1500)
      .jpeg()
      .withExif({
        IFD0: { Make: "SecretCam", Artist: "Jane Doe" },
        IFD3: { GPSLatitudeRef: "N", GPSLatitude: "48/1 51/1 0/1" },
      })
      .toBuffer();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    const out = await processUploadedImage(jpeg);
    if (!out.ok) throw new Error(out.code);
    const meta = await sharp(out.data).metadata();
    expect(meta).toMatchObject({
      format: "webp",
      width: UPLOAD_LIMITS.outputSide,
      height: UPLOAD_LIMITS.outputSide / 2,
    });
    expect(meta.exif).toBeUndefined();
    expect(out.data.includes(Buffer.from("SecretCam"))).toBe(false);
  });

  it("serves only names it generated", () => {
    expect(UPLOAD_FILE_NAME.test("0b7f3c2e-8a4d-4a57-9a52-3f1e2d4c5b6a.webp")).toBe(true);
    for (const name of [
      "../../etc/passwd",
      "x.webp",
      "0b7f3c2e-8a4d-4a57-9a52-3f1e2d4c5b6a.svg",
      "0b7f3c2e-8a4d-4a57-9a52-3f1e2d4c5b6a.webp/..",
    ])
      expect(UPLOAD_FILE_NAME.test(name)).toBe(false);
  });
});
