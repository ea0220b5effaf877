import { expect, type Locator, type Page } from "@playwright/test";

/** The sign-in form (/sign-in), and signing out with the header's button. */
export class SignInPage {
  readonly email: Locator;
  readonly password: Locator;
  /** The form's button (the header has a "Sign in" of its own, before it). */
  readonly submitButton: Locator;
  readonly mismatch: Locator;

  constructor(readonly page: Page) {
    this.email = page.getByLabel("Email");
    this.password = page.getByLabel("Password");
    this.submitButton = page.getByRole("button", { name: "Sign in" }).last();
    this.mismatch = page.getByText("That email and password do not match an account.");
  }

  async goto(callbackUrl?: string) {
    await this.page.goto(callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-in");
  }

  /** Fills the form and sends it, without waiting for the answer (for specs that test the form's messages). */
  async submit(email: string, password: string) {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submitButton.click();
  }

  /** Signs in through the form and waits for the page the form sends the person to. */
  async signIn(email: string, { password, callbackUrl = "/account" }: { password: string; callbackUrl?: string }) {
    await this.goto(callbackUrl);
    await this.submit(email, password);
    // The navigation's own timeout, not expect's: a first sign-in may wait on a cold server.
    await this.page.waitForURL((u) => u.pathname === callbackUrl);
  }

  /** Signs out with the header's button and waits until the header offers to sign in again. */
  async signOut() {
    await this.page.getByRole("button", { name: "Sign out" }).click();
    await expect(this.page.getByRole("link", { name: "Sign in" })).toBeVisible();
  }
}
