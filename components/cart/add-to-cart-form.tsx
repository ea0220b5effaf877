"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { addToCartAction } from "@/app/_actions/cart";
import { messageKey } from "@/components/commerce/message-key";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

/** A plain form, so adding to the cart works before hydration; the result is announced politely. */
export function AddToCartForm({ productId, inCart }: { productId: string; inCart: number }) {
  const t = useTranslations();
  const [state, formAction] = useActionState(addToCartAction, null);
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
