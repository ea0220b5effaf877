import { Link } from "@/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { listContinueLearning } from "@/lib/commerce/lessons";

/** The account page's "continue learning": enrolled courses, progress, and a link to the next lesson. */
export async function ContinueLearning({ userId }: { userId: string }) {
  const [t, items] = await Promise.all([getTranslations("learn"), listContinueLearning({ userId })]);
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="continue-learning" className="rounded-lg border border-line bg-white p-5">
      <h2 id="continue-learning" className="font-serif text-xl">
        {t("continueLearning")}
      </h2>
      <ul className="mt-3 divide-y divide-line">
        {items.map((c) => (
          <li key={c.productId} className="flex flex-wrap items-center justify-between gap-3 py-3">
            <span className="min-w-0">
              <span className="block font-medium">{c.title}</span>
              <span className="text-sm text-muted">{t("progress", { done: c.completed, total: c.total })}</span>
            </span>
            <Link
              href={c.nextLessonSlug ? `/learn/${c.slug}/${c.nextLessonSlug}` : `/learn/${c.slug}`}
              className={buttonClass({ variant: "positive", size: "sm" })}
            >
              {c.completed === 0 ? t("start") : c.nextLessonSlug ? t("continue") : t("review")}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
