import type { CourseLevel, ProductKind } from "@/db/schema";

/** What a product card needs; pages never see raw rows. */
export type ProductCard = {
  id: string;
  kind: ProductKind;
  slug: string;
  title: string;
  subtitle: string;
  priceAmount: number;
  currency: string;
  imageSeed: number;
  creator: { slug: string; name: string };
  level: CourseLevel | null;
  medium: string | null;
  editionSize: number | null;
  stock: number | null;
  topic: string | null;
};

export type TagFacet = { slug: string; name: string; nameZh: string; topic: string; count: number };

export type CataloguePage = {
  items: ProductCard[];
  total: number;
  page: number;
  pageCount: number;
  tagFacets: TagFacet[];
  mediumFacets: { value: string; count: number }[];
};

export function productPath(card: Pick<ProductCard, "kind" | "slug">): string {
  return card.kind === "course"
    ? `/courses/${card.slug}`
    : card.kind === "artwork"
      ? `/artworks/${card.slug}`
      : `/bundles/${card.slug}`;
}

export function productImagePath(card: Pick<ProductCard, "kind" | "slug">): string {
  return `/img/${card.kind}/${card.slug}.svg`;
}
