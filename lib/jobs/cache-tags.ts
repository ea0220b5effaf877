/**
 * Invalidating the web servers' caches from outside them. A background job changes what pages show (a
 * bandit moves weights) but cannot call Next's revalidateTag, which only reaches the process it runs
 * in. It appends the tags to `cache_tag_event` instead, the table every instance's cache handler
 * follows (lib/server/cache-handler.mjs), so each instance drops those entries within about a second.
 */
import type { Executor } from "@/db/client";
import { cacheTagEvents } from "@/db/schema";

export async function publishCacheTags(db: Executor, tags: string[]): Promise<void> {
  if (tags.length === 0) return;
  await db.insert(cacheTagEvents).values(tags.map((tag) => ({ tag, origin: `worker:${process.pid}` })));
}
