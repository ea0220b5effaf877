/**
 * Reading stored recommendations for pages and the JSON API.
 *
 *   await getRecommendations(db, { userId, visitorId, slot: "for_you", limit: 8 })
 *   await getItemNeighbours(db, { productId, relation: "similar" | "cross", limit: 8 })
 *
 * One statement per read, on primary-key ranges: the current generation comes from reco_state in a
 * sub-select (so a read can never mix two refreshes), and the user's own list, their cluster's list
 * and the site-wide "popular" list are fetched together and ranked in that order. What the user owns
 * or dismissed since the refresh is filtered in the same statement. Only when nothing was ever
 * computed (no refresh yet), or nothing of it is left, does a second query rank by recent orders, then
 * newest, under the same filter (visibleTo). Both are prepared statements (queryRowsPrepared): their
 * text depends only on the slot, so PostgreSQL plans them once per connection instead of per read.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { DEFAULT_LOCALE, type Locale } from "@/i18n/locales";
import { localizedString } from "@/lib/i18n/localized";
import { pgArrayLiteral, queryRows, queryRowsPrepared } from "@/db/rows";
import { reshapeCard, type ProductCardRow } from "@/lib/catalog/card-row";
import type { ProductCard } from "@/lib/catalog/types";
import type { ClusterProfile } from "./refresh/clusters";
import { noteBehaviourChange } from "./live";
import { nameSegments, type SegmentName } from "./segment-names";
import { POPULAR_KEY, VISITOR_KEY_PREFIX, type Slot } from "./slots";

/** Why an item is shown, resolved to what the UI needs to say it. */
export type ReasonView =
  | {
      kind: "because_item" | "similar_content";
      item: { title: string; slug: string; kind: string } | null;
      rel: string | null;
    }
  | { kind: "followed_creator"; creator: { name: string; slug: string } | null }
  | { kind: "tag"; tag: { slug: string; name: string; nameZh: string } | null }
  | { kind: "similar_users" | "graph" | "popular" | "cluster" | "newest" | "similar_item" | "cross_item" };

export type RecoItem = ProductCard & { rank: number; source: string; reason: ReasonView };

export type RecoList = {
  items: RecoItem[];
  /** Whose list it is: the user's own, their cluster's, the site's popular one, or the no-refresh fallback. */
  basis: "personal" | "cluster" | "popular" | "fallback";
  generation: number | null;
};

/** recommendation.user_id for a reader: the account when signed in, else the visitor cookie. */
export function recoUserKey(userId: string | null | undefined, visitorId: string | null | undefined): string | null {
  if (userId) return userId;
  if (visitorId) return `${VISITOR_KEY_PREFIX}${visitorId}`;
  return null;
}

/** The columns of a `ProductCardRow`, under its names, so `reshapeCard` serves these reads too. */
const cardSelect = sql`p.id, p.kind, p.slug, p.title, p.title_zh as "titleZh", p.subtitle, p.subtitle_zh as "subtitleZh",
  p.price_amount as "priceAmount", p.currency, p.image_seed as "imageSeed", c.slug as "creatorSlug", c.name as "creatorName",
  c.name_zh as "creatorNameZh", cd.level, ad.medium, ad.medium_zh as "mediumZh", ad.edition_size as "editionSize", ad.stock,
  (select t.topic from product_tag pt join tag t on t.id = pt.tag_id where pt.product_id = p.id order by t.slug limit 1) as topic`;

const cardJoins = sql`join creator c on c.id = p.creator_id
  left join course_detail cd on cd.product_id = p.id
  left join artwork_detail ad on ad.product_id = p.id`;

type RecoRow = ProductCardRow & {
  pri: number;
  rank: number;
  generation: number;
  reason: Record<string, unknown>;
  r_title: string | null;
  r_title_zh: string | null;
  r_slug: string | null;
  r_kind: string | null;
  t_name: string | null;
  t_name_zh: string | null;
  rc_name: string | null;
  rc_name_zh: string | null;
  rc_slug: string | null;
};

function reshapeReason(r: RecoRow, locale: Locale): ReasonView {
  const kind = String(r.reason.kind ?? "popular");
  switch (kind) {
    case "because_item":
    case "similar_content":
      return {
        kind,
        item:
          r.r_title && r.r_slug && r.r_kind
            ? { title: localizedString(locale, r.r_title, r.r_title_zh), slug: r.r_slug, kind: r.r_kind }
            : null,
        rel: (r.reason.rel as string | undefined) ?? null,
      };
    case "followed_creator":
      return {
        kind,
        creator:
          r.rc_name && r.rc_slug ? { name: localizedString(locale, r.rc_name, r.rc_name_zh), slug: r.rc_slug } : null,
      };
    case "tag":
      return {
        kind,
        tag: r.t_name ? { slug: String(r.reason.tag), name: r.t_name, nameZh: r.t_name_zh ?? r.t_name } : null,
      };
    case "popular":
      return { kind: r.reason.source === "cluster" ? "cluster" : "popular" };
    case "similar_users":
    case "graph":
      return { kind };
    default:
      return { kind: "popular" };
  }
}

const KIND_OF_SLOT: Record<Slot, SQL> = {
  for_you: sql`true`,
  art_for_learners: sql`p.kind = 'artwork'`,
  courses_for_collectors: sql`p.kind = 'course'`,
};

export type RecommendationQuery = {
  userId?: string | null;
  visitorId?: string | null;
  slot: Slot;
  limit: number;
  /** Items not to show (e.g. the product on the page). */
  excludeIds?: string[];
  /** The page's language: card texts come back in it (falling back, marked, to the other). */
  locale?: Locale;
};

/**
 * What a reader may be shown, on `p` (product) and `ad` (its artwork detail), whatever list it comes
 * from: published, in stock, of the slot's kind, not owned (an enrollment or a paid order line), not
 * dismissed (under the account or the visitor cookie: a "not interested" given before signing in
 * still counts) and not excluded by the caller. Every list goes through it, the popularity fallback
 * included: stored lists are only as fresh as their generation, the filter is as fresh as the read.
 */
function visibleTo(q: RecommendationQuery): SQL {
  // The text is the same for every reader of a slot (the values are parameters), so the read can be a
  // prepared statement with a cached plan (queryRowsPrepared). Nulls and empty arrays match nothing.
  const keys = [q.userId, q.visitorId ? `${VISITOR_KEY_PREFIX}${q.visitorId}` : null].filter(
    (k): k is string => typeof k === "string" && k.length > 0,
  );
  return sql`p.status = 'published' and (p.kind <> 'artwork' or ad.stock > 0) and ${KIND_OF_SLOT[q.slot]}
    and p.id not in (select d.product_id from reco_dismissal d where d.user_key = any(${pgArrayLiteral(keys)}::text[]))
    and p.id not in (select e.product_id from enrollment e where e.user_id = ${q.userId ?? null}::text)
    and p.id not in (select ol.product_id from "order" o join order_line ol on ol.order_id = o.id
      where o.user_id = ${q.userId ?? null}::text and o.status in ('paid', 'fulfilled') and ol.product_id is not null)
    and p.id <> all(${pgArrayLiteral(q.excludeIds ?? [])}::text[])`;
}

export async function getRecommendations(db: Executor, q: RecommendationQuery): Promise<RecoList> {
  const key = recoUserKey(q.userId, q.visitorId);
  const rows = await queryRowsPrepared<RecoRow>(
    db,
    sql`with st as (select generation from reco_state where id = 1),
      keys as (
        select ${key}::text as k, 0 as pri where ${key}::text is not null
        union all
        select 'cluster:' || uc.cluster_id, 1 from user_cluster uc
          where uc.generation = (select generation from st) and uc.user_id = ${key}::text
        union all
        select ${POPULAR_KEY}, 2
      )
      select k.pri, r.rank, r.generation, r.reason, ${cardSelect},
        ri.title as r_title, ri.title_zh as r_title_zh, ri.slug as r_slug, ri.kind as r_kind, t.name as t_name, t.name_zh as t_name_zh, rc.name as rc_name, rc.name_zh as rc_name_zh, rc.slug as rc_slug
      from keys k
      join recommendation r on r.generation = (select generation from st) and r.user_id = k.k and r.slot = ${q.slot}
      join product p on p.id = r.product_id
      ${cardJoins}
      left join product ri on ri.id = r.reason->>'itemId'
      left join tag t on t.slug = r.reason->>'tag'
      left join creator rc on rc.id = r.reason->>'creatorId'
      where ${visibleTo(q)}
      order by k.pri, r.rank
      limit ${q.limit * 3}`,
  );
  if (rows.length === 0) return fallbackList(db, q);
  const seen = new Set<string>();
  const items: RecoItem[] = [];
  for (const r of rows) {
    if (seen.has(r.id) || items.length >= q.limit) continue;
    seen.add(r.id);
    items.push({
      ...reshapeCard(r, q.locale ?? DEFAULT_LOCALE),
      rank: items.length + 1,
      source: String(r.reason.source ?? "pop"),
      reason: reshapeReason(r, q.locale ?? DEFAULT_LOCALE),
    });
  }
  const basis = (["personal", "cluster", "popular"] as const)[rows[0]!.pri] ?? "popular";
  return { items, basis, generation: rows[0]!.generation };
}

/** No refresh has run yet (or it left nothing for this slot): best sellers of the last 90 days, then newest. */
async function fallbackList(db: Executor, q: RecommendationQuery): Promise<RecoList> {
  const rows = await queryRowsPrepared<ProductCardRow>(
    db,
    sql`select ${cardSelect}
      from product p ${cardJoins}
      left join (
        select ol.product_id, sum(ol.quantity) as n from order_line ol join "order" o on o.id = ol.order_id
        where o.status in ('paid', 'fulfilled') and o.created_at > now() - interval '90 days' group by ol.product_id
      ) pop on pop.product_id = p.id
      where ${visibleTo(q)}
      order by coalesce(pop.n, 0) desc, p.created_at desc, p.slug
      limit ${q.limit}`,
  );
  return {
    items: rows.map((r, i) => ({
      ...reshapeCard(r, q.locale ?? DEFAULT_LOCALE),
      rank: i + 1,
      source: "fallback",
      reason: { kind: "popular" },
    })),
    basis: "fallback",
    generation: null,
  };
}

export type NeighbourQuery = { productId: string; relation: "similar" | "cross"; limit: number; locale?: Locale };

/**
 * "Similar" (same kind) or the cross-domain strip (courses <-> artworks) of a product page, from the
 * stored neighbour lists; before any refresh, products sharing the most tags, newest first.
 */
export async function getItemNeighbours(db: Executor, q: NeighbourQuery): Promise<RecoItem[]> {
  const kindFilter =
    q.relation === "similar"
      ? sql`(me.kind = 'bundle' or p.kind = me.kind)`
      : sql`((me.kind = 'course' and p.kind = 'artwork') or (me.kind = 'artwork' and p.kind = 'course'))`;
  const rows = await queryRows<ProductCardRow & { source: string }>(
    db,
    sql`with me as (select id, kind from product where id = ${q.productId})
      select n.source, ${cardSelect}
      from me
      join item_neighbor n on n.generation = (select generation from reco_state where id = 1) and n.product_id = me.id
      join product p on p.id = n.neighbor_id
      ${cardJoins}
      where p.status = 'published' and (p.kind <> 'artwork' or ad.stock > 0) and ${kindFilter}
      order by n.score desc, p.id
      limit ${q.limit}`,
  );
  const reasonKind = q.relation === "similar" ? "similar_item" : "cross_item";
  if (rows.length > 0)
    return rows.map((r, i) => ({
      ...reshapeCard(r, q.locale ?? DEFAULT_LOCALE),
      rank: i + 1,
      source: r.source,
      reason: { kind: reasonKind },
    }));
  const fallback = await queryRows<ProductCardRow & { shared: number }>(
    db,
    sql`with me as (select id, kind from product where id = ${q.productId}),
        my_tags as (select tag_id from product_tag where product_id = ${q.productId})
      select ${cardSelect}, (select count(*) from product_tag pt where pt.product_id = p.id and pt.tag_id in (select tag_id from my_tags))::int as shared
      from me join product p on p.id <> me.id
      ${cardJoins}
      where p.status = 'published' and (p.kind <> 'artwork' or ad.stock > 0) and ${kindFilter}
      order by shared desc, p.created_at desc, p.slug
      limit ${q.limit}`,
  );
  return fallback.map((r, i) => ({
    ...reshapeCard(r, q.locale ?? DEFAULT_LOCALE),
    rank: i + 1,
    source: "fallback",
    reason: { kind: reasonKind },
  }));
}

/** Records "not interested": the item disappears from this user's or visitor's lists at once. */
export async function dismissRecommendation(
  db: Executor,
  input: { userId?: string | null; visitorId?: string | null; productId: string },
): Promise<boolean> {
  const key = recoUserKey(input.userId, input.visitorId);
  if (!key) return false;
  const rows = await queryRows<{ ok: number }>(
    db,
    sql`insert into reco_dismissal (user_key, product_id)
      select ${key}, id from product where id = ${input.productId}
      on conflict do nothing returning 1 as ok`,
  );
  // Committed above: the lists are recomputed without the item (the reader already hides it).
  if (rows.length > 0) await noteBehaviourChange(db, key);
  return rows.length > 0;
}

export type ClusterOverview = {
  generation: number;
  refreshedAt: string;
  stats: Record<string, unknown>;
  clusters: { clusterId: number; size: number; profile: ClusterProfile }[];
  /** Names of every tag, so what a profile lists by slug (LDA topics) can be shown by name. */
  tagNames: Record<string, { name: string; nameZh: string }>;
} | null;

/** A profile as stored: generations written before segments were named lack `segment`. */
type StoredProfile = Omit<ClusterProfile, "segment"> & { segment?: SegmentName };

/** Profiles of one generation, each with its segment (named now for rows stored without one). */
function withSegments(profiles: StoredProfile[]): ClusterProfile[] {
  const named = profiles.every((p) => p.segment) ? null : nameSegments(profiles);
  return profiles.map((p, i) => ({ ...p, segment: p.segment ?? named![i]! }));
}

async function currentClusterRows(db: Executor, generation: number) {
  const rows = await queryRows<{ cluster_id: number; size: number; profile: StoredProfile | string }>(
    db,
    sql`select cluster_id, size, profile from cluster where generation = ${generation} order by size desc, cluster_id`,
  );
  const profiles = withSegments(
    rows.map((r) => (typeof r.profile === "string" ? (JSON.parse(r.profile) as StoredProfile) : r.profile)),
  );
  return rows.map((r, i) => ({ clusterId: Number(r.cluster_id), size: Number(r.size), profile: profiles[i]! }));
}

/** The current generation's clusters with their marketer profiles, largest first; null before any refresh. */
export async function getClusterOverview(db: Executor): Promise<ClusterOverview> {
  const [state] = await queryRows<{ generation: number; refreshed_at: unknown; stats: Record<string, unknown> | null }>(
    db,
    sql`select generation, refreshed_at, stats from reco_state where id = 1`,
  );
  if (!state) return null;
  const refreshedAt =
    state.refreshed_at instanceof Date
      ? state.refreshed_at.toISOString()
      : new Date(String(state.refreshed_at)).toISOString();
  const [clusters, tagRows] = await Promise.all([
    currentClusterRows(db, state.generation),
    queryRows<{ slug: string; name: string; name_zh: string }>(db, sql`select slug, name, name_zh from tag`),
  ]);
  return {
    generation: state.generation,
    refreshedAt,
    stats: state.stats ?? {},
    clusters,
    tagNames: Object.fromEntries(tagRows.map((t) => [t.slug, { name: t.name, nameZh: t.name_zh }])),
  };
}

export type SegmentChoice = { key: string; name: { en: string; zh: string }; size: number; clusterId: number };

/** The segments a campaign can target now (the current generation's clusters), largest first. */
export async function getCurrentSegments(
  db: Executor,
): Promise<{ generation: number | null; segments: SegmentChoice[] }> {
  const [state] = await queryRows<{ generation: number }>(db, sql`select generation from reco_state where id = 1`);
  if (!state) return { generation: null, segments: [] };
  const rows = await currentClusterRows(db, state.generation);
  return {
    generation: state.generation,
    segments: rows.map((r) => ({
      key: r.profile.segment.key,
      name: r.profile.segment.name,
      size: r.size,
      clusterId: r.clusterId,
    })),
  };
}

/**
 * The keys of the current segments a signed-in user (or, once visitors are clustered, the visitor) is a
 * member of; empty for anyone the last refresh did not cluster.
 */
export async function getSegmentsOf(
  db: Executor,
  { userId, visitorId }: { userId: string | null; visitorId: string | null },
): Promise<string[]> {
  const keys = [userId, visitorId ? `${VISITOR_KEY_PREFIX}${visitorId}` : null].filter(
    (k): k is string => typeof k === "string" && k.length > 0,
  );
  if (keys.length === 0) return [];
  const { generation, segments } = await getCurrentSegments(db);
  if (generation === null || segments.length === 0) return [];
  const rows = await queryRows<{ cluster_id: number }>(
    db,
    sql`select cluster_id from user_cluster where generation = ${generation} and user_id in (${sql.join(
      keys.map((k) => sql`${k}`),
      sql`, `,
    )})`,
  );
  const mine = new Set(rows.map((r) => Number(r.cluster_id)));
  return segments.filter((s) => mine.has(s.clusterId)).map((s) => s.key);
}
