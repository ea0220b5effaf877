/**
 * Builds the proxy's running-experiments config from the database: campaigns that are running and whose
 * window has not closed, with their current phase's weights. Read by /api/experiments/config (cached by
 * tag there), never by the proxy itself.
 */
import { and, asc, eq, gt, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { campaigns, experiments, experimentVariants } from "@/db/schema";
import { buildRuntimeConfig, type RuntimeConfig, type RuntimeExperiment } from "../runtime";

export async function loadRuntimeExperiments(db: Executor, now = new Date()): Promise<RuntimeExperiment[]> {
  const rows = await db
    .select({ campaign: campaigns, experiment: experiments })
    .from(campaigns)
    .innerJoin(experiments, eq(experiments.campaignId, campaigns.id))
    .where(and(eq(campaigns.status, "running"), gt(campaigns.endsAt, now)))
    .orderBy(asc(campaigns.slug));
  if (rows.length === 0) return [];
  const variants = await db
    .select()
    .from(experimentVariants)
    .where(
      inArray(
        experimentVariants.experimentId,
        rows.map((r) => r.experiment.id),
      ),
    )
    .orderBy(asc(experimentVariants.experimentId), asc(experimentVariants.position));
  return rows.map(({ campaign, experiment }) => {
    const own = variants.filter((v) => v.experimentId === experiment.id);
    return {
      key: experiment.key,
      slug: campaign.slug,
      bucketVersion: experiment.bucketVersion,
      coverage: experiment.coverage,
      weights: own.map((v) => v.weight),
      variantKeys: own.map((v) => v.key),
      startsAt: campaign.startsAt.getTime(),
      endsAt: campaign.endsAt.getTime(),
      audience: {
        locales: campaign.audience.locales,
        visitors: campaign.audience.visitors,
        clusters: campaign.audience.segments.length > 0,
      },
    };
  });
}

export async function loadRuntimeConfig(db: Executor, now = new Date()): Promise<RuntimeConfig> {
  return buildRuntimeConfig(await loadRuntimeExperiments(db, now), now.getTime());
}
