import { getLocale } from "next-intl/server";
import { intlLocale, type Locale } from "@/i18n/locales";
import { formatMoney } from "@/lib/money";

export async function Price({ amount, currency, className }: { amount: number; currency: string; className?: string }) {
  const locale = (await getLocale()) as Locale;
  // data-price carries the exact minor units for scripts and tests; people read the formatted text.
  return (
    <span className={className} data-price={amount} data-currency={currency}>
      {formatMoney({ amount, currency }, intlLocale(locale))}
    </span>
  );
}
