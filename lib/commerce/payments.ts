/**
 * Payments behind one small interface, so a real provider (Stripe, Adyen...) can replace the simulated
 * one without touching checkout. Checkout charges last, after every database check has passed, and
 * voids the charge if the transaction cannot commit afterwards.
 *
 * Test cards for the simulated provider (spaces and dashes are ignored; `tok_*` tokens work too):
 *   4242 4242 4242 4242  (tok_visa)     succeeds
 *   4000 0000 0000 0002  (tok_decline)  declined: card_declined
 *   4000 0000 0000 0119  (tok_error)    the provider fails with an error (a 5xx in real life)
 *   4000 0000 0000 0259  (tok_timeout)  the provider never answers; checkout gives up after its timeout
 * Any other 12-19 digit number succeeds, like a test-mode provider would.
 */
import { randomUUID } from "node:crypto";

/**
 * The most one payment may be, in minor units: Stripe's per-charge maximum (eight digits, $999,999.99)
 * for every currency we sell in (./money CURRENCIES). Checkout refuses a larger total as
 * `amount_too_large` before anything is written or charged, and offers stay below it too; a provider
 * with other limits changes this one place (per currency in `maxChargeAmount`).
 */
export const MAX_CHARGE_AMOUNT = 99_999_999;

/** Currencies whose provider limit differs from MAX_CHARGE_AMOUNT (none of ours today). */
const MAX_CHARGE_BY_CURRENCY: Partial<Record<string, number>> = {};

export function maxChargeAmount(currency: string): number {
  return MAX_CHARGE_BY_CURRENCY[currency] ?? MAX_CHARGE_AMOUNT;
}

export type ChargeRequest = {
  amount: number;
  currency: string;
  /** A card number or token from the checkout form. */
  token: string;
  /** The checkout's idempotency key: a provider that sees it twice charges once. */
  idempotencyKey: string;
  description: string;
};

export type ChargeResult =
  { status: "succeeded"; reference: string } | { status: "declined"; reference: string; reason: string };

export interface PaymentProvider {
  readonly name: string;
  /** Resolves with the outcome, or throws `PaymentProviderError`; honours `signal` when the caller gives up. */
  charge(request: ChargeRequest, options: { signal: AbortSignal }): Promise<ChargeResult>;
  /** Voids a charge (by idempotency key) that the caller could not keep: after a timeout or a failed commit. */
  cancel(idempotencyKey: string): Promise<void>;
}

export class PaymentProviderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PaymentProviderError";
  }
}

export const TEST_CARDS = {
  success: "4242424242424242",
  decline: "4000000000000002",
  error: "4000000000000119",
  timeout: "4000000000000259",
} as const;

type Behaviour = "succeed" | "decline" | "error" | "timeout" | "invalid";

function behaviourOf(token: string): Behaviour {
  const t = token.replace(/[\s-]/g, "");
  if (t === TEST_CARDS.decline || t === "tok_decline") return "decline";
  if (t === TEST_CARDS.error || t === "tok_error") return "error";
  if (t === TEST_CARDS.timeout || t === "tok_timeout") return "timeout";
  if (t === "tok_visa" || /^\d{12,19}$/.test(t)) return "succeed";
  return "invalid";
}

export type PaymentAttempt = {
  idempotencyKey: string;
  amount: number;
  currency: string;
  outcome: "succeeded" | "declined" | "error" | "timeout" | "cancelled";
  at: Date;
};

/**
 * A provider that keeps its own record of attempts, as a real one does on its dashboard: declined and
 * failed attempts live here, not in our database, because a failed checkout must leave our data as it was.
 */
export class SimulatedPaymentProvider implements PaymentProvider {
  readonly name = "simulated";
  readonly attempts: PaymentAttempt[] = [];
  private readonly charged = new Map<string, string>();

  constructor(private readonly options: { latencyMs?: number; maxAttemptsKept?: number } = {}) {}

  private record(attempt: Omit<PaymentAttempt, "at">) {
    this.attempts.push({ ...attempt, at: new Date() });
    const max = this.options.maxAttemptsKept ?? 1000;
    if (this.attempts.length > max) this.attempts.splice(0, this.attempts.length - max);
  }

  async charge(request: ChargeRequest, { signal }: { signal: AbortSignal }): Promise<ChargeResult> {
    const base = { idempotencyKey: request.idempotencyKey, amount: request.amount, currency: request.currency };
    const behaviour = behaviourOf(request.token);
    if (behaviour === "timeout") {
      // Never answers: only the caller's abort ends the wait.
      await new Promise<void>((resolve) => {
        if (signal.aborted) return resolve();
        signal.addEventListener("abort", () => resolve(), { once: true });
      });
      this.record({ ...base, outcome: "timeout" });
      throw new PaymentProviderError("simulated provider did not answer");
    }
    if (this.options.latencyMs) await sleep(this.options.latencyMs, signal);
    if (behaviour === "error") {
      this.record({ ...base, outcome: "error" });
      throw new PaymentProviderError("simulated provider error");
    }
    const reference = `sim_${randomUUID()}`;
    if (behaviour === "decline" || behaviour === "invalid") {
      this.record({ ...base, outcome: "declined" });
      return { status: "declined", reference, reason: behaviour === "invalid" ? "invalid_card" : "card_declined" };
    }
    const previous = this.charged.get(request.idempotencyKey);
    if (previous) return { status: "succeeded", reference: previous };
    this.charged.set(request.idempotencyKey, reference);
    // Bounded, like the attempt log: the map only exists to make a repeated key charge once.
    if (this.charged.size > (this.options.maxAttemptsKept ?? 1000))
      this.charged.delete(this.charged.keys().next().value as string);
    this.record({ ...base, outcome: "succeeded" });
    return { status: "succeeded", reference };
  }

  async cancel(idempotencyKey: string): Promise<void> {
    if (this.charged.delete(idempotencyKey))
      this.record({ idempotencyKey, amount: 0, currency: "XXX", outcome: "cancelled" });
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });
}

const globalForPayments = globalThis as unknown as { __atelierPayments?: PaymentProvider };

/** The provider checkout uses unless a caller passes its own (tests, benchmarks). */
export function getPaymentProvider(): PaymentProvider {
  globalForPayments.__atelierPayments ??= new SimulatedPaymentProvider();
  return globalForPayments.__atelierPayments;
}
