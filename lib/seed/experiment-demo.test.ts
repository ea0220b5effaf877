import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { experimentExposures, orderLines, orders, users } from "@/db/schema";
import { loadArmAnalysis, loadArmTotals, loadRecentTraffic } from "@/lib/experiments/store/measurement";
import { getExperimentResults, loadCampaignScope } from "@/lib/experiments/store/results";
import { freshDatabase, type FreshDb } from "@/test/fresh-db";
import { DEMO_EXPERIMENTS, seedDemoExperiments, simulateDemoExperiment } from "./experiment-demo";
import { seedId } from "./ids";

let fresh: FreshDb;
let db: Db;

beforeAll(async () => {
  fresh = await freshDatabase({ seed: true });
  db = fresh.db;
});
afterAll(async () => {
  await fresh?.dispose();
});

const results = (slug: string) => getExperimentResults(db, { campaignId: seedId("campaign", slug) });

describe("demo experiments in the seed", () => {
  it("the campaign with a real effect declares a winner on a sequential test, with CUPED at work", async () => {
    const r = (await results("ink-and-paper-headline"))!;
    expect(r.srm.warning).toBe(false);
    expect(r.analysis.test.kind).toBe("sequential");
    expect(r.analysis.recommendation).toEqual({ kind: "winner", variant: 1 });
    const primary = r.analysis.comparisons.find((c) => c.role === "primary")!;
    expect(primary.varianceReduction).toBeGreaterThan(0.1);
    expect(r.analysis.comparisons.find((c) => c.metric === "revenue")!.varianceReduction).toBeGreaterThan(0.1);
    // Converters spend one or two bundles: the 99th percentile cap is two bundles.
    expect(r.revenueCap).toEqual({ percentile: 0.99, cap: 89_800 });
    expect(r.analysis.plan.perVariant).toBeGreaterThan(0);
    // Each arm's Beta(1 + conversions, 1 + non-converters) posterior, as the bandit view shows it.
    for (const arm of r.arms) expect(arm.posterior.mean).toBeCloseTo((1 + arm.conversions) / (2 + arm.visitors), 12);
  });

  it("the A/A test is labelled as one and passes", async () => {
    const r = (await results("ink-and-paper-aa"))!;
    expect(r.experiment.aa).toBe(true);
    expect(r.analysis.recommendation).toEqual({ kind: "aa_passed" });
  });

  it("the broken split shows the sample-ratio mismatch, which withholds the call", async () => {
    const r = (await results("ink-and-paper-srm"))!;
    expect(r.srm.warning).toBe(true);
    expect(r.analysis.test.kind).toBe("fixed");
    expect(r.analysis.recommendation.kind).toBe("withheld");
    expect(r.analysis.recommendation.kind === "withheld" && r.analysis.recommendation.reasons[0]).toBe("srm");
  });

  it("loads per-arm sums that equal the simulated visitors' (both drivers, numbers not strings)", async () => {
    for (const spec of DEMO_EXPERIMENTS) {
      // Which visitors convert and their pre-exposure orders do not depend on the day the seed ran.
      const visitors = simulateDemoExperiment(spec, new Date());
      const scope = (await loadCampaignScope(db, seedId("campaign", spec.slug), 1))!;
      const { arms } = await loadArmAnalysis(db, scope);
      for (const variant of [0, 1]) {
        const mine = visitors.filter((v) => v.variant === variant);
        const paid = mine.filter((v) => v.order && !v.order.refunded);
        const pre = (v: (typeof mine)[number]) => v.preOrders.length;
        const conv = (v: (typeof mine)[number]) => (v.order && !v.order.refunded ? 1 : 0);
        expect(arms[variant]).toEqual({
          variant,
          visitors: mine.length,
          conversions: paid.length,
          revenue: paid.reduce((s, v) => s + v.order!.quantity * 44_900, 0),
          revenueSquares: paid.reduce((s, v) => s + (v.order!.quantity * 44_900) ** 2, 0),
          preOrders: mine.reduce((s, v) => s + pre(v), 0),
          preOrdersSquares: mine.reduce((s, v) => s + pre(v) ** 2, 0),
          conversionsXPreOrders: mine.reduce((s, v) => s + conv(v) * pre(v), 0),
          preRevenue: mine.reduce((s, v) => s + pre(v) * 7_900, 0),
          preRevenueSquares: mine.reduce((s, v) => s + (pre(v) * 7_900) ** 2, 0),
          revenueXPreRevenue: mine.reduce(
            (s, v) => s + conv(v) * (v.order?.quantity ?? 0) * 44_900 * pre(v) * 7_900,
            0,
          ),
          refunded: mine.filter((v) => v.order?.refunded).length,
        });
      }
    }
  });

  it("gives the form's planner the recent landing traffic", async () => {
    const total = DEMO_EXPERIMENTS.reduce((s, e) => s + e.visitors, 0);
    const traffic = await loadRecentTraffic(db, new Date(), 30);
    expect(traffic.dailyVisitors).toBeCloseTo(total / 30, 9);
    expect(traffic.baselineRate).toBeGreaterThan(0);
    expect(traffic.baselineRate).toBeLessThan(1);
  });

  it("is idempotent", async () => {
    expect(await seedDemoExperiments(db)).toEqual({ created: 0 });
  });

  it("caps one huge order at the stated percentile in the analysis, not in the plain totals", async () => {
    const scope = (await loadCampaignScope(db, seedId("campaign", "ink-and-paper-headline"), 1))!;
    const before = await loadArmAnalysis(db, scope);
    const plainBefore = await loadArmTotals(db, scope);
    const at = new Date(Date.now() - 2 * 86_400_000);
    await db.insert(users).values({ id: "whale", email: "whale@example.test", name: "Whale" });
    await db.insert(experimentExposures).values({
      experimentId: scope.experimentId,
      bucketVersion: 1,
      variant: 0,
      visitorId: "whale-visitor",
      userId: "whale",
      exposedAt: at,
    });
    await db.insert(orders).values({
      id: "whale-order",
      userId: "whale",
      idempotencyKey: "whale-order",
      status: "paid",
      totalAmount: 100 * 44_900,
      currency: "USD",
      createdAt: new Date(at.getTime() + 3_600_000),
    });
    await db.insert(orderLines).values({
      id: "whale-line",
      orderId: "whale-order",
      productId: scope.productIds[0]!,
      creatorId: seedId("creator", "lin-mei"),
      title: "100 bundles",
      quantity: 100,
      unitAmount: 44_900,
      currency: "USD",
    });
    const after = await loadArmAnalysis(db, scope);
    const plainAfter = await loadArmTotals(db, scope);
    expect(after.cap).toBe(before.cap);
    expect(after.arms[0]!.revenue - before.arms[0]!.revenue).toBe(before.cap);
    expect(plainAfter[0]!.revenue - plainBefore[0]!.revenue).toBe(100 * 44_900);
  });
});
