/** What placeOrder answers when it cannot sell: a code for programs and a sentence for people. */
export type CheckoutErrorCode =
  | "invalid"
  | "not_found"
  | "out_of_stock"
  | "already_owned"
  | "own_product"
  /** The provider could not create the payment; the order failed and its stock went back. */
  | "payment_error"
  /** A course in the order is already in another of the buyer's orders awaiting payment. */
  | "payment_pending"
  | "idempotency_key_reused"
  /** The order would cost something else than the `expectedTotals` the buyer was shown. */
  | "price_changed"
  /** The total is more than one payment may be (./payments.ts MAX_CHARGE_AMOUNT). */
  | "amount_too_large"
  /** Artworks in the order and no shipping address of the buyer's own given. */
  | "address_required"
  /** A creator in the order has no shipping rate to the address's country (named in `item`). */
  | "no_shipping";

/** The product a failure is about, when there is one (the artwork that sold out), so the buyer is told which. */
export type FailedItem = { productId: string; title: string };

/** Thrown inside the checkout transaction to roll it back with an answer for the caller. */
export class CheckoutFailure extends Error {
  constructor(
    readonly code: CheckoutErrorCode,
    message: string,
    readonly item?: FailedItem,
  ) {
    super(message);
    this.name = "CheckoutFailure";
  }
}
