import type { Page } from "@playwright/test";
import { CREATORS } from "../lib/seed/creators";
import { expect, test } from "./fixtures";

/**
 * A Chinese-speaking visitor reads Chinese: every public page, in Chinese, shows no English word outside
 * the names and brand words listed here. Text in an element whose `lang` is not Chinese is skipped: that
 * is content shown in its other language as a marked fallback (lib/i18n/localized.ts) or a visitor's own
 * words. Visible text counts, and so do the words a screen reader or a tooltip speaks (aria-label, alt,
 * title, placeholder).
 */

/**
 * Words a Chinese page keeps as they are: the brand, currency codes and the "US" of "US$89" (how zh-CN
 * writes dollars), units, and loan words Chinese writes in Latin letters (Cookie).
 */
const BRAND_AND_CODES = ["Atelier", "USD", "US", "EUR", "GBP", "CNY", "JPY", "cm", "mm", "Cookie"];
/** Creators' own names (a Western name stays in Latin letters on a Chinese page). */
const NAME_WORDS = CREATORS.flatMap((c) => c.name.split(/[\s-]+/));
const ALLOWED = new Set([...BRAND_AND_CODES, ...NAME_WORDS]);

/** The English words on the page that are not allowed, each with a little of its context. */
async function englishOn(page: Page): Promise<string[]> {
  const found = await page.evaluate(() => {
    const chinese = (el: Element | null) => {
      const lang = el?.closest("[lang]")?.getAttribute("lang") ?? "";
      return lang.toLowerCase().startsWith("zh");
    };
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest("script, style, noscript, template")) continue;
      if (!parent.checkVisibility() || !chinese(parent)) continue;
      const text = node.textContent?.trim();
      if (text) out.push(text);
    }
    for (const el of document.body.querySelectorAll("[aria-label], [alt], [title], [placeholder]")) {
      if (!chinese(el)) continue;
      for (const name of ["aria-label", "alt", "title", "placeholder"]) {
        const value = el.getAttribute(name)?.trim();
        if (value) out.push(value);
      }
    }
    return out;
  });
  const words: string[] = [];
  for (const text of found) {
    // URLs, e-mail addresses and file names are not prose.
    const prose = text.replace(/\S+@\S+|https?:\/\/\S+|\S+\.(?:svg|png|jpe?g|pdf)\b/g, " ");
    for (const match of prose.matchAll(/[A-Za-z][A-Za-z'’]*/g))
      if (!ALLOWED.has(match[0])) words.push(`${match[0]} (in "${text.slice(0, 80)}")`);
  }
  return [...new Set(words)];
}

test("Chinese pages show no English outside names and brand words", async ({ page }) => {
  test.setTimeout(120_000);
  const pages = [
    "/zh",
    "/zh/courses",
    "/zh/artworks",
    // Seeded pieces, not the newest: other journeys add English-only products and reviews.
    "/zh/courses/reading-renaissance-workshops",
    "/zh/artworks/evening-lotus-pond-gallery",
    "/zh/creators/lin-mei",
    "/zh/creators/west-lake-gallery",
    "/zh/c/ink-and-paper",
    "/zh/search?q=%E6%B0%B4%E5%A2%A8",
    "/zh/cart",
    "/zh/sign-in",
    "/zh/sign-up",
  ];
  const problems: string[] = [];
  for (const path of pages) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    expect(new URL(page.url()).pathname, "no redirect away from the Chinese address").toBe(path.split("?")[0]);
    await expect(page.locator("html")).toHaveAttribute("lang", /^zh/);
    for (const word of await englishOn(page)) problems.push(`${path}: ${word}`);
  }
  expect(problems, "English words on Chinese pages").toEqual([]);
});

/** The page's hreflang links, by language, and its canonical URL, both as paths. */
async function languageLinks(page: Page) {
  const path = (href: string | null) => (href ? new URL(href).pathname : null);
  const alternates: Record<string, string | null> = {};
  for (const link of await page.locator('head link[rel="alternate"][hreflang]').all())
    alternates[(await link.getAttribute("hreflang")) ?? ""] = path(await link.getAttribute("href"));
  return { canonical: path(await page.locator('head link[rel="canonical"]').getAttribute("href")), alternates };
}

test("each language has its own address, and search engines are told about both", async ({ page, request }) => {
  // First as a crawler arrives, with no language chosen: English at the unprefixed path.
  await page.goto("/courses");
  expect(await languageLinks(page)).toEqual({
    canonical: "/courses",
    alternates: { en: "/courses", "zh-Hans": "/zh/courses", "x-default": "/courses" },
  });

  await page.goto("/zh/courses/ink-painting-first-strokes");
  expect(await languageLinks(page)).toEqual({
    canonical: "/zh/courses/ink-painting-first-strokes",
    alternates: {
      en: "/courses/ink-painting-first-strokes",
      "zh-Hans": "/zh/courses/ink-painting-first-strokes",
      "x-default": "/courses/ink-painting-first-strokes",
    },
  });
  // The structured data speaks the page's language and points to the Chinese page.
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent()) ?? "{}");
  expect(jsonLd).toMatchObject({ inLanguage: "zh-Hans", name: "水墨画入门：第一笔" });
  expect(new URL(jsonLd.url).pathname).toBe("/zh/courses/ink-painting-first-strokes");

  const sitemap = await (await request.get("/sitemap.xml")).text();
  expect(sitemap).toContain("/zh/courses/ink-painting-first-strokes</loc>");
  expect(sitemap).toContain("/courses/ink-painting-first-strokes</loc>");
  expect(sitemap).toMatch(/hreflang="zh-Hans"/);

  // Having opened a Chinese page, the visitor's unprefixed links now land in Chinese.
  await page.goto("/artworks");
  expect(new URL(page.url()).pathname).toBe("/zh/artworks");
});

test("a link from before the Chinese addresses still opens in Chinese for a visitor who chose it", async ({
  page,
  context,
  baseURL,
}) => {
  await context.addCookies([{ name: "NEXT_LOCALE", value: "zh", url: baseURL! }]);
  await page.goto("/search?q=%E6%B0%B4%E5%A2%A8");
  await expect(page).toHaveURL(/\/zh\/search\?q=%E6%B0%B4%E5%A2%A8$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  // Ink-painting work, found by a Chinese query, and a creator found by name.
  await expect(page.getByRole("main").getByRole("link", { name: /水墨/ }).first()).toBeVisible();
  await page.goto("/zh/search?q=%E6%9E%97%E6%A2%85");
  await expect(page.getByRole("main").getByText("林梅").first()).toBeVisible();
});
