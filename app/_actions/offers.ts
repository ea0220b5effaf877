"use server";

import { refresh } from "next/cache";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { validatedActionWithUser, type FormState } from "@/lib/actions";
import { offerMessageKey, readOfferAmount, type OfferAudience } from "@/lib/commerce/offer-messages";
import {
  getOfferCurrency,
  getOfferCurrencyById,
  makeOffer,
  MAX_OFFER_AMOUNT,
  respondAsBuyer,
  respondAsCreator,
  type OfferResult,
} from "@/lib/commerce/offers";
import { DEFAULT_LOCALE, intlLocale, isLocale } from "@/i18n/locales";
import { currencyExponent, formatMoney } from "@/lib/money";

const id = z.string().trim().min(1).max(128);
// The buyer's form is the only one that reads an empty amount: the seller's counter has its own check.
const amountText = z
  .string()
  .trim()
  .min(1, { message: offerMessageKey("amount_required", "buyer") })
  .max(40);

/** The payment maximum as the person reads money, for "more than one payment can be ({max})". */
async function maxLabel(currency: string): Promise<string> {
  let locale: string = DEFAULT_LOCALE;
  try {
    locale = await getLocale();
  } catch {
    // Outside a request (a test calling the action directly) there is no locale to read.
  }
  return formatMoney({ amount: MAX_OFFER_AMOUNT, currency }, intlLocale(isLocale(locale) ? locale : DEFAULT_LOCALE));
}

async function answer(
  result: OfferResult,
  audience: OfferAudience,
  currency: string | null,
  values?: Record<string, string>,
): Promise<NonNullable<FormState>> {
  if (!result.ok && result.code === "amount_too_large" && audience === "buyer")
    return {
      ok: false,
      error: "invalid_input",
      fieldErrors: { amount: offerMessageKey("amount_too_large", "buyer") },
      values: { ...values, max: currency ? await maxLabel(currency) : "" },
    };
  if (!result.ok) return { ok: false, error: offerMessageKey(result.code, audience), values };
  refresh();
  return { ok: true };
}

/** A buyer's offer on an artwork, typed in major units ("850", "850.50" or "8,500"). */
export const makeOfferAction = validatedActionWithUser(
  z.object({ productId: id, amount: amountText, message: z.string().max(500).default("") }),
  async (data, user) => {
    const currency = await getOfferCurrency(data.productId);
    if (!currency) return { ok: false, error: offerMessageKey("not_found", "buyer") };
    const values = { amount: data.amount, message: data.message };
    const read = readOfferAmount(data.amount, currencyExponent(currency), MAX_OFFER_AMOUNT);
    if (!read.ok)
      return {
        ok: false,
        error: "invalid_input",
        fieldErrors: { amount: offerMessageKey(read.code, "buyer") },
        values: read.code === "amount_too_large" ? { ...values, max: await maxLabel(currency) } : values,
      };
    const result = await makeOffer({
      buyerId: user.id,
      productId: data.productId,
      amount: read.amount,
      message: data.message,
    });
    return answer(result, "buyer", currency, values);
  },
);

/** The creator's accept, decline or counter; lib/commerce/offers checks that the artwork is theirs. */
export const respondToOfferAction = validatedActionWithUser(
  z.object({
    offerId: id,
    response: z.enum(["accept", "decline", "counter"]),
    counter: z.string().trim().max(40).optional(),
  }),
  async (data, user) => {
    if (data.response !== "counter")
      return answer(await respondAsCreator(user, { offerId: data.offerId, response: data.response }), "seller", null);
    const currency = await getOfferCurrencyById(data.offerId);
    if (!currency) return { ok: false, error: offerMessageKey("not_found", "seller") };
    if (!data.counter) return { ok: false, error: offerMessageKey("amount_required", "seller") };
    const read = readOfferAmount(data.counter, currencyExponent(currency), MAX_OFFER_AMOUNT);
    if (!read.ok) return { ok: false, error: offerMessageKey(read.code, "seller") };
    const result = await respondAsCreator(user, {
      offerId: data.offerId,
      response: "counter",
      counterAmount: read.amount,
    });
    return answer(result, "seller", currency);
  },
  ["creator", "admin"],
);

/** The buyer's accept or decline of a counter, or a withdrawal. */
export const buyerOfferAction = validatedActionWithUser(
  z.object({ offerId: id, response: z.enum(["accept", "decline", "withdraw"]) }),
  async (data, user) =>
    answer(await respondAsBuyer(user.id, { offerId: data.offerId, response: data.response }), "buyer", null),
);
