import { DEMO, DEMO_PASSWORD, expect, test } from "./fixtures";
import { CheckoutPage, PAY } from "./pages/checkout-page";
import { SignInPage } from "./pages/sign-in-page";

/**
 * Shipping as the buyer and the gallery meet it: an artwork of West Lake Gallery (gallery@atelier.test)
 * to a London address → the gallery's shipping and the UK's VAT, included in the prices → paid → the
 * order says where it ships and that the parcel is being prepared → the gallery marks it shipped with a
 * tracking number in the studio → the buyer sees it shipped, and the order fulfilled.
 */
test("an artwork shipped to London: shipping and included VAT, then the gallery's tracking number", async ({
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
  for (const path of paths.sort(() => Math.random() - 0.5)) {
    await buyer.goto(path);
    const add = buyer.getByTestId("purchase-panel").getByRole("button", { name: "Add to cart" });
    if (!(await add.isVisible())) continue;
    await add.click();
    await expect(buyer.getByText("Added to your cart.")).toBeVisible();
    bought = path;
    break;
  }
  expect(bought, "a West Lake Gallery artwork for sale").toBeTruthy();

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
