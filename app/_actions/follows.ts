"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { validatedActionWithUser } from "@/lib/actions";
import { followTargetSchema, setFollow } from "@/lib/community/follows";
import { requestAllowsAnalytics } from "@/lib/server/consent";

const followFormSchema = followTargetSchema.extend({ follow: z.enum(["1", "0"]) });

export const followAction = validatedActionWithUser(followFormSchema, async (data, user) => {
  const result = await setFollow(
    await getDb(),
    user.id,
    { targetKind: data.targetKind, targetId: data.targetId },
    data.follow === "1",
    { track: await requestAllowsAnalytics() },
  );
  if (!result.ok) return { ok: false, error: result.code === "self" ? "follow_self" : "not_found" };
  refresh();
  return { ok: true };
});
