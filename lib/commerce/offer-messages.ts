/**
 * Offers have two audiences, and each must read a message about its own move: the buyer typing an
 * offer on the artwork page, the seller typing a counter in the studio. The domain answers with one
 * code (`OfferResult` in ./offers.ts); this picks the catalogue key written for whoever sees it, so a
 * buyer is never told how counters work. Pure, so it is tested without a database.
 */

export type OfferAudience = "buyer" | "seller";

/** The codes an offer action can end with: the domain's refusals and the reading of a typed amount. */
export type OfferMessageCode =
  | "invalid"
  | "not_found"
  | "forbidden"
  | "conflict"
  | "out_of_stock"
  | "offer_exists"
  | "not_below_price"
  | "own_artwork"
  | "amount_too_large"
  | "amount_required"
  | "amount_invalid";

/** Codes each audience has a message for; anything else the domain says is shown as the nearest of these. */
const BUYER: ReadonlySet<OfferMessageCode> = new Set([
  "invalid",
  "not_found",
  "conflict",
  "out_of_stock",
  "offer_exists",
  "not_below_price",
  "own_artwork",
  "amount_too_large",
  "amount_required",
  "amount_invalid",
]);
const SELLER: ReadonlySet<OfferMessageCode> = new Set([
  "invalid",
  "not_found",
  "forbidden",
  "conflict",
  "out_of_stock",
  "amount_too_large",
  "amount_required",
  "amount_invalid",
]);

/**
 * The message key for `code` as `audience` should read it. The buyer's keys stay under `offers.errors`
 * (where the offer form has always looked); the seller's are `offers.sellerErrors`.
 */
export function offerMessageKey(code: OfferMessageCode, audience: OfferAudience): string {
  if (audience === "buyer") {
    // A buyer is never anyone's seller: "not yours to answer" reads to them as "no such offer".
    const shown = BUYER.has(code) ? code : code === "forbidden" ? "not_found" : "invalid";
    return `offers.errors.${shown}`;
  }
  return `offers.sellerErrors.${SELLER.has(code) ? code : "invalid"}`;
}

export type ReadAmount = { ok: true; amount: number } | { ok: false; code: "amount_invalid" | "amount_too_large" };

/** Thousands groups as people type them: "100,000,000", "1 250.50" (also the full-width comma of Chinese input). */
const GROUPED = /^\d{1,3}(?:[,\s]\d{3})+(?:\.\d+)?$/;
const PLAIN = /^\d+(?:\.\d+)?$/;

/**
 * Reads a typed amount in major units into minor units of `currency` (`exponent` digits after the
 * point). Grouping separators are allowed; an amount above `max` minor units, or with more whole digits
 * than any payment could have, is `amount_too_large` rather than unreadable, so the person is told why.
 */
export function readOfferAmount(text: string, exponent: number, max: number): ReadAmount {
  // NFKC turns full-width digits and punctuation ("１００，０００") into ASCII ones.
  let value = text.normalize("NFKC").trim();
  if (GROUPED.test(value)) value = value.replace(/[,\s]/g, "");
  if (!PLAIN.test(value)) return { ok: false, code: "amount_invalid" };
  const [whole = "", fraction = ""] = value.split(".");
  if (fraction.length > exponent) return { ok: false, code: "amount_invalid" };
  const digits = whole.replace(/^0+(?=\d)/, "");
  // Past 15 digits a JavaScript number stops being exact; no payment is anywhere near that.
  if (digits.length > 15) return { ok: false, code: "amount_too_large" };
  const amount = Number(digits) * 10 ** exponent + Number(fraction.padEnd(exponent, "0") || "0");
  if (amount < 1) return { ok: false, code: "amount_invalid" };
  if (amount > max) return { ok: false, code: "amount_too_large" };
  return { ok: true, amount };
}
