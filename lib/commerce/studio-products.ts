/**
 * The studio's catalogue editing for creators: their courses and artworks. Every function takes the
 * acting user and checks, inside its transaction, that the product belongs to the creator profile they
 * own (admins may edit any product). Course structure (sections, lessons) is in ./studio-courses.ts.
 */
import { asc, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Tx } from "@/db/client";
import {
  artworkDetails,
  courseDetails,
  artworkConditionEnum,
  courseLevelEnum,
  creators,
  orderLines,
  products,
  productStatusEnum,
  type ProductKind,
  type ArtworkCondition,
} from "@/db/schema";
import { currencySchema } from "@/lib/money";
import { canManageProduct, getCreatorForUser, type Actor } from "./ownership";

export type StudioResult<T = string> =
  | { ok: true; id: T }
  | { ok: false; code: "invalid" | "not_found" | "forbidden" | "conflict" | "no_creator_profile"; field?: string };

export class StudioRefusal extends Error {
  constructor(
    readonly code: Exclude<StudioResult, { ok: true }>["code"],
    readonly field?: string,
  ) {
    super(code);
  }
}

/** Runs `work` in a transaction; a StudioRefusal becomes an answer, anything else propagates. */
export async function studioTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<StudioResult<T>> {
  const db = await getDb();
  try {
    return { ok: true, id: await db.transaction(work) };
  } catch (error) {
    if (error instanceof StudioRefusal) return { ok: false, code: error.code, field: error.field };
    throw error;
  }
}

export async function assertCanManage(tx: Tx, actor: Actor, productId: string): Promise<void> {
  if (!(await canManageProduct(actor, productId, tx))) throw new StudioRefusal("forbidden");
}

const text = (max: number) => z.string().trim().max(max);
/** A Chinese twin: optional (the page falls back to English, marked); empty means "not written" (null). */
const zhText = (max: number) =>
  text(max)
    .default("")
    .transform((v) => v || null);
const baseFields = {
  title: text(160).min(1),
  subtitle: text(240).default(""),
  description: text(5000).default(""),
  titleZh: zhText(160),
  subtitleZh: zhText(240),
  descriptionZh: zhText(5000),
  priceAmount: z.number().int().min(0).max(100_000_000),
  currency: currencySchema.default("USD"),
  status: z.enum(productStatusEnum.enumValues).default("draft"),
};
export const courseFieldsSchema = z.object({ ...baseFields, level: z.enum(courseLevelEnum.enumValues) });
export const artworkFieldsSchema = z
  .object({
    ...baseFields,
    medium: text(120).min(1),
    mediumZh: zhText(120),
    widthMm: z.number().int().min(1).max(100_000),
    heightMm: z.number().int().min(1).max(100_000),
    year: z.number().int().min(1000).max(2100),
    provenance: text(1000).default(""),
    provenanceZh: zhText(1000),
    editionSize: z.number().int().min(1).max(100_000),
    stock: z.number().int().min(0).max(100_000),
    condition: z.enum(artworkConditionEnum.enumValues).nullable().default(null),
    certificate: z.boolean().default(false),
  })
  .refine((a) => a.stock <= a.editionSize, { message: "stock_above_edition", path: ["stock"] });

export function slugify(value: string): string {
  return (
    value
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 80)
      .replace(/-+$/g, "") || "untitled"
  );
}

async function uniqueProductSlug(tx: Tx, title: string): Promise<string> {
  const base = slugify(title);
  for (let i = 0; i < 20; i++) {
    const candidate = i === 0 ? base : `${base}-${crypto.randomUUID().slice(0, 4)}`;
    const [taken] = await tx.select({ id: products.id }).from(products).where(eq(products.slug, candidate)).limit(1);
    if (!taken) return candidate;
  }
  throw new StudioRefusal("conflict", "title");
}

function fieldOf(error: z.ZodError): string | undefined {
  const path = error.issues[0]?.path[0];
  return path === undefined ? undefined : String(path);
}

type CreateInput =
  | { kind: "course"; fields: z.input<typeof courseFieldsSchema> }
  | { kind: "artwork"; fields: z.input<typeof artworkFieldsSchema> };

/** A new product of the actor's creator profile (drafts by default). */
export async function createStudioProduct(actor: Actor, input: CreateInput): Promise<StudioResult> {
  const parsed =
    input.kind === "course" ? courseFieldsSchema.safeParse(input.fields) : artworkFieldsSchema.safeParse(input.fields);
  if (!parsed.success) return { ok: false, code: "invalid", field: fieldOf(parsed.error) };
  if (actor.role !== "creator" && actor.role !== "admin") return { ok: false, code: "forbidden" };
  return studioTransaction(async (tx) => {
    const creator = await getCreatorForUser(actor.id, tx);
    if (!creator) throw new StudioRefusal("no_creator_profile");
    const f = parsed.data;
    const slug = await uniqueProductSlug(tx, f.title);
    const [row] = await tx
      .insert(products)
      .values({
        kind: input.kind,
        slug,
        title: f.title,
        subtitle: f.subtitle,
        description: f.description,
        titleZh: f.titleZh,
        subtitleZh: f.subtitleZh,
        descriptionZh: f.descriptionZh,
        priceAmount: f.priceAmount,
        currency: f.currency,
        status: f.status,
        creatorId: creator.id,
        imageSeed: Math.floor(Math.random() * 1_000_000),
      })
      .returning({ id: products.id });
    const id = row!.id;
    if ("level" in f) await tx.insert(courseDetails).values({ productId: id, level: f.level });
    if ("medium" in f)
      await tx.insert(artworkDetails).values({
        productId: id,
        medium: f.medium,
        mediumZh: f.mediumZh,
        widthMm: f.widthMm,
        heightMm: f.heightMm,
        year: f.year,
        provenance: f.provenance,
        provenanceZh: f.provenanceZh,
        editionSize: f.editionSize,
        stock: f.stock,
        condition: f.condition,
        certificate: f.certificate,
      });
    return id;
  });
}

/**
 * Edits a product. For artworks, `expectedStock` is the stock the form showed: when a sale or another
 * edit changed it meanwhile the edit is refused instead of silently putting sold pieces back on sale.
 */
export async function updateStudioProduct(
  actor: Actor,
  productId: string,
  input:
    | { kind: "course"; fields: z.input<typeof courseFieldsSchema> }
    | { kind: "artwork"; fields: z.input<typeof artworkFieldsSchema>; expectedStock: number },
): Promise<StudioResult> {
  const parsed =
    input.kind === "course" ? courseFieldsSchema.safeParse(input.fields) : artworkFieldsSchema.safeParse(input.fields);
  if (!parsed.success) return { ok: false, code: "invalid", field: fieldOf(parsed.error) };
  return studioTransaction(async (tx) => {
    await assertCanManage(tx, actor, productId);
    const [current] = await tx
      .select({ kind: products.kind })
      .from(products)
      .where(eq(products.id, productId))
      .limit(1);
    if (!current || current.kind !== input.kind) throw new StudioRefusal("not_found");
    const f = parsed.data;
    await tx
      .update(products)
      .set({
        title: f.title,
        subtitle: f.subtitle,
        description: f.description,
        titleZh: f.titleZh,
        subtitleZh: f.subtitleZh,
        descriptionZh: f.descriptionZh,
        priceAmount: f.priceAmount,
        currency: f.currency,
        status: f.status,
        updatedAt: new Date(),
      })
      .where(eq(products.id, productId));
    if ("level" in f)
      await tx.update(courseDetails).set({ level: f.level }).where(eq(courseDetails.productId, productId));
    if ("medium" in f && input.kind === "artwork") {
      // Same lock as checkout and offers, so a sale cannot slip between the check and the write.
      const [locked] = await tx
        .select({ stock: artworkDetails.stock })
        .from(artworkDetails)
        .where(eq(artworkDetails.productId, productId))
        .for("update");
      if (!locked) throw new StudioRefusal("not_found");
      if (locked.stock !== input.expectedStock) throw new StudioRefusal("conflict", "stock");
      await tx
        .update(artworkDetails)
        .set({
          medium: f.medium,
          mediumZh: f.mediumZh,
          widthMm: f.widthMm,
          heightMm: f.heightMm,
          year: f.year,
          provenance: f.provenance,
          provenanceZh: f.provenanceZh,
          editionSize: f.editionSize,
          stock: f.stock,
          condition: f.condition,
          certificate: f.certificate,
        })
        .where(eq(artworkDetails.productId, productId));
    }
    return productId;
  });
}

export type StudioProductRow = {
  id: string;
  kind: ProductKind;
  slug: string;
  title: string;
  status: string;
  priceAmount: number;
  currency: string;
  stock: number | null;
  editionSize: number | null;
  creatorName: string;
  updatedAt: Date;
};

/** The products an actor may edit: their creator profile's, or every product for an admin. */
export async function listStudioProducts(actor: Actor, limit = 300): Promise<StudioProductRow[]> {
  if (actor.role !== "creator" && actor.role !== "admin") return [];
  const db = await getDb();
  return db
    .select({
      id: products.id,
      kind: products.kind,
      slug: products.slug,
      title: products.title,
      status: products.status,
      priceAmount: products.priceAmount,
      currency: products.currency,
      stock: artworkDetails.stock,
      editionSize: artworkDetails.editionSize,
      creatorName: creators.name,
      updatedAt: products.updatedAt,
    })
    .from(products)
    .innerJoin(creators, eq(creators.id, products.creatorId))
    .leftJoin(artworkDetails, eq(artworkDetails.productId, products.id))
    .where(actor.role === "admin" ? undefined : eq(creators.userId, actor.id))
    .orderBy(desc(products.updatedAt), asc(products.id))
    .limit(limit);
}

export type StudioProductDetail = {
  id: string;
  kind: ProductKind;
  slug: string;
  title: string;
  subtitle: string;
  description: string;
  /** The Chinese twins, "" where not written. */
  titleZh: string;
  subtitleZh: string;
  descriptionZh: string;
  priceAmount: number;
  currency: string;
  status: "draft" | "published" | "archived";
  level: (typeof courseLevelEnum.enumValues)[number] | null;
  artwork: {
    medium: string;
    mediumZh: string;
    widthMm: number;
    heightMm: number;
    year: number;
    provenance: string;
    provenanceZh: string;
    editionSize: number;
    stock: number;
    condition: ArtworkCondition | null;
    certificate: boolean;
  } | null;
  soldPieces: number;
};

/** One product for its edit form, or null when the actor may not edit it (pages answer 404 either way). */
export async function getStudioProduct(actor: Actor, productId: string): Promise<StudioProductDetail | null> {
  if (!/^[0-9a-f-]{36}$/i.test(productId)) return null;
  if (!(await canManageProduct(actor, productId))) return null;
  const db = await getDb();
  const [row] = await db
    .select({ p: products, level: courseDetails.level, a: artworkDetails })
    .from(products)
    .leftJoin(courseDetails, eq(courseDetails.productId, products.id))
    .leftJoin(artworkDetails, eq(artworkDetails.productId, products.id))
    .where(eq(products.id, productId))
    .limit(1);
  if (!row) return null;
  const [sold] = await db
    .select({ n: sql<number>`coalesce(sum(${orderLines.quantity}), 0)::int` })
    .from(orderLines)
    .where(eq(orderLines.productId, productId));
  const { p, a } = row;
  return {
    id: p.id,
    kind: p.kind,
    slug: p.slug,
    title: p.title,
    subtitle: p.subtitle,
    description: p.description,
    titleZh: p.titleZh ?? "",
    subtitleZh: p.subtitleZh ?? "",
    descriptionZh: p.descriptionZh ?? "",
    priceAmount: p.priceAmount,
    currency: p.currency,
    status: p.status,
    level: row.level,
    artwork: a
      ? {
          medium: a.medium,
          mediumZh: a.mediumZh ?? "",
          widthMm: a.widthMm,
          heightMm: a.heightMm,
          year: a.year,
          provenance: a.provenance,
          provenanceZh: a.provenanceZh ?? "",
          editionSize: a.editionSize,
          stock: a.stock,
          condition: a.condition,
          certificate: a.certificate,
        }
      : null,
    soldPieces: Number(sold?.n ?? 0),
  };
}

/** Whether the actor has a creator profile to create products under. */
export async function studioCreatorFor(actor: Actor) {
  return actor.role === "creator" || actor.role === "admin" ? getCreatorForUser(actor.id) : null;
}
