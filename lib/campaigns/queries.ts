/**
 * Reads for the studio: the campaign list, one campaign as form values, and the choices the form offers
 * (creators, products, segments). Reshaped here so pages never see raw rows.
 */
import { asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import {
  bundleItems,
  campaignChannels,
  campaignFeatured,
  campaignPartners,
  campaigns,
  creators,
  experiments,
  experimentVariants,
  products,
  type CampaignStatus,
  type ExperimentMode,
} from "@/db/schema";
import { queryRows } from "@/db/rows";
import { isLocale } from "@/i18n/locales";
import { currencyExponent } from "@/lib/money";
import { getCurrentSegments, type SegmentChoice } from "@/lib/reco/read";
import { emptyVariantCopy } from "./blank";
import type { CampaignInput } from "./input";

export type CampaignListItem = {
  id: string;
  slug: string;
  name: string;
  status: CampaignStatus;
  startsAt: Date;
  endsAt: Date;
  mode: ExperimentMode;
  bucketVersion: number;
  variants: number;
  exposures: number;
};

export async function listCampaigns(db: Executor): Promise<CampaignListItem[]> {
  const rows = await queryRows<{
    id: string;
    slug: string;
    name: string;
    status: CampaignStatus;
    starts_at: string | Date;
    ends_at: string | Date;
    mode: ExperimentMode;
    bucket_version: number;
    variants: number;
    exposures: number;
  }>(
    db,
    sql`select c.id, c.slug, c.name, c.status, c.starts_at, c.ends_at, e.mode, e.bucket_version,
          (select count(*)::int from experiment_variant v where v.experiment_id = e.id) as variants,
          (select count(*)::int from experiment_exposure x where x.experiment_id = e.id and x.bucket_version = e.bucket_version) as exposures
        from campaign c join experiment e on e.campaign_id = c.id
        order by case c.status when 'running' then 0 when 'paused' then 1 when 'preview' then 2 when 'draft' then 3 else 4 end, c.starts_at desc`,
  );
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: r.name,
    status: r.status,
    startsAt: new Date(r.starts_at),
    endsAt: new Date(r.ends_at),
    mode: r.mode,
    bucketVersion: Number(r.bucket_version),
    variants: Number(r.variants),
    exposures: Number(r.exposures),
  }));
}

/** Minor units back to the text a person would type ("449.00"). */
function majorText(amount: number, currency: string): string {
  const exp = currencyExponent(currency);
  return (amount / 10 ** exp).toFixed(exp);
}

export type CampaignForEdit = {
  id: string;
  slug: string;
  status: CampaignStatus;
  previewToken: string;
  bucketVersion: number;
  launched: boolean;
  input: CampaignInput;
};

/** A campaign with its experiment and its bundle product: what the studio form and the landing page start from. */
export async function findCampaignWithBundle(db: Executor, where: SQL) {
  const [row] = await db
    .select({ campaign: campaigns, experiment: experiments, bundle: products })
    .from(campaigns)
    .innerJoin(experiments, eq(experiments.campaignId, campaigns.id))
    .innerJoin(products, eq(products.id, campaigns.bundleProductId))
    .where(where);
  return row ?? null;
}

export async function getCampaignForEdit(db: Executor, id: string): Promise<CampaignForEdit | null> {
  const row = await findCampaignWithBundle(db, eq(campaigns.id, id));
  if (!row) return null;
  const { campaign, experiment, bundle } = row;
  const [partners, items, featured, channels, variants] = await Promise.all([
    db
      .select()
      .from(campaignPartners)
      .where(eq(campaignPartners.campaignId, id))
      .orderBy(asc(campaignPartners.position)),
    db.select().from(bundleItems).where(eq(bundleItems.bundleId, bundle.id)),
    db
      .select()
      .from(campaignFeatured)
      .where(eq(campaignFeatured.campaignId, id))
      .orderBy(asc(campaignFeatured.position)),
    db.select().from(campaignChannels).where(eq(campaignChannels.campaignId, id)).orderBy(asc(campaignChannels.source)),
    db
      .select()
      .from(experimentVariants)
      .where(eq(experimentVariants.experimentId, experiment.id))
      .orderBy(asc(experimentVariants.position)),
  ]);
  return {
    id,
    slug: campaign.slug,
    status: campaign.status,
    previewToken: campaign.previewToken,
    bucketVersion: experiment.bucketVersion,
    launched: experiment.launchedWeights !== null,
    input: {
      name: campaign.name,
      slug: campaign.slug,
      partnerIds: partners.map((p) => p.creatorId),
      bundle: {
        title: bundle.title,
        description: bundle.description,
        titleZh: bundle.titleZh ?? "",
        descriptionZh: bundle.descriptionZh ?? "",
        price: majorText(bundle.priceAmount, bundle.currency),
        currency: bundle.currency,
        itemIds: items.map((i) => i.productId),
      },
      featuredIds: featured.map((f) => f.productId),
      startsAt: campaign.startsAt.toISOString(),
      endsAt: campaign.endsAt.toISOString(),
      content: campaign.content,
      contentZh: campaign.contentZh ?? { heroTitle: "", heroText: "", story: [] },
      audience: { ...campaign.audience, locales: campaign.audience.locales.filter(isLocale) },
      channels: channels.map((c) => ({
        source: c.source,
        budget: majorText(c.budgetAmount, c.currency),
        spent: majorText(c.spentAmount, c.currency),
      })),
      experiment: {
        mode: experiment.mode,
        coverage: experiment.coverage,
        cadenceMinutes: experiment.banditCadenceMinutes,
        sequential: experiment.sequential,
        sequentialTuning: experiment.sequentialTuning,
        primaryMetric: experiment.primaryMetric,
        minDetectableEffect: experiment.minDetectableEffect,
        aa: experiment.aa,
        variants: variants.map((v) => ({
          key: v.key,
          name: v.name,
          weight: v.weight,
          content: v.content,
          contentZh: v.contentZh ?? emptyVariantCopy(),
        })),
      },
    },
  };
}

export type FormChoices = {
  creators: { id: string; name: string; kind: string }[];
  products: { id: string; title: string; kind: string; creator: string; priceAmount: number; currency: string }[];
  /** The segments of the latest refresh, largest first, named in both languages. */
  segments: SegmentChoice[];
};

export async function getFormChoices(db: Executor): Promise<FormChoices> {
  const [creatorRows, productRows, current] = await Promise.all([
    db
      .select({ id: creators.id, name: creators.name, kind: creators.kind })
      .from(creators)
      .orderBy(asc(creators.kind), asc(creators.name)),
    db
      .select({
        id: products.id,
        title: products.title,
        kind: products.kind,
        creator: creators.name,
        priceAmount: products.priceAmount,
        currency: products.currency,
      })
      .from(products)
      .innerJoin(creators, eq(creators.id, products.creatorId))
      .where(sql`${products.status} = 'published' and ${inArray(products.kind, ["course", "artwork"])}`)
      .orderBy(asc(products.kind), asc(products.title)),
    getCurrentSegments(db),
  ]);
  return {
    creators: creatorRows,
    products: productRows,
    segments: current.segments,
  };
}

export async function getCampaignSlug(db: Executor, id: string): Promise<string | null> {
  const [row] = await db.select({ slug: campaigns.slug }).from(campaigns).where(eq(campaigns.id, id));
  return row?.slug ?? null;
}
