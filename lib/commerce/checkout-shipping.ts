/**
 * The shipping part of placeOrder's transaction: the address an order with artworks ships to, the
 * shipping and tax lines (./order-quote.ts, the same arithmetic the checkout page shows), the copy of
 * the address kept with the order, one fulfilment per sending creator, and edition numbers. Split from
 * ./checkout.ts only to keep each file readable; every function runs inside that one transaction.
 */
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { addresses, fulfilments, orderAddresses, orderLines, orders } from "@/db/schema";
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

/**
 * Pieces of numbered editions become one line each with its number ("8 / 20"); other rows pass as
 * they are. The artworks are locked by the caller; `locked` holds their stock before this order.
 */
export async function numberEditions(
  tx: Executor,
  rows: LineRow[],
  locked: ReadonlyMap<string, LockedArtwork>,
): Promise<LineRow[]> {
  const editionIds = [...locked.values()].filter((l) => l.editionSize > 1).map((l) => l.productId);
  if (editionIds.length === 0) return rows;
  const live = await tx
    .select({ productId: orderLines.productId, number: orderLines.editionNumber })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .where(
      and(
        inArray(orderLines.productId, editionIds),
        isNotNull(orderLines.editionNumber),
        inArray(orders.status, ["pending_payment", "paid", "fulfilled"]),
      ),
    );
  // Pieces gone from stock without a number were sold before numbering (the seeded sales); counted
  // once, before this order's own numbers join `live`.
  const unnumbered = new Map(
    editionIds.map((id) => {
      const art = locked.get(id)!;
      return [id, art.editionSize - art.stock - live.filter((l) => l.productId === id).length];
    }),
  );
  const out: LineRow[] = [];
  for (const row of rows) {
    const art = row.productId ? locked.get(row.productId) : undefined;
    if (!art || art.editionSize === 1) {
      out.push(row);
      continue;
    }
    const taken = live.filter((l) => l.productId === art.productId).map((l) => l.number ?? 0);
    const numbers = pickEditionNumbers(art.editionSize, taken, unnumbered.get(art.productId) ?? 0, row.quantity);
    if (!numbers) throw new CheckoutFailure("out_of_stock", "no numbers left in this edition");
    for (const n of numbers) {
      out.push({ ...row, quantity: 1, editionNumber: n, editionSize: art.editionSize });
      live.push({ productId: art.productId, number: n });
    }
  }
  return out;
}
