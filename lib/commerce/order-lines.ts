/**
 * From what the buyer asked for to what the order contains: prices, titles and creators read from the
 * database, bundles expanded into the artworks whose stock they take and the courses they enroll in.
 * Throws CheckoutFailure for anything that cannot be sold as asked.
 */
import { eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { bundleItems, creators, products, type ProductKind } from "@/db/schema";
import { CheckoutFailure } from "./failure";

export type ResolvedLine = {
  productId: string;
  kind: ProductKind;
  title: string;
  creatorId: string;
  unitAmount: number;
  currency: string;
  quantity: number;
};

export type ResolvedOrder = {
  lines: ResolvedLine[];
  /** Pieces of each artwork the order takes, bundles included. */
  artworkDemand: Map<string, number>;
  /** Courses the buyer is enrolled in by this order, bundles included. */
  courseIds: string[];
  currency: string;
  titles: Map<string, string>;
  /** Users who own the creator profile of a product in the order, bundle contents included. */
  creatorUserIds: Set<string>;
  /** The artworks inside each bundle of the order, by bundle id (their edition pieces get numbers). */
  bundleArtworks: Map<string, string[]>;
};

export async function resolveLines(
  tx: Executor,
  requested: { productId: string; quantity: number }[],
): Promise<ResolvedOrder> {
  const ids = requested.map((l) => l.productId);
  const rows = await tx
    .select({
      id: products.id,
      kind: products.kind,
      status: products.status,
      title: products.title,
      creatorId: products.creatorId,
      priceAmount: products.priceAmount,
      currency: products.currency,
      creatorUserId: creators.userId,
    })
    .from(products)
    .innerJoin(creators, eq(creators.id, products.creatorId))
    .where(inArray(products.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));

  const bundleIds = rows.filter((r) => r.kind === "bundle").map((r) => r.id);
  const items =
    bundleIds.length === 0
      ? []
      : await tx
          .select({
            bundleId: bundleItems.bundleId,
            productId: bundleItems.productId,
            kind: products.kind,
            status: products.status,
            title: products.title,
            creatorUserId: creators.userId,
          })
          .from(bundleItems)
          .innerJoin(products, eq(products.id, bundleItems.productId))
          .innerJoin(creators, eq(creators.id, products.creatorId))
          .where(inArray(bundleItems.bundleId, bundleIds));

  const artworkDemand = new Map<string, number>();
  const courseIds: string[] = [];
  const titles = new Map<string, string>();
  const creatorUserIds = new Set<string>();
  const bundleArtworks = new Map<string, string[]>();
  const lines: ResolvedLine[] = [];
  const addCourse = (id: string, quantity: number) => {
    if (quantity !== 1) throw new CheckoutFailure("invalid", "a course can be bought once: quantity must be 1");
    if (courseIds.includes(id)) throw new CheckoutFailure("invalid", "the same course appears twice in this order");
    courseIds.push(id);
  };
  const addArtwork = (id: string, quantity: number) => artworkDemand.set(id, (artworkDemand.get(id) ?? 0) + quantity);

  for (const { productId, quantity } of requested) {
    const p = byId.get(productId);
    if (!p || p.status !== "published") throw new CheckoutFailure("not_found", `product ${productId} is not for sale`);
    titles.set(p.id, p.title);
    if (p.creatorUserId) creatorUserIds.add(p.creatorUserId);
    if (p.kind === "course") addCourse(p.id, quantity);
    else if (p.kind === "artwork") addArtwork(p.id, quantity);
    else {
      const contents = items.filter((i) => i.bundleId === p.id);
      if (contents.length === 0) throw new CheckoutFailure("not_found", `bundle ${p.title} has nothing in it`);
      for (const item of contents) {
        // A bundle sells its items: one withdrawn from sale since the bundle was made takes the bundle with it.
        if (item.status !== "published")
          throw new CheckoutFailure("not_found", `bundle ${p.title} holds an item that is no longer for sale`);
        titles.set(item.productId, item.title);
        if (item.creatorUserId) creatorUserIds.add(item.creatorUserId);
        if (item.kind === "course") addCourse(item.productId, quantity);
        else if (item.kind === "artwork") {
          addArtwork(item.productId, quantity);
          bundleArtworks.set(p.id, [...(bundleArtworks.get(p.id) ?? []), item.productId]);
        } else throw new CheckoutFailure("invalid", "bundles inside bundles are not sold");
      }
    }
    lines.push({
      productId: p.id,
      kind: p.kind,
      title: p.title,
      creatorId: p.creatorId,
      unitAmount: p.priceAmount,
      currency: p.currency,
      quantity,
    });
  }

  const currencies = new Set(lines.map((l) => l.currency));
  if (currencies.size !== 1) throw new CheckoutFailure("invalid", "one order takes one currency");
  return {
    lines,
    artworkDemand,
    courseIds,
    currency: [...currencies][0] as string,
    titles,
    creatorUserIds,
    bundleArtworks,
  };
}
