import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, pgEnum, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { creators } from "./catalog";
import { orders } from "./commerce";
import { createdAt, fk, id, timestamptz, updatedAt } from "./columns";

/**
 * Shipping for physical items (issue 16, item 2): where buyers have artworks sent, what creators charge
 * to send them (lib/commerce/shipping-rates.ts reads the rates), the address each order ships to, and
 * one fulfilment per creator of an order that the creator marks shipped.
 */

/** Most specific first: see rateFor in lib/commerce/shipping-rates.ts. */
export const shippingZoneEnum = pgEnum("shipping_zone", ["countries", "domestic", "region", "worldwide"]);
export const shippingMethodEnum = pgEnum("shipping_method", ["flat", "size_band"]);
/** `pending` until the creator sends it; `delivered` when the carrier says so. */
export const fulfilmentStatusEnum = pgEnum("fulfilment_status", ["pending", "shipped", "delivered"]);

/** The fields of a postal address, shared by saved addresses and the copy kept with each order. */
const addressColumns = () => ({
  name: text("name").notNull(),
  line1: text("line1").notNull(),
  line2: text("line2").notNull().default(""),
  city: text("city").notNull(),
  region: text("region").notNull().default(""),
  postalCode: text("postal_code").notNull().default(""),
  /** ISO 3166-1 alpha-2. */
  country: text("country").notNull(),
  phone: text("phone").notNull(),
});

/**
 * A buyer's saved addresses. Exactly one of a buyer's addresses is the default, which checkout offers
 * first (lib/commerce/address-book.ts keeps it so); the partial unique index makes a second default
 * impossible even for two requests at once.
 */
export const addresses = pgTable(
  "address",
  {
    id: id(),
    userId: fk("user_id", () => users.id, "cascade").notNull(),
    ...addressColumns(),
    isDefault: boolean("is_default").notNull().default(false),
    createdAt: createdAt(),
    lastUsedAt: timestamptz("last_used_at").notNull().defaultNow(),
  },
  (t) => [
    index("address_user_idx").on(t.userId, t.lastUsedAt),
    uniqueIndex("address_one_default_idx")
      .on(t.userId)
      .where(sql`${t.isDefault}`),
  ],
);

/** One rate of a creator's; amounts in minor units of `currency`. */
export const shippingRates = pgTable(
  "shipping_rate",
  {
    id: id(),
    creatorId: fk("creator_id", () => creators.id, "cascade").notNull(),
    zone: shippingZoneEnum("zone").notNull(),
    /** Destinations of a `countries` rate; empty for the other zones. */
    countries: text("countries")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    method: shippingMethodEnum("method").notNull(),
    currency: text("currency").notNull(),
    flatAmount: bigint("flat_amount", { mode: "number" }).notNull().default(0),
    smallAmount: bigint("small_amount", { mode: "number" }).notNull().default(0),
    mediumAmount: bigint("medium_amount", { mode: "number" }).notNull().default(0),
    largeAmount: bigint("large_amount", { mode: "number" }).notNull().default(0),
    /** Insurance of originals, parts per million of their price. */
    insurancePpm: integer("insurance_ppm").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("shipping_rate_creator_idx").on(t.creatorId),
    check(
      "shipping_rate_amounts",
      sql`${t.flatAmount} >= 0 and ${t.smallAmount} >= 0 and ${t.mediumAmount} >= 0 and ${t.largeAmount} >= 0`,
    ),
    check("shipping_rate_insurance", sql`${t.insurancePpm} between 0 and 1000000`),
  ],
);

/** The address an order ships to, copied at checkout: editing a saved address never moves a parcel. */
export const orderAddresses = pgTable("order_address", {
  orderId: fk("order_id", () => orders.id, "cascade").primaryKey(),
  ...addressColumns(),
});

/** One creator's part of an order to send; the order is fulfilled when every part is shipped. */
export const fulfilments = pgTable(
  "fulfilment",
  {
    id: id(),
    orderId: fk("order_id", () => orders.id, "cascade").notNull(),
    creatorId: fk("creator_id", () => creators.id, "restrict").notNull(),
    status: fulfilmentStatusEnum("status").notNull().default("pending"),
    carrier: text("carrier"),
    trackingNumber: text("tracking_number"),
    shippedAt: timestamptz("shipped_at"),
    deliveredAt: timestamptz("delivered_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("fulfilment_order_creator_idx").on(t.orderId, t.creatorId),
    index("fulfilment_creator_idx").on(t.creatorId, t.status),
  ],
);

export type SavedAddress = typeof addresses.$inferSelect;
export type ShippingRateRow = typeof shippingRates.$inferSelect;
export type Fulfilment = typeof fulfilments.$inferSelect;
export type FulfilmentStatus = Fulfilment["status"];
