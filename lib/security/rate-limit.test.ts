import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateLimits } from "@/db/schema";
import { freshDatabase, type FreshDb } from "@/test/fresh-db";
import { clientAddress, limitSubject } from "./client-address";
import {
  consumeLimit,
  consumeLimits,
  pruneLimits,
  resetLimit,
  retryAfterMinutes,
  RULES,
  type LimitRule,
} from "./rate-limit";

let fresh: FreshDb;
beforeAll(async () => {
  fresh = await freshDatabase();
});
afterAll(() => fresh?.dispose());

const rule: LimitRule = {
  name: "test",
  limit: 3,
  windowSeconds: 60,
  blockSeconds: 300,
  maxBlockSeconds: 1200,
  quietSeconds: 3600,
};
const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1) + seconds * 1000);
let n = 0;
const subject = () => `subject-${++n}`;

describe("consumeLimit", () => {
  it("allows `limit` attempts per window, then blocks for the real time left", async () => {
    const s = subject();
    for (let i = 0; i < 3; i++) expect(await consumeLimit(fresh.db, rule, s, at(i))).toEqual({ ok: true });
    expect(await consumeLimit(fresh.db, rule, s, at(10))).toEqual({ ok: false, retryAfterSeconds: 300 });
    // While blocked nothing is counted and the wait shrinks with the clock.
    expect(await consumeLimit(fresh.db, rule, s, at(70))).toEqual({ ok: false, retryAfterSeconds: 240 });
    expect(await consumeLimit(fresh.db, rule, s, at(309))).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(await consumeLimit(fresh.db, rule, s, at(310))).toEqual({ ok: true });
  });

  it("grows the block with each strike up to the cap, and forgets strikes after a quiet period", async () => {
    const s = subject();
    let t = 0;
    const overrun = async () => {
      let last = await consumeLimit(fresh.db, rule, s, at(t));
      for (let i = 0; i < 3 && last.ok; i++) last = await consumeLimit(fresh.db, rule, s, at(t));
      return last;
    };
    const blocks: number[] = [];
    for (let k = 0; k < 4; k++) {
      const result = await overrun();
      if (result.ok) throw new Error("expected a block");
      blocks.push(result.retryAfterSeconds);
      t += result.retryAfterSeconds;
    }
    expect(blocks).toEqual([300, 600, 1200, 1200]);
    t += 3601;
    const fresh1 = await overrun();
    expect(fresh1).toEqual({ ok: false, retryAfterSeconds: 300 });
  });

  it("starts a new window once the old one is over", async () => {
    const s = subject();
    for (let i = 0; i < 3; i++) await consumeLimit(fresh.db, rule, s, at(i));
    expect(await consumeLimit(fresh.db, rule, s, at(61))).toEqual({ ok: true });
  });

  it("lets exactly `limit` of many parallel attempts through", async () => {
    const s = subject();
    const results = await Promise.all(Array.from({ length: 30 }, () => consumeLimit(fresh.db, rule, s, at(0))));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results.filter((r) => !r.ok)).toHaveLength(27);
  });

  it("keeps subjects apart, and reset clears one subject only", async () => {
    const [a, b] = [subject(), subject()];
    for (let i = 0; i < 3; i++) await consumeLimit(fresh.db, rule, a, at(i));
    expect((await consumeLimit(fresh.db, rule, b, at(3))).ok).toBe(true);
    await resetLimit(fresh.db, rule, a);
    expect((await consumeLimit(fresh.db, rule, a, at(4))).ok).toBe(true);
    const [row] = await fresh.db
      .select()
      .from(rateLimits)
      .where(eq(rateLimits.key, `test:${b}`));
    expect(row?.points).toBe(1);
  });

  it("consumeLimits refuses when any limit does, with the longest wait", async () => {
    const [a, b] = [subject(), subject()];
    const strict = { ...rule, name: "strict", limit: 1, blockSeconds: 900 };
    expect(
      await consumeLimits(
        fresh.db,
        [
          { rule, subject: a },
          { rule: strict, subject: b },
        ],
        at(0),
      ),
    ).toEqual({ ok: true });
    expect(
      await consumeLimits(
        fresh.db,
        [
          { rule, subject: a },
          { rule: strict, subject: b },
          { rule, subject: null },
        ],
        at(1),
      ),
    ).toEqual({ ok: false, retryAfterSeconds: 900 });
  });

  it("cuts hostile subjects and prunes stale rows", async () => {
    const long = "x".repeat(10_000);
    expect((await consumeLimit(fresh.db, rule, long, at(0))).ok).toBe(true);
    const [row] = await fresh.db
      .select()
      .from(rateLimits)
      .where(eq(rateLimits.key, `test:${"x".repeat(200)}`));
    expect(row).toBeDefined();
    expect(await pruneLimits(fresh.db, at(3 * 24 * 3600))).toBeGreaterThan(0);
    expect(
      await fresh.db
        .select()
        .from(rateLimits)
        .where(eq(rateLimits.key, `test:${"x".repeat(200)}`)),
    ).toEqual([]);
  });

  it("words the wait in whole minutes, rounded up", () => {
    expect(retryAfterMinutes(1)).toBe(1);
    expect(retryAfterMinutes(300)).toBe(5);
    expect(retryAfterMinutes(301)).toBe(6);
  });

  it("blocks 50 fast wrong sign-ins for one account after five", async () => {
    const results = [];
    for (let i = 0; i < 50; i++)
      results.push(await consumeLimit(fresh.db, RULES.signInEmail, "victim@example.com", at(i / 5)));
    expect(results.findIndex((r) => !r.ok)).toBe(5);
    expect(results.slice(5).every((r) => !r.ok)).toBe(true);
  });
});

describe("clientAddress", () => {
  const h = (xff?: string) => new Headers(xff === undefined ? {} : { "x-forwarded-for": xff });
  it("behind a trusted proxy takes the address the proxy appended (the last), never what the client put before it", () => {
    expect(clientAddress(h("6.6.6.6, 203.0.113.9"), { trustProxy: true })).toEqual({
      address: "203.0.113.9",
      ipPrefix: "203.0.113.0/24",
    });
    expect(clientAddress(h("2001:db8:1:2:3:4:5:6"), { trustProxy: true })).toEqual({
      address: "2001:db8:1:2:3:4:5:6",
      ipPrefix: "2001:db8:1::/48",
    });
  });
  it("without a proxy takes a lone address (what Next writes from the socket), and anything else is one 'unknown' bucket", () => {
    expect(clientAddress(h("127.0.0.1"), { trustProxy: false }).address).toBe("127.0.0.1");
    expect(clientAddress(h("::ffff:10.1.2.3"), { trustProxy: false }).address).toBe("10.1.2.3");
    expect(clientAddress(h("1.1.1.1, 2.2.2.2"), { trustProxy: false })).toEqual({ address: "unknown", ipPrefix: null });
    for (const garbage of ["", "not-an-ip", "999.1.1.1", "[::1", "::::", "%00", "1.2.3.4:99999x"]) {
      expect(clientAddress(h(garbage), { trustProxy: true })).toEqual({ address: "unknown", ipPrefix: null });
    }
    expect(clientAddress(h(), { trustProxy: false }).address).toBe("unknown");
  });
  it("counts IPv6 clients per /64", () => {
    expect(limitSubject("2001:db8:1:2:aaaa::1")).toBe(limitSubject("2001:db8:1:2:bbbb::2"));
    expect(limitSubject("2001:db8:1:3::1")).not.toBe(limitSubject("2001:db8:1:2::1"));
    expect(limitSubject("192.0.2.1")).toBe("192.0.2.1");
  });
});
