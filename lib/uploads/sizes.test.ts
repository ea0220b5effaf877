import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readUpload, removeUpload, storeUpload } from "./images";
import { LocalUploadStore } from "./local-store";
import { readSizedUpload, sizedKey } from "./sizes";
import { useUploadStore } from "./storage";
import { imageSrcSet, parseImageWidth } from "./widths";

let scratch: string;
let store: LocalUploadStore;

beforeAll(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), "atelier-sizes-"));
  store = new LocalUploadStore(scratch);
  useUploadStore(store);
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const webp = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 90, g: 120, b: 60 } } })
    .webp()
    .toBuffer();
const file = (n: number) => `${String(n).padStart(8, "0")}-0000-4000-8000-000000000000.webp`;

describe("the widths a request may name", () => {
  it("accepts the listed widths, the original without one, and nothing else", () => {
    expect(parseImageWidth(null)).toBeNull();
    expect(parseImageWidth("400")).toBe(400);
    expect(parseImageWidth("800")).toBe(800);
    for (const bad of ["", "401", "0400", "1600", "-400", "400px", "4e2", "800 "])
      expect(parseImageWidth(bad), bad).toBe("invalid");
  });

  it("offers each copy smaller than the original, then the original at its own width", () => {
    expect(imageSrcSet("/u/a.webp", 1600)).toBe("/u/a.webp?w=400 400w, /u/a.webp?w=800 800w, /u/a.webp 1600w");
    expect(imageSrcSet("/u/a.webp", 600)).toBe("/u/a.webp?w=400 400w, /u/a.webp 600w");
    expect(imageSrcSet("/u/a.webp", 400)).toBeUndefined();
  });
});

describe("sized copies of an upload", () => {
  it("are made once from the original, kept beside it, and removed with it", async () => {
    await storeUpload("works", file(1), await webp(1600, 1000));
    const small = await readSizedUpload("works", file(1), 400);
    expect(await sharp(small!).metadata()).toMatchObject({ format: "webp", width: 400, height: 250 });
    expect((await store.get(sizedKey("works", file(1), 400)))?.equals(small!)).toBe(true);
    // Served from the store from then on: the kept copy is what comes back, even were the original gone.
    await store.remove("works/" + file(1));
    expect((await readSizedUpload("works", file(1), 400))?.equals(small!)).toBe(true);

    await storeUpload("works", file(2), await webp(1200, 900));
    await readSizedUpload("works", file(2), 800);
    await removeUpload("works", file(2));
    expect(await readUpload("works", file(2))).toBeNull();
    expect(await store.get(sizedKey("works", file(2), 800))).toBeNull();
  });

  it("are never wider than the original, and null when there is no original", async () => {
    await storeUpload("works", file(3), await webp(300, 300));
    expect((await sharp((await readSizedUpload("works", file(3), 800))!).metadata()).width).toBe(300);
    expect(await readSizedUpload("works", file(4), 400)).toBeNull();
  });

  it("survive two first requests at once (the second write is refused, both get the copy)", async () => {
    await storeUpload("works", file(5), await webp(1000, 1000));
    const [a, b] = await Promise.all([readSizedUpload("works", file(5), 400), readSizedUpload("works", file(5), 400)]);
    expect((await sharp(a!).metadata()).width).toBe(400);
    expect((await sharp(b!).metadata()).width).toBe(400);
  });
});
