import { expect, test, type Browser, type Page } from "@playwright/test";

/**
 * Checkout tells the truth about what happened: a buyer whose only item sold out while they were on
 * the checkout page is told which item, and pressing "Place order" again on a form whose order went
 * through (the page restored by the back button) opens that order instead of "your cart is empty".
 */

const PASSWORD = "paint-every-day-26";
const CARD = "4242 4242 4242 4242";
const unique = (label: string) => `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;

async function newBuyer(browser: Browser, name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(unique(name.split(" ")[0]!.toLowerCase()));
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/account$/);
  return page;
}

/** A unique original this viewer can add to the cart, with its title as its page states it. */
async function pickUniqueArtwork(page: Page): Promise<{ path: string; title: string }> {
  await page.goto("/artworks?edition=unique&availability=available");
  const paths = [...new Set(await page.locator("main article h3 a").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? "").filter(Boolean)))].sort(() => Math.random() - 0.5);
  for (const path of paths) {
    await page.goto(path);
    if (!(await page.getByTestId("purchase-panel").getByRole("button", { name: "Add to cart" }).isVisible())) continue;
    return { path, title: ((await page.getByRole("heading", { level: 1 }).textContent()) ?? "").trim() };
  }
  throw new Error("no unique artwork for sale");
}

async function addToCart(page: Page, path: string) {
  await page.goto(path);
  await page.getByTestId("purchase-panel").getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByText("Added to your cart.")).toBeVisible();
}

test("the buyer who lost the race is told which item sold out; a retried form opens the order it made", async ({ browser }) => {
  test.setTimeout(180_000);
  const winner = await newBuyer(browser, "Wyn Winner");
  const loser = await newBuyer(browser, "Lou Loser");
  const artwork = await pickUniqueArtwork(winner);
  await addToCart(winner, artwork.path);
  await addToCart(loser, artwork.path);

  // Both are on the checkout page with the piece in their cart; the winner pays first.
  await loser.goto("/checkout");
  await loser.getByLabel("Card number").fill(CARD);
  await winner.goto("/checkout");
  await winner.getByLabel("Card number").fill(CARD);
  await winner.getByRole("button", { name: "Place order" }).click();
  await expect(winner).toHaveURL(/\/orders\/[0-9a-f-]{36}\?placed=1$/);
  const orderPath = new URL(winner.url()).pathname;

  await loser.getByRole("button", { name: "Place order" }).click();
  await expect(loser.locator("main").getByRole("alert")).toHaveText(`“${artwork.title}” sold out while you were checking out, so there is nothing left to buy. Nothing was charged.`);
  await expect(loser).toHaveURL(/\/checkout$/);

  // Back to the checkout form that already made the order: pressing again shows that order.
  await winner.goBack();
  await expect(winner).toHaveURL(/\/checkout$/);
  const again = winner.getByRole("button", { name: "Place order" });
  if (await again.isVisible()) {
    await again.click();
    await expect(winner).toHaveURL(new RegExp(`${orderPath}\\?placed=1$`));
  }
  await winner.goto("/orders");
  await expect(winner.locator("main a[href^='/orders/']")).toHaveCount(1);
});
