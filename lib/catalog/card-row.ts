import type { Locale } from "@/i18n/locales";
import { localizeFields } from "@/lib/i18n/localized";
import type { ProductCard } from "./types";

/**
 * The columns a product card is read from. Every query that lists cards names them this way (the
 * catalogue's query builder and the raw SQL of the recommendation reads), so one function turns them
 * into a `ProductCard`. The `*Zh` twins are read beside the English ones; `reshapeCard` picks the page's.
 */
export type ProductCardRow = {
  id: string;
  kind: ProductCard["kind"];
  slug: string;
  title: string;
  titleZh: string | null;
  subtitle: string;
  subtitleZh: string | null;
  priceAmount: number;
  currency: string;
  imageSeed: number;
  creatorSlug: string;
  creatorName: string;
  creatorNameZh: string | null;
  level: ProductCard["level"];
  medium: string | null;
  mediumZh: string | null;
  editionSize: number | null;
  stock: number | null;
  topic: string | null;
};

export function reshapeCard(row: ProductCardRow, locale: Locale): ProductCard {
  const { text, fallback } = localizeFields(locale, {
    title: [row.title, row.titleZh],
    subtitle: [row.subtitle, row.subtitleZh],
    creatorName: [row.creatorName, row.creatorNameZh],
    medium: [row.medium, row.mediumZh],
  });
  return {
    id: row.id,
    kind: row.kind,
    slug: row.slug,
    title: text.title,
    subtitle: text.subtitle,
    priceAmount: row.priceAmount,
    currency: row.currency,
    imageSeed: row.imageSeed,
    creator: { slug: row.creatorSlug, name: text.creatorName },
    level: row.level ?? null,
    medium: row.medium === null ? null : text.medium,
    editionSize: row.editionSize ?? null,
    stock: row.stock ?? null,
    topic: row.topic ?? null,
    locale,
    fallback,
  };
}
