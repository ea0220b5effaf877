"use client";

import { Link } from "@/i18n/navigation";
import { Suspense, use, useEffect, useId, useState } from "react";
import { useTranslations } from "next-intl";
import { MoneyText } from "@/components/commerce/money-text";
import { buttonClass } from "@/components/ui/button";
import { Drawer } from "@/components/ui/drawer";
import { LocalizedText } from "@/components/ui/localized-text";
import { Skeleton } from "@/components/ui/skeleton";
import { cartSubtotals, lineAmount, type CartLine } from "@/lib/commerce/cart-math";
import { productImagePath, productPath } from "@/lib/catalog/types";
import { OPEN_CART_EVENT } from "./cart-events";

/**
 * The header's "Cart (n)": a link to /cart (so it works before hydration, in a new tab, and with a
 * modifier key), which a plain click turns into a panel of the cart's lines with their pictures and
 * the subtotal, one tap from the full cart page. The product page's buy bar opens it too.
 */
export function CartDrawer({ label, count, lines }: { label: string; count: number; lines: Promise<CartLine[]> }) {
  const t = useTranslations("cart");
  const [open, setOpen] = useState(false);
  const titleId = useId();
  useEffect(() => {
    const show = () => setOpen(true);
    window.addEventListener(OPEN_CART_EVENT, show);
    return () => window.removeEventListener(OPEN_CART_EVENT, show);
  }, []);
  return (
    <>
      <Link
        href="/cart"
        className="hover:text-accent"
        data-testid="cart-link"
        aria-haspopup="dialog"
        onClick={(event) => {
          if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
          event.preventDefault();
          setOpen(true);
        }}
      >
        {label}
      </Link>
      <Drawer open={open} onClose={() => setOpen(false)} labelledBy={titleId}>
        <div className="flex h-full flex-col" data-testid="cart-drawer">
          <div className="flex items-center justify-between border-b border-line px-4 py-3">
            <h2 id={titleId} className="font-serif text-xl">
              {t("title")} <span className="text-base text-muted">({count})</span>
            </h2>
            <button type="button" onClick={() => setOpen(false)} className="text-sm text-muted underline">
              {t("close")}
            </button>
          </div>
          <Suspense fallback={<Skeleton className="m-4 h-24" />}>
            <DrawerLines lines={lines} onNavigate={() => setOpen(false)} />
          </Suspense>
        </div>
      </Drawer>
    </>
  );
}

function DrawerLines({ lines: pending, onNavigate }: { lines: Promise<CartLine[]>; onNavigate: () => void }) {
  const t = useTranslations("cart");
  const lines = use(pending);
  if (lines.length === 0)
    return (
      <p className="p-4 text-muted">
        {t("empty")}{" "}
        <Link href="/artworks" onClick={onNavigate} className="text-accent underline">
          {t("browseArtworks")}
        </Link>
      </p>
    );
  return (
    <>
      <ul className="min-h-0 flex-1 divide-y divide-line overflow-y-auto">
        {lines.map((l) => (
          <li key={l.productId} className="flex gap-3 p-4" data-testid="drawer-line">
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img
              src={productImagePath(l)}
              alt=""
              width={64}
              height={64}
              className="h-16 w-16 shrink-0 rounded border border-line bg-white object-cover"
            />
            <div className="min-w-0 flex-1">
              <Link href={productPath(l)} onClick={onNavigate} className="line-clamp-2 font-medium hover:text-accent">
                <LocalizedText text={l.title} fallback={l.fallback?.title} />
              </Link>
              <p className="truncate text-sm text-muted">
                {t(`kind.${l.kind}`)} · <LocalizedText text={l.creatorName} fallback={l.fallback?.creatorName} />
              </p>
              {l.maxQuantity < 1 && <p className="text-sm text-accent-dark">{t("unavailableShort")}</p>}
            </div>
            <div className="shrink-0 text-right text-sm">
              <MoneyText amount={lineAmount(l)} currency={l.currency} className="whitespace-nowrap" />
              {l.quantity > 1 && <p className="text-muted">× {l.quantity}</p>}
            </div>
          </li>
        ))}
      </ul>
      <div className="space-y-3 border-t border-line p-4">
        <p className="flex items-baseline justify-between">
          <span>{t("subtotal")}</span>
          <span className="flex flex-col items-end">
            {cartSubtotals(lines).map((s) => (
              <MoneyText key={s.currency} amount={s.amount} currency={s.currency} className="font-serif text-xl" />
            ))}
          </span>
        </p>
        <Link href="/cart" onClick={onNavigate} className={buttonClass({ size: "lg", block: true })}>
          {t("view")}
        </Link>
      </div>
    </>
  );
}
