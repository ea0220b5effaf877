import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outbox, recoRefreshRuns, recoState } from "@/db/schema";
import { queueMail } from "@/lib/mail/outbox";
import type { MailMessage } from "@/lib/mail/message";
import type { MailTransport } from "@/lib/mail/transport";
import { freshDatabase, type FreshDb } from "@/test/fresh-db";
import { queueDatabaseOf } from "@/test/queue-db";
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
      "models",
      "clusters",
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
