import { describe, expect, it } from "vitest";
import { orderTotal } from "./order-math";
import { quoteOrder, type QuoteCreator } from "./order-quote";
import { rateFor, shipmentCost, shippingRange, sizeBandOf, type ShippingRate } from "./shipping-rates";
import { orderTax } from "./tax-rates";

const rate = (r: Partial<ShippingRate>): ShippingRate => ({
  zone: "worldwide",
  countries: [],
  method: "flat",
  currency: "USD",
  flatAmount: 0,
  smallAmount: 0,
  mediumAmount: 0,
  largeAmount: 0,
  insurancePpm: 0,
  ...r,
});
const piece = { widthMm: 400, heightMm: 500, depthMm: 30, unitAmount: 100_000, quantity: 1, original: true };

describe("shipping rates", () => {
  const rates = [
    rate({ zone: "worldwide", flatAmount: 9000 }),
    rate({ zone: "region", flatAmount: 4000 }),
    rate({ zone: "domestic", flatAmount: 1500 }),
    rate({ zone: "countries", countries: ["JP"], flatAmount: 2500 }),
  ];
  it("picks the most specific zone for the destination", () => {
    expect(rateFor(rates, "US", "US", "USD")?.zone).toBe("domestic");
    expect(rateFor(rates, "US", "CA", "USD")?.zone).toBe("region");
    expect(rateFor(rates, "US", "JP", "USD")?.zone).toBe("countries");
    expect(rateFor(rates, "US", "DE", "USD")?.zone).toBe("worldwide");
  });
  it("does not ship where no rate applies, nor in a currency it has no rate in", () => {
    expect(rateFor(rates.slice(2), "US", "DE", "USD")).toBeNull();
    expect(rateFor(rates, "US", "US", "EUR")).toBeNull();
  });
  it("bands pieces by their longest side", () => {
    expect(sizeBandOf({ widthMm: 600, heightMm: 100, depthMm: null })).toBe("small");
    expect(sizeBandOf({ widthMm: 300, heightMm: 1200, depthMm: 40 })).toBe("medium");
    expect(sizeBandOf({ widthMm: 300, heightMm: 400, depthMm: 1500 })).toBe("large");
  });
  it("charges size bands per piece and insures originals for a share of their price", () => {
    const banded = rate({
      method: "size_band",
      smallAmount: 2000,
      mediumAmount: 5000,
      largeAmount: 12000,
      insurancePpm: 15_000,
    });
    const cost = shipmentCost(banded, [piece, { ...piece, heightMm: 1000, original: false, quantity: 2 }]);
    expect(cost).toEqual({ shipping: 2000 + 2 * 5000, insurance: 1500, amount: 13_500, zone: "worldwide" });
  });
  it("rounds insurance once in the currency's minor unit (JPY has none)", () => {
    const yen = rate({ currency: "JPY", flatAmount: 3000, insurancePpm: 12_345 });
    expect(shipmentCost(yen, [{ ...piece, unitAmount: 99_999 }]).insurance).toBe(1234);
  });
});

describe("tax by destination", () => {
  it("is inclusive in GB, CN and JP, exclusive in CA, absent for the US", () => {
    expect(orderTax("GB", 12_000)).toEqual({ ratePpm: 200_000, inclusive: true, amount: 2000 });
    expect(orderTax("CN", 11_300)).toEqual({ ratePpm: 130_000, inclusive: true, amount: 1300 });
    expect(orderTax("JP", 1100)).toEqual({ ratePpm: 100_000, inclusive: true, amount: 100 });
    expect(orderTax("CA", 10_000)).toEqual({ ratePpm: 50_000, inclusive: false, amount: 500 });
    expect(orderTax("US", 10_000)).toBeNull();
  });
});

describe("order quote", () => {
  const creators = new Map<string, QuoteCreator>([
    [
      "a",
      {
        id: "a",
        name: "Ana",
        country: "GB",
        rates: [rate({ currency: "GBP", zone: "domestic", flatAmount: 1500, insurancePpm: 10_000 })],
      },
    ],
    ["b", { id: "b", name: "Bo", country: "DE", rates: [rate({ currency: "GBP", zone: "region", flatAmount: 3000 })] }],
  ]);
  const items = [
    { kind: "item" as const, quantity: 1, unitAmount: 100_000, currency: "GBP" },
    { kind: "item" as const, quantity: 1, unitAmount: 20_000, currency: "GBP" },
  ];
  const pieces = [
    { ...piece, creatorId: "b", unitAmount: 20_000, original: false },
    { ...piece, creatorId: "a" },
  ];

  it("adds a shipping line per creator and an included VAT line; the total is the sum of the lines", () => {
    const q = quoteOrder({ destination: "GB", currency: "GBP", items, pieces, creators });
    if (!q.ok) throw new Error("expected a quote");
    expect(q.lines.map((l) => [l.kind, l.creatorId, l.unitAmount, l.included ?? false])).toEqual([
      ["shipping", "a", 1500 + 1000, false],
      ["shipping", "b", 3000, false],
      // 20% inclusive of 125,500: 125,500 / 6 = 20,916.67 → 20,917.
      ["tax", null, 20_917, true],
    ]);
    expect(q.total).toBe(125_500);
    expect(orderTotal([...items, ...q.lines]).amount).toBe(q.total);
  });

  it("adds an exclusive tax on top (CA)", () => {
    const canada = new Map([["a", { ...creators.get("a")!, rates: [rate({ currency: "USD", flatAmount: 2000 })] }]]);
    const q = quoteOrder({
      destination: "CA",
      currency: "USD",
      items: [{ quantity: 1, unitAmount: 10_000, currency: "USD" }],
      pieces: [{ ...piece, creatorId: "a", original: false }],
      creators: canada,
    });
    expect(q.ok && q.total).toBe(12_000 + 600);
  });

  it("names the creators who do not ship to the destination", () => {
    const q = quoteOrder({ destination: "JP", currency: "GBP", items, pieces, creators });
    expect(q).toEqual({
      ok: false,
      unshippable: [
        { creatorId: "a", creatorName: "Ana" },
        { creatorId: "b", creatorName: "Bo" },
      ],
    });
  });
});

describe("shipping estimate", () => {
  it("spans the creator's zones for one piece, insurance included, in the piece's currency", () => {
    const rates = [
      rate({ zone: "domestic", flatAmount: 2500, insurancePpm: 15_000 }),
      rate({ zone: "worldwide", method: "size_band", smallAmount: 6500, insurancePpm: 15_000 }),
      rate({ zone: "worldwide", currency: "EUR", flatAmount: 1 }),
    ];
    expect(shippingRange(rates, "USD", piece)).toEqual({ min: 2500 + 1500, max: 6500 + 1500 });
    expect(shippingRange(rates, "JPY", piece)).toBeNull();
  });
});
