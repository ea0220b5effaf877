/**
 * The invoice and the certificates of a paid order, as its buyer gets them: nobody else's, nothing for
 * an unpaid order, edition numbers on both, and an invoice whose total is the sum of its lines. Edition
 * pieces inside bundles are numbered at checkout from the same pool as prints sold alone.
 */
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { addresses, creators, orderLinePieces, orderLines, orders, outbox, shippingRates } from "@/db/schema";
import { setUpFixtureDatabase } from "@/test/fixture-db";
import { placeOrder } from "./checkout";
import {
  createArtwork,
  createBundle,
  createCourse,
  createCreator,
  createUsers,
  fixtureTag,
  placeAndPay,
} from "./fixtures";
import { certificateId, getCertificateForBuyer, getInvoiceForBuyer, invoiceNumber } from "./order-documents";
import { getOrderForBuyer } from "./orders";
import { saveAddress } from "./shipping-store";

let db: Db;
const tag = fixtureTag();
let gb: { creatorId: string; userId: string };
let other: { creatorId: string; userId: string };
const key = () => `docs-${randomUUID()}`;

setUpFixtureDatabase(tag, async (fx) => {
  db = fx.db;
  gb = fx.creator;
  other = await createCreator(db, tag, 1);
  await db.update(creators).set({ country: "GB" }).where(eq(creators.id, gb.creatorId));
  await db.delete(shippingRates).where(eq(shippingRates.creatorId, gb.creatorId));
  await db.insert(shippingRates).values({
    creatorId: gb.creatorId,
    zone: "domestic",
    method: "flat",
    currency: "GBP",
    flatAmount: 1500,
  });
});

/** A buyer with a London address: GB shipping and 20% VAT included in the prices. */
async function londonBuyer(): Promise<string> {
  const [userId] = (await createUsers(db, `${tag}${randomUUID().slice(0, 4)}`, 1)) as [string];
  await db.delete(addresses).where(eq(addresses.userId, userId));
  await saveAddress(db, {
    userId,
    address: {
      name: "Ada Lovelace",
      line1: "12 St James's Square",
      line2: "",
      city: "London",
      region: "",
      postalCode: "SW1Y 4JH",
      country: "GB",
      phone: "+44 20 7946 0000",
    },
  });
  return userId;
}

async function buy(userId: string, lines: { productId: string; quantity: number }[]): Promise<string> {
  const placed = await placeAndPay(db, { userId, lines, idempotencyKey: key() });
  if (!placed.ok) throw new Error(placed.message);
  return placed.orderId;
}

describe("invoice", () => {
  it("lists each line with its seller and edition number, shipping and the included VAT; total = sum of lines", async () => {
    const print = await createArtwork(db, tag, {
      creatorId: gb.creatorId,
      priceAmount: 20_000,
      currency: "GBP",
      editionSize: 20,
    });
    const course = await createCourse(db, tag, { creatorId: gb.creatorId, priceAmount: 4_900, currency: "GBP" });
    const buyer = await londonBuyer();
    const orderId = await buy(buyer, [
      { productId: print, quantity: 2 },
      { productId: course.productId, quantity: 1 },
    ]);

    const invoice = await getInvoiceForBuyer({ orderId, userId: buyer });
    expect(invoice).not.toBeNull();
    const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
    expect(invoice!.number).toBe(invoiceNumber(order!));
    expect(invoice!.number).toMatch(/^INV-\d{8}-[0-9A-F]{8}$/);
    // Two prints of the edition: one line each, numbered 1 and 2, sold by the gallery.
    expect(invoice!.lines.filter((l) => l.productId === print).map((l) => [l.edition, l.seller])).toEqual([
      ["1 / 20", `${tag} creator 0`],
      ["2 / 20", `${tag} creator 0`],
    ]);
    expect(invoice!.charges).toEqual(
      expect.arrayContaining([
        { kind: "shipping", title: `${tag} creator 0`, amount: 1500, currency: "GBP", included: false },
        expect.objectContaining({ kind: "tax", included: true, title: "20% (GB)" }),
      ]),
    );
    // Items 44,900 + shipping 1,500; the VAT is inside, so it does not add.
    const sum =
      invoice!.lines.reduce((n, l) => n + l.amount, 0) +
      invoice!.charges.filter((c) => !c.included).reduce((n, c) => n + c.amount, 0);
    expect(invoice!.total).toEqual({ amount: sum, currency: "GBP" });
    expect(invoice!.total.amount).toBe(46_400);
    expect(invoice!.total.amount).toBe(order!.totalAmount);
    expect(invoice!.address).toMatchObject({ city: "London", country: "GB" });
  });

  it("is the buyer's alone, and there is none before the order is paid", async () => {
    const art = await createArtwork(db, tag, { creatorId: gb.creatorId, priceAmount: 30_000, currency: "GBP" });
    const buyer = await londonBuyer();
    const stranger = await londonBuyer();
    const placed = await placeOrder({ userId: buyer, lines: [{ productId: art, quantity: 1 }], idempotencyKey: key() });
    if (!placed.ok) throw new Error(placed.message);
    // Awaiting payment: no invoice yet, for the buyer either.
    expect(await getInvoiceForBuyer({ orderId: placed.orderId, userId: buyer })).toBeNull();
    const another = await createArtwork(db, tag, { creatorId: gb.creatorId, currency: "GBP" });
    const paid = await buy(buyer, [{ productId: another, quantity: 1 }]);
    expect(await getInvoiceForBuyer({ orderId: paid, userId: buyer })).not.toBeNull();
    expect(await getInvoiceForBuyer({ orderId: paid, userId: stranger })).toBeNull();
    expect(await getInvoiceForBuyer({ orderId: "not-an-id", userId: buyer })).toBeNull();
  });

  it("is refused for an order whose payment was declined", async () => {
    const art = await createArtwork(db, tag, { creatorId: gb.creatorId, priceAmount: 30_000, currency: "GBP" });
    const buyer = await londonBuyer();
    const placed = await placeAndPay(
      db,
      { userId: buyer, lines: [{ productId: art, quantity: 1 }], idempotencyKey: key() },
      "decline",
    );
    if (!placed.ok) throw new Error(placed.message);
    expect(await getInvoiceForBuyer({ orderId: placed.orderId, userId: buyer })).toBeNull();
  });
});

describe("certificate of authenticity", () => {
  it("carries the edition number, or says the piece is a unique original", async () => {
    const print = await createArtwork(db, tag, {
      creatorId: gb.creatorId,
      priceAmount: 20_000,
      currency: "GBP",
      editionSize: 10,
      certificate: true,
    });
    const original = await createArtwork(db, tag, {
      creatorId: gb.creatorId,
      priceAmount: 90_000,
      currency: "GBP",
      certificate: true,
    });
    const buyer = await londonBuyer();
    const orderId = await buy(buyer, [
      { productId: print, quantity: 1 },
      { productId: original, quantity: 1 },
    ]);
    const [printLine] = await db.select().from(orderLines).where(eq(orderLines.productId, print));
    const [originalLine] = await db.select().from(orderLines).where(eq(orderLines.productId, original));

    const certificate = await getCertificateForBuyer({ orderId, userId: buyer, lineId: printLine!.id });
    expect(certificate).toMatchObject({
      id: certificateId(printLine!.id, print),
      title: printLine!.title,
      artist: `${tag} creator 0`,
      year: 2025,
      medium: "Ink on paper",
      widthMm: 300,
      heightMm: 400,
      edition: { number: 1, size: 10 },
      buyerName: expect.stringContaining(tag),
    });
    expect(certificate!.id).toMatch(/^COA-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
    expect(await getCertificateForBuyer({ orderId, userId: buyer, lineId: originalLine!.id })).toMatchObject({
      edition: { number: null, size: 1 },
    });
    // The order page links both.
    const detail = await getOrderForBuyer({ orderId, userId: buyer });
    expect(detail!.lines.flatMap((l) => l.pieces.filter((p) => p.certificate).map((p) => p.productId)).sort()).toEqual(
      [print, original].sort(),
    );
  });

  it("is the buyer's alone, needs a paid order, and exists only where the seller issues one", async () => {
    const withCertificate = await createArtwork(db, tag, {
      creatorId: gb.creatorId,
      currency: "GBP",
      certificate: true,
    });
    const without = await createArtwork(db, tag, { creatorId: gb.creatorId, currency: "GBP", certificate: false });
    const buyer = await londonBuyer();
    const stranger = await londonBuyer();
    const orderId = await buy(buyer, [
      { productId: withCertificate, quantity: 1 },
      { productId: without, quantity: 1 },
    ]);
    const lines = await db.select().from(orderLines).where(eq(orderLines.orderId, orderId));
    const lineOf = (id: string) => lines.find((l) => l.productId === id)!.id;
    expect(await getCertificateForBuyer({ orderId, userId: buyer, lineId: lineOf(withCertificate) })).not.toBeNull();
    expect(await getCertificateForBuyer({ orderId, userId: stranger, lineId: lineOf(withCertificate) })).toBeNull();
    expect(await getCertificateForBuyer({ orderId, userId: buyer, lineId: lineOf(without) })).toBeNull();
    expect(await getCertificateForBuyer({ orderId, userId: buyer, lineId: randomUUID() })).toBeNull();

    const pending = await placeOrder({
      userId: buyer,
      lines: [
        {
          productId: await createArtwork(db, tag, { creatorId: gb.creatorId, currency: "GBP", certificate: true }),
          quantity: 1,
        },
      ],
      idempotencyKey: key(),
    });
    if (!pending.ok) throw new Error(pending.message);
    const [pendingLine] = await db.select().from(orderLines).where(eq(orderLines.orderId, pending.orderId));
    expect(
      await getCertificateForBuyer({ orderId: pending.orderId, userId: buyer, lineId: pendingLine!.id }),
    ).toBeNull();
  });
});

describe("bundles holding an edition", () => {
  it("number each edition piece from the edition's one pool, and show it on the order, invoice and certificate", async () => {
    const print = await createArtwork(db, tag, {
      creatorId: other.creatorId,
      priceAmount: 20_000,
      editionSize: 5,
      certificate: true,
    });
    const course = await createCourse(db, tag, { creatorId: other.creatorId });
    const bundle = await createBundle(db, tag, { creatorId: other.creatorId, items: [print, course.productId] });
    const first = await createUsers(db, `${tag}b1`, 1);
    const second = await createUsers(db, `${tag}b2`, 1);
    const third = await createUsers(db, `${tag}b3`, 1);

    const a = await buy(first[0]!, [{ productId: bundle, quantity: 1 }]);
    // A print sold alone in between takes the next number, not the bundle's.
    const alone = await buy(second[0]!, [{ productId: print, quantity: 1 }]);
    const b = await buy(third[0]!, [{ productId: bundle, quantity: 1 }]);

    const numberOf = async (orderId: string) =>
      (
        await db
          .select({ number: orderLinePieces.editionNumber, size: orderLinePieces.editionSize })
          .from(orderLinePieces)
          .innerJoin(orderLines, eq(orderLines.id, orderLinePieces.orderLineId))
          .where(eq(orderLines.orderId, orderId))
      ).map((p) => `${p.number} / ${p.size}`);
    expect(await numberOf(a)).toEqual(["1 / 5"]);
    const [aloneLine] = await db.select().from(orderLines).where(eq(orderLines.orderId, alone));
    expect(aloneLine).toMatchObject({ editionNumber: 2, editionSize: 5 });
    expect(await numberOf(b)).toEqual(["3 / 5"]);

    // The confirmation mail names the bundle's numbered piece.
    const [mail] = await db
      .select()
      .from(outbox)
      .where(sql`${outbox.payload}->>'to' = ${`${tag}b3-consumer-0@fixtures.test`}`);
    expect(JSON.stringify(mail?.payload)).toContain(", edition 3 / 5");

    const detail = await getOrderForBuyer({ orderId: b, userId: third[0]! });
    const bundleLine = detail!.lines.find((l) => l.kind === "bundle")!;
    expect(bundleLine.pieces).toEqual([
      expect.objectContaining({ productId: print, edition: "3 / 5", certificate: true }),
    ]);
    const invoice = await getInvoiceForBuyer({ orderId: b, userId: third[0]! });
    expect(invoice!.lines[0]!.pieces).toEqual([{ title: expect.any(String), edition: "3 / 5" }]);
    const certificate = await getCertificateForBuyer({
      orderId: b,
      userId: third[0]!,
      lineId: bundleLine.lineId,
      artworkId: print,
    });
    expect(certificate).toMatchObject({ edition: { number: 3, size: 5 }, id: certificateId(bundleLine.lineId, print) });
    // A bundle's line names no artwork of its own: without the piece there is no certificate.
    expect(await getCertificateForBuyer({ orderId: b, userId: third[0]!, lineId: bundleLine.lineId })).toBeNull();
  });

  it("gives a bundle's number back when its payment fails", async () => {
    const print = await createArtwork(db, tag, { creatorId: other.creatorId, priceAmount: 20_000, editionSize: 3 });
    const bundle = await createBundle(db, tag, { creatorId: other.creatorId, items: [print], priceAmount: 25_000 });
    const [buyer] = (await createUsers(db, `${tag}bf`, 1)) as [string];
    const declined = await placeAndPay(
      db,
      { userId: buyer, lines: [{ productId: bundle, quantity: 1 }], idempotencyKey: key() },
      "decline",
    );
    if (!declined.ok) throw new Error(declined.message);
    const paid = await buy(buyer, [{ productId: bundle, quantity: 2 }]);
    const pieces = await db
      .select({ lineId: orderLinePieces.orderLineId, number: orderLinePieces.editionNumber })
      .from(orderLinePieces)
      .innerJoin(orderLines, eq(orderLines.id, orderLinePieces.orderLineId))
      .where(eq(orderLines.orderId, paid));
    // Two bundles: two lines of one bundle each, numbers 1 and 2 (the declined order's 1 came back).
    expect(pieces.map((p) => p.number).sort()).toEqual([1, 2]);
    expect(new Set(pieces.map((p) => p.lineId)).size).toBe(2);
  });
});
