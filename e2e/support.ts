import { expect, type Page } from "@playwright/test";

/** The seeded demo accounts' password (README). */
export const DEMO_PASSWORD = "atelier-demo-2026";

/** Signs in through the form and waits for the page the form sends the person to. */
export async function signIn(
  page: Page,
  email: string,
  { password = DEMO_PASSWORD, callbackUrl = "/account" }: { password?: string; callbackUrl?: string } = {},
) {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).last().click();
  // The navigation's own timeout, not expect's: a first sign-in may wait on a cold server.
  await page.waitForURL((u) => u.pathname === callbackUrl);
}

/** Signs out with the header's button and waits until the header offers to sign in again. */
export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
}
