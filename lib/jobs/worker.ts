/**
 * The background worker: everything that must not run inside a web request. Started by `npm run worker`
 * (scripts/worker.ts) beside the web servers, or inside the one server process when the app runs on
 * embedded PGlite or in development (lib/server-start.ts). Any number of workers may run: the queue
 * hands each job to one of them.
 */
import type PgBoss from "pg-boss";
import type { Db } from "@/db/client";
import { expireOverdueOrders } from "@/lib/commerce/payment-flow";
import { getSimulatedProvider } from "@/lib/commerce/providers";
import { updateDueBandits } from "@/lib/experiments/store/bandit-job";
import { deliverDueMail } from "@/lib/mail/delivery";
import { OUTBOX_CHANNEL } from "@/lib/mail/outbox";
import type { MailTransport } from "@/lib/mail/transport";
import { RECO_USER_CHANNEL } from "@/lib/reco/live";
import { recomputeUserLists } from "@/lib/reco/refresh/user";
import { startBoss, type QueueDatabase } from "./boss";
import { listen, type Listener } from "./notifications";
import { pruneOldRows } from "./prune";
import { QUEUES, schedules } from "./queues";
import { needsFirstRefresh, requestRecoRefresh, runRecoRefresh, type RecoRefreshJob } from "./reco-refresh";
import { publishCacheTags } from "./cache-tags";
import { CACHE_TAGS } from "@/lib/campaigns/cache-tags";

export type WorkerOptions = {
  db: Db;
  database: QueueDatabase;
  transport: MailTransport;
  recoRefreshCron: string;
  eventRetentionDays: number;
  log?: (line: string) => void;
};

export type RecoUserJob = { userKey: string };

/** Queues a recomputation of one user's lists; while one waits for that user, this adds nothing. */
export function requestUserRecoUpdate(boss: PgBoss, userKey: string): Promise<string | null> {
  return boss.send(QUEUES.recoUser, { userKey } satisfies RecoUserJob, { singletonKey: userKey });
}

export type RunningWorker = { boss: PgBoss; stop(): Promise<void> };

const MAIL_BATCH = 20;

export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const { db, database, transport } = options;
  const log = options.log ?? ((line: string) => console.info(`[worker] ${line}`));
  const boss = await startBoss(database, "worker");
  for (const { queue, cron } of schedules(options.recoRefreshCron)) await boss.schedule(queue, cron);

  await boss.work<RecoRefreshJob>(QUEUES.recoRefresh, { pollingIntervalSeconds: 2 }, async ([job]) => {
    const run = await runRecoRefresh(db, job?.data ?? {});
    if (!run) return { skipped: "a refresh is already waiting or running" };
    log(`recommendations refreshed: generation ${run.generation} (${run.trigger})`);
    return { runId: run.id, generation: run.generation };
  });

  await boss.work<RecoUserJob>(QUEUES.recoUser, { pollingIntervalSeconds: 1 }, async ([job]) => {
    const userKey = job?.data.userKey;
    if (!userKey) return { skipped: "no user" };
    const update = await recomputeUserLists(db, userKey);
    return update ?? { skipped: "no refresh yet" };
  });

  await boss.work(QUEUES.banditUpdate, { pollingIntervalSeconds: 5 }, async () => {
    const updates = await updateDueBandits(db);
    const moved = updates.filter((u) => u.outcome === "updated").length;
    // New weights reach every app instance's proxy through the shared cache tags.
    if (moved > 0) await publishCacheTags(db, [CACHE_TAGS.experimentsConfig]);
    return { checked: updates.length, updated: moved };
  });

  await boss.work(QUEUES.mailDeliver, { pollingIntervalSeconds: 1 }, async () => {
    const total = { sent: 0, retried: 0, dead: 0 };
    // Pass after pass while a pass fills its batch: a burst of mail goes out in one job.
    for (;;) {
      const report = await deliverDueMail({ db, transport, limit: MAIL_BATCH });
      total.sent += report.sent;
      total.retried += report.retried;
      total.dead += report.dead;
      if (report.claimed < MAIL_BATCH || report.released) return total;
    }
  });

  await boss.work(QUEUES.paymentSweep, { pollingIntervalSeconds: 5 }, async () => {
    const expired = await expireOverdueOrders({ db });
    const redelivered = (await getSimulatedProvider()?.redeliverWebhooks()) ?? 0;
    if (expired > 0) log(`payments: ${expired} unpaid order(s) expired`);
    return { expired, redelivered };
  });

  await boss.work(QUEUES.prune, { pollingIntervalSeconds: 30 }, async () => {
    const report = await pruneOldRows(db, { eventRetentionDays: options.eventRetentionDays });
    log(`pruned ${JSON.stringify(report)}`);
    return report;
  });

  const wakeMail = () => void boss.send(QUEUES.mailDeliver, {}).catch(() => undefined);
  const listener: Listener = await listen(database, OUTBOX_CHANNEL, wakeMail);
  // A user's behaviour changed (lib/reco/live.ts): one job per user while one waits (stately queue).
  const recoUserListener: Listener = await listen(database, RECO_USER_CHANNEL, (userKey) => {
    if (userKey) void requestUserRecoUpdate(boss, userKey).catch(() => undefined);
  });

  // A fresh shop has no recommendations until the first refresh: start one now rather than at the next
  // scheduled hour, so "for you" and the studio's segments are real from the first visit.
  if (await needsFirstRefresh(db)) {
    await requestRecoRefresh(db, boss, { trigger: "first_start" });
    log("no recommendations yet: first refresh queued");
  }
  log(`started (refresh schedule "${options.recoRefreshCron}")`);

  return {
    boss,
    async stop() {
      await listener.stop();
      await recoUserListener.stop();
      await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
    },
  };
}
