/**
 * Writing behaviour events.
 *
 *   await recordEvents(db, { userId, visitorId, events })            // a validated beacon batch
 *   await recordServerEvent(db, { type: "purchase", userId, productId, value: 4900 })
 *   await mergeVisitorIntoUser(db, visitorId, userId)                 // on sign-in
 *
 * Consent is the caller's business: the beacon route only calls recordEvents with analytics consent.
 * recordServerEvent records facts about an account (a purchase, a review, a follow) for signed-in users
 * unconditionally, like the order itself; for an anonymous visitor (a cart before sign-in) pass
 * `consent` and nothing is stored unless it is "analytics".
 */
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { events } from "@/db/schema";
import { pgArrayLiteral, queryRows } from "@/db/rows";
import { noteBehaviourChange } from "@/lib/reco/live";
import { recoUserKey } from "@/lib/reco/read";
import { VISITOR_KEY_PREFIX } from "@/lib/reco/slots";
import { analyticsAllowed, isValidVisitorId, type Consent } from "@/lib/visitor";
import { serverEventSchema, type BeaconEvent, type ServerEvent } from "./schema";

export type RecordInput = {
  userId: string | null;
  visitorId: string | null;
  events: readonly BeaconEvent[];
  now?: Date;
};

/**
 * Stores one validated batch in a single statement. Events naming a product that does not exist (a
 * stale page after a product was removed) are dropped rather than failing the batch; returns how many
 * were stored.
 */
export async function recordEvents(db: Executor, input: RecordInput): Promise<number> {
  if (input.events.length === 0 || (!input.userId && !input.visitorId)) return 0;
  const col = <T extends string | number | null>(pick: (e: BeaconEvent) => T) => pgArrayLiteral(input.events.map(pick));
  const rows = await queryRows<{ id: number }>(
    db,
    sql`insert into event (type, user_id, visitor_id, product_id, dwell_ms, slot, props, created_at)
      select x.type::event_type, ${input.userId}::text, ${input.visitorId}::text, x.product_id, x.dwell_ms, x.slot,
        case when x.source is null then null else jsonb_build_object('source', x.source, 'rank', x.rank) end,
        ${(input.now ?? new Date()).toISOString()}::timestamptz
      from unnest(${col((e) => e.type)}::text[], ${col((e) => e.productId)}::text[], ${col((e) => (e.type === "view" ? e.dwellMs : null))}::int[],
        ${col((e) => (e.type === "view" ? null : e.slot))}::text[], ${col((e) => (e.type === "view" ? null : e.source))}::text[],
        ${col((e) => (e.type === "view" ? null : e.rank))}::int[]) as x(type, product_id, dwell_ms, slot, source, rank)
      where exists (select 1 from product p where p.id = x.product_id)
      returning id`,
  );
  // A new visitor's lists turn personal after a few views, not at the next full refresh. The worker's
  // queue keeps one waiting job per person, so a browsing session's beacons collapse into few updates.
  if (rows.length > 0) await noteBehaviourChange(db, recoUserKey(input.userId, input.visitorId));
  return rows.length;
}

export type ServerEventInput = ServerEvent & { consent?: Consent };

/**
 * One server-side fact: purchase (value = amount paid, minor units), add_to_cart, review (value =
 * rating) or follow (props.creatorId or props.userId). Throws on invalid input: callers are code, and a
 * wrong call should fail loudly in their tests. Returns false when nothing was stored (an anonymous
 * visitor without analytics consent).
 */
export async function recordServerEvent(db: Executor, input: ServerEventInput): Promise<boolean> {
  const { consent, ...rest } = input;
  const e = serverEventSchema.parse(rest);
  if (!e.userId && !analyticsAllowed(consent ?? "unset")) return false;
  await db.insert(events).values({
    type: e.type,
    userId: e.userId ?? null,
    visitorId: e.visitorId ?? null,
    productId: e.productId ?? null,
    value: e.value ?? null,
    props: e.props ?? null,
    createdAt: e.at ?? new Date(),
  });
  // The person's lists are recomputed once this commits (lib/reco/live.ts).
  await noteBehaviourChange(db, recoUserKey(e.userId, e.visitorId));
  return true;
}

/**
 * Attaches an anonymous visitor's behaviour to the account they signed in to: their events (those not
 * already attributed to someone) and their "not interested" choices. One transaction; idempotent.
 */
export async function mergeVisitorIntoUser(
  db: Executor,
  visitorId: string,
  userId: string,
): Promise<{ events: number; dismissals: number }> {
  if (!isValidVisitorId(visitorId) || !userId) return { events: 0, dismissals: 0 };
  const visitorKey = `${VISITOR_KEY_PREFIX}${visitorId}`;
  const run = async (tx: Executor) => {
    const moved = await queryRows<{ id: number }>(
      tx,
      sql`update event set user_id = ${userId} where visitor_id = ${visitorId} and user_id is null returning id`,
    );
    const kept = await queryRows<{ product_id: string }>(
      tx,
      sql`insert into reco_dismissal (user_key, product_id, created_at)
        select ${userId}, product_id, created_at from reco_dismissal where user_key = ${visitorKey}
        on conflict do nothing returning product_id`,
    );
    await tx.execute(sql`delete from reco_dismissal where user_key = ${visitorKey}`);
    if (moved.length > 0 || kept.length > 0) await noteBehaviourChange(tx, userId);
    return { events: moved.length, dismissals: kept.length };
  };
  return db.transaction(run);
}
