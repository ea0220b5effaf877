/**
 * What taking a product off sale (draft or archived) does to what was sold before and to bundles:
 * buyers keep the courses they paid for; a bundle whose item was withdrawn can no longer be bought.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabase, type Db } from "@/db/client";
import { artworkDetails, orders, products } from "@/db/schema";
import { freshDatabase, type FreshDb } from "@/test/fresh-db";
import { addToCart, getCart } from "./cart";
import {
  createArtwork,
  createBundle,
  createCourse,
  createCreator,
  createUsers,
  fixtureTag,
  placeAndPay,
  tolerateTeardown,
} from "./fixtures";
import { entryLesson, openLesson } from "./lessons";

let fresh: FreshDb;
let db: Db;
const tag = fixtureTag();
let creatorId: string;
let buyer: string;
let stranger: string;

beforeAll(async () => {
  fresh = await freshDatabase();
  db = fresh.db;
  tolerateTeardown(db);
  useDatabase({ db, driver: fresh.driver, close: fresh.dispose });
  ({ creatorId } = await createCreator(db, tag));
  [buyer, stranger] = (await createUsers(db, tag, 2)) as [string, string];
});
afterAll(() => fresh?.dispose());

const setStatus = (id: string, status: "draft" | "archived" | "published") =>
  db.update(products).set({ status }).where(eq(products.id, id));

describe("a course taken off sale", () => {
  it("stays readable for the buyers who paid for it, and for nobody else", async () => {
    const course = await createCourse(db, tag, { creatorId });
    expect(
      (
        await placeAndPay(db, {
          userId: buyer,
          lines: [{ productId: course.productId, quantity: 1 }],
          idempotencyKey: `wd-${randomUUID()}`,
        })
      ).ok,
    ).toBe(true);
    const paid = course.lessonSlugs[2]!;
    for (const status of ["archived", "draft"] as const) {
      await setStatus(course.productId, status);
      const mine = await openLesson({
        courseSlug: course.slug,
        lessonSlug: paid,
        viewer: { id: buyer, role: "consumer" },
      });
      expect(mine).toMatchObject({ status: "granted", via: "enrolled" });
      expect(mine.status === "granted" && mine.lesson.body).toContain(`SECRET-BODY-${course.productId}-3`);
      expect(await entryLesson({ courseSlug: course.slug, viewer: { id: buyer, role: "consumer" } })).toEqual({
        lessonSlug: course.lessonSlugs[0],
      });
      // Not even the free preview is public once the course is off sale.
      expect(
        await openLesson({
          courseSlug: course.slug,
          lessonSlug: course.lessonSlugs[0]!,
          viewer: { id: stranger, role: "consumer" },
        }),
      ).toEqual({ status: "not_found" });
      expect(await openLesson({ courseSlug: course.slug, lessonSlug: paid, viewer: null })).toEqual({
        status: "not_found",
      });
      expect(await entryLesson({ courseSlug: course.slug, viewer: { id: stranger, role: "consumer" } })).toBeNull();
    }
  });
});

describe("a bundle whose item was withdrawn", () => {
  it("cannot be added to a cart or ordered, and the stock of its other items is untouched", async () => {
    const course = await createCourse(db, tag, { creatorId });
    const artwork = await createArtwork(db, tag, { creatorId, editionSize: 5 });
    const bundle = await createBundle(db, tag, { creatorId, items: [course.productId, artwork] });
    const [a, b] = (await createUsers(db, `${tag}x`, 2)) as [string, string];
    // Put in a cart while everything was on sale.
    expect(await addToCart({ userId: a }, bundle)).toEqual({ ok: true });
    await setStatus(course.productId, "archived");

    expect(await addToCart({ userId: b }, bundle)).toEqual({ ok: false, code: "not_found" });
    expect((await getCart({ userId: a })).lines).toMatchObject([{ productId: bundle, maxQuantity: 0 }]);
    const result = await placeAndPay(db, {
      userId: a,
      lines: [{ productId: bundle, quantity: 1 }],
      idempotencyKey: `wd-${randomUUID()}`,
    });
    expect(result).toMatchObject({ ok: false, code: "not_found" });
    expect(
      (
        await db
          .select({ stock: artworkDetails.stock })
          .from(artworkDetails)
          .where(eq(artworkDetails.productId, artwork))
      )[0]!.stock,
    ).toBe(5);
    expect(await db.select().from(orders).where(eq(orders.userId, a))).toHaveLength(0);

    // Back on sale, the bundle sells again.
    await setStatus(course.productId, "published");
    expect(
      (
        await placeAndPay(db, {
          userId: a,
          lines: [{ productId: bundle, quantity: 1 }],
          idempotencyKey: `wd-${randomUUID()}`,
        })
      ).ok,
    ).toBe(true);
  });
});
