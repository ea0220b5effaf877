/**
 * Conversions by query: an exposed visitor converts when they (through the user id on the exposure or a
 * visitor -> user link) place a paid order containing the campaign's bundle or one of its featured items
 * within CONVERSION_WINDOW_DAYS of the exposure. Revenue is the value of those campaign lines only.
 * An order counts once, for the earliest exposure it can belong to (a user seen on two devices in two
 * variants cannot convert twice). Checkout knows nothing of campaigns.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { queryRows } from "@/db/rows";
import type { ArmAnalysisTotals } from "../analysis";

export const CONVERSION_WINDOW_DAYS = 7;

export type MeasurementScope = {
  experimentId: string;
  /** One phase, or null for every phase (channel attribution spans the whole campaign). */
  bucketVersion: number | null;
  productIds: string[];
  currency: string;
};

/** CTEs: x (exposures), per (per converting exposure: orders, revenue, first conversion time). */
function conversionCtes(scope: MeasurementScope): SQL {
  const version = scope.bucketVersion === null ? sql`true` : sql`e.bucket_version = ${scope.bucketVersion}`;
  const ids =
    scope.productIds.length > 0
      ? sql.join(
          scope.productIds.map((id) => sql`${id}`),
          sql`, `,
        )
      : sql`null`;
  return sql`with x as (
      select e.id, e.variant, e.visitor_id, e.user_id, e.utm_source, e.exposed_at
      from experiment_exposure e where e.experiment_id = ${scope.experimentId} and ${version}
    ),
    xu as (
      select x.id as exposure_id, x.user_id from x where x.user_id is not null
      union
      select x.id, vu.user_id from x join visitor_user vu on vu.visitor_id = x.visitor_id
    ),
    campaign_lines as (
      select ol.order_id, sum(ol.quantity * ol.unit_amount)::float8 as revenue
      from order_line ol where ol.product_id in (${ids}) and ol.currency = ${scope.currency}
      group by ol.order_id
    ),
    conv as (
      select distinct on (o.id) o.id as order_id, xu.exposure_id, o.created_at, cl.revenue
      from xu
      join x on x.id = xu.exposure_id
      join "order" o on o.user_id = xu.user_id and o.status in ('paid', 'fulfilled')
        and o.created_at >= x.exposed_at and o.created_at < x.exposed_at + make_interval(days => ${CONVERSION_WINDOW_DAYS})
      join campaign_lines cl on cl.order_id = o.id
      order by o.id, x.exposed_at, x.id
    ),
    per as (
      select exposure_id, count(*)::int as orders, sum(revenue)::float8 as revenue, min(created_at) as first_at
      from conv group by exposure_id
    )`;
}

export type ArmTotals = {
  variant: number;
  visitors: number;
  conversions: number;
  orders: number;
  revenue: number;
  revenueSquares: number;
};

/** Per variant: exposed visitors, converting visitors, orders, revenue and the sum of squared per-visitor revenue. */
export async function loadArmTotals(db: Executor, scope: MeasurementScope): Promise<ArmTotals[]> {
  const rows = await queryRows<{
    variant: number;
    visitors: number;
    conversions: number;
    orders: number;
    revenue: number;
    revenue_sq: number;
  }>(
    db,
    sql`${conversionCtes(scope)}
      select x.variant, count(*)::int as visitors, count(per.exposure_id)::int as conversions,
        coalesce(sum(per.orders), 0)::int as orders, coalesce(sum(per.revenue), 0)::float8 as revenue,
        coalesce(sum(per.revenue * per.revenue), 0)::float8 as revenue_sq
      from x left join per on per.exposure_id = x.id
      group by x.variant order by x.variant`,
  );
  return rows.map((r) => ({
    variant: Number(r.variant),
    visitors: Number(r.visitors),
    conversions: Number(r.conversions),
    orders: Number(r.orders),
    revenue: Number(r.revenue),
    revenueSquares: Number(r.revenue_sq),
  }));
}

export type DailyPoint = { day: string; variant: number; visitors: number; conversions: number; revenue: number };

/** New exposures by day of exposure, and first conversions by day of conversion (UTC days). */
export async function loadDaily(db: Executor, scope: MeasurementScope): Promise<DailyPoint[]> {
  const rows = await queryRows<{
    day: string;
    variant: number;
    visitors: number;
    conversions: number;
    revenue: number;
  }>(
    db,
    sql`${conversionCtes(scope)}
      select day, variant, sum(visitors)::int as visitors, sum(conversions)::int as conversions, sum(revenue)::float8 as revenue from (
        select to_char(x.exposed_at at time zone 'UTC', 'YYYY-MM-DD') as day, x.variant, 1 as visitors, 0 as conversions, 0::float8 as revenue from x
        union all
        select to_char(per.first_at at time zone 'UTC', 'YYYY-MM-DD'), x.variant, 0, 1, per.revenue from per join x on x.id = per.exposure_id
      ) t group by day, variant order by day, variant`,
  );
  return rows.map((r) => ({
    day: r.day,
    variant: Number(r.variant),
    visitors: Number(r.visitors),
    conversions: Number(r.conversions),
    revenue: Number(r.revenue),
  }));
}

export type ChannelTotals = { source: string | null; visitors: number; conversions: number; revenue: number };

/** Exposures and conversions by the utm_source of the visitor's first landing (first-touch attribution). */
export async function loadChannelTotals(db: Executor, scope: MeasurementScope): Promise<ChannelTotals[]> {
  const rows = await queryRows<{ source: string | null; visitors: number; conversions: number; revenue: number }>(
    db,
    sql`${conversionCtes(scope)}
      select x.utm_source as source, count(*)::int as visitors, count(per.exposure_id)::int as conversions,
        coalesce(sum(per.revenue), 0)::float8 as revenue
      from x left join per on per.exposure_id = x.id
      group by x.utm_source order by x.utm_source nulls last`,
  );
  return rows.map((r) => ({
    source: r.source,
    visitors: Number(r.visitors),
    conversions: Number(r.conversions),
    revenue: Number(r.revenue),
  }));
}

/**
 * Visitors each arm should have had under the weights in force when they arrived (the weight history),
 * for the sample-ratio check: with fixed weights this is N * w; under a bandit it follows the changes.
 */
export async function loadExpectedCounts(
  db: Executor,
  experimentId: string,
  bucketVersion: number,
  arms: number,
): Promise<number[]> {
  const rows = await queryRows<{ weights: number[] | string; n: number }>(
    db,
    sql`with x as (
        select e.exposed_at from experiment_exposure e where e.experiment_id = ${experimentId} and e.bucket_version = ${bucketVersion}
      ), h as (
        select id, weights, starts_at from experiment_weight_history where experiment_id = ${experimentId} and bucket_version = ${bucketVersion}
      )
      select h.weights, count(*)::int as n
      from x cross join lateral (
        -- the entry in force at exposure time; exposures before the first entry belong to the first one
        select coalesce(
          (select id from h where h.starts_at <= x.exposed_at order by h.starts_at desc, h.id desc limit 1),
          (select id from h order by h.starts_at, h.id limit 1)
        ) as id
      ) pick
      join h on h.id = pick.id
      group by h.id, h.weights`,
  );
  const expected = new Array<number>(arms).fill(0);
  for (const row of rows) {
    const weights = (typeof row.weights === "string" ? JSON.parse(row.weights) : row.weights) as number[];
    const total = weights.reduce((s, w) => s + w, 0) || 1;
    for (let i = 0; i < arms; i++) expected[i] = (expected[i] as number) + (Number(row.n) * (weights[i] ?? 0)) / total;
  }
  return expected;
}

/** Days before a visitor's first exposure whose paid orders are their pre-exposure behaviour (CUPED). */
export const PRE_EXPOSURE_DAYS = 14;
/** Per-visitor campaign revenue is capped at this percentile of converting visitors' revenue. */
export const REVENUE_CAP_PERCENTILE = 0.99;

/**
 * Per arm, everything the analysis needs (`ArmAnalysisTotals`, ../analysis.ts), as sums over exposed visitors:
 * - conversion (0/1) and campaign revenue winsorized at `cap`, the REVENUE_CAP_PERCENTILE of the
 *   revenue of converting visitors in this phase (of converters: most visitors have 0, so a percentile
 *   over all visitors would be 0 and cap everything away);
 * - the covariates: paid orders (any product, the campaign's currency) and their value in the
 *   PRE_EXPOSURE_DAYS before the exposure, with the cross products CUPED needs;
 * - refunded: visitors with a campaign order in the window that was refunded (a guardrail).
 * Only visitors known as a user (signed in, or linked later) can have pre-exposure orders; the others
 * count with 0, which is what they are to the analysis.
 */
export async function loadArmAnalysis(
  db: Executor,
  scope: MeasurementScope,
): Promise<{ cap: number; arms: ArmAnalysisTotals[] }> {
  const rows = await queryRows<Record<string, number | string | null>>(
    db,
    sql`${conversionCtes(scope)},
    cap as (select coalesce(percentile_cont(${REVENUE_CAP_PERCENTILE}) within group (order by revenue), 0)::float8 as c from per),
    -- materialized: the planner cannot estimate these CTEs' sizes and would otherwise re-run them per visitor
    pre as materialized (
      select xu.exposure_id, count(distinct o.id)::float8 as orders, sum(o.total_amount)::float8 as revenue
      from xu join x on x.id = xu.exposure_id
      join "order" o on o.user_id = xu.user_id and o.status in ('paid', 'fulfilled') and o.currency = ${scope.currency}
        and o.created_at < x.exposed_at and o.created_at >= x.exposed_at - make_interval(days => ${PRE_EXPOSURE_DAYS})
      group by xu.exposure_id
    ),
    refund as materialized (
      select distinct xu.exposure_id
      from xu join x on x.id = xu.exposure_id
      join "order" o on o.user_id = xu.user_id and o.status = 'refunded'
        and o.created_at >= x.exposed_at and o.created_at < x.exposed_at + make_interval(days => ${CONVERSION_WINDOW_DAYS})
      join campaign_lines cl on cl.order_id = o.id
    ),
    v as (
      select x.variant,
        case when per.exposure_id is null then 0 else 1 end::float8 as conv,
        least(coalesce(per.revenue, 0), (select c from cap))::float8 as rev,
        coalesce(pre.orders, 0)::float8 as pre_orders,
        coalesce(pre.revenue, 0)::float8 as pre_rev,
        case when refund.exposure_id is null then 0 else 1 end as refunded
      from x
      left join per on per.exposure_id = x.id
      left join pre on pre.exposure_id = x.id
      left join refund on refund.exposure_id = x.id
    )
    select variant, count(*)::int as visitors, sum(conv)::float8 as conversions,
      sum(rev)::float8 as revenue, sum(rev * rev)::float8 as revenue_sq,
      sum(pre_orders)::float8 as pre_orders, sum(pre_orders * pre_orders)::float8 as pre_orders_sq, sum(conv * pre_orders)::float8 as conv_x_pre,
      sum(pre_rev)::float8 as pre_rev, sum(pre_rev * pre_rev)::float8 as pre_rev_sq, sum(rev * pre_rev)::float8 as rev_x_pre,
      sum(refunded)::int as refunded, (select c from cap) as cap
    from v group by variant order by variant`,
  );
  // node-postgres returns int8/numeric as strings and PGlite as numbers: Number() for both.
  const n = (v: number | string | null | undefined) => Number(v ?? 0);
  return {
    cap: n(rows[0]?.cap),
    arms: rows.map((r) => ({
      variant: n(r.variant),
      visitors: n(r.visitors),
      conversions: n(r.conversions),
      revenue: n(r.revenue),
      revenueSquares: n(r.revenue_sq),
      preOrders: n(r.pre_orders),
      preOrdersSquares: n(r.pre_orders_sq),
      conversionsXPreOrders: n(r.conv_x_pre),
      preRevenue: n(r.pre_rev),
      preRevenueSquares: n(r.pre_rev_sq),
      revenueXPreRevenue: n(r.rev_x_pre),
      refunded: n(r.refunded),
    })),
  };
}

/**
 * Landing traffic for planning: new exposures per day over the `days` days before `now`, across all
 * experiments, and the share of those visitors who placed any paid order within CONVERSION_WINDOW_DAYS
 * (a starting point for the baseline rate, which the marketer may correct: it counts any purchase, not
 * only a campaign's products).
 */
export async function loadRecentTraffic(
  db: Executor,
  now: Date,
  days = 14,
): Promise<{ dailyVisitors: number; baselineRate: number | null }> {
  const since = new Date(now.getTime() - days * 86_400_000);
  const [row] = await queryRows<{ visitors: number | string; converted: number | string }>(
    db,
    sql`with x as (
        select e.id, e.visitor_id, e.user_id, e.exposed_at from experiment_exposure e
        where e.exposed_at >= ${since.toISOString()}::timestamptz and e.exposed_at < ${now.toISOString()}::timestamptz
      ),
      xu as (
        select x.id, x.user_id, x.exposed_at from x where x.user_id is not null
        union
        select x.id, vu.user_id, x.exposed_at from x join visitor_user vu on vu.visitor_id = x.visitor_id
      )
      select (select count(*) from x)::int as visitors,
        (select count(distinct xu.id) from xu join "order" o on o.user_id = xu.user_id and o.status in ('paid', 'fulfilled')
          and o.created_at >= xu.exposed_at and o.created_at < xu.exposed_at + make_interval(days => ${CONVERSION_WINDOW_DAYS}))::int as converted`,
  );
  const visitors = Number(row?.visitors ?? 0);
  const converted = Number(row?.converted ?? 0);
  return { dailyVisitors: visitors / days, baselineRate: visitors > 0 && converted > 0 ? converted / visitors : null };
}
