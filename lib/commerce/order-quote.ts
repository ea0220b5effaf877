/**
 * The charges an order adds to its items once the buyer says where it ships: one shipping line per
 * creator who sends artworks, and one tax line for the destination country (./tax-rates.ts). Pure, so
 * the checkout page shows exactly the lines placeOrder writes, and the total stays the sum of the lines
 * (./order-math.ts) whatever the currency.
 */
import { sumMinor } from "@/lib/money";
import { lineTotal, orderTotal, type MathLine } from "./order-math";
import { quoteShipment, type ShipPiece, type ShippingCost, type ShippingRate } from "./shipping-rates";
import { orderTax, ratePercent } from "./tax-rates";

export type QuotePiece = ShipPiece & { creatorId: string };
export type QuoteCreator = { id: string; name: string; country: string | null; rates: readonly ShippingRate[] };

export type ChargeLine = MathLine & {
  kind: "shipping" | "tax";
  /** The creator a shipping line is for; null for the order's tax. */
  creatorId: string | null;
  title: string;
};

export type OrderQuote =
  | {
      ok: true;
      shipping: (ShippingCost & { creatorId: string; creatorName: string })[];
      tax: { ratePpm: number; inclusive: boolean; amount: number } | null;
      /** The lines to add to the items: shipping per creator, then the tax. */
      lines: ChargeLine[];
      /** What the buyer pays: items, shipping and any tax not already in the prices. */
      total: number;
    }
  /** Creators with no rate to the destination (in the order's currency): the order cannot ship. */
  | { ok: false; unshippable: { creatorId: string; creatorName: string }[] };

export function quoteOrder({
  destination,
  currency,
  items,
  pieces,
  creators,
}: {
  destination: string;
  currency: string;
  /** The order's item lines (prices as charged, offers included). */
  items: readonly MathLine[];
  pieces: readonly QuotePiece[];
  creators: ReadonlyMap<string, QuoteCreator>;
}): OrderQuote {
  const byCreator = new Map<string, QuotePiece[]>();
  for (const p of pieces) byCreator.set(p.creatorId, [...(byCreator.get(p.creatorId) ?? []), p]);
  const shipping: (ShippingCost & { creatorId: string; creatorName: string })[] = [];
  const unshippable: { creatorId: string; creatorName: string }[] = [];
  // Creator ids sorted: the same cart always gives its lines in the same order.
  for (const creatorId of [...byCreator.keys()].sort()) {
    const creator = creators.get(creatorId);
    const cost = creator
      ? quoteShipment(creator.rates, creator.country, destination, currency, byCreator.get(creatorId) ?? [])
      : null;
    if (cost) shipping.push({ ...cost, creatorId, creatorName: creator?.name ?? "" });
    else unshippable.push({ creatorId, creatorName: creator?.name ?? creatorId });
  }
  if (unshippable.length > 0) return { ok: false, unshippable };

  const lines: ChargeLine[] = shipping.map((s) => ({
    kind: "shipping",
    creatorId: s.creatorId,
    title: `Shipping: ${s.creatorName}`,
    quantity: 1,
    unitAmount: s.amount,
    currency,
  }));
  // VAT and GST are due on the carriage too: the taxable amount is the items and the shipping.
  const taxable = sumMinor([...items, ...lines].map(lineTotal));
  const tax = orderTax(destination, taxable);
  if (tax)
    lines.push({
      kind: "tax",
      creatorId: null,
      title: `Tax ${ratePercent(tax.ratePpm)} (${destination})`,
      quantity: 1,
      unitAmount: tax.amount,
      currency,
      included: tax.inclusive,
    });
  const total = orderTotal([...items.map((l) => ({ ...l, currency })), ...lines]).amount;
  return { ok: true, shipping, tax, lines, total };
}
