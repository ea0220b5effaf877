/**
 * Throwaway buyers, creators and products for integration tests and the checkout benchmark. Every row
 * carries the caller's tag in its slug or email, so `removeFixtures` can delete exactly what was made.
 */
import { randomUUID } from "node:crypto";
import { and, count, eq, inArray, like } from "drizzle-orm";
import type { Db } from "@/db/client";
import { placeOrder, type PlaceOrderInput, type PlaceOrderResult } from "./checkout";
import { applyPaymentEvent } from "./payment-flow";
import { SimulatedPaymentProvider } from "./providers/simulated";
import { CURRENCIES } from "@/lib/money";
import {
  addresses,
  artworkDetails,
  bundleItems,
  courseDetails,
  courseSections,
  creators,
  enrollments,
  events,
  lessons,
  offers,
  orderHolds,
  orders,
  orderLines,
  payments,
  products,
  shippingRates,
  users,
  type Role,
} from "@/db/schema";

export const FIXTURE_ADDRESS = {
  name: "Fixture Buyer",
  line1: "1 Test Street",
  city: "Springfield",
  region: "IL",
  postalCode: "62701",
  country: "US",
  phone: "+1 555 0100",
};

export function fixtureTag(): string {
  return `fx${randomUUID().replaceAll("-", "").slice(0, 10)}`;
}

export async function createUsers(db: Db, tag: string, count: number, role: Role = "consumer"): Promise<string[]> {
  if (count === 0) return [];
  const rows = Array.from({ length: count }, (_, i) => ({
    email: `${tag}-${role}-${i}@fixtures.test`,
    name: `${tag} ${role} ${i}`,
    role,
  }));
  const inserted = await db.insert(users).values(rows).returning({ id: users.id });
  // Every fixture buyer has an address, so artwork orders placed without one ship there (US: no tax).
  await db.insert(addresses).values(inserted.map((u) => ({ userId: u.id, ...FIXTURE_ADDRESS, isDefault: true })));
  return inserted.map((r) => r.id);
}

/** A creator profile owned by a new user with the creator role. */
export async function createCreator(db: Db, tag: string, n = 0): Promise<{ creatorId: string; userId: string }> {
  const [userId] = await db
    .insert(users)
    .values({ email: `${tag}-owner-${n}@fixtures.test`, name: `${tag} owner ${n}`, role: "creator" })
    .returning({ id: users.id });
  const [creator] = await db
    .insert(creators)
    .values({ slug: `${tag}-creator-${n}`, name: `${tag} creator ${n}`, kind: "artist", userId: userId!.id })
    .returning({ id: creators.id });
  // Free shipping anywhere in every currency: totals in tests stay the items' sum unless a test sets rates.
  await db.insert(shippingRates).values(
    CURRENCIES.map((currency) => ({
      creatorId: creator!.id,
      zone: "worldwide" as const,
      method: "flat" as const,
      currency,
    })),
  );
  return { creatorId: creator!.id, userId: userId!.id };
}

type ProductOpts = {
  creatorId: string;
  priceAmount?: number;
  currency?: string;
  status?: "draft" | "published" | "archived";
};

export async function createArtwork(
  db: Db,
  tag: string,
  opts: ProductOpts & { editionSize?: number; stock?: number; certificate?: boolean },
): Promise<string> {
  const id = randomUUID();
  const editionSize = opts.editionSize ?? 1;
  await db.transaction(async (tx) => {
    await tx.insert(products).values({
      id,
      kind: "artwork",
      slug: `${tag}-art-${id.slice(0, 8)}`,
      title: `Fixture artwork ${id.slice(0, 4)}`,
      priceAmount: opts.priceAmount ?? 50_000,
      currency: opts.currency ?? "USD",
      creatorId: opts.creatorId,
      status: opts.status ?? "published",
    });
    await tx.insert(artworkDetails).values({
      productId: id,
      medium: "Ink on paper",
      widthMm: 300,
      heightMm: 400,
      year: 2025,
      editionSize,
      stock: opts.stock ?? editionSize,
      certificate: opts.certificate ?? false,
    });
  });
  return id;
}

/** A course with two sections; the first lesson is a free preview. */
export async function createCourse(
  db: Db,
  tag: string,
  opts: ProductOpts & { lessonCount?: number },
): Promise<{ productId: string; slug: string; lessonIds: string[]; lessonSlugs: string[] }> {
  const id = randomUUID();
  const slug = `${tag}-course-${id.slice(0, 8)}`;
  const lessonIds: string[] = [];
  const lessonSlugs: string[] = [];
  await db.transaction(async (tx) => {
    await tx.insert(products).values({
      id,
      kind: "course",
      slug,
      title: `Fixture course ${id.slice(0, 4)}`,
      priceAmount: opts.priceAmount ?? 4_900,
      currency: opts.currency ?? "USD",
      creatorId: opts.creatorId,
      status: opts.status ?? "published",
    });
    await tx.insert(courseDetails).values({ productId: id, level: "beginner" });
    const sections = await tx
      .insert(courseSections)
      .values([0, 1].map((position) => ({ productId: id, position, title: `Part ${position + 1}` })))
      .returning({ id: courseSections.id });
    const count = opts.lessonCount ?? 4;
    for (let i = 1; i <= count; i++) {
      const lessonSlug = `${i}-lesson-${i}`;
      const [row] = await tx
        .insert(lessons)
        .values({
          productId: id,
          sectionId: sections[i <= count / 2 ? 0 : 1]!.id,
          position: i,
          slug: lessonSlug,
          title: `Lesson ${i}`,
          durationMinutes: 10,
          isPreview: i === 1,
          body: `## Lesson ${i}\n\nSECRET-BODY-${id}-${i}`,
        })
        .returning({ id: lessons.id });
      lessonIds.push(row!.id);
      lessonSlugs.push(lessonSlug);
    }
  });
  return { productId: id, slug, lessonIds, lessonSlugs };
}

export async function createBundle(db: Db, tag: string, opts: ProductOpts & { items: string[] }): Promise<string> {
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await tx.insert(products).values({
      id,
      kind: "bundle",
      slug: `${tag}-bundle-${id.slice(0, 8)}`,
      title: `Fixture bundle ${id.slice(0, 4)}`,
      priceAmount: opts.priceAmount ?? 60_000,
      currency: opts.currency ?? "USD",
      creatorId: opts.creatorId,
      status: opts.status ?? "published",
    });
    await tx.insert(bundleItems).values(opts.items.map((productId) => ({ bundleId: id, productId })));
  });
  return id;
}

/** Deletes everything tagged `tag`: orders of its products first (order lines restrict product deletion). */
export async function removeFixtures(db: Db, tag: string): Promise<void> {
  await db.transaction(async (tx) => {
    const productIds = tx
      .select({ id: products.id })
      .from(products)
      .where(like(products.slug, `${tag}-%`));
    const orderIds = tx
      .select({ id: orderLines.orderId })
      .from(orderLines)
      .where(inArray(orderLines.productId, productIds));
    await tx.delete(orders).where(inArray(orders.id, orderIds));
    await tx.delete(bundleItems).where(inArray(bundleItems.bundleId, productIds));
    await tx.delete(products).where(like(products.slug, `${tag}-%`));
    await tx.delete(creators).where(like(creators.slug, `${tag}-%`));
    await tx.delete(users).where(and(like(users.email, `${tag}-%`)));
  });
}

type ErrorEmitter = { on(event: "error", listener: (error: unknown) => void): unknown };

/**
 * pg's Pool.end() resolves before its clients' sockets have closed, so a test database dropped right
 * after (freshDatabase's dispose) can terminate them mid-goodbye and Node reports those
 * "terminating connection due to administrator command" errors as uncaught (the pool re-emits an idle
 * client's error on itself, and an EventEmitter without an error listener throws). They are expected
 * at teardown, so listen on the pool and on every client. A no-op on PGlite.
 */
export function tolerateTeardown(db: Db): void {
  type Pool = ErrorEmitter & {
    totalCount?: number;
    on(e: "connect", l: (c: ErrorEmitter) => void): unknown;
    _clients?: ErrorEmitter[];
  };
  const pool = (db as unknown as { $client?: Pool }).$client;
  if (!pool || typeof pool.totalCount !== "number") return;
  const quiet = (emitter: ErrorEmitter) => void emitter.on("error", () => undefined);
  quiet(pool);
  pool._clients?.forEach(quiet);
  pool.on("connect", quiet);
}

/** An artwork's stock as stored (undefined for an unknown product). */
export async function stockOf(db: Db, productId: string): Promise<number | undefined> {
  const [row] = await db
    .select({ stock: artworkDetails.stock })
    .from(artworkDetails)
    .where(eq(artworkDetails.productId, productId));
  return row?.stock;
}

/** Row counts of every table placeOrder writes, with all stock and offer rows: equal before and after proves a refusal wrote nothing. */
export async function checkoutSnapshot(db: Db) {
  const n = async (
    table: typeof orders | typeof orderLines | typeof payments | typeof enrollments | typeof events | typeof orderHolds,
  ) => (await db.select({ n: count() }).from(table))[0]!.n;
  const stocks = await db.select().from(artworkDetails).orderBy(artworkDetails.productId);
  const offerRows = await db.select().from(offers).orderBy(offers.id);
  return {
    orders: await n(orders),
    lines: await n(orderLines),
    payments: await n(payments),
    enrollments: await n(enrollments),
    events: await n(events),
    holds: await n(orderHolds),
    stocks,
    offerRows,
  };
}

/**
 * The simulated provider as tests drive it: its webhooks go straight to the shop's handling (signature
 * checked, event applied) instead of over HTTP. `delivered` collects every body it sent, for replays.
 */
export function inProcessSimProvider(options: { secret?: string; acknowledge?: boolean } = {}) {
  const secret = options.secret ?? "test-sim-secret-0123456789abcdefghij";
  const delivered: { body: string; headers: Record<string, string> }[] = [];
  const provider: SimulatedPaymentProvider = new SimulatedPaymentProvider({
    secret,
    webhookUrl: "http://shop.test/api/payments/webhook",
    send: async (_url, body, headers) => {
      delivered.push({ body, headers });
      if (options.acknowledge === false) return 503;
      const event = await provider.verifyWebhook(body, new Headers(headers));
      if (event) await applyPaymentEvent(event);
      return 200;
    },
  });
  return { provider, delivered, secret };
}

/** The sim payment id of an order (what the buyer's confirm URL names). */
export async function simPaymentOf(db: Db, orderId: string): Promise<string> {
  const [row] = await db.select({ reference: payments.reference }).from(payments).where(eq(payments.orderId, orderId));
  if (!row?.reference) throw new Error(`order ${orderId} has no provider payment`);
  return row.reference;
}

/**
 * placeOrder and then the buyer's choice on the simulated provider's page (`succeed` by default), its
 * webhook applied: what "buying" means for tests that are about what happens after payment.
 */
export async function placeAndPay(
  db: Db,
  input: PlaceOrderInput,
  choice: "succeed" | "decline" = "succeed",
): Promise<PlaceOrderResult> {
  const { provider } = inProcessSimProvider();
  const placed = await placeOrder(input, { provider });
  if (!placed.ok) return placed;
  const [row] = await db.select({ status: orders.status }).from(orders).where(eq(orders.id, placed.orderId));
  if (row?.status === "pending_payment") await provider.confirm(await simPaymentOf(db, placed.orderId), choice);
  return placed;
}
