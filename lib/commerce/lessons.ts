/**
 * The lesson gate. `openLesson` decides who may read a lesson and loads the Markdown body only after
 * saying yes, so a page built on it cannot leak a body by accident: a visitor who may not read it gets
 * the course's slug and a reason, never the text. Readers: buyers enrolled in the course, anyone for a
 * free preview lesson, the course's creator, admins.
 */
import { and, asc, count, desc, eq, inArray, max, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { courseSections, creators, enrollments, lessonProgress, lessons, products, type Role } from "@/db/schema";
import { DEFAULT_LOCALE, type Locale } from "@/i18n/locales";
import { localized } from "@/lib/i18n/localized";

/** A title in the reader's language and, when it fell back, the language it is in. */
function pickTitle(locale: Locale, en: string, zh: string | null): { title: string; titleFallback?: Locale } {
  const t = localized(locale, en, zh);
  return t.fallback ? { title: t.text, titleFallback: t.lang } : { title: t.text };
}

export type Viewer = { id: string; role: Role } | null;
export type AccessVia = "admin" | "creator" | "enrolled" | "preview";
export type AccessDecision = { allowed: true; via: AccessVia } | { allowed: false; reason: "sign_in" | "purchase" };

/** Pure rule, kept apart so it can be read and tested on its own. */
export function decideLessonAccess(facts: {
  signedIn: boolean;
  isAdmin: boolean;
  isCreator: boolean;
  isEnrolled: boolean;
  isPreview: boolean;
}): AccessDecision {
  if (facts.isAdmin) return { allowed: true, via: "admin" };
  if (facts.isCreator) return { allowed: true, via: "creator" };
  if (facts.isEnrolled) return { allowed: true, via: "enrolled" };
  if (facts.isPreview) return { allowed: true, via: "preview" };
  return { allowed: false, reason: facts.signedIn ? "purchase" : "sign_in" };
}

export type OutlineLesson = {
  id: string;
  slug: string;
  title: string;
  titleFallback?: Locale;
  position: number;
  durationMinutes: number;
  isPreview: boolean;
};
export type CourseOutline = {
  id: string;
  slug: string;
  title: string;
  titleFallback?: Locale;
  sections: { id: string; title: string; titleFallback?: Locale; lessons: OutlineLesson[] }[];
};

export type LessonAccess =
  | { status: "not_found" }
  | {
      status: "denied";
      reason: "sign_in" | "purchase";
      course: { slug: string; title: string };
      lesson: { slug: string; title: string };
    }
  | {
      status: "granted";
      via: AccessVia;
      course: CourseOutline;
      lesson: OutlineLesson & { body: string; bodyFallback?: Locale };
      previous: OutlineLesson | null;
      next: OutlineLesson | null;
      completedLessonIds: string[];
      /** Whether progress can be recorded for this viewer (signed in). */
      canTrack: boolean;
    };

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

async function loadCourse(slug: string) {
  const db = await getDb();
  const [row] = await db
    .select({
      id: products.id,
      slug: products.slug,
      title: products.title,
      titleZh: products.titleZh,
      status: products.status,
      ownerId: creators.userId,
    })
    .from(products)
    .innerJoin(creators, eq(creators.id, products.creatorId))
    .where(and(eq(products.slug, slug), eq(products.kind, "course")))
    .limit(1);
  return row ?? null;
}

async function isEnrolled(userId: string, productId: string): Promise<boolean> {
  const db = await getDb();
  const [row] = await db
    .select({ id: enrollments.productId })
    .from(enrollments)
    .where(and(eq(enrollments.userId, userId), eq(enrollments.productId, productId)))
    .limit(1);
  return Boolean(row);
}

export async function getCourseOutline(
  productId: string,
  locale: Locale = DEFAULT_LOCALE,
): Promise<CourseOutline["sections"]> {
  const db = await getDb();
  const sectionRows = await db
    .select({ id: courseSections.id, title: courseSections.title, titleZh: courseSections.titleZh })
    .from(courseSections)
    .where(eq(courseSections.productId, productId))
    .orderBy(asc(courseSections.position));
  const lessonRows = await db
    .select({
      id: lessons.id,
      sectionId: lessons.sectionId,
      slug: lessons.slug,
      title: lessons.title,
      titleZh: lessons.titleZh,
      position: lessons.position,
      durationMinutes: lessons.durationMinutes,
      isPreview: lessons.isPreview,
    })
    .from(lessons)
    .where(eq(lessons.productId, productId))
    .orderBy(asc(lessons.position));
  return sectionRows.map(({ titleZh, ...s }) => ({
    ...s,
    ...pickTitle(locale, s.title, titleZh),
    lessons: lessonRows
      .filter((l) => l.sectionId === s.id)
      .map(({ sectionId: _s, titleZh: lessonZh, ...l }) => ({ ...l, ...pickTitle(locale, l.title, lessonZh) })),
  }));
}

export async function openLesson({
  courseSlug,
  lessonSlug,
  viewer,
  locale = DEFAULT_LOCALE,
}: {
  courseSlug: string;
  lessonSlug: string;
  viewer: Viewer;
  /** The page's language: titles and the body in it, falling back (marked) to the other. */
  locale?: Locale;
}): Promise<LessonAccess> {
  if (!SLUG.test(courseSlug) || !SLUG.test(lessonSlug) || courseSlug.length > 160 || lessonSlug.length > 160)
    return { status: "not_found" };
  const course = await loadCourse(courseSlug);
  if (!course) return { status: "not_found" };
  const isAdmin = viewer?.role === "admin";
  const isCreator = Boolean(viewer && course.ownerId === viewer.id);
  const enrolled = viewer ? await isEnrolled(viewer.id, course.id) : false;
  // Drafts and archived courses exist only for their creator and admins, and for the buyers who
  // already paid for them: taking a course off sale does not take away what was bought.
  if (course.status !== "published" && !isAdmin && !isCreator && !enrolled) return { status: "not_found" };

  const db = await getDb();
  const [row] = await db
    .select({
      id: lessons.id,
      slug: lessons.slug,
      title: lessons.title,
      titleZh: lessons.titleZh,
      position: lessons.position,
      durationMinutes: lessons.durationMinutes,
      isPreview: lessons.isPreview,
    })
    .from(lessons)
    .where(and(eq(lessons.productId, course.id), eq(lessons.slug, lessonSlug)))
    .limit(1);
  if (!row) return { status: "not_found" };
  const { titleZh: lessonTitleZh, ...rowRest } = row;
  const meta = { ...rowRest, ...pickTitle(locale, row.title, lessonTitleZh) };
  const courseTitle = pickTitle(locale, course.title, course.titleZh);

  const decision = decideLessonAccess({
    signedIn: viewer !== null,
    isAdmin,
    isCreator,
    isEnrolled: enrolled,
    isPreview: meta.isPreview,
  });
  if (!decision.allowed)
    return {
      status: "denied",
      reason: decision.reason,
      course: { slug: course.slug, title: courseTitle.title },
      lesson: { slug: meta.slug, title: meta.title },
    };

  // Only now is the body read.
  const [{ body: bodyEn, bodyZh } = { body: "", bodyZh: null }] = await db
    .select({ body: lessons.body, bodyZh: lessons.bodyZh })
    .from(lessons)
    .where(eq(lessons.id, meta.id))
    .limit(1);
  const body = localized(locale, bodyEn, bodyZh);
  const sections = await getCourseOutline(course.id, locale);
  const flat = sections.flatMap((s) => s.lessons);
  const index = flat.findIndex((l) => l.id === meta.id);
  const completed = viewer
    ? (
        await db
          .select({ id: lessonProgress.lessonId })
          .from(lessonProgress)
          .where(and(eq(lessonProgress.userId, viewer.id), eq(lessonProgress.productId, course.id)))
      ).map((r) => r.id)
    : [];
  return {
    status: "granted",
    via: decision.via,
    course: { id: course.id, slug: course.slug, ...courseTitle, sections },
    lesson: { ...meta, body: body.text, ...(body.fallback ? { bodyFallback: body.lang } : {}) },
    previous: flat[index - 1] ?? null,
    next: flat[index + 1] ?? null,
    completedLessonIds: completed,
    canTrack: viewer !== null,
  };
}

/**
 * Where /learn/[course] should go: the first unfinished lesson for someone who may read the course,
 * the first preview lesson for everyone else, or null (no such course, or nothing to read).
 */
export async function entryLesson({
  courseSlug,
  viewer,
}: {
  courseSlug: string;
  viewer: Viewer;
}): Promise<{ lessonSlug: string } | { courseSlug: string } | null> {
  if (!SLUG.test(courseSlug)) return null;
  const course = await loadCourse(courseSlug);
  if (!course) return null;
  const fullAccess = Boolean(
    viewer && (viewer.role === "admin" || course.ownerId === viewer.id || (await isEnrolled(viewer.id, course.id))),
  );
  if (course.status !== "published" && !fullAccess) return null;
  const flat = (await getCourseOutline(course.id)).flatMap((s) => s.lessons);
  if (!fullAccess) {
    const preview = flat.find((l) => l.isPreview);
    return preview ? { lessonSlug: preview.slug } : { courseSlug: course.slug };
  }
  const db = await getDb();
  const done = new Set(
    viewer
      ? (
          await db
            .select({ id: lessonProgress.lessonId })
            .from(lessonProgress)
            .where(and(eq(lessonProgress.userId, viewer.id), eq(lessonProgress.productId, course.id)))
        ).map((r) => r.id)
      : [],
  );
  const next = flat.find((l) => !done.has(l.id)) ?? flat[0];
  return next ? { lessonSlug: next.slug } : { courseSlug: course.slug };
}

/** Marks a lesson done (or not) for a viewer who may read it; false when they may not. */
export async function setLessonComplete({
  viewer,
  courseSlug,
  lessonSlug,
  complete,
}: {
  viewer: NonNullable<Viewer>;
  courseSlug: string;
  lessonSlug: string;
  complete: boolean;
}): Promise<boolean> {
  const access = await openLesson({ courseSlug, lessonSlug, viewer });
  if (access.status !== "granted") return false;
  const db = await getDb();
  if (complete)
    await db
      .insert(lessonProgress)
      .values({ userId: viewer.id, lessonId: access.lesson.id, productId: access.course.id })
      .onConflictDoNothing();
  else
    await db
      .delete(lessonProgress)
      .where(and(eq(lessonProgress.userId, viewer.id), eq(lessonProgress.lessonId, access.lesson.id)));
  return true;
}

export type LearningItem = {
  productId: string;
  slug: string;
  title: string;
  completed: number;
  total: number;
  nextLessonSlug: string | null;
  lastActivity: Date;
};

/** The account page's "continue learning": every enrolled course with its progress, most recent first. */
export async function listContinueLearning({ userId }: { userId: string }): Promise<LearningItem[]> {
  const db = await getDb();
  const rows = await db
    .select({ productId: products.id, slug: products.slug, title: products.title, enrolledAt: enrollments.createdAt })
    .from(enrollments)
    .innerJoin(products, eq(products.id, enrollments.productId))
    .where(eq(enrollments.userId, userId))
    .orderBy(desc(enrollments.createdAt));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.productId);
  const totals = await db
    .select({ productId: lessons.productId, n: count() })
    .from(lessons)
    .where(inArray(lessons.productId, ids))
    .groupBy(lessons.productId);
  const progress = await db
    .select({ productId: lessonProgress.productId, n: count(), last: max(lessonProgress.completedAt) })
    .from(lessonProgress)
    .where(and(eq(lessonProgress.userId, userId), inArray(lessonProgress.productId, ids)))
    .groupBy(lessonProgress.productId);
  // First unfinished lesson per course, by position, in one query.
  const nextRows = await db
    .selectDistinctOn([lessons.productId], { productId: lessons.productId, slug: lessons.slug })
    .from(lessons)
    .where(
      and(
        inArray(lessons.productId, ids),
        sql`not exists (select 1 from ${lessonProgress} lp where lp.user_id = ${userId} and lp.lesson_id = ${lessons.id})`,
      ),
    )
    .orderBy(lessons.productId, asc(lessons.position));
  return rows
    .map((r) => {
      const p = progress.find((x) => x.productId === r.productId);
      return {
        productId: r.productId,
        slug: r.slug,
        title: r.title,
        completed: p?.n ?? 0,
        total: totals.find((x) => x.productId === r.productId)?.n ?? 0,
        nextLessonSlug: nextRows.find((x) => x.productId === r.productId)?.slug ?? null,
        lastActivity: p?.last && p.last > r.enrolledAt ? p.last : r.enrolledAt,
      };
    })
    .sort((a, b) => b.lastActivity.getTime() - a.lastActivity.getTime());
}
