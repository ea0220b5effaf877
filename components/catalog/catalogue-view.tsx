import { Link } from "@/i18n/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { listCatalogue } from "@/lib/catalog/queries";
import { pageLocale } from "@/lib/i18n/page-locale";
import {
  AVAILABILITY,
  catalogueHref,
  EDITIONS,
  LEVELS,
  parseCatalogueParams,
  SORTS,
  type CatalogueFilters,
} from "@/lib/catalog/search-params";
import { Input, Select } from "@/components/ui/controls";
import { LabelledField } from "@/components/ui/labelled-field";
import { FilterDrawer } from "./filter-drawer";
import { ProductGrid } from "./product-card";

/** Filters set beyond the defaults (sort and page are not filters). */
function activeFilters(f: CatalogueFilters): number {
  const set = [f.q, f.minPrice, f.maxPrice, f.level, f.medium, f.availability, f.edition];
  return set.filter((v) => v !== undefined).length + f.tags.length;
}

type Props = { kind: "course" | "artwork"; searchParams: Record<string, string | string[] | undefined> };

/**
 * The /courses and /artworks listing: a GET form of filters (in a dialog on phones, see
 * ./filter-drawer.tsx), results, pages.
 */
export async function CatalogueView({ kind, searchParams }: Props) {
  const filters = parseCatalogueParams(searchParams);
  const [page, t, locale] = await Promise.all([
    listCatalogue({ kind, filters, locale: await pageLocale() }),
    getTranslations("catalogue"),
    getLocale(),
  ]);
  const base = kind === "course" ? "/courses" : "/artworks";
  const heading = t(kind === "course" ? "coursesTitle" : "artworksTitle");
  return (
    <div className="grid gap-4 lg:grid-cols-[16rem_1fr] lg:gap-8">
      <aside>
        <FilterDrawer kind={kind} base={base} total={page.total} active={activeFilters(filters)}>
          <LabelledField id="q" label={t("search")}>
            {(control) => <Input {...control} name="q" type="search" defaultValue={filters.q} compact />}
          </LabelledField>
          <fieldset>
            <legend className="text-sm font-medium">{t("price")}</legend>
            <div className="mt-1 flex gap-2">
              <label className="sr-only" htmlFor="min">
                {t("minPrice")}
              </label>
              <Input
                id="min"
                name="min"
                inputMode="numeric"
                placeholder={t("min")}
                defaultValue={filters.minPrice !== undefined ? filters.minPrice / 100 : ""}
                compact
              />
              <label className="sr-only" htmlFor="max">
                {t("maxPrice")}
              </label>
              <Input
                id="max"
                name="max"
                inputMode="numeric"
                placeholder={t("max")}
                defaultValue={filters.maxPrice !== undefined ? filters.maxPrice / 100 : ""}
                compact
              />
            </div>
          </fieldset>
          {kind === "course" ? (
            <LabelledField id="level" label={t("level")}>
              {(control) => (
                <Select {...control} name="level" defaultValue={filters.level ?? ""} compact>
                  <option value="">{t("any")}</option>
                  {LEVELS.map((l) => (
                    <option key={l} value={l}>
                      {t(`levels.${l}`)}
                    </option>
                  ))}
                </Select>
              )}
            </LabelledField>
          ) : (
            <>
              <LabelledField id="medium" label={t("medium")}>
                {(control) => (
                  <Select {...control} name="medium" defaultValue={filters.medium ?? ""} compact>
                    <option value="">{t("any")}</option>
                    {page.mediumFacets.map((m) => (
                      <option key={m.value} value={m.value}>
                        {m.label} ({m.count})
                      </option>
                    ))}
                  </Select>
                )}
              </LabelledField>
              <LabelledField id="availability" label={t("availability")}>
                {(control) => (
                  <Select {...control} name="availability" defaultValue={filters.availability ?? ""} compact>
                    <option value="">{t("any")}</option>
                    {AVAILABILITY.map((a) => (
                      <option key={a} value={a}>
                        {t(`availabilities.${a}`)}
                      </option>
                    ))}
                  </Select>
                )}
              </LabelledField>
              <LabelledField id="edition" label={t("edition")}>
                {(control) => (
                  <Select {...control} name="edition" defaultValue={filters.edition ?? ""} compact>
                    <option value="">{t("any")}</option>
                    {EDITIONS.map((e) => (
                      <option key={e} value={e}>
                        {t(`editions.${e}`)}
                      </option>
                    ))}
                  </Select>
                )}
              </LabelledField>
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
          <LabelledField id="sort" label={t("sort")}>
            {(control) => (
              <Select {...control} name="sort" defaultValue={filters.sort} compact>
                {SORTS.map((s) => (
                  <option key={s} value={s}>
                    {t(`sorts.${s}`)}
                  </option>
                ))}
              </Select>
            )}
          </LabelledField>
        </FilterDrawer>
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
