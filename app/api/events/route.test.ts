import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { useDatabase } from "@/db/client";
import { events, products, rateLimits, recoDismissals, users } from "@/db/schema";
import { createSession, revokeSession } from "@/lib/auth/sessions";
import { freshDatabase, type FreshDb } from "@/test/fresh-db";
import { mergeVisitorIntoUser, recordServerEvent } from "@/lib/tracking/record";
import { MAX_BATCH_BYTES, MAX_BATCH_EVENTS } from "@/lib/tracking/schema";

// The route asks Auth.js for the session, which needs a Next request scope; tests say who is signed in.
const session: { user: { id: string } | null; sessionId?: string } = { user: null };
vi.mock("@/lib/auth/auth-js", () => ({
  auth: async () => (session.user ? { user: session.user, sessionId: session.sessionId } : null),
}));

const { POST } = await import("./route");

let fresh: FreshDb;
let productId: string;
const USER = "events-test-user";

beforeAll(async () => {
  fresh = await freshDatabase({ seed: true });
  useDatabase({ db: fresh.db, driver: fresh.driver, close: async () => {} });
  const [p] = await fresh.db.select({ id: products.id }).from(products).limit(1);
  productId = p!.id;
  await fresh.db.insert(users).values({ id: USER, email: "events@test.test", name: "Events", role: "consumer" });
});

afterAll(async () => {
  await fresh?.dispose();
});

beforeEach(() => {
  session.user = null;
  session.sessionId = undefined;
});

let visitorCounter = 0;
function visitor(): string {
  visitorCounter++;
  return `visitor${String(visitorCounter).padStart(12, "0")}abcd`;
}

function beacon(body: string, cookies: Record<string, string>, headers: Record<string, string> = {}): Request {
  const cookie = Object.entries(cookies)
    .map(([k, v]) => `${k}=${v}`)
    .join("; ");
  return new Request("http://localhost/api/events", {
    method: "POST",
    body,
    headers: { "content-type": "application/json", cookie, ...headers },
  });
}

const view = (dwellMs = 12_000) => ({ type: "view", productId, dwellMs });
const countEvents = async () => (await fresh.db.select({ n: sql<number>`count(*)::int` }).from(events))[0]!.n;

describe("POST /api/events", () => {
  it("stores nothing and answers 204 without analytics consent", async () => {
    const before = await countEvents();
    for (const consent of [undefined, "necessary", "bogus"]) {
      const res = await POST(
        beacon(
          JSON.stringify({ events: [view()] }),
          consent ? { atelier_consent: consent, atelier_vid: visitor() } : {},
        ),
      );
      expect(res.status).toBe(204);
    }
    expect(await countEvents()).toBe(before);
  });

  it("answers 400 and stores nothing for malformed batches", async () => {
    const before = await countEvents();
    const bodies = [
      "{not json",
      JSON.stringify({ events: [] }),
      JSON.stringify([view()]),
      JSON.stringify({ events: [view(), { ...view(), dwellMs: -5 }] }),
      JSON.stringify({ events: [view(), { type: "purchase", productId }] }),
      JSON.stringify({ events: [{ ...view(), extra: 1 }] }),
      JSON.stringify({ events: [{ type: "reco_click", productId, slot: "nowhere", source: "pop", rank: 1 }] }),
    ];
    for (const body of bodies) {
      const res = await POST(beacon(body, { atelier_consent: "analytics", atelier_vid: visitor() }));
      expect(res.status, body).toBe(400);
      expect((await res.json()).error).toBe("bad_request:events");
    }
    expect(await countEvents()).toBe(before);
  });

  it("answers 413 for too many bytes (declared or streamed) and too many events", async () => {
    const before = await countEvents();
    const big = JSON.stringify({ events: [view()], pad: "x".repeat(MAX_BATCH_BYTES) });
    expect(
      (
        await POST(
          beacon(
            big,
            { atelier_consent: "analytics", atelier_vid: visitor() },
            { "content-length": String(big.length) },
          ),
        )
      ).status,
    ).toBe(413);
    const streamed = new Request("http://localhost/api/events", {
      method: "POST",
      headers: { cookie: `atelier_consent=analytics; atelier_vid=${visitor()}` },
      body: new ReadableStream({
        start(c) {
          c.enqueue(new TextEncoder().encode(big));
          c.close();
        },
      }),
      // @ts-expect-error Node's fetch needs this for a stream body.
      duplex: "half",
    });
    expect((await POST(streamed)).status).toBe(413);
    const many = JSON.stringify({ events: Array.from({ length: MAX_BATCH_EVENTS + 1 }, () => view()) });
    expect(many.length).toBeLessThan(MAX_BATCH_BYTES);
    expect((await POST(beacon(many, { atelier_consent: "analytics", atelier_vid: visitor() }))).status).toBe(413);
    expect(await countEvents()).toBe(before);
  });

  it("stores a valid batch for the visitor, giving a new visitor an id cookie", async () => {
    const res = await POST(
      beacon(
        JSON.stringify({
          events: [view(30_000), { type: "reco_impression", productId, slot: "for_you", source: "itemknn", rank: 2 }],
        }),
        { atelier_consent: "analytics" },
      ),
    );
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ stored: 2 });
    const vid = /atelier_vid=([A-Za-z0-9_-]+)/.exec(res.headers.get("set-cookie") ?? "")?.[1];
    expect(vid).toBeDefined();
    const rows = await fresh.db.select().from(events).where(eq(events.visitorId, vid!));
    expect(rows.map((r) => [r.type, r.dwellMs, r.slot, r.props])).toEqual(
      expect.arrayContaining([
        ["view", 30_000, null, null],
        ["reco_impression", null, "for_you", { source: "itemknn", rank: 2 }],
      ]),
    );
    expect(rows.every((r) => r.userId === null)).toBe(true);
  });

  it("attributes events to the signed-in user and drops unknown products", async () => {
    session.user = { id: USER };
    session.sessionId = await createSession(fresh.db, { userId: USER, userAgent: "test", ipPrefix: null });
    const vid = visitor();
    const res = await POST(
      beacon(JSON.stringify({ events: [view(), { ...view(), productId: "no-such-product" }] }), {
        atelier_consent: "analytics",
        atelier_vid: vid,
      }),
    );
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ stored: 1 });
    expect(res.headers.get("set-cookie")).toBeNull();
    const rows = await fresh.db.select().from(events).where(eq(events.visitorId, vid));
    expect(rows.map((r) => r.userId)).toEqual([USER]);
  });

  it("treats cookies with broken percent-encoding as absent", async () => {
    const before = await countEvents();
    // A consent cookie that cannot be decoded is no consent: nothing stored.
    expect(
      (
        await POST(
          beacon(JSON.stringify({ events: [view()] }), { atelier_consent: "%E0%A4%A", atelier_vid: visitor() }),
        )
      ).status,
    ).toBe(204);
    expect(await countEvents()).toBe(before);
    // A visitor cookie that cannot be decoded is replaced by a new id.
    const res = await POST(
      beacon(JSON.stringify({ events: [view()] }), { atelier_consent: "analytics", atelier_vid: "%ZZ" }),
    );
    expect(res.status).toBe(202);
    expect(res.headers.get("set-cookie")).toMatch(/atelier_vid=[A-Za-z0-9_-]{16,}/);
    expect(await countEvents()).toBe(before + 1);
  });

  it("does not attribute events to an account whose session was ended (signed out, or ended elsewhere)", async () => {
    const [other] = await fresh.db
      .insert(users)
      .values({ email: "ended@test.test", name: "Ended", role: "consumer" })
      .returning({ id: users.id });
    const ended = await createSession(fresh.db, { userId: other!.id, userAgent: "test", ipPrefix: null });
    await revokeSession(fresh.db, ended);
    session.user = { id: other!.id };
    session.sessionId = ended;
    const vid = visitor();
    expect(
      (await POST(beacon(JSON.stringify({ events: [view()] }), { atelier_consent: "analytics", atelier_vid: vid })))
        .status,
    ).toBe(202);
    session.sessionId = await createSession(fresh.db, { userId: other!.id, userAgent: "test", ipPrefix: null });
    expect(
      (await POST(beacon(JSON.stringify({ events: [view()] }), { atelier_consent: "analytics", atelier_vid: vid })))
        .status,
    ).toBe(202);
    const rows = await fresh.db.select().from(events).where(eq(events.visitorId, vid));
    expect(rows.map((r) => r.userId).sort()).toEqual([other!.id, null].sort());
  });

  it("rate-limits a visitor that sends too many batches, in the shared store (parallel batches too)", async () => {
    const vid = visitor();
    const send = () =>
      POST(beacon(JSON.stringify({ events: [view()] }), { atelier_consent: "analytics", atelier_vid: vid }));
    const statuses = (await Promise.all(Array.from({ length: 25 }, send))).map((r) => r.status);
    expect(statuses.filter((s) => s === 202)).toHaveLength(20);
    const refused = await send();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    // The count lives in the database, not in this process: another instance would see the same row.
    const [row] = await fresh.db
      .select()
      .from(rateLimits)
      .where(eq(rateLimits.key, `beacon:v:${vid}`));
    expect(row?.blockedUntil).not.toBeNull();
  });

  it("counts a visitor without a cookie by address, and a garbage X-Forwarded-For does not fail the request", async () => {
    const res = await POST(
      beacon(
        JSON.stringify({ events: [view()] }),
        { atelier_consent: "analytics" },
        { "x-forwarded-for": "not an address, 999.1.1.1, ::::, [::1" },
      ),
    );
    expect(res.status).toBe(202);
  });
});

describe("mergeVisitorIntoUser", () => {
  it("moves the visitor's unattributed events and dismissals to the account, once", async () => {
    const db = fresh.db;
    const vid = visitor();
    const other = visitor();
    await db.insert(events).values([
      { type: "view", visitorId: vid, productId, dwellMs: 5000 },
      { type: "view", visitorId: vid, productId, dwellMs: 7000 },
      { type: "view", visitorId: vid, userId: USER, productId, dwellMs: 1000 },
      { type: "view", visitorId: other, productId, dwellMs: 9000 },
    ]);
    await db.insert(recoDismissals).values({ userKey: `v:${vid}`, productId });
    expect(await mergeVisitorIntoUser(db, vid, USER)).toEqual({ events: 2, dismissals: 1 });
    expect(await mergeVisitorIntoUser(db, vid, USER)).toEqual({ events: 0, dismissals: 0 });
    const mine = await db.select().from(events).where(eq(events.visitorId, vid));
    expect(mine.every((e) => e.userId === USER)).toBe(true);
    const theirs = await db.select().from(events).where(eq(events.visitorId, other));
    expect(theirs.every((e) => e.userId === null)).toBe(true);
    const dismissed = await db.select().from(recoDismissals).where(eq(recoDismissals.productId, productId));
    expect(dismissed.map((d) => d.userKey)).toEqual([USER]);
    expect(await mergeVisitorIntoUser(db, "bad id!", USER)).toEqual({ events: 0, dismissals: 0 });
  });
});

describe("recordServerEvent", () => {
  it("records account facts, skips anonymous visitors without consent, rejects bad calls", async () => {
    const db = fresh.db;
    expect(
      await recordServerEvent(db, {
        type: "purchase",
        userId: USER,
        productId,
        value: 4900,
        props: { orderId: "o-1" },
      }),
    ).toBe(true);
    const [purchase] = await db.select().from(events).where(eq(events.type, "purchase"));
    expect(purchase).toMatchObject({ userId: USER, productId, value: 4900, props: { orderId: "o-1" } });
    const vid = visitor();
    expect(await recordServerEvent(db, { type: "add_to_cart", visitorId: vid, productId })).toBe(false);
    expect(await recordServerEvent(db, { type: "add_to_cart", visitorId: vid, productId, consent: "analytics" })).toBe(
      true,
    );
    await expect(recordServerEvent(db, { type: "review", userId: USER, productId })).rejects.toThrow();
    await expect(recordServerEvent(db, { type: "purchase", productId })).rejects.toThrow();
  });
});
