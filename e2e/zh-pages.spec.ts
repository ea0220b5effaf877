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

test("Chinese pages show no English outside names and brand words", async ({ page, context, baseURL }) => {
  test.setTimeout(120_000);
  await context.addCookies([{ name: "NEXT_LOCALE", value: "zh", url: baseURL! }]);
  const pages = [
    "/",
    "/courses",
    "/artworks",
    // Seeded pieces, not the newest: other journeys add English-only products and reviews.
    "/courses/reading-renaissance-workshops",
    "/artworks/evening-lotus-pond-gallery",
    "/creators/lin-mei",
    "/creators/west-lake-gallery",
    "/c/ink-and-paper",
    "/search?q=%E6%B0%B4%E5%A2%A8",
    "/cart",
    "/sign-in",
    "/sign-up",
  ];
  const problems: string[] = [];
  for (const path of pages) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", /^zh/);
    for (const word of await englishOn(page)) problems.push(`${path}: ${word}`);
  }
  expect(problems, "English words on Chinese pages").toEqual([]);
});
