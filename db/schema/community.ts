import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, type AnyPgColumn } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { products } from "./catalog";

const id = () =>
  text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID());

/** Questions and comments on a product, threaded one level: a reply's parent is a top-level comment. */
export const comments = pgTable(
  "comment",
  {
    id: id(),
    productId: text("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    parentId: text("parent_id").references((): AnyPgColumn => comments.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("comment_product_idx").on(t.productId, t.createdAt),
    index("comment_user_idx").on(t.userId, t.createdAt),
    check("comment_body_length", sql`char_length(${t.body}) between 1 and 2000`),
  ],
);

export const reportTargetEnum = pgEnum("report_target", ["comment", "review", "work"]);

/** "Report this": one row per reporter and target; a moderator resolves it by hiding or restoring. */
export const reports = pgTable(
  "report",
  {
    id: id(),
    reporterId: text("reporter_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    targetKind: reportTargetEnum("target_kind").notNull(),
    /** comment id, or `<user id>:<product id>` for a review. */
    targetId: text("target_id").notNull(),
    reason: text("reason").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
  },
  (t) => [
    index("report_open_idx").on(t.resolvedAt, t.createdAt),
    index("report_target_idx").on(t.targetKind, t.targetId),
    uniqueIndex("report_once_idx").on(t.reporterId, t.targetKind, t.targetId),
  ],
);

/** Co-creation: a person's own work (an uploaded image with title, story and tags), inspired by a product. */
export const works = pgTable(
  "work",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The course or artwork that inspired it. */
    productId: text("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    story: text("story").notNull().default(""),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    /** File name under UPLOAD_DIR/works (re-encoded WebP), and its pixel size. */
    imageFile: text("image_file").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("work_product_idx").on(t.productId, t.createdAt), index("work_user_idx").on(t.userId, t.createdAt)],
);

export type Comment = typeof comments.$inferSelect;
export type Work = typeof works.$inferSelect;
export type Report = typeof reports.$inferSelect;
