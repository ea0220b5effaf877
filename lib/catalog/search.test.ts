import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabase } from "@/db/client";
import { creators, products, productTags, tags } from "@/db/schema";
import { freshDatabase, type FreshDb } from "@/test/fresh-db";
import { listCatalogue } from "./queries";
import { normaliseSearchQuery } from "./search";
import { parseCatalogueParams } from "./search-params";

// Fixtures of our own (no demo seed): the search is judged on products whose every word we know.
let fresh: FreshDb;

type Fixture = {
  slug: string;
  kind: "course" | "artwork";
  title: string;
  titleZh?: string;
  description?: string;
  descriptionZh?: string;
  creator: "lin" | "ada";
  tag?: "ink" | "calligraphy" | "print";
};

const FIXTURES: Fixture[] = [
  { slug: "misty-peaks", kind: "artwork", title: "Misty peaks", titleZh: "水墨山水·雾峰", creator: "lin", tag: "ink" },
  {
    slug: "brush-basics",
    kind: "course",
    title: "Brush calligraphy basics",
    titleZh: "书法入门",
    creator: "lin",
    tag: "calligraphy",
  },
  {
    slug: "woodcut-harbour",
    kind: "artwork",
    title: "Woodcut harbour",
    titleZh: "木刻版画：港口",
    creator: "ada",
    tag: "print",
  },
  { slug: "watercolour-gardens", kind: "artwork", title: "Watercolour gardens", creator: "ada" },
  {
    slug: "quiet-harbour",
    kind: "artwork",
    title: "Quiet harbour",
    description: "A small watercolour study of boats at rest.",
    creator: "ada",
  },
  {
    slug: "evening-study",
    kind: "artwork",
    title: "Evening study",
    titleZh: "黄昏习作",
    descriptionZh: "一幅清淡的水墨小品。",
    creator: "ada",
  },
  { slug: "watercolor-basics", kind: "course", title: "Watercolor basics", creator: "ada" },
];

beforeAll(async () => {
  fresh = await freshDatabase();
  useDatabase({ db: fresh.db, driver: fresh.driver, close: fresh.dispose });
  const [lin, ada] = await fresh.db
    .insert(creators)
    .values([
      { slug: "lin-mei", name: "Lin Mei", nameZh: "林梅", kind: "artist" },
      { slug: "ada-stone", name: "Ada Stone", kind: "artist" },
    ])
    .returning({ id: creators.id });
  const tagRows = await fresh.db
    .insert(tags)
    .values([
      { slug: "ink-painting", name: "Ink painting", nameZh: "水墨画", topic: "ink" },
      { slug: "calligraphy", name: "Calligraphy", nameZh: "书法", topic: "ink" },
      { slug: "printmaking", name: "Printmaking", nameZh: "版画", topic: "print" },
    ])
    .returning({ id: tags.id });
  const tagIds = { ink: tagRows[0]!.id, calligraphy: tagRows[1]!.id, print: tagRows[2]!.id };
  for (const [i, f] of FIXTURES.entries()) {
    const [row] = await fresh.db
      .insert(products)
      .values({
        kind: f.kind,
        slug: f.slug,
        title: f.title,
        titleZh: f.titleZh,
        description: f.description ?? "",
        descriptionZh: f.descriptionZh,
        priceAmount: 1000 + i,
        creatorId: f.creator === "lin" ? lin!.id : ada!.id,
        status: "published",
      })
      .returning({ id: products.id });
    if (f.tag) await fresh.db.insert(productTags).values({ productId: row!.id, tagId: tagIds[f.tag] });
  }
});
afterAll(() => fresh?.dispose());

/** Slugs found for a query as the pages ask for them (relevance is the default order with a query). */
async function search(kind: "course" | "artwork", q: string): Promise<string[]> {
  const page = await listCatalogue({ locale: "en", kind, filters: parseCatalogueParams({ q }), pageSize: 50 });
  return page.items.map((i) => i.slug);
}

describe("catalogue search", () => {
  it("finds Chinese titles by a Chinese word", async () => {
    expect(await search("artwork", "水墨")).toContain("misty-peaks");
    expect(await search("course", "书法")).toEqual(["brush-basics"]);
    expect(await search("artwork", "版画")).toEqual(["woodcut-harbour"]);
  });

  it("finds a Chinese word in the Chinese description too, below a title match", async () => {
    expect(await search("artwork", "水墨")).toEqual(["misty-peaks", "evening-study"]);
  });

  it("tolerates British and American spelling and typos", async () => {
    expect(await search("artwork", "watercolor")).toContain("watercolour-gardens");
    expect(await search("course", "watercolour")).toEqual(["watercolor-basics"]);
    expect(await search("course", "calligrapy")).toEqual(["brush-basics"]);
  });

  it("finds a creator's works and courses by her name in either language", async () => {
    expect(await search("artwork", "Lin Mei")).toEqual(["misty-peaks"]);
    expect(await search("course", "lin mei")).toEqual(["brush-basics"]);
    expect(await search("artwork", "林梅")).toEqual(["misty-peaks"]);
    expect(await search("course", "林梅")).toEqual(["brush-basics"]);
  });

  it("finds by tag name in either language", async () => {
    expect(await search("artwork", "printmaking")).toEqual(["woodcut-harbour"]);
    expect(await search("artwork", "水墨画")).toEqual(["misty-peaks"]);
  });

  it("ranks a title match above a description-only match, whatever their age", async () => {
    // The description-only match is the newer one, so only relevance can put the title first.
    expect(await search("artwork", "watercolour")).toEqual(["watercolour-gardens", "quiet-harbour"]);
    const newest = await listCatalogue({
      locale: "en",
      kind: "artwork",
      filters: parseCatalogueParams({ q: "watercolour", sort: "newest" }),
    });
    expect(newest.items.map((i) => i.slug)).toEqual(["quiet-harbour", "watercolour-gardens"]);
  });

  it("finds nothing for a word nobody used", async () => {
    expect(await search("artwork", "zzqxj")).toEqual([]);
    expect(await search("artwork", "不存在的词")).toEqual([]);
    const page = await listCatalogue({ locale: "en", kind: "course", filters: parseCatalogueParams({ q: "zzqxj" }) });
    expect(page.total).toBe(0);
  });

  it("takes hostile input literally and without error", async () => {
    const base = parseCatalogueParams({});
    for (const q of ["%", "_", "\\", "'", '"', "%_\\'\"", "' or 1=1 --", "a%b_c\\"]) {
      const page = await listCatalogue({ locale: "en", kind: "artwork", filters: { ...base, q } });
      expect(page.total, q).toBe(0);
    }
    for (const q of ["a".repeat(10_240), "水墨".repeat(5_000), "%".repeat(10_240)]) {
      await expect(listCatalogue({ locale: "en", kind: "artwork", filters: { ...base, q } })).resolves.toBeDefined();
    }
  });
});

describe("normaliseSearchQuery", () => {
  it("applies NFKC, collapses spaces and caps the length", () => {
    expect(normaliseSearchQuery("  Ｗａｔｅｒｃｏｌｏｕｒ\u3000 \t gardens ")).toBe("Watercolour gardens");
    expect(normaliseSearchQuery(" \u0000 ")).toBeUndefined();
    expect(Array.from(normaliseSearchQuery("水".repeat(10_000))!)).toHaveLength(100);
  });
});
