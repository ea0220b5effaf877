/**
 * POST /api/reco/dismiss over its public contract: a small JSON body naming a product; oversized,
 * malformed or anonymous requests get a 4xx and store nothing; a good one is remembered for the visitor.
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { useDatabase } from "@/db/client";
import { products, recoDismissals } from "@/db/schema";
import { freshDatabase, type FreshDb } from "@/test/fresh-db";

const who = vi.hoisted(() => ({ userId: null as string | null, visitorId: null as string | null }));
vi.mock("@/lib/server/visitor", () => ({ recoIdentity: async () => ({ ...who }) }));

const { POST } = await import("./route");

let fresh: FreshDb;
let productId: string;
const VISITOR = "dismiss0visitor0000abcd";

beforeAll(async () => {
  fresh = await freshDatabase({ seed: true });
  useDatabase({ db: fresh.db, driver: fresh.driver, close: async () => {} });
  const [p] = await fresh.db.select({ id: products.id }).from(products).limit(1);
  productId = p!.id;
});
afterAll(() => fresh?.dispose());
beforeEach(() => {
  who.userId = null;
  who.visitorId = VISITOR;
});

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  // duplex: a streamed body (no declared length) must say it is sent half-duplex.
  POST(
    new Request("http://localhost/api/reco/dismiss", {
      method: "POST",
      body,
      duplex: "half",
      headers: { "content-type": "application/json", ...headers },
    } as RequestInit),
  );
const dismissals = async () => (await fresh.db.select({ n: sql<number>`count(*)::int` }).from(recoDismissals))[0]!.n;

describe("POST /api/reco/dismiss", () => {
  it("refuses bodies over 1 KB, streamed or declared, without reading them whole", async () => {
    const huge = JSON.stringify({ productId, pad: "x".repeat(5_000_000) });
    const streamed = await post(new Blob([huge]).stream());
    expect(streamed.status).toBe(413);
    expect(await streamed.json()).toMatchObject({ error: "too_large:reco" });
    expect((await post(JSON.stringify({ productId }), { "content-length": "999999" })).status).toBe(413);
    expect(await dismissals()).toBe(0);
  });

  it("answers 400 for a body that is not JSON, extra fields or a malformed id", async () => {
    for (const body of [
      "not json",
      "",
      JSON.stringify({ productId, extra: 1 }),
      JSON.stringify({ productId: "a b" }),
      JSON.stringify({ productId: "a\u0000" }),
      JSON.stringify([productId]),
    ]) {
      const res = await post(body);
      expect(res.status, body).toBe(400);
    }
    expect(await dismissals()).toBe(0);
  });

  it("answers 400 when there is no one to remember the choice for", async () => {
    who.visitorId = null;
    expect((await post(JSON.stringify({ productId }))).status).toBe(400);
    expect(await dismissals()).toBe(0);
  });

  it("remembers the visitor's choice once, and ignores unknown products", async () => {
    expect((await post(JSON.stringify({ productId }))).status).toBe(204);
    expect((await post(JSON.stringify({ productId }))).status).toBe(204);
    expect((await post(JSON.stringify({ productId: "no-such-product" }))).status).toBe(204);
    const rows = await fresh.db.select().from(recoDismissals).where(eq(recoDismissals.productId, productId));
    expect(rows.map((r) => r.userKey)).toEqual([`v:${VISITOR}`]);
    expect(await dismissals()).toBe(1);
  });
});
