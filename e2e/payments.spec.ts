import { createHmac, randomUUID } from "node:crypto";
import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { PAY } from "./pages/checkout-page";

/**
 * Two-step payment, as a buyer meets it: cart → checkout → the simulated provider's own page (clearly
 * a test provider, no card field) → a 3-D Secure challenge → the provider's signed webhook → back on
 * the order, paid. Then the webhook endpoint as an attacker or a flaky network meets it: a bad
 * signature is refused with 400, and a replayed or reordered event changes nothing.
 */

const WEBHOOK = "/api/payments/webhook";

/** Signs a body as the simulated provider does (lib/commerce/providers/sim-signature.ts). */
function sign(body: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): string {
  return `t=${timestamp},v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

async function buyableCourse(page: Page): Promise<string> {
  await page.goto("/courses?sort=price_asc");
  const paths = await page
    .locator("main article h3 a")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? "").filter(Boolean));
  for (const path of paths) {
    await page.goto(path);
    if (await page.getByTestId("purchase-panel").getByRole("button", { name: "Add to cart" }).isVisible()) return path;
  }
  throw new Error("no course to buy");
}

test("cart → checkout → the simulated provider's page with 3-D Secure → webhook → a paid order", async ({
  page,
  consumer: _buyer,
  checkoutPage,
}) => {
  test.setTimeout(120_000);
  const course = await buyableCourse(page);
  await page.getByTestId("purchase-panel").getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByText("Added to your cart.")).toBeVisible();

  await page.goto("/cart");
  await page.getByRole("link", { name: "Check out" }).click();
  await expect(page).toHaveURL(/\/checkout$/);
  // Card data never reaches the shop: there is no card field at checkout.
  await expect(page.getByLabel("Card number")).toHaveCount(0);
  const total = await checkoutPage.toPay.getAttribute("data-price");
  await checkoutPage.placeOrder();

  // The provider's hosted page, labelled as the test provider, with the amount the shop asked for.
  await expect(page).toHaveURL(/\/pay\/sim\/simpay_[0-9a-f]{24}$/);
  const paymentId = page.url().split("/").pop()!;
  await expect(page.getByText("Test provider", { exact: true })).toBeVisible();
  await expect(page.locator("main [data-price]").first()).toHaveAttribute("data-price", total!);
  await expect(page.locator("main input:not([type=hidden])")).toHaveCount(0);

  await checkoutPage.pay(PAY.challenge);
  const orderId = await checkoutPage.placed();
  await expect(page.getByText("Paid", { exact: false }).first()).toBeVisible();
  await expect(page.getByTestId("cart-link")).toHaveText("Cart (0)");
  await page.goto(course);
  await expect(page.getByTestId("purchase-panel")).toContainText("You own this course.");

  // The provider's page now only says how it ended, and pressing nothing more can change it.
  await page.goto(`/pay/sim/${paymentId}`);
  await expect(page.getByText("This payment succeeded.")).toBeVisible();
  await expect(page.locator("main").getByRole("button")).toHaveCount(0);

  // A forged event (wrong secret) is refused with 400 ...
  const secret = process.env.E2E_SIM_PAYMENT_SECRET!;
  const failed = JSON.stringify({
    id: `simevt_replay_${randomUUID()}`,
    type: "payment.failed",
    data: {
      payment: {
        id: paymentId,
        merchant_reference: orderId,
        amount: Number(total),
        currency: "USD",
        failure_code: "card_declined",
      },
    },
  });
  const forged = await page.request.post(WEBHOOK, {
    data: failed,
    headers: { "content-type": "application/json", "atelier-sim-signature": sign(failed, "not-the-secret") },
  });
  expect(forged.status()).toBe(400);
  const unsigned = await page.request.post(WEBHOOK, { data: failed, headers: { "content-type": "application/json" } });
  expect(unsigned.status()).toBe(400);

  // ... and a genuine but late "failed" event, delivered twice, is acknowledged and changes nothing.
  for (let i = 0; i < 2; i++) {
    const late = await page.request.post(WEBHOOK, {
      data: failed,
      headers: { "content-type": "application/json", "atelier-sim-signature": sign(failed, secret) },
    });
    expect(late.status()).toBe(200);
    expect((await late.json()) as { outcome: string }).toMatchObject({ outcome: i === 0 ? "stale" : "duplicate" });
  }
  await page.goto(`/orders/${orderId}`);
  await expect(page.locator("main")).toContainText("Paid");
  await expect(page.getByTestId("payment-pending")).toHaveCount(0);
});
