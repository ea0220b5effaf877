import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import tagsManifestModule from "next/dist/server/lib/incremental-cache/tags-manifest.external.js";
import { cacheTagEvents } from "@/db/schema";
import { publishCacheTags } from "@/lib/jobs/cache-tags";
import { freshDatabase, type FreshDb } from "@/test/fresh-db";

// The handler shares invalidations through a PostgreSQL server; on PGlite it is Next's own handler.
const onServer = Boolean(process.env.DATABASE_URL);
const { tagsManifest } = tagsManifestModule as {
  tagsManifest: Map<string, { stale?: number; expired?: number }>;
};

let fresh: FreshDb;
let handler: { revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void> };

async function until(what: string, probe: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(!onServer)("the shared cache handler", () => {
  beforeAll(async () => {
    fresh = await freshDatabase();
    // The handler reads DATABASE_URL when first constructed: point it at this file's database.
    process.env.DATABASE_URL = fresh.url;
    const { default: SharedTagCache } = await import("./cache-handler.mjs");
    handler = new SharedTagCache({ flushToDisk: false, serverDistDir: "/nonexistent", revalidatedTags: [] });
  });
  afterAll(() => fresh?.dispose());

  it("expires this instance's entries for a tag another instance (or a job) revalidated, within about a second", async () => {
    const tag = `campaign:${randomUUID()}`;
    const before = Date.now();
    await publishCacheTags(fresh.db, [tag]);
    await until("the invalidation to arrive", () => (tagsManifest.get(tag)?.expired ?? 0) >= before, 3_000);
    const entry = tagsManifest.get(tag)!;
    // Expired with this process's clock: everything cached here before now is out.
    expect(entry.expired).toBeLessThanOrEqual(Date.now());
    expect(entry.stale).toBeUndefined();
  });

  it("publishes its own revalidations for the others, with the profile's expiry", async () => {
    const now = `experiments-config-${randomUUID()}`;
    const later = `campaigns-${randomUUID()}`;
    await handler.revalidateTag(now);
    await handler.revalidateTag([later], { expire: 300 });
    const rows = await fresh.db.select().from(cacheTagEvents);
    expect(rows.find((r) => r.tag === now)).toMatchObject({ staleOnly: false, expireSeconds: null });
    expect(rows.find((r) => r.tag === later)).toMatchObject({ staleOnly: true, expireSeconds: 300 });
    // Applied here at once, as Next's own handler does.
    expect(tagsManifest.get(now)?.expired).toBeLessThanOrEqual(Date.now());
    expect(tagsManifest.get(later)?.stale).toBeLessThanOrEqual(Date.now());
  });
});
