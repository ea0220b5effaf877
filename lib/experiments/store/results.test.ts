import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/rows";
import { orderLines, orders, users } from "@/db/schema";
import { DEMO_PARTNERS, DEMO_PRODUCTS, demoCampaignInput } from "@/lib/campaigns/fixtures";
import { createCampaign, transitionCampaign } from "@/lib/campaigns/store";
import { freshDatabase, type FreshDb } from "@/test/fresh-db";
import { linkVisitorToUser, RecentKeys, recordExposure, recordExposureOnce } from "./exposures";
import { loadChannelTotals } from "./measurement";
import { getExperimentResults, loadCampaignScope } from "./results";

let fresh: FreshDb;
let db: Db;
let campaignId: string;
let bundleId: string;

const T0 = new Date("2026-03-01T10:00:00Z");
const hours = (h: number) => new Date(T0.getTime() + h * 3_600_000);
// The demo seed has its own "ink-and-paper" campaign; this test runs a separate one.
const KEY = "results-test";

async function user(id: string) {
  await db.insert(users).values({ id, email: `${id}@example.test`, name: id });
}

let orderSeq = 0;
async function order(
  userId: string,
  at: Date,
  lines: { productId: string; amount: number; quantity?: number }[],
  status: "paid" | "refunded" = "paid",
) {
  const id = `order-${++orderSeq}`;
  const total = lines.reduce((s, l) => s + l.amount * (l.quantity ?? 1), 0);
  await db
    .insert(orders)
    .values({ id, userId, idempotencyKey: id, status, totalAmount: total, currency: "USD", createdAt: at });
  await db.insert(orderLines).values(
    lines.map((l, i) => ({
      id: `${id}-${i}`,
      orderId: id,
      productId: l.productId,
      creatorId: DEMO_PARTNERS.instructor,
      title: "line",
      quantity: l.quantity ?? 1,
      unitAmount: l.amount,
      currency: "USD",
    })),
  );
}

const expose = (
  visitorId: string,
  variant: number,
  at: Date,
  userId: string | null = null,
  utmSource: string | null = null,
) => recordExposure(db, { experimentKey: KEY, bucketVersion: 1, variant, visitorId, userId, utmSource, at });

beforeAll(async () => {
  fresh = await freshDatabase({ seed: true });
  db = fresh.db;
  const created = await createCampaign(db, demoCampaignInput({ slug: KEY }), { userId: null });
  if (!created.ok) throw new Error(JSON.stringify(created));
  campaignId = created.id;
  await transitionCampaign(db, campaignId, "launch", new Date("2026-02-01T00:00:00Z"));
  bundleId = (await loadCampaignScope(db, campaignId, 1))!.productIds[0]!;
  for (const u of ["u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8"]) await user(u);

  // Variant 0 (control)
  await expose("visitor-a", 0, hours(0), "u1", "newsletter"); // signed in; buys the bundle 2 days later
  await order("u1", hours(48), [{ productId: bundleId, amount: 44900 }]);
  await expose("visitor-b", 0, hours(1), null, "instagram"); // anonymous; signs in as u2 later and buys a featured course
  await linkVisitorToUser(db, "visitor-b", "u2");
  await order("u2", hours(30), [
    { productId: DEMO_PRODUCTS.featuredCourse, amount: 3900 },
    { productId: DEMO_PRODUCTS.course, amount: 8900 },
  ]);
  await expose("visitor-c", 0, hours(2)); // never buys
  await expose("visitor-d", 0, hours(3), "u4"); // buys exactly 7 days later: outside the window
  await order("u4", hours(3 + 7 * 24), [{ productId: bundleId, amount: 44900 }]);
  await expose("visitor-i", 0, hours(4), "u5"); // u5 on two devices, one per variant: the order counts once, for the first

  // Variant 1
  await expose("visitor-e", 1, hours(24), "u3", "newsletter"); // buys just inside the window
  await order("u3", hours(24 + 7 * 24 - 1), [{ productId: DEMO_PRODUCTS.featuredArtwork, amount: 86000 }]);
  await expose("visitor-f", 1, hours(25), "u6"); // buys something unrelated
  await order("u6", hours(26), [{ productId: DEMO_PRODUCTS.course, amount: 8900 }]);
  await order("u7", hours(20), [{ productId: bundleId, amount: 44900 }]); // u7 bought before the exposure
  await expose("visitor-g", 1, hours(26), "u7");
  await expose("visitor-h", 1, hours(27), "u8"); // refunded
  await order("u8", hours(28), [{ productId: bundleId, amount: 44900 }], "refunded");
  await expose("visitor-j", 1, hours(28), "u5");
  await order("u5", hours(50), [{ productId: bundleId, amount: 44900, quantity: 2 }]);
});

afterAll(async () => {
  await fresh?.dispose();
});

describe("experiment results", () => {
  it("counts visitors, conversions and revenue per variant within the 7-day window", async () => {
    const results = await getExperimentResults(db, { campaignId });
    expect(results).not.toBeNull();
    const [control, treatment] = results!.arms;
    expect(control).toMatchObject({
      key: "control",
      visitors: 5,
      conversions: 3,
      orders: 3,
      revenue: 44900 + 3900 + 89800,
    });
    expect(treatment).toMatchObject({ key: "save-framing", visitors: 5, conversions: 1, orders: 1, revenue: 86000 });
    expect(control!.conversionRate).toBeCloseTo(3 / 5, 12);
    expect(treatment!.revenuePerVisitor).toBeCloseTo(86000 / 5, 9);
    expect(control!.vsControl).toBeNull();
    expect(treatment!.vsControl!.conversionAbsolute.expected).toBeCloseTo(1 / 5 - 3 / 5, 12);
    expect(treatment!.vsControl!.conversionRelative.expected).toBeCloseTo(1 / 3 - 1, 12);
  });

  it("gives no results for a version that never existed, or an unknown campaign", async () => {
    const current = (await getExperimentResults(db, { campaignId }))!.experiment.bucketVersion;
    expect((await getExperimentResults(db, { campaignId, bucketVersion: current }))?.experiment.bucketVersion).toBe(
      current,
    );
    expect(await getExperimentResults(db, { campaignId, bucketVersion: current + 1 })).toBeNull();
    expect(await getExperimentResults(db, { campaignId, bucketVersion: 999 })).toBeNull();
    expect(await getExperimentResults(db, { campaignId, bucketVersion: 0 })).toBeNull();
    expect(await getExperimentResults(db, { campaignId: "no-such-campaign" })).toBeNull();
  });

  it("writes a returning visitor's exposure once per process, and again for a newly signed-in user", async () => {
    const memo = new RecentKeys(10);
    const input = {
      experimentKey: KEY,
      bucketVersion: 1,
      variant: 1,
      visitorId: "visitor-memo",
      userId: null,
      utmSource: null,
    };
    expect(await recordExposureOnce(db, input, memo)).toBe(true);
    // The same view again never reaches the database: a database that throws on any use proves it.
    const unusable = new Proxy({}, { get: () => () => Promise.reject(new Error("database used")) }) as unknown as Db;
    expect(await recordExposureOnce(unusable, input, memo)).toBe(false);
    // Signed in now: the link to the user is written (the exposure itself already exists).
    const [someone] = await db.select({ id: users.id }).from(users).limit(1);
    expect(await recordExposureOnce(db, { ...input, userId: someone!.id }, memo)).toBe(false);
    const [row] = (
      (await db.execute(sql`select user_id from experiment_exposure where visitor_id = 'visitor-memo'`)) as unknown as {
        rows: { user_id: string }[];
      }
    ).rows;
    expect(row?.user_id).toBe(someone!.id);
    await db.execute(sql`delete from experiment_exposure where visitor_id = 'visitor-memo'`);
    await db.execute(sql`delete from visitor_user where visitor_id = 'visitor-memo'`);
  });

  it("forgets the oldest keys beyond its limit", () => {
    const memo = new RecentKeys(2);
    for (const k of ["a", "b", "c"]) memo.add(k);
    expect(["a", "b", "c"].map((k) => memo.has(k))).toEqual([false, true, true]);
  });

  it("records one exposure per visitor and phase, whatever the later visits", async () => {
    expect(await expose("visitor-a", 1, hours(100))).toBe(false);
    const [row] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from experiment_exposure where visitor_id = 'visitor-a'`,
    );
    expect(row?.n).toBe(1);
  });

  it("fills the user into anonymous exposures when the visitor is linked", async () => {
    const rows = (
      (await db.execute(sql`select user_id from experiment_exposure where visitor_id = 'visitor-b'`)) as unknown as {
        rows: { user_id: string }[];
      }
    ).rows;
    expect(rows).toEqual([{ user_id: "u2" }]);
  });

  it("checks the sample ratio against the weights and builds cumulative daily series", async () => {
    const results = (await getExperimentResults(db, { campaignId }))!;
    expect(results.srm.observed).toEqual([5, 5]);
    expect(results.srm.expected).toEqual([5, 5]);
    expect(results.srm.pValue).toBeCloseTo(1, 12);
    expect(results.srm.warning).toBe(false);
    const days = results.daily.map((d) => d.day);
    expect(days[0]).toBe("2026-03-01");
    expect(days).toContain("2026-03-03");
    const last = results.daily[results.daily.length - 1]!;
    expect(last.arms.map((a) => [a.cumVisitors, a.cumConversions])).toEqual([
      [5, 3],
      [5, 1],
    ]);
  });

  it("attributes visitors and conversions to the utm_source of the first landing", async () => {
    const scope = (await loadCampaignScope(db, campaignId, null))!;
    const channels = await loadChannelTotals(db, scope);
    expect(channels.find((c) => c.source === "newsletter")).toMatchObject({
      visitors: 2,
      conversions: 2,
      revenue: 44900 + 86000,
    });
    expect(channels.find((c) => c.source === "instagram")).toMatchObject({ visitors: 1, conversions: 1 });
    expect(channels.find((c) => c.source === null)).toMatchObject({ visitors: 7, conversions: 1 });
  });

  it("warns about a sample-ratio mismatch", async () => {
    for (let i = 0; i < 60; i++) await expose(`srm-${i}`, 0, hours(60));
    const results = (await getExperimentResults(db, { campaignId }))!;
    expect(results.srm.pValue).toBeLessThan(0.001);
    expect(results.srm.warning).toBe(true);
  });
});
