/**
 * The one way to send mail: write it to the outbox inside the transaction that causes it (pass that
 * transaction as `db`). If the change rolls back, the mail was never queued; if it commits, the
 * delivery loop (./delivery.ts) sends it with retries, however long the mail server is down.
 */
import type { Executor } from "@/db/client";
import { outbox } from "@/db/schema";
import { mailMessageSchema, type MailMessage } from "./message";

export const MAIL_TOPIC = "mail";

export async function enqueueMail(db: Executor, message: MailMessage): Promise<void> {
  const payload = mailMessageSchema.parse(message);
  await db.insert(outbox).values({ topic: MAIL_TOPIC, payload });
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
  await db.insert(outbox).values({ topic: MAIL_TOPIC, payload: parsed.data });
  return true;
}
