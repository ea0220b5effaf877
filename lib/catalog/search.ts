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
  p.caseless ? sql`strpos(${column}, ${p.q}::text) > 0` : sql`${column} ilike ${p.pattern}::text`;

function anyOf(conditions: SQL[]): SQL {
  return sql`(${sql.join(conditions, sql` or `)})`;
}

/** Conditions on one text column: similar (when the query is long enough) or containing the query. */
function textMatches(columns: AnyColumn[], p: Prepared): SQL {
  const conditions = columns.flatMap((c) => (p.similar ? [similarTo(c, p), contains(c, p)] : [contains(c, p)]));
  return anyOf(conditions);
}

/** Product columns searched for the query as a substring; the Chinese description for CJK queries only. */
const substringColumns = (p: Prepared): AnyColumn[] =>
  p.cjk
    ? [products.title, products.titleZh, products.subtitleZh, products.descriptionZh]
    : [products.title, products.titleZh, products.subtitleZh];

/**
 * The products matching a query, as a `product.id in (…)` condition. The union has one arm per column
 * and operator so that each arm can use its own index (the tsvector GIN, one trigram GIN, the creator
 * and tag keys): with several trigram conditions OR-ed in one arm the planner tends to price the bitmap
 * scans above a sequential scan that then computes word_similarity for every product, ten times slower.
 * The Chinese substring tests share one arm: a two-character pattern yields no trigram, so each would
 * scan the table anyway, and one scan is cheaper than three.
 */
export function searchMatch(raw: string): SQL | undefined {
  const p = prepare(raw);
  if (!p) return undefined;
  const productArm = (condition: SQL) => sql`select ${products.id} from ${products} where ${condition}`;
  const tagArm = (condition: SQL) =>
    sql`select ${productTags.productId} from ${productTags} join ${tags} on ${tags.id} = ${productTags.tagId} where ${condition}`;
  const creatorArm = (condition: SQL) =>
    sql`select ${products.id} from ${products} join ${creators} on ${creators.id} = ${products.creatorId} where ${condition}`;
  const substrings = p.caseless
    ? // Caseless (strpos) scans anyway: one arm, one scan.
      [productArm(anyOf(substringColumns(p).map((c) => contains(c, p))))]
    : [
        productArm(contains(products.title, p)),
        productArm(
          anyOf(
            substringColumns(p)
              .slice(1)
              .map((c) => contains(c, p)),
          ),
        ),
      ];
  const arms: SQL[] = [
    productArm(sql`${products.searchVector} @@ ${tsQuery(p.q)}`),
    ...substrings,
    // Tags and creators are small tables: one arm each, the join to products by its key.
    tagArm(textMatches([tags.name, tags.nameZh], p)),
    creatorArm(textMatches([creators.name, creators.nameZh], p)),
  ];
  if (p.similar) arms.push(productArm(similarTo(products.title, p)), productArm(similarTo(products.titleZh, p)));
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
 * The query it belongs in must join `creator` on the product's creator.
 */
export function searchRank(raw: string): SQL | undefined {
  const p = prepare(raw);
  if (!p) return undefined;
  const best = (columns: AnyColumn[]) =>
    sql`greatest(${sql.join(
      columns.flatMap((c) => [
        sql`word_similarity(${p.q}::text, coalesce(${c}, ''))`,
        sql`(${contains(sql`coalesce(${c}, '')`, p)})::int`,
      ]),
      sql`, `,
    )})`;
  const titleSimilarity = sql`greatest(word_similarity(${p.q}::text, ${products.title}), word_similarity(${p.q}::text, coalesce(${products.titleZh}, '')))`;
  const titleVerbatim = sql`(${contains(products.title, p)} or ${contains(sql`coalesce(${products.titleZh}, '')`, p)})::int`;
  const tagScore = sql`coalesce((select max(${best([tags.name, tags.nameZh])}) from ${productTags} join ${tags} on ${tags.id} = ${productTags.tagId} where ${productTags.productId} = ${products.id}), 0)`;
  // The listing joins each product's creator already (lib/catalog/queries.ts): a subquery per row cost more.
  const creatorScore = best([creators.name, creators.nameZh]);
  const chineseText = p.cjk
    ? sql`0.2 * (${contains(sql`coalesce(${products.subtitleZh}, '')`, p)} or ${contains(sql`coalesce(${products.descriptionZh}, '')`, p)})::int`
    : sql`0`;
  return sql`(5 * ts_rank(${products.searchVector}, ${tsQuery(p.q)}) + ${titleSimilarity} + ${titleVerbatim} + 0.5 * ${tagScore} + 0.5 * ${creatorScore} + ${chineseText})`;
}
