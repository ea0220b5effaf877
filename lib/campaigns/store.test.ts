import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useDatabase, type Db } from "@/db/client";
import {
  bundleItems,
  campaigns,
  experiments,
  experimentVariants,
  experimentWeightHistory,
  products,
} from "@/db/schema";
import { queryRows } from "@/db/rows";
import { freshDatabase, type FreshDb } from "@/test/fresh-db";
import { DEMO_PRODUCTS, demoCampaignInput } from "./fixtures";
import type { CampaignInput } from "./input";
import { getLandingCampaignBySlug } from "./landing";
import { getCampaignForEdit } from "./queries";
import { createCampaign, transitionCampaign, updateCampaign } from "./store";

let fresh: FreshDb;
let db: Db;

beforeAll(async () => {
  fresh = await freshDatabase({ seed: true });
  db = fresh.db;
  // The landing read and the product cards it lists use the app's database.
  useDatabase({ db, driver: fresh.driver, close: async () => {} });
});
afterAll(async () => {
  await fresh?.dispose();
});
beforeEach(async () => {
  // The seeded demo experiments have orders of their bundles (order lines restrict deleting a product).
  await db.execute(
    sql`delete from "order" where id in (select ol.order_id from order_line ol join product p on p.id = ol.product_id where p.kind = 'bundle')`,
  );
  await db.execute(sql`delete from campaign`);
  await db.execute(sql`delete from product where kind = 'bundle'`);
});

async function counts() {
  const [row] = await queryRows<Record<string, number>>(
    db,
    sql`select
      (select count(*)::int from campaign) as campaigns,
      (select count(*)::int from product where kind = 'bundle') as bundles,
      (select count(*)::int from bundle_item) as bundle_items,
      (select count(*)::int from experiment) as experiments,
      (select count(*)::int from experiment_variant) as variants,
      (select count(*)::int from campaign_channel) as channels`,
  );
  return row;
}

const NOTHING = { campaigns: 0, bundles: 0, bundle_items: 0, experiments: 0, variants: 0, channels: 0 };

function withVariants(weights: number[]): CampaignInput {
  const base = demoCampaignInput();
  return {
    ...base,
    experiment: {
      ...base.experiment,
      variants: weights.map((weight, i) => ({
        key: `v${i}`,
        name: `V${i}`,
        weight,
        content: { headline: "", heroText: "", body: "", offer: "", cta: "" },
      })),
    },
  };
}

describe("createCampaign", () => {
  it("stores the campaign, its bundle product, partners, channels, experiment and variants", async () => {
    const result = await createCampaign(db, demoCampaignInput(), { userId: null });
    expect(result.ok).toBe(true);
    expect(await counts()).toEqual({
      campaigns: 1,
      bundles: 1,
      bundle_items: 2,
      experiments: 1,
      variants: 2,
      channels: 2,
    });
    const [bundle] = await db.select().from(products).where(eq(products.slug, "ink-and-paper-bundle"));
    expect(bundle).toMatchObject({ kind: "bundle", priceAmount: 44900, currency: "USD", status: "draft" });
    const items = await db.select().from(bundleItems).where(eq(bundleItems.bundleId, bundle!.id));
    expect(items.map((i) => i.productId).sort()).toEqual([DEMO_PRODUCTS.course, DEMO_PRODUCTS.edition].sort());
  });

  const bad: [string, CampaignInput, Record<string, string>][] = [
    ["weights that do not sum to 1", withVariants([0.5, 0.6]), { "experiment.variants": "weights_sum" }],
    ["weights that sum to less than 1", withVariants([0.3, 0.3, 0.3]), { "experiment.variants": "weights_sum" }],
    ["a negative weight", withVariants([1.5, -0.5]), { "experiment.variants.1.weight": "weight_range" }],
    ["one variant", withVariants([1]), { "experiment.variants": "two_variants" }],
    [
      "an end before the start",
      { ...demoCampaignInput(), startsAt: "2026-06-01T00:00", endsAt: "2026-05-01T00:00" },
      { endsAt: "end_before_start" },
    ],
    [
      "an end equal to the start",
      { ...demoCampaignInput(), startsAt: "2026-06-01T00:00", endsAt: "2026-06-01T00:00" },
      { endsAt: "end_before_start" },
    ],
    ["an unreadable date", { ...demoCampaignInput(), startsAt: "next tuesday" }, { startsAt: "invalid_date" }],
    [
      "an unknown bundle product",
      {
        ...demoCampaignInput(),
        bundle: { ...demoCampaignInput().bundle, itemIds: [DEMO_PRODUCTS.course, "no-such-product"] },
      },
      { "bundle.itemIds.1": "unknown_product" },
    ],
    [
      "an unknown featured product",
      { ...demoCampaignInput(), featuredIds: ["nope"] },
      { "featuredIds.0": "unknown_product" },
    ],
    [
      "a bundle of two courses",
      {
        ...demoCampaignInput(),
        bundle: { ...demoCampaignInput().bundle, itemIds: [DEMO_PRODUCTS.course, DEMO_PRODUCTS.featuredCourse] },
      },
      { "bundle.itemIds": "bundle_mix" },
    ],
    [
      "a single partner",
      { ...demoCampaignInput(), partnerIds: [demoCampaignInput().partnerIds[0]!] },
      { partnerIds: "two_partners" },
    ],
    [
      "an unknown partner",
      { ...demoCampaignInput(), partnerIds: [demoCampaignInput().partnerIds[0]!, "ghost"] },
      { "partnerIds.1": "unknown_creator" },
    ],
    [
      "a malformed price",
      { ...demoCampaignInput(), bundle: { ...demoCampaignInput().bundle, price: "12,50" } },
      { "bundle.price": "invalid_amount" },
    ],
    [
      "a currency nobody can pay in",
      { ...demoCampaignInput(), bundle: { ...demoCampaignInput().bundle, currency: "ZZZ" } },
      { "bundle.currency": "invalid_currency" },
    ],
    ["a malformed slug", { ...demoCampaignInput(), slug: "Ink & Paper" }, { slug: "invalid_slug" }],
    [
      "a segment the latest refresh does not have",
      { ...demoCampaignInput(), audience: { segments: ["shan-shui+woodblock:mixed"], locales: [], visitors: "all" } },
      { "audience.segments.0": "unknown_segment" },
    ],
    [
      "a cluster number instead of a segment key",
      { ...demoCampaignInput(), audience: { segments: ["3"], locales: [], visitors: "all" } },
      { "audience.segments.0": "invalid_segment" },
    ],
    [
      "duplicate channels",
      {
        ...demoCampaignInput(),
        channels: [
          { source: "ads", budget: "1", spent: "0" },
          { source: "ads", budget: "2", spent: "0" },
        ],
      },
      { "channels.1.source": "duplicate" },
    ],
  ];

  it.each(bad)("rejects %s with a field error and saves nothing", async (_label, input, expected) => {
    const result = await createCampaign(db, input, { userId: null });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fieldErrors).toMatchObject(expected);
    expect(await counts()).toEqual(NOTHING);
  });

  it("rejects a slug already taken, and input with unexpected fields", async () => {
    expect((await createCampaign(db, demoCampaignInput(), { userId: null })).ok).toBe(true);
    const again = await createCampaign(db, demoCampaignInput(), { userId: null });
    expect(again).toMatchObject({ ok: false, fieldErrors: { slug: "slug_taken" } });
    const extra = await createCampaign(
      db,
      { ...demoCampaignInput(), slug: "other", status: "running" },
      { userId: null },
    );
    expect(extra.ok).toBe(false);
    expect((await counts())?.campaigns).toBe(1);
  });
});

describe("campaign lifecycle", () => {
  async function created() {
    const result = await createCampaign(db, demoCampaignInput(), { userId: null });
    if (!result.ok) throw new Error("fixture did not save");
    return result.id;
  }
  const version = async (id: string) =>
    (await db.select().from(experiments).where(eq(experiments.campaignId, id)))[0]!.bucketVersion;

  it("launches, publishes the bundle and records the weights", async () => {
    const id = await created();
    expect(await transitionCampaign(db, id, "preview")).toMatchObject({ ok: true, status: "preview" });
    expect(await transitionCampaign(db, id, "launch")).toMatchObject({ ok: true, status: "running", bucketVersion: 1 });
    const [bundle] = await db.select().from(products).where(eq(products.slug, "ink-and-paper-bundle"));
    expect(bundle?.status).toBe("published");
    const history = await db.select().from(experimentWeightHistory);
    expect(history).toMatchObject([{ bucketVersion: 1, weights: [0.5, 0.5], reason: "launch" }]);
  });

  it("refuses to change the split of a running experiment, and bumps the bucket version on relaunch with new weights", async () => {
    const id = await created();
    await transitionCampaign(db, id, "launch");
    const reweighted = withVariants([0.2, 0.8]);
    const refused = await updateCampaign(db, id, {
      ...reweighted,
      experiment: {
        ...reweighted.experiment,
        variants: reweighted.experiment.variants.map((v, i) => ({ ...v, key: ["control", "save-framing"][i]! })),
      },
    });
    expect(refused).toMatchObject({ ok: false, error: "pause_to_change_split" });
    const weights = await db
      .select({ w: experimentVariants.weight })
      .from(experimentVariants)
      .orderBy(experimentVariants.position);
    expect(weights.map((r) => r.w)).toEqual([0.5, 0.5]);

    expect(await transitionCampaign(db, id, "pause")).toMatchObject({ ok: true, status: "paused" });
    // Resuming unchanged keeps everyone where they were.
    expect(await transitionCampaign(db, id, "launch")).toMatchObject({ ok: true, bucketVersion: 1 });
    await transitionCampaign(db, id, "pause");
    expect((await updateCampaign(db, id, reweighted)).ok).toBe(true);
    expect(await transitionCampaign(db, id, "launch")).toMatchObject({ ok: true, bucketVersion: 2 });
    expect(await version(id)).toBe(2);
    const history = await db.select().from(experimentWeightHistory).orderBy(experimentWeightHistory.id);
    expect(history.map((h) => h.reason)).toEqual(["launch", "resume", "relaunch"]);
  });

  it("refuses transitions that make no sense and edits of an ended campaign", async () => {
    const id = await created();
    expect(await transitionCampaign(db, id, "pause")).toEqual({ ok: false, error: "invalid_transition" });
    expect((await transitionCampaign(db, id, "end")).ok).toBe(true);
    expect(await transitionCampaign(db, id, "launch")).toEqual({ ok: false, error: "invalid_transition" });
    expect(await updateCampaign(db, id, demoCampaignInput())).toMatchObject({ ok: false, error: "campaign_ended" });
    const [bundle] = await db.select().from(products).where(eq(products.slug, "ink-and-paper-bundle"));
    expect(bundle?.status).toBe("archived");
    expect(await transitionCampaign(db, "missing", "launch")).toEqual({ ok: false, error: "not_found" });
  });

  it("stores the analysis settings, sequential by default, and fixes them once launched", async () => {
    const id = await created();
    const [stored] = await db.select().from(experiments).where(eq(experiments.campaignId, id));
    expect(stored).toMatchObject({
      sequential: true,
      sequentialTuning: 5000,
      primaryMetric: "conversion",
      minDetectableEffect: 0.1,
      aa: false,
    });
    const base = demoCampaignInput();
    const fixedTest = {
      ...base,
      experiment: { ...base.experiment, sequential: false, sequentialTuning: 8000, primaryMetric: "revenue" as const },
    };
    expect((await updateCampaign(db, id, fixedTest)).ok).toBe(true);
    expect((await getCampaignForEdit(db, id))?.input.experiment).toMatchObject({
      sequential: false,
      sequentialTuning: 8000,
      primaryMetric: "revenue",
    });

    await transitionCampaign(db, id, "launch");
    await transitionCampaign(db, id, "pause");
    // Switching back to the sequential test after seeing data is refused, even while paused...
    expect(await updateCampaign(db, id, base)).toMatchObject({ ok: false, error: "analysis_locked" });
    // ...while the minimum detectable effect (planning only) may still change.
    expect(
      (
        await updateCampaign(db, id, {
          ...fixedTest,
          experiment: { ...fixedTest.experiment, minDetectableEffect: 0.25 },
        })
      ).ok,
    ).toBe(true);
    expect((await db.select().from(experiments).where(eq(experiments.campaignId, id)))[0]).toMatchObject({
      sequential: false,
      minDetectableEffect: 0.25,
    });
  });

  it("accepts an A/A test only with identical variants and a fixed split", async () => {
    const base = demoCampaignInput();
    const aa = (variants: CampaignInput["experiment"]["variants"], mode: "fixed" | "bandit" = "fixed") => ({
      ...base,
      experiment: { ...base.experiment, mode, aa: true, variants },
    });
    const control = base.experiment.variants[0]!;
    const differing = await createCampaign(db, aa(base.experiment.variants), { userId: null });
    expect(differing).toMatchObject({ ok: false, fieldErrors: { "experiment.aa": "aa_identical" } });
    const bandit = await createCampaign(db, aa([control, { ...control, key: "copy" }], "bandit"), { userId: null });
    expect(bandit).toMatchObject({ ok: false, fieldErrors: { "experiment.aa": "aa_fixed" } });
    const ok = await createCampaign(db, aa([control, { ...control, key: "copy", name: "Copy" }]), { userId: null });
    expect(ok.ok).toBe(true);
    expect((await db.select().from(experiments))[0]?.aa).toBe(true);
  });

  it("will not launch a campaign whose window is over", async () => {
    const id = await created();
    expect(await transitionCampaign(db, id, "launch", new Date("2031-01-01T00:00:00Z"))).toEqual({
      ok: false,
      error: "window_over",
    });
    expect((await db.select().from(campaigns))[0]?.status).toBe("draft");
  });
});

describe("reading a stored campaign", () => {
  it("gives the studio form and the landing page the same campaign, bundle and variants", async () => {
    const created = await createCampaign(db, demoCampaignInput(), { userId: null });
    if (!created.ok) throw new Error("create failed");
    const input = demoCampaignInput();

    const edit = await getCampaignForEdit(db, created.id);
    expect(edit).toMatchObject({
      id: created.id,
      slug: "ink-and-paper",
      status: "draft",
      bucketVersion: 1,
      launched: false,
    });
    expect(edit!.input).toMatchObject({
      name: input.name,
      partnerIds: input.partnerIds,
      featuredIds: input.featuredIds,
      startsAt: input.startsAt,
    });
    expect(edit!.input.bundle).toMatchObject({ title: input.bundle.title, price: "449.00", currency: "USD" });
    expect([...edit!.input.bundle.itemIds].sort()).toEqual([...input.bundle.itemIds].sort());
    expect(edit!.input.experiment.variants.map((v) => v.key)).toEqual(["control", "save-framing"]);

    const landing = await getLandingCampaignBySlug({ slug: "ink-and-paper" });
    expect(landing).toMatchObject({
      id: created.id,
      name: input.name,
      status: "draft",
      startsAt: input.startsAt,
      previewToken: edit!.previewToken,
    });
    expect(landing!.partners.map((p) => p.id)).toEqual(input.partnerIds);
    expect(landing!.bundle).toMatchObject({ slug: "ink-and-paper-bundle", priceAmount: 44900, currency: "USD" });
    expect(landing!.bundle.items.map((i) => i.id)).toEqual([DEMO_PRODUCTS.course, DEMO_PRODUCTS.edition]);
    expect(landing!.featured.map((f) => f.id)).toEqual(input.featuredIds);
    expect(landing!.experiment.variants.map((v) => v.key)).toEqual(["control", "save-framing"]);

    expect(await getCampaignForEdit(db, "no-such-campaign")).toBeNull();
    expect(await getLandingCampaignBySlug({ slug: "no-such-campaign" })).toBeNull();
  });
});
