import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count } from "drizzle-orm";
import { useDatabase, type Db } from "@/db/client";
import { lessonProgress } from "@/db/schema";
import { freshDatabase, type FreshDb } from "@/test/fresh-db";
import { createCourse, createCreator, createUsers, fixtureTag, placeAndPay, tolerateTeardown } from "./fixtures";
import { decideLessonAccess, entryLesson, listContinueLearning, openLesson, setLessonComplete } from "./lessons";

let fresh: FreshDb;
let db: Db;
const tag = fixtureTag();
let course: Awaited<ReturnType<typeof createCourse>>;
let draft: Awaited<ReturnType<typeof createCourse>>;
let other: Awaited<ReturnType<typeof createCourse>>;
let owner: string;
let buyer: string;
let otherBuyer: string;
let admin: string;

beforeAll(async () => {
  fresh = await freshDatabase();
  db = fresh.db;
  tolerateTeardown(db);
  useDatabase({ db, driver: fresh.driver, close: fresh.dispose });
  const creator = await createCreator(db, tag);
  owner = creator.userId;
  course = await createCourse(db, tag, { creatorId: creator.creatorId });
  other = await createCourse(db, tag, { creatorId: creator.creatorId });
  draft = await createCourse(db, tag, { creatorId: creator.creatorId, status: "draft" });
  [buyer, otherBuyer] = (await createUsers(db, `${tag}b`, 2)) as [string, string];
  [admin] = (await createUsers(db, `${tag}a`, 1, "admin")) as [string];
  expect(
    (
      await placeAndPay(db, {
        userId: buyer,
        lines: [{ productId: course.productId, quantity: 1 }],
        idempotencyKey: `${tag}-order-1`,
      })
    ).ok,
  ).toBe(true);
  expect(
    (
      await placeAndPay(db, {
        userId: otherBuyer,
        lines: [{ productId: other.productId, quantity: 1 }],
        idempotencyKey: `${tag}-order-2`,
      })
    ).ok,
  ).toBe(true);
});
afterAll(() => fresh?.dispose());

const secret = (c: { productId: string }, n: number) => `SECRET-BODY-${c.productId}-${n}`;

describe("decideLessonAccess", () => {
  const none = { signedIn: false, isAdmin: false, isCreator: false, isEnrolled: false, isPreview: false };
  it("lets admins, the creator, enrolled buyers and preview readers in, and nobody else", () => {
    expect(decideLessonAccess({ ...none, signedIn: true, isAdmin: true })).toEqual({ allowed: true, via: "admin" });
    expect(decideLessonAccess({ ...none, signedIn: true, isCreator: true })).toEqual({ allowed: true, via: "creator" });
    expect(decideLessonAccess({ ...none, signedIn: true, isEnrolled: true })).toEqual({
      allowed: true,
      via: "enrolled",
    });
    expect(decideLessonAccess({ ...none, isPreview: true })).toEqual({ allowed: true, via: "preview" });
    expect(decideLessonAccess(none)).toEqual({ allowed: false, reason: "sign_in" });
    expect(decideLessonAccess({ ...none, signedIn: true })).toEqual({ allowed: false, reason: "purchase" });
  });
});

describe("openLesson", () => {
  const paid = () => ({ courseSlug: course.slug, lessonSlug: course.lessonSlugs[1]! });

  it("never hands a paid lesson's body to an anonymous visitor or a buyer of another course", async () => {
    const anon = await openLesson({ ...paid(), viewer: null });
    expect(anon).toMatchObject({ status: "denied", reason: "sign_in", course: { slug: course.slug } });
    expect(JSON.stringify(anon)).not.toContain("SECRET-BODY");
    const stranger = await openLesson({ ...paid(), viewer: { id: otherBuyer, role: "consumer" } });
    expect(stranger).toMatchObject({ status: "denied", reason: "purchase" });
    expect(JSON.stringify(stranger)).not.toContain("SECRET-BODY");
  });

  it("opens a paid lesson for its buyer, its creator and an admin", async () => {
    for (const viewer of [
      { id: buyer, role: "consumer" as const },
      { id: owner, role: "creator" as const },
      { id: admin, role: "admin" as const },
    ]) {
      const access = await openLesson({ ...paid(), viewer });
      expect(access.status).toBe("granted");
      if (access.status === "granted") expect(access.lesson.body).toContain(secret(course, 2));
    }
  });

  it("opens a free preview lesson for anyone", async () => {
    const access = await openLesson({ courseSlug: course.slug, lessonSlug: course.lessonSlugs[0]!, viewer: null });
    expect(access).toMatchObject({ status: "granted", via: "preview", canTrack: false });
    if (access.status === "granted") expect(access.lesson.body).toContain(secret(course, 1));
  });

  it("hides drafts from everyone but their creator and admins, and unknown or malformed slugs from all", async () => {
    const lessonSlug = draft.lessonSlugs[0]!;
    expect(await openLesson({ courseSlug: draft.slug, lessonSlug, viewer: null })).toEqual({ status: "not_found" });
    expect(await openLesson({ courseSlug: draft.slug, lessonSlug, viewer: { id: buyer, role: "consumer" } })).toEqual({
      status: "not_found",
    });
    expect(
      (await openLesson({ courseSlug: draft.slug, lessonSlug, viewer: { id: owner, role: "creator" } })).status,
    ).toBe("granted");
    expect(
      await openLesson({ courseSlug: course.slug, lessonSlug: "99-nope", viewer: { id: admin, role: "admin" } }),
    ).toEqual({ status: "not_found" });
    expect(await openLesson({ courseSlug: "../etc/passwd", lessonSlug: "x", viewer: null })).toEqual({
      status: "not_found",
    });
    expect(await openLesson({ courseSlug: course.slug, lessonSlug: "A B", viewer: null })).toEqual({
      status: "not_found",
    });
  });
});

describe("progress", () => {
  it("records completion only for readers, and continue-learning points at the next lesson", async () => {
    const before = (await db.select({ n: count() }).from(lessonProgress))[0]!.n;
    expect(
      await setLessonComplete({
        viewer: { id: otherBuyer, role: "consumer" },
        courseSlug: course.slug,
        lessonSlug: course.lessonSlugs[1]!,
        complete: true,
      }),
    ).toBe(false);
    expect((await db.select({ n: count() }).from(lessonProgress))[0]!.n).toBe(before);

    expect(
      await setLessonComplete({
        viewer: { id: buyer, role: "consumer" },
        courseSlug: course.slug,
        lessonSlug: course.lessonSlugs[0]!,
        complete: true,
      }),
    ).toBe(true);
    expect(
      await setLessonComplete({
        viewer: { id: buyer, role: "consumer" },
        courseSlug: course.slug,
        lessonSlug: course.lessonSlugs[0]!,
        complete: true,
      }),
    ).toBe(true);
    const [item] = await listContinueLearning({ userId: buyer });
    expect(item).toMatchObject({ slug: course.slug, completed: 1, total: 4, nextLessonSlug: course.lessonSlugs[1] });
    expect(await entryLesson({ courseSlug: course.slug, viewer: { id: buyer, role: "consumer" } })).toEqual({
      lessonSlug: course.lessonSlugs[1],
    });
    expect(await entryLesson({ courseSlug: course.slug, viewer: null })).toEqual({ lessonSlug: course.lessonSlugs[0] });

    expect(
      await setLessonComplete({
        viewer: { id: buyer, role: "consumer" },
        courseSlug: course.slug,
        lessonSlug: course.lessonSlugs[0]!,
        complete: false,
      }),
    ).toBe(true);
    expect((await listContinueLearning({ userId: buyer }))[0]).toMatchObject({
      completed: 0,
      nextLessonSlug: course.lessonSlugs[0],
    });
  });
});
