/** Money is integer minor units with an ISO 4217 currency; these helpers are the only place that knows the exponent. */
import { z } from "zod";

export type Money = { amount: number; currency: string };

/**
 * The currencies products and bundles can be priced in: those the payment provider settles. Any other
 * three letters (well-formed for Intl, like "ZZZ") would make a price nobody can pay.
 */
export const CURRENCIES = ["USD", "EUR", "GBP", "CNY", "JPY"] as const;
export type Currency = (typeof CURRENCIES)[number];
export const currencySchema = z.enum(CURRENCIES, { error: "invalid_currency" });

const exponentCache = new Map<string, number>();

/** Number of minor-unit digits of a currency: 2 for USD, 0 for JPY. */
export function currencyExponent(currency: string): number {
  let exp = exponentCache.get(currency);
  if (exp === undefined) {
    exp = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    exponentCache.set(currency, exp);
  }
  return exp;
}

export function formatMoney({ amount, currency }: Money, locale: string): string {
  const exp = currencyExponent(currency);
  const major = amount / 10 ** exp;
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    // Whole amounts read better without ".00" in a catalogue, but cents are never hidden.
    minimumFractionDigits: Number.isInteger(major) ? 0 : exp,
    maximumFractionDigits: exp,
  }).format(major);
}

/** Major units typed by a person (e.g. "12.50") into minor units; null when it is not a valid amount. */
export function parseMajorAmount(text: string, currency: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,9}(\.\d{1,3})?$/.test(trimmed)) return null;
  const exp = currencyExponent(currency);
  const [whole, frac = ""] = trimmed.split(".");
  if (frac.length > exp) return null;
  return Number(whole) * 10 ** exp + Number(frac.padEnd(exp, "0") || "0");
}
