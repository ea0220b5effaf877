/**
 * The configured payment provider (PAYMENT_PROVIDER), one per process. Callers that need another (tests,
 * benchmarks) pass their own to placeOrder and the payment flow.
 */
import { env } from "@/lib/env";
import type { PaymentProvider } from "../payments";
import { SimulatedPaymentProvider } from "./simulated";
import { stripeProviderFromEnv } from "./stripe";

export const WEBHOOK_PATH = "/api/payments/webhook";

const globalForPayments = globalThis as unknown as { __atelierPayments?: PaymentProvider };

/** Where the simulated provider posts: SIM_WEBHOOK_URL (the shop's internal address) or SITE_URL's endpoint. */
export function simWebhookUrl(config: { SIM_WEBHOOK_URL?: string; SITE_URL: string }): string {
  return config.SIM_WEBHOOK_URL ?? new URL(WEBHOOK_PATH, config.SITE_URL).toString();
}

function simulatedFromEnv(): SimulatedPaymentProvider {
  return new SimulatedPaymentProvider({ secret: env.SIM_PAYMENT_SECRET, webhookUrl: simWebhookUrl(env) });
}

export function getPaymentProvider(): PaymentProvider {
  globalForPayments.__atelierPayments ??=
    env.PAYMENT_PROVIDER === "stripe" ? stripeProviderFromEnv() : simulatedFromEnv();
  return globalForPayments.__atelierPayments;
}

let ownSimulated: SimulatedPaymentProvider | undefined;

/**
 * The simulated provider when it is the configured one (its hosted page 404s otherwise). The process
 * global may hold an instance made by another server bundle, whose class is a different copy: then
 * this bundle makes its own (the provider's state lives in the database, so both agree).
 */
export function getSimulatedProvider(): SimulatedPaymentProvider | null {
  const provider = getPaymentProvider();
  if (provider instanceof SimulatedPaymentProvider) return provider;
  if (provider.name !== "simulated") return null;
  ownSimulated ??= simulatedFromEnv();
  return ownSimulated;
}

/** Replaces the process's provider (tests that drive the webhook route with their own). */
export function setPaymentProvider(provider: PaymentProvider | undefined): void {
  globalForPayments.__atelierPayments = provider;
}
