import { and, asc, eq } from "drizzle-orm";
import { getCatalogueDb } from "@/db/client";
import {
  artworkDetails,
  bundleItems,
  courseDetails,
  courseSections,
  creators,
  lessons,
  products,
  productTags,
  tags,
} from "@/db/schema";
import type { ArtworkCondition, CourseLevel } from "@/db/schema";
import { DEFAULT_LOCALE, type Locale } from "@/i18n/locales";
import { localizeFields, type FallbackLangs } from "@/lib/i18n/localized";
import { listProductCardsByIds, productTopicSql } from "./queries";
import type { ProductCard } from "./types";

export type ProductTag = { slug: string; name: string; nameZh: string; topic: string };
export type CreatorSummary = {
  id: string;
  slug: string;
  name: string;
  kind: "instructor" | "artist" | "gallery";
  bio: string;
  location: string | null;
  /** ISO 3166-1 alpha-2, where artworks ship from; null when the creator has not said. */
  country: string | null;
  /** Texts in the other language because the page's was not written (lib/i18n/localized.ts). */
  fallback: FallbackLangs<"name" | "bio" | "location">;
};

type ProductBase = {
  id: string;
  slug: string;
  title: string;
  subtitle: string;
  description: string;
  priceAmount: number;
  currency: string;
  imageSeed: number;
  creator: CreatorSummary;
  tags: ProductTag[];
  topic: string | null;
  /** The page language the texts were picked for. */
  locale: Locale;
  fallback: FallbackLangs<"title" | "subtitle" | "description">;
};

/** The curriculum as a visitor may see it: titles and flags, never lesson bodies. */
export type CurriculumLesson = {
  id: string;
  slug: string;
  title: string;
  /** Set when the title is in the other language (not written in the page's). */
  titleFallback?: Locale;
  durationMinutes: number;
  isPreview: boolean;
  position: number;
};
export type CourseView = ProductBase & {
  kind: "course";
  level: CourseLevel;
  sections: { id: string; title: string; titleFallback?: Locale; lessons: CurriculumLesson[] }[];
  lessonCount: number;
  totalMinutes: number;
};
export type ArtworkView = ProductBase & {
  kind: "artwork";
  medium: string;
  widthMm: number;
  heightMm: number;
  depthMm: number | null;
  year: number;
  provenance: string;
  editionSize: number;
  stock: number;
  condition: ArtworkCondition | null;
  certificate: boolean;
  detailFallback: FallbackLangs<"medium" | "provenance">;
};

/** Slugs are lower-case words joined by hyphens; anything else cannot name a product, so skip the query. */
export function isSlug(value: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value) && value.length <= 160;
}

/**
 * A bundle with its items as cards. `itemsTotal` is what the items cost bought one by one (their list
 * prices in the bundle's currency), so the page can show the saving. `complete` is false when an item
 * was withdrawn from sale since the bundle was made: such a bundle is shown but cannot be bought.
 */
export type BundleView = ProductBase & {
  kind: "bundle";
  items: ProductCard[];
  itemsTotal: number;
  saving: number;
  complete: boolean;
};

async function loadBase(slug: string, kind: "course" | "artwork" | "bundle", locale: Locale) {
  if (!isSlug(slug)) return null;
  const db = await getCatalogueDb();
  const [row] = await db
    .select({ product: products, creator: creators })
    .from(products)
    .innerJoin(creators, eq(creators.id, products.creatorId))
    .where(and(eq(products.slug, slug), eq(products.kind, kind), eq(products.status, "published")))
    .limit(1);
  if (!row) return null;
  const tagRows = await db
    .select({ slug: tags.slug, name: tags.name, nameZh: tags.nameZh, topic: tags.topic })
    .from(productTags)
    .innerJoin(tags, eq(tags.id, productTags.tagId))
    .where(eq(productTags.productId, row.product.id))
    .orderBy(asc(tags.slug));
  const p = row.product;
  const { text, fallback } = localizeFields(locale, {
    title: [p.title, p.titleZh],
    subtitle: [p.subtitle, p.subtitleZh],
    description: [p.description, p.descriptionZh],
  });
  const base: ProductBase = {
    id: p.id,
    slug: p.slug,
    ...text,
    priceAmount: p.priceAmount,
    currency: p.currency,
    imageSeed: p.imageSeed,
    creator: reshapeCreator(row.creator, locale),
    tags: tagRows,
    topic: tagRows[0]?.topic ?? null,
    locale,
    fallback,
  };
  return { db, base };
}

function reshapeCreator(c: typeof creators.$inferSelect, locale: Locale): CreatorSummary {
  const { text, fallback } = localizeFields(locale, {
    name: [c.name, c.nameZh],
    bio: [c.bio, c.bioZh],
    location: [c.location, c.locationZh],
  });
  return {
    id: c.id,
    slug: c.slug,
    name: text.name,
    kind: c.kind,
    bio: text.bio,
    location: c.location === null && c.locationZh === null ? null : text.location,
    country: c.country,
    fallback,
  };
}

/** One title and, when it fell back, the language it is in: sections' and lessons' shape. */
function localTitle(locale: Locale, en: string, zh: string | null): { title: string; titleFallback?: Locale } {
  const { text, fallback } = localizeFields(locale, { title: [en, zh] });
  return fallback.title ? { title: text.title, titleFallback: fallback.title } : { title: text.title };
}

export async function getCourseBySlug({
  slug,
  locale = DEFAULT_LOCALE,
}: {
  slug: string;
  locale?: Locale;
}): Promise<CourseView | null> {
  const loaded = await loadBase(slug, "course", locale);
  if (!loaded) return null;
  const { db, base } = loaded;
  const [detail] = await db.select().from(courseDetails).where(eq(courseDetails.productId, base.id));
  const sectionRows = await db
    .select()
    .from(courseSections)
    .where(eq(courseSections.productId, base.id))
    .orderBy(asc(courseSections.position));
  const lessonRows = await db
    .select({
      id: lessons.id,
      sectionId: lessons.sectionId,
      slug: lessons.slug,
      title: lessons.title,
      titleZh: lessons.titleZh,
      durationMinutes: lessons.durationMinutes,
      isPreview: lessons.isPreview,
      position: lessons.position,
    })
    .from(lessons)
    .where(eq(lessons.productId, base.id))
    .orderBy(asc(lessons.position));
  const sections = sectionRows.map((s) => ({
    id: s.id,
    ...localTitle(locale, s.title, s.titleZh),
    lessons: lessonRows
      .filter((l) => l.sectionId === s.id)
      .map(({ sectionId: _sectionId, title, titleZh, ...l }) => ({ ...l, ...localTitle(locale, title, titleZh) })),
  }));
  return {
    ...base,
    kind: "course",
    level: detail?.level ?? "beginner",
    sections,
    lessonCount: lessonRows.length,
    totalMinutes: lessonRows.reduce((n, l) => n + l.durationMinutes, 0),
  };
}

export async function getArtworkBySlug({
  slug,
  locale = DEFAULT_LOCALE,
}: {
  slug: string;
  locale?: Locale;
}): Promise<ArtworkView | null> {
  const loaded = await loadBase(slug, "artwork", locale);
  if (!loaded) return null;
  const { db, base } = loaded;
  const [d] = await db.select().from(artworkDetails).where(eq(artworkDetails.productId, base.id));
  if (!d) return null;
  const detail = localizeFields(locale, {
    medium: [d.medium, d.mediumZh],
    provenance: [d.provenance, d.provenanceZh],
  });
  return {
    ...base,
    kind: "artwork",
    medium: detail.text.medium,
    widthMm: d.widthMm,
    heightMm: d.heightMm,
    depthMm: d.depthMm,
    year: d.year,
    provenance: detail.text.provenance,
    editionSize: d.editionSize,
    stock: d.stock,
    condition: d.condition,
    certificate: d.certificate,
    detailFallback: detail.fallback,
  };
}

export async function getBundleBySlug({
  slug,
  locale = DEFAULT_LOCALE,
}: {
  slug: string;
  locale?: Locale;
}): Promise<BundleView | null> {
  const loaded = await loadBase(slug, "bundle", locale);
  if (!loaded) return null;
  const { db, base } = loaded;
  const rows = await db
    .select({ productId: bundleItems.productId })
    .from(bundleItems)
    .where(eq(bundleItems.bundleId, base.id))
    .orderBy(asc(bundleItems.productId));
  if (rows.length === 0) return null;
  // Only published items come back as cards; courses first, then artworks, as a buyer reads a bundle.
  const cards = await listProductCardsByIds({ ids: rows.map((r) => r.productId), locale });
  const items = [...cards].sort((a, b) =>
    a.kind === b.kind ? a.title.localeCompare(b.title) : a.kind === "course" ? -1 : 1,
  );
  const itemsTotal = items.filter((i) => i.currency === base.currency).reduce((sum, i) => sum + i.priceAmount, 0);
  const complete = items.length === rows.length && items.every((i) => i.currency === base.currency);
  return { ...base, kind: "bundle", items, itemsTotal, saving: Math.max(0, itemsTotal - base.priceAmount), complete };
}

export async function getCreatorBySlug({
  slug,
  locale = DEFAULT_LOCALE,
}: {
  slug: string;
  locale?: Locale;
}): Promise<CreatorSummary | null> {
  if (!isSlug(slug)) return null;
  const db = await getCatalogueDb();
  const [row] = await db.select().from(creators).where(eq(creators.slug, slug)).limit(1);
  return row ? reshapeCreator(row, locale) : null;
}

/** What the image route needs to draw a product (kind, title, topic, medium, seed) and to decide who may see it. */
export async function getProductImageInfo({ kind, slug }: { kind: "course" | "artwork"; slug: string }) {
  const db = await getCatalogueDb();
  const [row] = await db
    .select({
      title: products.title,
      titleZh: products.titleZh,
      imageSeed: products.imageSeed,
      medium: artworkDetails.medium,
      mediumZh: artworkDetails.mediumZh,
      level: courseDetails.level,
      topic: productTopicSql,
      status: products.status,
      ownerUserId: creators.userId,
    })
    .from(products)
    .innerJoin(creators, eq(creators.id, products.creatorId))
    .leftJoin(artworkDetails, eq(artworkDetails.productId, products.id))
    .leftJoin(courseDetails, eq(courseDetails.productId, products.id))
    .where(and(eq(products.slug, slug), eq(products.kind, kind)))
    .limit(1);
  return row ?? null;
}

/** What the image route needs to draw a bundle's cover: its title, seed, status and owner, and each part's as above. */
export async function getBundleImageInfo({ slug }: { slug: string }) {
  const db = await getCatalogueDb();
  const [bundle] = await db
    .select({
      id: products.id,
      title: products.title,
      titleZh: products.titleZh,
      imageSeed: products.imageSeed,
      status: products.status,
      ownerUserId: creators.userId,
    })
    .from(products)
    .innerJoin(creators, eq(creators.id, products.creatorId))
    .where(and(eq(products.slug, slug), eq(products.kind, "bundle")))
    .limit(1);
  if (!bundle) return null;
  const parts = await db
    .select({
      kind: products.kind,
      title: products.title,
      titleZh: products.titleZh,
      imageSeed: products.imageSeed,
      medium: artworkDetails.medium,
      mediumZh: artworkDetails.mediumZh,
      level: courseDetails.level,
      topic: productTopicSql,
      status: products.status,
      ownerUserId: creators.userId,
    })
    .from(bundleItems)
    .innerJoin(products, eq(products.id, bundleItems.productId))
    .innerJoin(creators, eq(creators.id, products.creatorId))
    .leftJoin(artworkDetails, eq(artworkDetails.productId, products.id))
    .leftJoin(courseDetails, eq(courseDetails.productId, products.id))
    .where(eq(bundleItems.bundleId, bundle.id))
    .orderBy(asc(products.kind), asc(products.title));
  return {
    title: bundle.title,
    titleZh: bundle.titleZh,
    imageSeed: bundle.imageSeed,
    status: bundle.status,
    ownerUserId: bundle.ownerUserId,
    parts,
  };
}
