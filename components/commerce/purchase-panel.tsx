import { Link } from "@/i18n/navigation";
import { Suspense } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { AddToCartForm } from "@/components/cart/add-to-cart-form";
import { LockedNotice } from "@/components/learn/locked-notice";
import { buttonClass } from "@/components/ui/button";
import { Price } from "@/components/ui/price";
import { getPurchaseState, type PurchaseState } from "@/lib/commerce/purchase-state";
import { currentCartOwner } from "@/lib/server/cart-session";
import { StickyBuyBar } from "./sticky-buy-bar";

type Props = {
  product: {
    id: string;
    kind: "course" | "artwork";
    slug: string;
    title: string;
    priceAmount: number;
    currency: string;
  };
  /** The viewer's state when the page already read it (the artwork page does, for its status line). */
  state?: PurchaseState;
};

/** The id of the buy box, which the phone's sticky bar watches. */
const PANEL_ID = "purchase-panel";

/** Below the price on a product page: add to cart, or why not (owned, reserved, sold out). */
export async function PurchasePanel({ product, state: known }: Props) {
  const owner = await currentCartOwner();
  const [t, format, state] = await Promise.all([
    getTranslations("cart"),
    getFormatter(),
    known ?? getPurchaseState({ productId: product.id, owner }),
  ]);
  if (state.ownWork)
    return (
      <p className="mt-4 rounded border border-line bg-paper px-3 py-2 text-sm" data-testid="purchase-panel">
        {t("ownWork")}{" "}
        <Link href={`/studio/products/${product.id}`} className="text-accent underline">
          {t("editInStudio")}
        </Link>
      </p>
    );
  if (product.kind === "course" && state.owned)
    return (
      <div className="mt-4 space-y-2" data-testid="purchase-panel">
        <p className="text-sm text-moss">{t("ownCourse")}</p>
        <Link href={`/learn/${product.slug}`} className={buttonClass({ variant: "positive", size: "lg", block: true })}>
          {t("goToCourse")}
        </Link>
      </div>
    );
  if (product.kind === "artwork" && state.available !== null && state.available < 1)
    return (
      <p className="mt-4 text-sm text-accent-dark" data-testid="purchase-panel">
        {state.heldForOthers > 0 ? t("reservedForOther") : t("soldOut")}
      </p>
    );
  const signedIn = owner !== null && "userId" in owner;
  const until = state.myReservation ? format.dateTime(state.myReservation.until, "dateTime") : null;
  const barPrice = state.myReservation ?? { agreedAmount: product.priceAmount, currency: product.currency };
  return (
    <>
      <div className="mt-4 space-y-2" data-testid="purchase-panel" id={PANEL_ID}>
        {product.kind === "course" && (
          <Suspense>
            <LockedNotice signedIn={signedIn} />
          </Suspense>
        )}
        {state.myReservation && (
          <p className="rounded border border-moss/40 bg-moss/5 px-3 py-2 text-sm text-moss">
            {t("reservedForYou", { until: until ?? "" })}{" "}
            <Price
              amount={state.myReservation.agreedAmount}
              currency={state.myReservation.currency}
              className="font-medium"
            />
          </p>
        )}
        <AddToCartForm productId={product.id} inCart={state.inCart} />
      </div>
      <StickyBuyBar
        watch={PANEL_ID}
        title={product.title}
        price={<Price amount={barPrice.agreedAmount} currency={barPrice.currency} />}
      >
        <AddToCartForm productId={product.id} inCart={state.inCart} variant="bar" />
      </StickyBuyBar>
    </>
  );
}
