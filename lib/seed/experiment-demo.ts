/**
 * Demo experiments with a few weeks of simulated traffic, so a newcomer's results pages show every
 * part of the analysis: one campaign with a real effect (a winner is declared), one A/A test (passes),
 * and one with a sample-ratio mismatch (the winner call is withheld). Each simulated visitor has a
 * latent propensity to buy: returning buyers have paid orders in the 14 days before their first
 * exposure (the CUPED covariate) and convert more often, so CUPED has something to remove.
 *
 * Deterministic: the traffic is drawn from a seeded generator and laid out on the UTC days before
 * `now` (truncated to midnight), so two seeds on the same day write the same rows. Idempotent: a
 * campaign whose slug exists is left as it is.
 */
import { eq } from "drizzle-orm";
import { demoCampaignInput } from "@/lib/campaigns/fixtures";
import type { CampaignInput } from "@/lib/campaigns/input";
import { createCampaign, transitionCampaign } from "@/lib/campaigns/store";
import { createRng } from "@/lib/random";
import type { Db } from "@/db/client";
import { campaigns, experimentExposures, orderLines, orders, users } from "@/db/schema";
import { writeDemoCampaignZh } from "./campaigns";
import { seedId } from "./ids";

export const DEMO_EXPERIMENT_DAYS = 21;
const DAY = 86_400_000;
const BUNDLE_PRICE = 44_900;
/** A catalogue course the simulated returning buyers bought before the experiment (not a campaign item). */
const PRE_PRODUCT = {
  slug: "song-dynasty-landscape-painting",
  creator: "zhou-yan",
  title: "Song-dynasty landscape painting",
  amount: 7_900,
};

export type DemoExperimentSpec = {
  slug: string;
  name: string;
  /** Visitors over the whole period. */
  visitors: number;
  /** Probability a visitor lands in variant 1 (the configured weights stay 50/50: > 0.5 is an SRM). */
  assignTreatment: number;
  /** Multiplier of the conversion probability in variant 1 (1 = no effect). */
  uplift: number;
  aa: boolean;
  sequential: boolean;
  seed: number;
};

export const DEMO_EXPERIMENTS: readonly DemoExperimentSpec[] = [
  {
    slug: "ink-and-paper-headline",
    name: "Demo: savings headline (real effect)",
    visitors: 4000,
    assignTreatment: 0.5,
    uplift: 1.8,
    aa: false,
    sequential: true,
    seed: 1501,
  },
  {
    slug: "ink-and-paper-aa",
    name: "Demo: A/A check (identical variants)",
    visitors: 2000,
    assignTreatment: 0.5,
    uplift: 1,
    aa: true,
    sequential: true,
    seed: 1502,
  },
  {
    slug: "ink-and-paper-srm",
    name: "Demo: broken split (sample-ratio mismatch)",
    visitors: 2000,
    assignTreatment: 0.57,
    uplift: 1.3,
    aa: false,
    sequential: false,
    seed: 1503,
  },
];

const RETURNING_SHARE = 0.15;
const CONVERSION = { newcomer: 0.015, returning: 0.3 };
const REFUND_SHARE = 0.05;

export type SimulatedVisitor = {
  index: number;
  variant: 0 | 1;
  exposedAt: Date;
  /** Pre-exposure paid orders (the covariate), each with its time. */
  preOrders: Date[];
  /** The campaign order within the conversion window, if any. */
  order: { at: Date; quantity: number; refunded: boolean } | null;
};

/** The simulated visitors of one demo experiment: pure, the same for the same spec and `now`. */
export function simulateDemoExperiment(spec: DemoExperimentSpec, now: Date): SimulatedVisitor[] {
  const rng = createRng(spec.seed);
  const end = Math.floor(now.getTime() / DAY) * DAY;
  const start = end - DEMO_EXPERIMENT_DAYS * DAY;
  const out: SimulatedVisitor[] = [];
  for (let index = 0; index < spec.visitors; index++) {
    const variant: 0 | 1 = rng.next() < spec.assignTreatment ? 1 : 0;
    const exposedAt = new Date(start + Math.floor(rng.next() * (end - start)));
    const returning = rng.next() < RETURNING_SHARE;
    const preOrders = returning
      ? Array.from(
          { length: 1 + rng.int(3) },
          () => new Date(exposedAt.getTime() - Math.floor((0.1 + rng.next() * 13.8) * DAY)),
        )
      : [];
    const p = (returning ? CONVERSION.returning : CONVERSION.newcomer) * (variant === 1 ? spec.uplift : 1);
    let order: SimulatedVisitor["order"] = null;
    if (rng.next() < p) {
      // Within 3 days of the exposure, and never after `now`'s midnight.
      const at = new Date(exposedAt.getTime() + Math.floor(rng.next() * Math.min(3 * DAY, end - exposedAt.getTime())));
      order = { at, quantity: rng.next() < 0.05 ? 2 : 1, refunded: rng.next() < REFUND_SHARE };
    }
    out.push({ index, variant, exposedAt, preOrders, order });
  }
  return out;
}

function campaignInput(spec: DemoExperimentSpec): CampaignInput {
  const base = demoCampaignInput();
  const control = base.experiment.variants[0]!;
  const treatment = base.experiment.variants[1]!;
  return demoCampaignInput({
    slug: spec.slug,
    name: spec.name,
    featuredIds: [],
    channels: [],
    experiment: {
      ...base.experiment,
      sequential: spec.sequential,
      aa: spec.aa,
      minDetectableEffect: 0.3,
      variants: spec.aa
        ? [
            { ...control, key: "a", name: "A" },
            { ...control, key: "a-copy", name: "A (copy)" },
          ]
        : [control, treatment],
    },
  });
}

async function insertChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>, size = 1000): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

export async function seedDemoExperiments(db: Db, now = new Date()): Promise<{ created: number }> {
  const marketer = seedId("user", "marketer@atelier.test");
  const [owner] = await db.select({ id: users.id }).from(users).where(eq(users.id, marketer));
  const start = new Date(Math.floor(now.getTime() / DAY) * DAY - DEMO_EXPERIMENT_DAYS * DAY);
  let created = 0;
  for (const spec of DEMO_EXPERIMENTS) {
    const [existing] = await db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.slug, spec.slug));
    if (existing) continue;
    const input = campaignInput(spec);
    const result = await createCampaign(db, input, {
      userId: owner?.id ?? null,
      ids: {
        campaign: seedId("campaign", spec.slug),
        bundle: seedId("product", `${spec.slug}-bundle`),
        experiment: seedId("experiment", spec.slug),
      },
    });
    if (!result.ok)
      throw new Error(`demo experiment ${spec.slug} did not validate: ${JSON.stringify(result.fieldErrors)}`);
    await writeDemoCampaignZh(db, result.id, seedId("product", `${spec.slug}-bundle`));
    // Launched at the start of the simulated period, so the weight history covers every exposure.
    const launched = await transitionCampaign(db, result.id, "launch", start);
    if (!launched.ok) throw new Error(`demo experiment ${spec.slug} did not launch: ${launched.error}`);
    await writeTraffic(db, spec, seedId("experiment", spec.slug), seedId("product", `${spec.slug}-bundle`), now);
    created++;
  }
  return { created };
}

async function writeTraffic(
  db: Db,
  spec: DemoExperimentSpec,
  experimentId: string,
  bundleId: string,
  now: Date,
): Promise<void> {
  const visitors = simulateDemoExperiment(spec, now);
  const userOf = (v: SimulatedVisitor) =>
    v.preOrders.length > 0 || v.order ? seedId("user", `demo-exp:${spec.slug}:${v.index}`) : null;
  const preProduct = seedId("product", PRE_PRODUCT.slug);
  const preCreator = seedId("creator", PRE_PRODUCT.creator);
  const bundleCreator = seedId("creator", "lin-mei");
  const userRows: (typeof users.$inferInsert)[] = [];
  const orderRows: (typeof orders.$inferInsert)[] = [];
  const lineRows: (typeof orderLines.$inferInsert)[] = [];
  const exposureRows: (typeof experimentExposures.$inferInsert)[] = [];
  for (const v of visitors) {
    const userId = userOf(v);
    if (userId)
      userRows.push({
        id: userId,
        email: `visitor-${v.index}@${spec.slug}.demo.atelier.test`,
        name: `Demo visitor ${v.index}`,
        role: "consumer",
        createdAt: v.preOrders[0] ?? v.exposedAt,
      });
    exposureRows.push({
      experimentId,
      bucketVersion: 1,
      variant: v.variant,
      visitorId: `demo-${spec.slug}-${v.index}`,
      userId,
      exposedAt: v.exposedAt,
    });
    const addOrder = (
      key: string,
      at: Date,
      status: "paid" | "refunded",
      line: { productId: string; creatorId: string; title: string; quantity: number; unitAmount: number },
    ) => {
      const orderId = seedId("order", key);
      orderRows.push({
        id: orderId,
        userId,
        idempotencyKey: key,
        status,
        totalAmount: line.quantity * line.unitAmount,
        currency: "USD",
        createdAt: at,
      });
      lineRows.push({ id: seedId("order_line", key), orderId, ...line, currency: "USD" });
    };
    v.preOrders.forEach((at, j) =>
      addOrder(`demo-exp:${spec.slug}:${v.index}:pre:${j}`, at, "paid", {
        productId: preProduct,
        creatorId: preCreator,
        title: PRE_PRODUCT.title,
        quantity: 1,
        unitAmount: PRE_PRODUCT.amount,
      }),
    );
    if (v.order) {
      addOrder(`demo-exp:${spec.slug}:${v.index}:campaign`, v.order.at, v.order.refunded ? "refunded" : "paid", {
        productId: bundleId,
        creatorId: bundleCreator,
        title: spec.name,
        quantity: v.order.quantity,
        unitAmount: BUNDLE_PRICE,
      });
    }
  }
  // One transaction per campaign: its traffic is there entirely or not at all.
  await db.transaction(async (tx) => {
    await insertChunks(userRows, (c) => tx.insert(users).values(c).onConflictDoNothing());
    await insertChunks(exposureRows, (c) => tx.insert(experimentExposures).values(c).onConflictDoNothing());
    await insertChunks(orderRows, (c) => tx.insert(orders).values(c).onConflictDoNothing());
    await insertChunks(lineRows, (c) => tx.insert(orderLines).values(c).onConflictDoNothing());
  });
}
