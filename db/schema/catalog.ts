import { sql, type SQL } from "drizzle-orm";
import {
  boolean,
  check,
  customType,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { createdAt, fk, id, updatedAt } from "./columns";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const creatorKindEnum = pgEnum("creator_kind", ["instructor", "artist", "gallery"]);
export const productKindEnum = pgEnum("product_kind", ["course", "artwork", "bundle"]);
export const productStatusEnum = pgEnum("product_status", ["draft", "published", "archived"]);
export const courseLevelEnum = pgEnum("course_level", ["beginner", "intermediate", "advanced"]);
export const followTargetEnum = pgEnum("follow_target", ["creator", "user"]);
/** An artwork's physical state as its seller describes it, in the grades art marketplaces use. */
export const artworkConditionEnum = pgEnum("artwork_condition", ["mint", "excellent", "very_good", "good", "fair"]);

/** Instructors, artists and galleries. A user may own one creator profile. */
export const creators = pgTable(
  "creator",
  {
    id: id(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    /**
     * Chinese (Simplified) content beside the English: null where it was not written, and pages fall back
     * to the other language, marked as such (lib/i18n/localized.ts). The same rule for every `*_zh` column.
     */
    nameZh: text("name_zh"),
    kind: creatorKindEnum("kind").notNull(),
    bio: text("bio").notNull().default(""),
    bioZh: text("bio_zh"),
    location: text("location"),
    locationZh: text("location_zh"),
    /** ISO 3166-1 alpha-2 code of the country the creator works (and ships artworks) from. */
    country: text("country"),
    userId: fk("user_id", () => users.id, "set null").unique(),
    createdAt: createdAt(),
  },
  (t) => [
    index("creator_name_trgm_idx").using("gin", t.name.op("gin_trgm_ops")),
    index("creator_name_zh_trgm_idx").using("gin", t.nameZh.op("gin_trgm_ops")),
  ],
);

export const tags = pgTable(
  "tag",
  {
    id: id(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    nameZh: text("name_zh").notNull(),
    /** The topic family the tag belongs to, used for facets and for bridging the two worlds. */
    topic: text("topic").notNull(),
  },
  (t) => [
    index("tag_name_trgm_idx").using("gin", t.name.op("gin_trgm_ops")),
    index("tag_name_zh_trgm_idx").using("gin", t.nameZh.op("gin_trgm_ops")),
  ],
);

/** Everything that is sold: one table, `kind` says which detail table completes it. */
export const products = pgTable(
  "product",
  {
    id: id(),
    kind: productKindEnum("kind").notNull(),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    subtitle: text("subtitle").notNull().default(""),
    description: text("description").notNull().default(""),
    /** Chinese content; null = not written (see creator.name_zh). */
    titleZh: text("title_zh"),
    subtitleZh: text("subtitle_zh"),
    descriptionZh: text("description_zh"),
    priceAmount: integer("price_amount").notNull(),
    currency: text("currency").notNull().default("USD"),
    creatorId: fk("creator_id", () => creators.id, "restrict").notNull(),
    status: productStatusEnum("status").notNull().default("draft"),
    imageSeed: integer("image_seed").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('english', coalesce(${products.title}, '')), 'A') || setweight(to_tsvector('english', coalesce(${products.subtitle}, '')), 'B') || setweight(to_tsvector('english', coalesce(${products.description}, '')), 'C')`,
    ),
  },
  (t) => [
    index("product_search_idx").using("gin", t.searchVector),
    // Trigram indexes (pg_trgm) serve typo-tolerant word similarity and substring (ILIKE) matches of
    // lib/catalog/search.ts. Descriptions go without: full text covers the English one, and a Chinese
    // query is mostly two characters, which yields no trigram for an index to use (a scan is cheap).
    index("product_title_trgm_idx").using("gin", t.title.op("gin_trgm_ops")),
    index("product_title_zh_trgm_idx").using("gin", t.titleZh.op("gin_trgm_ops")),
    index("product_subtitle_zh_trgm_idx").using("gin", t.subtitleZh.op("gin_trgm_ops")),
    index("product_kind_status_idx").on(t.kind, t.status),
    index("product_creator_idx").on(t.creatorId),
    check("product_price_nonnegative", sql`${t.priceAmount} >= 0`),
    check("product_currency_iso", sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);

export const productTags = pgTable(
  "product_tag",
  {
    productId: fk("product_id", () => products.id, "cascade").notNull(),
    tagId: fk("tag_id", () => tags.id, "cascade").notNull(),
  },
  (t) => [primaryKey({ columns: [t.productId, t.tagId] }), index("product_tag_tag_idx").on(t.tagId)],
);

export const courseDetails = pgTable("course_detail", {
  productId: fk("product_id", () => products.id, "cascade").primaryKey(),
  level: courseLevelEnum("level").notNull(),
  language: text("language").notNull().default("en"),
});

export const courseSections = pgTable(
  "course_section",
  {
    id: id(),
    productId: fk("product_id", () => products.id, "cascade").notNull(),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    titleZh: text("title_zh"),
  },
  (t) => [uniqueIndex("course_section_position_idx").on(t.productId, t.position)],
);

export const lessons = pgTable(
  "lesson",
  {
    id: id(),
    productId: fk("product_id", () => products.id, "cascade").notNull(),
    sectionId: fk("section_id", () => courseSections.id, "cascade").notNull(),
    position: integer("position").notNull(),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    titleZh: text("title_zh"),
    durationMinutes: integer("duration_minutes").notNull(),
    isPreview: boolean("is_preview").notNull().default(false),
    /** Markdown; never sent to a visitor who may not see the lesson. */
    body: text("body").notNull(),
    bodyZh: text("body_zh"),
  },
  (t) => [
    uniqueIndex("lesson_slug_idx").on(t.productId, t.slug),
    index("lesson_section_idx").on(t.sectionId, t.position),
  ],
);

export const artworkDetails = pgTable(
  "artwork_detail",
  {
    productId: fk("product_id", () => products.id, "cascade").primaryKey(),
    medium: text("medium").notNull(),
    mediumZh: text("medium_zh"),
    widthMm: integer("width_mm").notNull(),
    heightMm: integer("height_mm").notNull(),
    depthMm: integer("depth_mm"),
    year: integer("year").notNull(),
    provenance: text("provenance").notNull().default(""),
    provenanceZh: text("provenance_zh"),
    /** 1 means a unique original; more means a numbered edition of that size. */
    editionSize: integer("edition_size").notNull().default(1),
    stock: integer("stock").notNull(),
    /** Null when the seller has not said: the page then shows nothing rather than a guess. */
    condition: artworkConditionEnum("condition"),
    /** Whether a certificate of authenticity signed by the artist (or gallery) comes with the piece. */
    certificate: boolean("certificate").notNull().default(false),
  },
  (t) => [
    check("artwork_stock_nonnegative", sql`${t.stock} >= 0`),
    check("artwork_stock_within_edition", sql`${t.stock} <= ${t.editionSize}`),
    check("artwork_edition_positive", sql`${t.editionSize} >= 1`),
  ],
);

export const bundleItems = pgTable(
  "bundle_item",
  {
    bundleId: fk("bundle_id", () => products.id, "cascade").notNull(),
    productId: fk("product_id", () => products.id, "restrict").notNull(),
  },
  (t) => [primaryKey({ columns: [t.bundleId, t.productId] })],
);

export const follows = pgTable(
  "follow",
  {
    followerId: fk("follower_id", () => users.id, "cascade").notNull(),
    targetKind: followTargetEnum("target_kind").notNull(),
    targetId: text("target_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.followerId, t.targetKind, t.targetId] }),
    index("follow_target_idx").on(t.targetKind, t.targetId),
  ],
);

export type Creator = typeof creators.$inferSelect;
export type Product = typeof products.$inferSelect;
export type NewProduct = typeof products.$inferInsert;
export type Tag = typeof tags.$inferSelect;
export type Lesson = typeof lessons.$inferSelect;
export type ArtworkDetail = typeof artworkDetails.$inferSelect;
export type CourseLevel = (typeof courseLevelEnum.enumValues)[number];
export type ArtworkCondition = (typeof artworkConditionEnum.enumValues)[number];
export type ProductKind = (typeof productKindEnum.enumValues)[number];
