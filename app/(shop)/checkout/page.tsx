import { randomUUID } from "node:crypto";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CheckoutForm } from "@/components/commerce/checkout-form";
import { Price } from "@/components/ui/price";
import { getCart } from "@/lib/commerce/cart";
import { lineAmount, lineProblem, payableQuantity, shownTotals, type CartLine } from "@/lib/commerce/cart-math";
import { env } from "@/lib/env";
import { pageMetadata } from "@/lib/server/page-metadata";
import { currentCartOwner } from "@/lib/server/cart-session";
import { requireUser } from "@/lib/server/session";

export const generateMetadata = pageMetadata("checkout", { index: false });

export default async function CheckoutPage() {
  const user = await requireUser("/checkout");
  // Reading the owner merges the guest cart this browser filled before signing in.
  await currentCartOwner();
  const [t, cart] = await Promise.all([getTranslations("checkout"), getCart({ userId: user.id })]);
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
                {l.title} <span className="text-muted">× {payableQuantity(l)}</span>
                {problem(l) && <span className="block text-sm text-accent-dark">{problem(l)}</span>}
                {l.reservedAmount !== null && <span className="block text-sm text-moss">{t("reservedPrice")}</span>}
              </span>
              <Price amount={lineAmount(l)} currency={l.currency} />
            </li>
          ))}
        </ul>
        <p className="mt-4 text-right text-lg">
          {t("total")}{" "}
          {cart.subtotals.map((s) => (
            <Price key={s.currency} amount={s.amount} currency={s.currency} className="font-serif text-2xl" />
          ))}
        </p>
        <Link href="/cart" className="text-sm text-accent underline">
          {t("editCart")}
        </Link>
      </section>
      <aside className="rounded-lg border border-line bg-white p-5">
        <h2 className="font-serif text-xl">{t("payment")}</h2>
        {buyable.length < cart.lines.length ? (
          <p className="mt-3 text-sm text-accent-dark">{t("errors.unavailable")}</p>
        ) : (
          <div className="mt-3">
            <CheckoutForm
              idempotencyKey={randomUUID()}
              provider={env.PAYMENT_PROVIDER}
              expectedTotals={shownTotals(cart.subtotals)}
              total={cart.subtotals.map((s) => (
                <Price key={s.currency} amount={s.amount} currency={s.currency} className="font-medium" />
              ))}
            />
          </div>
        )}
      </aside>
    </div>
  );
}
