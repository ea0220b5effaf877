import { sql } from "drizzle-orm";
import { bigint, check, index, integer, pgEnum, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { creators, lessons, products } from "./catalog";
import { createdAt, fk, id, timestamptz, updatedAt } from "./columns";

export const orderStatusEnum = pgEnum("order_status", ["paid", "refunded"]);
export const paymentStatusEnum = pgEnum("payment_status", ["succeeded", "declined", "failed"]);
export const offerStatusEnum = pgEnum("offer_status", [
  "pending",
  "countered",
  "accepted",
  "declined",
  "expired",
  "withdrawn",
  "completed",
]);

/** A cart belongs to a signed-in user or to an anonymous visitor (cookie), never both. */
export const carts = pgTable(
  "cart",
  {
    id: id(),
    userId: fk("user_id", () => users.id, "cascade"),
    visitorId: text("visitor_id"),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("cart_user_idx").on(t.userId),
    uniqueIndex("cart_visitor_idx").on(t.visitorId),
    check("cart_owner", sql`(${t.userId} is null) <> (${t.visitorId} is null)`),
  ],
);

export const cartItems = pgTable(
  "cart_item",
  {
    cartId: fk("cart_id", () => carts.id, "cascade").notNull(),
    productId: fk("product_id", () => products.id, "cascade").notNull(),
    quantity: integer("quantity").notNull(),
    addedAt: timestamptz("added_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.cartId, t.productId] }),
    check("cart_item_quantity", sql`${t.quantity} between 1 and 100`),
  ],
);

export const orders = pgTable(
  "order",
  {
    id: id(),
    /** Null once the buyer erased their account: the order stays for accounting. */
    userId: fk("user_id", () => users.id, "set null"),
    idempotencyKey: text("idempotency_key").notNull(),
    status: orderStatusEnum("status").notNull().default("paid"),
    /** Minor units; bigint so no sum of lines can overflow (checkout bounds it by the provider's limit). */
    totalAmount: bigint("total_amount", { mode: "number" }).notNull(),
    currency: text("currency").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("order_idempotency_idx").on(t.idempotencyKey), index("order_user_idx").on(t.userId, t.createdAt)],
);

export const orderLines = pgTable(
  "order_line",
  {
    id: id(),
    orderId: fk("order_id", () => orders.id, "cascade").notNull(),
    productId: fk("product_id", () => products.id, "restrict").notNull(),
    creatorId: fk("creator_id", () => creators.id, "restrict").notNull(),
    title: text("title").notNull(),
    quantity: integer("quantity").notNull(),
    unitAmount: bigint("unit_amount", { mode: "number" }).notNull(),
    currency: text("currency").notNull(),
  },
  (t) => [
    index("order_line_order_idx").on(t.orderId),
    index("order_line_creator_idx").on(t.creatorId),
    index("order_line_product_idx").on(t.productId),
  ],
);

export const payments = pgTable("payment", {
  id: id(),
  orderId: fk("order_id", () => orders.id, "cascade"),
  provider: text("provider").notNull(),
  reference: text("reference").notNull(),
  status: paymentStatusEnum("status").notNull(),
  amount: bigint("amount", { mode: "number" }).notNull(),
  currency: text("currency").notNull(),
  createdAt: createdAt(),
});

/** Course access. One row per buyer and course, so a course cannot be bought twice. */
export const enrollments = pgTable(
  "enrollment",
  {
    userId: fk("user_id", () => users.id, "cascade").notNull(),
    productId: fk("product_id", () => products.id, "cascade").notNull(),
    orderId: fk("order_id", () => orders.id, "set null"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.productId] })],
);

export const lessonProgress = pgTable(
  "lesson_progress",
  {
    userId: fk("user_id", () => users.id, "cascade").notNull(),
    lessonId: fk("lesson_id", () => lessons.id, "cascade").notNull(),
    productId: fk("product_id", () => products.id, "cascade").notNull(),
    completedAt: timestamptz("completed_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.lessonId] }),
    index("lesson_progress_course_idx").on(t.userId, t.productId),
  ],
);

/** "Make an offer" on an artwork; an accepted offer reserves one piece for the buyer until `reservedUntil`. */
export const offers = pgTable(
  "offer",
  {
    id: id(),
    productId: fk("product_id", () => products.id, "cascade").notNull(),
    buyerId: fk("buyer_id", () => users.id, "cascade").notNull(),
    amount: integer("amount").notNull(),
    counterAmount: integer("counter_amount"),
    currency: text("currency").notNull(),
    status: offerStatusEnum("status").notNull().default("pending"),
    message: text("message").notNull().default(""),
    reservedUntil: timestamptz("reserved_until"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("offer_product_idx").on(t.productId, t.status),
    index("offer_buyer_idx").on(t.buyerId),
    check("offer_amount_positive", sql`${t.amount} > 0`),
  ],
);

export type Order = typeof orders.$inferSelect;
export type OrderLine = typeof orderLines.$inferSelect;
export type Offer = typeof offers.$inferSelect;
