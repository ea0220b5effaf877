import { DEMO, DEMO_PASSWORD, expect, test } from "./fixtures";
import { CheckoutPage, PAY } from "./pages/checkout-page";
import { SignInPage } from "./pages/sign-in-page";

/**
 * The cross-domain case Atelier exists for: someone who bought an art-history course is shown artworks,
 * each with the reason it is there, once the recommendations have been recomputed.
 */
test("a buyer of an art-history course sees artworks recommended with a reason", async ({
  browser,
  baseURL,
  users,
}) => {
  // A full refresh runs in the middle of this journey.
  test.setTimeout(180_000);
  const buyerContext = await browser.newContext();
  await buyerContext.addCookies([{ name: "atelier_consent", value: "analytics", url: baseURL as string }]);
  const buyer = await buyerContext.newPage();

  // 1. Sign up, buy "Song-dynasty landscape painting".
  await users.signUp({
    page: buyer,
    name: "Reco Buyer",
    label: "reco-buyer",
    callbackUrl: "/courses/song-dynasty-landscape-painting",
  });
  await buyer.getByRole("button", { name: "Add to cart" }).click();
  await expect(buyer.getByText("Added to your cart.")).toBeVisible();
  const checkout = new CheckoutPage(buyer);
  await checkout.checkout(PAY.succeed);
  await checkout.placed();

  // 2. A marketer recomputes the recommendations from the studio.
  const marketerContext = await browser.newContext();
  await marketerContext.addCookies([{ name: "atelier_consent", value: "necessary", url: baseURL as string }]);
  const marketer = await marketerContext.newPage();
  await new SignInPage(marketer).signIn(DEMO.marketer, { password: DEMO_PASSWORD, callbackUrl: "/studio/clusters" });
  await marketer.getByRole("button", { name: "Recompute now" }).click();
  await expect(marketer.getByText(/Recomputed: generation \d+/)).toBeVisible({ timeout: 60_000 });
  await expect(marketer.getByRole("heading", { name: "Members per segment" })).toBeVisible();

  // 3. Back home, the buyer gets artworks "for your courses", each saying why.
  await buyer.goto("/");
  const strip = buyer.locator("section[aria-labelledby=reco-art_for_learners][data-ready=true]");
  // data-ready: hydrated, so the buttons below work (a cold dev server can take a while).
  await expect(strip).toBeVisible({ timeout: 60_000 });
  const cards = strip.locator("li");
  expect(await cards.count()).toBeGreaterThan(0);
  await expect(cards.first()).toContainText("Artwork");
  await expect(strip).toContainText(/(Because you took|Similar to) Song-dynasty landscape painting/);
  // The course itself is owned, so no strip links to it (reason lines may name it).
  await expect(
    buyer.locator('main section[aria-labelledby^=reco-] a[href="/courses/song-dynasty-landscape-painting"]'),
  ).toHaveCount(0);

  // "Not interested" removes an item at once.
  const firstTitle = await cards.first().locator("h3").innerText();
  await cards
    .first()
    .getByRole("button", { name: `Not interested in ${firstTitle}` })
    .click();
  await expect(strip.locator("h3", { hasText: firstTitle })).toHaveCount(0);

  await buyerContext.close();
  await marketerContext.close();
});
