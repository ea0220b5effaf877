/**
 * What the studio shows of a refresh run: plain JSON, safe to send to the browser (no user ids), and
 * the same shape for the server-rendered first paint and the polled updates.
 */
import type { RecoRefreshRun } from "@/db/schema";

export type RecoRefreshRunView = {
  id: string;
  trigger: RecoRefreshRun["trigger"];
  state: RecoRefreshRun["state"];
  stage: string | null;
  progress: number;
  stages: { stage: string; ms: number }[];
  generation: number | null;
  /** ISO times, null until they happen. */
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Running time so far, or the whole run's once finished (ms); null until started. */
  durationMs: number | null;
};

export function toRunView(run: RecoRefreshRun, now = Date.now()): RecoRefreshRunView {
  const started = run.startedAt?.getTime() ?? null;
  const ended = run.finishedAt?.getTime() ?? null;
  return {
    id: run.id,
    trigger: run.trigger,
    state: run.state,
    stage: run.stage,
    progress: run.progress,
    stages: run.stages.map(({ stage, ms }) => ({ stage, ms })),
    generation: run.generation,
    createdAt: run.createdAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
    durationMs: started === null ? null : (ended ?? now) - started,
  };
}

export const isRunActive = (run: Pick<RecoRefreshRunView, "state"> | null | undefined) =>
  run?.state === "queued" || run?.state === "running";
