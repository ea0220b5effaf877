import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestS3, type TestS3 } from "@/test/s3-server";
import { LocalUploadStore } from "./local-store";
import { S3UploadStore } from "./s3-store";
import { readUpload, removeUpload, storeUpload } from "./images";
import { useUploadStore, type UploadStore } from "./storage";

let s3: TestS3;
let scratch: string;
const stores: Record<string, () => UploadStore> = {};

beforeAll(async () => {
  s3 = await startTestS3();
  scratch = mkdtempSync(path.join(os.tmpdir(), "atelier-store-"));
  stores.local = () => new LocalUploadStore(scratch);
  stores.s3 = () => new S3UploadStore(s3.settings);
  stores["s3 with a prefix"] = () => new S3UploadStore({ ...s3.settings, prefix: "shop-a/" });
});
afterAll(async () => {
  await s3?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

describe.each(["local", "s3", "s3 with a prefix"])("the %s upload store", (name) => {
  const key = (n: number) => `works/${String(n).padStart(8, "0")}-0000-4000-8000-000000000000.webp`;

  it("gives back exactly the bytes written, and null for a key never written", async () => {
    const store = stores[name]!();
    const bytes = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256));
    await store.put(key(1), bytes, "image/webp");
    expect((await store.get(key(1)))?.equals(bytes)).toBe(true);
    expect(await store.get(key(2))).toBeNull();
  });

  it("removes an object, and removing a missing one is not an error", async () => {
    const store = stores[name]!();
    await store.put(key(4), Buffer.from("gone soon"), "image/webp");
    await store.remove(key(4));
    expect(await store.get(key(4))).toBeNull();
    await expect(store.remove(key(4))).resolves.toBeUndefined();
  });

  it("is shared: what one instance writes, another instance reads", async () => {
    await stores[name]!().put(key(5), Buffer.from("from instance A"), "image/webp");
    expect((await stores[name]!().get(key(5)))?.toString()).toBe("from instance A");
  });
});

describe("store boundaries", () => {
  it("keeps prefixed and unprefixed objects apart in one bucket", async () => {
    const plain = new S3UploadStore(s3.settings);
    const prefixed = new S3UploadStore({ ...s3.settings, prefix: "shop-b" });
    await prefixed.put("works/only-in-b.webp", Buffer.from("b"), "image/webp");
    expect(await plain.get("works/only-in-b.webp")).toBeNull();
    expect((await plain.get("shop-b/works/only-in-b.webp"))?.toString()).toBe("b");
  });

  it("never overwrites an existing key on the local disk", async () => {
    const store = new LocalUploadStore(scratch);
    await store.put("works/twice.webp", Buffer.from("first"), "image/webp");
    await expect(store.put("works/twice.webp", Buffer.from("second"), "image/webp")).rejects.toThrow();
    expect((await store.get("works/twice.webp"))?.toString()).toBe("first");
  });

  it("refuses a local key that would leave its folder", async () => {
    const store = new LocalUploadStore(scratch);
    await expect(store.put("../escape.webp", Buffer.from("x"), "image/webp")).rejects.toThrow(/outside/);
    await expect(store.get("works/../../escape.webp")).rejects.toThrow(/outside/);
  });
});

describe("the app's upload functions", () => {
  it("go through the configured store: a bucket when S3 is set", async () => {
    const bucket = new S3UploadStore(s3.settings);
    useUploadStore(bucket);
    const file = "0b7f3c2e-8a4d-4a57-9a52-3f1e2d4c5b6a.webp";
    await storeUpload("works", file, Buffer.from("webp bytes"));
    expect((await bucket.get(`works/${file}`))?.toString()).toBe("webp bytes");
    expect((await readUpload("works", file))?.toString()).toBe("webp bytes");
    await removeUpload("works", file);
    expect(await bucket.get(`works/${file}`)).toBeNull();
  });
});
