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

/**
 * Arithmetic on minor units. Amounts are integers of the currency's smallest unit (cents, fen, yen), so
 * rounding "to the currency" is rounding to an integer here: JPY rounds to whole yen and CNY to the fen
 * without either knowing the other's exponent. Products of amounts and rates are computed in BigInt,
 * so no intermediate value loses precision whatever the amount.
 */

/** A rate in parts per million: 10% is 100_000, New York's 8.875% is 88_750; exact for every published rate. */
export type RatePpm = number;
const MILLION = 1_000_000n;

function assertMinor(amount: number, what = "amount"): bigint {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`${what} must be an integer of minor units, got ${amount}`);
  return BigInt(amount);
}

/** numerator / denominator rounded half away from zero (commercial rounding), both BigInt, denominator > 0. */
function divRound(numerator: bigint, denominator: bigint): bigint {
  const sign = numerator < 0n ? -1n : 1n;
  const n = numerator * sign;
  return sign * ((n * 2n + denominator) / (denominator * 2n));
}

function toSafeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER))
    throw new RangeError(`amount ${value} is out of the exact range`);
  return Number(value);
}

/** The sum of minor-unit amounts, exact, refusing fractions and sums past Number's exact range. */
export function sumMinor(amounts: readonly number[]): number {
  return toSafeNumber(amounts.reduce((sum, a) => sum + assertMinor(a), 0n));
}

/** amount × quantity, exact. */
export function multiplyMinor(amount: number, quantity: number): number {
  return toSafeNumber(assertMinor(amount) * assertMinor(quantity, "quantity"));
}

/**
 * The tax on an amount at a rate, rounded once to the currency's minor unit. Exclusive: the tax is
 * added on top (amount × rate). Inclusive (VAT-inclusive prices): the tax is the part of the amount
 * that is tax, amount × rate / (1 + rate), and nothing is added.
 */
export function taxOf({
  amount,
  ratePpm,
  inclusive,
}: {
  amount: number;
  ratePpm: RatePpm;
  inclusive: boolean;
}): number {
  const a = assertMinor(amount);
  const r = assertMinor(ratePpm, "rate");
  if (r < 0n) throw new RangeError("a tax rate cannot be negative");
  return toSafeNumber(inclusive ? divRound(a * r, MILLION + r) : divRound(a * r, MILLION));
}

/**
 * Splits `total` minor units over parts in proportion to `weights` so the parts add up to exactly
 * `total` (largest remainder: the units lost to rounding down go to the largest fractions, ties to the
 * earlier part). For spreading an order-wide amount (a discount, a shared tax) over lines or creators.
 */
export function allocateMinor(total: number, weights: readonly number[]): number[] {
  const t = assertMinor(total, "total");
  if (t < 0n) throw new RangeError("allocate a non-negative total");
  const w = weights.map((x) => assertMinor(x, "weight"));
  if (w.some((x) => x < 0n)) throw new RangeError("weights cannot be negative");
  const sum = w.reduce((s, x) => s + x, 0n);
  if (w.length === 0 || sum === 0n) {
    if (t === 0n) return w.map(() => 0);
    throw new RangeError("cannot allocate over zero weights");
  }
  const floors = w.map((x) => (t * x) / sum);
  let left = t - floors.reduce((s, x) => s + x, 0n);
  const byRemainder = w
    .map((x, i) => ({ i, rem: (t * x) % sum }))
    .sort((p, q) => (q.rem > p.rem ? 1 : q.rem < p.rem ? -1 : p.i - q.i));
  for (const { i } of byRemainder) {
    if (left === 0n) break;
    floors[i] = (floors[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return floors.map(toSafeNumber);
}

/** The exact decimal text of an amount in major units ("1234.50", "1980" for JPY), for places that take decimals. */
export function toMajorString({ amount, currency }: Money): string {
  const exp = currencyExponent(currency);
  const a = assertMinor(amount);
  const sign = a < 0n ? "-" : "";
  const digits = (a < 0n ? -a : a).toString().padStart(exp + 1, "0");
  return exp === 0 ? `${sign}${digits}` : `${sign}${digits.slice(0, -exp)}.${digits.slice(-exp)}`;
}
