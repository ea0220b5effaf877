/**
 * Bandit cadence: for each running experiment in `bandit` mode whose cadence has elapsed, recompute the
 * weights by Thompson sampling over the current phase's arms (visitors, converting visitors). Only the
 * weights for new assignments change: visitors already assigned keep their variant through their signed
 * cookie, and the bucket version stays, so nobody is re-bucketed. Every update is written to the weight
 * history with the data it used, which the SRM check and the results page read back.
 * Triggered from the config route at most once a minute per server. The rules (burn-in, step limit) are
 * the pure ../bandit-policy.ts.
 */
import { and, asc, eq, gt, min } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, experiments, experimentVariants, experimentWeightHistory } from "@/db/schema";
import { nextBanditWeights, type BanditBurnIn } from "../bandit-policy";
import { fnv1a32 } from "../hash";
import { loadArmTotals } from "./measurement";
import { loadCampaignScope } from "./results";

export type BanditUpdate = {
  experimentId: string;
  key: string;
  outcome: "updated" | "burn_in";
  /** While burning in: which rule still holds the weights. */
  burnIn?: BanditBurnIn;
  weights: number[];
  arms: { n: number; conversions: number }[];
};

export async function updateDueBandits(db: Db, now = new Date()): Promise<BanditUpdate[]> {
  const due = await db
    .select({ campaignId: campaigns.id, experiment: experiments })
    .from(campaigns)
    .innerJoin(experiments, eq(experiments.campaignId, campaigns.id))
    .where(and(eq(campaigns.status, "running"), eq(experiments.mode, "bandit"), gt(campaigns.endsAt, now)));
  const out: BanditUpdate[] = [];
  for (const { campaignId, experiment } of due) {
    const last = experiment.banditUpdatedAt?.getTime() ?? 0;
    if (now.getTime() - last < experiment.banditCadenceMinutes * 60_000) continue;
    const update = await updateBandit(db, campaignId, experiment.id, now);
    if (update) out.push(update);
  }
  return out;
}

export async function updateBandit(
  db: Db,
  campaignId: string,
  experimentId: string,
  now = new Date(),
): Promise<BanditUpdate | null> {
  const [experiment] = await db.select().from(experiments).where(eq(experiments.id, experimentId));
  if (!experiment) return null;
  const scope = await loadCampaignScope(db, campaignId, experiment.bucketVersion);
  if (!scope) return null;
  const variants = await db
    .select()
    .from(experimentVariants)
    .where(eq(experimentVariants.experimentId, experimentId))
    .orderBy(asc(experimentVariants.position));
  const totals = await loadArmTotals(db, scope);
  const arms = variants.map((v) => {
    const t = totals.find((x) => x.variant === v.position);
    return { n: t?.visitors ?? 0, conversions: t?.conversions ?? 0 };
  });
  const [phase] = await db
    .select({ startedAt: min(experimentWeightHistory.startsAt) })
    .from(experimentWeightHistory)
    .where(
      and(
        eq(experimentWeightHistory.experimentId, experimentId),
        eq(experimentWeightHistory.bucketVersion, experiment.bucketVersion),
      ),
    );
  const previous = variants.map((v) => v.weight);
  // Seeded by experiment and time, so a rerun of the same update reproduces the same weights.
  const next = nextBanditWeights(arms, fnv1a32(`${experiment.key}:${now.toISOString()}`), {
    previous,
    phaseStartedAt: phase?.startedAt ?? null,
    now,
  });
  return db.transaction(async (tx) => {
    if (typeof next === "string") {
      await tx.update(experiments).set({ banditUpdatedAt: now }).where(eq(experiments.id, experimentId));
      return { experimentId, key: experiment.key, outcome: "burn_in" as const, burnIn: next, weights: previous, arms };
    }
    const weights = next;
    for (const [i, v] of variants.entries()) {
      await tx
        .update(experimentVariants)
        .set({ weight: weights[i] as number })
        .where(and(eq(experimentVariants.experimentId, experimentId), eq(experimentVariants.position, v.position)));
    }
    // launchedWeights follow the bandit, so pausing and resuming does not count as a changed split.
    await tx
      .update(experiments)
      .set({ banditUpdatedAt: now, launchedWeights: weights })
      .where(eq(experiments.id, experimentId));
    await tx.insert(experimentWeightHistory).values({
      experimentId,
      bucketVersion: experiment.bucketVersion,
      weights,
      coverage: experiment.coverage,
      reason: "bandit",
      data: { arms },
      startsAt: now,
    });
    return { experimentId, key: experiment.key, outcome: "updated" as const, weights, arms };
  });
}
