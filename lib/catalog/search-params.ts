import { z } from "zod";
import { MAX_QUERY_LENGTH, normaliseSearchQuery } from "./search";

/**
 * Catalogue filters as they arrive in the URL. Every field is parsed on its own and anything invalid
 * is dropped or clamped, so a hand-edited or stale URL still shows a sensible page instead of an error.
 */
export const SORTS = ["relevance", "newest", "price_asc", "price_desc"] as const;
export type Sort = (typeof SORTS)[number];
export const LEVELS = ["beginner", "intermediate", "advanced"] as const;
export const AVAILABILITY = ["available", "sold"] as const;
export const EDITIONS = ["unique", "edition"] as const;

export type CatalogueFilters = {
  q?: string;
  tags: string[];
  /** Minor units. */
  minPrice?: number;
  maxPrice?: number;
  level?: (typeof LEVELS)[number];
  medium?: string;
  availability?: (typeof AVAILABILITY)[number];
  edition?: (typeof EDITIONS)[number];
  sort: Sort;
  page: number;
};

type RawParams = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
/** A form submits empty inputs as "", which z.coerce would read as 0: treat blank as absent. */
const firstNonBlank = (v: string | string[] | undefined) => {
  const value = first(v)?.trim();
  return value ? value : undefined;
};
const all = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : v.split(","));

// PostgreSQL rejects NUL in text and no search needs control characters: drop them before validating.
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/g;
const cleanText = (max: number) =>
  z
    .string()
    .transform((s) => s.replace(CONTROL_CHARS, " ").trim())
    .pipe(z.string().min(1).max(max));

const majorPrice = z.coerce.number().int().min(0).max(10_000_000);
const tagSlug = z.string().regex(/^[a-z0-9-]{1,60}$/);

export function parseCatalogueParams(raw: RawParams): CatalogueFilters {
  const q = cleanText(MAX_QUERY_LENGTH)
    .transform((text) => normaliseSearchQuery(text))
    .pipe(z.string())
    .safeParse(first(raw.q));
  const min = majorPrice.safeParse(firstNonBlank(raw.min));
  const max = majorPrice.safeParse(firstNonBlank(raw.max));
  let minPrice = min.success ? min.data * 100 : undefined;
  let maxPrice = max.success ? max.data * 100 : undefined;
  if (minPrice !== undefined && maxPrice !== undefined && minPrice > maxPrice)
    [minPrice, maxPrice] = [maxPrice, minPrice];
  const page = z.coerce.number().int().min(1).max(10_000).safeParse(firstNonBlank(raw.page));
  const sort = z.enum(SORTS).safeParse(first(raw.sort));
  const medium = cleanText(80).safeParse(first(raw.medium));
  return {
    q: q.success ? q.data : undefined,
    tags: [...new Set(all(raw.tag).filter((t) => tagSlug.safeParse(t).success))].slice(0, 10),
    minPrice,
    maxPrice,
    level: z.enum(LEVELS).safeParse(first(raw.level)).data,
    medium: medium.success ? medium.data : undefined,
    availability: z.enum(AVAILABILITY).safeParse(first(raw.availability)).data,
    edition: z.enum(EDITIONS).safeParse(first(raw.edition)).data,
    // Relevance orders by match quality with a query and newest first without one. Being the default in
    // both cases, it stays selected in the filter form when a shopper adds a query to a browsing page.
    sort: sort.success ? sort.data : "relevance",
    page: page.success ? page.data : 1,
  };
}

/** The URL query for a set of filters, with one change applied; page resets unless it is the change. */
export function catalogueHref(base: string, filters: CatalogueFilters, change: Partial<CatalogueFilters>): string {
  const next = { ...filters, page: 1, ...change };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  for (const t of next.tags) params.append("tag", t);
  if (next.minPrice !== undefined) params.set("min", String(Math.floor(next.minPrice / 100)));
  if (next.maxPrice !== undefined) params.set("max", String(Math.ceil(next.maxPrice / 100)));
  if (next.level) params.set("level", next.level);
  if (next.medium) params.set("medium", next.medium);
  if (next.availability) params.set("availability", next.availability);
  if (next.edition) params.set("edition", next.edition);
  if (next.sort !== "relevance") params.set("sort", next.sort);
  if (next.page > 1) params.set("page", String(next.page));
  const qs = params.toString();
  return qs ? `${base}?${qs}` : base;
}
