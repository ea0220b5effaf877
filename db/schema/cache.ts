import { boolean, index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, identityId } from "./columns";

/**
 * Cache invalidations, shared by every app instance. `revalidateTag` on one instance (or a background
 * job) appends a row; every instance's cache handler (lib/server/cache-handler.mjs) reads the rows
 * after the last one it saw, about once a second, and expires its own cached entries for those tags.
 * Rows older than a day are pruned: an instance that starts later has an empty cache anyway.
 */
export const cacheTagEvents = pgTable(
  "cache_tag_event",
  {
    id: identityId(),
    tag: text("tag").notNull(),
    /** Seconds until entries with this tag expire (revalidateTag with a profile); null: expire now. */
    expireSeconds: integer("expire_seconds"),
    /** Whether entries only turn stale (served while refreshed) rather than expire at once. */
    staleOnly: boolean("stale_only").notNull().default(false),
    /** The process that published it, which has applied it already. */
    origin: text("origin").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("cache_tag_event_created_idx").on(t.createdAt)],
);
