/**
 * Reads of orders for buyers and of sales for creators. Pages get shaped views, never raw rows.
 */
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { orderAddresses, orderLines, orders, payments, products, users, type ProductKind } from "@/db/schema";
import { editionLabel } from "./editions";
import { loadChargeLines, loadItemLines } from "./order-documents";
import { PAID_STATUSES, type OrderStatus } from "./order-state";

export type OrderSummary = {
  id: string;
  createdAt: Date;
  totalAmount: number;
  currency: string;
  status: OrderStatus;
  itemCount: number;
  titles: string[];
};
export type OrderDetail = OrderSummary & {
  lines: {
    lineId: string;
    productId: string;
    kind: ProductKind;
    slug: string;
    title: string;
    creatorName: string;
    quantity: number;
    unitAmount: number;
    currency: string;
    /** "8 / 20" for a piece of a numbered edition. */
    edition: string | null;
    /**
     * The artwork pieces the line brought (its own artwork, or those inside its bundle, numbered when
     * they are edition pieces) and whether each comes with a certificate of authenticity.
     */
    pieces: { productId: string; title: string; edition: string | null; certificate: boolean }[];
  }[];
  /** Shipping per creator and the tax; an `included` tax is inside the prices, not added. */
  charges: { kind: "shipping" | "tax"; title: string; amount: number; currency: string; included: boolean }[];
  /** Where the artworks ship (the copy kept with the order); null for an order without artworks. */
  address: Omit<typeof orderAddresses.$inferSelect, "orderId"> | null;
  /** Until when an unpaid order holds its items. */
  expiresAt: Date | null;
  /** The order's payment: where to confirm it while pending, why it failed, its reference once paid. */
  payment: {
    provider: string;
    reference: string | null;
    status: "succeeded" | "declined" | "failed" | "pending" | "canceled";
    confirmUrl: string | null;
    failureCode: string | null;
    amount: number;
    currency: string;
  } | null;
};
export type SaleRow = {
  orderId: string;
  createdAt: Date;
  productId: string;
  slug: string;
  kind: ProductKind;
  title: string;
  quantity: number;
  unitAmount: number;
  currency: string;
  buyerName: string | null;
};

export async function listOrdersForUser({
  userId,
  limit = 50,
}: {
  userId: string;
  limit?: number;
}): Promise<OrderSummary[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: orders.id,
      createdAt: orders.createdAt,
      totalAmount: orders.totalAmount,
      currency: orders.currency,
      status: orders.status,
    })
    .from(orders)
    .where(eq(orders.userId, userId))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(limit);
  if (rows.length === 0) return [];
  const lines = await db
    .select({ orderId: orderLines.orderId, title: orderLines.title, quantity: orderLines.quantity })
    .from(orderLines)
    .where(
      inArray(
        orderLines.orderId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(orderLines.title));
  return rows.map((r) => {
    const mine = lines.filter((l) => l.orderId === r.id);
    return {
      ...r,
      itemCount: mine.reduce((n, l) => n + l.quantity, 0),
      titles: [...new Set(mine.map((l) => l.title))],
    };
  });
}

/** The order when `userId` bought it; null otherwise (callers answer 404 either way, revealing nothing). */
export async function getOrderForBuyer({
  orderId,
  userId,
}: {
  orderId: string;
  userId: string;
}): Promise<OrderDetail | null> {
  if (!/^[0-9a-f-]{36}$/i.test(orderId)) return null;
  const db = await getDb();
  const [order] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.id, orderId), eq(orders.userId, userId)))
    .limit(1);
  if (!order) return null;
  // Independent reads of one order, side by side.
  const [lines, charges, [address], [payment]] = await Promise.all([
    loadItemLines(db, order.id),
    loadChargeLines(db, order.id),
    db.select().from(orderAddresses).where(eq(orderAddresses.orderId, order.id)),
    db
      .select({
        provider: payments.provider,
        reference: payments.reference,
        status: payments.status,
        confirmUrl: payments.confirmUrl,
        failureCode: payments.failureCode,
        amount: payments.amount,
        currency: payments.currency,
      })
      .from(payments)
      .where(eq(payments.orderId, order.id))
      .orderBy(desc(payments.createdAt))
      .limit(1),
  ]);
  return {
    id: order.id,
    createdAt: order.createdAt,
    totalAmount: order.totalAmount,
    currency: order.currency,
    status: order.status,
    itemCount: lines.reduce((n, l) => n + l.quantity, 0),
    titles: [...new Set(lines.map((l) => l.lineTitle))],
    lines: lines.map((l) => ({
      lineId: l.lineId,
      productId: l.productId,
      kind: l.kind,
      slug: l.slug,
      title: l.lineTitle,
      creatorName: l.seller,
      quantity: l.quantity,
      unitAmount: l.unitAmount,
      currency: l.currency,
      edition: l.editionNumber && l.editionSize ? editionLabel(l.editionNumber, l.editionSize) : null,
      pieces: l.pieces.map((p) => ({
        productId: p.productId,
        title: p.title,
        edition: p.edition.number ? editionLabel(p.edition.number, p.edition.size) : null,
        certificate: p.certificate,
      })),
    })),
    charges: charges.map((c) => ({
      kind: c.kind as "shipping" | "tax",
      // A shipping line is the sender's; a tax line keeps its label ("Tax 20% (GB)") as written.
      title: c.kind === "shipping" ? (c.creatorName ?? c.title) : c.title.replace(/^Tax /, ""),
      amount: c.unitAmount * c.quantity,
      currency: c.currency,
      included: c.included,
    })),
    address: address ? (({ orderId: _, ...rest }) => rest)(address) : null,
    expiresAt: order.expiresAt,
    payment: payment ?? null,
  };
}

/** Order lines of a creator's products, newest first; `creatorId` null lists every creator's (admins). */
export async function listSalesForCreator({
  creatorId,
  limit = 200,
}: {
  creatorId: string | null;
  limit?: number;
}): Promise<{ rows: SaleRow[]; totals: { currency: string; amount: number; count: number }[] }> {
  const db = await getDb();
  // Sales are what buyers paid for: orders awaiting payment, failed or expired are not sales.
  const where = and(
    creatorId ? eq(orderLines.creatorId, creatorId) : undefined,
    inArray(orders.status, [...PAID_STATUSES]),
    eq(orderLines.kind, "item"),
  );
  const rows = await db
    .select({
      orderId: orders.id,
      createdAt: orders.createdAt,
      productId: orderLines.productId,
      slug: products.slug,
      kind: products.kind,
      title: orderLines.title,
      quantity: orderLines.quantity,
      unitAmount: orderLines.unitAmount,
      currency: orderLines.currency,
      buyerName: users.name,
    })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .innerJoin(products, eq(products.id, orderLines.productId))
    .leftJoin(users, eq(users.id, orders.userId))
    .where(where)
    .orderBy(desc(orders.createdAt), desc(orderLines.id))
    .limit(limit)
    .then((found) => found.map((r) => ({ ...r, productId: r.productId ?? "" })));
  const totals = await db
    .select({
      currency: orderLines.currency,
      // bigint: the sum of a creator's sales outgrows 32 bits; node-postgres hands int8 over as a string.
      amount: sql<number>`sum(${orderLines.unitAmount} * ${orderLines.quantity})::bigint`.mapWith(Number),
      count: sql<number>`sum(${orderLines.quantity})::int`,
    })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .where(where)
    .groupBy(orderLines.currency);
  return { rows, totals };
}
