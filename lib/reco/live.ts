/**
 * "This person's behaviour changed": called inside the transaction that records a purchase, follow,
 * review, cart or "not interested", so their lists are recomputed within seconds (lib/jobs, queue
 * reco-user, refresh/user.ts) instead of at the next full refresh.
 *
 *   await noteBehaviourChange(tx, userKey)   // a user id, or `v:<visitor id>`
 *
 * Like the mail outbox it is a NOTIFY: PostgreSQL delivers it only if the transaction commits, so the
 * worker never recomputes from a state that was rolled back, and never before the change is visible.
 * The worker turns each notification into a job keyed by the user, so a burst makes one job.
 */
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";

/** The channel the worker listens on (lib/jobs/worker.ts); the payload is the user key. */
export const RECO_USER_CHANNEL = "atelier_reco_user";

export async function noteBehaviourChange(db: Executor, userKey: string | null | undefined): Promise<void> {
  if (!userKey) return;
  await db.execute(sql`select pg_notify(${RECO_USER_CHANNEL}, ${userKey})`);
}
