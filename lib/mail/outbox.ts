/**
 * The one way to send mail: write it to the outbox inside the transaction that causes it (pass that
 * transaction as `db`). If the change rolls back, the mail was never queued; if it commits, the
 * worker's mail job (./delivery.ts, run by lib/jobs) sends it with retries, however long the mail
 * server is down. The insert also notifies OUTBOX_CHANNEL; PostgreSQL delivers a notification only when
 * its transaction commits, so the worker wakes for mail that exists, about a second after the commit.
 */
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { outbox } from "@/db/schema";
import { mailMessageSchema, type MailMessage } from "./message";

export const MAIL_TOPIC = "mail";

/** The channel the worker listens on for new mail (lib/jobs/worker.ts). */
export const OUTBOX_CHANNEL = "atelier_outbox";

async function insertMail(db: Executor, payload: MailMessage): Promise<void> {
  await db.insert(outbox).values({ topic: MAIL_TOPIC, payload });
  await db.execute(sql`select pg_notify(${OUTBOX_CHANNEL}, '')`);
}

export async function enqueueMail(db: Executor, message: MailMessage): Promise<void> {
  await insertMail(db, mailMessageSchema.parse(message));
}

/**
 * For mails that accompany a change the user asked for (an order, an offer): `render` builds the
 * message, and a message that cannot be built or sent (a template error, an address the schema
 * refuses) is logged and skipped instead of throwing, so it never rolls back the change itself.
 * Rendering touches no database, so catching its errors leaves the transaction usable; the insert's
 * own errors do propagate (the transaction is broken then anyway). Returns whether a mail was queued.
 */
export async function queueMail(db: Executor, render: () => MailMessage): Promise<boolean> {
  let parsed: ReturnType<typeof mailMessageSchema.safeParse>;
  try {
    parsed = mailMessageSchema.safeParse(render());
  } catch (error) {
    console.error("[mail] could not render a mail; the change goes ahead without it", error);
    return false;
  }
  if (!parsed.success) {
    console.warn(`[mail] not queued: ${parsed.error.issues[0]?.message ?? "invalid message"}`);
    return false;
  }
  await insertMail(db, parsed.data);
  return true;
}
