import { expect, test } from "./fixtures";
import { PrivacyPage } from "./pages/privacy-page";

test("download my data, then delete the account after a confirmation step", async ({ page, users, signInPage }) => {
  const user = await users.signUp({ page, name: "Lee Leaving", label: "leaving", password: "goodbye-for-now-3" });
  const { email, password } = user;

  await page.getByRole("link", { name: "Privacy: your data and choices" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Privacy" })).toBeVisible();

  const exported = await page.request.get("/account/privacy/export");
  expect(exported.status()).toBe(200);
  expect(exported.headers()["content-disposition"]).toMatch(/attachment/);
  const data = await exported.json();
  expect(data.profile).toMatchObject({ email, name: "Lee Leaving" });
  expect(JSON.stringify(data)).not.toContain("passwordHash");

  const privacy = new PrivacyPage(page);
  await privacy.submitDeletion("someone-else@example.com");
  await expect(privacy.deleteForm.getByText("Type the email address of this account to confirm.")).toBeVisible();

  await privacy.submitDeletion(email);
  await expect(page).toHaveURL(/\/\?account=deleted$/);
  user.deleted = true;
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  expect((await page.request.get("/account/privacy/export")).status()).toBe(401);
  await signInPage.goto();
  await signInPage.submit(email, password);
  await expect(signInPage.mismatch).toBeVisible();
});
