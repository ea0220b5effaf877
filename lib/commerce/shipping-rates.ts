/**
 * What a creator charges to ship their artworks to a destination: pure, so the checkout page, the
 * order placement and the artwork page's estimate compute the same number.
 *
 * A creator keeps rates per destination zone. The rate that applies to a destination is the most
 * specific one: a country list naming it, then domestic (the creator's own country), then the creator's
 * region, then worldwide; none means the creator does not ship there. A rate is flat (one charge per
 * shipment) or by size band (per piece, by the longest side of the artwork, crate sizes couriers price
 * by). Originals (an edition of one) are insured for a share of their price, added to the shipping.
 */
import { sumMinor, multiplyMinor, taxOf, type RatePpm } from "@/lib/money";

export const SHIPPING_ZONES = ["countries", "domestic", "region", "worldwide"] as const;
export type ShippingZone = (typeof SHIPPING_ZONES)[number];
export const SHIPPING_METHODS = ["flat", "size_band"] as const;
export type ShippingMethod = (typeof SHIPPING_METHODS)[number];
export const SIZE_BANDS = ["small", "medium", "large"] as const;
export type SizeBand = (typeof SIZE_BANDS)[number];

export type ShippingRate = {
  zone: ShippingZone;
  /** The destinations of a `countries` rate (ISO 3166-1 alpha-2); empty for the other zones. */
  countries: readonly string[];
  method: ShippingMethod;
  currency: string;
  /** Minor units: the flat charge per shipment, or the per-piece charge of each size band. */
  flatAmount: number;
  smallAmount: number;
  mediumAmount: number;
  largeAmount: number;
  /** The insurance share of an original's price, parts per million (1% = 10_000). */
  insurancePpm: RatePpm;
};

export type ShipPiece = {
  widthMm: number;
  heightMm: number;
  depthMm: number | null;
  unitAmount: number;
  quantity: number;
  /** A unique original (edition of one): insured. */
  original: boolean;
};

/** Regions for the `region` zone: neighbours a courier serves at one tariff. */
const REGIONS: Readonly<Record<string, string>> = {
  GB: "europe",
  DE: "europe",
  FR: "europe",
  IT: "europe",
  ES: "europe",
  NL: "europe",
  PT: "europe",
  NO: "europe",
  BE: "europe",
  AT: "europe",
  IE: "europe",
  CH: "europe",
  SE: "europe",
  DK: "europe",
  PL: "europe",
  CN: "east_asia",
  JP: "east_asia",
  KR: "east_asia",
  TW: "east_asia",
  HK: "east_asia",
  US: "north_america",
  CA: "north_america",
  MX: "north_america",
  AU: "oceania",
  NZ: "oceania",
  NG: "west_africa",
  GH: "west_africa",
  IN: "south_asia",
};

export function regionOf(country: string): string | null {
  return REGIONS[country] ?? null;
}

/** Longest side up to 60 cm: a parcel; up to 120 cm: a flat crate; beyond: a freight crate. */
export function sizeBandOf({
  widthMm,
  heightMm,
  depthMm,
}: Pick<ShipPiece, "widthMm" | "heightMm" | "depthMm">): SizeBand {
  const longest = Math.max(widthMm, heightMm, depthMm ?? 0);
  return longest <= 600 ? "small" : longest <= 1200 ? "medium" : "large";
}

/** The rate that applies from `origin` to `destination` in `currency`, most specific first; null: no shipping. */
export function rateFor(
  rates: readonly ShippingRate[],
  origin: string | null,
  destination: string,
  currency: string,
): ShippingRate | null {
  const usable = rates.filter((r) => r.currency === currency);
  const region = regionOf(destination);
  const matches: Record<ShippingZone, (r: ShippingRate) => boolean> = {
    countries: (r) => r.countries.includes(destination),
    domestic: () => origin === destination,
    region: () => origin !== null && region !== null && regionOf(origin) === region,
    worldwide: () => true,
  };
  for (const zone of SHIPPING_ZONES) {
    const found = usable.find((r) => r.zone === zone && matches[zone](r));
    if (found) return found;
  }
  return null;
}

export type ShippingCost = { shipping: number; insurance: number; amount: number; zone: ShippingZone };

/** One creator's shipment of `pieces` under `rate`: the carriage, the originals' insurance and their sum. */
export function shipmentCost(rate: ShippingRate, pieces: readonly ShipPiece[]): ShippingCost {
  const band = (p: ShipPiece) =>
    ({ small: rate.smallAmount, medium: rate.mediumAmount, large: rate.largeAmount })[sizeBandOf(p)];
  const shipping =
    rate.method === "flat" ? rate.flatAmount : sumMinor(pieces.map((p) => multiplyMinor(band(p), p.quantity)));
  const insurance = sumMinor(
    pieces
      .filter((p) => p.original)
      .map((p) =>
        taxOf({ amount: multiplyMinor(p.unitAmount, p.quantity), ratePpm: rate.insurancePpm, inclusive: false }),
      ),
  );
  return { shipping, insurance, amount: sumMinor([shipping, insurance]), zone: rate.zone };
}

/** The cost of shipping `pieces` from a creator, or null when none of their rates covers the destination. */
export function quoteShipment(
  rates: readonly ShippingRate[],
  origin: string | null,
  destination: string,
  currency: string,
  pieces: readonly ShipPiece[],
): ShippingCost | null {
  const rate = rateFor(rates, origin, destination, currency);
  return rate ? shipmentCost(rate, pieces) : null;
}

/**
 * What shipping one piece costs across a creator's zones in `currency`, cheapest and dearest, insurance
 * included: the artwork page's estimate before the buyer gives an address. Null when none applies.
 */
export function shippingRange(
  rates: readonly ShippingRate[],
  currency: string,
  piece: ShipPiece,
): { min: number; max: number } | null {
  const costs = rates.filter((r) => r.currency === currency).map((r) => shipmentCost(r, [piece]).amount);
  return costs.length === 0 ? null : { min: Math.min(...costs), max: Math.max(...costs) };
}
