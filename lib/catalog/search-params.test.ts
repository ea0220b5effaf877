import { describe, expect, it } from "vitest";
import { catalogueHref, parseCatalogueParams } from "./search-params";

describe("parseCatalogueParams", () => {
  it("defaults to relevance (newest first without a query), page 1, no filters", () => {
    expect(parseCatalogueParams({})).toEqual({
      tags: [],
      sort: "relevance",
      page: 1,
      q: undefined,
      minPrice: undefined,
      maxPrice: undefined,
      level: undefined,
      medium: undefined,
      availability: undefined,
      edition: undefined,
    });
  });

  it("reads every filter and converts prices to minor units", () => {
    const f = parseCatalogueParams({
      q: " ink ",
      tag: ["ink-painting", "calligraphy"],
      min: "10",
      max: "250",
      level: "beginner",
      medium: "Ink on paper",
      availability: "available",
      edition: "unique",
      sort: "price_desc",
      page: "3",
    });
    expect(f).toMatchObject({
      q: "ink",
      tags: ["ink-painting", "calligraphy"],
      minPrice: 1000,
      maxPrice: 25000,
      level: "beginner",
      medium: "Ink on paper",
      availability: "available",
      edition: "unique",
      sort: "price_desc",
      page: 3,
    });
  });

  it("sorts by relevance by default when there is a query, and an explicit sort wins", () => {
    expect(parseCatalogueParams({ q: "landscape" }).sort).toBe("relevance");
    expect(parseCatalogueParams({ q: "landscape", sort: "newest" }).sort).toBe("newest");
  });

  it("normalises the query: NFKC, collapsed spaces, trimmed", () => {
    expect(parseCatalogueParams({ q: "  ＩＮＫ\u3000  wash  " }).q).toBe("INK wash");
    expect(parseCatalogueParams({ q: "水墨   山水" }).q).toBe("水墨 山水");
  });

  it("drops or corrects what is invalid instead of failing", () => {
    const f = parseCatalogueParams({
      page: "-5",
      min: "abc",
      max: "1e30",
      sort: "zzz",
      level: "guru",
      tag: ["Bad Tag!", "ok-tag", "ok-tag"],
      availability: "maybe",
    });
    expect(f).toMatchObject({
      page: 1,
      minPrice: undefined,
      maxPrice: undefined,
      sort: "relevance",
      level: undefined,
      tags: ["ok-tag"],
      availability: undefined,
    });
  });

  it("treats blank inputs from the filter form as absent, not as zero", () => {
    expect(parseCatalogueParams({ min: "", max: "  ", page: "" })).toMatchObject({
      minPrice: undefined,
      maxPrice: undefined,
      page: 1,
    });
    expect(parseCatalogueParams({ min: "0" }).minPrice).toBe(0);
  });

  it("swaps a reversed price range", () => {
    expect(parseCatalogueParams({ min: "500", max: "100" })).toMatchObject({ minPrice: 10000, maxPrice: 50000 });
  });

  it("removes control characters (PostgreSQL rejects NUL) and ignores text made only of them", () => {
    expect(parseCatalogueParams({ q: "ink\u0000wash" }).q).toBe("ink wash");
    expect(parseCatalogueParams({ q: "\u0000\u0001", medium: "\u0000" })).toMatchObject({
      q: undefined,
      medium: undefined,
    });
  });

  it("ignores over-long queries and keeps at most ten tags", () => {
    expect(parseCatalogueParams({ q: "a".repeat(101) }).q).toBeUndefined();
    const many = Array.from({ length: 15 }, (_, i) => `t${i}`);
    expect(parseCatalogueParams({ tag: many }).tags).toHaveLength(10);
  });
});

describe("catalogueHref", () => {
  const base = parseCatalogueParams({ q: "ink", tag: "calligraphy", page: "4" });

  it("resets the page when a filter changes", () => {
    expect(catalogueHref("/artworks", base, { sort: "price_asc" })).toBe(
      "/artworks?q=ink&tag=calligraphy&sort=price_asc",
    );
  });

  it("keeps a page change and round-trips through the parser", () => {
    const href = catalogueHref("/artworks", base, { page: 2 });
    const params = Object.fromEntries(new URL(href, "http://x").searchParams);
    expect(parseCatalogueParams(params)).toMatchObject({ q: "ink", tags: ["calligraphy"], page: 2, sort: "relevance" });
  });

  it("gives the bare path when nothing is set", () => {
    expect(catalogueHref("/courses", parseCatalogueParams({}), {})).toBe("/courses");
  });
});
