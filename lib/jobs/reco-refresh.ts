/**
 * The recommendation refresh as a background job: how it is asked for, how it runs, what the studio
 * reads back. Each run has a row in `reco_refresh_run` (stage, progress, timings, outcome); the job
 * itself is carried by the queue, so a web request only asks and returns at once.
 */
import { desc, eq, inArray, sql } from "drizzle-orm";
import type PgBoss from "pg-boss";
import type { Db } from "@/db/client";
import { recoRefreshRuns, recoState, type RecoRefreshRun, type RecoRefreshTrigger } from "@/db/schema";
import { refreshRecommendations, type StageReport } from "@/lib/reco/refresh/refresh";
import { QUEUES } from "./queues";

/** The refresh's stages in order (lib/reco refresh), to turn "stage done" reports into progress. */
export const REFRESH_STAGES = [
  "load",
  "prepare",
  "models",
  "clusters",
  "neighbours",
  "recommendations",
  "write",
] as const;

export type RecoRefreshJob = { runId?: string; trigger?: RecoRefreshTrigger };

// Serialises "is one waiting? if not, add one" across requests, instances and the schedule.
const REQUEST_LOCK = 0x7265_636f_7271n; // "recorq"

/**
 * Queues a refresh unless one is already waiting (then that one is the answer: pressing twice does not
 * queue two). Returns the run the caller can follow.
 */
export async function requestRecoRefresh(
  db: Db,
  boss: PgBoss,
  request: { trigger: RecoRefreshTrigger; userId?: string },
): Promise<{ runId: string; queued: boolean }> {
  const decided = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${REQUEST_LOCK.toString()}::bigint)`);
    const [waiting] = await tx
      .select({ id: recoRefreshRuns.id })
      .from(recoRefreshRuns)
      .where(eq(recoRefreshRuns.state, "queued"))
      .orderBy(desc(recoRefreshRuns.createdAt))
      .limit(1);
    if (waiting) return { runId: waiting.id, queued: false };
    const [run] = await tx
      .insert(recoRefreshRuns)
      .values({ trigger: request.trigger, requestedBy: request.userId ?? null })
      .returning({ id: recoRefreshRuns.id });
    return { runId: run!.id, queued: true };
  });
  if (!decided.queued) return decided;
  // After the commit, so the worker always finds the run it is handed.
  try {
    await boss.send(QUEUES.recoRefresh, { runId: decided.runId, trigger: request.trigger } satisfies RecoRefreshJob);
  } catch (error) {
    await db
      .update(recoRefreshRuns)
      .set({ state: "failed", error: "could not be queued", finishedAt: new Date() })
      .where(eq(recoRefreshRuns.id, decided.runId));
    throw error;
  }
  return decided;
}

/**
 * Runs one refresh and records it. A scheduled job carries no run: it makes one, unless a refresh is
 * already waiting or running (that one brings the data up to date anyway). A failure is recorded on
 * the row and rethrown, so the queue marks the job failed too.
 */
export async function runRecoRefresh(
  db: Db,
  job: RecoRefreshJob,
  now = () => new Date(),
): Promise<RecoRefreshRun | null> {
  let runId = job.runId;
  if (!runId) {
    const busy = await db
      .select({ id: recoRefreshRuns.id })
      .from(recoRefreshRuns)
      .where(inArray(recoRefreshRuns.state, ["queued", "running"]))
      .limit(1);
    if (busy.length > 0) return null;
    const [made] = await db
      .insert(recoRefreshRuns)
      .values({ trigger: job.trigger ?? "schedule" })
      .returning({ id: recoRefreshRuns.id });
    runId = made!.id;
  }
  const start = { state: "running" as const, startedAt: now(), stage: REFRESH_STAGES[0], progress: 0, error: null };
  const [started] = await db.update(recoRefreshRuns).set(start).where(eq(recoRefreshRuns.id, runId)).returning();
  // A run pruned or lost while its job waited: record this one afresh rather than lose it.
  const id =
    started?.id ??
    (
      await db
        .insert(recoRefreshRuns)
        .values({ trigger: job.trigger ?? "schedule", ...start })
        .returning({ id: recoRefreshRuns.id })
    )[0]!.id;

  const done: StageReport[] = [];
  const record = async (report: StageReport) => {
    done.push({ stage: report.stage, ms: Math.round(report.ms), detail: report.detail });
    const index = REFRESH_STAGES.indexOf(report.stage as (typeof REFRESH_STAGES)[number]);
    await db
      .update(recoRefreshRuns)
      .set({
        stage: REFRESH_STAGES[index + 1] ?? report.stage,
        progress: Math.min(1, (index + 1) / REFRESH_STAGES.length),
        stages: [...done],
      })
      .where(eq(recoRefreshRuns.id, id));
  };
  try {
    const summary = await refreshRecommendations(db, { onStage: record });
    const [finished] = await db
      .update(recoRefreshRuns)
      .set({ state: "done", progress: 1, generation: summary.generation, finishedAt: now(), stages: [...done] })
      .where(eq(recoRefreshRuns.id, id))
      .returning();
    return finished!;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db
      .update(recoRefreshRuns)
      .set({ state: "failed", error: message.slice(0, 500), finishedAt: now() })
      .where(eq(recoRefreshRuns.id, id));
    throw error;
  }
}

/** The run to show: the one asked for, else the most recent. */
export async function readRecoRefreshRun(db: Db, runId?: string): Promise<RecoRefreshRun | null> {
  const rows = await db
    .select()
    .from(recoRefreshRuns)
    .where(runId ? eq(recoRefreshRuns.id, runId) : undefined)
    .orderBy(desc(recoRefreshRuns.createdAt))
    .limit(1);
  return rows[0] ?? null;
}

/** Whether recommendations were never computed and no refresh is on its way. */
export async function needsFirstRefresh(db: Db): Promise<boolean> {
  const [state] = await db.select({ generation: recoState.generation }).from(recoState).limit(1);
  if (state) return false;
  const pending = await db
    .select({ id: recoRefreshRuns.id })
    .from(recoRefreshRuns)
    .where(inArray(recoRefreshRuns.state, ["queued", "running"]))
    .limit(1);
  return pending.length === 0;
}
