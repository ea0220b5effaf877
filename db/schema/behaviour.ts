import { bigint, index, integer, jsonb, pgEnum, pgTable, primaryKey, real, smallint, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { products } from "./catalog";

export const eventTypeEnum = pgEnum("event_type", [
  "view",
  "add_to_cart",
  "purchase",
  "review",
  "follow",
  "reco_impression",
  "reco_click",
  "campaign_exposure",
  "campaign_conversion",
]);
export type EventType = (typeof eventTypeEnum.enumValues)[number];

/** Append-only behaviour log, keyed by user or by anonymous visitor id. */
export const events = pgTable(
  "event",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    type: eventTypeEnum("type").notNull(),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    visitorId: text("visitor_id"),
    productId: text("product_id").references(() => products.id, { onDelete: "cascade" }),
    dwellMs: integer("dwell_ms"),
    value: integer("value"),
    slot: text("slot"),
    props: jsonb("props").$type<Record<string, unknown>>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("event_user_idx").on(t.userId, t.createdAt),
    index("event_visitor_idx").on(t.visitorId),
    index("event_product_idx").on(t.productId),
    index("event_created_idx").on(t.createdAt),
  ],
);

export const reviews = pgTable(
  "review",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    productId: text("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    rating: smallint("rating").notNull(),
    body: text("body").notNull().default(""),
    verified: integer("verified").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Set by a moderator: a hidden review is left out of every listing, average and feed. */
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.productId] }), index("review_product_idx").on(t.productId)],
);

/**
 * "Not interested" on a recommendation, per user or visitor (`user_key` is a user id or `v:<visitor
 * id>`, as in recommendation.user_id). State rather than an event: readers exclude these items by
 * primary key at once, and the next refresh leaves them out of the user's lists.
 */
export const recoDismissals = pgTable(
  "reco_dismissal",
  {
    userKey: text("user_key").notNull(),
    productId: text("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userKey, t.productId] })],
);

/** Results of the last recommendation refresh. A refresh writes a new generation and then flips `reco_state`. */
export const recoState = pgTable("reco_state", {
  id: integer("id").primaryKey(),
  generation: integer("generation").notNull(),
  refreshedAt: timestamp("refreshed_at", { withTimezone: true }).notNull(),
  stats: jsonb("stats").$type<Record<string, unknown>>(),
});

export const clusters = pgTable(
  "cluster",
  {
    generation: integer("generation").notNull(),
    clusterId: integer("cluster_id").notNull(),
    size: integer("size").notNull(),
    profile: jsonb("profile").$type<Record<string, unknown>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.generation, t.clusterId] })],
);

export const userClusters = pgTable(
  "user_cluster",
  {
    generation: integer("generation").notNull(),
    userId: text("user_id").notNull(),
    clusterId: integer("cluster_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.generation, t.userId] })],
);

export const itemNeighbors = pgTable(
  "item_neighbor",
  {
    generation: integer("generation").notNull(),
    productId: text("product_id").notNull(),
    neighborId: text("neighbor_id").notNull(),
    score: real("score").notNull(),
    source: text("source").notNull(),
  },
  (t) => [primaryKey({ columns: [t.generation, t.productId, t.neighborId] })],
);

export const recommendations = pgTable(
  "recommendation",
  {
    generation: integer("generation").notNull(),
    userId: text("user_id").notNull(),
    slot: text("slot").notNull(),
    rank: smallint("rank").notNull(),
    productId: text("product_id").notNull(),
    score: real("score").notNull(),
    reason: jsonb("reason").$type<Record<string, unknown>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.generation, t.userId, t.slot, t.rank] })],
);
