/**
 * What the shop stops keeping, deleted daily by the prune job in batches (so no single statement holds
 * locks on a big table for long):
 * - page-level behaviour (views, add-to-cart, recommendation impressions and clicks) older than
 *   EVENT_RETENTION_DAYS: recommendations decay old behaviour to nothing long before, and a visitor's
 *   browsing is not kept forever. Purchases, reviews, follows and experiment exposures and conversions
 *   stay: orders, results pages and the reco history rest on them.
 * - mail sent more than 30 days ago (its body holds addresses and links), dead mail after 90;
 * - sign-in sessions that ended (expired or revoked) more than 30 days ago, mail tokens a week after
 *   they were used or expired, rate-limit counters idle for a day, refresh-run records after 90 days,
 *   cache invalidations after a day (every instance has read them within seconds).
 */
import { and, eq, inArray, isNotNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { accountTokens, authSessions, cacheTagEvents, events, outbox, rateLimits, recoRefreshRuns } from "@/db/schema";

const DAY = 86_400_000;
const BATCH = 5_000;

export type PruneReport = Record<
  "events" | "sentMail" | "deadMail" | "sessions" | "tokens" | "rateLimits" | "refreshRuns" | "cacheTagEvents",
  number
>;

/** Deletes matching rows BATCH at a time, by key, until none are left; returns how many went. */
async function deleteInBatches(db: Db, table: PgTable, key: PgColumn, where: SQL | undefined): Promise<number> {
  let total = 0;
  for (;;) {
    const batch = db.select({ key }).from(table).where(where).limit(BATCH);
    const gone = await db.delete(table).where(inArray(key, batch)).returning({ key });
    total += gone.length;
    if (gone.length < BATCH) return total;
  }
}

export async function pruneOldRows(db: Db, options: { now?: Date; eventRetentionDays: number }): Promise<PruneReport> {
  const now = options.now ?? new Date();
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  return {
    events: await deleteInBatches(
      db,
      events,
      events.id,
      and(
        inArray(events.type, ["view", "add_to_cart", "reco_impression", "reco_click"]),
        lt(events.createdAt, ago(options.eventRetentionDays)),
      ),
    ),
    sentMail: await deleteInBatches(db, outbox, outbox.id, and(eq(outbox.status, "sent"), lt(outbox.sentAt, ago(30)))),
    deadMail: await deleteInBatches(
      db,
      outbox,
      outbox.id,
      and(eq(outbox.status, "dead"), lt(outbox.createdAt, ago(90))),
    ),
    sessions: await deleteInBatches(
      db,
      authSessions,
      authSessions.id,
      or(
        lt(authSessions.expiresAt, ago(30)),
        and(isNotNull(authSessions.revokedAt), lt(authSessions.revokedAt, ago(30))),
      ),
    ),
    tokens: await deleteInBatches(
      db,
      accountTokens,
      accountTokens.id,
      or(lt(accountTokens.expiresAt, ago(7)), and(isNotNull(accountTokens.usedAt), lt(accountTokens.usedAt, ago(7)))),
    ),
    rateLimits: await deleteInBatches(
      db,
      rateLimits,
      rateLimits.key,
      and(
        lt(rateLimits.updatedAt, ago(1)),
        lt(rateLimits.windowEndsAt, now),
        or(sql`${rateLimits.blockedUntil} is null`, lt(rateLimits.blockedUntil, now)),
      ),
    ),
    refreshRuns: await deleteInBatches(db, recoRefreshRuns, recoRefreshRuns.id, lt(recoRefreshRuns.createdAt, ago(90))),
    cacheTagEvents: await deleteInBatches(db, cacheTagEvents, cacheTagEvents.id, lt(cacheTagEvents.createdAt, ago(1))),
  };
}
