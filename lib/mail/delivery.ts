/**
 * Delivers the outbox's mail: `deliverDueMail` is one pass (a job worker can run it instead of the
 * loop), `startMailDelivery` runs passes on a timer beside the web server (lib/server-start.ts).
 *
 * A pass claims due rows in a short transaction (FOR UPDATE SKIP LOCKED, so concurrent passes in
 * other processes take other rows) and, in that same transaction, pushes their next_attempt_at a lease
 * into the future: once it commits, no other pass sees them as due while this one sends. Sending
 * happens outside any transaction; each row is then marked sent, or its failure counted with an
 * exponential back-off, and `dead` (last_error kept) after MAX_ATTEMPTS. A process that dies mid-send
 * leaves its rows to be retried when the lease runs out; that is the only way a mail can go twice.
 * A pass that meets three failures in a row (the server is down or hanging), or has used half its
 * lease, hands its remaining rows back unattempted instead of spending a timeout on each.
 */
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { outbox } from "@/db/schema";
import { mailMessageSchema } from "./message";
import { MAIL_TOPIC } from "./outbox";
import type { MailTransport } from "./transport";

export const MAX_ATTEMPTS = 8;
/** Longer than any send can take with the transport's timeouts. */
export const CLAIM_LEASE_MS = 5 * 60_000;
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 6 * 60 * 60_000;

/** Wait before the attempt after `attempts` failures: 30 s, 1 min, 2 min, … at most 6 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}

/** `released`: claimed but handed back unattempted (the pass stopped early). */
export type DeliveryReport = { claimed: number; sent: number; retried: number; dead: number; released?: number };

/** Consecutive failures after which a pass stops: the server is likely down for all of them. */
const STOP_AFTER_FAILURES = 3;

async function release(db: Db, ids: string[], at: Date): Promise<void> {
  if (ids.length > 0)
    await db
      .update(outbox)
      .set({ nextAttemptAt: at })
      .where(and(inArray(outbox.id, ids), eq(outbox.status, "pending")));
}

export type DeliverOptions = { db: Db; transport: MailTransport; now?: Date; limit?: number };

/** One pass: sends up to `limit` due mails. Never throws for a mail that fails; a database error does propagate. */
export async function deliverDueMail({
  db,
  transport,
  now = new Date(),
  limit = 20,
}: DeliverOptions): Promise<DeliveryReport> {
  const rows = await db.transaction(async (tx) => {
    const due = await tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(eq(outbox.topic, MAIL_TOPIC), eq(outbox.status, "pending"), lte(outbox.nextAttemptAt, now)))
      .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
      .limit(limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(outbox)
      .set({ nextAttemptAt: new Date(now.getTime() + CLAIM_LEASE_MS) })
      .where(
        inArray(
          outbox.id,
          due.map((r) => r.id),
        ),
      )
      .returning({ id: outbox.id, payload: outbox.payload, attempts: outbox.attempts });
  });

  const report: DeliveryReport = { claimed: rows.length, sent: 0, retried: 0, dead: 0 };
  const started = performance.now();
  let failuresInARow = 0;
  for (const [index, row] of rows.entries()) {
    // A server that hangs or fails every time: stop early and hand the rest back, unattempted, rather
    // than wait out one timeout per row or send past the lease (when another pass could take them).
    if (failuresInARow >= STOP_AFTER_FAILURES || performance.now() - started > CLAIM_LEASE_MS / 2) {
      await release(
        db,
        rows.slice(index).map((r) => r.id),
        new Date(now.getTime() + (failuresInARow > 0 ? retryDelayMs(1) : 0)),
      );
      report.released = rows.length - index;
      break;
    }
    const attempts = row.attempts + 1;
    const parsed = mailMessageSchema.safeParse(row.payload);
    let error: string;
    if (!parsed.success) {
      // Retrying cannot fix a payload that does not describe a mail.
      await db
        .update(outbox)
        .set({ status: "dead", attempts, lastError: `invalid payload: ${parsed.error.issues[0]?.message ?? "?"}` })
        .where(eq(outbox.id, row.id));
      report.dead++;
      continue;
    }
    try {
      await transport.send(parsed.data);
      await db
        .update(outbox)
        .set({ status: "sent", attempts, sentAt: new Date(), lastError: null })
        .where(eq(outbox.id, row.id));
      report.sent++;
      failuresInARow = 0;
      continue;
    } catch (e) {
      error = (e instanceof Error ? e.message : String(e)).slice(0, 1000) || "send failed";
    }
    failuresInARow++;
    const dead = attempts >= MAX_ATTEMPTS;
    await db
      .update(outbox)
      .set(
        dead
          ? { status: "dead", attempts, lastError: error }
          : { attempts, lastError: error, nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) },
      )
      .where(eq(outbox.id, row.id));
    if (dead) {
      console.error(`[mail] gave up on outbox row ${row.id} after ${attempts} attempts: ${error}`);
      report.dead++;
    } else report.retried++;
  }
  return report;
}

/** Mails still waiting (for tests and a health view): pending rows, due or not. */
export async function pendingMailCount(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(outbox)
    .where(and(eq(outbox.topic, MAIL_TOPIC), eq(outbox.status, "pending")));
  return row?.n ?? 0;
}

export type MailDelivery = { stop(): Promise<void> };

export type LoopOptions = {
  getDb: () => Promise<Db>;
  transport: MailTransport;
  /** Pause between passes that found nothing more to do. */
  intervalMs?: number;
  /** Logger for pass failures (a database that is down); console.error by default. */
  onError?: (error: unknown) => void;
};

/**
 * Runs passes until stopped: again at once while a pass used its whole batch, otherwise after
 * `intervalMs`. A failing pass (database down) is logged and retried on the next tick; nothing is
 * ever thrown out of the loop. The timer is unref'd, so the loop never keeps a process alive, and
 * `stop()` resolves once the pass in flight (if any) has finished.
 */
export function startMailDelivery({
  getDb,
  transport,
  intervalMs = 3000,
  onError = (e) => console.error("[mail] delivery pass failed", e),
}: LoopOptions): MailDelivery {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> | undefined;
  const limit = 20;

  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(tick, ms);
    timer.unref();
  };
  let failedPasses = 0;
  function tick() {
    inFlight = (async () => {
      let next = intervalMs;
      try {
        const report = await deliverDueMail({ db: await getDb(), transport, limit });
        failedPasses = 0;
        if (report.claimed === limit && !report.released) next = 0;
      } catch (error) {
        // The database is down or refusing: wait longer each time (at most a minute), log each failure.
        failedPasses++;
        next = Math.min(60_000, intervalMs * 2 ** Math.min(failedPasses, 10));
        try {
          onError(error);
        } catch {
          // A logger that throws must not end the loop either.
        }
      }
      inFlight = undefined;
      schedule(next);
    })();
  }
  schedule(0);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await inFlight;
      transport.close();
    },
  };
}
