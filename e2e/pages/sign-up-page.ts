import { expect, type Locator, type Page } from "@playwright/test";

export type Credentials = { name: string; email: string; password: string };

/** The sign-up form (/sign-up). */
export class SignUpPage {
  readonly name: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly submitButton: Locator;

  constructor(readonly page: Page) {
    this.name = page.getByLabel("Name");
    this.email = page.getByLabel("Email");
    this.password = page.getByLabel("Password");
    this.submitButton = page.getByRole("button", { name: "Create account" });
  }

  async goto(callbackUrl?: string) {
    await this.page.goto(callbackUrl ? `/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-up");
  }

  /** Fills the form and sends it, without waiting for the answer (for specs that test the form's messages). */
  async submit({ name, email, password }: Credentials) {
    await this.name.fill(name);
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submitButton.click();
  }

  /**
   * Creates the account and waits for the page the form leads to: the account page, or `callbackUrl`
   * (then with the navigation's own timeout, as a first sign-up may wait on a cold server).
   */
  async signUp(credentials: Credentials, { callbackUrl }: { callbackUrl?: string } = {}) {
    await this.goto(callbackUrl);
    await this.submit(credentials);
    if (callbackUrl) await this.page.waitForURL((u) => `${u.pathname}${u.search}` === callbackUrl);
    else await expect(this.page).toHaveURL(/\/account$/);
  }
}
