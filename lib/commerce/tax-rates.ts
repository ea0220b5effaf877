/**
 * The tax charged on an order, by the country it ships to: one configured rate per country, inclusive
 * where the law says consumer prices include VAT (the EU, GB, CN, JP, AU, NO …), exclusive where tax is
 * added at the till (CA's federal GST). US sales tax is set by state and mostly collected by the seller's
 * state registration, which this shop does not model: no tax line for the US. Pure: the table is data,
 * `orderTax` is arithmetic on minor units (lib/money.ts rounds once, in the currency's minor unit).
 */
import { taxOf, type RatePpm } from "@/lib/money";

export type TaxRule = { ratePpm: RatePpm; inclusive: boolean };

/** Standard rates in parts per million (20% = 200_000); a country not listed has no tax line. */
export const TAX_RULES: Readonly<Record<string, TaxRule>> = {
  GB: { ratePpm: 200_000, inclusive: true },
  DE: { ratePpm: 190_000, inclusive: true },
  FR: { ratePpm: 200_000, inclusive: true },
  IT: { ratePpm: 220_000, inclusive: true },
  ES: { ratePpm: 210_000, inclusive: true },
  NL: { ratePpm: 210_000, inclusive: true },
  PT: { ratePpm: 230_000, inclusive: true },
  NO: { ratePpm: 250_000, inclusive: true },
  CN: { ratePpm: 130_000, inclusive: true },
  JP: { ratePpm: 100_000, inclusive: true },
  KR: { ratePpm: 100_000, inclusive: true },
  AU: { ratePpm: 100_000, inclusive: true },
  CA: { ratePpm: 50_000, inclusive: false },
};

export function taxRuleFor(country: string): TaxRule | null {
  return TAX_RULES[country] ?? null;
}

/**
 * The tax of an order shipping to `country` on its taxable amount (items and shipping): the amount and
 * whether it is already inside the prices (an `included` tax line), or null for no tax line.
 */
export function orderTax(country: string, taxableAmount: number): (TaxRule & { amount: number }) | null {
  const rule = taxRuleFor(country);
  if (!rule || rule.ratePpm === 0) return null;
  return { ...rule, amount: taxOf({ amount: taxableAmount, ratePpm: rule.ratePpm, inclusive: rule.inclusive }) };
}

/** "20%" or "8.875%" from parts per million, for the tax line's label. */
export function ratePercent(ratePpm: RatePpm): string {
  return `${(ratePpm / 10_000).toString()}%`;
}
