/**
 * The results of a campaign's experiment, for one phase (bucket version): per variant counts, the
 * frequentist and Bayesian comparisons with the control, the sample-ratio check, and the series the
 * charts draw. Loads rows through measurement.ts, computes with ../stats.ts; returns plain data.
 */
import { asc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { campaignFeatured, campaigns, experiments, experimentVariants, products } from "@/db/schema";
import { queryRows } from "@/db/rows";
import { analyse, type Analysis } from "../analysis";
import { betaPosterior } from "../bandit";
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
import {
  bayesianTest,
  degenerateReason,
  frequentistTest,
  srmPValue,
  type BayesianResult,
  type DegenerateReason,
  type FrequentistResult,
} from "../stats";

export const SRM_THRESHOLD = 0.001;

export type Comparison = {
  conversionAbsolute: FrequentistResult;
  conversionRelative: FrequentistResult;
  conversionBayes: BayesianResult;
  conversionDegenerate: DegenerateReason | null;
  revenueRelative: FrequentistResult;
  revenueBayes: BayesianResult;
  revenueDegenerate: DegenerateReason | null;
};

export type ArmResult = {
  position: number;
  key: string;
  name: string;
  weight: number;
  visitors: number;
  conversions: number;
  orders: number;
  revenue: number;
  conversionRate: number;
  revenuePerVisitor: number;
  /** Null for the control. */
  vsControl: Comparison | null;
  /** The conversion rate's Beta posterior, as the bandit samples from it. */
  posterior: { mean: number; ci: [number, number] };
};

export type DailyRow = {
  day: string;
  arms: {
    visitors: number;
    conversions: number;
    cumVisitors: number;
    cumConversions: number;
    cumRate: number | null;
  }[];
};

export type ExperimentResults = {
  campaign: { id: string; name: string; slug: string; status: string; currency: string };
  experiment: {
    id: string;
    key: string;
    mode: "fixed" | "bandit";
    bucketVersion: number;
    currentVersion: number;
    versions: number[];
    coverage: number;
    sequential: boolean;
    sequentialTuning: number;
    aa: boolean;
  };
  windowDays: number;
  /** Revenue per visitor is winsorized at this percentile of converters' revenue: `cap` minor units. */
  revenueCap: { percentile: number; cap: number };
  preExposureDays: number;
  analysis: Analysis;
  arms: ArmResult[];
  srm: { pValue: number; observed: number[]; expected: number[]; warning: boolean };
  daily: DailyRow[];
};

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
      vsControl: i === 0 ? null : compare(control, t, tuning),
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

/** The table's per-variant readings, with the experiment's test (sequential unless turned off). */
function compare(
  c: { visitors: number; conversions: number; revenue: number; revenueSquares: number },
  t: typeof c,
  sequentialTuning: number | undefined,
): Comparison {
  const pc = { n: c.visitors, conversions: c.conversions };
  const pt = { n: t.visitors, conversions: t.conversions };
  const mc = { n: c.visitors, sum: c.revenue, sumSquares: c.revenueSquares };
  const mt = { n: t.visitors, sum: t.revenue, sumSquares: t.revenueSquares };
  return {
    conversionAbsolute: frequentistTest(pc, pt, { relative: false, sequentialTuning }),
    conversionRelative: frequentistTest(pc, pt, { relative: true, sequentialTuning }),
    conversionBayes: bayesianTest(pc, pt, { relative: true }),
    conversionDegenerate: degenerateReason(pc, pt, { relative: true }),
    revenueRelative: frequentistTest(mc, mt, { relative: true, sequentialTuning }),
    revenueBayes: bayesianTest(mc, mt, { relative: true }),
    revenueDegenerate: degenerateReason(mc, mt, { relative: true }),
  };
}

/** Running totals per arm for every day from the first exposure to the last event (gaps filled). */
export function cumulate(
  points: { day: string; variant: number; visitors: number; conversions: number }[],
  arms: number,
): DailyRow[] {
  if (points.length === 0) return [];
  const days = points.map((p) => p.day).sort();
  const first = new Date(`${days[0]}T00:00:00Z`);
  const last = new Date(`${days[days.length - 1]}T00:00:00Z`);
  const cum = Array.from({ length: arms }, () => ({ v: 0, c: 0 }));
  const out: DailyRow[] = [];
  for (let d = first; d <= last; d = new Date(d.getTime() + 86_400_000)) {
    const day = d.toISOString().slice(0, 10);
    const row: DailyRow = { day, arms: [] };
    for (let i = 0; i < arms; i++) {
      const p = points.filter((x) => x.day === day && x.variant === i);
      const visitors = p.reduce((s, x) => s + x.visitors, 0);
      const conversions = p.reduce((s, x) => s + x.conversions, 0);
      const acc = cum[i] as { v: number; c: number };
      acc.v += visitors;
      acc.c += conversions;
      row.arms.push({
        visitors,
        conversions,
        cumVisitors: acc.v,
        cumConversions: acc.c,
        cumRate: acc.v > 0 ? acc.c / acc.v : null,
      });
    }
    out.push(row);
  }
  return out;
}
