import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accountTokens,
  authSessions,
  cacheTagEvents,
  events,
  outbox,
  rateLimits,
  recoRefreshRuns,
  users,
} from "@/db/schema";
import { freshDatabase, type FreshDb } from "@/test/fresh-db";
import { pruneOldRows } from "./prune";

const NOW = new Date("2026-06-01T12:00:00Z");
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);

let fresh: FreshDb;
let userId: string;

beforeAll(async () => {
  fresh = await freshDatabase();
  const [user] = await fresh.db.insert(users).values({ email: "prune@example.com" }).returning({ id: users.id });
  userId = user!.id;
  const db = fresh.db;
  await db.insert(events).values([
    { type: "view", visitorId: "v-old", createdAt: daysAgo(400) },
    { type: "reco_impression", visitorId: "v-old", createdAt: daysAgo(366) },
    { type: "view", visitorId: "v-new", createdAt: daysAgo(10) },
    // Kept whatever their age: orders, reviews and experiment results rest on them.
    { type: "purchase", userId, createdAt: daysAgo(900) },
    { type: "campaign_exposure", visitorId: "v-old", createdAt: daysAgo(900) },
  ]);
  const mail = { topic: "mail", payload: {} };
  await db.insert(outbox).values([
    { ...mail, status: "sent", sentAt: daysAgo(31), createdAt: daysAgo(31) },
    { ...mail, status: "sent", sentAt: daysAgo(2), createdAt: daysAgo(2) },
    { ...mail, status: "pending", createdAt: daysAgo(200) },
    { ...mail, status: "dead", createdAt: daysAgo(91) },
    { ...mail, status: "dead", createdAt: daysAgo(10) },
  ]);
  await db.insert(authSessions).values([
    { userId, expiresAt: daysAgo(31) },
    { userId, expiresAt: daysAgo(-20), revokedAt: daysAgo(40) },
    { userId, expiresAt: daysAgo(-20) },
  ]);
  await db.insert(accountTokens).values([
    { userId, purpose: "verify_email", tokenHash: "a", expiresAt: daysAgo(8) },
    { userId, purpose: "reset_password", tokenHash: "b", expiresAt: daysAgo(-1), usedAt: daysAgo(8) },
    { userId, purpose: "reset_password", tokenHash: "c", expiresAt: daysAgo(-1) },
  ]);
  await db.insert(rateLimits).values([
    { key: "idle", points: 1, windowEndsAt: daysAgo(2), updatedAt: daysAgo(2) },
    { key: "blocked", points: 9, windowEndsAt: daysAgo(2), updatedAt: daysAgo(2), blockedUntil: daysAgo(-1) },
    { key: "recent", points: 1, windowEndsAt: daysAgo(0.1), updatedAt: daysAgo(0.1) },
  ]);
  await db.insert(recoRefreshRuns).values([
    { trigger: "schedule", state: "done", createdAt: daysAgo(100) },
    { trigger: "manual", state: "done", createdAt: daysAgo(1) },
  ]);
  await db.insert(cacheTagEvents).values([
    { tag: "old", origin: "x", createdAt: daysAgo(2) },
    { tag: "new", origin: "x", createdAt: daysAgo(0.01) },
  ]);
});
afterAll(() => fresh?.dispose());

describe("pruning", () => {
  it("deletes what has outlived its use and keeps the rest", async () => {
    const report = await pruneOldRows(fresh.db, { now: NOW, eventRetentionDays: 365 });
    expect(report).toEqual({
      events: 2,
      sentMail: 1,
      deadMail: 1,
      sessions: 2,
      tokens: 2,
      rateLimits: 1,
      refreshRuns: 1,
      cacheTagEvents: 1,
    });
    const db = fresh.db;
    expect((await db.select({ type: events.type }).from(events)).map((e) => e.type).sort()).toEqual([
      "campaign_exposure",
      "purchase",
      "view",
    ]);
    expect((await db.select({ s: outbox.status }).from(outbox)).map((r) => r.s).sort()).toEqual([
      "dead",
      "pending",
      "sent",
    ]);
    expect(await db.$count(authSessions)).toBe(1);
    expect((await db.select({ h: accountTokens.tokenHash }).from(accountTokens)).map((t) => t.h)).toEqual(["c"]);
    expect((await db.select({ k: rateLimits.key }).from(rateLimits)).map((r) => r.k).sort()).toEqual([
      "blocked",
      "recent",
    ]);
    expect(await db.$count(recoRefreshRuns)).toBe(1);
    expect((await db.select({ t: cacheTagEvents.tag }).from(cacheTagEvents)).map((r) => r.t)).toEqual(["new"]);
  });

  it("has nothing left to do the second time", async () => {
    const report = await pruneOldRows(fresh.db, { now: NOW, eventRetentionDays: 365 });
    expect(Object.values(report).every((n) => n === 0)).toBe(true);
  });
});
