import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { listCatalogue } from "@/lib/catalog/queries";
import {
  AVAILABILITY,
  catalogueHref,
  EDITIONS,
  LEVELS,
  parseCatalogueParams,
  SORTS,
} from "@/lib/catalog/search-params";
import { ProductGrid } from "./product-card";

type Props = { kind: "course" | "artwork"; searchParams: Record<string, string | string[] | undefined> };

/** The /courses and /artworks listing: a GET form of filters (works without JavaScript), results, pages. */
export async function CatalogueView({ kind, searchParams }: Props) {
  const filters = parseCatalogueParams(searchParams);
  const [page, t, locale] = await Promise.all([
    listCatalogue({ kind, filters }),
    getTranslations("catalogue"),
    getLocale(),
  ]);
  const base = kind === "course" ? "/courses" : "/artworks";
  const heading = t(kind === "course" ? "coursesTitle" : "artworksTitle");
  const select = "mt-1 w-full rounded border border-line bg-white px-2 py-1.5 text-sm";
  return (
    <div className="grid gap-8 lg:grid-cols-[16rem_1fr]">
      <aside>
        <form action={base} method="get" className="space-y-5" aria-label={t("filters")}>
          <div>
            <label htmlFor="q" className="text-sm font-medium">
              {t("search")}
            </label>
            <input id="q" name="q" type="search" defaultValue={filters.q} className={select} />
          </div>
          <fieldset>
            <legend className="text-sm font-medium">{t("price")}</legend>
            <div className="mt-1 flex gap-2">
              <label className="sr-only" htmlFor="min">
                {t("minPrice")}
              </label>
              <input
                id="min"
                name="min"
                inputMode="numeric"
                placeholder={t("min")}
                defaultValue={filters.minPrice !== undefined ? filters.minPrice / 100 : ""}
                className={select}
              />
              <label className="sr-only" htmlFor="max">
                {t("maxPrice")}
              </label>
              <input
                id="max"
                name="max"
                inputMode="numeric"
                placeholder={t("max")}
                defaultValue={filters.maxPrice !== undefined ? filters.maxPrice / 100 : ""}
                className={select}
              />
            </div>
          </fieldset>
          {kind === "course" ? (
            <div>
              <label htmlFor="level" className="text-sm font-medium">
                {t("level")}
              </label>
              <select id="level" name="level" defaultValue={filters.level ?? ""} className={select}>
                <option value="">{t("any")}</option>
                {LEVELS.map((l) => (
                  <option key={l} value={l}>
                    {t(`levels.${l}`)}
                  </option>
                ))}
              </select>
            </div>
          ) : (
            <>
              <div>
                <label htmlFor="medium" className="text-sm font-medium">
                  {t("medium")}
                </label>
                <select id="medium" name="medium" defaultValue={filters.medium ?? ""} className={select}>
                  <option value="">{t("any")}</option>
                  {page.mediumFacets.map((m) => (
                    <option key={m.value} value={m.value}>
                      {m.value} ({m.count})
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label htmlFor="availability" className="text-sm font-medium">
                  {t("availability")}
                </label>
                <select
                  id="availability"
                  name="availability"
                  defaultValue={filters.availability ?? ""}
                  className={select}
                >
                  <option value="">{t("any")}</option>
                  {AVAILABILITY.map((a) => (
                    <option key={a} value={a}>
                      {t(`availabilities.${a}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label htmlFor="edition" className="text-sm font-medium">
                  {t("edition")}
                </label>
                <select id="edition" name="edition" defaultValue={filters.edition ?? ""} className={select}>
                  <option value="">{t("any")}</option>
                  {EDITIONS.map((e) => (
                    <option key={e} value={e}>
                      {t(`editions.${e}`)}
                    </option>
                  ))}
                </select>
              </div>
            </>
          )}
          <fieldset>
            <legend className="text-sm font-medium">{t("tags")}</legend>
            <ul className="mt-1 max-h-72 space-y-1 overflow-y-auto text-sm">
              {page.tagFacets.map((tag) => (
                <li key={tag.slug}>
                  <label className="flex items-center gap-2">
                    <input
                      type="checkbox"
                      name="tag"
                      value={tag.slug}
                      defaultChecked={filters.tags.includes(tag.slug)}
                    />
                    <span>{locale === "zh" ? tag.nameZh : tag.name}</span>
                    <span className="text-muted">({tag.count})</span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <div>
            <label htmlFor="sort" className="text-sm font-medium">
              {t("sort")}
            </label>
            <select id="sort" name="sort" defaultValue={filters.sort} className={select}>
              {SORTS.map((s) => (
                <option key={s} value={s}>
                  {t(`sorts.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="flex gap-3">
            <button type="submit" className="rounded-full bg-ink px-4 py-1.5 text-sm text-paper hover:bg-accent">
              {t("apply")}
            </button>
            <Link href={base} className="py-1.5 text-sm text-muted underline">
              {t("reset")}
            </Link>
          </div>
        </form>
      </aside>
      <section aria-labelledby="results-heading">
        <div className="mb-4 flex items-baseline justify-between">
          <h1 id="results-heading" className="font-serif text-3xl">
            {heading}
          </h1>
          <p className="text-sm text-muted" role="status">
            {t("resultCount", { count: page.total })}
          </p>
        </div>
        {page.items.length === 0 ? (
          <p className="rounded border border-line bg-white p-6 text-muted">{t("noResults")}</p>
        ) : (
          <ProductGrid products={page.items} label={heading} />
        )}
        {page.pageCount > 1 && (
          <nav aria-label={t("pagination")} className="mt-8 flex items-center justify-center gap-4 text-sm">
            {page.page > 1 && (
              <Link rel="prev" href={catalogueHref(base, filters, { page: page.page - 1 })} className="underline">
                {t("previous")}
              </Link>
            )}
            <span>{t("pageOf", { page: page.page, count: page.pageCount })}</span>
            {page.page < page.pageCount && (
              <Link rel="next" href={catalogueHref(base, filters, { page: page.page + 1 })} className="underline">
                {t("next")}
              </Link>
            )}
          </nav>
        )}
      </section>
    </div>
  );
}
