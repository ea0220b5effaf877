/**
 * The proxy's copy of the running-experiments config: fetched from the internal config route, kept for
 * `ttlMs`, then revalidated in the background with the last ETag (stale-while-revalidate), so a request
 * waits for the network only when the process has no config at all yet (the first request after start).
 *
 * Why a polled route rather than a generated file: app servers are stateless and may be many (DESIGN.md,
 * Scale); a file written by the server that handled the marketer's click would not reach the others,
 * while every server polls the same route. The route answers from Next's data cache, invalidated by tag
 * when a marketer changes a campaign, so the database sees one query per change, not per poll.
 * A change reaches every server within ttlMs (5 s by default).
 */
import { EMPTY_CONFIG, type RuntimeConfig } from "./runtime";

export type FetchResult = { status: "ok"; config: RuntimeConfig; etag: string | null } | { status: "not_modified" };
export type ConfigFetcher = (etag: string | null) => Promise<FetchResult>;

export type ConfigCacheOptions = {
  fetcher: ConfigFetcher;
  ttlMs?: number;
  /** How long the first request may wait for a config before it is served without experiments. */
  coldTimeoutMs?: number;
  /** After a failed fetch, wait this long before trying again (no thundering herd on a sick route). */
  retryMs?: number;
  now?: () => number;
};

export type ConfigRead = {
  config: RuntimeConfig;
  /** A background refresh the caller should keep alive (event.waitUntil), if one was started. */
  refresh: Promise<void> | null;
  fresh: boolean;
};

export type ConfigCache = { read: () => Promise<ConfigRead>; invalidate: () => void };

export function createConfigCache(options: ConfigCacheOptions): ConfigCache {
  const { fetcher, ttlMs = 5_000, coldTimeoutMs = 1_500, retryMs = 1_000, now = Date.now } = options;
  let config: RuntimeConfig | null = null;
  let etag: string | null = null;
  let checkedAt = -Infinity;
  let failedAt = -Infinity;
  let inflight: Promise<void> | null = null;

  function refresh(): Promise<void> {
    inflight ??= (async () => {
      try {
        const result = await fetcher(etag);
        if (result.status === "ok") {
          config = result.config;
          etag = result.etag;
        }
        checkedAt = now();
      } catch {
        failedAt = now();
      } finally {
        inflight = null;
      }
    })();
    return inflight;
  }

  async function read(): Promise<ConfigRead> {
    const t = now();
    const due = t - checkedAt >= ttlMs && t - failedAt >= retryMs;
    if (config) {
      if (!due) return { config, refresh: null, fresh: true };
      return { config, refresh: refresh(), fresh: false };
    }
    if (!due && !inflight) return { config: EMPTY_CONFIG, refresh: null, fresh: false };
    const pending = inflight ?? refresh();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), coldTimeoutMs);
    });
    const outcome = await Promise.race([pending.then(() => "done" as const), timeout]);
    clearTimeout(timer);
    if (outcome === "timeout") return { config: EMPTY_CONFIG, refresh: pending, fresh: false };
    const loaded = config as RuntimeConfig | null;
    return { config: loaded ?? EMPTY_CONFIG, refresh: null, fresh: loaded !== null };
  }

  return {
    read,
    invalidate: () => {
      checkedAt = -Infinity;
    },
  };
}
