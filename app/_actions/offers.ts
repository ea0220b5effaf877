"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { validatedActionWithUser, type FormState } from "@/lib/actions";
import {
  getOfferCurrency,
  getOfferCurrencyById,
  makeOffer,
  respondAsBuyer,
  respondAsCreator,
  type OfferResult,
} from "@/lib/commerce/offers";
import { parseMajorAmount } from "@/lib/money";

const id = z.string().trim().min(1).max(128);
const amountText = z.string().trim().min(1, { message: "offers.errors.amount_required" }).max(20);

/** A number with more whole digits than parseMajorAmount reads is certainly above any payment limit. */
const hugeNumber = /^\d{10,}(\.\d*)?$/;

function answer(result: OfferResult, values?: Record<string, string>): NonNullable<FormState> {
  if (!result.ok && result.code === "amount_too_large")
    return { ok: false, error: "invalid_input", fieldErrors: { amount: "offers.errors.amount_too_large" }, values };
  if (!result.ok) return { ok: false, error: `offers.errors.${result.code}`, values };
  refresh();
  return { ok: true };
}

/** A buyer's offer on an artwork, typed in major units ("850" or "850.50"). */
export const makeOfferAction = validatedActionWithUser(
  z.object({ productId: id, amount: amountText, message: z.string().max(500).default("") }),
  async (data, user) => {
    const currency = await getOfferCurrency(data.productId);
    if (!currency) return { ok: false, error: "offers.errors.not_found" };
    const amount = parseMajorAmount(data.amount, currency);
    const values = { amount: data.amount, message: data.message };
    if (amount === null && hugeNumber.test(data.amount.trim()))
      return { ok: false, error: "invalid_input", fieldErrors: { amount: "offers.errors.amount_too_large" }, values };
    if (amount === null || amount < 1)
      return { ok: false, error: "invalid_input", fieldErrors: { amount: "offers.errors.amount_invalid" }, values };
    return answer(await makeOffer({ buyerId: user.id, productId: data.productId, amount, message: data.message }), {
      amount: data.amount,
      message: data.message,
    });
  },
);

/** The creator's accept, decline or counter; lib/commerce/offers checks that the artwork is theirs. */
export const respondToOfferAction = validatedActionWithUser(
  z.object({
    offerId: id,
    response: z.enum(["accept", "decline", "counter"]),
    counter: z.string().trim().max(20).optional(),
  }),
  async (data, user) => {
    if (data.response !== "counter")
      return answer(await respondAsCreator(user, { offerId: data.offerId, response: data.response }));
    const currency = await getOfferCurrencyById(data.offerId);
    if (!currency) return { ok: false, error: "offers.errors.not_found" };
    const counterAmount = data.counter ? parseMajorAmount(data.counter, currency) : null;
    if (counterAmount === null && data.counter && hugeNumber.test(data.counter))
      return { ok: false, error: "offers.errors.amount_too_large" };
    if (counterAmount === null || counterAmount < 1) return { ok: false, error: "offers.errors.amount_invalid" };
    return answer(await respondAsCreator(user, { offerId: data.offerId, response: "counter", counterAmount }));
  },
  ["creator", "admin"],
);

/** The buyer's accept or decline of a counter, or a withdrawal. */
export const buyerOfferAction = validatedActionWithUser(
  z.object({ offerId: id, response: z.enum(["accept", "decline", "withdraw"]) }),
  async (data, user) => answer(await respondAsBuyer(user.id, { offerId: data.offerId, response: data.response })),
);
