import { expect, type Locator, type Page } from "@playwright/test";

/**
 * How the buyer ends the payment on the simulated provider's hosted page (/pay/sim/<id>,
 * lib/commerce/providers/simulated.ts): its buttons name Stripe's test cards, no card is typed.
 */
export const PAY = { succeed: "succeed", decline: "decline", challenge: "challenge" } as const;
export type PayChoice = (typeof PAY)[keyof typeof PAY];

/** Where the provider sends the buyer back: the order's page, flagged as just placed. */
const RETURNED = /\/orders\/([0-9a-f-]{36})\?placed=1$/;
const SIM_PAGE = /\/pay\/sim\/simpay_[0-9a-f]{24}$/;

const BUTTONS: Record<PayChoice, RegExp> = {
  succeed: /^Pay: test card/,
  decline: /^Decline: test card/,
  challenge: /^3-D Secure: test card/,
};

/**
 * The checkout page (/checkout): "Continue to payment", the total to pay and the form's alert; then
 * the simulated provider's page, and the return to the order once its webhook landed.
 */
export class CheckoutPage {
  readonly placeOrderButton: Locator;
  /** The amount to pay, as the page states it in data-price. */
  readonly toPay: Locator;
  /** Why the order was not placed (sold-out item, changed prices, provider down). */
  readonly alert: Locator;

  constructor(readonly page: Page) {
    this.placeOrderButton = page.getByRole("button", { name: "Continue to payment" });
    this.toPay = page.getByTestId("checkout-to-pay").locator("[data-price]");
    this.alert = page.locator("main").getByRole("alert");
  }

  async goto() {
    await this.page.goto("/checkout");
  }

  /** Places the order; with `choice`, also ends the payment that way on the provider's page. */
  async placeOrder(choice?: PayChoice) {
    await this.placeOrderButton.click();
    if (choice !== undefined) await this.pay(choice);
  }

  /** On the simulated provider's page: press the button for `choice` (a challenge is then completed). */
  async pay(choice: PayChoice) {
    await this.page.waitForURL(SIM_PAGE);
    await expect(this.page.getByText("Test provider", { exact: true })).toBeVisible();
    await this.page.getByRole("button", { name: BUTTONS[choice] }).click();
    if (choice === "challenge") {
      await expect(this.page.getByRole("heading", { name: "Your bank asks you to authenticate" })).toBeVisible();
      await this.page.getByRole("button", { name: "Complete authentication" }).click();
    }
  }

  /** Opens the checkout, places the order and pays it with `choice`. */
  async checkout(choice: PayChoice = PAY.succeed) {
    await this.goto();
    await this.placeOrder(choice);
  }

  /** Waits for the return to the order (the navigation's own timeout) and returns the order's id. */
  async returned(): Promise<string> {
    await this.page.waitForURL(RETURNED);
    return RETURNED.exec(this.page.url())![1]!;
  }

  /** Waits until the returned-to order is paid (its page refreshes itself until the webhook lands). */
  async placed(): Promise<string> {
    const id = await this.returned();
    await expect(this.page.getByRole("status").filter({ hasText: "Thank you for your order!" })).toBeVisible({
      timeout: 30_000,
    });
    return id;
  }
}
