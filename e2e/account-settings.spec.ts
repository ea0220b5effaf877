import { expect, test } from "@playwright/test";

test("change the display name and the password from the account settings, then sign in with the new password", async ({ page }) => {
  const stamp = Date.now();
  const email = `settings-${stamp}@example.com`;
  const oldPassword = "first-brush-2026";
  const newPassword = "second-brush-2027";
  const newName = `Samira Settings ${stamp}`;
  const header = page.locator("header");

  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Sam Settings");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(oldPassword);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(header.getByRole("link", { name: "Account: Sam Settings" })).toBeVisible();

  await page.getByRole("link", { name: "Settings: name, password and email" }).click();
  await expect(page).toHaveURL(/\/account\/settings$/);
  await expect(page.getByRole("heading", { name: "Account settings", level: 1 })).toBeVisible();

  // Name: the header shows the new one as soon as it is saved, without a reload.
  const nameForm = page.getByRole("form", { name: "Name" });
  await expect(nameForm.getByLabel("Display name")).toHaveValue("Sam Settings");
  await nameForm.getByLabel("Display name").fill("   ");
  await nameForm.getByRole("button", { name: "Save name" }).click();
  await expect(nameForm.getByText("Enter your name.")).toBeVisible();
  await nameForm.getByLabel("Display name").fill(`  ${newName}  `);
  await nameForm.getByRole("button", { name: "Save name" }).click();
  await expect(nameForm.getByRole("status")).toHaveText("Your name is saved.");
  await expect(header.getByRole("link", { name: `Account: ${newName}` })).toBeVisible();
  await expect(nameForm.getByLabel("Display name")).toHaveValue(newName);
  // The session token was re-issued with the new name too (the jwt callback's "update" trigger).
  expect((await (await page.request.get("/api/auth/session")).json()).user.name).toBe(newName);

  // Password: a wrong current password and a weak new one are explained in the form.
  const passwordForm = page.getByRole("form", { name: "Password" });
  await passwordForm.getByLabel("Current password").fill("not-my-password-1");
  await passwordForm.getByLabel("New password", { exact: true }).fill(newPassword);
  await passwordForm.getByLabel("Repeat the new password").fill(newPassword);
  await passwordForm.getByRole("button", { name: "Change password" }).click();
  await expect(passwordForm.getByText("That is not your current password.")).toBeVisible();
  await expect(passwordForm.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");

  await passwordForm.getByLabel("Current password").fill(oldPassword);
  await passwordForm.getByLabel("New password", { exact: true }).fill("short1");
  await passwordForm.getByLabel("Repeat the new password").fill("short1");
  await passwordForm.getByRole("button", { name: "Change password" }).click();
  await expect(passwordForm.getByText("Use at least 10 characters.")).toBeVisible();

  await passwordForm.getByLabel("Current password").fill(oldPassword);
  await passwordForm.getByLabel("New password", { exact: true }).fill(newPassword);
  await passwordForm.getByLabel("Repeat the new password").fill(newPassword);
  await passwordForm.getByRole("button", { name: "Change password" }).click();
  await expect(passwordForm.getByRole("status")).toHaveText("Your password is changed. Use the new one the next time you sign in.");
  await expect(passwordForm.getByLabel("Current password")).toHaveValue("");

  await header.getByRole("button", { name: "Sign out" }).click();
  await expect(header.getByRole("link", { name: "Sign in" })).toBeVisible();

  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(oldPassword);
  await page.getByRole("button", { name: "Sign in" }).last().click();
  await expect(page.getByText("That email and password do not match an account.")).toBeVisible();

  await page.getByLabel("Password").fill(newPassword);
  await page.getByRole("button", { name: "Sign in" }).last().click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(header.getByRole("link", { name: `Account: ${newName}` })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
});
