/**
 * An order's total is the sum of its lines, whatever kinds of lines it has: items today, a shipping
 * line per creator and a tax line later (issue 16, item 2). Pure, so checkout, the order page, mail and
 * tests all compute the same number, and "the total equals the sum of its lines" holds by construction.
 */
import { multiplyMinor, sumMinor, type Money } from "@/lib/money";

export type OrderLineKind = "item" | "shipping" | "tax";

export type MathLine = {
  kind?: OrderLineKind;
  quantity: number;
  unitAmount: number;
  currency: string;
  /** A tax already inside the other lines' prices (VAT-inclusive): shown, not added. */
  included?: boolean;
};

/** What one line costs: unit amount × quantity, exact in minor units. */
export function lineTotal(line: MathLine): number {
  return multiplyMinor(line.unitAmount, line.quantity);
}

/** The sum of the lines that add to what the buyer pays; one currency per order, or it throws. */
export function orderTotal(lines: readonly MathLine[]): Money {
  const currencies = new Set(lines.map((l) => l.currency));
  if (currencies.size !== 1)
    throw new RangeError(`an order takes exactly one currency, got ${[...currencies].join(", ")}`);
  const currency = [...currencies][0] as string;
  return { amount: sumMinor(lines.filter((l) => !l.included).map(lineTotal)), currency };
}

/** Subtotals by kind (what an order page or invoice prints above the total). */
export function totalsByKind(lines: readonly MathLine[]): Record<OrderLineKind, number> {
  const out: Record<OrderLineKind, number> = { item: 0, shipping: 0, tax: 0 };
  for (const kind of Object.keys(out) as OrderLineKind[])
    out[kind] = sumMinor(lines.filter((l) => (l.kind ?? "item") === kind).map(lineTotal));
  return out;
}
