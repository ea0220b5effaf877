/**
 * What a cart costs and whether it can be bought, from its lines alone: pure and client-safe, so the
 * cart (server), the optimistic cart lines (client) and the checkout page price a line the same way.
 * placeOrder prices the order again from the database; these figures are what the buyer is shown and
 * what checkout sends back as the totals the buyer saw.
 */
import type { ProductKind } from "@/db/schema/catalog";
import type { FallbackLangs } from "@/lib/i18n/localized";

export type CartLine = {
  productId: string;
  kind: ProductKind;
  slug: string;
  title: string;
  creatorName: string;
  /** Set (to the language shown) where the title or name fell back from the page's language. */
  fallback?: FallbackLangs<"title" | "creatorName">;
  unitAmount: number;
  /** Set when an accepted offer holds one piece for this buyer at a lower price. */
  reservedAmount: number | null;
  currency: string;
  quantity: number;
  /** Most this buyer may put in the cart now (0 when it cannot be bought). */
  maxQuantity: number;
  /** A course the buyer already owns: it stays in view with a note, and checkout refuses it. */
  owned: boolean;
  /** The buyer's own work (their creator profile sells it): it cannot be bought. */
  ownWork: boolean;
};

export type Subtotal = { currency: string; amount: number };

/** How many of the line checkout would buy: the quantity, clamped to what may be bought now. */
export function payableQuantity(line: CartLine): number {
  return Math.max(0, Math.min(line.quantity, line.maxQuantity));
}

/** The line's price in minor units: one reserved piece at the agreed price, the rest at list price. */
export function lineAmount(line: CartLine): number {
  const quantity = payableQuantity(line);
  if (quantity < 1) return 0;
  return line.reservedAmount !== null
    ? line.reservedAmount + line.unitAmount * (quantity - 1)
    : line.unitAmount * quantity;
}

/** One subtotal per currency, in the order the currencies first appear; lines that cannot be bought add nothing. */
export function cartSubtotals(lines: readonly CartLine[]): Subtotal[] {
  const totals = new Map<string, number>();
  for (const line of lines) {
    if (payableQuantity(line) < 1) continue;
    totals.set(line.currency, (totals.get(line.currency) ?? 0) + lineAmount(line));
  }
  return [...totals].map(([currency, amount]) => ({ currency, amount }));
}

/** The subtotals as checkout's "totals the buyer saw" (currency → minor units). */
export function shownTotals(subtotals: readonly Subtotal[]): Record<string, number> {
  return Object.fromEntries(subtotals.map((s) => [s.currency, s.amount]));
}

/** What checkout should buy: the lines that can be bought now, at their (clamped) quantities. */
export function checkoutLines(cart: { lines: readonly CartLine[] }): { productId: string; quantity: number }[] {
  return cart.lines
    .filter((l) => payableQuantity(l) > 0)
    .map((l) => ({ productId: l.productId, quantity: payableQuantity(l) }));
}

/** Why a line cannot be bought, or null when it can. */
export type LineProblem = "owned" | "own_product" | "sold_out" | "unavailable";

export function lineProblem(line: CartLine): LineProblem | null {
  if (line.maxQuantity >= 1) return null;
  if (line.owned) return "owned";
  if (line.ownWork) return "own_product";
  return line.kind === "artwork" ? "sold_out" : "unavailable";
}

/** Why the whole cart cannot go to payment; `item` names the line that sold out. */
export type CheckoutBlock =
  | { code: "own_product" | "already_owned" | "empty" | "unavailable" }
  | { code: "sold_out" | "sold_out_only"; item: string };

/**
 * The cart rules checkout enforces before it charges anything, in the order a buyer should hear them:
 * their own work first, then a piece that sold out (named; "only" when nothing else could be bought),
 * then a cart of courses they already own, an empty cart, and any other line that cannot be bought.
 */
export function checkoutBlock(lines: readonly CartLine[]): CheckoutBlock | null {
  const buyable = checkoutLines({ lines });
  if (lines.some((l) => l.ownWork)) return { code: "own_product" };
  const gone = lines.find((l) => l.maxQuantity < 1 && !l.owned && !l.ownWork);
  if (gone) return { code: buyable.length === 0 ? "sold_out_only" : "sold_out", item: gone.title };
  if (buyable.length === 0 && lines.some((l) => l.owned)) return { code: "already_owned" };
  if (buyable.length === 0) return { code: "empty" };
  if (buyable.length < lines.length) return { code: "unavailable" };
  return null;
}
