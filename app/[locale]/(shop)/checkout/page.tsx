import { randomUUID } from "node:crypto";
import { Link } from "@/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { LocalizedText } from "@/components/ui/localized-text";
import { pageLocale } from "@/lib/i18n/page-locale";
import { ShippingSection } from "@/components/checkout/shipping-section";
import { CheckoutForm } from "@/components/commerce/checkout-form";
import { Price } from "@/components/ui/price";
import { getCart } from "@/lib/commerce/cart";
import { getCheckoutShipping } from "@/lib/commerce/checkout-quote";
import { lineAmount, lineProblem, payableQuantity, shownTotals, type CartLine } from "@/lib/commerce/cart-math";
import { env } from "@/lib/env";
import { pageMetadata } from "@/lib/server/page-metadata";
import { currentCartOwner } from "@/lib/server/cart-session";
import { requireUser } from "@/lib/server/session";

export const generateMetadata = pageMetadata("checkout", { index: false });

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * Checkout: the cart's lines, and for a cart with artworks the address they ship to with the shipping
 * per creator and the destination's tax (lib/commerce/checkout-quote.ts); the totals shown are the
 * totals sent with the order, which placeOrder computes again and refuses if they differ.
 */
export default async function CheckoutPage({ searchParams }: Props) {
  const user = await requireUser("/checkout");
  // Reading the owner merges the guest cart this browser filled before signing in.
  await currentCartOwner();
  const chosen = (await searchParams).address;
  const [t, cart] = await Promise.all([getTranslations("checkout"), getCart({ userId: user.id }, await pageLocale())]);
  const shipping = await getCheckoutShipping({
    userId: user.id,
    lines: cart.lines,
    addressId: typeof chosen === "string" && chosen.length <= 128 ? chosen : undefined,
  });
  const quote = shipping.needsShipping ? shipping.quote : null;
  // What the buyer pays: the quote's total when the cart ships, the cart's subtotals otherwise.
  const totals =
    quote?.ok && shipping.needsShipping ? [{ currency: shipping.currency, amount: quote.total }] : cart.subtotals;
  const blocked = shipping.needsShipping && !quote?.ok;
  const buyable = cart.lines.filter((l) => payableQuantity(l) > 0);
  const problemText = {
    owned: t("owned"),
    own_product: t("errors.own_product"),
    sold_out: t("soldOut"),
    unavailable: t("unavailable"),
  };
  const problem = (l: CartLine) => {
    const code = lineProblem(l);
    return code ? problemText[code] : null;
  };
  if (cart.lines.length === 0)
    return (
      <div className="max-w-xl space-y-4">
        <h1 className="font-serif text-3xl">{t("title")}</h1>
        <p className="text-muted">{t("empty")}</p>
      </div>
    );
  return (
    <div className="grid max-w-5xl gap-10 lg:grid-cols-[1fr_22rem]">
      <section aria-labelledby="summary">
        <h1 className="font-serif text-3xl">{t("title")}</h1>
        <h2 id="summary" className="mt-6 text-sm tracking-wide text-muted uppercase">
          {t("summary")}
        </h2>
        <ul className="mt-2 divide-y divide-line rounded-lg border border-line bg-white">
          {cart.lines.map((l) => (
            <li key={l.productId} className="flex items-center justify-between gap-4 p-4">
              <span>
                <LocalizedText text={l.title} fallback={l.fallback?.title} />{" "}
                <span className="text-muted">× {payableQuantity(l)}</span>
                {problem(l) && <span className="block text-sm text-accent-dark">{problem(l)}</span>}
                {l.reservedAmount !== null && <span className="block text-sm text-moss">{t("reservedPrice")}</span>}
              </span>
              <Price amount={lineAmount(l)} currency={l.currency} />
            </li>
          ))}
        </ul>
        {quote?.ok && shipping.needsShipping && (
          <ul className="mt-2 space-y-1 text-sm" data-testid="checkout-charges">
            {quote.shipping.map((s) => (
              <li key={s.creatorId} className="flex justify-between gap-4">
                <span>
                  {t("shippingFrom", { creator: s.creatorName })}
                  {s.insurance > 0 && <span className="block text-xs text-muted">{t("insured")}</span>}
                </span>
                <Price amount={s.amount} currency={shipping.currency} />
              </li>
            ))}
            {quote.tax && (
              <li className="flex justify-between gap-4 text-muted">
                <span>
                  {t(quote.tax.inclusive ? "taxIncluded" : "tax", {
                    rate: `${quote.tax.ratePpm / 10_000}%`,
                    country: shipping.address?.country ?? "",
                  })}
                </span>
                <Price amount={quote.tax.amount} currency={shipping.currency} />
              </li>
            )}
          </ul>
        )}
        <p className="mt-4 text-right text-lg">
          {t("total")}{" "}
          {totals.map((s) => (
            <Price key={s.currency} amount={s.amount} currency={s.currency} className="font-serif text-2xl" />
          ))}
        </p>
        <Link href="/cart" className="text-sm text-accent underline">
          {t("editCart")}
        </Link>
        {shipping.needsShipping && <ShippingSection shipping={shipping} />}
      </section>
      <aside className="rounded-lg border border-line bg-white p-5">
        <h2 className="font-serif text-xl">{t("payment")}</h2>
        {buyable.length < cart.lines.length ? (
          <p className="mt-3 text-sm text-accent-dark">{t("errors.unavailable")}</p>
        ) : blocked ? (
          <p className="mt-3 text-sm text-accent-dark" role="status">
            {quote && !quote.ok
              ? t("errors.no_shipping", { title: quote.unshippable.map((c) => c.creatorName).join(", ") })
              : t("errors.address_required")}
          </p>
        ) : (
          <div className="mt-3">
            <CheckoutForm
              idempotencyKey={randomUUID()}
              provider={env.PAYMENT_PROVIDER}
              expectedTotals={shownTotals(totals)}
              shippingAddressId={shipping.needsShipping ? shipping.address?.id : undefined}
              total={totals.map((s) => (
                <Price key={s.currency} amount={s.amount} currency={s.currency} className="font-medium" />
              ))}
            />
          </div>
        )}
      </aside>
    </div>
  );
}
