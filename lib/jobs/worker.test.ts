import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outbox, recoRefreshRuns, recommendations, recoState, users } from "@/db/schema";
import { queueMail } from "@/lib/mail/outbox";
import type { MailMessage } from "@/lib/mail/message";
import type { MailTransport } from "@/lib/mail/transport";
import { freshDatabase, type FreshDb } from "@/test/fresh-db";
import { dismissRecommendation, getRecommendations } from "@/lib/reco/read";
import { recordEvents, recordServerEvent } from "@/lib/tracking/record";
import { queueDatabaseOf } from "@/test/queue-db";
import { QUEUES } from "./queues";
import { readRecoRefreshRun, requestRecoRefresh } from "./reco-refresh";
import { startWorker, type RunningWorker } from "./worker";

let fresh: FreshDb;
let worker: RunningWorker;
const sent: MailMessage[] = [];
const transport: MailTransport = {
  name: "memory",
  send: async (message) => {
    sent.push(message);
  },
  close: () => undefined,
};

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  fresh = await freshDatabase({ seed: true });
  worker = await startWorker({
    db: fresh.db,
    database: queueDatabaseOf(fresh),
    transport,
    recoRefreshCron: "0 * * * *",
    eventRetentionDays: 365,
    log: () => undefined,
  });
}, 120_000);
afterAll(async () => {
  await worker?.stop();
  await fresh?.dispose();
});

describe("the background worker", () => {
  it("computes recommendations for a fresh shop without anyone asking", async () => {
    const run = await until("the first refresh", async () => {
      const latest = await readRecoRefreshRun(fresh.db);
      return latest?.state === "done" || latest?.state === "failed" ? latest : null;
    });
    expect(run).toMatchObject({ trigger: "first_start", state: "done", progress: 1 });
    expect(run.stages.map((s) => s.stage)).toEqual([
      "load",
      "prepare",
      "content",
      "clusters",
      "tune",
      "models",
      "neighbours",
      "recommendations",
      "write",
    ]);
    const [state] = await fresh.db.select().from(recoState);
    expect(state?.generation).toBe(run.generation);
  });

  it("queues one refresh however often it is asked while one waits, and reports it to whoever asked", async () => {
    const answers = await Promise.all(
      [1, 2, 3].map(() => requestRecoRefresh(fresh.db, worker.boss, { trigger: "manual" })),
    );
    expect(answers.filter((a) => a.queued)).toHaveLength(1);
    expect(new Set(answers.map((a) => a.runId)).size).toBe(1);
    const runIds = new Set(answers.map((a) => a.runId));
    const finished = await until("the manual refresh", async () => {
      const runs = await Promise.all([...runIds].map((id) => readRecoRefreshRun(fresh.db, id)));
      return runs.every((r) => r?.state === "done") ? runs : null;
    });
    expect(finished.every((r) => r!.trigger === "manual")).toBe(true);
    expect(await fresh.db.$count(recoRefreshRuns, eq(recoRefreshRuns.trigger, "manual"))).toBe(1);
  });

  it("updates a user's lists within 10 s of a purchase committing, through one job per user", async () => {
    const db = fresh.db;
    const user = "worker-test-buyer";
    await db.insert(users).values({ id: user, email: "buyer@worker.test", name: "Buyer", role: "consumer" });
    const before = await getRecommendations(db, { userId: user, slot: "for_you", limit: 8 });
    expect(before.basis).not.toBe("personal");
    const bought = before.items[0]!.id;
    let committedAt = 0;
    await db.transaction(async (tx) => {
      // A burst inside one action: still one job for this user.
      for (let n = 0; n < 3; n++) await recordServerEvent(tx, { type: "purchase", userId: user, productId: bought });
      await new Promise((r) => setTimeout(r, 1000));
      // Not committed: the worker has not been woken (on PGlite, another statement here would wait for this one).
      committedAt = Date.now();
    });
    const after = await until(
      "the user's own list",
      async () => {
        const list = await getRecommendations(db, { userId: user, slot: "for_you", limit: 8 });
        return list.basis === "personal" ? list : null;
      },
      15_000,
    );
    expect(Date.now() - committedAt).toBeLessThan(10_000);
    expect(after.items.map((i) => i.id)).not.toContain(bought);

    // "Not interested" reaches the stored list too, not only the reader's filter.
    const victim = after.items[0]!.id;
    await dismissRecommendation(db, { userId: user, productId: victim });
    await until(
      "the list without the dismissed item",
      async () =>
        (await db.$count(
          recommendations,
          and(eq(recommendations.userId, user), eq(recommendations.productId, victim)),
        )) === 0,
      15_000,
    );
    const jobs = await worker.boss.fetch(QUEUES.recoUser);
    expect(jobs ?? []).toHaveLength(0);
  });

  it("turns a new visitor's lists personal after a few views, without a refresh", async () => {
    const db = fresh.db;
    const visitorId = "worker-test-visitor";
    const key = `v:${visitorId}`;
    const before = await getRecommendations(db, { visitorId, slot: "for_you", limit: 8 });
    expect(before.basis).not.toBe("personal");
    const viewed = before.items.slice(0, 3).map((i) => i.id);
    await recordEvents(db, {
      userId: null,
      visitorId,
      events: viewed.map((productId) => ({ type: "view" as const, productId, dwellMs: 45_000 })),
    });
    const after = await until(
      "the visitor's own list",
      async () => {
        const list = await getRecommendations(db, { visitorId, slot: "for_you", limit: 8 });
        return list.basis === "personal" ? list : null;
      },
      15_000,
    );
    expect(after.items.map((i) => i.id).some((id) => viewed.includes(id))).toBe(false);
    expect(await db.$count(recommendations, eq(recommendations.userId, key))).toBeGreaterThan(0);
  });

  it("sends mail about a second after the transaction that queued it commits, not before", async () => {
    const message: MailMessage = {
      to: "ada@example.com",
      subject: "Your order",
      text: "Thank you.",
      html: "<p>Thank you.</p>",
      locale: "en",
    };
    let queuedAt = 0;
    await fresh.db.transaction(async (tx) => {
      await queueMail(tx, () => message);
      // Still inside the transaction: the row is invisible to the worker and no notification went out.
      await new Promise((r) => setTimeout(r, 1500));
      expect(sent).toHaveLength(0);
      queuedAt = Date.now();
    });
    await until("the mail", async () => sent.length > 0, 15_000);
    expect(Date.now() - queuedAt).toBeLessThan(10_000);
    expect(sent[0]).toMatchObject({ to: "ada@example.com", subject: "Your order" });
    const [row] = await fresh.db.select({ status: outbox.status }).from(outbox);
    expect(row?.status).toBe("sent");
  });
});
