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
};

/** The curriculum as a visitor may see it: titles and flags, never lesson bodies. */
export type CurriculumLesson = {
  id: string;
  slug: string;
  title: string;
  durationMinutes: number;
  isPreview: boolean;
  position: number;
};
export type CourseView = ProductBase & {
  kind: "course";
  level: CourseLevel;
  sections: { id: string; title: string; lessons: CurriculumLesson[] }[];
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

async function loadBase(slug: string, kind: "course" | "artwork" | "bundle") {
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
  const base: ProductBase = {
    id: p.id,
    slug: p.slug,
    title: p.title,
    subtitle: p.subtitle,
    description: p.description,
    priceAmount: p.priceAmount,
    currency: p.currency,
    imageSeed: p.imageSeed,
    creator: reshapeCreator(row.creator),
    tags: tagRows,
    topic: tagRows[0]?.topic ?? null,
  };
  return { db, base };
}

function reshapeCreator(c: typeof creators.$inferSelect): CreatorSummary {
  return { id: c.id, slug: c.slug, name: c.name, kind: c.kind, bio: c.bio, location: c.location, country: c.country };
}

export async function getCourseBySlug({ slug }: { slug: string }): Promise<CourseView | null> {
  const loaded = await loadBase(slug, "course");
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
      durationMinutes: lessons.durationMinutes,
      isPreview: lessons.isPreview,
      position: lessons.position,
    })
    .from(lessons)
    .where(eq(lessons.productId, base.id))
    .orderBy(asc(lessons.position));
  const sections = sectionRows.map((s) => ({
    id: s.id,
    title: s.title,
    lessons: lessonRows.filter((l) => l.sectionId === s.id).map(({ sectionId: _sectionId, ...l }) => l),
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

export async function getArtworkBySlug({ slug }: { slug: string }): Promise<ArtworkView | null> {
  const loaded = await loadBase(slug, "artwork");
  if (!loaded) return null;
  const { db, base } = loaded;
  const [d] = await db.select().from(artworkDetails).where(eq(artworkDetails.productId, base.id));
  if (!d) return null;
  return {
    ...base,
    kind: "artwork",
    medium: d.medium,
    widthMm: d.widthMm,
    heightMm: d.heightMm,
    depthMm: d.depthMm,
    year: d.year,
    provenance: d.provenance,
    editionSize: d.editionSize,
    stock: d.stock,
    condition: d.condition,
    certificate: d.certificate,
  };
}

export async function getBundleBySlug({ slug }: { slug: string }): Promise<BundleView | null> {
  const loaded = await loadBase(slug, "bundle");
  if (!loaded) return null;
  const { db, base } = loaded;
  const rows = await db
    .select({ productId: bundleItems.productId })
    .from(bundleItems)
    .where(eq(bundleItems.bundleId, base.id))
    .orderBy(asc(bundleItems.productId));
  if (rows.length === 0) return null;
  // Only published items come back as cards; courses first, then artworks, as a buyer reads a bundle.
  const cards = await listProductCardsByIds({ ids: rows.map((r) => r.productId) });
  const items = [...cards].sort((a, b) =>
    a.kind === b.kind ? a.title.localeCompare(b.title) : a.kind === "course" ? -1 : 1,
  );
  const itemsTotal = items.filter((i) => i.currency === base.currency).reduce((sum, i) => sum + i.priceAmount, 0);
  const complete = items.length === rows.length && items.every((i) => i.currency === base.currency);
  return { ...base, kind: "bundle", items, itemsTotal, saving: Math.max(0, itemsTotal - base.priceAmount), complete };
}

export async function getCreatorBySlug({ slug }: { slug: string }): Promise<CreatorSummary | null> {
  if (!isSlug(slug)) return null;
  const db = await getCatalogueDb();
  const [row] = await db.select().from(creators).where(eq(creators.slug, slug)).limit(1);
  return row ? reshapeCreator(row) : null;
}

/** What the image route needs to draw a product (kind, title, topic, medium, seed) and to decide who may see it. */
export async function getProductImageInfo({ kind, slug }: { kind: "course" | "artwork"; slug: string }) {
  const db = await getCatalogueDb();
  const [row] = await db
    .select({
      title: products.title,
      imageSeed: products.imageSeed,
      medium: artworkDetails.medium,
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
      imageSeed: products.imageSeed,
      medium: artworkDetails.medium,
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
    imageSeed: bundle.imageSeed,
    status: bundle.status,
    ownerUserId: bundle.ownerUserId,
    parts,
  };
}
