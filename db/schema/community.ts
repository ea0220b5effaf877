import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, text, uniqueIndex, type AnyPgColumn } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { products } from "./catalog";
import { createdAt, fk, id, timestamptz } from "./columns";

/**
 * Questions and comments on a product, threaded one level: a reply's parent is a top-level comment.
 * A question whose author deleted their account while others had answered it stays as an empty
 * placeholder (no author, no text), so the answers are not lost with it.
 */
export const comments = pgTable(
  "comment",
  {
    id: id(),
    productId: fk("product_id", () => products.id, "cascade").notNull(),
    /** Null only for such a placeholder. */
    userId: fk("user_id", () => users.id, "cascade"),
    parentId: fk("parent_id", (): AnyPgColumn => comments.id, "cascade"),
    body: text("body").notNull(),
    hiddenAt: timestamptz("hidden_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("comment_product_idx").on(t.productId, t.createdAt),
    index("comment_user_idx").on(t.userId, t.createdAt),
    check(
      "comment_body_length",
      sql`char_length(${t.body}) between 1 and 2000 or (${t.userId} is null and ${t.body} = '')`,
    ),
  ],
);

export const reportTargetEnum = pgEnum("report_target", ["comment", "review", "work"]);

/** "Report this": one row per reporter and target; a moderator resolves it by hiding or restoring. */
export const reports = pgTable(
  "report",
  {
    id: id(),
    reporterId: fk("reporter_id", () => users.id, "cascade").notNull(),
    targetKind: reportTargetEnum("target_kind").notNull(),
    /** comment id, or `<user id>:<product id>` for a review. */
    targetId: text("target_id").notNull(),
    reason: text("reason").notNull().default(""),
    createdAt: createdAt(),
    resolvedAt: timestamptz("resolved_at"),
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
    userId: fk("user_id", () => users.id, "cascade").notNull(),
    /** The course or artwork that inspired it. */
    productId: fk("product_id", () => products.id, "cascade").notNull(),
    title: text("title").notNull(),
    story: text("story").notNull().default(""),
    tags: text("tags")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** File name under UPLOAD_DIR/works (re-encoded WebP), and its pixel size. */
    imageFile: text("image_file").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    hiddenAt: timestamptz("hidden_at"),
    createdAt: createdAt(),
  },
  (t) => [index("work_product_idx").on(t.productId, t.createdAt), index("work_user_idx").on(t.userId, t.createdAt)],
);

export type Comment = typeof comments.$inferSelect;
export type Work = typeof works.$inferSelect;
export type Report = typeof reports.$inferSelect;
