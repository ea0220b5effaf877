import { getTranslations } from "next-intl/server";
import { getCart, getCartCount } from "@/lib/commerce/cart";
import { pageLocale } from "@/lib/i18n/page-locale";
import { currentCartOwner } from "@/lib/server/cart-session";
import { CartDrawer } from "./cart-drawer";

/**
 * The header's cart link with the number of items; reading the owner also merges a guest cart after
 * sign-in. The lines for its drawer are handed down as a promise, unawaited, so the header never waits
 * for them: the drawer reads them when it opens, and an empty cart costs no query.
 */
export async function CartLink() {
  const [t, owner, locale] = await Promise.all([getTranslations("cart"), currentCartOwner(), pageLocale()]);
  const count = owner ? await getCartCount(owner) : 0;
  const lines = owner && count > 0 ? getCart(owner, locale).then((cart) => cart.lines) : Promise.resolve([]);
  return <CartDrawer label={t("link", { count })} count={count} lines={lines} />;
}
