import { type Page } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, expect, test } from "./fixtures";
import { SignInPage } from "./pages/sign-in-page";

/**
 * The artwork page as collectors use it: zoom, the to-scale room view, the artist's card and the facts;
 * the buyer-side messages of the offer form; and a piece reserved by an accepted counter-offer, which
 * every other visitor sees as reserved, with nothing to buy or offer on.
 */

/** West Lake Gallery's unique originals that this page can still buy and make offers on. */
async function openOfferableOriginal(page: Page): Promise<{ path: string; title: string; price: number }> {
  await page.goto("/creators/west-lake-gallery");
  const hrefs = await page
    .locator('main article h3 a[href^="/artworks/"]')
    .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  // Shuffled, so repeated runs rarely pick a piece an earlier run left reserved.
  hrefs.sort(() => Math.random() - 0.5);
  for (const path of hrefs) {
    await page.goto(path);
    if ((await page.getByTestId("availability").textContent()) !== "One of a kind: available") continue;
    if (!(await page.getByRole("button", { name: "Send offer" }).count())) continue;
    const price = Number(await page.locator("main [data-price]").first().getAttribute("data-price"));
    const title = ((await page.getByRole("heading", { level: 1 }).textContent()) ?? "").trim();
    return { path, title, price };
  }
  throw new Error("no original of West Lake Gallery is open to offers");
}

test("zoom, view in a room, the artist's card and the facts", async ({ page }) => {
  await page.goto("/artworks?edition=unique");
  await page.getByRole("list", { name: "Artworks" }).locator("article h3 a").first().click();
  await expect(page).toHaveURL(/\/artworks\/[a-z0-9-]+$/);
  const title = ((await page.getByRole("heading", { level: 1 }).textContent()) ?? "").trim();

  const enlarge = page.getByRole("button", { name: `Enlarge the image of ${title}` });
  await enlarge.click();
  const viewer = page.getByRole("dialog", { name: title });
  await expect(viewer).toBeVisible();
  await expect(viewer.getByText("1×")).toBeVisible();
  await viewer.getByRole("button", { name: "Zoom in" }).click();
  await expect(viewer.getByText("2×")).toBeVisible();
  // Keyboard: + zooms from the image area, Escape closes and gives focus back.
  await viewer.getByRole("region", { name: /Enlarged image/ }).focus();
  await page.keyboard.press("+");
  await expect(viewer.getByText("4×")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(viewer).toBeHidden();
  await expect(enlarge).toBeFocused();

  const room = page.getByRole("img", { name: /drawn to scale/ });
  await expect(room).toBeVisible();
  await expect(room).toHaveAccessibleName(/above a 200 cm sofa/);

  const facts = page.getByTestId("artwork-facts");
  await expect(facts).toContainText("Condition");
  await expect(facts).toContainText("Certificate of authenticity");
  await expect(facts).toContainText("Ships from");
  await expect(facts).toContainText(/, [A-Z][a-z]+/); // "Hangzhou, China": a city and its country

  const card = page.getByTestId("artist-card");
  await expect(card.getByRole("heading", { level: 2 })).toBeVisible();
  await expect(card.getByRole("link", { name: /^Sign in to follow/ })).toBeVisible();
});

test("the offer form answers the buyer in the buyer's terms", async ({ page, consumer: _buyer }) => {
  await openOfferableOriginal(page);
  const amount = page.getByLabel("Your offer (USD)");
  const send = page.getByRole("button", { name: "Send offer" });

  await amount.fill("100,000,000");
  await send.click();
  await expect(page.getByText(/more than a single payment can be \(.+999,999\.99\)/)).toBeVisible();
  await expect(page.getByText(/Offer less than the list price of .+\./)).toBeVisible();
  await expect(page.getByText(/counter/i)).toHaveCount(0);

  await amount.fill("twelve");
  await send.click();
  await expect(page.getByText("Enter an amount such as 850 or 850.50.")).toBeVisible();
  await expect(page.getByText(/counter/i)).toHaveCount(0);
});

test("a piece reserved by an accepted counter-offer reads as reserved to everyone else", async ({
  page,
  browser,
  users,
  signInPage,
}) => {
  test.setTimeout(120_000);
  const buyer = await users.signUp({ name: "Rae Reserver", label: "reserver" });
  const piece = await openOfferableOriginal(buyer.page);
  const major = Math.floor(piece.price / 100);
  await buyer.page.getByLabel("Your offer (USD)").fill(String(Math.floor(major / 2)));
  await buyer.page.getByRole("button", { name: "Send offer" }).click();
  await expect(buyer.page.getByTestId("offer-panel")).toContainText("waiting for the artist");

  // The gallery counters; the buyer accepts the counter, which reserves the piece for them.
  await signInPage.signIn(DEMO.gallery, { password: DEMO_PASSWORD, callbackUrl: "/studio/offers" });
  const offer = page.getByTestId("studio-offer").filter({ hasText: "Rae Reserver" }).filter({ hasText: piece.title });
  await offer.getByPlaceholder(/Counter/).fill(String(Math.floor((major * 3) / 4)));
  await offer.getByRole("button", { name: "Counter" }).click();
  await expect(offer).toContainText("countered");
  await buyer.page.reload();
  await buyer.page.getByRole("button", { name: "Accept the counter" }).click();
  await expect(buyer.page.getByTestId("offer-panel")).toContainText("Accepted!");
  await expect(buyer.page.getByTestId("purchase-panel")).toContainText("Reserved for you until");

  try {
    // A guest, and a signed-in collector, each in a browser of their own.
    const guest = await browser.newContext();
    const other = await browser.newContext();
    await new SignInPage(await other.newPage()).signIn(DEMO.consumer, { password: DEMO_PASSWORD });
    for (const context of [guest, other]) {
      const visitor = context.pages()[0] ?? (await context.newPage());
      await visitor.goto(piece.path);
      await expect(visitor.getByTestId("availability")).toHaveText("Reserved for another collector");
      await expect(visitor.getByText("One of a kind: available")).toHaveCount(0);
      await expect(visitor.getByTestId("offer-panel")).toHaveCount(0);
      await expect(visitor.getByRole("button", { name: "Send offer" })).toHaveCount(0);
      await expect(visitor.getByRole("button", { name: "Add to cart" })).toHaveCount(0);
      await expect(visitor.getByTestId("buy-bar")).toHaveCount(0);
      await context.close();
    }
  } finally {
    // Give the piece back for other journeys.
    await buyer.page.getByRole("button", { name: "Withdraw my offer" }).click();
    await expect(buyer.page.getByTestId("offer-panel")).toContainText("You can make a new one.");
  }
});

test("the gallery states condition and certificate in the studio, and the page shows them", async ({
  page,
  signInPage,
}) => {
  await signInPage.signIn(DEMO.gallery, { password: DEMO_PASSWORD, callbackUrl: "/creators/west-lake-gallery" });
  const hrefs = await page
    .locator('main article h3 a[href^="/artworks/"]')
    .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  let path = "";
  for (const href of hrefs) {
    await page.goto(href);
    if (await page.getByRole("link", { name: "Edit it in the studio" }).count()) {
      path = href;
      break;
    }
  }
  expect(path, "no artwork of the gallery offers its studio link").not.toBe("");
  await page.getByRole("link", { name: "Edit it in the studio" }).click();
  await expect(page).toHaveURL(/\/studio\/products\/[^/]+$/);
  const edit = page.url();
  const condition = page.getByLabel("Condition", { exact: true });
  const certificate = page.getByLabel("Comes with a certificate of authenticity");
  const before = { condition: await condition.inputValue(), certificate: await certificate.isChecked() };

  const save = async (value: string, withCertificate: boolean) => {
    await page.goto(edit);
    await condition.selectOption(value);
    await certificate.setChecked(withCertificate);
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
  };
  try {
    await save("fair", false);
    await page.goto(path);
    const facts = page.getByTestId("artwork-facts");
    await expect(facts).toContainText("Fair");
    await expect(facts).toContainText("ask the seller for a condition report");
    await expect(facts).toContainText("No certificate of authenticity");

    await save("", true);
    await page.goto(path);
    await expect(facts).not.toContainText("Condition");
    await expect(facts).toContainText("Certificate of authenticity issued by the gallery, included");
  } finally {
    await save(before.condition, before.certificate);
  }
});
