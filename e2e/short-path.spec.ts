import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { PAY, type ShippingAddress } from "./pages/checkout-page";

/**
 * The whole short path of issue 16, on a phone and on a desktop screen, as a signed-in buyer: browse
 * artworks → filter (a dialog on the phone) → open a numbered edition → add it (the buy bar on the
 * phone) → the cart drawer and page → checkout → a shipping address (a wrong postal code first) →
 * shipping and VAT shown → the simulated provider's page → paid → the order with its edition number.
 * Then the address sits in the account's address book as the default, where another can become it.
 * On the phone, checkout, the provider's page and the order never scroll sideways.
 */

const SIZES = [
  { name: "phone", width: 375, height: 800 },
  { name: "desktop", width: 1280, height: 900 },
] as const;

const LONDON: ShippingAddress = {
  country: "United Kingdom",
  name: "Lena London",
  line1: "12 St James's Square",
  city: "London",
  region: "",
  postalCode: "sw1y4jh",
  phone: "+44 20 7946 0000",
};

/** The count in "Show 7 results" / "7 results". */
const numberIn = async (text: Promise<string | null>) => Number((await text)?.match(/\d+/)?.[0] ?? "NaN");

/** How far the page is wider than the window (0 or less: no sideways scrolling). */
const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

for (const size of SIZES) {
  test.describe(`on a ${size.name} (${size.width}px)`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });
    const phone = size.width < 1024;

    test("browse → filter → edition → cart → address → pay → a paid order with its edition number", async ({
      page,
      consumer: _buyer,
      checkoutPage,
    }) => {
      test.setTimeout(180_000);
      await page.goto("/artworks");
      const consent = page.getByRole("button", { name: "Only necessary" });
      if (await consent.isVisible()) await consent.click();
      const total = await numberIn(page.getByRole("status").first().textContent());

      const filters = page.getByRole("form", { name: "Filters" });
      if (phone) {
        await expect(filters).toBeHidden();
        await page.getByRole("button", { name: "Filters" }).click();
        await expect(page.getByRole("dialog", { name: "Filters" })).toBeVisible();
      }
      await filters.getByLabel("Edition", { exact: true }).selectOption("edition");
      await filters.getByLabel("Availability", { exact: true }).selectOption("available");
      const live = page.getByTestId("filter-count");
      await expect.poll(() => numberIn(live.textContent())).toBeLessThan(total);
      const matching = await numberIn(live.textContent());
      expect(matching).toBeGreaterThan(0);
      if (phone) await filters.getByRole("button", { name: `Show ${matching} result` }).click();
      else await filters.getByRole("button", { name: "Apply" }).click();
      await expect(page).toHaveURL(/edition=edition/);

      // The first edition on offer to this buyer (the cheapest first: a small parcel).
      const hrefs = await page
        .getByRole("list", { name: "Artworks" })
        .locator("article h3 a")
        .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? "").filter(Boolean));
      let title = "";
      for (const href of hrefs) {
        await page.goto(href);
        const add = phone
          ? page.getByTestId("buy-bar").getByRole("button", { name: "Add to cart" })
          : page.getByTestId("purchase-panel").getByRole("button", { name: "Add to cart" });
        if (!(await add.isVisible())) continue;
        title = ((await page.getByRole("heading", { level: 1 }).textContent()) ?? "").trim();
        if (phone) expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
        await add.click();
        break;
      }
      expect(title, "an edition on sale").not.toBe("");
      if (!phone) {
        await expect(page.getByText("Added to your cart.")).toBeVisible();
        await page.getByTestId("cart-link").click();
      }
      const drawer = page.getByRole("dialog", { name: /Your cart/ });
      await expect(drawer.getByTestId("drawer-line").filter({ hasText: title })).toBeVisible();
      await drawer.getByRole("link", { name: "View cart" }).click();
      await expect(page).toHaveURL(/\/cart$/);
      await page.getByRole("link", { name: "Check out" }).click();
      await expect(page).toHaveURL(/\/checkout$/);

      // A new buyer has no address: the form, whose errors are tied to their fields.
      const form = page.getByTestId("shipping-address");
      await expect(checkoutPage.shipHereButton).toBeVisible();
      if (phone) expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      await form.getByLabel("Country or region").selectOption({ label: LONDON.country });
      await form.getByLabel("Full name").fill(LONDON.name);
      await form.getByLabel("Street and number").fill(LONDON.line1);
      await form.getByLabel("City", { exact: true }).fill(LONDON.city);
      await form.getByLabel("Postal code").fill("12345");
      await form.getByLabel("Phone").fill(LONDON.phone);
      await checkoutPage.shipHereButton.click();
      const postal = form.getByLabel("Postal code");
      await expect(postal).toHaveAttribute("aria-invalid", "true");
      await expect(postal).toHaveAccessibleDescription(/does not look like a postal code/);
      // What was typed stays, the country included (a form reset once put it back to the default).
      await expect(form.getByLabel("Full name")).toHaveValue(LONDON.name);
      await expect(form.getByLabel("Country or region")).toHaveValue("GB");
      await postal.fill(LONDON.postalCode);
      await checkoutPage.shipHereButton.click();
      await page.waitForURL(/\/checkout\?address=/);

      await expect(form).toContainText("SW1Y 4JH");
      const charges = page.getByTestId("checkout-charges");
      await expect(charges).toContainText("Shipping from");
      await expect(charges).toContainText("Incl. VAT 20% (GB)");
      if (phone) expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      const toPay = await checkoutPage.toPay.getAttribute("data-price");

      await checkoutPage.placeOrderButton.click();
      await page.waitForURL(/\/pay\/sim\/simpay_[0-9a-f]{24}$/);
      await expect(page.getByText("Test provider", { exact: true })).toBeVisible();
      await expect(page.locator("main [data-price]").first()).toHaveAttribute("data-price", toPay!);
      if (phone) expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      await checkoutPage.pay(PAY.succeed);
      await checkoutPage.placed();

      await expect(page.locator("main")).toContainText("Paid");
      await expect(page.getByTestId("edition-number")).toHaveText(/^Edition \d+ \/ \d+$/);
      await expect(page.getByTestId("fulfilments")).toContainText("being prepared");
      if (phone) expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);

      // The address is in the account, as the default; another one can take that role.
      await page.goto("/account");
      await page.getByRole("navigation", { name: "Your account" }).getByRole("link", { name: "Addresses" }).click();
      await expect(page).toHaveURL(/\/account\/addresses$/);
      const book = page.getByTestId("address-book").getByRole("listitem");
      await expect(book).toHaveCount(1);
      await expect(book.first()).toContainText("Default address");
      await expect(book.first()).toContainText("SW1Y 4JH");
      if (phone) expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);

      await page.getByRole("link", { name: "Add an address" }).click();
      await page.getByLabel("Country or region").selectOption({ label: "United States" });
      await page.getByLabel("Full name").fill("Lena in Boston");
      await page.getByLabel("Street and number").fill("1 Beacon Street");
      await page.getByLabel("City", { exact: true }).fill("Boston");
      await page.getByLabel("Postal code").fill("02108");
      await page.getByLabel("Phone").fill("+1 617 555 0100");
      await page.getByRole("button", { name: "Save address" }).click();
      // Massachusetts is required in the US: the message is read with the field.
      const region = page.getByLabel("State, province or prefecture");
      await expect(region).toHaveAccessibleDescription(/Required\./);
      await region.fill("MA");
      await page.getByLabel("Make this my default address").check();
      await page.getByRole("button", { name: "Save address" }).click();
      await expect(page).toHaveURL(/\/account\/addresses\?saved=added$/);
      await expect(page.getByRole("status").filter({ hasText: "The address is saved." })).toBeVisible();
      await expect(book).toHaveCount(2);
      await expect(book.first()).toContainText("Boston");
      await expect(book.first()).toContainText("Default address");

      // London becomes the default again, then is deleted: Boston, the only one left, is the default.
      await page
        .getByRole("button", { name: "Make Lena London, 12 St James's Square, London your default address" })
        .click();
      await expect(book.first()).toContainText("London");
      await page.getByRole("button", { name: "Delete the address Lena London, 12 St James's Square, London" }).click();
      await expect(book).toHaveCount(1);
      await expect(book.first()).toContainText("Boston");
      await expect(book.first()).toContainText("Default address");
    });
  });
}
