"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { validatedActionWithUser, type FormState } from "@/lib/actions";
import { refreshRecommendations } from "@/lib/reco/refresh/refresh";

/**
 * "Recompute now" in /studio/clusters: runs the full recommendation refresh (marketers and admins
 * only; the wrapper checks the session and role, the form carries no input). Readers keep seeing the
 * previous generation until the new one is complete.
 */
export const recomputeAction = validatedActionWithUser(
  z.object({}),
  async (): Promise<FormState> => {
    try {
      const summary = await refreshRecommendations(await getDb());
      revalidatePath("/studio/clusters");
      revalidatePath("/");
      return {
        ok: true,
        values: { generation: String(summary.generation), seconds: (summary.totalMs / 1000).toFixed(1) },
      };
    } catch (error) {
      console.error("reco: recompute failed", error);
      return { ok: false, error: "recompute_failed" };
    }
  },
  ["marketer", "admin"],
);
