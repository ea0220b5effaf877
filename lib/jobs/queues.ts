/**
 * The background jobs, by queue. Most queues are "stately" (at most one job waiting and one running), so
 * a schedule tick or a burst of wake-ups while one waits adds nothing. The refresh keeps its own record
 * of waiting runs (lib/jobs/reco-refresh.ts), which is what the studio follows.
 */
export const QUEUES = {
  /** The full recommendation refresh (lib/reco): on the schedule, on request, at first start. */
  recoRefresh: "reco-refresh",
  /**
   * One user's lists after a purchase, follow, review, cart or dismissal (lib/reco/refresh/user.ts):
   * woken by the NOTIFY of the committing transaction (lib/reco/live.ts), keyed by user so a burst
   * while one waits adds nothing.
   */
  recoUser: "reco-user",
  /** Bandit weight updates of running experiments (lib/experiments). */
  banditUpdate: "bandit-update",
  /** Sends what the outbox holds (lib/mail): woken by each commit that queues mail, and every minute for retries. */
  mailDeliver: "mail-deliver",
  /**
   * Payments (lib/commerce/payment-flow.ts): expires orders nobody paid in time, giving their stock back,
   * and re-sends the simulated provider's webhooks that our endpoint did not acknowledge.
   */
  paymentSweep: "payment-sweep",
  /** Deletes what has outlived its use: old behaviour events, sent mail, spent tokens and limits. */
  prune: "prune",
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export type QueueSettings = {
  policy: "standard" | "stately";
  expireInSeconds: number;
  retryLimit: number;
  retryDelay: number;
};

export const QUEUE_SETTINGS: Record<QueueName, QueueSettings> = {
  // A refresh of a large shop takes minutes (bench:reco); a crashed worker's job is picked up again after this.
  [QUEUES.recoRefresh]: { policy: "standard", expireInSeconds: 60 * 60, retryLimit: 1, retryDelay: 60 },
  // Stately per singletonKey (the user key): one waiting and one running job per user.
  [QUEUES.recoUser]: { policy: "stately", expireInSeconds: 5 * 60, retryLimit: 1, retryDelay: 5 },
  [QUEUES.banditUpdate]: { policy: "stately", expireInSeconds: 5 * 60, retryLimit: 0, retryDelay: 0 },
  [QUEUES.mailDeliver]: { policy: "stately", expireInSeconds: 10 * 60, retryLimit: 0, retryDelay: 0 },
  [QUEUES.paymentSweep]: { policy: "stately", expireInSeconds: 5 * 60, retryLimit: 0, retryDelay: 0 },
  [QUEUES.prune]: { policy: "stately", expireInSeconds: 60 * 60, retryLimit: 2, retryDelay: 300 },
};

/** Cron schedules (UTC). The refresh's is configurable (RECO_REFRESH_CRON); the others are fixed. */
export function schedules(recoRefreshCron: string): { queue: QueueName; cron: string }[] {
  return [
    { queue: QUEUES.recoRefresh, cron: recoRefreshCron },
    // The bandit job itself decides per experiment whether its cadence has elapsed.
    { queue: QUEUES.banditUpdate, cron: "* * * * *" },
    // Retries of mail that failed; new mail wakes the queue at once (NOTIFY, see lib/mail/outbox.ts).
    { queue: QUEUES.mailDeliver, cron: "* * * * *" },
    // Every minute: an order expires at most a minute after its payment window (PAYMENT_WINDOW_MINUTES).
    { queue: QUEUES.paymentSweep, cron: "* * * * *" },
    { queue: QUEUES.prune, cron: "17 3 * * *" },
  ];
}
