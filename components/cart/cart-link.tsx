import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getCartCount } from "@/lib/commerce/cart";
import { currentCartOwner } from "@/lib/server/cart-session";

/** The header's cart link with the number of items; reading the owner also merges a guest cart after sign-in. */
export async function CartLink() {
  const [t, owner] = await Promise.all([getTranslations("cart"), currentCartOwner()]);
  const count = owner ? await getCartCount(owner) : 0;
  return (
    <Link href="/cart" className="hover:text-accent" data-testid="cart-link">
      {t("link", { count })}
    </Link>
  );
}
