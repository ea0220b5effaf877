import { describe, expect, it } from "vitest";
import { sitemapRows } from "./sitemap";

describe("sitemapRows", () => {
  it("lists each page in English and in Chinese, each row naming both languages", () => {
    const rows = sitemapRows(
      [
        { path: "/", lastModified: "2026-12-01T00:00:00.000Z", priority: 1 },
        { path: "/courses/ink-basics", lastModified: "2026-12-02T00:00:00.000Z", priority: 0.7 },
      ],
      "https://atelier.example",
    );
    expect(rows.map((r) => r.url)).toEqual([
      "https://atelier.example/",
      "https://atelier.example/zh",
      "https://atelier.example/courses/ink-basics",
      "https://atelier.example/zh/courses/ink-basics",
    ]);
    expect(rows[3]).toMatchObject({
      lastModified: "2026-12-02T00:00:00.000Z",
      priority: 0.7,
      alternates: {
        languages: {
          en: "https://atelier.example/courses/ink-basics",
          "zh-Hans": "https://atelier.example/zh/courses/ink-basics",
          "x-default": "https://atelier.example/courses/ink-basics",
        },
      },
    });
  });
});
