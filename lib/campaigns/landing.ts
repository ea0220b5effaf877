/**
 * What a landing page /c/[slug] shows: the campaign, its partners, the bundle with its items, the
 * featured items and the experiment's variants. JSON-safe (dates as ISO strings) so it can live in Next's
 * data cache; pages never see raw rows.
 */
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  bundleItems,
  campaignFeatured,
  campaignPartners,
  campaigns,
  creators,
  experimentVariants,
  type CampaignAudience,
  type CampaignContent,
  type CampaignStatus,
  type VariantContent,
} from "@/db/schema";
import { DEFAULT_LOCALE, type Locale } from "@/i18n/locales";
import { listProductCardsByIds } from "@/lib/catalog/queries";
import { localizeFields, type FallbackLangs } from "@/lib/i18n/localized";
import type { ProductCard } from "@/lib/catalog/types";
import { findCampaignWithBundle } from "./queries";
import { isSlugLike } from "./slug";

export type LandingVariant = {
  position: number;
  key: string;
  name: string;
  /** The variant's copy in the page's language, or the English one when no Chinese was written. */
  content: VariantContent;
  /** Set when `content` is in the other language than the page's. */
  contentFallback?: Locale;
};

export type LandingCampaign = {
  id: string;
  slug: string;
  name: string;
  status: CampaignStatus;
  startsAt: string;
  endsAt: string;
  updatedAt: string;
  previewToken: string;
  /** The landing content in the page's language, or the English one when no Chinese was written. */
  content: CampaignContent;
  /** Set when `content` is in the other language than the page's. */
  contentFallback?: Locale;
  audience: CampaignAudience;
  partners: {
    id: string;
    slug: string;
    name: string;
    kind: "instructor" | "artist" | "gallery";
    bio: string;
    location: string | null;
    fallback: FallbackLangs<"name" | "bio" | "location">;
  }[];
  bundle: {
    id: string;
    slug: string;
    title: string;
    description: string;
    priceAmount: number;
    currency: string;
    status: string;
    items: ProductCard[];
    itemsTotal: number;
    fallback: FallbackLangs<"title" | "description">;
  };
  featured: ProductCard[];
  experiment: { key: string; bucketVersion: number; mode: "fixed" | "bandit"; variants: LandingVariant[] };
};

export async function getLandingCampaignBySlug({
  slug,
  locale = DEFAULT_LOCALE,
}: {
  slug: string;
  locale?: Locale;
}): Promise<LandingCampaign | null> {
  if (!isSlugLike(slug)) return null;
  const db = await getDb();
  const row = await findCampaignWithBundle(db, eq(campaigns.slug, slug));
  if (!row) return null;
  const { campaign, experiment, bundle } = row;
  const [partners, items, featured, variants] = await Promise.all([
    db
      .select({
        id: creators.id,
        slug: creators.slug,
        name: creators.name,
        nameZh: creators.nameZh,
        kind: creators.kind,
        bio: creators.bio,
        bioZh: creators.bioZh,
        location: creators.location,
        locationZh: creators.locationZh,
      })
      .from(campaignPartners)
      .innerJoin(creators, eq(creators.id, campaignPartners.creatorId))
      .where(eq(campaignPartners.campaignId, campaign.id))
      .orderBy(asc(campaignPartners.position)),
    db.select({ id: bundleItems.productId }).from(bundleItems).where(eq(bundleItems.bundleId, bundle.id)),
    db
      .select({ id: campaignFeatured.productId })
      .from(campaignFeatured)
      .where(eq(campaignFeatured.campaignId, campaign.id))
      .orderBy(asc(campaignFeatured.position)),
    db
      .select()
      .from(experimentVariants)
      .where(eq(experimentVariants.experimentId, experiment.id))
      .orderBy(asc(experimentVariants.position)),
  ]);
  const itemCards = await listProductCardsByIds({ ids: items.map((i) => i.id), locale });
  // Courses first, then artworks: the page tells the story in that order.
  itemCards.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "course" ? -1 : 1));
  const featuredCards = await listProductCardsByIds({ ids: featured.map((f) => f.id), locale });
  // The landing content is one block per language: a Chinese page takes content_zh whole, or else the
  // English block, marked as a fallback (never a mix of the two within one story).
  const zhContent = locale === "zh" ? campaign.contentZh : null;
  const bundleText = localizeFields(locale, {
    title: [bundle.title, bundle.titleZh],
    description: [bundle.description, bundle.descriptionZh],
  });
  return {
    id: campaign.id,
    slug: campaign.slug,
    name: campaign.name,
    status: campaign.status,
    startsAt: campaign.startsAt.toISOString(),
    endsAt: campaign.endsAt.toISOString(),
    updatedAt: campaign.updatedAt.toISOString(),
    previewToken: campaign.previewToken,
    content: zhContent ?? campaign.content,
    ...(locale === "zh" && !zhContent ? { contentFallback: "en" as const } : {}),
    audience: campaign.audience,
    partners: partners.map(({ nameZh, bioZh, locationZh, ...p }) => {
      const { text, fallback } = localizeFields(locale, {
        name: [p.name, nameZh],
        bio: [p.bio, bioZh],
        location: [p.location, locationZh],
      });
      return { ...p, ...text, location: p.location === null ? null : text.location, fallback };
    }),
    bundle: {
      id: bundle.id,
      slug: bundle.slug,
      ...bundleText.text,
      fallback: bundleText.fallback,
      priceAmount: bundle.priceAmount,
      currency: bundle.currency,
      status: bundle.status,
      items: itemCards,
      itemsTotal: itemCards.reduce((s, c) => s + c.priceAmount, 0),
    },
    featured: featuredCards,
    experiment: {
      key: experiment.key,
      bucketVersion: experiment.bucketVersion,
      mode: experiment.mode,
      // Like the landing content, a variant's copy is one block per language.
      variants: variants.map((v) => ({
        position: v.position,
        key: v.key,
        name: v.name,
        content: (locale === "zh" ? v.contentZh : null) ?? v.content,
        ...(locale === "zh" && !v.contentZh ? { contentFallback: "en" as const } : {}),
      })),
    },
  };
}

/** Campaigns a search engine may index: running, inside their window. */
export async function listLiveCampaigns(now = new Date()): Promise<{ slug: string; updatedAt: string }[]> {
  const db = await getDb();
  const rows = await db
    .select({
      slug: campaigns.slug,
      updatedAt: campaigns.updatedAt,
      startsAt: campaigns.startsAt,
      endsAt: campaigns.endsAt,
    })
    .from(campaigns)
    .where(eq(campaigns.status, "running"));
  return rows
    .filter((r) => r.startsAt <= now && r.endsAt > now)
    .map((r) => ({ slug: r.slug, updatedAt: r.updatedAt.toISOString() }));
}

/** Whether a campaign is publicly visible now (otherwise only studio users and preview links see it). */
export function isPubliclyVisible(c: Pick<LandingCampaign, "status">): boolean {
  return c.status === "running" || c.status === "paused" || c.status === "ended";
}
