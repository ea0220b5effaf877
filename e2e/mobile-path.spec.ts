import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/**
 * The short path from browsing to the cart, on a phone and on a desktop screen: filters (in a dialog on
 * the phone, with a live count), a product page whose buy button is always at hand, the cart drawer
 * with pictures, and the cart page. It stops before checkout (the payment flow has a spec of its own).
 * A guest does it all: the cart belongs to the visitor cookie.
 */

const SIZES = [
  { name: "phone", width: 375, height: 800 },
  { name: "desktop", width: 1280, height: 900 },
] as const;

/** The count in "Show 7 results" / "7 matches". */
const numberIn = async (text: Promise<string | null>) => Number((await text)?.match(/\d+/)?.[0] ?? "NaN");

/** How far the page is wider than the window (0 or less: no sideways scrolling). */
const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Opens courses from the listing until one offers "Add to cart" to this visitor; returns its title. */
async function openBuyableCourse(page: Page, listing: string): Promise<string> {
  await page.goto(listing);
  const hrefs = await page
    .getByRole("list", { name: "Courses" })
    .locator("article h3 a")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  for (const href of hrefs) {
    await page.goto(href);
    if (await page.getByTestId("purchase-panel").getByRole("button", { name: "Add to cart" }).count())
      return ((await page.getByRole("heading", { level: 1 }).textContent()) ?? "").trim();
  }
  throw new Error(`no course to buy at ${listing}`);
}

for (const size of SIZES) {
  test.describe(`on a ${size.name} (${size.width}px)`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });
    const phone = size.width < 1024;

    test("browse, filter, open a course, add it from the buy bar or panel, see it in the drawer and the cart", async ({
      page,
    }) => {
      await page.goto("/courses");
      // The consent banner sits above everything until answered; answer it as a visitor would.
      await page.getByRole("button", { name: "Only necessary" }).click();
      await expect(page.getByRole("button", { name: "Only necessary" })).toBeHidden();
      const results = page.getByRole("list", { name: "Courses" });
      // The first result is near the top of the screen, not below a column of filters.
      const firstCard = (await results.locator("article").first().boundingBox())!;
      if (phone) expect(firstCard.y).toBeLessThan(400);
      const total = await numberIn(page.getByRole("status").textContent());

      const filters = page.getByRole("form", { name: "Filters" });
      if (phone) {
        await expect(filters).toBeHidden();
        const open = page.getByRole("button", { name: "Filters" });
        await open.click();
        const dialog = page.getByRole("dialog", { name: "Filters" });
        await expect(dialog).toBeVisible();
        // Escape closes the dialog and gives focus back to its button.
        await page.keyboard.press("Escape");
        await expect(dialog).toBeHidden();
        await expect(open).toBeFocused();
        await open.click();
      } else {
        await expect(page.getByRole("button", { name: "Filters" })).toBeHidden();
        await expect(filters).toBeVisible();
      }

      await filters.getByLabel("Level", { exact: true }).selectOption("beginner");
      // The count follows the choice before anything is applied.
      const live = page.getByTestId("filter-count");
      await expect.poll(() => numberIn(live.textContent())).toBeLessThan(total);
      const matching = await numberIn(live.textContent());
      expect(matching).toBeGreaterThan(0);
      if (phone) {
        const apply = filters.getByRole("button", { name: `Show ${matching} result` });
        await expect(apply).toBeVisible();
        await apply.click();
      } else {
        await filters.getByRole("button", { name: "Apply" }).click();
      }
      await expect(page).toHaveURL(/level=beginner/);
      await expect(page.getByRole("status")).toHaveText(new RegExp(`^${matching} results?$`));

      const title = await openBuyableCourse(page, page.url());
      const bar = page.getByTestId("buy-bar");
      if (phone) {
        expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
        // The buy box is below the curriculum; the bar holds the price and the button meanwhile.
        await expect(bar).toBeVisible();
        await expect(bar).toContainText(title);
        const box = (await bar.boundingBox())!;
        expect(box.y + box.height).toBeLessThanOrEqual(size.height + 1);
        await expect(bar.locator("[data-price]")).toHaveText(/\$\d/);
        await bar.getByRole("button", { name: "Add to cart" }).click();
      } else {
        await expect(bar).toBeHidden();
        await page.getByTestId("purchase-panel").getByRole("button", { name: "Add to cart" }).click();
        await expect(page.getByText("Added to your cart.")).toBeVisible();
        await expect(page.getByTestId("cart-link")).toHaveText("Cart (1)");
        await page.getByTestId("cart-link").click();
      }

      // Either way the cart drawer opens, with the course and its picture.
      const drawer = page.getByRole("dialog", { name: /Your cart/ });
      await expect(drawer).toBeVisible();
      const line = drawer.getByTestId("drawer-line").filter({ hasText: title });
      await expect(line).toBeVisible();
      await expect(line.locator("img")).toHaveAttribute("src", /^\/img\/course\//);
      await expect(page.getByTestId("cart-link")).toHaveText("Cart (1)");

      // Escape closes it; the header link opens it again.
      await page.keyboard.press("Escape");
      await expect(drawer).toBeHidden();
      await page.getByTestId("cart-link").click();
      await expect(drawer).toBeVisible();

      await drawer.getByRole("link", { name: "View cart" }).click();
      await expect(page).toHaveURL(/\/cart$/);
      await expect(page.getByTestId("cart-line").filter({ hasText: title })).toBeVisible();
      await expect(page.getByRole("link", { name: "Check out" })).toBeVisible();
    });

    test("an artwork page fits the screen, with its buy bar on a phone only", async ({ page }) => {
      await page.goto("/artworks?edition=unique&availability=available");
      await page.getByRole("list", { name: "Artworks" }).locator("article h3 a").first().click();
      await expect(page).toHaveURL(/\/artworks\/[a-z0-9-]+$/);
      await expect.poll(() => sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      const add = page.getByTestId("buy-bar").getByRole("button", { name: "Add to cart" });
      if (phone) await expect(add).toBeVisible();
      else await expect(add).toBeHidden();
      // Scrolled to the buy box, the bar steps aside: one "Add to cart" in view at a time.
      await page.getByTestId("purchase-panel").scrollIntoViewIfNeeded();
      await expect(add).toBeHidden();
    });

    test("artwork cards never cut their price", async ({ page }) => {
      // Dearest first: the longest prices.
      await page.goto("/artworks?sort=price_desc");
      const cards = page.getByRole("list", { name: "Artworks" }).locator("article");
      await expect(cards.first()).toBeVisible();
      const problems = await cards.evaluateAll((articles) =>
        articles.flatMap((article) => {
          const price = article.querySelector<HTMLElement>("[data-price]");
          if (!price) return ["a card without a price"];
          const inner = price.getBoundingClientRect();
          const outer = article.getBoundingClientRect();
          const cut =
            price.scrollWidth > price.clientWidth + 1 ||
            inner.right > outer.right + 1 ||
            price.closest(".truncate") !== null ||
            getComputedStyle(price).textOverflow === "ellipsis";
          return cut ? [price.textContent ?? ""] : [];
        }),
      );
      expect(problems).toEqual([]);
      // Formatted in full: "$12,300" or "$1,250.50", never "$12,…".
      await expect(cards.first().locator("[data-price]")).toHaveText(/^\$\d{1,3}(,\d{3})*(\.\d{2})?$/);
    });
  });
}
