import { Link } from "@/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { ProductGrid } from "@/components/catalog/product-card";
import { listCatalogue } from "@/lib/catalog/queries";
import { parseCatalogueParams } from "@/lib/catalog/search-params";
import { pageLocale } from "@/lib/i18n/page-locale";
import { pageMetadata } from "@/lib/server/page-metadata";

export const generateMetadata = pageMetadata("search", { index: false });

/** One query, both worlds: the best courses and artworks for it, each linking to its full filtered list. */
export default async function SearchPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const filters = { ...parseCatalogueParams(await searchParams), tags: [], page: 1 };
  const t = await getTranslations("search");
  if (!filters.q) return <h1 className="font-serif text-3xl">{t("empty")}</h1>;
  const locale = await pageLocale();
  const [courses, artworks] = await Promise.all([
    listCatalogue({ kind: "course", filters, pageSize: 8, locale }),
    listCatalogue({ kind: "artwork", filters, pageSize: 8, locale }),
  ]);
  const q = encodeURIComponent(filters.q);
  return (
    <div className="space-y-10">
      <h1 className="font-serif text-3xl">{t("title", { q: filters.q })}</h1>
      {courses.total + artworks.total === 0 && <p className="text-muted">{t("none")}</p>}
      {courses.total > 0 && (
        <section>
          <div className="mb-4 flex items-baseline justify-between">
            <h2 className="font-serif text-2xl">{t("courses", { count: courses.total })}</h2>
            <Link href={`/courses?q=${q}`} className="text-sm underline">
              {t("seeAll")}
            </Link>
          </div>
          <ProductGrid products={courses.items} label={t("courses", { count: courses.total })} />
        </section>
      )}
      {artworks.total > 0 && (
        <section>
          <div className="mb-4 flex items-baseline justify-between">
            <h2 className="font-serif text-2xl">{t("artworks", { count: artworks.total })}</h2>
            <Link href={`/artworks?q=${q}`} className="text-sm underline">
              {t("seeAll")}
            </Link>
          </div>
          <ProductGrid products={artworks.items} label={t("artworks", { count: artworks.total })} />
        </section>
      )}
    </div>
  );
}
