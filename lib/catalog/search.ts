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

type Prepared = { q: string; pattern: string; cjk: boolean; caseless: boolean; similar: boolean };

function prepare(raw: string): Prepared | undefined {
  const q = normaliseSearchQuery(raw);
  if (!q) return undefined;
  return {
    q,
    // LIKE's own wildcards and its escape character are literal in a search.
    pattern: `%${q.replace(/[\\%_]/g, "\\$&")}%`,
    cjk: CJK.test(q),
    // Nothing to fold in a query without letters that have case (Chinese, digits): strpos then finds
    // the same rows as ILIKE at a third of its cost, which lowercases every row's text first.
    caseless: q.toLowerCase() === q.toUpperCase(),
    similar: Array.from(q).length >= MIN_SIMILARITY_LENGTH,
  };
}

const tsQuery = (q: string) => sql`websearch_to_tsquery('english', ${q}::text)`;

/**
 * `column %> q`: the query is at least pg_trgm.word_similarity_threshold (0.6) similar to some extent of
 * the column's words. Written with the column on the left so the column's trigram index serves it.
 */
const similarTo = (column: AnyColumn, p: Prepared) => sql`${column} %> ${p.q}::text`;
const contains = (column: AnyColumn | SQL, p: Prepared) =>
  p.caseless ? sql`(strpos(${column}, ${p.q}::text) > 0)` : sql`(${column} ilike ${p.pattern}::text)`;

function anyOf(conditions: SQL[]): SQL {
  return sql`(${sql.join(conditions, sql` or `)})`;
}

/** Conditions on one text column: similar (when the query is long enough) or containing the query. */
function textMatches(columns: AnyColumn[], p: Prepared): SQL {
  const conditions = columns.flatMap((c) => (p.similar ? [similarTo(c, p), contains(c, p)] : [contains(c, p)]));
  return anyOf(conditions);
}

/** `greatest(…)` of 0/1 substring tests and word similarities of the query to some (nullable) columns. */
function bestOf(columns: AnyColumn[], p: Prepared): SQL {
  return sql`greatest(${sql.join(
    columns.flatMap((c) => [
      sql`word_similarity(${p.q}::text, coalesce(${c}, ''))`,
      sql`${contains(sql`coalesce(${c}, '')`, p)}::int`,
    ]),
    sql`, `,
  )})`;
}

/**
 * The evidence for a query, one union arm per kind of match, each row a product id and a score. An arm
 * scores only what it matched, so the similarity of tags and creators is computed once per matching
 * tag or creator, not once per product. A product's relevance is the sum over the arms that found it:
 * - full text: 5 × ts_rank over the weighted vector (title A, subtitle B, description C), which puts a
 *   title hit near a close trigram match and a description-only hit far below;
 * - its title (either language) contains the query: 1; and, when the query is a close typo of a title
 *   word, that word similarity (0.6–1);
 * - half of the best similarity or containment for a matching tag, and for its creator's name;
 * - 0.2 when the query is in the Chinese subtitle or (CJK queries) the Chinese description.
 * So title > tags and creator > description, and a product matched several ways ranks higher.
 *
 * Each arm is planned on its own and uses its own index (the tsvector GIN, one trigram GIN, the creator
 * and tag keys): with several trigram conditions OR-ed in one arm the planner priced the bitmap scans
 * above a sequential scan that computed word_similarity on every product, ten times slower. The
 * caseless substring tests share one arm: a two-character pattern yields no trigram, so each would
 * scan the table anyway.
 */
function scoredArms(p: Prepared): SQL[] {
  const productArm = (score: SQL, condition: SQL) =>
    sql`select ${products.id} as id, (${score})::float8 as score from ${products} where ${condition}`;
  const titleContains = anyOf([contains(products.title, p), contains(products.titleZh, p)]);
  const otherContains = anyOf(
    (p.cjk ? [products.subtitleZh, products.descriptionZh] : [products.subtitleZh]).map((c) => contains(c, p)),
  );
  const arms: SQL[] = [
    productArm(
      sql`5 * ts_rank(${products.searchVector}, ${tsQuery(p.q)})`,
      sql`${products.searchVector} @@ ${tsQuery(p.q)}`,
    ),
  ];
  if (p.caseless) {
    arms.push(
      productArm(
        sql`coalesce(${titleContains}, false)::int + 0.2 * coalesce(${otherContains}, false)::int`,
        anyOf([contains(products.title, p), contains(products.titleZh, p), otherContains]),
      ),
    );
  } else {
    arms.push(
      productArm(sql`1`, contains(products.title, p)),
      productArm(
        sql`${contains(sql`coalesce(${products.titleZh}, '')`, p)}::int + 0.2 * coalesce(${otherContains}, false)::int`,
        anyOf([contains(products.titleZh, p), otherContains]),
      ),
    );
  }
  if (p.similar) {
    arms.push(
      productArm(sql`word_similarity(${p.q}::text, ${products.title})`, similarTo(products.title, p)),
      productArm(sql`word_similarity(${p.q}::text, ${products.titleZh})`, similarTo(products.titleZh, p)),
    );
  }
  // Tags and creators are small tables: one arm each, joined to products by their keys.
  arms.push(
    sql`select ${productTags.productId} as id, 0.5 * max(${bestOf([tags.name, tags.nameZh], p)})::float8 as score from ${productTags} join ${tags} on ${tags.id} = ${productTags.tagId} where ${textMatches([tags.name, tags.nameZh], p)} group by ${productTags.productId}`,
    sql`select ${products.id} as id, 0.5 * ${bestOf([creators.name, creators.nameZh], p)}::float8 as score from ${products} join ${creators} on ${creators.id} = ${products.creatorId} where ${textMatches([creators.name, creators.nameZh], p)}`,
  );
  return arms;
}

/** The products matching a query, as a `product.id in (…)` condition: for counts and facets. */
export function searchMatch(raw: string): SQL | undefined {
  const p = prepare(raw);
  if (!p) return undefined;
  const ids = scoredArms(p).map((arm) => sql`select id from (${arm}) as arm`);
  return sql`${products.id} in (${sql.join(ids, sql` union `)})`;
}

/**
 * The matching products with their relevance, as a table to join: `search_match(id, score)`, one row
 * per product. The listing joins it on the product id and orders by `score` (lib/catalog/queries.ts).
 */
export function searchRanked(raw: string): { table: SQL; on: SQL; score: SQL } | undefined {
  const p = prepare(raw);
  if (!p) return undefined;
  return {
    table: sql`(select id, sum(score) as score from (${sql.join(scoredArms(p), sql` union all `)}) as arm group by id) as search_match`,
    on: sql`search_match.id = ${products.id}`,
    score: sql`search_match.score`,
  };
}
