import { expect, test } from "./fixtures";
import { SignInPage } from "./pages/sign-in-page";

test("change the display name and the password from the account settings, then sign in with the new password", async ({
  page,
  browser,
  users,
  signInPage,
}) => {
  const stamp = Date.now();
  const oldPassword = "first-brush-2026";
  const newPassword = "second-brush-2027";
  const newName = `Samira Settings ${stamp}`;
  const header = page.locator("header");

  const user = await users.signUp({ page, name: "Sam Settings", label: "settings", password: oldPassword });
  const { email } = user;
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

  // The same account signed in on another device: a new password will end that session.
  const otherDevice = await (await browser.newContext()).newPage();
  await new SignInPage(otherDevice).signIn(email, { password: oldPassword });

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
  await expect(passwordForm.getByRole("status")).toHaveText(
    "Your password is changed, and every other device signed in to this account is signed out. Use the new password the next time you sign in.",
  );
  user.password = newPassword;
  await expect(passwordForm.getByLabel("Current password")).toHaveValue("");

  // This session stays signed in; the other device is signed out at its next request.
  await page.reload();
  await expect(header.getByRole("link", { name: `Account: ${newName}` })).toBeVisible();
  await otherDevice.goto("/account");
  await expect(otherDevice).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount/);
  await expect(otherDevice.locator("header").getByRole("link", { name: "Sign in" })).toBeVisible();
  await otherDevice.context().close();

  await header.getByRole("button", { name: "Sign out" }).click();
  await expect(header.getByRole("link", { name: "Sign in" })).toBeVisible();

  await signInPage.goto();
  await signInPage.submit(email, oldPassword);
  await expect(signInPage.mismatch).toBeVisible();

  await signInPage.password.fill(newPassword);
  await signInPage.submitButton.click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(header.getByRole("link", { name: `Account: ${newName}` })).toBeVisible();
  await expect(page.getByText(email, { exact: true })).toBeVisible();
});

test("'sign out everywhere else' ends the account's other sessions and keeps this one", async ({
  page,
  browser,
  users,
}) => {
  const { email, password } = await users.signUp({ page, name: "Dana Devices", label: "devices" });

  const laptop = await (await browser.newContext()).newPage();
  await new SignInPage(laptop).signIn(email, { password });

  await page.goto("/account/settings");
  // Both devices are listed, this one marked; the laptop's row has its own sign-out button.
  const list = page.getByRole("list", { name: "Devices signed in to this account" });
  await expect(list.getByTestId("device")).toHaveCount(2);
  await expect(list.getByText("This device", { exact: true })).toHaveCount(1);
  // Browser and system from the User-Agent (Playwright's desktop Chrome says Windows).
  await expect(list.getByText("Chrome on Windows").first()).toBeVisible();
  const devices = page.getByRole("form", { name: "Signed-in devices" });
  await devices.getByRole("button", { name: "Sign out everywhere else" }).click();
  await expect(devices.getByRole("status")).toHaveText("Every other device is signed out. This one stays signed in.");
  await page.goto("/account");
  await expect(page.getByRole("link", { name: "Account: Dana Devices" })).toBeVisible();

  await laptop.goto("/account/settings");
  await expect(laptop).toHaveURL(/\/sign-in/);
  // Signing in again on that device works as before.
  await new SignInPage(laptop).signIn(email, { password });
  await laptop.context().close();
});

test("one device can be signed out from the list of signed-in devices", async ({ page, browser, users }) => {
  const { email, password } = await users.signUp({ page, name: "Oni Device", label: "one-device" });
  const tablet = await (await browser.newContext()).newPage();
  await new SignInPage(tablet).signIn(email, { password });

  await page.goto("/account/settings");
  const list = page.getByRole("list", { name: "Devices signed in to this account" });
  // Only the other device's row has a button: this one signs out with the header's "Sign out".
  const other = list.getByTestId("device").filter({ has: page.getByRole("button", { name: "Sign out this device" }) });
  await expect(other).toHaveCount(1);
  await other.getByRole("button", { name: "Sign out this device" }).click();
  await expect(list.getByTestId("device")).toHaveCount(1);

  await tablet.goto("/account");
  await expect(tablet).toHaveURL(/\/sign-in/);
  await tablet.context().close();
  await page.goto("/account");
  await expect(page.getByText(email, { exact: true })).toBeVisible();
});
