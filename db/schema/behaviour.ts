import { index, integer, jsonb, pgEnum, pgTable, primaryKey, real, smallint, text } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { products } from "./catalog";
import { createdAt, fk, identityId, timestamptz } from "./columns";

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
    id: identityId(),
    type: eventTypeEnum("type").notNull(),
    userId: fk("user_id", () => users.id, "set null"),
    visitorId: text("visitor_id"),
    productId: fk("product_id", () => products.id, "cascade"),
    dwellMs: integer("dwell_ms"),
    value: integer("value"),
    slot: text("slot"),
    props: jsonb("props").$type<Record<string, unknown>>(),
    createdAt: createdAt(),
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
    userId: fk("user_id", () => users.id, "cascade").notNull(),
    productId: fk("product_id", () => products.id, "cascade").notNull(),
    rating: smallint("rating").notNull(),
    body: text("body").notNull().default(""),
    verified: integer("verified").notNull().default(0),
    createdAt: createdAt(),
    /** Set by a moderator: a hidden review is left out of every listing, average and feed. */
    hiddenAt: timestamptz("hidden_at"),
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
    productId: fk("product_id", () => products.id, "cascade").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userKey, t.productId] })],
);

/** Results of the last recommendation refresh. A refresh writes a new generation and then flips `reco_state`. */
export const recoState = pgTable("reco_state", {
  id: integer("id").primaryKey(),
  generation: integer("generation").notNull(),
  refreshedAt: timestamptz("refreshed_at").notNull(),
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
