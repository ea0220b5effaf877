import { describe, expect, it, vi } from "vitest";
import { createConfigCache, type FetchResult } from "./config-cache";
import { buildRuntimeConfig, EMPTY_CONFIG, parseRuntimeConfig } from "./runtime";

const A = buildRuntimeConfig([], 1);
const B = buildRuntimeConfig(
  [
    {
      key: "k",
      slug: "k",
      bucketVersion: 2,
      coverage: 1,
      weights: [0.5, 0.5],
      variantKeys: ["a", "b"],
      startsAt: 0,
      endsAt: 10,
      audience: { locales: [], visitors: "all", clusters: false },
    },
  ],
  2,
);

describe("config cache", () => {
  it("fetches once per TTL, serves stale while revalidating, and sends the last ETag", async () => {
    let t = 0;
    const fetcher = vi.fn(async (etag: string | null): Promise<FetchResult> =>
      etag === A.version ? { status: "not_modified" } : { status: "ok", config: A, etag: A.version },
    );
    const cache = createConfigCache({ fetcher, ttlMs: 5000, now: () => t });
    expect((await cache.read()).config).toBe(A);
    for (let i = 0; i < 100; i++) expect((await cache.read()).refresh).toBeNull();
    expect(fetcher).toHaveBeenCalledTimes(1);
    t = 6000;
    const stale = await cache.read();
    expect(stale.config).toBe(A);
    expect(stale.refresh).not.toBeNull();
    await stale.refresh;
    expect(fetcher).toHaveBeenLastCalledWith(A.version);
    expect((await cache.read()).refresh).toBeNull();
  });

  it("picks up a new version after the TTL", async () => {
    let t = 0;
    let current = A;
    const cache = createConfigCache({
      fetcher: async () => ({ status: "ok", config: current, etag: current.version }),
      ttlMs: 5000,
      now: () => t,
    });
    expect((await cache.read()).config.version).toBe(A.version);
    current = B;
    expect((await cache.read()).config.version).toBe(A.version);
    t = 5000;
    await (
      await cache.read()
    ).refresh;
    expect((await cache.read()).config.version).toBe(B.version);
  });

  it("serves no experiments when the first fetch fails or hangs, then retries after a pause", async () => {
    let t = 0;
    const fetcher = vi.fn(async (): Promise<FetchResult> => {
      throw new Error("down");
    });
    const cache = createConfigCache({ fetcher, retryMs: 1000, now: () => t });
    expect((await cache.read()).config).toEqual(EMPTY_CONFIG);
    expect((await cache.read()).config).toEqual(EMPTY_CONFIG);
    expect(fetcher).toHaveBeenCalledTimes(1);
    t = 1500;
    await cache.read();
    expect(fetcher).toHaveBeenCalledTimes(2);

    const hanging = createConfigCache({ fetcher: () => new Promise<FetchResult>(() => undefined), coldTimeoutMs: 20 });
    expect((await hanging.read()).config).toEqual(EMPTY_CONFIG);
  });

  it("rejects malformed payloads and experiments whose weights do not match their variants", () => {
    expect(parseRuntimeConfig({ version: 1 })).toBeNull();
    const bad = { ...B, experiments: [{ ...B.experiments[0], weights: [1] }] };
    expect(parseRuntimeConfig(bad)).toBeNull();
    const mismatched = { ...B, experiments: [{ ...B.experiments[0], weights: [0.2, 0.3, 0.5] }] };
    expect(parseRuntimeConfig(mismatched)?.experiments).toEqual([]);
    expect(parseRuntimeConfig(JSON.parse(JSON.stringify(B)))).toEqual(B);
  });

  it("changes the version when any field changes", () => {
    const e = B.experiments[0]!;
    const v = buildRuntimeConfig([e], 0).version;
    expect(buildRuntimeConfig([{ ...e, weights: [0.4, 0.6] }], 0).version).not.toBe(v);
    expect(buildRuntimeConfig([{ ...e, bucketVersion: 3 }], 0).version).not.toBe(v);
    expect(buildRuntimeConfig([e], 99).version).toBe(v);
  });
});
