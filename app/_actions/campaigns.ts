"use server";

import { updateTag } from "next/cache";
import { redirect } from "next/navigation";
import { localePath } from "@/lib/i18n/page-locale";
import { z } from "zod";
import { getDb } from "@/db/client";
import type { Role } from "@/db/schema";
import { validatedActionWithUser, type FormState } from "@/lib/actions";
import { isEmailVerified } from "@/lib/auth/verification";
import { CACHE_TAGS } from "@/lib/campaigns/cache-tags";
import { createCampaign, transitionCampaign, updateCampaign } from "@/lib/campaigns/store";
import { getCampaignSlug } from "@/lib/campaigns/queries";

/** Campaigns are changed by marketers and admins only; creators see the studio but not these actions. */
const MARKETING: Role[] = ["marketer", "admin"];

/** The proxy's config, the lists and the landing pages of both the old and the new slug. */
function revalidateCampaign(...slugs: (string | null)[]) {
  updateTag(CACHE_TAGS.experimentsConfig);
  updateTag(CACHE_TAGS.campaigns);
  for (const slug of new Set(slugs)) if (slug) updateTag(CACHE_TAGS.campaign(slug));
}

const saveSchema = z.object({
  // The form sends the whole campaign as one JSON document; lib/campaigns validates every field.
  payload: z.string().min(2).max(200_000),
  id: z.string().trim().max(128).optional(),
});

export const saveCampaignAction = validatedActionWithUser(
  saveSchema,
  async ({ payload, id }, user): Promise<FormState> => {
    let raw: unknown;
    try {
      raw = JSON.parse(payload);
    } catch {
      return { ok: false, error: "invalid_input" };
    }
    const db = await getDb();
    const before = id ? await getCampaignSlug(db, id) : null;
    if (id && !before) return { ok: false, error: "not_found" };
    const result = id ? await updateCampaign(db, id, raw) : await createCampaign(db, raw, { userId: user.id });
    if (!result.ok) return { ok: false, error: result.error, fieldErrors: result.fieldErrors };
    revalidateCampaign(before, await getCampaignSlug(db, result.id));
    redirect(await localePath(`/studio/campaigns/${result.id}?saved=1`));
  },
  MARKETING,
);

const transitionSchema = z.object({
  id: z.string().trim().min(1).max(128),
  action: z.enum(["preview", "draft", "launch", "pause", "end"]),
});

export const campaignStatusAction = validatedActionWithUser(
  transitionSchema,
  async ({ id, action }, user): Promise<FormState> => {
    const db = await getDb();
    // Launching needs a verified address (issue 11); drafts, previews, pausing and ending do not.
    if (action === "launch" && !(await isEmailVerified(db, user.id))) return { ok: false, error: "email_unverified" };
    const result = await transitionCampaign(db, id, action);
    if (!result.ok) return { ok: false, error: result.error };
    revalidateCampaign(await getCampaignSlug(db, id));
    return { ok: true, values: { status: result.status, bucketVersion: String(result.bucketVersion) } };
  },
  MARKETING,
);
