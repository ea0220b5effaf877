import { notFound, redirect } from "next/navigation";
import { localePath } from "@/lib/i18n/page-locale";
import { entryLesson } from "@/lib/commerce/lessons";
import { getCurrentUser } from "@/lib/server/session";

/** /learn/[course]: on to the next unfinished lesson (or the free preview for someone without access). */
export default async function CourseEntry({ params }: { params: Promise<{ course: string }> }) {
  const { course } = await params;
  const user = await getCurrentUser();
  const target = await entryLesson({ courseSlug: course, viewer: user });
  if (!target) notFound();
  if ("lessonSlug" in target) redirect(await localePath(`/learn/${course}/${target.lessonSlug}`));
  redirect(await localePath(`/courses/${target.courseSlug}`));
}
