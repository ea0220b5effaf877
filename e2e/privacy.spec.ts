import { expect, test } from "@playwright/test";

test("download my data, then delete the account after a confirmation step", async ({ page }) => {
  const email = `leaving-${Date.now()}@example.com`;
  const password = "goodbye-for-now-3";
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Lee Leaving");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/account$/);

  await page.getByRole("link", { name: "Privacy: your data and choices" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Privacy" })).toBeVisible();

  const exported = await page.request.get("/account/privacy/export");
  expect(exported.status()).toBe(200);
  expect(exported.headers()["content-disposition"]).toMatch(/attachment/);
  const data = await exported.json();
  expect(data.profile).toMatchObject({ email, name: "Lee Leaving" });
  expect(JSON.stringify(data)).not.toContain("passwordHash");

  const form = page.getByRole("form", { name: "Delete your account" });
  await form.getByLabel(/To confirm, type your email address/).fill("someone-else@example.com");
  await form.getByRole("button", { name: "Delete my account" }).click();
  await expect(form.getByText("Type the email address of this account to confirm.")).toBeVisible();

  await form.getByLabel(/To confirm, type your email address/).fill(email);
  await form.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/\?account=deleted$/);
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  expect((await page.request.get("/account/privacy/export")).status()).toBe(401);
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).last().click();
  await expect(page.getByText("That email and password do not match an account.")).toBeVisible();
});
