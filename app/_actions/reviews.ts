"use server";

import { refresh } from "next/cache";
import { getDb } from "@/db/client";
import { validatedActionWithUser } from "@/lib/actions";
import { reviewInputSchema, submitReview } from "@/lib/community/reviews";
import { requestAllowsAnalytics } from "@/lib/server/consent";

/** Any signed-in person may review a published product; purchases make it "verified". */
export const submitReviewAction = validatedActionWithUser(reviewInputSchema, async (data, user) => {
  const result = await submitReview(await getDb(), user.id, data, { track: await requestAllowsAnalytics() });
  if (!result.ok) return { ok: false, error: result.code, values: { body: data.body } };
  refresh();
  return { ok: true };
});
