import { type Page } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, expect, test } from "./fixtures";

// A phone-sized window: no page may scroll sideways (wide tables scroll inside their own box), and the
// header's search box stays usable beside a long navigation.
test.use({ viewport: { width: 375, height: 800 } });

async function expectNoSidewaysScroll(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  // The settled layout: charts measure their box after hydration, and a streamed page may still be
  // swapping its loading skeleton in for a moment after the load event.
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), {
      message: `${path} is wider than the screen`,
      timeout: 5_000,
    })
    .toBeLessThanOrEqual(0);
}

test("shop pages fit a 375px screen", async ({ page }) => {
  for (const path of ["/", "/courses", "/artworks", "/c/ink-and-paper", "/sign-in"])
    await expectNoSidewaysScroll(page, path);
});

test("a marketer's studio fits a 375px screen and the search box keeps its width", async ({ page, signInPage }) => {
  await signInPage.signIn(DEMO.marketer, { password: DEMO_PASSWORD, callbackUrl: "/studio/campaigns" });
  const search = page.getByRole("searchbox", { name: "Search courses and artworks" });
  expect((await search.boundingBox())?.width ?? 0).toBeGreaterThan(250);
  await expectNoSidewaysScroll(page, "/studio/campaigns");
  const results = await page.getByRole("link", { name: "Results" }).first().getAttribute("href");
  for (const path of [results!.replace(/\/results$/, ""), "/studio/clusters", results!])
    await expectNoSidewaysScroll(page, path);
  // The results table is wider than the screen: it scrolls within its box.
  const box = page.locator("table[aria-labelledby=table-title]").locator("xpath=..");
  expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
});

test("a creator's studio fits a 375px screen", async ({ page, signInPage }) => {
  await signInPage.signIn(DEMO.creator, { password: DEMO_PASSWORD, callbackUrl: "/studio/products" });
  for (const path of ["/studio/products", "/studio/sales", "/studio/offers", "/account"])
    await expectNoSidewaysScroll(page, path);
});
