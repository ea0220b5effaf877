"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { validatedActionWithUser } from "@/lib/actions";
import { commentInputSchema, postComment } from "@/lib/community/comments";
import { reportContent, reportInputSchema, reportTargetSchema, setHidden } from "@/lib/community/moderation";

export const postCommentAction = validatedActionWithUser(commentInputSchema, async (data, user) => {
  const result = await postComment(await getDb(), user.id, data);
  if (!result.ok)
    return {
      ok: false,
      error: result.code === "rate_limited" ? "rate_limited" : "not_found",
      values: { body: data.body },
    };
  refresh();
  return { ok: true };
});

/** Anyone signed in may report. */
export const reportAction = validatedActionWithUser(reportInputSchema, async (data, user) => {
  const result = await reportContent(await getDb(), user.id, data);
  return result.ok ? { ok: true } : { ok: false, error: result.code };
});

/** Admins only: hide or restore reported content. */
export const moderateAction = validatedActionWithUser(
  reportTargetSchema.extend({ hide: z.enum(["1", "0"]) }),
  async (data) => {
    const result = await setHidden(
      await getDb(),
      { targetKind: data.targetKind, targetId: data.targetId },
      data.hide === "1",
    );
    if (!result.ok) return { ok: false, error: "not_found" };
    refresh();
    return { ok: true };
  },
  ["admin"],
);
