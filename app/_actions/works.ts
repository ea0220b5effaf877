"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { validatedActionWithUser } from "@/lib/actions";
import { deleteWork, publishWork, workInputSchema } from "@/lib/community/works";
import { UPLOAD_LIMITS } from "@/lib/uploads/images";

/** Signed-in people publish a work inspired by a product; the image is checked by lib/uploads. */
export const publishWorkAction = validatedActionWithUser(workInputSchema, async (data, user, formData) => {
  const file = formData.get("image");
  const values = { title: data.title, story: data.story, tags: data.tags.join(", ") };
  if (!(file instanceof File) || file.size === 0)
    return { ok: false, error: "invalid_input", fieldErrors: { image: "image_required" }, values };
  if (file.size > UPLOAD_LIMITS.maxBytes)
    return { ok: false, error: "invalid_input", fieldErrors: { image: "image_too_large" }, values };
  const result = await publishWork(await getDb(), user.id, data, Buffer.from(await file.arrayBuffer()));
  if (!result.ok) {
    if (result.code.startsWith("image_"))
      return { ok: false, error: "invalid_input", fieldErrors: { image: result.code }, values };
    return { ok: false, error: result.code, values };
  }
  refresh();
  return { ok: true };
});

/** The author, or an admin, deletes a work; its file goes with it. */
export const deleteWorkAction = validatedActionWithUser(
  z.object({ workId: z.string().trim().min(1).max(128) }),
  async (data, user) => {
    const result = await deleteWork(await getDb(), { id: user.id, isAdmin: user.role === "admin" }, data.workId);
    if (!result.ok) return { ok: false, error: "not_found" };
    refresh();
    return { ok: true };
  },
);
