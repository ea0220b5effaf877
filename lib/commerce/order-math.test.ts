import { describe, expect, it } from "vitest";
import { allocateMinor, taxOf } from "@/lib/money";
import { lineTotal, orderTotal, totalsByKind, type MathLine } from "./order-math";

describe("order totals are the sum of their lines", () => {
  it("adds items, shipping and exclusive tax; shows included tax without adding it", () => {
    const lines: MathLine[] = [
      { kind: "item", quantity: 2, unitAmount: 1_999, currency: "USD" },
      { kind: "shipping", quantity: 1, unitAmount: 1_500, currency: "USD" },
      {
        kind: "tax",
        quantity: 1,
        unitAmount: taxOf({ amount: 5_498, ratePpm: 88_750, inclusive: false }),
        currency: "USD",
      },
    ];
    expect(lines[2]!.unitAmount).toBe(488); // 5498 × 8.875% = 487.9475
    expect(orderTotal(lines)).toEqual({ amount: 5_986, currency: "USD" });
    expect(totalsByKind(lines)).toEqual({ item: 3_998, shipping: 1_500, tax: 488 });
  });

  it("JPY has no minor unit: yen in, yen out, and the 10% consumption tax inside a price rounds to the yen", () => {
    const items: MathLine[] = [
      { quantity: 3, unitAmount: 1_980, currency: "JPY" },
      { quantity: 1, unitAmount: 12_800, currency: "JPY" },
    ];
    const gross = orderTotal(items).amount;
    expect(gross).toBe(18_740);
    const tax = taxOf({ amount: gross, ratePpm: 100_000, inclusive: true }); // 18740 × 10/110 = 1703.63…
    expect(tax).toBe(1_704);
    const withTax = [...items, { kind: "tax" as const, quantity: 1, unitAmount: tax, currency: "JPY", included: true }];
    expect(orderTotal(withTax)).toEqual({ amount: 18_740, currency: "JPY" });
    expect(Number.isInteger(tax)).toBe(true);
  });

  it("CNY in fen: 13% VAT inside a price, split over creators so the parts add up to the fen", () => {
    const items: MathLine[] = [
      { quantity: 1, unitAmount: 9_999, currency: "CNY" }, // ¥99.99
      { quantity: 2, unitAmount: 33_333, currency: "CNY" }, // 2 × ¥333.33
    ];
    const gross = orderTotal(items).amount;
    expect(gross).toBe(76_665);
    const vat = taxOf({ amount: gross, ratePpm: 130_000, inclusive: true }); // 76665 × 13/113 = 8819.96…
    expect(vat).toBe(8_820);
    const perLine = allocateMinor(vat, items.map(lineTotal));
    expect(perLine.reduce((a, b) => a + b, 0)).toBe(vat);
    expect(perLine).toEqual([1_150, 7_670]);
  });

  it("refuses an order in two currencies and amounts that are not whole minor units", () => {
    expect(() =>
      orderTotal([
        { quantity: 1, unitAmount: 100, currency: "USD" },
        { quantity: 1, unitAmount: 100, currency: "JPY" },
      ]),
    ).toThrow(/one currency/);
    expect(() => orderTotal([{ quantity: 1, unitAmount: 10.5, currency: "USD" }])).toThrow(RangeError);
  });
});
