import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, asc, eq, inArray, isNull, like, or, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db } from "@/db/client";
import { freshDatabase, type FreshDb } from "@/test/fresh-db";
import { events, follows, products, productTags, tags, users } from "@/db/schema";
import {
  DEFAULT_POPULATION_NOW,
  POPULATION_WINDOW_DAYS,
  SYNTHETIC_EMAIL_DOMAIN,
  generatePopulation,
  syntheticUserId,
  type PopulationSummary,
} from "./population";
import { seedCatalogue } from "./seed";

const synthetic = like(users.email, `%@${SYNTHETIC_EMAIL_DOMAIN}`);

async function countSynthetic(db: Db) {
  const [u] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(synthetic);
  const [e] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(events)
    .innerJoin(users, eq(users.id, events.userId))
    .where(synthetic);
  return { users: u?.n ?? 0, events: e?.n ?? 0 };
}

/** A digest of the synthetic population: users, events and follows, in a fixed order. */
async function digest(db: Db): Promise<string> {
  const h = createHash("sha256");
  const userRows = await db
    .select({ id: users.id, email: users.email, role: users.role, createdAt: users.createdAt })
    .from(users)
    .where(synthetic)
    .orderBy(asc(users.id));
  h.update(JSON.stringify(userRows));
  const eventRows = await db
    .select({
      type: events.type,
      userId: events.userId,
      productId: events.productId,
      dwellMs: events.dwellMs,
      value: events.value,
      props: events.props,
      createdAt: events.createdAt,
    })
    .from(events)
    .innerJoin(users, eq(users.id, events.userId))
    .where(synthetic)
    .orderBy(asc(events.userId), asc(events.createdAt), asc(events.type), asc(events.productId), asc(events.dwellMs));
  h.update(JSON.stringify(eventRows));
  const followRows = await db
    .select({ followerId: follows.followerId, targetId: follows.targetId, createdAt: follows.createdAt })
    .from(follows)
    .innerJoin(users, eq(users.id, follows.followerId))
    .where(synthetic)
    .orderBy(asc(follows.followerId), asc(follows.targetId));
  h.update(JSON.stringify(followRows));
  return h.digest("hex");
}

const OPTIONS = { users: 200, events: 5_000, seed: 1 };

describe("generatePopulation", () => {
  let a: FreshDb;
  let first: PopulationSummary;
  let firstDigest: string;

  beforeAll(async () => {
    a = await freshDatabase();
    await seedCatalogue(a.db);
    first = await generatePopulation(a.db, OPTIONS);
    firstDigest = await digest(a.db);
  });
  afterAll(async () => {
    await a?.dispose();
  });

  it("writes exactly the requested consumers and events", async () => {
    expect(await countSynthetic(a.db)).toEqual({ users: 200, events: 5_000 });
    expect(first.users).toEqual({ total: 200, inserted: 200, removed: 0 });
    expect(first.events).toMatchObject({ total: 5_000, written: 5_000, kept: 0 });
    expect(Object.values(first.personas).reduce((s, n) => s + n, 0)).toBe(200);

    const rows = await a.db
      .select({ id: users.id, email: users.email, role: users.role, passwordHash: users.passwordHash })
      .from(users)
      .where(synthetic);
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const i of [0, 57, 199]) {
      expect(byId.get(syntheticUserId(i))).toEqual({
        id: syntheticUserId(i),
        email: `user${i}@${SYNTHETIC_EMAIL_DOMAIN}`,
        role: "consumer",
        passwordHash: null,
      });
    }
    expect(rows.every((r) => r.role === "consumer" && r.passwordHash === null)).toBe(true);
  });

  it("references existing users and products only, and purchases carry the product's price", async () => {
    const [dangling] = await a.db
      .select({ n: sql<number>`count(*)::int` })
      .from(events)
      .leftJoin(users, eq(users.id, events.userId))
      .leftJoin(products, eq(products.id, events.productId))
      .where(or(isNull(users.id), isNull(products.id)));
    expect(dangling?.n).toBe(0);

    const purchases = await a.db
      .select({ value: events.value, price: products.priceAmount })
      .from(events)
      .innerJoin(products, eq(products.id, events.productId))
      .where(eq(events.type, "purchase"));
    expect(purchases.length).toBeGreaterThan(0);
    for (const p of purchases) {
      expect(p.value).toBeGreaterThan(0);
      expect(p.value).toBe(p.price);
    }
  });

  it("has a funnel, dwell times on views, and timestamps in the 180 days before the reference date", async () => {
    const t = first.events.byType;
    expect(Object.values(t).reduce((s, n) => s + n, 0)).toBe(5_000);
    expect(t.view ?? 0).toBeGreaterThan(10 * (t.add_to_cart ?? 0));
    expect(t.add_to_cart ?? 0).toBeGreaterThan(t.purchase ?? 0);
    expect(t.purchase ?? 0).toBeGreaterThan(0);
    expect(t.follow ?? 0).toBeGreaterThan(0);
    expect(first.follows).toBe(t.follow);

    const [stats] = await a.db
      .select({
        viewsWithoutDwell: sql<number>`count(*) filter (where ${events.type} = 'view' and (${events.dwellMs} is null or ${events.dwellMs} <= 0))::int`,
        othersWithDwell: sql<number>`count(*) filter (where ${events.type} <> 'view' and ${events.dwellMs} is not null)::int`,
        first: sql<string>`min(${events.createdAt})::text`,
        last: sql<string>`max(${events.createdAt})::text`,
      })
      .from(events);
    expect(stats?.viewsWithoutDwell).toBe(0);
    expect(stats?.othersWithDwell).toBe(0);
    const now = DEFAULT_POPULATION_NOW.getTime();
    expect(new Date(stats?.first ?? "").getTime()).toBeGreaterThanOrEqual(now - POPULATION_WINDOW_DAYS * 86_400_000);
    expect(new Date(stats?.last ?? "").getTime()).toBeLessThan(now);
  });

  it("links courses and artworks through shared tastes", async () => {
    // Users who looked long at an ink-painting course look long at ink artworks far more often than others.
    const inkTags = ["shan-shui", "sumi-e", "bird-and-flower"];
    const longInkLooks = await a.db
      .selectDistinct({ userId: events.userId, kind: products.kind })
      .from(events)
      .innerJoin(products, eq(products.id, events.productId))
      .innerJoin(productTags, eq(productTags.productId, products.id))
      .innerJoin(tags, eq(tags.id, productTags.tagId))
      .where(and(eq(events.type, "view"), sql`${events.dwellMs} >= 30000`, inArray(tags.slug, inkTags)));
    const courseFans = new Set(longInkLooks.filter((r) => r.kind === "course").map((r) => r.userId));
    const artFans = new Set(longInkLooks.filter((r) => r.kind === "artwork").map((r) => r.userId));
    const share = (group: string[]) => group.filter((u) => artFans.has(u)).length / Math.max(1, group.length);
    const all = Array.from({ length: 200 }, (_, i) => syntheticUserId(i));
    const fans = all.filter((u) => courseFans.has(u));
    const others = all.filter((u) => !courseFans.has(u));
    expect(fans.length).toBeGreaterThan(10);
    expect(share(fans)).toBeGreaterThan(2 * share(others));
  });

  it("gives the same population for the same seed on another database, another for another seed", async () => {
    const b = await freshDatabase();
    try {
      await seedCatalogue(b.db);
      const again = await generatePopulation(b.db, OPTIONS);
      expect(again.fingerprint).toBe(first.fingerprint);
      expect(await digest(b.db)).toBe(firstDigest);

      const other = await generatePopulation(b.db, { ...OPTIONS, seed: 2 });
      expect(other.fingerprint).not.toBe(first.fingerprint);
      expect(other.events.written).toBe(5_000);
      expect(await countSynthetic(b.db)).toEqual({ users: 200, events: 5_000 });
      expect(await digest(b.db)).not.toBe(firstDigest);
    } finally {
      await b.dispose();
    }
  });

  it("does not duplicate on a re-run, and completes an interrupted run to the same population", async () => {
    const rerun = await generatePopulation(a.db, OPTIONS);
    expect(rerun.users.inserted).toBe(0);
    expect(rerun.events).toMatchObject({ written: 0, kept: 5_000 });
    expect(await countSynthetic(a.db)).toEqual({ users: 200, events: 5_000 });
    expect(await digest(a.db)).toBe(firstDigest);

    // As if the run had died before writing the last users' chunks.
    const lost = Array.from({ length: 80 }, (_, k) => syntheticUserId(120 + k));
    await a.db.delete(events).where(inArray(events.userId, lost));
    await a.db.delete(follows).where(inArray(follows.followerId, lost));
    const resumed = await generatePopulation(a.db, { ...OPTIONS, batchSize: 500 });
    expect(resumed.events.written).toBeGreaterThan(0);
    expect(resumed.events.kept).toBeGreaterThan(0);
    expect(await countSynthetic(a.db)).toEqual({ users: 200, events: 5_000 });
    expect(await digest(a.db)).toBe(firstDigest);
  });

  it("converges to a smaller population when asked for one", async () => {
    const smaller = await generatePopulation(a.db, { users: 120, events: 3_000, seed: 1 });
    expect(smaller.users.removed).toBe(80);
    expect(await countSynthetic(a.db)).toEqual({ users: 120, events: 3_000 });
    const [demo] = await a.db
      .select({ n: sql<number>`count(*)::int` })
      .from(users)
      .where(like(users.email, "%@atelier.test"));
    expect(demo?.n).toBe(5);
  });
});

describe("db:seed CLI", () => {
  it("rejects a negative --users with exit code 2 before touching a database", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "atelier-seed-cli-"));
    try {
      const pgliteDir = path.join(dir, "pglite");
      const result = spawnSync("npx", ["tsx", "scripts/seed.ts", "--users", "-5"], {
        cwd: process.cwd(),
        env: { ...process.env, PGLITE_DIR: pgliteDir, DATABASE_URL: "" },
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/--users must be 0 or more/);
      expect(result.stdout).toBe("");
      expect(existsSync(pgliteDir)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
