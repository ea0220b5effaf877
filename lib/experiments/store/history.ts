import { desc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { experimentWeightHistory } from "@/db/schema";

export type WeightChange = {
  bucketVersion: number;
  weights: number[];
  coverage: number;
  reason: string;
  data: Record<string, unknown> | null;
  startsAt: Date;
};

/** Launches, relaunches and bandit updates of an experiment, newest first. */
export async function listWeightHistory(db: Executor, experimentId: string, limit = 50): Promise<WeightChange[]> {
  const rows = await db
    .select()
    .from(experimentWeightHistory)
    .where(eq(experimentWeightHistory.experimentId, experimentId))
    .orderBy(desc(experimentWeightHistory.startsAt), desc(experimentWeightHistory.id))
    .limit(limit);
  return rows.map((r) => ({
    bucketVersion: r.bucketVersion,
    weights: r.weights,
    coverage: r.coverage,
    reason: r.reason,
    data: r.data ?? null,
    startsAt: r.startsAt,
  }));
}
