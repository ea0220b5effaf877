import { getLocale } from "next-intl/server";
import { intlLocale, type Locale } from "@/i18n/locales";
import { formatMoney } from "@/lib/money";

export async function Price({ amount, currency, className }: { amount: number; currency: string; className?: string }) {
  const locale = (await getLocale()) as Locale;
  return <span className={className}>{formatMoney({ amount, currency }, intlLocale(locale))}</span>;
}
