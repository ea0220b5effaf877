import { describe, expect, it } from "vitest";
import {
  cartSubtotals,
  checkoutBlock,
  checkoutLines,
  lineAmount,
  lineProblem,
  payableQuantity,
  shownTotals,
  type CartLine,
} from "./cart-math";

const line = (over: Partial<CartLine> = {}): CartLine => ({
  productId: "p1",
  kind: "artwork",
  slug: "p1",
  title: "Pine at dusk",
  creatorName: "Lin Mei",
  unitAmount: 12_000,
  reservedAmount: null,
  currency: "USD",
  quantity: 1,
  maxQuantity: 5,
  owned: false,
  ownWork: false,
  ...over,
});

describe("lineAmount", () => {
  it("charges list price per piece", () => {
    expect(lineAmount(line({ quantity: 3 }))).toBe(36_000);
  });

  it("charges one reserved piece at the agreed price and the rest at list price", () => {
    expect(lineAmount(line({ quantity: 3, reservedAmount: 9_000 }))).toBe(9_000 + 2 * 12_000);
  });

  it("clamps to what may be bought and is zero for a line that cannot be", () => {
    expect(payableQuantity(line({ quantity: 9, maxQuantity: 2 }))).toBe(2);
    expect(lineAmount(line({ quantity: 9, maxQuantity: 2 }))).toBe(24_000);
    expect(lineAmount(line({ maxQuantity: 0, reservedAmount: 9_000 }))).toBe(0);
  });
});

describe("cartSubtotals", () => {
  it("adds up per currency in first-seen order and skips lines that cannot be bought", () => {
    const lines = [
      line({ productId: "a", currency: "JPY", unitAmount: 5_000 }),
      line({ productId: "b", quantity: 2 }),
      line({ productId: "c", currency: "JPY", unitAmount: 700, quantity: 3 }),
      line({ productId: "d", maxQuantity: 0, unitAmount: 99_999 }),
    ];
    expect(cartSubtotals(lines)).toEqual([
      { currency: "JPY", amount: 7_100 },
      { currency: "USD", amount: 24_000 },
    ]);
    expect(shownTotals(cartSubtotals(lines))).toEqual({ JPY: 7_100, USD: 24_000 });
  });

  it("equals the sum of the lines' amounts", () => {
    const lines = [line({ quantity: 2, reservedAmount: 100 }), line({ productId: "x", unitAmount: 1 })];
    expect(cartSubtotals(lines)[0]!.amount).toBe(lines.reduce((sum, l) => sum + lineAmount(l), 0));
  });
});

describe("checkoutLines and checkoutBlock", () => {
  it("buys the buyable lines at their clamped quantities", () => {
    const cart = { lines: [line({ quantity: 7, maxQuantity: 3 }), line({ productId: "gone", maxQuantity: 0 })] };
    expect(checkoutLines(cart)).toEqual([{ productId: "p1", quantity: 3 }]);
  });

  it("lets a cart of buyable lines through", () => {
    expect(checkoutBlock([line(), line({ productId: "c", kind: "course", maxQuantity: 1 })])).toBeNull();
  });

  it("names the piece that sold out, saying whether anything else could be bought", () => {
    const gone = line({ productId: "gone", title: "Crane", maxQuantity: 0 });
    expect(checkoutBlock([line(), gone])).toEqual({ code: "sold_out", item: "Crane" });
    expect(checkoutBlock([gone])).toEqual({ code: "sold_out_only", item: "Crane" });
  });

  it("refuses the buyer's own work before anything else", () => {
    const own = line({ productId: "mine", ownWork: true, maxQuantity: 0 });
    expect(checkoutBlock([line({ productId: "gone", maxQuantity: 0 }), own])).toEqual({ code: "own_product" });
  });

  it("tells an owner of every course apart from an empty cart", () => {
    expect(checkoutBlock([line({ kind: "course", owned: true, maxQuantity: 0 })])).toEqual({ code: "already_owned" });
    expect(checkoutBlock([])).toEqual({ code: "empty" });
    expect(checkoutBlock([line(), line({ productId: "c", kind: "course", owned: true, maxQuantity: 0 })])).toEqual({
      code: "unavailable",
    });
  });

  it("says why a single line cannot be bought", () => {
    expect(lineProblem(line())).toBeNull();
    expect(lineProblem(line({ kind: "course", owned: true, maxQuantity: 0 }))).toBe("owned");
    expect(lineProblem(line({ ownWork: true, maxQuantity: 0 }))).toBe("own_product");
    expect(lineProblem(line({ maxQuantity: 0 }))).toBe("sold_out");
    expect(lineProblem(line({ kind: "bundle", maxQuantity: 0 }))).toBe("unavailable");
  });
});
