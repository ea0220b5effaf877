import { DEMO, DEMO_PASSWORD, expect, test } from "./fixtures";
import { CheckoutPage, PAY } from "./pages/checkout-page";
import { SignInPage } from "./pages/sign-in-page";

/**
 * The creator raises a price while a buyer is looking at the checkout: pressing "Continue to payment" charges
 * nothing and says so, the page shows the new total, and pressing again buys at that total. The demo
 * course's price is put back afterwards, so other journeys see the catalogue as seeded.
 */

test("a price raised while the buyer is at checkout is not charged unseen; the buyer reviews the new total and buys", async ({
  browser,
  users,
}) => {
  const creator = await (await browser.newContext()).newPage();

  // One of Lin Mei's courses (creator@atelier.test owns that profile) and its studio page.
  await new SignInPage(creator).signIn(DEMO.creator, { password: DEMO_PASSWORD });
  await creator.goto("/creators/lin-mei");
  const courses = await creator
    .locator('main article h3 a[href^="/courses/"]')
    .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const coursePath = courses[Math.floor(Math.random() * courses.length)];
  expect(coursePath).toBeTruthy();
  await creator.goto(coursePath!);
  await creator.getByTestId("purchase-panel").getByRole("link", { name: "Edit it in the studio" }).click();
  await expect(creator).toHaveURL(/\/studio\/products\/[^/]+$/);
  const priceField = creator.getByLabel(/^Price \(/);
  const original = await priceField.inputValue();
  const save = async (price: string) => {
    await priceField.fill(price);
    // Wait for the action's answer itself: "Saved." may still show from the previous save.
    const answered = creator.waitForResponse(
      (r) => r.request().method() === "POST" && new URL(r.url()).pathname.startsWith("/studio/products/"),
    );
    await creator.getByRole("button", { name: "Save", exact: true }).first().click();
    await answered;
    await expect(creator.getByText("Saved.")).toBeVisible();
    await creator.reload();
    await expect(priceField).toHaveValue(price);
  };

  // The buyer, in a browser context of their own.
  const { page: buyer } = await users.signUp({ name: "Pat Pricewatch", label: "pricewatch" });
  const checkout = new CheckoutPage(buyer);
  await buyer.goto(coursePath!);
  await buyer.getByTestId("purchase-panel").getByRole("button", { name: "Add to cart" }).click();
  await expect(buyer.getByText("Added to your cart.")).toBeVisible();
  await checkout.goto();
  const toPay = checkout.toPay;
  const shown = Number(await toPay.getAttribute("data-price"));
  expect(shown).toBeGreaterThan(0);

  try {
    await save((Number(original) + 1).toFixed(2));

    await checkout.placeOrder();
    await expect(checkout.alert).toContainText(
      "Prices changed since you opened checkout; please review the new total.",
    );
    await expect(buyer).toHaveURL(/\/checkout(\?address=[^&]+)?$/);
    await expect(toPay).toHaveAttribute("data-price", String(shown + 100));
    await expect(buyer.locator("main section [data-price]").last()).toHaveAttribute("data-price", String(shown + 100));

    // The same page, redrawn: its form now carries the new total, so pressing again confirms it.
    await checkout.placeOrder(PAY.succeed);
    await checkout.placed();
    await expect(buyer.locator(`main [data-price="${shown + 100}"]`).first()).toBeVisible();
  } finally {
    await save(original);
  }
});
