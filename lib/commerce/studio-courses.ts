/**
 * Course structure in the studio: sections and lessons (title, length, free-preview flag, Markdown
 * body). Every change resolves the course the section or lesson belongs to and checks the actor may
 * manage it, in the same transaction as the write. Lesson positions number the whole course in
 * reading order (section order, then lesson order) and are renumbered after each structural change;
 * lesson slugs are chosen once, so links and progress survive reordering.
 */
import { and, asc, eq, max, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Tx } from "@/db/client";
import { courseSections, lessons, products } from "@/db/schema";
import { canManageProduct, type Actor } from "./ownership";
import { assertCanManage, slugify, StudioRefusal, studioTransaction, type StudioResult } from "./studio-products";

/**
 * A Chinese twin: absent = leave it as stored (callers that edit English only), "" = not written (null:
 * the shop falls back to English, marked), otherwise the text.
 */
const zhText = (max: number, trim = true) =>
  (trim ? z.string().trim() : z.string())
    .max(max)
    .optional()
    .transform((v) => (v === undefined ? undefined : v || null));
/** Only the twins that were given, for an update's `set`. */
const given = <T extends Record<string, string | null | undefined>>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: string | null };

export const sectionSchema = z.object({ title: z.string().trim().min(1).max(160), titleZh: zhText(160) });
export const lessonSchema = z.object({
  title: z.string().trim().min(1).max(160),
  titleZh: zhText(160),
  durationMinutes: z.number().int().min(1).max(600),
  isPreview: z.boolean(),
  body: z.string().max(100_000),
  bodyZh: zhText(100_000, false),
});

async function courseOfSection(tx: Tx, sectionId: string): Promise<string> {
  const [row] = await tx
    .select({ productId: courseSections.productId })
    .from(courseSections)
    .where(eq(courseSections.id, sectionId))
    .limit(1);
  if (!row) throw new StudioRefusal("not_found");
  return row.productId;
}

async function lessonRow(tx: Tx, lessonId: string) {
  const [row] = await tx
    .select({ productId: lessons.productId, sectionId: lessons.sectionId })
    .from(lessons)
    .where(eq(lessons.id, lessonId))
    .limit(1);
  if (!row) throw new StudioRefusal("not_found");
  return row;
}

async function assertCourse(tx: Tx, actor: Actor, productId: string): Promise<void> {
  await assertCanManage(tx, actor, productId);
  const [p] = await tx.select({ kind: products.kind }).from(products).where(eq(products.id, productId)).limit(1);
  if (p?.kind !== "course") throw new StudioRefusal("not_found");
}

/** Positions 1..n in reading order. Positions are not unique in the schema, so one statement does it. */
async function renumber(tx: Tx, productId: string): Promise<void> {
  await tx.execute(sql`
    update ${lessons} as l set position = r.rn
    from (
      select l2.id, row_number() over (order by s.position, l2.position, l2.id) as rn
      from ${lessons} l2 join ${courseSections} s on s.id = l2.section_id
      where l2.product_id = ${productId}
    ) r
    where l.id = r.id and l.position <> r.rn`);
  await tx.update(products).set({ updatedAt: new Date() }).where(eq(products.id, productId));
}

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new StudioRefusal("invalid", String(parsed.error.issues[0]?.path[0] ?? "form"));
  return parsed.data;
}

export async function addSection(
  actor: Actor,
  productId: string,
  input: z.input<typeof sectionSchema>,
): Promise<StudioResult> {
  return studioTransaction(async (tx) => {
    const { title, titleZh } = parse(sectionSchema, input);
    await assertCourse(tx, actor, productId);
    // Lock the course row: two sections added at once would otherwise pick the same position.
    await tx.select({ id: products.id }).from(products).where(eq(products.id, productId)).for("update");
    const [{ top } = { top: null }] = await tx
      .select({ top: max(courseSections.position) })
      .from(courseSections)
      .where(eq(courseSections.productId, productId));
    const [row] = await tx
      .insert(courseSections)
      .values({ productId, title, titleZh: titleZh ?? null, position: (top ?? -1) + 1 })
      .returning({ id: courseSections.id });
    return row!.id;
  });
}

export async function renameSection(
  actor: Actor,
  sectionId: string,
  input: z.input<typeof sectionSchema>,
): Promise<StudioResult> {
  return studioTransaction(async (tx) => {
    const { title, titleZh } = parse(sectionSchema, input);
    await assertCanManage(tx, actor, await courseOfSection(tx, sectionId));
    await tx
      .update(courseSections)
      .set({ title, ...given({ titleZh }) })
      .where(eq(courseSections.id, sectionId));
    return sectionId;
  });
}

/** Deletes a section with its lessons (and the progress recorded on them). */
export async function deleteSection(actor: Actor, sectionId: string): Promise<StudioResult> {
  return studioTransaction(async (tx) => {
    const productId = await courseOfSection(tx, sectionId);
    await assertCanManage(tx, actor, productId);
    await tx.delete(courseSections).where(eq(courseSections.id, sectionId));
    await renumber(tx, productId);
    return sectionId;
  });
}

async function uniqueLessonSlug(tx: Tx, productId: string, title: string): Promise<string> {
  const base = slugify(title);
  const taken = new Set(
    (await tx.select({ slug: lessons.slug }).from(lessons).where(eq(lessons.productId, productId))).map((r) => r.slug),
  );
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export async function addLesson(
  actor: Actor,
  sectionId: string,
  input: z.input<typeof lessonSchema>,
): Promise<StudioResult> {
  return studioTransaction(async (tx) => {
    const data = parse(lessonSchema, input);
    const productId = await courseOfSection(tx, sectionId);
    await assertCourse(tx, actor, productId);
    await tx.select({ id: products.id }).from(products).where(eq(products.id, productId)).for("update");
    // Last in its section; renumber() then makes positions count through the whole course again.
    const [{ top } = { top: null }] = await tx
      .select({ top: max(lessons.position) })
      .from(lessons)
      .where(eq(lessons.sectionId, sectionId));
    const [row] = await tx
      .insert(lessons)
      .values({
        productId,
        sectionId,
        title: data.title,
        titleZh: data.titleZh ?? null,
        durationMinutes: data.durationMinutes,
        isPreview: data.isPreview,
        body: data.body,
        bodyZh: data.bodyZh ?? null,
        slug: await uniqueLessonSlug(tx, productId, data.title),
        position: (top ?? 0) + 1,
      })
      .returning({ id: lessons.id });
    await renumber(tx, productId);
    return row!.id;
  });
}

export async function updateLesson(
  actor: Actor,
  lessonId: string,
  input: z.input<typeof lessonSchema>,
): Promise<StudioResult> {
  return studioTransaction(async (tx) => {
    const data = parse(lessonSchema, input);
    const { productId } = await lessonRow(tx, lessonId);
    await assertCanManage(tx, actor, productId);
    await tx
      .update(lessons)
      .set({
        title: data.title,
        durationMinutes: data.durationMinutes,
        isPreview: data.isPreview,
        body: data.body,
        ...given({ titleZh: data.titleZh, bodyZh: data.bodyZh }),
      })
      .where(eq(lessons.id, lessonId));
    await tx.update(products).set({ updatedAt: new Date() }).where(eq(products.id, productId));
    return lessonId;
  });
}

export async function deleteLesson(actor: Actor, lessonId: string): Promise<StudioResult> {
  return studioTransaction(async (tx) => {
    const { productId } = await lessonRow(tx, lessonId);
    await assertCanManage(tx, actor, productId);
    await tx.delete(lessons).where(eq(lessons.id, lessonId));
    await renumber(tx, productId);
    return lessonId;
  });
}

export type StudioLesson = {
  id: string;
  slug: string;
  title: string;
  /** "" where no Chinese was written. */
  titleZh: string;
  position: number;
  durationMinutes: number;
  isPreview: boolean;
  body: string;
  bodyZh: string;
};
export type StudioSection = { id: string; title: string; titleZh: string; position: number; lessons: StudioLesson[] };

/** The course's structure with lesson bodies, for its creator or an admin only. */
export async function getStudioCourseStructure(actor: Actor, productId: string): Promise<StudioSection[] | null> {
  if (!(await canManageProduct(actor, productId))) return null;
  const db = await getDb();
  const sections = await db
    .select({
      id: courseSections.id,
      title: courseSections.title,
      titleZh: courseSections.titleZh,
      position: courseSections.position,
    })
    .from(courseSections)
    .where(eq(courseSections.productId, productId))
    .orderBy(asc(courseSections.position));
  const rows = await db
    .select({
      id: lessons.id,
      sectionId: lessons.sectionId,
      slug: lessons.slug,
      title: lessons.title,
      titleZh: lessons.titleZh,
      position: lessons.position,
      durationMinutes: lessons.durationMinutes,
      isPreview: lessons.isPreview,
      body: lessons.body,
      bodyZh: lessons.bodyZh,
    })
    .from(lessons)
    .where(and(eq(lessons.productId, productId)))
    .orderBy(asc(lessons.position));
  return sections.map((s) => ({
    ...s,
    titleZh: s.titleZh ?? "",
    lessons: rows
      .filter((l) => l.sectionId === s.id)
      .map(({ sectionId: _s, ...l }) => ({ ...l, titleZh: l.titleZh ?? "", bodyZh: l.bodyZh ?? "" })),
  }));
}
