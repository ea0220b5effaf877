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

/** A shipping address as the checkout form takes it; `country` is the option's label. */
export type ShippingAddress = {
  country: string;
  name: string;
  line1: string;
  city: string;
  region: string;
  postalCode: string;
  phone: string;
};

/** Where the specs' artworks go unless a spec says otherwise: a US address (no tax line). */
export const US_ADDRESS: ShippingAddress = {
  country: "United States",
  name: "Ada Collector",
  line1: "1 Market Street",
  city: "San Francisco",
  region: "CA",
  postalCode: "94105",
  phone: "+1 415 555 0100",
};

/**
 * The checkout page (/checkout): the shipping address when the cart holds artworks, "Continue to
 * payment", the total to pay and the form's alert; then the simulated provider's page, and the return
 * to the order once its webhook landed.
 */
export class CheckoutPage {
  readonly placeOrderButton: Locator;
  /** The amount to pay, as the page states it in data-price. */
  readonly toPay: Locator;
  /** Why the order was not placed (sold-out item, changed prices, provider down). */
  readonly alert: Locator;
  /** The address form's button, shown while a cart with artworks has no address chosen. */
  readonly shipHereButton: Locator;

  constructor(readonly page: Page) {
    this.shipHereButton = page.getByRole("button", { name: "Ship here" });
    this.placeOrderButton = page.getByRole("button", { name: "Continue to payment" });
    this.toPay = page.getByTestId("checkout-to-pay").locator("[data-price]");
    this.alert = page.locator("main").getByRole("alert");
  }

  /** Opens the checkout; a cart with artworks gets `address` when the buyer has none saved yet. */
  async goto(address: ShippingAddress = US_ADDRESS) {
    await this.page.goto("/checkout");
    await this.ensureAddress(address);
  }

  /** Fills and saves the shipping address when the page asks for one; the page then quotes shipping. */
  async ensureAddress(address: ShippingAddress = US_ADDRESS) {
    if (!(await this.shipHereButton.isVisible())) return;
    await this.fillAddress(address);
  }

  async fillAddress(address: ShippingAddress) {
    const form = this.page.getByTestId("shipping-address");
    await form.getByLabel("Country or region").selectOption({ label: address.country });
    await form.getByLabel("Full name").fill(address.name);
    await form.getByLabel("Street and number").fill(address.line1);
    await form.getByLabel("City", { exact: true }).fill(address.city);
    await form.getByLabel("State, province or prefecture").fill(address.region);
    await form.getByLabel("Postal code").fill(address.postalCode);
    await form.getByLabel("Phone").fill(address.phone);
    await this.shipHereButton.click();
    await this.page.waitForURL(/\/checkout\?address=/);
  }

  /** Places the order (after the address, if the page asks); with `choice`, also pays that way. */
  async placeOrder(choice?: PayChoice) {
    await this.ensureAddress();
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
