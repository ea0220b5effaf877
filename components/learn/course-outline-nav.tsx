import { Link } from "@/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { LocalizedText } from "@/components/ui/localized-text";
import type { CourseOutline } from "@/lib/commerce/lessons";

/** The course's lessons beside the player, with progress; lessons the reader cannot open are plain text. */
export async function CourseOutlineNav({
  course,
  currentLessonId,
  completed,
  locked,
}: {
  course: CourseOutline;
  currentLessonId: string;
  completed: Set<string>;
  locked: boolean;
}) {
  const t = await getTranslations("learn");
  const total = course.sections.reduce((n, s) => n + s.lessons.length, 0);
  const doneCount = course.sections.reduce((n, s) => n + s.lessons.filter((l) => completed.has(l.id)).length, 0);
  return (
    <nav aria-label={t("outline")} className="rounded-lg border border-line bg-white p-4 text-sm lg:sticky lg:top-6">
      {!locked && (
        <div className="mb-4">
          <p className="text-muted">{t("progress", { done: doneCount, total })}</p>
          <div
            className="mt-1 h-2 rounded bg-line"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={total}
            aria-valuenow={doneCount}
            aria-label={t("outline")}
          >
            <div
              className="h-2 rounded bg-moss"
              style={{ width: `${total ? Math.round((doneCount / total) * 100) : 0}%` }}
            />
          </div>
        </div>
      )}
      <ol className="space-y-4">
        {course.sections.map((s) => (
          <li key={s.id}>
            <p className="font-medium">
              <LocalizedText text={s.title} fallback={s.titleFallback} />
            </p>
            <ul className="mt-1 space-y-1">
              {s.lessons.map((l) => {
                const open = !locked || l.isPreview;
                const mark = completed.has(l.id) ? "✓ " : "";
                return (
                  <li key={l.id}>
                    {open ? (
                      <Link
                        href={`/learn/${course.slug}/${l.slug}`}
                        aria-current={l.id === currentLessonId ? "page" : undefined}
                        className={`block rounded px-2 py-1 hover:bg-paper ${l.id === currentLessonId ? "bg-paper font-medium text-accent" : ""}`}
                      >
                        {mark}
                        {l.position}. <LocalizedText text={l.title} fallback={l.titleFallback} />
                        {completed.has(l.id) && <span className="sr-only"> ({t("completed")})</span>}
                      </Link>
                    ) : (
                      <span className="block px-2 py-1 text-muted">
                        {l.position}. <LocalizedText text={l.title} fallback={l.titleFallback} />{" "}
                        <span className="sr-only">({t("locked")})</span>
                      </span>
                    )}
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ol>
    </nav>
  );
}
