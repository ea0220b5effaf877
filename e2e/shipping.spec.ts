import { DEMO, DEMO_PASSWORD, expect, test } from "./fixtures";
import { CheckoutPage, PAY } from "./pages/checkout-page";
import { SignInPage } from "./pages/sign-in-page";

/**
 * Shipping as the buyer and the gallery meet it: a unique original of West Lake Gallery
 * (gallery@atelier.test) and a course in one cart, to a London address → the gallery's shipping and the
 * UK's VAT, included in the prices → paid → the order says the piece is unique, opens the course, says
 * where the piece ships and that its parcel is being prepared → the gallery marks it shipped with a
 * tracking number in the studio → the buyer sees it shipped, and the order fulfilled.
 */
test("an original and a course shipped to London: shipping and included VAT, then the tracking number", async ({
  browser,
  users,
}) => {
  test.setTimeout(180_000);
  const { page: buyer } = await users.signUp({ name: "Lena London", label: "lena" });
  await buyer.goto("/creators/west-lake-gallery");
  const paths = await buyer
    .locator('main article h3 a[href^="/artworks/"]')
    .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? "").filter(Boolean));
  let bought: string | null = null;
  // Shuffled, so repeated runs rarely pick a piece an earlier run bought.
  for (const path of paths.sort(() => Math.random() - 0.5)) {
    await buyer.goto(path);
    if ((await buyer.getByTestId("availability").textContent()) !== "One of a kind: available") continue;
    const add = buyer.getByTestId("purchase-panel").getByRole("button", { name: "Add to cart" });
    if (!(await add.isVisible())) continue;
    await add.click();
    await expect(buyer.getByText("Added to your cart.")).toBeVisible();
    bought = path;
    break;
  }
  expect(bought, "a West Lake Gallery original for sale").toBeTruthy();
  // A course beside it: nothing to ship, and it opens once the order is paid.
  await buyer.goto("/courses");
  let course: string | null = null;
  for (const href of await buyer
    .getByRole("list", { name: "Courses" })
    .locator("article h3 a")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""))) {
    await buyer.goto(href);
    const add = buyer.getByTestId("purchase-panel").getByRole("button", { name: "Add to cart" });
    if (!(await add.isVisible())) continue;
    await add.click();
    await expect(buyer.getByText("Added to your cart.")).toBeVisible();
    course = href;
    break;
  }
  expect(course, "a course to buy").toBeTruthy();

  const checkout = new CheckoutPage(buyer);
  await checkout.goto({
    country: "United Kingdom",
    name: "Lena London",
    line1: "12 St James's Square",
    city: "London",
    region: "",
    postalCode: "sw1y4jh",
    phone: "+44 20 7946 0000",
  });
  await expect(buyer.getByTestId("shipping-address")).toContainText("SW1Y 4JH");
  const charges = buyer.getByTestId("checkout-charges");
  await expect(charges).toContainText("Shipping from West Lake Gallery");
  await expect(charges).toContainText("Incl. VAT 20% (GB)");
  const toPay = await checkout.toPay.getAttribute("data-price");
  await checkout.placeOrder(PAY.succeed);
  const orderId = await checkout.placed();
  await expect(buyer.locator("main p", { hasText: "Total" }).locator("[data-price]")).toHaveAttribute(
    "data-price",
    toPay!,
  );
  await expect(buyer.getByTestId("fulfilments")).toContainText("West Lake Gallery: being prepared");
  await expect(buyer.getByRole("link", { name: "Start learning" })).toHaveAttribute(
    "href",
    course!.replace("/courses/", "/learn/"),
  );

  const gallery = await (await browser.newContext()).newPage();
  await new SignInPage(gallery).signIn(DEMO.gallery, { password: DEMO_PASSWORD, callbackUrl: "/studio/shipments" });
  const parcel = gallery.getByTestId("shipment").filter({ hasText: orderId.slice(0, 8).toUpperCase() });
  await expect(parcel).toContainText("London");
  // A tracking number that is not one is refused beside its field, and nothing is sent.
  await parcel.getByLabel("Carrier").fill("Royal Mail");
  await parcel.getByLabel("Tracking number").fill("#!");
  await parcel.getByRole("button", { name: "Mark shipped" }).click();
  await expect(parcel).toContainText("Use 4 to 40 letters, digits, spaces or dashes.");
  await parcel.getByLabel("Tracking number").fill("RM123456789GB");
  await parcel.getByRole("button", { name: "Mark shipped" }).click();
  await expect(parcel).toContainText("Sent with Royal Mail, tracking number RM123456789GB.");

  await buyer.goto(`/orders/${orderId}`);
  await expect(buyer.getByTestId("fulfilments")).toContainText("West Lake Gallery: shipped");
  await expect(buyer.getByTestId("fulfilments")).toContainText("RM123456789GB");
});

/**
 * The papers of an edition print: a West Lake Gallery edition bought and paid → its number on the order
 * → the invoice (printable without the site's chrome, total as paid, the number on the line, nobody
 * else's to open) → the certificate of authenticity with the same number → the gallery ships it and
 * marks it delivered → the buyer reads the delivery date.
 */
test("an edition's number on its invoice and certificate, then the gallery marks it delivered", async ({
  browser,
  users,
}) => {
  test.setTimeout(180_000);
  const { page: buyer } = await users.signUp({ name: "Edda Edition", label: "edda" });
  await buyer.goto("/creators/west-lake-gallery");
  const paths = await buyer
    .locator("main article", { hasText: "Edition of" })
    .locator('h3 a[href^="/artworks/"]')
    .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? "").filter(Boolean));
  let bought = false;
  for (const path of paths) {
    await buyer.goto(path);
    const add = buyer.getByTestId("purchase-panel").getByRole("button", { name: "Add to cart" });
    if (!(await add.isVisible())) continue;
    await add.click();
    await expect(buyer.getByText("Added to your cart.")).toBeVisible();
    bought = true;
    break;
  }
  expect(bought, "a West Lake Gallery edition for sale").toBe(true);

  const checkout = new CheckoutPage(buyer);
  await checkout.goto();
  const toPay = await checkout.toPay.getAttribute("data-price");
  await checkout.placeOrder(PAY.succeed);
  const orderId = await checkout.placed();
  const numberText = (await buyer.getByTestId("edition-number").first().textContent()) ?? "";
  const edition = /Edition (\d+ \/ \d+)/.exec(numberText)?.[1];
  expect(edition, "the order names the print's number").toBeTruthy();

  await buyer.getByRole("link", { name: "Invoice" }).click();
  await expect(buyer).toHaveURL(new RegExp(`/orders/${orderId}/invoice$`));
  const invoice = buyer.getByTestId("invoice");
  await expect(invoice.getByRole("heading", { name: "Invoice" })).toBeVisible();
  await expect(buyer.getByTestId("invoice-number")).toHaveText(
    new RegExp(`^INV-\\d{8}-${orderId.slice(0, 8).toUpperCase()}$`),
  );
  await expect(buyer.getByTestId("invoice-line").first()).toContainText(`Edition ${edition!}`);
  await expect(buyer.getByTestId("invoice-line").first()).toContainText("West Lake Gallery");
  await expect(buyer.getByTestId("invoice-total").locator("[data-price]")).toHaveAttribute("data-price", toPay!);
  // On paper: the invoice alone, without the site's header or the print button.
  await buyer.emulateMedia({ media: "print" });
  await expect(buyer.locator("body > header").first()).toBeHidden();
  await expect(buyer.getByRole("button", { name: "Print" })).toBeHidden();
  await expect(invoice).toBeVisible();
  await buyer.emulateMedia({ media: "screen" });

  // Another signed-in customer cannot open it.
  const { page: stranger } = await users.signUp({ name: "Nosy Neighbour", label: "nosy" });
  const response = await stranger.goto(`/orders/${orderId}/invoice`);
  expect(response?.status()).toBe(404);

  await buyer.goto(`/orders/${orderId}`);
  await buyer.getByRole("link", { name: "Certificate of authenticity" }).first().click();
  await expect(buyer).toHaveURL(new RegExp(`/orders/${orderId}/certificate/`));
  const certificate = buyer.getByTestId("certificate");
  await expect(certificate.getByRole("heading", { name: "Certificate of authenticity" })).toBeVisible();
  await expect(buyer.getByTestId("certificate-edition")).toHaveText(edition!);
  await expect(certificate).toContainText("Edda Edition");
  await expect(certificate).toContainText("West Lake Gallery");
  await expect(buyer.getByTestId("certificate-id")).toHaveText(/^COA-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);

  const gallery = await (await browser.newContext()).newPage();
  await new SignInPage(gallery).signIn(DEMO.gallery, { password: DEMO_PASSWORD, callbackUrl: "/studio/shipments" });
  const parcel = gallery.getByTestId("shipment").filter({ hasText: orderId.slice(0, 8).toUpperCase() });
  await expect(parcel).toContainText(`edition ${edition!}`);
  await parcel.getByLabel("Carrier").fill("SF Express");
  await parcel.getByLabel("Tracking number").fill("SF1234567890123");
  await parcel.getByRole("button", { name: "Mark shipped" }).click();
  await expect(parcel).toContainText("Sent with SF Express, tracking number SF1234567890123.");
  await parcel.getByRole("button", { name: "Mark delivered" }).click();
  await expect(parcel).toContainText(/Delivered on /);
  await expect(parcel.getByRole("button", { name: "Mark delivered" })).toHaveCount(0);

  await buyer.goto(`/orders/${orderId}`);
  await expect(buyer.getByTestId("fulfilments")).toContainText("West Lake Gallery: delivered");
  await expect(buyer.getByTestId("delivered-on")).toContainText(/Delivered on /);
});
