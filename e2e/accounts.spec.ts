import { DEFAULT_PASSWORD, DEMO, DEMO_PASSWORD, expect, test, uniqueEmail } from "./fixtures";

test("sign up, sign out, sign in again, with clear messages for mistakes", async ({
  page,
  users,
  signUpPage,
  signInPage,
}) => {
  const learner = { name: "Lin Learner", email: uniqueEmail("learner"), password: DEFAULT_PASSWORD };

  await signUpPage.goto();
  await signUpPage.submit({ ...learner, password: "short" });
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();

  await signUpPage.password.fill(learner.password);
  await signUpPage.submitButton.click();
  await expect(page).toHaveURL(/\/account$/);
  users.track({ ...learner, page });
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page.getByText(learner.email, { exact: true })).toBeVisible();

  await signInPage.signOut();
  const denied = await page.goto("/account");
  expect(denied?.url()).toMatch(/\/sign-in/);

  // The same email cannot register twice.
  await signUpPage.goto();
  await signUpPage.submit({ ...learner, name: "Someone Else" });
  await expect(page.getByText("An account with this email already exists.")).toBeVisible();

  await signInPage.goto();
  await signInPage.submit(learner.email, "wrong-password-1");
  await expect(signInPage.mismatch).toBeVisible();

  await signInPage.password.fill(learner.password);
  await signInPage.submitButton.click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByText(learner.email, { exact: true })).toBeVisible();
});

test("the studio is only for creators, marketers and admins", async ({ page, signInPage }) => {
  await signInPage.goto("/studio");
  await signInPage.submit(DEMO.consumer, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/account\?denied=1$/);
  await expect(page.getByText("That page is only for creators, marketers and admins.")).toBeVisible();
  // Wait for the sign-out to land: a sign-in started before it does would be undone by it.
  await signInPage.signOut();

  await signInPage.goto("/studio");
  await signInPage.submit(DEMO.marketer, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/studio$/);
});

test("a session cookie copied before sign-out no longer opens the account afterwards", async ({
  page,
  browser,
  signInPage,
}) => {
  await signInPage.signIn(DEMO.consumer, { password: DEMO_PASSWORD });
  const copied = (await page.context().cookies()).filter((c) => c.name.includes("session-token"));
  expect(copied.length).toBeGreaterThan(0);
  await signInPage.signOut();

  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const stolen = await thief.newPage();
  await stolen.goto("/account");
  await expect(stolen).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount/);
  await thief.close();
});

test("a new account sees the verification banner; wrong passwords are limited with a clear wait", async ({
  page,
  users,
  signInPage,
}) => {
  const user = await users.signUp({ page, name: "Una Verified", label: "unverified" });
  await expect(page.getByText(`Please confirm your email address: we sent a link to ${user.email}.`)).toBeVisible();
  await page.getByRole("button", { name: "Send the link again" }).click();
  await expect(page.getByText("A new link is on its way.")).toBeVisible();
  // The account ends up locked against sign-in: a second session is kept to remove it afterwards.
  await users.keepSession(user);
  await signInPage.signOut();

  await signInPage.goto();
  await signInPage.email.fill(user.email);
  for (let i = 0; i < 5; i++) {
    await signInPage.password.fill(`wrong-password-${i}`);
    await signInPage.submitButton.click();
    // The message stays from the previous attempt; the emptied password field says this one was answered.
    await expect(signInPage.password).toHaveValue("");
    await expect(signInPage.mismatch).toBeVisible();
  }
  await signInPage.password.fill(user.password);
  await signInPage.submitButton.click();
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
