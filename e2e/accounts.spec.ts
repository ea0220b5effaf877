import { expect, test } from "@playwright/test";
import { signIn, signOut } from "./support";

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
  await expect(page.getByText(email, { exact: true })).toBeVisible();

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
  await expect(page.getByText(email, { exact: true })).toBeVisible();
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

test("a session cookie copied before sign-out no longer opens the account afterwards", async ({ page, browser }) => {
  await signIn(page, "consumer@atelier.test");
  const copied = (await page.context().cookies()).filter((c) => c.name.includes("session-token"));
  expect(copied.length).toBeGreaterThan(0);
  await signOut(page);

  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const stolen = await thief.newPage();
  await stolen.goto("/account");
  await expect(stolen).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount/);
  await thief.close();
});

test("a new account sees the verification banner; wrong passwords are limited with a clear wait", async ({ page }) => {
  const email = `unverified-${Date.now()}@example.com`;
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Una Verified");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByText(`Please confirm your email address: we sent a link to ${email}.`)).toBeVisible();
  await page.getByRole("button", { name: "Send the link again" }).click();
  await expect(page.getByText("A new link is on its way.")).toBeVisible();
  await signOut(page);

  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("Password").fill(`wrong-password-${i}`);
    await page.getByRole("button", { name: "Sign in" }).last().click();
    // The message stays from the previous attempt; the emptied password field says this one was answered.
    await expect(page.getByLabel("Password")).toHaveValue("");
    await expect(page.getByText("That email and password do not match an account.")).toBeVisible();
  }
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).last().click();
  await expect(page.getByText("Too many attempts. Try again in 5 minutes.")).toBeVisible();
});

test("forgot password answers without saying whether the address has an account", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.getByLabel("Email").fill("nobody-here@example.com");
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(
    page.getByText(
      "If an account uses nobody-here@example.com, a link to reset its password is on its way. It works for 30 minutes.",
    ),
  ).toBeVisible();
  await page.goto("/reset-password?token=made-up");
  await expect(page.getByText("This link has expired or was already used. Ask for a new one.")).toBeVisible();
});
