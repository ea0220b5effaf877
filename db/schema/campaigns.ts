import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { creators, products } from "./catalog";
import { createdAt, fk, id, identityId, timestamptz, updatedAt } from "./columns";

/** draft -> preview (shareable link) -> running -> paused <-> running -> ended. */
export const campaignStatusEnum = pgEnum("campaign_status", ["draft", "preview", "running", "paused", "ended"]);
export const experimentModeEnum = pgEnum("experiment_mode", ["fixed", "bandit"]);

export type CampaignStory = { heading: string; body: string };
export type CampaignContent = { heroTitle: string; heroText: string; story: CampaignStory[] };
export type CampaignAudience = {
  /**
   * Keys of the segments (named user clusters, lib/reco/segment-names.ts) the experiment is for; empty =
   * everyone. Keys rather than cluster numbers: a refresh renumbers its clusters, a key stays with the
   * kind of people it names.
   */
  segments: string[];
  /** Locales ("en", "zh"); empty = every locale. */
  locales: string[];
  visitors: "all" | "new" | "returning";
};
export type PrimaryMetric = "conversion" | "revenue";
/** What a variant may change on the landing page; empty strings fall back to the campaign content. */
export type VariantContent = { headline: string; heroText: string; body: string; offer: string; cta: string };

/** A co-branded campaign: partners, a bundle with its own price, a window and a landing page at /c/[slug]. */
export const campaigns = pgTable(
  "campaign",
  {
    id: id(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    status: campaignStatusEnum("status").notNull().default("draft"),
    bundleProductId: fk("bundle_product_id", () => products.id, "restrict").notNull(),
    startsAt: timestamptz("starts_at").notNull(),
    endsAt: timestamptz("ends_at").notNull(),
    content: jsonb("content").$type<CampaignContent>().notNull(),
    /** The landing content in Chinese; null = not written, the page falls back to `content`. */
    contentZh: jsonb("content_zh").$type<CampaignContent>(),
    audience: jsonb("audience").$type<CampaignAudience>().notNull(),
    /** Random secret in preview links, so partners can review a campaign before launch. */
    previewToken: text("preview_token").notNull(),
    createdBy: fk("created_by", () => users.id, "set null"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("campaign_status_idx").on(t.status),
    check("campaign_window", sql`${t.endsAt} > ${t.startsAt}`),
    check("campaign_slug_format", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
  ],
);

export const campaignPartners = pgTable(
  "campaign_partner",
  {
    campaignId: fk("campaign_id", () => campaigns.id, "cascade").notNull(),
    creatorId: fk("creator_id", () => creators.id, "restrict").notNull(),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.creatorId] })],
);

/** Items shown on the landing page besides the bundle; orders of them count as conversions too. */
export const campaignFeatured = pgTable(
  "campaign_featured",
  {
    campaignId: fk("campaign_id", () => campaigns.id, "cascade").notNull(),
    productId: fk("product_id", () => products.id, "restrict").notNull(),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.productId] })],
);

/** Promotion channels, keyed by the utm_source their links carry. Amounts in minor units of `currency`. */
export const campaignChannels = pgTable(
  "campaign_channel",
  {
    campaignId: fk("campaign_id", () => campaigns.id, "cascade").notNull(),
    source: text("source").notNull(),
    budgetAmount: integer("budget_amount").notNull(),
    spentAmount: integer("spent_amount").notNull().default(0),
    currency: text("currency").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.source] }),
    check("campaign_channel_amounts", sql`${t.budgetAmount} >= 0 and ${t.spentAmount} >= 0`),
  ],
);

/** One experiment per campaign over its landing variants. `key` seeds the hash and never changes. */
export const experiments = pgTable(
  "experiment",
  {
    id: id(),
    campaignId: fk("campaign_id", () => campaigns.id, "cascade")
      .notNull()
      .unique(),
    key: text("key").notNull().unique(),
    mode: experimentModeEnum("mode").notNull().default("fixed"),
    coverage: doublePrecision("coverage").notNull().default(1),
    /** Bumped when a relaunch changes weights or coverage: a new phase, randomized afresh. */
    bucketVersion: integer("bucket_version").notNull().default(1),
    banditCadenceMinutes: integer("bandit_cadence_minutes").notNull().default(60),
    banditUpdatedAt: timestamptz("bandit_updated_at"),
    /** Weights and coverage in force when the current phase was launched (null before the first launch). */
    launchedWeights: jsonb("launched_weights").$type<number[]>(),
    launchedCoverage: doublePrecision("launched_coverage"),
    /**
     * Always-valid (sequential) inference, on by default: marketers read results daily, and a
     * fixed-horizon test read that often no longer keeps its false-positive promise.
     */
    sequential: boolean("sequential").notNull().default(true),
    /** The total sample size the confidence sequence is tightest at (GrowthBook's default 5000). */
    sequentialTuning: integer("sequential_tuning").notNull().default(5000),
    /** The metric a winner is declared on; the other one and the refund rate are guardrails. */
    primaryMetric: text("primary_metric").$type<PrimaryMetric>().notNull().default("conversion"),
    /** Minimum detectable effect, relative to the control (0.1 = +10 %), for the sample-size plan. */
    minDetectableEffect: doublePrecision("min_detectable_effect").notNull().default(0.1),
    /** A/A test: identical variants whose only purpose is to check assignment and tracking. */
    aa: boolean("aa").notNull().default(false),
  },
  (t) => [
    check("experiment_coverage", sql`${t.coverage} > 0 and ${t.coverage} <= 1`),
    check("experiment_cadence", sql`${t.banditCadenceMinutes} >= 1`),
    check("experiment_sequential_tuning", sql`${t.sequentialTuning} >= 100`),
    check("experiment_primary_metric", sql`${t.primaryMetric} in ('conversion', 'revenue')`),
    check("experiment_mde", sql`${t.minDetectableEffect} > 0 and ${t.minDetectableEffect} <= 10`),
  ],
);

/** Position 0 is the control. */
export const experimentVariants = pgTable(
  "experiment_variant",
  {
    experimentId: fk("experiment_id", () => experiments.id, "cascade").notNull(),
    position: integer("position").notNull(),
    key: text("key").notNull(),
    name: text("name").notNull(),
    weight: doublePrecision("weight").notNull(),
    content: jsonb("content").$type<VariantContent>().notNull(),
    /** The same copy in Chinese; null = not written (a Chinese page shows the English, marked as such). */
    contentZh: jsonb("content_zh").$type<VariantContent>(),
  },
  (t) => [
    primaryKey({ columns: [t.experimentId, t.position] }),
    uniqueIndex("experiment_variant_key_idx").on(t.experimentId, t.key),
    check("experiment_variant_weight", sql`${t.weight} >= 0 and ${t.weight} <= 1`),
  ],
);

/**
 * Every weight change, in force from `startsAt`: launches, relaunches and bandit updates. The results
 * page needs it to know how many visitors each arm should have had (the SRM check under a bandit).
 */
export const experimentWeightHistory = pgTable(
  "experiment_weight_history",
  {
    id: identityId(),
    experimentId: fk("experiment_id", () => experiments.id, "cascade").notNull(),
    bucketVersion: integer("bucket_version").notNull(),
    weights: jsonb("weights").$type<number[]>().notNull(),
    coverage: doublePrecision("coverage").notNull(),
    reason: text("reason").notNull(),
    /** For bandit updates: the per-arm data the sampler used. */
    data: jsonb("data").$type<Record<string, unknown>>(),
    startsAt: timestamptz("starts_at").notNull().defaultNow(),
  },
  (t) => [index("experiment_weight_history_idx").on(t.experimentId, t.bucketVersion, t.startsAt)],
);

/** First exposure of a visitor to an experiment phase: the unit of analysis. */
export const experimentExposures = pgTable(
  "experiment_exposure",
  {
    id: identityId(),
    experimentId: fk("experiment_id", () => experiments.id, "cascade").notNull(),
    bucketVersion: integer("bucket_version").notNull(),
    variant: integer("variant").notNull(),
    visitorId: text("visitor_id").notNull(),
    userId: fk("user_id", () => users.id, "set null"),
    utmSource: text("utm_source"),
    exposedAt: timestamptz("exposed_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("experiment_exposure_visitor_idx").on(t.experimentId, t.bucketVersion, t.visitorId),
    index("experiment_exposure_time_idx").on(t.experimentId, t.bucketVersion, t.exposedAt),
    index("experiment_exposure_user_idx").on(t.userId),
  ],
);

/** Visitor ids seen signed in as a user: links an anonymous exposure to the orders placed after sign-in. */
export const visitorUsers = pgTable(
  "visitor_user",
  {
    visitorId: text("visitor_id").notNull(),
    userId: fk("user_id", () => users.id, "cascade").notNull(),
    linkedAt: timestamptz("linked_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.visitorId, t.userId] }), index("visitor_user_user_idx").on(t.userId)],
);

export type Campaign = typeof campaigns.$inferSelect;
export type CampaignStatus = (typeof campaignStatusEnum.enumValues)[number];
export type ExperimentMode = (typeof experimentModeEnum.enumValues)[number];
export type Experiment = typeof experiments.$inferSelect;
export type ExperimentVariant = typeof experimentVariants.$inferSelect;
export type ExperimentExposure = typeof experimentExposures.$inferSelect;
