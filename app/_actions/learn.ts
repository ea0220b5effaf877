"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { validatedActionWithUser, type FormState } from "@/lib/actions";
import { setLessonComplete } from "@/lib/commerce/lessons";

const schema = z.object({
  courseSlug: z.string().trim().min(1).max(160),
  lessonSlug: z.string().trim().min(1).max(160),
  complete: z.enum(["1", "0"]),
});

/** Mark a lesson done or not done; only someone who may read the lesson can. */
export const setLessonCompleteAction = validatedActionWithUser(schema, async (data, user): Promise<FormState> => {
  const allowed = await setLessonComplete({
    viewer: user,
    courseSlug: data.courseSlug,
    lessonSlug: data.lessonSlug,
    complete: data.complete === "1",
  });
  if (!allowed) return { ok: false, error: "forbidden" };
  refresh();
  return { ok: true };
});
