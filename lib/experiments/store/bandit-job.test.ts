import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { experimentWeightHistory } from "@/db/schema";
import { DEMO_PARTNERS, demoCampaignInput } from "@/lib/campaigns/fixtures";
import { createCampaign, transitionCampaign, updateCampaign } from "@/lib/campaigns/store";
import { freshDatabase, type FreshDb } from "@/test/fresh-db";
import { updateDueBandits } from "./bandit-job";
import { budgetSpendUnit } from "../budget-proposal";
import { getBudgetProposal } from "./budget-proposal";
import { loadRuntimeConfig } from "./config-source";
import { loadCampaignScope } from "./results";

let fresh: FreshDb;
let db: Db;
let campaignId: string;
let bundleId: string;
const LAUNCH = new Date("2026-03-01T00:00:00Z");
const minutes = (m: number) => new Date(LAUNCH.getTime() + m * 60_000);

/** `count` exposed visitors in `variant` (users `${prefix}-i`), the first `buyers` of them buying the bundle an hour later. */
async function traffic(prefix: string, variant: number, count: number, buyers: number, utm: string | null = null) {
  await db.execute(
    sql`insert into "user" (id, email) select ${prefix} || '-' || i, ${prefix} || '-' || i || '@example.test' from generate_series(1, ${count}) i`,
  );
  await db.execute(sql`insert into experiment_exposure (experiment_id, bucket_version, variant, visitor_id, user_id, utm_source, exposed_at)
    select e.id, e.bucket_version, ${variant}, 'vis-' || ${prefix} || '-' || i, ${prefix} || '-' || i, ${utm}, ${LAUNCH.toISOString()}::timestamptz
    from experiment e, generate_series(1, ${count}) i where e.campaign_id = ${campaignId}`);
  if (buyers === 0) return;
  await db.execute(sql`insert into "order" (id, user_id, idempotency_key, total_amount, currency, created_at)
    select 'o-' || ${prefix} || '-' || i, ${prefix} || '-' || i, 'o-' || ${prefix} || '-' || i, 44900, 'USD', ${minutes(60).toISOString()}::timestamptz
    from generate_series(1, ${buyers}) i`);
  await db.execute(sql`insert into order_line (id, order_id, product_id, creator_id, title, quantity, unit_amount, currency)
    select 'l-' || ${prefix} || '-' || i, 'o-' || ${prefix} || '-' || i, ${bundleId}, ${DEMO_PARTNERS.instructor}, 'bundle', 1, 44900, 'USD'
    from generate_series(1, ${buyers}) i`);
}

function banditInput() {
  const input = demoCampaignInput({ slug: "bandit-test" });
  return {
    ...input,
    channels: [
      { source: "newsletter", budget: "600.00", spent: "300.00" },
      { source: "instagram", budget: "400.00", spent: "300.00" },
    ],
    experiment: { ...input.experiment, mode: "bandit" as const, cadenceMinutes: 60 },
  };
}

beforeAll(async () => {
  fresh = await freshDatabase({ seed: true });
  db = fresh.db;
  const created = await createCampaign(db, banditInput(), { userId: null });
  if (!created.ok) throw new Error(JSON.stringify(created));
  campaignId = created.id;
  await transitionCampaign(db, campaignId, "launch", LAUNCH);
  bundleId = (await loadCampaignScope(db, campaignId, null))!.productIds[0]!;
});

afterAll(async () => {
  await fresh?.dispose();
});

describe("bandit cadence", () => {
  it("keeps the launch weights during burn-in (fewer than 100 visitors in an arm)", async () => {
    await traffic("a0", 0, 150, 3, "newsletter");
    await traffic("a1", 1, 60, 20, "instagram");
    expect(await updateDueBandits(db, minutes(30))).toEqual([]); // cadence not yet elapsed
    const [update] = await updateDueBandits(db, minutes(61));
    expect(update).toMatchObject({
      outcome: "burn_in",
      burnIn: "visitors",
      weights: [0.5, 0.5],
      arms: [
        { n: 150, conversions: 3 },
        { n: 60, conversions: 20 },
      ],
    });
  });

  it("does not chase noise: a few conversions or a few hours move nothing", async () => {
    await traffic("b1", 1, 60, 20, "instagram");
    expect(await updateDueBandits(db, minutes(100))).toEqual([]); // an hour has not passed since the burn-in check
    // 3 conversions against 40: far apart, but 3 is too few to trust.
    const [update] = await updateDueBandits(db, minutes(122));
    expect(update).toMatchObject({ outcome: "burn_in", burnIn: "conversions", weights: [0.5, 0.5] });
    await traffic("c0", 0, 40, 20);
    // Enough conversions everywhere now, but the phase is two hours old.
    const [early] = await updateDueBandits(db, minutes(190));
    expect(early).toMatchObject({ outcome: "burn_in", burnIn: "time", weights: [0.5, 0.5] });
  });

  it("then moves weight to the better arm by at most 10 points per update, without changing the bucket version", async () => {
    const day = 24 * 60;
    const [update] = await updateDueBandits(db, minutes(day + 5));
    expect(update?.outcome).toBe("updated");
    const [w0, w1] = update!.weights as [number, number];
    expect(w0 + w1).toBeCloseTo(1, 12);
    expect(w1).toBeCloseTo(0.6, 12);
    const history = await db.select().from(experimentWeightHistory).where(eq(experimentWeightHistory.reason, "bandit"));
    expect(history).toHaveLength(1);
    expect(history[0]?.data).toEqual({
      arms: [
        { n: 190, conversions: 23 },
        { n: 120, conversions: 40 },
      ],
    });

    const config = await loadRuntimeConfig(db, minutes(day + 6));
    expect(config.experiments.find((e) => e.key === "bandit-test")).toMatchObject({
      bucketVersion: 1,
      weights: update!.weights,
    });
    const [second] = await updateDueBandits(db, minutes(day + 70));
    expect(second!.weights[1]).toBeCloseTo(0.7, 12);
  });

  it("keeps learned weights when a running bandit campaign's copy is edited, and resuming does not bump the version", async () => {
    const day = 24 * 60;
    const weightsAt = async (m: number) =>
      (await loadRuntimeConfig(db, minutes(m))).experiments.find((e) => e.key === "bandit-test")!.weights;
    const before = await weightsAt(day + 80);
    const edited = banditInput();
    edited.content.heroTitle = "A new headline";
    expect((await updateCampaign(db, campaignId, edited)).ok).toBe(true);
    expect(await weightsAt(day + 81)).toEqual(before);
    await transitionCampaign(db, campaignId, "pause", minutes(day + 82));
    expect(await transitionCampaign(db, campaignId, "launch", minutes(day + 83))).toMatchObject({
      ok: true,
      bucketVersion: 1,
    });
  });

  it("expects arm sizes from the weight history in the SRM check", async () => {
    const { getExperimentResults } = await import("./results");
    const results = (await getExperimentResults(db, { campaignId }))!;
    // All exposures predate the bandit updates, so the launch weights (50/50) apply to them.
    expect(results.srm.expected).toEqual([155, 155]);
  });
});

describe("channel budget proposal", () => {
  it("shrinks towards today's split while a channel has little evidence, with credible intervals", async () => {
    const proposal = (await getBudgetProposal(db, campaignId))!;
    expect(proposal.totalBudget).toBe(100000);
    expect(proposal.burnIn).toBe(false);
    // The burn-in is 100 major units of the campaign's currency: 100.00 USD.
    expect(proposal.burnInSpend).toBe(10000);
    expect([budgetSpendUnit("USD"), budgetSpendUnit("JPY")]).toEqual([100, 1]);
    const byName = Object.fromEntries(proposal.channels.map((c) => [c.source, c]));
    expect(byName.newsletter).toMatchObject({ visitors: 150, conversions: 3, spentAmount: 30000, budgetAmount: 60000 });
    expect(byName.instagram).toMatchObject({ visitors: 120, conversions: 40, spentAmount: 30000 });
    expect(proposal.channels.reduce((s, c) => s + c.proposedAmount, 0)).toBe(100000);
    // Newsletter's 3 conversions are 10% of full evidence: the proposal moves a tenth of the way from
    // today's 60/40 towards the sampler's (instagram nearly always best), so newsletter keeps ~54%.
    expect(proposal.evidence).toBeCloseTo(0.1, 12);
    expect(byName.newsletter!.share).toBeGreaterThan(0.53);
    expect(byName.newsletter!.share).toBeLessThan(0.55);
    expect(byName.instagram!.proposedAmount).toBeGreaterThan(byName.instagram!.budgetAmount);
    // Conversions per 1.00 USD spent: Gamma(1 + 40, 1 + 300) for instagram.
    expect(byName.instagram!.rate.mean).toBeCloseTo(41 / 301, 12);
    // 95% interval of Gamma(41, rate 301), scipy.stats.gamma.ppf([0.025, 0.975], 41, scale=1/301).
    expect(byName.instagram!.rate.ci[0]).toBeCloseTo(0.09774853, 7);
    expect(byName.instagram!.rate.ci[1]).toBeCloseTo(0.18095896, 7);
    expect(byName.newsletter!.rate.ci[1]).toBeLessThan(byName.instagram!.rate.ci[0]);
  });
});
