/**
 * The shipping actions as public endpoints: a bad address or tracking number is a form message beside
 * its field (never a 500), an address is saved only in the signed-in buyer's account, a fulfilment is
 * marked shipped (then delivered) only by its own creator, and rates are saved only for the caller's own profile.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { addresses, fulfilments, shippingRates } from "@/db/schema";
import type { AccountUser } from "@/lib/auth/accounts";
import { createArtwork, createCreator, createUsers, fixtureTag, placeAndPay } from "@/lib/commerce/fixtures";
import { setUpFixtureDatabase } from "@/test/fixture-db";
import { signInAs } from "@/test/session-mock";

vi.mock("@/lib/server/session", () => import("@/test/session-mock"));
vi.mock("next/cache", () => ({ refresh: () => undefined, revalidatePath: () => undefined }));
// Requests from the English pages: their redirects stay unprefixed.
vi.mock("next-intl/server", () => ({ getLocale: async () => "en" }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`NEXT_REDIRECT ${url}`);
  },
}));

const { saveAddressAction } = await import("./addresses");
const { markDeliveredAction, markShippedAction } = await import("./fulfilments");
const { saveShippingRatesAction } = await import("./shipping-rates");

let db: Db;
const tag = fixtureTag();
let seller: AccountUser;
let other: AccountUser;
let buyer: AccountUser;
let sellerCreatorId: string;

setUpFixtureDatabase(tag, async (fx) => {
  db = fx.db;
  sellerCreatorId = fx.creator.creatorId;
  seller = { id: fx.creator.userId, email: "s@x", name: "S", role: "creator" };
  const o = await createCreator(db, tag, 1);
  other = { id: o.userId, email: "o@x", name: "O", role: "creator" };
  const [b] = (await createUsers(db, tag, 1)) as [string];
  buyer = { id: b, email: "b@x", name: "B", role: "consumer" };
});

const form = (fields: Record<string, string>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
};
const berlin = {
  name: "Bea",
  line1: "Unter den Linden 1",
  city: "Berlin",
  postalCode: "10117",
  country: "DE",
  phone: "+49 30 123456",
};

describe("saveAddressAction", () => {
  it("answers a bad postal code beside the field and saves nothing", async () => {
    signInAs(buyer);
    const state = await saveAddressAction(null, form({ ...berlin, postalCode: "1011" }));
    expect(state).toMatchObject({ ok: false, error: "invalid_input", fieldErrors: { postalCode: "postal_code" } });
    const saved = await db.select().from(addresses).where(eq(addresses.userId, buyer.id));
    expect(saved.map((a) => a.city)).not.toContain("Berlin");
  });

  it("saves a valid address in the caller's account and returns to checkout with it", async () => {
    signInAs(buyer);
    await expect(saveAddressAction(null, form(berlin))).rejects.toThrow(/NEXT_REDIRECT \/checkout\?address=/);
    const saved = await db.select().from(addresses).where(eq(addresses.userId, buyer.id));
    expect(saved.map((a) => a.city)).toContain("Berlin");
    signInAs(null);
    expect(await saveAddressAction(null, form(berlin))).toEqual({ ok: false, error: "sign_in_required" });
  });
});

describe("markShippedAction", () => {
  it("lets only the fulfilment's creator mark it shipped", async () => {
    const art = await createArtwork(db, tag, { creatorId: sellerCreatorId });
    const placed = await placeAndPay(db, {
      userId: buyer.id,
      lines: [{ productId: art, quantity: 1 }],
      idempotencyKey: `${tag}-ship-1`,
    });
    if (!placed.ok) throw new Error(placed.message);
    const [part] = await db.select().from(fulfilments).where(eq(fulfilments.orderId, placed.orderId));
    const fields = { fulfilmentId: part!.id, carrier: "DHL", trackingNumber: "JD014600006101234567" };

    signInAs(buyer);
    expect(await markShippedAction(null, form(fields))).toEqual({ ok: false, error: "forbidden" });
    signInAs(other);
    expect(await markShippedAction(null, form(fields))).toEqual({ ok: false, error: "shipments.errors.not_found" });
    signInAs(seller);
    expect(await markShippedAction(null, form({ ...fields, trackingNumber: "<script>" }))).toMatchObject({
      ok: false,
      fieldErrors: { trackingNumber: "tracking" },
    });
    expect(await markShippedAction(null, form(fields))).toEqual({ ok: true });
    const [after] = await db.select().from(fulfilments).where(eq(fulfilments.id, part!.id));
    expect(after).toMatchObject({ status: "shipped", carrier: "DHL" });
  });
});

describe("markDeliveredAction", () => {
  it("lets only the fulfilment's creator mark a shipped parcel delivered, and answers a bad id as a message", async () => {
    const art = await createArtwork(db, tag, { creatorId: sellerCreatorId });
    const placed = await placeAndPay(db, {
      userId: buyer.id,
      lines: [{ productId: art, quantity: 1 }],
      idempotencyKey: `${tag}-deliver-1`,
    });
    if (!placed.ok) throw new Error(placed.message);
    const [part] = await db.select().from(fulfilments).where(eq(fulfilments.orderId, placed.orderId));
    const fields = { fulfilmentId: part!.id };

    signInAs(seller);
    expect(await markDeliveredAction(null, form(fields))).toEqual({ ok: false, error: "shipments.errors.not_shipped" });
    expect(await markDeliveredAction(null, form({}))).toMatchObject({ ok: false, error: "invalid_input" });
    expect(
      await markShippedAction(null, form({ ...fields, carrier: "DHL", trackingNumber: "JD014600006101234567" })),
    ).toEqual({ ok: true });
    signInAs(buyer);
    expect(await markDeliveredAction(null, form(fields))).toEqual({ ok: false, error: "forbidden" });
    signInAs(other);
    expect(await markDeliveredAction(null, form(fields))).toEqual({ ok: false, error: "shipments.errors.not_found" });
    signInAs(null);
    expect(await markDeliveredAction(null, form(fields))).toEqual({ ok: false, error: "sign_in_required" });
    signInAs(seller);
    expect(await markDeliveredAction(null, form(fields))).toEqual({ ok: true });
    const [after] = await db.select().from(fulfilments).where(eq(fulfilments.id, part!.id));
    expect(after).toMatchObject({ status: "delivered", deliveredAt: expect.any(Date) });
  });
});

describe("saveShippingRatesAction", () => {
  it("replaces the caller's own rates, and answers bad amounts by field", async () => {
    signInAs(seller);
    expect(
      await saveShippingRatesAction(
        null,
        form({ currency: "EUR", insurance: "2", domestic_mode: "flat", domestic_flat: "x" }),
      ),
    ).toMatchObject({ ok: false, fieldErrors: { domestic_flat: "amount" } });
    expect(
      await saveShippingRatesAction(
        null,
        form({ currency: "EUR", insurance: "2", domestic_mode: "flat", domestic_flat: "19.90" }),
      ),
    ).toEqual({ ok: true });
    const rates = await db.select().from(shippingRates).where(eq(shippingRates.creatorId, sellerCreatorId));
    expect(rates).toEqual([
      expect.objectContaining({ zone: "domestic", currency: "EUR", flatAmount: 1990, insurancePpm: 20_000 }),
    ]);
    signInAs(buyer);
    expect(await saveShippingRatesAction(null, form({ currency: "EUR", insurance: "2" }))).toEqual({
      ok: false,
      error: "forbidden",
    });
  });
});
