"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { addToCartAction } from "@/app/_actions/cart";
import { messageKey } from "@/components/commerce/message-key";

/** A plain form, so adding to the cart works before hydration; the result is announced politely. */
export function AddToCartForm({ productId, inCart }: { productId: string; inCart: number }) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(addToCartAction, null);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="productId" value={productId} />
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-full bg-ink px-4 py-2 text-paper hover:bg-accent disabled:opacity-60"
      >
        {pending ? t("cart.adding") : t("cart.add")}
      </button>
      <div aria-live="polite" className="text-sm">
        {state?.ok ? (
          <p>
            {t("cart.added")}{" "}
            <Link href="/cart" className="text-accent underline">
              {t("cart.view")}
            </Link>
          </p>
        ) : state?.error ? (
          <p role="alert" className="text-accent-dark">
            {t(messageKey(state.error))}
          </p>
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
