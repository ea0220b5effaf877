/**
 * Every commerce server action is a public endpoint: malformed input must come back as a clear
 * FormState error (or result code), never a thrown error (a 500), and write nothing.
 */
import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { cartItems, carts, courseSections, lessonProgress, lessons, offers, orders, products } from "@/db/schema";
import type { AccountUser } from "@/lib/auth/accounts";
import { createArtwork, createCourse, createCreator, createUsers, fixtureTag } from "@/lib/commerce/fixtures";
import { setUpFixtureDatabase } from "@/test/fixture-db";
import { signInAs } from "@/test/session-mock";

const session = vi.hoisted(() => ({ cookies: new Map<string, string>() }));
vi.mock("@/lib/server/session", () => import("@/test/session-mock"));
vi.mock("next/cache", () => ({ refresh: () => undefined, revalidatePath: () => undefined }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (session.cookies.has(name) ? { name, value: session.cookies.get(name) } : undefined),
    set: (c: { name: string; value: string }) => session.cookies.set(c.name, c.value),
  }),
}));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`NEXT_REDIRECT ${url}`);
  },
}));

const { addToCartAction, setCartQuantityAction } = await import("./cart");
const { placeOrderAction } = await import("./checkout");
const { makeOfferAction, respondToOfferAction, buyerOfferAction } = await import("./offers");
const { setLessonCompleteAction } = await import("./learn");
const studio = await import("./studio-products");

let db: Db;
const tag = fixtureTag();
let consumer: AccountUser;
let creator: AccountUser;
let otherCreator: AccountUser;
let artwork: string;
let course: Awaited<ReturnType<typeof createCourse>>;

setUpFixtureDatabase(tag, async (fx) => {
  db = fx.db;
  const mine = fx.creator;
  const theirs = await createCreator(db, tag, 1);
  creator = { id: mine.userId, email: "c@x", name: "C", role: "creator" };
  otherCreator = { id: theirs.userId, email: "o@x", name: "O", role: "creator" };
  consumer = { id: (await createUsers(db, tag, 1))[0]!, email: "u@x", name: "U", role: "consumer" };
  artwork = await createArtwork(db, tag, { creatorId: mine.creatorId, editionSize: 3, priceAmount: 10_000 });
  course = await createCourse(db, tag, { creatorId: mine.creatorId });
});

const form = (fields: Record<string, string | undefined>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) fd.set(k, v);
  return fd;
};

async function rowCounts() {
  const tables = { cartItems, carts, orders, offers, products, courseSections, lessons, lessonProgress };
  const out: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) out[name] = (await db.select({ n: count() }).from(table))[0]!.n;
  return out;
}

describe("commerce actions with malformed input", () => {
  it("answer with an error and write nothing", async () => {
    const before = await rowCounts();
    const bad = ["", "-1", "0", "1e12", "abc", "9".repeat(400)];

    signInAs(null);
    for (const quantity of bad)
      expect(await addToCartAction(null, form({ productId: artwork, quantity }))).toMatchObject({ ok: false });
    expect(await addToCartAction(null, form({}))).toMatchObject({ ok: false, error: "invalid_input" });
    expect(await addToCartAction(null, form({ productId: randomUUID() }))).toMatchObject({
      ok: false,
      error: "cart.errors.not_found",
    });
    expect(await placeOrderAction(null, form({ idempotencyKey: randomUUID() }))).toMatchObject({
      ok: false,
      error: "sign_in_required",
    });
    expect(await makeOfferAction(null, form({ productId: artwork, amount: "50" }))).toMatchObject({
      ok: false,
      error: "sign_in_required",
    });
    expect(
      await studio.createProductAction(null, form({ kind: "course", title: "x", price: "1", level: "beginner" })),
    ).toMatchObject({ ok: false, error: "sign_in_required" });

    signInAs(consumer);
    for (const [productId, quantity] of [
      [artwork, "x"],
      [artwork, "-3"],
      [artwork, "101"],
      [randomUUID(), "1"],
      ["", "1"],
      [{ toString: () => "obj" }, 1],
    ] as const)
      expect(await setCartQuantityAction(productId, quantity)).toMatchObject({ ok: false });
    for (const fields of [
      {},
      { idempotencyKey: "short" },
      { idempotencyKey: randomUUID() },
      { idempotencyKey: randomUUID() },
    ])
      expect(await placeOrderAction(null, form(fields))).toMatchObject({ ok: false });
    for (const amount of ["", "abc", "-5", "0", "99999999999", "100", "1.234"])
      expect(await makeOfferAction(null, form({ productId: artwork, amount }))).toMatchObject({ ok: false });
    expect(await makeOfferAction(null, form({ productId: randomUUID(), amount: "10" }))).toMatchObject({
      ok: false,
      error: "offers.errors.not_found",
    });
    expect(await makeOfferAction(null, form({ productId: course.productId, amount: "10" }))).toMatchObject({
      ok: false,
      error: "offers.errors.not_found",
    });
    expect(await respondToOfferAction(null, form({ offerId: randomUUID(), response: "accept" }))).toMatchObject({
      ok: false,
      error: "forbidden",
    });
    expect(await buyerOfferAction(null, form({ offerId: randomUUID(), response: "accept" }))).toMatchObject({
      ok: false,
      error: "offers.errors.not_found",
    });
    expect(await buyerOfferAction(null, form({ offerId: randomUUID(), response: "steal" }))).toMatchObject({
      ok: false,
      error: "invalid_input",
    });
    for (const fields of [
      {},
      { courseSlug: course.slug, lessonSlug: course.lessonSlugs[1]!, complete: "1" },
      { courseSlug: "../x", lessonSlug: "y", complete: "1" },
      { courseSlug: course.slug, lessonSlug: course.lessonSlugs[0]!, complete: "maybe" },
    ])
      expect(await setLessonCompleteAction(null, form(fields))).toMatchObject({ ok: false });
    expect(await studio.addSectionAction(null, form({ productId: course.productId, title: "x" }))).toMatchObject({
      ok: false,
      error: "forbidden",
    });

    signInAs(otherCreator);
    const artworkEdit = {
      kind: "artwork",
      productId: artwork,
      title: "Mine",
      price: "1",
      medium: "Ink",
      widthCm: "10",
      heightCm: "10",
      year: "2020",
      editionSize: "3",
      stock: "3",
      expectedStock: "3",
    };
    expect(await studio.updateProductAction(null, form(artworkEdit))).toMatchObject({
      ok: false,
      error: "studioProducts.errors.forbidden",
    });
    expect(await studio.addSectionAction(null, form({ productId: course.productId, title: "x" }))).toMatchObject({
      ok: false,
      error: "studioProducts.errors.forbidden",
    });
    expect(
      await studio.addLessonAction(
        null,
        form({ sectionId: randomUUID(), productId: course.productId, title: "x", durationMinutes: "5" }),
      ),
    ).toMatchObject({ ok: false, error: "studioProducts.errors.not_found" });
    expect(
      await studio.deleteLessonAction(null, form({ lessonId: randomUUID(), productId: course.productId })),
    ).toMatchObject({ ok: false });

    signInAs(creator);
    const artworkNew = {
      kind: "artwork",
      title: "New",
      price: "100",
      medium: "Ink",
      widthCm: "10",
      heightCm: "10",
      year: "2020",
      editionSize: "3",
      stock: "3",
    };
    for (const override of [
      { price: "abc" },
      { price: "-1" },
      { editionSize: "-1" },
      { stock: "x" },
      { stock: "4" },
      { widthCm: "0" },
      { year: "20000" },
      { title: "" },
      { kind: "bundle" },
      { status: "deleted" },
      { currency: "ZZZ" },
      { currency: "usd" },
      { title: "Ink\u0000" },
    ])
      expect(await studio.createProductAction(null, form({ ...artworkNew, ...override }))).toMatchObject({ ok: false });
    expect(await studio.updateProductAction(null, form({ ...artworkEdit, expectedStock: "abc" }))).toMatchObject({
      ok: false,
    });
    // A currency nobody can pay in, even on the creator's own work: refused, the price stays as it was.
    expect(await studio.updateProductAction(null, form({ ...artworkEdit, currency: "ZZZ" }))).toMatchObject({
      ok: false,
      fieldErrors: { currency: "invalid_currency" },
    });
    expect(await studio.updateProductAction(null, form({ ...artworkEdit, description: "a\u0000b" }))).toMatchObject({
      ok: false,
      fieldErrors: { description: "text_invalid_characters" },
    });
    expect(await studio.updateProductAction(null, form({ ...artworkEdit, productId: randomUUID() }))).toMatchObject({
      ok: false,
      error: "studioProducts.errors.forbidden",
    });
    expect(
      await studio.addLessonAction(
        null,
        form({ sectionId: randomUUID(), productId: course.productId, title: "x", durationMinutes: "abc" }),
      ),
    ).toMatchObject({ ok: false, error: "invalid_input" });
    expect(await studio.renameSectionAction(null, form({ sectionId: randomUUID(), title: "" }))).toMatchObject({
      ok: false,
    });

    expect(await rowCounts()).toEqual(before);
    const [stored] = await db
      .select({ title: products.title, currency: products.currency })
      .from(products)
      .where(eq(products.id, artwork));
    expect(stored).toMatchObject({ currency: "USD" });
    expect(stored?.title).not.toBe("Mine");
  });
});
