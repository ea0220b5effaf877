import { and, asc, desc, eq, gte, inArray, lte, sql, type SQL } from "drizzle-orm";
import { getCatalogueDb } from "@/db/client";
import { artworkDetails, courseDetails, creators, products, productTags, tags } from "@/db/schema";
import type { Locale } from "@/i18n/locales";
import type { CatalogueFilters } from "./search-params";
import { reshapeCard } from "./card-row";
import { searchMatch, searchRanked } from "./search";
import type { CataloguePage, ProductCard } from "./types";

export const PAGE_SIZE = 12;

// The topic of a product is the topic of its first tag: it picks the procedural image style.
export const productTopicSql = sql<
  string | null
>`(select t.topic from ${productTags} pt join ${tags} t on t.id = pt.tag_id where pt.product_id = ${products.id} order by t.slug limit 1)`;

const cardColumns = {
  id: products.id,
  kind: products.kind,
  slug: products.slug,
  title: products.title,
  titleZh: products.titleZh,
  subtitle: products.subtitle,
  subtitleZh: products.subtitleZh,
  priceAmount: products.priceAmount,
  currency: products.currency,
  imageSeed: products.imageSeed,
  creatorSlug: creators.slug,
  creatorName: creators.name,
  creatorNameZh: creators.nameZh,
  level: courseDetails.level,
  medium: artworkDetails.medium,
  mediumZh: artworkDetails.mediumZh,
  editionSize: artworkDetails.editionSize,
  stock: artworkDetails.stock,
  topic: productTopicSql,
};

function cardQuery(db: Awaited<ReturnType<typeof getCatalogueDb>>) {
  return db
    .select(cardColumns)
    .from(products)
    .innerJoin(creators, eq(creators.id, products.creatorId))
    .leftJoin(courseDetails, eq(courseDetails.productId, products.id))
    .leftJoin(artworkDetails, eq(artworkDetails.productId, products.id));
}

function filterConditions(
  kind: "course" | "artwork",
  f: CatalogueFilters,
  opts: { withTags: boolean; withText?: boolean },
): SQL[] {
  const conds: (SQL | undefined)[] = [eq(products.kind, kind), eq(products.status, "published")];
  if (f.q && opts.withText !== false) conds.push(searchMatch(f.q));
  if (f.minPrice !== undefined) conds.push(gte(products.priceAmount, f.minPrice));
  if (f.maxPrice !== undefined) conds.push(lte(products.priceAmount, f.maxPrice));
  if (kind === "course" && f.level) conds.push(eq(courseDetails.level, f.level));
  if (kind === "artwork") {
    if (f.medium) conds.push(eq(artworkDetails.medium, f.medium));
    if (f.availability === "available") conds.push(sql`${artworkDetails.stock} > 0`);
    if (f.availability === "sold") conds.push(sql`${artworkDetails.stock} = 0`);
    if (f.edition === "unique") conds.push(eq(artworkDetails.editionSize, 1));
    if (f.edition === "edition") conds.push(sql`${artworkDetails.editionSize} > 1`);
  }
  if (opts.withTags && f.tags.length > 0) {
    conds.push(
      // Tags within the facet combine with OR, as shoppers expect from checkbox facets.
      sql`exists (select 1 from ${productTags} pt join ${tags} t on t.id = pt.tag_id where pt.product_id = ${products.id} and t.slug in ${f.tags})`,
    );
  }
  return conds.filter((c): c is SQL => c !== undefined);
}

function orderBy(f: CatalogueFilters, score?: SQL): SQL[] {
  switch (f.sort) {
    case "price_asc":
      return [asc(products.priceAmount), asc(products.slug)];
    case "price_desc":
      return [desc(products.priceAmount), asc(products.slug)];
    case "relevance":
      // Without a query there is nothing to be relevant to: the newest first, as the default promises.
      return [...(score ? [sql`${score} desc`] : []), desc(products.createdAt), asc(products.slug)];
    case "newest":
      return [desc(products.createdAt), asc(products.slug)];
  }
}

/** The cards of one catalogue page; exported for `npm run bench:search`, which EXPLAINs it. */
export function catalogueRowsQuery(
  db: Awaited<ReturnType<typeof getCatalogueDb>>,
  opts: { kind: "course" | "artwork"; filters: CatalogueFilters; page: number; pageSize: number },
) {
  const { kind, filters } = opts;
  // Ordered by relevance, the matches come as a table with their scores (lib/catalog/search.ts), which
  // also does the filtering; any other order only needs the text condition.
  const ranked = filters.q && filters.sort === "relevance" ? searchRanked(filters.q) : undefined;
  const query = cardQuery(db).$dynamic();
  if (ranked) query.innerJoin(ranked.table, ranked.on);
  return query
    .where(and(...filterConditions(kind, filters, { withTags: true, withText: !ranked })))
    .orderBy(...orderBy(filters, ranked?.score))
    .limit(opts.pageSize)
    .offset((opts.page - 1) * opts.pageSize);
}

/** How many products match the filters: the listing's total, and the filter drawer's live "Show N results". */
export async function countCatalogue({
  kind,
  filters,
}: {
  kind: "course" | "artwork";
  filters: CatalogueFilters;
}): Promise<number> {
  const db = await getCatalogueDb();
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(products)
    .leftJoin(courseDetails, eq(courseDetails.productId, products.id))
    .leftJoin(artworkDetails, eq(artworkDetails.productId, products.id))
    .where(and(...filterConditions(kind, filters, { withTags: true })));
  return row?.n ?? 0;
}

/** One page of courses or artworks with the facet counts a filter sidebar needs. */
export async function listCatalogue({
  kind,
  filters,
  pageSize = PAGE_SIZE,
  locale,
}: {
  kind: "course" | "artwork";
  filters: CatalogueFilters;
  pageSize?: number;
  /** The page's language: card texts come back in it, falling back (marked) to the other. */
  locale: Locale;
}): Promise<CataloguePage> {
  const db = await getCatalogueDb();
  // The count runs beside the page it clamps rather than before it (one round trip less): only a page
  // past the end, rare, is fetched a second time.
  const requested = filters.page;
  // Facet counts ignore the facet's own selection, so choosing one tag still shows the others.
  const facetWhere = and(...filterConditions(kind, filters, { withTags: false }));
  const [total, requestedRows, tagFacets, mediumFacets] = await Promise.all([
    countCatalogue({ kind, filters }),
    catalogueRowsQuery(db, { kind, filters, page: requested, pageSize }),
    db
      .select({
        slug: tags.slug,
        name: tags.name,
        nameZh: tags.nameZh,
        topic: tags.topic,
        count: sql<number>`count(distinct ${products.id})::int`,
      })
      .from(products)
      .innerJoin(productTags, eq(productTags.productId, products.id))
      .innerJoin(tags, eq(tags.id, productTags.tagId))
      .leftJoin(courseDetails, eq(courseDetails.productId, products.id))
      .leftJoin(artworkDetails, eq(artworkDetails.productId, products.id))
      .where(facetWhere)
      .groupBy(tags.slug, tags.name, tags.nameZh, tags.topic)
      .orderBy(desc(sql`count(distinct ${products.id})`), asc(tags.slug)),
    kind === "artwork"
      ? db
          // The filter matches the English medium (the value); the label is the page's language.
          .select({
            value: artworkDetails.medium,
            valueZh: sql<string | null>`min(${artworkDetails.mediumZh})`,
            count: sql<number>`count(*)::int`,
          })
          .from(products)
          .innerJoin(artworkDetails, eq(artworkDetails.productId, products.id))
          .where(and(eq(products.kind, "artwork"), eq(products.status, "published")))
          .groupBy(artworkDetails.medium)
          .orderBy(asc(artworkDetails.medium))
      : Promise.resolve([]),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(requested, pageCount);
  const rows = page === requested ? requestedRows : await catalogueRowsQuery(db, { kind, filters, page, pageSize });
  return {
    items: rows.map((r) => reshapeCard(r, locale)),
    total,
    page,
    pageCount,
    tagFacets,
    mediumFacets: mediumFacets.map(({ value, valueZh, count }) => ({
      value,
      label: locale === "zh" && valueZh ? valueZh : value,
      count,
    })),
  };
}

/** Newest published products of one kind, for the home page. */
export async function listNewestProducts({
  kind,
  limit,
  locale,
}: {
  kind: "course" | "artwork";
  limit: number;
  locale: Locale;
}): Promise<ProductCard[]> {
  const db = await getCatalogueDb();
  const rows = await cardQuery(db)
    .where(and(eq(products.kind, kind), eq(products.status, "published")))
    .orderBy(desc(products.createdAt), asc(products.slug))
    .limit(limit);
  return rows.map((r) => reshapeCard(r, locale));
}

export async function listProductsByCreator({
  creatorId,
  locale,
}: {
  creatorId: string;
  locale: Locale;
}): Promise<ProductCard[]> {
  const db = await getCatalogueDb();
  const rows = await cardQuery(db)
    .where(and(eq(products.creatorId, creatorId), eq(products.status, "published")))
    .orderBy(asc(products.kind), desc(products.createdAt));
  return rows.map((r) => reshapeCard(r, locale));
}

export async function listProductCardsByIds({
  ids,
  locale,
}: {
  ids: string[];
  locale: Locale;
}): Promise<ProductCard[]> {
  if (ids.length === 0) return [];
  const db = await getCatalogueDb();
  const rows = await cardQuery(db).where(and(inArray(products.id, ids), eq(products.status, "published")));
  const byId = new Map(rows.map((r) => [r.id, reshapeCard(r, locale)]));
  return ids.map((id) => byId.get(id)).filter((c): c is ProductCard => c !== undefined);
}

export async function listTopics(): Promise<
  { topic: string; tags: { slug: string; name: string; nameZh: string }[] }[]
> {
  const db = await getCatalogueDb();
  const rows = await db.select().from(tags).orderBy(asc(tags.topic), asc(tags.slug));
  const byTopic = new Map<string, { slug: string; name: string; nameZh: string }[]>();
  for (const r of rows)
    byTopic.set(r.topic, [...(byTopic.get(r.topic) ?? []), { slug: r.slug, name: r.name, nameZh: r.nameZh }]);
  return [...byTopic].map(([topic, list]) => ({ topic, tags: list }));
}
