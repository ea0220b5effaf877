/**
 * The results of a campaign's experiment, for one phase (bucket version): per variant counts, the
 * frequentist and Bayesian comparisons with the control, the sample-ratio check, and the series the
 * charts draw. Loads rows through measurement.ts, computes with ../results.ts, ../analysis.ts and
 * ../stats.ts; returns plain data.
 */
import { asc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { campaignFeatured, campaigns, experiments, experimentVariants, products } from "@/db/schema";
import { queryRows } from "@/db/rows";
import { analyse } from "../analysis";
import { betaPosterior } from "../bandit";
import { compareWithControl, cumulate, SRM_THRESHOLD, type ArmResult, type ExperimentResults } from "../results";
import { srmPValue } from "../stats";
import {
  CONVERSION_WINDOW_DAYS,
  loadArmAnalysis,
  loadArmTotals,
  loadDaily,
  loadExpectedCounts,
  PRE_EXPOSURE_DAYS,
  REVENUE_CAP_PERCENTILE,
  type MeasurementScope,
} from "./measurement";

export type CampaignScope = MeasurementScope & { campaignId: string };

/** Products whose orders count as conversions: the bundle and the featured items. */
export async function loadCampaignScope(
  db: Executor,
  campaignId: string,
  bucketVersion: number | null,
): Promise<(CampaignScope & { currentVersion: number }) | null> {
  const [row] = await db
    .select({
      experimentId: experiments.id,
      bundleId: campaigns.bundleProductId,
      currency: products.currency,
      currentVersion: experiments.bucketVersion,
    })
    .from(campaigns)
    .innerJoin(experiments, eq(experiments.campaignId, campaigns.id))
    .innerJoin(products, eq(products.id, campaigns.bundleProductId))
    .where(eq(campaigns.id, campaignId));
  if (!row) return null;
  const featured = await db
    .select({ id: campaignFeatured.productId })
    .from(campaignFeatured)
    .where(eq(campaignFeatured.campaignId, campaignId));
  return {
    campaignId,
    experimentId: row.experimentId,
    bucketVersion,
    productIds: [row.bundleId, ...featured.map((f) => f.id)],
    currency: row.currency,
    currentVersion: row.currentVersion,
  };
}

export async function getExperimentResults(
  db: Executor,
  { campaignId, bucketVersion }: { campaignId: string; bucketVersion?: number },
): Promise<ExperimentResults | null> {
  const [meta] = await db
    .select({ campaign: campaigns, experiment: experiments })
    .from(campaigns)
    .innerJoin(experiments, eq(experiments.campaignId, campaigns.id))
    .where(eq(campaigns.id, campaignId));
  if (!meta) return null;
  // Versions are numbered from 1 and bumped on each relaunch with new weights: a later one does not exist.
  if (bucketVersion !== undefined && (bucketVersion < 1 || bucketVersion > meta.experiment.bucketVersion)) return null;
  const version = bucketVersion ?? meta.experiment.bucketVersion;
  const scope = await loadCampaignScope(db, campaignId, version);
  if (!scope) return null;
  const variants = await db
    .select()
    .from(experimentVariants)
    .where(eq(experimentVariants.experimentId, meta.experiment.id))
    .orderBy(asc(experimentVariants.position));
  const versionRows = await queryRows<{ v: number }>(
    db,
    sql`select distinct bucket_version as v from experiment_weight_history where experiment_id = ${meta.experiment.id} order by 1`,
  );

  const totals = await loadArmTotals(db, scope);
  const armCount = Math.max(variants.length, ...totals.map((t) => t.variant + 1));
  const byArm = (i: number) =>
    totals.find((t) => t.variant === i) ?? {
      variant: i,
      visitors: 0,
      conversions: 0,
      orders: 0,
      revenue: 0,
      revenueSquares: 0,
    };
  const control = byArm(0);
  const tuning = meta.experiment.sequential ? meta.experiment.sequentialTuning : undefined;
  const arms: ArmResult[] = Array.from({ length: armCount }, (_, i) => {
    const t = byArm(i);
    const v = variants.find((x) => x.position === i);
    return {
      position: i,
      key: v?.key ?? `#${i}`,
      name: v?.name ?? `#${i}`,
      weight: v?.weight ?? 0,
      visitors: t.visitors,
      conversions: t.conversions,
      orders: t.orders,
      revenue: t.revenue,
      conversionRate: t.visitors > 0 ? t.conversions / t.visitors : 0,
      revenuePerVisitor: t.visitors > 0 ? t.revenue / t.visitors : 0,
      vsControl: i === 0 ? null : compareWithControl(control, t, tuning),
      posterior: betaPosterior({ n: t.visitors, conversions: t.conversions }),
    };
  });

  const observed = arms.map((a) => a.visitors);
  let expected = await loadExpectedCounts(db, meta.experiment.id, version, armCount);
  // Before any weight history exists (should not happen after a launch), compare with the current weights.
  if (expected.every((e) => e === 0)) expected = arms.map((a) => a.weight * observed.reduce((s, x) => s + x, 0));
  const srm = srmPValue(observed, expected);
  const measured = await loadArmAnalysis(db, scope);
  const analysisArms = Array.from({ length: armCount }, (_, i) => {
    const a = measured.arms.find((x) => x.variant === i);
    return (
      a ?? {
        variant: i,
        visitors: 0,
        conversions: 0,
        revenue: 0,
        revenueSquares: 0,
        preOrders: 0,
        preOrdersSquares: 0,
        conversionsXPreOrders: 0,
        preRevenue: 0,
        preRevenueSquares: 0,
        revenueXPreRevenue: 0,
        refunded: 0,
      }
    );
  });
  const analysis = analyse(
    analysisArms,
    {
      sequential: meta.experiment.sequential,
      sequentialTuning: meta.experiment.sequentialTuning,
      primaryMetric: meta.experiment.primaryMetric,
      minDetectableEffect: meta.experiment.minDetectableEffect,
      aa: meta.experiment.aa,
    },
    srm < SRM_THRESHOLD,
  );

  return {
    campaign: {
      id: meta.campaign.id,
      name: meta.campaign.name,
      slug: meta.campaign.slug,
      status: meta.campaign.status,
      currency: scope.currency,
    },
    experiment: {
      id: meta.experiment.id,
      key: meta.experiment.key,
      mode: meta.experiment.mode,
      bucketVersion: version,
      currentVersion: meta.experiment.bucketVersion,
      versions: versionRows.map((r) => Number(r.v)),
      coverage: meta.experiment.coverage,
      sequential: meta.experiment.sequential,
      sequentialTuning: meta.experiment.sequentialTuning,
      aa: meta.experiment.aa,
    },
    windowDays: CONVERSION_WINDOW_DAYS,
    revenueCap: { percentile: REVENUE_CAP_PERCENTILE, cap: measured.cap },
    preExposureDays: PRE_EXPOSURE_DAYS,
    analysis,
    arms,
    srm: { pValue: srm, observed, expected, warning: srm < SRM_THRESHOLD },
    daily: cumulate(await loadDaily(db, scope), armCount),
  };
}
