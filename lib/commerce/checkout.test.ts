import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { enrollments, offers, orderLines, orders, payments } from "@/db/schema";
import { setUpFixtureDatabase } from "@/test/fixture-db";
import { placeOrder, type PlaceOrderInput } from "./checkout";
import { applyPaymentEvent } from "./payment-flow";
import {
  checkoutSnapshot,
  createArtwork,
  createBundle,
  createCourse,
  createUsers,
  fixtureTag,
  stockOf,
} from "./fixtures";
import { inProcessSimProvider, placeAndPay, simPaymentOf } from "./fixtures";
import type { PaymentProvider } from "./payments";

let db: Db;
let creatorId: string;
const tag = fixtureTag();

setUpFixtureDatabase(tag, (fx) => {
  db = fx.db;
  creatorId = fx.creator.creatorId;
});

const key = () => `test-${randomUUID()}`;
const ordersOf = async (productId: string) =>
  (await db.selectDistinct({ id: orderLines.orderId }).from(orderLines).where(eq(orderLines.productId, productId)))
    .length;

describe("placeOrder under concurrency", () => {
  it("sells a unique artwork to exactly one of 50 concurrent buyers", async () => {
    const artwork = await createArtwork(db, tag, { creatorId, editionSize: 1 });
    const buyers = await createUsers(db, `${tag}a`, 50);
    const results = await Promise.all(
      buyers.map((userId) =>
        placeOrder({ userId, lines: [{ productId: artwork, quantity: 1 }], idempotencyKey: key() }),
      ),
    );
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === "out_of_stock")).toHaveLength(49);
    expect(await stockOf(db, artwork)).toBe(0);
    expect(await ordersOf(artwork)).toBe(1);
    // The winner pays on the provider's page; its webhook (delivered three times at once) makes one paid order.
    const { provider, delivered } = inProcessSimProvider();
    const winner = winners[0]!;
    if (!winner.ok) return;
    await provider.confirm(await simPaymentOf(db, winner.orderId), "succeed");
    const replay = delivered[0]!;
    await Promise.all(
      [1, 2, 3].map(async () => {
        const event = await provider.verifyWebhook(replay.body, new Headers(replay.headers));
        if (event) await applyPaymentEvent(event);
      }),
    );
    const paid = await db
      .select({ id: orders.id })
      .from(orders)
      .innerJoin(orderLines, eq(orderLines.orderId, orders.id))
      .where(and(eq(orderLines.productId, artwork), eq(orders.status, "paid")));
    expect(paid).toHaveLength(1);
    expect(await stockOf(db, artwork)).toBe(0);
  });

  it("sells an edition of 5 to exactly 5 of 20 concurrent buyers", async () => {
    const artwork = await createArtwork(db, tag, { creatorId, editionSize: 5 });
    const buyers = await createUsers(db, `${tag}b`, 20);
    const results = await Promise.all(
      buyers.map((userId) =>
        placeOrder({ userId, lines: [{ productId: artwork, quantity: 1 }], idempotencyKey: key() }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.code === "out_of_stock")).toHaveLength(15);
    expect(await stockOf(db, artwork)).toBe(0);
    expect(await ordersOf(artwork)).toBe(5);
  });

  it("creates one order when the same idempotency key arrives 10 times at once", async () => {
    const artwork = await createArtwork(db, tag, { creatorId, editionSize: 20 });
    const [buyer] = await createUsers(db, `${tag}c`, 1);
    const k = key();
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        placeOrder({ userId: buyer!, lines: [{ productId: artwork, quantity: 2 }], idempotencyKey: k }),
      ),
    );
    const ids = new Set(results.map((r) => (r.ok ? r.orderId : r.code)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(ids.size).toBe(1);
    expect(await db.select().from(orders).where(eq(orders.idempotencyKey, k))).toHaveLength(1);
    expect(await stockOf(db, artwork)).toBe(18);
  });

  it("gives one of two concurrent orders of the same course by one buyer, the other waits for its payment", async () => {
    const course = await createCourse(db, tag, { creatorId });
    const [buyer] = await createUsers(db, `${tag}d`, 1);
    const results = await Promise.all(
      [key(), key()].map((k) =>
        placeOrder({ userId: buyer!, lines: [{ productId: course.productId, quantity: 1 }], idempotencyKey: k }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === "payment_pending")).toHaveLength(1);
    // Access comes with the payment, not the order.
    expect(await db.select().from(enrollments).where(eq(enrollments.userId, buyer!))).toHaveLength(0);
    const placed = results.find((r) => r.ok);
    if (!placed?.ok) return;
    await inProcessSimProvider().provider.confirm(await simPaymentOf(db, placed.orderId), "succeed");
    expect(await db.select().from(enrollments).where(eq(enrollments.userId, buyer!))).toHaveLength(1);
    expect(
      await placeOrder({
        userId: buyer!,
        lines: [{ productId: course.productId, quantity: 1 }],
        idempotencyKey: key(),
      }),
    ).toMatchObject({ ok: false, code: "already_owned" });
  });
});

describe("placeOrder semantics", () => {
  it("returns the same order for a repeated key, even after the stock is gone", async () => {
    const artwork = await createArtwork(db, tag, { creatorId });
    const [buyer] = await createUsers(db, `${tag}e`, 1);
    const k = key();
    const first = await placeOrder({ userId: buyer!, lines: [{ productId: artwork, quantity: 1 }], idempotencyKey: k });
    const again = await placeOrder({ userId: buyer!, lines: [{ productId: artwork, quantity: 1 }], idempotencyKey: k });
    expect(first.ok).toBe(true);
    expect(again).toEqual(first);
  });

  it("refuses a key that another buyer already used, without revealing the order", async () => {
    const artwork = await createArtwork(db, tag, { creatorId, editionSize: 3 });
    const [a, b] = await createUsers(db, `${tag}f`, 2);
    const k = key();
    expect((await placeOrder({ userId: a!, lines: [{ productId: artwork, quantity: 1 }], idempotencyKey: k })).ok).toBe(
      true,
    );
    const stolen = await placeOrder({ userId: b!, lines: [{ productId: artwork, quantity: 1 }], idempotencyKey: k });
    expect(stolen).toMatchObject({ ok: false, code: "idempotency_key_reused" });
    expect(await stockOf(db, artwork)).toBe(2);
  });

  it("counts two lines of one product together and prices them from the database", async () => {
    const artwork = await createArtwork(db, tag, { creatorId, editionSize: 3, priceAmount: 12_345 });
    const [buyer] = await createUsers(db, `${tag}g`, 1);
    const tooMany = await placeOrder({
      userId: buyer!,
      lines: [
        { productId: artwork, quantity: 2 },
        { productId: artwork, quantity: 2 },
      ],
      idempotencyKey: key(),
    });
    expect(tooMany).toMatchObject({ ok: false, code: "out_of_stock" });
    const ok = await placeOrder({
      userId: buyer!,
      lines: [
        { productId: artwork, quantity: 1 },
        { productId: artwork, quantity: 2 },
      ],
      idempotencyKey: key(),
    });
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    const lines = await db.select().from(orderLines).where(eq(orderLines.orderId, ok.orderId));
    // Pieces of a numbered edition are one line each, with their number (and the fixture's free shipping).
    expect(lines.filter((l) => l.kind === "shipping").map((l) => l.unitAmount)).toEqual([0]);
    lines.splice(0, lines.length, ...lines.filter((l) => l.kind === "item"));
    expect(lines).toHaveLength(3);
    expect(lines.every((l) => l.quantity === 1 && l.unitAmount === 12_345)).toBe(true);
    expect(lines.map((l) => l.editionNumber).sort()).toEqual([1, 2, 3]);
    const [order] = await db.select().from(orders).where(eq(orders.id, ok.orderId));
    expect(order).toMatchObject({ totalAmount: 37_035, currency: "USD" });
    expect(await stockOf(db, artwork)).toBe(0);
  });

  it("sells a course once, with quantity 1, and enrolls the buyer when the order is paid", async () => {
    const course = await createCourse(db, tag, { creatorId });
    const [buyer] = await createUsers(db, `${tag}h`, 1);
    expect(
      await placeOrder({
        userId: buyer!,
        lines: [{ productId: course.productId, quantity: 2 }],
        idempotencyKey: key(),
      }),
    ).toMatchObject({ ok: false, code: "invalid" });
    const ok = await placeAndPay(db, {
      userId: buyer!,
      lines: [{ productId: course.productId, quantity: 1 }],
      idempotencyKey: key(),
    });
    expect(ok.ok).toBe(true);
    const [enrollment] = await db.select().from(enrollments).where(eq(enrollments.userId, buyer!));
    expect(enrollment).toMatchObject({ productId: course.productId, orderId: ok.ok ? ok.orderId : null });
    expect(
      await placeOrder({
        userId: buyer!,
        lines: [{ productId: course.productId, quantity: 1 }],
        idempotencyKey: key(),
      }),
    ).toMatchObject({ ok: false, code: "already_owned" });
  });

  it("takes a bundle's artwork from stock and enrolls in its course", async () => {
    const artwork = await createArtwork(db, tag, { creatorId, editionSize: 2 });
    const course = await createCourse(db, tag, { creatorId });
    const bundle = await createBundle(db, tag, { creatorId, items: [artwork, course.productId], priceAmount: 70_000 });
    const [buyer] = await createUsers(db, `${tag}i`, 1);
    const ok = await placeAndPay(db, {
      userId: buyer!,
      lines: [{ productId: bundle, quantity: 1 }],
      idempotencyKey: key(),
    });
    expect(ok.ok).toBe(true);
    expect(await stockOf(db, artwork)).toBe(1);
    expect(await db.select().from(enrollments).where(eq(enrollments.userId, buyer!))).toHaveLength(1);
    // The bundle's course is now owned, so buying it again separately is refused.
    expect(
      await placeOrder({
        userId: buyer!,
        lines: [{ productId: course.productId, quantity: 1 }],
        idempotencyKey: key(),
      }),
    ).toMatchObject({ code: "already_owned" });
  });

  it("does not sell drafts", async () => {
    const draft = await createArtwork(db, tag, { creatorId, status: "draft" });
    const [buyer] = await createUsers(db, `${tag}j`, 1);
    expect(
      await placeOrder({ userId: buyer!, lines: [{ productId: draft, quantity: 1 }], idempotencyKey: key() }),
    ).toMatchObject({ ok: false, code: "not_found" });
    expect(await stockOf(db, draft)).toBe(1);
  });
});

describe("placeOrder and reservations from accepted offers", () => {
  const reserve = async (
    productId: string,
    buyerId: string,
    amount: number,
    reservedUntil: Date,
    counterAmount: number | null = null,
  ) =>
    (
      await db
        .insert(offers)
        .values({ productId, buyerId, amount, counterAmount, currency: "USD", status: "accepted", reservedUntil })
        .returning({ id: offers.id })
    )[0]!.id;

  it("holds a reserved unique piece for its buyer at the agreed price and refuses everyone else", async () => {
    const artwork = await createArtwork(db, tag, { creatorId, priceAmount: 100_000 });
    const [holder, other] = await createUsers(db, `${tag}r`, 2);
    const offerId = await reserve(artwork, holder!, 70_000, new Date(Date.now() + 3_600_000), 80_000);
    expect(
      await placeOrder({ userId: other!, lines: [{ productId: artwork, quantity: 1 }], idempotencyKey: key() }),
    ).toMatchObject({ ok: false, code: "out_of_stock" });
    const ok = await placeOrder({
      userId: holder!,
      lines: [{ productId: artwork, quantity: 1 }],
      idempotencyKey: key(),
    });
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    expect((await db.select().from(orders).where(eq(orders.id, ok.orderId)))[0]?.totalAmount).toBe(80_000);
    expect((await db.select().from(offers).where(eq(offers.id, offerId)))[0]?.status).toBe("completed");
    expect(await stockOf(db, artwork)).toBe(0);
  });

  it("sells the other pieces of an edition while one is reserved, and only the agreed piece at the agreed price", async () => {
    const artwork = await createArtwork(db, tag, { creatorId, editionSize: 3, priceAmount: 10_000 });
    const [holder, other] = await createUsers(db, `${tag}s`, 2);
    await reserve(artwork, holder!, 7_000, new Date(Date.now() + 3_600_000));
    expect(
      await placeOrder({ userId: other!, lines: [{ productId: artwork, quantity: 3 }], idempotencyKey: key() }),
    ).toMatchObject({ code: "out_of_stock" });
    expect(
      (await placeOrder({ userId: other!, lines: [{ productId: artwork, quantity: 2 }], idempotencyKey: key() })).ok,
    ).toBe(true);
    const ok = await placeOrder({
      userId: holder!,
      lines: [{ productId: artwork, quantity: 1 }],
      idempotencyKey: key(),
    });
    expect(ok.ok && (await db.select().from(orders).where(eq(orders.id, ok.orderId)))[0]?.totalAmount).toBe(7_000);
  });

  it("releases an expired reservation: anyone may buy at list price", async () => {
    const artwork = await createArtwork(db, tag, { creatorId, priceAmount: 10_000 });
    const [holder, other] = await createUsers(db, `${tag}t`, 2);
    const offerId = await reserve(artwork, holder!, 5_000, new Date(Date.now() - 1000));
    const ok = await placeOrder({
      userId: other!,
      lines: [{ productId: artwork, quantity: 1 }],
      idempotencyKey: key(),
    });
    expect(ok.ok && (await db.select().from(orders).where(eq(orders.id, ok.orderId)))[0]?.totalAmount).toBe(10_000);
    expect((await db.select().from(offers).where(eq(offers.id, offerId)))[0]?.status).toBe("expired");
  });
});

describe("placeOrder when payment fails", () => {
  it("a provider that cannot create the payment fails the order and gives everything back", async () => {
    const artwork = await createArtwork(db, tag, { creatorId, editionSize: 2 });
    const course = await createCourse(db, tag, { creatorId });
    const [buyer] = await createUsers(db, `${tag}k`, 1);
    const down: PaymentProvider = {
      name: "simulated",
      createPayment: () => Promise.reject(new Error("connection refused")),
      cancelPayment: () => Promise.resolve("canceled"),
      verifyWebhook: () => Promise.resolve(null),
    };
    const result = await placeOrder(
      {
        userId: buyer!,
        lines: [
          { productId: artwork, quantity: 1 },
          { productId: course.productId, quantity: 1 },
        ],
        idempotencyKey: key(),
      },
      { provider: down },
    );
    expect(result).toMatchObject({ ok: false, code: "payment_error" });
    expect(await stockOf(db, artwork)).toBe(2);
    expect(await db.select().from(enrollments).where(eq(enrollments.userId, buyer!))).toHaveLength(0);
    const [order] = await db.select().from(orders).where(eq(orders.userId, buyer!));
    expect(order?.status).toBe("payment_failed");
    expect((await db.select().from(payments).where(eq(payments.orderId, order!.id)))[0]?.status).toBe("failed");
  });

  it("a declined payment releases the piece; the buyer retries with a new checkout and pays", async () => {
    const artwork = await createArtwork(db, tag, { creatorId });
    const [buyer] = await createUsers(db, `${tag}l`, 1);
    const lines = [{ productId: artwork, quantity: 1 }];
    const declined = await placeAndPay(db, { userId: buyer!, lines, idempotencyKey: key() }, "decline");
    expect(declined.ok).toBe(true);
    if (!declined.ok) return;
    expect((await db.select().from(orders).where(eq(orders.id, declined.orderId)))[0]?.status).toBe("payment_failed");
    expect(await stockOf(db, artwork)).toBe(1);
    const ok = await placeAndPay(db, { userId: buyer!, lines, idempotencyKey: key() });
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    expect((await db.select().from(orders).where(eq(orders.id, ok.orderId)))[0]?.status).toBe("paid");
    expect(await db.select().from(payments).where(eq(payments.orderId, ok.orderId))).toHaveLength(1);
    expect(await stockOf(db, artwork)).toBe(0);
  });
});

describe("placeOrder with malformed input", () => {
  it("answers invalid or not_found and writes nothing", async () => {
    const artwork = await createArtwork(db, tag, { creatorId, editionSize: 5 });
    const [buyer] = await createUsers(db, `${tag}m`, 1);
    const good = { userId: buyer!, lines: [{ productId: artwork, quantity: 1 }], idempotencyKey: key() };
    const cases: [unknown, string][] = [
      [{}, "invalid"],
      [null, "invalid"],
      ["order please", "invalid"],
      [{ ...good, userId: undefined }, "invalid"],
      [{ ...good, lines: undefined }, "invalid"],
      [{ ...good, idempotencyKey: undefined }, "invalid"],
      [{ ...good, idempotencyKey: "short" }, "invalid"],
      [{ ...good, idempotencyKey: "has spaces in it" }, "invalid"],
      [{ ...good, lines: [] }, "invalid"],
      [{ ...good, lines: [{ productId: artwork, quantity: -1 }] }, "invalid"],
      [{ ...good, lines: [{ productId: artwork, quantity: 0 }] }, "invalid"],
      [{ ...good, lines: [{ productId: artwork, quantity: 1.5 }] }, "invalid"],
      [{ ...good, lines: [{ productId: artwork, quantity: 1e12 }] }, "invalid"],
      [{ ...good, lines: [{ productId: artwork, quantity: "1" }] }, "invalid"],
      [{ ...good, lines: [{ productId: artwork, quantity: Number.NaN }] }, "invalid"],
      [{ ...good, lines: [{ productId: artwork }] }, "invalid"],
      [{ ...good, lines: [{ productId: 42, quantity: 1 }] }, "invalid"],
      [{ ...good, lines: Array.from({ length: 60 }, () => ({ productId: artwork, quantity: 1 })) }, "invalid"],
      [
        {
          ...good,
          lines: [
            { productId: artwork, quantity: 60 },
            { productId: artwork, quantity: 60 },
          ],
        },
        "invalid",
      ],
      [{ ...good, userId: "no-such-user" }, "invalid"],
      [{ ...good, lines: [{ productId: randomUUID(), quantity: 1 }] }, "not_found"],
      [
        {
          ...good,
          lines: [
            { productId: artwork, quantity: 1 },
            { productId: "x'; drop table product; --", quantity: 1 },
          ],
        },
        "not_found",
      ],
    ];
    const before = await checkoutSnapshot(db);
    for (const [input, code] of cases) {
      const result = await placeOrder(input as PlaceOrderInput);
      expect(result, JSON.stringify(input)?.slice(0, 120)).toMatchObject({ ok: false, code });
      if (!result.ok) expect(result.message.length).toBeGreaterThan(0);
    }
    expect(await checkoutSnapshot(db)).toEqual(before);
    expect(
      await db
        .select()
        .from(orders)
        .where(inArray(orders.userId, [buyer!])),
    ).toHaveLength(0);
  });
});
