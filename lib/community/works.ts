/**
 * Co-creation: people publish their own works (an image, a title, a story, tags) linked to the course
 * or artwork that inspired them; galleries show them on that product's page and on its creator's page.
 */
import { and, desc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db, Executor } from "@/db/client";
import { products, reports, users, works } from "@/db/schema";
import { processUploadedImage, removeUpload, storeUpload } from "@/lib/uploads/images";
import { RATE_LIMITS, withinRateLimit } from "./rate-limit";

export const WORK_RATE = RATE_LIMITS.work;

export const workInputSchema = z.object({
  productId: z.string().trim().min(1).max(128),
  title: z.string().trim().min(1, { error: "title_required" }).max(120, { error: "title_too_long" }),
  story: z.string().trim().max(2000, { error: "story_too_long" }).default(""),
  tags: z
    .string()
    .default("")
    .transform((s) => [
      ...new Set(
        s
          .split(",")
          .map((t) => t.trim().toLowerCase())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(z.string().max(40, { error: "tag_too_long" })).max(8, { error: "too_many_tags" })),
});
export type WorkInput = z.infer<typeof workInputSchema>;

export type PublishWorkResult =
  | { ok: true; id: string }
  | {
      ok: false;
      code:
        | "not_found"
        | "rate_limited"
        | "image_too_large"
        | "image_not_an_image"
        | "image_too_small"
        | "image_dimensions";
    };

export async function publishWork(
  db: Db,
  userId: string,
  input: WorkInput,
  image: Buffer,
  now = new Date(),
): Promise<PublishWorkResult> {
  const [product] = await db
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.id, input.productId), eq(products.status, "published")))
    .limit(1);
  if (!product) return { ok: false, code: "not_found" };
  // A cheap early answer before spending CPU on the image; the transaction below decides.
  if (!(await withinRateLimit(db, userId, "work", now))) return { ok: false, code: "rate_limited" };
  const checked = await processUploadedImage(image);
  if (!checked.ok) return { ok: false, code: checked.code };
  const id = crypto.randomUUID();
  const file = `${id}.webp`;
  // The file first, then the row: when the row is not written the file is removed, so neither is left half-done.
  await storeUpload("works", file, checked.data);
  try {
    const written = await db.transaction(async (tx) => {
      if (!(await withinRateLimit(tx, userId, "work", now))) return false;
      await tx.insert(works).values({
        id,
        userId,
        productId: input.productId,
        title: input.title,
        story: input.story,
        tags: input.tags,
        imageFile: file,
        width: checked.width,
        height: checked.height,
        createdAt: now,
      });
      return true;
    });
    if (!written) {
      await removeUpload("works", file);
      return { ok: false, code: "rate_limited" };
    }
  } catch (error) {
    await removeUpload("works", file);
    throw error;
  }
  return { ok: true, id };
}

export type WorkView = {
  id: string;
  title: string;
  story: string;
  tags: string[];
  imageUrl: string;
  width: number;
  height: number;
  author: string;
  authorId: string;
  productId: string;
  /** The course or artwork that inspired the work. */
  product: { kind: "course" | "artwork" | "bundle"; slug: string; title: string };
  createdAt: Date;
};

function workQuery(db: Executor) {
  return db
    .select({
      id: works.id,
      title: works.title,
      story: works.story,
      tags: works.tags,
      imageFile: works.imageFile,
      width: works.width,
      height: works.height,
      author: users.name,
      authorId: works.userId,
      productId: works.productId,
      productKind: products.kind,
      productSlug: products.slug,
      productTitle: products.title,
      createdAt: works.createdAt,
    })
    .from(works)
    .innerJoin(users, eq(users.id, works.userId))
    .innerJoin(products, eq(products.id, works.productId));
}

export const workImageUrl = (file: string) => `/uploads/works/${file}`;

const reshape = (r: Awaited<ReturnType<typeof workQuery>>[number]): WorkView => ({
  id: r.id,
  title: r.title,
  story: r.story,
  tags: r.tags,
  imageUrl: workImageUrl(r.imageFile),
  width: r.width,
  height: r.height,
  author: r.author ?? "",
  authorId: r.authorId,
  productId: r.productId,
  product: { kind: r.productKind, slug: r.productSlug, title: r.productTitle },
  createdAt: r.createdAt,
});

export async function listWorksForProduct(db: Executor, productId: string, limit = 24): Promise<WorkView[]> {
  const rows = await workQuery(db)
    .where(and(eq(works.productId, productId), isNull(works.hiddenAt)))
    .orderBy(desc(works.createdAt))
    .limit(limit);
  return rows.map(reshape);
}

/** Works inspired by anything the creator sells. */
export async function listWorksForCreator(db: Executor, creatorId: string, limit = 24): Promise<WorkView[]> {
  const rows = await workQuery(db)
    .where(and(eq(products.creatorId, creatorId), isNull(works.hiddenAt)))
    .orderBy(desc(works.createdAt))
    .limit(limit);
  return rows.map(reshape);
}

/** A person's visible works, newest first (their page in the community). */
export async function listWorksByUser(db: Executor, userId: string, limit = 48): Promise<WorkView[]> {
  const rows = await workQuery(db)
    .where(and(eq(works.userId, userId), isNull(works.hiddenAt)))
    .orderBy(desc(works.createdAt))
    .limit(limit);
  return rows.map(reshape);
}

/** Who may see an uploaded file: its owner and visibility, or null when no work uses it. */
export async function getWorkImageAccess(
  db: Executor,
  file: string,
): Promise<{ ownerId: string; hidden: boolean } | null> {
  const [row] = await db
    .select({ ownerId: works.userId, hiddenAt: works.hiddenAt })
    .from(works)
    .where(eq(works.imageFile, file))
    .limit(1);
  return row ? { ownerId: row.ownerId, hidden: row.hiddenAt !== null } : null;
}

/**
 * The author (or an admin) removes a work: the row and its reports in one transaction, then the file.
 * Anyone else gets not_found, as if it did not exist.
 */
export async function deleteWork(
  db: Db,
  actor: { id: string; isAdmin: boolean },
  workId: string,
): Promise<{ ok: boolean }> {
  const file = await db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(works)
      .where(actor.isAdmin ? eq(works.id, workId) : and(eq(works.id, workId), eq(works.userId, actor.id)))
      .returning({ file: works.imageFile });
    if (!gone) return null;
    await tx.delete(reports).where(and(eq(reports.targetKind, "work"), eq(reports.targetId, workId)));
    return gone.file;
  });
  if (file === null) return { ok: false };
  await removeUpload("works", file);
  return { ok: true };
}

export async function listWorkFilesOfUser(db: Executor, userId: string): Promise<string[]> {
  return (await db.select({ f: works.imageFile }).from(works).where(eq(works.userId, userId))).map((r) => r.f);
}

/** Newest visible works across the site, for the community page. */
export async function listRecentWorks(db: Executor, limit = 24): Promise<WorkView[]> {
  const rows = await workQuery(db).where(isNull(works.hiddenAt)).orderBy(desc(works.createdAt)).limit(limit);
  return rows.map(reshape);
}

/** What anyone may see of a person in the community: their display name. */
export async function getPublicPerson(db: Executor, userId: string): Promise<{ id: string; name: string } | null> {
  const [row] = await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, userId)).limit(1);
  return row ? { id: row.id, name: row.name ?? "" } : null;
}
