import { Link } from "@/i18n/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ProductCard } from "@/components/catalog/product-card";
import { ForYouSection } from "@/components/reco/for-you-section";
import { listNewestProducts, listTopics } from "@/lib/catalog/queries";
import { alternatesFor } from "@/lib/i18n/alternates";
import { pageLocale } from "@/lib/i18n/page-locale";

/** The title and description are the root layout's; the home page adds its language pair. */
export async function generateMetadata() {
  return { alternates: alternatesFor("/", await pageLocale()) };
}

export default async function HomePage() {
  const [courses, artworks, topics, t, locale] = await Promise.all([
    listNewestProducts({ kind: "course", limit: 4, locale: await pageLocale() }),
    listNewestProducts({ kind: "artwork", limit: 4, locale: await pageLocale() }),
    listTopics(),
    getTranslations("home"),
    getLocale(),
  ]);
  return (
    <div className="space-y-14">
      <section className="rounded-2xl bg-ink px-8 py-14 text-paper">
        <h1 className="max-w-3xl font-serif text-4xl leading-tight sm:text-5xl">{t("heroTitle")}</h1>
        <p className="mt-4 max-w-2xl text-lg text-paper/80">{t("heroText")}</p>
        <div className="mt-8 flex flex-wrap gap-3">
          <Link href="/courses" className="rounded-full bg-paper px-5 py-2 text-ink hover:bg-white">
            {t("browseCourses")}
          </Link>
          <Link href="/artworks" className="rounded-full border border-paper/60 px-5 py-2 hover:bg-paper/10">
            {t("browseArtworks")}
          </Link>
        </div>
      </section>
      <ForYouSection />
      <div className="grid gap-10 xl:grid-cols-2">
        <section aria-labelledby="home-courses">
          <div className="mb-4 flex items-baseline justify-between">
            <h2 id="home-courses" className="font-serif text-2xl">
              {t("newCourses")}
            </h2>
            <Link href="/courses" className="text-sm underline">
              {t("seeAll")}
            </Link>
          </div>
          <ul aria-label={t("newCourses")} className="grid gap-6 sm:grid-cols-2">
            {courses.map((p) => (
              <li key={p.id}>
                <ProductCard product={p} />
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="home-artworks">
          <div className="mb-4 flex items-baseline justify-between">
            <h2 id="home-artworks" className="font-serif text-2xl">
              {t("newArtworks")}
            </h2>
            <Link href="/artworks" className="text-sm underline">
              {t("seeAll")}
            </Link>
          </div>
          <ul aria-label={t("newArtworks")} className="grid gap-6 sm:grid-cols-2">
            {artworks.map((p) => (
              <li key={p.id}>
                <ProductCard product={p} />
              </li>
            ))}
          </ul>
        </section>
      </div>
      <section aria-labelledby="home-topics">
        <h2 id="home-topics" className="mb-4 font-serif text-2xl">
          {t("topics")}
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
          {topics.map(({ topic, tags }) => (
            <li key={topic} className="rounded-lg border border-line bg-white p-4">
              <h3 className="font-medium">{t(`topic.${topic}`)}</h3>
              <p className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-sm">
                {tags.map((tag) => (
                  <Link key={tag.slug} href={`/courses?tag=${tag.slug}`} className="text-muted hover:text-accent">
                    {locale === "zh" ? tag.nameZh : tag.name}
                  </Link>
                ))}
              </p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
