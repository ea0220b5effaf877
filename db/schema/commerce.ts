import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { creators, lessons, products } from "./catalog";
import { createdAt, fk, id, timestamptz, updatedAt } from "./columns";

/**
 * An order's life (lib/commerce/order-state.ts): `pending_payment` while the buyer confirms on the
 * provider's side (its stock held), then `paid` or `payment_failed` by the provider's webhook, or
 * `expired` when nobody paid in time; `paid` becomes `fulfilled` once every part has been shipped (each part then may be marked delivered).
 */
export const orderStatusEnum = pgEnum("order_status", [
  "paid",
  "refunded",
  "pending_payment",
  "payment_failed",
  "expired",
  "fulfilled",
]);
/** `pending`: created at the provider, not confirmed yet; `canceled`: voided by us when the order expired. */
export const paymentStatusEnum = pgEnum("payment_status", ["succeeded", "declined", "failed", "pending", "canceled"]);
/**
 * What a line is: an item bought, or a charge on the whole order or one creator's part of it. Totals are
 * the sum of the lines (lib/commerce/order-math.ts), so shipping and tax become lines, not columns.
 */
export const orderLineKindEnum = pgEnum("order_line_kind", ["item", "shipping", "tax"]);
/** The simulated provider's view of one payment (lib/commerce/providers/simulated.ts). */
export const simPaymentStatusEnum = pgEnum("sim_payment_status", [
  "requires_confirmation",
  "requires_action",
  "succeeded",
  "failed",
  "canceled",
]);
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
    // The default is what rows written before two-step payments (and fixtures) were; checkout always
    // says `pending_payment`.
    status: orderStatusEnum("status").notNull().default("paid"),
    /**
     * Minor units: the sum of the lines (orderTotal in lib/commerce/order-math.ts), kept here for lists
     * and the payment; bigint so no sum of lines can overflow (checkout bounds it by the provider's limit).
     */
    totalAmount: bigint("total_amount", { mode: "number" }).notNull(),
    currency: text("currency").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** When a `pending_payment` order gives its stock back if still unpaid (the payment-sweep job). */
    expiresAt: timestamptz("expires_at"),
    paidAt: timestamptz("paid_at"),
    fulfilledAt: timestamptz("fulfilled_at"),
  },
  (t) => [
    uniqueIndex("order_idempotency_idx").on(t.idempotencyKey),
    index("order_user_idx").on(t.userId, t.createdAt),
    // The sweep's search. Not a partial index on the new status: a migration may not use an enum value
    // in the transaction that adds it.
    index("order_status_expiry_idx").on(t.status, t.expiresAt),
  ],
);

export const orderLines = pgTable(
  "order_line",
  {
    id: id(),
    orderId: fk("order_id", () => orders.id, "cascade").notNull(),
    kind: orderLineKindEnum("kind").notNull().default("item"),
    /** The product of an `item` line; null for shipping and tax. */
    productId: fk("product_id", () => products.id, "restrict"),
    /** Whose part of the order the line belongs to; null for a charge on the whole order. */
    creatorId: fk("creator_id", () => creators.id, "restrict"),
    title: text("title").notNull(),
    quantity: integer("quantity").notNull(),
    unitAmount: bigint("unit_amount", { mode: "number" }).notNull(),
    currency: text("currency").notNull(),
    /**
     * Already contained in the other lines' amounts (VAT-inclusive prices): shown, never added to the
     * total. Only a tax line can be.
     */
    included: boolean("included").notNull().default(false),
    /** The accepted offer whose agreed price this line takes; it goes back to `accepted` if payment fails. */
    offerId: fk("offer_id", () => offers.id, "set null"),
    /**
     * For a piece of a numbered edition: its number and the edition's size ("8 / 20"), one line per
     * piece. Null for originals, courses and charges.
     */
    editionNumber: integer("edition_number"),
    editionSize: integer("edition_size"),
  },
  (t) => [
    check("order_line_item_product", sql`(${t.kind} = 'item') = (${t.productId} is not null)`),
    check("order_line_included_tax", sql`not ${t.included} or ${t.kind} = 'tax'`),
    index("order_line_order_idx").on(t.orderId),
    index("order_line_creator_idx").on(t.creatorId),
    index("order_line_product_idx").on(t.productId),
  ],
);

/**
 * The numbered pieces inside a bundle line (issue 16: "8 / 20" on the order, the invoice and the
 * certificate, however the print was bought). One row per edition artwork of the bundle; a line of
 * such a bundle is one bundle, as an edition line is one piece. Originals need no row: their piece is
 * the only one.
 */
export const orderLinePieces = pgTable(
  "order_line_piece",
  {
    orderLineId: fk("order_line_id", () => orderLines.id, "cascade").notNull(),
    productId: fk("product_id", () => products.id, "restrict").notNull(),
    editionNumber: integer("edition_number").notNull(),
    editionSize: integer("edition_size").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orderLineId, t.productId] }),
    index("order_line_piece_product_idx").on(t.productId),
    check("order_line_piece_number", sql`${t.editionNumber} between 1 and ${t.editionSize}`),
  ],
);

/** One payment per order, created at the provider when the order is placed (lib/commerce/payment-flow.ts). */
export const payments = pgTable(
  "payment",
  {
    id: id(),
    orderId: fk("order_id", () => orders.id, "cascade"),
    provider: text("provider").notNull(),
    /** The provider's id of the payment; null until the provider answered the creation. */
    reference: text("reference"),
    status: paymentStatusEnum("status").notNull(),
    amount: bigint("amount", { mode: "number" }).notNull(),
    currency: text("currency").notNull(),
    /** Sent with the creation, so a retried creation makes one payment at the provider. */
    idempotencyKey: text("idempotency_key"),
    /** Where the buyer confirms the payment (the provider's hosted page). */
    confirmUrl: text("confirm_url"),
    /** The provider's reason when it failed (card_declined, authentication_failed, expired …). */
    failureCode: text("failure_code"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("payment_idempotency_idx").on(t.idempotencyKey),
    uniqueIndex("payment_reference_idx").on(t.provider, t.reference),
    index("payment_order_idx").on(t.orderId),
  ],
);

/**
 * Every provider event applied, by the provider's event id: a replayed webhook finds its row and changes
 * nothing. Written in the transaction that applies the event, so a failed application is retried.
 */
export const paymentEvents = pgTable(
  "payment_event",
  {
    provider: text("provider").notNull(),
    eventId: text("event_id").notNull(),
    orderId: fk("order_id", () => orders.id, "set null"),
    type: text("type").notNull(),
    /** What applying it did (paid, payment_failed, ignored_stale …), for support. */
    outcome: text("outcome").notNull(),
    receivedAt: timestamptz("received_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.eventId] })],
);

/**
 * What a pending order holds until it is paid: artwork pieces taken from stock (given back when the
 * payment fails or expires) and courses to enroll in once paid, bundles expanded.
 */
export const orderHolds = pgTable(
  "order_hold",
  {
    orderId: fk("order_id", () => orders.id, "cascade").notNull(),
    productId: fk("product_id", () => products.id, "restrict").notNull(),
    kind: text("kind", { enum: ["artwork", "course"] }).notNull(),
    quantity: integer("quantity").notNull(),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.productId] }), index("order_hold_product_idx").on(t.productId)],
);

/**
 * The simulated provider's own records, as a real provider keeps them on its side: our tables never
 * read these, only the provider module and its hosted page do (no foreign key to the order on purpose).
 */
export const simPayments = pgTable(
  "sim_payment",
  {
    id: text("id").primaryKey(),
    idempotencyKey: text("idempotency_key").notNull(),
    /** The merchant's reference (our order id), echoed in every webhook like Stripe's metadata. */
    merchantReference: text("merchant_reference").notNull(),
    amount: bigint("amount", { mode: "number" }).notNull(),
    currency: text("currency").notNull(),
    description: text("description").notNull(),
    returnUrl: text("return_url").notNull(),
    status: simPaymentStatusEnum("status").notNull().default("requires_confirmation"),
    failureCode: text("failure_code"),
    /** The outcome's webhook until our endpoint acknowledged it (2xx); the sweep delivers it again. */
    webhookPending: boolean("webhook_pending").notNull().default(false),
    webhookAttempts: integer("webhook_attempts").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("sim_payment_idempotency_idx").on(t.idempotencyKey),
    index("sim_payment_webhook_idx")
      .on(t.updatedAt)
      .where(sql`${t.webhookPending}`),
  ],
);

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
export type OrderStatus = Order["status"];
export type Payment = typeof payments.$inferSelect;
export type OrderLine = typeof orderLines.$inferSelect;
export type OrderLinePiece = typeof orderLinePieces.$inferSelect;
export type Offer = typeof offers.$inferSelect;
