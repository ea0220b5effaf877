"use client";

import { Link } from "@/i18n/navigation";
import { useActionState, useEffect } from "react";
import { useTranslations } from "next-intl";
import { addToCartAction } from "@/app/_actions/cart";
import { messageKey } from "@/components/commerce/message-key";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { openCartDrawer } from "./cart-events";

/**
 * A plain form, so adding to the cart works before hydration; the result is announced politely. The
 * `bar` variant (the phone's sticky buy bar) is one compact button whose success opens the cart drawer,
 * which says what was added, instead of a line of text under it.
 */
export function AddToCartForm({
  productId,
  inCart,
  variant = "panel",
}: {
  productId: string;
  inCart: number;
  variant?: "panel" | "bar";
}) {
  const t = useTranslations();
  const [state, formAction] = useActionState(addToCartAction, null);
  const bar = variant === "bar";
  useEffect(() => {
    if (bar && state?.ok) openCartDrawer();
  }, [bar, state]);
  if (bar)
    return (
      <form action={formAction} className="shrink-0">
        <input type="hidden" name="productId" value={productId} />
        <SubmitButton size="md" pendingLabel={t("cart.adding")}>
          {t("cart.add")}
        </SubmitButton>
        {state?.error && (
          <FormMessage
            tone="error"
            size="inherit"
            className="absolute inset-x-0 bottom-full bg-paper px-4 py-1 text-sm"
          >
            {t(messageKey(state.error))}
          </FormMessage>
        )}
      </form>
    );
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="productId" value={productId} />
      <SubmitButton size="lg" block pendingLabel={t("cart.adding")}>
        {t("cart.add")}
      </SubmitButton>
      <div aria-live="polite" className="text-sm">
        {state?.ok ? (
          <p>
            {t("cart.added")}{" "}
            <Link href="/cart" className="text-accent underline">
              {t("cart.view")}
            </Link>
          </p>
        ) : state?.error ? (
          <FormMessage tone="error" size="inherit">
            {t(messageKey(state.error))}
          </FormMessage>
        ) : inCart > 0 ? (
          <p className="text-muted">
            {t("cart.alreadyInCart", { count: inCart })}{" "}
            <Link href="/cart" className="text-accent underline">
              {t("cart.view")}
            </Link>
          </p>
        ) : null}
      </div>
    </form>
  );
}
