import { index, integer, jsonb, pgTable, real, text } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { createdAt, fk, id, timestamptz } from "./columns";

/**
 * One row per recommendation refresh, whoever started it (the schedule, "Recompute now", the worker's
 * first start, the CLI). The job queue (pg-boss, in its own `pgboss` schema) runs the work; this row is
 * what the studio shows while it runs and afterwards: stage, progress, duration, outcome.
 */
export const recoRefreshRuns = pgTable(
  "reco_refresh_run",
  {
    id: id(),
    /** What started it: "schedule" | "manual" | "first_start" | "cli". */
    trigger: text("trigger").$type<RecoRefreshTrigger>().notNull(),
    /** "queued" | "running" | "done" | "failed". */
    state: text("state").$type<RecoRefreshState>().notNull().default("queued"),
    requestedBy: fk("requested_by", () => users.id, "set null"),
    /** The stage running now (or the last one reached). */
    stage: text("stage"),
    /** Share of the stages finished, 0..1. */
    progress: real("progress").notNull().default(0),
    stages: jsonb("stages").$type<{ stage: string; ms: number; detail?: string }[]>().notNull().default([]),
    generation: integer("generation"),
    error: text("error"),
    createdAt: createdAt(),
    startedAt: timestamptz("started_at"),
    finishedAt: timestamptz("finished_at"),
  },
  (t) => [index("reco_refresh_run_created_idx").on(t.createdAt)],
);

export type RecoRefreshTrigger = "schedule" | "manual" | "first_start" | "cli";
export type RecoRefreshState = "queued" | "running" | "done" | "failed";
export type RecoRefreshRun = typeof recoRefreshRuns.$inferSelect;
