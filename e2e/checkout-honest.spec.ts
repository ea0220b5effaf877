import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { CheckoutPage, PAY } from "./pages/checkout-page";

/**
 * Checkout tells the truth about what happened: a buyer whose only item sold out while they were on
 * the checkout page is told which item. (A retried key going to its order is covered by
 * app/_actions/checkout-honest.test.ts: a browser cannot resend one form's key cheaply.)
 */

/**
 * Subjects of the mails the server wrote for `to` (no SMTP_URL: lib/mail's file transport, under
 * E2E_MAIL_DIR, which playwright.config.ts hands the server it starts as MAIL_DIR).
 */
async function mailSubjects(to: string): Promise<string[]> {
  const dir = path.resolve(process.env.E2E_MAIL_DIR ?? ".data/e2e-mail");
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith(".json"));
  const mails = await Promise.all(
    names.map(async (n) => JSON.parse(await readFile(path.join(dir, n), "utf8")) as { to: string; subject: string }),
  );
  return mails.filter((m) => m.to === to).map((m) => m.subject);
}

/** A unique original this viewer can add to the cart, with its title as its page states it. */
async function pickUniqueArtwork(page: Page): Promise<{ path: string; title: string }> {
  await page.goto("/artworks?edition=unique&availability=available");
  const paths = [
    ...new Set(
      await page
        .locator("main article h3 a")
        .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? "").filter(Boolean)),
    ),
  ].sort(() => Math.random() - 0.5);
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

test("the buyer who lost the race for the only item in their cart is told which item sold out", async ({ users }) => {
  test.setTimeout(180_000);
  // Two buyers, each in a browser context of their own.
  const { page: winner, email: winnerEmail } = await users.signUp({ name: "Wyn Winner", label: "wyn" });
  const { page: loser, email: loserEmail } = await users.signUp({ name: "Lou Loser", label: "lou" });
  const winnerCheckout = new CheckoutPage(winner);
  const loserCheckout = new CheckoutPage(loser);
  const artwork = await pickUniqueArtwork(winner);
  await addToCart(winner, artwork.path);
  await addToCart(loser, artwork.path);

  // Both are on the checkout page with the piece in their cart; the winner pays first.
  await loserCheckout.goto();
  await winnerCheckout.goto();
  await winnerCheckout.placeOrder(PAY.succeed);
  const orderPath = `/orders/${await winnerCheckout.placed()}`;

  await loserCheckout.placeOrder();
  await expect(loserCheckout.alert).toHaveText(
    `“${artwork.title}” sold out while you were checking out, so there is nothing left to buy. Nothing was charged.`,
  );
  await expect(loser).toHaveURL(/\/checkout(\?address=[^&]+)?$/);

  // The winner's order lists the piece and its confirmation mail arrives; the loser bought nothing.
  await winner.goto("/orders");
  await expect(winner.locator(`main a[href='${orderPath}']`)).toContainText(artwork.title);
  await loser.goto("/orders");
  await expect(loser.getByText("You have not ordered anything yet.")).toBeVisible();
  const reference = orderPath.split("/").pop()!.slice(0, 8).toUpperCase();
  await expect.poll(() => mailSubjects(winnerEmail), { timeout: 30_000 }).toContain(`Your Atelier order ${reference}`);
  expect((await mailSubjects(loserEmail)).filter((s) => s.startsWith("Your Atelier order"))).toEqual([]);
});
