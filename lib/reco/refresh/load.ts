/**
 * Loading for the recommendation refresh: everything the pure algorithms need, read with a handful of
 * aggregate queries so that PostgreSQL, not JavaScript, walks the millions of raw events.
 *
 * - cells: one row per (user or visitor, product) with the summed, time-decayed event weight. The weight
 *   formula is interactions.ts's eventWeight written in SQL (same constants, passed as parameters); the
 *   integration test checks the two agree.
 * - userStats: per signed-in user, dwell mean/median, purchases, spend, first/last seen and the weeks
 *   (of the last 8) in which they were active, for features and cluster trends.
 * - owned: enrollments and paid order lines (purchase events are already in the cells).
 * Anonymous visitors take part as users keyed `v:<visitor id>`: their events were only stored with
 * analytics consent, and the reader serves their list to the same visitor cookie.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { queryRows } from "@/db/rows";
import { DEFAULT_EVENT_WEIGHTS, type EventWeights } from "../interactions";
import { VISITOR_KEY_PREFIX } from "../slots";

export const TREND_WEEKS = 8;
const WEEK_MS = 7 * 86_400_000;

export type CatalogueItem = {
  id: string;
  slug: string;
  kind: "course" | "artwork" | "bundle";
  creatorId: string;
  title: string;
  /** Subtitle and description, for TF-IDF. */
  text: string;
  /** Published and in stock: may be recommended. */
  recommendable: boolean;
  priceAmount: number;
  currency: string;
  createdAt: number;
  tags: string[];
};

export type TagInfo = { slug: string; name: string; nameZh: string; topic: string };

/** Column-major cells: cell t is (userKey[t], productId[t]). */
export type Cells = {
  userKey: string[];
  productId: string[];
  weight: Float64Array;
  views: Int32Array;
  carts: Int32Array;
  purchases: Int32Array;
};

export function emptyCells(): Cells {
  return {
    userKey: [],
    productId: [],
    weight: new Float64Array(0),
    views: new Int32Array(0),
    carts: new Int32Array(0),
    purchases: new Int32Array(0),
  };
}

export type UserStats = {
  userId: string;
  dwellMeanSeconds: number;
  dwellMedianSeconds: number;
  purchases: number;
  spendMinor: number;
  firstSeenAt: number;
  lastSeenAt: number;
  /** Bit w set: active in week w before the trend end (bit 0 = the latest week). */
  activeWeeks: number;
};

export type LoadedData = {
  now: number;
  /** End of the trend window: the latest event, or now if that is earlier. */
  trendEnd: number;
  items: CatalogueItem[];
  tags: TagInfo[];
  cells: Cells;
  userStats: UserStats[];
  /** Enrollments and paid order lines, with the spend of the orders. */
  owned: { userId: string; productId: string }[];
  orderSpend: Map<string, number>;
  reviews: { userId: string; productId: string; rating: number; body: string }[];
  follows: { followerId: string; targetKind: "creator" | "user"; targetId: string }[];
  /** "Not interested" per user key: never recommended to that user again. */
  dismissed: { userKey: string; productId: string }[];
  /** Recommendation impressions and clicks per slot and source, over the last 30 days. */
  bandit: { slot: string; source: string; impressions: number; clicks: number }[];
};

export type LoadOptions = {
  now: number;
  weights?: EventWeights;
  /** Older evidence counts less: an event this many days old counts half. */
  halfLifeDays?: number;
  /**
   * One user's (or visitor's, `v:<id>`) evidence only, for the per-user update (user.ts): cells, owned
   * items, reviews, follows and dismissals of that key; no user aggregates, spend or bandit counts
   * (the update reuses the last refresh's clusters and weights).
   */
  onlyUser?: string;
  onQuery?: (name: string, ms: number, rows: number) => void;
};

async function timed<T>(name: string, run: () => Promise<T[]>, onQuery?: LoadOptions["onQuery"]): Promise<T[]> {
  const started = performance.now();
  const rows = await run();
  onQuery?.(name, performance.now() - started, rows.length);
  return rows;
}

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const time = (v: unknown): number => (v instanceof Date ? v.getTime() : Date.parse(String(v)));

export async function loadRefreshData(db: Executor, options: LoadOptions): Promise<LoadedData> {
  const { now, weights = DEFAULT_EVENT_WEIGHTS, halfLifeDays = 120, onQuery, onlyUser } = options;
  const one = onlyUser !== undefined;
  const onlyVisitor = onlyUser?.startsWith(VISITOR_KEY_PREFIX) ? onlyUser.slice(VISITOR_KEY_PREFIX.length) : null;
  /** The filter on `column` (a user id) when loading for one user; a visitor owns nothing of the kind. */
  const ofUser = (column: SQL) => (one ? sql`and ${column} = ${onlyVisitor === null ? onlyUser : null}::text` : sql``);
  const cellsOfUser = !one
    ? sql``
    : onlyVisitor === null
      ? sql`and e.user_id = ${onlyUser}`
      : sql`and e.user_id is null and e.visitor_id = ${onlyVisitor}`;
  const nowDate = new Date(now).toISOString();
  const halfLifeSeconds = halfLifeDays * 86_400;

  const [latest] = await queryRows<{ at: unknown }>(db, sql`select max(created_at) as at from event`);
  const trendEnd = latest?.at ? Math.min(now, time(latest.at)) : now;
  const trendStart = new Date(trendEnd - TREND_WEEKS * WEEK_MS).toISOString();
  const trendEndIso = new Date(trendEnd).toISOString();

  const itemRows = await timed(
    "products",
    () =>
      queryRows<{
        id: string;
        slug: string;
        kind: CatalogueItem["kind"];
        creator_id: string;
        title: string;
        subtitle: string;
        description: string;
        status: string;
        stock: number | null;
        price_amount: number;
        currency: string;
        created_at: unknown;
        tags: string[] | string | null;
      }>(
        db,
        sql`select p.id, p.slug, p.kind, p.creator_id, p.title, p.subtitle, p.description, p.status, a.stock, p.price_amount, p.currency, p.created_at,
              coalesce((select array_agg(t.slug order by t.slug) from product_tag pt join tag t on t.id = pt.tag_id where pt.product_id = p.id), '{}') as tags
            from product p left join artwork_detail a on a.product_id = p.id
            order by p.id`,
      ),
    onQuery,
  );
  const items: CatalogueItem[] = itemRows.map((r) => ({
    id: r.id,
    slug: r.slug,
    kind: r.kind,
    creatorId: r.creator_id,
    title: r.title,
    text: `${r.title}. ${r.subtitle}. ${r.description}`,
    recommendable: r.status === "published" && (r.kind !== "artwork" || (r.stock ?? 0) > 0),
    priceAmount: r.price_amount,
    currency: r.currency,
    createdAt: time(r.created_at),
    tags: parseTextArray(r.tags),
  }));
  const tags = await queryRows<TagInfo>(db, sql`select slug, name, name_zh as "nameZh", topic from tag order by slug`);

  // eventWeight in SQL: a view counts w.view * log1p(min(dwell, cap)) / log1p(cap) once it lasted
  // minDwell seconds; carts and purchases count their flat weight; everything decays with age.
  const w = weights;
  const decay = sql`power(0.5, greatest(0, extract(epoch from (${nowDate}::timestamptz - e.created_at))) / ${halfLifeSeconds}::float8)`;
  const cellRows = await timed(
    "cells",
    () =>
      queryRows<{ u: string; p: string; w: number | string; v: number; c: number; b: number }>(
        db,
        sql`select coalesce(e.user_id, ${VISITOR_KEY_PREFIX} || e.visitor_id) as u, e.product_id as p,
              sum((case e.type
                when 'view' then case when e.dwell_ms >= ${w.minDwellSeconds * 1000}
                  then ${w.view}::float8 * ln(1 + least(e.dwell_ms / 1000.0, ${w.dwellCapSeconds})) / ln(1 + ${w.dwellCapSeconds}::float8) else 0 end
                when 'add_to_cart' then ${w.addToCart}::float8
                else ${w.purchase}::float8 end) * ${decay})::float8 as w,
              (count(*) filter (where e.type = 'view'))::int as v,
              (count(*) filter (where e.type = 'add_to_cart'))::int as c,
              (count(*) filter (where e.type = 'purchase'))::int as b
            from event e
            where e.product_id is not null and e.type in ('view', 'add_to_cart', 'purchase')
              and (e.user_id is not null or e.visitor_id is not null) ${cellsOfUser}
            group by 1, 2`,
      ),
    onQuery,
  );
  const n = cellRows.length;
  const cells: Cells = {
    userKey: new Array<string>(n),
    productId: new Array<string>(n),
    weight: new Float64Array(n),
    views: new Int32Array(n),
    carts: new Int32Array(n),
    purchases: new Int32Array(n),
  };
  // Each row brings its own copy of the user's and the product's id: keep one string per distinct id,
  // so the millions of cells hold a few hundred thousand strings (hundreds of MB at 250k users).
  const interned = new Map<string, string>();
  const intern = (id: string) => {
    const known = interned.get(id);
    if (known !== undefined) return known;
    interned.set(id, id);
    return id;
  };
  for (let t = 0; t < n; t++) {
    const r = cellRows[t]!;
    cells.userKey[t] = intern(r.u);
    cells.productId[t] = intern(r.p);
    cells.weight[t] = num(r.w);
    cells.views[t] = r.v;
    cells.carts[t] = r.c;
    cells.purchases[t] = r.b;
  }

  const statRows = await timed(
    "user stats",
    () =>
      one
        ? Promise.resolve([])
        : queryRows<{
            u: string;
            dm: number | string | null;
            dmed: number | string | null;
            n: number;
            s: number | string | null;
            f: unknown;
            l: unknown;
            wk: number | null;
          }>(
            db,
            sql`select e.user_id as u,
              (avg(e.dwell_ms) filter (where e.type = 'view'))::float8 / 1000 as dm,
              (percentile_cont(0.5) within group (order by e.dwell_ms) filter (where e.type = 'view'))::float8 / 1000 as dmed,
              (count(*) filter (where e.type = 'purchase'))::int as n,
              (coalesce(sum(e.value) filter (where e.type = 'purchase'), 0))::float8 as s,
              min(e.created_at) as f, max(e.created_at) as l,
              (bit_or(1 << least(${TREND_WEEKS - 1}, floor(extract(epoch from (${trendEndIso}::timestamptz - e.created_at)) / ${WEEK_MS / 1000})::int))
                filter (where e.created_at > ${trendStart}::timestamptz and e.created_at <= ${trendEndIso}::timestamptz))::int as wk
            from event e
            where e.user_id is not null and e.type in ('view', 'add_to_cart', 'purchase', 'review', 'follow')
            group by e.user_id`,
          ),
    onQuery,
  );
  const userStats: UserStats[] = statRows.map((r) => ({
    userId: r.u,
    dwellMeanSeconds: num(r.dm),
    dwellMedianSeconds: num(r.dmed),
    purchases: r.n,
    spendMinor: num(r.s),
    firstSeenAt: time(r.f),
    lastSeenAt: time(r.l),
    activeWeeks: r.wk ?? 0,
  }));

  const owned = await timed(
    "owned",
    () =>
      queryRows<{ userId: string; productId: string }>(
        db,
        sql`select user_id as "userId", product_id as "productId" from enrollment where true ${ofUser(sql`user_id`)}
            union
            select o.user_id, ol.product_id from order_line ol join "order" o on o.id = ol.order_id
            where o.status in ('paid', 'fulfilled') and o.user_id is not null and ol.product_id is not null ${ofUser(sql`o.user_id`)}`,
      ),
    onQuery,
  );
  const spendRows = one
    ? []
    : await queryRows<{ userId: string; s: number | string }>(
        db,
        sql`select user_id as "userId", sum(total_amount)::float8 as s from "order" where status in ('paid', 'fulfilled') and user_id is not null group by user_id`,
      );
  const reviews = await timed(
    "reviews",
    () =>
      queryRows<{ userId: string; productId: string; rating: number; body: string }>(
        db,
        sql`select user_id as "userId", product_id as "productId", rating, body from review where true ${ofUser(sql`user_id`)}`,
      ),
    onQuery,
  );
  const follows = await timed(
    "follows",
    () =>
      queryRows<{ followerId: string; targetKind: "creator" | "user"; targetId: string }>(
        db,
        sql`select follower_id as "followerId", target_kind as "targetKind", target_id as "targetId" from follow where true ${ofUser(sql`follower_id`)}`,
      ),
    onQuery,
  );
  const dismissed = await queryRows<{ userKey: string; productId: string }>(
    db,
    sql`select user_key as "userKey", product_id as "productId" from reco_dismissal where true ${one ? sql`and user_key = ${onlyUser}` : sql``}`,
  );
  const banditRows = one
    ? []
    : await queryRows<{ slot: string; source: string; i: number; c: number }>(
        db,
        sql`select slot, props->>'source' as source,
          (count(*) filter (where type = 'reco_impression'))::int as i,
          (count(*) filter (where type = 'reco_click'))::int as c
        from event
        where type in ('reco_impression', 'reco_click') and slot is not null and props->>'source' is not null
          and created_at > ${new Date(now - 30 * 86_400_000).toISOString()}::timestamptz
        group by 1, 2`,
      );
  return {
    now,
    trendEnd,
    items,
    tags,
    cells,
    userStats,
    owned,
    orderSpend: new Map(spendRows.map((r) => [r.userId, num(r.s)])),
    reviews,
    follows,
    dismissed,
    // A click logged without its impression (blocked beacon) must not make clicks exceed impressions.
    bandit: banditRows.map((r) => ({ slot: r.slot, source: r.source, impressions: Math.max(r.i, r.c), clicks: r.c })),
  };
}

/** node-postgres parses text[] into arrays; PGlite may hand back the literal. */
function parseTextArray(value: string[] | string | null): string[] {
  if (value === null) return [];
  if (Array.isArray(value)) return value;
  const inner = value.replace(/^\{|\}$/g, "");
  return inner === "" ? [] : inner.split(",").map((s) => s.replace(/^"|"$/g, ""));
}
