/**
 * The shipping part of placeOrder's transaction: the address an order with artworks ships to, the
 * shipping and tax lines (./order-quote.ts, the same arithmetic the checkout page shows), the copy of
 * the address kept with the order, one fulfilment per sending creator, and edition numbers. Split from
 * ./checkout.ts only to keep each file readable; every function runs inside that one transaction.
 */
import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { addresses, fulfilments, orderAddresses, orderLinePieces, orderLines, orders } from "@/db/schema";
import { pickEditionNumbers } from "./editions";
import { CheckoutFailure } from "./failure";
import type { LockedArtwork } from "./inventory";
import type { MathLine } from "./order-math";
import { quoteOrder, type ChargeLine } from "./order-quote";
import { getAddressForUser, listAddressesForUser, loadShippingInputs, type AddressView } from "./shipping-store";

type LineRow = typeof orderLines.$inferInsert;

export type ShippingPlan = { address: AddressView; creatorIds: string[]; charges: ChargeLine[] };

/**
 * The charges of an order that ships artworks to the buyer's saved address `addressId`. Refuses an
 * order without an address of the buyer's own (`address_required`) and one a creator does not ship to
 * (`no_shipping`, the creator named in `item`).
 */
export async function planShipping(
  tx: Executor,
  a: {
    userId: string;
    addressId: string | undefined;
    demand: ReadonlyMap<string, number>;
    currency: string;
    items: readonly MathLine[];
  },
): Promise<ShippingPlan> {
  // Without an id (a program placing the order: fixtures, scripts) the buyer's default address;
  // the checkout page always sends the one it quoted, and the shown-totals guard covers the rest.
  const address = a.addressId
    ? await getAddressForUser(tx, { addressId: a.addressId, userId: a.userId })
    : ((await listAddressesForUser(tx, { userId: a.userId }))[0] ?? null);
  if (!address) throw new CheckoutFailure("address_required", "artworks need a shipping address of your own");
  const { pieces, creators } = await loadShippingInputs(tx, a.demand);
  const quote = quoteOrder({ destination: address.country, currency: a.currency, items: a.items, pieces, creators });
  if (!quote.ok) {
    const first = quote.unshippable[0];
    throw new CheckoutFailure(
      "no_shipping",
      `${quote.unshippable.map((c) => c.creatorName).join(", ")} do not ship to ${address.country}`,
      first ? { productId: first.creatorId, title: first.creatorName } : undefined,
    );
  }
  return { address, creatorIds: quote.shipping.map((s) => s.creatorId), charges: quote.lines };
}

/** The plan's lines as order_line rows. */
export function chargeRows(orderId: string, plan: ShippingPlan | null): LineRow[] {
  return (plan?.charges ?? []).map((c) => ({
    orderId,
    kind: c.kind,
    creatorId: c.creatorId,
    title: c.title,
    quantity: c.quantity,
    unitAmount: c.unitAmount,
    currency: c.currency,
    included: c.included ?? false,
  }));
}

/** After the lines: the order's copy of the address, a fulfilment per creator, the address marked as used. */
export async function recordShipping(tx: Executor, orderId: string, plan: ShippingPlan, now: Date): Promise<void> {
  const { id, ...address } = plan.address;
  await tx.insert(orderAddresses).values({ orderId, ...address });
  await tx
    .insert(fulfilments)
    .values(plan.creatorIds.map((creatorId) => ({ orderId, creatorId, createdAt: now, updatedAt: now })));
  await tx.update(addresses).set({ lastUsedAt: now }).where(eq(addresses.id, id));
}

type PieceRow = typeof orderLinePieces.$inferInsert;

/** The item rows to write, and the numbers of edition pieces inside bundles (written after the rows). */
export type NumberedLines = { rows: LineRow[]; pieces: PieceRow[] };

/**
 * Pieces of numbered editions get their numbers ("8 / 20"): an edition line becomes one line per piece
 * with its number, and a bundle holding edition artworks one line per bundle, each edition piece of it
 * numbered in `pieces` (same pool of numbers, so a print sold alone and one sold in a bundle never share
 * one). Other rows pass as they are. The artworks are locked by the caller; `locked` holds their stock
 * before this order; `bundleArtworks` the artworks inside each bundle of the order.
 */
export async function numberEditions(
  tx: Executor,
  rows: LineRow[],
  locked: ReadonlyMap<string, LockedArtwork>,
  bundleArtworks: ReadonlyMap<string, readonly string[]> = new Map(),
): Promise<NumberedLines> {
  const editionIds = [...locked.values()].filter((l) => l.editionSize > 1).map((l) => l.productId);
  if (editionIds.length === 0) return { rows, pieces: [] };
  const live = [...(await liveNumbers(tx, editionIds))];
  // Pieces gone from stock without a number were sold before numbering (the seeded sales); counted
  // once, before this order's own numbers join `live`.
  const unnumbered = new Map(
    editionIds.map((id) => {
      const art = locked.get(id)!;
      return [id, art.editionSize - art.stock - live.filter((l) => l.productId === id).length];
    }),
  );
  const take = (art: LockedArtwork, count: number): number[] => {
    const taken = live.filter((l) => l.productId === art.productId).map((l) => l.number);
    const numbers = pickEditionNumbers(art.editionSize, taken, unnumbered.get(art.productId) ?? 0, count);
    if (!numbers) throw new CheckoutFailure("out_of_stock", "no numbers left in this edition");
    for (const n of numbers) live.push({ productId: art.productId, number: n });
    return numbers;
  };
  const out: LineRow[] = [];
  const pieces: PieceRow[] = [];
  for (const row of rows) {
    const art = row.productId ? locked.get(row.productId) : undefined;
    if (art && art.editionSize > 1) {
      for (const n of take(art, row.quantity))
        out.push({ ...row, quantity: 1, editionNumber: n, editionSize: art.editionSize });
      continue;
    }
    const editions = (row.productId ? (bundleArtworks.get(row.productId) ?? []) : [])
      .map((id) => locked.get(id))
      .filter((a): a is LockedArtwork => (a?.editionSize ?? 1) > 1);
    if (editions.length === 0) {
      out.push(row);
      continue;
    }
    for (let i = 0; i < row.quantity; i++) {
      // The line's id is chosen here so its pieces can point at it before the rows are written.
      const id = randomUUID();
      out.push({ ...row, id, quantity: 1 });
      for (const a of editions)
        pieces.push({
          orderLineId: id,
          productId: a.productId,
          editionNumber: take(a, 1)[0]!,
          editionSize: a.editionSize,
        });
    }
  }
  return { rows: out, pieces };
}

/** Numbers held by live orders (awaiting payment or paid), sold alone or inside a bundle. */
async function liveNumbers(tx: Executor, productIds: string[]): Promise<{ productId: string; number: number }[]> {
  const live = inArray(orders.status, ["pending_payment", "paid", "fulfilled"]);
  const alone = await tx
    .select({ productId: orderLines.productId, number: orderLines.editionNumber })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .where(and(inArray(orderLines.productId, productIds), isNotNull(orderLines.editionNumber), live));
  const bundled = await tx
    .select({ productId: orderLinePieces.productId, number: orderLinePieces.editionNumber })
    .from(orderLinePieces)
    .innerJoin(orderLines, eq(orderLines.id, orderLinePieces.orderLineId))
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .where(and(inArray(orderLinePieces.productId, productIds), live));
  return [...alone.map((l) => ({ productId: l.productId ?? "", number: l.number ?? 0 })), ...bundled];
}
