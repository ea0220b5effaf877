/**
 * Conversions by query: an exposed visitor converts when they (through the user id on the exposure or a
 * visitor -> user link) place a paid order containing the campaign's bundle or one of its featured items
 * within CONVERSION_WINDOW_DAYS of the exposure. Revenue is the value of those campaign lines only.
 * An order counts once, for the earliest exposure it can belong to (a user seen on two devices in two
 * variants cannot convert twice). Checkout knows nothing of campaigns.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { selectRows } from "./sql";

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
  const ids = scope.productIds.length > 0 ? sql.join(scope.productIds.map((id) => sql`${id}`), sql`, `) : sql`null`;
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
      join "order" o on o.user_id = xu.user_id and o.status = 'paid'
        and o.created_at >= x.exposed_at and o.created_at < x.exposed_at + make_interval(days => ${CONVERSION_WINDOW_DAYS})
      join campaign_lines cl on cl.order_id = o.id
      order by o.id, x.exposed_at, x.id
    ),
    per as (
      select exposure_id, count(*)::int as orders, sum(revenue)::float8 as revenue, min(created_at) as first_at
      from conv group by exposure_id
    )`;
}

export type ArmTotals = { variant: number; visitors: number; conversions: number; orders: number; revenue: number; revenueSquares: number };

/** Per variant: exposed visitors, converting visitors, orders, revenue and the sum of squared per-visitor revenue. */
export async function loadArmTotals(db: Executor, scope: MeasurementScope): Promise<ArmTotals[]> {
  const rows = await selectRows<{ variant: number; visitors: number; conversions: number; orders: number; revenue: number; revenue_sq: number }>(
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
  const rows = await selectRows<{ day: string; variant: number; visitors: number; conversions: number; revenue: number }>(
    db,
    sql`${conversionCtes(scope)}
      select day, variant, sum(visitors)::int as visitors, sum(conversions)::int as conversions, sum(revenue)::float8 as revenue from (
        select to_char(x.exposed_at at time zone 'UTC', 'YYYY-MM-DD') as day, x.variant, 1 as visitors, 0 as conversions, 0::float8 as revenue from x
        union all
        select to_char(per.first_at at time zone 'UTC', 'YYYY-MM-DD'), x.variant, 0, 1, per.revenue from per join x on x.id = per.exposure_id
      ) t group by day, variant order by day, variant`,
  );
  return rows.map((r) => ({ day: r.day, variant: Number(r.variant), visitors: Number(r.visitors), conversions: Number(r.conversions), revenue: Number(r.revenue) }));
}

export type ChannelTotals = { source: string | null; visitors: number; conversions: number; revenue: number };

/** Exposures and conversions by the utm_source of the visitor's first landing (first-touch attribution). */
export async function loadChannelTotals(db: Executor, scope: MeasurementScope): Promise<ChannelTotals[]> {
  const rows = await selectRows<{ source: string | null; visitors: number; conversions: number; revenue: number }>(
    db,
    sql`${conversionCtes(scope)}
      select x.utm_source as source, count(*)::int as visitors, count(per.exposure_id)::int as conversions,
        coalesce(sum(per.revenue), 0)::float8 as revenue
      from x left join per on per.exposure_id = x.id
      group by x.utm_source order by x.utm_source nulls last`,
  );
  return rows.map((r) => ({ source: r.source, visitors: Number(r.visitors), conversions: Number(r.conversions), revenue: Number(r.revenue) }));
}

/**
 * Visitors each arm should have had under the weights in force when they arrived (the weight history),
 * for the sample-ratio check: with fixed weights this is N * w; under a bandit it follows the changes.
 */
export async function loadExpectedCounts(db: Executor, experimentId: string, bucketVersion: number, arms: number): Promise<number[]> {
  const rows = await selectRows<{ weights: number[] | string; n: number }>(
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
