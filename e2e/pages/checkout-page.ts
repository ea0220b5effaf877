import { type Locator, type Page } from "@playwright/test";

/** The simulated payment provider's test cards (lib/commerce/payments.ts). */
export const CARDS = { success: "4242 4242 4242 4242", decline: "4000 0000 0000 0002" } as const;

/** Where a placed order leads: its page, flagged as just placed. */
const PLACED = /\/orders\/([0-9a-f-]{36})\?placed=1$/;

/** The checkout page (/checkout): card, "Place order", the total to pay and the form's alert. */
export class CheckoutPage {
  readonly cardNumber: Locator;
  readonly placeOrderButton: Locator;
  /** The amount to pay, as the page states it in data-price. */
  readonly toPay: Locator;
  /** Why the order was not placed (declined card, sold-out item, changed prices). */
  readonly alert: Locator;

  constructor(readonly page: Page) {
    this.cardNumber = page.getByLabel("Card number");
    this.placeOrderButton = page.getByRole("button", { name: "Place order" });
    this.toPay = page.getByTestId("checkout-to-pay").locator("[data-price]");
    this.alert = page.locator("main").getByRole("alert");
  }

  async goto() {
    await this.page.goto("/checkout");
  }

  /** Pays on the page as it is (with `card` typed in first, when given). */
  async placeOrder(card?: string) {
    if (card !== undefined) await this.cardNumber.fill(card);
    await this.placeOrderButton.click();
  }

  /** Opens the checkout and pays with `card`. */
  async checkout(card: string) {
    await this.goto();
    await this.placeOrder(card);
  }

  /**
   * Waits for the placed order's page (with the navigation's own timeout: placing an order may wait on
   * a cold server) and returns the order's id.
   */
  async placed(): Promise<string> {
    await this.page.waitForURL(PLACED);
    return PLACED.exec(this.page.url())![1]!;
  }
}
