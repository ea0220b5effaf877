import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabase, type Db } from "@/db/client";
import { artworkDetails, lessons, products } from "@/db/schema";
import { freshDatabase, type FreshDb } from "@/test/fresh-db";
import { placeOrder } from "./checkout";
import { createCreator, createUsers, fixtureTag, tolerateTeardown } from "./fixtures";
import { openLesson } from "./lessons";
import type { Actor } from "./ownership";
import {
  addLesson,
  addSection,
  deleteLesson,
  getStudioCourseStructure,
  renameSection,
  updateLesson,
} from "./studio-courses";
import { createStudioProduct, getStudioProduct, listStudioProducts, updateStudioProduct } from "./studio-products";

let fresh: FreshDb;
let db: Db;
const tag = fixtureTag();
let alice: Actor;
let bob: Actor;
let consumer: Actor;
let admin: Actor;
let noProfile: Actor;

const course = {
  title: "Studio course",
  subtitle: "s",
  description: "d",
  priceAmount: 4_900,
  level: "beginner" as const,
  status: "published" as const,
};
const artwork = {
  title: "Studio piece",
  medium: "Ink",
  widthMm: 300,
  heightMm: 400,
  year: 2025,
  editionSize: 5,
  stock: 5,
  priceAmount: 20_000,
  status: "published" as const,
};
const lesson = { title: "Getting started", durationMinutes: 10, isPreview: false, body: "## Hello\n\nSTUDIO-SECRET" };

beforeAll(async () => {
  fresh = await freshDatabase();
  db = fresh.db;
  tolerateTeardown(db);
  useDatabase({ db, driver: fresh.driver, close: fresh.dispose });
  alice = { id: (await createCreator(db, tag, 0)).userId, role: "creator" };
  bob = { id: (await createCreator(db, tag, 1)).userId, role: "creator" };
  consumer = { id: (await createUsers(db, `${tag}c`, 1))[0]!, role: "consumer" };
  admin = { id: (await createUsers(db, `${tag}a`, 1, "admin"))[0]!, role: "admin" };
  noProfile = { id: (await createUsers(db, `${tag}n`, 1, "creator"))[0]!, role: "creator" };
});
afterAll(() => fresh?.dispose());

const idOf = (r: { ok: boolean; id?: string }) => {
  if (!r.ok || !r.id) throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r.id;
};

describe("studio products", () => {
  it("creates products under the creator's own profile, and refuses everyone else", async () => {
    const id = idOf(await createStudioProduct(alice, { kind: "course", fields: course }));
    expect((await listStudioProducts(alice)).map((p) => p.id)).toContain(id);
    expect((await listStudioProducts(bob)).map((p) => p.id)).not.toContain(id);
    expect(await createStudioProduct(consumer, { kind: "course", fields: course })).toEqual({
      ok: false,
      code: "forbidden",
    });
    expect(await createStudioProduct(noProfile, { kind: "course", fields: course })).toEqual({
      ok: false,
      code: "no_creator_profile",
    });
    expect(await createStudioProduct(alice, { kind: "artwork", fields: { ...artwork, stock: 6 } })).toMatchObject({
      ok: false,
      code: "invalid",
      field: "stock",
    });
    expect(
      await createStudioProduct(alice, { kind: "artwork", fields: { ...artwork, priceAmount: -1 } }),
    ).toMatchObject({ ok: false, code: "invalid", field: "priceAmount" });
    expect(await createStudioProduct(alice, { kind: "course", fields: { ...course, title: "" } })).toMatchObject({
      ok: false,
      code: "invalid",
      field: "title",
    });
  });

  it("lets only the owner (or an admin) edit a product; others change nothing", async () => {
    const id = idOf(await createStudioProduct(alice, { kind: "artwork", fields: artwork }));
    const edit = {
      kind: "artwork" as const,
      fields: { ...artwork, title: "Hijacked", priceAmount: 1 },
      expectedStock: 5,
    };
    expect(await updateStudioProduct(bob, id, edit)).toEqual({ ok: false, code: "forbidden" });
    expect(await updateStudioProduct(consumer, id, edit)).toEqual({ ok: false, code: "forbidden" });
    expect(await updateStudioProduct(bob, randomUUID(), edit)).toEqual({ ok: false, code: "forbidden" });
    expect(await getStudioProduct(bob, id)).toBeNull();
    expect((await db.select().from(products).where(eq(products.id, id)))[0]).toMatchObject({
      title: "Studio piece",
      priceAmount: 20_000,
    });
    expect(
      idOf(
        await updateStudioProduct(alice, id, {
          ...edit,
          fields: { ...artwork, title: "Renamed", priceAmount: 25_000 },
        }),
      ),
    ).toBe(id);
    expect(
      idOf(
        await updateStudioProduct(admin, id, {
          ...edit,
          fields: { ...artwork, title: "Admin fix", priceAmount: 25_000 },
        }),
      ),
    ).toBe(id);
    expect(await getStudioProduct(alice, id)).toMatchObject({
      title: "Admin fix",
      priceAmount: 25_000,
      artwork: { editionSize: 5, stock: 5 },
    });
  });

  it("refuses a stock edit made on a stale view, so sold pieces are not put back on sale", async () => {
    const id = idOf(await createStudioProduct(alice, { kind: "artwork", fields: artwork }));
    const [buyer] = await createUsers(db, `${tag}b`, 1);
    expect(
      (
        await placeOrder({
          userId: buyer!,
          lines: [{ productId: id, quantity: 2 }],
          idempotencyKey: `studio-${randomUUID()}`,
        })
      ).ok,
    ).toBe(true);
    expect(await updateStudioProduct(alice, id, { kind: "artwork", fields: artwork, expectedStock: 5 })).toEqual({
      ok: false,
      code: "conflict",
      field: "stock",
    });
    expect((await db.select().from(artworkDetails).where(eq(artworkDetails.productId, id)))[0]?.stock).toBe(3);
    expect((await getStudioProduct(alice, id))?.soldPieces).toBe(2);
    expect(
      idOf(
        await updateStudioProduct(alice, id, {
          kind: "artwork",
          fields: { ...artwork, editionSize: 5, stock: 2 },
          expectedStock: 3,
        }),
      ),
    ).toBe(id);
  });
});

describe("studio course structure", () => {
  it("builds sections and lessons in reading order, only for the course's owner", async () => {
    const productId = idOf(await createStudioProduct(alice, { kind: "course", fields: course }));
    const s1 = idOf(await addSection(alice, productId, { title: "Basics" }));
    const s2 = idOf(await addSection(alice, productId, { title: "Advanced" }));
    const l3 = idOf(await addLesson(alice, s2, { ...lesson, title: "Deep dive" }));
    const l1 = idOf(await addLesson(alice, s1, { ...lesson, isPreview: true }));
    const l2 = idOf(await addLesson(alice, s1, lesson));
    let structure = await getStudioCourseStructure(alice, productId);
    expect(structure?.map((s) => [s.title, s.lessons.map((l) => [l.id, l.position, l.slug])])).toEqual([
      [
        "Basics",
        [
          [l1, 1, "getting-started"],
          [l2, 2, "getting-started-2"],
        ],
      ],
      ["Advanced", [[l3, 3, "deep-dive"]]],
    ]);

    expect(await addSection(bob, productId, { title: "Mine now" })).toEqual({ ok: false, code: "forbidden" });
    expect(await addLesson(bob, s1, lesson)).toEqual({ ok: false, code: "forbidden" });
    expect(await updateLesson(bob, l1, { ...lesson, body: "defaced" })).toEqual({ ok: false, code: "forbidden" });
    expect(await deleteLesson(bob, l1)).toEqual({ ok: false, code: "forbidden" });
    expect(await renameSection(consumer, s1, { title: "x" })).toEqual({ ok: false, code: "forbidden" });
    expect(await getStudioCourseStructure(bob, productId)).toBeNull();
    expect(await addLesson(alice, s1, { ...lesson, durationMinutes: 0 })).toMatchObject({
      ok: false,
      code: "invalid",
      field: "durationMinutes",
    });
    expect(await addLesson(alice, randomUUID(), lesson)).toEqual({ ok: false, code: "not_found" });

    idOf(await deleteLesson(alice, l1));
    structure = await getStudioCourseStructure(alice, productId);
    expect(structure?.flatMap((s) => s.lessons.map((l) => [l.id, l.position]))).toEqual([
      [l2, 1],
      [l3, 2],
    ]);
    expect((await db.select().from(lessons).where(eq(lessons.productId, productId))).length).toBe(2);
  });

  it("publishes a course whose preview flag the lesson gate honours", async () => {
    const productId = idOf(
      await createStudioProduct(alice, { kind: "course", fields: { ...course, title: "Gate check" } }),
    );
    const section = idOf(await addSection(alice, productId, { title: "Only" }));
    const lessonId = idOf(await addLesson(alice, section, lesson));
    const slug = (await getStudioProduct(alice, productId))!.slug;
    expect(await openLesson({ courseSlug: slug, lessonSlug: "getting-started", viewer: null })).toMatchObject({
      status: "denied",
    });
    idOf(await updateLesson(alice, lessonId, { ...lesson, isPreview: true }));
    const open = await openLesson({ courseSlug: slug, lessonSlug: "getting-started", viewer: null });
    expect(open.status === "granted" && open.lesson.body).toContain("STUDIO-SECRET");
  });
});
