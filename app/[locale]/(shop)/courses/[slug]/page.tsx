import { Link } from "@/i18n/navigation";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TagList } from "@/components/catalog/tag-list";
import { PurchasePanel } from "@/components/commerce/purchase-panel";
import { DwellTracker } from "@/components/reco/dwell-tracker";
import { ItemStrip } from "@/components/reco/item-strip";
import { CommentsSection } from "@/components/community/comments-section";
import { ReviewsSection } from "@/components/community/reviews-section";
import { WorksGallery } from "@/components/community/works-gallery";
import { LocalizedText } from "@/components/ui/localized-text";
import { Price } from "@/components/ui/price";
import { getDb } from "@/db/client";
import { getCourseBySlug } from "@/lib/catalog/products";
import { productImagePath } from "@/lib/catalog/types";
import { getRatingSummary, listReviews } from "@/lib/community/reviews";
import { listWorksForProduct } from "@/lib/community/works";
import { env } from "@/lib/env";
import { alternatesFor } from "@/lib/i18n/alternates";
import { pageLocale } from "@/lib/i18n/page-locale";
import { courseJsonLd, serializeJsonLd } from "@/lib/seo/json-ld";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props) {
  const course = await getCourseBySlug({ slug: (await params).slug, locale: await pageLocale() });
  if (!course) return {};
  return {
    title: course.title,
    description: course.subtitle,
    alternates: alternatesFor(`/courses/${course.slug}`, await pageLocale()),
  };
}

export default async function CoursePage({ params }: Props) {
  const course = await getCourseBySlug({ slug: (await params).slug, locale: await pageLocale() });
  if (!course) notFound();
  const [t, locale, rating, communityWorks, latestReviews] = await Promise.all([
    getTranslations("product"),
    pageLocale(),
    getDb().then((db) => getRatingSummary(db, course.id)),
    getDb().then((db) => listWorksForProduct(db, course.id)),
    getDb().then((db) => listReviews(db, course.id, 5)),
  ]);
  return (
    <article className="grid gap-10 lg:grid-cols-[1fr_22rem]">
      <div>
        <p className="text-sm tracking-wide text-muted uppercase">
          {t("kind.course")} · {t(`level.${course.level}`)}
        </p>
        <h1 className="mt-1 font-serif text-4xl">
          <LocalizedText text={course.title} fallback={course.fallback.title} />
        </h1>
        <p className="mt-2 text-lg text-muted">
          <LocalizedText text={course.subtitle} fallback={course.fallback.subtitle} />
        </p>
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img
          src={productImagePath({ kind: "course", slug: course.slug }, locale)}
          alt={t("coverAlt", { title: course.title })}
          width={1200}
          height={675}
          className="mt-6 w-full rounded-lg border border-line"
        />
        <p className="mt-6 leading-relaxed">
          <LocalizedText text={course.description} fallback={course.fallback.description} />
        </p>
        <TagList tags={course.tags} locale={locale} base="/courses" />

        <section aria-labelledby="curriculum" className="mt-10">
          <h2 id="curriculum" className="font-serif text-2xl">
            {t("curriculum")}
          </h2>
          <p className="text-sm text-muted">
            {t("curriculumSummary", { lessons: course.lessonCount, minutes: course.totalMinutes })}
          </p>
          <ol className="mt-4 space-y-4">
            {course.sections.map((section, i) => (
              <li key={section.id} className="rounded-lg border border-line bg-white p-4">
                <h3 className="font-medium">
                  {t("sectionN", { n: i + 1 })}: <LocalizedText text={section.title} fallback={section.titleFallback} />
                </h3>
                <ul className="mt-2 divide-y divide-line text-sm">
                  {section.lessons.map((lesson) => (
                    <li key={lesson.id} className="flex items-center justify-between gap-3 py-2">
                      <span>
                        {lesson.position}. <LocalizedText text={lesson.title} fallback={lesson.titleFallback} />
                      </span>
                      <span className="flex shrink-0 items-center gap-3 text-muted">
                        {lesson.isPreview ? (
                          <Link
                            href={`/learn/${course.slug}/${lesson.slug}`}
                            className="rounded-full border border-moss px-2 py-0.5 text-xs text-moss hover:bg-moss hover:text-white"
                          >
                            {t("freePreview")}
                          </Link>
                        ) : (
                          <span className="sr-only">{t("locked")}</span>
                        )}
                        {t("minutes", { n: lesson.durationMinutes })}
                      </span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </section>
      </div>
      <aside className="space-y-6">
        <div className="rounded-lg border border-line bg-white p-5 lg:sticky lg:top-6">
          <Price amount={course.priceAmount} currency={course.currency} className="font-serif text-3xl" />
          <p className="mt-1 text-sm text-muted">{t("lifetimeAccess")}</p>
          <PurchasePanel
            product={{
              id: course.id,
              kind: "course",
              slug: course.slug,
              title: course.title,
              priceAmount: course.priceAmount,
              currency: course.currency,
            }}
          />
        </div>
        <div className="rounded-lg border border-line bg-white p-5">
          <h2 className="text-sm tracking-wide text-muted uppercase">{t("instructor")}</h2>
          <p className="mt-1 font-serif text-xl">
            <Link href={`/creators/${course.creator.slug}`} className="hover:text-accent">
              <LocalizedText text={course.creator.name} fallback={course.creator.fallback.name} />
            </Link>
          </p>
          <p className="mt-2 text-sm text-muted">
            <LocalizedText text={course.creator.bio} fallback={course.creator.fallback.bio} />
          </p>
        </div>
      </aside>
      <div className="lg:col-span-2">
        <ReviewsSection productId={course.id} summary={rating} returnTo={`/courses/${course.slug}`} />
        <CommentsSection productId={course.id} returnTo={`/courses/${course.slug}`} />
        <WorksGallery works={communityWorks} productId={course.id} returnTo={`/courses/${course.slug}`} />
      </div>
      {/* JSON-LD escapes "<", so text from creators or reviewers cannot close the script element. */}
      <script
        type="application/ld+json"
        dangerouslySetInnerHTML={{ __html: serializeJsonLd(courseJsonLd(course, rating, env.SITE_URL, latestReviews)) }}
      />
      <DwellTracker productId={course.id} />
      <ItemStrip productId={course.id} kind="course" relation="cross" />
      <ItemStrip productId={course.id} kind="course" relation="similar" />
    </article>
  );
}
