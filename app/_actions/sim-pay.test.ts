/**
 * The simulated provider's page buttons: bad input is a form message, an unknown payment is named as
 * such, and a choice moves a payment only forward, then sends the buyer back to the order.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { orders, users } from "@/db/schema";
import { placeOrder } from "@/lib/commerce/checkout";
import { createArtwork, createUsers, fixtureTag, inProcessSimProvider, simPaymentOf } from "@/lib/commerce/fixtures";
import { setPaymentProvider } from "@/lib/commerce/providers";
import { setUpFixtureDatabase } from "@/test/fixture-db";

vi.mock("next/cache", () => ({ refresh: () => undefined }));
// Requests from the English pages: their redirects stay unprefixed.
vi.mock("next-intl/server", () => ({ getLocale: async () => "en" }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`NEXT_REDIRECT ${url}`);
  },
}));

const { confirmSimPaymentAction } = await import("./sim-pay");

let db: Db;
let creatorId: string;
const tag = fixtureTag();
const sim = inProcessSimProvider();
setPaymentProvider(sim.provider);

setUpFixtureDatabase(tag, (fx) => {
  db = fx.db;
  creatorId = fx.creator.creatorId;
});

const form = (fields: Record<string, string | undefined>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) fd.set(k, v);
  return fd;
};

/** `buyer` orders a new artwork on the simulated provider: the order and its payment's id. */
async function orderAnArtwork(buyer: string) {
  const art = await createArtwork(db, tag, { creatorId });
  const placed = await placeOrder(
    { userId: buyer, lines: [{ productId: art, quantity: 1 }], idempotencyKey: `sim-${randomUUID()}` },
    { provider: sim.provider },
  );
  if (!placed.ok) throw new Error(placed.message);
  return { placed, paymentId: await simPaymentOf(db, placed.orderId) };
}

describe("confirmSimPaymentAction", () => {
  it("answers bad input and unknown payments with a message, never a crash", async () => {
    for (const fields of [
      {},
      { paymentId: "x", choice: "succeed" },
      { paymentId: "simpay_" + "0".repeat(24), choice: "steal" },
    ])
      expect(await confirmSimPaymentAction(null, form(fields))).toMatchObject({ ok: false, error: "invalid_input" });
    expect(await confirmSimPaymentAction(null, "nope" as unknown as FormData)).toMatchObject({ ok: false });
    expect(
      await confirmSimPaymentAction(null, form({ paymentId: `simpay_${"ab".repeat(12)}`, choice: "succeed" })),
    ).toEqual({ ok: false, error: "simPay.unknown" });
  });

  it("goes through the 3-D Secure step, then back to the order, paid; a second click changes nothing", async () => {
    const [buyer] = (await createUsers(db, `${tag}b`, 1)) as [string];
    const { placed, paymentId } = await orderAnArtwork(buyer);
    await expect(confirmSimPaymentAction(null, form({ paymentId, choice: "challenge" }))).rejects.toThrow(
      `NEXT_REDIRECT /pay/sim/${paymentId}`,
    );
    await expect(confirmSimPaymentAction(null, form({ paymentId, choice: "challenge_pass" }))).rejects.toThrow(
      `NEXT_REDIRECT /orders/${placed.orderId}?placed=1`,
    );
    const status = async () => (await db.select().from(orders).where(eq(orders.id, placed.orderId)))[0]?.status;
    expect(await status()).toBe("paid");
    await expect(confirmSimPaymentAction(null, form({ paymentId, choice: "decline" }))).rejects.toThrow(
      `NEXT_REDIRECT /orders/${placed.orderId}?placed=1`,
    );
    expect(await status()).toBe("paid");
    expect(sim.delivered).toHaveLength(1);
  });

  it("sends a buyer whose language is Chinese back to the Chinese order page", async () => {
    const [buyer] = (await createUsers(db, `${tag}zh`, 1)) as [string];
    await db.update(users).set({ locale: "zh-CN" }).where(eq(users.id, buyer));
    const { placed, paymentId } = await orderAnArtwork(buyer);
    await expect(confirmSimPaymentAction(null, form({ paymentId, choice: "succeed" }))).rejects.toThrow(
      `NEXT_REDIRECT /zh/orders/${placed.orderId}?placed=1`,
    );
  });
});
