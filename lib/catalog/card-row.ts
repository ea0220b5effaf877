import type { ProductCard } from "./types";

/**
 * The columns a product card is read from. Every query that lists cards names them this way (the
 * catalogue's query builder and the raw SQL of the recommendation reads), so one function turns them
 * into a `ProductCard`.
 */
export type ProductCardRow = {
  id: string;
  kind: ProductCard["kind"];
  slug: string;
  title: string;
  subtitle: string;
  priceAmount: number;
  currency: string;
  imageSeed: number;
  creatorSlug: string;
  creatorName: string;
  level: ProductCard["level"];
  medium: string | null;
  editionSize: number | null;
  stock: number | null;
  topic: string | null;
};

export function reshapeCard(row: ProductCardRow): ProductCard {
  return {
    id: row.id,
    kind: row.kind,
    slug: row.slug,
    title: row.title,
    subtitle: row.subtitle,
    priceAmount: row.priceAmount,
    currency: row.currency,
    imageSeed: row.imageSeed,
    creator: { slug: row.creatorSlug, name: row.creatorName },
    level: row.level ?? null,
    medium: row.medium ?? null,
    editionSize: row.editionSize ?? null,
    stock: row.stock ?? null,
    topic: row.topic ?? null,
  };
}
