/**
 * The token and request actions of the account flows are public endpoints: bad tokens and hand-made
 * bodies get form messages, the forgot-password answer does not depend on whether the address has an
 * account, and the request limits answer with the real wait.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useDatabase, type Db } from "@/db/client";
import { outbox, users } from "@/db/schema";
import { authenticate, registerUser, signUpSchema, type AccountUser } from "@/lib/auth/accounts";
import { freshDatabase, type FreshDb } from "@/test/fresh-db";
import { redirectOf } from "@/test/redirect-mock";
import { signInAs } from "@/test/session-mock";

const state = vi.hoisted(() => ({ updates: 0, signIns: 0, ip: "192.0.2.10" }));
vi.mock("@/lib/server/session", () => import("@/test/session-mock"));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": state.ip }),
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
}));
// The requests come from Chinese pages: their redirects stay under /zh.
vi.mock("next-intl/server", () => ({ getLocale: async () => "zh" }));
vi.mock("@/lib/auth/auth-js", () => ({
  signIn: async () => {
    state.signIns += 1;
    const { redirect } = await import("@/test/redirect-mock");
    redirect("/account");
  },
  signOut: async () => undefined,
  updateSession: async () => {
    state.updates += 1;
  },
}));
vi.mock("next/navigation", () => import("@/test/redirect-mock"));

const { forgotPasswordAction, resetPasswordAction, verifyEmailAction, confirmEmailAction, signUpAction } =
  await import("./auth");
const { setLocaleAction } = await import("./locale");
const { requestEmailChange } = await import("@/lib/auth/profile");

let fresh: FreshDb;
let db: Db;
let mei: AccountUser;
const PASSWORD = "mei-paints-2026";

const form = (fields: Record<string, string>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
};
type Mail = { to: string; subject: string; text: string; locale: string };
const mailsTo = async (to: string): Promise<Mail[]> =>
  (await db.select().from(outbox).orderBy(outbox.createdAt)).map((r) => r.payload as Mail).filter((m) => m.to === to);
const tokenIn = (mail: Mail | undefined) => /token=([A-Za-z0-9_-]+)/.exec(mail?.text ?? "")![1]!;

beforeAll(async () => {
  fresh = await freshDatabase();
  db = fresh.db;
  useDatabase({ db, driver: fresh.driver, close: fresh.dispose });
  const r = await registerUser(
    db,
    signUpSchema.parse({ name: "Mei", email: "mei@auth-actions.test", password: PASSWORD }),
  );
  if (!r.ok) throw new Error("expected registration");
  mei = r.user;
});
afterAll(() => fresh?.dispose());

describe("forgot and reset password", () => {
  it("answers the same for a known and an unknown address; only the known one gets a mail", async () => {
    const known = await forgotPasswordAction(null, form({ email: "MEI@auth-actions.test" }));
    const unknown = await forgotPasswordAction(null, form({ email: "stranger@auth-actions.test" }));
    expect(known).toEqual({ ok: true, values: { email: "mei@auth-actions.test" } });
    expect(unknown).toEqual({ ok: true, values: { email: "stranger@auth-actions.test" } });
    expect(
      (await mailsTo("mei@auth-actions.test")).filter((m) => m.subject === "Reset your Atelier password"),
    ).toHaveLength(1);
    expect(await mailsTo("stranger@auth-actions.test")).toEqual([]);
  });

  it("resets with the mailed link and sends the person to sign in; the link is single use", async () => {
    const [mail] = (await mailsTo(mei.email)).filter((m) => m.subject === "Reset your Atelier password");
    const token = tokenIn(mail);
    expect(
      await resetPasswordAction(null, form({ token, newPassword: "weak", confirmPassword: "weak" })),
    ).toMatchObject({ ok: false, error: "invalid_input", fieldErrors: { newPassword: "password_too_short" } });
    expect(
      await redirectOf(
        resetPasswordAction(null, form({ token, newPassword: "mei-new-ink-27", confirmPassword: "mei-new-ink-27" })),
      ),
    ).toBe("/zh/sign-in?reset=1");
    expect(await authenticate(db, mei.email, "mei-new-ink-27")).toMatchObject({ id: mei.id });
    expect(
      await resetPasswordAction(
        null,
        form({ token, newPassword: "mei-third-ink-28", confirmPassword: "mei-third-ink-28" }),
      ),
    ).toEqual({ ok: false, error: "link_expired" });
    expect(
      await resetPasswordAction(
        null,
        form({ token: "forged", newPassword: "mei-third-ink-28", confirmPassword: "mei-third-ink-28" }),
      ),
    ).toEqual({ ok: false, error: "link_expired" });
  });

  it("limits reset requests per address typed, whatever the answer would be", async () => {
    const results = [];
    for (let i = 0; i < 4; i++)
      results.push(await forgotPasswordAction(null, form({ email: "target@auth-actions.test" })));
    expect(results.slice(0, 3).every((r) => r?.ok)).toBe(true);
    expect(results[3]).toEqual({
      ok: false,
      error: "too_many_attempts",
      values: { email: "target@auth-actions.test", retryMinutes: "15" },
    });
  });
});

describe("verify and confirm links", () => {
  it("verifies the address with the sign-up mail's link, then lands on the account page", async () => {
    const [mail] = (await mailsTo(mei.email)).filter((m) => m.subject.startsWith("Confirm your email"));
    expect(await redirectOf(verifyEmailAction(null, form({ token: tokenIn(mail) })))).toBe("/zh/account?verified=1");
    expect((await db.select({ v: users.emailVerified }).from(users).where(eq(users.id, mei.id)))[0]?.v).not.toBeNull();
    expect(await verifyEmailAction(null, form({ token: tokenIn(mail) }))).toEqual({ ok: false, error: "link_expired" });
    expect(await verifyEmailAction(null, form({}))).toMatchObject({ ok: false, error: "invalid_input" });
    expect(await verifyEmailAction(null, "junk" as unknown as FormData)).toEqual({ ok: false, error: "invalid_input" });
  });

  it("confirms an email change from the new address's link, refreshing this browser's session when it is the same account", async () => {
    await requestEmailChange(db, mei.id, { email: "mei.new@auth-actions.test", currentPassword: "mei-new-ink-27" });
    const [mail] = await mailsTo("mei.new@auth-actions.test");
    signInAs(mei);
    expect(await redirectOf(confirmEmailAction(null, form({ token: tokenIn(mail) })))).toBe(
      "/zh/account/settings?saved=email",
    );
    expect(state.updates).toBe(1);
    expect((await db.select({ email: users.email }).from(users).where(eq(users.id, mei.id)))[0]?.email).toBe(
      "mei.new@auth-actions.test",
    );
    expect((await mailsTo("mei@auth-actions.test")).at(-1)?.subject).toBe("Your Atelier email address was changed");
    expect(await confirmEmailAction(null, form({ token: tokenIn(mail) }))).toEqual({
      ok: false,
      error: "link_expired",
    });
  });
});

describe("sign-up", () => {
  it("creates the account in the interface language and signs in", async () => {
    expect(
      await redirectOf(
        signUpAction(null, form({ name: "Zhou", email: "zhou@auth-actions.test", password: "zhou-draws-2026" })),
      ),
    ).toBe("/account");
    expect(
      (await db.select({ locale: users.locale }).from(users).where(eq(users.email, "zhou@auth-actions.test")))[0]
        ?.locale,
    ).toBe("zh-CN");
    expect((await mailsTo("zhou@auth-actions.test"))[0]).toMatchObject({ locale: "zh-CN" });
  });

  it("limits sign-ups per client address with the real wait", async () => {
    state.ip = "198.51.100.99";
    const results = [];
    for (let i = 0; i < 61; i++)
      results.push(
        await signUpAction(
          null,
          form({ name: "Bot", email: "bot@auth-actions.test", password: "bot-password-1" }),
        ).catch(() => ({ ok: true })),
      );
    // The same email: taken after the first, limited per email after five.
    expect(results[5]).toEqual({
      ok: false,
      error: "too_many_attempts",
      values: { name: "Bot", email: "bot@auth-actions.test", retryMinutes: "15" },
    });
    state.ip = "198.51.100.100";
    const many = [];
    for (let i = 0; i < 61; i++)
      many.push(
        await signUpAction(
          null,
          form({ name: "Bot", email: `bot${i}@auth-actions.test`, password: "bot-password-1" }),
        ).catch(() => ({ ok: true })),
      );
    expect(many.slice(0, 60).filter((r) => JSON.stringify(r).includes("too_many_attempts"))).toEqual([]);
    expect(many[60]).toMatchObject({ ok: false, error: "too_many_attempts" });
  });
});

describe("language switch", () => {
  it("becomes the signed-in account's mail language; signed out it touches no account", async () => {
    const lang = async () =>
      (await db.select({ locale: users.locale }).from(users).where(eq(users.id, mei.id)))[0]?.locale;
    signInAs(null);
    await redirectOf(setLocaleAction(form({ locale: "zh", returnTo: "/" })));
    expect(await lang()).toBe("en");
    signInAs(mei);
    // The same page, in the language just chosen.
    expect(await redirectOf(setLocaleAction(form({ locale: "zh", returnTo: "/account" })))).toBe("/zh/account");
    expect(await lang()).toBe("zh-CN");
    expect(await redirectOf(setLocaleAction(form({ locale: "en", returnTo: "/account" })))).toBe("/account");
    expect(await lang()).toBe("en");
  });
});
