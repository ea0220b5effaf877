import { type APIResponse, type Page } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, expect, test } from "./fixtures";
import { CheckoutPage, PAY } from "./pages/checkout-page";
import { SignInPage } from "./pages/sign-in-page";

/**
 * Buying and learning, end to end: cart, checkout and payment on the simulated provider's page, orders,
 * sold-out artworks, the lesson gate (in the browser and over plain HTTP), progress, and the guest cart
 * that follows its owner into their account. Every run creates its own users (e2e/fixtures.ts, removed
 * afterwards) and picks products from the catalogue as a visitor would, so it depends neither on seed
 * order nor on what other journeys bought before it.
 */

/** Product pages listed by a catalogue URL, in random order (so parallel or repeated runs rarely collide). */
async function catalogueLinks(page: Page, url: string): Promise<string[]> {
  await page.goto(url);
  const hrefs = await page
    .locator("main article h3 a")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const paths = [...new Set(hrefs.filter(Boolean))];
  for (let i = paths.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [paths[i], paths[j]] = [paths[j] as string, paths[i] as string];
  }
  expect(paths.length, `no products at ${url}`).toBeGreaterThan(0);
  return paths;
}

type Picked = { path: string; slug: string; title: string; price: number };

/**
 * Opens catalogue products until one offers "Add to cart" to this viewer (not sold out, not reserved,
 * not already owned), and returns it with its list price as the page states it in data-price.
 */
async function pickBuyable(
  page: Page,
  url: string,
  accept: (page: Page) => Promise<boolean> = async () => true,
): Promise<Picked> {
  for (const path of await catalogueLinks(page, url)) {
    await page.goto(path);
    const add = page.getByTestId("purchase-panel").getByRole("button", { name: "Add to cart" });
    if (!(await add.isVisible()) || !(await accept(page))) continue;
    const price = Number(await page.locator("main [data-price]").first().getAttribute("data-price"));
    const title = (await page.getByRole("heading", { level: 1 }).textContent())?.trim() ?? "";
    return { path, slug: path.split("/").pop() as string, title, price };
  }
  throw new Error(`nothing buyable at ${url}`);
}

async function addToCart(page: Page, product: Picked) {
  await page.goto(product.path);
  await page.getByTestId("purchase-panel").getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByText("Added to your cart.")).toBeVisible();
}

/** The edition counter on an artwork page: "Next available: 3 of 20 (18 left)". */
async function piecesLeft(page: Page, path: string): Promise<number> {
  await page.goto(path);
  const status = (await page.locator("main p[role=status]").first().textContent()) ?? "";
  const left = /\((\d+) left\)/.exec(status);
  if (left) return Number(left[1]);
  return status.includes("Sold out") ? 0 : 1;
}

const cartLine = (page: Page, title: string) => page.getByTestId("cart-line").filter({ hasText: title });

/** Preview-lesson slugs, read from the course page's "Free preview" links. */
async function previewSlugs(page: Page, course: string): Promise<string[]> {
  await page.goto(`/courses/${course}`);
  const hrefs = await page
    .getByRole("link", { name: "Free preview" })
    .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  return hrefs.map((h) => h.split("/").pop() as string);
}

/** Lesson slugs from the player's outline (someone with full access sees every lesson as a link). */
async function outlineSlugs(page: Page, course: string): Promise<string[]> {
  await page.goto(`/learn/${course}`);
  await expect(page).toHaveURL(new RegExp(`/learn/${course}/[a-z0-9-]+$`));
  const hrefs = await page
    .getByRole("navigation", { name: "Course lessons" })
    .getByRole("link")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  return hrefs.map((h) => h.split("/").pop() as string);
}

/**
 * A sentence of the lesson body as rendered: the longest paragraph or list item of plain text (no inline
 * markup, no characters HTML or JSON would escape), so it can be searched for verbatim in raw responses.
 */
async function bodySentence(page: Page): Promise<string> {
  const texts = await page
    .locator(".prose-lesson")
    .locator("p, li")
    .evaluateAll((nodes) => nodes.filter((n) => n.children.length === 0).map((n) => (n.textContent ?? "").trim()));
  const plain = texts.filter((t) => t.length >= 30 && !/["'&<>\\]/.test(t)).sort((a, b) => b.length - a.length);
  expect(plain.length, "the lesson body has no plain sentence to look for").toBeGreaterThan(0);
  return plain[0] as string;
}

/** The page as HTML and as the RSC payload a client navigation fetches. */
async function fetchBoth(page: Page, path: string): Promise<{ html: string; rsc: string; rscResponse: APIResponse }> {
  const htmlResponse = await page.request.get(path);
  expect(htmlResponse.status()).toBeLessThan(500);
  const rscResponse = await page.request.get(path, { headers: { RSC: "1" } });
  expect(rscResponse.status()).toBeLessThan(500);
  return { html: await htmlResponse.text(), rsc: await rscResponse.text(), rscResponse };
}

test("a new buyer gets a unique artwork and a course, sees the order, and learns from the paid lesson", async ({
  page,
  consumer: _buyer,
  checkoutPage,
}) => {
  test.setTimeout(180_000);

  const artwork = await pickBuyable(page, "/artworks?edition=unique&availability=available");
  await addToCart(page, artwork);
  // A course with at least one paid lesson beyond its free previews.
  const course = await pickBuyable(
    page,
    "/courses",
    async (p) =>
      (await p.getByRole("link", { name: "Free preview" }).count()) <
      (await p.locator("section[aria-labelledby=curriculum] ol > li li").count()),
  );
  await addToCart(page, course);
  // Adding the course again changes nothing: a course is bought once.
  await addToCart(page, course);
  await page.reload();
  await expect(page.getByTestId("purchase-panel")).toContainText("1 in your cart.");

  await page.goto("/cart");
  await page.reload();
  await expect(page.getByTestId("cart-line")).toHaveCount(2);
  await expect(cartLine(page, course.title).getByTestId("cart-quantity")).toHaveText("× 1");
  await expect(cartLine(page, artwork.title).getByTestId("cart-quantity")).toHaveText("× 1");
  // Neither a course nor a unique original has a quantity stepper.
  await expect(page.getByRole("button", { name: "One more" })).toHaveCount(0);
  await expect(page.getByTestId("cart-link")).toHaveText("Cart (2)");
  const subtotal = page.locator("p", { hasText: "Subtotal" }).locator("[data-price]");
  await expect(subtotal).toHaveAttribute("data-price", String(artwork.price + course.price));

  await page.getByRole("link", { name: "Check out" }).click();
  await expect(page).toHaveURL(/\/checkout$/);
  // The original ships: checkout asks where to, then adds its creator's shipping (and insurance).
  await checkoutPage.ensureAddress();
  await expect(page.getByTestId("checkout-charges")).toContainText("Shipping from");
  const paying = Number(await checkoutPage.toPay.getAttribute("data-price"));
  expect(paying).toBeGreaterThan(artwork.price + course.price);
  await checkoutPage.placeOrder(PAY.succeed);
  const orderId = await checkoutPage.placed();
  await expect(page.getByRole("status")).toContainText("Thank you for your order!");
  const total = page.locator("p", { hasText: "Total" }).locator("[data-price]");
  await expect(total).toHaveAttribute("data-price", String(paying));
  await expect(page.getByTestId("order-charges")).toContainText("Shipping from");
  await expect(page.getByTestId("fulfilments")).toContainText("being prepared");
  await expect(page.getByTestId("cart-link")).toHaveText("Cart (0)");

  await page.goto("/orders");
  const row = page.locator(`a[href="/orders/${orderId}"]`);
  await expect(row).toContainText(artwork.title);
  await expect(row).toContainText(course.title);
  await expect(row.locator("[data-price]")).toHaveAttribute("data-price", String(paying));

  // The unique original is gone: sold out on its page, nothing to buy or offer on.
  await page.goto(artwork.path);
  await expect(page.locator("main p[role=status]").first()).toHaveText("Sold out");
  await expect(page.getByRole("button", { name: "Add to cart" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Send offer" })).toHaveCount(0);

  // The course page now leads into the course; the paid lesson opens with its body.
  await page.goto(course.path);
  await expect(page.getByTestId("purchase-panel")).toContainText("You own this course.");
  const previews = await previewSlugs(page, course.slug);
  const lessonsInOrder = await outlineSlugs(page, course.slug);
  const paid = lessonsInOrder.find((s) => !previews.includes(s));
  expect(paid, "the course has a paid lesson").toBeTruthy();
  await page.goto(`/learn/${course.slug}/${paid}`);
  await expect(page).toHaveURL(new RegExp(`/learn/${course.slug}/${paid}$`));
  await expect(page.locator(".prose-lesson")).not.toBeEmpty();
  await bodySentence(page);
  await expect(page.getByText("You are reading a free preview.")).toHaveCount(0);

  const outline = page.getByRole("navigation", { name: "Course lessons" });
  await expect(outline).toContainText(`0 of ${lessonsInOrder.length} lessons completed`);
  await page.getByRole("button", { name: "Mark as complete" }).click();
  await expect(page.getByRole("button", { name: "Completed ✓" })).toBeVisible();
  await expect(outline).toContainText(`1 of ${lessonsInOrder.length} lessons completed`);
  await page.reload();
  await expect(page.getByRole("button", { name: "Completed ✓" })).toHaveAttribute("aria-pressed", "true");

  await page.goto("/account");
  const learning = page.locator("section[aria-labelledby=continue-learning]");
  await expect(learning.getByRole("heading", { name: "Continue learning" })).toBeVisible();
  await expect(learning).toContainText(course.title);
  await expect(learning).toContainText(`1 of ${lessonsInOrder.length} lessons completed`);
  await expect(learning.getByRole("link", { name: "Continue" })).toHaveAttribute(
    "href",
    new RegExp(`^/learn/${course.slug}/`),
  );
});

test("a declined payment says so on the order, and gives the piece back; paying again buys it", async ({
  page,
  browser,
  consumer: _buyer,
  checkoutPage,
}) => {
  test.setTimeout(120_000);
  // An edition with at least two pieces left, so the counter shows the stock as a number.
  const edition = await pickBuyable(
    page,
    "/artworks?edition=edition&availability=available",
    async (p) =>
      /\((\d{1,}) left\)/.test((await p.locator("main p[role=status]").first().textContent()) ?? "") &&
      !(await p.getByText("(1 left)").isVisible()),
  );
  const before = await piecesLeft(page, edition.path);
  await addToCart(page, edition);

  await checkoutPage.checkout(PAY.decline);
  const declined = await checkoutPage.returned();
  await expect(page.locator("main").getByRole("alert")).toContainText("Your payment did not go through");
  await expect(page.locator("main").getByRole("alert")).toContainText("Nothing was charged.");

  await page.goto("/cart");
  await expect(page.getByTestId("cart-line")).toHaveCount(1);
  await expect(cartLine(page, edition.title).getByTestId("cart-quantity")).toHaveText("1");
  await page.goto("/orders");
  await expect(page.locator(`a[href="/orders/${declined}"]`)).toContainText("Payment failed");
  // Seen by another visitor too: the piece is for sale again, the counter as before.
  const other = await browser.newContext();
  expect(await piecesLeft(await other.newPage(), edition.path)).toBe(before);
  await other.close();

  // A new checkout, paid this time, goes through: the piece plus its shipping to the saved address.
  await checkoutPage.goto();
  const paying = Number(await checkoutPage.toPay.getAttribute("data-price"));
  expect(paying).toBeGreaterThan(edition.price);
  await checkoutPage.placeOrder(PAY.succeed);
  await checkoutPage.placed();
  await expect(page.locator("p", { hasText: "Total" }).locator("[data-price]")).toHaveAttribute(
    "data-price",
    String(paying),
  );
  await expect(page.getByTestId("edition-number")).toHaveText(/^Edition \d+ \/ \d+$/);
  expect(await piecesLeft(page, edition.path)).toBe(before - 1);
});

test("the lesson gate holds over plain HTTP, in the HTML and in the RSC payload", async ({ browser, users }) => {
  test.setTimeout(180_000);
  // An admin may read every lesson: they find a paid lesson of some course and a sentence of its body.
  const admin = await (await browser.newContext()).newPage();
  await new SignInPage(admin).signIn(DEMO.admin, { password: DEMO_PASSWORD });
  const courses = await catalogueLinks(admin, "/courses");
  let gated: { course: string; paid: string; preview: string } | null = null;
  for (const path of courses) {
    const course = path.split("/").pop() as string;
    const previews = await previewSlugs(admin, course);
    const paid = (await outlineSlugs(admin, course)).find((s) => !previews.includes(s));
    if (previews[0] && paid) {
      gated = { course, paid, preview: previews[0] };
      break;
    }
  }
  if (!gated) throw new Error("no course with both a free preview and a paid lesson");
  const paidPath = `/learn/${gated.course}/${gated.paid}`;
  const previewPath = `/learn/${gated.course}/${gated.preview}`;
  await admin.goto(paidPath);
  const secret = await bodySentence(admin);
  // Control: the sentence is there, in both forms, for someone who may read the lesson.
  const allowed = await fetchBoth(admin, paidPath);
  expect(allowed.html).toContain(secret);
  expect(allowed.rsc).toContain(secret);
  expect(allowed.rscResponse.headers()["content-type"]).toContain("text/x-component");

  // An anonymous visitor: no body, whichever way they ask.
  const anonymousContext = await browser.newContext();
  const anonymous = await anonymousContext.newPage();
  const asAnonymous = await fetchBoth(anonymous, paidPath);
  expect(asAnonymous.html).not.toContain(secret);
  expect(asAnonymous.rsc).not.toContain(secret);
  expect(asAnonymous.html).toContain("Curriculum");
  // ... while a free preview lesson is readable without an account, in both forms.
  await anonymous.goto(previewPath);
  await expect(anonymous).toHaveURL(new RegExp(`${previewPath}$`));
  const previewSecret = await bodySentence(anonymous);
  const preview = await fetchBoth(anonymous, previewPath);
  expect(preview.html).toContain(previewSecret);
  expect(preview.rsc).toContain(previewSecret);
  await anonymousContext.close();

  // A signed-in buyer of another course (in a browser context of their own): still no body.
  const { page: buyer, email } = await users.signUp({ name: "Otto Other", label: "other-course" });
  const otherCourse = await pickBuyable(
    buyer,
    "/courses?sort=price_asc",
    async (p) => !p.url().endsWith(`/courses/${gated.course}`),
  );
  await addToCart(buyer, otherCourse);
  const buyerCheckout = new CheckoutPage(buyer);
  await buyerCheckout.checkout(PAY.succeed);
  await buyerCheckout.placed();
  expect(await (await buyer.request.get("/account")).text()).toContain(email);
  const asOtherBuyer = await fetchBoth(buyer, paidPath);
  expect(asOtherBuyer.html).not.toContain(secret);
  expect(asOtherBuyer.rsc).not.toContain(secret);
  // In the browser they land on the course page with the buy prompt.
  await buyer.goto(paidPath);
  await expect(buyer).toHaveURL(new RegExp(`/courses/${gated.course}\\?locked=${gated.paid}$`));
  await expect(buyer.getByTestId("locked-notice")).toContainText("Buy the course to unlock every lesson.");
});

test("a guest cart joins the account's cart on sign-in", async ({ page, consumer, signInPage }) => {
  test.setTimeout(120_000);
  const course = await pickBuyable(page, "/courses");
  await addToCart(page, course);
  await signInPage.signOut();

  // Signed out, the same browser is a guest with an empty cart of its own.
  await page.goto("/cart");
  await expect(page.getByText("Your cart is empty.")).toBeVisible();
  const artwork = await pickBuyable(page, "/artworks?availability=available");
  await addToCart(page, artwork);
  // The guest also picks the course the account already has in its cart.
  await addToCart(page, course);
  await page.goto("/cart");
  await expect(page.getByTestId("cart-line")).toHaveCount(2);
  await expect(page.getByText("Sign in or create an account to check out")).toBeVisible();

  await signInPage.signIn(consumer.email, { password: consumer.password });
  await page.goto("/cart");
  await expect(page.getByTestId("cart-line")).toHaveCount(2);
  await expect(cartLine(page, artwork.title)).toBeVisible();
  // Merged, the course is still one course.
  await expect(cartLine(page, course.title).getByTestId("cart-quantity")).toHaveText("× 1");
  await expect(page.getByTestId("cart-link")).toHaveText("Cart (2)");
  await expect(page.getByRole("link", { name: "Check out" })).toBeVisible();
});

test("a bundle page shows its saving against its items, links them, and sells the bundle", async ({ page }) => {
  // The demo campaign's bundle (lib/campaigns/fixtures.ts): a course and an edition.
  const path = "/bundles/ink-and-paper-bundle";
  await page.goto(path);
  const price = Number(await page.locator("main aside [data-price]").first().getAttribute("data-price"));
  const items = page.getByRole("list", { name: "In this bundle" }).getByRole("listitem");
  await expect(items).toHaveCount(2);
  const itemPrices = await items
    .locator("[data-price]")
    .evaluateAll((nodes) => nodes.map((n) => Number(n.getAttribute("data-price"))));
  const sum = itemPrices.reduce((a, b) => a + b, 0);
  const saving = page.getByTestId("bundle-saving").locator("[data-price]");
  await expect(saving.first()).toHaveAttribute("data-price", String(sum));
  await expect(saving.nth(1)).toHaveAttribute("data-price", String(sum - price));

  await page.getByTestId("purchase-panel").getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByText("Added to your cart.")).toBeVisible();
  await page.goto("/cart");
  const line = page.getByTestId("cart-line");
  await expect(line).toHaveCount(1);
  await expect(line.locator("[data-price]")).toHaveAttribute("data-price", String(price));
  await line.getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`${path}$`));

  // Each item card leads to the item's own page.
  const courseHref = (await items
    .filter({ hasText: "Course" })
    .getByRole("heading")
    .getByRole("link")
    .getAttribute("href")) as string;
  expect(courseHref).toMatch(/^\/courses\//);
  await items.filter({ hasText: "Course" }).getByRole("heading").getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`${courseHref}$`));

  expect((await page.request.get("/bundles/no-such-bundle")).status()).toBe(404);
});

test("creators are not offered their own work: an edit link to the studio instead", async ({ page, signInPage }) => {
  // Demo accounts: creator@atelier.test owns Lin Mei's profile, gallery@atelier.test West Lake Gallery's.
  for (const [email, creatorSlug, kind] of [
    [DEMO.creator, "lin-mei", "courses"],
    [DEMO.gallery, "west-lake-gallery", "artworks"],
  ] as const) {
    await signInPage.signIn(email, { password: DEMO_PASSWORD });
    await page.goto(`/creators/${creatorSlug}`);
    const own = await page
      .locator(`main article h3 a[href^="/${kind}/"]`)
      .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    expect(own.length).toBeGreaterThan(0);
    let checked = false;
    for (const path of own) {
      await page.goto(path);
      await expect(page.getByRole("button", { name: "Add to cart" })).toHaveCount(0);
      await expect(page.getByRole("button", { name: "Send offer" })).toHaveCount(0);
      const panel = page.getByTestId("purchase-panel");
      if (!(await panel.isVisible())) continue; // a sold-out artwork shows no panel at all
      await expect(panel).toContainText("This is your work.");
      await panel.getByRole("link", { name: "Edit it in the studio" }).click();
      await expect(page).toHaveURL(/\/studio\/products\/[^/]+$/);
      checked = true;
      break;
    }
    expect(checked, `no product page of ${creatorSlug} showed the notice`).toBe(true);
    await page.goto("/");
    await signInPage.signOut();
  }
});
