import type { CourseLevel, ProductKind } from "@/db/schema";
import type { Locale } from "@/i18n/locales";
import type { FallbackLangs } from "@/lib/i18n/localized";

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
  /** The page language the texts were picked for (lib/i18n/localized.ts), e.g. for the cover's `lang`. */
  locale: Locale;
  /** Texts shown in the other language because the page's was not written: the markup marks them. */
  fallback: FallbackLangs<"title" | "subtitle" | "creatorName" | "medium">;
};

export type TagFacet = { slug: string; name: string; nameZh: string; topic: string; count: number };

export type CataloguePage = {
  items: ProductCard[];
  total: number;
  page: number;
  pageCount: number;
  tagFacets: TagFacet[];
  /** `value` is what the filter matches (the English medium), `label` the medium in the page's language. */
  mediumFacets: { value: string; label: string; count: number }[];
};

export function productPath(card: Pick<ProductCard, "kind" | "slug">): string {
  return card.kind === "course"
    ? `/courses/${card.slug}`
    : card.kind === "artwork"
      ? `/artworks/${card.slug}`
      : `/bundles/${card.slug}`;
}

/** The procedural cover; Chinese pages ask for the Chinese title (`?lang=zh`, part of the image's cache key). */
export function productImagePath(card: Pick<ProductCard, "kind" | "slug">, locale?: Locale): string {
  return `/img/${card.kind}/${card.slug}.svg${locale === "zh" ? "?lang=zh" : ""}`;
}

/** A creator's monogram, drawn from their name in the page's language ("林" on a Chinese page). */
export function creatorAvatarPath(slug: string, locale?: Locale): string {
  return `/img/avatar/${slug}.svg${locale === "zh" ? "?lang=zh" : ""}`;
}
