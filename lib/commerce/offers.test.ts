import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { offers, orders } from "@/db/schema";
import { setUpFixtureDatabase } from "@/test/fixture-db";
import { placeOrder } from "./checkout";
import { createArtwork, createCourse, createCreator, createUsers, fixtureTag } from "./fixtures";
import { RESERVATION_MS } from "./inventory";
import { listOffersForBuyer, listOffersForCreator, makeOffer, respondAsBuyer, respondAsCreator } from "./offers";

let db: Db;
const tag = fixtureTag();
let artist: { creatorId: string; userId: string };
let rival: { creatorId: string; userId: string };
let admin: string;

setUpFixtureDatabase(tag, async (fx) => {
  db = fx.db;
  artist = fx.creator;
  rival = await createCreator(db, tag, 1);
  [admin] = (await createUsers(db, `${tag}adm`, 1, "admin")) as [string];
});

const creatorActor = () => ({ id: artist.userId, role: "creator" as const });
const offerStatus = async (id: string) => (await db.select().from(offers).where(eq(offers.id, id)))[0];
const buy = (userId: string, productId: string) =>
  placeOrder({ userId, lines: [{ productId, quantity: 1 }], idempotencyKey: `offer-${randomUUID()}` });
const totalOf = async (orderId: string) =>
  (await db.select().from(orders).where(eq(orders.id, orderId)))[0]?.totalAmount;

describe("making an offer", () => {
  it("takes one open offer per buyer, below the list price, on someone else's published artwork", async () => {
    const art = await createArtwork(db, tag, { creatorId: artist.creatorId, priceAmount: 100_000 });
    const course = await createCourse(db, tag, { creatorId: artist.creatorId });
    const [buyer] = (await createUsers(db, `${tag}a`, 1)) as [string];
    expect(await makeOffer({ buyerId: buyer, productId: art, amount: 100_000 })).toEqual({
      ok: false,
      code: "not_below_price",
    });
    expect(await makeOffer({ buyerId: buyer, productId: art, amount: -5 })).toEqual({ ok: false, code: "invalid" });
    expect(await makeOffer({ buyerId: buyer, productId: art, amount: "80000" as unknown as number })).toEqual({
      ok: false,
      code: "invalid",
    });
    expect(await makeOffer({ buyerId: buyer, productId: course.productId, amount: 100 })).toEqual({
      ok: false,
      code: "not_found",
    });
    expect(await makeOffer({ buyerId: artist.userId, productId: art, amount: 50_000 })).toEqual({
      ok: false,
      code: "own_artwork",
    });
    const made = await makeOffer({ buyerId: buyer, productId: art, amount: 80_000, message: "I love it" });
    expect(made.ok).toBe(true);
    expect(await makeOffer({ buyerId: buyer, productId: art, amount: 85_000 })).toEqual({
      ok: false,
      code: "offer_exists",
    });
    expect((await listOffersForBuyer({ buyerId: buyer, productId: art }))[0]).toMatchObject({
      status: "pending",
      amount: 80_000,
      message: "I love it",
    });
  });
});

describe("answering an offer", () => {
  it("lets only the artwork's creator or an admin answer", async () => {
    const art = await createArtwork(db, tag, { creatorId: artist.creatorId, priceAmount: 100_000 });
    const [buyer, stranger] = (await createUsers(db, `${tag}b`, 2)) as [string, string];
    const made = await makeOffer({ buyerId: buyer, productId: art, amount: 70_000 });
    if (!made.ok) throw new Error("offer not made");
    expect(
      await respondAsCreator({ id: rival.userId, role: "creator" }, { offerId: made.offerId, response: "accept" }),
    ).toEqual({ ok: false, code: "forbidden" });
    expect(
      await respondAsCreator({ id: stranger, role: "consumer" }, { offerId: made.offerId, response: "decline" }),
    ).toEqual({ ok: false, code: "forbidden" });
    expect(await respondAsBuyer(stranger, { offerId: made.offerId, response: "withdraw" })).toEqual({
      ok: false,
      code: "not_found",
    });
    expect(await respondAsCreator(creatorActor(), { offerId: "nope", response: "accept" })).toEqual({
      ok: false,
      code: "not_found",
    });
    expect((await offerStatus(made.offerId))?.status).toBe("pending");
    expect(
      (await respondAsCreator({ id: admin, role: "admin" }, { offerId: made.offerId, response: "decline" })).ok,
    ).toBe(true);
    expect((await offerStatus(made.offerId))?.status).toBe("declined");
    expect(
      (await listOffersForCreator({ actor: { id: rival.userId, role: "creator" } })).map((o) => o.id),
    ).not.toContain(made.offerId);
    expect((await listOffersForCreator({ actor: creatorActor() })).map((o) => o.id)).toContain(made.offerId);
  });

  it("accepting reserves the piece for 48 hours at the offered price; nobody else can buy it", async () => {
    const art = await createArtwork(db, tag, { creatorId: artist.creatorId, priceAmount: 100_000 });
    const [buyer, other] = (await createUsers(db, `${tag}c`, 2)) as [string, string];
    const made = await makeOffer({ buyerId: buyer, productId: art, amount: 75_000 });
    if (!made.ok) throw new Error("offer not made");
    const now = new Date();
    expect((await respondAsCreator(creatorActor(), { offerId: made.offerId, response: "accept" }, now)).ok).toBe(true);
    expect((await offerStatus(made.offerId))?.reservedUntil?.getTime()).toBe(now.getTime() + RESERVATION_MS);
    expect(await makeOffer({ buyerId: other, productId: art, amount: 90_000 })).toEqual({
      ok: false,
      code: "out_of_stock",
    });
    expect(await buy(other, art)).toMatchObject({ ok: false, code: "out_of_stock" });
    const bought = await buy(buyer, art);
    expect(bought.ok && (await totalOf(bought.orderId))).toBe(75_000);
    expect((await offerStatus(made.offerId))?.status).toBe("completed");
  });

  it("a counter is accepted by the buyer at the countered price", async () => {
    const art = await createArtwork(db, tag, { creatorId: artist.creatorId, priceAmount: 100_000 });
    const [buyer] = (await createUsers(db, `${tag}d`, 1)) as [string];
    const made = await makeOffer({ buyerId: buyer, productId: art, amount: 60_000 });
    if (!made.ok) throw new Error("offer not made");
    expect(
      await respondAsCreator(creatorActor(), { offerId: made.offerId, response: "counter", counterAmount: 55_000 }),
    ).toEqual({ ok: false, code: "invalid" });
    expect(
      await respondAsCreator(creatorActor(), { offerId: made.offerId, response: "counter", counterAmount: 100_000 }),
    ).toEqual({ ok: false, code: "invalid" });
    expect(
      (await respondAsCreator(creatorActor(), { offerId: made.offerId, response: "counter", counterAmount: 85_000 }))
        .ok,
    ).toBe(true);
    expect(await respondAsCreator(creatorActor(), { offerId: made.offerId, response: "accept" })).toEqual({
      ok: false,
      code: "conflict",
    });
    expect((await respondAsBuyer(buyer, { offerId: made.offerId, response: "accept" })).ok).toBe(true);
    expect(await respondAsBuyer(buyer, { offerId: made.offerId, response: "accept" })).toEqual({
      ok: false,
      code: "conflict",
    });
    const bought = await buy(buyer, art);
    expect(bought.ok && (await totalOf(bought.orderId))).toBe(85_000);
  });

  it("an expired reservation is released when read, and the piece is for sale again at list price", async () => {
    const art = await createArtwork(db, tag, { creatorId: artist.creatorId, priceAmount: 100_000 });
    const [buyer, other] = (await createUsers(db, `${tag}e`, 2)) as [string, string];
    const made = await makeOffer({ buyerId: buyer, productId: art, amount: 50_000 });
    if (!made.ok) throw new Error("offer not made");
    const longAgo = new Date(Date.now() - RESERVATION_MS - 60_000);
    expect((await respondAsCreator(creatorActor(), { offerId: made.offerId, response: "accept" }, longAgo)).ok).toBe(
      true,
    );
    expect((await listOffersForBuyer({ buyerId: buyer, productId: art }))[0]?.status).toBe("expired");
    const bought = await buy(other, art);
    expect(bought.ok && (await totalOf(bought.orderId))).toBe(100_000);
  });

  it("two accepts racing for the last piece reserve it once", async () => {
    const art = await createArtwork(db, tag, { creatorId: artist.creatorId, priceAmount: 100_000 });
    const buyers = await createUsers(db, `${tag}f`, 2);
    const made = await Promise.all(buyers.map((buyerId) => makeOffer({ buyerId, productId: art, amount: 90_000 })));
    const results = await Promise.all(
      made.map((m) => (m.ok ? respondAsCreator(creatorActor(), { offerId: m.offerId, response: "accept" }) : m)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === "out_of_stock")).toHaveLength(1);
  });

  it("withdrawing an accepted offer releases the piece", async () => {
    const art = await createArtwork(db, tag, { creatorId: artist.creatorId });
    const [buyer, other] = (await createUsers(db, `${tag}g`, 2)) as [string, string];
    const made = await makeOffer({ buyerId: buyer, productId: art, amount: 1_000 });
    if (!made.ok) throw new Error("offer not made");
    await respondAsCreator(creatorActor(), { offerId: made.offerId, response: "accept" });
    expect((await respondAsBuyer(buyer, { offerId: made.offerId, response: "withdraw" })).ok).toBe(true);
    expect((await buy(other, art)).ok).toBe(true);
  });
});
