/**
 * The documents of a paid order, for its buyer only: the invoice (every line with its seller and edition
 * number, shipping per creator, the tax, the total as the sum of the lines) and a certificate of
 * authenticity for each artwork piece whose seller issues one (`artwork_detail.certificate`). An order
 * not paid has neither: nothing was sold yet. Numbers on both are derived from the order, so printing
 * one again gives the same document.
 */
import { createHash } from "node:crypto";
import { and, asc, desc, eq, inArray, ne } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import {
  artworkDetails,
  bundleItems,
  creators,
  orderAddresses,
  orderLinePieces,
  orderLines,
  orders,
  payments,
  products,
  users,
  type ProductKind,
} from "@/db/schema";
import type { Money } from "@/lib/money";
import { editionLabel } from "./editions";
import { orderTotal, totalsByKind, type MathLine } from "./order-math";
import { isPaidStatus, type OrderStatus } from "./order-state";

/** An artwork piece a buyer received, alone or inside a bundle. */
export type OrderPiece = {
  /** The order line it came with (a bundle's line for a piece of a bundle). */
  lineId: string;
  productId: string;
  title: string;
  artist: string;
  artistZh: string | null;
  year: number;
  medium: string;
  mediumZh: string | null;
  widthMm: number;
  heightMm: number;
  depthMm: number | null;
  /** `number` null: a unique original (size 1), or a piece sold before numbers were recorded. */
  edition: { number: number | null; size: number };
  /** Whether the seller issues a certificate of authenticity with it. */
  certificate: boolean;
};

export type InvoiceLine = {
  lineId: string;
  productId: string;
  kind: ProductKind;
  title: string;
  seller: string;
  quantity: number;
  unitAmount: number;
  amount: number;
  currency: string;
  /** "8 / 20" for an edition piece. */
  edition: string | null;
  /** The numbered pieces inside a bundle: "Title 8 / 20". */
  pieces: { title: string; edition: string }[];
};

export type Invoice = {
  number: string;
  orderId: string;
  status: OrderStatus;
  placedAt: Date;
  paidAt: Date;
  fulfilledAt: Date | null;
  buyer: { name: string | null; email: string | null };
  address: Omit<typeof orderAddresses.$inferSelect, "orderId"> | null;
  lines: InvoiceLine[];
  /** Shipping per creator (title: the creator) and the tax (title: its label, "20% (GB)"). */
  charges: { kind: "shipping" | "tax"; title: string; amount: number; currency: string; included: boolean }[];
  subtotals: { item: number; shipping: number; tax: number };
  /** The sum of the lines; an included tax is inside the prices, not added. */
  total: Money;
  payment: { provider: string; reference: string | null } | null;
};

export type Certificate = OrderPiece & {
  id: string;
  orderId: string;
  buyerName: string;
  soldAt: Date;
};

/** The short reference of an order, as mails and the studio quote it. */
function reference(orderId: string): string {
  return orderId.slice(0, 8).toUpperCase();
}

/** INV-<placed, UTC yyyymmdd>-<reference>: one per order, the same every time it is printed. */
export function invoiceNumber(order: { id: string; createdAt: Date }): string {
  return `INV-${order.createdAt.toISOString().slice(0, 10).replaceAll("-", "")}-${reference(order.id)}`;
}

/** COA-XXXX-XXXX-XXXX from the line and the piece: one per piece sold, the same every time. */
export function certificateId(lineId: string, productId: string): string {
  const hex = createHash("sha256").update(`${lineId}:${productId}`).digest("hex").slice(0, 12).toUpperCase();
  return `COA-${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8, 12)}`;
}

/** The order when `userId` bought it and it is paid (paid or fulfilled); null otherwise. */
async function paidOrderOf(db: Executor, orderId: string, userId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(orderId)) return null;
  const [order] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.id, orderId), eq(orders.userId, userId)))
    .limit(1);
  return order && isPaidStatus(order.status) ? order : null;
}

const artworkColumns = {
  title: products.title,
  artist: creators.name,
  artistZh: creators.nameZh,
  year: artworkDetails.year,
  medium: artworkDetails.medium,
  mediumZh: artworkDetails.mediumZh,
  widthMm: artworkDetails.widthMm,
  heightMm: artworkDetails.heightMm,
  depthMm: artworkDetails.depthMm,
  editionSize: artworkDetails.editionSize,
  certificate: artworkDetails.certificate,
};

/**
 * The item lines of an order with the artwork pieces each brought: the line's own artwork, or the
 * artworks inside its bundle with the numbers recorded for their edition pieces at checkout.
 */
/** An order's shipping and tax lines (every line but the items), with the creator each is for. */
export function loadChargeLines(db: Executor, orderId: string) {
  return db
    .select({
      kind: orderLines.kind,
      title: orderLines.title,
      quantity: orderLines.quantity,
      unitAmount: orderLines.unitAmount,
      currency: orderLines.currency,
      included: orderLines.included,
      creatorName: creators.name,
    })
    .from(orderLines)
    .leftJoin(creators, eq(creators.id, orderLines.creatorId))
    .where(and(eq(orderLines.orderId, orderId), ne(orderLines.kind, "item")))
    .orderBy(asc(orderLines.kind), asc(orderLines.title));
}

export async function loadItemLines(db: Executor, orderId: string) {
  const lines = await db
    .select({
      lineId: orderLines.id,
      productId: products.id,
      kind: products.kind,
      slug: products.slug,
      lineTitle: orderLines.title,
      seller: creators.name,
      quantity: orderLines.quantity,
      unitAmount: orderLines.unitAmount,
      currency: orderLines.currency,
      included: orderLines.included,
      editionNumber: orderLines.editionNumber,
      editionSize: orderLines.editionSize,
    })
    .from(orderLines)
    .innerJoin(products, eq(products.id, orderLines.productId))
    .innerJoin(creators, eq(creators.id, orderLines.creatorId))
    .where(and(eq(orderLines.orderId, orderId), eq(orderLines.kind, "item")))
    // Ids are random: a print's pieces read in number order, the lines in title order.
    .orderBy(asc(orderLines.title), asc(orderLines.editionNumber), asc(orderLines.id));
  const artworkIds = lines.filter((l) => l.kind === "artwork").map((l) => l.productId);
  const bundleIds = lines.filter((l) => l.kind === "bundle").map((l) => l.productId);
  const [own, inBundles, numbered] = await Promise.all([
    artworkIds.length === 0
      ? []
      : db
          .select({ productId: products.id, ...artworkColumns })
          .from(products)
          .innerJoin(artworkDetails, eq(artworkDetails.productId, products.id))
          .innerJoin(creators, eq(creators.id, products.creatorId))
          .where(inArray(products.id, artworkIds)),
    bundleIds.length === 0
      ? []
      : db
          .select({ bundleId: bundleItems.bundleId, productId: products.id, ...artworkColumns })
          .from(bundleItems)
          .innerJoin(products, eq(products.id, bundleItems.productId))
          .innerJoin(artworkDetails, eq(artworkDetails.productId, products.id))
          .innerJoin(creators, eq(creators.id, products.creatorId))
          .where(inArray(bundleItems.bundleId, bundleIds))
          .orderBy(asc(products.title)),
    lines.length === 0
      ? []
      : db
          .select()
          .from(orderLinePieces)
          .where(
            inArray(
              orderLinePieces.orderLineId,
              lines.map((l) => l.lineId),
            ),
          ),
  ]);
  return lines.map((l) => {
    const piece = (a: (typeof own)[number], number: number | null): OrderPiece => {
      const { editionSize, ...rest } = a;
      return { ...rest, lineId: l.lineId, edition: { number, size: editionSize } };
    };
    const pieces =
      l.kind === "artwork"
        ? own.filter((a) => a.productId === l.productId).map((a) => piece(a, l.editionNumber))
        : inBundles
            .filter((a) => a.bundleId === l.productId)
            .map(({ bundleId: _, ...a }) =>
              piece(
                a,
                numbered.find((n) => n.orderLineId === l.lineId && n.productId === a.productId)?.editionNumber ?? null,
              ),
            );
    return { ...l, pieces };
  });
}

/** The order's invoice for its buyer; null for anyone else's order or one not paid. */
export async function getInvoiceForBuyer({
  orderId,
  userId,
}: {
  orderId: string;
  userId: string;
}): Promise<Invoice | null> {
  const db = await getDb();
  const order = await paidOrderOf(db, orderId, userId);
  if (!order) return null;
  const [items, charges, [address], [buyer], [payment]] = await Promise.all([
    loadItemLines(db, order.id),
    loadChargeLines(db, order.id),
    db.select().from(orderAddresses).where(eq(orderAddresses.orderId, order.id)),
    db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, userId)),
    db
      .select({ provider: payments.provider, reference: payments.reference })
      .from(payments)
      .where(and(eq(payments.orderId, order.id), eq(payments.status, "succeeded")))
      .orderBy(desc(payments.createdAt))
      .limit(1),
  ]);
  const math: MathLine[] = [
    ...items.map((l) => ({
      kind: "item" as const,
      quantity: l.quantity,
      unitAmount: l.unitAmount,
      currency: l.currency,
    })),
    ...charges,
  ];
  return {
    number: invoiceNumber(order),
    orderId: order.id,
    status: order.status,
    placedAt: order.createdAt,
    paidAt: order.paidAt ?? order.createdAt,
    fulfilledAt: order.fulfilledAt,
    buyer: { name: buyer?.name ?? null, email: buyer?.email ?? null },
    address: address ? (({ orderId: _, ...rest }) => rest)(address) : null,
    lines: items.map((l) => ({
      lineId: l.lineId,
      productId: l.productId,
      kind: l.kind,
      title: l.lineTitle,
      seller: l.seller,
      quantity: l.quantity,
      unitAmount: l.unitAmount,
      amount: l.unitAmount * l.quantity,
      currency: l.currency,
      edition: l.editionNumber && l.editionSize ? editionLabel(l.editionNumber, l.editionSize) : null,
      pieces:
        l.kind === "bundle"
          ? l.pieces.flatMap((p) =>
              p.edition.number ? [{ title: p.title, edition: editionLabel(p.edition.number, p.edition.size) }] : [],
            )
          : [],
    })),
    charges: charges.map((c) => ({
      kind: c.kind as "shipping" | "tax",
      title: c.kind === "shipping" ? (c.creatorName ?? c.title) : c.title.replace(/^Tax /, ""),
      amount: c.unitAmount * c.quantity,
      currency: c.currency,
      included: c.included,
    })),
    subtotals: totalsByKind(math),
    total: math.length > 0 ? orderTotal(math) : { amount: 0, currency: order.currency },
    payment: payment ?? null,
  };
}

/**
 * The certificate of one artwork piece of a paid order, for its buyer: `lineId` is the order line and
 * `artworkId` the piece (needed only for a bundle's line, whose artworks each have one). Null for anyone
 * else's order, one not paid, a line not in it, or a piece without a certificate.
 */
export async function getCertificateForBuyer({
  orderId,
  userId,
  lineId,
  artworkId,
}: {
  orderId: string;
  userId: string;
  lineId: string;
  artworkId?: string | undefined;
}): Promise<Certificate | null> {
  const db = await getDb();
  const order = await paidOrderOf(db, orderId, userId);
  if (!order) return null;
  const line = (await loadItemLines(db, order.id)).find((l) => l.lineId === lineId);
  const piece = line?.pieces.find(
    (p) => p.certificate && (artworkId ? p.productId === artworkId : line.kind === "artwork"),
  );
  if (!piece) return null;
  const [[buyer], [address]] = await Promise.all([
    db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, userId)),
    db.select({ name: orderAddresses.name }).from(orderAddresses).where(eq(orderAddresses.orderId, order.id)),
  ]);
  return {
    ...piece,
    id: certificateId(lineId, piece.productId),
    orderId: order.id,
    buyerName: buyer?.name || address?.name || buyer?.email || "",
    soldAt: order.paidAt ?? order.createdAt,
  };
}

/** Where a piece's certificate is: the line's path, with the artwork named for a bundle's piece. */
export function certificatePath(
  orderId: string,
  piece: { lineId: string; productId: string },
  bundle: boolean,
): string {
  const base = `/orders/${orderId}/certificate/${piece.lineId}`;
  return bundle ? `${base}?artwork=${encodeURIComponent(piece.productId)}` : base;
}
