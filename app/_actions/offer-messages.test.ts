/**
 * The offer actions answer each side in its own words: the buyer typing "100,000,000" is told about
 * the payment limit and the list price, never about counters; the seller's out-of-range counter gets
 * the rule about counters. Amounts with thousands separators are read.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { offers } from "@/db/schema";
import type { AccountUser } from "@/lib/auth/accounts";
import { createArtwork, createUsers, fixtureTag } from "@/lib/commerce/fixtures";
import { setUpFixtureDatabase } from "@/test/fixture-db";
import { signInAs } from "@/test/session-mock";

vi.mock("@/lib/server/session", () => import("@/test/session-mock"));
vi.mock("next/cache", () => ({ refresh: () => undefined }));
vi.mock("next-intl/server", () => ({ getLocale: async () => "en" }));

const { makeOfferAction, respondToOfferAction } = await import("./offers");

let db: Db;
let creator: { creatorId: string; userId: string };
const tag = fixtureTag();

setUpFixtureDatabase(tag, (fx) => {
  db = fx.db;
  creator = fx.creator;
});

const form = (fields: Record<string, string>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
};
async function signIn(n: string): Promise<AccountUser> {
  const [id] = (await createUsers(db, `${tag}${n}`, 1)) as [string];
  const user: AccountUser = { id, email: `${n}@x`, name: n, role: "consumer" };
  signInAs(user);
  return user;
}

describe("offer actions speak to the person who acted", () => {
  it("tells a buyer offering 100,000,000 about the payment limit, with the limit", async () => {
    await signIn("huge");
    const art = await createArtwork(db, tag, { creatorId: creator.creatorId, priceAmount: 850_000 });
    const result = await makeOfferAction(null, form({ productId: art, amount: "100,000,000", message: "" }));
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { amount: "offers.errors.amount_too_large" },
      values: { amount: "100,000,000", max: expect.stringContaining("999,999.99") as unknown },
    });
  });

  it("reads a grouped amount and makes the offer", async () => {
    const buyer = await signIn("grouped");
    const art = await createArtwork(db, tag, { creatorId: creator.creatorId, priceAmount: 850_000 });
    expect(await makeOfferAction(null, form({ productId: art, amount: "6,500.50", message: "" }))).toEqual({
      ok: true,
    });
    const [row] = await db.select().from(offers).where(eq(offers.buyerId, buyer.id));
    expect(row?.amount).toBe(650_050);
  });

  it("answers a buyer's refusal with the buyer's key and a seller's with the seller's", async () => {
    await signIn("buyer");
    const art = await createArtwork(db, tag, { creatorId: creator.creatorId, priceAmount: 100_000 });
    expect(await makeOfferAction(null, form({ productId: art, amount: "1200", message: "" }))).toMatchObject({
      ok: false,
      error: "offers.errors.not_below_price",
    });
    expect(await makeOfferAction(null, form({ productId: art, amount: "600", message: "" }))).toEqual({ ok: true });
    const [offer] = await db.select().from(offers).where(eq(offers.productId, art));

    signInAs({ id: creator.userId, email: "c@x", name: "c", role: "creator" });
    // Below the buyer's offer: not a counter.
    expect(await respondToOfferAction(null, form({ offerId: offer!.id, response: "counter", counter: "500" }))).toEqual(
      { ok: false, error: "offers.sellerErrors.invalid" },
    );
    expect(
      await respondToOfferAction(null, form({ offerId: offer!.id, response: "counter", counter: "1,000,000" })),
    ).toEqual({ ok: false, error: "offers.sellerErrors.amount_too_large" });
  });
});
