/**
 * Rate limits on posting, per person and per kind of post, over a sliding window. The database is the
 * counter (the posts themselves, hidden ones included), so limits hold across any number of app
 * servers and survive restarts; no extra table to clean up.
 *
 * Inside a transaction, `withinRateLimit` first takes a transaction-scoped advisory lock on
 * (kind, person): two requests from one person then count one after the other, so a burst of parallel
 * posts cannot all slip under the limit. Other people are never blocked by it.
 */
import { and, eq, gt, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { comments, reports, reviews, works } from "@/db/schema";

const MINUTE = 60 * 1000;

export const RATE_LIMITS = {
  /** Enough for a conversation, not for spam. */
  comment: { max: 5, windowMs: 10 * MINUTE },
  /** Reviews are one per product; this bounds rating sweeps across the catalogue. */
  review: { max: 10, windowMs: 60 * MINUTE },
  /** Real practice work, not a flood of uploads. */
  work: { max: 10, windowMs: 24 * 60 * MINUTE },
  /** Reporting is cheap for the reporter and costs a moderator's time. */
  report: { max: 20, windowMs: 60 * MINUTE },
} as const;
export type RateAction = keyof typeof RATE_LIMITS;

async function countSince(db: Executor, action: RateAction, userId: string, since: Date): Promise<number> {
  switch (action) {
    case "comment":
      return db.$count(comments, and(eq(comments.userId, userId), gt(comments.createdAt, since)));
    case "review":
      return db.$count(reviews, and(eq(reviews.userId, userId), gt(reviews.createdAt, since)));
    case "work":
      return db.$count(works, and(eq(works.userId, userId), gt(works.createdAt, since)));
    case "report":
      return db.$count(reports, and(eq(reports.reporterId, userId), gt(reports.createdAt, since)));
  }
}

/**
 * True when the person may post one more `action` at `now`. Call it inside the transaction that
 * writes the post; outside one it is only a cheap early check (the lock is released at once).
 */
export async function withinRateLimit(
  db: Executor,
  userId: string,
  action: RateAction,
  now = new Date(),
): Promise<boolean> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`rate:${action}:${userId}`}, 0))`);
  const { max, windowMs } = RATE_LIMITS[action];
  return (await countSince(db, action, userId, new Date(now.getTime() - windowMs))) < max;
}
