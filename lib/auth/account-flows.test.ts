/**
 * The account flows below the actions: session rows, the guarded sign-in (limits, device row),
 * address verification and password reset, asserting on the outbox rows they write.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountTokens, authSessions, outbox, users } from "@/db/schema";
import { freshDatabase, type FreshDb } from "@/test/fresh-db";
import { authenticate, registerUser, signUpSchema, type AccountUser } from "./accounts";
import { requestPasswordReset, resetPassword } from "./password-reset";
import { requestEmailChange } from "./profile";
import {
  createSession,
  describeUserAgent,
  getSessionUser,
  listSessions,
  revokeOwnSession,
  revokeSession,
  TOUCH_EVERY_MS,
} from "./sessions";
import { guardedSignIn } from "./sign-in-guard";
import { tokenDigest } from "./tokens";
import { isEmailVerified, resendVerification, verifyEmail } from "./verification";

let fresh: FreshDb;
beforeAll(async () => {
  fresh = await freshDatabase();
});
afterAll(() => fresh?.dispose());

const PASSWORD = "flows-password-1";
let n = 0;
async function member(locale = "en"): Promise<AccountUser> {
  n += 1;
  const result = await registerUser(
    fresh.db,
    signUpSchema.parse({ name: `Flow ${n}`, email: `flow${n}@flows.test`, password: PASSWORD }),
    { locale },
  );
  if (!result.ok) throw new Error("expected registration");
  return result.user;
}
type Mail = { to: string; subject: string; text: string; html: string; locale: string };
const mailsTo = async (to: string): Promise<Mail[]> =>
  (await fresh.db.select().from(outbox).orderBy(outbox.createdAt))
    .map((r) => r.payload as Mail)
    .filter((m) => m.to === to);
const linkIn = (mail: Mail | undefined) => new URL(/https?:\/\/\S+token=[A-Za-z0-9_-]+/.exec(mail?.text ?? "")![0]);
const tokenIn = (mail: Mail | undefined) => linkIn(mail).searchParams.get("token")!;
const headers = (h: Record<string, string> = {}) =>
  new Headers({
    "user-agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36",
    "x-forwarded-for": "198.51.100.7",
    ...h,
  });

describe("session rows", () => {
  it("accept a token only while its row is live and the account's own", async () => {
    const [me, other] = [await member(), await member()];
    const sid = await createSession(fresh.db, { userId: me.id, userAgent: "ua", ipPrefix: null });
    expect(await getSessionUser(fresh.db, me.id, sid)).toMatchObject({
      id: me.id,
      sessionId: sid,
      emailVerified: false,
    });
    expect(await getSessionUser(fresh.db, other.id, sid)).toBeNull();
    for (const bad of [undefined, null, 42, "", "not-a-uuid", crypto.randomUUID()])
      expect(await getSessionUser(fresh.db, me.id, bad)).toBeNull();
    expect(await getSessionUser(fresh.db, me.id, sid, new Date(Date.now() + 31 * 24 * 3600 * 1000))).toBeNull();
    await revokeSession(fresh.db, sid);
    expect(await getSessionUser(fresh.db, me.id, sid)).toBeNull();
  });

  it("write last_seen_at at most every few minutes, and extend the expiry then", async () => {
    const me = await member();
    const t0 = new Date("2026-03-01T10:00:00Z");
    const sid = await createSession(fresh.db, { userId: me.id, userAgent: "ua", ipPrefix: null, now: t0 });
    const seen = async () => (await fresh.db.select().from(authSessions).where(eq(authSessions.id, sid)))[0]!;
    await getSessionUser(fresh.db, me.id, sid, new Date(t0.getTime() + 60_000));
    expect((await seen()).lastSeenAt).toEqual(t0);
    const later = new Date(t0.getTime() + TOUCH_EVERY_MS + 1);
    await getSessionUser(fresh.db, me.id, sid, later);
    expect((await seen()).lastSeenAt).toEqual(later);
    expect((await seen()).expiresAt.getTime()).toBe(later.getTime() + 30 * 24 * 3600 * 1000);
  });

  it("list the account's live devices with browser, system and place; one can be ended by its owner only", async () => {
    const [me, other] = [await member(), await member()];
    const mine = await createSession(fresh.db, {
      userId: me.id,
      userAgent:
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1",
      ipPrefix: "203.0.113.0/24",
    });
    const phone = await createSession(fresh.db, {
      userId: me.id,
      userAgent:
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0.0.0 Safari/537.36 Edg/131.0",
      ipPrefix: null,
    });
    const list = await listSessions(fresh.db, me.id, mine);
    expect(list.map((s) => [s.browser, s.system, s.ipPrefix, s.current]).sort()).toEqual(
      [
        ["Safari", "iOS", "203.0.113.0/24", true],
        ["Edge", "Windows", null, false],
      ].sort(),
    );
    expect(await revokeOwnSession(fresh.db, other.id, phone)).toBe(false);
    expect(await getSessionUser(fresh.db, me.id, phone)).not.toBeNull();
    expect(await revokeOwnSession(fresh.db, me.id, phone)).toBe(true);
    expect((await listSessions(fresh.db, me.id, mine)).map((s) => s.id)).toEqual([mine]);
  });

  it("name browsers and systems from common User-Agents, and nothing from junk", () => {
    expect(
      describeUserAgent("Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:133.0) Gecko/20100101 Firefox/133.0"),
    ).toEqual({ browser: "Firefox", system: "macOS" });
    expect(
      describeUserAgent("Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36"),
    ).toEqual({ browser: "Chrome", system: "Android" });
    expect(describeUserAgent("curl/8.0")).toEqual({ browser: null, system: null });
  });
});

describe("guardedSignIn", () => {
  it("writes a device row with the User-Agent and the address's prefix", async () => {
    const me = await member();
    const result = await guardedSignIn(fresh.db, { email: me.email, password: PASSWORD, headers: headers() });
    if (!result.ok) throw new Error("expected a sign-in");
    const [row] = await fresh.db.select().from(authSessions).where(eq(authSessions.id, result.sessionId));
    expect(row).toMatchObject({ userId: me.id, ipPrefix: "198.51.100.0/24" });
    expect(row!.userAgent).toContain("Chrome/131");
  });

  it("refuses the sixth attempt for one account within the window, also with the right password, and says how long to wait", async () => {
    const me = await member();
    const t0 = new Date("2026-04-01T12:00:00Z");
    for (let i = 0; i < 5; i++)
      expect(
        await guardedSignIn(fresh.db, { email: me.email, password: "wrong-guess-1", headers: headers(), now: t0 }),
      ).toEqual({ ok: false, code: "invalid_credentials" });
    expect(await guardedSignIn(fresh.db, { email: me.email, password: PASSWORD, headers: headers(), now: t0 })).toEqual(
      { ok: false, code: "rate_limited", retryAfterSeconds: 300 },
    );
    // After the block, the right password works again and clears the account's counter.
    const after = new Date(t0.getTime() + 301_000);
    expect(
      await guardedSignIn(fresh.db, { email: me.email, password: PASSWORD, headers: headers(), now: after }),
    ).toMatchObject({ ok: true });
    for (let i = 0; i < 5; i++)
      expect(
        (await guardedSignIn(fresh.db, { email: me.email, password: "wrong-guess-1", headers: headers(), now: after }))
          .ok,
      ).toBe(false);
  });

  it("lets at most five of fifty parallel guesses be checked", async () => {
    const me = await member();
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        guardedSignIn(fresh.db, { email: me.email, password: "wrong-guess-1", headers: headers() }),
      ),
    );
    expect(results.filter((r) => !r.ok && r.code === "invalid_credentials")).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.code === "rate_limited")).toHaveLength(45);
  });

  it("limits unknown emails like known ones (no hint which exist)", async () => {
    const results = [];
    for (let i = 0; i < 6; i++)
      results.push(
        await guardedSignIn(fresh.db, { email: "ghost@flows.test", password: "wrong-guess-1", headers: headers() }),
      );
    expect(results.map((r) => (r.ok ? "ok" : r.code))).toEqual([
      ...Array(5).fill("invalid_credentials"),
      "rate_limited",
    ]);
  });
});

describe("address verification", () => {
  it("sign-up mails a link in the account's language; using it verifies the address, once", async () => {
    const me = await member("zh");
    const [mail] = await mailsTo(me.email);
    expect(mail).toMatchObject({ locale: "zh-CN", subject: "请确认你在 Atelier 的邮箱地址" });
    // The link opens the page in the mail's language.
    expect(linkIn(mail).origin + linkIn(mail).pathname).toBe("http://localhost:3000/zh/verify-email");
    expect(mail!.html).toContain('lang="zh-CN"');
    expect(mail!.html).not.toMatch(/<img|src=/i);
    // Only the digest is stored.
    const [row] = await fresh.db.select().from(accountTokens).where(eq(accountTokens.userId, me.id));
    expect(row!.tokenHash).toBe(tokenDigest(tokenIn(mail)));
    expect(row!.tokenHash).not.toBe(tokenIn(mail));

    expect(await isEmailVerified(fresh.db, me.id)).toBe(false);
    expect(await verifyEmail(fresh.db, tokenIn(mail))).toEqual({ ok: true, userId: me.id });
    expect(await isEmailVerified(fresh.db, me.id)).toBe(true);
    expect(await verifyEmail(fresh.db, tokenIn(mail))).toEqual({ ok: false });
    expect(await resendVerification(fresh.db, me.id)).toEqual({ ok: false, code: "already_verified" });
  });

  it("resends a fresh link; a link for an address the account no longer has verifies nothing", async () => {
    const me = await member();
    expect(await resendVerification(fresh.db, me.id)).toEqual({ ok: true });
    const links = (await mailsTo(me.email)).map(tokenIn);
    expect(new Set(links).size).toBe(2);
    // The account moves to another address (confirmed there) before the first link is used.
    await fresh.db
      .update(users)
      .set({ email: `moved${n}@flows.test` })
      .where(eq(users.id, me.id));
    expect(await verifyEmail(fresh.db, links[0])).toEqual({ ok: false });
    expect(await isEmailVerified(fresh.db, me.id)).toBe(false);
    expect(await verifyEmail(fresh.db, "garbage")).toEqual({ ok: false });
  });

  it("an email-change request mails the new address, not a verification", async () => {
    const me = await member();
    await requestEmailChange(fresh.db, me.id, { email: `next${n}@flows.test`, currentPassword: PASSWORD });
    const [mail] = await mailsTo(`next${n}@flows.test`);
    expect(linkIn(mail).pathname).toBe("/confirm-email");
  });
});

describe("password reset", () => {
  it("says nothing and mails nothing for an unknown address", async () => {
    const before = (await fresh.db.select().from(outbox)).length;
    await expect(requestPasswordReset(fresh.db, "nobody@flows.test")).resolves.toBeUndefined();
    expect((await fresh.db.select().from(outbox)).length).toBe(before);
  });

  it("mails a single-use 30-minute link; the reset sets the password, ends every session, and verifies the address", async () => {
    const me = await member("zh");
    const sessions = [
      await createSession(fresh.db, { userId: me.id, userAgent: "a", ipPrefix: null }),
      await createSession(fresh.db, { userId: me.id, userAgent: "b", ipPrefix: null }),
    ];
    const t0 = new Date();
    await requestPasswordReset(fresh.db, me.email, t0);
    const mail = (await mailsTo(me.email)).find((m) => m.subject === "重置你的 Atelier 密码");
    expect(mail?.text).toContain("30 分钟");
    expect(linkIn(mail).pathname).toBe("/zh/reset-password");
    const token = tokenIn(mail);

    expect(await resetPassword(fresh.db, { token, newPassword: "short", confirmPassword: "short" })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { newPassword: "password_too_short" },
    });
    expect(
      await resetPassword(fresh.db, { token, newPassword: "brand-new-pass-2", confirmPassword: "brand-new-pass-3" }),
    ).toMatchObject({ ok: false, fieldErrors: { confirmPassword: "password_mismatch" } });
    expect(
      await resetPassword(fresh.db, { token, newPassword: "brand-new-pass-2", confirmPassword: "brand-new-pass-2" }),
    ).toEqual({ ok: true, email: me.email });
    expect(await authenticate(fresh.db, me.email, "brand-new-pass-2")).toMatchObject({
      id: me.id,
      emailVerified: true,
    });
    expect(await authenticate(fresh.db, me.email, PASSWORD)).toBeNull();
    for (const sid of sessions) expect(await getSessionUser(fresh.db, me.id, sid)).toBeNull();
    expect(
      await resetPassword(fresh.db, { token, newPassword: "another-pass-4", confirmPassword: "another-pass-4" }),
    ).toEqual({ ok: false, code: "invalid_token" });
  });

  it("refuses a link after 30 minutes, and older links once one was used", async () => {
    const me = await member();
    const t0 = new Date();
    await requestPasswordReset(fresh.db, me.email, t0);
    await requestPasswordReset(fresh.db, me.email, t0);
    const [first, second] = (await mailsTo(me.email)).filter((m) => m.subject.startsWith("Reset")).map(tokenIn);
    expect(
      await resetPassword(
        fresh.db,
        { token: first!, newPassword: "late-password-5", confirmPassword: "late-password-5" },
        new Date(t0.getTime() + 31 * 60_000),
      ),
    ).toEqual({ ok: false, code: "invalid_token" });
    expect(
      await resetPassword(
        fresh.db,
        { token: first!, newPassword: "good-password-6", confirmPassword: "good-password-6" },
        new Date(t0.getTime() + 29 * 60_000),
      ),
    ).toMatchObject({ ok: true });
    expect(
      await resetPassword(fresh.db, {
        token: second!,
        newPassword: "other-password-7",
        confirmPassword: "other-password-7",
      }),
    ).toEqual({ ok: false, code: "invalid_token" });
    expect(await authenticate(fresh.db, me.email, "good-password-6")).not.toBeNull();
  });
});
