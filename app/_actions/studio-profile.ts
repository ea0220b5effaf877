"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { validatedActionWithUser } from "@/lib/actions";
import { updateStudioProfile } from "@/lib/commerce/studio-profile";

const form = z.object({
  name: z.string().trim().min(1).max(120),
  nameZh: z.string().trim().max(120).default(""),
  bio: z.string().trim().max(2000).default(""),
  bioZh: z.string().trim().max(2000).default(""),
  location: z.string().trim().max(120).default(""),
  locationZh: z.string().trim().max(120).default(""),
});

/** The signed-in creator's own profile, both languages (the store finds the profile by the account). */
export const updateProfileAction = validatedActionWithUser(
  form,
  async (data, user) => {
    const result = await updateStudioProfile(user, data);
    if (!result.ok)
      return {
        ok: false,
        error: `studioProfile.errors.${result.code}`,
        fieldErrors: result.field ? { [result.field]: `studioProfile.errors.${result.code}` } : undefined,
      };
    refresh();
    return { ok: true };
  },
  ["creator"],
);
