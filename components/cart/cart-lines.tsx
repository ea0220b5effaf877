"use client";

import { Link } from "@/i18n/navigation";
import { useOptimistic, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { setCartQuantityAction } from "@/app/_actions/cart";
import { MoneyText } from "@/components/commerce/money-text";
import { Button, buttonClass } from "@/components/ui/button";
import { LocalizedText } from "@/components/ui/localized-text";
import { FormMessage } from "@/components/ui/form-message";
import { cartSubtotals, lineAmount, type CartLine } from "@/lib/commerce/cart-math";
import { productPath } from "@/lib/catalog/types";

type Change = { productId: string; quantity: number };

/**
 * The cart's lines with optimistic quantity changes: the new quantity and totals show at once, the
 * server action runs in a transition, and the refreshed server render replaces the optimistic state.
 */
export function CartLines({ lines, canCheckout }: { lines: CartLine[]; canCheckout: boolean }) {
  const t = useTranslations("cart");
  const [error, setError] = useState<string | null>(null);
  const [, startTransition] = useTransition();
  const [optimistic, apply] = useOptimistic(lines, (current: CartLine[], change: Change) =>
    change.quantity === 0
      ? current.filter((l) => l.productId !== change.productId)
      : current.map((l) =>
          l.productId === change.productId
            ? { ...l, quantity: Math.min(change.quantity, Math.max(l.maxQuantity, 1)) }
            : l,
        ),
  );

  const change = (productId: string, quantity: number) =>
    startTransition(async () => {
      setError(null);
      apply({ productId, quantity });
      const result = await setCartQuantityAction(productId, quantity);
      if (!result.ok) setError(t(`errors.${result.code}`));
    });

  if (optimistic.length === 0)
    return (
      <p className="rounded-lg border border-line bg-white p-6 text-muted">
        {t("empty")}{" "}
        <Link href="/courses" className="text-accent underline">
          {t("browseCourses")}
        </Link>{" "}
        ·{" "}
        <Link href="/artworks" className="text-accent underline">
          {t("browseArtworks")}
        </Link>
      </p>
    );

  const totals = cartSubtotals(optimistic);
  const blocked = optimistic.some((l) => l.maxQuantity < 1);

  return (
    <div className="space-y-6">
      <ul className="divide-y divide-line rounded-lg border border-line bg-white">
        {optimistic.map((l) => (
          <li key={l.productId} className="flex flex-wrap items-center gap-4 p-4" data-testid="cart-line">
            <div className="min-w-0 flex-1">
              <Link href={productPath(l)} className="font-medium hover:text-accent">
                <LocalizedText text={l.title} fallback={l.fallback?.title} />
              </Link>
              <p className="text-sm text-muted">
                {t(`kind.${l.kind}`)} · <LocalizedText text={l.creatorName} fallback={l.fallback?.creatorName} />
              </p>
              {l.owned && <p className="text-sm text-accent-dark">{t("owned")}</p>}
              {l.ownWork && <p className="text-sm text-accent-dark">{t("errors.own_product")}</p>}
              {!l.owned && !l.ownWork && l.maxQuantity < 1 && (
                <p className="text-sm text-accent-dark">{t("unavailable")}</p>
              )}
              {l.reservedAmount !== null && (
                <p className="text-sm text-moss">
                  {t("reservedPrice")} <MoneyText amount={l.reservedAmount} currency={l.currency} />
                </p>
              )}
            </div>
            {l.kind === "artwork" && l.maxQuantity > 1 ? (
              <div className="flex items-center gap-1" role="group" aria-label={t("quantityFor", { title: l.title })}>
                <Button
                  type="button"
                  variant="subtle"
                  size="icon"
                  onClick={() => change(l.productId, l.quantity - 1)}
                  aria-label={t("decrease")}
                >
                  −
                </Button>
                <span className="w-8 text-center" aria-live="polite" data-testid="cart-quantity">
                  {l.quantity}
                </span>
                <Button
                  type="button"
                  variant="subtle"
                  size="icon"
                  onClick={() => change(l.productId, l.quantity + 1)}
                  disabled={l.quantity >= l.maxQuantity}
                  aria-label={t("increase")}
                >
                  +
                </Button>
              </div>
            ) : (
              <span className="text-sm text-muted" data-testid="cart-quantity">
                × {l.quantity}
              </span>
            )}
            <MoneyText amount={lineAmount(l)} currency={l.currency} className="w-24 text-right" />
            <Button type="button" variant="link" size="sm" onClick={() => change(l.productId, 0)}>
              {t("remove")}
              <span className="sr-only"> {l.title}</span>
            </Button>
          </li>
        ))}
      </ul>
      {error && <FormMessage tone="error">{error}</FormMessage>}
      <div className="flex flex-wrap items-center justify-end gap-6">
        <p className="text-lg">
          {t("subtotal")}{" "}
          {totals.map((s) => (
            <MoneyText key={s.currency} amount={s.amount} currency={s.currency} className="font-serif text-2xl" />
          ))}
        </p>
        {canCheckout && !blocked ? (
          <Link href="/checkout" className={buttonClass({ size: "lg" })}>
            {t("checkout")}
          </Link>
        ) : blocked ? (
          <p className="text-sm text-muted">{t("removeUnavailable")}</p>
        ) : null}
      </div>
    </div>
  );
}
