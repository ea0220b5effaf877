"use client";

import { Link } from "@/i18n/navigation";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { addToCartAction } from "@/app/_actions/cart";
import { FormMessage } from "@/components/ui/form-message";

/**
 * The landing page's call to action: puts the bundle in the cart (a plain form, so it works before
 * hydration). The label is the variant's, which is part of what the experiment tests.
 */
export function BundleCta({ bundleId, label, variantKey }: { bundleId: string; label: string; variantKey: string }) {
  const t = useTranslations("landing");
  const [state, formAction, pending] = useActionState(addToCartAction, null);
  return (
    <form action={formAction} className="mt-4">
      <input type="hidden" name="productId" value={bundleId} />
      {/* Not a ui/Button: the landing page's call to action has its own look, part of what the experiment tests. */}
      <button
        type="submit"
        disabled={pending}
        data-cta={variantKey}
        className="rounded-md bg-accent px-6 py-3 font-medium text-white hover:bg-accent-dark disabled:opacity-60"
      >
        {label}
      </button>
      <div aria-live="polite" className="mt-2 text-sm">
        {state?.ok ? (
          <p>
            {t("added")}{" "}
            <Link href="/checkout" className="text-accent underline">
              {t("checkout")}
            </Link>
          </p>
        ) : state?.error ? (
          <FormMessage tone="error" size="inherit">
            {t("cartError")}
          </FormMessage>
        ) : null}
      </div>
    </form>
  );
}
