import { expect, type Locator, type Page } from "@playwright/test";

/** The account's privacy page (/account/privacy): the analytics choice, the data export, account deletion. */
export class PrivacyPage {
  readonly deleteForm: Locator;
  readonly confirmEmail: Locator;
  readonly deleteButton: Locator;

  constructor(readonly page: Page) {
    this.deleteForm = page.getByRole("form", { name: "Delete your account" });
    this.confirmEmail = this.deleteForm.getByLabel(/To confirm, type your email address/);
    this.deleteButton = this.deleteForm.getByRole("button", { name: "Delete my account" });
  }

  async goto() {
    await this.page.goto("/account/privacy");
  }

  /** Sends the deletion form with `confirmEmail` typed in, without waiting for the answer. */
  async submitDeletion(confirmEmail: string) {
    await this.confirmEmail.fill(confirmEmail);
    await this.deleteButton.click();
  }

  /** Deletes the signed-in account (whose address is `email`) and waits for the home page that says so. */
  async deleteAccount(email: string) {
    await this.submitDeletion(email);
    await expect(this.page).toHaveURL(/\/\?account=deleted$/);
  }
}
