import { cache } from "react";
import { Link } from "@/i18n/navigation";
import { notFound, redirect } from "next/navigation";
import { localePath } from "@/lib/i18n/page-locale";
import { getTranslations } from "next-intl/server";
import { CompleteButton } from "@/components/learn/complete-button";
import { CourseOutlineNav } from "@/components/learn/course-outline-nav";
import { LessonBody } from "@/components/learn/lesson-body";
import { LocalizedText } from "@/components/ui/localized-text";
import { openLesson } from "@/lib/commerce/lessons";
import { pageLocale } from "@/lib/i18n/page-locale";
import { getCurrentUser } from "@/lib/server/session";

type Props = { params: Promise<{ course: string; lesson: string }> };

// One gate decision per request, shared by the metadata and the page.
const load = cache(async (courseSlug: string, lessonSlug: string) => {
  const [user, locale] = await Promise.all([getCurrentUser(), pageLocale()]);
  return openLesson({ courseSlug, lessonSlug, viewer: user ? { id: user.id, role: user.role } : null, locale });
});

export async function generateMetadata({ params }: Props) {
  const { course, lesson } = await params;
  const access = await load(course, lesson);
  if (access.status !== "granted") return { robots: { index: false } };
  return { title: `${access.lesson.title} · ${access.course.title}`, robots: { index: access.via === "preview" } };
}

/**
 * The lesson player. The gate runs on the server before anything renders: a visitor who may not read
 * the lesson is redirected to the course page with a buy prompt, so the body is never in the HTML or
 * the RSC payload.
 */
export default async function LessonPage({ params }: Props) {
  const { course, lesson } = await params;
  const access = await load(course, lesson);
  if (access.status === "not_found") notFound();
  if (access.status === "denied")
    redirect(await localePath(`/courses/${access.course.slug}?locked=${encodeURIComponent(access.lesson.slug)}`));
  const t = await getTranslations("learn");
  const done = new Set(access.completedLessonIds);
  const total = access.course.sections.reduce((n, s) => n + s.lessons.length, 0);
  return (
    <div className="grid gap-10 lg:grid-cols-[18rem_1fr]">
      <aside className="order-2 lg:order-1">
        <CourseOutlineNav
          course={access.course}
          currentLessonId={access.lesson.id}
          completed={done}
          locked={access.via === "preview"}
        />
      </aside>
      <article className="order-1 min-w-0 lg:order-2">
        <p className="text-sm tracking-wide text-muted uppercase">
          <Link href={`/courses/${access.course.slug}`} className="hover:text-accent">
            <LocalizedText text={access.course.title} fallback={access.course.titleFallback} />
          </Link>
        </p>
        <h1 className="mt-1 font-serif text-4xl">
          <LocalizedText text={access.lesson.title} fallback={access.lesson.titleFallback} />
        </h1>
        <p className="mt-1 text-sm text-muted">
          {t("lessonOf", { n: access.lesson.position, total })} · {t("minutes", { n: access.lesson.durationMinutes })}
          {access.via === "preview" && (
            <span className="ml-2 rounded-full border border-moss px-2 py-0.5 text-xs text-moss">{t("preview")}</span>
          )}
        </p>
        {access.lesson.bodyFallback && (
          <p className="mt-6 text-sm text-muted" role="note">
            {t("bodyFallback")}
          </p>
        )}
        <div className="mt-8 rounded-lg border border-line bg-white p-6" lang={access.lesson.bodyFallback}>
          <LessonBody markdown={access.lesson.body} />
        </div>
        <div className="mt-6 flex flex-wrap items-center justify-between gap-4">
          {access.canTrack ? (
            <CompleteButton
              courseSlug={access.course.slug}
              lessonSlug={access.lesson.slug}
              completed={done.has(access.lesson.id)}
            />
          ) : (
            <span />
          )}
          <nav aria-label={t("lessonNav")} className="flex gap-4 text-sm">
            {access.previous && (
              <Link
                href={`/learn/${access.course.slug}/${access.previous.slug}`}
                className="text-accent underline"
                rel="prev"
              >
                ← <LocalizedText text={access.previous.title} fallback={access.previous.titleFallback} />
              </Link>
            )}
            {access.next && (
              <Link
                href={`/learn/${access.course.slug}/${access.next.slug}`}
                className="text-accent underline"
                rel="next"
              >
                <LocalizedText text={access.next.title} fallback={access.next.titleFallback} /> →
              </Link>
            )}
          </nav>
        </div>
        {access.via === "preview" && (
          <p className="mt-8 rounded-lg border border-line bg-white p-4 text-sm">
            {t("previewPrompt")}{" "}
            <Link href={`/courses/${access.course.slug}`} className="text-accent underline">
              {t("buyCourse")}
            </Link>
          </p>
        )}
      </article>
    </div>
  );
}
