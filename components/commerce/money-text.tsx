"use client";

import { useLocale } from "next-intl";
import { intlLocale, type Locale } from "@/i18n/locales";
import { formatMoney } from "@/lib/money";

/** Client twin of components/ui/price: for amounts that change in the browser (optimistic cart totals). */
export function MoneyText({ amount, currency, className }: { amount: number; currency: string; className?: string }) {
  const locale = useLocale() as Locale;
  return (
    <span className={className} data-price={amount} data-currency={currency}>
      {formatMoney({ amount, currency }, intlLocale(locale))}
    </span>
  );
}
