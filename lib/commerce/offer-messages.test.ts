import { describe, expect, it } from "vitest";
import { offerMessageKey, readOfferAmount } from "./offer-messages";

const MAX = 99_999_999;

describe("offerMessageKey", () => {
  it("gives the buyer and the seller different messages for the same refusal", () => {
    expect(offerMessageKey("invalid", "buyer")).toBe("offers.errors.invalid");
    expect(offerMessageKey("invalid", "seller")).toBe("offers.sellerErrors.invalid");
    expect(offerMessageKey("amount_too_large", "buyer")).toBe("offers.errors.amount_too_large");
    expect(offerMessageKey("amount_too_large", "seller")).toBe("offers.sellerErrors.amount_too_large");
  });

  it("never shows a buyer a seller's refusal, nor a seller a buyer's", () => {
    expect(offerMessageKey("forbidden", "buyer")).toBe("offers.errors.not_found");
    expect(offerMessageKey("not_below_price", "seller")).toBe("offers.sellerErrors.invalid");
    expect(offerMessageKey("offer_exists", "buyer")).toBe("offers.errors.offer_exists");
  });
});

describe("readOfferAmount", () => {
  it("reads plain and grouped amounts in minor units", () => {
    expect(readOfferAmount("850", 2, MAX)).toEqual({ ok: true, amount: 85_000 });
    expect(readOfferAmount("850.5", 2, MAX)).toEqual({ ok: true, amount: 85_050 });
    expect(readOfferAmount(" 8,500.00 ", 2, MAX)).toEqual({ ok: true, amount: 850_000 });
    expect(readOfferAmount("１２，０００", 0, MAX)).toEqual({ ok: true, amount: 12_000 });
    expect(readOfferAmount("12 000", 0, MAX)).toEqual({ ok: true, amount: 12_000 });
  });

  it("calls an amount above the payment limit too large, however it is written", () => {
    for (const text of ["100,000,000", "100000000", "1000000", "99999999999999999999", "12345678901.50"])
      expect(readOfferAmount(text, 2, MAX)).toEqual({ ok: false, code: "amount_too_large" });
    expect(readOfferAmount("999999.99", 2, MAX)).toEqual({ ok: true, amount: MAX });
  });

  it("refuses what is not an amount", () => {
    for (const text of ["", "abc", "-5", "0", "0.00", "1.234", "1,00", "8,5000", "1e5", "12.5.1"])
      expect(readOfferAmount(text, 2, MAX)).toEqual({ ok: false, code: "amount_invalid" });
    expect(readOfferAmount("12.5", 0, MAX)).toEqual({ ok: false, code: "amount_invalid" });
  });
});
