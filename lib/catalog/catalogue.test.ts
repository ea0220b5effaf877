import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabase } from "@/db/client";
import { freshDatabase, type FreshDb } from "@/test/fresh-db";
import { getArtworkBySlug, getCourseBySlug, getCreatorBySlug } from "./products";
import { listCatalogue, listNewestProducts, listProductsByCreator } from "./queries";
import { parseCatalogueParams } from "./search-params";

let fresh: FreshDb;

beforeAll(async () => {
  fresh = await freshDatabase({ seed: true });
  useDatabase({ db: fresh.db, driver: fresh.driver, close: fresh.dispose });
});
afterAll(() => fresh?.dispose());

const artworks = (params: Record<string, string | string[]>) =>
  listCatalogue({ locale: "en", kind: "artwork", filters: parseCatalogueParams(params) });
const courses = (params: Record<string, string | string[]>) =>
  listCatalogue({ locale: "en", kind: "course", filters: parseCatalogueParams(params) });

describe("catalogue listing", () => {
  it("lists the seeded catalogue in pages of twelve", async () => {
    const all = await artworks({});
    expect(all.total).toBeGreaterThanOrEqual(80);
    expect(all.items).toHaveLength(12);
    expect(all.pageCount).toBe(Math.ceil(all.total / 12));
    expect((await courses({})).total).toBeGreaterThanOrEqual(40);
  });

  it("pages without overlap and clamps a page past the end to the last one", async () => {
    const [p1, p2] = await Promise.all([artworks({ page: "1" }), artworks({ page: "2" })]);
    const ids1 = new Set(p1.items.map((i) => i.id));
    expect(p2.items.some((i) => ids1.has(i.id))).toBe(false);
    const beyond = await artworks({ page: "9999" });
    expect(beyond.page).toBe(beyond.pageCount);
    expect(beyond.items.length).toBeGreaterThan(0);
  });

  it("finds artworks by full-text search over the title, stemming included", async () => {
    const [target] = (await artworks({ sort: "price_desc" })).items;
    const word = target!.title
      .split(/\W+/)
      .filter((w) => w.length >= 5)
      .sort((a, b) => b.length - a.length)[0]!;
    const found = await listCatalogue({
      locale: "en",
      kind: "artwork",
      filters: parseCatalogueParams({ q: `${word.toLowerCase()}s` }),
      pageSize: 100,
    });
    expect(found.items.map((i) => i.id)).toContain(target!.id);
    expect((await artworks({ q: "zzqxj-no-such-word" })).total).toBe(0);
  });

  it("finds a creator's works by her name and tagged works by the tag's Chinese name", async () => {
    const search = async (kind: "course" | "artwork", params: Record<string, string>) =>
      (await listCatalogue({ locale: "en", kind, filters: parseCatalogueParams(params), pageSize: 200 })).items.map(
        (i) => i.id,
      );
    const lin = await getCreatorBySlug({ slug: "lin-mei" });
    const works = await listProductsByCreator({ locale: "en", creatorId: lin!.id });
    expect(works.length).toBeGreaterThan(0);
    const byName = [...(await search("course", { q: "Lin Mei" })), ...(await search("artwork", { q: "Lin Mei" }))];
    for (const work of works.filter((w) => w.kind !== "bundle")) expect(byName).toContain(work.id);
    const tagged = await search("artwork", { tag: "shan-shui" });
    expect(tagged.length).toBeGreaterThan(0);
    expect(await search("artwork", { q: "山水" })).toEqual(expect.arrayContaining(tagged));
  });

  it("filters by tag facet and counts the other tags", async () => {
    const all = await artworks({});
    const facet = all.tagFacets[0]!;
    const tagged = await artworks({ tag: facet.slug });
    expect(tagged.total).toBe(facet.count);
    expect(tagged.total).toBeLessThan(all.total);
  });

  it("filters by price range in minor units", async () => {
    const page = await artworks({ min: "100", max: "500", sort: "price_asc" });
    expect(page.total).toBeGreaterThan(0);
    for (const item of page.items) {
      expect(item.priceAmount).toBeGreaterThanOrEqual(10_000);
      expect(item.priceAmount).toBeLessThanOrEqual(50_000);
    }
    const prices = page.items.map((i) => i.priceAmount);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
  });

  it("filters artworks by medium, availability and edition", async () => {
    const all = await artworks({});
    const medium = all.mediumFacets[0]!;
    const byMedium = await artworks({ medium: medium.value });
    expect(byMedium.total).toBe(medium.count);
    for (const item of byMedium.items) expect(item.medium).toBe(medium.value);
    for (const item of (await artworks({ edition: "unique" })).items) expect(item.editionSize).toBe(1);
    for (const item of (await artworks({ edition: "edition" })).items) expect(item.editionSize).toBeGreaterThan(1);
    for (const item of (await artworks({ availability: "available" })).items) expect(item.stock).toBeGreaterThan(0);
  });

  it("filters courses by level and sorts by price descending", async () => {
    const page = await courses({ level: "beginner", sort: "price_desc" });
    expect(page.total).toBeGreaterThan(0);
    for (const item of page.items) expect(item.level).toBe("beginner");
    const prices = page.items.map((i) => i.priceAmount);
    expect(prices).toEqual([...prices].sort((a, b) => b - a));
  });

  it("lists newest products and a creator's works", async () => {
    const newest = await listNewestProducts({ locale: "en", kind: "course", limit: 4 });
    expect(newest).toHaveLength(4);
    const creator = await getCreatorBySlug({ slug: newest[0]!.creator.slug });
    expect(creator).not.toBeNull();
    const works = await listProductsByCreator({ locale: "en", creatorId: creator!.id });
    expect(works.map((w) => w.id)).toContain(newest[0]!.id);
  });
});

describe("product pages", () => {
  it("loads a course with its curriculum but never the lesson bodies", async () => {
    const [card] = await listNewestProducts({ locale: "en", kind: "course", limit: 1 });
    const course = await getCourseBySlug({ slug: card!.slug });
    expect(course?.sections.length).toBeGreaterThan(0);
    const lessons = course!.sections.flatMap((s) => s.lessons);
    expect(lessons.some((l) => l.isPreview)).toBe(true);
    expect(JSON.stringify(course)).not.toMatch(/"body"/);
  });

  it("loads an artwork with its details", async () => {
    const [card] = await listNewestProducts({ locale: "en", kind: "artwork", limit: 1 });
    const artwork = await getArtworkBySlug({ slug: card!.slug });
    expect(artwork).toMatchObject({
      slug: card!.slug,
      medium: expect.any(String),
      year: expect.any(Number),
      editionSize: expect.any(Number),
    });
  });

  it("gives null for unknown or malformed slugs (the page turns that into a 404)", async () => {
    expect(await getCourseBySlug({ slug: "no-such-course" })).toBeNull();
    expect(await getArtworkBySlug({ slug: "bad\u0000slug" })).toBeNull();
    expect(await getCreatorBySlug({ slug: "../etc" })).toBeNull();
    const [course] = await listNewestProducts({ locale: "en", kind: "course", limit: 1 });
    expect(await getArtworkBySlug({ slug: course!.slug })).toBeNull();
  });
});
