/**
 * Content per locale (issue 17): a Chinese page gets the Chinese twins, a missing one falls back to
 * English and says so, and an English page reads exactly what it read before. Runs on PGlite and, with
 * DATABASE_URL set, on the PostgreSQL server.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabase } from "@/db/client";
import { campaigns, creators, lessons, products } from "@/db/schema";
import { getLandingCampaignBySlug } from "@/lib/campaigns/landing";
import { openLesson } from "@/lib/commerce/lessons";
import { getRecommendations } from "@/lib/reco/read";
import { freshDatabase, type FreshDb } from "@/test/fresh-db";
import { getArtworkBySlug, getCourseBySlug, getCreatorBySlug } from "./products";
import { listCatalogue, listProductCardsByIds } from "./queries";
import { parseCatalogueParams } from "./search-params";

let fresh: FreshDb;
beforeAll(async () => {
  fresh = await freshDatabase({ seed: true });
  useDatabase({ db: fresh.db, driver: fresh.driver, close: async () => {} });
});
afterAll(() => fresh?.dispose());

const HAN = /\p{Script=Han}/u;
const COURSE = "ink-painting-first-strokes";

describe("catalogue reads per locale", () => {
  it("gives a Chinese page the Chinese course, curriculum and instructor, nothing marked", async () => {
    const zh = await getCourseBySlug({ slug: COURSE, locale: "zh" });
    expect(zh).toMatchObject({ title: "水墨画入门：第一笔", locale: "zh", fallback: {} });
    expect(zh?.description).toMatch(HAN);
    expect(zh?.sections[0]).toMatchObject({ title: "准备开始" });
    expect(zh?.sections[0]?.titleFallback).toBeUndefined();
    expect(zh?.sections[0]?.lessons[0]?.title).toBe("欢迎：你将完成什么");
    expect(zh?.creator).toMatchObject({ name: "林梅", location: "杭州", fallback: {} });
  });

  it("leaves the English page as it was", async () => {
    const en = await getCourseBySlug({ slug: COURSE, locale: "en" });
    expect(en).toMatchObject({ title: "Ink painting: first strokes", fallback: {} });
    expect(en?.sections[0]?.title).toBe("Getting started");
    expect(en?.creator.name).toBe("Lin Mei");
    expect(await getCourseBySlug({ slug: COURSE })).toEqual(en);
  });

  it("falls back to English where no Chinese was written, and marks each such field", async () => {
    const slug = "reading-renaissance-workshops";
    await fresh.db.update(products).set({ titleZh: null, descriptionZh: "" }).where(eq(products.slug, slug));
    const zh = await getCourseBySlug({ slug, locale: "zh" });
    expect(zh?.title).toBe("Reading a Renaissance workshop");
    expect(zh?.fallback).toEqual({ title: "en", description: "en" });
    expect(zh?.subtitle).toMatch(HAN);
    // A Western name is not transliterated: shown as written, marked English.
    expect(zh?.creator).toMatchObject({ name: "Sofia Marchetti", fallback: { name: "en" } });
    expect(zh?.creator.bio).toMatch(HAN);
  });

  it("gives a Chinese page the artwork's Chinese medium and provenance", async () => {
    const [row] = await fresh.db
      .select({ slug: products.slug })
      .from(products)
      .where(eq(products.kind, "artwork"))
      .limit(1);
    const zh = await getArtworkBySlug({ slug: row!.slug, locale: "zh" });
    expect(zh?.title).toContain("·");
    expect(zh?.medium).toMatch(HAN);
    expect(zh?.provenance).toMatch(HAN);
    expect(zh?.detailFallback).toEqual({});
    const en = await getArtworkBySlug({ slug: row!.slug, locale: "en" });
    expect(en?.medium).not.toMatch(HAN);
  });

  it("localizes cards, creator pages and recommendations the same way", async () => {
    const page = await listCatalogue({ kind: "course", filters: parseCatalogueParams({}), locale: "zh" });
    expect(page.items.every((c) => HAN.test(c.title) && c.locale === "zh")).toBe(true);
    const [card] = await listProductCardsByIds({ ids: [page.items[0]!.id], locale: "en" });
    expect(card?.title).not.toMatch(HAN);
    const creator = await getCreatorBySlug({ slug: "west-lake-gallery", locale: "zh" });
    expect(creator).toMatchObject({ name: "西湖画廊", fallback: {} });
    const reco = await getRecommendations(fresh.db, { visitorId: "v-zh", slot: "for_you", limit: 4, locale: "zh" });
    expect(reco.items.length).toBeGreaterThan(0);
    for (const item of reco.items) expect(item.title).toMatch(HAN);
  });

  it("labels the medium filter in the page's language while it still matches the stored medium", async () => {
    const zh = await listCatalogue({ kind: "artwork", filters: parseCatalogueParams({}), locale: "zh" });
    const facet = zh.mediumFacets.find((m) => m.value === "Ink on xuan paper");
    expect(facet?.label).toBe("纸本水墨（宣纸）");
    const filtered = await listCatalogue({
      kind: "artwork",
      filters: parseCatalogueParams({ medium: facet!.value }),
      locale: "zh",
    });
    expect(filtered.total).toBe(facet?.count);
  });

  it("marks a creator's name in characters as Chinese on an English page when only Chinese was written", async () => {
    await fresh.db.update(creators).set({ name: "", nameZh: "王磊" }).where(eq(creators.slug, "wang-lei"));
    const en = await getCreatorBySlug({ slug: "wang-lei", locale: "en" });
    expect(en).toMatchObject({ name: "王磊", fallback: { name: "zh" } });
  });
});

describe("lessons and landing pages per locale", () => {
  it("opens a preview lesson with its Chinese title and body, and marks an English-only body", async () => {
    const zh = await openLesson({
      courseSlug: COURSE,
      lessonSlug: "1-welcome-and-what-you-will-make",
      viewer: null,
      locale: "zh",
    });
    expect(zh.status).toBe("granted");
    if (zh.status !== "granted") return;
    expect(zh.lesson.title).toBe("欢迎：你将完成什么");
    expect(zh.lesson.body).toContain("本课属于《水墨画入门：第一笔》");
    expect(zh.lesson.bodyFallback).toBeUndefined();
    await fresh.db.update(lessons).set({ bodyZh: null }).where(eq(lessons.id, zh.lesson.id));
    const fallback = await openLesson({ courseSlug: COURSE, lessonSlug: zh.lesson.slug, viewer: null, locale: "zh" });
    expect(fallback.status === "granted" && fallback.lesson).toMatchObject({
      bodyFallback: "en",
      title: "欢迎：你将完成什么",
    });
  });

  it("gives the landing page its Chinese content whole, or the English one marked", async () => {
    const zh = await getLandingCampaignBySlug({ slug: "ink-and-paper", locale: "zh" });
    expect(zh?.content.heroTitle).toBe("先学画山，再把一座山挂回家");
    expect(zh?.contentFallback).toBeUndefined();
    expect(zh?.bundle.title).toMatch(HAN);
    expect(zh?.partners.map((p) => p.name)).toEqual(["林梅", "西湖画廊"]);
    const en = await getLandingCampaignBySlug({ slug: "ink-and-paper", locale: "en" });
    expect(en?.content.heroTitle).toBe("Paint the mountain, then live with one");
    await fresh.db.update(campaigns).set({ contentZh: null }).where(eq(campaigns.slug, "ink-and-paper"));
    const fallback = await getLandingCampaignBySlug({ slug: "ink-and-paper", locale: "zh" });
    expect(fallback).toMatchObject({
      contentFallback: "en",
      content: { heroTitle: "Paint the mountain, then live with one" },
    });
  });
});
