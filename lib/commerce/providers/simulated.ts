/**
 * The built-in payment provider: a stand-in for Stripe that runs inside the app and follows the same
 * flow, so the shop's side is exercised exactly as with a real one. It keeps its own records
 * (`sim_payment`, never read by the shop's code), hosts its own confirmation page (/pay/sim/<id>, where
 * the buyer picks an outcome: no card number is ever typed or sent) and reports the outcome by a signed
 * webhook to /api/payments/webhook, re-delivered by the payment sweep until acknowledged, as real
 * providers retry.
 */
import { randomBytes } from "node:crypto";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Db } from "@/db/client";
import { simPayments } from "@/db/schema";
import {
  PaymentProviderError,
  WebhookSignatureError,
  type CreatePaymentRequest,
  type CreatedPayment,
  type PaymentEvent,
  type PaymentProvider,
  type CancelOutcome,
} from "../payments";
import { SIM_SIGNATURE_HEADER, signSimPayload, verifySimSignature } from "./sim-signature";

/** The choices on the hosted page, labelled with the test cards a developer knows from Stripe. */
export const SIM_TEST_CARDS = {
  succeed: "4242 4242 4242 4242",
  decline: "4000 0000 0000 0002",
  challenge: "4000 0027 6000 3184",
} as const;

export type SimChoice = "succeed" | "decline" | "challenge" | "challenge_pass" | "challenge_fail";
export type SimPaymentStatus = (typeof simPayments.$inferSelect)["status"];
export type SimPayment = typeof simPayments.$inferSelect;

/** Sends one webhook request; answers the HTTP status (0 when nothing answered). */
export type WebhookSender = (url: string, body: string, headers: Record<string, string>) => Promise<number>;

const httpSender: WebhookSender = async (url, body, headers) => {
  try {
    const response = await fetch(url, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", ...headers },
      signal: AbortSignal.timeout(10_000),
    });
    return response.status;
  } catch {
    return 0;
  }
};

/** The first re-delivery waits this long; each one after waits twice as long as the one before … */
export const SIM_WEBHOOK_RETRY_MS = 30_000;
/** … up to this, so an endpoint that is down for hours still gets the event once it is back. */
export const SIM_WEBHOOK_RETRY_CAP_MS = 60 * 60_000;
/**
 * After this many deliveries an event stays undelivered: about a day of re-deliveries at the default
 * pace (SIM_WEBHOOK_RETRY_MS doubling up to the cap; Stripe gives up after three days).
 */
export const SIM_MAX_WEBHOOK_ATTEMPTS = 31;

/** How long after its `attempts`-th delivery the next one is due (the first re-delivery after `baseMs`). */
export function simRetryDelayMs(attempts: number, baseMs = SIM_WEBHOOK_RETRY_MS): number {
  return Math.min(baseMs * 2 ** Math.max(attempts - 1, 0), SIM_WEBHOOK_RETRY_CAP_MS);
}

/** The pure step of the hosted page: where a choice moves a payment, or null when it no longer can. */
export function simNextStatus(
  status: SimPaymentStatus,
  choice: SimChoice,
): { status: SimPaymentStatus; failureCode?: string } | null {
  if (status === "requires_confirmation") {
    if (choice === "succeed") return { status: "succeeded" };
    if (choice === "decline") return { status: "failed", failureCode: "card_declined" };
    if (choice === "challenge") return { status: "requires_action" };
  }
  if (status === "requires_action") {
    if (choice === "challenge_pass") return { status: "succeeded" };
    if (choice === "challenge_fail") return { status: "failed", failureCode: "authentication_failed" };
  }
  return null;
}

const eventSchema = z.object({
  id: z.string().min(1).max(200),
  type: z.string().max(100),
  data: z.object({
    payment: z.object({
      id: z.string().min(1).max(200),
      merchant_reference: z.string().max(200),
      amount: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
      currency: z.string().regex(/^[A-Z]{3}$/),
      failure_code: z.string().max(100).nullable(),
    }),
  }),
});

export type SimulatedProviderOptions = {
  secret: string;
  /** Our webhook endpoint, absolute (SITE_URL + /api/payments/webhook). */
  webhookUrl: string;
  send?: WebhookSender;
  db?: () => Promise<Db>;
  now?: () => Date;
};

export class SimulatedPaymentProvider implements PaymentProvider {
  readonly name = "simulated";
  private readonly send: WebhookSender;
  private readonly db: () => Promise<Db>;
  private readonly now: () => Date;

  constructor(private readonly options: SimulatedProviderOptions) {
    this.send = options.send ?? httpSender;
    this.db = options.db ?? getDb;
    this.now = options.now ?? (() => new Date());
  }

  async createPayment(request: CreatePaymentRequest): Promise<CreatedPayment> {
    const db = await this.db();
    await db
      .insert(simPayments)
      .values({
        id: `simpay_${randomBytes(12).toString("hex")}`,
        idempotencyKey: request.idempotencyKey,
        merchantReference: request.orderId,
        amount: request.amount,
        currency: request.currency,
        description: request.description,
        returnUrl: request.returnPath,
      })
      .onConflictDoNothing({ target: simPayments.idempotencyKey });
    const [row] = await db.select().from(simPayments).where(eq(simPayments.idempotencyKey, request.idempotencyKey));
    if (!row) throw new PaymentProviderError("simulated provider lost a payment it just created");
    // As Stripe does: one key, one request; the same key with other parameters is an error, not a new payment.
    if (row.amount !== request.amount || row.currency !== request.currency || row.merchantReference !== request.orderId)
      throw new PaymentProviderError("idempotency key reused with different parameters");
    return { providerPaymentId: row.id, confirmUrl: `/pay/sim/${row.id}` };
  }

  async cancelPayment(providerPaymentId: string): Promise<CancelOutcome> {
    const db = await this.db();
    await db
      .update(simPayments)
      .set({ status: "canceled", updatedAt: this.now() })
      .where(
        and(
          eq(simPayments.id, providerPaymentId),
          inArray(simPayments.status, ["requires_confirmation", "requires_action"]),
        ),
      );
    const [row] = await db
      .select({ status: simPayments.status })
      .from(simPayments)
      .where(eq(simPayments.id, providerPaymentId));
    if (row?.status === "succeeded") return "succeeded";
    return row?.status === "failed" ? "failed" : "canceled";
  }

  async verifyWebhook(rawBody: string, headers: Headers): Promise<PaymentEvent | null> {
    verifySimSignature(
      rawBody,
      headers.get(SIM_SIGNATURE_HEADER),
      this.options.secret,
      Math.floor(this.now().getTime() / 1000),
    );
    let json: unknown;
    try {
      json = JSON.parse(rawBody);
    } catch {
      throw new WebhookSignatureError("signed body is not JSON");
    }
    const parsed = eventSchema.safeParse(json);
    if (!parsed.success) throw new WebhookSignatureError("signed body is not a simulated provider event");
    const { id, type, data } = parsed.data;
    if (type !== "payment.succeeded" && type !== "payment.failed") return null;
    return {
      provider: this.name,
      eventId: id,
      type,
      providerPaymentId: data.payment.id,
      orderId: data.payment.merchant_reference || null,
      amount: data.payment.amount,
      currency: data.payment.currency,
      ...(data.payment.failure_code ? { failureCode: data.payment.failure_code } : {}),
    };
  }

  /** The hosted page's read. */
  async getPayment(id: string): Promise<SimPayment | null> {
    if (!/^simpay_[0-9a-f]{24}$/.test(id)) return null;
    const db = await this.db();
    const [row] = await db.select().from(simPayments).where(eq(simPayments.id, id));
    return row ?? null;
  }

  /**
   * The buyer's choice on the hosted page. A terminal outcome is recorded with its webhook marked due in
   * one statement, then delivered at once; an undelivered one is retried by `redeliverWebhooks`.
   */
  async confirm(id: string, choice: SimChoice): Promise<SimPayment | null> {
    const db = await this.db();
    const row = await this.getPayment(id);
    if (!row) return null;
    const next = simNextStatus(row.status, choice);
    if (next) {
      const terminal = next.status === "succeeded" || next.status === "failed";
      await db
        .update(simPayments)
        .set({
          status: next.status,
          failureCode: next.failureCode ?? null,
          webhookPending: terminal,
          updatedAt: this.now(),
        })
        // Only from the state it was read in: two clicks racing make one change.
        .where(and(eq(simPayments.id, id), eq(simPayments.status, row.status)));
      if (terminal) await this.deliver(id);
    }
    return this.getPayment(id);
  }

  /** Sends the outcome's webhook of one payment if it is still due; true once acknowledged. */
  async deliver(id: string): Promise<boolean> {
    const db = await this.db();
    const row = await this.getPayment(id);
    if (!row?.webhookPending || (row.status !== "succeeded" && row.status !== "failed")) return false;
    const body = JSON.stringify({
      // One id per payment outcome: a re-delivery is the same event, which the shop applies once.
      id: `simevt_${row.id.slice("simpay_".length)}_${row.status}`,
      type: row.status === "succeeded" ? "payment.succeeded" : "payment.failed",
      created: Math.floor(this.now().getTime() / 1000),
      data: {
        payment: {
          id: row.id,
          merchant_reference: row.merchantReference,
          amount: row.amount,
          currency: row.currency,
          failure_code: row.failureCode,
        },
      },
    });
    const signature = signSimPayload(body, this.options.secret, Math.floor(this.now().getTime() / 1000));
    const status = await this.send(this.options.webhookUrl, body, { [SIM_SIGNATURE_HEADER]: signature });
    const delivered = status >= 200 && status < 300;
    await db
      .update(simPayments)
      .set({
        webhookPending: !delivered && row.webhookAttempts + 1 < SIM_MAX_WEBHOOK_ATTEMPTS,
        webhookAttempts: sql`${simPayments.webhookAttempts} + 1`,
      })
      .where(eq(simPayments.id, id));
    return delivered;
  }

  /**
   * Re-sends webhooks not yet acknowledged once their back-off has passed (the payment sweep): `minAgeMs`
   * after the first try, doubling with every try up to SIM_WEBHOOK_RETRY_CAP_MS (simRetryDelayMs).
   */
  async redeliverWebhooks({ minAgeMs = SIM_WEBHOOK_RETRY_MS, limit = 20 } = {}): Promise<number> {
    const db = await this.db();
    const now = this.now().toISOString();
    // The last try (updated_at) plus min(minAgeMs * 2^(attempts - 1), cap) is in the past.
    const delayMs = sql`least(${minAgeMs}::float8 * power(2, greatest(${simPayments.webhookAttempts} - 1, 0)), ${SIM_WEBHOOK_RETRY_CAP_MS}::float8)`;
    const due = await db
      .select({ id: simPayments.id })
      .from(simPayments)
      .where(
        and(
          eq(simPayments.webhookPending, true),
          sql`${simPayments.updatedAt} <= ${now}::timestamptz - ${delayMs} * interval '1 millisecond'`,
        ),
      )
      .orderBy(asc(simPayments.updatedAt))
      .limit(limit);
    let delivered = 0;
    for (const { id } of due) {
      // Touch first, so a failing endpoint is retried after its back-off, not on every pass.
      await db.update(simPayments).set({ updatedAt: this.now() }).where(eq(simPayments.id, id));
      if (await this.deliver(id)) delivered++;
    }
    return delivered;
  }
}
