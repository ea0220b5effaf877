import { Link } from "@/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { pageLocale } from "@/lib/i18n/page-locale";
import { CartLines } from "@/components/cart/cart-lines";
import { getCart } from "@/lib/commerce/cart";
import { pageMetadata } from "@/lib/server/page-metadata";
import { currentCartOwner } from "@/lib/server/cart-session";

export const generateMetadata = pageMetadata("cart", { index: false });

export default async function CartPage() {
  const [t, owner] = await Promise.all([getTranslations("cart"), currentCartOwner()]);
  const cart = owner ? await getCart(owner, await pageLocale()) : { lines: [], count: 0, subtotals: [] };
  const signedIn = owner !== null && "userId" in owner;
  return (
    <div className="max-w-4xl space-y-6">
      <h1 className="font-serif text-3xl">{t("title")}</h1>
      <CartLines lines={cart.lines} canCheckout />
      {!signedIn && cart.lines.length > 0 && (
        <p className="text-sm text-muted">
          {t("signInToCheckout")}{" "}
          <Link href="/sign-in?callbackUrl=%2Fcheckout" className="text-accent underline">
            {t("signIn")}
          </Link>
        </p>
      )}
    </div>
  );
}
