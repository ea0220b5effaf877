// @ts-check
/**
 * Next's data cache (unstable_cache, ISR) for several app instances. Entries stay where Next keeps them
 * by default (memory, then disk); what is shared is invalidation. `revalidateTag` on one instance is
 * applied there as usual and appended to the `cache_tag_event` table (db/schema/cache.ts); every
 * instance reads the rows after the last one it saw, once a second, and applies them to its own tag
 * state, so an edit made through one instance is served fresh by all of them within about a second.
 * Background jobs publish the same way (lib/jobs/cache-tags.ts).
 *
 * Plain JavaScript because Next imports this file at run time from the path in next.config.ts, without
 * compiling it. On embedded PGlite (one process owns the database) there is nothing to share, and the
 * handler behaves exactly like Next's own.
 */
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import pg from "pg";
import fileSystemCacheModule from "next/dist/server/lib/incremental-cache/file-system-cache.js";
import tagsManifestModule from "next/dist/server/lib/incremental-cache/tags-manifest.external.js";

/** @typedef {{ expire?: number }} Durations */

// Next's default handler and its in-process tag state (a module of its own, which every bundle of the
// server shares, so entries expired here are expired for Next's own staleness checks too).
const FileSystemCache = fileSystemCacheModule.default ?? fileSystemCacheModule;
const { tagsManifest } = tagsManifestModule;

const POLL_MS = 1000;
const ORIGIN = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/**
 * Applies one invalidation to this process's tag state with this process's clock, the way Next's own
 * handler does: entries made before now are stale (served once more while refreshed) or expired.
 * @param {string} tag
 * @param {{ staleOnly: boolean, expireSeconds: number | null }} how
 */
function applyLocally(tag, how) {
  const now = Date.now();
  const existing = tagsManifest.get(tag) ?? {};
  if (how.staleOnly) {
    tagsManifest.set(tag, {
      ...existing,
      stale: now,
      ...(how.expireSeconds === null ? {} : { expired: now + how.expireSeconds * 1000 }),
    });
  } else {
    tagsManifest.set(tag, { ...existing, expired: now });
  }
}

/** @param {Durations | undefined} durations */
function describe(durations) {
  return durations
    ? { staleOnly: true, expireSeconds: typeof durations.expire === "number" ? durations.expire : null }
    : { staleOnly: false, expireSeconds: null };
}

class TagEventFeed {
  /** @param {string} url */
  constructor(url) {
    this.pool = new pg.Pool({ connectionString: url, max: 2, application_name: "atelier-cache-tags" });
    this.pool.on("error", () => undefined);
    /** @type {bigint} */
    this.lastId = 0n;
    this.failing = false;
    // From the start of the table (about a day): entries this process may have on disk from before it
    // started are checked against everything that happened since.
    this.timer = setInterval(() => void this.poll(), POLL_MS);
    this.timer.unref();
    void this.poll();
  }

  async poll() {
    if (this.polling) return;
    this.polling = true;
    try {
      const { rows } = await this.pool.query(
        "select id, tag, expire_seconds, stale_only from cache_tag_event where id > $1 and origin <> $2 order by id limit 5000",
        [this.lastId.toString(), ORIGIN],
      );
      for (const row of rows) {
        applyLocally(row.tag, { staleOnly: row.stale_only, expireSeconds: row.expire_seconds });
        this.lastId = BigInt(row.id);
      }
      if (this.failing) console.info("[cache] shared invalidations readable again");
      this.failing = false;
    } catch (error) {
      // The table is missing before the first migration, or the database is restarting: keep the last
      // known state, say so once, and try again on the next tick.
      if (!this.failing)
        console.warn("[cache] cannot read shared invalidations:", /** @type {Error} */ (error).message);
      this.failing = true;
    } finally {
      this.polling = false;
    }
  }

  /**
   * @param {string[]} tags
   * @param {Durations | undefined} durations
   */
  async publish(tags, durations) {
    const how = describe(durations);
    await this.pool.query(
      "insert into cache_tag_event (tag, expire_seconds, stale_only, origin) select unnest($1::text[]), $2, $3, $4",
      [tags, how.expireSeconds, how.staleOnly, ORIGIN],
    );
  }
}

/** @type {TagEventFeed | null | undefined} */
let feed;

function sharedFeed() {
  if (feed !== undefined) return feed;
  const url = process.env.DATABASE_URL;
  // A build prerenders without a database to share; PGlite has one process, nothing to share.
  feed = url && process.env.NEXT_PHASE !== "phase-production-build" ? new TagEventFeed(url) : null;
  return feed;
}

export default class SharedTagCache extends FileSystemCache {
  /** @param {ConstructorParameters<typeof FileSystemCache>[0]} ctx */
  constructor(ctx) {
    super(ctx);
    sharedFeed();
  }

  /**
   * @param {string | string[]} tags
   * @param {Durations} [durations]
   */
  async revalidateTag(tags, durations) {
    await super.revalidateTag(tags, durations);
    const list = typeof tags === "string" ? [tags] : tags;
    const shared = sharedFeed();
    if (!shared || list.length === 0) return;
    try {
      await shared.publish(list, durations);
    } catch (error) {
      // This instance is already fresh; the others fall back on the entries' own lifetimes (60 s or
      // so for campaign data), which is what every instance had before invalidations were shared.
      console.error("[cache] could not share an invalidation:", /** @type {Error} */ (error).message);
    }
  }
}
