/**
 * Demo shipping rates: every creator ships their artworks in USD (the demo catalogue's currency) at
 * courier-like prices: a flat domestic parcel, size bands for their region and the rest of the world,
 * and 1.5% insurance on originals. Deterministic ids, so seeding again adds nothing twice.
 */
import type { shippingRates } from "@/db/schema";
import { seedId } from "./ids";

type RateRow = typeof shippingRates.$inferInsert;

export function demoShippingRates(creatorSlugs: readonly string[]): RateRow[] {
  return creatorSlugs.flatMap((slug) => {
    const creatorId = seedId("creator", slug);
    const base = { creatorId, currency: "USD", insurancePpm: 15_000 };
    return [
      { ...base, id: seedId("shipping-rate", `${slug}:domestic`), zone: "domestic", method: "flat", flatAmount: 2_500 },
      {
        ...base,
        id: seedId("shipping-rate", `${slug}:region`),
        zone: "region",
        method: "size_band",
        smallAmount: 4_500,
        mediumAmount: 9_500,
        largeAmount: 22_000,
      },
      {
        ...base,
        id: seedId("shipping-rate", `${slug}:worldwide`),
        zone: "worldwide",
        method: "size_band",
        smallAmount: 6_500,
        mediumAmount: 14_500,
        largeAmount: 35_000,
      },
    ] satisfies RateRow[];
  });
}
