import { eq, isNull, or, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  artworkDetails,
  campaigns,
  courseSections,
  creators,
  experimentVariants,
  lessons,
  products,
} from "@/db/schema";
import { freshDatabase, type FreshDb } from "@/test/fresh-db";
import { buildArtworks } from "./artworks";
import { seedCatalogue } from "./seed";

// Any CJK ideograph: Chinese content must actually be Chinese, not the English copied across.
const HAN = /\p{Script=Han}/u;

describe("the demo catalogue in Chinese", () => {
  let f: FreshDb;
  beforeAll(async () => {
    f = await freshDatabase();
    await seedCatalogue(f.db);
  });
  afterAll(async () => {
    await f?.dispose();
  });

  it("gives every course and artwork a Chinese title, subtitle and description", async () => {
    const rows = await f.db
      .select({
        kind: products.kind,
        titleZh: products.titleZh,
        subtitleZh: products.subtitleZh,
        d: products.descriptionZh,
      })
      .from(products);
    const catalogue = rows.filter((r) => r.kind !== "bundle");
    expect(catalogue.length).toBeGreaterThan(100);
    for (const r of catalogue) {
      expect(r.titleZh).toMatch(HAN);
      expect(r.subtitleZh).toMatch(HAN);
      expect(r.d).toMatch(HAN);
    }
  });

  it("gives every section and lesson a Chinese title, and every lesson a Chinese body", async () => {
    const [missing] = await f.db
      .select({ n: sql<number>`count(*)::int` })
      .from(lessons)
      .where(or(isNull(lessons.titleZh), isNull(lessons.bodyZh)));
    expect(missing?.n).toBe(0);
    const [lesson] = await f.db.select().from(lessons).where(eq(lessons.position, 1)).limit(1);
    expect(lesson?.bodyZh).toContain(`## ${lesson?.titleZh}`);
    const sections = await f.db.select({ t: courseSections.titleZh }).from(courseSections);
    expect(sections.every((s) => HAN.test(s.t ?? ""))).toBe(true);
  });

  it("gives every creator a Chinese bio and location, and Chinese artists their names in characters", async () => {
    const rows = await f.db.select().from(creators);
    for (const c of rows) {
      expect(c.bioZh).toMatch(HAN);
      expect(c.locationZh).toMatch(HAN);
    }
    const bySlug = new Map(rows.map((c) => [c.slug, c]));
    expect(bySlug.get("lin-mei")?.nameZh).toBe("林梅");
    expect(bySlug.get("west-lake-gallery")?.nameZh).toBe("西湖画廊");
    // A Western name is not transliterated: the page shows it as written, marked English.
    expect(bySlug.get("daniel-okafor")?.nameZh).toBeNull();
  });

  it("gives every artwork a Chinese medium and provenance", async () => {
    const rows = await f.db.select().from(artworkDetails);
    expect(rows.length).toBe(buildArtworks().length);
    for (const a of rows) {
      expect(a.mediumZh).toMatch(HAN);
      expect(a.provenanceZh).toMatch(HAN);
    }
  });

  it("gives every seeded landing page Chinese content and its bundle a Chinese title", async () => {
    const rows = await f.db
      .select({ contentZh: campaigns.contentZh, bundleZh: products.titleZh })
      .from(campaigns)
      .innerJoin(products, eq(products.id, campaigns.bundleProductId));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.contentZh?.heroTitle).toMatch(HAN);
      expect(r.contentZh?.story.length).toBeGreaterThan(0);
      expect(r.bundleZh).toMatch(HAN);
    }
  });

  it("gives every seeded variant with copy of its own that copy in Chinese", async () => {
    const variants = await f.db
      .select({ content: experimentVariants.content, contentZh: experimentVariants.contentZh })
      .from(experimentVariants);
    const withCopy = variants.filter((v) => v.content.headline || v.content.offer || v.content.cta);
    expect(withCopy.length).toBeGreaterThan(0);
    for (const v of withCopy) {
      expect(v.contentZh?.headline).toMatch(HAN);
      expect(v.contentZh?.cta).toMatch(HAN);
    }
  });
});

describe("buildArtworks", () => {
  it("composes Chinese titles from the same draws, unique and deterministic", () => {
    const a = buildArtworks();
    const b = buildArtworks();
    expect(a).toEqual(b);
    expect(new Set(a.map((w) => w.titleZh)).size).toBe(a.length);
    // The English side is what it always was: the first work keeps its title and slug.
    expect(a.every((w) => /^[A-Za-z]/.test(w.title) && w.titleZh.includes("·"))).toBe(true);
  });
});
