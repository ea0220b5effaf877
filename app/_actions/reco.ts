"use server";

import { z } from "zod";
import { getDb } from "@/db/client";
import { validatedActionWithUser, type FormState } from "@/lib/actions";
import { jobSender } from "@/lib/jobs/client";
import { requestRecoRefresh } from "@/lib/jobs/reco-refresh";

/**
 * "Recompute now" in /studio/clusters (marketers and admins only; the wrapper checks the session and
 * role, the form carries no input): queues the full recommendation refresh for the worker and answers
 * at once with the run to follow. Pressing it while one waits follows that one instead of queuing two.
 */
export const recomputeAction = validatedActionWithUser(
  z.object({}),
  async (_data, user): Promise<FormState> => {
    try {
      const { runId } = await requestRecoRefresh(await getDb(), await jobSender(), {
        trigger: "manual",
        userId: user.id,
      });
      return { ok: true, values: { runId } };
    } catch (error) {
      console.error("reco: could not queue a refresh", error);
      return { ok: false, error: "recompute_failed" };
    }
  },
  ["marketer", "admin"],
);
