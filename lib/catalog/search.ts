import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import { creators, products, productTags, tags } from "@/db/schema";

/**
 * Text search over the catalogue, in English and Chinese: every piece of SQL that matches or ranks a
 * query lives here, and the user's text only ever reaches it as a bound parameter.
 *
 * A product matches when the query
 * - full-text matches its title, subtitle or description (English stemming, products.search_vector), or
 * - is trigram-similar to a word of its title, a tag name or its creator's name, in either language
 *   (pg_trgm word similarity: "watercolor" finds "Watercolour", "calligrapy" finds "Calligraphy"), or
 * - is a substring of its title, Chinese subtitle, a tag name or its creator's name, in either language,
 *   and, for a query with Chinese (CJK) characters, of its Chinese description: Chinese has no spaces
 *   between words, so a substring is what a word match means there.
 * The trigram GIN indexes of migration 0016 serve the similarity and the substring matches of three
 * characters or more; a two-character Chinese query yields no trigram and scans, which is cheap at the
 * catalogue's size (see `npm run bench:search`).
 */

/** Longer input is cut: no real search is longer, and a trigram comparison costs with the query's length. */
export const MAX_QUERY_LENGTH = 100;

/** Below this many characters a trigram similarity matches almost anything ("an" is like "and"). */
const MIN_SIMILARITY_LENGTH = 3;

const CONTROL_CHARS = /[\u0000-\u001f\u007f]/g;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * The query as the search sees it: NFKC (full-width Latin and digits become ASCII, compatibility
 * ideographs their usual form), control characters as spaces, runs of spaces collapsed, trimmed, and at
 * most MAX_QUERY_LENGTH characters (code points, so a cut never splits a surrogate pair). Undefined
 * when nothing is left.
 */
export function normaliseSearchQuery(raw: string): string | undefined {
  // Cut before normalising so a hostile megabyte costs no more than a short query; NFKC can grow a
  // character into a few, hence the margin.
  const head = Array.from(raw.slice(0, MAX_QUERY_LENGTH * 8));
  const text = head.join("").normalize("NFKC").replace(CONTROL_CHARS, " ").replace(/\s+/g, " ").trim();
  const capped = Array.from(text).slice(0, MAX_QUERY_LENGTH).join("").trim();
  return capped || undefined;
}

type Prepared = { q: string; pattern: string; cjk: boolean; similar: boolean };

function prepare(raw: string): Prepared | undefined {
  const q = normaliseSearchQuery(raw);
  if (!q) return undefined;
  return {
    q,
    // LIKE's own wildcards and its escape character are literal in a search.
    pattern: `%${q.replace(/[\\%_]/g, "\\$&")}%`,
    cjk: CJK.test(q),
    similar: Array.from(q).length >= MIN_SIMILARITY_LENGTH,
  };
}

const tsQuery = (q: string) => sql`websearch_to_tsquery('english', ${q}::text)`;

/**
 * `column %> q`: the query is at least pg_trgm.word_similarity_threshold (0.6) similar to some extent of
 * the column's words. Written with the column on the left so the column's trigram index serves it.
 */
const similarTo = (column: AnyColumn, p: Prepared) => sql`${column} %> ${p.q}::text`;
const contains = (column: AnyColumn, p: Prepared) => sql`${column} ilike ${p.pattern}::text`;

function anyOf(conditions: SQL[]): SQL {
  return sql`(${sql.join(conditions, sql` or `)})`;
}

/** Conditions on one text column: similar (when the query is long enough) or containing the query. */
function textMatches(columns: AnyColumn[], p: Prepared): SQL {
  const conditions = columns.flatMap((c) => (p.similar ? [similarTo(c, p), contains(c, p)] : [contains(c, p)]));
  return anyOf(conditions);
}

/**
 * The products matching a query, as a `product.id in (…)` condition. Each arm of the union can use its
 * own index (the tsvector GIN, the trigram GINs, the creator and tag keys); one WHERE with all the arms
 * OR-ed together would have to scan and test every product.
 */
export function searchMatch(raw: string): SQL | undefined {
  const p = prepare(raw);
  if (!p) return undefined;
  const arms: SQL[] = [
    sql`select ${products.id} from ${products} where ${products.searchVector} @@ ${tsQuery(p.q)}`,
    sql`select ${products.id} from ${products} where ${textMatches([products.title, products.titleZh], p)}`,
    sql`select ${products.id} from ${products} where ${contains(products.subtitleZh, p)}`,
    sql`select ${productTags.productId} from ${productTags} join ${tags} on ${tags.id} = ${productTags.tagId} where ${textMatches([tags.name, tags.nameZh], p)}`,
    sql`select ${products.id} from ${products} join ${creators} on ${creators.id} = ${products.creatorId} where ${textMatches([creators.name, creators.nameZh], p)}`,
  ];
  if (p.cjk) arms.push(sql`select ${products.id} from ${products} where ${contains(products.descriptionZh, p)}`);
  return sql`${products.id} in (${sql.join(arms, sql` union `)})`;
}

/**
 * How well a product matches, highest first. Title evidence outweighs tag and creator evidence, which
 * outweighs the description:
 * - full text: ts_rank over the weighted vector (title A, subtitle B, description C), scaled so a
 *   title hit is worth about as much as a close trigram match;
 * - the best word similarity of the query to the title (either language), plus 1 when the title
 *   contains the query verbatim;
 * - half as much for the best tag and for the creator's name (similarity or verbatim);
 * - 0.2 when a Chinese query appears in the Chinese subtitle or description.
 */
export function searchRank(raw: string): SQL | undefined {
  const p = prepare(raw);
  if (!p) return undefined;
  const best = (columns: AnyColumn[]) =>
    sql`greatest(${sql.join(
      columns.flatMap((c) => [
        sql`word_similarity(${p.q}::text, coalesce(${c}, ''))`,
        sql`(coalesce(${c}, '') ilike ${p.pattern}::text)::int`,
      ]),
      sql`, `,
    )})`;
  const titleSimilarity = sql`greatest(word_similarity(${p.q}::text, ${products.title}), word_similarity(${p.q}::text, coalesce(${products.titleZh}, '')))`;
  const titleVerbatim = sql`(${products.title} ilike ${p.pattern}::text or coalesce(${products.titleZh}, '') ilike ${p.pattern}::text)::int`;
  const tagScore = sql`coalesce((select max(${best([tags.name, tags.nameZh])}) from ${productTags} join ${tags} on ${tags.id} = ${productTags.tagId} where ${productTags.productId} = ${products.id}), 0)`;
  // A subquery rather than the caller's join, so the rank stands alone wherever products are listed.
  const creatorScore = sql`coalesce((select ${best([creators.name, creators.nameZh])} from ${creators} where ${creators.id} = ${products.creatorId}), 0)`;
  const chineseText = p.cjk
    ? sql`0.2 * (coalesce(${products.subtitleZh}, '') ilike ${p.pattern}::text or coalesce(${products.descriptionZh}, '') ilike ${p.pattern}::text)::int`
    : sql`0`;
  return sql`(5 * ts_rank(${products.searchVector}, ${tsQuery(p.q)}) + ${titleSimilarity} + ${titleVerbatim} + 0.5 * ${tagScore} + 0.5 * ${creatorScore} + ${chineseText})`;
}
