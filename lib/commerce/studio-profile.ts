/**
 * A creator's public profile as the studio edits it: name, bio and location, each in English and
 * (optionally) Chinese. Only the creator whose account owns the profile may change it.
 */
import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { creators } from "@/db/schema";
import type { Actor } from "./ownership";

const zhText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .default("")
    .transform((v) => v || null);

export const profileSchema = z.object({
  name: z.string().trim().min(1).max(120),
  nameZh: zhText(120),
  bio: z.string().trim().max(2000).default(""),
  bioZh: zhText(2000),
  location: z.string().trim().max(120).default(""),
  locationZh: zhText(120),
});

export type StudioProfile = {
  slug: string;
  name: string;
  nameZh: string;
  bio: string;
  bioZh: string;
  location: string;
  locationZh: string;
};

export async function getStudioProfile(actor: Actor): Promise<StudioProfile | null> {
  const db = await getDb();
  const [c] = await db.select().from(creators).where(eq(creators.userId, actor.id)).limit(1);
  if (!c) return null;
  return {
    slug: c.slug,
    name: c.name,
    nameZh: c.nameZh ?? "",
    bio: c.bio,
    bioZh: c.bioZh ?? "",
    location: c.location ?? "",
    locationZh: c.locationZh ?? "",
  };
}

export type ProfileResult =
  { ok: true; slug: string } | { ok: false; code: "invalid" | "no_creator_profile"; field?: string };

/** Saves the actor's own profile; nobody edits another creator's (there is no id to pass). */
export async function updateStudioProfile(actor: Actor, input: z.input<typeof profileSchema>): Promise<ProfileResult> {
  const parsed = profileSchema.safeParse(input);
  if (!parsed.success) return { ok: false, code: "invalid", field: String(parsed.error.issues[0]?.path[0] ?? "") };
  const f = parsed.data;
  const db = await getDb();
  const [row] = await db
    .update(creators)
    .set({ ...f, location: f.location || null })
    .where(eq(creators.userId, actor.id))
    .returning({ slug: creators.slug });
  return row ? { ok: true, slug: row.slug } : { ok: false, code: "no_creator_profile" };
}
