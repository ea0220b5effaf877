import { expect, test } from "@playwright/test";

const password = "paint-every-day-26";

test("sign up, sign out, sign in again, with clear messages for mistakes", async ({ page }) => {
  const email = `learner-${Date.now()}@example.com`;

  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Lin Learner");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();

  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  const denied = await page.goto("/account");
  expect(denied?.url()).toMatch(/\/sign-in/);

  // The same email cannot register twice.
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Someone Else");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("An account with this email already exists.")).toBeVisible();

  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("wrong-password-1");
  await page.getByRole("button", { name: "Sign in" }).last().click();
  await expect(page.getByText("That email and password do not match an account.")).toBeVisible();

  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).last().click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByText(email)).toBeVisible();
});

test("the studio is only for creators, marketers and admins", async ({ page }) => {
  await page.goto("/sign-in?callbackUrl=/studio");
  await page.getByLabel("Email").fill("consumer@atelier.test");
  await page.getByLabel("Password").fill("atelier-demo-2026");
  await page.getByRole("button", { name: "Sign in" }).last().click();
  await expect(page).toHaveURL(/\/account\?denied=1$/);
  await expect(page.getByText("That page is only for creators, marketers and admins.")).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();

  await page.goto("/sign-in?callbackUrl=/studio");
  await page.getByLabel("Email").fill("marketer@atelier.test");
  await page.getByLabel("Password").fill("atelier-demo-2026");
  await page.getByRole("button", { name: "Sign in" }).last().click();
  await expect(page).toHaveURL(/\/studio$/);
});
