/**
 * Measurement writes: one exposure per visitor and experiment phase, and the visitor -> user links that
 * let an anonymous exposure be matched with orders placed after sign-in. Called after the response
 * (next/server `after`), so none of this adds to what the visitor waits for.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { experimentExposures, visitorUsers } from "@/db/schema";
import { queryRows } from "@/db/rows";

export type ExposureInput = {
  experimentKey: string;
  bucketVersion: number;
  variant: number;
  visitorId: string;
  userId: string | null;
  utmSource: string | null;
  at?: Date;
};

/**
 * Records the first exposure; later visits change nothing (unique on experiment, version, visitor).
 * Returns whether a row was written. The experiment is looked up by key inside the insert, so an
 * experiment deleted meanwhile simply records nothing.
 */
export async function recordExposure(db: Executor, input: ExposureInput): Promise<boolean> {
  const at = (input.at ?? new Date()).toISOString();
  const rows = await queryRows<{ id: number }>(
    db,
    sql`insert into experiment_exposure (experiment_id, bucket_version, variant, visitor_id, user_id, utm_source, exposed_at)
        select e.id, ${input.bucketVersion}, ${input.variant}, ${input.visitorId}, ${input.userId}, ${input.utmSource}, ${at}::timestamptz
        from experiment e where e.key = ${input.experimentKey}
        on conflict (experiment_id, bucket_version, visitor_id) do nothing
        returning id`,
  );
  if (input.userId) await linkVisitorToUser(db, input.visitorId, input.userId);
  return rows.length > 0;
}

/** A bounded set of keys, oldest forgotten first. */
export class RecentKeys {
  private readonly keys = new Set<string>();
  constructor(private readonly limit: number) {}
  has(key: string): boolean {
    return this.keys.has(key);
  }
  add(key: string): void {
    if (this.keys.has(key)) return;
    if (this.keys.size >= this.limit) this.keys.delete(this.keys.values().next().value as string);
    this.keys.add(key);
  }
}

// Exposures (and visitor links) this server process has already written. Most landing-page views are
// by returning visitors, whose exposure exists: remembering it saves a database round trip per view.
// Only a cache: another process, or this one after forgetting, writes again and the unique index keeps
// one row.
const recentlyRecorded = new RecentKeys(50_000);

/** recordExposure, skipped when this process recorded the same exposure (and the same user link) already. */
export async function recordExposureOnce(
  db: Executor,
  input: ExposureInput,
  memo: RecentKeys = recentlyRecorded,
): Promise<boolean> {
  const key = `${input.experimentKey}\u0000${input.bucketVersion}\u0000${input.visitorId}\u0000${input.userId ?? ""}`;
  if (memo.has(key)) return false;
  const wrote = await recordExposure(db, input);
  memo.add(key);
  return wrote;
}

/** Remembers that a visitor id was seen signed in as a user, and fills the user into their anonymous exposures. */
export async function linkVisitorToUser(db: Executor, visitorId: string, userId: string): Promise<void> {
  await db.insert(visitorUsers).values({ visitorId, userId }).onConflictDoNothing();
  await db
    .update(experimentExposures)
    .set({ userId })
    .where(and(eq(experimentExposures.visitorId, visitorId), isNull(experimentExposures.userId)));
}
