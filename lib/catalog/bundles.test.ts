import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { products } from "@/db/schema";
import { createArtwork, createBundle, createCourse, fixtureTag } from "@/lib/commerce/fixtures";
import { setUpFixtureDatabase } from "@/test/fixture-db";
import { getBundleBySlug } from "./products";

let db: Db;
const tag = fixtureTag();
let creatorId: string;
let courseId: string;
let artworkId: string;

setUpFixtureDatabase(tag, async (fx) => {
  db = fx.db;
  creatorId = fx.creator.creatorId;
  courseId = (await createCourse(db, tag, { creatorId, priceAmount: 8_900 })).productId;
  artworkId = await createArtwork(db, tag, { creatorId, priceAmount: 43_000, editionSize: 20 });
});

async function slugOf(id: string): Promise<string> {
  const [row] = await db.select({ slug: products.slug }).from(products).where(eq(products.id, id));
  return row!.slug;
}

describe("getBundleBySlug", () => {
  it("shows a published bundle with its items, the sum of their list prices and the saving", async () => {
    const id = await createBundle(db, tag, { creatorId, items: [artworkId, courseId], priceAmount: 44_900 });
    const bundle = await getBundleBySlug({ slug: await slugOf(id) });
    expect(bundle).toMatchObject({
      id,
      kind: "bundle",
      priceAmount: 44_900,
      currency: "USD",
      itemsTotal: 51_900,
      saving: 7_000,
      complete: true,
    });
    // Courses first, then artworks; each item is a card that links to its own page.
    expect(bundle!.items.map((i) => [i.id, i.kind])).toEqual([
      [courseId, "course"],
      [artworkId, "artwork"],
    ]);
    expect(bundle!.items[1]).toMatchObject({ priceAmount: 43_000, editionSize: 20, stock: 20 });
  });

  it("reports no saving (never a negative one) for a bundle priced above its items", async () => {
    const id = await createBundle(db, tag, { creatorId, items: [artworkId, courseId], priceAmount: 60_000 });
    expect(await getBundleBySlug({ slug: await slugOf(id) })).toMatchObject({ itemsTotal: 51_900, saving: 0 });
  });

  it("finds nothing for unknown, malformed, draft or archived bundles, or for another kind's slug", async () => {
    const draft = await createBundle(db, tag, { creatorId, items: [artworkId, courseId], status: "draft" });
    const archived = await createBundle(db, tag, { creatorId, items: [artworkId, courseId], status: "archived" });
    expect(await getBundleBySlug({ slug: await slugOf(draft) })).toBeNull();
    expect(await getBundleBySlug({ slug: await slugOf(archived) })).toBeNull();
    expect(await getBundleBySlug({ slug: `${tag}-no-such-bundle` })).toBeNull();
    expect(await getBundleBySlug({ slug: "Not A Slug/../x" })).toBeNull();
    expect(await getBundleBySlug({ slug: await slugOf(courseId) })).toBeNull();
  });

  it("marks a bundle whose item was withdrawn from sale as incomplete, without that item", async () => {
    const course = await createCourse(db, tag, { creatorId, priceAmount: 5_000 });
    const id = await createBundle(db, tag, { creatorId, items: [artworkId, course.productId], priceAmount: 40_000 });
    await db.update(products).set({ status: "archived" }).where(eq(products.id, course.productId));
    const bundle = await getBundleBySlug({ slug: await slugOf(id) });
    expect(bundle).toMatchObject({ complete: false, itemsTotal: 43_000 });
    expect(bundle!.items.map((i) => i.id)).toEqual([artworkId]);
  });
});
