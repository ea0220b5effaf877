/**
 * What the checkout page shows for a cart that ships: the buyer's saved addresses, the one chosen, and
 * the quote (shipping per creator, the tax line, the total) computed by the same pure ./order-quote.ts
 * placeOrder uses, so the totals the page sends back match the order unless a price or rate changed.
 */
import { getDb } from "@/db/client";
import { lineAmount, payableQuantity, type CartLine } from "./cart-math";
import { checkoutLines } from "./cart";
import { CheckoutFailure } from "./failure";
import { resolveLines } from "./order-lines";
import { quoteOrder, type OrderQuote } from "./order-quote";
import { listAddressesForUser, loadShippingInputs, type AddressView } from "./shipping-store";

export type CheckoutShipping =
  | { needsShipping: false }
  | {
      needsShipping: true;
      addresses: AddressView[];
      /** Null when the buyer has none yet or asked for a new one: the page shows the address form. */
      address: AddressView | null;
      quote: OrderQuote | null;
      currency: string;
    };

/** `addressId` is the page's choice (`?address=`): "new" for the form, absent for the default. */
export async function getCheckoutShipping({
  userId,
  lines,
  addressId,
}: {
  userId: string;
  lines: readonly CartLine[];
  addressId: string | undefined;
}): Promise<CheckoutShipping> {
  const requested = checkoutLines({ lines });
  if (requested.length === 0) return { needsShipping: false };
  const db = await getDb();
  let resolved;
  try {
    resolved = await resolveLines(db, requested);
  } catch (error) {
    // The cart cannot be bought as it is; placeOrder names the reason when the buyer tries.
    if (error instanceof CheckoutFailure) return { needsShipping: false };
    throw error;
  }
  if (resolved.artworkDemand.size === 0) return { needsShipping: false };
  const addresses = await listAddressesForUser(db, { userId });
  const address =
    addressId === "new" ? null : ((addressId ? addresses.find((a) => a.id === addressId) : addresses[0]) ?? null);
  if (!address) return { needsShipping: true, addresses, address: null, quote: null, currency: resolved.currency };
  const { pieces, creators } = await loadShippingInputs(db, resolved.artworkDemand);
  const items = lines
    .filter((l) => payableQuantity(l) > 0)
    .map((l) => ({ kind: "item" as const, quantity: 1, unitAmount: lineAmount(l), currency: l.currency }));
  const quote = quoteOrder({ destination: address.country, currency: resolved.currency, items, pieces, creators });
  return { needsShipping: true, addresses, address, quote, currency: resolved.currency };
}
