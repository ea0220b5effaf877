/**
 * Rate limits every app instance shares, counted in PostgreSQL (table rate_limit, db/schema/security.ts).
 *
 * Counting: a fixed window per key. Each check is ONE statement, an `insert … on conflict do update`
 * that counts the attempt and decides in the same row lock, so parallel attempts queue on the row and
 * cannot all slip under the limit (PGlite runs statements one at a time, which gives the same result).
 * An attempt over the limit starts a block; each block in a row (a "strike") doubles the next one, up
 * to `maxBlockSeconds`; a key quiet for `quietSeconds` starts again with no strikes. While blocked,
 * attempts are refused without being counted, so hammering does not extend the block, and the caller
 * learns the real time left.
 *
 * The clock is the caller's (`now`), so tests move time instead of sleeping.
 */
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { rateLimits } from "@/db/schema";

export type LimitRule = {
  /** Names the limit in the key (`signin:email`, `beacon`…). */
  name: string;
  /** Attempts allowed per window. */
  limit: number;
  windowSeconds: number;
  /** The first block; each further strike doubles it. */
  blockSeconds: number;
  maxBlockSeconds: number;
  /** A key with no attempt for this long forgets its strikes. */
  quietSeconds: number;
};

export type LimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * The thresholds (documented in the README). Per account they stop guessing: the 6th sign-in attempt
 * for one email within 15 minutes is refused for 5 minutes, then 10, 20… up to an hour. A successful
 * sign-in clears the account's counter. Per client address they are loose enough for a school or
 * office behind one address, and for the e2e suite, which signs up about 25 people and signs in about
 * 40 times from 127.0.0.1 in one run.
 */
export const RULES = {
  signInEmail: {
    name: "signin:email",
    limit: 5,
    windowSeconds: 15 * 60,
    blockSeconds: 5 * 60,
    maxBlockSeconds: 60 * 60,
    quietSeconds: 24 * 60 * 60,
  },
  signInAddress: {
    name: "signin:ip",
    limit: 100,
    windowSeconds: 15 * 60,
    blockSeconds: 5 * 60,
    maxBlockSeconds: 60 * 60,
    quietSeconds: 24 * 60 * 60,
  },
  signUpEmail: {
    name: "signup:email",
    limit: 5,
    windowSeconds: 60 * 60,
    blockSeconds: 15 * 60,
    maxBlockSeconds: 6 * 60 * 60,
    quietSeconds: 24 * 60 * 60,
  },
  signUpAddress: {
    name: "signup:ip",
    limit: 60,
    windowSeconds: 60 * 60,
    blockSeconds: 15 * 60,
    maxBlockSeconds: 6 * 60 * 60,
    quietSeconds: 24 * 60 * 60,
  },
  resetEmail: {
    name: "reset:email",
    limit: 3,
    windowSeconds: 60 * 60,
    blockSeconds: 15 * 60,
    maxBlockSeconds: 6 * 60 * 60,
    quietSeconds: 24 * 60 * 60,
  },
  resetAddress: {
    name: "reset:ip",
    limit: 20,
    windowSeconds: 60 * 60,
    blockSeconds: 15 * 60,
    maxBlockSeconds: 6 * 60 * 60,
    quietSeconds: 24 * 60 * 60,
  },
  emailChangeAccount: {
    name: "email-change:account",
    limit: 5,
    windowSeconds: 60 * 60,
    blockSeconds: 15 * 60,
    maxBlockSeconds: 6 * 60 * 60,
    quietSeconds: 24 * 60 * 60,
  },
  emailChangeAddress: {
    name: "email-change:ip",
    limit: 20,
    windowSeconds: 60 * 60,
    blockSeconds: 15 * 60,
    maxBlockSeconds: 6 * 60 * 60,
    quietSeconds: 24 * 60 * 60,
  },
  verifyResend: {
    name: "verify-resend:account",
    limit: 3,
    windowSeconds: 60 * 60,
    blockSeconds: 15 * 60,
    maxBlockSeconds: 6 * 60 * 60,
    quietSeconds: 24 * 60 * 60,
  },
  /** The event beacon: 20 batches per 10 seconds (a page view sends one on leaving and one per strip render) per visitor (or address); no growing block, a flood just waits out the window. */
  beacon: { name: "beacon", limit: 20, windowSeconds: 10, blockSeconds: 10, maxBlockSeconds: 10, quietSeconds: 60 },
} satisfies Record<string, LimitRule>;

/** The row key of a rule and its subject; long subjects are cut so a hostile value cannot bloat the table. */
export function limitKey(rule: LimitRule, subject: string): string {
  return `${rule.name}:${subject.slice(0, 200)}`;
}

const iso = (d: Date) => d.toISOString();

/** Counts one attempt for `subject` under `rule`, and says whether it may go ahead. */
export async function consumeLimit(
  db: Executor,
  rule: LimitRule,
  subject: string,
  now: Date = new Date(),
): Promise<LimitResult> {
  const key = limitKey(rule, subject);
  const t = rateLimits;
  const nowTs = sql`${iso(now)}::timestamptz`;
  const windowEnd = sql`${iso(new Date(now.getTime() + rule.windowSeconds * 1000))}::timestamptz`;
  const quietSince = sql`${iso(new Date(now.getTime() - rule.quietSeconds * 1000))}::timestamptz`;
  // Old-row expressions, as the update sees them: blocked now, the window still open, strikes kept.
  const blocked = sql`(${t.blockedUntil} is not null and ${t.blockedUntil} > ${nowTs})`;
  const points = sql`(case when ${t.windowEndsAt} <= ${nowTs} then 1 else ${t.points} + 1 end)`;
  const strikes = sql`(case when ${t.updatedAt} < ${quietSince} then 0 else ${t.strikes} end)`;
  const over = sql`(${points} > ${rule.limit})`;
  // Block length for the strike this attempt makes: blockSeconds × 2^strikes, capped.
  const blockUntil = sql`(${nowTs} + least(${rule.maxBlockSeconds}::float8, ${rule.blockSeconds}::float8 * power(2::float8, least(${strikes}, 30)::float8)) * interval '1 second')`;

  const [row] = await db
    .insert(t)
    .values({
      key,
      points: 1,
      windowEndsAt: new Date(now.getTime() + rule.windowSeconds * 1000),
      strikes: 0,
      blockedUntil: null,
      updatedAt: now,
    })
    .onConflictDoUpdate({
      target: t.key,
      set: {
        points: sql`case when ${blocked} then ${t.points} when ${over} then 0 else ${points} end`,
        windowEndsAt: sql`case when ${blocked} then ${t.windowEndsAt} when ${over} then ${blockUntil} when ${t.windowEndsAt} <= ${nowTs} then ${windowEnd} else ${t.windowEndsAt} end`,
        strikes: sql`case when ${blocked} then ${t.strikes} when ${over} then ${strikes} + 1 else ${strikes} end`,
        blockedUntil: sql`case when ${blocked} then ${t.blockedUntil} when ${over} then ${blockUntil} else ${t.blockedUntil} end`,
        updatedAt: sql`case when ${blocked} then ${t.updatedAt} else ${nowTs} end`,
      },
    })
    .returning({ blockedUntil: t.blockedUntil });
  maybePrune(db, now);
  const until = row?.blockedUntil;
  if (until && until.getTime() > now.getTime())
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)) };
  return { ok: true };
}

/** Checks several limits; refused when any is, with the longest wait. Every rule counts the attempt. */
export async function consumeLimits(
  db: Executor,
  checks: { rule: LimitRule; subject: string | null }[],
  now: Date = new Date(),
): Promise<LimitResult> {
  let wait = 0;
  for (const check of checks) {
    if (check.subject === null) continue;
    const result = await consumeLimit(db, check.rule, check.subject, now);
    if (!result.ok) wait = Math.max(wait, result.retryAfterSeconds);
  }
  return wait > 0 ? { ok: false, retryAfterSeconds: wait } : { ok: true };
}

/** Forgets a key's attempts (a successful sign-in clears that account's counter, not its address's). */
export async function resetLimit(db: Executor, rule: LimitRule, subject: string): Promise<void> {
  await db
    .delete(rateLimits)
    .where(
      sql`${rateLimits.key} = ${limitKey(rule, subject)} and (${rateLimits.blockedUntil} is null or ${rateLimits.blockedUntil} <= now())`,
    );
}

/** Deletes rows nobody has touched for two days (every rule's quiet period is shorter). */
export async function pruneLimits(db: Executor, now: Date = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - 2 * 24 * 60 * 60 * 1000);
  const gone = await db
    .delete(rateLimits)
    .where(
      sql`${rateLimits.updatedAt} < ${iso(cutoff)}::timestamptz and (${rateLimits.blockedUntil} is null or ${rateLimits.blockedUntil} < ${iso(now)}::timestamptz)`,
    )
    .returning({ key: rateLimits.key });
  return gone.length;
}

// Beacon keys (one per visitor) would pile up; about one check in a thousand sweeps stale rows, off the
// request's path (a failure only means the sweep happens another time).
function maybePrune(db: Executor, now: Date): void {
  if (Math.random() < 0.001) void pruneLimits(db, now).catch(() => undefined);
}

/** "5 minutes" for the form message: whole minutes, rounded up, at least one. */
export function retryAfterMinutes(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60));
}
